pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// State of each service with its interface, address and ports; start and stop; diagnose.
Page {
    id: page
    required property Lab lab
    objectName: "servicesPage"

    // First look at the page runs the checks (off the GUI thread).
    onVisibleChanged: if (visible && lab.diagnostics.count === 0) lab.runDiagnostics()

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing * 2

        ListView {
            id: services
            objectName: "servicesList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            spacing: Theme.spacing
            clip: true
            model: page.lab.services
            delegate: Frame {
                id: row
                required property string serviceId
                required property string name
                required property string state
                required property string error
                required property string endpoints
                required property bool available
                required property bool enabled
                required property string interfaceName
                required property string address
                required property string ports
                required property bool privileged
                required property string detail
                width: ListView.view.width

                RowLayout {
                    anchors.fill: parent
                    Rectangle {
                        width: 14; height: 14; radius: 7
                        color: Theme.serviceColor(row.state)
                        Layout.alignment: Qt.AlignTop
                    }
                    ColumnLayout {
                        spacing: 2
                        Layout.fillWidth: true
                        Label {
                            text: qsTr("%1 — %2").arg(row.name).arg(Strings.serviceState(row.state))
                            font.bold: true
                        }
                        Label {
                            objectName: "serviceWhere_" + row.serviceId
                            text: (row.interfaceName.length > 0 ? qsTr("interface %1, ").arg(row.interfaceName) : "")
                                  + qsTr("address %1").arg(row.address) + (row.ports.length > 0 ? " · " + row.ports : "")
                                  + (row.detail.length > 0 ? " · " + row.detail : "")
                                  + (row.enabled ? "" : qsTr(" · disabled in lab.yaml"))
                            font.pixelSize: Theme.smallFont
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: row.endpoints.length > 0
                            text: qsTr("Listening on %1").arg(row.endpoints)
                            font.pixelSize: Theme.smallFont
                            color: Theme.muted
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: row.error.length > 0
                            text: row.error
                            color: row.available ? Theme.danger : Theme.muted
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                    GuardedButton {
                        objectName: "serviceToggle_" + row.serviceId
                        text: row.state === "running" || row.state === "starting" ? qsTr("Stop") : qsTr("Start")
                        accessibleName: qsTr("%1 %2").arg(text).arg(row.name)
                        reason: row.available ? "" : qsTr("%1 is not part of this build yet.").arg(row.name)
                        onActivated: {
                            if (row.state === "running" || row.state === "starting")
                                page.lab.stopService(row.serviceId)
                            else
                                page.lab.startService(row.serviceId)
                        }
                    }
                }
            }
        }

        DiagnosePanel {
            objectName: "diagnosePanel"
            findings: page.lab.diagnostics
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            onRunRequested: page.lab.runDiagnostics()
            // Another DHCP/PXE server seen by the DHCP engine: the checks are run again.
            Connections {
                target: page.lab
                function onForeignServersChanged() {
                    if (page.lab.diagnostics.count > 0)
                        page.lab.runDiagnostics()
                }
            }
        }
    }
}
