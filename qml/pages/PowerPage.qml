pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Each PoE switch as a faceplate of ports (state, watts sparkline, mapped device, draw vs
// budget, reachability); click a port to toggle it and ⟳ to power-cycle it, after confirmation;
// drag a device onto a port to map it (saved in lab.yaml).
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
            id: scroller
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1        // the width comes from the page, not from the content
            contentWidth: availableWidth
            ColumnLayout {
                width: scroller.availableWidth
                spacing: Theme.spacing * 2
                Label {
                    visible: page.ports.switches.length === 0
                    text: qsTr("This lab has no PoE switch. Add one under switches: in the lab file to power devices on and off from here.")
                    wrapMode: Text.Wrap
                    color: Theme.muted
                    Layout.fillWidth: true
                }
                Repeater {
                    model: page.ports.switches
                    delegate: ColumnLayout {
                        id: faceplate
                        required property string modelData
                        readonly property var info: page.ports.revision >= 0 ? page.ports.switchInfo(modelData) : ({})
                        objectName: "faceplate_" + modelData
                        spacing: 4
                        Layout.fillWidth: true
                        RowLayout {
                            Label {
                                objectName: "switchTitle"
                                text: faceplate.info.budgetWatts > 0
                                      ? qsTr("%1 — %2 W of %3 W").arg(faceplate.modelData).arg(faceplate.info.drawWatts.toFixed(1)).arg(faceplate.info.budgetWatts.toFixed(0))
                                      : qsTr("%1 — %2 W").arg(faceplate.modelData).arg((faceplate.info.drawWatts || 0).toFixed(1))
                                font.bold: true
                            }
                            Label {
                                text: faceplate.info.address ? qsTr("%1, %2").arg(faceplate.info.driver).arg(faceplate.info.address) : (faceplate.info.driver || "")
                                color: Theme.muted
                                font.pixelSize: Theme.smallFont
                            }
                        }
                        Label {
                            objectName: "switchError"
                            visible: faceplate.info.reachable === false || (faceplate.info.error || "").length > 0
                            text: faceplate.info.reachable === false ? qsTr("Not reachable: %1").arg(faceplate.info.error) : faceplate.info.error || ""
                            color: faceplate.info.reachable === false ? Theme.danger : Theme.warning
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Flow {
                            spacing: 6
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1    // wraps to the page's width
                            Repeater {
                                model: SwitchPortFilterModel {
                                    id: switchPorts
                                    sourceModel: page.ports
                                    switchId: faceplate.modelData
                                }
                                delegate: PortTile {
                                    reachable: faceplate.info.reachable !== false
                                    onToggleRequested: page.confirmPort(switchPorts.sourceRow(index), adminUp ? "off" : "on")
                                    onCycleRequested: page.confirmPort(switchPorts.sourceRow(index), "cycle")
                                    onDeviceDropped: mac => page.ports.mapDevice(switchPorts.sourceRow(index), mac)
                                }
                            }
                        }
                    }
                }
            }
        }

        ColumnLayout {
            Layout.preferredWidth: 220
            Layout.fillWidth: false
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
                delegate: RowLayout {
                    id: slot
                    required property string mac
                    required property string name
                    required property string powerSwitch
                    required property string powerPort
                    required property bool adopted
                    visible: adopted
                    height: adopted ? 32 : 0
                    width: ListView.view.width
                    Item {
                        implicitWidth: 180
                        implicitHeight: 32
                        DeviceChip {
                            mac: slot.mac
                            name: slot.name
                            powerSwitch: slot.powerSwitch
                            powerPort: slot.powerPort
                        }
                    }
                    ToolButton {
                        objectName: "unmap_" + slot.mac
                        visible: slot.powerSwitch.length > 0
                        text: "✕"
                        implicitWidth: 24
                        Accessible.name: qsTr("Remove %1 from port %2 of %3").arg(slot.name).arg(slot.powerPort).arg(slot.powerSwitch)
                        Accessible.onPressAction: page.ports.unmap(page.ports.rowOf(slot.powerSwitch, slot.powerPort))
                        onClicked: page.ports.unmap(page.ports.rowOf(slot.powerSwitch, slot.powerPort))
                    }
                }
            }
        }
    }

    function confirmPort(row, action) {
        const index = ports.index(row, 0)
        confirm.row = row
        confirm.action = action
        confirm.port = ports.data(index, SwitchPortModel.PortRole)
        confirm.switchId = ports.data(index, SwitchPortModel.SwitchRole)
        confirm.deviceName = ports.data(index, SwitchPortModel.MappedNameRole)
        confirm.protection = ports.data(index, SwitchPortModel.ProtectionRole)
        confirm.open()
    }

    ConfirmPortDialog {
        id: confirm
        onConfirmed: (row, action, override) => action === "cycle" ? page.ports.cyclePort(row, override) : page.ports.togglePort(row, override)
    }
}
