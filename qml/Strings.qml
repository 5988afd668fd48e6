pragma Singleton
import QtQuick

// User-visible strings used in several places, translated once.
QtObject {
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

    function serviceState(state) {
        switch (state) {
        case "running": return qsTr("Running")
        case "starting": return qsTr("Starting")
        case "failed": return qsTr("Failed")
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
}
