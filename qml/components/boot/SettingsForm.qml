import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// The Raspberry Pi UEFI settings as a typed form, grouped (CPU, memory, display, ...).
ListView {
    id: form

    required property FirmwareSettingsModel settings

    objectName: "settingsForm"
    model: settings
    clip: true
    spacing: 0
    section.property: "group"
    section.delegate: Label {
        required property string section
        text: section
        font.bold: true
        topPadding: Theme.spacing
        bottomPadding: 2
    }
    delegate: SettingField { settings: form.settings }
    ScrollBar.vertical: ScrollBar {}
}
