#include "diagnostics.h"

#include <QCoreApplication>
#include <QLocale>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>

#include <algorithm>
#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/xattr.h>
#include <unistd.h>
#endif

namespace diagnostics {

namespace {


QString endpointText(const Endpoint &e)
{
    const QString host = e.address.isNull() ? QStringLiteral("*") : e.address.toString();
    return QStringLiteral("%1 %2:%3").arg(e.udp ? QStringLiteral("udp") : QStringLiteral("tcp"), host).arg(e.port);
}

bool isAny(const QHostAddress &a)
{
    return a.isNull() || a == QHostAddress(QHostAddress::AnyIPv4) || a == QHostAddress(QHostAddress::AnyIPv6)
        || a == QHostAddress(QHostAddress::Any);
}

bool overlaps(const QHostAddress &a, const QHostAddress &b)
{
    if (isAny(a) || isAny(b))
        return true;
    return a.isEqual(b, QHostAddress::TolerantConversion);
}

QHostAddress parseProcAddress(const QByteArray &hex)
{
    if (hex.size() == 8) {
        bool ok = false;
        const quint32 v = hex.toUInt(&ok, 16);
        if (!ok)
            return {};
        quint8 bytes[4];
        std::memcpy(bytes, &v, 4);   // the kernel prints the network-order word in host order
        return QHostAddress(quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16 | quint32(bytes[2]) << 8 | bytes[3]);
    }
    if (hex.size() == 32) {
        Q_IPV6ADDR addr;
        for (int w = 0; w < 4; ++w) {
            bool ok = false;
            const quint32 v = hex.mid(w * 8, 8).toUInt(&ok, 16);
            if (!ok)
                return {};
            std::memcpy(&addr.c[w * 4], &v, 4);
        }
        return QHostAddress(addr);
    }
    return {};
}

bool serviceRunning(const QList<ServiceHub::Status> &statuses, const QString &id)
{
    return std::any_of(statuses.cbegin(), statuses.cend(),
                       [&](const ServiceHub::Status &s) { return s.id == id && s.state == Service::State::Running; });
}

Finding make(const QString &id, Severity severity, const QString &title, const QString &detail = {}, const QString &hint = {})
{
    return Finding{id, severity, title, detail, hint};
}

void addListen(QList<Endpoint> &out, const QString &service, const ListenConfig &c, bool udp, quint16 port)
{
    if (c.enabled && port != 0)
        out.append(Endpoint{service, udp, c.address, port});
}

} // namespace

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Ok: return QStringLiteral("ok");
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

QList<Endpoint> endpoints(const ServicesConfig &s)
{
    QList<Endpoint> out;
    addListen(out, QStringLiteral("dhcp"), s.dhcp, true, s.dhcp.port);
    if (s.dhcp.mode == DhcpMode::Proxy)
        addListen(out, QStringLiteral("dhcp"), s.dhcp, true, s.dhcp.proxyPort);
    addListen(out, QStringLiteral("tftp"), s.tftp, true, s.tftp.port);
    addListen(out, QStringLiteral("http"), s.http, false, s.http.port);
    addListen(out, QStringLiteral("redfish"), s.redfish, false, s.redfish.port);
    addListen(out, QStringLiteral("consoles"), s.consoles, true, s.consoles.port);
    addListen(out, QStringLiteral("consoles"), s.consoles, true, s.consoles.syslogPort);
    return out;
}

QList<Socket> parseProcNet(const QByteArray &text, bool udp)
{
    QList<Socket> out;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {   // line 0 is the header
        const QList<QByteArray> f = lines.at(i).simplified().split(' ');
        if (f.size() < 10)
            continue;
        const QList<QByteArray> local = f.at(1).split(':');
        if (local.size() != 2)
            continue;
        bool ok = false;
        const uint port = local.at(1).toUInt(&ok, 16);
        if (!ok || port > 0xffff)
            continue;
        const QHostAddress address = parseProcAddress(local.at(0));
        if (address.isNull())
            continue;
        const uint state = f.at(3).toUInt(&ok, 16);
        if (!ok)
            continue;
        Socket s;
        s.udp = udp;
        s.address = address;
        s.port = quint16(port);
        s.listening = udp ? true : state == 0x0A;
        s.inode = f.at(9).toULongLong();
        out.append(s);
    }
    return out;
}

std::optional<quint64> parseCapEff(const QByteArray &procStatus)
{
    for (const QByteArray &line : procStatus.split('\n')) {
        if (!line.startsWith("CapEff:"))
            continue;
        bool ok = false;
        const quint64 v = line.mid(7).trimmed().toULongLong(&ok, 16);
        if (ok)
            return v;
    }
    return std::nullopt;
}

std::optional<quint64> parseFileCapabilities(const QByteArray &xattr)
{
    // struct vfs_cap_data: le32 magic_etc; { le32 permitted, inheritable }[1 or 2]; (v3: le32 rootid)
    if (xattr.size() < 12)
        return std::nullopt;
    auto le32 = [&xattr](int offset) {
        const auto *p = reinterpret_cast<const uchar *>(xattr.constData() + offset);
        return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
    };
    const quint32 magic = le32(0) & 0xFF000000u;
    if (magic == 0x01000000u && xattr.size() == 12)
        return quint64(le32(4));
    if ((magic == 0x02000000u && xattr.size() == 20) || (magic == 0x03000000u && xattr.size() == 24))
        return quint64(le32(4)) | quint64(le32(12)) << 32;
    return std::nullopt;
}

QList<Finding> checkServices(const QList<ServiceHub::Status> &statuses)
{
    QList<Finding> out;
    for (const auto &s : statuses) {
        if (s.state != Service::State::Failed)
            continue;
        out.append(make(QStringLiteral("service:") + s.id, Severity::Error,
                        QCoreApplication::translate("Diagnostics", "%1 failed").arg(s.name),
                        s.error.isEmpty() ? QCoreApplication::translate("Diagnostics", "No reason was reported.") : s.error,
                        QCoreApplication::translate("Diagnostics", "Fix the cause shown, then start the service again on this page.")));
    }
    return out;
}

QList<Finding> checkPorts(const QList<Endpoint> &wanted, const QList<ServiceHub::Status> &statuses, const SystemProbe &probe)
{
    QList<Finding> out;
    QList<Socket> sockets;
    for (const auto &[file, udp] : {std::pair{"/proc/net/udp", true}, std::pair{"/proc/net/udp6", true},
                                    std::pair{"/proc/net/tcp", false}, std::pair{"/proc/net/tcp6", false}})
        sockets += parseProcNet(probe.readFile(QString::fromLatin1(file)), udp);
    if (sockets.isEmpty()) {
        out.append(make(QStringLiteral("ports"), Severity::Info, QCoreApplication::translate("Diagnostics", "Ports were not checked"),
                        QCoreApplication::translate("Diagnostics", "The list of open sockets (/proc/net) is not readable on this system.")));
        return out;
    }
    const QSet<quint64> own = probe.ownSocketInodes ? probe.ownSocketInodes() : QSet<quint64>();
    for (const Endpoint &e : wanted) {
        const QString id = QStringLiteral("port:%1:%2").arg(e.service).arg(e.port);
        QStringList users;
        for (const Socket &s : std::as_const(sockets)) {
            if (s.udp != e.udp || s.port != e.port || !s.listening || own.contains(s.inode) || !overlaps(s.address, e.address))
                continue;
            const QString owner = probe.socketOwner ? probe.socketOwner(s.inode) : QString();
            const QString where = s.address.toString();
            users.append(owner.isEmpty() ? QCoreApplication::translate("Diagnostics", "another program on %1").arg(where)
                                         : QCoreApplication::translate("Diagnostics", "%1 on %2").arg(owner, where));
        }
        users.removeDuplicates();
        if (!users.isEmpty()) {
            out.append(make(id, Severity::Error,
                            QCoreApplication::translate("Diagnostics", "%1 is already in use").arg(endpointText(e)),
                            QCoreApplication::translate("Diagnostics", "Used by %1.").arg(users.join(QStringLiteral(", "))),
                            e.service == QLatin1String("dhcp")
                                ? QCoreApplication::translate("Diagnostics", "Stop the other DHCP/PXE server (dnsmasq, a libvirt network, another netboot tool) or choose another interface.")
                                : QCoreApplication::translate("Diagnostics", "Stop the other program or change this service's port.")));
        } else {
            out.append(make(id, Severity::Ok,
                            serviceRunning(statuses, e.service)
                                ? QCoreApplication::translate("Diagnostics", "%1 is served by Metal Boot").arg(endpointText(e))
                                : QCoreApplication::translate("Diagnostics", "%1 is free").arg(endpointText(e))));
        }
    }
    return out;
}

QList<Finding> checkPrivilegedPorts(const QList<Endpoint> &wanted, const QString &binaryPath, const SystemProbe &probe)
{
    QList<Finding> out;
    bool ok = false;
    int start = probe.readFile(QStringLiteral("/proc/sys/net/ipv4/ip_unprivileged_port_start")).trimmed().toInt(&ok);
    if (!ok)
        start = 1024;
    QStringList privileged;
    for (const Endpoint &e : wanted)
        if (e.port < start)
            privileged.append(endpointText(e));
    privileged.removeDuplicates();
    if (privileged.isEmpty())
        return out;
    const QString list = privileged.join(QStringLiteral(", "));
    const quint64 bind = quint64(1) << CapNetBindService;
    if (probe.isRoot) {
        out.append(make(QStringLiteral("caps"), Severity::Ok, QCoreApplication::translate("Diagnostics", "Privileged ports can be bound"),
                        QCoreApplication::translate("Diagnostics", "Running as root; needed for %1.").arg(list)));
        return out;
    }
    const auto eff = parseCapEff(probe.readFile(QStringLiteral("/proc/self/status")));
    if (eff && (*eff & bind)) {
        out.append(make(QStringLiteral("caps"), Severity::Ok, QCoreApplication::translate("Diagnostics", "Privileged ports can be bound"),
                        QCoreApplication::translate("Diagnostics", "This process has CAP_NET_BIND_SERVICE; needed for %1.").arg(list)));
        return out;
    }
    const auto fileCaps = parseFileCapabilities(probe.readCapabilityXattr ? probe.readCapabilityXattr(binaryPath) : QByteArray());
    const QString setcap = QStringLiteral("sudo setcap cap_net_bind_service,cap_net_raw=ep %1").arg(binaryPath);
    if (fileCaps && (*fileCaps & bind)) {
        out.append(make(QStringLiteral("caps"), Severity::Warning, QCoreApplication::translate("Diagnostics", "The capability is on the file but not in effect"),
                        QCoreApplication::translate("Diagnostics", "%1 carries CAP_NET_BIND_SERVICE, but this process does not have it (started through a wrapper, a debugger, or from a nosuid mount). Needed for %2.")
                            .arg(binaryPath, list),
                        QCoreApplication::translate("Diagnostics", "Start the binary directly, or run the Metal Boot system service.")));
        return out;
    }
    out.append(make(QStringLiteral("caps"), Severity::Error, QCoreApplication::translate("Diagnostics", "Privileged ports cannot be bound"),
                    QCoreApplication::translate("Diagnostics", "%1 need CAP_NET_BIND_SERVICE (ports below %2), which this process does not have.")
                        .arg(list)
                        .arg(start),
                    QCoreApplication::translate("Diagnostics", "Run the Metal Boot system service, or give the binary the capability: %1").arg(setcap)));
    return out;
}

QList<Finding> checkBootFiles(const Input &in, const SystemProbe &probe)
{
    QList<Finding> out;
    const auto &s = in.services;
    if (s.tftp.enabled) {
        const QString root = s.tftp.root.isEmpty() ? in.dataDir + QStringLiteral("/tftp") : s.tftp.root;
        if (!probe.exists(root)) {
            out.append(make(QStringLiteral("files:tftp-root"), Severity::Warning, QCoreApplication::translate("Diagnostics", "The TFTP root does not exist"), root,
                            QCoreApplication::translate("Diagnostics", "Create the folder and put the boot files there, or set services.tftp.root.")));
        } else {
            const QString fw = s.tftp.piFirmwareDir.isEmpty() ? root + QStringLiteral("/rpi-firmware") : s.tftp.piFirmwareDir;
            QStringList missing;
            for (const char *f : {"start4.elf", "fixup4.dat"})
                if (!probe.exists(fw + QLatin1Char('/') + QLatin1String(f)))
                    missing.append(QString::fromLatin1(f));
            if (!missing.isEmpty())
                out.append(make(QStringLiteral("files:pi-firmware"), Severity::Warning, QCoreApplication::translate("Diagnostics", "Raspberry Pi 4 boot files are missing"),
                                QCoreApplication::translate("Diagnostics", "%1 not found in %2.").arg(missing.join(QStringLiteral(", ")), fw),
                                QCoreApplication::translate("Diagnostics", "Copy start4.elf and fixup4.dat from the Raspberry Pi firmware's boot folder there, or import a pftf UEFI release (.zip) as a profile.")));
        }
        const QString ipxeDir = s.tftp.ipxeDir.isEmpty() ? QStringLiteral("/usr/lib/ipxe") : s.tftp.ipxeDir;
        if (s.dhcp.enabled) {
            // One finding per missing file, naming every client architecture it is offered to.
            QMap<QString, QStringList> missing;
            for (auto it = s.dhcp.bootFiles.cbegin(); it != s.dhcp.bootFiles.cend(); ++it) {
                const QString file = it.value();
                if (file.contains(QLatin1String("://")))
                    continue;   // an HTTP boot URL, not a TFTP file
                if (!probe.exists(root + QLatin1Char('/') + file) && !probe.exists(ipxeDir + QLatin1Char('/') + file))
                    missing[file].append(it.key());
            }
            for (auto it = missing.cbegin(); it != missing.cend(); ++it)
                out.append(make(QStringLiteral("files:boot-file:") + it.key(), Severity::Warning,
                                QCoreApplication::translate("Diagnostics", "Boot file %1 is missing").arg(it.key()),
                                QCoreApplication::translate("Diagnostics", "DHCP offers it to %1 clients, but it is neither in %2 nor in %3.")
                                    .arg(it.value().join(QStringLiteral(", ")), root, ipxeDir),
                                QCoreApplication::translate("Diagnostics", "Install the ipxe package or copy the file into the TFTP root.")));
        }
    }
    if (s.http.enabled) {
        const QString root = s.http.root.isEmpty() ? in.dataDir + QStringLiteral("/http") : s.http.root;
        if (!probe.exists(root))
            out.append(make(QStringLiteral("files:http-root"), Severity::Info, QCoreApplication::translate("Diagnostics", "The HTTP root does not exist yet"), root,
                            QCoreApplication::translate("Diagnostics", "Kernels, initrds and images served over HTTP go there.")));
    }
    for (const ProfileConfig &p : in.profiles) {
        for (const QString &path : {p.baseImage, p.variablesJson, p.bootFilesDir}) {
            if (path.isEmpty() || probe.exists(path))
                continue;
            out.append(make(QStringLiteral("files:profile:") + p.id, Severity::Error,
                            QCoreApplication::translate("Diagnostics", "Profile \"%1\" refers to a missing file").arg(p.name.isEmpty() ? p.id : p.name),
                            path, QCoreApplication::translate("Diagnostics", "Import the profile again or fix its path in lab.yaml.")));
        }
    }
    if (out.isEmpty())
        out.append(make(QStringLiteral("files"), Severity::Ok, QCoreApplication::translate("Diagnostics", "Configured boot files and folders are present")));
    return out;
}

QList<Finding> checkForeignServers(const Input &in)
{
    QList<Finding> out;
    const bool full = in.services.dhcp.mode == DhcpMode::Full;
    for (const ForeignDhcpServer &s : in.foreignServers) {
        const QString where = s.interfaceName.isEmpty() ? s.address() : QStringLiteral("%1, %2").arg(s.address(), s.interfaceName);
        const int replies = s.replies > 1000000 ? 1000000 : int(s.replies);
        const QString detail = QCoreApplication::translate("Diagnostics", "%1; %n answer(s), last seen %2", "", replies)
                                   .arg(s.describe(), QLocale().toString(s.lastSeen.toLocalTime(), QLocale::ShortFormat));
        if (s.offersBoot)
            out.append(make(QStringLiteral("foreign:") + s.address(), Severity::Warning,
                            QCoreApplication::translate("Diagnostics", "Another PXE/netboot server answers on the lab network (%1)").arg(where),
                            detail,
                            QCoreApplication::translate("Diagnostics", "Switch off the netboot (PXE, option 66/67) answers of that server: with two netboot servers the Pis boot from whichever answers first.")));
        else if (s.offersAddresses && full)
            out.append(make(QStringLiteral("foreign:") + s.address(), Severity::Warning,
                            QCoreApplication::translate("Diagnostics", "Another DHCP server hands out addresses next to Metal Boot's full DHCP (%1)").arg(where),
                            detail,
                            QCoreApplication::translate("Diagnostics", "Use proxy DHCP mode (the other server keeps handing out addresses), or switch the other server off on this network.")));
        else
            out.append(make(QStringLiteral("foreign:") + s.address(), Severity::Info,
                            QCoreApplication::translate("Diagnostics", "DHCP server %1 hands out addresses (expected next to proxy DHCP)").arg(where),
                            detail));
    }
    const bool dhcpRunning = serviceRunning(in.statuses, QStringLiteral("dhcp"));
    const bool watched = dhcpRunning && !in.services.dhcp.interface.isEmpty();
    if (out.isEmpty())
        out.append(watched ? make(QStringLiteral("foreign"), Severity::Ok,
                                  QCoreApplication::translate("Diagnostics", "No other DHCP/PXE server seen on %1").arg(in.services.dhcp.interface))
                   : dhcpRunning ? make(QStringLiteral("foreign"), Severity::Info, QCoreApplication::translate("Diagnostics", "Other DHCP/PXE servers: not watched"),
                                        QCoreApplication::translate("Diagnostics", "The DHCP service watches for other servers only when it serves a network interface (not loopback)."))
                                 : make(QStringLiteral("foreign"), Severity::Info, QCoreApplication::translate("Diagnostics", "Other DHCP/PXE servers: not checked"),
                                        QCoreApplication::translate("Diagnostics", "The DHCP service watches the network for other servers while it runs.")));
    return out;
}

QList<Finding> run(const Input &input, const SystemProbe &probe)
{
    const QList<Endpoint> wanted = endpoints(input.services);
    QList<Finding> all = checkServices(input.statuses);
    all += checkPorts(wanted, input.statuses, probe);
    all += checkPrivilegedPorts(wanted, input.binaryPath, probe);
    all += checkBootFiles(input, probe);
    all += checkForeignServers(input);
    std::stable_sort(all.begin(), all.end(), [](const Finding &a, const Finding &b) { return int(a.severity) > int(b.severity); });
    return all;
}

#ifdef Q_OS_LINUX
// The socket inode a /proc/<pid>/fd entry points to, or 0.
static quint64 socketInode(const QString &fdPath)
{
    char buf[64];
    const ssize_t n = ::readlink(QFile::encodeName(fdPath).constData(), buf, sizeof buf - 1);
    if (n <= 8 || std::strncmp(buf, "socket:[", 8) != 0)
        return 0;
    buf[n] = 0;
    return QByteArray(buf + 8, int(n) - 9).toULongLong();
}
#endif

static QSet<quint64> socketsOf(const QString &pidDir)
{
    QSet<quint64> out;
#ifdef Q_OS_LINUX
    const QDir fds(pidDir + QStringLiteral("/fd"));
    for (const QString &fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot))
        if (const quint64 inode = socketInode(fds.filePath(fd)))
            out.insert(inode);
#else
    Q_UNUSED(pidDir)
#endif
    return out;
}

static QString liveSocketOwner(quint64 inode)
{
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &pid : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!pid.front().isDigit() || !socketsOf(proc.filePath(pid)).contains(inode))
            continue;
        QFile comm(proc.filePath(pid + QStringLiteral("/comm")));
        const QString name = comm.open(QIODevice::ReadOnly) ? QString::fromUtf8(comm.readAll().trimmed()) : QString();
        return QCoreApplication::translate("Diagnostics", "%1 (pid %2)").arg(name, pid);
    }
    return {};
}

SystemProbe SystemProbe::live()
{
    SystemProbe p;
    p.readFile = [](const QString &path) {
        QFile f(path);
        // /proc files report size 0: read in chunks, bounded.
        return f.open(QIODevice::ReadOnly) ? f.read(4 << 20) : QByteArray();
    };
    p.readCapabilityXattr = [](const QString &path) {
#ifdef Q_OS_LINUX
        char buf[64];
        const ssize_t n = ::getxattr(QFile::encodeName(path).constData(), "security.capability", buf, sizeof buf);
        return n > 0 ? QByteArray(buf, int(n)) : QByteArray();
#else
        Q_UNUSED(path)
        return QByteArray();
#endif
    };
    p.exists = [](const QString &path) { return QFileInfo::exists(path); };
    p.ownSocketInodes = [] { return socketsOf(QStringLiteral("/proc/self")); };
    p.socketOwner = &liveSocketOwner;
#ifdef Q_OS_LINUX
    p.isRoot = ::geteuid() == 0;
#endif
    return p;
}

} // namespace diagnostics
