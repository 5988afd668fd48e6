import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// Log page: filtering by device, source, severity and text happens in the proxy model (hidden
// lines have no delegate).
TestCase {
    name: "Log"
    when: windowShown

    property var window: null

    function initTestCase() {
        testSettings.firstRunDone = true
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        window = component.createObject(null, { lab: testLab, settings: testSettings })
        window.show()
        child("mainTabs").currentIndex = 2
        waitForRendering(window.contentItem)
    }

    // Visual children (delegates) first, then QObject children of the window (models, popups).
    function child(name) {
        return findChild(window.contentItem, name) || findChild(window, name)
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function test_filters() {
        const model = child("logModel")
        const list = child("logList")
        compare(model.count, 7)
        compare(list.count, 7)
        const device = child("logDeviceFilter")
        device.currentIndex = device.indexOfValue("dc:a6:32:00:00:03")
        compare(device.currentText, "pi-03")
        compare(list.count, 5)
        const source = child("logSourceFilter")
        compare(source.count, 6)                          // all + devices, dhcp, http, poe, tftp
        source.currentIndex = source.indexOfValue("tftp")
        compare(list.count, 2)
        const severity = child("logSeverityFilter")
        severity.currentIndex = 2                         // errors only
        compare(list.count, 1)
        device.currentIndex = 0
        source.currentIndex = 0
        severity.currentIndex = 0
        const text = child("logFilter")
        text.text = "PROXY"
        compare(list.count, 2)
        text.text = ""
        compare(list.count, 7)
        verify(model.toText().indexOf("GET /health") >= 0)
    }
}
