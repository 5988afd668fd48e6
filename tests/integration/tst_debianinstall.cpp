// Install test: the .deb built by the ctest fixture `package_deb` goes into a clean Debian 12
// root the way a user installs it — `apt-get install ./metalboot_<v>_<arch>.deb` resolving its
// dependencies — then the binary runs from there: --version, the headless service as the unit
// runs it, the desktop user's binary with file capabilities, the GUI with the QML modules the
// package depends on, and finally `apt-get remove --purge` must leave nothing behind.
//
// The Debian root is made once with `debootstrap --variant=minbase bookworm` from the machine's
// configured apt mirror and cached (with every downloaded .deb) under the build directory
// (METALBOOT_DEBIAN_ROOT_CACHE overrides). Every run works on a throw-away overlay of it on a
// tmpfs, inside one `unshare --mount --net --pid` holder process: the overlay, /proc and the
// loopback-only network namespace exist only inside it, and killing that one process (by pid,
// also when the test crashes: PR_SET_PDEATHSIG) removes all mounts and processes the test made.
// Downloads (only what the cache lacks) run in the host's network namespace; installing and
// running the package happen in the isolated one.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    qint64 ms = 0;
    [[nodiscard]] bool ok() const { return exitCode == 0; }
    [[nodiscard]] QString all() const { return out + err; }
    [[nodiscard]] QByteArray tail(int lines = 40) const
    {
        const QStringList l = all().split(QLatin1Char('\n'));
        return l.mid(qMax(0, int(l.size()) - lines)).join(QLatin1Char('\n')).toLocal8Bit();
    }
};

// A child that dies with the test process, however the test ends.
void dieWithParent(QProcess &p)
{
    p.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

Run run(const QString &program, const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    dieWithParent(p);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = QStringLiteral("cannot start %1: %2").arg(program, p.errorString());
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("%1 %2: timed out after %3 s\n").arg(program, args.join(QLatin1Char(' '))).arg(timeoutMs / 1000)
            + QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    r.ms = t.elapsed();
    return r;
}

// Fields of /proc/<pid>/stat after the command name: [0] state, [1] ppid, ... [19] start time.
QStringList procStat(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QString s = QString::fromLatin1(stat.readAll());
    return s.mid(s.lastIndexOf(QLatin1Char(')')) + 2).split(QLatin1Char(' '));
}

bool hasTool(const char *name)
{
    return !QStandardPaths::findExecutable(QLatin1String(name)).isEmpty()
        || !QStandardPaths::findExecutable(QLatin1String(name), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}).isEmpty();
}

QString shellQuote(const QString &s)
{
    return QLatin1Char('\'') + QString(s).replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
}

// Debian suites of the machine's apt configuration: (uri, suite) pairs for bookworm* with main.
struct AptSource
{
    QString uri;
    QString suite;
};

QList<AptSource> hostDebianSources()
{
    QList<AptSource> sources;
    const auto add = [&](const QString &type, const QStringList &uris, const QStringList &suites, const QStringList &components) {
        if (type != QLatin1String("deb") || !components.contains(QStringLiteral("main")))
            return;
        for (const QString &uri : uris)
            for (const QString &suite : suites)
                if (suite.startsWith(QStringLiteral("bookworm")))
                    sources.append({uri.endsWith(QLatin1Char('/')) ? uri.chopped(1) : uri, suite});
    };
    QStringList files{QStringLiteral("/etc/apt/sources.list")};
    const QDir d(QStringLiteral("/etc/apt/sources.list.d"));
    for (const QString &f : d.entryList({QStringLiteral("*.list"), QStringLiteral("*.sources")}, QDir::Files, QDir::Name))
        files.append(d.filePath(f));
    for (const QString &path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(f.readAll());
        if (path.endsWith(QStringLiteral(".sources"))) {
            for (const QString &stanza : text.split(QRegularExpression(QStringLiteral("\\n\\s*\\n")))) {
                QMap<QString, QString> field;
                for (const QString &line : stanza.split(QLatin1Char('\n'))) {
                    if (line.startsWith(QLatin1Char('#')) || !line.contains(QLatin1Char(':')) || line.startsWith(QLatin1Char(' ')))
                        continue;
                    field[line.section(QLatin1Char(':'), 0, 0).trimmed().toLower()] = line.section(QLatin1Char(':'), 1).trimmed();
                }
                if (field.value(QStringLiteral("enabled"), QStringLiteral("yes")) == QLatin1String("no"))
                    continue;
                const auto words = [&](const char *key) { return field.value(QLatin1String(key)).split(QLatin1Char(' '), Qt::SkipEmptyParts); };
                for (const QString &type : words("types"))
                    add(type, words("uris"), words("suites"), words("components"));
            }
        } else {
            for (QString line : text.split(QLatin1Char('\n'))) {
                line = line.section(QLatin1Char('#'), 0, 0).trimmed();
                line.remove(QRegularExpression(QStringLiteral("\\[[^\\]]*\\]")));
                const QStringList w = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                if (w.size() >= 4)
                    add(w[0], {w[1]}, {w[2]}, w.mid(3));
            }
        }
    }
    return sources;
}

} // namespace

class TestDebianInstall : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void install();
    void installedFiles();
    void headlessServiceAnswersHealth();
    void fileCapabilitiesBindPrivilegedPort();
    void guiLoadsItsQmlModules();
    void postinstWithoutCapabilitySupport();
    void postinstRespectsStatOverride();
    void upgradeKeepsAdminEnabledService();
    void purgeLeavesNothing();

private:
    // A command inside the holder's mount + pid namespaces; `isolated` adds its network namespace.
    Run ns(const QStringList &command, bool isolated, int timeoutMs = 120000);
    // A command inside the chroot (as root), with a clean environment.
    Run chroot(const QString &shellCommand, bool isolated = true, int timeoutMs = 120000);
    bool startHolder(QString *error);
    // The cached debootstrap root; empty when ready, else why not (skip = the mirror is unreachable).
    QString ensureBaseRoot(bool *skip);
    bool mountOverlay(QString *error);
    // Starts `shellCommand` (which must write its pid to pidFile and exec the server) in the
    // isolated namespace and waits until health answers on the port; returns the health JSON.
    QJsonObject startServer(const QString &shellCommand, int port, QProcess &server);
    int stopServer(const QString &pidFile, QProcess &server);
    QJsonObject health(int port);
    QString unitValue(const QString &key, bool all = false);

    QString m_deb;
    QString m_cache;
    QString m_base;
    QList<AptSource> m_sources;
    QTemporaryDir m_tmp{QDir::tempPath() + QStringLiteral("/mb-debinstall-XXXXXX")};
    QString m_root;                      // overlay root, only visible inside the holder's mount ns
    QProcess m_holder;
    qint64 m_nsPid = 0;                  // the holder's child: pid 1 of the new pid namespace
    QString m_nsStartTime;               // its start time (pids are reused)
    std::unique_ptr<QLockFile> m_lock;
    QString m_installLog;
    bool m_installed = false;
    bool m_hasCaps = false;
};

Run TestDebianInstall::ns(const QStringList &command, bool isolated, int timeoutMs)
{
    QStringList args{QStringLiteral("--target"), QString::number(m_nsPid), QStringLiteral("--mount"), QStringLiteral("--pid")};
    if (isolated)
        args.append(QStringLiteral("--net"));
    args.append(QStringLiteral("--"));
    args += command;
    return run(QStringLiteral("nsenter"), args, timeoutMs);
}

Run TestDebianInstall::chroot(const QString &shellCommand, bool isolated, int timeoutMs)
{
    return ns({QStringLiteral("chroot"), m_root, QStringLiteral("/usr/bin/env"), QStringLiteral("-i"),
               QStringLiteral("PATH=/usr/sbin:/usr/bin:/sbin:/bin"), QStringLiteral("HOME=/root"),
               QStringLiteral("LC_ALL=C.UTF-8"), QStringLiteral("DEBIAN_FRONTEND=noninteractive"),
               QStringLiteral("/bin/sh"), QStringLiteral("-c"), shellCommand},
              isolated, timeoutMs);
}

bool TestDebianInstall::startHolder(QString *error)
{
    dieWithParent(m_holder);
    m_holder.start(QStringLiteral("unshare"), {QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("private"),
                                               QStringLiteral("--net"), QStringLiteral("--pid"), QStringLiteral("--fork"),
                                               QStringLiteral("--kill-child"), QStringLiteral("--"), QStringLiteral("sleep"),
                                               QStringLiteral("infinity")});
    if (!m_holder.waitForStarted(5000)) {
        *error = m_holder.errorString();
        return false;
    }
    // Find the forked child (pid 1 inside): the process whose parent is unshare.
    const QString parent = QString::number(m_holder.processId());
    for (int i = 0; i < 100 && m_nsPid == 0; ++i) {
        for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            if (!pid.at(0).isDigit())
                continue;
            const QStringList f = procStat(pid.toLongLong());
            if (f.size() > 19 && f.at(1) == parent) {
                m_nsPid = pid.toLongLong();
                m_nsStartTime = f.at(19);
            }
        }
        if (m_nsPid == 0)
            QThread::msleep(20);
    }
    if (m_nsPid == 0) {
        *error = QStringLiteral("unshare started no child: ") + QString::fromUtf8(m_holder.readAllStandardError());
        return false;
    }
    const Run lo = ns({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")}, true);
    if (!lo.ok())
        *error = lo.all();
    return lo.ok();
}

void TestDebianInstall::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("needs root: chroot, mounts and namespaces");
    for (const char *tool : {"debootstrap", "unshare", "nsenter", "chroot", "mount", "ip", "curl", "dpkg"})
        if (!hasTool(tool))
            QSKIP(qPrintable(QStringLiteral("%1 not found (apt install debootstrap util-linux iproute2 curl)").arg(QLatin1String(tool))));
    QFile osRelease(QStringLiteral("/etc/os-release"));
    if (!osRelease.open(QIODevice::ReadOnly) || !osRelease.readAll().contains("VERSION_CODENAME=bookworm"))
        QSKIP("the host is not Debian 12 (bookworm): its package cannot be installed on a bookworm root");

    const QStringList debs = QDir(QStringLiteral(DEB_DIR)).entryList({QStringLiteral("metalboot_*.deb")}, QDir::Files);
    QVERIFY2(debs.size() == 1, "expected one package from the ctest fixture package_deb");
    m_deb = QStringLiteral(DEB_DIR "/") + debs.first();

    m_sources = hostDebianSources();
    const QString mirrorEnv = qEnvironmentVariable("METALBOOT_DEBIAN_MIRROR");
    if (!mirrorEnv.isEmpty())
        m_sources = {{mirrorEnv, QStringLiteral("bookworm")}, {mirrorEnv, QStringLiteral("bookworm-updates")}};
    if (std::none_of(m_sources.cbegin(), m_sources.cend(), [](const AptSource &s) { return s.suite == QLatin1String("bookworm"); }))
        QSKIP("no Debian bookworm mirror in the apt configuration (set METALBOOT_DEBIAN_MIRROR)");

    m_cache = qEnvironmentVariable("METALBOOT_DEBIAN_ROOT_CACHE", QStringLiteral(DEBIAN_ROOT_CACHE));
    m_base = m_cache + QStringLiteral("/bookworm-minbase");
    QVERIFY(QDir().mkpath(m_cache + QStringLiteral("/archives/partial")));
    QVERIFY(QDir().mkpath(m_cache + QStringLiteral("/debootstrap")));
    m_lock = std::make_unique<QLockFile>(m_cache + QStringLiteral("/lock"));
    m_lock->setStaleLockTime(0);
    QVERIFY2(m_lock->tryLock(30 * 60 * 1000), "another install test holds the Debian root cache");

    QVERIFY(m_tmp.isValid());
    QString error;
    if (!startHolder(&error))
        QSKIP(qPrintable(QStringLiteral("cannot create mount/network/pid namespaces here: ") + error));
    bool skip = false;
    const QString why = ensureBaseRoot(&skip);
    if (skip)
        QSKIP(qPrintable(why));
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY2(mountOverlay(&error), qPrintable(error));
}

QString TestDebianInstall::ensureBaseRoot(bool *skip)
{
    if (QFile::exists(m_base + QStringLiteral("/.install-test-base-ready")))
        return {};
    QString mirror;
    for (const AptSource &s : std::as_const(m_sources))
        if (s.suite == QLatin1String("bookworm"))
            mirror = s.uri;
    const Run reach = run(QStringLiteral("curl"), {QStringLiteral("-sSfI"), QStringLiteral("--max-time"), QStringLiteral("20"),
                                                   mirror + QStringLiteral("/dists/bookworm/Release")});
    if (!reach.ok()) {
        *skip = true;
        return QStringLiteral("no cached Debian root and the mirror %1 is unreachable: %2").arg(mirror, reach.err.trimmed());
    }

    // debootstrap into a temporary folder, renamed when complete: an interrupted run is redone.
    const QString tmpBase = m_base + QStringLiteral(".tmp");
    QDir(tmpBase).removeRecursively();
    qInfo().noquote() << "debootstrap --variant=minbase bookworm from" << mirror << "(once; cached in" << m_cache << ")";
    const Run boot = run(QStringLiteral("debootstrap"),
                         {QStringLiteral("--variant=minbase"), QStringLiteral("--cache-dir=") + m_cache + QStringLiteral("/debootstrap"),
                          QStringLiteral("bookworm"), tmpBase, mirror},
                         20 * 60 * 1000);
    if (!boot.ok())
        return QStringLiteral("debootstrap failed:\n") + QString::fromLocal8Bit(boot.tail());
    qInfo().noquote() << "debootstrap took" << boot.ms / 1000.0 << "s";

    const auto write = [](const QString &path, const QByteArray &data) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
    };
    // The same suites as the machine (updates, security) and an apt that stays lean and quiet.
    QString sources;
    for (const AptSource &s : std::as_const(m_sources))
        sources += QStringLiteral("Types: deb\nURIs: %1\nSuites: %2\nComponents: main\n"
                                  "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n").arg(s.uri, s.suite);
    QFile::remove(tmpBase + QStringLiteral("/etc/apt/sources.list"));
    QFile::remove(tmpBase + QStringLiteral("/etc/resolv.conf"));
    const QString policy = tmpBase + QStringLiteral("/usr/sbin/policy-rc.d");
    if (!write(tmpBase + QStringLiteral("/etc/apt/sources.list.d/debian.sources"), sources.toUtf8())
        || !write(tmpBase + QStringLiteral("/etc/apt/apt.conf.d/90install-test"),
                  "APT::Install-Recommends \"false\";\nAcquire::Languages \"none\";\n"
                  "Dpkg::Options { \"--force-unsafe-io\"; };\nDpkg::Use-Pty \"false\";\n")
        // No daemon of any dependency may start inside the root.
        || !write(policy, "#!/bin/sh\nexit 101\n")
        || !QFile::setPermissions(policy, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                              | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                              | QFileDevice::ExeOther)
        || !QFile::copy(QStringLiteral("/etc/resolv.conf"), tmpBase + QStringLiteral("/etc/resolv.conf")))
        return QStringLiteral("cannot configure apt in %1").arg(tmpBase);

    // apt-get update in the new root (inside the holder's mount namespace, host network).
    const QString q = shellQuote(tmpBase);
    const Run update = ns({QStringLiteral("sh"), QStringLiteral("-ec"),
                           QStringLiteral("mount -t proc proc %1/proc; "
                                          "chroot %1 /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 apt-get -q update; "
                                          "chroot %1 /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin apt-get clean; "
                                          "umount %1/proc").arg(q)},
                          false, 10 * 60 * 1000);
    if (!update.ok())
        return QStringLiteral("apt-get update in the new root failed:\n") + QString::fromLocal8Bit(update.tail());
    if (!write(tmpBase + QStringLiteral("/.install-test-base-ready"), QByteArray()))
        return QStringLiteral("cannot mark %1 ready").arg(tmpBase);
    QDir(m_base).removeRecursively();
    if (!QDir().rename(tmpBase, m_base))
        return QStringLiteral("cannot rename %1").arg(tmpBase);
    return {};
}

bool TestDebianInstall::mountOverlay(QString *error)
{
    // tmpfs + overlay + /proc + device nodes + the shared .deb cache, all in the holder's mount ns.
    const QString mnt = m_tmp.path() + QStringLiteral("/mnt");
    QDir().mkpath(mnt);
    m_root = mnt + QStringLiteral("/root");
    const QString script = QStringLiteral(
        "set -e\n"
        "mount -t tmpfs -o size=4g,mode=0755 mb-debinstall %1\n"
        "mkdir %1/upper %1/work %1/root\n"
        "mount -t overlay overlay -o lowerdir=%2,upperdir=%1/upper,workdir=%1/work %1/root\n"
        "mount -t proc proc %1/root/proc\n"
        "mount -t tmpfs -o mode=0755 dev %1/root/dev\n"
        "for d in null zero full random urandom tty; do touch %1/root/dev/$d; mount --bind /dev/$d %1/root/dev/$d; done\n"
        "mkdir -m 1777 %1/root/dev/shm\n"
        "mount --bind %3 %1/root/var/cache/apt/archives\n"
        "cp /etc/resolv.conf %1/root/etc/resolv.conf\n"
        "cp %4 %1/root/tmp/\n")
                               .arg(shellQuote(mnt), shellQuote(m_base), shellQuote(m_cache + QStringLiteral("/archives")),
                                    shellQuote(m_deb));
    const Run r = ns({QStringLiteral("sh"), QStringLiteral("-c"), script}, false);
    if (!r.ok())
        *error = QStringLiteral("cannot prepare the overlay root: ") + r.all();
    return r.ok();
}

void TestDebianInstall::cleanupTestCase()
{
    // Killing the holder ends pid 1 of its pid namespace: every process started inside dies,
    // and with the last of them the mount namespace (tmpfs, overlay, /proc) goes away.
    if (m_holder.state() != QProcess::NotRunning) {
        m_holder.kill();
        m_holder.waitForFinished(10000);
    }
    if (m_nsPid > 0) {
        // Gone, a zombie waiting for the machine's init, or the pid already reused by another
        // process (other start time): all fine. Still running after 10 s: the holder survived.
        const auto alive = [this] {
            const QStringList f = procStat(m_nsPid);
            return f.size() > 19 && f.at(0) != QLatin1String("Z") && f.at(19) == m_nsStartTime;
        };
        for (int i = 0; i < 1000 && alive(); ++i)
            QThread::msleep(10);
        QVERIFY2(!alive(), "the namespace holder survived");
    }
}

void TestDebianInstall::install()
{
    const QString deb = QStringLiteral("/tmp/") + QFileInfo(m_deb).fileName();
    // 1. Fetch what the cache lacks (host network; nothing is installed yet).
    Run fetch = chroot(QStringLiteral("apt-get -q -y install --download-only %1").arg(deb), false, 15 * 60 * 1000);
    if (!fetch.ok()) {
        // The cached package lists may be older than the mirror: refresh once.
        const Run update = chroot(QStringLiteral("apt-get -q update"), false, 10 * 60 * 1000);
        if (!update.ok())
            QSKIP(qPrintable(QStringLiteral("dependencies are not cached and the mirror is unreachable:\n") + QString::fromLocal8Bit(update.tail(10))));
        fetch = chroot(QStringLiteral("apt-get -q -y install --download-only %1").arg(deb), false, 15 * 60 * 1000);
    }
    QVERIFY2(fetch.ok(), fetch.tail());
    qInfo().noquote() << "download phase" << fetch.ms / 1000.0 << "s";

    // 2. Install exactly as documented, offline, inside the isolated network namespace.
    const Run inst = chroot(QStringLiteral("apt-get -q -y install %1").arg(deb), true, 15 * 60 * 1000);
    m_installLog = inst.all();
    QVERIFY2(inst.ok(), inst.tail(60));
    const auto m = QRegularExpression(QStringLiteral("(\\d+) newly installed")).match(inst.out);
    qInfo().noquote() << "apt-get install:" << (m.hasMatch() ? m.captured(1) : QStringLiteral("?")) << "packages in"
                      << inst.ms / 1000.0 << "s";
    QVERIFY2(m_installLog.contains(QStringLiteral("systemctl enable --now metalboot")), "postinst did not say how to enable the service");
    m_installed = true;
}

void TestDebianInstall::installedFiles()
{
    QVERIFY(m_installed);
    const Run version = chroot(QStringLiteral("metalboot --version"));
    QVERIFY2(version.ok(), qPrintable(version.all()));
    QVERIFY2(version.out.contains(QStringLiteral(METALBOOT_VERSION)), qPrintable(version.out));

    const Run status = chroot(QStringLiteral("dpkg-query -W -f='${db:Status-Status} ${Version}' metalboot"));
    QCOMPARE(status.out, QStringLiteral("installed " METALBOOT_VERSION));

    // System user for the unit, no login, home = state directory.
    const Run user = chroot(QStringLiteral("getent passwd metalboot"));
    QVERIFY2(user.ok(), "postinst did not create the metalboot user");
    const QStringList pw = user.out.trimmed().split(QLatin1Char(':'));
    QCOMPARE(pw.size(), 7);
    QVERIFY2(pw.at(2).toInt() > 0 && pw.at(2).toInt() < 1000, qPrintable(user.out));
    QCOMPARE(pw.at(5), QStringLiteral("/var/lib/metalboot"));
    QCOMPARE(pw.at(6), QStringLiteral("/usr/sbin/nologin"));
    QVERIFY(chroot(QStringLiteral("getent group metalboot")).ok());

    // Configuration and state directories, private to the service user.
    const Run dirs = chroot(QStringLiteral("stat -c '%n %U %G %a' /etc/metalboot /var/lib/metalboot"));
    QCOMPARE(dirs.out, QStringLiteral("/etc/metalboot metalboot metalboot 750\n/var/lib/metalboot metalboot metalboot 750\n"));

    // File capabilities (or, on a filesystem without them, the postinst's explanation).
    const Run caps = chroot(QStringLiteral("getcap /usr/bin/metalboot"));
    QVERIFY2(caps.ok(), qPrintable(caps.all()));
    m_hasCaps = caps.out.trimmed() == QLatin1String("/usr/bin/metalboot cap_net_bind_service,cap_net_raw=ep");
    if (!m_hasCaps)
        QVERIFY2(caps.out.trimmed().isEmpty() && m_installLog.contains(QStringLiteral("could not give /usr/bin/metalboot the capabilities")),
                 qPrintable(caps.out + m_installLog));
    const Run mode = chroot(QStringLiteral("stat -c '%U %G %a' /usr/bin/metalboot"));
    QCOMPARE(mode.out, QStringLiteral("root root 755\n"));

    // The service is installed, not enabled (no wants symlink anywhere).
    QVERIFY(chroot(QStringLiteral("test -f /usr/lib/systemd/system/metalboot.service")).ok());
    const Run wants = chroot(QStringLiteral("find /etc/systemd -name 'metalboot*'"));
    QVERIFY2(wants.out.isEmpty(), qPrintable(wants.all()));

    const Run man = chroot(QStringLiteral("zcat /usr/share/man/man1/metalboot.1.gz | head -3"));
    QVERIFY2(man.out.contains(QStringLiteral("\"Metal Boot " METALBOOT_VERSION "\"")), qPrintable(man.out));
}

QString TestDebianInstall::unitValue(const QString &key, bool all)
{
    const Run unit = chroot(QStringLiteral("cat /usr/lib/systemd/system/metalboot.service"));
    QStringList values;
    for (const QString &line : unit.out.split(QLatin1Char('\n')))
        if (line.startsWith(key + QLatin1Char('=')))
            values.append(line.mid(key.size() + 1).trimmed());
    return all ? values.join(QLatin1Char(' ')) : values.value(0);
}

QJsonObject TestDebianInstall::health(int port)
{
    const Run r = ns({QStringLiteral("curl"), QStringLiteral("-sf"), QStringLiteral("--max-time"), QStringLiteral("2"),
                      QStringLiteral("http://127.0.0.1:%1/api/v1/health").arg(port)},
                     true, 10000);
    return r.ok() ? QJsonDocument::fromJson(r.out.toUtf8()).object() : QJsonObject();
}

QJsonObject TestDebianInstall::startServer(const QString &shellCommand, int port, QProcess &server)
{
    dieWithParent(server);
    server.start(QStringLiteral("nsenter"),
                 {QStringLiteral("--target"), QString::number(m_nsPid), QStringLiteral("--mount"), QStringLiteral("--pid"),
                  QStringLiteral("--net"), QStringLiteral("--"), QStringLiteral("chroot"), m_root, QStringLiteral("/bin/sh"),
                  QStringLiteral("-c"), shellCommand});
    if (!server.waitForStarted(5000))
        return {};
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000 && server.state() == QProcess::Running) {
        const QJsonObject h = health(port);
        if (!h.isEmpty()) {
            qInfo().noquote() << "health answered after" << t.elapsed() << "ms:" << QJsonDocument(h).toJson(QJsonDocument::Compact);
            return h;
        }
        QThread::msleep(100);
    }
    return {};
}

int TestDebianInstall::stopServer(const QString &pidFile, QProcess &server)
{
    // SIGTERM by pid (the pid inside the namespace, written by the server's own shell).
    ns({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("kill -TERM \"$(cat %1)\"").arg(shellQuote(m_root + pidFile))}, true);
    if (!server.waitForFinished(15000)) {
        server.kill();
        server.waitForFinished(5000);
        return -1;
    }
    return server.exitStatus() == QProcess::NormalExit ? server.exitCode() : -1;
}

void TestDebianInstall::headlessServiceAnswersHealth()
{
    QVERIFY(m_installed);
    // Run ExecStart as the unit does: its User/Group, its Environment, its ambient and bounding
    // capabilities and no_new_privs (setpriv stands in for systemd, which is not running here).
    const QString exec = unitValue(QStringLiteral("ExecStart"));
    const QString user = unitValue(QStringLiteral("User"));
    const QString group = unitValue(QStringLiteral("Group"));
    const QString env = unitValue(QStringLiteral("Environment"), true);
    QCOMPARE(exec, QStringLiteral("/usr/bin/metalboot --headless"));
    QVERIFY(env.contains(QStringLiteral("METALBOOT_CONFIG_DIR=/etc/metalboot")));
    QVERIFY(env.contains(QStringLiteral("METALBOOT_DATA_DIR=/var/lib/metalboot")));
    QStringList caps;
    for (const QString &c : unitValue(QStringLiteral("AmbientCapabilities")).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        caps.append(QLatin1Char('+') + c.toLower().remove(QStringLiteral("cap_")));
    QCOMPARE(caps, QStringList({QStringLiteral("+net_bind_service"), QStringLiteral("+net_raw")}));
    const QString capList = caps.join(QLatin1Char(','));
    const QString command = QStringLiteral(
        "echo $$ > /tmp/service.pid; exec setpriv --reuid=%1 --regid=%2 --init-groups --inh-caps=%3 --ambient-caps=%3 "
        "--bounding-set=-all,%3 --no-new-privs -- /usr/bin/env -i PATH=/usr/bin:/bin HOME=/var/lib/metalboot %4 "
        "QT_LOGGING_RULES=metalboot.*.debug=false %5 2>/tmp/service.log")
                                .arg(user, group, capList, env, exec);

    QProcess server;
    const QJsonObject h = startServer(command, 8080, server);
    const Run log = chroot(QStringLiteral("cat /tmp/service.log"));
    QVERIFY2(!h.isEmpty(), qPrintable(QStringLiteral("no /api/v1/health answer on 127.0.0.1:8080\n") + log.out));
    QCOMPARE(h.value(QStringLiteral("version")).toString(), QStringLiteral(METALBOOT_VERSION));
    QCOMPARE(h.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(h.value(QStringLiteral("lab")).toString(), QStringLiteral("Demo lab"));
    QCOMPARE(stopServer(QStringLiteral("/tmp/service.pid"), server), 0);

    // First start wrote the demo lab and the API token into the configuration directory,
    // owned by the service user and private to it.
    const Run files = chroot(QStringLiteral("stat -c '%n %U %a' /etc/metalboot/lab.yaml /etc/metalboot/api-token"));
    QCOMPARE(files.out, QStringLiteral("/etc/metalboot/lab.yaml metalboot 600\n/etc/metalboot/api-token metalboot 600\n"));
    QVERIFY(chroot(QStringLiteral("cmp -s /etc/metalboot/lab.yaml /usr/share/metalboot/default-lab.yaml")).ok());
}

void TestDebianInstall::fileCapabilitiesBindPrivilegedPort()
{
    QVERIFY(m_installed);
    if (!m_hasCaps)
        QSKIP("the root's filesystem holds no file capabilities (the postinst explained the alternatives)");
    // A desktop user (nobody, no capabilities of its own) runs the packaged binary with HTTP on
    // port 80: only the file capabilities set by the postinst make that bind possible.
    QVERIFY(chroot(QStringLiteral("set -e; mkdir -p /tmp/desk/config /tmp/desk/data; "
                                  "sed 's/^    port: 8080$/    port: 80/' /usr/share/metalboot/default-lab.yaml > /tmp/desk/config/lab.yaml; "
                                  "grep -q '^    port: 80$' /tmp/desk/config/lab.yaml; chown -R nobody:nogroup /tmp/desk"))
                .ok());
    const auto command = [](const QString &binary, const QString &tag) {
        return QStringLiteral("echo $$ > /tmp/%2.pid; exec setpriv --reuid=nobody --regid=nogroup --clear-groups -- "
                              "/usr/bin/env -i PATH=/usr/bin:/bin HOME=/tmp/desk METALBOOT_CONFIG_DIR=/tmp/desk/config "
                              "METALBOOT_DATA_DIR=/tmp/desk/data %1 --headless 2>/tmp/%2.log")
            .arg(binary, tag);
    };

    // Control: the same binary without its capabilities (cp drops them) cannot bind port 80.
    QVERIFY(chroot(QStringLiteral("cp /usr/bin/metalboot /tmp/metalboot-nocaps && test -z \"$(getcap /tmp/metalboot-nocaps)\"")).ok());
    QProcess control;
    dieWithParent(control);
    control.start(QStringLiteral("nsenter"), {QStringLiteral("--target"), QString::number(m_nsPid), QStringLiteral("--mount"),
                                              QStringLiteral("--pid"), QStringLiteral("--net"), QStringLiteral("--"),
                                              QStringLiteral("chroot"), m_root, QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                              command(QStringLiteral("/tmp/metalboot-nocaps"), QStringLiteral("nocaps"))});
    QVERIFY(control.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(chroot(QStringLiteral("grep -q 'cannot listen on 127.0.0.1:80' /tmp/nocaps.log")).ok(), 20000);
    QVERIFY(health(80).isEmpty());
    stopServer(QStringLiteral("/tmp/nocaps.pid"), control);

    QProcess server;
    const QJsonObject h = startServer(command(QStringLiteral("/usr/bin/metalboot"), QStringLiteral("desk")), 80, server);
    const Run log = chroot(QStringLiteral("cat /tmp/desk.log"));
    QVERIFY2(!h.isEmpty(), qPrintable(QStringLiteral("no health answer on port 80 as nobody\n") + log.out));
    QCOMPARE(h.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(stopServer(QStringLiteral("/tmp/desk.pid"), server), 0);
}

void TestDebianInstall::guiLoadsItsQmlModules()
{
#ifndef METALBOOT_WITH_GUI
    QSKIP("built without the GUI");
#else
    QVERIFY(m_installed);
    // The GUI, started from the package with only the declared dependencies installed, loads
    // its QML (Controls, Templates, Layouts, WorkerScript, ...) and renders a frame (GRAB_TO
    // makes it save the window and quit: exit 0 only if the window exists and was grabbed).
    QVERIFY(chroot(QStringLiteral("mkdir -p /tmp/gui/xdg && chmod 0700 /tmp/gui/xdg && chown -R nobody:nogroup /tmp/gui")).ok());
    const Run gui = chroot(QStringLiteral("setpriv --reuid=nobody --regid=nogroup --clear-groups -- /usr/bin/env -i "
                                          "PATH=/usr/bin:/bin HOME=/tmp/gui XDG_RUNTIME_DIR=/tmp/gui/xdg "
                                          "METALBOOT_CONFIG_DIR=/tmp/gui/config METALBOOT_DATA_DIR=/tmp/gui/data "
                                          "QT_QPA_PLATFORM=offscreen GRAB_TO=/tmp/gui/window.png GRAB_DELAY_MS=1500 metalboot"),
                           true, 60000);
    QVERIFY2(gui.ok(), qPrintable(QStringLiteral("exit %1\n").arg(gui.exitCode) + gui.all()));
    static const QRegularExpression qmlTrouble(QStringLiteral("module \"[^\"]+\" (is not installed|plugin \"[^\"]+\" not found)|Cannot load library|QQmlApplicationEngine failed|qrc:/\\S+\\.qml:\\d+"));
    QVERIFY2(!gui.all().contains(qmlTrouble), qPrintable(gui.all()));
    const Run png = chroot(QStringLiteral("stat -c %s /tmp/gui/window.png"));
    QVERIFY2(png.ok() && png.out.trimmed().toLongLong() > 1000, qPrintable(png.all()));
    // Keep the picture next to the test's .deb for people to look at.
    ns({QStringLiteral("cp"), m_root + QStringLiteral("/tmp/gui/window.png"), QStringLiteral(DEB_DIR "/installed-gui.png")}, false);
#endif
}

void TestDebianInstall::postinstWithoutCapabilitySupport()
{
    QVERIFY(m_installed);
    // The binary on a filesystem that cannot store capabilities (ramfs answers "Operation not
    // supported" like an NFS root): configuring must still succeed and say what to do.
    const QString bin = m_root + QStringLiteral("/usr/bin/metalboot");
    const QString ramfs = m_root + QStringLiteral("/tmp/ramfs");
    const Run mount = ns({QStringLiteral("sh"), QStringLiteral("-ec"),
                          QStringLiteral("mkdir -p %1; mount -t ramfs ramfs %1; cp -p %2 %1/metalboot; mount --bind %1/metalboot %2")
                              .arg(shellQuote(ramfs), shellQuote(bin))},
                         true);
    QVERIFY2(mount.ok(), qPrintable(mount.all()));
    const Run configure = chroot(QStringLiteral("/var/lib/dpkg/info/metalboot.postinst configure " METALBOOT_VERSION));
    const Run caps = chroot(QStringLiteral("getcap /usr/bin/metalboot"));
    const Run unmount = ns({QStringLiteral("sh"), QStringLiteral("-ec"), QStringLiteral("umount %1; umount %2").arg(shellQuote(bin), shellQuote(ramfs))}, true);
    QVERIFY2(unmount.ok(), qPrintable(unmount.all()));
    QVERIFY2(configure.ok(), qPrintable(configure.all()));
    QVERIFY2(caps.out.trimmed().isEmpty(), qPrintable(caps.all()));
    QVERIFY2(configure.err.contains(QStringLiteral("could not give /usr/bin/metalboot the capabilities")), qPrintable(configure.all()));
    QVERIFY2(configure.err.contains(QStringLiteral("systemctl enable --now metalboot")), qPrintable(configure.all()));
    QVERIFY2(configure.err.contains(QStringLiteral("setcap cap_net_bind_service,cap_net_raw=ep /usr/bin/metalboot")), qPrintable(configure.all()));
}

void TestDebianInstall::postinstRespectsStatOverride()
{
    QVERIFY(m_installed);
    if (!m_hasCaps)
        QSKIP("the root's filesystem holds no file capabilities");
    // An admin's dpkg-statoverride on the binary: the postinst must leave mode and capabilities alone.
    QVERIFY(chroot(QStringLiteral("set -e; setcap -r /usr/bin/metalboot; chmod 0750 /usr/bin/metalboot; "
                                  "dpkg-statoverride --add root root 0750 /usr/bin/metalboot")).ok());
    const Run configure = chroot(QStringLiteral("/var/lib/dpkg/info/metalboot.postinst configure " METALBOOT_VERSION));
    QVERIFY2(configure.ok(), qPrintable(configure.all()));
    QCOMPARE(chroot(QStringLiteral("getcap /usr/bin/metalboot; stat -c %a /usr/bin/metalboot")).out, QStringLiteral("750\n"));
    // Without the override the next configure restores both.
    QVERIFY(chroot(QStringLiteral("dpkg-statoverride --remove /usr/bin/metalboot")).ok());
    QVERIFY(chroot(QStringLiteral("/var/lib/dpkg/info/metalboot.postinst configure " METALBOOT_VERSION)).ok());
    QCOMPARE(chroot(QStringLiteral("getcap /usr/bin/metalboot; stat -c %a /usr/bin/metalboot")).out,
             QStringLiteral("/usr/bin/metalboot cap_net_bind_service,cap_net_raw=ep\n755\n"));
}

void TestDebianInstall::upgradeKeepsAdminEnabledService()
{
    QVERIFY(m_installed);
    // The admin enables the service (the symlink `systemctl enable` makes; systemd itself is not
    // in the root); an upgrade (here: reinstall) keeps it enabled, the purge below removes it.
    const QString wants = QStringLiteral("/etc/systemd/system/multi-user.target.wants/metalboot.service");
    QVERIFY(chroot(QStringLiteral("mkdir -p /etc/systemd/system/multi-user.target.wants && "
                                  "ln -s /usr/lib/systemd/system/metalboot.service %1").arg(wants)).ok());
    const QString deb = QStringLiteral("/tmp/") + QFileInfo(m_deb).fileName();
    const Run reinstall = chroot(QStringLiteral("apt-get -q -y install --reinstall %1").arg(deb), true, 10 * 60 * 1000);
    QVERIFY2(reinstall.ok(), reinstall.tail());
    QVERIFY2(!reinstall.all().contains(QStringLiteral("not enabled")), "an upgrade must not repeat the first-install hint");
    QVERIFY2(chroot(QStringLiteral("test -L %1").arg(wants)).ok(), "the upgrade disabled the admin's service");
    QCOMPARE(chroot(QStringLiteral("getcap /usr/bin/metalboot")).out.trimmed().isEmpty(), !m_hasCaps);
}

void TestDebianInstall::purgeLeavesNothing()
{
    QVERIFY(m_installed);
    const Run purge = chroot(QStringLiteral("apt-get -q -y remove --purge metalboot"), true, 10 * 60 * 1000);
    QVERIFY2(purge.ok(), purge.tail());
    qInfo().noquote() << "apt-get remove --purge:" << purge.ms / 1000.0 << "s";

    const Run status = chroot(QStringLiteral("dpkg-query -W -f='${db:Status-Status}' metalboot 2>/dev/null || true"));
    QVERIFY2(status.out.isEmpty() || status.out == QLatin1String("not-installed"), qPrintable(status.out));
    // Nothing named after the package remains (the overlay's /tmp and the .deb cache aside) ...
    const Run left = chroot(QStringLiteral("find / -xdev \\( -path /tmp -o -path /proc -o -path /var/cache/apt \\) -prune "
                                           "-o -name '*metalboot*' -print"));
    QVERIFY2(left.ok(), qPrintable(left.all()));
    QVERIFY2(left.out.trimmed().isEmpty(), qPrintable(QStringLiteral("left behind:\n") + left.out));
    // ... except the system user, which Debian keeps (files it owned may survive elsewhere).
    QVERIFY(chroot(QStringLiteral("getent passwd metalboot")).ok());
}

QTEST_GUILESS_MAIN(TestDebianInstall)
#include "tst_debianinstall.moc"
