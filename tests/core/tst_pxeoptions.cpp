#include "dhcp/pxeoptions.h"
#include "dhcpfixtures.h"

#include <QTest>

using namespace dhcp;

Q_DECLARE_METATYPE(PxeVendorOptions)

class TestPxeOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // bytes -> struct -> bytes for canonical encodings (dnsmasq's sub-option order).
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<PxeVendorOptions>("expected");
        QTest::newRow("raspberry pi menu (dnsmasq)") << dhcpfixture::piOption43() << raspberryPiBootMenu();
        QTest::newRow("boot file in the offer") << QByteArray::fromHex("060108ff") << directBootFile();

        PxeVendorOptions menu;
        menu.discoveryControl = 3;
        menu.prompt = PxeMenuPrompt{255, "Choose"};
        menu.bootServers = {PxeBootServer{0x8000, {0x0a4d0001}}, PxeBootServer{0x0009, {0x0a4d0001, 0x0a4d0002}}};
        menu.menu = {PxeMenuItem{0x8000, "local"}, PxeMenuItem{0x0009, "chain iPXE"}};
        QTest::newRow("menu with servers") << QByteArray::fromHex("060103" "0a07ff43686f6f7365"
                                                                  "0812" "800001" "0a4d0001" "000902" "0a4d0001" "0a4d0002"
                                                                  "0915" "800005" "6c6f63616c" "00090a" "636861696e2069505845"
                                                                  "ff")
                                           << menu;
        PxeVendorOptions item;
        item.bootItem = PxeBootItem{0x0009, 0x0000};
        QTest::newRow("boot item (4011 request)") << QByteArray::fromHex("470400090000ff") << item;
        PxeVendorOptions other;
        other.discoveryControl = 8;
        other.other = {Option{69, QByteArray("trace")}};
        QTest::newRow("unknown sub-option kept") << QByteArray::fromHex("060108" "45057472616365" "ff") << other;
    }
    void roundTrip()
    {
        QFETCH(QByteArray, wire);
        QFETCH(PxeVendorOptions, expected);
        PxeVendorOptions parsed;
        QString error;
        QVERIFY2(parsePxeVendorOptions(wire, &parsed, &error), qPrintable(error));
        QVERIFY(parsed == expected);
        QCOMPARE(serializePxeVendorOptions(parsed).toHex(), wire.toHex());
    }

    // The Raspberry Pi menu is byte-identical to dnsmasq's pxe-service=0,"Raspberry Pi Boot".
    void raspberryPiBytes()
    {
        QCOMPARE(serializePxeVendorOptions(raspberryPiBootMenu()).toHex(),
                 QByteArray("0601030a0400505845091400001152617370626572727920506920426f6f74ff"));
        QCOMPARE(serializePxeVendorOptions(raspberryPiBootMenu()).size(), 32);
    }

    // smee puts the menu before the prompt; the content is the same.
    void otherOrder()
    {
        PxeVendorOptions o;
        QVERIFY(parsePxeVendorOptions(QByteArray::fromHex("060108" "091400001152617370626572727920506920426f6f74"
                                                          "0a0400505845" "ff"),
                                      &o));
        QCOMPARE(*o.discoveryControl, quint8(8));
        QCOMPARE(o.menu.size(), 1);
        QCOMPARE(o.menu.first().description, QByteArray("Raspberry Pi Boot"));
        QCOMPARE(o.prompt->text, QByteArray("PXE"));
        // Pads are skipped, data after End is ignored, a missing End is tolerated.
        QVERIFY(parsePxeVendorOptions(QByteArray::fromHex("00060103ff0601"), &o));
        QCOMPARE(*o.discoveryControl, quint8(3));
        QVERIFY(parsePxeVendorOptions(QByteArray::fromHex("060103"), &o));
        QVERIFY(parsePxeVendorOptions(QByteArray(), &o));
        QVERIFY(!o.discoveryControl);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("no length byte") << QByteArray::fromHex("06");
        QTest::newRow("length past the end") << QByteArray::fromHex("0605030303");
        QTest::newRow("discovery control 2 bytes") << QByteArray::fromHex("06020303ff");
        QTest::newRow("discovery control empty") << QByteArray::fromHex("0600ff");
        QTest::newRow("empty prompt") << QByteArray::fromHex("0a00ff");
        QTest::newRow("menu entry truncated") << QByteArray::fromHex("09020000ff");
        QTest::newRow("menu text past the entry") << QByteArray::fromHex("0905000005414243ff");
        QTest::newRow("server list truncated") << QByteArray::fromHex("08028000ff");
        QTest::newRow("server count past the entry") << QByteArray::fromHex("0807800002" "0a4d0001" "ff");
        QTest::newRow("boot item 3 bytes") << QByteArray::fromHex("4703000900ff");
    }
    void malformed()
    {
        QFETCH(QByteArray, wire);
        PxeVendorOptions o;
        o.discoveryControl = 42;
        QString error;
        QVERIFY(!parsePxeVendorOptions(wire, &o, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(*o.discoveryControl, quint8(42));
    }

    void serializeLimits()
    {
        PxeVendorOptions o;
        for (int i = 0; i < 20; ++i)
            o.menu.append(PxeMenuItem{quint16(i), QByteArray(10, 'm')});   // 20 x 13 = 260 > 253
        QString error;
        QVERIFY(serializePxeVendorOptions(o, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("253")));
        o.menu.clear();
        o.prompt = PxeMenuPrompt{0, QByteArray(255, 'p')};
        QVERIFY(serializePxeVendorOptions(o, &error).isEmpty());
        o.prompt.reset();
        o.other = {Option{70, QByteArray(256, 'x')}};
        QVERIFY(serializePxeVendorOptions(o, &error).isEmpty());
        o.other.clear();
        o.bootServers = {PxeBootServer{1, QList<quint32>(64, 1u)}};
        QVERIFY(serializePxeVendorOptions(o, &error).isEmpty());
        // An empty set is just End.
        QCOMPARE(serializePxeVendorOptions(PxeVendorOptions{}).toHex(), QByteArray("ff"));
    }
};

QTEST_GUILESS_MAIN(TestPxeOptions)
#include "tst_pxeoptions.moc"
