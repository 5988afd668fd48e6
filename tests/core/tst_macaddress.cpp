#include "common/macaddress.h"

#include <QTest>

class TestMacAddress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("colons") << "dc:a6:32:01:36:c2" << "dc:a6:32:01:36:c2";
        QTest::newRow("upper") << "DC:A6:32:01:36:C2" << "dc:a6:32:01:36:c2";
        QTest::newRow("dashes") << "dc-a6-32-01-36-c2" << "dc:a6:32:01:36:c2";
        QTest::newRow("bare") << "dca6320136c2" << "dc:a6:32:01:36:c2";
        QTest::newRow("cisco") << "dca6.3201.36c2" << "dc:a6:32:01:36:c2";
        QTest::newRow("spaces") << "  dc:a6:32:01:36:c2 " << "dc:a6:32:01:36:c2";
        QTest::newRow("mixed separators") << "dc:a6-32:01:36:c2" << "";
        QTest::newRow("short group") << "dc:a6:32:1:36:c2:0" << "";
        QTest::newRow("too short") << "dc:a6:32:01:36" << "";
        QTest::newRow("too long") << "dc:a6:32:01:36:c2:00" << "";
        QTest::newRow("non hex") << "zz:a6:32:01:36:c2" << "";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("unicode digit") << QString::fromUtf8("dc:a6:32:01:36:c\u0662") << "";
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        const auto mac = MacAddress::parse(text);
        if (canonical.isEmpty()) {
            QVERIFY(!mac);
        } else {
            QVERIFY(mac);
            QCOMPARE(mac->toString(), canonical);
        }
    }
    void forms()
    {
        const auto mac = *MacAddress::parse(QStringLiteral("d8:3a:dd:6d:b8:85"));
        QCOMPARE(mac.toDashed(), QStringLiteral("d8-3a-dd-6d-b8-85"));
        QCOMPARE(mac.toHexUpper(), QStringLiteral("D83ADD6DB885"));
        QCOMPARE(mac.toBytes(), QByteArray::fromHex("d83add6db885"));
        QCOMPARE(MacAddress::fromBytes(mac.toBytes()), mac);
        QVERIFY(!MacAddress::fromBytes(QByteArray(5, 'x')).isValid());
        QVERIFY(mac.hasPrefix(*MacAddress::parse(QStringLiteral("d8:3a:dd:00:00:00")), 3));
        QVERIFY(!mac.hasPrefix(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:00")), 3));
        QVERIFY(!MacAddress().isValid());
        QCOMPARE(MacAddress().toString(), QString());
    }
};

QTEST_GUILESS_MAIN(TestMacAddress)
#include "tst_macaddress.moc"
