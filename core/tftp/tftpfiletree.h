#pragma once

#include "common/macaddress.h"
#include "common/result.h"
#include "config/labconfig.h"
#include "devices/bootstage.h"
#include "firmwarecache.h"
#include "pibootfiles.h"
#include "tftppacket.h"
#include "tftppath.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QString>

#include <functional>
#include <optional>

class DeviceRegistry;
struct DeviceInfo;

// The virtual file tree behind the TFTP server. A request path (already through
// tftp::sanitizePath) from a client address is resolved by these providers, in order:
//
//  1. generated   per-device config.txt / cmdline.txt (templates) and RPI_EFI.fd (firmware renderer)
//  2. device      the device's own directory: <root>/<serial>/ or <root>/<mac-dashed>/ (or the
//                 fixed prefix directory), reached through the Pi's TFTP_PREFIX
//  3. pi-firmware the shared Raspberry Pi boot files (pi_firmware_dir, default <root>/rpi-firmware)
//  4. discovery   <root>/discovery/ for Pis not (yet) in the lab; an unknown serial or MAC prefix
//                 registers the device (DeviceRegistry::observe)
//  5. static      <root>/<path> (and <root>/<path without prefix>, as the Pi does when it drops it)
//  6. ipxe        iPXE binaries (ipxe_dir, default /usr/lib/ipxe of Debian's ipxe package)
//
// Prefixes (Raspberry Pi TFTP_PREFIX): "9ffefdef/…" (serial, default), "dc-a6-32-01-36-c2/…"
// (MAC), or pi_prefix_string (fixed). Without a prefix the device is found by client IP (the
// DHCP-recorded address, then the kernel's neighbour table). Only files whose canonical path is
// inside root, pi_firmware_dir or ipxe_dir are ever served.
class TftpFileTree
{
public:
    using FirmwareRenderer = std::function<Result<QByteArray>(const MacAddress &)>;
    using NeighbourLookup = std::function<MacAddress(const QHostAddress &)>;

    // The native (non-UEFI) Raspberry Pi boot path of a device, decided by provisioning per
    // lifecycle state. The provider returns nullopt for devices it does not handle (the tree then
    // resolves as usual); otherwise what to serve for `name` (the path below the Pi prefix).
    struct NativeFile
    {
        enum class Kind { NotFound, Refused, Bytes, File };
        Kind kind = Kind::NotFound;
        QByteArray bytes;                // Kind::Bytes (generated config.txt / cmdline.txt)
        QString dir;                     // Kind::File: served directory (must be an allowed root)
        QString relative;                //             and the file below it
        QString note;                    // why (refused / error), for the journal
    };
    using NativeBootProvider =
        std::function<std::optional<NativeFile>(const QString &serial, const MacAddress &mac, const QString &name)>;

    struct Resolution
    {
        bool ok = false;
        tftp::ErrorCode error = tftp::ErrorCode::FileNotFound;
        QString errorMessage;            // English, sent in the ERROR packet and logged
        QString provider;                // "generated", "device", "pi-firmware", "discovery", "static", "ipxe", "firmware"
        tftp::LookupResult file;         // from disk (file.status == Found)
        QByteArray bytes;                // in memory (generated / rendered)
        bool inMemory = false;
        QByteArray sha256;               // rendered firmware: content hash
        QString name;                    // the path below the prefix ("start4.elf")
        BootStage stage = BootStage::Unknown;
        MacAddress mac;                  // the device, if identified
        QString serial;
        QString model;
        bool piClient = false;           // the client is a Raspberry Pi (prefix, model or MAC OUI)
        bool prefixed = false;
        bool discovered = false;         // this request registered a new device
        bool isFirmware = false;         // RPI_EFI.fd
    };

    TftpFileTree() = default;

    void setConfig(const TftpConfig &config, const QString &defaultRoot);
    void setDevices(const QList<DeviceConfig> &devices);
    void setRegistry(DeviceRegistry *registry) { m_registry = registry; }
    void setFirmwareRenderer(FirmwareRenderer renderer) { m_renderer = std::move(renderer); }
    [[nodiscard]] bool hasFirmwareRenderer() const { return bool(m_renderer); }
    void setNeighbourLookup(NeighbourLookup lookup) { m_neighbours = std::move(lookup); }
    void setNativeBootProvider(NativeBootProvider provider) { m_native = std::move(provider); }
    // Extra directories native boot may serve files from (e.g. the deploy environment).
    void setExtraRoots(const QStringList &dirs) { m_extraRoots = dirs; }
    void setHttpBaseUrl(const QString &url) { m_httpBaseUrl = url; }
    [[nodiscard]] FirmwareCache &firmwareCache() { return m_firmwareCache; }

    [[nodiscard]] QString root() const { return m_root; }
    [[nodiscard]] QString piFirmwareDir() const;
    [[nodiscard]] QString ipxeDir() const;
    [[nodiscard]] QString discoveryDir() const { return m_root + QStringLiteral("/discovery"); }
    // Canonical served roots (the ones that exist).
    [[nodiscard]] QStringList allowedRoots() const;

    // `path` is the output of tftp::sanitizePath; `server` is our address as the client sees it.
    Resolution resolve(const QString &path, const QHostAddress &client, const QHostAddress &server);

    // The boot stage a file implies (RPI_EFI.fd -> Uefi, iPXE -> Ipxe, kernels/initrds ->
    // OsLoading, Pi boot files -> Tftp).
    static BootStage stageFor(const QString &name, const QString &provider, bool piClient, const OsieConfig &osie);
    static bool isPiMac(const MacAddress &mac);
    static bool isPiModel(const QString &model);
    static bool isSerial(const QString &text);

private:
    struct Identity;
    Identity identify(const QString &path, const QHostAddress &client);
    // `entryLinks`: a top-level entry of `dir` may be a symlink to a file elsewhere (the iPXE
    // directory: Debian links ipxe.efi -> /boot/ipxe.efi); nothing deeper is followed out.
    bool findOnDisk(const QString &dir, const QString &relative, Resolution *r, bool *outside, bool entryLinks = false) const;
    std::optional<QString> readTemplate(const QString &dir, const QString &file) const;
    void renderGenerated(const Identity &id, const QHostAddress &server, Resolution *r);
    bool renderFirmware(const Identity &id, Resolution *r);

    TftpConfig m_config;
    QString m_root;
    QHash<MacAddress, DeviceConfig> m_devices;
    DeviceRegistry *m_registry = nullptr;
    FirmwareRenderer m_renderer;
    NeighbourLookup m_neighbours;
    NativeBootProvider m_native;
    QStringList m_extraRoots;
    QString m_httpBaseUrl;
    FirmwareCache m_firmwareCache;
};
