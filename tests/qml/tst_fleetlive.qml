import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// Fleet against a real LabEngine (temp lab, services not started): dragging a card saves the
// new cell in lab.yaml (and swaps with the device already there), a device seen on the wire
// appears in the discovered lane and one click adopts it, netboot once reaches the journal.
TestCase {
    id: test
    name: "FleetLive"
    when: windowShown

    property var window: null

    function initTestCase() {
        testSettings.firstRunDone = true
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null, { lab: liveLab, settings: testSettings, width: 1400, height: 900 })
        window.show()
        tryCompare(liveLab.devices, "count", 8)
        waitForRendering(window.contentItem)
    }

    // Visual children (delegates) first, then QObject children of the window (models, popups).
    function child(name) {
        return findChild(window.contentItem, name) || findChild(window, name)
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function card(mac) {
        return child("deviceCard_" + mac)
    }

    function position(mac) {
        const d = liveLab.devices.device(mac)
        return Qt.point(d.positionX, d.positionY)
    }

    function dragCard(mac, dx, dy) {
        const c = card(mac)
        verify(c, mac)
        // Grab the card on its last line (not the check box) and move in steps past the
        // threshold, in window coordinates (the card follows the pointer while dragged).
        const root = window.contentItem
        const start = c.mapToItem(root, 100, 95)
        mousePress(root, start.x, start.y)
        const steps = 10
        for (let i = 1; i <= steps; ++i)
            mouseMove(root, start.x + dx * i / steps, start.y + dy * i / steps)
        mouseRelease(root, start.x + dx, start.y + dy)
    }

    function test_1_dragMovesAndSaves() {
        const mac = "dc:a6:32:00:00:01"
        compare(position(mac), Qt.point(0, 0))
        dragCard(mac, Theme.cellWidth * 5, Theme.cellHeight * 2)
        // device() returns a snapshot: poll it.
        tryVerify(() => liveLab.devices.device(mac).positionX === 5, 5000)
        compare(position(mac), Qt.point(5, 2))
        // The card follows the saved cell and the file holds it.
        tryCompare(card(mac), "x", 5 * Theme.cellWidth + Theme.spacing)
        verify(/dc:a6:32:00:00:01[^]*?position:[^]*?x: 5[^]*?y: 2/.test(labDriver.labYaml()), labDriver.labYaml())
    }

    function test_2_dropOnAnotherCardSwaps() {
        // pi-02 at (1,0) onto pi-03 at (2,0).
        dragCard("dc:a6:32:00:00:02", Theme.cellWidth, 0)
        tryVerify(() => liveLab.devices.device("dc:a6:32:00:00:02").positionX === 2, 5000)
        compare(position("dc:a6:32:00:00:03"), Qt.point(1, 0))
    }

    function test_3_tinyDragDoesNotMove() {
        const before = position("dc:a6:32:00:00:04")
        dragCard("dc:a6:32:00:00:04", 30, 10)
        wait(300)
        compare(position("dc:a6:32:00:00:04"), before)
        compare(liveLab.pendingActions, 0)
    }

    function test_4_discoveredDeviceIsAdoptedInOneClick() {
        const mac = "dc:a6:32:aa:bb:cc"
        labDriver.observe(mac, "abcd1234", "pi4")
        tryVerify(() => child("adopt_" + mac) !== null, 5000)
        const lane = child("discoveredDevices")
        compare(lane.count, 1)
        mouseClick(child("adopt_" + mac))
        tryVerify(() => liveLab.devices.device(mac).adopted === true, 5000)
        const d = liveLab.devices.device(mac)
        compare(d.name, "pi-09")
        compare(d.serial, "abcd1234")
        compare(d.profile, "default")            // the lab's only profile
        // The first free cell of the layout (row-major, 8 wide): (0,0) after pi-01 moved away.
        compare(Qt.point(d.positionX, d.positionY), Qt.point(0, 0))
        tryCompare(lane, "count", 0)
        verify(card(mac))
        verify(labDriver.labYaml().indexOf("dc:a6:32:aa:bb:cc") >= 0)
    }

    function test_5_netbootOnceIsJournaled() {
        liveLab.devices.selectMany(["dc:a6:32:00:00:05", "dc:a6:32:00:00:06"])
        const before = liveLab.journal.count
        mouseClick(child("bulkNetbootOnce"))
        tryCompare(liveLab.journal, "count", before + 2, 5000)
        liveLab.devices.clearSelection()
    }

    function test_6_assignProfileToSelection() {
        liveLab.devices.selectMany(["dc:a6:32:00:00:07", "dc:a6:32:00:00:08"])
        const combo = child("bulkProfile")
        combo.currentIndex = 0                     // (no profile)
        mouseClick(child("bulkAssignProfile"))
        tryVerify(() => liveLab.devices.device("dc:a6:32:00:00:08").profile === "", 5000)
        compare(liveLab.devices.device("dc:a6:32:00:00:07").profile, "")
        compare(liveLab.devices.device("dc:a6:32:00:00:06").profile, "default")
        liveLab.devices.clearSelection()
    }

    function test_7_powerWithoutControllerReportsWhy() {
        // The button is disabled; the command itself also refuses and says why.
        liveLab.power(["dc:a6:32:00:00:01"], "off")
        compare(liveLab.lastError, liveLab.powerUnavailableReason)
        liveLab.clearError()
    }
}
