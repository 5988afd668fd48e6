import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// One PoE port: state colour, watts and sparkline, the mapped device; drop a device on it to
// map it; click (or Enter) to toggle and the cycle button to power-cycle, both after
// confirmation. Protected ports (listed in protected_ports, or with no managed device) show why.
Rectangle {
    id: tile

    required property int index
    required property string switchId
    required property string port
    required property string label
    required property bool adminUp
    required property bool operUp
    required property string detection
    required property real watts
    required property var history
    required property string mappedMac
    required property string mappedName
    required property bool mappedLearned
    required property bool isProtected
    required property string protection
    required property bool pending
    property bool reachable: true

    signal toggleRequested()
    signal cycleRequested()
    signal deviceDropped(string mac)

    readonly property string stateText: !tile.reachable ? qsTr("unknown")
                                        : tile.operUp ? qsTr("powered")
                                        : tile.adminUp ? (tile.detection === "fault" || tile.detection === "other-fault" ? qsTr("fault") : qsTr("enabled, no power drawn"))
                                        : qsTr("off")

    objectName: "port_" + switchId + "_" + port
    implicitWidth: 124
    implicitHeight: 104
    radius: Theme.radius
    color: drop.containsDrag && tile.protection !== "listed" ? Theme.selection : Theme.palette.base
    border.width: tile.activeFocus ? 3 : 2
    border.color: !tile.reachable ? Theme.muted : tile.operUp ? Theme.ok : tile.adminUp ? "#f9ab00" : Theme.muted
    opacity: tile.reachable ? 1 : 0.6
    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("Port %1 of %2, %3%4").arg(tile.port).arg(tile.switchId).arg(tile.stateText)
                     .arg(tile.mappedName.length > 0 ? qsTr(", %1").arg(tile.mappedName) : "")
    Accessible.description: tile.protection === "listed" ? qsTr("protected port") : tile.protection === "unmapped" ? qsTr("no managed device") : ""
    Accessible.onPressAction: tile.toggleRequested()
    Keys.onReturnPressed: tile.toggleRequested()
    Keys.onSpacePressed: tile.toggleRequested()

    TapHandler { onTapped: { tile.forceActiveFocus(); tile.toggleRequested() } }

    DropArea {
        id: drop
        anchors.fill: parent
        keys: ["metalboot/device"]
        onDropped: drag => {
            if (tile.protection !== "listed" && drag.source && drag.source.mac)
                tile.deviceDropped(drag.source.mac)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 6
        spacing: 1
        RowLayout {
            spacing: 2
            Label {
                text: tile.label.length > 0 && tile.label !== tile.port ? tile.label : qsTr("Port %1").arg(tile.port)
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            BusyIndicator {
                visible: tile.pending
                running: tile.pending
                implicitWidth: 16
                implicitHeight: 16
            }
            ToolButton {
                objectName: "cycle_" + tile.switchId + "_" + tile.port
                text: "⟳"
                enabled: tile.adminUp && !tile.pending && tile.reachable
                implicitWidth: 22
                implicitHeight: 22
                padding: 0
                Accessible.name: qsTr("Power cycle port %1 of %2").arg(tile.port).arg(tile.switchId)
                Accessible.onPressAction: tile.cycleRequested()
                onClicked: tile.cycleRequested()
            }
        }
        Label {
            objectName: "portState"
            text: tile.watts >= 0 ? qsTr("%1 W · %2").arg(tile.watts.toFixed(1)).arg(tile.stateText) : tile.stateText
            font.pixelSize: Theme.smallFont
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Sparkline {
            values: tile.history
        }
        Label {
            objectName: "portDevice"
            text: tile.mappedName.length > 0 ? (tile.mappedLearned ? qsTr("%1 (learned)").arg(tile.mappedName) : tile.mappedName)
                                             : tile.protection === "listed" ? qsTr("protected") : qsTr("unmapped")
            color: tile.mappedName.length > 0 ? Theme.palette.text : tile.protection === "listed" ? Theme.warning : Theme.muted
            font.pixelSize: Theme.smallFont
            elide: Text.ElideRight
            Layout.fillWidth: true
            ToolTip.visible: deviceHover.hovered && tile.protection.length > 0
            ToolTip.text: tile.protection === "listed" ? qsTr("Protected port (protected_ports): switching it needs an explicit override.")
                                                       : qsTr("No managed device on this port: switching it needs an explicit override. Drag a device here to map it.")
            HoverHandler { id: deviceHover }
        }
    }
}
