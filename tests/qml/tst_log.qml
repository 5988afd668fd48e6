import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// Log page: filtering by device, source, severity and text happens in the proxy model (hidden
// lines have no delegate).
TestCase {
    name: "Log"
    when: windowShown

    property var window: null

    function initTestCase() {
        testSettings.firstRunDone = true
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        window = component.createObject(null, { lab: testLab, settings: testSettings })
        window.show()
        child("mainTabs").currentIndex = 4   // Log
        waitForRendering(window.contentItem)
    }

    // Visual children (delegates) first, then QObject children of the window (models, popups).
    function child(name) {
        return findChild(window.contentItem, name) || findChild(window, name)
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function test_filters() {
        const model = child("logModel")
        const list = child("logList")
        compare(model.count, 7)
        compare(list.count, 7)
        const device = child("logDeviceFilter")
        device.currentIndex = device.indexOfValue("dc:a6:32:00:00:03")
        compare(device.currentText, "pi-03")
        compare(list.count, 5)
        const source = child("logSourceFilter")
        compare(source.count, 6)                          // all + devices, dhcp, http, poe, tftp
        source.currentIndex = source.indexOfValue("tftp")
        compare(list.count, 2)
        const severity = child("logSeverityFilter")
        severity.currentIndex = 2                         // errors only
        compare(list.count, 1)
        device.currentIndex = 0
        source.currentIndex = 0
        severity.currentIndex = 0
        const text = child("logFilter")
        text.text = "PROXY"
        compare(list.count, 2)
        text.text = ""
        compare(list.count, 7)
        verify(model.toText().indexOf("GET /health") >= 0)
    }

    function test_unknownSenders() {
        const tabs = child("logTabs")
        const tab = child("logTabUnknownConsoles")
        compare(tab.text, "Unknown senders")
        mouseClick(tab)
        compare(tabs.currentIndex, 1)
        const view = child("unknownConsoles")
        tryCompare(view, "visible", true)
        verify(!child("logList").visible)
        const empty = findChild(view, "unknownConsoleEmpty")
        verify(empty.visible)
        compare(empty.text, "No console lines from unknown senders.")
        // The first sender opens by itself; its lines are shown as they come.
        testConsole.addUnknownLine("10.0.0.77", "stray kernel line")
        compare(tab.text, "Unknown senders (1)")
        compare(testLab.unknownConsole.source, "10.0.0.77")
        const lines = findChild(view, "unknownConsoleLines")
        tryCompare(lines, "count", 1)
        testConsole.addUnknownLine("10.0.0.77", "second line")
        testConsole.addUnknownLine("10.0.0.78", "other sender")
        tryCompare(lines, "count", 2)
        compare(tab.text, "Unknown senders (2)")
        const picker = findChild(view, "unknownConsoleSource")
        compare(picker.count, 2)
        compare(picker.currentText, "10.0.0.77")
        findChild(view, "unknownConsoleFilter").text = "second"
        compare(lines.count, 1)
        findChild(view, "unknownConsoleFilter").text = ""
        mouseClick(child("logTabJournal"))
        verify(child("logList").visible)
        verify(!view.visible)
    }
}
