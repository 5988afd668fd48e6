#pragma once

#include "devices/firmwaresettings.h"
#include "redfishjson.h"

#include <QDateTime>
#include <QJsonObject>
#include <QVariantMap>

namespace redfish {

class Context;

// Bios (the Pi UEFI settings through FirmwareSettings) and SecureBoot (read-only).
// `running` holds the values the device still runs with for attributes changed since its last
// firmware render (shown by Bios); the Settings object shows what the next boot gets.
QJsonObject biosBody(const QString &systemId, const QList<FirmwareSettings::Attribute> &attributes,
                     const QVariantMap &running, const QDateTime &changedAt);
QJsonObject biosSettingsBody(const QString &systemId, const QList<FirmwareSettings::Attribute> &attributes);
QJsonObject secureBootBody(const QString &systemId);
// The attribute registry the Bios resources name (AttributeRegistry), built from the firmware's
// attribute definitions (the same UEFI firmware for every device; values differ per device).
inline constexpr const char *BiosAttributeRegistryId = "MetalBootBiosAttributeRegistry.1.0.0";
QJsonObject biosAttributeRegistryBody(const QList<FirmwareSettings::Attribute> &attributes);
// Validates {"Attributes": {...}} against the attribute definitions; fills `values` for
// FirmwareSettings::setAttributes.
bool readBiosPatch(const QJsonObject &body, const QList<FirmwareSettings::Attribute> &attributes, QVariantMap *values,
                   QList<messages::Message> *errors);

void registerRoutesBios(Context &context);

} // namespace redfish
