// EDK2 firmware images and variable stores: what the firmware import, a profile's base image and
// Redfish UpdateService (an image downloaded from a URL the client names) feed to the engine.
// Input: one control byte (which boot override to render), then the image.
//
// Runs what the engine does with an image: locate + parse, list records, boot entries and Pi
// settings, print (virt-fw-vars formats), export JSON, then render a device on a copy (its PXE
// entry, BootNext from the override, a Pi setting) and serialize.
// Invariants: serialize() output parses again to exactly the variables it was built from; the JSON
// export reads back to the same names, GUIDs, attributes and data.

#include "fuzzsupport.h"

#include "efi/bootentries.h"
#include "efi/firmwarerender.h"
#include "efi/pisettings.h"
#include "efi/varjson.h"
#include "efi/varprinter.h"
#include "efi/varstore.h"

namespace {

QString names(const QList<efi::Variable> &vars)
{
    QStringList n;
    for (const auto &v : vars)
        n.append(v.name + QLatin1Char('/') + v.guid.toString(QUuid::WithoutBraces));
    return n.join(QLatin1Char(' '));
}

bool sameContent(const QList<efi::Variable> &a, const QList<efi::Variable> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a.at(i).name != b.at(i).name || a.at(i).guid != b.at(i).guid || a.at(i).attributes != b.at(i).attributes
            || a.at(i).data != b.at(i).data)
            return false;
    return true;
}

void checkSerialized(const efi::VarStore &store, const char *what)
{
    const auto image = store.serialize();
    if (!image.ok()) {
        FUZZ_CHECK(!image.error().isEmpty(), QStringLiteral("%1: serialize failed without a reason").arg(QLatin1String(what)));
        return;
    }
    FUZZ_CHECK(image->size() == store.image().size(), QStringLiteral("%1: image size changed").arg(QLatin1String(what)));
    const auto again = efi::VarStore::parse(image.value());
    FUZZ_CHECK(again.ok(), QStringLiteral("%1: our own image does not parse: %2").arg(QLatin1String(what), again.error()));
    FUZZ_CHECK(again->variables() == store.variables(),
               QStringLiteral("%1: variables changed: %2 -> %3").arg(QLatin1String(what), names(store.variables()), names(again->variables())));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const quint8 control = data[0];
    const auto parsed = efi::VarStore::parse(fuzzsupport::bytes(data + 1, size - 1));
    if (!parsed.ok()) {
        FUZZ_CHECK(!parsed.error().isEmpty(), QStringLiteral("rejected without a reason"));
        return 0;
    }
    const efi::VarStore &store = parsed.value();
    FUZZ_CHECK(store.recordEnd() <= store.layout().variablesEnd(), QStringLiteral("records past the store end"));
    (void)store.usedBytes();
    (void)store.capacity();
    (void)efi::bootOrder(store);
    (void)efi::bootNext(store);
    (void)efi::bootCurrent(store);
    (void)efi::timeout(store);
    (void)efi::freeBootNumber(store);
    const auto entries = efi::bootEntries(store);
    for (const efi::LoadOption &option : entries) {
        (void)efi::bootKind(option);
        (void)efi::bootEntryMac(option);
        (void)option.devicePath().toText();
        (void)option.virtText();
    }
    (void)efi::readPiSettings(store);
    (void)efi::printCompact(store.variables());
    (void)efi::printVerbose(store.variables(), control & 0x80);

    const QByteArray json = efi::variablesToJson(store.variables());
    const auto fromJson = efi::variablesFromJson(json);
    FUZZ_CHECK(fromJson.ok(), QStringLiteral("our own JSON export does not read back: %1").arg(fromJson.error()));
    // Later duplicates of a (name, GUID) replace earlier ones; a parsed store has none.
    FUZZ_CHECK(sameContent(fromJson.value(), store.variables()), QStringLiteral("JSON round trip changed variables"));

    checkSerialized(store, "unchanged store");

    // Render a device on a copy, as FirmwareService does for every netbooting Pi.
    efi::VarStore copy = store;
    efi::DeviceOverrides o;
    o.mac = MacAddress({0xdc, 0xa6, 0x32, 0x01, 0x36, 0xc2});
    o.pxeEntry = !(control & 0x40);
    o.boot.target = BootOverride::Target(control % 7);
    o.boot.enabled = (control & 0x08) ? BootOverride::Enabled::Continuous : BootOverride::Enabled::Once;
    o.boot.httpBootUri = QStringLiteral("http://10.77.0.1:8080/boot/arm64.efi");
    if (control & 0x20)
        o.settings.insert(QStringLiteral("CpuClock"), QStringLiteral("2"));
    const auto rendered = efi::applyDeviceOverrides(copy, o);
    if (rendered.ok())
        checkSerialized(copy, "rendered store");
    return 0;
}
