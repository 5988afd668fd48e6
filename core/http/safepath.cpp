#include "safepath.h"

#include <QFileInfo>
#include <QStringList>

namespace {

safepath::Resolution refuse(int status, const QString &reason)
{
    safepath::Resolution r;
    r.status = status;
    r.reason = reason;
    return r;
}

} // namespace

namespace safepath {

QString canonicalRoot(const QString &directory)
{
    if (directory.isEmpty())
        return {};
    const QFileInfo info(directory);
    return info.isDir() ? info.canonicalFilePath() : QString();
}

Resolution resolve(const QString &root, const QString &requestPath)
{
    if (requestPath.size() > MaxPathLength)
        return refuse(414, QStringLiteral("path too long"));
    for (const QChar c : requestPath) {
        if (c.unicode() == 0)
            return refuse(400, QStringLiteral("NUL in path"));
        if (c == QLatin1Char('\\'))
            return refuse(400, QStringLiteral("backslash in path"));
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0))
            return refuse(400, QStringLiteral("control character in path"));
    }
    if (!requestPath.startsWith(QLatin1Char('/')))
        return refuse(400, QStringLiteral("path is not absolute"));
    const QStringList segments = requestPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &s : segments) {
        if (s == QLatin1String(".") || s == QLatin1String(".."))
            return refuse(400, QStringLiteral("dot segment in path"));
        if (s.startsWith(QLatin1Char('.')))
            return refuse(403, QStringLiteral("hidden file"));
        if (s.size() > MaxSegmentLength)
            return refuse(414, QStringLiteral("path segment too long"));
    }
    if (root.isEmpty())
        return refuse(404, QStringLiteral("no root directory"));
    if (segments.isEmpty())
        return refuse(404, QStringLiteral("directory listing is not offered"));
    const QString prefix = root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/');
    const QString canonical = QFileInfo(prefix + segments.join(QLatin1Char('/'))).canonicalFilePath();
    if (canonical.isEmpty())
        return refuse(404, QStringLiteral("no such file"));
    if (!canonical.startsWith(prefix))
        return refuse(403, QStringLiteral("resolves outside the root"));
    const QFileInfo target(canonical);
    if (!target.isFile())
        return refuse(404, QStringLiteral("not a regular file"));
    if (!target.isReadable())
        return refuse(403, QStringLiteral("not readable"));
    Resolution r;
    r.filePath = canonical;
    return r;
}

} // namespace safepath
