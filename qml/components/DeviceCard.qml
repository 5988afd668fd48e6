import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// One device in the fleet: name, identity, model, power, the current boot stage (coloured) and
// the last event. Click selects (Ctrl/⌘-click or the check box adds to the selection), double
// click or Enter opens the device panel, Space toggles the selection.
Rectangle {
    id: card

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

    // additive: Ctrl-click (add to / remove from the selection) rather than a plain click.
    signal activated(bool additive)
    signal opened()
    signal selectionToggled()
    // A profile chip was dropped on the card.
    signal profileDropped(string profileId)

    implicitWidth: Theme.cardWidth
    implicitHeight: Theme.cardHeight
    radius: Theme.radius
    color: profileDrop.containsDrag ? Theme.accent : card.selected ? Theme.selection : Theme.palette.base
    border.color: card.activeFocus ? Theme.accent : Theme.stageColor(card.stage)
    border.width: card.selected || card.activeFocus ? 3 : 2
    activeFocusOnTab: true

    Accessible.role: Accessible.Button
    Accessible.name: qsTr("%1, %2, %3").arg(card.name).arg(Strings.stageName(card.stage)).arg(Strings.powerName(card.power))
    Accessible.description: card.lastEvent
    Accessible.onPressAction: card.opened()
    Accessible.onToggleAction: card.selectionToggled()

    Keys.onReturnPressed: card.opened()
    Keys.onEnterPressed: card.opened()
    Keys.onSpacePressed: card.selectionToggled()

    DropArea {
        id: profileDrop
        anchors.fill: parent
        keys: ["metalboot/profile"]
        onDropped: drag => {
            if (drag.source && drag.source.profileId)
                card.profileDropped(drag.source.profileId)
        }
    }

    TapHandler {
        acceptedModifiers: Qt.NoModifier
        onTapped: {
            card.forceActiveFocus()
            card.activated(false)
        }
        onDoubleTapped: card.opened()
    }
    TapHandler {
        acceptedModifiers: Qt.ControlModifier
        onTapped: card.activated(true)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 1

        RowLayout {
            spacing: 4
            CheckBox {
                objectName: "select_" + card.mac
                checked: card.selected
                padding: 0
                implicitHeight: 18
                implicitWidth: 18
                Accessible.name: qsTr("Select %1").arg(card.name)
                Accessible.onPressAction: card.selectionToggled()
                onClicked: card.selectionToggled()
            }
            Label {
                text: card.name
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                visible: !card.adopted
                text: qsTr("new")
                color: Theme.accent
                font.bold: true
            }
        }
        Label {
            text: card.serial.length > 0 ? qsTr("%1 · %2").arg(card.mac).arg(card.serial) : card.mac
            font.pixelSize: Theme.smallFont
            color: Theme.muted
        }
        RowLayout {
            spacing: 6
            Rectangle {
                objectName: "stagePill"
                implicitWidth: stageLabel.implicitWidth + 12
                implicitHeight: stageLabel.implicitHeight + 4
                radius: height / 2
                color: Theme.stageColor(card.stage)
                Label {
                    id: stageLabel
                    anchors.centerIn: parent
                    text: Strings.stageName(card.stage)
                    color: Theme.stageTextColor(card.stage)
                    font.pixelSize: Theme.smallFont
                }
            }
            Label {
                text: card.watts >= 0 ? qsTr("%1 · %2 W").arg(Strings.powerName(card.power)).arg(card.watts.toFixed(1))
                                      : Strings.powerName(card.power)
                font.pixelSize: Theme.smallFont
            }
            Item { Layout.fillWidth: true }
            Label {
                text: card.model
                font.pixelSize: Theme.smallFont
                color: Theme.muted
            }
        }
        Label {
            text: card.lastEvent
            font.pixelSize: Theme.smallFont
            color: Theme.muted
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
