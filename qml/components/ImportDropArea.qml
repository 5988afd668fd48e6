import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Drop an RPI_EFI.fd, a virt-fw-vars .json or a pftf release .zip anywhere on the window to
// import it as a firmware profile. Shows why when the import is not available.
DropArea {
    id: area

    required property ImportController importer
    property bool importable: false

    objectName: "importDropArea"
    keys: ["text/uri-list"]

    onEntered: drag => {
        importable = importer.canImport(drag.urls)
        drag.accepted = importable && importer.available
    }
    onExited: importable = false
    onDropped: drop => {
        if (handleDrop(drop.urls))
            drop.accept(Qt.CopyAction)
    }

    // What a drop does (also called by tests: Qt Quick Test cannot synthesise an external drop).
    function handleDrop(urls) {
        importable = false
        return importer.requestImport(urls)
    }

    Rectangle {
        anchors.fill: parent
        visible: area.containsDrag || (area.importable && !area.importer.available)
        color: Theme.dark ? "#cc202124" : "#ccffffff"
        border.color: area.importer.available ? Theme.accent : Theme.muted
        border.width: 3
        z: 100
        Label {
            objectName: "dropHint"
            anchors.centerIn: parent
            width: parent.width * 0.6
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.pixelSize: 18
            text: area.importer.available ? qsTr("Drop to import the firmware profile") : area.importer.unavailableReason
        }
    }
}
