pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// The Boot#### list (drag, Alt+↑/↓ or the arrows reorder BootOrder) and the controls that add
// PXE / HTTP-boot / disk entries and set the Timeout. Locked parts say why.
ColumnLayout {
    id: pane

    required property BootEntryModel entries
    // The NIC new PXE/HTTP entries boot from; `macChoices` ([{mac, name}]) offers a choice.
    property string deviceMac: ""
    property var macChoices: []
    // With the typed settings form next to it, Timeout is edited there (also per device).
    property bool showTimeout: true

    readonly property string mac: macChoices.length > 0 && macBox.currentIndex >= 0 ? macChoices[macBox.currentIndex].mac : deviceMac

    Label {
        objectName: "entriesLocked"
        visible: !pane.entries.entriesEditable
        text: pane.entries.entriesLockedReason
        wrapMode: Text.Wrap
        color: Theme.muted
        Layout.fillWidth: true
        Layout.preferredWidth: 1     // wrap to the pane, never widen it
    }

    ListView {
        id: list
        objectName: "bootEntryList"
        model: pane.entries
        clip: true
        // A flicking list would steal the entries' drag handles; it scrolls with the bar.
        interactive: false
        Layout.fillWidth: true
        Layout.fillHeight: true
        moveDisplaced: Transition { NumberAnimation { properties: "y"; duration: 120 } }
        delegate: BootEntryRow { entries: pane.entries }
        ScrollBar.vertical: ScrollBar {}
        Label {
            anchors.centerIn: parent
            visible: pane.entries.count === 0
            text: qsTr("No boot entries: the firmware creates its own at the first boot.")
            color: Theme.muted
        }
    }

    GridLayout {
        columns: 4
        visible: pane.entries.entriesEditable
        Layout.fillWidth: true
        Label { text: qsTr("Network entries for") }
        ComboBox {
            id: macBox
            objectName: "entryMac"
            visible: pane.macChoices.length > 0
            model: pane.macChoices
            textRole: "name"
            Accessible.name: qsTr("Device whose network card new PXE and HTTP entries use")
            Layout.preferredWidth: 160
        }
        Label {
            visible: pane.macChoices.length === 0
            text: pane.deviceMac.length > 0 ? pane.deviceMac : qsTr("(no device uses this profile)")
            color: Theme.muted
        }
        Button {
            objectName: "addPxe"
            text: qsTr("Add PXE entry")
            enabled: pane.mac.length > 0
            Accessible.name: text
            Accessible.onPressAction: pane.entries.addPxeEntry(pane.mac)
            onClicked: pane.entries.addPxeEntry(pane.mac)
        }
        Item { Layout.fillWidth: true }

        Label { text: qsTr("HTTP boot URI") }
        TextField {
            id: httpUri
            objectName: "httpUri"
            placeholderText: qsTr("http://server/boot.efi")
            Accessible.name: qsTr("HTTP boot URI")
            Layout.fillWidth: true
            Layout.columnSpan: 2
        }
        Button {
            objectName: "addHttp"
            text: qsTr("Add HTTP boot entry")
            enabled: pane.mac.length > 0 && httpUri.text.length > 0
            Accessible.name: text
            Accessible.onPressAction: add()
            onClicked: add()
            function add() {
                if (pane.entries.addHttpEntry(pane.mac, httpUri.text) >= 0)
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
            // The path is an argument: lupdate 6.4 drops backslashes inside QML string literals.
            placeholderText: qsTr("Loader on any disk, e.g. %1").arg("\\EFI\\BOOT\\BOOTAA64.EFI")
            Accessible.name: qsTr("Disk entry loader path")
            Layout.fillWidth: true
            Layout.columnSpan: 2
        }
        Button {
            objectName: "addDisk"
            text: qsTr("Add disk entry")
            enabled: diskName.text.length > 0 && diskPath.text.length > 0
            Accessible.name: text
            Accessible.onPressAction: add()
            onClicked: add()
            function add() {
                if (pane.entries.addDiskEntry(diskName.text, diskPath.text) >= 0) {
                    diskName.text = ""
                    diskPath.text = ""
                }
            }
        }
    }
    RowLayout {
        Label { text: qsTr("Timeout (seconds)"); visible: pane.showTimeout }
        SpinBox {
            visible: pane.showTimeout
            objectName: "bootTimeout"
            from: 0
            to: 600
            value: pane.entries.timeout
            editable: true
            enabled: pane.entries.entriesEditable
            Accessible.name: qsTr("Boot menu timeout in seconds")
            onValueModified: pane.entries.timeout = value
        }
        Button {
            objectName: "clearBootNext"
            text: qsTr("Clear BootNext")
            visible: pane.entries.bootNextEditable
            enabled: pane.entries.bootNextRow >= 0
            Accessible.name: text
            Accessible.onPressAction: pane.entries.setBootNext(-1)
            onClicked: pane.entries.setBootNext(-1)
        }
        Label {
            objectName: "bootNextLocked"
            visible: !pane.entries.bootNextEditable
            text: pane.entries.bootNextLockedReason
            color: Theme.muted
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFont
            Layout.fillWidth: true
            Layout.preferredWidth: 1
        }
    }
}
