#include "setupplan.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cstring>

namespace setupplan {

namespace {


bool isLinkLocal(const QHostAddress &a)
{
    return a.isInSubnet(QHostAddress(QStringLiteral("169.254.0.0")), 16);
}

QHostAddress fromIPv4(quint32 v)
{
    return QHostAddress(v);
}

} // namespace

QString modeName(Mode m)
{
    switch (m) {
    case Mode::Proxy: return QStringLiteral("proxy");
    case Mode::Full: return QStringLiteral("full");
    case Mode::None: break;
    }
    return {};
}

Mode modeFromName(const QString &name)
{
    if (name == QLatin1String("proxy"))
        return Mode::Proxy;
    if (name == QLatin1String("full"))
        return Mode::Full;
    return Mode::None;
}

QHash<QString, QHostAddress> parseDefaultGateways(const QByteArray &text)
{
    QHash<QString, QHostAddress> out;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> f = lines.at(i).simplified().split(' ');
        if (f.size() < 8 || f.at(1) != "00000000" || f.at(7) != "00000000")   // destination and mask 0 = default
            continue;
        bool ok = false;
        const quint32 raw = f.at(2).toUInt(&ok, 16);
        if (!ok || raw == 0)
            continue;
        quint8 b[4];
        std::memcpy(b, &raw, 4);
        const QString name = QString::fromLatin1(f.at(0));
        if (!out.contains(name))
            out.insert(name, QHostAddress(quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3]));
    }
    return out;
}

QList<InterfaceInfo> scan()
{
    QFile route(QStringLiteral("/proc/net/route"));
    const auto gateways = parseDefaultGateways(route.open(QIODevice::ReadOnly) ? route.read(1 << 20) : QByteArray());
    QList<InterfaceInfo> out;
    for (const QNetworkInterface &n : QNetworkInterface::allInterfaces()) {
        InterfaceInfo i;
        i.name = n.name();
        i.humanName = n.humanReadableName();
        i.hardwareAddress = n.hardwareAddress().toLower();
        i.type = n.type();
        // Qt reports Ethernet for Wi-Fi on Linux; the kernel tells with a "wireless" folder.
        if (i.type != QNetworkInterface::Wifi && QFileInfo::exists(QStringLiteral("/sys/class/net/%1/wireless").arg(i.name)))
            i.type = QNetworkInterface::Wifi;
        const auto flags = n.flags();
        i.up = flags.testFlag(QNetworkInterface::IsUp);
        i.running = flags.testFlag(QNetworkInterface::IsRunning);
        i.loopback = flags.testFlag(QNetworkInterface::IsLoopBack);
        i.canBroadcast = flags.testFlag(QNetworkInterface::CanBroadcast);
        for (const QNetworkAddressEntry &e : n.addressEntries())
            if (e.ip().protocol() == QAbstractSocket::IPv4Protocol)
                i.ipv4.append(InterfaceAddress{e.ip(), e.prefixLength()});
        i.gateway = gateways.value(i.name);
        out.append(i);
    }
    // Physical, connected interfaces first; loopback last.
    std::stable_sort(out.begin(), out.end(), [](const InterfaceInfo &a, const InterfaceInfo &b) {
        auto rank = [](const InterfaceInfo &i) {
            if (i.loopback)
                return 4;
            if (isVirtualAdapter(i))
                return 3;
            if (isWireless(i))
                return 2;
            return i.running ? 0 : 1;
        };
        return rank(a) < rank(b);
    });
    return out;
}

bool isWireless(const InterfaceInfo &i)
{
    return i.type == QNetworkInterface::Wifi || i.name.startsWith(QLatin1String("wl"));
}

bool isVirtualAdapter(const InterfaceInfo &i)
{
    static const char *const prefixes[] = {"docker", "veth", "virbr", "br-", "tun", "tap", "vmnet", "vboxnet", "lxc", "lxd",
                                           "podman", "cni", "flannel", "cali", "zt", "tailscale", "wg", "vnet", "ham", "utun", "dummy"};
    if (i.type == QNetworkInterface::Virtual)
        return true;
    for (const char *p : prefixes)
        if (i.name.startsWith(QLatin1String(p)))
            return true;
    return false;
}

QString warning(const InterfaceInfo &i)
{
    if (i.loopback)
        return QCoreApplication::translate("SetupWizard", "Loopback: only the built-in virtual Pis can use it (the demo lab).");
    if (isWireless(i))
        return QCoreApplication::translate("SetupWizard", "Wi-Fi: the Raspberry Pi cannot netboot over Wi-Fi, and most access points drop PXE broadcasts. Use a wired interface.");
    if (isVirtualAdapter(i))
        return QCoreApplication::translate("SetupWizard", "Virtual adapter (container, VM or VPN network): real Pis are not on it.");
    if (!i.up)
        return QCoreApplication::translate("SetupWizard", "The interface is down.");
    if (!i.running)
        return QCoreApplication::translate("SetupWizard", "No link: plug the cable to the lab switch.");
    if (i.ipv4.isEmpty())
        return QCoreApplication::translate("SetupWizard", "No IPv4 address: give the interface an address before serving.");
    return {};
}

InterfaceAddress primaryAddress(const InterfaceInfo &i)
{
    for (const auto &a : i.ipv4)
        if (!isLinkLocal(a.ip))
            return a;
    return i.ipv4.isEmpty() ? InterfaceAddress{} : i.ipv4.constFirst();
}

static Recommendation recommendFromAddresses(const InterfaceInfo &i)
{
    const InterfaceAddress a = primaryAddress(i);
    if (i.loopback)
        return {Mode::Proxy, QCoreApplication::translate("SetupWizard", "The demo lab's virtual Pis use proxy DHCP on loopback.")};
    if (a.ip.isNull())
        return {Mode::None, QCoreApplication::translate("SetupWizard", "This interface has no IPv4 address. Give it a static address (for an isolated lab switch, then use full DHCP) or connect it to a network with a DHCP server (then use proxy DHCP).")};
    if (isLinkLocal(a.ip))
        return {Mode::Full, QCoreApplication::translate("SetupWizard", "The interface only has a link-local address, so no DHCP server answered on it. Give it a static address and let Metal Boot hand out addresses (full DHCP).")};
    if (!i.gateway.isNull())
        return {Mode::Proxy, QCoreApplication::translate("SetupWizard", "A router (%1) is on this network and most likely runs DHCP. Proxy DHCP leaves addresses to it and only adds the boot information.")
                                 .arg(i.gateway.toString())};
    return {Mode::Full, QCoreApplication::translate("SetupWizard", "No router is reachable through this interface (no default route): it looks like an isolated lab switch, so Metal Boot should hand out the addresses (full DHCP).")};
}

Recommendation recommend(const InterfaceInfo &i, const DhcpObservation &seen)
{
    QStringList addressServers;
    QStringList bootServers;
    for (const ForeignDhcpServer &s : seen.servers) {
        if (s.interfaceName != i.name)
            continue;
        if (s.offersAddresses)
            addressServers.append(s.address());
        if (s.offersBoot)
            bootServers.append(s.address());
    }
    Recommendation r;
    if (!addressServers.isEmpty()) {
        r = {Mode::Proxy, QCoreApplication::translate("SetupWizard", "Metal Boot's DHCP service saw %1 hand out addresses on this network: proxy DHCP leaves the addresses to it and only adds the boot information.")
                              .arg(addressServers.join(QStringLiteral(", ")))};
    } else if (seen.watchedInterface == i.name && !i.loopback && i.gateway.isNull() && !primaryAddress(i).ip.isNull()) {
        r = {Mode::Full, QCoreApplication::translate("SetupWizard", "No DHCP server answered on this interface while Metal Boot's DHCP service watched it, and there is no router: Metal Boot should hand out the addresses (full DHCP).")};
    } else {
        r = recommendFromAddresses(i);
    }
    if (!bootServers.isEmpty())
        r.reason += QLatin1Char(' ')
            + QCoreApplication::translate("SetupWizard", "Warning: %1 also answers netboot (PXE) requests; switch that off, or the Pis boot from whichever server answers first.")
                  .arg(bootServers.join(QStringLiteral(", ")));
    return r;
}

Plan propose(const InterfaceInfo &i, Mode mode)
{
    Plan p;
    const InterfaceAddress a = primaryAddress(i);
    p.interfaceName = i.name;
    p.address = a.ip;
    p.prefixLength = a.prefixLength > 0 && a.prefixLength <= 30 ? a.prefixLength : 24;
    p.mode = mode;
    if (mode != Mode::Full || a.ip.isNull())
        return p;
    const quint32 host = a.ip.toIPv4Address();
    const quint32 mask = p.prefixLength == 0 ? 0 : ~quint32(0) << (32 - p.prefixLength);
    const quint32 net = host & mask;
    const quint32 first = net + 1;
    const quint32 last = (net | ~mask) - 1;
    quint32 start, end;
    if (last - first + 1 >= 254) {
        const quint32 base = host & 0xFFFFFF00u;   // the host's /24
        start = base + 100;
        end = base + 199;
        if (host >= start && host <= end) {
            start = base + 200;
            end = base + 249;
        }
    } else if (host - first > last - host) {   // the larger side of the host
        start = first;
        end = host - 1;
    } else {
        start = host + 1;
        end = last;
    }
    p.poolStart = fromIPv4(start);
    p.poolEnd = fromIPv4(end);
    p.router = i.gateway;
    return p;
}

static QHostAddress netmask(int prefix)
{
    return QHostAddress(prefix == 0 ? 0 : ~quint32(0) << (32 - prefix));
}

void apply(LabConfig &c, const Plan &plan)
{
    auto &s = c.services;
    for (ListenConfig *l : {static_cast<ListenConfig *>(&s.dhcp), static_cast<ListenConfig *>(&s.tftp),
                            static_cast<ListenConfig *>(&s.http), static_cast<ListenConfig *>(&s.consoles)}) {
        l->interface = plan.interfaceName;
        l->address = plan.address;
    }
    // The Pi bootloader only talks to the standard ports.
    s.dhcp.port = 67;
    s.dhcp.proxyPort = 4011;
    s.tftp.port = 69;
    s.dhcp.replyToSource = false;
    s.dhcp.enabled = true;
    s.tftp.enabled = true;
    s.http.enabled = true;
    s.dhcp.mode = plan.mode == Mode::Full ? DhcpMode::Full : DhcpMode::Proxy;
    if (plan.mode == Mode::Full) {
        s.dhcp.pool.rangeStart = plan.poolStart;
        s.dhcp.pool.rangeEnd = plan.poolEnd;
        s.dhcp.pool.netmask = netmask(plan.prefixLength);
        s.dhcp.pool.router = plan.router;
    }
}

QStringList describe(const LabConfig &before, const Plan &plan)
{
    QStringList out;
    const QString where = QStringLiteral("%1 (%2)").arg(plan.interfaceName, plan.address.toString());
    out << QCoreApplication::translate("SetupWizard", "DHCP, TFTP, HTTP and consoles serve on %1 (were on %2).")
               .arg(where, before.services.dhcp.address.toString());
    out << (plan.mode == Mode::Full
                ? QCoreApplication::translate("SetupWizard", "Full DHCP: addresses %1 – %2 (netmask %3)%4.")
                      .arg(plan.poolStart.toString(), plan.poolEnd.toString(), netmask(plan.prefixLength).toString(),
                           plan.router.isNull() ? QString() : QCoreApplication::translate("SetupWizard", ", router %1").arg(plan.router.toString()))
                : QCoreApplication::translate("SetupWizard", "Proxy DHCP: your existing DHCP server keeps handing out addresses."));
    out << QCoreApplication::translate("SetupWizard", "Standard ports: DHCP 67 and 4011, TFTP 69 (the Pi bootloader uses no others).");
    out << QCoreApplication::translate("SetupWizard", "HTTP stays on port %1; Redfish stays on %2:%3.")
               .arg(before.services.http.port)
               .arg(before.services.redfish.address.toString())
               .arg(before.services.redfish.port);
    return out;
}

} // namespace setupplan
