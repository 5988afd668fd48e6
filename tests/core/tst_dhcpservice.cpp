#include "config/sections.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "dhcp/dhcpservice.h"
#include "dhcp/pxeoptions.h"
#include "dhcpfixtures.h"
#include "http/httpservice.h"

#include <QFile>
#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace dhcp;

namespace {

constexpr quint32 Loopback = 0x7f000001;

Packet parse(const QByteArray &wire)
{
    Packet p;
    const ParseResult r = parsePacket(wire, &p);
    if (!r.ok())
        qFatal("does not parse: %s", qPrintable(r.detail));
    return p;
}

Packet withMac(Packet p, const QString &mac)
{
    p.chaddr = MacAddress::parse(mac)->toBytes() + QByteArray(10, '\0');
    return p;
}

Packet asType(Packet p, MessageType type)
{
    p.setOption8(opt::MessageType, quint8(type));
    return p;
}

// A bare client message (no netboot options), like a Pi's REQUEST or a plain DHCP client's.
Packet clientMessage(MessageType type, const QString &mac, quint32 xid)
{
    Packet p;
    p.op = 1;
    p.xid = xid;
    p.chaddr = MacAddress::parse(mac)->toBytes() + QByteArray(10, '\0');
    p.setOption8(opt::MessageType, quint8(type));
    return p;
}

QList<JournalEvent> eventsOf(const DeviceJournal &journal, const char *kind)
{
    QList<JournalEvent> out;
    const auto all = journal.recent();
    for (const JournalEvent &e : all)
        if (e.kind == QLatin1String(kind))
            out.append(e);
    return out;
}

} // namespace

class TestDhcpService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    DeviceJournal *m_journal = nullptr;
    DeviceRegistry *m_registry = nullptr;
    BootControl *m_boot = nullptr;
    HttpService *m_http = nullptr;
    DhcpService *m_dhcp = nullptr;
    QUdpSocket *m_client = nullptr;

    DhcpConfig baseConfig(DhcpMode mode = DhcpMode::Proxy) const
    {
        DhcpConfig c;
        c.address = QHostAddress(QHostAddress::LocalHost);
        c.port = 0;
        c.proxyPort = 0;
        c.replyToSource = true;
        c.mode = mode;
        c.bootFiles = config::defaultBootFiles();
        c.piMacPrefixes = config::defaultPiMacPrefixes();
        if (mode == DhcpMode::Full) {
            c.pool.rangeStart = QHostAddress(QStringLiteral("10.77.0.100"));
            c.pool.rangeEnd = QHostAddress(QStringLiteral("10.77.0.150"));
            c.pool.netmask = QHostAddress(QStringLiteral("255.255.255.0"));
            c.pool.router = QHostAddress(QStringLiteral("10.77.0.254"));
            c.pool.dnsServers = {QHostAddress(QStringLiteral("10.77.0.254"))};
            c.pool.domain = QStringLiteral("lab.example");
            c.pool.leaseSeconds = 600;
            c.pool.leaseFile = m_dir.filePath(QStringLiteral("dhcp.leases"));
        }
        return c;
    }

    void startDhcp(const DhcpConfig &config, const QList<DeviceConfig> &devices = {})
    {
        m_dhcp->setConfig(config, devices);
        QVERIFY2(m_dhcp->start(), qPrintable(m_dhcp->errorString()));
        QVERIFY(m_dhcp->serverPort() != 0);
        QVERIFY(m_dhcp->proxyPort() != 0);
    }

    // Sends `request` to the server (or PXE) port and returns the reply, or an invalid packet.
    Packet exchange(const Packet &request, bool pxePort = false, int timeoutMs = 2000)
    {
        send(serializePacket(request), pxePort);
        return receive(timeoutMs);
    }
    void send(const QByteArray &bytes, bool pxePort = false)
    {
        m_client->writeDatagram(bytes, QHostAddress(QHostAddress::LocalHost), pxePort ? m_dhcp->proxyPort() : m_dhcp->serverPort());
    }
    Packet receive(int timeoutMs = 2000)
    {
        if (!m_client->hasPendingDatagrams() && !m_client->waitForReadyRead(0)) {
            QElapsedTimer t;
            t.start();
            while (!m_client->hasPendingDatagrams() && t.elapsed() < timeoutMs)
                QTest::qWait(5);
        }
        if (!m_client->hasPendingDatagrams())
            return {};
        const QNetworkDatagram d = m_client->receiveDatagram();
        Packet p;
        if (!parsePacket(d.data(), &p).ok())
            return {};
        return p;
    }
    QByteArray leaseFile() const
    {
        QFile f(m_dhcp->leaseFilePath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    bool silent(int ms = 300)
    {
        QTest::qWait(ms);
        return !m_client->hasPendingDatagrams();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("dhcp.leases")));
        m_journal = new DeviceJournal(this);
        m_registry = new DeviceRegistry(m_journal, this);
        m_boot = new BootControl(this);
        m_http = new HttpService(this);
        HttpConfig hc;
        hc.address = QHostAddress(QHostAddress::LocalHost);
        hc.port = 0;
        m_http->setConfig(hc);
        QVERIFY(m_http->start());
        m_dhcp = new DhcpService(m_registry, m_journal, m_boot, m_http, this);
        m_dhcp->setDataDir(m_dir.path());
        m_client = new QUdpSocket(this);
        QVERIFY(m_client->bind(QHostAddress(QHostAddress::LocalHost), 0));
    }
    void cleanup()
    {
        delete m_client;
        delete m_dhcp;
        delete m_http;
        delete m_boot;
        delete m_registry;
        delete m_journal;
    }

    void piProxyOffer()
    {
        startDhcp(baseConfig());
        const Packet offer = exchange(parse(dhcpfixture::piDiscover()));
        QCOMPARE(offer.messageType(), MessageType::Offer);
        QCOMPARE(offer.xid, 0x26f30339u);
        QCOMPARE(offer.yiaddr, 0u);
        QCOMPARE(offer.siaddr, Loopback);
        QCOMPARE(offer.optionAddress(opt::ServerId), Loopback);
        QCOMPARE(offer.option(opt::TftpServerName), QByteArray("127.0.0.1"));
        QCOMPARE(offer.option(opt::VendorClass), QByteArray("PXEClient"));
        QCOMPARE(offer.option(opt::VendorSpecific).toHex(), dhcpfixture::piOption43().toHex());
        QCOMPARE(offer.option(opt::ClientGuid), parse(dhcpfixture::piDiscover()).option(opt::ClientGuid));
        QVERIFY(offer.file.isEmpty());

        // The Pi is registered with its serial and model, and the journal tells the story.
        const MacAddress mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
        const DeviceInfo *d = m_registry->find(mac);
        QVERIFY(d);
        QCOMPARE(d->serial, QStringLiteral("9ffefdef"));
        QCOMPARE(d->model, QStringLiteral("pi4"));
        QCOMPARE(d->stage, BootStage::Dhcp);
        const auto discovers = eventsOf(*m_journal, journalkind::DhcpDiscover);
        const auto offers = eventsOf(*m_journal, journalkind::DhcpOffer);
        QCOMPARE(discovers.size(), 1);
        QCOMPARE(offers.size(), 1);
        QCOMPARE(offers.first().mac, mac);
        QCOMPARE(offers.first().stage, BootStage::Dhcp);
        QCOMPARE(offers.first().source, QStringLiteral("dhcp"));
        QCOMPARE(offers.first().data.value(QStringLiteral("client")).toString(), QStringLiteral("pi-bootloader"));
        QCOMPARE(eventsOf(*m_journal, journalkind::DeviceDiscovered).size(), 1);
        QCOMPARE(m_dhcp->counter(QStringLiteral("offer")), 1u);
    }

    void uefiAndIpxe()
    {
        startDhcp(baseConfig());
        const Packet arm = exchange(parse(dhcpfixture::arm64Discover()));
        QCOMPARE(arm.file, QByteArray("snp.efi"));
        QVERIFY(!arm.has(opt::VendorSpecific));
        const MacAddress mac = *MacAddress::parse(QStringLiteral("52:54:00:aa:64:01"));
        QCOMPARE(m_registry->find(mac)->stage, BootStage::Uefi);

        const Packet ipxe = exchange(parse(dhcpfixture::ipxeDiscover()));
        QCOMPARE(QString::fromLatin1(ipxe.file),
                 QStringLiteral("http://127.0.0.1:%1/boot/52:54:00:aa:64:01.ipxe").arg(m_http->port()));
        QCOMPARE(m_registry->find(mac)->stage, BootStage::Ipxe);

        // Without the HTTP service iPXE is refused (never the iPXE binary again).
        m_http->stop();
        QVERIFY(!exchange(parse(dhcpfixture::ipxeDiscover()), false, 400).op);
        QCOMPARE(m_dhcp->counter(QStringLiteral("refused.no-http")), 1u);

        // UEFI HTTP boot needs the HTTP service too.
        Packet http = withMac(parse(dhcpfixture::arm64Discover()), QStringLiteral("52:54:00:aa:64:02"));
        http.setOption16(opt::ClientArch, 16);
        http.setOption(opt::VendorClass, QByteArray("HTTPClient:Arch:00016:UNDI:003000"));
        send(serializePacket(http));
        QVERIFY(silent());
        QVERIFY(m_http->start());
        const Packet httpOffer = exchange(http);
        QCOMPARE(httpOffer.option(opt::VendorClass), QByteArray("HTTPClient"));
        QCOMPARE(QString::fromLatin1(httpOffer.file), QStringLiteral("http://127.0.0.1:%1/ipxe.efi").arg(m_http->port()));
    }

    void nonNetbootIgnored()
    {
        startDhcp(baseConfig());
        send(dhcpfixture::plainDiscover());
        QVERIFY(silent());
        QCOMPARE(m_dhcp->counter(QStringLiteral("ignored.not-netboot")), 1u);
        QVERIFY(m_journal->recent().isEmpty());
        QCOMPARE(m_registry->count(), 0);
        // A REQUEST on port 67 that names another server is not ours either.
        Packet req = asType(parse(dhcpfixture::piDiscover()), MessageType::Request);
        req.setOptionAddress(opt::ServerId, 0x0a000001);
        send(serializePacket(req));
        QVERIFY(silent());
        QCOMPARE(m_dhcp->counter(QStringLiteral("ignored.other-server")), 1u);
    }

    void pxePortExchange()
    {
        startDhcp(baseConfig());
        Packet req = parse(dhcpfixture::arm64Discover());
        req.setOption8(opt::MessageType, quint8(MessageType::Request));
        req.setOption16(opt::ClientArch, 7);
        req.setOption(opt::VendorClass, QByteArray("PXEClient:Arch:00007:UNDI:003000"));
        req.ciaddr = Loopback;
        req.flags = 0;
        const Packet ack = exchange(req, true);
        QCOMPARE(ack.messageType(), MessageType::Ack);
        QCOMPARE(ack.file, QByteArray("ipxe.efi"));
        QCOMPARE(ack.sname, QByteArray("127.0.0.1"));
        QCOMPARE(ack.ciaddr, Loopback);
        QCOMPARE(ack.option(opt::VendorClass), QByteArray("PXEClient"));
        const MacAddress mac = *MacAddress::parse(QStringLiteral("52:54:00:aa:64:01"));
        QCOMPARE(m_registry->find(mac)->ip, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(eventsOf(*m_journal, journalkind::DhcpAck).size(), 1);
        // A DISCOVER on the PXE port is not answered; BIS requests are refused.
        send(dhcpfixture::arm64Discover(), true);
        QVERIFY(silent());
        req.setOption(opt::VendorSpecific, QByteArray::fromHex("470400008000ff"));
        send(serializePacket(req), true);
        QVERIFY(silent());
        QCOMPARE(m_dhcp->counter(QStringLiteral("refused.bis")), 1u);
    }

    void allowPxeFalse()
    {
        DeviceConfig blocked;
        blocked.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
        blocked.name = QStringLiteral("pi-blocked");
        blocked.allowPxe = false;
        m_registry->applyConfig({blocked});
        startDhcp(baseConfig(), {blocked});
        send(dhcpfixture::piDiscover());
        QVERIFY(silent());
        const auto refused = eventsOf(*m_journal, journalkind::DhcpRefused);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().mac, blocked.mac);
        QCOMPARE(refused.first().data.value(QStringLiteral("reason")).toString(), QStringLiteral("allow-pxe-false"));
        QCOMPARE(m_dhcp->counter(QStringLiteral("refused.allow-pxe-false")), 1u);
        // Changing the config takes effect without a restart.
        blocked.allowPxe = true;
        QVERIFY(!m_dhcp->setConfig(baseConfig(), {blocked}));
        QCOMPARE(exchange(parse(dhcpfixture::piDiscover())).messageType(), MessageType::Offer);
    }

    void bootOverrides()
    {
        startDhcp(baseConfig());
        const MacAddress pc = *MacAddress::parse(QStringLiteral("52:54:00:aa:64:01"));
        BootOverride hdd;
        hdd.target = BootOverride::Target::Hdd;
        hdd.enabled = BootOverride::Enabled::Once;
        m_boot->setOverride(pc, hdd);
        send(dhcpfixture::arm64Discover());
        QVERIFY(silent());
        const auto refused = eventsOf(*m_journal, journalkind::DhcpRefused);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().data.value(QStringLiteral("reason")).toString(), QStringLiteral("override-hdd"));
        QCOMPARE(m_boot->override(pc).enabled, BootOverride::Enabled::Once);   // DHCP does not consume it

        // The Pi: bootloader DHCP starts a new boot, its UEFI-stage PXE does not.
        const MacAddress pi = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
        BootOverride pxeOnce;
        pxeOnce.target = BootOverride::Target::Pxe;
        pxeOnce.enabled = BootOverride::Enabled::Once;
        m_boot->setOverride(pi, pxeOnce);
        QCOMPARE(exchange(parse(dhcpfixture::piDiscover())).messageType(), MessageType::Offer);
        m_boot->consume(pi, QStringLiteral("tftp: RPI_EFI.fd"));             // what TFTP does
        QCOMPARE(m_boot->effective(pi).enabled, BootOverride::Enabled::Once);
        const Packet uefiStage = withMac(parse(dhcpfixture::arm64Discover()), pi.toString());
        QCOMPARE(exchange(uefiStage).file, QByteArray("snp.efi"));
        QCOMPARE(m_boot->effective(pi).enabled, BootOverride::Enabled::Once);   // same boot: still in flight
        QCOMPARE(exchange(withMac(parse(dhcpfixture::ipxeDiscover()), pi.toString())).messageType(), MessageType::Offer);
        QCOMPARE(m_boot->effective(pi).enabled, BootOverride::Enabled::Once);   // iPXE: same boot
        QCOMPARE(exchange(parse(dhcpfixture::piDiscover())).messageType(), MessageType::Offer);
        QCOMPARE(m_boot->effective(pi).enabled, BootOverride::Enabled::Disabled); // a new boot began

        // Hdd once on a UEFI Pi: the bootloader still gets its firmware; the UEFI-stage PXE of that
        // boot gets no answer, so the firmware boots from disk.
        m_boot->setOverride(pi, hdd);
        QCOMPARE(exchange(parse(dhcpfixture::piDiscover())).messageType(), MessageType::Offer);
        m_boot->consume(pi, QStringLiteral("tftp: RPI_EFI.fd"));
        send(serializePacket(uefiStage));
        QVERIFY(silent());
        QCOMPARE(m_dhcp->counter(QStringLiteral("refused.override-hdd")), 2u);
    }

    void malformedPackets()
    {
        startDhcp(baseConfig());
        const QByteArray good = dhcpfixture::piDiscover();
        send(QByteArray());
        send(good.left(100));
        QByteArray noCookie = good;
        noCookie[HeaderSize] = 0;
        send(noCookie);
        send(good.left(good.size() - 1));
        send(good + QByteArray(5000, 'x'));
        QByteArray badLength = good;
        badLength[MinPacketSize + 1] = char(200);   // option 53 claims 200 bytes
        send(badLength);
        QVERIFY(silent());
        QTRY_COMPARE(m_dhcp->counter(QStringLiteral("malformed")), 6u);
        QCOMPARE(m_dhcp->counter(QStringLiteral("malformed.too-short")), 2u);
        QCOMPARE(m_dhcp->counter(QStringLiteral("malformed.no-magic-cookie")), 1u);
        QCOMPARE(m_dhcp->counter(QStringLiteral("malformed.unterminated-options")), 1u);
        QCOMPARE(m_dhcp->counter(QStringLiteral("malformed.oversize")), 1u);
        QCOMPARE(m_dhcp->counter(QStringLiteral("malformed.truncated-option")), 1u);
        QVERIFY(m_dhcp->isRunning());
        QCOMPARE(exchange(parse(good)).messageType(), MessageType::Offer);   // still serving
        QVERIFY(m_journal->recent().size() >= 2);
    }

    // A client stuck in a DISCOVER loop is still answered, but does not flood the journal.
    void journalRateLimit()
    {
        startDhcp(baseConfig());
        const Packet arm = parse(dhcpfixture::arm64Discover());
        for (int i = 0; i < 40; ++i) {
            Packet p = arm;
            p.xid = quint32(1000 + i);
            QCOMPARE(exchange(p).xid, quint32(1000 + i));
        }
        QCOMPARE(m_dhcp->counter(QStringLiteral("offer")), 40u);
        const MacAddress mac = arm.mac();
        const int journaled = int(m_journal->events(mac).size());
        QVERIFY2(journaled >= 30 && journaled <= 34, qPrintable(QString::number(journaled)));   // burst of 30 (+ refill, + device.discovered)
        QVERIFY(m_dhcp->counter(QStringLiteral("journal-suppressed")) >= 46);
        QCOMPARE(m_registry->find(mac)->stage, BootStage::Uefi);
        // After a pause the next event is journaled again and says how many were skipped.
        QTest::qWait(1100);
        exchange(arm);
        const QList<JournalEvent> lastTwo = m_journal->events(mac, 2);   // DISCOVER + OFFER
        QCOMPARE(lastTwo.size(), 2);
        QCOMPARE(lastTwo.at(0).kind, QString::fromLatin1(journalkind::DhcpDiscover));
        QVERIFY(lastTwo.at(0).data.value(QStringLiteral("suppressed_before")).toInteger() >= 40);
        QVERIFY(lastTwo.at(0).message.contains(QLatin1String("rate limit")));
        QCOMPARE(lastTwo.at(1).kind, QString::fromLatin1(journalkind::DhcpOffer));
    }

    void fullModeLease()
    {
        DeviceConfig reserved;
        reserved.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:07"));
        reserved.name = QStringLiteral("pi-07");
        reserved.ip = QHostAddress(QStringLiteral("10.77.0.20"));
        m_registry->applyConfig({reserved});
        startDhcp(baseConfig(DhcpMode::Full), {reserved});

        // A plain client: address + the pool's options, no netboot options.
        const Packet offer = exchange(parse(dhcpfixture::plainDiscover()));
        QCOMPARE(offer.messageType(), MessageType::Offer);
        const quint32 ip = offer.yiaddr;
        QVERIFY(ip >= 0x0a4d0064 && ip <= 0x0a4d0096);
        QCOMPARE(offer.optionAddress(opt::SubnetMask), 0xffffff00u);
        QCOMPARE(offer.optionAddress(opt::Router), 0x0a4d00feu);
        QCOMPARE(offer.optionUInt32(opt::LeaseTime), 600u);
        QCOMPARE(offer.optionUInt32(opt::RenewalTime), 300u);
        QCOMPARE(offer.optionUInt32(opt::RebindingTime), 525u);
        QCOMPARE(offer.option(opt::DomainName), QByteArray("lab.example"));
        QCOMPARE(offer.optionAddress(opt::ServerId), Loopback);
        QVERIFY(!offer.has(opt::VendorSpecific));
        QVERIFY(!offer.has(opt::VendorClass));

        Packet request = clientMessage(MessageType::Request, QStringLiteral("52:54:00:aa:64:01"), 0x1234);
        request.setOptionAddress(opt::ServerId, Loopback);
        request.setOptionAddress(opt::RequestedIp, ip);
        request.setOption(opt::HostName, QByteArray("laptop"));
        const Packet ack = exchange(request);
        QCOMPARE(ack.messageType(), MessageType::Ack);
        QCOMPARE(ack.yiaddr, ip);
        QCOMPARE(m_dhcp->leases().size(), 1);
        const QByteArray line = QByteArray(" 52:54:00:aa:64:01 ") + ipToString(ip).toLatin1() + QByteArray(" laptop *");
        QTRY_VERIFY(leaseFile().contains(line));

        // Renewing (unicast, ciaddr) extends it; a foreign address is NAKed.
        Packet renew = clientMessage(MessageType::Request, QStringLiteral("52:54:00:aa:64:01"), 0x1235);
        renew.ciaddr = ip;
        QCOMPARE(exchange(renew).messageType(), MessageType::Ack);
        Packet reboot = clientMessage(MessageType::Request, QStringLiteral("52:54:00:aa:64:01"), 0x1236);
        reboot.setOptionAddress(opt::RequestedIp, 0x0a4e0001);   // wrong network
        const Packet nak = exchange(reboot);
        QCOMPARE(nak.messageType(), MessageType::Nak);
        QCOMPARE(nak.yiaddr, 0u);
        QCOMPARE(eventsOf(*m_journal, journalkind::DhcpNak).size(), 1);

        // Another client may not take that address.
        Packet thief = clientMessage(MessageType::Request, QStringLiteral("52:54:00:aa:64:02"), 0x1237);
        thief.setOptionAddress(opt::RequestedIp, ip);
        QCOMPARE(exchange(thief).messageType(), MessageType::Nak);

        // The reserved device gets its address (outside the dynamic range) and its name.
        const Packet rOffer = exchange(clientMessage(MessageType::Discover, QStringLiteral("dc:a6:32:00:00:07"), 0x2000));
        QCOMPARE(ipToString(rOffer.yiaddr), QStringLiteral("10.77.0.20"));
        QCOMPARE(rOffer.option(opt::HostName), QByteArray("pi-07"));

        // INFORM: configuration only.
        Packet inform = clientMessage(MessageType::Inform, QStringLiteral("52:54:00:aa:64:01"), 0x1238);
        inform.ciaddr = ip;
        const Packet informAck = exchange(inform);
        QCOMPARE(informAck.messageType(), MessageType::Ack);
        QCOMPARE(informAck.yiaddr, 0u);
        QVERIFY(!informAck.has(opt::LeaseTime));
        QCOMPARE(informAck.optionAddress(opt::SubnetMask), 0xffffff00u);

        // Restart: the lease is restored from the file.
        m_dhcp->stop();
        QVERIFY(m_dhcp->start());
        QCOMPARE(m_dhcp->leases().size(), 1);
        QCOMPARE(m_dhcp->leases().first().address, ip);

        // RELEASE frees it (memory and file).
        Packet release = clientMessage(MessageType::Release, QStringLiteral("52:54:00:aa:64:01"), 0x1239);
        release.ciaddr = ip;
        release.setOptionAddress(opt::ServerId, Loopback);
        send(serializePacket(release));
        QTRY_VERIFY(m_dhcp->leases().isEmpty());
        QTRY_VERIFY(!leaseFile().isEmpty() || QFile::exists(m_dhcp->leaseFilePath()));
        QTRY_VERIFY(!leaseFile().contains("52:54:00:aa:64:01"));
        QCOMPARE(eventsOf(*m_journal, journalkind::DhcpRelease).size(), 1);

        // DECLINE blocks the address for others.
        Packet decline = clientMessage(MessageType::Decline, QStringLiteral("52:54:00:aa:64:01"), 0x123a);
        decline.setOptionAddress(opt::ServerId, Loopback);
        decline.setOptionAddress(opt::RequestedIp, ip);
        send(serializePacket(decline));
        QTRY_COMPARE(m_dhcp->counter(QStringLiteral("decline")), 1u);
        Packet other = clientMessage(MessageType::Discover, QStringLiteral("52:54:00:aa:64:03"), 0x123b);
        other.setOptionAddress(opt::RequestedIp, ip);
        const Packet otherOffer = exchange(other);
        QVERIFY(otherOffer.yiaddr != 0);
        QVERIFY(otherOffer.yiaddr != ip);
    }

    // Full mode with the Pi: the OFFER carries the netboot options, and the Pi's REQUEST (which has
    // no option 60) is ACKed with the same 43/60/66.
    void fullModePi()
    {
        startDhcp(baseConfig(DhcpMode::Full));
        const Packet offer = exchange(parse(dhcpfixture::piDiscover()));
        QCOMPARE(offer.messageType(), MessageType::Offer);
        QVERIFY(offer.yiaddr != 0);
        QCOMPARE(offer.option(opt::VendorSpecific).toHex(), dhcpfixture::piOption43().toHex());
        QCOMPARE(offer.option(opt::TftpServerName), QByteArray("127.0.0.1"));
        QCOMPARE(offer.option(opt::VendorClass), QByteArray("PXEClient"));
        QCOMPARE(offer.optionAddress(opt::SubnetMask), 0xffffff00u);

        Packet request = clientMessage(MessageType::Request, QStringLiteral("dc:a6:32:01:36:c2"), 0x26f30339);
        request.setOptionAddress(opt::ServerId, Loopback);
        request.setOptionAddress(opt::RequestedIp, offer.yiaddr);
        const Packet ack = exchange(request);
        QCOMPARE(ack.messageType(), MessageType::Ack);
        QCOMPARE(ack.yiaddr, offer.yiaddr);
        QCOMPARE(ack.option(opt::VendorSpecific).toHex(), dhcpfixture::piOption43().toHex());
        QCOMPARE(ack.option(opt::TftpServerName), QByteArray("127.0.0.1"));
        const DeviceInfo *d = m_registry->find(*MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2")));
        QVERIFY(d);
        QCOMPARE(d->ip, QHostAddress(offer.yiaddr));
        QCOMPARE(d->serial, QStringLiteral("9ffefdef"));
        // A REQUEST for another server drops our offer silently.
        Packet elsewhere = clientMessage(MessageType::Request, QStringLiteral("52:54:00:00:00:99"), 1);
        elsewhere.setOptionAddress(opt::ServerId, 0x0a000001);
        elsewhere.setOptionAddress(opt::RequestedIp, 0x0a000064);
        send(serializePacket(elsewhere));
        QVERIFY(silent());
    }

    // Leases written by dnsmasq are taken over at start.
    void fullModeReadsDnsmasqLeases()
    {
        QFile fixture(QStringLiteral(TEST_DATA_DIR "/dhcp/dnsmasq.leases"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        QByteArray text = fixture.readAll();
        // The capture's expiry times are in the past by now: move them an hour ahead.
        text.replace("1795318602", QByteArray::number(QDateTime::currentSecsSinceEpoch() + 3600));
        QFile out(m_dir.filePath(QStringLiteral("dhcp.leases")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        startDhcp(baseConfig(DhcpMode::Full));
        QCOMPARE(m_dhcp->leases().size(), 2);
        // The dnsmasq client keeps its address.
        const Packet offer = exchange(clientMessage(MessageType::Discover, QStringLiteral("52:54:00:aa:64:01"), 7));
        QCOMPARE(ipToString(offer.yiaddr), QStringLiteral("10.77.0.125"));
        Packet pi = clientMessage(MessageType::Discover, QStringLiteral("dc:a6:32:01:36:c2"), 8);
        pi.setOption(opt::ClientId, QByteArray::fromHex("01dca6320136c2"));
        QCOMPARE(ipToString(exchange(pi).yiaddr), QStringLiteral("10.77.0.136"));
    }

    void startFailures()
    {
        DhcpConfig c = baseConfig(DhcpMode::Full);
        c.pool = {};
        m_dhcp->setConfig(c);
        QVERIFY(!m_dhcp->start());
        QVERIFY(m_dhcp->errorString().contains(QLatin1String("pool")));
        c = baseConfig();
        c.interface = QStringLiteral("mb-no-such-if");
        m_dhcp->setConfig(c);
        QVERIFY(!m_dhcp->start());
        QCOMPARE(m_dhcp->state(), Service::State::Failed);
        // Binding changes need a restart; boot file changes do not.
        c = baseConfig();
        m_dhcp->setConfig(c);
        DhcpConfig d = c;
        d.bootFiles.insert(QStringLiteral("arm64_uefi"), QStringLiteral("other.efi"));
        QVERIFY(!m_dhcp->setConfig(d));
        d.port = 1234;
        QVERIFY(m_dhcp->setConfig(d));
    }
};

QTEST_GUILESS_MAIN(TestDhcpService)
#include "tst_dhcpservice.moc"
