import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Step 2: proxy DHCP (another server gives addresses) or full DHCP (Metal Boot gives them).
ColumnLayout {
    id: step
    required property SetupWizard setup
    spacing: Theme.spacing

    Label {
        text: qsTr("How do the Pis get their IP address on %1?").arg(step.setup.selectedName)
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "recommendation"
        text: step.setup.recommendation
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    RadioButton {
        objectName: "modeProxy"
        checked: step.setup.mode === "proxy"
        text: step.setup.recommendedMode === "proxy" ? qsTr("Proxy DHCP (recommended) — the network's DHCP server gives addresses")
                                                     : qsTr("Proxy DHCP — the network's DHCP server gives addresses")
        Accessible.name: qsTr("Proxy DHCP")
        Accessible.onPressAction: step.setup.mode = "proxy"
        onClicked: step.setup.mode = "proxy"
    }
    RadioButton {
        objectName: "modeFull"
        checked: step.setup.mode === "full"
        text: step.setup.recommendedMode === "full" ? qsTr("Full DHCP (recommended) — Metal Boot gives addresses")
                                                    : qsTr("Full DHCP — Metal Boot gives addresses")
        Accessible.name: qsTr("Full DHCP")
        Accessible.onPressAction: step.setup.mode = "full"
        onClicked: step.setup.mode = "full"
    }
    Label {
        visible: step.setup.mode === "full"
        objectName: "poolRange"
        text: qsTr("Addresses %1 – %2 will be handed out. Never run full DHCP on a network that already has a DHCP server.")
              .arg(step.setup.poolStart).arg(step.setup.poolEnd)
        color: Theme.warning
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }
}
