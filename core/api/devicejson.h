#pragma once

#include "config/configerror.h"
#include "config/labconfig.h"

#include <QJsonObject>

// JSON form of a device's configuration: the same keys as lab.yaml (allow_pxe, osie, power...),
// validated by the very same parser as the file.
namespace devicejson {

QJsonObject toJson(const DeviceConfig &device);
// Parses `object` (keys as in lab.yaml; "mac" is ignored) for the device `mac`.
// Returns false and fills `errors` (key + message, no line numbers) when invalid.
bool fromJson(const QJsonObject &object, const MacAddress &mac, DeviceConfig *out, ConfigErrors *errors);
// RFC 7386 merge patch (null removes a key).
QJsonObject mergePatch(QJsonObject target, const QJsonObject &patch);

} // namespace devicejson
