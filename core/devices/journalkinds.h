#pragma once

// Stable names of journal event kinds. Services may add kinds; keep them dotted and lower-case.
namespace journalkind {
inline constexpr const char *DeviceDiscovered = "device.discovered";
inline constexpr const char *DeviceAdopted = "device.adopted";
inline constexpr const char *DeviceRemoved = "device.removed";
inline constexpr const char *LifecycleChanged = "device.lifecycle";
inline constexpr const char *StageChanged = "device.stage";

inline constexpr const char *DhcpDiscover = "dhcp.discover";
inline constexpr const char *DhcpOffer = "dhcp.offer";
inline constexpr const char *DhcpRequest = "dhcp.request";
inline constexpr const char *DhcpAck = "dhcp.ack";
inline constexpr const char *DhcpNak = "dhcp.nak";
inline constexpr const char *DhcpRefused = "dhcp.refused";
inline constexpr const char *DhcpRelease = "dhcp.release";
inline constexpr const char *DhcpDecline = "dhcp.decline";
inline constexpr const char *DhcpInform = "dhcp.inform";
inline constexpr const char *DhcpForeignServer = "dhcp.foreign-server";

inline constexpr const char *TftpRequest = "tftp.request";
inline constexpr const char *TftpServed = "tftp.served";
inline constexpr const char *TftpProbe = "tftp.probe";       // client ended early (existence/size probe)
inline constexpr const char *TftpFailed = "tftp.failed";
inline constexpr const char *TftpRollover = "tftp.rollover";   // file too large for a client without block rollover

inline constexpr const char *HttpRequest = "http.request";
inline constexpr const char *HttpFailed = "http.failed";

inline constexpr const char *PowerAction = "power.action";    // requested on/off/cycle
inline constexpr const char *PowerChanged = "power.changed";  // observed state change
inline constexpr const char *PowerFailed = "power.failed";
inline constexpr const char *PowerMapping = "power.mapping";  // device <-> port learned, or a conflict

inline constexpr const char *FirmwareRendered = "firmware.rendered";
inline constexpr const char *FirmwareFailed = "firmware.failed";
inline constexpr const char *BootOverride = "boot.override";

inline constexpr const char *RedfishAction = "redfish.action";
inline constexpr const char *ConsoleLine = "console.line";
inline constexpr const char *OsUp = "os.up";                                 // a console line says the OS is up (core/lab/osupdetector)
inline constexpr const char *VirtualBoot = "virtual.boot";                  // a virtual Pi reports its own boot (started, failed, up)
inline constexpr const char *ProvisionEvent = "provision.event";
inline constexpr const char *ProvisionInspection = "provision.inspection";   // IPA inventory stored
inline constexpr const char *ImageDownload = "image.download";               // Talos image fetched/cached/failed
inline constexpr const char *Note = "note";
} // namespace journalkind
