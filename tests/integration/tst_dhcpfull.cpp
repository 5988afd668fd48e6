// Full DHCP mode in network namespaces with real clients: ISC dhclient and busybox udhcpc obtain,
// renew and release leases; the lease file follows; a relay agent (giaddr) is served; a lease file
// written by dnsmasq is taken over.

#include "config/sections.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "dhcp/dhcpservice.h"
#include "dhcpnetnslab.h"
#include "http/httpservice.h"

#include <QTemporaryDir>
#include <QTest>

using namespace dhcp;

class TestDhcpFull : public QObject
{
    Q_OBJECT

    DhcpNetnsLab m_lab;
    QTemporaryDir m_dir;
    DeviceJournal *m_journal = nullptr;
    DeviceRegistry *m_registry = nullptr;
    BootControl *m_boot = nullptr;
    HttpService *m_http = nullptr;
    DhcpService *m_dhcp = nullptr;
    DhcpConfig m_config;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QByteArray readFile(const QString &name) const
    {
        QFile f(name);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    bool writeScript(const QString &name, const QByteArray &text)
    {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(text);
        f.close();
        return f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const DhcpLease *leaseOf(const QString &mac, QList<DhcpLease> *store)
    {
        *store = m_dhcp->leases();
        for (const DhcpLease &l : *store)
            if (l.mac().toString() == mac)
                return &l;
        return nullptr;
    }
    bool hasLease(const QString &mac)
    {
        QList<DhcpLease> s;
        return leaseOf(mac, &s) != nullptr;
    }
    QString leasedIp(const QString &mac)
    {
        QList<DhcpLease> s;
        const DhcpLease *l = leaseOf(mac, &s);
        return l ? ipToString(l->address) : QString();
    }
    int events(const char *kind, const QString &mac, const QString &state = {}) const
    {
        int n = 0;
        for (const JournalEvent &e : m_journal->recent())
            if (e.kind == QLatin1String(kind) && e.mac.toString() == mac
                && (state.isEmpty() || e.data.value(QStringLiteral("state")).toString() == state))
                ++n;
        return n;
    }
    QString addressesIn(const QString &ns, const QString &iface)
    {
        QByteArray out;
        m_lab.run(ns, {QStringLiteral("ip"), QStringLiteral("-4"), QStringLiteral("-o"), QStringLiteral("addr"), QStringLiteral("show"),
                       QStringLiteral("dev"), iface},
                  &out);
        return QString::fromLatin1(out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString why = DhcpNetnsLab::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_lab.create(&error), qPrintable(error));
        QVERIFY2(m_lab.addHost(QStringLiteral("pxe"), QStringLiteral("vpxe"), QStringLiteral("10.77.0.1/24"), {}, &error), qPrintable(error));
        QVERIFY2(m_lab.addHost(QStringLiteral("cli"), QStringLiteral("vcli"), {}, QStringLiteral("52:54:00:aa:64:01"), &error), qPrintable(error));
        QVERIFY2(m_lab.addHost(QStringLiteral("pi"), QStringLiteral("vpi"), {}, QStringLiteral("dc:a6:32:01:36:c2"), &error), qPrintable(error));
        QVERIFY2(m_lab.addHost(QStringLiteral("relay"), QStringLiteral("vrelay"), QStringLiteral("10.77.0.254/24"), {}, &error), qPrintable(error));
        QVERIFY2(m_lab.enter(QStringLiteral("pxe"), &error), qPrintable(error));

        // Client scripts configure the namespace's interface and log what happened.
        QVERIFY(writeScript(QStringLiteral("dhclient-script"),
                            "#!/bin/sh\n"
                            "case \"$reason\" in\n"
                            "BOUND|RENEW|REBIND|REBOOT) ip addr flush dev \"$interface\"; ip addr add \"$new_ip_address/$new_subnet_mask\" dev \"$interface\";;\n"
                            "EXPIRE|FAIL|RELEASE|STOP) ip addr flush dev \"$interface\";;\n"
                            "esac\n"
                            "echo \"$reason $new_ip_address\" >> \"$(dirname \"$0\")/dhclient.log\"\n"));
        QVERIFY(writeScript(QStringLiteral("udhcpc-script"),
                            "#!/bin/sh\n"
                            "case \"$1\" in\n"
                            "bound|renew) ip addr flush dev \"$interface\"; ip addr add \"$ip/${mask:-24}\" dev \"$interface\";;\n"
                            "deconfig) ip addr flush dev \"$interface\";;\n"
                            "esac\n"
                            "echo \"$1 ip=$ip boot_file=$boot_file siaddr=$siaddr tftp=$tftp opt43=$opt43\" >> \"$(dirname \"$0\")/udhcpc.log\"\n"));
        QFile conf(path(QStringLiteral("dhclient.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("request subnet-mask, broadcast-address, routers, domain-name, domain-name-servers, host-name;\n");
        conf.close();

        m_journal = new DeviceJournal(this);
        m_registry = new DeviceRegistry(m_journal, this);
        m_boot = new BootControl(this);
        m_http = new HttpService(this);
        m_dhcp = new DhcpService(m_registry, m_journal, m_boot, m_http, this);
        m_dhcp->setDataDir(m_dir.path());
        m_config.interface = QStringLiteral("vpxe");
        m_config.address = QHostAddress(QHostAddress::AnyIPv4);
        m_config.port = 67;
        m_config.proxyPort = 4011;
        m_config.mode = DhcpMode::Full;
        m_config.bootFiles = config::defaultBootFiles();
        m_config.piMacPrefixes = config::defaultPiMacPrefixes();
        m_config.pool.rangeStart = QHostAddress(QStringLiteral("10.77.0.100"));
        m_config.pool.rangeEnd = QHostAddress(QStringLiteral("10.77.0.150"));
        m_config.pool.netmask = QHostAddress(QStringLiteral("255.255.255.0"));
        m_config.pool.router = QHostAddress(QStringLiteral("10.77.0.1"));
        m_config.pool.dnsServers = {QHostAddress(QStringLiteral("10.77.0.1"))};
        m_config.pool.domain = QStringLiteral("lab.example");
        m_config.pool.leaseSeconds = 10;   // short, so the clients renew during the test (T1 = 5 s)
        m_config.pool.leaseFile = path(QStringLiteral("metalboot.leases"));
        m_dhcp->setConfig(m_config);
        QVERIFY2(m_dhcp->start(), qPrintable(m_dhcp->errorString()));
    }
    void cleanupTestCase()
    {
        delete m_dhcp;
        m_dhcp = nullptr;
        m_lab.teardown();
    }

    void dhclientLeaseRenewRelease()
    {
        const QString mac = QStringLiteral("52:54:00:aa:64:01");
        const QStringList common{QStringLiteral("-cf"), path(QStringLiteral("dhclient.conf")), QStringLiteral("-lf"),
                                 path(QStringLiteral("dhclient.leases")), QStringLiteral("-pf"), path(QStringLiteral("dhclient.pid")),
                                 QStringLiteral("-sf"), path(QStringLiteral("dhclient-script"))};
        QProcess *dhclient = m_lab.spawn(QStringLiteral("cli"), QStringList{QStringLiteral("dhclient"), QStringLiteral("-d"), QStringLiteral("-v")}
                                                                  + common + QStringList{QStringLiteral("vcli")});
        QVERIFY(dhclient);
        QTRY_VERIFY_WITH_TIMEOUT(hasLease(mac), 15000);
        const QString ip = leasedIp(mac);
        QVERIFY(ip.startsWith(QLatin1String("10.77.0.1")));
        QTRY_VERIFY(readFile(path(QStringLiteral("dhclient.log"))).contains(QByteArray("BOUND " + ip.toLatin1())));
        QVERIFY(addressesIn(QStringLiteral("cli"), QStringLiteral("vcli")).contains(ip + QStringLiteral("/24")));
        QTRY_VERIFY(readFile(m_config.pool.leaseFile).contains(QByteArray(" 52:54:00:aa:64:01 " + ip.toLatin1() + ' ')));
        QVERIFY(readFile(path(QStringLiteral("dhclient.leases"))).contains(QByteArray("fixed-address " + ip.toLatin1())));
        QCOMPARE(m_dhcp->counter(QStringLiteral("offer")), 1u);

        // T1 = 5 s: dhclient renews by unicast (RENEWING) and gets an ACK for the same address.
        QTRY_VERIFY_WITH_TIMEOUT(events(journalkind::DhcpRequest, mac, QStringLiteral("renewing")) >= 1, 15000);
        QTRY_VERIFY(readFile(path(QStringLiteral("dhclient.log"))).contains(QByteArray("RENEW " + ip.toLatin1())));
        QCOMPARE(leasedIp(mac), ip);
        QVERIFY(m_dhcp->counter(QStringLiteral("ack")) >= 2);

        // dhclient -r sends a RELEASE: the address is free again, in memory and on disk.
        m_lab.stop(dhclient);
        QCOMPARE(m_lab.run(QStringLiteral("cli"), QStringList{QStringLiteral("dhclient"), QStringLiteral("-r"), QStringLiteral("-v")} + common
                                                       + QStringList{QStringLiteral("vcli")}),
                 0);
        QTRY_VERIFY(!hasLease(mac));
        QTRY_VERIFY(!readFile(m_config.pool.leaseFile).contains("52:54:00:aa:64:01"));
        QCOMPARE(events(journalkind::DhcpRelease, mac), 1);
    }

    void udhcpcNetbootLeaseRenewRelease()
    {
        const QString mac = QStringLiteral("dc:a6:32:01:36:c2");
        // A PXE client (x64 UEFI option 60/93/97) with a Pi MAC: lease plus netboot options.
        QProcess *udhcpc = m_lab.spawn(QStringLiteral("pi"), {QStringLiteral("busybox"), QStringLiteral("udhcpc"), QStringLiteral("-i"), QStringLiteral("vpi"),
                                                              QStringLiteral("-f"), QStringLiteral("-t"), QStringLiteral("5"), QStringLiteral("-T"), QStringLiteral("2"),
                                                              QStringLiteral("-V"), QStringLiteral("PXEClient:Arch:00007:UNDI:003000"),
                                                              QStringLiteral("-x"), QStringLiteral("0x5d:0007"), QStringLiteral("-x"), QStringLiteral("0x5e:010300"),
                                                              QStringLiteral("-x"), QStringLiteral("0x61:0011223344556677889900aabbccddeeff"),
                                                              QStringLiteral("-x"), QStringLiteral("hostname:pi-lab-07"),
                                                              QStringLiteral("-O"), QStringLiteral("43"), QStringLiteral("-O"), QStringLiteral("66"),
                                                              QStringLiteral("-O"), QStringLiteral("67"), QStringLiteral("-s"), path(QStringLiteral("udhcpc-script"))});
        QVERIFY(udhcpc);
        QTRY_VERIFY_WITH_TIMEOUT(hasLease(mac), 15000);
        const QString ip = leasedIp(mac);
        QTRY_VERIFY(readFile(path(QStringLiteral("udhcpc.log"))).contains(QByteArray("bound ip=" + ip.toLatin1())));
        const QByteArray log = readFile(path(QStringLiteral("udhcpc.log")));
        QVERIFY2(log.contains("boot_file=ipxe.efi"), log.constData());
        QVERIFY2(log.contains("siaddr=10.77.0.1"), log.constData());
        QVERIFY2(log.contains("tftp=10.77.0.1"), log.constData());
        QVERIFY(addressesIn(QStringLiteral("pi"), QStringLiteral("vpi")).contains(ip + QStringLiteral("/24")));
        QTRY_VERIFY(readFile(m_config.pool.leaseFile).contains(QByteArray("dc:a6:32:01:36:c2 " + ip.toLatin1() + " pi-lab-07 ")));
        QCOMPARE(m_registry->find(*MacAddress::parse(mac))->ip, QHostAddress(ip));

        // SIGUSR1: renew now.
        const int renewsBefore = events(journalkind::DhcpRequest, mac, QStringLiteral("renewing"));
        QVERIFY(DhcpNetnsLab::signal(udhcpc, SIGUSR1));
        QTRY_VERIFY_WITH_TIMEOUT(events(journalkind::DhcpRequest, mac, QStringLiteral("renewing")) > renewsBefore, 5000);
        QTRY_VERIFY(readFile(path(QStringLiteral("udhcpc.log"))).contains(QByteArray("renew ip=" + ip.toLatin1())));
        QCOMPARE(leasedIp(mac), ip);

        // SIGUSR2: release.
        QVERIFY(DhcpNetnsLab::signal(udhcpc, SIGUSR2));
        QTRY_VERIFY(!hasLease(mac));
        QTRY_VERIFY(!readFile(m_config.pool.leaseFile).contains("dc:a6:32:01:36:c2"));
        QCOMPARE(events(journalkind::DhcpRelease, mac), 1);
        m_lab.stop(udhcpc);
    }

    void relayAgent()
    {
        QByteArray out;
        QCOMPARE(m_lab.run(QStringLiteral("relay"), {QStringLiteral("/usr/bin/python3"), DhcpNetnsLab::scapyClient(), QStringLiteral("--iface"),
                                                     QStringLiteral("vrelay"), QStringLiteral("--kind"), QStringLiteral("plain"), QStringLiteral("--mac"),
                                                     QStringLiteral("52:54:00:aa:64:33"), QStringLiteral("--relay"), QStringLiteral("10.77.0.254"),
                                                     QStringLiteral("--server"), QStringLiteral("10.77.0.1"), QStringLiteral("--timeout"), QStringLiteral("3")},
                           &out, 30000),
                 0);
        const QList<QJsonObject> replies = DhcpNetnsLab::jsonLines(out);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().value(QStringLiteral("sport")).toInt(), 67);
        Packet offer;
        QVERIFY(parsePacket(QByteArray::fromHex(replies.first().value(QStringLiteral("hex")).toString().toLatin1()), &offer).ok());
        QCOMPARE(offer.messageType(), MessageType::Offer);
        QCOMPARE(ipToString(offer.giaddr), QStringLiteral("10.77.0.254"));
        QVERIFY(offer.yiaddr >= 0x0a4d0064 && offer.yiaddr <= 0x0a4d0096);
        QCOMPARE(offer.optionAddress(opt::ServerId), 0x0a4d0001u);
    }

    // With address 0.0.0.0 the server's own address is learnt from the interface, never leased.
    void neverLeasesOwnAddress()
    {
        m_dhcp->stop();
        DhcpConfig c = m_config;
        c.pool.rangeStart = QHostAddress(QStringLiteral("10.77.0.1"));
        c.pool.rangeEnd = QHostAddress(QStringLiteral("10.77.0.2"));
        c.pool.router = QHostAddress();
        c.pool.leaseFile = path(QStringLiteral("own.leases"));
        m_dhcp->setConfig(c);
        QVERIFY2(m_dhcp->start(), qPrintable(m_dhcp->errorString()));
        QCOMPARE(m_lab.run(QStringLiteral("relay"), {QStringLiteral("busybox"), QStringLiteral("udhcpc"), QStringLiteral("-i"), QStringLiteral("vrelay"),
                                                     QStringLiteral("-f"), QStringLiteral("-q"), QStringLiteral("-n"), QStringLiteral("-t"), QStringLiteral("4"),
                                                     QStringLiteral("-T"), QStringLiteral("1"), QStringLiteral("-r"), QStringLiteral("10.77.0.1"),
                                                     QStringLiteral("-s"), QStringLiteral("/bin/true")}),
                 0);   // asks for the server's own address
        QCOMPARE(m_dhcp->leases().size(), 1);
        QCOMPARE(ipToString(m_dhcp->leases().first().address), QStringLiteral("10.77.0.2"));
        m_dhcp->stop();
        m_dhcp->setConfig(m_config);
        QVERIFY(m_dhcp->start());
    }

    // A lease file written by dnsmasq is taken over: the client keeps its address.
    void takesOverDnsmasqLeases()
    {
        m_dhcp->stop();
        const QString dnsmasqLeases = path(QStringLiteral("dnsmasq.leases"));
        QProcess *dnsmasq = m_lab.spawn(QStringLiteral("pxe"), {QStringLiteral("dnsmasq"), QStringLiteral("-k"), QStringLiteral("--log-facility=-"),
                                                               QStringLiteral("--port=0"), QStringLiteral("--interface=vpxe"),
                                                               QStringLiteral("--bind-interfaces"), QStringLiteral("--no-ping"),
                                                               QStringLiteral("--dhcp-authoritative"),
                                                               QStringLiteral("--dhcp-range=10.77.0.100,10.77.0.150,255.255.255.0,1h"),
                                                               QStringLiteral("--dhcp-leasefile=") + dnsmasqLeases, QStringLiteral("--pid-file=")});
        QVERIFY(dnsmasq);
        QTest::qWait(500);
        const QStringList udhcpc{QStringLiteral("busybox"), QStringLiteral("udhcpc"), QStringLiteral("-i"), QStringLiteral("vcli"), QStringLiteral("-f"),
                                 QStringLiteral("-q"), QStringLiteral("-n"), QStringLiteral("-t"), QStringLiteral("4"), QStringLiteral("-T"), QStringLiteral("1"),
                                 QStringLiteral("-s"), path(QStringLiteral("udhcpc-script"))};
        QCOMPARE(m_lab.run(QStringLiteral("cli"), udhcpc), 0);
        QTRY_VERIFY(readFile(dnsmasqLeases).contains("52:54:00:aa:64:01"));
        m_lab.stop(dnsmasq);
        const QByteArray line = readFile(dnsmasqLeases).trimmed();
        const QString dnsmasqIp = QString::fromLatin1(line.split(' ').value(2));
        QVERIFY(!dnsmasqIp.isEmpty());

        DhcpConfig c = m_config;
        c.pool.leaseFile = dnsmasqLeases;
        c.pool.leaseSeconds = 3600;
        m_dhcp->setConfig(c);
        QVERIFY2(m_dhcp->start(), qPrintable(m_dhcp->errorString()));
        QCOMPARE(leasedIp(QStringLiteral("52:54:00:aa:64:01")), dnsmasqIp);
        // The same client, now served by Metal Boot, gets the address dnsmasq gave it.
        const int acks = events(journalkind::DhcpAck, QStringLiteral("52:54:00:aa:64:01"));
        QCOMPARE(m_lab.run(QStringLiteral("cli"), udhcpc), 0);
        QVERIFY(addressesIn(QStringLiteral("cli"), QStringLiteral("vcli")).contains(dnsmasqIp + QStringLiteral("/24")));
        QCOMPARE(events(journalkind::DhcpAck, QStringLiteral("52:54:00:aa:64:01")), acks + 1);
        QCOMPARE(leasedIp(QStringLiteral("52:54:00:aa:64:01")), dnsmasqIp);
    }
};

QTEST_GUILESS_MAIN(TestDhcpFull)
#include "tst_dhcpfull.moc"
