import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// Power page, device panel and bulk power against a real LabEngine: the demo lab's simulated PoE
// switch driven by the real PowerManager (only the "poe" service is started; it opens no
// socket). Ports follow the engine, confirmations guard every switch, unmapped ports need an
// override, a device dragged onto a port is saved in lab.yaml.
TestCase {
    id: test
    name: "PowerLive"
    when: windowShown

    property var window: null

    function initTestCase() {
        testSettings.firstRunDone = true
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null, { lab: liveLab, settings: testSettings, width: 1400, height: 900 })
        window.show()
        tryCompare(liveLab.devices, "count", 8)
        verify(!liveLab.powerAvailable)              // not running yet: the controls say why
        verify(liveLab.powerUnavailableReason.indexOf("not running") >= 0, liveLab.powerUnavailableReason)
        liveLab.startService("poe")
        tryCompare(liveLab, "powerAvailable", true, 5000)
        tryCompare(liveLab.ports, "count", 8, 5000)   // the first read of the simulated switch
        child("mainTabs").currentIndex = 1
        waitForRendering(window.contentItem)
    }

    function cleanupTestCase() {
        liveLab.stopService("poe")
        window.destroy()
    }

    function child(name) {
        return findChild(window.contentItem, name) || findChild(window, name)
    }

    function row(port) {
        return liveLab.ports.rowOf("sim", port)
    }

    function portData(port, role) {
        return liveLab.ports.data(liveLab.ports.index(row(port), 0), role)
    }

    function journalHas(text) {
        for (let i = liveLab.journal.count - 1; i >= 0 && i >= liveLab.journal.count - 50; --i)
            if (String(liveLab.journal.data(liveLab.journal.index(i, 0), JournalModel.MessageRole)).indexOf(text) >= 0)
                return true
        return false
    }

    function dialog() {
        return child("confirmPortDialog")
    }

    function test_1_clickTogglesThePortThroughTheEngine() {
        compare(portData("1", SwitchPortModel.AdminUpRole), false)
        compare(portData("1", SwitchPortModel.MappedNameRole), "pi-01")
        mouseClick(child("port_sim_1"))
        tryCompare(dialog(), "opened", true)
        compare(dialog().title, "Turn on port 1 of sim?")
        mouseClick(findChild(dialog().contentItem, "portConfirm"))
        // Simulated PSE: admin on, then delivering after detection, with a reading.
        tryVerify(() => portData("1", SwitchPortModel.OperUpRole) === true, 10000)
        tryVerify(() => portData("1", SwitchPortModel.WattsRole) > 3, 5000)
        tryVerify(() => !portData("1", SwitchPortModel.PendingRole), 5000)
        // The registry (fleet card) and the journal saw it.
        tryVerify(() => liveLab.devices.device("dc:a6:32:00:00:01").power === "on", 10000)
        verify(journalHas("power on requested by gui"))
        // Readings accumulate into the sparkline.
        const samples = portData("1", SwitchPortModel.HistoryRole).length
        tryVerify(() => portData("1", SwitchPortModel.HistoryRole).length > samples, 6000)
    }

    function test_2_unmappedPortNeedsTheOverride() {
        // Take pi-08 off port 8: the port becomes unmapped, hence protected.
        mouseClick(child("unmap_dc:a6:32:00:00:08"))
        tryVerify(() => labDriver.labYaml().indexOf('port: "8"') < 0, 5000)
        tryCompare(liveLab.ports, "revision", liveLab.ports.revision, 100)   // (let the view catch up)
        tryVerify(() => portData("8", SwitchPortModel.ProtectionRole) === "unmapped", 5000)
        verify(!liveLab.ports.togglePort(row("8")))          // refused without the override
        mouseClick(child("port_sim_8"))
        tryCompare(dialog(), "opened", true)
        const confirm = findChild(dialog().contentItem, "portConfirm")
        verify(!confirm.enabled)
        mouseClick(findChild(dialog().contentItem, "portOverride"))
        verify(confirm.enabled)
        mouseClick(confirm)
        tryVerify(() => portData("8", SwitchPortModel.AdminUpRole) === true, 10000)
        // The journal names the override.
        tryVerify(() => journalHas("requested by gui (override)"), 5000)
    }

    function test_3_dragDeviceOntoPortSavesTheMapping() {
        const chip = child("chip_dc:a6:32:00:00:08")
        const target = child("port_sim_8")
        verify(chip && target)
        const root = window.contentItem
        const from = chip.mapToItem(root, chip.width / 2, chip.height / 2)
        const to = target.mapToItem(root, target.width / 2, target.height / 2)
        mousePress(root, from.x, from.y)
        for (let i = 1; i <= 20; ++i)
            mouseMove(root, from.x + (to.x - from.x) * i / 20, from.y + (to.y - from.y) * i / 20)
        mouseRelease(root, to.x, to.y)
        tryVerify(() => /"dc:a6:32:00:00:08":\n(    .*\n)*?    power: \{switch: sim, port: "8"\}/.test(labDriver.labYaml()), 5000, labDriver.labYaml())
        tryVerify(() => portData("8", SwitchPortModel.MappedNameRole) === "pi-08", 5000)
        compare(portData("8", SwitchPortModel.ProtectionRole), "")
    }

    function test_4_bulkPowerAndDevicePanel() {
        let summary = ""
        const spy = Qt.createQmlObject('import QtTest; SignalSpy { signalName: "bulkFinished" }', test)
        spy.target = liveLab
        liveLab.power(["dc:a6:32:00:00:02", "dc:a6:32:00:00:03"], "on")
        tryCompare(spy, "count", 1, 15000)
        summary = spy.signalArguments[0][0]
        verify(summary.indexOf("2 device") >= 0, summary)
        compare(spy.signalArguments[0][1].length, 0)
        tryVerify(() => portData("2", SwitchPortModel.OperUpRole) && portData("3", SwitchPortModel.OperUpRole), 10000)
        // The device panel's buttons are live and work: power off pi-02 (confirmed).
        child("mainTabs").currentIndex = 0
        liveLab.openDevice("dc:a6:32:00:00:02")
        tryVerify(() => child("panelPowerOff") && child("panelPowerOff").live && child("devicePanel").width > 0, 5000)
        waitForRendering(window.contentItem)
        mouseClick(child("panelPowerOff").button)
        const confirm = child("confirmActionDialog")
        tryCompare(confirm, "opened", true)
        mouseClick(findChild(confirm.contentItem, "confirmAccept"))
        tryVerify(() => portData("2", SwitchPortModel.AdminUpRole) === false, 10000)
        tryVerify(() => liveLab.devices.device("dc:a6:32:00:00:02").stage === "off", 10000)
        liveLab.closeDevice()
        // Cycle from the faceplate: off, then on again.
        child("mainTabs").currentIndex = 1
        waitForRendering(window.contentItem)
        mouseClick(child("cycle_sim_3"))
        tryCompare(dialog(), "opened", true)
        mouseClick(findChild(dialog().contentItem, "portConfirm"))
        tryVerify(() => portData("3", SwitchPortModel.PendingRole) === true, 2000)
        tryVerify(() => !portData("3", SwitchPortModel.PendingRole) && portData("3", SwitchPortModel.OperUpRole), 20000)
        // For review: the faceplate of the live switch.
        grabImage(window.contentItem).save(screenshotDir + "/power-live.png")
        spy.destroy()
    }

    // The walk a user makes: power a virtual Pi on from its panel (real PowerManager), then the
    // netboot steps arrive as the services journal them, and its card reaches "OS up".
    function test_5_poweredOnPiReachesOsUp() {
        const pi = "dc:a6:32:00:00:04"
        child("mainTabs").currentIndex = 0
        liveLab.openDevice(pi)
        tryVerify(() => child("panelPowerOn") && child("panelPowerOn").live && child("devicePanel").width > 0, 5000)
        waitForRendering(window.contentItem)
        mouseClick(child("panelPowerOn").button)
        tryVerify(() => liveLab.devices.device(pi).power === "on", 10000)
        tryVerify(() => ["powering-on", "dhcp"].indexOf(liveLab.devices.device(pi).stage) >= 0, 5000, liveLab.devices.device(pi).stage)
        for (const [source, kind, stage] of [["dhcp", "dhcp.offer", "dhcp"], ["tftp", "tftp.served", "tftp"],
                                             ["tftp", "tftp.served", "uefi"], ["http", "http.request", "ipxe"],
                                             ["http", "http.request", "os-loading"], ["provision", "provision.event", "os-up"]])
            labDriver.event(pi, source, kind, stage, "info", kind)
        tryVerify(() => liveLab.devices.device(pi).stage === "os-up", 5000)
        const slot = child("deviceCard_" + pi)
        const card = slot.children[0].item
        tryVerify(() => card.Accessible.name.indexOf("OS up") >= 0, 5000, card.Accessible.name)
        verify(card.Accessible.name.indexOf("On") >= 0, card.Accessible.name)
        liveLab.closeDevice()
    }
}
