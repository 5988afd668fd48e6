import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// The main window with a fake lab: every page loads, tabs switch, the services bar shows each
// service, and every visible actionable control carries objectName + Accessible.name.
TestCase {
    id: test
    name: "MainWindow"
    when: windowShown

    property var window: null

    function initTestCase() {
        testSettings.firstRunDone = true
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null, { lab: testLab, settings: testSettings })
        verify(window !== null)
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

    function test_tabsSwitchPages() {
        const tabs = child("mainTabs")
        // Always visible: the other netboot server the DHCP engine saw.
        compare(child("foreignServersBadge").text, "Other PXE server seen: 192.168.1.2")
        mouseClick(child("servicesTab"))
        compare(tabs.currentIndex, 3)
        const toggle = child("serviceToggle_dhcp")
        verify(toggle)
        compare(toggle.text, "Start")
        compare(toggle.button.Accessible.name, "Start DHCP")
        const http = child("serviceToggle_http")
        compare(http.text, "Stop")
        verify(http.live)
        // Services the build does not run yet are listed, with start disabled and the reason.
        const redfish = child("serviceToggle_redfish")
        verify(redfish)
        verify(!redfish.live)
        verify(redfish.reason.length > 0)
        compare(redfish.button.Accessible.description, redfish.reason)
        mouseClick(child("logTab"))
        compare(tabs.currentIndex, 4)
        mouseClick(child("powerTab"))
        compare(tabs.currentIndex, 1)
        mouseClick(child("profilesTab"))
        compare(tabs.currentIndex, 2)
        mouseClick(child("fleetTab"))
        compare(tabs.currentIndex, 0)
    }

    // Walks the item tree: every visible button-like control has an objectName and an
    // accessible name (automation and screen readers find it).
    function collect(root, out) {
        const stack = [root]
        const seen = new Set()
        while (stack.length > 0) {
            const item = stack.pop()
            if (!item || !item.visible || seen.has(item))
                continue
            seen.add(item)
            // Duck typing: instanceof does not see through the style's composite types in 6.4.
            const isButton = item.autoExclusive !== undefined && item.checkable !== undefined && typeof item.toggle === "function"
            const isInput = item.placeholderText !== undefined && item.echoMode !== undefined
            const isCombo = item.currentIndex !== undefined && item.textRole !== undefined && item.popup !== undefined
            if (isButton || isInput || isCombo) {
                out.push(item)
                continue   // their insides (a combo's text field, ...) belong to them
            }
            const kids = item.children
            for (let i = 0; i < kids.length; ++i)
                stack.push(kids[i])
        }
    }

    function checkControls(page) {
        const controls = []
        collect(window.contentItem, controls)
        verify(controls.length > 5, page + ": only " + controls.length + " controls")
        for (const c of controls) {
            // Controls inside a GuardedButton take the wrapper's objectName.
            const named = c.objectName.length > 0 || (c.parent && c.parent.objectName.length > 0)
            verify(named, page + ": a " + c + " '" + (c.text || "") + "' has no objectName")
            verify(c.Accessible.name.length > 0, page + ": " + (c.objectName || c.parent.objectName) + " has no accessible name")
        }
    }

    function test_accessibleControls() {
        const tabs = child("mainTabs")
        testLab.devices.selectOnly("dc:a6:32:00:00:01")
        testLab.openDevice("dc:a6:32:00:00:03")
        for (const [index, page] of [[0, "fleet"], [1, "power"], [2, "profiles"], [3, "services"], [4, "log"]]) {
            tabs.currentIndex = index
            waitForRendering(window.contentItem)
            checkControls(page)
        }
        tabs.currentIndex = 0
        testLab.closeDevice()
        testLab.devices.clearSelection()
    }
}
