// Proxy DHCP in network namespaces with real peers: a scapy-built Raspberry Pi 4 and ARM64 UEFI
// DISCOVER, dnsmasq's proxy answering the same Pi DISCOVER (option 43 compared byte for byte), the
// port 4011 exchange, non-PXE clients (scapy, busybox udhcpc) left alone, and foreign DHCP / PXE
// servers on the segment detected and reported.

#include "config/sections.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "dhcp/dhcpservice.h"
#include "dhcpnetnslab.h"
#include "http/httpservice.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace dhcp;

namespace {

const QByteArray PiOption43 = QByteArray::fromHex("0601030a0400505845091400001152617370626572727920506920426f6f74ff");
constexpr quint32 Proxy = 0x0a4d0001;      // 10.77.0.1, Metal Boot (namespace "pxe")

struct Reply
{
    QString source;
    int sourcePort = 0;
    int destPort = 0;
    Packet packet;
};

} // namespace

class TestDhcpProxy : public QObject
{
    Q_OBJECT

    DhcpNetnsLab m_lab;
    QTemporaryDir m_dir;
    DeviceJournal *m_journal = nullptr;
    DeviceRegistry *m_registry = nullptr;
    BootControl *m_boot = nullptr;
    HttpService *m_http = nullptr;
    DhcpService *m_dhcp = nullptr;
    QByteArray m_ourPiOption43;

    // Runs the scapy client in the client namespace and returns the replies it saw.
    QList<Reply> client(const QStringList &args, double timeout = 2.0)
    {
        QByteArray out;
        QStringList cmd{QStringLiteral("/usr/bin/python3"), DhcpNetnsLab::scapyClient(), QStringLiteral("--iface"),
                        QStringLiteral("vcli"), QStringLiteral("--timeout"), QString::number(timeout)};
        const int rc = m_lab.run(QStringLiteral("cli"), cmd + args, &out, 60000);
        if (rc != 0)
            qWarning() << "scapy client failed:" << rc << m_lab.lastStderr();
        QList<Reply> replies;
        for (const QJsonObject &o : DhcpNetnsLab::jsonLines(out)) {
            Reply r;
            r.source = o.value(QStringLiteral("src")).toString();
            r.sourcePort = o.value(QStringLiteral("sport")).toInt();
            r.destPort = o.value(QStringLiteral("dport")).toInt();
            if (!parsePacket(QByteArray::fromHex(o.value(QStringLiteral("hex")).toString().toLatin1()), &r.packet).ok())
                continue;
            replies.append(r);
        }
        return replies;
    }
    static QList<Reply> from(const QList<Reply> &all, const QString &source)
    {
        QList<Reply> out;
        for (const Reply &r : all)
            if (r.source == source)
                out.append(r);
        return out;
    }
    // A process is ready when its log says so (or after the timeout).
    static bool waitForOutput(QProcess *p, const QByteArray &marker, int ms = 5000)
    {
        QByteArray seen;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            QTest::qWait(50);
            seen += p->readAll();
            if (seen.contains(marker))
                return true;
        }
        return false;
    }
    QProcess *startDnsmasqProxy(const QString &ns, const QString &iface)
    {
        const QString conf = m_dir.filePath(ns + QStringLiteral("-proxy.conf"));
        QFile f(conf);
        if (!f.open(QIODevice::WriteOnly))
            return nullptr;
        // shared/reference/netboot.md 4.2, in the foreground and logging to stderr.
        f.write(QStringLiteral("port=0\ninterface=%1\nbind-interfaces\ndhcp-range=10.77.0.0,proxy,255.255.255.0\nlog-dhcp\n"
                               "dhcp-match=set:ipxe,175\ndhcp-userclass=set:ipxe,iPXE\n"
                               "pxe-service=tag:!ipxe,x86-64_EFI,\"chain iPXE\",ipxe.efi\n"
                               "pxe-service=tag:!ipxe,ARM64_EFI,\"arm64 test\",bootaa64.efi\n"
                               "pxe-service=tag:!ipxe,0,\"Raspberry Pi Boot\"\n"
                               "dhcp-boot=tag:ipxe,http://10.77.0.1:8080/boot.ipxe\n")
                    .arg(iface)
                    .toLatin1());
        f.close();
        QProcess *p = m_lab.spawn(ns, {QStringLiteral("dnsmasq"), QStringLiteral("-k"), QStringLiteral("--log-facility=-"),
                                       QStringLiteral("-C"), conf, QStringLiteral("--pid-file=")});
        if (p && !waitForOutput(p, "proxy on subnet"))
            qWarning() << "dnsmasq proxy did not report readiness";
        return p;
    }
    QProcess *startDnsmasqDhcp(const QString &ns, const QString &iface)
    {
        QProcess *p = m_lab.spawn(ns, {QStringLiteral("dnsmasq"), QStringLiteral("-k"), QStringLiteral("--log-facility=-"),
                                       QStringLiteral("--port=0"), QStringLiteral("--interface=") + iface,
                                       QStringLiteral("--bind-interfaces"), QStringLiteral("--no-ping"),
                                       QStringLiteral("--dhcp-range=10.77.0.100,10.77.0.150,255.255.255.0,1h"),
                                       QStringLiteral("--dhcp-leasefile=") + m_dir.filePath(ns + QStringLiteral(".leases")),
                                       QStringLiteral("--pid-file=")});
        if (p && !waitForOutput(p, "DHCP, IP range"))
            qWarning() << "dnsmasq did not report readiness";
        return p;
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
        QVERIFY2(m_lab.addHost(QStringLiteral("cli"), QStringLiteral("vcli"), {}, QStringLiteral("dc:a6:32:01:36:c2"), &error), qPrintable(error));
        QVERIFY2(m_lab.addHost(QStringLiteral("dhcp"), QStringLiteral("vdhcp"), QStringLiteral("10.77.0.2/24"), {}, &error), qPrintable(error));
        QVERIFY2(m_lab.addHost(QStringLiteral("pxe2"), QStringLiteral("vpxe2"), QStringLiteral("10.77.0.3/24"), {}, &error), qPrintable(error));
        // Metal Boot's sockets live in "pxe".
        QVERIFY2(m_lab.enter(QStringLiteral("pxe"), &error), qPrintable(error));

        m_journal = new DeviceJournal(this);
        m_registry = new DeviceRegistry(m_journal, this);
        m_boot = new BootControl(this);
        m_http = new HttpService(this);
        HttpConfig hc;
        hc.address = QHostAddress(QStringLiteral("10.77.0.1"));
        hc.port = 8080;
        m_http->setConfig(hc);
        QVERIFY(m_http->start());
        m_dhcp = new DhcpService(m_registry, m_journal, m_boot, m_http, this);
        m_dhcp->setDataDir(m_dir.path());
        DhcpConfig c;
        c.interface = QStringLiteral("vpxe");
        c.address = QHostAddress(QHostAddress::AnyIPv4);   // our address = the arrival interface's
        c.port = 67;
        c.proxyPort = 4011;
        c.mode = DhcpMode::Proxy;
        c.bootFiles = config::defaultBootFiles();
        c.piMacPrefixes = config::defaultPiMacPrefixes();
        m_dhcp->setConfig(c);
        QVERIFY2(m_dhcp->start(), qPrintable(m_dhcp->errorString()));
        QVERIFY(m_dhcp->endpoints().join(QLatin1Char(' ')).contains(QLatin1String("vpxe")));
    }
    void cleanupTestCase()
    {
        delete m_dhcp;
        m_dhcp = nullptr;
        delete m_http;
        m_http = nullptr;
        m_lab.teardown();
    }

    void piDiscover()
    {
        const QList<Reply> replies = client({QStringLiteral("--kind"), QStringLiteral("pi4"), QStringLiteral("--count"), QStringLiteral("1")});
        QCOMPARE(replies.size(), 1);
        const Reply &r = replies.first();
        QCOMPARE(r.source, QStringLiteral("10.77.0.1"));
        QCOMPARE(r.sourcePort, 67);
        QCOMPARE(r.destPort, 68);
        const Packet &p = r.packet;
        QCOMPARE(p.messageType(), MessageType::Offer);
        QCOMPARE(p.xid, 0x26f30339u);
        QCOMPARE(p.yiaddr, 0u);
        QCOMPARE(p.siaddr, Proxy);
        QCOMPARE(p.optionAddress(opt::ServerId), Proxy);
        QCOMPARE(p.option(opt::TftpServerName), QByteArray("10.77.0.1"));
        QCOMPARE(p.option(opt::VendorClass), QByteArray("PXEClient"));
        QCOMPARE(p.option(opt::ClientGuid).mid(1, 4), QByteArray("RPi4"));
        QCOMPARE(p.option(opt::VendorSpecific).toHex(), PiOption43.toHex());
        QVERIFY(p.file.isEmpty());
        m_ourPiOption43 = p.option(opt::VendorSpecific);
        const DeviceInfo *d = m_registry->find(*MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2")));
        QVERIFY(d);
        QCOMPARE(d->serial, QStringLiteral("9ffefdef"));
    }

    void arm64UefiDiscover()
    {
        const QList<Reply> replies = client({QStringLiteral("--kind"), QStringLiteral("arm64"), QStringLiteral("--mac"),
                                             QStringLiteral("52:54:00:aa:64:01"), QStringLiteral("--count"), QStringLiteral("1")});
        QCOMPARE(replies.size(), 1);
        const Packet &p = replies.first().packet;
        QCOMPARE(p.messageType(), MessageType::Offer);
        QVERIFY(p.isBroadcast());
        QCOMPARE(p.file, QByteArray("snp.efi"));
        QCOMPARE(p.sname, QByteArray("10.77.0.1"));
        QCOMPARE(p.siaddr, Proxy);
        QVERIFY(!p.has(opt::VendorSpecific));
        QCOMPARE(p.option(opt::VendorClass), QByteArray("PXEClient"));
        QCOMPARE(p.option(opt::ClientGuid).toHex(), QByteArray("00101112131415161718191a1b1c1d1e1f"));
        QCOMPARE(m_registry->find(*MacAddress::parse(QStringLiteral("52:54:00:aa:64:01")))->stage, BootStage::Uefi);
    }

    // dnsmasq in the same namespace answers the same Pi DISCOVER: option 43 must be identical.
    void dnsmasqSameOption43()
    {
        QVERIFY(!m_ourPiOption43.isEmpty());
        m_dhcp->stop();
        QProcess *dnsmasq = startDnsmasqProxy(QStringLiteral("pxe"), QStringLiteral("vpxe"));
        QVERIFY(dnsmasq);
        const QList<Reply> replies = client({QStringLiteral("--kind"), QStringLiteral("pi4"), QStringLiteral("--count"), QStringLiteral("1")});
        m_lab.stop(dnsmasq);
        QVERIFY(m_dhcp->start());
        QCOMPARE(replies.size(), 1);
        const Packet &theirs = replies.first().packet;
        QCOMPARE(theirs.option(opt::VendorSpecific).toHex(), m_ourPiOption43.toHex());
        QCOMPARE(theirs.option(opt::VendorClass), QByteArray("PXEClient"));
        QCOMPARE(theirs.optionAddress(opt::ServerId), Proxy);
    }

    void pxePort4011()
    {
        QString error;
        QVERIFY2(m_lab.ipIn(QStringLiteral("cli"), {QStringLiteral("addr"), QStringLiteral("add"), QStringLiteral("10.77.0.50/24"),
                                                    QStringLiteral("dev"), QStringLiteral("vcli")}, &error),
                 qPrintable(error));
        const QList<Reply> replies = client({QStringLiteral("--kind"), QStringLiteral("x64"), QStringLiteral("--mac"),
                                             QStringLiteral("52:54:00:aa:64:01"), QStringLiteral("--pxe-request"), QStringLiteral("10.77.0.1")});
        QVERIFY2(m_lab.ipIn(QStringLiteral("cli"), {QStringLiteral("addr"), QStringLiteral("flush"), QStringLiteral("dev"), QStringLiteral("vcli")}, &error),
                 qPrintable(error));
        QCOMPARE(replies.size(), 1);
        const Reply &r = replies.first();
        QCOMPARE(r.source, QStringLiteral("10.77.0.1"));
        QCOMPARE(r.sourcePort, 4011);
        QCOMPARE(r.packet.messageType(), MessageType::Ack);
        QCOMPARE(r.packet.file, QByteArray("ipxe.efi"));
        QCOMPARE(ipToString(r.packet.ciaddr), QStringLiteral("10.77.0.50"));
        QCOMPARE(r.packet.siaddr, Proxy);
        QCOMPARE(m_registry->find(*MacAddress::parse(QStringLiteral("52:54:00:aa:64:01")))->ip, QHostAddress(QStringLiteral("10.77.0.50")));
    }

    void nonPxeClientsGetNothing()
    {
        const quint64 before = m_dhcp->counter(QStringLiteral("ignored.not-netboot"));
        const quint64 offers = m_dhcp->counter(QStringLiteral("offer"));
        QVERIFY(client({QStringLiteral("--kind"), QStringLiteral("plain"), QStringLiteral("--mac"), QStringLiteral("52:54:00:aa:00:09")}, 1.5).isEmpty());
        // A real client: busybox udhcpc without a PXE vendor class gets no offer and gives up.
        const int rc = m_lab.run(QStringLiteral("cli"), {QStringLiteral("busybox"), QStringLiteral("udhcpc"), QStringLiteral("-i"),
                                                         QStringLiteral("vcli"), QStringLiteral("-f"), QStringLiteral("-q"),
                                                         QStringLiteral("-n"), QStringLiteral("-t"), QStringLiteral("2"),
                                                         QStringLiteral("-T"), QStringLiteral("1"), QStringLiteral("-s"), QStringLiteral("/bin/true")});
        QVERIFY(rc != 0);
        QTRY_VERIFY(m_dhcp->counter(QStringLiteral("ignored.not-netboot")) >= before + 3);
        QCOMPARE(m_dhcp->counter(QStringLiteral("offer")), offers);
    }

    // Other servers on the segment: a plain DHCP server is expected next to a proxy (listed, not an
    // error); a second PXE responder is reported.
    void foreignServers()
    {
        QSignalSpy detected(m_dhcp, &DhcpService::foreignServerDetected);
        QSignalSpy errors(m_dhcp, &Service::errorOccurred);
        QProcess *plain = startDnsmasqDhcp(QStringLiteral("dhcp"), QStringLiteral("vdhcp"));
        QVERIFY(plain);
        QVERIFY(m_dhcp->probeForeignServers());
        QTRY_VERIFY_WITH_TIMEOUT(detected.size() >= 1, 5000);
        auto find = [this](const QString &id) {
            for (const ForeignDhcpServer &s : m_dhcp->foreignServers())
                if (s.address() == id)
                    return s;
            return ForeignDhcpServer{};
        };
        ForeignDhcpServer s = find(QStringLiteral("10.77.0.2"));
        QCOMPARE(s.address(), QStringLiteral("10.77.0.2"));
        QVERIFY(s.offersAddresses);
        QVERIFY(!s.offersBoot);
        QVERIFY(!s.conflicting);
        QCOMPARE(s.interfaceName, QStringLiteral("vpxe"));
        for (const auto &args : errors)
            QVERIFY(args.at(0).value<ServiceError>().code != QLatin1String("foreign-server"));

        // Passive detection: a second PXE responder answers a UEFI client next to us.
        QProcess *rogue = startDnsmasqProxy(QStringLiteral("pxe2"), QStringLiteral("vpxe2"));
        QVERIFY(rogue);
        const QList<Reply> replies = client({QStringLiteral("--kind"), QStringLiteral("arm64"), QStringLiteral("--mac"),
                                             QStringLiteral("52:54:00:aa:64:07"), QStringLiteral("--count"), QStringLiteral("3")});
        QCOMPARE(from(replies, QStringLiteral("10.77.0.1")).size(), 1);   // us
        QCOMPARE(from(replies, QStringLiteral("10.77.0.2")).size(), 1);   // the plain DHCP server
        QCOMPARE(from(replies, QStringLiteral("10.77.0.3")).size(), 1);   // the second PXE responder
        QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("10.77.0.3")).conflicting, 5000);
        s = find(QStringLiteral("10.77.0.3"));
        QVERIFY(s.offersBoot);
        QVERIFY(!s.offersAddresses);
        bool reported = false;
        for (const auto &args : errors)
            reported |= args.at(0).value<ServiceError>().code == QLatin1String("foreign-server");
        QVERIFY(reported);
        int journaled = 0;
        for (const JournalEvent &e : m_journal->recent())
            if (e.kind == QLatin1String(journalkind::DhcpForeignServer))
                ++journaled;
        QCOMPARE(journaled, 2);
        QCOMPARE(m_dhcp->foreignServers().size(), 2);
        m_lab.stop(rogue);
        m_lab.stop(plain);
    }
};

QTEST_GUILESS_MAIN(TestDhcpProxy)
#include "tst_dhcpproxy.moc"
