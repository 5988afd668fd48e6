import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// The last problem reported by the engine, dismissable.
Rectangle {
    id: banner
    required property Lab lab
    visible: lab.lastError.length > 0
    implicitHeight: visible ? row.implicitHeight + Theme.spacing : 0
    color: "#fce8e6"

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        Label {
            objectName: "errorText"
            text: banner.lab.lastError
            color: "#a50e0e"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "dismissErrorButton"
            text: qsTr("Dismiss")
            Accessible.name: text
            Accessible.onPressAction: banner.lab.clearError()
            onClicked: banner.lab.clearError()
        }
    }
}
