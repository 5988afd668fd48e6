import QtQuick
import QtQuick.Controls
import MetalBootUi

// A firmware profile that can be dragged onto a device card (or a selected one: the whole
// selection) to assign it.
Rectangle {
    id: chip
    required property string profileId
    required property string name

    objectName: "profileChip_" + profileId
    implicitWidth: Math.min(200, label.implicitWidth + 28)
    implicitHeight: 28
    radius: height / 2
    color: dragger.active ? Theme.selection : Theme.palette.button
    border.color: Theme.accent
    z: dragger.active ? 100 : 0
    Drag.active: dragger.active
    Drag.keys: ["metalboot/profile"]
    Drag.source: chip
    Drag.hotSpot.x: width / 2
    Drag.hotSpot.y: height / 2
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Profile %1, drag onto a device to assign it").arg(chip.name)

    Label {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, chip.width - 16)
        elide: Text.ElideRight
        text: "≡ " + chip.name
    }

    DragHandler {
        id: dragger
        grabPermissions: PointerHandler.CanTakeOverFromAnything
        onActiveChanged: {
            if (!active) {
                chip.Drag.drop()
                chip.x = 0
                chip.y = 0
            }
        }
    }
}
