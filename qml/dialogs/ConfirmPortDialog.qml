import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Confirmation before switching a PoE port (on, off or cycle). A protected port needs an
// explicit override whose check box names the risk: an infrastructure port listed in
// protected_ports, or a port with no managed device (whatever is plugged in loses power).
Dialog {
    id: dialog

    property int row: -1
    property string port: ""
    property string switchId: ""
    property string deviceName: ""
    property string action: "on"          // "on", "off", "cycle"
    property string protection: ""        // "", "listed", "unmapped"

    signal confirmed(int row, string action, bool override)

    objectName: "confirmPortDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 460
    title: action === "cycle" ? qsTr("Power cycle port %1 of %2?").arg(port).arg(switchId)
         : action === "off" ? qsTr("Turn off port %1 of %2?").arg(port).arg(switchId)
         : qsTr("Turn on port %1 of %2?").arg(port).arg(switchId)

    onOpened: overrideBox.checked = false

    ColumnLayout {
        anchors.fill: parent
        Label {
            text: dialog.deviceName.length > 0 ? qsTr("Device on this port: %1").arg(dialog.deviceName) : qsTr("No managed device is mapped to this port.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: dialog.action !== "on" && dialog.deviceName.length > 0
            text: qsTr("Anything running on it stops without a shutdown.")
            wrapMode: Text.Wrap
            color: Theme.muted
            Layout.fillWidth: true
        }
        CheckBox {
            id: overrideBox
            objectName: "portOverride"
            visible: dialog.protection.length > 0
            text: dialog.protection === "listed"
                  ? qsTr("This port is listed as protected (an uplink or infrastructure port): switching it can cut this machine or the whole lab off the network. Switch it anyway.")
                  : qsTr("No managed device is mapped to this port: whatever is plugged in (an access point, a camera, another switch) loses power. Switch it anyway.")
            Accessible.name: text
            Layout.fillWidth: true
            contentItem: Label {
                leftPadding: overrideBox.indicator.width + overrideBox.spacing
                text: overrideBox.text
                wrapMode: Text.Wrap
                color: Theme.warning
            }
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
                text: dialog.action === "cycle" ? Strings.powerCycle : dialog.action === "off" ? qsTr("Turn off") : qsTr("Turn on")
                highlighted: true
                enabled: dialog.protection.length === 0 || overrideBox.checked
                Accessible.name: text
                Accessible.onPressAction: if (enabled) confirm()
                onClicked: confirm()
                function confirm() {
                    dialog.confirmed(dialog.row, dialog.action, overrideBox.checked)
                    dialog.close()
                }
            }
        }
    }
}
