pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Each PoE switch as a faceplate of ports (state, watts sparkline, mapped device, draw vs
// budget); click a port to toggle it after confirmation; drag a device onto a port to map it.
Page {
    id: page

    required property SwitchPortModel ports
    required property DeviceListModel devices

    objectName: "powerPage"

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing * 2

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing * 2
                Repeater {
                    model: page.ports.switches
                    delegate: ColumnLayout {
                        id: faceplate
                        required property string modelData
                        objectName: "faceplate_" + modelData
                        spacing: 4
                        Label {
                            readonly property real budget: page.ports.budgetWatts(faceplate.modelData)
                            text: budget > 0 ? qsTr("%1 — %2 W of %3 W").arg(faceplate.modelData).arg(page.ports.drawWatts(faceplate.modelData).toFixed(1)).arg(budget.toFixed(0))
                                             : qsTr("%1 — %2 W").arg(faceplate.modelData).arg(page.ports.drawWatts(faceplate.modelData).toFixed(1))
                            font.bold: true
                        }
                        Flow {
                            spacing: 6
                            Layout.fillWidth: true
                            Layout.preferredWidth: 8 * 118
                            Repeater {
                                model: SwitchPortFilterModel {
                                    id: switchPorts
                                    sourceModel: page.ports
                                    switchId: faceplate.modelData
                                }
                                delegate: PortTile {
                                    onToggleRequested: page.confirmToggle(switchPorts.sourceRow(index), port, switchId, mappedName, adminUp, isProtected)
                                    onDeviceDropped: mac => page.ports.mapDevice(switchPorts.sourceRow(index), mac)
                                }
                            }
                        }
                    }
                }
            }
        }

        ColumnLayout {
            Layout.preferredWidth: 200
            Layout.fillHeight: true
            Label {
                text: qsTr("Devices — drag onto a port")
                font.bold: true
            }
            ListView {
                objectName: "powerDeviceList"
                model: page.devices
                spacing: 4
                clip: true
                Layout.fillWidth: true
                Layout.fillHeight: true
                delegate: Item {
                    id: slot
                    required property string mac
                    required property string name
                    required property string powerSwitch
                    required property string powerPort
                    width: 180
                    height: 32
                    DeviceChip {
                        mac: slot.mac
                        name: slot.name
                        powerSwitch: slot.powerSwitch
                        powerPort: slot.powerPort
                    }
                }
            }
        }
    }

    function confirmToggle(row, port, switchId, deviceName, adminUp, isProtected) {
        confirm.row = row
        confirm.port = port
        confirm.switchId = switchId
        confirm.deviceName = deviceName
        confirm.turningOff = adminUp
        confirm.isProtected = isProtected
        confirm.open()
    }

    ConfirmPortDialog {
        id: confirm
        onConfirmed: (row, override) => page.ports.togglePort(row, override)
    }
}
