import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Actions on the selected devices. Power off and cycle ask for confirmation (with a summary);
// power on and netboot once do not. Power buttons are disabled, with the reason, when the lab
// has no power controller.
ToolBar {
    id: bar

    required property Lab lab

    signal confirmRequested(string action)

    visible: lab.devices.selectedCount > 0
    objectName: "bulkBar"

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            objectName: "selectionCount"
            text: qsTr("%n selected", "", bar.lab.devices.selectedCount)
            font.bold: true
        }
        GuardedButton {
            objectName: "bulkPowerOn"
            text: Strings.powerOn
            reason: bar.lab.powerUnavailableReason
            accessibleName: qsTr("Power on the selected devices")
            onActivated: bar.lab.power(bar.lab.devices.selectedMacs(), "on")
        }
        GuardedButton {
            objectName: "bulkPowerOff"
            text: Strings.powerOff
            reason: bar.lab.powerUnavailableReason
            accessibleName: qsTr("Power off the selected devices")
            onActivated: bar.confirmRequested("off")
        }
        GuardedButton {
            objectName: "bulkPowerCycle"
            text: Strings.powerCycle
            reason: bar.lab.powerUnavailableReason
            accessibleName: qsTr("Power cycle the selected devices")
            onActivated: bar.confirmRequested("cycle")
        }
        Button {
            objectName: "bulkNetbootOnce"
            text: Strings.netbootOnce
            Accessible.name: qsTr("Netboot the selected devices once")
            Accessible.onPressAction: bar.lab.netbootOnce(bar.lab.devices.selectedMacs())
            onClicked: bar.lab.netbootOnce(bar.lab.devices.selectedMacs())
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Boot from the network on the next boot only")
        }
        Button {
            objectName: "bulkAdopt"
            visible: bar.lab.devices.discoveredCount > 0
            text: Strings.adopt
            Accessible.name: qsTr("Adopt the selected devices")
            Accessible.onPressAction: bar.lab.adopt(bar.lab.devices.selectedMacs())
            onClicked: bar.lab.adopt(bar.lab.devices.selectedMacs())
        }
        ComboBox {
            id: profile
            objectName: "bulkProfile"
            model: [{ id: "", name: Strings.noProfile }].concat(bar.lab.profiles)
            textRole: "name"
            valueRole: "id"
            Accessible.name: qsTr("Profile to assign")
            Layout.preferredWidth: 200
        }
        Button {
            objectName: "bulkAssignProfile"
            text: qsTr("Assign profile")
            Accessible.name: text
            Accessible.onPressAction: assign()
            onClicked: assign()
            function assign() { bar.lab.assignProfile(bar.lab.devices.selectedMacs(), profile.currentValue) }
        }
        Item { Layout.fillWidth: true }
        Button {
            objectName: "clearSelection"
            text: qsTr("Clear selection")
            flat: true
            Accessible.name: text
            Accessible.onPressAction: bar.lab.devices.clearSelection()
            onClicked: bar.lab.devices.clearSelection()
        }
    }
}
