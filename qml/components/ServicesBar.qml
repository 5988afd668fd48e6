pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Always-visible row of service state dots (DHCP, TFTP, HTTP, Redfish, ...) and the other
// DHCP/PXE servers the DHCP engine saw on the served network.
RowLayout {
    id: bar
    required property Lab lab
    spacing: Theme.spacing * 2

    Repeater {
        model: bar.lab.services
        delegate: RowLayout {
            id: item
            required property string serviceId
            required property string name
            required property string state
            required property string error
            required property string endpoints
            spacing: 4

            Rectangle {
                width: 10
                height: 10
                radius: 5
                color: Theme.serviceColor(item.state)
            }
            Label {
                text: item.name
                ToolTip.visible: hover.hovered
                ToolTip.text: item.error.length > 0 ? item.error : (item.endpoints.length > 0 ? item.endpoints : Strings.serviceState(item.state))
                HoverHandler { id: hover }
                Accessible.name: qsTr("%1: %2").arg(item.name).arg(Strings.serviceState(item.state))
            }
        }
    }
    Item { Layout.fillWidth: true }
    Label {
        objectName: "foreignServersBadge"
        readonly property var servers: bar.lab.foreignServers
        readonly property var netboot: servers.filter(s => s.offersBoot)
        visible: servers.length > 0
        text: netboot.length > 0 ? qsTr("Other PXE server seen: %1").arg(netboot.map(s => s.address).join(", "))
                                 : qsTr("DHCP server seen: %1").arg(servers.map(s => s.address).join(", "))
        color: netboot.length > 0 || servers.some(s => s.conflicting) ? Theme.warning : Theme.muted
        ToolTip.visible: badgeHover.hovered
        ToolTip.text: servers.map(s => s.description).join("\n")
        HoverHandler { id: badgeHover }
        Accessible.name: text
    }
}
