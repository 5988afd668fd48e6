#pragma once

#include "common/macaddress.h"
#include "common/result.h"
#include "config/labconfig.h"
#include "devices/bootcontrol.h"
#include "varstore.h"

#include <QByteArray>

// Pure steps of firmware rendering: a profile (base image + variables JSON + Pi settings + boot
// order) becomes a VarStore; a device's overrides (its own PXE entry, BootNext from the boot
// override) are applied on a copy and serialized. No caching, no files other than the
// profile's inputs; FirmwareService adds those.
namespace efi {

// Builds the store of a firmware profile. With no base image, a blank pftf v1.5-v1.38 layout
// image is generated. Errors name the profile and the offending input.
Result<VarStore> buildProfileStore(const ProfileConfig &profile);

struct DeviceOverrides
{
    MacAddress mac;
    bool pxeEntry = true;          // add (or reuse) "Metal Boot PXEv4 (MAC:...)" first in BootOrder
    BootOverride boot;             // BootControl::effective(mac)
    QMap<QString, QString> settings; // the device's own Pi settings (DeviceConfig::firmwareSettings)
};

// What applyDeviceOverrides() did, for logs and the journal.
struct RenderNotes
{
    std::optional<quint16> pxeEntry;
    std::optional<quint16> bootNext;
    bool networkRemovedFromOrder = false;
    bool bootToSetup = false;
    QString note;                  // e.g. "no disk entry: network entries removed from BootOrder"
};

// Applies the device overrides to `store`:
//  Pxe        -> BootNext = the device's PXE entry
//  UefiHttp   -> an HTTP boot entry (MAC/IPv4/Uri(httpBootUri)) outside BootOrder, BootNext = it
//  Hdd        -> BootNext = the first disk (or USB disk) entry in BootOrder; with none, network
//                entries are left out of BootOrder for this boot
//  Usb / Cd   -> BootNext = the first USB / CD-ROM entry in BootOrder, if any
//  BiosSetup  -> OsIndications |= EFI_OS_INDICATIONS_BOOT_TO_FW_UI
//  None / Disabled -> no BootNext (a BootNext inherited from the profile is removed)
// The device's Pi settings are applied first (on top of the profile's).
Result<RenderNotes> applyDeviceOverrides(VarStore &store, const DeviceOverrides &overrides);

} // namespace efi
