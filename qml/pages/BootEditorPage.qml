pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Boot entries of a profile or device: reorder BootOrder by dragging, toggle entries, edit
// descriptions, add PXE / HTTP / disk entries, BootNext and Timeout, the changes listed before
// Apply, undo. Apply goes through the UEFI firmware engine (disabled with the reason until then).
Page {
    id: page

    required property BootEntryModel entries
    // The device whose NIC new PXE/HTTP entries boot from (empty for a profile: no MAC known).
    property string deviceMac: ""

    objectName: "bootEditorPage"

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            Label {
                text: qsTr("Boot entries — %1").arg(page.entries.target)
                font.bold: true
                Layout.leftMargin: Theme.spacing
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "bootUndo"
                text: qsTr("Undo")
                enabled: page.entries.canUndo
                Accessible.name: qsTr("Undo the last boot entry change")
                Accessible.onPressAction: page.entries.undo()
                onClicked: page.entries.undo()
            }
            Button {
                objectName: "bootRevert"
                text: qsTr("Revert all")
                enabled: page.entries.dirty
                Accessible.name: qsTr("Revert all boot entry changes")
                Accessible.onPressAction: page.entries.revert()
                onClicked: page.entries.revert()
            }
            GuardedButton {
                objectName: "bootApply"
                text: page.entries.applying ? qsTr("Applying…") : qsTr("Apply")
                highlighted: true
                enabled: page.entries.dirty && !page.entries.applying
                reason: page.entries.applyUnavailableReason
                accessibleName: qsTr("Apply boot entry changes")
                onActivated: page.entries.apply()
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing * 2

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3

            ListView {
                id: list
                objectName: "bootEntryList"
                model: page.entries
                clip: true
                // A flicking list would steal the entries' drag handles; it scrolls with the bar.
                interactive: false
                Layout.fillWidth: true
                Layout.fillHeight: true
                moveDisplaced: Transition { NumberAnimation { properties: "y"; duration: 120 } }
                delegate: BootEntryRow { entries: page.entries }
                ScrollBar.vertical: ScrollBar {}
            }

            GridLayout {
                columns: 3
                Layout.fillWidth: true
                Button {
                    objectName: "addPxe"
                    text: qsTr("Add PXE entry")
                    enabled: page.deviceMac.length > 0
                    Accessible.name: text
                    Accessible.onPressAction: page.entries.addPxeEntry(page.deviceMac)
                    onClicked: page.entries.addPxeEntry(page.deviceMac)
                }
                TextField {
                    id: httpUri
                    objectName: "httpUri"
                    placeholderText: qsTr("http://server/boot.efi")
                    Accessible.name: qsTr("HTTP boot URI")
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "addHttp"
                    text: qsTr("Add HTTP boot entry")
                    enabled: page.deviceMac.length > 0 && httpUri.text.length > 0
                    Accessible.name: text
                    Accessible.onPressAction: add()
                    onClicked: add()
                    function add() {
                        if (page.entries.addHttpEntry(page.deviceMac, httpUri.text) >= 0)
                            httpUri.text = ""
                    }
                }
                TextField {
                    id: diskName
                    objectName: "diskDescription"
                    placeholderText: qsTr("Disk entry name")
                    Accessible.name: qsTr("Disk entry description")
                }
                TextField {
                    id: diskPath
                    objectName: "diskPath"
                    placeholderText: qsTr("Device path, e.g. HD(1,MBR,0x0,0x800,0x100000)/\\EFI\\BOOT\\BOOTAA64.EFI")
                    Accessible.name: qsTr("Disk entry device path")
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "addDisk"
                    text: qsTr("Add disk entry")
                    enabled: diskName.text.length > 0 && diskPath.text.length > 0
                    Accessible.name: text
                    Accessible.onPressAction: add()
                    onClicked: add()
                    function add() {
                        if (page.entries.addDiskEntry(diskName.text, diskPath.text) >= 0) {
                            diskName.text = ""
                            diskPath.text = ""
                        }
                    }
                }
            }
            RowLayout {
                Label { text: qsTr("Timeout (seconds)") }
                SpinBox {
                    objectName: "bootTimeout"
                    from: 0
                    to: 600
                    value: page.entries.timeout
                    editable: true
                    Accessible.name: qsTr("Boot menu timeout in seconds")
                    onValueModified: page.entries.timeout = value
                }
                Button {
                    objectName: "clearBootNext"
                    text: qsTr("Clear BootNext")
                    enabled: page.entries.bootNextRow >= 0
                    Accessible.name: text
                    Accessible.onPressAction: page.entries.setBootNext(-1)
                    onClicked: page.entries.setBootNext(-1)
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            Label {
                text: qsTr("Changes to apply")
                font.bold: true
            }
            ListView {
                objectName: "bootDiff"
                model: page.entries.diff
                clip: true
                Layout.fillWidth: true
                Layout.fillHeight: true
                delegate: Label {
                    required property string modelData
                    width: ListView.view.width
                    text: "• " + modelData
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallFont
                }
            }
            Label {
                visible: !page.entries.dirty
                text: qsTr("No changes.")
                color: Theme.muted
            }
        }
    }
}
