import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// One device in the fleet view: name, identity, power and the current boot stage.
Frame {
    id: card
    required property string mac
    required property string name
    required property string serial
    required property string model
    required property string stage
    required property string power
    required property string lastEvent
    required property bool adopted

    implicitWidth: Theme.cardWidth
    implicitHeight: Theme.cardHeight
    padding: Theme.spacing
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("%1, %2").arg(card.name).arg(Strings.stageName(card.stage))

    background: Rectangle {
        radius: Theme.radius
        color: Theme.palette.base
        border.color: Theme.stageColor(card.stage)
        border.width: 2
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 2
        RowLayout {
            Label {
                text: card.name
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                visible: !card.adopted
                text: qsTr("new")
                color: "#1a73e8"
            }
        }
        Label {
            text: card.serial.length > 0 ? qsTr("%1 · %2").arg(card.mac).arg(card.serial) : card.mac
            font.pixelSize: 11
            opacity: 0.7
        }
        RowLayout {
            Rectangle {
                width: stageLabel.implicitWidth + 12
                height: stageLabel.implicitHeight + 4
                radius: height / 2
                color: Theme.stageColor(card.stage)
                Label {
                    id: stageLabel
                    anchors.centerIn: parent
                    text: Strings.stageName(card.stage)
                    color: "white"
                    font.pixelSize: 11
                }
            }
            Label {
                text: Strings.powerName(card.power)
                font.pixelSize: 11
            }
        }
        Label {
            text: card.lastEvent
            font.pixelSize: 11
            opacity: 0.7
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
