// virt-fw-vars JSON v2 (a profile's `variables:` file, `metalboot efi apply --json`, firmware
// import of a .json): efi::variablesFromJson, the virt-fw-vars printers, and --set-json semantics
// applied to a small store.
//
// Invariants: what we read, we write back in virt-fw-vars' format and read again unchanged;
// applyVariables() on a store either serializes to an image that parses to the same variables, or
// refuses with a reason (overflow, per-variable limit).

#include "fuzzsupport.h"

#include "efi/blankimage.h"
#include "efi/varjson.h"
#include "efi/varprinter.h"
#include "efi/varstore.h"

namespace {

const efi::VarStore &blankStore()
{
    static const efi::VarStore store = [] {
        auto parsed = efi::VarStore::parse(efi::blankNvVolume());
        if (!parsed.ok())
            ::fuzzsupport::fail(__FILE__, __LINE__, "blank store", parsed.error());
        return parsed.value();
    }();
    return store;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto variables = efi::variablesFromJson(fuzzsupport::bytes(data, size));
    if (!variables.ok()) {
        FUZZ_CHECK(!variables.error().isEmpty(), QStringLiteral("rejected without a reason"));
        return 0;
    }
    (void)efi::printCompact(variables.value());
    (void)efi::printVerbose(variables.value(), true);
    for (const auto &v : variables.value())
        (void)efi::describeVariable(v);

    const QByteArray json = efi::variablesToJson(variables.value());
    const auto again = efi::variablesFromJson(json);
    FUZZ_CHECK(again.ok(), QStringLiteral("our own JSON does not read back: %1\n%2").arg(again.error(), QString::fromUtf8(json.left(2000))));
    FUZZ_CHECK(again.value() == variables.value(), QStringLiteral("variables changed in a JSON round trip:\n%1").arg(QString::fromUtf8(json.left(2000))));

    efi::VarStore store = blankStore();
    efi::applyVariables(store, variables.value());
    const auto image = store.serialize();
    if (!image.ok()) {
        FUZZ_CHECK(!image.error().isEmpty(), QStringLiteral("serialize refused without a reason"));
        return 0;
    }
    const auto reparsed = efi::VarStore::parse(image.value());
    FUZZ_CHECK(reparsed.ok(), QStringLiteral("our own image does not parse: %1").arg(reparsed.error()));
    FUZZ_CHECK(reparsed->variables() == store.variables(), QStringLiteral("store changed after serialize"));
    return 0;
}
