#pragma once

#include "devices/deviceinfo.h"

#include <QJsonObject>

namespace redfish {

class Context;

// One Chassis per device; its Power resource carries the PoE port's measured draw.
QJsonObject chassisCollectionBody(const QList<DeviceInfo> &devices);
QJsonObject chassisBody(const DeviceInfo &device, const QString &model, const QString &manufacturer);
QJsonObject powerBody(const DeviceInfo &device);

void registerRoutesChassis(Context &context);

} // namespace redfish
