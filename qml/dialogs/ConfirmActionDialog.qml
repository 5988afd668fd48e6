pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Summary before a destructive bulk action (power off / cycle): what happens to which devices.
Dialog {
    id: dialog

    property string action: ""          // "off", "cycle"
    property var devices: []             // maps from DeviceListModel.selectedDevices()

    signal confirmed(string action, var macs)

    objectName: "confirmActionDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(480, parent ? parent.width - 40 : 480)
    title: qsTr("%1 — %n device(s)", "", devices.length).arg(Strings.powerActionName(action))
    standardButtons: Dialog.NoButton

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            text: dialog.action === "cycle"
                  ? qsTr("Power is cut and restored on these devices. Anything running on them stops without a shutdown.")
                  : qsTr("Power is cut on these devices. Anything running on them stops without a shutdown.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ListView {
            objectName: "confirmList"
            model: dialog.devices
            clip: true
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 200)
            delegate: Label {
                required property var modelData
                text: qsTr("%1  (%2) — %3").arg(modelData.name).arg(modelData.mac).arg(Strings.stageName(modelData.stage))
                font.pixelSize: Theme.smallFont
            }
            ScrollBar.vertical: ScrollBar {}
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                objectName: "confirmCancel"
                text: Strings.cancel
                Accessible.name: text
                Accessible.onPressAction: dialog.reject()
                onClicked: dialog.reject()
            }
            Button {
                objectName: "confirmAccept"
                text: Strings.powerActionName(dialog.action)
                highlighted: true
                Accessible.name: qsTr("Confirm %1").arg(text)
                Accessible.onPressAction: accept()
                onClicked: accept()
                function accept() {
                    dialog.confirmed(dialog.action, dialog.devices.map(d => d.mac))
                    dialog.close()
                }
            }
        }
    }
}
