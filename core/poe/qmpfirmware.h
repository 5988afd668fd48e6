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

} // namespace qmp
