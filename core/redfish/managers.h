#pragma once

#include "devices/bootcontrol.h"
#include "devices/deviceinfo.h"
#include "redfishjson.h"

#include <QJsonObject>

namespace redfish {

class Context;

// One Manager (the virtual BMC) per device, with VirtualMedia slots "Cd" and "Usb" that the iPXE
// script renderer boots from (Boot override Cd / the BootControl media state).
QStringList virtualMediaSlots();
QJsonObject managerCollectionBody(const QList<DeviceInfo> &devices);
// `serviceUuid`: the UUID of the Redfish service this manager provides (ServiceRoot.UUID).
QJsonObject managerBody(const DeviceInfo &device, const QString &firmwareVersion, const QString &serviceUuid);
QJsonObject virtualMediaCollectionBody(const QString &managerId);
QJsonObject virtualMediaBody(const QString &managerId, const QString &slot, const VirtualMedia &media);

// InsertMedia parameters → the new media state. `{"Image": url}` alone inserts write-protected,
// with TransferProtocolType inferred from the URL scheme.
bool readInsertMedia(const QJsonObject &body, VirtualMedia *media, QList<messages::Message> *errors);
// PATCH of a VirtualMedia resource (what sushy does without the actions): Image (null or "" ejects),
// Inserted, WriteProtected, TransferProtocolType, TransferMethod, UserName, Password. Applies to
// `media`; false + messages when the patch is invalid.
bool applyVirtualMediaPatch(const QJsonObject &body, VirtualMedia *media, QList<messages::Message> *errors);

void registerRoutesManagers(Context &context);

} // namespace redfish
