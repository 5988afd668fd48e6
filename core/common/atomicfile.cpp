#include "atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>

namespace atomicfile {

// QSaveFile buffers small writes, and Qt 6.4's commit() does not notice when flushing that
// buffer fails (disk full): it renames the short temporary file over the original. So every
// byte is flushed, and checked, before commit() is called.
static bool writeAll(QSaveFile &file, const QByteArray &data, QString *why)
{
    if (file.write(data) == data.size() && file.flush())
        return true;
    *why = file.errorString();   // before cancelWriting() replaces it
    file.cancelWriting();
    return false;
}

static bool makeBackup(const QString &path, QString *error)
{
    if (!QFileInfo::exists(path))
        return true;
    const QString bak = path + QStringLiteral(".bak");
    // Write the backup atomically as well, so a crash never leaves a half .bak either.
    QFile current(path);
    if (!current.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1 for backup: %2").arg(path, current.errorString());
        return false;
    }
    QSaveFile backup(bak);
    if (!backup.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(bak, backup.errorString());
        return false;
    }
    const QByteArray content = current.readAll();
    QString why;
    if (!writeAll(backup, content, &why) || !backup.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(bak, why.isEmpty() ? backup.errorString() : why);
        return false;
    }
    return true;
}

bool write(const QString &path, const QByteArray &data, QString *error, Backup backup, int permissions)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create directory %1").arg(info.absolutePath());
        return false;
    }
    if (backup == Backup::KeepPrevious && !makeBackup(path, error))
        return false;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot open %1 for writing: %2").arg(path, file.errorString());
        return false;
    }
    if (permissions > 0) {
        // QSaveFile writes to a temporary file in the same directory; restrict it before any
        // secret byte lands in it.
        ::fchmod(file.handle(), mode_t(permissions));
    }
    QString why;
    if (!writeAll(file, data, &why)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, why);
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("cannot commit %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace atomicfile
