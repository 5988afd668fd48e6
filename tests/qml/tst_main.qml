import QtQuick
import QtTest
import MetalBootUi

// The main window with a fake lab: every page loads, the fleet shows every device, filtering
// works, and the services bar shows each service's state.
TestCase {
    id: test
    name: "MainWindow"
    when: windowShown

    property var window: null

    function initTestCase() {
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null, { lab: testLab })
        verify(window !== null)
        window.show()
        waitForRendering(window.contentItem)
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function test_fleetShowsEveryDevice() {
        const grid = findChild(window.contentItem, "fleetGrid")
        verify(grid)
        compare(grid.count, 6)
    }

    function test_filterHidesOtherDevices() {
        const filter = findChild(window.contentItem, "fleetFilter")
        const grid = findChild(window.contentItem, "fleetGrid")
        filter.text = "pi-03"
        let visibleCards = 0
        for (let i = 0; i < grid.count; ++i) {
            const item = grid.itemAtIndex(i)
            if (item && item.visible)
                ++visibleCards
        }
        compare(visibleCards, 1)
        filter.text = ""
    }

    function test_tabsSwitchPages() {
        const tabs = findChild(window.contentItem, "mainTabs")
        const servicesTab = findChild(window.contentItem, "servicesTab")
        mouseClick(servicesTab)
        compare(tabs.currentIndex, 1)
        const toggle = findChild(window.contentItem, "serviceToggle_dhcp")
        verify(toggle)
        compare(toggle.text, "Start")
        compare(toggle.Accessible.name, "Start DHCP")
        mouseClick(findChild(window.contentItem, "fleetTab"))
        compare(tabs.currentIndex, 0)
    }
}
