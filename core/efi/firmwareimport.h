#pragma once

#include "config/labconfig.h"

#include <QFuture>
#include <QString>
#include <QStringList>

#include <functional>

// Importing firmware into a profile directory (<data>/profiles/<id>/): a raw image (.fd), a
// virt-fw-vars JSON file, or a pftf release archive (.zip with RPI_EFI.fd, start4.elf,
// fixup4.dat, dtbs, overlays, config.txt). Everything is validated before it lands; archives
// are read with libarchive under size, count and path limits (no absolute paths, no "..", no
// links or devices). A release replaces the profile directory atomically (built next to it,
// then renamed); an image or JSON replaces its one file atomically. This is what the GUI's
// drag-and-drop calls, off the engine thread, through importFirmwareAsync().
namespace efi {

struct ImportLimits
{
    qint64 maxSourceBytes = 512LL << 20;    // the dropped file
    qint64 maxEntryBytes = 128LL << 20;     // one extracted file
    qint64 maxTotalBytes = 256LL << 20;     // all extracted files
    int maxEntries = 4096;
    int maxDepth = 8;
};

enum class ImportKind { Image, Json, Release };

struct ImportResult
{
    QString error;                 // empty on success
    ImportKind kind = ImportKind::Image;
    ProfileConfig profile;         // id plus the paths that were written (base image, variables, boot files)
    QStringList files;             // written, relative to the profile directory
    qint64 bytes = 0;
    QString layout;                // the imported image's store layout ("pftf RPi4 v1.5-v1.38", ...)
    int variables = 0;             // live variables in the imported image or JSON

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

// done/total in bytes of the source read so far; return false to cancel.
using ImportProgress = std::function<bool(qint64 done, qint64 total)>;

bool isValidProfileId(const QString &id);

ImportResult importFirmware(const QString &source, const QString &profilesDir, const QString &profileId,
                            const ImportLimits &limits = {}, const ImportProgress &progress = {});
// Runs importFirmware() on the global thread pool; progress is reported as 0..1000 through
// the future (QFutureWatcher::progressValueChanged) and cancel() stops it cleanly.
QFuture<ImportResult> importFirmwareAsync(const QString &source, const QString &profilesDir, const QString &profileId,
                                          const ImportLimits &limits = {});

} // namespace efi
