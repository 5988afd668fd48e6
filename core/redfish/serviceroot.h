#pragma once

#include <QJsonObject>

namespace redfish {

class Context;

QJsonObject serviceRootBody(const QString &uuid);
QJsonObject registriesCollectionBody();
QJsonObject registryFileBody(const QString &id);   // "Base" or "MetalBoot"; empty if unknown
// Our own message registry for events (PowerStateChanged, BootProgressChanged, ...).
QJsonObject metalBootRegistryBody();

// /redfish, /redfish/v1, odata, $metadata, Registries, and the catch-all ResourceNotFound routes.
void registerRoutesServiceRoot(Context &context);
void registerRoutesCatchAll(Context &context);

} // namespace redfish
