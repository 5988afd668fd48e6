pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// The live console of the open device: netconsole, syslog and serial lines (monospace, coloured
// by severity), filter by text and origin, follow the tail, pause, copy, save, clear; the serial
// port's state and a line to type into it when the device has one; an empty state that says how to get logs here.
ColumnLayout {
    id: view

    required property Lab lab
    readonly property ConsoleModel consoleModel: lab.details.console
    readonly property var info: lab.details.info
    readonly property string receiverAddress: consoleModel.receiverAddress.length > 0 ? consoleModel.receiverAddress
                                                                                 : qsTr("this machine's address")

    objectName: "consoleView"
    spacing: 4

    RowLayout {
        Layout.fillWidth: true
        ComboBox {
            id: originFilter
            objectName: "consoleOriginFilter"
            textRole: "text"
            valueRole: "value"
            implicitWidth: 120
            Accessible.name: qsTr("Show lines from")
            model: [{ value: "", text: qsTr("All sources") }, { value: "netconsole", text: qsTr("netconsole") },
                    { value: "syslog", text: qsTr("syslog") }, { value: "serial", text: qsTr("serial") }]
            onActivated: view.consoleModel.origin = currentValue
        }
        TextField {
            objectName: "consoleFilter"
            placeholderText: qsTr("Filter")
            Accessible.name: qsTr("Filter the console")
            Layout.fillWidth: true
            onTextChanged: view.consoleModel.filterText = text
            Keys.onEscapePressed: text = ""
        }
    }

    Flow {
        spacing: 4
        Layout.fillWidth: true
        CheckBox {
            id: follow
            objectName: "consoleFollow"
            text: qsTr("Follow")
            checked: true
            Accessible.name: qsTr("Follow the newest lines")
            Accessible.onPressAction: toggle()
            onCheckedChanged: if (checked) lines.followTail()
        }
        ToolButton {
            objectName: "consolePause"
            text: view.consoleModel.paused ? (view.consoleModel.pendingCount > 0 ? qsTr("Resume (%n new)", "", view.consoleModel.pendingCount)
                                                                       : qsTr("Resume"))
                                      : qsTr("Pause")
            Accessible.name: view.consoleModel.paused ? qsTr("Resume the console") : qsTr("Pause the console")
            Accessible.onPressAction: view.consoleModel.paused = !view.consoleModel.paused
            onClicked: view.consoleModel.paused = !view.consoleModel.paused
        }
        ToolButton {
            objectName: "consoleCopy"
            text: qsTr("Copy")
            enabled: view.consoleModel.count > 0
            Accessible.name: qsTr("Copy the shown console lines")
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
            objectName: "consoleSave"
            text: qsTr("Save…")
            enabled: view.consoleModel.count > 0 && !view.consoleModel.saving
            Accessible.name: qsTr("Save the shown console lines to a file")
            Accessible.onPressAction: openSave()
            onClicked: openSave()
            function openSave() {
                savePath.text = view.consoleModel.suggestedSavePath(view.info.name || "")
                savePopup.open()
                savePath.forceActiveFocus()
            }
        }
        ToolButton {
            objectName: "consoleClear"
            text: qsTr("Clear")
            enabled: view.consoleModel.total > 0
            Accessible.name: qsTr("Clear the console view")
            Accessible.onPressAction: view.consoleModel.clear()
            onClicked: view.consoleModel.clear()
        }
    }

    RowLayout {
        objectName: "consoleSerial"
        visible: view.consoleModel.serialPort.length > 0
        Layout.fillWidth: true
        Rectangle {
            width: 10; height: 10; radius: 5
            color: view.consoleModel.serialState === "open" ? Theme.ok : view.consoleModel.serialState === "error" ? Theme.danger : Theme.muted
        }
        Label {
            objectName: "consoleSerialState"
            text: view.consoleModel.serialState === "open" ? qsTr("Serial %1: open").arg(view.consoleModel.serialPort)
                : view.consoleModel.serialState === "error" ? qsTr("Serial %1: %2").arg(view.consoleModel.serialPort).arg(view.consoleModel.serialError)
                : qsTr("Serial %1: closed").arg(view.consoleModel.serialPort)
            elide: Text.ElideMiddle
            font.pixelSize: Theme.smallFont
            Layout.fillWidth: true
        }
    }

    // Typing into the serial console: Enter sends the line with a carriage return.
    RowLayout {
        objectName: "consoleSerialInput"
        visible: view.consoleModel.serialPort.length > 0
        Layout.fillWidth: true
        TextField {
            id: serialLine
            objectName: "consoleSerialLine"
            placeholderText: view.consoleModel.serialState === "open" ? qsTr("Type a line for the serial console, Enter sends it")
                                                                       : qsTr("The serial port is not open")
            enabled: view.consoleModel.serialState === "open"
            font.family: "monospace"
            Accessible.name: qsTr("Line to send to the serial console")
            Layout.fillWidth: true
            onAccepted: sendButton.send()
        }
        ToolButton {
            id: sendButton
            objectName: "consoleSerialSend"
            text: qsTr("Send")
            enabled: view.consoleModel.serialState === "open" && !view.consoleModel.sendingSerial
            Accessible.name: qsTr("Send the line to the serial console")
            Accessible.onPressAction: send()
            onClicked: send()
            function send() {
                if (view.consoleModel.sendSerial(serialLine.text, true))
                    serialLine.text = ""
            }
        }
        ToolButton {
            objectName: "consoleSerialInterrupt"
            text: qsTr("Ctrl-C")
            enabled: view.consoleModel.serialState === "open" && !view.consoleModel.sendingSerial
            Accessible.name: qsTr("Send Ctrl-C to the serial console")
            Accessible.onPressAction: view.consoleModel.sendSerial("\u0003", false)
            onClicked: view.consoleModel.sendSerial("\u0003", false)
        }
    }

    Label {
        id: serialResult
        objectName: "consoleSerialResult"
        visible: text.length > 0
        color: Theme.danger
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallFont
        Layout.fillWidth: true
        Connections {
            target: view.consoleModel
            function onSerialSendFinished(ok, message) { serialResult.text = ok ? "" : message }
            function onMacChanged() { serialResult.text = "" }
        }
    }

    Label {
        id: saveResult
        objectName: "consoleSaveResult"
        visible: text.length > 0
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallFont
        Layout.fillWidth: true
        Connections {
            target: view.consoleModel
            function onSaveFinished(ok, message) {
                saveResult.color = ok ? Theme.ok : Theme.danger
                saveResult.text = message
            }
            function onMacChanged() { saveResult.text = "" }
        }
    }

    TextEdit {
        id: clipboardHelper
        visible: false
    }

    Item {
        Layout.fillWidth: true
        Layout.fillHeight: true

        ListView {
            id: lines
            objectName: "consoleLines"
            clip: true
            model: view.consoleModel
            reuseItems: true
            anchors.fill: parent
            // Once per burst, after the new rows are laid out.
            onCountChanged: if (follow.checked) Qt.callLater(lines.followTail)
            function followTail() { if (follow.checked) positionViewAtEnd() }
            // Scrolling away from the tail stops following; back at the end follows again.
            onMovementEnded: follow.checked = atYEnd
            delegate: Text {
                required property date time
                required property string origin
                required property string level
                required property string tag
                required property string message
                width: ListView.view.width
                // net / sys / ser: netconsole, syslog, serial.
            text: Qt.formatTime(time, "hh:mm:ss.zzz") + " " + origin.substring(0, 3) + " "
                      + (tag.length > 0 ? tag + ": " : "") + message
                textFormat: Text.PlainText
                wrapMode: Text.WrapAnywhere
                font.family: "monospace"
                font.pixelSize: Theme.smallFont
                color: Theme.consoleColor(level)
            }
            ScrollBar.vertical: ScrollBar {}
            BusyIndicator {
                anchors.centerIn: parent
                running: view.consoleModel.loading
                visible: running
            }
        }

        // Nothing to show: why, and how to get logs here.
        ColumnLayout {
            objectName: "consoleEmpty"
            visible: view.consoleModel.count === 0 && !view.consoleModel.loading
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.spacing
            spacing: 4
            Label {
                objectName: "consoleEmptyTitle"
                text: view.consoleModel.paused && view.consoleModel.pendingCount > 0 ? qsTr("Paused: new lines are held back until you resume.")
                    : view.consoleModel.total > 0 ? qsTr("No line matches the filter.")
                    : qsTr("No console output from this device yet.")
                font.bold: true
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
            Label {
                objectName: "consoleNotListening"
                visible: view.consoleModel.total === 0 && !view.consoleModel.listening
                text: qsTr("The console service is not running: start “Consoles” on the Services page.")
                color: Theme.warning
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "consoleNetconsoleHint"
                visible: view.consoleModel.total === 0
                text: view.consoleModel.netconsoleEnabled
                      ? qsTr("Netconsole is on for this device: its kernel sends to udp %1:%2 from its next netboot.").arg(view.receiverAddress).arg(view.consoleModel.netconsolePort)
                      : qsTr("Enable netconsole to see its kernel messages: netconsole= (to udp %1:%2) is added to its kernel command line at its next netboot.").arg(view.receiverAddress).arg(view.consoleModel.netconsolePort)
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "consoleEnableNetconsole"
                visible: view.consoleModel.total === 0 && !view.consoleModel.netconsoleEnabled && view.info.adopted === true
                text: qsTr("Enable netconsole")
                Accessible.name: qsTr("Enable netconsole for %1").arg(view.info.name)
                Accessible.onPressAction: view.lab.setNetconsole(view.lab.details.mac, true)
                onClicked: view.lab.setNetconsole(view.lab.details.mac, true)
            }
            Label {
                objectName: "consoleSyslogHint"
                visible: view.consoleModel.total === 0
                text: qsTr("Or point the device's syslog at udp %1:%2 (rsyslog: *.* @%1:%2).").arg(view.receiverAddress).arg(view.consoleModel.syslogPort)
                color: Theme.muted
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }
        }
    }

    Popup {
        id: savePopup
        objectName: "consoleSavePopup"
        modal: true
        focus: true
        width: view.width
        ColumnLayout {
            anchors.fill: parent
            Label { text: qsTr("Save the shown lines to") }
            TextField {
                id: savePath
                objectName: "consoleSavePath"
                Accessible.name: qsTr("File to save the console to")
                Layout.fillWidth: true
                onAccepted: saveButton.save()
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                Button {
                    text: qsTr("Cancel")
                    Accessible.name: text
                    Accessible.onPressAction: savePopup.close()
                    onClicked: savePopup.close()
                }
                Button {
                    id: saveButton
                    objectName: "consoleSaveConfirm"
                    text: qsTr("Save")
                    highlighted: true
                    enabled: savePath.text.length > 0
                    Accessible.name: qsTr("Save the console")
                    Accessible.onPressAction: save()
                    onClicked: save()
                    function save() {
                        view.consoleModel.saveToFile(savePath.text)
                        savePopup.close()
                    }
                }
            }
        }
    }
}
