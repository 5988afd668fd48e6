import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// First-run wizard on a real engine: opens by itself for the untouched demo lab, nothing is
// selected until the user picks an interface, the DHCP mode is recommended from what is seen,
// ports are checked, Apply writes lab.yaml through the engine, then live discovery shows a
// device appearing and adopts it.
TestCase {
    id: test
    name: "Wizard"
    when: windowShown

    property var window: null
    property var wizard: null

    function initTestCase() {
        testSettings.firstRunDone = false
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        window = component.createObject(null, { lab: liveLab, settings: testSettings })
        window.show()
        tryCompare(liveLab, "pristineDemo", true, 5000)
        wizard = child("setupWizard")
        verify(wizard)
        tryCompare(wizard, "opened", true, 5000)
        labDriver.useTestInterfaces()
    }

    // Visual children (delegates) first, then QObject children of the window (models, popups).
    function child(name) {
        return findChild(window.contentItem, name) || findChild(window, name)
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function button(name) {
        return findChild(wizard.footer, name)
    }

    function test_flow() {
        const setup = liveLab.setup
        compare(wizard.step, 0)
        compare(setup.selectedIndex, -1)            // nothing preselected
        verify(!button("wizardNext").enabled)
        // The Wi-Fi adapter carries a warning.
        const wifi = findChild(wizard.contentItem, "interface_wlan0")
        verify(wifi)
        verify(wifi.Accessible.description.indexOf("Wi-Fi") >= 0)
        // home0 has a router: proxy recommended.
        mouseClick(findChild(wizard.contentItem, "interface_home0"))
        compare(setup.selectedName, "home0")
        compare(setup.recommendedMode, "proxy")
        // lab0 has none: full DHCP recommended, with a pool in its subnet.
        mouseClick(findChild(wizard.contentItem, "interface_lab0"))
        compare(setup.recommendedMode, "full")
        compare(setup.mode, "full")
        verify(button("wizardNext").enabled)
        mouseClick(button("wizardNext"))
        compare(wizard.step, 1)
        verify(findChild(wizard.contentItem, "recommendation").text.indexOf("isolated") >= 0)
        compare(findChild(wizard.contentItem, "poolRange").text.indexOf("10.99.0.100 – 10.99.0.199") >= 0, true)
        // The user prefers proxy, then changes their mind.
        mouseClick(findChild(wizard.contentItem, "modeProxy"))
        compare(setup.mode, "proxy")
        mouseClick(findChild(wizard.contentItem, "modeFull"))
        compare(setup.mode, "full")
        // Nothing written so far.
        verify(labDriver.labYaml().indexOf("lab0") < 0)
        mouseClick(button("wizardNext"))
        compare(wizard.step, 2)
        compare(button("wizardNext").text, "Apply")
        tryVerify(() => setup.portChecks.count > 0 && !setup.portChecks.running, 10000)
        verify(setup.summary.join(" ").indexOf("lab0 (10.99.0.1)") >= 0, setup.summary.join(" "))
        mouseClick(button("wizardNext"))
        tryCompare(wizard, "step", 3, 5000)
        verify(setup.applied)
        const yaml = labDriver.labYaml()
        verify(/dhcp:[^]*?interface: lab0[^]*?address: 10\.99\.0\.1[^]*?port: 67/.test(yaml), yaml)
        verify(/mode: full/.test(yaml), yaml)
        verify(/range_start: 10\.99\.0\.100/.test(yaml), yaml)
        tryVerify(() => child("serviceWhere_tftp").text.indexOf("lab0") >= 0)
        verify(!liveLab.pristineDemo)

        // Live discovery: a Pi asks for a netboot, the user adopts it from the wizard.
        const status = findChild(wizard.contentItem, "discoveryStatus")
        verify(status.text.indexOf("Waiting") >= 0)
        labDriver.observe("dc:a6:32:12:34:56", "1234abcd", "pi4")
        tryVerify(() => status.text.indexOf("1 new device") >= 0, 5000)
        tryVerify(() => findChild(wizard.contentItem, "wizardAdopt_dc:a6:32:12:34:56") !== null)
        mouseClick(findChild(wizard.contentItem, "wizardAdopt_dc:a6:32:12:34:56"))
        tryVerify(() => liveLab.devices.device("dc:a6:32:12:34:56").adopted === true, 5000)
        mouseClick(button("wizardFinish"))
        tryCompare(wizard, "opened", false)
        verify(testSettings.firstRunDone)
    }
}
