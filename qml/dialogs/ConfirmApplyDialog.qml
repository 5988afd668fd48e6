pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// The diff of a boot configuration, once more, before it is applied.
Dialog {
    id: dialog

    property var changes: []
    property string target: ""

    objectName: "confirmApplyDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, parent ? parent.width - 40 : 560)
    title: qsTr("Apply %n change(s) to %1?", "", changes.length).arg(target)

    ColumnLayout {
        anchors.fill: parent
        ListView {
            model: dialog.changes
            clip: true
            implicitHeight: Math.min(contentHeight, 300)
            Layout.fillWidth: true
            delegate: Label {
                required property string modelData
                width: ListView.view.width
                text: "• " + modelData
                wrapMode: Text.Wrap
            }
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                objectName: "applyCancel"
                text: Strings.cancel
                Accessible.name: text
                Accessible.onPressAction: dialog.reject()
                onClicked: dialog.reject()
            }
            Button {
                objectName: "applyConfirm"
                text: qsTr("Apply")
                highlighted: true
                Accessible.name: qsTr("Apply the listed changes")
                Accessible.onPressAction: dialog.accept()
                onClicked: dialog.accept()
            }
        }
    }
}
