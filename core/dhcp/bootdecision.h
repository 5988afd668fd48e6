#pragma once

#include "config/labconfig.h"
#include "devices/bootcontrol.h"
#include "devices/bootstage.h"
#include "dhcppacket.h"

#include <QByteArray>
#include <QString>

// Who is asking and what to answer: pure functions, no sockets, no state.
namespace dhcp {

enum class ClientKind {
    Other,          // not a netboot request (no PXEClient/HTTPClient, no iPXE marks)
    PiBootloader,   // Raspberry Pi EEPROM bootloader (option 97 "RPi4", or a Pi MAC with arch 0)
    Pxe,            // BIOS or UEFI PXE firmware (including a Pi's UEFI firmware)
    HttpBoot,       // UEFI HTTP boot (option 60 HTTPClient)
    Ipxe,           // iPXE (option 175, or option 77 = the configured user class)
};

QString clientKindName(ClientKind kind);   // "other", "pi-bootloader", "pxe", "http-boot", "ipxe"

struct ClientInfo
{
    ClientKind kind = ClientKind::Other;
    MacAddress mac;
    int arch = -1;                // option 93 (first code), else the Arch field of option 60; -1 unknown
    QString archKey;              // DhcpConfig::bootFiles key for `arch`; empty = unsupported
    QByteArray vendorClass;       // option 60 as received
    QByteArray guid;              // option 97 when well formed (17 bytes, type 0), echoed in replies
    bool piMac = false;           // MAC matches DhcpConfig::piMacPrefixes
    bool piGuid = false;          // option 97 starts with 00 "RPi4"
    QString piSerial;             // 8 lower-case hex digits from option 97 (little-endian u32)
    QString piModel;              // "pi4", "pi400", "cm4"... from the board revision in option 97
    quint32 piRevision = 0;
    QString note;                 // why kind is Other, or anything odd (for the debug log)

    [[nodiscard]] bool isNetboot() const { return kind != ClientKind::Other; }
};

// The client-recognition parts of DhcpConfig, prepared once (parsed MAC prefixes).
struct ClientRules
{
    ClientRules() = default;
    explicit ClientRules(const DhcpConfig &config);
    QList<MacAddress> piPrefixes;
    QByteArray ipxeUserClass;
};

ClientInfo classifyClient(const Packet &request, const ClientRules &rules);
ClientInfo classifyClient(const Packet &request, const DhcpConfig &config);

// "PXEClient:Arch:00007:UNDI:003000" -> 7; -1 if there is no well-formed Arch field.
int archFromVendorClass(const QByteArray &vendorClass);
// Option 93 code -> DhcpConfig::bootFiles key ("bios", "x64_uefi", "arm64_http"...); empty if unsupported.
QString archKeyFor(int arch);
// Human-readable name of an option 93 code ("ARM64 UEFI").
QString archDescription(int arch);
// True for the UEFI HTTP boot codes (15, 16, 18, 19, 26, 28...).
bool isHttpArch(int arch);
// Board revision code -> model id used in lab.yaml ("pi4"); empty if unknown.
QString piModelFromRevision(quint32 revision);

struct BootContext
{
    quint32 serverIp = 0;         // our address on the interface the request came in on
    QString httpBaseUrl;          // HttpService::baseUrl() resolved for this interface; empty = no HTTP
    const DeviceConfig *device = nullptr;   // the lab's entry for this MAC, if adopted
    BootOverride override;        // BootControl::effective(mac)
};

struct BootDecision
{
    bool answer = false;
    QString refusalCode;          // "not-netboot", "allow-pxe-false", "override-hdd", "unsupported-arch", "no-http", "no-boot-file"
    QString reason;               // English, for log and journal
    BootStage stage = BootStage::Unknown;
    QByteArray vendorClass;       // option 60 to send ("PXEClient" / "HTTPClient")
    QByteArray option43;          // encoded option 43, empty = none
    QByteArray bootFile;          // file / option 67, empty = none
    bool announceTftp = false;    // sname + option 66 = our address (siaddr is always set)
};

BootDecision decideBoot(const ClientInfo &client, const BootContext &context, const DhcpConfig &config);

// The base URL with an unspecified host (0.0.0.0) replaced by `serverIp`, no trailing slash.
QString resolveBaseUrl(const QString &baseUrl, quint32 serverIp);
// <base>/boot/<mac>.ipxe - the per-device iPXE script (route served by the HTTP service).
QString ipxeScriptUrl(const QString &baseUrl, const MacAddress &mac);

} // namespace dhcp
