// First-run wizard logic: default routes, adapter warnings, DHCP mode recommendation, pool
// proposal and the lab.yaml change (validated by the real config loader).
#include "config/labconfigloader.h"
#include "engine/labengine.h"
#include "labfacade.h"
#include "setupplan.h"
#include "setupwizard.h"

#include <QTest>

using namespace setupplan;

namespace {
InterfaceInfo wired(const QString &name, const QString &ip, int prefix, const QString &gateway = {})
{
    InterfaceInfo i;
    i.name = name;
    i.type = QNetworkInterface::Ethernet;
    i.up = i.running = i.canBroadcast = true;
    if (!ip.isEmpty())
        i.ipv4 = {{QHostAddress(ip), prefix}};
    if (!gateway.isEmpty())
        i.gateway = QHostAddress(gateway);
    return i;
}

LabConfig demoLab()
{
    const auto r = LabConfigLoader::loadText(LabEngine::defaultLabYaml(), QStringLiteral("lab.yaml"));
    return r.config;
}
} // namespace

class TestSetupPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesDefaultRoutes()
    {
        const QByteArray route =
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
            "eth0\t00000000\t010011AC\t0003\t0\t0\t0\t00000000\t0\t0\t0\n"
            "eth0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n"
            "lab0\t0000630A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";
        const auto gw = parseDefaultGateways(route);
        QCOMPARE(gw.size(), 1);
        QCOMPARE(gw.value(QStringLiteral("eth0")), QHostAddress(QStringLiteral("172.17.0.1")));
    }

    void warnsAboutUnsuitableAdapters_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("wireless");
        QTest::addColumn<bool>("isVirtual");
        QTest::newRow("ethernet") << "enp3s0" << int(QNetworkInterface::Ethernet) << false << false;
        QTest::newRow("wifi by type") << "wlp2s0" << int(QNetworkInterface::Wifi) << true << false;
        QTest::newRow("wifi by name") << "wlan0" << int(QNetworkInterface::Ethernet) << true << false;
        QTest::newRow("docker") << "docker0" << int(QNetworkInterface::Ethernet) << false << true;
        QTest::newRow("veth") << "veth12ab" << int(QNetworkInterface::Ethernet) << false << true;
        QTest::newRow("libvirt") << "virbr0" << int(QNetworkInterface::Ethernet) << false << true;
        QTest::newRow("tun") << "tun0" << int(QNetworkInterface::Unknown) << false << true;
        QTest::newRow("tap") << "tap3" << int(QNetworkInterface::Ethernet) << false << true;
        QTest::newRow("virtual type") << "foo0" << int(QNetworkInterface::Virtual) << false << true;
    }
    void warnsAboutUnsuitableAdapters()
    {
        QFETCH(QString, name);
        QFETCH(int, type);
        QFETCH(bool, wireless);
        QFETCH(bool, isVirtual);
        InterfaceInfo i = wired(name, QStringLiteral("10.0.0.2"), 24);
        i.type = QNetworkInterface::InterfaceType(type);
        QCOMPARE(isWireless(i), wireless);
        QCOMPARE(isVirtualAdapter(i), isVirtual);
        QCOMPARE(warning(i).isEmpty(), !wireless && !isVirtual);
    }

    void warnsAboutLinkAndAddress()
    {
        InterfaceInfo i = wired(QStringLiteral("eth1"), QString(), 0);
        QVERIFY(warning(i).contains(QLatin1String("IPv4")));
        i.running = false;
        QVERIFY(warning(i).contains(QLatin1String("link")));
        i.up = false;
        QVERIFY(warning(i).contains(QLatin1String("down")));
    }

    void recommendsAMode()
    {
        QCOMPARE(recommend(wired(QStringLiteral("eth0"), QStringLiteral("192.168.1.20"), 24, QStringLiteral("192.168.1.1"))).mode, Mode::Proxy);
        QCOMPARE(recommend(wired(QStringLiteral("lab0"), QStringLiteral("10.99.0.1"), 24)).mode, Mode::Full);
        QCOMPARE(recommend(wired(QStringLiteral("lab0"), QStringLiteral("169.254.3.4"), 16)).mode, Mode::Full);
        const auto none = recommend(wired(QStringLiteral("lab0"), QString(), 0));
        QCOMPARE(none.mode, Mode::None);
        QVERIFY(!none.reason.isEmpty());
        // A link-local address next to a real one: the real one counts.
        InterfaceInfo both = wired(QStringLiteral("eth0"), QStringLiteral("169.254.3.4"), 16, QStringLiteral("192.168.1.1"));
        both.ipv4.append({QHostAddress(QStringLiteral("192.168.1.20")), 24});
        QCOMPARE(primaryAddress(both).ip, QHostAddress(QStringLiteral("192.168.1.20")));
    }

    // What the DHCP engine saw beats the routing-table guess.
    void recommendsFromServersSeen()
    {
        const InterfaceInfo lab = wired(QStringLiteral("lab0"), QStringLiteral("10.99.0.1"), 24);
        ForeignDhcpServer server;
        server.serverId = server.source = 0x0A630002;   // 10.99.0.2
        server.interfaceName = QStringLiteral("lab0");
        server.offersAddresses = true;
        DhcpObservation seen;
        seen.watchedInterface = QStringLiteral("lab0");
        seen.servers = {server};
        auto r = recommend(lab, seen);
        QCOMPARE(r.mode, Mode::Proxy);                  // no router, but a DHCP server answers
        QVERIFY(r.reason.contains(QLatin1String("10.99.0.2")));
        // Seen on another interface: does not count.
        seen.servers.first().interfaceName = QStringLiteral("eth9");
        QCOMPARE(recommend(lab, seen).mode, Mode::Full);
        // Watched and silent: full, and the reason says so.
        seen.servers.clear();
        r = recommend(lab, seen);
        QCOMPARE(r.mode, Mode::Full);
        QVERIFY(r.reason.contains(QLatin1String("watched")));
        // A PXE responder is named as a warning whatever the mode.
        server.offersAddresses = false;
        server.offersBoot = true;
        seen.servers = {server};
        r = recommend(wired(QStringLiteral("lab0"), QStringLiteral("10.99.0.1"), 24, QStringLiteral("10.99.0.254")), seen);
        QCOMPARE(r.mode, Mode::Proxy);
        QVERIFY(r.reason.contains(QLatin1String("Warning")));
        QVERIFY(r.reason.contains(QLatin1String("10.99.0.2")));
    }

    // The facade feeds what the DHCP engine saw into the wizard; the open choice is re-recommended.
    void wizardFollowsTheDhcpEngine()
    {
        LabFacade lab(nullptr);
        SetupWizard *wizard = lab.setup();
        wizard->interfaces()->setInterfaces({wired(QStringLiteral("lab0"), QStringLiteral("10.99.0.1"), 24)});
        wizard->setSelectedIndex(0);
        QCOMPARE(wizard->recommendedMode(), QStringLiteral("full"));
        QCOMPARE(wizard->mode(), QStringLiteral("full"));
        ForeignDhcpServer server;
        server.serverId = server.source = 0x0A630002;
        server.interfaceName = QStringLiteral("lab0");
        server.offersAddresses = true;
        lab.setForeignServers({server});
        QCOMPARE(lab.foreignServers().size(), 1);
        QCOMPARE(lab.foreignServers().at(0).toMap().value(QStringLiteral("address")).toString(), QStringLiteral("10.99.0.2"));
        QCOMPARE(wizard->recommendedMode(), QStringLiteral("proxy"));
        QVERIFY(wizard->recommendation().contains(QLatin1String("10.99.0.2")));
        QCOMPARE(wizard->mode(), QStringLiteral("full"));   // the user's current choice is not switched behind their back
    }

    void proposesAPool_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<int>("prefix");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::newRow("/24, host .1") << "10.99.0.1" << 24 << "10.99.0.100" << "10.99.0.199";
        QTest::newRow("/24, host in range") << "10.99.0.150" << 24 << "10.99.0.200" << "10.99.0.249";
        QTest::newRow("/16 uses the host's /24") << "172.20.5.1" << 16 << "172.20.5.100" << "172.20.5.199";
        QTest::newRow("/28 low host") << "10.0.0.1" << 28 << "10.0.0.2" << "10.0.0.14";
        QTest::newRow("/28 high host") << "10.0.0.14" << 28 << "10.0.0.1" << "10.0.0.13";
    }
    void proposesAPool()
    {
        QFETCH(QString, ip);
        QFETCH(int, prefix);
        QFETCH(QString, start);
        QFETCH(QString, end);
        const Plan p = propose(wired(QStringLiteral("lab0"), ip, prefix), Mode::Full);
        QVERIFY(p.isValid());
        QCOMPARE(p.poolStart.toString(), start);
        QCOMPARE(p.poolEnd.toString(), end);
    }

    void appliedPlanIsAValidLab_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("proxy") << int(Mode::Proxy);
        QTest::newRow("full") << int(Mode::Full);
    }
    void appliedPlanIsAValidLab()
    {
        QFETCH(int, mode);
        LabConfig lab = demoLab();
        QVERIFY(!lab.devices.isEmpty());
        const LabConfig before = lab;
        const Plan plan = propose(wired(QStringLiteral("lab0"), QStringLiteral("10.99.0.1"), 24), Mode(mode));
        apply(lab, plan);
        const auto reloaded = LabConfigLoader::loadText(LabConfigWriter::toYaml(lab), QStringLiteral("lab.yaml"));
        QVERIFY2(reloaded.ok(), qPrintable(reloaded.errorText()));
        const auto &s = reloaded.config.services;
        QCOMPARE(s.dhcp.interface, QStringLiteral("lab0"));
        QCOMPARE(s.dhcp.address, QHostAddress(QStringLiteral("10.99.0.1")));
        QCOMPARE(s.tftp.address, QHostAddress(QStringLiteral("10.99.0.1")));
        QCOMPARE(s.http.address, QHostAddress(QStringLiteral("10.99.0.1")));
        QCOMPARE(s.consoles.interface, QStringLiteral("lab0"));
        QCOMPARE(s.dhcp.port, quint16(67));
        QCOMPARE(s.tftp.port, quint16(69));
        QVERIFY(!s.dhcp.replyToSource);
        QCOMPARE(s.redfish.address, before.services.redfish.address);   // the BMC API stays where it was
        QCOMPARE(s.dhcp.mode, Mode(mode) == Mode::Full ? DhcpMode::Full : DhcpMode::Proxy);
        if (Mode(mode) == Mode::Full) {
            QCOMPARE(s.dhcp.pool.netmask, QHostAddress(QStringLiteral("255.255.255.0")));
            QCOMPARE(s.dhcp.pool.rangeStart, QHostAddress(QStringLiteral("10.99.0.100")));
        }
        QCOMPARE(reloaded.config.devices.size(), before.devices.size());
        const QStringList text = describe(before, plan);
        QVERIFY(text.join(QLatin1Char(' ')).contains(QLatin1String("lab0 (10.99.0.1)")));
    }

    void scanFindsLoopback()
    {
        const auto list = scan();
        QVERIFY(std::any_of(list.cbegin(), list.cend(), [](const InterfaceInfo &i) { return i.loopback; }));
        QVERIFY(list.constLast().loopback);   // sorted last
    }
};

QTEST_GUILESS_MAIN(TestSetupPlan)
#include "tst_setupplan.moc"
