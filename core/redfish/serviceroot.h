#pragma once

#include <QJsonObject>

namespace redfish {

class Context;

QJsonObject serviceRootBody(const QString &uuid);
// `withBios`: the BIOS attribute registry is listed (firmware settings are available).
QJsonObject registriesCollectionBody(bool withBios);
QJsonObject registryFileBody(const QString &id);   // "Base", "MetalBoot", "BiosAttributeRegistry"; empty if unknown
// Our own message registry for events (PowerStateChanged, BootProgressChanged, ...).
QJsonObject metalBootRegistryBody();

// /redfish, /redfish/v1, odata, $metadata, Registries, and the catch-all ResourceNotFound routes.
void registerRoutesServiceRoot(Context &context);
void registerRoutesCatchAll(Context &context);

} // namespace redfish
