#pragma once

#include "devices/bootcontrol.h"
#include "devices/deviceinfo.h"
#include "devices/inventory.h"
#include "redfishjson.h"

#include <QJsonObject>
#include <QStringList>

namespace redfish {

class Context;

// Everything a ComputerSystem body is built from (gathered by the handler, so the body function
// stays pure and testable).
struct SystemState
{
    DeviceInfo device;
    BootOverride boot;
    HardwareInventory inventory;
    bool resettable = false;       // a power controller can drive this device
    bool hasBios = false;          // firmware settings are available
    QString biosVersion;
};

// The ResetTypes we can really honour through the power controller (no graceful ones: there is no
// in-band agent to ask the OS to shut down).
QStringList resetTypes();
// Boot override values this lab honours.
QStringList bootTargets();
QStringList bootEnabledValues();

QString powerStateName(const DeviceInfo &device);   // "On", "Off", "PoweringOn", ... or empty (unknown)
QString systemUuid(const MacAddress &mac);          // stable name-based UUID (v5)

QJsonObject systemCollectionBody(const QList<DeviceInfo> &devices);
QJsonObject systemBody(const SystemState &state);
QJsonObject resetActionInfoBody(const QString &systemId);
QJsonObject ethernetInterfaceCollectionBody(const QString &systemId, const DeviceInfo &device, const HardwareInventory &inv);
QJsonObject ethernetInterfaceBody(const QString &systemId, const DeviceInfo &device, const HardwareInventory &inv,
                                  const QString &nicId, bool *found);
QJsonObject processorCollectionBody(const QString &systemId, const HardwareInventory &inv);
QJsonObject processorBody(const QString &systemId, const HardwareInventory &inv);
QJsonObject memoryCollectionBody(const QString &systemId, const HardwareInventory &inv);
QJsonObject memoryBody(const QString &systemId, const HardwareInventory &inv);
QJsonObject storageCollectionBody(const QString &systemId, const HardwareInventory &inv);
QJsonObject storageBody(const QString &systemId, const HardwareInventory &inv);
QJsonObject storageControllerCollectionBody(const QString &systemId);
QJsonObject storageControllerBody(const QString &systemId, const HardwareInventory &inv);
QJsonObject volumeCollectionBody(const QString &systemId);
QJsonObject driveBody(const QString &systemId, const HardwareInventory &inv, int index);
QJsonObject simpleStorageCollectionBody(const QString &systemId, const HardwareInventory &inv);
QJsonObject simpleStorageBody(const QString &systemId, const HardwareInventory &inv);

// The PATCH schema of a ComputerSystem (Boot override).
QList<json::Property> systemPatchSchema();
// Applies an accepted Boot patch to an override. Returns false + messages for conflicts.
bool applyBootPatch(const QJsonObject &boot, BootOverride *override, QList<messages::Message> *errors);

void registerRoutesSystems(Context &context);

} // namespace redfish
