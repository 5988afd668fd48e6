import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// Dropping firmware files on the window queues an import request and shows its progress;
// other files are refused. (The drop handler is called directly: Qt Quick Test cannot
// synthesise a drag from outside the application.)
TestCase {
    name: "Import"
    when: windowShown

    property var window: null

    function initTestCase() {
        testSettings.firstRunDone = true
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
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

    SignalSpy {
        id: requested
        target: testLab.importer
        signalName: "importRequested"
    }
    SignalSpy {
        id: finished
        target: testLab.importer
        signalName: "finished"
    }

    function test_dropTriggersImport() {
        const area = child("importDropArea")
        verify(area)
        verify(!area.handleDrop(["file:///tmp/notes.txt"]))
        compare(requested.count, 0)
        verify(area.handleDrop(["file:///tmp/RPI_EFI.fd", "file:///tmp/readme.md", "file:///tmp/pftf-v1.38.zip"]))
        compare(requested.count, 1)
        compare(requested.signalArguments[0][0], ["/tmp/RPI_EFI.fd", "/tmp/pftf-v1.38.zip"])
        const progress = child("importProgress")
        tryCompare(progress, "visible", true)
        tryCompare(child("importProgressBar"), "value", 0.5)
        tryCompare(finished, "count", 2, 5000)
        compare(testImporter.imported, ["/tmp/RPI_EFI.fd", "/tmp/pftf-v1.38.zip"])
        tryCompare(progress, "visible", false)
    }
}
