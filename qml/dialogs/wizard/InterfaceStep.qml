pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Step 1: the network interface the lab is on. Nothing is preselected: the user chooses.
ColumnLayout {
    id: step
    required property SetupWizard setup
    spacing: Theme.spacing

    Label {
        text: qsTr("Which network interface is connected to the Raspberry Pis' switch?")
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        text: qsTr("Metal Boot answers netboot requests only there. Wired interfaces with a link are listed first.")
        color: Theme.muted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    ListView {
        id: list
        objectName: "interfaceList"
        model: step.setup.interfaces
        spacing: 4
        clip: true
        Layout.fillWidth: true
        Layout.fillHeight: true
        delegate: ItemDelegate {
            id: entry
            required property int index
            required property string name
            required property string humanName
            required property string addresses
            required property string gateway
            required property string hardwareAddress
            required property bool link
            required property string kind
            required property string warning
            objectName: "interface_" + name
            width: ListView.view.width
            highlighted: step.setup.selectedIndex === index
            Accessible.name: qsTr("Interface %1").arg(name)
            Accessible.description: warning
            Accessible.onPressAction: step.setup.selectedIndex = index
            onClicked: step.setup.selectedIndex = index
            contentItem: RowLayout {
                spacing: Theme.spacing
                RadioButton {
                    checked: entry.highlighted
                    Accessible.name: qsTr("Use %1").arg(entry.name)
                    Accessible.onPressAction: step.setup.selectedIndex = entry.index
                    onClicked: step.setup.selectedIndex = entry.index
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label {
                        text: qsTr("%1 — %2").arg(entry.name)
                              .arg(entry.kind === "wifi" ? qsTr("Wi-Fi") : entry.kind === "virtual" ? qsTr("virtual")
                                   : entry.kind === "loopback" ? qsTr("loopback") : qsTr("wired"))
                        font.bold: true
                        Layout.fillWidth: true
                    }
                    Label {
                        Layout.fillWidth: true
                        text: (entry.addresses.length > 0 ? entry.addresses : qsTr("no IPv4 address"))
                              + " · " + (entry.link ? qsTr("link up") : qsTr("no link"))
                              + (entry.gateway.length > 0 ? " · " + qsTr("router %1").arg(entry.gateway) : "")
                              + (entry.hardwareAddress.length > 0 ? " · " + entry.hardwareAddress : "")
                        font.pixelSize: Theme.smallFont
                        color: Theme.muted
                    }
                    Label {
                        visible: entry.warning.length > 0
                        text: "⚠ " + entry.warning
                        color: Theme.warning
                        font.pixelSize: Theme.smallFont
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
        ScrollBar.vertical: ScrollBar {}
    }
    Button {
        objectName: "refreshInterfaces"
        text: qsTr("Refresh")
        flat: true
        Accessible.name: qsTr("Refresh the interface list")
        Accessible.onPressAction: step.setup.interfaces.refresh()
        onClicked: step.setup.interfaces.refresh()
    }
}
