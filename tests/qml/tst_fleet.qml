import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// Fleet view with a fake lab: cards on their layout cells, discovered lane, filtering through
// the proxy models, multi-select (click, Ctrl-click, check box, keyboard), the bulk bar with
// power actions disabled for a stated reason, and the confirmation summary.
TestCase {
    id: test
    name: "Fleet"
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

    function cleanup() {
        testLab.devices.clearSelection()
        child("fleetFilter").text = ""
        child("stageFilter").currentIndex = 0
    }

    function card(mac) {
        return child("deviceCard_" + mac)
    }

    function test_cardsFollowTheLayout() {
        const adopted = child("adoptedDevices")
        const discovered = child("discoveredDevices")
        compare(adopted.count, 5)
        compare(discovered.count, 1)
        // pi-05 sits at cell (1, 1).
        const c = card("dc:a6:32:00:00:05")
        verify(c)
        compare(c.x, Theme.cellWidth + Theme.spacing)
        compare(c.y, Theme.cellHeight + Theme.spacing)
        // The discovered pi-06 has its Adopt button in the lane.
        verify(child("adopt_dc:a6:32:00:00:06").visible)
        verify(/^6 of 6 device/.test(child("fleetCount").text), child("fleetCount").text)
    }

    function test_filterByTextAndStage() {
        const filter = child("fleetFilter")
        const adopted = child("adoptedDevices")
        filter.text = "pi-03"
        compare(adopted.count, 1)
        verify(card("dc:a6:32:00:00:03"))
        verify(!card("dc:a6:32:00:00:01"))          // filtered cards are not instantiated
        filter.text = "DC-A6-32-00-00-04"
        compare(adopted.count, 1)
        filter.text = ""
        const stage = child("stageFilter")
        stage.currentIndex = stage.indexOfValue("error")
        compare(adopted.count, 1)
        compare(adopted.macs()[0], "dc:a6:32:00:00:03")
        verify(/^1 of 6 device/.test(child("fleetCount").text), child("fleetCount").text)
    }

    function test_multiSelectAndBulkBar() {
        const bar = child("bulkBar")
        verify(!bar.visible)
        mouseClick(card("dc:a6:32:00:00:01"))
        compare(testLab.devices.selectedCount, 1)
        verify(bar.visible)
        mouseClick(card("dc:a6:32:00:00:02"), 30, 60, Qt.LeftButton, Qt.ControlModifier)
        compare(testLab.devices.selectedCount, 2)
        mouseClick(child("select_dc:a6:32:00:00:04"))
        compare(testLab.devices.selectedMacs(), ["dc:a6:32:00:00:01", "dc:a6:32:00:00:02", "dc:a6:32:00:00:04"])
        compare(child("selectionCount").text, "3 selected")
        // A plain click selects only that card.
        mouseClick(card("dc:a6:32:00:00:05"))
        compare(testLab.devices.selectedMacs(), ["dc:a6:32:00:00:05"])
        mouseClick(child("selectAllButton"))
        compare(testLab.devices.selectedCount, 6)
        mouseClick(child("clearSelection"))
        compare(testLab.devices.selectedCount, 0)
        verify(!bar.visible)
    }

    function test_selectAllRespectsTheFilter() {
        child("fleetFilter").text = "pi-0"
        child("stageFilter").currentIndex = child("stageFilter").indexOfValue("os-up")
        mouseClick(child("selectAllButton"))
        compare(testLab.devices.selectedMacs(), ["dc:a6:32:00:00:06"])
    }

    function test_powerIsDisabledWithAReason() {
        testLab.devices.selectOnly("dc:a6:32:00:00:01")
        for (const name of ["bulkPowerOn", "bulkPowerOff", "bulkPowerCycle"]) {
            const b = child(name)
            verify(b.visible, name)
            verify(!b.live, name)
            verify(!b.button.enabled, name)
            compare(b.reason, testLab.powerUnavailableReason)
            compare(b.button.Accessible.description, testLab.powerUnavailableReason)
        }
        verify(testLab.powerUnavailableReason.indexOf("no PoE switch") >= 0, testLab.powerUnavailableReason)
        // The tooltip tells why on hover.
        const off = child("bulkPowerOff")
        mouseMove(off, off.width / 2, off.height / 2)
        wait(100)
        mouseMove(off, off.width / 2 + 2, off.height / 2)
        tryCompare(off.ToolTip, "visible", true)
        compare(off.ToolTip.text, testLab.powerUnavailableReason)
        verify(child("bulkNetbootOnce").enabled)
    }

    function test_confirmationSummarisesDestructiveActions() {
        testLab.devices.selectMany(["dc:a6:32:00:00:01", "dc:a6:32:00:00:02"])
        const page = child("fleetPage")
        page.confirm("cycle", testLab.devices.selectedDevices())
        const dialog = child("confirmActionDialog") || findChild(window.overlay, "confirmActionDialog")
        verify(dialog)
        tryCompare(dialog, "opened", true)
        compare(dialog.devices.length, 2)
        verify(/^Power cycle — 2 device/.test(dialog.title), dialog.title)
        const spy = createTemporaryObject(signalSpy, test, { target: dialog, signalName: "confirmed" })
        mouseClick(findChild(dialog.contentItem, "confirmAccept"))
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], "cycle")
        compare(spy.signalArguments[0][1], ["dc:a6:32:00:00:01", "dc:a6:32:00:00:02"])
        tryCompare(dialog, "opened", false)
        // Cancel emits nothing.
        page.confirm("off", testLab.devices.selectedDevices())
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(dialog.contentItem, "confirmCancel"))
        compare(spy.count, 1)
    }

    function test_keyboardSelectsAndOpens() {
        const c = card("dc:a6:32:00:00:02")
        c.forceActiveFocus()
        keyClick(Qt.Key_Space)
        verify(testLab.devices.isSelected("dc:a6:32:00:00:02"))
        keyClick(Qt.Key_Space)
        verify(!testLab.devices.isSelected("dc:a6:32:00:00:02"))
        keyClick(Qt.Key_Return)
        compare(testLab.details.mac, "dc:a6:32:00:00:02")
        verify(child("devicePanel").visible)
        mouseClick(child("closePanelButton"))
        verify(!testLab.details.open)
    }

    Component {
        id: signalSpy
        SignalSpy {}
    }
}
