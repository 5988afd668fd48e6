// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "managers.h"

#include "http/httpserver.h"
#include "redfishcontext.h"
#include "redfishodata.h"
#include "systems.h"

#include <QDateTime>
#include <QUrl>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace redfish {

namespace msg = redfish::messages;
using odata::Kind;

namespace {

QString managerUri(const QString &id)
{
    return u"/redfish/v1/Managers/"_s + id;
}

const QString InsertAction = u"VirtualMedia.InsertMedia"_s;

} // namespace

QStringList virtualMediaSlots()
{
    return {u"Cd"_s, u"Usb"_s};
}

QJsonObject managerCollectionBody(const QList<DeviceInfo> &devices)
{
    QStringList members;
    members.reserve(devices.size());
    for (const DeviceInfo &d : devices)
        members << managerUri(Context::systemId(d.mac));
    return odata::collection(Kind::ManagerCollection, u"/redfish/v1/Managers"_s, u"Manager Collection"_s, members);
}

QJsonObject managerBody(const DeviceInfo &device, const QString &firmwareVersion, const QString &serviceUuid)
{
    const QString id = Context::systemId(device.mac);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QJsonObject{
        {u"@odata.id"_s, managerUri(id)},
        {u"@odata.type"_s, odata::type(Kind::Manager)},
        {u"Id"_s, id},
        {u"Name"_s, u"Metal Boot BMC for %1"_s.arg(device.displayName())},
        {u"Description"_s, u"Virtual BMC: PoE power, netboot overrides and virtual media for this device"_s},
        {u"ManagerType"_s, u"BMC"_s},
        {u"Model"_s, u"Metal Boot"_s},
        {u"FirmwareVersion"_s, firmwareVersion},
        {u"UUID"_s, QUuid::createUuidV5(QUuid(systemUuid(device.mac)), u"manager"_s).toString(QUuid::WithoutBraces)},
        {u"ServiceEntryPointUUID"_s, serviceUuid},
        {u"PowerState"_s, u"On"_s},
        {u"DateTime"_s, now.toString(Qt::ISODate).replace(u"Z"_s, u"+00:00"_s)},
        {u"DateTimeLocalOffset"_s, u"+00:00"_s},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
        {u"VirtualMedia"_s, odata::link(managerUri(id) + u"/VirtualMedia"_s)},
        {u"Links"_s, QJsonObject{{u"ManagerForServers"_s, QJsonArray{odata::link(u"/redfish/v1/Systems/"_s + id)}},
                                 {u"ManagerForChassis"_s, QJsonArray{odata::link(u"/redfish/v1/Chassis/"_s + id)}}}},
    };
}

QJsonObject virtualMediaCollectionBody(const QString &managerId)
{
    QStringList members;
    for (const QString &slot : virtualMediaSlots())
        members << managerUri(managerId) + u"/VirtualMedia/"_s + slot;
    return odata::collection(Kind::VirtualMediaCollection, managerUri(managerId) + u"/VirtualMedia"_s,
                             u"Virtual Media Collection"_s, members);
}

QJsonObject virtualMediaBody(const QString &managerId, const QString &slot, const VirtualMedia &m)
{
    const QString uri = managerUri(managerId) + u"/VirtualMedia/"_s + slot;
    const bool cd = slot == QLatin1String("Cd");
    const bool hasImage = !m.image.isEmpty();
    QString imageName;
    if (hasImage)
        imageName = QUrl(m.image).fileName();
    return QJsonObject{
        {u"@odata.id"_s, uri},
        {u"@odata.type"_s, odata::type(Kind::VirtualMedia)},
        {u"Id"_s, slot},
        {u"Name"_s, cd ? u"Virtual CD"_s : u"Virtual USB stick"_s},
        {u"MediaTypes"_s, cd ? QJsonArray{u"CD"_s, u"DVD"_s} : QJsonArray{u"USBStick"_s}},
        {u"ConnectedVia"_s, hasImage ? u"URI"_s : u"NotConnected"_s},
        {u"Image"_s, hasImage ? QJsonValue(m.image) : QJsonValue()},
        {u"ImageName"_s, hasImage ? QJsonValue(imageName) : QJsonValue()},
        {u"Inserted"_s, hasImage && m.inserted},
        {u"WriteProtected"_s, m.writeProtected},
        {u"TransferMethod"_s, u"Stream"_s},
        {u"TransferProtocolType"_s, hasImage && !m.transferProtocol.isEmpty() ? QJsonValue(m.transferProtocol) : QJsonValue()},
        // What a PATCH may change (besides the InsertMedia/EjectMedia actions).
        {u"@Redfish.WriteableProperties"_s, QJsonArray{u"Image"_s, u"Inserted"_s, u"WriteProtected"_s,
                                                       u"TransferProtocolType"_s, u"TransferMethod"_s,
                                                       u"UserName"_s, u"Password"_s}},
        {u"Actions"_s,
         QJsonObject{{u"#VirtualMedia.InsertMedia"_s, QJsonObject{{u"target"_s, uri + u"/Actions/VirtualMedia.InsertMedia"_s}}},
                     {u"#VirtualMedia.EjectMedia"_s, QJsonObject{{u"target"_s, uri + u"/Actions/VirtualMedia.EjectMedia"_s}}}}},
    };
}

bool readInsertMedia(const QJsonObject &body, VirtualMedia *m, QList<msg::Message> *errors)
{
    using json::Parameter;
    using json::Type;
    const QList<Parameter> params{
        Parameter{u"Image"_s, Type::String, {}, true},
        Parameter{u"Inserted"_s, Type::Boolean},
        Parameter{u"WriteProtected"_s, Type::Boolean},
        Parameter{u"TransferProtocolType"_s, Type::String, {u"HTTP"_s, u"HTTPS"_s}},
        Parameter{u"TransferMethod"_s, Type::String, {u"Stream"_s}},
        Parameter{u"UserName"_s, Type::String},
        Parameter{u"Password"_s, Type::String},
    };
    if (!json::readAction(body, InsertAction, params, errors))
        return false;
    const QString image = body.value(u"Image"_s).toString();
    const QUrl url(image, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (image.size() > 2048 || !url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        errors->append(msg::actionParameterValueFormatError(image.left(200), u"Image"_s, InsertAction));
        return false;
    }
    const QString inferred = scheme.toUpper();
    const QString protocol = body.value(u"TransferProtocolType"_s).toString(inferred);
    if (protocol != inferred) {
        errors->append(msg::actionParameterValueError(u"TransferProtocolType"_s, InsertAction));
        return false;
    }
    m->image = image;
    m->inserted = body.value(u"Inserted"_s).toBool(true);
    m->writeProtected = body.value(u"WriteProtected"_s).toBool(true);
    m->transferProtocol = protocol;
    m->userName = body.value(u"UserName"_s).toString();
    m->password = body.value(u"Password"_s).toString();
    return true;
}

bool applyVirtualMediaPatch(const QJsonObject &body, VirtualMedia *media, QList<msg::Message> *errors)
{
    using json::Property;
    using json::Type;
    QList<Property> schema{
        Property{u"Image"_s, Type::NullableString, {}, true, {}, 0, 0, 2048},
        Property{u"Inserted"_s, Type::Boolean},
        Property{u"WriteProtected"_s, Type::Boolean},
        Property{u"TransferProtocolType"_s, Type::NullableString, {u"HTTP"_s, u"HTTPS"_s}},
        Property{u"TransferMethod"_s, Type::String, {u"Stream"_s}},
        Property{u"UserName"_s, Type::String, {}, true, {}, 0, 0, 256},
        Property{u"Password"_s, Type::String, {}, true, {}, 0, 0, 256},
    };
    for (const char *ro : {"Id", "Name", "MediaTypes", "ConnectedVia", "ImageName", "Actions", "Status"})
        schema.append(Property{QString::fromLatin1(ro), Type::Any, {}, false});
    const QJsonObject ok = json::readPatch(body, schema, errors);
    if (!errors->isEmpty())
        return false;
    if (ok.isEmpty()) {
        errors->append(msg::noOperation());
        return false;
    }
    const QJsonValue image = ok.value(u"Image"_s);
    if (image.isNull() || (image.isString() && image.toString().isEmpty())) {
        *media = VirtualMedia();   // eject
        return true;
    }
    if (image.isString()) {
        // The same checks as InsertMedia, with the patch's other properties as its parameters.
        QJsonObject insert = ok;
        if (insert.value(u"TransferProtocolType"_s).isNull())
            insert.remove(u"TransferProtocolType"_s);
        QList<msg::Message> actionErrors;
        VirtualMedia next;
        if (!readInsertMedia(insert, &next, &actionErrors)) {
            errors->append(msg::propertyValueFormatError(image.toString().left(200), u"Image"_s));
            return false;
        }
        *media = next;
        return true;
    }
    // Flags of the medium already inserted.
    if (media->image.isEmpty()) {
        errors->append(msg::propertyValueConflict(ok.keys().first(), u"Image"_s));
        return false;
    }
    media->inserted = ok.value(u"Inserted"_s).toBool(media->inserted);
    media->writeProtected = ok.value(u"WriteProtected"_s).toBool(media->writeProtected);
    if (ok.contains(u"UserName"_s))
        media->userName = ok.value(u"UserName"_s).toString();
    if (ok.contains(u"Password"_s))
        media->password = ok.value(u"Password"_s).toString();
    return true;
}

namespace {

std::optional<HttpResponse> resolveSlot(Context &ctx, const HttpRequest &req, std::optional<DeviceInfo> *device,
                                        QString *slot)
{
    const QString id = req.param(u"id"_s);
    *device = ctx.device(id);
    if (!*device)
        return errorResponse(msg::resourceNotFound(u"Manager"_s, id.left(64)));
    *slot = req.param(u"slot"_s);
    if (!slot->isEmpty() && !virtualMediaSlots().contains(*slot))
        return errorResponse(msg::resourceNotFound(u"VirtualMedia"_s, slot->left(64)));
    return std::nullopt;
}

HttpResponse handleManagerGet(Context &ctx, HttpRequest &req)
{
    const QString id = req.param(u"id"_s);
    const auto d = ctx.device(id);
    if (!d)
        return errorResponse(msg::resourceNotFound(u"Manager"_s, id.left(64)));
    return jsonResponse(req, managerBody(*d, QStringLiteral(METALBOOT_VERSION), ctx.serviceUuid));
}

HttpResponse handleVirtualMediaGet(Context &ctx, HttpRequest &req)
{
    std::optional<DeviceInfo> d;
    QString slot;
    if (auto err = resolveSlot(ctx, req, &d, &slot))
        return *err;
    const QString id = Context::systemId(d->mac);
    if (slot.isEmpty())
        return jsonResponse(req, virtualMediaCollectionBody(id));
    return jsonResponse(req, virtualMediaBody(id, slot, ctx.backend.bootControl->media(d->mac, slot)));
}

HttpResponse handleInsertMedia(Context &ctx, HttpRequest &req, const Auth &auth)
{
    std::optional<DeviceInfo> d;
    QString slot;
    if (auto err = resolveSlot(ctx, req, &d, &slot))
        return *err;
    QJsonObject body;
    if (auto bad = readBody(req, &body))
        return *bad;
    VirtualMedia media;
    QList<msg::Message> errors;
    if (!readInsertMedia(body, &media, &errors))
        return errorResponse(errors);
    ctx.backend.bootControl->setMedia(d->mac, slot, media);
    // Never journal credentials; the URL's userinfo is stripped too.
    const QString shown = QUrl(media.image).adjusted(QUrl::RemoveUserInfo).toString();
    ctx.journal(d->mac, auth, u"virtual media %1 inserted: %2"_s.arg(slot, shown),
                QJsonObject{{u"action"_s, u"vmedia-insert"_s}, {u"slot"_s, slot}, {u"image"_s, shown},
                            {u"inserted"_s, media.inserted}, {u"write_protected"_s, media.writeProtected}});
    return actionSuccess(req);
}

HttpResponse handleEjectMedia(Context &ctx, HttpRequest &req, const Auth &auth)
{
    std::optional<DeviceInfo> d;
    QString slot;
    if (auto err = resolveSlot(ctx, req, &d, &slot))
        return *err;
    QJsonObject body;
    if (auto bad = readBody(req, &body, true))
        return *bad;
    QList<msg::Message> errors;
    if (!json::readAction(body, u"VirtualMedia.EjectMedia"_s, {}, &errors))
        return errorResponse(errors);
    ctx.backend.bootControl->setMedia(d->mac, slot, VirtualMedia{});
    ctx.journal(d->mac, auth, u"virtual media %1 ejected"_s.arg(slot),
                QJsonObject{{u"action"_s, u"vmedia-eject"_s}, {u"slot"_s, slot}});
    return actionSuccess(req);
}

HttpResponse handleVirtualMediaPatch(Context &ctx, HttpRequest &req, const Auth &auth)
{
    std::optional<DeviceInfo> d;
    QString slot;
    if (auto err = resolveSlot(ctx, req, &d, &slot))
        return *err;
    const QString id = Context::systemId(d->mac);
    VirtualMedia media = ctx.backend.bootControl->media(d->mac, slot);
    if (auto failed = checkIfMatch(req, virtualMediaBody(id, slot, media)))
        return *failed;
    QJsonObject body;
    if (auto bad = readBody(req, &body))
        return *bad;
    QList<msg::Message> errors;
    if (!applyVirtualMediaPatch(body, &media, &errors))
        return errorResponse(errors);
    ctx.backend.bootControl->setMedia(d->mac, slot, media);
    const QString shown = QUrl(media.image).adjusted(QUrl::RemoveUserInfo).toString();
    ctx.journal(d->mac, auth,
                media.image.isEmpty() ? u"virtual media %1 ejected"_s.arg(slot)
                                      : u"virtual media %1 set to %2"_s.arg(slot, shown),
                QJsonObject{{u"action"_s, u"vmedia-patch"_s}, {u"slot"_s, slot}, {u"image"_s, shown},
                            {u"inserted"_s, media.inserted}, {u"write_protected"_s, media.writeProtected}});
    return jsonResponse(req, virtualMediaBody(id, slot, media));
}

} // namespace

void registerRoutesManagers(Context &ctx)
{
    namespace p = privileges;
    Context *c = &ctx;
    ctx.route(HttpServer::Get, u"/redfish/v1/Managers"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return jsonResponse(r, managerCollectionBody(c->devices())); });
    ctx.route(HttpServer::Get, u"/redfish/v1/Managers/{id}"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return handleManagerGet(*c, r); });
    ctx.route(HttpServer::Get, u"/redfish/v1/Managers/{id}/VirtualMedia"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return handleVirtualMediaGet(*c, r); });
    ctx.route(HttpServer::Get, u"/redfish/v1/Managers/{id}/VirtualMedia/{slot}"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return handleVirtualMediaGet(*c, r); });
    // DSP8011: VirtualMedia writes need ConfigureManager.
    ctx.route(HttpServer::Patch, u"/redfish/v1/Managers/{id}/VirtualMedia/{slot}"_s, p::configureManager(),
              [c](HttpRequest &r, const Auth &a) { return handleVirtualMediaPatch(*c, r, a); });
    ctx.route(HttpServer::Post, u"/redfish/v1/Managers/{id}/VirtualMedia/{slot}/Actions/VirtualMedia.InsertMedia"_s,
              p::configureManager(), [c](HttpRequest &r, const Auth &a) { return handleInsertMedia(*c, r, a); });
    ctx.route(HttpServer::Post, u"/redfish/v1/Managers/{id}/VirtualMedia/{slot}/Actions/VirtualMedia.EjectMedia"_s,
              p::configureManager(), [c](HttpRequest &r, const Auth &a) { return handleEjectMedia(*c, r, a); });
}

} // namespace redfish
