import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

ApplicationWindow {
    id: window

    required property Lab lab

    width: 1200
    height: 760
    visible: true
    title: lab.name.length > 0 ? qsTr("Metal Boot — %1").arg(lab.name) : qsTr("Metal Boot")

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing

            Label {
                text: window.lab.name
                font.bold: true
                font.pixelSize: 16
                Layout.rightMargin: Theme.spacing * 2
            }
            ServicesBar {
                lab: window.lab
                Layout.fillWidth: true
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ErrorBanner {
            lab: window.lab
            Layout.fillWidth: true
        }

        TabBar {
            id: tabs
            objectName: "mainTabs"
            Layout.fillWidth: true
            TabButton {
                objectName: "fleetTab"
                text: qsTr("Fleet")
                Accessible.name: text
            }
            TabButton {
                objectName: "servicesTab"
                text: qsTr("Services")
                Accessible.name: text
            }
            TabButton {
                objectName: "logTab"
                text: qsTr("Log")
                Accessible.name: text
            }
        }

        StackLayout {
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true

            FleetPage {
                lab: window.lab
            }
            ServicesPage {
                lab: window.lab
            }
            LogPage {
                lab: window.lab
            }
        }
    }
}
