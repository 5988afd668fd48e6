// Firmware import (the GUI's drag-and-drop, `metalboot efi import`): a dropped file that may be a
// pftf release archive (.zip / .tar[.gz|.xz], read with libarchive), a virt-fw-vars JSON file or a
// raw image. The input is written to a file and imported into a scratch profiles directory with
// small limits (so size and count limits are reachable).
//
// Invariants: a failed import says why and leaves no profile and no stray files; a successful one
// produces only regular files and directories inside the profile directory (no links, nothing
// outside), each file it reports exists, and its RPI_EFI.fd parses.

#include "fuzzsupport.h"

#include "efi/firmwareimport.h"
#include "efi/varstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace {

struct Work
{
    QTemporaryDir dir;
    QString source;
    QString profiles;
    efi::ImportLimits limits;
};

Work &work()
{
    static Work w = [] {
        Work x;
        x.source = x.dir.filePath(QStringLiteral("dropped"));
        x.profiles = x.dir.filePath(QStringLiteral("profiles"));
        x.limits.maxSourceBytes = 1 << 20;
        x.limits.maxEntryBytes = 256 << 10;
        x.limits.maxTotalBytes = 1 << 20;
        x.limits.maxEntries = 64;
        x.limits.maxDepth = 4;
        return x;
    }();
    return w;
}

void checkTree(const QString &root, const QString &profiles)
{
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        FUZZ_CHECK(!info.isSymLink() && (info.isFile() || info.isDir()),
                   QStringLiteral("import produced a link or special file: %1").arg(info.filePath()));
        FUZZ_CHECK(info.absoluteFilePath().startsWith(profiles + QLatin1Char('/')),
                   QStringLiteral("import wrote outside the profiles directory: %1").arg(info.absoluteFilePath()));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Work &w = work();
    {
        QFile f(w.source);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            ::fuzzsupport::fail(__FILE__, __LINE__, "write source", f.errorString());
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    QDir(w.profiles).removeRecursively();
    const efi::ImportResult r = efi::importFirmware(w.source, w.profiles, QStringLiteral("fuzz"), w.limits);
    const QStringList top = QDir(w.dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    FUZZ_CHECK(top.size() <= 2 && top.contains(QStringLiteral("dropped")),
               QStringLiteral("stray files next to the profiles directory: %1").arg(top.join(QLatin1Char(' '))));
    if (!r.ok()) {
        FUZZ_CHECK(!QFileInfo::exists(w.profiles + QStringLiteral("/fuzz")), QStringLiteral("failed import left a profile: %1").arg(r.error));
        const QStringList left = QDir(w.profiles).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        FUZZ_CHECK(left.isEmpty(), QStringLiteral("failed import left files: %1 (%2)").arg(left.join(QLatin1Char(' ')), r.error));
        return 0;
    }
    const QString profile = QDir(w.profiles + QStringLiteral("/fuzz")).canonicalPath();
    checkTree(profile, QDir(w.profiles).canonicalPath());
    for (const QString &f : r.files)
        FUZZ_CHECK(QFileInfo(profile + QLatin1Char('/') + f).isFile(), QStringLiteral("reported file missing: %1").arg(f));
    if (!r.profile.baseImage.isEmpty()) {
        QFile image(r.profile.baseImage);
        FUZZ_CHECK(image.open(QIODevice::ReadOnly), QStringLiteral("imported image unreadable"));
        FUZZ_CHECK(efi::VarStore::parse(image.readAll()).ok(), QStringLiteral("imported image does not parse"));
    }
    return 0;
}
