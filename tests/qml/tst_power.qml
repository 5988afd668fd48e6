import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// PoE faceplate with simulated polls: ports with state and sparkline, toggle after
// confirmation (protected ports need the override), drag a device onto a port to map it.
TestCase {
    id: test
    name: "Power"
    when: windowShown
    visible: true          // TestCase is invisible by default: the page must be shown to get input
    width: 1200
    height: 700

    property var page: null

    Component {
        id: pageComponent
        PowerPage {
            anchors.fill: parent
            ports: testSwitchPorts
            devices: testLab.devices
        }
    }

    SignalSpy {
        id: powerSpy
        target: testSwitchPorts
        signalName: "powerRequested"
    }
    SignalSpy {
        id: mapSpy
        target: testSwitchPorts
        signalName: "mapRequested"
    }

    function init() {
        page = createTemporaryObject(pageComponent, test)
        waitForRendering(page)
        powerSpy.clear()
        mapSpy.clear()
    }

    function dialog() {
        return findChild(page, "confirmPortDialog")
    }

    function test_faceplateShowsPorts() {
        verify(findChild(page, "faceplate_sim"))
        for (let p = 1; p <= 8; ++p)
            verify(findChild(page, "port_sim_" + p), "port " + p)
        compare(findChild(findChild(page, "port_sim_2"), "portDevice").text, "pi-02")
        compare(findChild(findChild(page, "port_sim_7"), "portDevice").text, "unmapped")
        testPower.poll()
        testPower.poll()
        waitForRendering(page)
        grabImage(page).save(screenshotDir + "/power-fake.png")   // for review (power.png: the real binary)
        const before = testSwitchPorts.data(testSwitchPorts.index(0, 0), SwitchPortModel.HistoryRole).length
        testPower.poll()
        compare(testSwitchPorts.data(testSwitchPorts.index(0, 0), SwitchPortModel.HistoryRole).length, before + 1)
    }

    function test_toggleNeedsConfirmation() {
        mouseClick(findChild(page, "port_sim_3"))
        tryCompare(dialog(), "opened", true)
        compare(dialog().title, "Turn off port 3 of sim?")
        compare(powerSpy.count, 0)
        mouseClick(findChild(dialog().contentItem, "portConfirm"))
        compare(powerSpy.count, 1)
        compare(Array.from(powerSpy.signalArguments[0]), ["sim", "3", "off", false])
        tryCompare(dialog(), "opened", false)
    }

    function test_protectedPortNeedsOverride() {
        mouseClick(findChild(page, "port_sim_8"))
        tryCompare(dialog(), "opened", true)
        const confirm = findChild(dialog().contentItem, "portConfirm")
        verify(!confirm.enabled)
        mouseClick(findChild(dialog().contentItem, "portOverride"))
        verify(confirm.enabled)
        mouseClick(confirm)
        compare(powerSpy.count, 1)
        compare(Array.from(powerSpy.signalArguments[0]), ["sim", "8", "on", true])
    }

    // A port with no managed device is protected too; the override names that risk.
    function test_unmappedPortOverrideAndCycle() {
        mouseClick(findChild(page, "port_sim_6"))
        tryCompare(dialog(), "opened", true)
        const box = findChild(dialog().contentItem, "portOverride")
        verify(box.visible)
        verify(box.text.indexOf("No managed device") >= 0, box.text)
        mouseClick(findChild(dialog().contentItem, "portCancel"))
        tryCompare(dialog(), "opened", false)
        compare(powerSpy.count, 0)
        // Cycle: its own button, its own confirmation.
        mouseClick(findChild(page, "cycle_sim_2"))
        tryCompare(dialog(), "opened", true)
        compare(dialog().title, "Power cycle port 2 of sim?")
        mouseClick(findChild(dialog().contentItem, "portConfirm"))
        compare(Array.from(powerSpy.signalArguments[0]), ["sim", "2", "cycle", false])
    }

    function test_dragDeviceOntoPort() {
        // Only adopted devices are listed (a mapping lives in the lab file).
        verify(!findChild(page, "chip_dc:a6:32:00:00:06").visible)
        const chip = findChild(page, "chip_dc:a6:32:00:00:05")
        const target = findChild(page, "port_sim_7")
        verify(chip && target)
        const from = chip.mapToItem(page, chip.width / 2, chip.height / 2)
        const to = target.mapToItem(page, target.width / 2, target.height / 2)
        mousePress(page, from.x, from.y)
        for (let i = 1; i <= 20; ++i)
            mouseMove(page, from.x + (to.x - from.x) * i / 20, from.y + (to.y - from.y) * i / 20)
        mouseRelease(page, to.x, to.y)
        tryCompare(mapSpy, "count", 1)
        compare(Array.from(mapSpy.signalArguments[0]), ["dc:a6:32:00:00:05", "sim", "7"])
        // Protected ports refuse mappings.
        verify(!testSwitchPorts.mapDevice(7, "dc:a6:32:00:00:05"))
    }
}
