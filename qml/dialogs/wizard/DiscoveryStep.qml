pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Step 4: live discovery — Pis appear as they ask for a netboot; adopt them here.
ColumnLayout {
    id: step
    required property Lab lab
    spacing: Theme.spacing

    DeviceFilterModel {
        id: discovered
        sourceModel: step.lab.devices
        scope: DeviceFilterModel.Discovered
    }

    RowLayout {
        BusyIndicator {
            running: discovered.count === 0
            implicitWidth: 28
            implicitHeight: 28
        }
        Label {
            objectName: "discoveryStatus"
            text: discovered.count === 0 ? qsTr("Waiting for Raspberry Pis… Power one on: it appears here when it asks for a netboot.")
                                         : qsTr("%n new device(s) found", "", discovered.count)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
    ListView {
        objectName: "discoveryList"
        model: discovered
        clip: true
        spacing: 4
        Layout.fillWidth: true
        Layout.fillHeight: true
        delegate: RowLayout {
            id: entry
            required property string mac
            required property string name
            required property string serial
            required property string model
            required property string stage
            width: ListView.view.width
            Rectangle { width: 10; height: 10; radius: 5; color: Theme.stageColor(entry.stage) }
            Label {
                text: qsTr("%1 · serial %2 · %3").arg(entry.mac).arg(entry.serial || "—").arg(entry.model || qsTr("unknown model"))
                Layout.fillWidth: true
            }
            Button {
                objectName: "wizardAdopt_" + entry.mac
                text: Strings.adopt
                Accessible.name: qsTr("Adopt %1").arg(entry.mac)
                Accessible.onPressAction: step.lab.adopt([entry.mac])
                onClicked: step.lab.adopt([entry.mac])
            }
        }
    }
    Label {
        text: qsTr("%n device(s) in the lab.", "", step.lab.devices.count - discovered.count)
        color: Theme.muted
    }
}
