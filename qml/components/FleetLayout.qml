pragma ComponentBehavior: Bound
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
        delegate: DeviceCard {
            id: cardItem
            required property real positionX
            required property real positionY
            // A drop waiting for the engine to save it: shown there meanwhile.
            property point pending: Qt.point(-1, -1)

            objectName: "deviceCard_" + mac
            // (activeTranslation keeps its last value after release in 6.4: only use it while active.)
            x: (pending.x >= 0 ? pending.x * Theme.cellWidth
                               : positionX * Theme.cellWidth + (drag.active ? drag.activeTranslation.x : 0)) + Theme.spacing
            y: (pending.y >= 0 ? pending.y * Theme.cellHeight
                               : positionY * Theme.cellHeight + (drag.active ? drag.activeTranslation.y : 0)) + Theme.spacing
            z: drag.active ? 10 : 0
            width: Theme.cardWidth
            height: Theme.cardHeight

            Component.onCompleted: layout.noteCell(positionX, positionY)
            onPositionXChanged: { pending = Qt.point(-1, -1); layout.noteCell(positionX, positionY) }
            onPositionYChanged: { pending = Qt.point(-1, -1); layout.noteCell(positionX, positionY) }

            onActivated: additive => additive ? layout.lab.devices.toggleSelected(mac) : layout.lab.devices.selectOnly(mac)
            onSelectionToggled: layout.lab.devices.toggleSelected(mac)
            onOpened: layout.openDevice(mac)

            DragHandler {
                id: drag
                target: null
                // Cards win over the Flickable: dragging a card never scrolls the layout.
                grabPermissions: PointerHandler.CanTakeOverFromAnything
                onActiveChanged: {
                    layout.dragging = active
                    if (active)
                        return
                    const cell = layout.cellAt(cardItem.positionX * Theme.cellWidth + drag.lastTranslation.x,
                                               cardItem.positionY * Theme.cellHeight + drag.lastTranslation.y)
                    if (cell.x === cardItem.positionX && cell.y === cardItem.positionY)
                        return
                    cardItem.pending = cell
                    revert.restart()
                    layout.lab.moveDevice(cardItem.mac, cell.x, cell.y)
                }
                // The last translation, for the release (activeTranslation is reset by then).
                property vector2d lastTranslation
                onTranslationChanged: if (active) lastTranslation = activeTranslation
            }
            // If the engine refused the move, go back to the saved cell.
            Timer {
                id: revert
                interval: 5000
                onTriggered: cardItem.pending = Qt.point(-1, -1)
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
