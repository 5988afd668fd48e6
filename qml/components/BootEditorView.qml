import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// The boot editor in place of the tab pages while Lab.firmware has a target (opened from the
// device panel or the Profiles page). Closing with unapplied changes asks first.
Item {
    id: view

    required property FirmwareEditor editor

    objectName: "bootEditorView"
    visible: editor.open

    function requestClose() {
        if (editor.dirty)
            discard.open()
        else
            editor.close()
    }

    BootEditorPage {
        id: page
        anchors.fill: parent
        focus: true
        entries: view.editor.entries
        editor: view.editor
        closable: true
        onCloseRequested: view.requestClose()
        Keys.onEscapePressed: view.requestClose()
    }

    Rectangle {
        anchors.fill: parent
        visible: view.editor.loading || view.editor.loadError.length > 0
        color: Theme.dark ? "#cc202124" : "#ccffffff"
        BusyIndicator {
            anchors.centerIn: parent
            running: view.editor.loading
        }
        ColumnLayout {
            anchors.centerIn: parent
            width: parent.width * 0.6
            visible: !view.editor.loading
            Label {
                objectName: "bootEditorError"
                text: view.editor.loadError
                color: Theme.danger
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            Button {
                objectName: "bootEditorErrorClose"
                text: Strings.close
                Layout.alignment: Qt.AlignHCenter
                Accessible.name: text
                Accessible.onPressAction: view.editor.close()
                onClicked: view.editor.close()
            }
        }
    }

    Dialog {
        id: discard
        objectName: "discardDialog"
        modal: true
        anchors.centerIn: Overlay.overlay
        title: qsTr("Discard the changes that were not applied?")
        standardButtons: Dialog.Discard | Dialog.Cancel
        onDiscarded: { close(); view.editor.close() }
    }
}
