#pragma once

#include "common/macaddress.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

// Per-device boot decisions that outlive a single request: the Redfish-style boot source override
// and virtual media. Set by Redfish/API/GUI; read by DHCP, TFTP (firmware BootNext), and the iPXE
// script renderer. A `Once` override is consumed by whichever netboot step serves it first, and
// then reads back as Disabled. Persisted atomically in <data>/boot-control.json.
struct BootOverride
{
    enum class Target { None, Pxe, Hdd, Cd, Usb, UefiHttp, BiosSetup };
    enum class Enabled { Disabled, Once, Continuous };

    Target target = Target::None;
    Enabled enabled = Enabled::Disabled;
    QString mode = QStringLiteral("UEFI");   // the Pi and our VMs are UEFI-only
    QString httpBootUri;                      // for Target::UefiHttp

    [[nodiscard]] bool isActive() const { return enabled != Enabled::Disabled && target != Target::None; }
    static QString targetName(Target t);      // Redfish names: "None", "Pxe", "Hdd", "Cd", "Usb", "UefiHttp", "BiosSetup"
    static bool targetFromName(const QString &name, Target *out);
    static QString enabledName(Enabled e);    // "Disabled", "Once", "Continuous"
    static bool enabledFromName(const QString &name, Enabled *out);
};

struct VirtualMedia
{
    QString image;                            // URL; empty = ejected
    bool inserted = false;
    bool writeProtected = true;
    QString transferProtocol;                 // "HTTP", "HTTPS", ...
    QString userName;                         // credentials are kept in memory only, never persisted or logged
    QString password;
};

class BootControl : public QObject
{
    Q_OBJECT
public:
    explicit BootControl(QObject *parent = nullptr);

    // Loads <path> (missing file = empty state); later changes are saved there atomically.
    bool open(const QString &path, QString *error = nullptr);

    [[nodiscard]] BootOverride override(const MacAddress &mac) const { return m_overrides.value(mac); }
    void setOverride(const MacAddress &mac, const BootOverride &override);
    // A netboot step served `override` to `mac`: a Once override reverts to Disabled (target kept
    // as None). `servedBy` ("tftp: RPI_EFI.fd", "http: boot.ipxe") is recorded in the signal.
    // Returns the override that applied to this boot (so the caller can act on it).
    BootOverride consume(const MacAddress &mac, const QString &servedBy);
    // The override that governs the boot in progress: a Once override consumed earlier in this
    // boot (e.g. by TFTP when rendering BootNext) still applies to the later steps of the same
    // boot (UEFI PXE, iPXE script) until bootStarted() marks a new boot.
    [[nodiscard]] BootOverride effective(const MacAddress &mac) const;
    // A new boot of `mac` began (Pi bootloader DHCP, first-stage PXE of a non-Pi, power on/cycle):
    // forgets what was consumed during the previous boot.
    void bootStarted(const MacAddress &mac);

    // Slot "Cd" or "Usb" (Redfish VirtualMedia ids).
    [[nodiscard]] VirtualMedia media(const MacAddress &mac, const QString &slot) const;
    void setMedia(const MacAddress &mac, const QString &slot, const VirtualMedia &media);
    void forget(const MacAddress &mac);

Q_SIGNALS:
    void overrideChanged(const MacAddress &mac, const BootOverride &override);
    void overrideConsumed(const MacAddress &mac, const BootOverride &override, const QString &servedBy);
    void mediaChanged(const MacAddress &mac, const QString &slot, const VirtualMedia &media);

private:
    void save();
    QJsonObject toJson() const;

    QString m_path;
    QHash<MacAddress, BootOverride> m_overrides;
    QHash<MacAddress, BootOverride> m_inFlight;   // consumed during the current boot
    QHash<MacAddress, QHash<QString, VirtualMedia>> m_media;
};

Q_DECLARE_METATYPE(BootOverride)
Q_DECLARE_METATYPE(VirtualMedia)
