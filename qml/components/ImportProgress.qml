import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Progress of profile imports (one file after the other).
Rectangle {
    id: bar
    required property ImportController importer
    objectName: "importProgress"
    visible: importer.busy
    implicitHeight: visible ? row.implicitHeight + Theme.spacing : 0
    color: Theme.palette.alternateBase

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        Label {
            text: bar.importer.queued > 0 ? qsTr("Importing %1 (%n more queued)", "", bar.importer.queued).arg(bar.importer.currentFile)
                                          : qsTr("Importing %1").arg(bar.importer.currentFile)
        }
        ProgressBar {
            objectName: "importProgressBar"
            value: bar.importer.progress
            Layout.fillWidth: true
        }
        Label {
            text: bar.importer.step
            color: Theme.muted
        }
    }
}
