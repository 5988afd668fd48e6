pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Console lines (netconsole, syslog) from senders that are no known device: a Pi not adopted
// yet, a device whose address is not in any lease, a stray host. One sender at a time, filter,
// copy; the newest lines follow.
ColumnLayout {
    id: view

    required property Lab lab
    readonly property ConsoleModel consoleModel: lab.unknownConsole

    objectName: "unknownConsolesView"
    spacing: 4

    // The first sender opens by itself; the list is re-read when the view is shown.
    function showFirst() {
        const sources = view.consoleModel.unknownSources
        if (view.consoleModel.source === "" && sources.length > 0)
            view.lab.openUnknownConsole(sources[0])
    }
    Component.onCompleted: view.lab.refreshUnknownConsoles()
    onVisibleChanged: if (visible) view.lab.refreshUnknownConsoles()
    Connections {
        target: view.consoleModel
        function onUnknownSourcesChanged() { view.showFirst() }
    }

    RowLayout {
        Layout.fillWidth: true
        ComboBox {
            id: sourcePicker
            objectName: "unknownConsoleSource"
            model: view.consoleModel.unknownSources
            currentIndex: Math.max(0, view.consoleModel.unknownSources.indexOf(view.consoleModel.source))
            enabled: count > 0
            Layout.preferredWidth: 240
            Accessible.name: qsTr("Sender")
            onActivated: index => view.lab.openUnknownConsole(view.consoleModel.unknownSources[index])
        }
        TextField {
            objectName: "unknownConsoleFilter"
            placeholderText: qsTr("Filter")
            Accessible.name: qsTr("Filter the lines of the sender")
            Layout.fillWidth: true
            onTextChanged: view.consoleModel.filterText = text
            Keys.onEscapePressed: text = ""
        }
        ToolButton {
            objectName: "unknownConsoleCopy"
            text: qsTr("Copy")
            enabled: view.consoleModel.count > 0
            Accessible.name: qsTr("Copy the shown lines")
            Accessible.onPressAction: copy()
            onClicked: copy()
            function copy() {
                clipboardHelper.text = view.consoleModel.toText()
                clipboardHelper.selectAll()
                clipboardHelper.copy()
                clipboardHelper.text = ""
            }
        }
        ToolButton {
            objectName: "unknownConsoleRefresh"
            text: qsTr("Refresh")
            Accessible.name: qsTr("Refresh the list of senders")
            Accessible.onPressAction: view.lab.refreshUnknownConsoles()
            onClicked: view.lab.refreshUnknownConsoles()
        }
    }

    Label {
        text: qsTr("Senders that are no known device. Adopt a discovered Pi on the Fleet page and its lines appear in its own console.")
        color: Theme.muted
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallFont
        Layout.fillWidth: true
    }

    TextEdit {
        id: clipboardHelper
        visible: false
    }

    ListView {
        id: lines
        objectName: "unknownConsoleLines"
        clip: true
        model: view.consoleModel
        reuseItems: true
        Layout.fillWidth: true
        Layout.fillHeight: true
        onCountChanged: Qt.callLater(positionViewAtEnd)
        delegate: Text {
            required property date time
            required property string origin
            required property string level
            required property string tag
            required property string message
            width: ListView.view.width
            text: Qt.formatTime(time, "hh:mm:ss.zzz") + " " + origin.substring(0, 3) + " "
                  + (tag.length > 0 ? tag + ": " : "") + message
            textFormat: Text.PlainText
            wrapMode: Text.WrapAnywhere
            font.family: "monospace"
            font.pixelSize: Theme.smallFont
            color: Theme.consoleColor(level)
        }
        ScrollBar.vertical: ScrollBar {}
        Label {
            objectName: "unknownConsoleEmpty"
            anchors.centerIn: parent
            visible: lines.count === 0 && !view.consoleModel.loading
            text: view.consoleModel.unknownSources.length === 0 ? qsTr("No console lines from unknown senders.")
                : view.consoleModel.total > 0 ? qsTr("No line matches the filter.")
                : qsTr("No lines from this sender.")
            color: Theme.muted
        }
    }
}
