pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// State of each service with its endpoints; start and stop.
Page {
    id: page
    required property Lab lab
    objectName: "servicesPage"

    ListView {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        model: page.lab.services
        delegate: Frame {
            id: row
            required property string serviceId
            required property string name
            required property string state
            required property string error
            required property string endpoints
            width: ListView.view.width

            RowLayout {
                anchors.fill: parent
                Rectangle {
                    width: 14
                    height: 14
                    radius: 7
                    color: Theme.serviceColor(row.state)
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    Label {
                        text: qsTr("%1 — %2").arg(row.name).arg(Strings.serviceState(row.state))
                        font.bold: true
                    }
                    Label {
                        text: row.error.length > 0 ? row.error : row.endpoints
                        color: row.error.length > 0 ? "#d93025" : Theme.palette.text
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                Button {
                    objectName: "serviceToggle_" + row.serviceId
                    text: row.state === "running" ? qsTr("Stop") : qsTr("Start")
                    Accessible.name: qsTr("%1 %2").arg(text).arg(row.name)
                    Accessible.onPressAction: toggle()
                    onClicked: toggle()
                    function toggle() {
                        if (row.state === "running")
                            page.lab.stopService(row.serviceId)
                        else
                            page.lab.startService(row.serviceId)
                    }
                }
            }
        }
    }
}
