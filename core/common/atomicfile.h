#pragma once

#include <QByteArray>
#include <QString>

namespace atomicfile {

enum class Backup { None, KeepPrevious };

// Writes `data` to `path` through QSaveFile (temp file + fsync + rename): readers see the old or the
// new content, never a torn file. With Backup::KeepPrevious the previous file is first hard-linked
// (or copied) to `path + ".bak"`. `permissions` (e.g. 0600) is applied to the new file when > 0.
// Returns false and sets *error (English, for logs) on failure; the old file is then untouched.
bool write(const QString &path, const QByteArray &data, QString *error,
           Backup backup = Backup::None, int permissions = 0);

} // namespace atomicfile
