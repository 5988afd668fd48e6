pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Devices seen on the wire but not in lab.yaml, each with a one-click Adopt.
Rectangle {
    id: lane

    required property Lab lab
    required property DeviceFilterModel devices

    signal openDevice(string mac)

    visible: devices.count > 0
    implicitHeight: visible ? column.implicitHeight + Theme.spacing * 2 : 0
    color: Theme.dark ? "#17263c" : "#f1f6fe"

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        RowLayout {
            Label {
                text: qsTr("Discovered — %n device(s) not in the lab yet", "", lane.devices.count)
                font.bold: true
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "adoptAllButton"
                text: qsTr("Adopt all")
                Accessible.name: qsTr("Adopt all discovered devices")
                Accessible.onPressAction: adoptAll()
                onClicked: adoptAll()
                function adoptAll() { lane.lab.adopt(lane.devices.macs()) }
            }
        }
        ListView {
            objectName: "discoveredList"
            orientation: ListView.Horizontal
            spacing: Theme.spacing
            clip: true
            implicitHeight: Theme.cardHeight + 36
            Layout.fillWidth: true
            model: lane.devices
            delegate: ColumnLayout {
                id: entry
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
                spacing: 2
                DeviceCard {
                    mac: entry.mac
                    name: entry.name
                    serial: entry.serial
                    model: entry.model
                    stage: entry.stage
                    power: entry.power
                    watts: entry.watts
                    lastEvent: entry.lastEvent
                    adopted: entry.adopted
                    selected: entry.selected
                    onActivated: additive => additive ? lane.lab.devices.toggleSelected(entry.mac) : lane.lab.devices.selectOnly(entry.mac)
                    onSelectionToggled: lane.lab.devices.toggleSelected(entry.mac)
                    onOpened: lane.openDevice(entry.mac)
                }
                Button {
                    objectName: "adopt_" + entry.mac
                    text: Strings.adopt
                    highlighted: true
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Adopt %1").arg(entry.name)
                    Accessible.onPressAction: lane.lab.adopt([entry.mac])
                    onClicked: lane.lab.adopt([entry.mac])
                }
            }
        }
    }
}
