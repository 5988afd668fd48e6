// The DHCP packets of the virtual Pi 4 (core/lab/virtualpipackets) against the byte layouts of
// ../shared/reference/netboot.md (1.1 bootloader, 2.3 AAVMF PXE and iPXE), read with an independent
// raw reader (rawbootp.h). The wire itself is checked in tst_virtualpi (wireConformance).

#include "lab/virtualpipackets.h"
#include "rawbootp.h"

#include <QTest>

namespace {

vpi::Identity identity()
{
    vpi::Identity id;
    id.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
    id.serial = 0x9ffefdef;
    id.boardRevision = 0x00c03111;
    return id;
}

constexpr quint32 Xid = 0x1234abcd;

} // namespace

class TestVirtualPiPackets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layout_data();
    void layout();
    void bootloaderOption97();
    void uefiGuidIsStablePerBoard();
    void parseReplyRejectsOthers();
    void netconsole_data();
    void netconsole();
};

void TestVirtualPiPackets::layout_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QList<int>>("codes");           // option codes in wire order
    QTest::addColumn<quint16>("flags");
    QTest::addColumn<quint32>("ciaddr");
    QTest::addColumn<QByteArray>("vendorClass");     // empty = must be absent
    QTest::addColumn<QByteArray>("arch");            // option 93
    QTest::addColumn<QByteArray>("ndi");             // option 94
    QTest::addColumn<QByteArray>("userClass");       // option 77; empty = absent

    const vpi::Identity id = identity();
    const quint32 ip = 0x7f4d000a;                   // 127.77.0.10
    const QByteArray piVendor = "PXEClient:Arch:00000:UNDI:002001";
    QTest::newRow("bootloader DISCOVER") << vpi::encode(vpi::bootloaderDiscover(id, Xid)) << QList<int>{53, 55, 93, 94, 97, 60}
                                         << quint16(0) << 0u << piVendor << QByteArray::fromHex("0000")
                                         << QByteArray::fromHex("010201") << QByteArray();
    QTest::newRow("bootloader REQUEST (no 60)")
        << vpi::encode(vpi::bootloaderRequest(id, Xid, ip, 0x7f000001)) << QList<int>{53, 55, 93, 94, 97, 50, 54} << quint16(0) << 0u
        << QByteArray() << QByteArray::fromHex("0000") << QByteArray::fromHex("010201") << QByteArray();
    QTest::newRow("UEFI PXE DISCOVER (AAVMF)")
        << vpi::encode(vpi::uefiDiscover(id, Xid)) << QList<int>{53, 57, 55, 93, 94, 97, 60} << quint16(0x8000) << 0u
        << QByteArray("PXEClient:Arch:00011:UNDI:003000") << QByteArray::fromHex("000b") << QByteArray::fromHex("010300") << QByteArray();
    QTest::newRow("UEFI 4011 REQUEST")
        << vpi::encode(vpi::uefiBootServerRequest(id, Xid, ip)) << QList<int>{53, 57, 55, 93, 94, 97, 60} << quint16(0) << ip
        << QByteArray("PXEClient:Arch:00011:UNDI:003000") << QByteArray::fromHex("000b") << QByteArray::fromHex("010300") << QByteArray();
    QTest::newRow("iPXE DISCOVER")
        << vpi::encode(vpi::ipxeDiscover(id, Xid)) << QList<int>{53, 57, 55, 93, 94, 97, 60, 61, 77, 175} << quint16(0x8000) << 0u
        << QByteArray("PXEClient:Arch:00011:UNDI:003010") << QByteArray::fromHex("000b") << QByteArray::fromHex("01030a") << QByteArray("iPXE");
    QTest::newRow("iPXE proxy REQUEST, own user class")
        << vpi::encode(vpi::ipxeProxyRequest(id, Xid, ip, 11, "MetalBoot")) << QList<int>{53, 57, 55, 93, 94, 97, 60, 61, 77, 175}
        << quint16(0) << ip << QByteArray("PXEClient:Arch:00011:UNDI:003010") << QByteArray::fromHex("000b")
        << QByteArray::fromHex("01030a") << QByteArray("MetalBoot");
}

void TestVirtualPiPackets::layout()
{
    QFETCH(QByteArray, wire);
    QFETCH(QList<int>, codes);
    QFETCH(quint16, flags);
    QFETCH(quint32, ciaddr);
    QFETCH(QByteArray, vendorClass);
    QFETCH(QByteArray, arch);
    QFETCH(QByteArray, ndi);
    QFETCH(QByteArray, userClass);

    const rawbootp::Dhcp d = rawbootp::parseDhcp(wire);
    QVERIFY(d.ok);
    QCOMPARE(d.op, quint8(1));
    QCOMPARE(d.xid, Xid);
    QCOMPARE(d.flags, flags);
    QCOMPARE(d.ciaddr, ciaddr);
    QCOMPARE(d.chaddr, identity().mac.toBytes());
    // The option set, in order, with no PAD between options (rpi-eeprom#82) and nothing after END.
    QList<int> seen = d.codes();
    std::sort(seen.begin(), seen.end());
    QList<int> expected = codes;
    std::sort(expected.begin(), expected.end());
    QCOMPARE(seen, expected);
    QVERIFY(!d.has(0));
    QCOMPARE(d.trailing, 0);
    QCOMPARE(wire.size(), 240 + [&] {
        int n = 1;
        for (const auto &o : d.options)
            n += 2 + int(o.second.size());
        return n;
    }());
    if (vendorClass.isEmpty())
        QVERIFY2(!d.has(60), "option 60 must be absent");
    else
        QCOMPARE(d.value(60), vendorClass);
    QCOMPARE(d.value(93), arch);
    QCOMPARE(d.value(94), ndi);
    QCOMPARE(d.value(97).size(), 17);
    QCOMPARE(d.value(97).at(0), '\0');
    if (userClass.isEmpty()) {
        QVERIFY(!d.has(77) && !d.has(175));
    } else {
        QCOMPARE(d.value(77), userClass);   // raw, not RFC 3004
        QCOMPARE(d.value(61), QByteArray(1, '\x01') + identity().mac.toBytes());
        QVERIFY(d.value(175).startsWith(QByteArray::fromHex("eb03")));   // iPXE version
        QVERIFY(d.value(55).endsWith(QByteArray::fromHex("77afcb")));
    }
    if (arch == QByteArray::fromHex("0000")) {
        // 55 = 1 3 43 60 66 67 128-135 (cmprovision#16).
        QCOMPARE(d.value(55), QByteArray::fromHex("01032b3c42438081828384858687"));
    } else {
        QCOMPARE(d.value(57), QByteArray::fromHex("05c0"));   // 1472
        QVERIFY(d.value(55).startsWith(QByteArray::fromHex("0102030405060c0d0f111216171c28292a2b3233363a3b3c4243618081828384858687")));
    }
    if (d.has(50)) {
        QCOMPARE(d.value(50), QByteArray::fromHex("7f4d000a"));
        QCOMPARE(d.value(54), QByteArray::fromHex("7f000001"));
    }
}

void TestVirtualPiPackets::bootloaderOption97()
{
    // 00 "RPi4" revision MAC[2..5] serial (reference 1.1; the revision/serial byte order is the
    // unconfirmed part: little-endian, as the EEPROM stores them).
    const QByteArray guid = rawbootp::parseDhcp(vpi::encode(vpi::bootloaderDiscover(identity(), Xid))).value(97);
    QCOMPARE(guid.toHex(), QByteArray("00" "52506934" "1131c000" "3201 36c2" "effdfe9f").replace(' ', ""));
    QCOMPARE(vpi::bootloaderGuid(identity()), guid);
    QCOMPARE(vpi::serialPrefix(identity().serial), QStringLiteral("9ffefdef"));
    QCOMPARE(vpi::serialPrefix(0x1234), QStringLiteral("00001234"));
}

void TestVirtualPiPackets::uefiGuidIsStablePerBoard()
{
    const QByteArray a = vpi::firmwareUuid(identity());
    QCOMPARE(a.size(), 16);
    QCOMPARE(vpi::firmwareUuid(identity()), a);
    vpi::Identity other = identity();
    other.serial ^= 1;
    QVERIFY(vpi::firmwareUuid(other) != a);
    QCOMPARE(quint8(a.at(6)) >> 4, 5);
    QCOMPARE(quint8(a.at(8)) & 0xc0, 0x80);
    QCOMPARE(rawbootp::parseDhcp(vpi::encode(vpi::uefiDiscover(identity(), Xid))).value(97), QByteArray(1, '\0') + a);
}

void TestVirtualPiPackets::parseReplyRejectsOthers()
{
    QVERIFY(!vpi::parseReply(QByteArray(), identity().mac, Xid).ok);
    QVERIFY(!vpi::parseReply(QByteArray(300, '\xff'), identity().mac, Xid).ok);
    // A client packet is not a reply, another xid is not ours.
    dhcp::Packet offer = vpi::bootloaderDiscover(identity(), Xid);
    offer.op = 2;
    offer.siaddr = 0x7f000001;
    QVERIFY(vpi::parseReply(vpi::encode(offer), identity().mac, Xid).ok);
    QVERIFY(!vpi::parseReply(vpi::encode(offer), identity().mac, Xid + 1).ok);
    QVERIFY(!vpi::parseReply(vpi::encode(offer), *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01")), Xid).ok);
    QVERIFY(!vpi::parseReply(vpi::encode(vpi::bootloaderDiscover(identity(), Xid)), identity().mac, Xid).ok);
    // Truncated in the middle of the options.
    QVERIFY(!vpi::parseReply(vpi::encode(offer).left(250), identity().mac, Xid).ok);
}

void TestVirtualPiPackets::netconsole_data()
{
    QTest::addColumn<QString>("cmdline");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("port");
    QTest::newRow("full") << QStringLiteral("console=ttyAMA0 netconsole=6665@127.77.0.10/eth0,6666@127.0.0.1/ quiet") << true
                          << QStringLiteral("127.0.0.1") << 6666;
    QTest::newRow("extended, defaults") << QStringLiteral("netconsole=+@/,@10.0.0.1/") << true << QStringLiteral("10.0.0.1") << 6666;
    QTest::newRow("port") << QStringLiteral("netconsole=@/,5555@10.0.0.2/aa:bb:cc:dd:ee:ff") << true << QStringLiteral("10.0.0.2") << 5555;
    QTest::newRow("absent") << QStringLiteral("console=ttyAMA0") << false << QString() << 0;
    QTest::newRow("no target") << QStringLiteral("netconsole=6665@/eth0,6666@/") << false << QString() << 0;
    QTest::newRow("bad port") << QStringLiteral("netconsole=@/,99999@10.0.0.1/") << false << QString() << 0;
    QTest::newRow("no comma") << QStringLiteral("netconsole=6665@10.0.0.1") << false << QString() << 0;
}

void TestVirtualPiPackets::netconsole()
{
    QFETCH(QString, cmdline);
    QFETCH(bool, ok);
    QFETCH(QString, target);
    QFETCH(int, port);
    const vpi::Netconsole n = vpi::parseNetconsole(cmdline);
    QCOMPARE(n.ok, ok);
    if (ok) {
        QCOMPARE(n.target.toString(), target);
        QCOMPARE(int(n.targetPort), port);
    }
}

QTEST_GUILESS_MAIN(TestVirtualPiPackets)
#include "tst_virtualpipackets.moc"
