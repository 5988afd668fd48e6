#include "efitestutil.h"

#include "efi/bootentries.h"
#include "efi/loadoption.h"

#include <QTest>

Q_DECLARE_METATYPE(efi::LoadOption)

class TestEfiLoadOption : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void realPxeEntry()
    {
        // Boot0002 of the used RPi4 store (reference section 5.1).
        const QByteArray data = QByteArray::fromHex(
            "0100000044005500450046004900200050005800450076003400200028004d00410043003a0044003800330041004400440036004400420038003800350029000000"
            "030b2500d83add6db885000000000000000000000000000000000000000000000000000001030c1b0000000000000000000000000000000000000000000000007fff0400"
            "4eac0881119f594d850ee21a522c59b2");
        auto o = efi::LoadOption::decode(data);
        QVERIFY2(o.ok(), qPrintable(o.error()));
        QCOMPARE(o->attributes, 1u);
        QCOMPARE(o->description, QStringLiteral("UEFI PXEv4 (MAC:D83ADD6DB885)"));
        QCOMPARE(o->filePathList.size(), 0x44);
        QVERIFY(o->isAutoCreated());
        QVERIFY(o->isActive());
        QCOMPARE(o->virtText(), QStringLiteral("title=\"UEFI PXEv4 (MAC:D83ADD6DB885)\" devpath=MAC()/IPv4() optdata=4eac0881119f594d850ee21a522c59b2"));
        QCOMPARE(o->encode(), data);
        QCOMPARE(efi::bootKind(o.value()), efi::BootKind::Network);
        QCOMPARE(efi::bootEntryMac(o.value())->toString(), QStringLiteral("d8:3a:dd:6d:b8:85"));
        // Our own entry for the same NIC has the same device path but no marker.
        const auto ours = efi::makePxeEntry(*MacAddress::parse(QStringLiteral("d8:3a:dd:6d:b8:85")));
        QCOMPARE(ours.filePathList, o->filePathList);
        QVERIFY(ours.optionalData.isEmpty());
        QVERIFY(!ours.isAutoCreated());
    }

    void roundTrip_data()
    {
        QTest::addColumn<efi::LoadOption>("option");
        const auto mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));
        QTest::newRow("pxe4") << efi::makePxeEntry(mac);
        QTest::newRow("pxe6") << efi::makePxeEntry(mac, efi::IpVersion::V6, QStringLiteral("six"));
        QTest::newRow("http") << efi::makeHttpEntry(mac, QStringLiteral("http://10.0.0.1:8080/ipxe/snp.efi"));
        QTest::newRow("file") << efi::makeFileEntry(QStringLiteral("Shell"), QStringLiteral("\\EFI\\BOOT\\BOOTAA64.EFI"));
        efi::LoadOption hidden = efi::makePxeEntry(mac);
        hidden.attributes = efi::LoadOption::Hidden | efi::LoadOption::CategoryApp;
        hidden.optionalData = QByteArray("args\0", 5);
        QTest::newRow("hidden app with data") << hidden;
        efi::LoadOption unicode = efi::makeFileEntry(QStringLiteral("Démarrage ✓"), QStringLiteral("\\a.efi"));
        QTest::newRow("unicode description") << unicode;
    }
    void roundTrip()
    {
        QFETCH(efi::LoadOption, option);
        auto back = efi::LoadOption::decode(option.encode());
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back.value(), option);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << "too short";
        QTest::newRow("header only") << QByteArray::fromHex("010000000400") << "too short";
        QTest::newRow("no NUL") << QByteArray::fromHex("0100000004004100420043") << "NUL";
        QTest::newRow("path past end") << QByteArray::fromHex("01000000ff0041000000") + QByteArray::fromHex("7fff0400") << "runs past";
    }
    void malformed()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        auto o = efi::LoadOption::decode(data);
        QVERIFY(!o.ok());
        QVERIFY2(o.error().contains(expected), qPrintable(o.error()));
    }

    void bootVariableNames()
    {
        QCOMPARE(efi::bootVariableName(0x00ab), QStringLiteral("Boot00AB"));
        QCOMPARE(efi::bootNumberFromName(QStringLiteral("Boot00AB")), std::optional<quint16>(0xab));
        QVERIFY(!efi::bootNumberFromName(QStringLiteral("Boot00ab")));   // edk2 uses upper case
        QVERIFY(!efi::bootNumberFromName(QStringLiteral("BootOrder")));
        QVERIFY(!efi::bootNumberFromName(QStringLiteral("Boot0001X")));
    }
};

QTEST_GUILESS_MAIN(TestEfiLoadOption)
#include "tst_efiloadoption.moc"
