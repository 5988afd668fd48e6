#include "config/sections.h"
#include "dhcp/dhcpreply.h"
#include "dhcpfixtures.h"

#include <QTest>

using namespace dhcp;

namespace {

constexpr quint32 Server = 0x0a4d0001;   // 10.77.0.1

Packet parse(const QByteArray &wire)
{
    Packet p;
    const ParseResult r = parsePacket(wire, &p);
    if (!r.ok())
        qFatal("fixture does not parse: %s", qPrintable(r.detail));
    return p;
}

DhcpConfig labConfig()
{
    DhcpConfig c;
    c.bootFiles = config::defaultBootFiles();
    c.piMacPrefixes = config::defaultPiMacPrefixes();
    return c;
}

BootDecision decisionFor(const Packet &request)
{
    BootContext ctx;
    ctx.serverIp = Server;
    ctx.httpBaseUrl = QStringLiteral("http://10.77.0.1:8080");
    return decideBoot(classifyClient(request, labConfig()), ctx, labConfig());
}

} // namespace

class TestDhcpReply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Our proxy OFFER to the Pi carries what dnsmasq's carries (43 byte-identical, 53, 54, 60, 97),
    // plus siaddr and option 66 that the Pi 4 needs (reference 1.2).
    void piProxyOfferMatchesDnsmasq()
    {
        const Packet request = parse(dhcpfixture::piDiscover());
        const Packet ours = buildProxyReply(request, MessageType::Offer, decisionFor(request), Server);
        const Packet theirs = parse(dhcpfixture::dnsmasqPiOffer());
        QCOMPARE(ours.op, theirs.op);
        QCOMPARE(ours.xid, theirs.xid);
        QCOMPARE(ours.flags, theirs.flags);          // broadcast, as dnsmasq
        QCOMPARE(ours.chaddr, theirs.chaddr);
        QCOMPARE(ours.yiaddr, 0u);
        QCOMPARE(ours.ciaddr, 0u);
        for (quint8 code : {opt::MessageType, opt::ServerId, opt::VendorClass, opt::ClientGuid, opt::VendorSpecific})
            QCOMPARE(ours.option(code).toHex(), theirs.option(code).toHex());
        QCOMPARE(ours.option(opt::VendorSpecific).toHex(), dhcpfixture::piOption43().toHex());
        QCOMPARE(ours.siaddr, Server);
        QCOMPARE(ours.option(opt::TftpServerName), QByteArray("10.77.0.1"));
        QVERIFY(ours.file.isEmpty());
        QVERIFY(!ours.has(opt::BootFileName));
        QVERIFY(ours.sname.isEmpty());
        // No pad options on the wire (rpi-eeprom#82), End right after the last option.
        const QByteArray wire = serializePacket(ours);
        int i = MinPacketSize;
        while (quint8(wire.at(i)) != opt::End) {
            QVERIFY(wire.at(i) != 0);
            i += 2 + quint8(wire.at(i + 1));
        }
    }

    void uefiProxyOffer()
    {
        const Packet request = parse(dhcpfixture::arm64Discover());
        const Packet ours = buildProxyReply(request, MessageType::Offer, decisionFor(request), Server);
        const Packet theirs = parse(dhcpfixture::dnsmasqArm64Offer());
        QCOMPARE(ours.siaddr, theirs.siaddr);
        QCOMPARE(ours.option(opt::VendorClass), theirs.option(opt::VendorClass));
        QCOMPARE(ours.option(opt::ClientGuid), theirs.option(opt::ClientGuid));
        QVERIFY(!ours.has(opt::VendorSpecific));      // UEFI: no 43 (dnsmasq, pixiecore)
        QCOMPARE(ours.file, QByteArray("snp.efi"));   // and the boot file right away (pixiecore, smee)
        QCOMPARE(ours.option(opt::BootFileName), QByteArray("snp.efi"));
        QCOMPARE(ours.sname, QByteArray("10.77.0.1"));
        QCOMPARE(ours.option(opt::TftpServerName), QByteArray("10.77.0.1"));
    }

    // The 4011 ACK looks like dnsmasq's: ciaddr kept, siaddr, sname, file, 54, 60, 97.
    void pxePortAck()
    {
        Packet request = parse(dhcpfixture::arm64Discover());
        request.setOption8(opt::MessageType, quint8(MessageType::Request));
        request.setOption16(opt::ClientArch, 7);
        request.setOption(opt::VendorClass, QByteArray("PXEClient:Arch:00007:UNDI:003000"));
        request.ciaddr = 0x0a4d0032;
        request.flags = 0;
        const Packet ours = buildProxyReply(request, MessageType::Ack, decisionFor(request), Server);
        const Packet theirs = parse(dhcpfixture::dnsmasqPxeAck());
        QCOMPARE(ours.ciaddr, theirs.ciaddr);
        QCOMPARE(ours.yiaddr, theirs.yiaddr);
        QCOMPARE(ours.siaddr, theirs.siaddr);
        QCOMPARE(ours.sname, theirs.sname);
        QCOMPARE(ours.file, theirs.file);
        QCOMPARE(ours.flags, theirs.flags);
        for (quint8 code : {opt::MessageType, opt::ServerId, opt::VendorClass, opt::ClientGuid})
            QCOMPARE(ours.option(code).toHex(), theirs.option(code).toHex());

        // A menu REQUEST (43.71) gets its boot item echoed.
        request.setOption(opt::VendorSpecific, QByteArray::fromHex("470400000000ff"));
        const Packet item = buildProxyReply(request, MessageType::Ack, decisionFor(request), Server);
        QCOMPARE(item.option(opt::VendorSpecific).toHex(), QByteArray("470400000000ff"));
    }

    void ipxeOffer()
    {
        const Packet request = parse(dhcpfixture::ipxeDiscover());
        const Packet ours = buildProxyReply(request, MessageType::Offer, decisionFor(request), Server);
        QCOMPARE(ours.file, QByteArray("http://10.77.0.1:8080/boot/52:54:00:aa:64:01.ipxe"));
        QCOMPARE(ours.option(opt::BootFileName), ours.file);
        QVERIFY(!ours.has(opt::TftpServerName));
    }

    void leaseOptions()
    {
        const Packet request = parse(dhcpfixture::plainDiscover());
        Packet r = beginReply(request, MessageType::Offer, Server);
        LeaseOptions l;
        l.address = 0x0a4d0064;
        l.leaseSeconds = 3600;
        l.netmask = 0xffffff00;
        l.router = 0x0a4d00fe;
        l.dnsServers = {0x0a4d00fe, 0x01010101};
        l.ntpServers = {0x0a4d00fe};
        l.hostName = "pi-01";
        l.domain = "lab.example";
        l.searchDomains = {QStringLiteral("lab.example"), QStringLiteral("example")};
        addLeaseOptions(r, l);
        QCOMPARE(r.yiaddr, 0x0a4d0064u);
        QCOMPARE(r.optionUInt32(opt::LeaseTime), 3600u);
        QCOMPARE(r.optionUInt32(opt::RenewalTime), 1800u);
        QCOMPARE(r.optionUInt32(opt::RebindingTime), 3150u);
        QCOMPARE(r.optionAddress(opt::SubnetMask), 0xffffff00u);
        QCOMPARE(r.optionAddress(opt::Router), 0x0a4d00feu);
        QCOMPARE(r.option(opt::DnsServers).toHex(), QByteArray("0a4d00fe01010101"));
        QCOMPARE(r.option(opt::NtpServers).toHex(), QByteArray("0a4d00fe"));
        QCOMPARE(r.option(opt::HostName), QByteArray("pi-01"));
        QCOMPARE(r.option(opt::DomainName), QByteArray("lab.example"));
        QCOMPARE(r.optionAddress(opt::BroadcastAddress), 0x0a4d00ffu);
        QCOMPARE(r.option(opt::DomainSearch).toHex(), QByteArray("036c6162076578616d706c6500" "076578616d706c6500"));
        QCOMPARE(r.messageType(), MessageType::Offer);
        QCOMPARE(r.optionAddress(opt::ServerId), Server);
        // Infinite lease: no T1/T2.
        Packet inf = beginReply(request, MessageType::Ack, Server);
        l.leaseSeconds = 0xffffffff;
        addLeaseOptions(inf, l);
        QVERIFY(!inf.has(opt::RenewalTime));
        // INFORM: no lease options.
        Packet inform = beginReply(request, MessageType::Ack, Server);
        l.leaseSeconds = 0;
        l.address = 0;
        addLeaseOptions(inform, l);
        QVERIFY(!inform.has(opt::LeaseTime));
        QCOMPARE(inform.yiaddr, 0u);
    }

    void domainSearch()
    {
        QByteArray out;
        QVERIFY(encodeDomainSearch({QStringLiteral("eng.apple.com."), QStringLiteral("marketing.apple.com")}, &out));
        QCOMPARE(out.toHex(), QByteArray("03656e67056170706c6503636f6d00" "096d61726b6574696e67056170706c6503636f6d00"));
        QVERIFY(!encodeDomainSearch({QStringLiteral("bad domain")}, &out));
        QVERIFY(!encodeDomainSearch({QStringLiteral("a..b")}, &out));
        QVERIFY(!encodeDomainSearch({QString(64, QLatin1Char('x')) + QStringLiteral(".com")}, &out));
        QVERIFY(!encodeDomainSearch({QString()}, &out));
    }

    void relayAgentEchoedLast()
    {
        Packet request = parse(dhcpfixture::piDiscover());
        request.setOption(opt::RelayAgentInfo, QByteArray::fromHex("0104000000010206aabbccddeeff"));
        const Packet r = buildProxyReply(request, MessageType::Offer, decisionFor(request), Server);
        QCOMPARE(r.options.back().code, opt::RelayAgentInfo);
        QCOMPARE(r.options.back().data.toHex(), QByteArray("0104000000010206aabbccddeeff"));
    }

    void destinations()
    {
        const Packet discover = parse(dhcpfixture::piDiscover());   // flags 0, no ciaddr
        Packet offer = beginReply(discover, MessageType::Offer, Server);
        offer.yiaddr = 0x0a4d0064;
        Destination d = replyDestination(discover, offer, 67, 68);
        QCOMPARE(d.kind, Destination::Kind::NewAddress);   // unicast to yiaddr (needs an ARP entry)
        QCOMPARE(d.address, 0x0a4d0064u);
        QCOMPARE(d.port, quint16(68));

        Packet bcast = discover;
        bcast.flags = BroadcastFlag;
        Packet offer2 = beginReply(bcast, MessageType::Offer, Server);
        offer2.yiaddr = 0x0a4d0064;
        d = replyDestination(bcast, offer2, 67, 68);
        QCOMPARE(d.kind, Destination::Kind::Broadcast);
        QCOMPARE(d.address, 0xffffffffu);

        Packet renew = discover;
        renew.ciaddr = 0x0a4d0064;
        d = replyDestination(renew, beginReply(renew, MessageType::Ack, Server), 67, 68);
        QCOMPARE(d.kind, Destination::Kind::Client);
        QCOMPARE(d.address, 0x0a4d0064u);
        d = replyDestination(renew, beginReply(renew, MessageType::Nak, Server), 67, 68);
        QCOMPARE(d.kind, Destination::Kind::Broadcast);   // NAKs are broadcast

        Packet relayed = discover;
        relayed.giaddr = 0x0a4e0001;
        d = replyDestination(relayed, beginReply(relayed, MessageType::Offer, Server), 67, 68);
        QCOMPARE(d.kind, Destination::Kind::Relay);
        QCOMPARE(d.address, 0x0a4e0001u);
        QCOMPARE(d.port, quint16(67));

        // Proxy replies have no yiaddr: broadcast.
        const Packet proxy = buildProxyReply(discover, MessageType::Offer, decisionFor(discover), Server);
        d = replyDestination(discover, proxy, 67, 68);
        QCOMPARE(d.kind, Destination::Kind::Broadcast);
    }
};

QTEST_GUILESS_MAIN(TestDhcpReply)
#include "tst_dhcpreply.moc"
