#include "imagefile.h"

#include "common/atomicfile.h"

#include <QFile>
#include <QFileInfo>

namespace efi {

Result<QByteArray> readFileCapped(const QString &path, qint64 maxBytes)
{
    QFile f(path);
    if (!QFileInfo(path).isFile())
        return Result<QByteArray>::failure(QStringLiteral("%1: no such file").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(QStringLiteral("%1: %2").arg(path, f.errorString()));
    if (f.size() > maxBytes)
        return Result<QByteArray>::failure(QStringLiteral("%1: %2 bytes is more than the %3 accepted").arg(path).arg(f.size()).arg(maxBytes));
    QByteArray data = f.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return Result<QByteArray>::failure(QStringLiteral("%1: larger than the %2 bytes accepted").arg(path).arg(maxBytes));
    if (f.error() != QFile::NoError)
        return Result<QByteArray>::failure(QStringLiteral("%1: %2").arg(path, f.errorString()));
    return data;
}

Result<bool> writeFileAtomically(const QString &path, const QByteArray &data)
{
    QString error;
    if (!atomicfile::write(path, data, &error))
        return Result<bool>::failure(error);
    return true;
}

} // namespace efi
