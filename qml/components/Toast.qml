import QtQuick
import QtQuick.Controls
import MetalBootUi

// A short message at the bottom of the window (results of bulk actions and notifications).
Popup {
    id: toast
    property string message: ""
    property var details: []

    function show(text, lines) {
        message = text
        details = lines || []
        open()
        timer.restart()
    }

    objectName: "toast"
    x: (parent.width - width) / 2
    y: parent.height - height - 40
    width: Math.min(560, parent.width - 40)
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    padding: Theme.spacing * 1.5
    background: Rectangle {
        radius: Theme.radius
        color: Theme.dark ? "#e8eaed" : "#303134"
    }
    contentItem: Label {
        objectName: "toastText"
        text: toast.details.length > 0 ? toast.message + "\n" + toast.details.join("\n") : toast.message
        color: Theme.dark ? "#202124" : "#e8eaed"
        wrapMode: Text.Wrap
    }
    Timer {
        id: timer
        interval: toast.details.length > 0 ? 9000 : 4000
        onTriggered: toast.close()
    }
}
