pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// Live journal of every device and service, filtered by device, source, severity and text; and
// the console lines of senders that are no known device (second tab).
Page {
    id: page
    required property Lab lab
    objectName: "logPage"

    JournalFilterModel {
        id: filtered
        objectName: "logModel"
        sourceModel: page.lab.journal
        mac: deviceFilter.currentValue
        source: sourceFilter.currentValue
        minSeverity: severityFilter.currentValue
        text: filter.text
    }

    header: ToolBar {
        ColumnLayout {
        anchors.fill: parent
        spacing: 0
        TabBar {
            id: logTabs
            objectName: "logTabs"
            Layout.fillWidth: true
            TabButton {
                objectName: "logTabJournal"
                text: qsTr("Journal")
                Accessible.name: qsTr("Journal of devices and services")
            }
            TabButton {
                objectName: "logTabUnknownConsoles"
                text: page.lab.unknownConsole.unknownSources.length > 0
                      ? qsTr("Unknown senders (%n)", "", page.lab.unknownConsole.unknownSources.length) : qsTr("Unknown senders")
                Accessible.name: qsTr("Console lines from unknown senders")
            }
        }
        RowLayout {
            visible: logTabs.currentIndex === 0
            Layout.fillWidth: true
            ComboBox {
                id: deviceFilter
                objectName: "logDeviceFilter"
                textRole: "text"
                valueRole: "value"
                Layout.preferredWidth: 200
                Accessible.name: qsTr("Filter log by device")
                // Rebuilt when devices come and go (a handful of times, not per event).
                model: {
                    const list = [{ value: "", text: Strings.allDevices }]
                    const devices = page.lab.devices
                    for (let i = 0; i < devices.count; ++i) {
                        const d = devices.get(i)
                        list.push({ value: d.mac, text: d.name })
                    }
                    return list
                }
            }
            ComboBox {
                id: sourceFilter
                objectName: "logSourceFilter"
                textRole: "text"
                valueRole: "value"
                Accessible.name: qsTr("Filter log by service")
                model: [{ value: "", text: Strings.allSources }].concat(page.lab.journal.sources.map(s => ({ value: s, text: s })))
            }
            ComboBox {
                id: severityFilter
                objectName: "logSeverityFilter"
                textRole: "text"
                valueRole: "value"
                Accessible.name: qsTr("Minimum severity")
                model: [{ value: "", text: qsTr("All messages") }, { value: "warning", text: qsTr("Warnings and errors") },
                        { value: "error", text: qsTr("Errors only") }]
            }
            TextField {
                id: filter
                objectName: "logFilter"
                placeholderText: qsTr("Search text")
                Accessible.name: qsTr("Search the log")
                Layout.fillWidth: true
                Keys.onEscapePressed: text = ""
            }
            CheckBox {
                id: follow
                objectName: "followLog"
                text: qsTr("Follow")
                checked: true
                Accessible.name: text
                Accessible.onPressAction: toggle()
            }
            Button {
                objectName: "copyLog"
                text: qsTr("Copy")
                Accessible.name: qsTr("Copy the shown lines")
                Accessible.onPressAction: copy()
                onClicked: copy()
                function copy() {
                    clipboardHelper.text = filtered.toText()
                    clipboardHelper.selectAll()
                    clipboardHelper.copy()
                }
            }
        }
        }
    }

    TextEdit {
        id: clipboardHelper
        visible: false
    }

    ListView {
        id: list
        objectName: "logList"
        visible: logTabs.currentIndex === 0
        anchors.fill: parent
        anchors.margins: Theme.spacing
        clip: true
        model: filtered
        reuseItems: true
        onCountChanged: if (follow.checked && visible) positionViewAtEnd()
        onVisibleChanged: if (follow.checked && visible) positionViewAtEnd()
        delegate: Label {
            required property date time
            required property string mac
            required property string source
            required property string severity
            required property string message
            width: ListView.view.width
            text: Qt.formatTime(time, "hh:mm:ss.zzz") + "  " + source.padEnd(8) + " " + (mac.length > 0 ? mac : "                 ") + "  " + message
            elide: Text.ElideRight
            font.family: "monospace"
            color: severity === "error" ? Theme.danger : severity === "warning" ? Theme.warning : Theme.palette.text
        }
        ScrollBar.vertical: ScrollBar {}
    }

    UnknownConsolesView {
        objectName: "unknownConsoles"
        lab: page.lab
        visible: logTabs.currentIndex === 1
        anchors.fill: parent
        anchors.margins: Theme.spacing
    }

    Label {
        anchors.centerIn: parent
        visible: list.visible && list.count === 0
        text: page.lab.journal.count === 0 ? qsTr("Nothing logged yet.") : qsTr("No line matches the filter.")
        color: Theme.muted
    }
}
