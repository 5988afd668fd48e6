import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// Services page on a real engine: each configured service with its address and ports, and the
// diagnose checklist run off the GUI thread.
TestCase {
    name: "Services"
    when: windowShown

    property var window: null

    function initTestCase() {
        testSettings.firstRunDone = true
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        window = component.createObject(null, { lab: liveLab, settings: testSettings })
        window.show()
        // The five configured services (dhcp, tftp, http, redfish, consoles) plus engine-only ones (power).
        tryVerify(() => liveLab.services.count >= 5)
    }

    // Visual children (delegates) first, then QObject children of the window (models, popups).
    function child(name) {
        return findChild(window.contentItem, name) || findChild(window, name)
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function test_servicesAndDiagnose() {
        child("mainTabs").currentIndex = 3
        const where = child("serviceWhere_dhcp")
        verify(where)
        verify(where.text.indexOf("127.0.0.1") >= 0, where.text)
        verify(where.text.indexOf("udp 1067") >= 0, where.text)
        verify(where.text.indexOf("proxy DHCP") >= 0, where.text)
        // Showing the page runs the checks once.
        tryVerify(() => liveLab.diagnostics.count > 0 && !liveLab.diagnostics.running, 10000)
        const list = child("diagnosticsList")
        compare(list.count, liveLab.diagnostics.count)
        // The demo lab's TFTP root does not exist in the temp data dir.
        let titles = []
        for (let i = 0; i < list.count; ++i)
            titles.push(list.itemAtIndex(i) ? list.itemAtIndex(i).title : "")
        verify(titles.some(t => t.indexOf("TFTP root") >= 0), titles.join(" | "))
        // Run again on demand.
        const before = liveLab.diagnostics.lastRun
        mouseClick(child("runDiagnostics"))
        tryVerify(() => liveLab.diagnostics.lastRun > before && !liveLab.diagnostics.running, 10000)
    }
}
