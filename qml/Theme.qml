pragma Singleton
import QtQuick

// Colours and metrics shared by every view. Follows the system palette (light/dark).
QtObject {
    readonly property SystemPalette palette: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property bool dark: palette.window.hslLightness < 0.5

    readonly property int spacing: 8
    readonly property int radius: 6
    readonly property int cardWidth: 200
    readonly property int cardHeight: 112
    // One fleet layout cell (grid units of lab.yaml positions).
    readonly property int cellWidth: cardWidth + spacing * 2
    readonly property int cellHeight: cardHeight + spacing * 2
    readonly property int smallFont: 11

    readonly property color accent: "#1a73e8"
    readonly property color danger: "#d93025"
    readonly property color warning: dark ? "#fdd663" : "#b06000"
    readonly property color ok: "#1e8e3e"
    readonly property color muted: dark ? "#9aa0a6" : "#5f6368"
    readonly property color selection: dark ? "#1c3a5e" : "#e8f0fe"

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

    function stageTextColor(stage) {
        return stage === "powering-on" || stage === "unknown" || stage === "" ? "#202124" : "white"
    }

    function serviceColor(state) {
        switch (state) {
        case "running": return ok
        case "starting": return "#f9ab00"
        case "failed": return danger
        default: return dark ? "#5f6368" : "#9aa0a6"
        }
    }

    function severityColor(severity) {
        switch (severity) {
        case "error": return danger
        case "warning": return warning
        case "ok": return ok
        default: return muted
        }
    }

    // Console lines by syslog level class (ConsoleModel::levelClass): errors and warnings as in
    // the journal, debug muted, the rest (and unknown) as plain text.
    function consoleColor(level) {
        switch (level) {
        case "error": return danger
        case "warning": return warning
        case "debug": return muted
        default: return palette.text
        }
    }

    function duration(ms) {
        if (ms < 0)
            return ""
        if (ms < 10000)
            return (ms / 1000).toFixed(1) + " s"
        if (ms < 120000)
            return Math.round(ms / 1000) + " s"
        return Math.floor(ms / 60000) + " min " + Math.round((ms % 60000) / 1000) + " s"
    }
}
