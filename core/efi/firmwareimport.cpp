#include "firmwareimport.h"

#include "common/atomicfile.h"
#include "common/logging.h"
#include "imagefile.h"
#include "varjson.h"
#include "varstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPromise>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace efi {

namespace {

const QString ImageName = QStringLiteral("RPI_EFI.fd");
const QString VariablesName = QStringLiteral("variables.json");
const QString BootDirName = QStringLiteral("boot");

ImportResult failure(ImportKind kind, const QString &error)
{
    ImportResult r;
    r.kind = kind;
    r.error = error;
    return r;
}

struct ArchiveDeleter
{
    void operator()(archive *a) const { archive_read_free(a); }
};

// Returns the cleaned relative path, or an empty string and *why when the name is unsafe.
QString sanitizeEntryPath(const QString &raw, int maxDepth, QString *why)
{
    QString path = raw;
    path.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (path.startsWith(QLatin1Char('/')) || (path.size() >= 2 && path.at(1) == QLatin1Char(':'))) {
        *why = QStringLiteral("absolute path");
        return {};
    }
    QStringList parts;
    for (const QString &part : path.split(QLatin1Char('/'))) {
        if (part.isEmpty() || part == QLatin1String("."))
            continue;
        if (part == QLatin1String("..")) {
            *why = QStringLiteral("'..' in path");
            return {};
        }
        if (part.size() > 255) {
            *why = QStringLiteral("name longer than 255 characters");
            return {};
        }
        for (const QChar c : part)
            if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
                *why = QStringLiteral("control character in name");
                return {};
            }
        parts.append(part);
    }
    if (parts.isEmpty()) {
        *why = QStringLiteral("empty path");
        return {};
    }
    if (parts.size() > maxDepth) {
        *why = QStringLiteral("nested deeper than %1 directories").arg(maxDepth);
        return {};
    }
    return parts.join(QLatin1Char('/'));
}

QString entryName(archive_entry *entry)
{
    if (const char *utf8 = archive_entry_pathname_utf8(entry))
        return QString::fromUtf8(utf8);
    if (const char *local = archive_entry_pathname(entry))
        return QString::fromLocal8Bit(local);
    return {};
}

// Finds RPI_EFI.fd at the root of `dir`, or inside a single top-level directory.
QString findImage(const QString &dir, QString *root)
{
    QDir d(dir);
    for (int level = 0; level < 2; ++level) {
        const auto files = d.entryInfoList(QDir::Files | QDir::Hidden);
        for (const QFileInfo &f : files)
            if (f.fileName().compare(ImageName, Qt::CaseInsensitive) == 0) {
                *root = d.absolutePath();
                return f.absoluteFilePath();
            }
        const auto dirs = d.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        if (!files.isEmpty() || dirs.size() != 1)
            break;
        if (!d.cd(dirs.first()))
            break;
    }
    return {};
}

bool swapDirectory(const QString &built, const QString &target, QString *error)
{
    const QString parked = QFileInfo(target).absolutePath() + QStringLiteral("/.old-") + QFileInfo(target).fileName() + QLatin1Char('-')
        + QUuid::createUuid().toString(QUuid::Id128).left(8);
    const bool hadOld = QFileInfo::exists(target);
    if (hadOld && !QDir().rename(target, parked)) {
        *error = QStringLiteral("cannot move the old %1 aside").arg(target);
        return false;
    }
    if (!QDir().rename(built, target)) {
        if (hadOld)
            QDir().rename(parked, target);
        *error = QStringLiteral("cannot move the new profile into %1").arg(target);
        return false;
    }
    if (hadOld)
        QDir(parked).removeRecursively();
    return true;
}

ImportResult importRelease(const QString &source, const QString &profilesDir, const QString &id, const ImportLimits &limits,
                           const ImportProgress &progress, qint64 sourceSize)
{
    const ImportKind kind = ImportKind::Release;
    if (!QDir().mkpath(profilesDir))
        return failure(kind, QStringLiteral("cannot create %1").arg(profilesDir));
    QTemporaryDir work(profilesDir + QStringLiteral("/.import-") + id + QStringLiteral("-XXXXXX"));
    if (!work.isValid())
        return failure(kind, QStringLiteral("cannot create a work directory in %1: %2").arg(profilesDir, work.errorString()));
    const QString extractRoot = work.path() + QStringLiteral("/extract");
    QDir().mkpath(extractRoot);

    std::unique_ptr<archive, ArchiveDeleter> a(archive_read_new());
    archive_read_support_format_zip(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_filter_gzip(a.get());
    archive_read_support_filter_xz(a.get());
    if (archive_read_open_filename(a.get(), QFile::encodeName(source).constData(), 64 * 1024) != ARCHIVE_OK)
        return failure(kind, QStringLiteral("%1: not a readable archive: %2").arg(source, QString::fromUtf8(archive_error_string(a.get()))));

    ImportResult result;
    result.kind = kind;
    int entries = 0;
    qint64 total = 0;
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    archive_entry *entry = nullptr;
    int rc;
    while ((rc = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK) {
        if (++entries > limits.maxEntries)
            return failure(kind, QStringLiteral("the archive has more than %1 entries").arg(limits.maxEntries));
        const QString raw = entryName(entry);
        QString why;
        const QString rel = sanitizeEntryPath(raw, limits.maxDepth, &why);
        if (rel.isEmpty())
            return failure(kind, QStringLiteral("unsafe archive entry '%1': %2").arg(raw.left(200), why));
        const auto type = archive_entry_filetype(entry);
        if (archive_entry_hardlink(entry) || type == AE_IFLNK)
            return failure(kind, QStringLiteral("archive entry '%1' is a link; links are not accepted").arg(rel));
        if (archive_entry_is_encrypted(entry))
            return failure(kind, QStringLiteral("archive entry '%1' is encrypted").arg(rel));
        const QString dest = extractRoot + QLatin1Char('/') + rel;
        if (type == AE_IFDIR) {
            if (QFileInfo(dest).isFile() || !QDir().mkpath(dest))
                return failure(kind, QStringLiteral("cannot create directory '%1'").arg(rel));
            continue;
        }
        if (type != AE_IFREG)
            return failure(kind, QStringLiteral("archive entry '%1' is not a regular file or directory").arg(rel));
        if (QFileInfo::exists(dest))
            return failure(kind, QStringLiteral("archive entry '%1' appears twice").arg(rel));
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > limits.maxEntryBytes)
            return failure(kind, QStringLiteral("archive entry '%1' is larger than %2 bytes").arg(rel).arg(limits.maxEntryBytes));
        if (!QDir().mkpath(QFileInfo(dest).absolutePath()) || QFileInfo(QFileInfo(dest).absolutePath()).isFile())
            return failure(kind, QStringLiteral("cannot create the directory of '%1'").arg(rel));
        QFile out(dest);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return failure(kind, QStringLiteral("cannot write '%1': %2").arg(rel, out.errorString()));
        qint64 written = 0;
        for (;;) {
            const la_ssize_t n = archive_read_data(a.get(), buffer.data(), size_t(buffer.size()));
            if (n < 0)
                return failure(kind, QStringLiteral("cannot extract '%1': %2").arg(rel, QString::fromUtf8(archive_error_string(a.get()))));
            if (n == 0)
                break;
            written += n;
            total += n;
            if (written > limits.maxEntryBytes)
                return failure(kind, QStringLiteral("archive entry '%1' is larger than %2 bytes").arg(rel).arg(limits.maxEntryBytes));
            if (total > limits.maxTotalBytes)
                return failure(kind, QStringLiteral("the archive expands to more than %1 bytes").arg(limits.maxTotalBytes));
            if (out.write(buffer.constData(), n) != n)
                return failure(kind, QStringLiteral("cannot write '%1': %2").arg(rel, out.errorString()));
        }
        // QFile buffers small writes: a full disk shows up only here, not in write().
        if (!out.flush())
            return failure(kind, QStringLiteral("cannot write '%1': %2").arg(rel, out.errorString()));
        out.close();
        result.files.append(rel);
        if (progress && !progress(qMin<qint64>(archive_filter_bytes(a.get(), -1), sourceSize), sourceSize))
            return failure(kind, QStringLiteral("import cancelled"));
    }
    if (rc != ARCHIVE_EOF)
        return failure(kind, QStringLiteral("%1: %2").arg(source, QString::fromUtf8(archive_error_string(a.get()))));
    result.bytes = total;

    QString root;
    const QString image = findImage(extractRoot, &root);
    if (image.isEmpty())
        return failure(kind, QStringLiteral("the archive has no RPI_EFI.fd (is it a pftf RPi4 release?)"));
    auto data = readFileCapped(image, MaxImageBytes);
    if (!data.ok())
        return failure(kind, data.error());
    auto store = VarStore::parse(data.value());
    if (!store.ok())
        return failure(kind, QStringLiteral("the archive's RPI_EFI.fd is not a usable firmware image: %1").arg(store.error()));
    result.layout = store->layout().kind;
    result.variables = int(store->variables().size());

    // Assemble: <work>/profile/RPI_EFI.fd and <work>/profile/boot/<the rest>.
    const QString built = work.path() + QStringLiteral("/profile");
    QDir().mkpath(built);
    if (!QDir().rename(image, built + QLatin1Char('/') + ImageName) || !QDir().rename(root, built + QLatin1Char('/') + BootDirName))
        return failure(kind, QStringLiteral("cannot assemble the profile in %1").arg(work.path()));
    const QString target = profilesDir + QLatin1Char('/') + id;
    const QString oldVariables = target + QLatin1Char('/') + VariablesName;
    const bool keepVariables = QFileInfo::exists(oldVariables);
    if (keepVariables && !QFile::copy(oldVariables, built + QLatin1Char('/') + VariablesName))
        return failure(kind, QStringLiteral("cannot carry %1 over to the new profile").arg(oldVariables));
    QString error;
    if (!swapDirectory(built, target, &error))
        return failure(kind, error);

    result.profile.id = id;
    result.profile.baseImage = target + QLatin1Char('/') + ImageName;
    result.profile.bootFilesDir = target + QLatin1Char('/') + BootDirName;
    if (keepVariables)
        result.profile.variablesJson = oldVariables;
    const QString prefix = QDir(extractRoot).relativeFilePath(root);
    QStringList files;
    for (const QString &f : std::as_const(result.files)) {
        QString inRoot = f;
        if (prefix != QLatin1String(".")) {
            if (!f.startsWith(prefix + QLatin1Char('/')))
                continue;       // outside the single top-level folder: nothing else can exist
            inRoot = f.mid(prefix.size() + 1);
        }
        files.append(inRoot.compare(ImageName, Qt::CaseInsensitive) == 0 ? ImageName : BootDirName + QLatin1Char('/') + inRoot);
    }
    result.files = files;
    if (progress)
        progress(sourceSize, sourceSize);
    qCInfo(lcEfi).noquote() << "imported release" << QFileInfo(source).fileName() << "into profile" << id << ":" << result.files.size()
                            << "files," << result.bytes << "bytes," << result.layout;
    return result;
}

} // namespace

bool isValidProfileId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    return re.match(id).hasMatch();
}

ImportResult importFirmware(const QString &source, const QString &profilesDir, const QString &profileId, const ImportLimits &limits,
                            const ImportProgress &progress)
{
    if (!isValidProfileId(profileId))
        return failure(ImportKind::Image, QStringLiteral("'%1' is not a valid profile id (letters, digits, '.', '_', '-')").arg(profileId.left(64)));
    const QFileInfo info(source);
    if (!info.isFile())
        return failure(ImportKind::Image, QStringLiteral("%1: no such file").arg(source));
    if (info.size() > limits.maxSourceBytes)
        return failure(ImportKind::Image, QStringLiteral("%1 is larger than %2 bytes").arg(source).arg(limits.maxSourceBytes));
    QFile f(source);
    if (!f.open(QIODevice::ReadOnly))
        return failure(ImportKind::Image, QStringLiteral("%1: %2").arg(source, f.errorString()));
    const QByteArray head = f.peek(512);
    f.close();

    if (head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06") || head.startsWith("\x1f\x8b") || head.startsWith("\xfd" "7zXZ")
        || (head.size() >= 262 && head.mid(257, 5) == "ustar"))
        return importRelease(source, profilesDir, profileId, limits, progress, info.size());

    const QString dir = profilesDir + QLatin1Char('/') + profileId;
    ImportResult result;
    if (head.trimmed().startsWith('{')) {
        result.kind = ImportKind::Json;
        auto text = readFileCapped(source, MaxJsonBytes);
        if (!text.ok())
            return failure(result.kind, text.error());
        auto variables = variablesFromJson(text.value());
        if (!variables.ok())
            return failure(result.kind, QStringLiteral("%1: %2").arg(source, variables.error()));
        QString error;
        if (!atomicfile::write(dir + QLatin1Char('/') + VariablesName, text.value(), &error))
            return failure(result.kind, error);
        result.variables = int(variables->size());
        result.bytes = text->size();
        result.files = QStringList{VariablesName};
        result.profile.id = profileId;
        result.profile.variablesJson = dir + QLatin1Char('/') + VariablesName;
    } else {
        result.kind = ImportKind::Image;
        auto data = readFileCapped(source, MaxImageBytes);
        if (!data.ok())
            return failure(result.kind, data.error());
        auto store = VarStore::parse(data.value());
        if (!store.ok())
            return failure(result.kind, QStringLiteral("%1 is not a usable firmware image: %2").arg(source, store.error()));
        QString error;
        if (!atomicfile::write(dir + QLatin1Char('/') + ImageName, data.value(), &error))
            return failure(result.kind, error);
        result.layout = store->layout().kind;
        result.variables = int(store->variables().size());
        result.bytes = data->size();
        result.files = QStringList{ImageName};
        result.profile.id = profileId;
        result.profile.baseImage = dir + QLatin1Char('/') + ImageName;
    }
    if (progress)
        progress(info.size(), info.size());
    qCInfo(lcEfi).noquote() << "imported" << QFileInfo(source).fileName() << "into profile" << profileId;
    return result;
}

QFuture<ImportResult> importFirmwareAsync(const QString &source, const QString &profilesDir, const QString &profileId,
                                          const ImportLimits &limits)
{
    return QtConcurrent::run([source, profilesDir, profileId, limits](QPromise<ImportResult> &promise) {
        promise.setProgressRange(0, 1000);
        const auto progress = [&promise](qint64 done, qint64 total) {
            promise.setProgressValue(total > 0 ? int(qMin<qint64>(1000, done * 1000 / total)) : 0);
            return !promise.isCanceled();
        };
        promise.addResult(importFirmware(source, profilesDir, profileId, limits, progress));
    });
}

} // namespace efi
