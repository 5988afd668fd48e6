// Diagnose checks: /proc/net and capability parsers, port conflicts (canned and with a real
// process holding a loopback port), privileged-port permission, boot files, other DHCP servers.
#include "diagnostics.h"
#include "devices/journalkinds.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace diagnostics;

namespace {

SystemProbe cannedProbe(const QHash<QString, QByteArray> &files, const QSet<QString> &existing = {})
{
    SystemProbe p;
    p.readFile = [files](const QString &path) { return files.value(path); };
    p.readCapabilityXattr = [](const QString &) { return QByteArray(); };
    p.exists = [existing](const QString &path) { return existing.contains(path); };
    p.ownSocketInodes = [] { return QSet<quint64>{111}; };
    p.socketOwner = [](quint64 inode) { return inode == 222 ? QStringLiteral("dnsmasq (pid 812)") : QString(); };
    return p;
}

const QByteArray UdpHeader = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n";
const QByteArray TcpHeader = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

const Finding *byId(const QList<Finding> &list, const QString &id)
{
    for (const auto &f : list)
        if (f.id == id)
            return &f;
    return nullptr;
}

} // namespace

class TestDiagnostics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesProcNet()
    {
        const QByteArray udp = UdpHeader
            + "  123: 0100007F:042B 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4242 2 0000000000000000 0\n"
              "  124: 00000000:0043 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 222 2 0000000000000000 0\n"
              "garbage line\n";
        const auto sockets = parseProcNet(udp, true);
        QCOMPARE(sockets.size(), 2);
        QCOMPARE(sockets.at(0).address, QHostAddress(QStringLiteral("127.0.0.1")));
        QCOMPARE(sockets.at(0).port, quint16(1067));
        QCOMPARE(sockets.at(0).inode, quint64(4242));
        QVERIFY(sockets.at(0).listening);
        QCOMPARE(sockets.at(1).address, QHostAddress(QStringLiteral("0.0.0.0")));
        QCOMPARE(sockets.at(1).port, quint16(67));

        const QByteArray tcp = TcpHeader
            + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 900 1\n"
              "   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 901 1\n";
        const auto tcpSockets = parseProcNet(tcp, false);
        QCOMPARE(tcpSockets.size(), 2);
        QVERIFY(tcpSockets.at(0).listening);     // LISTEN
        QVERIFY(!tcpSockets.at(1).listening);    // ESTABLISHED
        QCOMPARE(tcpSockets.at(0).port, quint16(8080));

        const QByteArray udp6 = UdpHeader
            + "  5: 00000000000000000000000001000000:0045 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 77 2 0 0\n";
        const auto v6 = parseProcNet(udp6, true);
        QCOMPARE(v6.size(), 1);
        QCOMPARE(v6.at(0).address, QHostAddress(QStringLiteral("::1")));
        QCOMPARE(v6.at(0).port, quint16(69));
    }

    void parsesCapabilities()
    {
        QCOMPARE(parseCapEff("Name:\tx\nCapInh:\t0000000000000000\nCapEff:\t0000000000000400\n").value_or(0), quint64(0x400));
        QVERIFY(!parseCapEff("Name: x\n"));
        // vfs_cap_data v2: magic 0x02000000 | effective, permitted low/high, inheritable low/high.
        QByteArray v2("\x01\x00\x00\x02" "\x00\x24\x00\x00" "\x00\x00\x00\x00" "\x00\x00\x00\x00" "\x00\x00\x00\x00", 20);
        const auto caps = parseFileCapabilities(v2);
        QVERIFY(caps);
        QVERIFY(*caps & (quint64(1) << CapNetBindService));
        QVERIFY(*caps & (quint64(1) << CapNetRaw));
        QByteArray v3 = v2 + QByteArray(4, '\0');
        v3[3] = 0x03;
        QVERIFY(parseFileCapabilities(v3));
        QVERIFY(!parseFileCapabilities(v2.left(19)));      // truncated
        QVERIFY(!parseFileCapabilities(QByteArray(20, '\x7f')));
    }

    void endpointsFollowTheConfig()
    {
        ServicesConfig s;
        s.dhcp.mode = DhcpMode::Full;
        s.redfish.enabled = false;
        const auto list = endpoints(s);
        QStringList text;
        for (const auto &e : list)
            text << QStringLiteral("%1 %2 %3").arg(e.service).arg(e.udp ? QStringLiteral("udp") : QStringLiteral("tcp")).arg(e.port);
        QCOMPARE(text, (QStringList{QStringLiteral("dhcp udp 1067"), QStringLiteral("tftp udp 1069"), QStringLiteral("http tcp 8080"),
                                    QStringLiteral("consoles udp 6666"), QStringLiteral("consoles udp 5514")}));
    }

    void reportsPortConflicts()
    {
        const QByteArray udp = UdpHeader
            + "  1: 00000000:0043 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 222 2 0 0\n"     // dnsmasq on *:67
              "  2: 0100007F:0045 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 111 2 0 0\n"     // ours on :69
              "  3: 0200007F:0FA3 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 333 2 0 0\n";    // 127.0.0.2:4003
        const auto probe = cannedProbe({{QStringLiteral("/proc/net/udp"), udp}});
        const QHostAddress lo(QStringLiteral("127.0.0.1"));
        const QList<Endpoint> wanted{{QStringLiteral("dhcp"), true, lo, 67},
                                     {QStringLiteral("tftp"), true, lo, 69},
                                     {QStringLiteral("consoles"), true, lo, 4003},
                                     {QStringLiteral("http"), false, lo, 67}};
        ServiceHub::Status tftp;
        tftp.id = QStringLiteral("tftp");
        tftp.state = Service::State::Running;
        const auto findings = checkPorts(wanted, {tftp}, probe);
        QCOMPARE(findings.size(), 4);
        const Finding *dhcp = byId(findings, QStringLiteral("port:dhcp:67"));
        QVERIFY(dhcp);
        QCOMPARE(dhcp->severity, Severity::Error);
        QVERIFY2(dhcp->detail.contains(QLatin1String("dnsmasq (pid 812)")), qPrintable(dhcp->detail));
        QCOMPARE(byId(findings, QStringLiteral("port:tftp:69"))->severity, Severity::Ok);       // our own socket
        QVERIFY(byId(findings, QStringLiteral("port:tftp:69"))->title.contains(QLatin1String("Metal Boot")));
        QCOMPARE(byId(findings, QStringLiteral("port:consoles:4003"))->severity, Severity::Ok); // other address
        QCOMPARE(byId(findings, QStringLiteral("port:http:67"))->severity, Severity::Ok);       // tcp ≠ udp
    }

    void findsARealProcessOnALoopbackPort()
    {
        // A real peer holds a loopback UDP port; the live probe must name it. Our own socket on
        // another port must not count as a conflict.
        QProcess peer;
        peer.start(QStringLiteral("python3"),
                   {QStringLiteral("-c"),
                    QStringLiteral("import socket,time\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
                                   "s.bind(('127.0.0.1',0))\nprint(s.getsockname()[1],flush=True)\ntime.sleep(60)\n")});
        if (!peer.waitForStarted(5000))
            QSKIP("python3 is not available");
        auto cleanup = qScopeGuard([&peer] {
            peer.kill();
            peer.waitForFinished(3000);
        });
        QVERIFY(peer.waitForReadyRead(10000));
        const quint16 port = quint16(peer.readAllStandardOutput().trimmed().toUInt());
        QVERIFY(port > 0);
        QUdpSocket own;
        QVERIFY(own.bind(QHostAddress::LocalHost, 0));
        const QHostAddress lo(QStringLiteral("127.0.0.1"));
        const auto findings = checkPorts({{QStringLiteral("tftp"), true, lo, port}, {QStringLiteral("dhcp"), true, lo, own.localPort()}},
                                         {}, SystemProbe::live());
        QCOMPARE(findings.size(), 2);
        QCOMPARE(findings.at(0).severity, Severity::Error);
        QVERIFY2(findings.at(0).detail.contains(QStringLiteral("pid %1").arg(peer.processId())), qPrintable(findings.at(0).detail));
        QCOMPARE(findings.at(1).severity, Severity::Ok);
    }

    void privilegedPorts()
    {
        const QHostAddress lo(QStringLiteral("127.0.0.1"));
        const QList<Endpoint> privileged{{QStringLiteral("dhcp"), true, lo, 67}, {QStringLiteral("tftp"), true, lo, 69}};
        const QList<Endpoint> unprivileged{{QStringLiteral("dhcp"), true, lo, 1067}};
        const QString bin = QStringLiteral("/usr/bin/metalboot");
        auto probe = cannedProbe({{QStringLiteral("/proc/self/status"), "CapEff:\t0000000000000000\n"}});

        QVERIFY(checkPrivilegedPorts(unprivileged, bin, probe).isEmpty());
        auto none = checkPrivilegedPorts(privileged, bin, probe);
        QCOMPARE(none.size(), 1);
        QCOMPARE(none.at(0).severity, Severity::Error);
        QVERIFY(none.at(0).detail.contains(QLatin1String("udp 127.0.0.1:67")));
        QVERIFY(none.at(0).hint.contains(QLatin1String("setcap cap_net_bind_service,cap_net_raw=ep /usr/bin/metalboot")));

        probe.readCapabilityXattr = [](const QString &) {
            return QByteArray("\x01\x00\x00\x02" "\x00\x04\x00\x00" "\x00\x00\x00\x00" "\x00\x00\x00\x00" "\x00\x00\x00\x00", 20);
        };
        QCOMPARE(checkPrivilegedPorts(privileged, bin, probe).at(0).severity, Severity::Warning);

        probe.readFile = [](const QString &path) {
            return path == QLatin1String("/proc/self/status") ? QByteArray("CapEff:\t0000000000000400\n") : QByteArray();
        };
        QCOMPARE(checkPrivilegedPorts(privileged, bin, probe).at(0).severity, Severity::Ok);

        probe.readFile = [](const QString &path) {
            return path == QLatin1String("/proc/sys/net/ipv4/ip_unprivileged_port_start") ? QByteArray("0\n") : QByteArray();
        };
        QVERIFY(checkPrivilegedPorts(privileged, bin, probe).isEmpty());

        probe = cannedProbe({});
        probe.isRoot = true;
        QCOMPARE(checkPrivilegedPorts(privileged, bin, probe).at(0).severity, Severity::Ok);
    }

    void bootFiles()
    {
        Input in;
        in.dataDir = QStringLiteral("/data");
        in.services.dhcp.bootFiles = {{QStringLiteral("arm64_uefi"), QStringLiteral("snp.efi")},
                                      {QStringLiteral("x64_uefi"), QStringLiteral("snp.efi")},
                                      {QStringLiteral("bios"), QStringLiteral("undionly.kpxe")},
                                      {QStringLiteral("arm64_http"), QStringLiteral("http://10.0.0.1/snp.efi")}};
        ProfileConfig profile;
        profile.id = QStringLiteral("p1");
        profile.baseImage = QStringLiteral("/fw/RPI_EFI.fd");
        in.profiles = {profile};

        auto missingRoot = checkBootFiles(in, cannedProbe({}, {QStringLiteral("/data/http")}));
        QVERIFY(byId(missingRoot, QStringLiteral("files:tftp-root")));
        QCOMPARE(byId(missingRoot, QStringLiteral("files:profile:p1"))->severity, Severity::Error);

        const QSet<QString> present{QStringLiteral("/data/tftp"), QStringLiteral("/data/http"), QStringLiteral("/fw/RPI_EFI.fd"),
                                    QStringLiteral("/data/tftp/rpi-firmware/start4.elf"), QStringLiteral("/usr/lib/ipxe/undionly.kpxe")};
        const auto findings = checkBootFiles(in, cannedProbe({}, present));
        QCOMPARE(findings.size(), 2);
        const Finding *fw = byId(findings, QStringLiteral("files:pi-firmware"));
        QVERIFY(fw);
        QVERIFY(fw->detail.contains(QLatin1String("fixup4.dat")));
        QVERIFY(!fw->detail.contains(QLatin1String("start4.elf")));
        const Finding *snp = byId(findings, QStringLiteral("files:boot-file:snp.efi"));
        QVERIFY(snp);   // one finding for both architectures
        QVERIFY(snp->detail.contains(QLatin1String("arm64_uefi, x64_uefi")));

        QSet<QString> all = present;
        all << QStringLiteral("/data/tftp/rpi-firmware/fixup4.dat") << QStringLiteral("/data/tftp/snp.efi");
        const auto ok = checkBootFiles(in, cannedProbe({}, all));
        QCOMPARE(ok.size(), 1);
        QCOMPARE(ok.at(0).severity, Severity::Ok);
    }

    void foreignServersAndFailedServices()
    {
        Input in;
        QCOMPARE(checkForeignServers(in).at(0).severity, Severity::Info);   // DHCP not running: not checked
        ForeignDhcpServer router;
        router.serverId = router.source = 0xC0A80101;   // 192.168.1.1
        router.interfaceName = QStringLiteral("eth1");
        router.offersAddresses = true;
        router.replies = 3;
        router.lastSeen = QDateTime::currentDateTimeUtc();
        in.foreignServers = {router};
        // Proxy mode: a plain DHCP server is expected.
        auto foreign = checkForeignServers(in);
        QCOMPARE(foreign.size(), 1);
        QCOMPARE(foreign.at(0).severity, Severity::Info);
        QVERIFY(foreign.at(0).title.contains(QLatin1String("192.168.1.1")));
        // Full mode: it competes with us.
        in.services.dhcp.mode = DhcpMode::Full;
        foreign = checkForeignServers(in);
        QCOMPARE(foreign.at(0).severity, Severity::Warning);
        QVERIFY(foreign.at(0).hint.contains(QLatin1String("proxy")));
        // A second PXE responder is a warning in any mode.
        in.services.dhcp.mode = DhcpMode::Proxy;
        ForeignDhcpServer pxe = router;
        pxe.serverId = pxe.source = 0xC0A80102;
        pxe.offersAddresses = false;
        pxe.offersBoot = true;
        pxe.lastBootFile = QStringLiteral("pxelinux.0");
        in.foreignServers = {router, pxe};
        foreign = checkForeignServers(in);
        QCOMPARE(foreign.size(), 2);
        QCOMPARE(foreign.at(1).severity, Severity::Warning);
        QVERIFY(foreign.at(1).detail.contains(QLatin1String("pxelinux.0")));
        // Nothing seen while serving an interface: ok.
        ServiceHub::Status dhcp;
        dhcp.id = QStringLiteral("dhcp");
        dhcp.state = Service::State::Running;
        Input watched;
        watched.services.dhcp.interface = QStringLiteral("eth1");
        watched.statuses = {dhcp};
        QCOMPARE(checkForeignServers(watched).at(0).severity, Severity::Ok);
        in.foreignServers.clear();

        ServiceHub::Status failed;
        failed.id = QStringLiteral("tftp");
        failed.name = QStringLiteral("TFTP server");
        failed.state = Service::State::Failed;
        failed.error = QStringLiteral("The address is protected");
        const auto services = checkServices({failed});
        QCOMPARE(services.size(), 1);
        QCOMPARE(services.at(0).detail, failed.error);

        // run() puts errors first.
        in.statuses = {failed};
        const auto all = run(in, cannedProbe({}));
        QVERIFY(!all.isEmpty());
        QCOMPARE(all.at(0).severity, Severity::Error);
        for (qsizetype i = 1; i < all.size(); ++i)
            QVERIFY(int(all.at(i - 1).severity) >= int(all.at(i).severity));
    }
};

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
