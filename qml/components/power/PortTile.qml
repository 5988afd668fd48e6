import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// One PoE port: state colour, watts and sparkline, the mapped device; drop a device on it to
// map it; click (or Enter) to toggle after confirmation. Protected ports show a lock.
Rectangle {
    id: tile

    required property int index
    required property string switchId
    required property string port
    required property bool adminUp
    required property bool operUp
    required property real watts
    required property var history
    required property string mappedMac
    required property string mappedName
    required property bool isProtected
    required property bool pending

    signal toggleRequested()
    signal deviceDropped(string mac)

    objectName: "port_" + switchId + "_" + port
    implicitWidth: 112
    implicitHeight: 96
    radius: Theme.radius
    color: drop.containsDrag && !tile.isProtected ? Theme.selection : Theme.palette.base
    border.width: tile.activeFocus ? 3 : 2
    border.color: tile.operUp ? Theme.ok : tile.adminUp ? "#f9ab00" : Theme.muted
    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("Port %1 of %2, %3%4").arg(tile.port).arg(tile.switchId)
                     .arg(tile.operUp ? qsTr("powered") : tile.adminUp ? qsTr("enabled, no power drawn") : qsTr("off"))
                     .arg(tile.mappedName.length > 0 ? qsTr(", %1").arg(tile.mappedName) : "")
    Accessible.onPressAction: tile.toggleRequested()
    Keys.onReturnPressed: tile.toggleRequested()
    Keys.onSpacePressed: tile.toggleRequested()

    TapHandler { onTapped: { tile.forceActiveFocus(); tile.toggleRequested() } }

    DropArea {
        id: drop
        anchors.fill: parent
        keys: ["metalboot/device"]
        onDropped: drag => {
            if (!tile.isProtected && drag.source && drag.source.mac)
                tile.deviceDropped(drag.source.mac)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 6
        spacing: 1
        RowLayout {
            Label {
                text: qsTr("Port %1").arg(tile.port)
                font.bold: true
            }
            Item { Layout.fillWidth: true }
            Label {
                visible: tile.isProtected
                text: qsTr("protected")
                font.pixelSize: Theme.smallFont - 1
                color: Theme.warning
            }
            BusyIndicator {
                visible: tile.pending
                running: tile.pending
                implicitWidth: 16
                implicitHeight: 16
            }
        }
        Label {
            text: tile.watts >= 0 ? qsTr("%1 W").arg(tile.watts.toFixed(1)) : (tile.adminUp ? qsTr("on") : qsTr("off"))
            font.pixelSize: Theme.smallFont
        }
        Sparkline {
            values: tile.history
        }
        Label {
            objectName: "portDevice"
            text: tile.mappedName.length > 0 ? tile.mappedName : qsTr("unmapped")
            color: tile.mappedName.length > 0 ? Theme.palette.text : Theme.muted
            font.pixelSize: Theme.smallFont
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
