import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// One Boot#### entry: drag handle (or Alt+↑/↓, or the arrow buttons) to reorder BootOrder,
// active switch, editable description, device path, BootNext.
Rectangle {
    id: row

    required property BootEntryModel entries
    required property int index
    required property string number
    required property string description
    required property string devicePath
    required property bool active
    required property bool inOrder
    required property bool isBootNext
    required property string kind
    required property bool changed

    readonly property int rowHeight: 64
    readonly property bool editable: entries.entriesEditable
    property real dragOffset: drag.active ? drag.activeTranslation.y : 0

    objectName: "bootEntry_" + number
    width: ListView.view ? ListView.view.width : implicitWidth
    height: rowHeight
    z: drag.active ? 10 : 0
    color: drag.active ? Theme.selection : (row.index % 2 ? Theme.palette.alternateBase : Theme.palette.base)
    border.color: row.activeFocus ? Theme.accent : "transparent"
    activeFocusOnTab: true
    transform: Translate { y: row.dragOffset }
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1, %2, position %3").arg(row.number).arg(row.description).arg(row.index + 1)

    Keys.onPressed: event => {
        if (!row.editable)
            return
        if ((event.modifiers & Qt.AltModifier) && event.key === Qt.Key_Up) {
            row.entries.move(row.index, row.index - 1)
            event.accepted = true
        } else if ((event.modifiers & Qt.AltModifier) && event.key === Qt.Key_Down) {
            row.entries.move(row.index, row.index + 1)
            event.accepted = true
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 4
        spacing: Theme.spacing

        Label {
            objectName: "dragHandle_" + row.number
            text: "≡"
            font.pixelSize: 22
            color: Theme.muted
            opacity: row.editable ? 1 : 0.3
            Layout.preferredWidth: 24
            DragHandler {
                id: drag
                target: null
                enabled: row.editable
                // The handle wins over the list's flicking.
                grabPermissions: PointerHandler.CanTakeOverFromAnything
                yAxis.enabled: true
                xAxis.enabled: false
                property real last: 0
                onTranslationChanged: if (active) last = activeTranslation.y
                onActiveChanged: {
                    if (active)
                        return
                    const to = Math.max(0, Math.min(row.entries.count - 1, row.index + Math.round(last / row.rowHeight)))
                    if (to !== row.index)
                        row.entries.move(row.index, to)
                }
            }
            HoverHandler { cursorShape: Qt.SizeVerCursor }
        }
        ColumnLayout {
            spacing: 0
            ToolButton {
                objectName: "moveUp_" + row.number
                text: "▲"
                enabled: row.editable && row.index > 0
                implicitHeight: 22
                Accessible.name: qsTr("Move %1 up").arg(row.number)
                Accessible.onPressAction: row.entries.move(row.index, row.index - 1)
                onClicked: row.entries.move(row.index, row.index - 1)
            }
            ToolButton {
                objectName: "moveDown_" + row.number
                text: "▼"
                enabled: row.editable && row.index < row.entries.count - 1
                implicitHeight: 22
                Accessible.name: qsTr("Move %1 down").arg(row.number)
                Accessible.onPressAction: row.entries.move(row.index, row.index + 1)
                onClicked: row.entries.move(row.index, row.index + 1)
            }
        }
        Switch {
            objectName: "active_" + row.number
            enabled: row.editable
            checked: row.active
            Accessible.name: qsTr("%1 active").arg(row.number)
            Accessible.onPressAction: row.entries.setActive(row.index, !row.active)
            onToggled: row.entries.setActive(row.index, checked)
        }
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            RowLayout {
                Label {
                    text: row.number + (row.inOrder ? "" : qsTr(" (not in BootOrder)")) + (row.changed ? " •" : "")
                    font.bold: true
                    color: row.active ? Theme.palette.text : Theme.muted
                }
                TextField {
                    objectName: "description_" + row.number
                    text: row.description
                    readOnly: !row.editable
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Description of %1").arg(row.number)
                    onEditingFinished: if (text !== row.description) row.entries.setDescription(row.index, text)
                }
            }
            Label {
                text: row.devicePath
                font.family: "monospace"
                font.pixelSize: Theme.smallFont
                color: Theme.muted
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
        }
        RadioButton {
            objectName: "bootNext_" + row.number
            text: qsTr("BootNext")
            checked: row.isBootNext
            enabled: row.entries.bootNextEditable
            Accessible.name: qsTr("Boot %1 next time only").arg(row.number)
            Accessible.onPressAction: row.entries.setBootNext(row.isBootNext ? -1 : row.index)
            onClicked: row.entries.setBootNext(row.isBootNext ? -1 : row.index)
        }
        ToolButton {
            objectName: "remove_" + row.number
            text: "✕"
            enabled: row.editable
            Accessible.name: qsTr("Remove %1").arg(row.number)
            Accessible.onPressAction: row.entries.removeEntry(row.index)
            onClicked: row.entries.removeEntry(row.index)
        }
    }
}
