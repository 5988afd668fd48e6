#pragma once

#include "common/macaddress.h"
#include "common/result.h"
#include "config/labconfig.h"

#include <QByteArray>

#include <functional>

class PowerManager;

namespace qmp {

// Renders a device's UEFI variable store (FirmwareService::renderer()).
using FirmwareRenderer = std::function<Result<QByteArray>(const MacAddress &)>;

// Gives every `qmp` switch of `power` a vars writer: before a VM is launched, if the device
// bound to its port has a firmware `profile` (whose base image is an OVMF/AAVMF variable store),
// the UEFI engine renders that device's store — its PXE entry first in BootOrder, BootNext from
// the Redfish/API boot override — and it replaces the port's {vars} file (atomically, 0600).
// Devices without a profile keep their persistent store (copied once from vars_template).
// Call after PowerManager::setConfig() (switches are rebuilt there).
void attachFirmware(PowerManager *power, const LabConfig &config, FirmwareRenderer renderer);

// Gives the engine's short-form network entries of `mac` in `rendered` (MAC(<mac>)/IPv4() or
// IPv6(), what efi::makePxeEntry writes) the full device path the firmware itself recorded for
// that NIC in `previous` — the VM's store after its last run: OVMF/AAVMF enumerate
// PciRoot(..)/Pci(..)/MAC(..)/IPv4(..) entries at every boot. EDK2's boot manager expands no
// MAC()-first short form (only hard-drive, file, URI and USB ones), so without this a PXE
// BootNext is "Not Found" on a PCI NIC. Returns `rendered` unchanged (and *adopted = 0) when
// nothing applies or `previous` is not a readable store; fails only if the result cannot be written.
Result<QByteArray> adoptFirmwareNicPaths(const QByteArray &rendered, const QByteArray &previous, const MacAddress &mac,
                                         int *adopted = nullptr);

} // namespace qmp
