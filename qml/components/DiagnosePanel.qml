pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// The "Diagnose" checklist: failed services, ports in use, privileged-port permission, missing
// boot files, other DHCP/PXE servers seen. Checks run off the GUI thread.
ColumnLayout {
    id: panel

    required property DiagnosticsModel findings
    property string title: qsTr("Diagnose")
    property bool showRunButton: true

    signal runRequested()

    spacing: Theme.spacing

    RowLayout {
        Label {
            text: panel.title
            font.bold: true
            font.pixelSize: 16
        }
        BusyIndicator {
            running: panel.findings.running
            visible: running
            implicitWidth: 24
            implicitHeight: 24
        }
        Label {
            visible: panel.findings.count > 0 && !panel.findings.running
            text: panel.findings.problemCount === 0 ? qsTr("No problem found")
                                                     : qsTr("%n problem(s)", "", panel.findings.problemCount)
            color: panel.findings.problemCount === 0 ? Theme.ok : Theme.danger
        }
        Item { Layout.fillWidth: true }
        Button {
            objectName: "runDiagnostics"
            visible: panel.showRunButton
            enabled: !panel.findings.running
            text: panel.findings.count === 0 ? qsTr("Run checks") : qsTr("Check again")
            Accessible.name: qsTr("Run diagnostics")
            Accessible.onPressAction: panel.runRequested()
            onClicked: panel.runRequested()
        }
    }

    ListView {
        objectName: "diagnosticsList"
        model: panel.findings
        spacing: 4
        clip: true
        Layout.fillWidth: true
        Layout.fillHeight: true
        implicitHeight: contentHeight
        delegate: RowLayout {
            id: finding
            required property string findingId
            required property string severity
            required property string title
            required property string detail
            required property string hint
            width: ListView.view.width
            spacing: Theme.spacing
            Rectangle {
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: 4
                width: 10; height: 10; radius: 5
                color: Theme.severityColor(finding.severity)
            }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label {
                    text: finding.title
                    font.bold: finding.severity === "error" || finding.severity === "warning"
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Accessible.name: qsTr("%1: %2").arg(Strings.severityName(finding.severity)).arg(finding.title)
                }
                Label {
                    visible: finding.detail.length > 0
                    text: finding.detail
                    color: Theme.muted
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallFont
                    Layout.fillWidth: true
                }
                Label {
                    visible: finding.hint.length > 0
                    text: "→ " + finding.hint
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallFont
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                }
            }
        }
    }
}
