#pragma once

#include "devices/firmwaresettings.h"

#include <functional>

class FirmwareService;
struct LabConfig;

// FirmwareSettings (the Redfish Bios / GUI form view) over the UEFI engine: attributes are the
// Raspberry Pi settings table (efi::piSettings()), current values = the device's profile store
// plus the device's own overrides (DeviceConfig::firmwareSettings); changes are validated with the
// same encoder the renderer uses and saved as device overrides through the lab configuration, so
// the device receives them in the RPI_EFI.fd rendered at its next boot.
class FirmwareSettingsView : public FirmwareSettings
{
public:
    using ModifyConfig = std::function<bool(const std::function<void(LabConfig &)> &, QString *)>;

    FirmwareSettingsView(FirmwareService *firmware, ModifyConfig modifyConfig);

    [[nodiscard]] QList<Attribute> attributes(const MacAddress &mac) const override;
    bool setAttributes(const MacAddress &mac, const QVariantMap &values, QString *error) override;
    bool resetToDefaults(const MacAddress &mac, QString *error) override;
    [[nodiscard]] QString firmwareVersion(const MacAddress &mac) const override;

private:
    FirmwareService *m_firmware;
    ModifyConfig m_modifyConfig;
};
