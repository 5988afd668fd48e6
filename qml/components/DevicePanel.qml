pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// The device the user opened: identity, power controls, its firmware profile (boot entries and
// UEFI settings open the boot editor), boot timeline, and its journal or live console (tabs).
Pane {
    id: panel

    required property Lab lab
    readonly property DeviceDetails details: lab.details
    readonly property var info: details.info

    signal confirmRequested(string action, var devices)

    objectName: "devicePanel"
    padding: Theme.spacing

    background: Rectangle {
        color: Theme.palette.window
        Rectangle { width: 1; height: parent.height; color: Theme.muted; opacity: 0.4 }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            Rectangle {
                width: 12; height: 12; radius: 6
                color: Theme.stageColor(panel.info.stage || "")
            }
            Label {
                objectName: "panelName"
                visible: !nameEdit.visible
                text: panel.info.name || panel.details.mac
                font.bold: true
                font.pixelSize: 18
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            TextField {
                id: nameEdit
                objectName: "panelNameEdit"
                visible: false
                Layout.fillWidth: true
                Accessible.name: qsTr("Device name")
                onAccepted: { panel.lab.renameDevice(panel.details.mac, text); visible = false }
                Keys.onEscapePressed: visible = false
            }
            ToolButton {
                objectName: "renameButton"
                visible: panel.info.adopted === true
                text: "✎"
                Accessible.name: qsTr("Rename device")
                Accessible.onPressAction: rename()
                onClicked: rename()
                function rename() { nameEdit.text = panel.info.name; nameEdit.visible = true; nameEdit.forceActiveFocus() }
            }
            ToolButton {
                objectName: "closePanelButton"
                text: "✕"
                Accessible.name: qsTr("Close device panel")
                Accessible.onPressAction: panel.lab.closeDevice()
                onClicked: panel.lab.closeDevice()
            }
        }

        GridLayout {
            columns: 2
            columnSpacing: Theme.spacing * 2
            rowSpacing: 2
            Label { text: qsTr("MAC"); color: Theme.muted }
            Label { text: panel.details.mac; font.family: "monospace" }
            Label { text: qsTr("Serial"); color: Theme.muted }
            Label { text: panel.info.serial || "—"; font.family: "monospace" }
            Label { text: qsTr("Model"); color: Theme.muted }
            Label { text: panel.info.model || "—" }
            Label { text: qsTr("IP address"); color: Theme.muted }
            Label { text: panel.info.ip || "—" }
            Label { text: qsTr("Profile"); color: Theme.muted }
            RowLayout {
                Label { objectName: "panelProfile"; text: panel.info.profile || Strings.noProfile }
                Button {
                    objectName: "panelEditProfile"
                    visible: (panel.info.profile || "").length > 0
                    text: qsTr("Edit")
                    flat: true
                    implicitHeight: 24
                    Accessible.name: qsTr("Edit profile %1").arg(panel.info.profile)
                    Accessible.onPressAction: panel.lab.firmware.openProfile(panel.info.profile)
                    onClicked: panel.lab.firmware.openProfile(panel.info.profile)
                }
            }
            Label { text: qsTr("Power"); color: Theme.muted }
            Label {
                text: (panel.info.watts >= 0 ? qsTr("%1 · %2 W").arg(Strings.powerName(panel.info.power)).arg(panel.info.watts.toFixed(1))
                                             : Strings.powerName(panel.info.power || ""))
                      + (panel.info.powerSwitch ? qsTr(" (switch %1, port %2)").arg(panel.info.powerSwitch).arg(panel.info.powerPort) : "")
            }
        }

        Flow {
            spacing: 4
            Layout.fillWidth: true
            GuardedButton {
                objectName: "panelPowerOn"
                text: Strings.powerOn
                reason: panel.lab.powerUnavailableReason
                accessibleName: qsTr("Power on %1").arg(panel.info.name)
                onActivated: panel.lab.power([panel.details.mac], "on")
            }
            GuardedButton {
                objectName: "panelPowerOff"
                text: Strings.powerOff
                reason: panel.lab.powerUnavailableReason
                accessibleName: qsTr("Power off %1").arg(panel.info.name)
                onActivated: panel.confirmRequested("off", [panel.info])
            }
            GuardedButton {
                objectName: "panelPowerCycle"
                text: Strings.powerCycle
                reason: panel.lab.powerUnavailableReason
                accessibleName: qsTr("Power cycle %1").arg(panel.info.name)
                onActivated: panel.confirmRequested("cycle", [panel.info])
            }
            Button {
                objectName: "panelNetbootOnce"
                text: Strings.netbootOnce
                Accessible.name: qsTr("Netboot %1 once").arg(panel.info.name)
                Accessible.onPressAction: panel.lab.netbootOnce([panel.details.mac])
                onClicked: panel.lab.netbootOnce([panel.details.mac])
            }
            Button {
                objectName: "panelBootEditor"
                visible: panel.info.adopted === true
                text: qsTr("Boot and UEFI settings…")
                Accessible.name: qsTr("Boot entries and UEFI settings of %1").arg(panel.info.name)
                Accessible.onPressAction: panel.lab.firmware.openDevice(panel.details.mac)
                onClicked: panel.lab.firmware.openDevice(panel.details.mac)
            }
            Button {
                objectName: "panelAdopt"
                visible: panel.info.adopted === false
                text: Strings.adopt
                highlighted: true
                Accessible.name: qsTr("Adopt %1").arg(panel.info.name)
                Accessible.onPressAction: panel.lab.adopt([panel.details.mac])
                onClicked: panel.lab.adopt([panel.details.mac])
            }
        }

        Label { text: qsTr("Boot timeline"); font.bold: true }
        BootTimelineView {
            timeline: panel.details.timeline
            Layout.fillWidth: true
        }

        TabBar {
            id: lowerTabs
            objectName: "panelTabs"
            Layout.fillWidth: true
            TabButton {
                objectName: "panelJournalTab"
                text: qsTr("Journal")
                Accessible.name: text
                Accessible.onPressAction: lowerTabs.currentIndex = 0
            }
            TabButton {
                objectName: "panelConsoleTab"
                text: panel.details.console.count > 0 ? qsTr("Console (%1)").arg(panel.details.console.count) : qsTr("Console")
                Accessible.name: qsTr("Console")
                Accessible.onPressAction: lowerTabs.currentIndex = 1
            }
        }

        StackLayout {
            currentIndex: lowerTabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true

            ListView {
                id: journal
                objectName: "panelJournal"
                clip: true
                model: panel.details.journal
                Layout.fillWidth: true
                Layout.fillHeight: true
                onCountChanged: positionViewAtEnd()
                delegate: Label {
                    required property date time
                    required property string severity
                    required property string source
                    required property string message
                    width: ListView.view.width
                    text: Qt.formatTime(time, "hh:mm:ss") + "  " + source + "  " + message
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallFont
                    color: severity === "error" ? Theme.danger : severity === "warning" ? Theme.warning : Theme.palette.text
                }
                ScrollBar.vertical: ScrollBar {}
                BusyIndicator {
                    anchors.centerIn: parent
                    running: panel.details.loading
                    visible: running
                }
            }

            ConsoleView {
                lab: panel.lab
            }
        }
    }
}
