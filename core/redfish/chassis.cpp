// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "chassis.h"

#include "devices/inventory.h"
#include "http/httpserver.h"
#include "redfishcontext.h"
#include "redfishodata.h"
#include "systems.h"

using namespace Qt::Literals::StringLiterals;

namespace redfish {

namespace msg = redfish::messages;
using odata::Kind;

namespace {
QString chassisUri(const QString &id)
{
    return u"/redfish/v1/Chassis/"_s + id;
}
} // namespace

QJsonObject chassisCollectionBody(const QList<DeviceInfo> &devices)
{
    QStringList members;
    members.reserve(devices.size());
    for (const DeviceInfo &d : devices)
        members << chassisUri(Context::systemId(d.mac));
    return odata::collection(Kind::ChassisCollection, u"/redfish/v1/Chassis"_s, u"Chassis Collection"_s, members);
}

QJsonObject chassisBody(const DeviceInfo &d, const QString &model, const QString &manufacturer)
{
    const QString id = Context::systemId(d.mac);
    const QString power = powerStateName(d);
    QJsonObject o{
        {u"@odata.id"_s, chassisUri(id)},
        {u"@odata.type"_s, odata::type(Kind::Chassis)},
        {u"Id"_s, id},
        {u"Name"_s, u"Chassis of %1"_s.arg(d.displayName())},
        {u"ChassisType"_s, u"StandAlone"_s},
        {u"UUID"_s, systemUuid(d.mac)},
        {u"PowerState"_s, power.isEmpty() ? QJsonValue() : QJsonValue(power)},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
        {u"Power"_s, odata::link(chassisUri(id) + u"/Power"_s)},
        {u"Links"_s, QJsonObject{{u"ComputerSystems"_s, QJsonArray{odata::link(u"/redfish/v1/Systems/"_s + id)}},
                                 {u"ManagedBy"_s, QJsonArray{odata::link(u"/redfish/v1/Managers/"_s + id)}}}},
    };
    if (!model.isEmpty())
        o.insert(u"Model"_s, model);
    if (!manufacturer.isEmpty())
        o.insert(u"Manufacturer"_s, manufacturer);
    if (!d.serial.isEmpty())
        o.insert(u"SerialNumber"_s, d.serial);
    return o;
}

QJsonObject powerBody(const DeviceInfo &d)
{
    const QString id = Context::systemId(d.mac);
    const QString uri = chassisUri(id) + u"/Power"_s;
    const bool known = d.powerWatts >= 0;
    const QString port = d.powerBinding.isSet() ? u"PoE %1 port %2"_s.arg(d.powerBinding.switchId, d.powerBinding.port)
                                                : u"Power input"_s;
    const QString state = d.power == PowerState::Off ? u"StandbyOffline"_s : u"Enabled"_s;
    QJsonObject control{
        {u"@odata.id"_s, uri + u"#/PowerControl/0"_s},
        {u"MemberId"_s, u"0"_s},
        {u"Name"_s, port},
        {u"PowerConsumedWatts"_s, known ? QJsonValue(d.powerWatts) : QJsonValue()},
        {u"Status"_s, QJsonObject{{u"State"_s, state}, {u"Health"_s, u"OK"_s}}},
    };
    // The device's supply is its PoE port (a powered device): the watts are what the switch
    // measures on that port.
    QJsonObject supply{
        {u"@odata.id"_s, uri + u"#/PowerSupplies/0"_s},
        {u"MemberId"_s, u"0"_s},
        {u"Name"_s, port},
        {u"PowerSupplyType"_s, u"DC"_s},
        {u"LastPowerOutputWatts"_s, known ? QJsonValue(d.powerWatts) : QJsonValue()},
        {u"Status"_s, QJsonObject{{u"State"_s, state}, {u"Health"_s, u"OK"_s}}},
    };
    return QJsonObject{
        {u"@odata.id"_s, uri},
        {u"@odata.type"_s, odata::type(Kind::Power)},
        {u"Id"_s, u"Power"_s},
        {u"Name"_s, u"Power"_s},
        {u"PowerControl"_s, QJsonArray{control}},
        {u"PowerSupplies"_s, QJsonArray{supply}},
    };
}

namespace {

HttpResponse handleChassisGet(Context &ctx, HttpRequest &req, bool power)
{
    const QString id = req.param(u"id"_s);
    const auto d = ctx.device(id);
    if (!d)
        return errorResponse(msg::resourceNotFound(u"Chassis"_s, id.left(64)));
    if (power)
        return jsonResponse(req, powerBody(*d));
    const HardwareInventory inv = ctx.backend.inventory->inventory(d->mac, d->model);
    return jsonResponse(req, chassisBody(*d, inv.productName, inv.manufacturer));
}

} // namespace

void registerRoutesChassis(Context &ctx)
{
    namespace p = privileges;
    Context *c = &ctx;
    ctx.route(HttpServer::Get, u"/redfish/v1/Chassis"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return jsonResponse(r, chassisCollectionBody(c->devices())); });
    ctx.route(HttpServer::Get, u"/redfish/v1/Chassis/{id}"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return handleChassisGet(*c, r, false); });
    ctx.route(HttpServer::Get, u"/redfish/v1/Chassis/{id}/Power"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return handleChassisGet(*c, r, true); });
}

} // namespace redfish
