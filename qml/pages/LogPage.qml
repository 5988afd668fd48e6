pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Live journal of every device and service.
Page {
    id: page
    required property Lab lab
    objectName: "logPage"

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            TextField {
                id: filter
                objectName: "logFilter"
                placeholderText: qsTr("Filter by MAC, service or text")
                Accessible.name: qsTr("Filter log")
                Layout.preferredWidth: 320
            }
            CheckBox {
                id: follow
                objectName: "followLog"
                text: qsTr("Follow")
                checked: true
                Accessible.name: text
            }
            Item { Layout.fillWidth: true }
        }
    }

    ListView {
        id: list
        anchors.fill: parent
        anchors.margins: Theme.spacing
        clip: true
        model: page.lab.journal
        onCountChanged: if (follow.checked) positionViewAtEnd()
        delegate: Label {
            required property date time
            required property string mac
            required property string source
            required property string severity
            required property string message
            readonly property string line: Qt.formatTime(time, "hh:mm:ss.zzz") + "  " + source.padEnd(8) + " " + mac + "  " + message
            width: ListView.view.width
            visible: filter.text.length === 0 || line.toLowerCase().indexOf(filter.text.toLowerCase()) >= 0
            height: visible ? implicitHeight : 0
            text: line
            font.family: "monospace"
            color: severity === "error" ? "#d93025" : severity === "warning" ? "#b06000" : Theme.palette.text
        }
        ScrollBar.vertical: ScrollBar {}
    }
}
