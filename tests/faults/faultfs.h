#pragma once

// File-system faults for tests: a private mount namespace for the test process, small tmpfs
// mounts that fill up, read-only remounts. Linux and root only; everything disappears with the
// process (the namespace is private), so nothing leaks onto the host even when a test crashes.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

namespace faultfs {

// Call first thing in main(), while the process is still single-threaded: every thread started
// later shares the new namespace. Returns why it failed (tests then QSKIP), or an empty string.
inline QString enterPrivateMountNamespace()
{
    if (::geteuid() != 0)
        return QStringLiteral("needs root (mount namespaces and tmpfs mounts)");
    if (::unshare(CLONE_NEWNS) != 0)
        return QStringLiteral("unshare(CLONE_NEWNS): %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return QStringLiteral("making / private: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

inline bool mountTmpfs(const QString &dir, int kib, QString *error)
{
    QDir().mkpath(dir);
    const QByteArray options = "size=" + QByteArray::number(kib) + "k,mode=0755";
    if (::mount("tmpfs", QFile::encodeName(dir).constData(), "tmpfs", MS_NOSUID | MS_NODEV, options.constData()) != 0) {
        *error = QStringLiteral("mount tmpfs on %1: %2").arg(dir, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

inline bool remount(const QString &dir, bool readOnly, int kib, QString *error)
{
    const QByteArray options = "size=" + QByteArray::number(kib) + "k";
    if (::mount("tmpfs", QFile::encodeName(dir).constData(), "tmpfs", MS_REMOUNT | MS_NOSUID | MS_NODEV | (readOnly ? MS_RDONLY : 0),
                options.constData())
        != 0) {
        *error = QStringLiteral("remount %1: %2").arg(dir, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

inline void unmount(const QString &dir)
{
    ::umount2(QFile::encodeName(dir).constData(), MNT_DETACH);
}

// Fills the file system holding `dir` with `dir/filler` until the kernel says ENOSPC, keeping
// `slack` bytes free in a separate file that is then deleted (so exactly that much room is left
// for a partial write). Returns the bytes written.
inline qint64 fill(const QString &dir, qint64 slack = 0)
{
    const QByteArray slackPath = QFile::encodeName(dir + QStringLiteral("/slack"));
    if (slack > 0) {
        const int fd = ::open(slackPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const QByteArray block(int(slack), 's');
        (void)!::write(fd, block.constData(), size_t(block.size()));
        ::close(fd);
    }
    const int fd = ::open(QFile::encodeName(dir + QStringLiteral("/filler")).constData(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    const QByteArray block(4096, 'f');
    qint64 total = 0;
    for (;;) {
        const ssize_t n = ::write(fd, block.constData(), size_t(block.size()));
        if (n <= 0)
            break;
        total += n;
    }
    ::fsync(fd);
    ::close(fd);
    if (slack > 0)
        ::unlink(slackPath.constData());
    return total;
}

inline void unfill(const QString &dir)
{
    ::unlink(QFile::encodeName(dir + QStringLiteral("/filler")).constData());
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace faultfs
