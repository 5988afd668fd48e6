// Redfish request bodies and URL pieces (port 8443; authenticated, but any Operator or a stolen
// session can send them): the PATCH helper (json::parseObject + readPatch) with the real
// ComputerSystem schema and Boot override, Bios attribute patches, actions (Reset, InsertMedia,
// SimpleUpdate), EventService subscription bodies; URL pieces: system ids (dashed MACs), query
// strings as checkQuery() sees them. Input: body [0x1E id-or-query text].
//
// Invariants: readPatch() returns only properties of the schema that were in the body, and every
// problem is a registry message; an accepted Boot patch yields a target the service offers; an
// accepted HttpBootUri or virtual-media Image is http(s) with a host and, once it reaches the iPXE
// renderer and the UEFI HTTP boot entry, cannot inject commands and round-trips through the device
// path; ids are accepted only in the dashed form they are served in.

#include "fuzzsupport.h"
#include "ipxecheck.h"

#include "efi/bootentries.h"
#include "redfish/bios.h"
#include "redfish/managers.h"
#include "redfish/redfishjson.h"
#include "redfish/systems.h"
#include "redfish/updateservice.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace {

const MacAddress Mac({0xdc, 0xa6, 0x32, 0x01, 0x36, 0xc2});

QList<FirmwareSettings::Attribute> biosAttributes()
{
    using A = FirmwareSettings::Attribute;
    A clock;
    clock.name = QStringLiteral("CpuClock");
    clock.type = A::Type::Enumeration;
    clock.allowedValues = {{QStringLiteral("0"), QStringLiteral("Low")}, {QStringLiteral("1"), QStringLiteral("Default")},
                           {QStringLiteral("2"), QStringLiteral("Max")}};
    clock.currentValue = QStringLiteral("1");
    A rate;
    rate.name = QStringLiteral("CustomCpuClock");
    rate.type = A::Type::Integer;
    rate.lowerBound = 100;
    rate.upperBound = 4000;
    rate.currentValue = 1500;
    A tag;
    tag.name = QStringLiteral("AssetTag");
    tag.type = A::Type::String;
    tag.maxLength = 32;
    A limit;
    limit.name = QStringLiteral("RamLimitTo3GB");
    limit.type = A::Type::Boolean;
    limit.currentValue = false;
    A serial;
    serial.name = QStringLiteral("SystemTableMode");
    serial.type = A::Type::Integer;
    serial.readOnly = true;
    return {clock, rate, tag, limit, serial};
}

void checkMessages(const QList<redfish::messages::Message> &errors)
{
    for (const auto &m : errors) {
        FUZZ_CHECK(!m.id.isEmpty() && m.httpStatus >= 400 && m.httpStatus < 600, QStringLiteral("bad message %1").arg(m.id));
        (void)m.toJson();
    }
}

void checkKeys(const QJsonObject &accepted, const QJsonObject &body, const QList<redfish::json::Property> &schema)
{
    for (auto it = accepted.begin(); it != accepted.end(); ++it) {
        FUZZ_CHECK(body.contains(it.key()), QStringLiteral("readPatch invented %1").arg(it.key()));
        bool known = false;
        for (const auto &p : schema)
            known = known || p.name == it.key();
        FUZZ_CHECK(known, QStringLiteral("readPatch accepted unknown %1").arg(it.key()));
    }
}

void renderWith(const BootOverride &override, const VirtualMedia &media)
{
    DeviceConfig device;
    device.mac = Mac;
    device.osie.kernel = QStringLiteral("vmlinuz");
    ipxe::DeviceScriptInput in;
    in.mac = Mac;
    in.device = &device;
    in.override = override;
    in.media = media;
    in.baseUrl = QStringLiteral("http://10.77.0.1:8080");
    checkIpxeScript(ipxe::renderDeviceScript(in));
}

void bodies(const QJsonObject &body)
{
    namespace json = redfish::json;
    QList<redfish::messages::Message> errors;

    // PATCH /redfish/v1/Systems/{id}
    const auto schema = redfish::systemPatchSchema();
    const QJsonObject accepted = json::readPatch(body, schema, &errors);
    checkMessages(errors);
    checkKeys(accepted, body, schema);
    if (errors.isEmpty()) {
        BootOverride ov;
        if (redfish::applyBootPatch(accepted.value(QStringLiteral("Boot")).toObject(), &ov, &errors)) {
            FUZZ_CHECK(ov.target == BootOverride::Target::None || redfish::bootTargets().contains(BootOverride::targetName(ov.target)),
                       QStringLiteral("boot target not offered: %1").arg(BootOverride::targetName(ov.target)));
            if (!ov.httpBootUri.isEmpty()) {
                const QUrl url(ov.httpBootUri);
                FUZZ_CHECK(url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"),
                           QStringLiteral("HttpBootUri accepted: %1").arg(ov.httpBootUri));
                const efi::LoadOption entry = efi::makeHttpEntry(Mac, ov.httpBootUri);
                const auto decoded = efi::LoadOption::decode(entry.encode());
                FUZZ_CHECK(decoded.ok() && decoded.value() == entry, QStringLiteral("HTTP boot entry does not round-trip"));
            }
            ov.enabled = BootOverride::Enabled::Once;
            ov.target = BootOverride::Target::UefiHttp;
            renderWith(ov, {});
        }
        checkMessages(errors);
    }

    // PATCH Bios/Settings
    errors.clear();
    QVariantMap values;
    redfish::readBiosPatch(body, biosAttributes(), &values, &errors);
    checkMessages(errors);

    // Actions
    errors.clear();
    json::readAction(body, QStringLiteral("ComputerSystem.Reset"),
                     {json::Parameter{QStringLiteral("ResetType"), json::Type::String, redfish::resetTypes(), true}}, &errors);
    checkMessages(errors);

    errors.clear();
    VirtualMedia media;
    if (redfish::readInsertMedia(body, &media, &errors)) {
        const QString scheme = QUrl(media.image).scheme().toLower();
        FUZZ_CHECK(scheme == QLatin1String("http") || scheme == QLatin1String("https"),
                   QStringLiteral("virtual media image accepted: %1").arg(media.image));
        BootOverride cd;
        cd.target = BootOverride::Target::Cd;
        cd.enabled = BootOverride::Enabled::Continuous;
        renderWith(cd, media);
    }
    checkMessages(errors);

    errors.clear();
    QUrl image;
    QString system;
    const QStringList known = {Mac.toDashed(), QStringLiteral("dc-a6-32-01-36-c3")};
    if (redfish::readSimpleUpdate(body, known, &image, &system, &errors)) {
        FUZZ_CHECK(known.contains(system), QStringLiteral("SimpleUpdate target invented: %1").arg(system));
        FUZZ_CHECK(image.scheme() == QLatin1String("http") || image.scheme() == QLatin1String("https"),
                   QStringLiteral("SimpleUpdate image accepted: %1").arg(image.toString()));
    }
    checkMessages(errors);

    // POST EventService/Subscriptions (the same readPatch schema as the handler)
    errors.clear();
    json::readPatch(body,
                    {json::Property{QStringLiteral("Destination"), json::Type::String, {}, true, {}, 0, 0, 2048},
                     json::Property{QStringLiteral("Context"), json::Type::String, {}, true, {}, 0, 0, 256},
                     json::Property{QStringLiteral("Protocol"), json::Type::String, {QStringLiteral("Redfish")}},
                     json::Property{QStringLiteral("RegistryPrefixes"), json::Type::Array},
                     json::Property{QStringLiteral("EventTypes"), json::Type::Array}},
                    &errors);
    checkMessages(errors);
    for (auto it = body.begin(); it != body.end(); ++it)
        (void)json::valueText(it.value());
}

void urlPieces(const QString &text)
{
    // Context::device(): an id is the dashed MAC, nothing else.
    const auto mac = MacAddress::parse(text);
    if (mac && text == mac->toDashed())
        FUZZ_CHECK(MacAddress::parse(mac->toDashed()) == mac, QStringLiteral("system id does not round-trip: %1").arg(text));
    // checkQuery(): what a query string decodes to.
    const QUrlQuery query(text);
    for (const auto &item : query.queryItems(QUrl::FullyDecoded))
        (void)item.first.startsWith(QLatin1Char('$'));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzzsupport::FuzzInput in(data, size);
    const QByteArray body = in.field();
    const QString url = QString::fromUtf8(in.rest());

    QJsonObject object;
    QList<redfish::messages::Message> errors;
    if (redfish::json::parseObject(body, &object, &errors, true))
        bodies(object);
    else
        FUZZ_CHECK(!errors.isEmpty(), QStringLiteral("body refused without a message"));
    checkMessages(errors);
    urlPieces(url);
    return 0;
}
