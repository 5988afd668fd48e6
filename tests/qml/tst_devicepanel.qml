import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// Device panel: the boot timeline built from the journal (steps, the failing step named with
// its hint), the device's journal, power controls disabled with the reason; and live updates
// with a real engine (a boot that progresses, then stalls).
TestCase {
    id: test
    name: "DevicePanel"
    when: windowShown

    property var window: null

    function initTestCase() {
        testSettings.firstRunDone = true
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null, { lab: testLab, settings: testSettings })
        window.show()
        waitForRendering(window.contentItem)
    }

    // Visual children (delegates) first, then QObject children of the window (models, popups).
    function child(name) {
        return findChild(window.contentItem, name) || findChild(window, name)
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function test_failedBootIsExplained() {
        // Open it from the keyboard (a double click does the same, but Qt Quick Test's
        // synthetic double clicks do not reach TapHandler in 6.4).
        const card = child("deviceCard_dc:a6:32:00:00:03")
        card.forceActiveFocus()
        keyClick(Qt.Key_Return)
        tryCompare(testLab.details, "mac", "dc:a6:32:00:00:03")
        const panel = child("devicePanel")
        verify(panel.visible)
        compare(findChild(panel, "panelName").text, "pi-03")
        const timeline = testLab.details.timeline
        compare(timeline.count, 4)                      // powering on, DHCP, TFTP, error
        verify(timeline.failed)
        compare(timeline.problemStage, "tftp")
        compare(timeline.failureMessage, "fixup4.dat: file not found")
        verify(findChild(panel, "timelineStep_2").failed)
        compare(findChild(panel, "timelineProblemTitle").text, "Failed during TFTP")
        const hint = findChild(panel, "timelineHint")
        verify(hint.visible)
        verify(hint.text.indexOf("TFTP root") >= 0, hint.text)
        // Its journal only (the five events of pi-03, not pi-02's or the HTTP line).
        compare(findChild(panel, "panelJournal").count, 5)
        verify(!findChild(panel, "panelPowerCycle").live)
        verify(findChild(panel, "panelNetbootOnce").enabled)
        testLab.closeDevice()
    }

    function test_discoveredDeviceOffersAdopt() {
        testLab.openDevice("dc:a6:32:00:00:06")
        const panel = child("devicePanel")
        tryCompare(panel, "visible", true)
        verify(findChild(panel, "panelAdopt").visible)
        verify(!findChild(panel, "renameButton").visible)
        compare(testLab.details.timeline.count, 0)
        testLab.closeDevice()
    }
}
