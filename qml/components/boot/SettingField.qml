import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// One Raspberry Pi UEFI setting as a typed control: on/off switch, choice list, number within
// its range, bit flags or text; where the value comes from, and a reset to the inherited value.
Rectangle {
    id: field

    required property FirmwareSettingsModel settings
    required property int index
    required property string name
    required property string label
    required property string help
    required property string unit
    required property string kind
    required property real minimum
    required property real maximum
    required property var choices
    required property bool readOnly
    required property string value
    required property string inherited
    required property string inheritedSource
    required property bool explicitValue
    required property bool changed

    property string error: ""

    function set(text) {
        error = settings.setValue(index, text)
    }
    function sourceText() {
        if (explicitValue)
            return settings.level === "device" ? qsTr("set for this device") : qsTr("set in this profile")
        switch (inheritedSource) {
        case "profile": return qsTr("from the profile")
        case "image": return qsTr("from the firmware image")
        default: return qsTr("firmware default")
        }
    }

    objectName: "setting_" + name
    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: column.implicitHeight + 8
    color: field.index % 2 ? Theme.palette.alternateBase : Theme.palette.base

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: 4
        spacing: 0
        RowLayout {
            spacing: Theme.spacing
            Label {
                text: field.label + (field.changed ? " •" : "")
                font.bold: field.explicitValue || field.changed
                elide: Text.ElideRight
                Layout.preferredWidth: 220
                ToolTip.visible: labelHover.hovered && field.help.length > 0
                ToolTip.text: field.help
                HoverHandler { id: labelHover }
            }
            Switch {
                objectName: "value_" + field.name
                visible: field.kind === "bool"
                enabled: !field.readOnly
                checked: field.value === "on"
                Accessible.name: field.label
                Accessible.onPressAction: field.set(checked ? "off" : "on")
                onToggled: field.set(checked ? "on" : "off")
            }
            ComboBox {
                objectName: "choice_" + field.name
                visible: field.kind === "choice"
                enabled: !field.readOnly
                model: field.kind === "choice" ? field.choices : []
                textRole: "label"
                currentIndex: field.choices.findIndex(c => c.key === field.value)
                Accessible.name: field.label
                Layout.preferredWidth: 220
                onActivated: i => field.set(field.choices[i].key)
            }
            SpinBox {
                objectName: "number_" + field.name
                visible: field.kind === "number" && field.maximum <= 2147483647
                enabled: !field.readOnly
                from: Math.max(-2147483648, field.minimum)
                to: Math.min(2147483647, field.maximum)
                value: parseInt(field.value) || 0
                editable: true
                Accessible.name: field.label
                onValueModified: field.set(String(value))
            }
            Flow {
                visible: field.kind === "bitmask"
                spacing: 2
                Layout.fillWidth: true
                Repeater {
                    model: field.kind === "bitmask" ? field.choices : []
                    delegate: CheckBox {
                        required property var modelData
                        objectName: "bit_" + field.name + "_" + modelData.key
                        text: modelData.label
                        enabled: !field.readOnly
                        checked: (parseInt(field.value) & modelData.value) !== 0
                        Accessible.name: qsTr("%1: %2").arg(field.label).arg(modelData.label)
                        onToggled: field.set(String(checked ? (parseInt(field.value) | modelData.value) : (parseInt(field.value) & ~modelData.value)))
                    }
                }
            }
            TextField {
                objectName: "text_" + field.name
                visible: field.kind === "string" || (field.kind === "number" && field.maximum > 2147483647)
                enabled: !field.readOnly
                text: field.value
                Accessible.name: field.label
                Layout.preferredWidth: 220
                onEditingFinished: if (text !== field.value) field.set(text)
            }
            Label {
                text: field.unit
                color: Theme.muted
                visible: field.unit.length > 0
            }
            Item { Layout.fillWidth: true }
            Label {
                text: field.readOnly ? qsTr("written by the firmware") : field.sourceText()
                color: field.explicitValue ? Theme.accent : Theme.muted
                font.pixelSize: Theme.smallFont
            }
            ToolButton {
                objectName: "reset_" + field.name
                visible: field.explicitValue
                text: "↺"
                Accessible.name: qsTr("Reset %1 to %2").arg(field.label).arg(field.inherited)
                ToolTip.visible: hovered
                ToolTip.text: Accessible.name
                Accessible.onPressAction: field.settings.clearValue(field.index)
                onClicked: field.settings.clearValue(field.index)
            }
        }
        Label {
            visible: field.error.length > 0
            text: field.error
            color: Theme.danger
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFont
            Layout.fillWidth: true
        }
    }
}
