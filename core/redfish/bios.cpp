// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "bios.h"

#include "http/httpserver.h"
#include "redfishcontext.h"
#include "redfishodata.h"

using namespace Qt::Literals::StringLiterals;

namespace redfish {

namespace msg = redfish::messages;
using odata::Kind;

namespace {

QString biosUri(const QString &systemId)
{
    return u"/redfish/v1/Systems/"_s + systemId + u"/Bios"_s;
}

QJsonValue attributeValue(const FirmwareSettings::Attribute &a, const QVariant &v)
{
    switch (a.type) {
    case FirmwareSettings::Attribute::Type::Integer: return QJsonValue(v.toLongLong());
    case FirmwareSettings::Attribute::Type::Boolean: return QJsonValue(v.toBool());
    default: break;
    }
    return QJsonValue(v.toString());
}

} // namespace

QJsonObject biosBody(const QString &systemId, const QList<FirmwareSettings::Attribute> &attributes,
                     const QVariantMap &running, const QDateTime &changedAt)
{
    QJsonObject attrs;
    for (const auto &a : attributes)
        attrs.insert(a.name, attributeValue(a, running.contains(a.name) ? running.value(a.name) : a.currentValue));
    QJsonObject settings{
        {u"@odata.type"_s, u"#Settings.v1_3_5.Settings"_s},
        {u"SettingsObject"_s, odata::link(biosUri(systemId) + u"/Settings"_s)},
        {u"SupportedApplyTimes"_s, QJsonArray{u"OnReset"_s}},
        {u"Messages"_s, QJsonArray()},
    };
    if (changedAt.isValid())
        settings.insert(u"Time"_s, changedAt.toUTC().toString(Qt::ISODate));
    return QJsonObject{
        {u"@odata.id"_s, biosUri(systemId)},
        {u"@odata.type"_s, odata::type(Kind::Bios)},
        {u"Id"_s, u"BIOS"_s},
        {u"Name"_s, u"UEFI firmware settings"_s},
        {u"Description"_s, u"Raspberry Pi UEFI settings; changes apply to the firmware served at the next boot"_s},
        {u"AttributeRegistry"_s, QString::fromLatin1(BiosAttributeRegistryId)},
        {u"Attributes"_s, attrs},
        {u"@Redfish.Settings"_s, settings},
        {u"Actions"_s, QJsonObject{{u"#Bios.ResetBios"_s,
                                    QJsonObject{{u"target"_s, biosUri(systemId) + u"/Actions/Bios.ResetBios"_s}}}}},
    };
}

QJsonObject biosSettingsBody(const QString &systemId, const QList<FirmwareSettings::Attribute> &attributes)
{
    QJsonObject attrs;
    for (const auto &a : attributes)
        attrs.insert(a.name, attributeValue(a, a.currentValue));
    return QJsonObject{
        {u"@odata.id"_s, biosUri(systemId) + u"/Settings"_s},
        {u"@odata.type"_s, odata::type(Kind::Bios)},
        {u"Id"_s, u"Settings"_s},
        {u"Name"_s, u"UEFI firmware settings for the next boot"_s},
        {u"Attributes"_s, attrs},
    };
}

QJsonObject secureBootBody(const QString &systemId)
{
    // The Pi UEFI firmware serves a variable store without enrolled keys: Secure Boot is off and
    // this service cannot change that (no PK/KEK/db provisioning), hence read-only.
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/Systems/"_s + systemId + u"/SecureBoot"_s},
        {u"@odata.type"_s, odata::type(Kind::SecureBoot)},
        {u"Id"_s, u"SecureBoot"_s},
        {u"Name"_s, u"UEFI Secure Boot"_s},
        {u"SecureBootEnable"_s, false},
        {u"SecureBootCurrentBoot"_s, u"Disabled"_s},
    };
}

QJsonObject biosAttributeRegistryBody(const QList<FirmwareSettings::Attribute> &attributes)
{
    using T = FirmwareSettings::Attribute::Type;
    QJsonArray list;
    for (const auto &a : attributes) {
        QString type = u"String"_s;
        switch (a.type) {
        case T::Integer: type = u"Integer"_s; break;
        case T::Enumeration: type = u"Enumeration"_s; break;
        case T::Boolean: type = u"Boolean"_s; break;
        case T::String: break;
        }
        QJsonObject o{{u"AttributeName"_s, a.name},
                      {u"DisplayName"_s, a.displayName.isEmpty() ? a.name : a.displayName},
                      {u"Type"_s, type},
                      {u"ReadOnly"_s, a.readOnly},
                      {u"ResetRequired"_s, true}};   // settings apply to the firmware of the next boot
        if (!a.help.isEmpty())
            o.insert(u"HelpText"_s, a.help);
        if (a.defaultValue.isValid())
            o.insert(u"DefaultValue"_s, attributeValue(a, a.defaultValue));
        if (a.type == T::Enumeration) {
            QJsonArray values;
            for (const auto &[value, display] : a.allowedValues)
                values.append(QJsonObject{{u"ValueName"_s, value}, {u"ValueDisplayName"_s, display}});
            o.insert(u"Value"_s, values);
        }
        if (a.type == T::Integer && a.lowerBound < a.upperBound) {
            o.insert(u"LowerBound"_s, a.lowerBound);
            o.insert(u"UpperBound"_s, a.upperBound);
        }
        if (a.type == T::String && a.maxLength > 0)
            o.insert(u"MaxLength"_s, a.maxLength);
        list.append(o);
    }
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/Registries/BiosAttributeRegistry/BiosAttributeRegistry"_s},
        {u"@odata.type"_s, odata::type(Kind::AttributeRegistry)},
        {u"Id"_s, QString::fromLatin1(BiosAttributeRegistryId)},
        {u"Name"_s, u"Raspberry Pi UEFI settings attribute registry"_s},
        {u"Language"_s, u"en"_s},
        {u"OwningEntity"_s, u"Metal Boot"_s},
        {u"RegistryVersion"_s, u"1.0.0"_s},
        {u"SupportedSystems"_s, QJsonArray{QJsonObject{{u"ProductName"_s, u"Raspberry Pi 4 Model B"_s},
                                                      {u"SystemId"_s, u"RPi4UEFI"_s}}}},
        {u"RegistryEntries"_s, QJsonObject{{u"Attributes"_s, list}}},
    };
}

bool readBiosPatch(const QJsonObject &body, const QList<FirmwareSettings::Attribute> &attributes, QVariantMap *values,
                   QList<msg::Message> *errors)
{
    const qsizetype before = errors->size();
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() == QLatin1String("Attributes"))
            continue;
        if (it.key() == QLatin1String("@Redfish.SettingsApplyTime")) {
            const QJsonObject at = it.value().toObject();
            const QJsonValue t = at.value(u"ApplyTime"_s);
            if (!it.value().isObject() || (!t.isUndefined() && t.toString() != QLatin1String("OnReset")))
                errors->append(msg::propertyValueNotInList(json::valueText(t), u"@Redfish.SettingsApplyTime/ApplyTime"_s));
            continue;
        }
        errors->append(msg::propertyUnknown(it.key().left(100)));
    }
    const QJsonValue attrsValue = body.value(u"Attributes"_s);
    if (!attrsValue.isObject()) {
        if (attrsValue.isUndefined())
            errors->append(msg::propertyMissing(u"Attributes"_s));
        else
            errors->append(msg::propertyValueTypeError(json::valueText(attrsValue), u"Attributes"_s));
        return false;
    }
    const QJsonObject attrs = attrsValue.toObject();
    for (auto it = attrs.begin(); it != attrs.end(); ++it) {
        const QString pointer = u"Attributes/"_s + it.key().left(100);
        const FirmwareSettings::Attribute *a = nullptr;
        for (const auto &candidate : attributes)
            if (candidate.name == it.key())
                a = &candidate;
        if (!a) {
            errors->append(msg::propertyUnknown(pointer));
            continue;
        }
        if (a->readOnly) {
            errors->append(msg::propertyNotWritable(pointer));
            continue;
        }
        const QJsonValue v = it.value();
        using T = FirmwareSettings::Attribute::Type;
        switch (a->type) {
        case T::Integer:
            if (!json::hasType(v, json::Type::Integer)) {
                errors->append(msg::propertyValueTypeError(json::valueText(v), pointer));
            } else if (a->lowerBound < a->upperBound
                       && (qint64(v.toDouble()) < a->lowerBound || qint64(v.toDouble()) > a->upperBound)) {
                errors->append(msg::propertyValueOutOfRange(json::valueText(v), pointer));
            } else {
                values->insert(a->name, qint64(v.toDouble()));
            }
            break;
        case T::Boolean:
            if (!v.isBool())
                errors->append(msg::propertyValueTypeError(json::valueText(v), pointer));
            else
                values->insert(a->name, v.toBool());
            break;
        case T::Enumeration: {
            bool listed = false;
            for (const auto &[value, display] : a->allowedValues)
                listed = listed || value == v.toString();
            if (!v.isString())
                errors->append(msg::propertyValueTypeError(json::valueText(v), pointer));
            else if (!listed)
                errors->append(msg::propertyValueNotInList(json::valueText(v), pointer));
            else
                values->insert(a->name, v.toString());
            break;
        }
        case T::String:
            if (!v.isString())
                errors->append(msg::propertyValueTypeError(json::valueText(v), pointer));
            else if (a->maxLength > 0 && v.toString().size() > a->maxLength)
                errors->append(msg::stringValueTooLong(json::valueText(v), a->maxLength));
            else
                values->insert(a->name, v.toString());
            break;
        }
    }
    return errors->size() == before;
}

namespace {

struct BiosTarget
{
    std::optional<DeviceInfo> device;
    FirmwareSettings *settings = nullptr;
};

std::optional<HttpResponse> resolve(Context &ctx, const HttpRequest &req, BiosTarget *out)
{
    const QString id = req.param(u"id"_s);
    out->device = ctx.device(id);
    if (!out->device)
        return errorResponse(msg::resourceNotFound(u"ComputerSystem"_s, id.left(64)));
    out->settings = ctx.backend.firmwareSettings ? ctx.backend.firmwareSettings() : nullptr;
    if (!out->settings)
        return errorResponse(msg::resourceNotFound(u"Bios"_s, u"BIOS"_s));
    return std::nullopt;
}

QVariantMap currentValues(const QList<FirmwareSettings::Attribute> &attributes)
{
    QVariantMap m;
    for (const auto &a : attributes)
        m.insert(a.name, a.currentValue);
    return m;
}

// Remembers what the device runs with for every attribute whose configured value changes.
void rememberRunning(Context &ctx, const MacAddress &mac, const QVariantMap &before, const QVariantMap &after)
{
    QVariantMap &running = ctx.biosRunning[mac];
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        if (after.value(it.key()) != it.value() && !running.contains(it.key()))
            running.insert(it.key(), it.value());
    if (running.isEmpty())
        ctx.biosRunning.remove(mac);
    else
        ctx.biosChangedAt.insert(mac, QDateTime::currentDateTimeUtc());
}

HttpResponse handleBiosGet(Context &ctx, HttpRequest &req, bool settingsObject)
{
    BiosTarget t;
    if (auto err = resolve(ctx, req, &t))
        return *err;
    const auto attrs = t.settings->attributes(t.device->mac);
    const QString id = Context::systemId(t.device->mac);
    if (settingsObject)
        return jsonResponse(req, biosSettingsBody(id, attrs));
    return jsonResponse(req, biosBody(id, attrs, ctx.biosRunning.value(t.device->mac), ctx.biosChangedAt.value(t.device->mac)));
}

HttpResponse handleBiosSettingsPatch(Context &ctx, HttpRequest &req, const Auth &auth)
{
    BiosTarget t;
    if (auto err = resolve(ctx, req, &t))
        return *err;
    const MacAddress mac = t.device->mac;
    const auto attrs = t.settings->attributes(mac);
    const QString id = Context::systemId(mac);
    if (auto failed = checkIfMatch(req, biosSettingsBody(id, attrs)))
        return *failed;
    QJsonObject body;
    if (auto bad = readBody(req, &body))
        return *bad;
    QVariantMap values;
    QList<msg::Message> errors;
    if (!readBiosPatch(body, attrs, &values, &errors))
        return errorResponse(errors);
    QString why;
    if (!t.settings->setAttributes(mac, values, &why)) {
        const QString first = values.isEmpty() ? u"Attributes"_s : u"Attributes/"_s + values.firstKey();
        return errorResponse(msg::propertyValueIncorrect(first, why.left(200)));
    }
    const auto after = t.settings->attributes(mac);
    rememberRunning(ctx, mac, currentValues(attrs), currentValues(after));
    QJsonObject changed;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        changed.insert(it.key(), QJsonValue::fromVariant(it.value()));
    ctx.journal(mac, auth, u"BIOS settings changed for the next boot: %1"_s.arg(values.keys().join(u", ")),
                QJsonObject{{u"action"_s, u"bios-settings"_s}, {u"attributes"_s, changed}});
    return jsonResponse(req, biosSettingsBody(id, after));
}

HttpResponse handleResetBios(Context &ctx, HttpRequest &req, const Auth &auth)
{
    BiosTarget t;
    if (auto err = resolve(ctx, req, &t))
        return *err;
    QJsonObject body;
    if (auto bad = readBody(req, &body, true))
        return *bad;
    QList<msg::Message> errors;
    if (!json::readAction(body, u"Bios.ResetBios"_s, {}, &errors))
        return errorResponse(errors);
    const MacAddress mac = t.device->mac;
    const auto before = t.settings->attributes(mac);
    QString why;
    if (!t.settings->resetToDefaults(mac, &why))
        return errorResponse(msg::internalError());
    rememberRunning(ctx, mac, currentValues(before), currentValues(t.settings->attributes(mac)));
    ctx.journal(mac, auth, u"BIOS settings reset to the profile defaults for the next boot"_s,
                QJsonObject{{u"action"_s, u"bios-reset"_s}});
    return actionSuccess(req);
}

HttpResponse handleSecureBootGet(Context &ctx, HttpRequest &req)
{
    const QString id = req.param(u"id"_s);
    if (!ctx.device(id))
        return errorResponse(msg::resourceNotFound(u"ComputerSystem"_s, id.left(64)));
    return jsonResponse(req, secureBootBody(id));
}

} // namespace

void registerRoutesBios(Context &ctx)
{
    namespace p = privileges;
    Context *c = &ctx;
    ctx.route(HttpServer::Get, u"/redfish/v1/Systems/{id}/Bios"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return handleBiosGet(*c, r, false); });
    ctx.route(HttpServer::Get, u"/redfish/v1/Systems/{id}/Bios/Settings"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return handleBiosGet(*c, r, true); });
    ctx.route(HttpServer::Patch, u"/redfish/v1/Systems/{id}/Bios/Settings"_s, p::configureComponents(),
              [c](HttpRequest &r, const Auth &a) { return handleBiosSettingsPatch(*c, r, a); });
    ctx.route(HttpServer::Post, u"/redfish/v1/Systems/{id}/Bios/Actions/Bios.ResetBios"_s, p::configureComponents(),
              [c](HttpRequest &r, const Auth &a) { return handleResetBios(*c, r, a); });
    ctx.route(HttpServer::Get, u"/redfish/v1/Systems/{id}/SecureBoot"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return handleSecureBootGet(*c, r); });
}

} // namespace redfish
