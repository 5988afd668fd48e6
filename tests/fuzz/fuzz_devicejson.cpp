// Management API device bodies (POST/PUT/PATCH /api/v1/devices, authenticated but from any API
// client): QJsonDocument, devicejson::fromJson (the lab.yaml device parser behind a JSON->YAML
// bridge) and the RFC 7386 merge patch. Input: body [0x1E merge-patch].
//
// Invariants: an accepted device converts back to JSON that is accepted again and converts to the
// same JSON (what the API returns is what it would accept); a patch applied to an accepted device
// gives an object that is either accepted or rejected with located errors - never a crash.

#include "fuzzsupport.h"

#include "api/devicejson.h"

#include <QJsonDocument>

namespace {

const MacAddress Mac({0xdc, 0xa6, 0x32, 0x01, 0x36, 0xc2});

bool accept(const QJsonObject &object, DeviceConfig *out)
{
    ConfigErrors errors;
    const bool ok = devicejson::fromJson(object, Mac, out, &errors);
    if (!ok)
        FUZZ_CHECK(!errors.isEmpty(), QStringLiteral("device rejected without errors"));
    return ok;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzzsupport::FuzzInput in(data, size);
    const QByteArray body = in.field();
    const QByteArray patchText = in.rest();

    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return 0;
    DeviceConfig device;
    if (!accept(doc.object(), &device))
        return 0;
    const QJsonObject json = devicejson::toJson(device);
    DeviceConfig again;
    ConfigErrors errors;
    FUZZ_CHECK(devicejson::fromJson(json, Mac, &again, &errors),
               QStringLiteral("our own device JSON is rejected: %1 in %2")
                   .arg(errors.isEmpty() ? QString() : errors.first().toString(), QString::fromUtf8(QJsonDocument(json).toJson())));
    FUZZ_CHECK(devicejson::toJson(again) == json, QStringLiteral("device changed in a JSON round trip: %1")
                                                      .arg(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))));

    const QJsonDocument patch = QJsonDocument::fromJson(patchText);
    if (patch.isObject()) {
        DeviceConfig patched;
        accept(devicejson::mergePatch(json, patch.object()), &patched);
    }
    return 0;
}
