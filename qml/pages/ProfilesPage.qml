pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// The lab's firmware profiles: import by dropping a file anywhere on the window (or by path),
// drag a profile onto a device — or onto a selected one for the whole selection — to assign it,
// open a profile's boot entries and UEFI settings.
Page {
    id: page
    required property Lab lab
    objectName: "profilesPage"

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            Label {
                text: qsTr("Drop an RPI_EFI.fd, a virt-fw-vars .json or a pftf release .zip anywhere on this window to import it as a profile, or:")
                wrapMode: Text.Wrap
                color: Theme.muted
                Layout.leftMargin: Theme.spacing
                Layout.fillWidth: true
            }
            TextField {
                id: importPath
                objectName: "importPath"
                placeholderText: qsTr("/path/to/RPi4_UEFI_Firmware_v1.38.zip")
                Accessible.name: qsTr("Firmware file to import")
                Layout.preferredWidth: 320
                onAccepted: importButton.run()
            }
            Button {
                id: importButton
                objectName: "importButton"
                text: qsTr("Import")
                enabled: importPath.text.length > 0 && page.lab.importer.available
                Accessible.name: qsTr("Import the firmware file")
                Accessible.onPressAction: run()
                onClicked: run()
                function run() {
                    const path = importPath.text.trim()
                    if (page.lab.importer.requestImport([path.startsWith("file:") ? path : "file://" + path]))
                        importPath.text = ""
                }
            }
            Button {
                objectName: "cancelImport"
                visible: page.lab.importer.busy
                text: qsTr("Cancel import")
                Accessible.name: text
                Accessible.onPressAction: page.lab.importer.cancel()
                onClicked: page.lab.importer.cancel()
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing * 2

        ListView {
            objectName: "profileList"
            model: page.lab.profileList
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            delegate: ProfileCard {
                onEditRequested: page.lab.firmware.openProfile(profileId)
            }
            ScrollBar.vertical: ScrollBar {}
            Label {
                anchors.centerIn: parent
                visible: page.lab.profileList.count === 0
                text: qsTr("No profiles yet: drop a firmware file here.")
                color: Theme.muted
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            Label {
                text: qsTr("Devices — drop a profile on one (or on a selected one: all selected)")
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            ListView {
                objectName: "profileDeviceList"
                model: page.lab.devices
                clip: true
                spacing: 2
                Layout.fillWidth: true
                Layout.fillHeight: true
                delegate: Rectangle {
                    id: target
                    required property string mac
                    required property string name
                    required property string profile
                    required property bool adopted
                    required property bool selected
                    objectName: "profileTarget_" + mac
                    visible: adopted
                    width: ListView.view.width
                    height: adopted ? 36 : 0
                    radius: Theme.radius
                    color: drop.containsDrag ? Theme.accent : selected ? Theme.selection : Theme.palette.base
                    border.color: Theme.muted
                    DropArea {
                        id: drop
                        anchors.fill: parent
                        keys: ["metalboot/profile"]
                        onDropped: drag => {
                            if (drag.source && drag.source.profileId)
                                page.lab.dropProfile(target.mac, drag.source.profileId)
                        }
                    }
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: 4
                        anchors.rightMargin: Theme.spacing
                        CheckBox {
                            objectName: "profileSelect_" + target.mac
                            checked: target.selected
                            Accessible.name: qsTr("Select %1").arg(target.name)
                            Accessible.onPressAction: page.lab.devices.toggleSelected(target.mac)
                            onClicked: page.lab.devices.toggleSelected(target.mac)
                        }
                        Label {
                            text: target.name
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            text: target.profile.length > 0 ? target.profile : Strings.noProfile
                            color: Theme.muted
                        }
                    }
                }
            }
        }
    }
}
