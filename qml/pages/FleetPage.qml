pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Every device as a card.
Page {
    id: page
    required property Lab lab
    objectName: "fleetPage"

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            TextField {
                id: filter
                objectName: "fleetFilter"
                placeholderText: qsTr("Filter by name, MAC or serial")
                Accessible.name: qsTr("Filter devices")
                Layout.preferredWidth: 280
            }
            Label {
                text: qsTr("%n device(s)", "", page.lab.devices.count)
            }
            Item { Layout.fillWidth: true }
        }
    }

    GridView {
        id: grid
        objectName: "fleetGrid"
        anchors.fill: parent
        anchors.margins: Theme.spacing
        cellWidth: Theme.cardWidth + Theme.spacing
        cellHeight: Theme.cardHeight + Theme.spacing
        clip: true
        model: page.lab.devices
        delegate: DeviceCard {
            required property string ip
            visible: filter.text.length === 0
                     || name.toLowerCase().indexOf(filter.text.toLowerCase()) >= 0
                     || mac.indexOf(filter.text.toLowerCase()) >= 0
                     || serial.indexOf(filter.text.toLowerCase()) >= 0
        }
        ScrollBar.vertical: ScrollBar {}
    }

    Label {
        anchors.centerIn: parent
        visible: page.lab.devices.count === 0
        text: qsTr("No devices yet. Power on a Raspberry Pi on the lab network: it appears here when it asks for a netboot.")
        wrapMode: Text.Wrap
        width: parent.width * 0.6
        horizontalAlignment: Text.AlignHCenter
    }
}
