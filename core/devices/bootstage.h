#pragma once

#include <QMetaType>
#include <QString>

// Where a device is in its boot, as shown in the fleet view and the timeline.
enum class BootStage {
    Unknown,     // never seen / no information
    Off,         // port powered down
    PoweringOn,  // power applied, nothing on the wire yet
    Dhcp,        // bootloader DHCP exchange
    Tftp,        // bootloader / GPU firmware fetching files
    Uefi,        // UEFI firmware running (RPI_EFI.fd served, UEFI PXE)
    Ipxe,        // iPXE running (script fetched)
    OsLoading,   // kernel / initrd being fetched
    OsUp,        // operating system reported in
    Error,       // a step failed; see the journal
};

namespace bootstage {
QString toString(BootStage stage);              // "dhcp", "os-up", ... (stable, for JSON/QML)
BootStage fromString(const QString &name);      // Unknown if not recognised
} // namespace bootstage

enum class PowerState { Unknown, On, Off, PoweringOn, PoweringOff };

namespace powerstate {
QString toString(PowerState state);             // "on", "off", "powering-on", ...
PowerState fromString(const QString &name);
} // namespace powerstate

Q_DECLARE_METATYPE(BootStage)
Q_DECLARE_METATYPE(PowerState)
