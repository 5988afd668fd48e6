#include "dhcp/dhcppacket.h"
#include "dhcpfixtures.h"

#include <QRandomGenerator>
#include <QTest>

using namespace dhcp;

namespace {

// Builds a packet with the given options area (hex, without cookie) and optional file/sname bytes.
QByteArray withOptions(const QByteArray &optionsHex, const QByteArray &file = {}, const QByteArray &sname = {})
{
    QByteArray b = dhcpfixture::piDiscover().left(MinPacketSize);
    b.replace(108, file.size(), file);
    b.replace(44, sname.size(), sname);
    return b + QByteArray::fromHex(optionsHex);
}

QByteArray patched(QByteArray b, int offset, const QByteArray &bytes)
{
    b.replace(offset, bytes.size(), bytes);
    return b;
}

} // namespace

class TestDhcpPacket : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // bytes -> struct -> bytes, for real packets from the wire.
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<bool>("padded");   // shorter than 300 bytes on the wire (we pad to 300)
        QTest::newRow("pi4 discover") << dhcpfixture::piDiscover() << false;
        QTest::newRow("dnsmasq pi4 offer") << dhcpfixture::dnsmasqPiOffer() << false;
        QTest::newRow("aavmf arm64 discover") << dhcpfixture::arm64Discover() << false;
        QTest::newRow("dnsmasq arm64 offer") << dhcpfixture::dnsmasqArm64Offer() << false;
        QTest::newRow("ipxe discover") << dhcpfixture::ipxeDiscover() << false;
        QTest::newRow("dnsmasq ipxe offer") << dhcpfixture::dnsmasqIpxeOffer() << false;
        QTest::newRow("dnsmasq 4011 ack") << dhcpfixture::dnsmasqPxeAck() << false;
        QTest::newRow("plain discover") << dhcpfixture::plainDiscover() << true;
    }
    void roundTrip()
    {
        QFETCH(QByteArray, wire);
        QFETCH(bool, padded);
        Packet p;
        const ParseResult r = parsePacket(wire, &p);
        QVERIFY2(r.ok(), qPrintable(r.detail));
        QByteArray expected = wire;
        if (padded)
            expected.append(QByteArray(MinReplySize - wire.size(), '\0'));
        SerializeOptions so;
        so.maxSize = 1500;
        QCOMPARE(serializePacket(p, so).toHex(), expected.toHex());
    }

    void fields()
    {
        Packet p;
        QVERIFY(parsePacket(dhcpfixture::piDiscover(), &p).ok());
        QCOMPARE(p.op, quint8(1));
        QCOMPARE(p.xid, 0x26f30339u);
        QCOMPARE(p.flags, quint16(0));
        QVERIFY(!p.isBroadcast());
        QCOMPARE(p.mac().toString(), QStringLiteral("dc:a6:32:01:36:c2"));
        QCOMPARE(p.messageType(), MessageType::Discover);
        QCOMPARE(p.option(opt::VendorClass), QByteArray("PXEClient:Arch:00000:UNDI:002001"));
        QCOMPARE(p.option(opt::ClientArch).toHex(), QByteArray("0000"));
        QCOMPARE(p.option(opt::ClientNdi).toHex(), QByteArray("010201"));
        QCOMPARE(p.option(opt::ClientGuid).size(), 17);
        QCOMPARE(p.option(opt::ParameterList), QByteArray::fromHex("01032b3c42438081828384858687"));
        QVERIFY(p.sname.isEmpty());
        QVERIFY(p.file.isEmpty());
        // Option order of the wire is kept.
        QCOMPARE(p.options.front().code, opt::MessageType);
        QCOMPARE(p.options.back().code, opt::VendorClass);

        Packet ack;
        QVERIFY(parsePacket(dhcpfixture::dnsmasqPxeAck(), &ack).ok());
        QCOMPARE(ack.messageType(), MessageType::Ack);
        QCOMPARE(ipToString(ack.ciaddr), QStringLiteral("10.77.0.50"));
        QCOMPARE(ipToString(ack.siaddr), QStringLiteral("10.77.0.1"));
        QCOMPARE(ack.sname, QByteArray("10.77.0.1"));
        QCOMPARE(ack.file, QByteArray("ipxe.efi"));
        QCOMPARE(ipToString(ack.optionAddress(opt::ServerId)), QStringLiteral("10.77.0.1"));
        QCOMPARE(ack.optionUInt16(opt::MaxMessageSize), -1);

        Packet uefi;
        QVERIFY(parsePacket(dhcpfixture::arm64Discover(), &uefi).ok());
        QVERIFY(uefi.isBroadcast());
        QCOMPARE(uefi.optionUInt16(opt::MaxMessageSize), 1472);
    }

    // Every malformed case is rejected with its reason.
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QString>("reason");
        const QByteArray good = dhcpfixture::piDiscover();
        QTest::newRow("empty") << QByteArray() << "too-short";
        QTest::newRow("header only") << good.left(HeaderSize) << "too-short";
        QTest::newRow("one byte short of the cookie") << good.left(MinPacketSize - 1) << "too-short";
        QTest::newRow("oversize") << (good + QByteArray(MaxPacketSize, '\0')) << "oversize";
        QTest::newRow("op 0") << patched(good, 0, QByteArray(1, '\0')) << "bad-op";
        QTest::newRow("op 3") << patched(good, 0, QByteArray(1, '\3')) << "bad-op";
        QTest::newRow("hlen 17") << patched(good, 2, QByteArray(1, char(17))) << "bad-hardware-length";
        QTest::newRow("hlen 255") << patched(good, 2, QByteArray(1, char(255))) << "bad-hardware-length";
        QTest::newRow("no cookie (BOOTP)") << patched(good, HeaderSize, QByteArray(4, '\0')) << "no-magic-cookie";
        QTest::newRow("byte-swapped cookie") << patched(good, HeaderSize, QByteArray::fromHex("63538263")) << "no-magic-cookie";
        QTest::newRow("cookie only, no options") << good.left(MinPacketSize) << "unterminated-options";
        QTest::newRow("missing end") << good.left(good.size() - 1) << "unterminated-options";
        QTest::newRow("cut inside the last option") << good.left(good.size() - 5) << "truncated-option";
        QTest::newRow("no end after complete options") << withOptions("350101") << "unterminated-options";
        QTest::newRow("only pads") << withOptions("000000") << "unterminated-options";
        QTest::newRow("code without length") << withOptions("35") << "truncated-option";
        QTest::newRow("length past the end") << withOptions("350101" "3c20" "505845") << "truncated-option";
        QTest::newRow("length 255 past the end") << withOptions("350101" "2bff00") << "truncated-option";
        QTest::newRow("no message type (BOOTP)") << withOptions("3c0450584543ff") << "no-message-type";
        QTest::newRow("message type length 0") << withOptions("3500ff") << "bad-message-type";
        QTest::newRow("message type length 2") << withOptions("35020101ff") << "bad-message-type";
        QTest::newRow("message type 0") << withOptions("350100ff") << "bad-message-type";
        QTest::newRow("message type 9") << withOptions("350109ff") << "bad-message-type";
        QTest::newRow("requested ip 3 bytes") << withOptions("350103" "32030a4d00" "ff") << "bad-option-length";
        QTest::newRow("server id 5 bytes") << withOptions("350103" "36050a4d000100" "ff") << "bad-option-length";
        QTest::newRow("lease time 2 bytes") << withOptions("350103" "33020e10" "ff") << "bad-option-length";
        QTest::newRow("max size 1 byte") << withOptions("350101" "3901ff" "ff") << "bad-option-length";
        QTest::newRow("client id 1 byte") << withOptions("350101" "3d0101" "ff") << "bad-option-length";
        QTest::newRow("arch odd length") << withOptions("350101" "5d03000000" "ff") << "bad-option-length";
        QTest::newRow("arch empty") << withOptions("350101" "5d00" "ff") << "bad-option-length";
        QTest::newRow("overload value 0") << withOptions("350101" "340100" "ff") << "bad-overload";
        QTest::newRow("overload value 4") << withOptions("350101" "340104" "ff") << "bad-overload";
        QTest::newRow("overload length 2") << withOptions("350101" "34020101" "ff") << "bad-overload";
        QTest::newRow("overload repeated") << withOptions("350101" "340101" "340101" "ff", QByteArray::fromHex("ff"))
                                           << "bad-overload";
        QTest::newRow("overloaded file without end") << withOptions("350101" "340101" "ff") << "bad-overload";
        QTest::newRow("overloaded sname without end") << withOptions("350101" "340102" "ff") << "bad-overload";
        QTest::newRow("overload inside file") << withOptions("350101" "340101" "ff", QByteArray::fromHex("340102ff"))
                                              << "bad-overload";
        QTest::newRow("truncated option in file") << withOptions("350101" "340101" "ff", QByteArray(127, '\0') + QByteArray::fromHex("43"))
                                                  << "truncated-option";
        QTest::newRow("file option past the field") << withOptions("350101" "340101" "ff", QByteArray(120, '\0') + QByteArray::fromHex("4320"))
                                                    << "truncated-option";
        QTest::newRow("bad message type from file") << withOptions("340101" "ff", QByteArray::fromHex("35010aff"))
                                                     << "bad-message-type";
    }
    void malformed()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QString, reason);
        Packet p;
        p.xid = 42;
        const ParseResult r = parsePacket(wire, &p);
        QVERIFY(!r.ok());
        QCOMPARE(parseErrorName(r.error), reason);
        QVERIFY(!r.detail.isEmpty());
        QCOMPARE(p.xid, 42u);   // the output is untouched on failure
    }

    // Option 52: options carried in file and sname are merged in order main, file, sname, and
    // repeated options are concatenated (RFC 3396).
    void overloadParse()
    {
        QByteArray file = QByteArray::fromHex("2b03010203" "4305" "68656c6c6f" "ff");
        QByteArray sname = QByteArray::fromHex("2b020405" "420431302e31" "ff");
        const QByteArray wire = withOptions("350102" "2b020000" "340103" "ff", file, sname);
        Packet p;
        const ParseResult r = parsePacket(wire, &p);
        QVERIFY2(r.ok(), qPrintable(r.detail));
        QCOMPARE(p.overloaded, overload::Both);
        QVERIFY(p.file.isEmpty());
        QVERIFY(p.sname.isEmpty());
        QCOMPARE(p.option(opt::VendorSpecific).toHex(), QByteArray("000001020304" "05"));
        QCOMPARE(p.option(0x43), QByteArray("hello"));
        QCOMPARE(p.option(opt::TftpServerName), QByteArray("10.1"));
        QVERIFY(!p.has(opt::Overload));
    }

    // Long options are split into 255-byte pieces and concatenated again.
    void longOption()
    {
        Packet p;
        p.op = 2;
        p.chaddr = QByteArray::fromHex("dca6320136c2");
        p.setOption8(opt::MessageType, quint8(MessageType::Ack));
        QByteArray search(600, 'x');
        for (int i = 0; i < search.size(); ++i)
            search[i] = char('a' + i % 26);
        p.setOption(opt::DomainSearch, search);
        SerializeOptions so;
        so.maxSize = 1500;
        const QByteArray wire = serializePacket(p, so);
        QVERIFY(!wire.isEmpty());
        // Three pieces: 255 + 255 + 90 bytes.
        QCOMPARE(quint8(wire.at(MinPacketSize + 3)), opt::DomainSearch);
        QCOMPARE(quint8(wire.at(MinPacketSize + 4)), quint8(255));
        Packet back;
        QVERIFY(parsePacket(wire, &back).ok());
        QCOMPARE(back.option(opt::DomainSearch), search);
    }

    // Options that do not fit in the client's maximum message size spill into file and sname.
    void overloadSerialize()
    {
        Packet p;
        p.op = 2;
        p.xid = 7;
        p.chaddr = QByteArray::fromHex("525400aa6401");
        p.setOption8(opt::MessageType, quint8(MessageType::Offer));
        for (quint8 code = 200; code < 206; ++code)
            p.setOption(code, QByteArray(60, char(code)));    // 6 x 62 bytes = 372 > 576 - 241
        QString error;
        const QByteArray wire = serializePacket(p, SerializeOptions{}, &error);
        QVERIFY2(!wire.isEmpty(), qPrintable(error));
        QVERIFY(wire.size() <= DefaultMaxMessageSize);
        Packet back;
        const ParseResult r = parsePacket(wire, &back);
        QVERIFY2(r.ok(), qPrintable(r.detail));
        QVERIFY(back.overloaded & overload::File);
        QCOMPARE(back.options, p.options);

        // A used file field cannot carry options: then it does not fit.
        p.file = "ipxe.efi";
        p.sname = "10.77.0.1";
        for (quint8 code = 206; code < 210; ++code)
            p.setOption(code, QByteArray(60, char(code)));
        QVERIFY(serializePacket(p, SerializeOptions{}, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("do not fit")));
        SerializeOptions noOverload;
        noOverload.allowOverload = false;
        QVERIFY(serializePacket(p, noOverload, &error).isEmpty());
        // A larger client limit fits it.
        SerializeOptions big;
        big.maxSize = 1472;
        QVERIFY(!serializePacket(p, big).isEmpty());
    }

    void serializeLimits()
    {
        Packet p;
        p.op = 2;
        p.setOption8(opt::MessageType, 2);
        p.file = QByteArray(129, 'f');
        QString error;
        QVERIFY(serializePacket(p, SerializeOptions{}, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("file")));
        p.file.clear();
        p.sname = QByteArray(65, 's');
        QVERIFY(serializePacket(p, SerializeOptions{}, &error).isEmpty());
        p.sname.clear();
        // Empty options are sent with length 0.
        p.setOption(opt::IpxeEncap, {});
        Packet back;
        QVERIFY(parsePacket(serializePacket(p), &back).ok());
        QVERIFY(back.has(opt::IpxeEncap));
        QVERIFY(back.option(opt::IpxeEncap).isEmpty());
    }

    // No prefix of a valid packet and no random corruption crashes the parser or loops forever.
    void truncationsAndMutations()
    {
        const QList<QByteArray> seeds = {dhcpfixture::piDiscover(), dhcpfixture::ipxeDiscover(), dhcpfixture::dnsmasqPiOffer(),
                                         withOptions("350101" "340103" "ff", QByteArray::fromHex("4305" "68656c6c6f" "ff"),
                                                     QByteArray::fromHex("ff"))};
        int accepted = 0;
        for (const QByteArray &seed : seeds) {
            for (int n = 0; n <= seed.size(); ++n) {
                Packet p;
                if (parsePacket(seed.left(n), &p).ok())
                    ++accepted;
            }
        }
        QVERIFY(accepted >= int(seeds.size()));   // at least the complete packets
        QRandomGenerator rng(20240611);
        for (int i = 0; i < 20000; ++i) {
            QByteArray b = seeds.at(i % seeds.size());
            const int flips = 1 + int(rng.bounded(8));
            for (int k = 0; k < flips; ++k)
                b[int(rng.bounded(quint32(b.size())))] = char(rng.bounded(256));
            if (rng.bounded(4) == 0)
                b.truncate(int(rng.bounded(quint32(b.size()))));
            Packet p;
            const ParseResult r = parsePacket(b, &p);
            if (r.ok()) {
                // Whatever parses re-serialises and parses again.
                SerializeOptions so;
                so.maxSize = MaxPacketSize;
                const QByteArray again = serializePacket(p, so);
                if (!again.isEmpty()) {
                    Packet q;
                    QVERIFY(parsePacket(again, &q).ok());
                    QCOMPARE(q.options, p.options);
                }
            }
        }
    }

    void helpers()
    {
        QCOMPARE(ipToString(0x0a4d0001), QStringLiteral("10.77.0.1"));
        QCOMPARE(ipToBytes(0x0a4d0001).toHex(), QByteArray("0a4d0001"));
        QCOMPARE(ipFromBytes("\x0a\x4d\x00\x01"), 0x0a4d0001u);
        Packet p;
        p.setOption32(opt::LeaseTime, 3600);
        QCOMPARE(p.optionUInt32(opt::LeaseTime), 3600u);
        p.setOption16(opt::MaxMessageSize, 1500);
        QCOMPARE(p.optionUInt16(opt::MaxMessageSize), 1500);
        p.removeOption(opt::LeaseTime);
        QVERIFY(!p.has(opt::LeaseTime));
        QCOMPARE(QString::fromLatin1(messageTypeName(MessageType::Inform)), QStringLiteral("INFORM"));
        p.htype = 6;   // not Ethernet
        p.chaddr = QByteArray::fromHex("dca6320136c2");
        QVERIFY(!p.mac().isValid());
    }
};

QTEST_GUILESS_MAIN(TestDhcpPacket)
#include "tst_dhcppacket.moc"
