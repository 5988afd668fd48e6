// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "serviceroot.h"

#include "bios.h"
#include "http/httpserver.h"
#include "redfishcontext.h"
#include "redfishodata.h"

using namespace Qt::Literals::StringLiterals;

namespace redfish {

namespace msg = redfish::messages;
using odata::Kind;

QJsonObject serviceRootBody(const QString &uuid)
{
    auto l = [](const char *path) { return odata::link(QString::fromLatin1(path)); };
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/"_s},
        {u"@odata.type"_s, odata::type(Kind::ServiceRoot)},
        {u"Id"_s, u"RootService"_s},
        {u"Name"_s, u"Metal Boot Redfish Service"_s},
        {u"RedfishVersion"_s, u"1.17.0"_s},
        {u"UUID"_s, uuid},
        {u"Vendor"_s, u"Metal Boot"_s},
        {u"Product"_s, u"Metal Boot"_s},
        {u"ProtocolFeaturesSupported"_s,
         QJsonObject{{u"ExpandQuery"_s, QJsonObject{{u"ExpandAll"_s, false}, {u"Levels"_s, false}, {u"Links"_s, false},
                                                   {u"NoLinks"_s, false}}},
                     {u"FilterQuery"_s, false},
                     {u"SelectQuery"_s, false},
                     {u"OnlyMemberQuery"_s, false},
                     {u"ExcerptQuery"_s, false},
                     {u"TopSkipQuery"_s, false}}},
        {u"Systems"_s, l("/redfish/v1/Systems")},
        {u"Chassis"_s, l("/redfish/v1/Chassis")},
        {u"Managers"_s, l("/redfish/v1/Managers")},
        {u"UpdateService"_s, l("/redfish/v1/UpdateService")},
        {u"Tasks"_s, l("/redfish/v1/TaskService")},
        {u"SessionService"_s, l("/redfish/v1/SessionService")},
        {u"AccountService"_s, l("/redfish/v1/AccountService")},
        {u"EventService"_s, l("/redfish/v1/EventService")},
        {u"Registries"_s, l("/redfish/v1/Registries")},
        {u"Links"_s, QJsonObject{{u"Sessions"_s, l("/redfish/v1/SessionService/Sessions")}}},
    };
}

QJsonObject registriesCollectionBody(bool withBios)
{
    QStringList members{u"/redfish/v1/Registries/Base"_s, u"/redfish/v1/Registries/MetalBoot"_s};
    if (withBios)
        members << u"/redfish/v1/Registries/BiosAttributeRegistry"_s;
    return odata::collection(Kind::MessageRegistryFileCollection, u"/redfish/v1/Registries"_s,
                             u"Registry File Collection"_s, members);
}

QJsonObject registryFileBody(const QString &id)
{
    QString registry;
    QJsonObject location;
    if (id == QLatin1String("Base")) {
        registry = u"Base.%1"_s.arg(QString::fromLatin1(messages::RegistryVersion).section(u'.', 0, 1));
        location = QJsonObject{{u"Language"_s, u"en"_s},
                               {u"Uri"_s, u"/redfish/v1/Registries/Base/Base"_s},
                               {u"PublicationUri"_s, u"https://redfish.dmtf.org/registries/Base.%1.json"_s.arg(
                                                         QString::fromLatin1(messages::RegistryVersion))}};
    } else if (id == QLatin1String("MetalBoot")) {
        registry = u"MetalBoot.1.0"_s;
        location = QJsonObject{{u"Language"_s, u"en"_s}, {u"Uri"_s, u"/redfish/v1/Registries/MetalBoot/MetalBoot"_s}};
    } else if (id == QLatin1String("BiosAttributeRegistry")) {
        registry = QString::fromLatin1(BiosAttributeRegistryId);   // what Bios.AttributeRegistry names
        location = QJsonObject{{u"Language"_s, u"en"_s},
                               {u"Uri"_s, u"/redfish/v1/Registries/BiosAttributeRegistry/BiosAttributeRegistry"_s}};
    } else {
        return {};
    }
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/Registries/"_s + id},
        {u"@odata.type"_s, odata::type(Kind::MessageRegistryFile)},
        {u"Id"_s, id},
        {u"Name"_s, id + u" Message Registry File"_s},
        {u"Languages"_s, QJsonArray{u"en"_s}},
        {u"Registry"_s, registry},
        {u"Location"_s, QJsonArray{location}},
    };
}

QJsonObject metalBootRegistryBody()
{
    auto entry = [](const char *text, int args, const char *severity) {
        QJsonObject m{{u"Description"_s, QString::fromLatin1(text)},
                      {u"Message"_s, QString::fromLatin1(text)},
                      {u"MessageSeverity"_s, QString::fromLatin1(severity)},
                      {u"NumberOfArgs"_s, args},
                      {u"Resolution"_s, u"None."_s}};
        if (args > 0) {
            QJsonArray types;
            for (int i = 0; i < args; ++i)
                types.append(u"string"_s);
            m.insert(u"ParamTypes"_s, types);
        }
        return m;
    };
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/Registries/MetalBoot/MetalBoot"_s},
        {u"@odata.type"_s, odata::type(Kind::MessageRegistry)},
        {u"Id"_s, u"MetalBoot.1.0.0"_s},
        {u"Name"_s, u"Metal Boot Event Message Registry"_s},
        {u"Language"_s, u"en"_s},
        {u"OwningEntity"_s, u"Metal Boot"_s},
        {u"RegistryPrefix"_s, u"MetalBoot"_s},
        {u"RegistryVersion"_s, u"1.0.0"_s},
        {u"Messages"_s,
         QJsonObject{{u"PowerStateChanged"_s, entry("The power state of system %1 changed to %2.", 2, "OK")},
                     {u"BootProgressChanged"_s, entry("System %1 reached boot stage %2.", 2, "OK")},
                     {u"BootFailed"_s, entry("System %1 failed to boot: %2.", 2, "Warning")},
                     {u"TestEvent"_s, entry("This is a test event: %1.", 1, "OK")}}},
    };
}

namespace {

HttpResponse redfishVersions(HttpRequest &req)
{
    HttpResponse r = HttpResponse::json(QJsonObject{{u"v1"_s, u"/redfish/v1/"_s}});
    r.setHeader("Content-Type", "application/json;charset=utf-8");
    Q_UNUSED(req)
    return r;
}

HttpResponse metadata(HttpRequest &)
{
    HttpResponse r(200, odata::metadataXml(), "application/xml");
    r.setHeader("Cache-Control", "max-age=3600");
    return r;
}

FirmwareSettings *firmwareSettings(const Context &ctx)
{
    return ctx.backend.firmwareSettings ? ctx.backend.firmwareSettings() : nullptr;
}

HttpResponse registryGet(Context &ctx, HttpRequest &req)
{
    const QString id = req.param(u"id"_s);
    const bool bios = id == QLatin1String("BiosAttributeRegistry");
    const QJsonObject body = bios && !firmwareSettings(ctx) ? QJsonObject() : registryFileBody(id);
    if (body.isEmpty())
        return errorResponse(msg::resourceNotFound(u"MessageRegistryFile"_s, id.left(64)));
    return jsonResponse(req, body);
}

HttpResponse registryContentGet(Context &ctx, HttpRequest &req)
{
    const QString id = req.param(u"id"_s);
    FirmwareSettings *fw = firmwareSettings(ctx);
    if (fw && id == QLatin1String("BiosAttributeRegistry") && req.param(u"file"_s) == id) {
        // The definitions are the firmware's; take them from any device.
        const QList<DeviceInfo> devices = ctx.devices();
        return jsonResponse(req, biosAttributeRegistryBody(devices.isEmpty() ? QList<FirmwareSettings::Attribute>()
                                                                             : fw->attributes(devices.first().mac)));
    }
    if (id == QLatin1String("Base") && req.param(u"file"_s) == QLatin1String("Base"))
        return jsonResponse(req, messages::registryJson());
    if (id == QLatin1String("MetalBoot") && req.param(u"file"_s) == QLatin1String("MetalBoot"))
        return jsonResponse(req, metalBootRegistryBody());
    return errorResponse(msg::resourceNotFound(u"MessageRegistry"_s, req.param(u"file"_s).left(64)));
}

} // namespace

void registerRoutesServiceRoot(Context &ctx)
{
    namespace p = privileges;
    Context *c = &ctx;
    ctx.route(HttpServer::Get, u"/redfish"_s, p::publicAccess(), [](HttpRequest &r, const Auth &) { return redfishVersions(r); });
    // "/redfish/v1" and "/redfish/v1/" are the same resource (the router ignores the trailing slash).
    ctx.route(HttpServer::Get, u"/redfish/v1"_s, p::publicAccess(),
              [c](HttpRequest &r, const Auth &) { return jsonResponse(r, serviceRootBody(c->serviceUuid)); });
    ctx.route(HttpServer::Get, u"/redfish/v1/odata"_s, p::publicAccess(), [](HttpRequest &r, const Auth &) {
        HttpResponse resp = jsonResponse(r, odata::serviceDocument());
        return resp;
    });
    ctx.route(HttpServer::Get, u"/redfish/v1/$metadata"_s, p::publicAccess(), [](HttpRequest &r, const Auth &) { return metadata(r); });
    ctx.route(HttpServer::Get, u"/redfish/v1/Registries"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return jsonResponse(r, registriesCollectionBody(firmwareSettings(*c))); });
    ctx.route(HttpServer::Get, u"/redfish/v1/Registries/{id}"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return registryGet(*c, r); });
    ctx.route(HttpServer::Get, u"/redfish/v1/Registries/{id}/{file}"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return registryContentGet(*c, r); });
}

void registerRoutesCatchAll(Context &ctx)
{
    // Unknown URLs under /redfish/v1/ (any method): authenticate first so the tree is not probed
    // anonymously, then a DMTF ResourceNotFound body.
    ctx.route(HttpServer::AnyMethod, u"/redfish/v1/{rest*}"_s, privileges::login(), [](HttpRequest &r, const Auth &) {
        const QString path = r.path();
        return errorResponse(messages::resourceNotFound(u"Resource"_s, path.section(u'/', -1).left(64)));
    });
}

} // namespace redfish
