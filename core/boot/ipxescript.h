#pragma once

#include "common/macaddress.h"
#include "common/result.h"
#include "config/labconfig.h"
#include "devices/bootcontrol.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// iPXE scripts per device, rendered from the device's configuration and its boot override.
// Pure: no sockets, no registry; tested table-driven.
//
// Anything interpolated into a script is validated against iPXE's own parser (core/exec.c):
// a line is split at whitespace, a token "||", "&&" or ";" ends the command, a token starting
// with '#' starts a comment, and "${name}" expands a setting. So values must not contain
// control characters (a newline would start a new command), backslashes (line continuation),
// terminator or comment tokens, or "$" other than a plain "${setting}". Values that break
// these rules are refused (the device gets a script that says why), never silently altered.
namespace ipxe {

enum class ScriptKind {
    Netboot,     // osie kernel/initrd/cmdline
    Custom,      // the device's own ipxe_script
    Chain,       // ipxe_script_url
    LocalBoot,   // exit: the firmware goes on with its next boot option (the disk)
    Refused,     // allow_pxe is false
    Discovery,   // not an adopted device: show identity, retry later
    SanBoot,     // boot override Cd/Usb: the inserted virtual media image
    NoMedia,     // boot override Cd/Usb with nothing inserted
    HttpBoot,    // boot override UefiHttp: chain its URI
    Invalid,     // the configuration holds a value that cannot go into a script
};

QString kindName(ScriptKind kind);   // "netboot", "custom", "chain", "local", ...

struct DeviceScriptInput
{
    MacAddress mac;
    const DeviceConfig *device = nullptr;   // null: not adopted -> discovery script
    BootOverride override;                  // BootControl::effective(mac)
    VirtualMedia media;                     // the slot the override points at (Cd or Usb)
    QString baseUrl;                        // where our HTTP root is served, no trailing '/'
    QString extraArguments;                 // appended to a netboot kernel command line
                                            // (provisioning: IPA callback, netconsole=)
};

struct Script
{
    ScriptKind kind = ScriptKind::Invalid;
    QByteArray text;
    bool overrideApplied = false;           // the override decided this boot (consume a Once)
    QString summary;                        // one English line for the journal
    QString error;                          // Invalid: what was refused and why
    QStringList urls;                       // kernel, initrd, image or chain URLs it fetches
};

Script renderDeviceScript(const DeviceScriptInput &input);

// /boot.ipxe: fetches the per-device script for the booting NIC's MAC, passing the client's
// identity (platform, architecture, SMBIOS manufacturer/product/serial) as query parameters.
QByteArray renderChainScript(const QString &baseUrl);

// The per-device script URL (dashed MAC form) including the identity query.
QString deviceScriptUrl(const QString &baseUrl, const QString &macExpression);

// Validation helpers (exposed for tests).
// One URL token: absolute (http, https, tftp, ftp, nfs, iscsi, aoe) or relative path.
bool checkUrl(const QString &value, QString *why);
// A kernel command line: whitespace-separated arguments.
bool checkArguments(const QString &value, QString *why);
// Relative names resolve under `baseUrl` ("images/vmlinuz" -> "<base>/images/vmlinuz");
// absolute URLs pass through. Fails like checkUrl, and for ".." or hidden segments.
Result<QString> resolveUrl(const QString &baseUrl, const QString &nameOrUrl);
// Text safe on an `echo` line (or comment): only harmless characters kept.
QString echoText(const QString &text);

inline constexpr int MaxArgumentsLength = 4096;
inline constexpr int MaxUrlLength = 2048;
inline constexpr int MaxCustomScriptBytes = 64 * 1024;

} // namespace ipxe
