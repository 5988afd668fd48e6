import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// The device panel's console tab with the fake lab: the empty state says how to get logs here
// (service state, netconsole opt-in, syslog address and port); live lines of the open device
// only, coloured by severity, followed at the tail; filter, pause/resume, serial port state,
// typing into the serial console, save, clear.
TestCase {
    id: test
    name: "Console"
    when: windowShown

    property var window: null
    readonly property string pi1: "dc:a6:32:00:00:01"

    function initTestCase() {
        testSettings.firstRunDone = true
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null, { lab: testLab, settings: testSettings })
        window.show()
        waitForRendering(window.contentItem)
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function child(name) {
        return findChild(window.contentItem, name) || findChild(window, name)
    }

    function openConsole() {
        testLab.openDevice(pi1)
        const panel = child("devicePanel")
        tryCompare(panel, "visible", true)
        mouseClick(findChild(panel, "panelConsoleTab"))
        const view = findChild(panel, "consoleView")
        tryCompare(view, "visible", true)
        return view
    }

    function cleanup() {
        const cm = testLab.details.console
        cm.paused = false
        testLab.closeDevice()
    }

    function test_emptyStateExplainsHowToGetLogs() {
        const view = openConsole()
        const cm = testLab.details.console
        compare(cm.mac, pi1)
        verify(!cm.loading)
        verify(findChild(view, "consoleEmpty").visible)
        compare(findChild(view, "consoleEmptyTitle").text, "No console output from this device yet.")
        // The service is not running (nothing reported yet): said first.
        verify(findChild(view, "consoleNotListening").visible)
        testConsole.setReceiver(true, "192.168.50.1", 6666, 5514, false)
        verify(!findChild(view, "consoleNotListening").visible)
        const netconsole = findChild(view, "consoleNetconsoleHint").text
        verify(netconsole.indexOf("udp 192.168.50.1:6666") >= 0, netconsole)
        const syslog = findChild(view, "consoleSyslogHint").text
        verify(syslog.indexOf("udp 192.168.50.1:5514") >= 0, syslog)
        verify(findChild(view, "consoleEnableNetconsole").visible)   // pi-01 is adopted
        grabImage(window.contentItem).save(screenshotDir + "/console-empty-fake.png")   // for review
        testConsole.setReceiver(true, "192.168.50.1", 6666, 5514, true)
        verify(!findChild(view, "consoleEnableNetconsole").visible)
        verify(findChild(view, "consoleNetconsoleHint").text.indexOf("Netconsole is on") >= 0)
        verify(!findChild(view, "consoleSerial").visible)
        verify(!findChild(view, "consoleCopy").enabled)
    }

    function test_liveLinesColouredAndFollowed() {
        const view = openConsole()
        testConsole.setReceiver(true, "192.168.50.1", 6666, 5514, true)
        const lines = findChild(view, "consoleLines")
        testConsole.addLine(pi1, "netconsole", 6, "kernel", "Booting Linux on physical CPU 0x0")
        testConsole.addLine("dc:a6:32:00:00:02", "netconsole", 6, "kernel", "another device")
        testConsole.addLine(pi1, "netconsole", 3, "kernel", "mmc0: timeout waiting for hardware interrupt")
        testConsole.addLine(pi1, "syslog", 4, "sshd", "disk almost full")
        testConsole.addLine(pi1, "serial", -1, "", "U-Boot 2024.01")
        compare(lines.count, 4)
        verify(!findChild(view, "consoleEmpty").visible)
        compare(findChild(child("devicePanel"), "panelConsoleTab").text, "Console (4)")
        tryVerify(() => lines.itemAtIndex(1) !== null)
        verify(Qt.colorEqual(lines.itemAtIndex(1).color, Theme.danger))
        verify(Qt.colorEqual(lines.itemAtIndex(2).color, Theme.warning))
        verify(Qt.colorEqual(lines.itemAtIndex(3).color, Theme.palette.text))
        verify(lines.itemAtIndex(1).text.indexOf("kernel: mmc0: timeout") > 0, lines.itemAtIndex(1).text)
        compare(lines.itemAtIndex(1).font.family, "monospace")
        // Following: a long burst keeps the newest line in view.
        for (let i = 0; i < 80; ++i)
            testConsole.addLine(pi1, "netconsole", 6, "kernel", "line " + i)
        tryVerify(() => lines.atYEnd && lines.contentHeight > lines.height)
        tryVerify(() => lines.itemAtIndex(lines.count - 1) !== null && lines.itemAtIndex(0) === null)   // the tail is shown, not the head
        grabImage(window.contentItem).save(screenshotDir + "/console-fake.png")   // for review
    }

    function test_filterPauseSerialSaveClear() {
        const view = openConsole()
        const cm = testLab.details.console
        const lines = findChild(view, "consoleLines")
        testConsole.addLine(pi1, "netconsole", 6, "kernel", "eth0: link up")
        testConsole.addLine(pi1, "syslog", 6, "cron", "job started")
        testConsole.addLine(pi1, "netconsole", 3, "kernel", "EXT4-fs error")
        compare(lines.count, 3)

        const filter = findChild(view, "consoleFilter")
        filter.forceActiveFocus()
        keyClick("e"); keyClick("x"); keyClick("t")
        compare(cm.filterText, "ext")
        compare(lines.count, 1)
        keyClick(Qt.Key_Escape)
        compare(lines.count, 3)
        const origin = findChild(view, "consoleOriginFilter")
        origin.currentIndex = 2
        origin.activated(2)
        compare(cm.origin, "syslog")
        compare(lines.count, 1)
        origin.currentIndex = 0
        origin.activated(0)
        compare(lines.count, 3)

        const pause = findChild(view, "consolePause")
        mouseClick(pause)
        verify(cm.paused)
        testConsole.addLine(pi1, "netconsole", 6, "kernel", "held back")
        compare(lines.count, 3)
        compare(pause.text, "Resume (1 new)")
        wait(Qt.styleHints.mouseDoubleClickInterval + 50)   // a second click, not a double click
        mouseClick(pause)
        verify(!cm.paused)
        compare(lines.count, 4)

        testConsole.setSerial("/dev/serial/by-id/usb-FTDI-if00-port0", "error", "No such file or directory")
        verify(findChild(view, "consoleSerial").visible)
        const serial = findChild(view, "consoleSerialState").text
        verify(serial.indexOf("No such file or directory") >= 0, serial)
        testConsole.setSerial("/dev/serial/by-id/usb-FTDI-if00-port0", "open", "")
        compare(findChild(view, "consoleSerialState").text, "Serial /dev/serial/by-id/usb-FTDI-if00-port0: open")

        mouseClick(findChild(view, "consoleSave"))
        const popup = child("consoleSavePopup")
        tryCompare(popup, "opened", true)
        const path = child("consoleSavePath")
        verify(path.text.indexOf("pi-01-console-") >= 0, path.text)
        path.text = screenshotDir + "/console-save-test.log"
        mouseClick(child("consoleSaveConfirm"))
        const result = findChild(view, "consoleSaveResult")
        tryVerify(() => result.text.indexOf("saved to " + screenshotDir + "/console-save-test.log") >= 0, 5000, result.text)
        verify(result.text.indexOf("4 console line") === 0, result.text)

        mouseClick(findChild(view, "consoleClear"))
        compare(lines.count, 0)
        verify(findChild(view, "consoleEmpty").visible)
    }

    SignalSpy {
        id: serialSpy
        signalName: "serialInput"
    }

    function test_serialInput() {
        const view = openConsole()
        const cm = testLab.details.console
        serialSpy.target = cm
        serialSpy.clear()
        const row = findChild(view, "consoleSerialInput")
        verify(!row.visible)                                  // no serial console: no input row
        testConsole.setSerial("/dev/ttyUSB0", "closed", "")
        verify(row.visible)
        const line = findChild(view, "consoleSerialLine")
        const send = findChild(view, "consoleSerialSend")
        verify(!line.enabled)
        verify(!send.enabled)
        testConsole.setSerial("/dev/ttyUSB0", "open", "")
        verify(line.enabled)
        verify(send.enabled)
        line.forceActiveFocus()
        keyClick(Qt.Key_L)
        keyClick(Qt.Key_S)
        compare(line.text, "ls")
        keyClick(Qt.Key_Return)                               // Enter sends
        compare(serialSpy.count, 1)
        compare(line.text, "")
        // This lab has no engine behind it: the answer is "not sent", and the view says why.
        const result = findChild(view, "consoleSerialResult")
        tryVerify(() => result.text.indexOf("Not sent") === 0, 2000, result.text)
        verify(!cm.sendingSerial)
        mouseClick(findChild(view, "consoleSerialInterrupt"))
        compare(serialSpy.count, 2)
        testConsole.setSerial("", "", "")
    }
}
