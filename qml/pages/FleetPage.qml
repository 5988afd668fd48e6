pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Every device: discovered ones in a lane with Adopt, adopted ones as cards on the user's
// layout; filter, multi-select with bulk actions, and the device panel on the right.
Page {
    id: page
    required property Lab lab
    objectName: "fleetPage"

    function confirm(action, devices) {
        confirmDialog.action = action
        confirmDialog.devices = devices
        confirmDialog.open()
    }

    DeviceFilterModel {
        id: adoptedDevices
        objectName: "adoptedDevices"
        sourceModel: page.lab.devices
        scope: DeviceFilterModel.Adopted
        text: filter.text
        stage: stageFilter.currentValue
    }
    DeviceFilterModel {
        id: discoveredDevices
        objectName: "discoveredDevices"
        sourceModel: page.lab.devices
        scope: DeviceFilterModel.Discovered
        text: filter.text
        stage: stageFilter.currentValue
    }

    header: ColumnLayout {
        spacing: 0
        ToolBar {
            Layout.fillWidth: true
            RowLayout {
                anchors.fill: parent
                TextField {
                    id: filter
                    objectName: "fleetFilter"
                    placeholderText: qsTr("Filter: name, MAC, serial, IP, profile, switch:port")
                    Accessible.name: qsTr("Filter devices")
                    Layout.preferredWidth: 320
                    Keys.onEscapePressed: text = ""
                }
                ComboBox {
                    id: stageFilter
                    objectName: "stageFilter"
                    textRole: "text"
                    valueRole: "value"
                    model: [{ value: "", text: qsTr("Any stage") }].concat(Strings.stages.map(s => ({ value: s, text: Strings.stageName(s) })))
                    Accessible.name: qsTr("Filter by boot stage")
                }
                Label {
                    objectName: "fleetCount"
                    text: qsTr("%1 of %n device(s)", "", page.lab.devices.count).arg(adoptedDevices.count + discoveredDevices.count)
                }
                Item { Layout.fillWidth: true }
                Label {
                    visible: page.lab.profileList.count > 0
                    text: qsTr("Drag a profile onto devices:")
                    color: Theme.muted
                }
                Repeater {
                    model: page.lab.profileList
                    delegate: Item {
                        id: chipSlot
                        required property string profileId
                        required property string name
                        implicitWidth: chip.implicitWidth
                        implicitHeight: chip.implicitHeight
                        ProfileChip {
                            id: chip
                            profileId: chipSlot.profileId
                            name: chipSlot.name
                        }
                    }
                }
                Button {
                    objectName: "selectAllButton"
                    text: qsTr("Select all")
                    flat: true
                    Accessible.name: qsTr("Select all shown devices")
                    Accessible.onPressAction: selectAll()
                    onClicked: selectAll()
                    function selectAll() { page.lab.devices.selectMany(adoptedDevices.macs().concat(discoveredDevices.macs())) }
                }
            }
        }
        BulkActionBar {
            lab: page.lab
            Layout.fillWidth: true
            onConfirmRequested: action => page.confirm(action, page.lab.devices.selectedDevices())
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: true

            DiscoveredLane {
                lab: page.lab
                devices: discoveredDevices
                Layout.fillWidth: true
                onOpenDevice: mac => page.lab.openDevice(mac)
            }
            FleetLayout {
                id: fleetLayout
                objectName: "fleetLayout"
                lab: page.lab
                devices: adoptedDevices
                Layout.fillWidth: true
                Layout.fillHeight: true
                onOpenDevice: mac => page.lab.openDevice(mac)

                Label {
                    anchors.centerIn: parent
                    visible: page.lab.devices.count === 0
                    text: qsTr("No devices yet. Power on a Raspberry Pi on the lab network: it appears here when it asks for a netboot.")
                    wrapMode: Text.Wrap
                    width: parent.width * 0.6
                    horizontalAlignment: Text.AlignHCenter
                }
            }
        }

        DevicePanel {
            lab: page.lab
            visible: page.lab.details.open
            Layout.preferredWidth: 420
            Layout.fillHeight: true
            onConfirmRequested: (action, devices) => page.confirm(action, devices)
        }
    }

    ConfirmActionDialog {
        id: confirmDialog
        onConfirmed: (action, macs) => page.lab.power(macs, action)
    }
}
