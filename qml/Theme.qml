pragma Singleton
import QtQuick

// Colours and metrics shared by every view. Follows the system palette (light/dark).
QtObject {
    readonly property SystemPalette palette: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property bool dark: palette.window.hslLightness < 0.5

    readonly property int spacing: 8
    readonly property int radius: 6
    readonly property int cardWidth: 200
    readonly property int cardHeight: 116

    function stageColor(stage) {
        switch (stage) {
        case "off": return dark ? "#5f6368" : "#9aa0a6"
        case "powering-on": return "#f9ab00"
        case "dhcp": return "#1a73e8"
        case "tftp": return "#12b5cb"
        case "uefi": return "#9334e6"
        case "ipxe": return "#e52592"
        case "os-loading": return "#e8710a"
        case "os-up": return "#1e8e3e"
        case "error": return "#d93025"
        default: return dark ? "#3c4043" : "#dadce0"
        }
    }

    function serviceColor(state) {
        switch (state) {
        case "running": return "#1e8e3e"
        case "starting": return "#f9ab00"
        case "failed": return "#d93025"
        default: return dark ? "#5f6368" : "#9aa0a6"
        }
    }
}
