pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Boot entries (and, with an editor, the Pi UEFI settings) of a profile or device: reorder
// BootOrder by dragging, toggle entries, edit descriptions, add PXE / HTTP / disk entries,
// BootNext and Timeout, typed settings; every change is listed before Apply and can be undone.
// With `editor` set, Apply goes through the UEFI engine (FirmwareEditor); without, through the
// entries' own backend.
Page {
    id: page

    required property BootEntryModel entries
    property FirmwareEditor editor: null
    // The device whose NIC new PXE/HTTP entries boot from (a profile offers editor.macChoices).
    property string deviceMac: ""
    property bool closable: false

    readonly property var changes: editor ? editor.diff : entries.diff
    readonly property bool dirty: editor ? editor.dirty : entries.dirty
    readonly property bool canUndo: editor ? editor.canUndo : entries.canUndo
    readonly property bool applying: editor ? editor.applying : entries.applying

    signal closeRequested()

    objectName: "bootEditorPage"

    function undo() { editor ? editor.undo() : entries.undo() }
    function revert() { editor ? editor.revert() : entries.revert() }
    function apply() { editor ? editor.apply() : entries.apply() }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ColumnLayout {
                spacing: 0
                Layout.leftMargin: Theme.spacing
                Layout.fillWidth: true
                Label {
                    objectName: "bootEditorTitle"
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                    text: page.editor ? qsTr("Boot configuration — %1").arg(page.editor.title) : qsTr("Boot entries — %1").arg(page.entries.target)
                    font.bold: true
                }
                Label {
                    visible: page.editor !== null && page.editor.firmwareInfo.length > 0
                    text: page.editor ? page.editor.firmwareInfo : ""
                    color: Theme.muted
                    font.pixelSize: Theme.smallFont
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
            Button {
                objectName: "editProfileButton"
                visible: page.editor !== null && page.editor.targetKind === "device" && page.editor.profileId.length > 0
                text: qsTr("Edit profile %1").arg(page.editor ? page.editor.profileId : "")
                flat: true
                Accessible.name: text
                Accessible.onPressAction: page.editor.openDeviceProfile()
                onClicked: page.editor.openDeviceProfile()
            }
            Button {
                objectName: "bootUndo"
                text: qsTr("Undo")
                enabled: page.canUndo
                Accessible.name: qsTr("Undo the last boot configuration change")
                Accessible.onPressAction: page.undo()
                onClicked: page.undo()
            }
            Button {
                objectName: "bootRevert"
                text: qsTr("Revert all")
                enabled: page.dirty
                Accessible.name: qsTr("Revert all boot configuration changes")
                Accessible.onPressAction: page.revert()
                onClicked: page.revert()
            }
            GuardedButton {
                objectName: "bootApply"
                text: page.applying ? qsTr("Applying…") : qsTr("Apply…")
                highlighted: true
                enabled: page.dirty && !page.applying
                reason: page.entries.applyUnavailableReason
                accessibleName: qsTr("Apply boot configuration changes")
                onActivated: confirm.open()
            }
            ToolButton {
                objectName: "bootEditorClose"
                visible: page.closable
                text: "✕"
                Accessible.name: qsTr("Close the boot editor")
                Accessible.onPressAction: page.closeRequested()
                onClicked: page.closeRequested()
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
            TabBar {
                id: tabs
                objectName: "bootEditorTabs"
                visible: page.editor !== null
                Layout.fillWidth: true
                TabButton {
                    objectName: "entriesTab"
                    text: qsTr("Boot entries")
                    Accessible.name: text
                    Accessible.onPressAction: tabs.currentIndex = 0
                }
                TabButton {
                    objectName: "settingsTab"
                    text: qsTr("UEFI settings")
                    Accessible.name: text
                    Accessible.onPressAction: tabs.currentIndex = 1
                }
            }
            StackLayout {
                currentIndex: tabs.currentIndex
                Layout.fillWidth: true
                Layout.fillHeight: true
                BootEntriesPane {
                    entries: page.entries
                    deviceMac: page.deviceMac
                    macChoices: page.editor ? page.editor.macChoices : []
                    showTimeout: page.editor === null
                }
                SettingsForm {
                    settings: page.editor ? page.editor.settings : null
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
                model: page.changes
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
                visible: !page.dirty
                text: qsTr("No changes.")
                color: Theme.muted
            }
            Label {
                objectName: "bootEditorStatus"
                visible: page.editor !== null && page.editor.status.length > 0
                text: page.editor ? page.editor.status : ""
                color: page.editor && !page.editor.statusOk ? Theme.danger : Theme.ok
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
            Label {
                objectName: "nextBoot"
                visible: page.editor !== null
                text: page.editor ? page.editor.nextBoot : ""
                color: Theme.muted
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallFont
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
        }
    }

    ConfirmApplyDialog {
        id: confirm
        changes: page.changes
        target: page.editor ? page.editor.title : page.entries.target
        onAccepted: page.apply()
    }
}
