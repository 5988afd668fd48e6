import QtQuick
import QtQuick.Controls
import MetalBootUi

// A device that can be dragged onto a PoE port to map it.
Rectangle {
    id: chip
    required property string mac
    required property string name
    required property string powerSwitch
    required property string powerPort

    objectName: "chip_" + mac
    width: 180
    height: 32
    radius: height / 2
    color: Theme.palette.button
    border.color: Theme.muted
    Drag.active: dragger.active
    Drag.keys: ["metalboot/device"]
    Drag.source: chip
    Drag.hotSpot.x: width / 2
    Drag.hotSpot.y: height / 2
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("%1, drag onto a port to map it").arg(chip.name)

    Label {
        anchors.centerIn: parent
        width: parent.width - 16
        elide: Text.ElideRight
        horizontalAlignment: Text.AlignHCenter
        text: chip.powerSwitch.length > 0 ? qsTr("%1 (%2:%3)").arg(chip.name).arg(chip.powerSwitch).arg(chip.powerPort) : chip.name
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
