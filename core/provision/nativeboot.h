#pragma once

#include "common/macaddress.h"
#include "config/labconfig.h"
#include "lifecycle.h"
#include "workflow.h"

#include <QByteArray>
#include <QHostAddress>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// The native Raspberry Pi boot path (DeviceConfig::bootMode == BootMode::Native, no UEFI): what
// the Pi's boot ROM / GPU firmware finds in its per-serial TFTP directory "<serial>/", per
// lifecycle state. Pure functions, no I/O.
//
// Entry point for the TFTP server's Pi provider:
//
//     const auto files = provision::piBootFiles(device, state, workflow, context);
//     if (files.refuseNetboot) -> answer "file not found" (the EEPROM moves on to the next
//                                 BOOT_ORDER entry: SD card / USB = local boot)
//     else if (auto src = provision::resolvePiFile(files, nameBelowSerialDir))
//         Generated -> send src->bytes (config.txt, cmdline.txt)
//         Firmware  -> <tftp.pi_firmware_dir>/<src->path>   (start4.elf, fixup4.dat, dtb, overlays/)
//         Deploy    -> <provisioning.deploy_dir>/<src->path> (deploy kernel + initramfs)
//         TftpRoot  -> <tftp.root>/<src->path>              (a workflow's NFS-root kernel)
//     else -> not found
//
// Provisioning::nativeBootFiles(serial, mac) fills device/state/workflow/context from the
// registry, lifecycle and workflows; unknown serials get the discovery files.
//
// Kernel parameters read by the deploy environment (all "metalboot.*", one argument each):
//   server, serial, mac, node_id, state, mode (discovery|wait|install|nfs|script), token,
//   register (discovery), instructions (GET /api/v1/boot/pi URL), workflow, image_url,
//   image_checksum, target, script_url, nfs_server, nfs_path, nfs_base, callback (…/installed),
//   failed (…/install-failed), progress (…/progress). Plus ip=dhcp, console=, netconsole= (opt-in).
// An NFS-root boot gets root=/dev/nfs nfsroot=<server>:<base>/nodes/<serial>,vers=4,tcp rw ip=dhcp.
namespace provision {

struct PiModelInfo
{
    QString id;              // "pi4"
    QStringList firmware;    // GPU firmware files the boot ROM fetches from the serial dir
    QString dtb;             // device tree blob
    QString arch = QStringLiteral("aarch64");
};
// Known models: pi3, pi3b+, cm3, pi4, pi400, cm4, pi5. nullopt if unknown.
std::optional<PiModelInfo> piModel(const QString &model);
// 8 lower-case hex digits (the last 8 of /proc/cpuinfo Serial).
bool isPiSerial(const QString &serial);

struct NativeBootDevice
{
    MacAddress mac;          // invalid for a serial the lab has never seen
    QString serial;
    QString name;
    QString model;           // empty/unknown: context.defaultModel
    QString console;         // kernel console (DeviceConfig::console), empty = serial0 + tty1
    OsieConfig osie;         // kernel/initrd override the deploy environment's; cmdline is appended
    QHostAddress ip;         // known address (NFS exports line)
};

struct NativeBootContext
{
    QString httpBaseUrl;                           // http://host:port, no trailing '/'
    QString deployKernel = QStringLiteral("kernel8.img");
    QString deployInitrd = QStringLiteral("initramfs.img");
    QByteArray token;                              // the device's callback token (empty: unknown device)
    QString netconsoleArgument;                    // "netconsole=..." when the device opted in
    QString defaultModel = QStringLiteral("pi4");
};

enum class NativeMode { Discovery, Wait, Install, NfsRoot, LocalBoot, None };
QString nativeModeName(NativeMode mode);           // "discovery", "wait", "install", "nfs-root", "local", "none"

struct BootFileSource
{
    enum class Kind { Generated, Firmware, Deploy, TftpRoot };
    Kind kind = Kind::Generated;
    QString path;            // relative to the kind's directory (not for Generated)
    QByteArray bytes;        // Generated only
};

struct NativeBootFiles
{
    bool ok = true;
    QString error;           // !ok: why no boot files can be made (e.g. command line too long)
    NativeMode mode = NativeMode::Discovery;
    QString agentMode;       // metalboot.mode value ("discovery", "wait", "install", "nfs", "script"), empty otherwise
    bool refuseNetboot = false;
    QByteArray configTxt;
    QByteArray cmdlineTxt;
    QStringList kernelArgs;  // cmdlineTxt split into arguments
    QString kernel;          // names served in the serial dir
    QString initrd;
    QString dtb;
    QStringList overlays;
    QMap<QString, BootFileSource> files;
    QString summary;         // one English line for the journal / GUI
};

// Linux arm64 COMMAND_LINE_SIZE.
constexpr int MaxCmdlineLength = 2048;

NativeBootFiles piBootFiles(const NativeBootDevice &device, lifecycle::State state, const Workflow *workflow,
                            const NativeBootContext &context);
// The source of one file of the serial dir ("start4.elf", "overlays/disable-bt.dtbo", ...).
std::optional<BootFileSource> resolvePiFile(const NativeBootFiles &files, const QString &name);

// URLs of the provisioning API for a device (node id = MAC in dashed form).
QString nodeId(const MacAddress &mac);
QString nodeUrl(const QString &baseUrl, const MacAddress &mac, const QString &action);   // .../nodes/<id>/<action>
// A workflow URL: absolute as is, "/path" on our HTTP service resolved against baseUrl.
QString resolveServerUrl(const QString &baseUrl, const QString &url);

} // namespace provision
