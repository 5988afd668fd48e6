// `metalboot import --netboot netboot.yaml --backend backend.yaml`: the seed system's files
// (metal3-community/metal-boot) merged into a lab. Input: one control byte (bit 0: backend.yaml
// instead of netboot.yaml), then the file.
//
// Invariants: on error the lab is left unchanged; on success the merged lab writes to YAML that
// loads without errors.

#include "fuzzsupport.h"

#include "config/labconfigloader.h"
#include "config/seedimport.h"

#include <QFile>
#include <QTemporaryDir>

namespace {

struct Work
{
    QTemporaryDir dir;
    LabConfig lab;
    QByteArray labYaml;
};

Work &work()
{
    static Work w = [] {
        Work x;
        // A lab with one switch, so power bindings of backend.yaml have somewhere to go.
        const QByteArray yaml = "switches:\n  rack1: {driver: simulated, ports: 8}\n"
                                "devices:\n  dc:a6:32:01:36:c2: {name: pi-01, serial: 9ffefdef}\n";
        auto loaded = LabConfigLoader::loadText(yaml, QStringLiteral("seed-lab.yaml"));
        if (!loaded.ok())
            ::fuzzsupport::fail(__FILE__, __LINE__, "seed lab", loaded.errorText());
        x.lab = loaded.config;
        x.labYaml = LabConfigWriter::toYaml(x.lab);
        return x;
    }();
    return w;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    Work &w = work();
    const QString path = w.dir.filePath(QStringLiteral("seed.yaml"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            ::fuzzsupport::fail(__FILE__, __LINE__, "write seed", f.errorString());
        f.write(reinterpret_cast<const char *>(data + 1), qint64(size - 1));
    }
    LabConfig lab = w.lab;
    QStringList notes;
    const ConfigErrors errors = (data[0] & 1) ? SeedImport::importBackendYaml(path, lab, &notes)
                                              : SeedImport::importNetbootYaml(path, lab, &notes);
    if (!errors.isEmpty()) {
        FUZZ_CHECK(LabConfigWriter::toYaml(lab) == w.labYaml, QStringLiteral("lab modified although the import failed"));
        return 0;
    }
    const QByteArray yaml = LabConfigWriter::toYaml(lab);
    const auto again = LabConfigLoader::loadText(yaml, QStringLiteral("merged.yaml"));
    FUZZ_CHECK(again.ok(), QStringLiteral("imported lab does not load: %1\n%2").arg(again.errorText(), QString::fromUtf8(yaml)));
    return 0;
}
