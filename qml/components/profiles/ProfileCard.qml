import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// One firmware profile: where its firmware comes from, its settings and boot order, the
// devices that boot with it; drag its chip onto devices, open its boot configuration.
Rectangle {
    id: card

    required property string profileId
    required property string name
    required property string baseImage
    required property string variables
    required property string bootFiles
    required property var settings
    required property string bootOrder
    required property var devices
    required property int deviceCount

    signal editRequested()

    objectName: "profileCard_" + profileId
    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: column.implicitHeight + Theme.spacing * 2
    radius: Theme.radius
    color: Theme.palette.base
    border.color: Theme.muted

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 2
        RowLayout {
            Item {
                implicitWidth: chip.implicitWidth
                implicitHeight: chip.implicitHeight
                ProfileChip {
                    id: chip
                    profileId: card.profileId
                    name: card.name
                }
            }
            Label {
                text: card.profileId !== card.name ? card.profileId : ""
                color: Theme.muted
                font.family: "monospace"
                font.pixelSize: Theme.smallFont
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "editProfile_" + card.profileId
                text: qsTr("Boot entries and settings…")
                Accessible.name: qsTr("Edit the boot entries and settings of %1").arg(card.name)
                Accessible.onPressAction: card.editRequested()
                onClicked: card.editRequested()
            }
        }
        GridLayout {
            columns: 2
            columnSpacing: Theme.spacing * 2
            rowSpacing: 1
            Label { text: qsTr("Firmware"); color: Theme.muted }
            Label {
                text: card.baseImage.length > 0 ? card.baseImage : qsTr("blank UEFI store (generated)")
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            Label { text: qsTr("Variables"); color: Theme.muted; visible: card.variables.length > 0 }
            Label { text: card.variables; visible: card.variables.length > 0 }
            Label { text: qsTr("Boot files"); color: Theme.muted; visible: card.bootFiles.length > 0 }
            Label {
                text: card.bootFiles
                visible: card.bootFiles.length > 0
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            Label { text: qsTr("Boot order"); color: Theme.muted; visible: card.bootOrder.length > 0 }
            Label { text: card.bootOrder; visible: card.bootOrder.length > 0; font.family: "monospace" }
            Label { text: qsTr("Settings"); color: Theme.muted; visible: card.settings.length > 0 }
            Label {
                text: card.settings.join(", ")
                visible: card.settings.length > 0
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label { text: qsTr("Used by"); color: Theme.muted }
            Label {
                objectName: "profileDevices"
                text: card.deviceCount === 0 ? qsTr("no device") : qsTr("%n device(s): %1", "", card.deviceCount).arg(card.devices.join(", "))
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
