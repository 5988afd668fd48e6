#pragma once

#include "common/macaddress.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

// The UEFI/Raspberry Pi settings of a device as typed attributes (Redfish Bios attributes, the
// GUI's settings form). Implemented by the UEFI firmware engine: values come from the device's
// profile plus its own overrides (DeviceConfig::firmwareSettings); changes are stored as device
// overrides and take effect in the firmware served at the device's next boot.
class FirmwareSettings
{
public:
    struct Attribute
    {
        QString name;                // variable name, e.g. "CpuClock"
        QString displayName;         // English, e.g. "CPU clock"
        QString help;
        enum class Type { Integer, Enumeration, String, Boolean } type = Type::Integer;
        QVariant currentValue;
        QVariant defaultValue;
        QList<QPair<QString, QString>> allowedValues;   // Enumeration: value -> display name
        qint64 lowerBound = 0;       // Integer
        qint64 upperBound = 0;
        int maxLength = 0;           // String
        bool readOnly = false;
    };

    virtual ~FirmwareSettings() = default;
    [[nodiscard]] virtual QList<Attribute> attributes(const MacAddress &mac) const = 0;
    // Validates every value first; on success stores them as the device's overrides.
    virtual bool setAttributes(const MacAddress &mac, const QVariantMap &values, QString *error) = 0;
    // Drops the device's overrides (the profile's values apply again).
    virtual bool resetToDefaults(const MacAddress &mac, QString *error) = 0;
    // Firmware version string the device receives (e.g. "pftf RPi4 UEFI v1.38").
    [[nodiscard]] virtual QString firmwareVersion(const MacAddress &mac) const = 0;
};
