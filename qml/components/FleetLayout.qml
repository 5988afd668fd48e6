// No "pragma ComponentBehavior: Bound" here: in Qt 6.4 a Loader cannot instantiate a bound
// component ("Cannot instantiate bound component outside its creation context"), and the card
// is loaded lazily. The delegate still declares every role it uses as a required property.
import QtQuick
import QtQuick.Controls
import MetalBootUi

// The adopted devices as cards on a grid the user arranges: drag a card to another cell and the
// position is saved in lab.yaml (a device already there swaps places).
Flickable {
    id: layout

    required property Lab lab
    required property DeviceFilterModel devices
    // Highest used cell, to size the scrollable area.
    property int maxColumn: 0
    property int maxRow: 0

    signal openDevice(string mac)

    clip: true
    contentWidth: Math.max(width, (maxColumn + 2) * Theme.cellWidth)
    contentHeight: Math.max(height, (maxRow + 2) * Theme.cellHeight)
    boundsBehavior: Flickable.StopAtBounds
    interactive: !dragging
    property bool dragging: false

    ScrollBar.vertical: ScrollBar {}
    ScrollBar.horizontal: ScrollBar {}

    function cellAt(px, py) {
        return Qt.point(Math.max(0, Math.round(px / Theme.cellWidth)), Math.max(0, Math.round(py / Theme.cellHeight)))
    }

    // Faint cell grid while dragging, so the target is visible.
    Repeater {
        model: layout.dragging ? (layout.maxColumn + 2) * (layout.maxRow + 2) : 0
        delegate: Rectangle {
            required property int index
            x: (index % (layout.maxColumn + 2)) * Theme.cellWidth + Theme.spacing
            y: Math.floor(index / (layout.maxColumn + 2)) * Theme.cellHeight + Theme.spacing
            width: Theme.cardWidth
            height: Theme.cardHeight
            radius: Theme.radius
            color: "transparent"
            border.color: Theme.muted
            opacity: 0.3
        }
    }

    Repeater {
        id: cards
        objectName: "fleetCards"
        model: layout.devices
        // A light slot per device (position, drag); the card itself is only created while the
        // slot is in the viewport, so a 500-device fleet starts fast and updates only what is seen.
        delegate: FocusScope {
            id: slot
            required property string mac
            required property string name
            required property string serial
            required property string model
            required property string stage
            required property string power
            required property real watts
            required property string lastEvent
            required property bool adopted
            required property bool selected
            required property real positionX
            required property real positionY
            // A drop waiting for the engine to save it: shown there meanwhile.
            property point pending: Qt.point(-1, -1)
            readonly property bool inView: x + width >= layout.contentX && x <= layout.contentX + layout.width
                                           && y + height >= layout.contentY && y <= layout.contentY + layout.height

            objectName: "deviceCard_" + mac
            // (activeTranslation keeps its last value after release in 6.4: only use it while active.)
            x: (pending.x >= 0 ? pending.x * Theme.cellWidth
                               : positionX * Theme.cellWidth + (drag.active ? drag.activeTranslation.x : 0)) + Theme.spacing
            y: (pending.y >= 0 ? pending.y * Theme.cellHeight
                               : positionY * Theme.cellHeight + (drag.active ? drag.activeTranslation.y : 0)) + Theme.spacing
            z: drag.active ? 10 : 0
            width: Theme.cardWidth
            height: Theme.cardHeight
            visible: inView || drag.active

            Component.onCompleted: layout.noteCell(positionX, positionY)
            onPositionXChanged: { pending = Qt.point(-1, -1); layout.noteCell(positionX, positionY) }
            onPositionYChanged: { pending = Qt.point(-1, -1); layout.noteCell(positionX, positionY) }

            Loader {
                anchors.fill: parent
                active: slot.inView || drag.active || slot.activeFocus
                focus: true
                sourceComponent: DeviceCard {
                    focus: true
                    mac: slot.mac
                    name: slot.name
                    serial: slot.serial
                    model: slot.model
                    stage: slot.stage
                    power: slot.power
                    watts: slot.watts
                    lastEvent: slot.lastEvent
                    adopted: slot.adopted
                    selected: slot.selected
                    onActivated: additive => additive ? layout.lab.devices.toggleSelected(slot.mac) : layout.lab.devices.selectOnly(slot.mac)
                    onSelectionToggled: layout.lab.devices.toggleSelected(slot.mac)
                    onOpened: layout.openDevice(slot.mac)
                    onProfileDropped: id => layout.lab.dropProfile(slot.mac, id)
                }
            }

            DragHandler {
                id: drag
                target: null
                // Cards win over the Flickable: dragging a card never scrolls the layout.
                grabPermissions: PointerHandler.CanTakeOverFromAnything
                // The last translation, for the release (activeTranslation is reset by then).
                property vector2d lastTranslation
                onTranslationChanged: if (active) lastTranslation = activeTranslation
                onActiveChanged: {
                    layout.dragging = active
                    if (active)
                        return
                    const cell = layout.cellAt(slot.positionX * Theme.cellWidth + drag.lastTranslation.x,
                                               slot.positionY * Theme.cellHeight + drag.lastTranslation.y)
                    if (cell.x === slot.positionX && cell.y === slot.positionY)
                        return
                    slot.pending = cell
                    revert.restart()
                    layout.lab.moveDevice(slot.mac, cell.x, cell.y)
                }
            }
            // If the engine refused the move, go back to the saved cell.
            Timer {
                id: revert
                interval: 5000
                onTriggered: slot.pending = Qt.point(-1, -1)
            }
        }
    }

    function noteCell(cx, cy) {
        if (cx > maxColumn)
            maxColumn = cx
        if (cy > maxRow)
            maxRow = cy
    }
}
