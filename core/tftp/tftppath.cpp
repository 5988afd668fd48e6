#include "tftppath.h"

#include <QStringDecoder>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef Q_OS_LINUX
#include <linux/openat2.h>
#include <sys/syscall.h>
#endif

namespace tftp {

namespace {

PathCheck refuse(const QString &why, ErrorCode code = ErrorCode::AccessViolation)
{
    PathCheck c;
    c.code = code;
    c.error = why;
    return c;
}

bool isInside(const QString &path, const QString &root)
{
    if (root.isEmpty())
        return false;
    if (root == QLatin1String("/"))
        return path.startsWith(QLatin1Char('/'));
    return path.size() > root.size() && path.startsWith(root) && path.at(root.size()) == QLatin1Char('/');
}

QString realPath(const QString &path)
{
    char buf[PATH_MAX];
    const QByteArray native = path.toUtf8();
    if (!::realpath(native.constData(), buf))
        return {};
    return QString::fromUtf8(buf);
}

} // namespace

PathCheck sanitizePath(const QByteArray &raw, int maxLength)
{
    if (raw.isEmpty())
        return refuse(QStringLiteral("empty file name"));
    if (raw.size() > maxLength)
        return refuse(QStringLiteral("file name longer than %1 bytes").arg(maxLength));
    for (char c : raw) {
        const auto b = quint8(c);
        if (b == 0)
            return refuse(QStringLiteral("NUL in file name"));
        if (b < 0x20 || b == 0x7f)
            return refuse(QStringLiteral("control character in file name"));
        if (c == '\\')
            return refuse(QStringLiteral("backslash in file name"));
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(raw);
    if (decoder.hasError())
        return refuse(QStringLiteral("file name is not valid UTF-8"));
    if (text.startsWith(QLatin1Char('/')))
        return refuse(QStringLiteral("absolute path"));
    QStringList parts;
    const auto pieces = text.split(QLatin1Char('/'));
    for (const QString &p : pieces) {
        if (p.isEmpty() || p == QLatin1String("."))
            continue;
        if (p == QLatin1String(".."))
            return refuse(QStringLiteral("'..' in file name"));
        if (p.toUtf8().size() > NAME_MAX)
            return refuse(QStringLiteral("path component too long"));
        parts.append(p);
    }
    if (parts.isEmpty())
        return refuse(QStringLiteral("no file name"));
    PathCheck ok;
    ok.ok = true;
    ok.path = parts.join(QLatin1Char('/'));
    return ok;
}

QString canonicalDir(const QString &dir)
{
    if (dir.isEmpty())
        return {};
    QString real = realPath(dir);
    if (real.isEmpty())
        return {};
    struct stat st;
    if (::stat(real.toUtf8().constData(), &st) != 0 || !S_ISDIR(st.st_mode))
        return {};
    return real;
}

LookupResult lookup(const QString &dir, const QString &relative, const QStringList &allowedRoots)
{
    LookupResult r;
    if (dir.isEmpty() || relative.isEmpty())
        return r;
    const QString real = realPath(dir + QLatin1Char('/') + relative);
    if (real.isEmpty())
        return r;   // missing, or a dangling symlink somewhere on the way
    QString root;
    for (const QString &candidate : allowedRoots) {
        if (isInside(real, candidate)) {
            root = candidate;
            break;
        }
    }
    if (root.isEmpty()) {
        r.status = LookupStatus::Outside;
        return r;
    }
    struct stat st;
    if (::stat(real.toUtf8().constData(), &st) != 0)
        return r;
    if (!S_ISREG(st.st_mode)) {
        r.status = LookupStatus::NotRegular;
        return r;
    }
    r.status = LookupStatus::Found;
    r.canonicalPath = real;
    r.root = root;
    r.size = qint64(st.st_size);
    return r;
}

int openFile(const LookupResult &found, QString *error)
{
    if (found.status != LookupStatus::Found || !isInside(found.canonicalPath, found.root)) {
        *error = QStringLiteral("not a served file");
        return -1;
    }
    int fd = -1;
#ifdef Q_OS_LINUX
    const int rootFd = ::open(found.root.toUtf8().constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (rootFd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    const QByteArray rel = (found.root == QLatin1String("/") ? found.canonicalPath.mid(1)
                                                             : found.canonicalPath.mid(found.root.size() + 1)).toUtf8();
    struct open_how how;
    std::memset(&how, 0, sizeof how);
    how.flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    fd = int(::syscall(SYS_openat2, rootFd, rel.constData(), &how, sizeof how));
    const int openErrno = errno;
    ::close(rootFd);
    if (fd < 0 && openErrno != ENOSYS) {
        *error = QString::fromLocal8Bit(std::strerror(openErrno));
        return -1;
    }
#endif
    if (fd < 0)   // no openat2: the canonical path has no symlinks left, refuse any that appear
        fd = ::open(found.canonicalPath.toUtf8().constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        *error = QStringLiteral("not a regular file");
        return -1;
    }
    return fd;
}

} // namespace tftp
