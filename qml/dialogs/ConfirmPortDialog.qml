import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Confirmation before switching a PoE port; protected ports need an explicit override.
Dialog {
    id: dialog

    property int row: -1
    property string port: ""
    property string switchId: ""
    property string deviceName: ""
    property bool turningOff: false
    property bool isProtected: false

    signal confirmed(int row, bool override)

    objectName: "confirmPortDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 420
    title: turningOff ? qsTr("Turn off port %1 of %2?").arg(port).arg(switchId) : qsTr("Turn on port %1 of %2?").arg(port).arg(switchId)

    onOpened: overrideBox.checked = false

    ColumnLayout {
        anchors.fill: parent
        Label {
            text: dialog.deviceName.length > 0 ? qsTr("Device on this port: %1").arg(dialog.deviceName) : qsTr("No device is mapped to this port.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        CheckBox {
            id: overrideBox
            objectName: "portOverride"
            visible: dialog.isProtected
            text: qsTr("This port is protected (uplink or infrastructure). Switch it anyway.")
            Accessible.name: text
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                objectName: "portCancel"
                text: Strings.cancel
                Accessible.name: text
                Accessible.onPressAction: dialog.reject()
                onClicked: dialog.reject()
            }
            Button {
                objectName: "portConfirm"
                text: dialog.turningOff ? qsTr("Turn off") : qsTr("Turn on")
                highlighted: true
                enabled: !dialog.isProtected || overrideBox.checked
                Accessible.name: text
                Accessible.onPressAction: if (enabled) confirm()
                onClicked: confirm()
                function confirm() {
                    dialog.confirmed(dialog.row, overrideBox.checked)
                    dialog.close()
                }
            }
        }
    }
}
