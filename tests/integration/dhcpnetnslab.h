#pragma once

// A throw-away lab of network namespaces for the DHCP integration tests (shared/reference/
// netboot.md 4.2): one namespace holding a bridge, and hosts joined to it by veth pairs. Only
// namespaces this object created are touched; the destructor kills every process it started (by
// pid) and deletes the namespaces, also when a test fails. The test thread can enter a namespace
// (setns), so Metal Boot's services create their sockets there.

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <csignal>
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

class DhcpNetnsLab
{
public:
    // Namespaces are named mb-<area>-<pid>-<name>.
    explicit DhcpNetnsLab(const QString &area = QStringLiteral("dhcp"))
        : m_prefix(QStringLiteral("mb-%1-%2-").arg(area).arg(QCoreApplication::applicationPid()))
    {
    }
    ~DhcpNetnsLab() { teardown(); }
    DhcpNetnsLab(const DhcpNetnsLab &) = delete;
    DhcpNetnsLab &operator=(const DhcpNetnsLab &) = delete;

    // Empty if the lab can run here, else why not (for QSKIP).
    static QString unavailableReason()
    {
        if (::geteuid() != 0)
            return QStringLiteral("network namespace tests need root");
        QProcess p;
        p.start(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("list")});
        if (!p.waitForFinished(5000) || p.exitCode() != 0)
            return QStringLiteral("'ip netns' is not available");
        return {};
    }

    QString ns(const QString &name) const { return m_prefix + name; }

    // Creates the bridge namespace.
    bool create(QString *error)
    {
        if (!addNamespace(QStringLiteral("lan"), error))
            return false;
        return ipIn(QStringLiteral("lan"), {QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("br0"), QStringLiteral("type"), QStringLiteral("bridge")}, error)
            && ipIn(QStringLiteral("lan"), {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("br0"), QStringLiteral("up")}, error);
    }

    // A host namespace `name` with interface `ifname` on the bridge; `cidr` and `mac` optional.
    bool addHost(const QString &name, const QString &ifname, const QString &cidr, const QString &mac, QString *error)
    {
        if (!addNamespace(name, error))
            return false;
        // Temporary names in the root namespace must be unique and short (IFNAMSIZ).
        const QString a = QStringLiteral("mbd%1%2").arg(QCoreApplication::applicationPid() % 100000).arg(m_links);
        const QString b = QStringLiteral("mbb%1%2").arg(QCoreApplication::applicationPid() % 100000).arg(m_links++);
        if (!ip({QStringLiteral("link"), QStringLiteral("add"), a, QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"), b}, error)
            || !ip({QStringLiteral("link"), QStringLiteral("set"), a, QStringLiteral("netns"), ns(name), QStringLiteral("name"), ifname}, error)
            || !ip({QStringLiteral("link"), QStringLiteral("set"), b, QStringLiteral("netns"), ns(QStringLiteral("lan"))}, error)
            || !ipIn(QStringLiteral("lan"), {QStringLiteral("link"), QStringLiteral("set"), b, QStringLiteral("master"), QStringLiteral("br0"), QStringLiteral("up")}, error))
            return false;
        if (!mac.isEmpty() && !ipIn(name, {QStringLiteral("link"), QStringLiteral("set"), ifname, QStringLiteral("address"), mac}, error))
            return false;
        if (!cidr.isEmpty() && !ipIn(name, {QStringLiteral("addr"), QStringLiteral("add"), cidr, QStringLiteral("dev"), ifname}, error))
            return false;
        return ipIn(name, {QStringLiteral("link"), QStringLiteral("set"), ifname, QStringLiteral("up")}, error);
    }

    bool ipIn(const QString &name, const QStringList &args, QString *error)
    {
        return ip(QStringList{QStringLiteral("-n"), ns(name)} + args, error);
    }

    // Runs a command inside a namespace; the event loop keeps running meanwhile (the services
    // under test live on this thread). Returns the exit code (-1 on timeout or crash).
    int run(const QString &name, const QStringList &command, QByteArray *out = nullptr, int timeoutMs = 30000)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::SeparateChannels);
        QEventLoop loop;
        QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        p.start(QStringLiteral("ip"), QStringList{QStringLiteral("netns"), QStringLiteral("exec"), ns(name)} + command);
        if (p.state() != QProcess::NotRunning)
            loop.exec();
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(2000);
            return -1;
        }
        if (out)
            *out = p.readAllStandardOutput();
        m_lastStderr = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    QByteArray lastStderr() const { return m_lastStderr; }

    // Starts a long-running process inside a namespace; killed (by pid) at teardown or stop().
    QProcess *spawn(const QString &name, const QStringList &command)
    {
        auto *p = new QProcess;
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(QStringLiteral("ip"), QStringList{QStringLiteral("netns"), QStringLiteral("exec"), ns(name)} + command);
        if (!p->waitForStarted(5000)) {
            delete p;
            return nullptr;
        }
        m_processes.append(p);
        return p;
    }
    // Sends a signal to a spawned process (ip netns exec execs the command, so the pid is its own).
    static bool signal(QProcess *p, int sig) { return p && p->processId() > 0 && ::kill(pid_t(p->processId()), sig) == 0; }
    void stop(QProcess *p)
    {
        if (!p)
            return;
        if (p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(3000)) {
                p->kill();
                p->waitForFinished(3000);
            }
        }
        m_processes.removeAll(p);
        delete p;
    }

    // The calling thread's sockets from now on live in namespace `name`.
    bool enter(const QString &name, QString *error)
    {
        if (m_home < 0)
            m_home = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
        const QByteArray path = QStringLiteral("/var/run/netns/%1").arg(ns(name)).toLocal8Bit();
        const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
        if (m_home < 0 || fd < 0 || ::setns(fd, CLONE_NEWNET) != 0) {
            if (fd >= 0)
                ::close(fd);
            *error = QStringLiteral("cannot enter %1").arg(ns(name));
            return false;
        }
        ::close(fd);
        return true;
    }
    void leave()
    {
        if (m_home >= 0) {
            ::setns(m_home, CLONE_NEWNET);
            ::close(m_home);
            m_home = -1;
        }
    }

    void teardown()
    {
        while (!m_processes.isEmpty())
            stop(m_processes.first());
        leave();
        for (auto it = m_namespaces.crbegin(); it != m_namespaces.crend(); ++it) {
            QProcess p;
            p.start(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("del"), *it});
            p.waitForFinished(10000);
        }
        m_namespaces.clear();
    }

    // JSON lines printed by dhcp_scapy_client.py.
    static QList<QJsonObject> jsonLines(const QByteArray &out)
    {
        QList<QJsonObject> list;
        for (const QByteArray &line : out.split('\n')) {
            const QJsonDocument d = QJsonDocument::fromJson(line);
            if (d.isObject() && d.object().contains(QStringLiteral("hex")))
                list.append(d.object());
        }
        return list;
    }
    static QString scapyClient() { return QStringLiteral(TESTS_SOURCE_DIR "/integration/dhcp_scapy_client.py"); }

private:
    bool addNamespace(const QString &name, QString *error)
    {
        if (!ip({QStringLiteral("netns"), QStringLiteral("add"), ns(name)}, error))
            return false;
        m_namespaces.append(ns(name));
        return ipIn(name, {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")}, error);
    }
    bool ip(const QStringList &args, QString *error)
    {
        QProcess p;
        p.start(QStringLiteral("ip"), args);
        if (!p.waitForFinished(10000) || p.exitCode() != 0) {
            *error = QStringLiteral("ip %1: %2").arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
            return false;
        }
        return true;
    }

    QString m_prefix;
    QStringList m_namespaces;
    QList<QProcess *> m_processes;
    QByteArray m_lastStderr;
    int m_home = -1;
    int m_links = 0;
};
