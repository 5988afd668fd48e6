import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// The walk a user makes on the demo lab, end to end with nothing simulated but the Pi itself:
// every service runs (loopback, ephemeral ports), the user powers a virtual Pi on from its device
// panel, the Pi boots through the real proxy DHCP, TFTP (bootloader files, RPI_EFI.fd), UEFI PXE,
// iPXE and HTTP, its kernel reports over netconsole, and its card reaches "OS up" with the boot
// timeline and console filled in from what the services saw.
TestCase {
    id: test
    name: "BootWalk"
    when: windowShown

    property var lab: null
    property var window: null
    readonly property string pi: "dc:a6:32:00:00:02"

    function initTestCase() {
        lab = bootLab.start()
        verify(lab !== null, "the boot lab did not start")
        testSettings.firstRunDone = true
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null, { lab: lab, settings: testSettings, width: 1400, height: 900 })
        window.show()
        tryCompare(lab.devices, "count", 8)
        tryCompare(lab, "powerAvailable", true, 10000)
        waitForRendering(window.contentItem)
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function child(name) {
        return findChild(window.contentItem, name) || findChild(window, name)
    }

    function test_powerOnBootsToOsUp() {
        child("mainTabs").currentIndex = 0
        lab.openDevice(pi)
        tryVerify(() => child("panelPowerOn") && child("panelPowerOn").live && child("devicePanel").width > 0, 5000)
        waitForRendering(window.contentItem)
        mouseClick(child("panelPowerOn").button)
        tryVerify(() => lab.devices.device(pi).power === "on", 10000)
        // Powering on, then the stages the services journal as the Pi's requests arrive.
        const seen = {}
        tryVerify(() => { seen[lab.devices.device(pi).stage] = true; return lab.devices.device(pi).stage === "os-up" }, 60000,
                  "stage " + lab.devices.device(pi).stage)
        const card = child("deviceCard_" + pi).children[0].item
        tryVerify(() => card.Accessible.name.indexOf("OS up") >= 0, 5000, card.Accessible.name)
        // The timeline names the steps the real services saw, in order.
        const timeline = lab.details.timeline
        tryVerify(() => timeline.count >= 4, 5000, "timeline steps: " + timeline.count)
        const steps = []
        for (let i = 0; i < timeline.count; ++i)
            steps.push(String(timeline.data(timeline.index(i, 0), Qt.UserRole + 1)))   // StageRole
        for (const stage of ["dhcp", "tftp", "uefi", "ipxe", "os-up"])
            verify(steps.indexOf(stage) >= 0, stage + " missing from the timeline: " + steps.join(" "))
        verify(steps.indexOf("dhcp") < steps.indexOf("os-up"), steps.join(" "))
        // Its kernel's netconsole lines reached the console view.
        tryVerify(() => lab.details.console.total > 0, 10000, "no console line")
        grabImage(window.contentItem).save(screenshotDir + "/boot-walk.png")
        lab.closeDevice()
    }
}
