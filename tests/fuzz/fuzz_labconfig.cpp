// lab.yaml (the user's file, edits picked up live by ConfigWatcher, `--check-config`):
// LabConfigLoader::loadText with every section parser and the cross-checks.
//
// Invariants: every error is located (file name set); an accepted configuration is written by
// LabConfigWriter to YAML that loads without errors and writes back identically (what the GUI/API
// saves must load at the next start).

#include "fuzzsupport.h"

#include "config/labconfigloader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString file = QStringLiteral("/fuzz/lab.yaml");
    const auto loaded = LabConfigLoader::loadText(fuzzsupport::bytes(data, size), file);
    if (!loaded.ok()) {
        for (const auto &e : loaded.errors)
            FUZZ_CHECK(!e.message.isEmpty() && e.file == file, QStringLiteral("error without a message or file: %1").arg(e.toString()));
        (void)loaded.errorText();
        return 0;
    }
    const QByteArray yaml = LabConfigWriter::toYaml(loaded.config);
    const auto again = LabConfigLoader::loadText(yaml, file);
    FUZZ_CHECK(again.ok(), QStringLiteral("our own lab.yaml does not load: %1\n---\n%2").arg(again.errorText(), QString::fromUtf8(yaml)));
    FUZZ_CHECK(LabConfigWriter::toYaml(again.config) == yaml,
               QStringLiteral("lab.yaml changed in a write/load/write cycle:\n%1\n---\n%2")
                   .arg(QString::fromUtf8(yaml), QString::fromUtf8(LabConfigWriter::toYaml(again.config))));
    return 0;
}
