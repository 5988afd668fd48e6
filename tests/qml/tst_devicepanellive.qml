import QtQuick
import QtTest
import MetalBootUi

// The device panel follows a real engine's journal live: each stage adds a step, an error
// names the failing step, a new power-on starts a new attempt.
TestCase {
    name: "DevicePanelLive"
    when: windowShown

    property var window: null
    readonly property string mac: "dc:a6:32:00:00:04"

    function initTestCase() {
        testSettings.firstRunDone = true
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        window = component.createObject(null, { lab: liveLab, settings: testSettings })
        window.show()
        tryCompare(liveLab.devices, "count", 8)
    }

    // Visual children (delegates) first, then QObject children of the window (models, popups).
    function child(name) {
        return findChild(window.contentItem, name) || findChild(window, name)
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function test_timelineFollowsTheBoot() {
        liveLab.openDevice(mac)
        tryCompare(liveLab.details, "loading", false)
        const timeline = liveLab.details.timeline
        compare(timeline.count, 0)
        labDriver.event(mac, "poe", "power.changed", "powering-on", "info", "port 4 on")
        labDriver.event(mac, "dhcp", "dhcp.offer", "dhcp", "info", "proxy offer")
        labDriver.event(mac, "tftp", "tftp.served", "tftp", "info", "sent start4.elf")
        tryCompare(timeline, "count", 3, 5000)
        // The fleet card shows the stage as well.
        tryVerify(() => liveLab.devices.device(mac).stage === "tftp", 5000)
        labDriver.event(mac, "tftp", "tftp.failed", "", "error", "fixup4.dat: file not found")
        labDriver.event(mac, "devices", "device.stage", "error", "error", "boot failed")
        tryCompare(timeline, "failed", true, 5000)
        compare(timeline.problemStage, "tftp")
        compare(timeline.failureMessage, "fixup4.dat: file not found")
        const panel = child("devicePanel")
        tryCompare(findChild(panel, "timelineProblem"), "visible", true)
        compare(findChild(panel, "panelJournal").count, 5)
        // Power on again: a second attempt, the failure is gone.
        labDriver.event(mac, "poe", "power.changed", "powering-on", "info", "port 4 on")
        tryCompare(timeline, "attempts", 2, 5000)
        compare(timeline.count, 1)
        verify(!timeline.failed)
        liveLab.closeDevice()
    }
}
