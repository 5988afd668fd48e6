pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Step 3: check the ports the Pis need on the chosen interface, show what will change.
ColumnLayout {
    id: step
    required property SetupWizard setup
    spacing: Theme.spacing

    Label {
        text: qsTr("Check the ports and apply")
        font.bold: true
    }
    DiagnosePanel {
        objectName: "portChecks"
        title: qsTr("Ports")
        findings: step.setup.portChecks
        Layout.fillWidth: true
        Layout.fillHeight: true
        onRunRequested: step.setup.checkPorts()
    }
    Label {
        text: qsTr("What changes in lab.yaml")
        font.bold: true
    }
    Repeater {
        model: step.setup.summary
        delegate: Label {
            required property string modelData
            text: "• " + modelData
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
