pragma Singleton
import QtQuick

// User-visible strings used in several places, translated once.
QtObject {
    readonly property string appName: qsTr("Metal Boot")
    readonly property string powerOn: qsTr("Power on")
    readonly property string powerOff: qsTr("Power off")
    readonly property string powerCycle: qsTr("Power cycle")
    readonly property string netbootOnce: qsTr("Netboot once")
    readonly property string adopt: qsTr("Adopt")
    readonly property string cancel: qsTr("Cancel")
    readonly property string close: qsTr("Close")
    readonly property string allDevices: qsTr("All devices")
    readonly property string allSources: qsTr("All sources")
    readonly property string noProfile: qsTr("(no profile)")

    function stageName(stage) {
        switch (stage) {
        case "off": return qsTr("Off")
        case "powering-on": return qsTr("Powering on")
        case "dhcp": return qsTr("DHCP")
        case "tftp": return qsTr("TFTP")
        case "uefi": return qsTr("UEFI")
        case "ipxe": return qsTr("iPXE")
        case "os-loading": return qsTr("Loading OS")
        case "os-up": return qsTr("OS up")
        case "error": return qsTr("Error")
        default: return qsTr("Unknown")
        }
    }

    // Every stage a filter can pick, in boot order.
    readonly property var stages: ["off", "powering-on", "dhcp", "tftp", "uefi", "ipxe", "os-loading", "os-up", "error", "unknown"]

    function serviceState(state) {
        switch (state) {
        case "running": return qsTr("Running")
        case "starting": return qsTr("Starting")
        case "failed": return qsTr("Failed")
        case "unavailable": return qsTr("Unavailable")
        default: return qsTr("Stopped")
        }
    }

    function powerName(power) {
        switch (power) {
        case "on": return qsTr("On")
        case "off": return qsTr("Off")
        case "powering-on": return qsTr("Powering on")
        case "powering-off": return qsTr("Powering off")
        default: return qsTr("Power unknown")
        }
    }

    function powerActionName(action) {
        switch (action) {
        case "on": return powerOn
        case "off": return powerOff
        case "cycle": return powerCycle
        default: return action
        }
    }

    function severityName(severity) {
        switch (severity) {
        case "error": return qsTr("Error")
        case "warning": return qsTr("Warning")
        case "ok": return qsTr("OK")
        default: return qsTr("Info")
        }
    }
}
