#include "efitestutil.h"

#include "efi/pisettings.h"
#include "efi/varstore.h"

#include <QTest>

using namespace efitest;

class TestEfiPiSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void table()
    {
        QSet<QString> names;
        for (const auto &s : efi::piSettings()) {
            QVERIFY2(!names.contains(s.nameString()), s.name);
            names.insert(s.nameString());
            QVERIFY(s.label && *s.label);
            QVERIFY(s.description && *s.description);
            QVERIFY(s.size > 0);
            if (s.kind != efi::PiSetting::Kind::String) {
                QVERIFY2(s.defaultValue >= s.minimum && s.defaultValue <= s.maximum, s.name);
                QVERIFY2(efi::encodePiSetting(s, QString::number(s.defaultValue)).ok(), s.name);
            }
        }
        for (const char *n : {"CpuClock", "CustomCpuClock", "RamLimitTo3GB", "RamMoreThan3GB", "SystemTableMode", "FanOnGpio", "FanTemp",
                              "SdIsArasan", "MmcEnableDma", "XhciPci", "DisplayEnableScaledVModes", "AssetTag", "Timeout", "BootDiscoveryPolicy"})
            QVERIFY2(names.contains(QLatin1String(n)), n);
        QVERIFY(efi::findPiSetting(QStringLiteral("RamMoreThan3GB"))->readOnly);
        QCOMPARE(efi::findPiSetting(QStringLiteral("displayenablescaledvmodes"))->size, 1);
        QCOMPARE(efi::findPiSetting(QStringLiteral("AssetTag"))->size, 66);
        QCOMPARE(efi::findPiSetting(QStringLiteral("Timeout"))->size, 2);
    }

    void encode_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("bytes");      // empty = error expected
        QTest::newRow("cpu max by key") << "CpuClock" << "max" << QByteArray::fromHex("02000000");
        QTest::newRow("cpu by number") << "CpuClock" << "3" << QByteArray::fromHex("03000000");
        QTest::newRow("cpu bad") << "CpuClock" << "4" << QByteArray();
        QTest::newRow("custom clock") << "CustomCpuClock" << "1800" << QByteArray::fromHex("08070000");
        QTest::newRow("custom clock hex") << "CustomCpuClock" << "0x708" << QByteArray::fromHex("08070000");
        QTest::newRow("custom clock low") << "CustomCpuClock" << "99" << QByteArray();
        QTest::newRow("custom clock high") << "CustomCpuClock" << "2201" << QByteArray();
        QTest::newRow("ram limit off") << "RamLimitTo3GB" << "off" << QByteArray::fromHex("00000000");
        QTest::newRow("table mode dt") << "SystemTableMode" << "DT" << QByteArray::fromHex("02000000");
        QTest::newRow("table mode both") << "SystemTableMode" << "acpi+dt" << QByteArray::fromHex("01000000");
        QTest::newRow("fan gpio") << "FanOnGpio" << "19" << QByteArray::fromHex("13000000");
        QTest::newRow("fan gpio bad") << "FanOnGpio" << "5" << QByteArray();
        QTest::newRow("fan temp") << "FanTemp" << "70" << QByteArray::fromHex("46000000");
        QTest::newRow("fan temp hot") << "FanTemp" << "90" << QByteArray();
        QTest::newRow("dma bool") << "MmcEnableDma" << "false" << QByteArray::fromHex("00000000");
        QTest::newRow("bool junk") << "MmcEnableDma" << "maybe" << QByteArray();
        QTest::newRow("vmodes names") << "DisplayEnableScaledVModes" << "native,1080p" << QByteArray::fromHex("30");
        QTest::newRow("vmodes number") << "DisplayEnableScaledVModes" << "0x3f" << QByteArray::fromHex("3f");
        QTest::newRow("vmodes too big") << "DisplayEnableScaledVModes" << "64" << QByteArray();
        QTest::newRow("vmodes unknown") << "DisplayEnableScaledVModes" << "4k" << QByteArray();
        QTest::newRow("timeout") << "Timeout" << "65535" << QByteArray::fromHex("ffff");
        QTest::newRow("timeout big") << "Timeout" << "65536" << QByteArray();
        QTest::newRow("asset tag") << "AssetTag" << "LAB-07" << (efi::encodeUcs2(QStringLiteral("LAB-07")) + QByteArray(66 - 14, '\0'));
        QTest::newRow("asset tag long") << "AssetTag" << QString(33, QLatin1Char('x')) << QByteArray();
        QTest::newRow("asset tag control") << "AssetTag" << "a\nb" << QByteArray();
        QTest::newRow("policy") << "BootDiscoveryPolicy" << "network" << QByteArray::fromHex("01000000");
    }
    void encode()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QByteArray, bytes);
        const efi::PiSetting *s = efi::findPiSetting(name);
        QVERIFY(s);
        auto r = efi::encodePiSetting(*s, value);
        if (bytes.isEmpty()) {
            QVERIFY(!r.ok());
            QVERIFY(r.error().contains(s->nameString()));
        } else {
            QVERIFY2(r.ok(), qPrintable(r.error()));
            QCOMPARE(r.value(), bytes);
            QCOMPARE(r->size(), s->size);
        }
    }

    void readFromUsedImage()
    {
        auto store = efi::VarStore::parse(readAll(fixture("RPI_EFI-v1.37-used.fd")));
        QVERIFY(store.ok());
        QHash<QString, efi::PiSettingValue> values;
        for (const auto &v : efi::readPiSettings(*store))
            values.insert(v.setting->nameString(), v);
        QCOMPARE(values.value(QStringLiteral("CustomCpuClock")).text, QStringLiteral("1800"));
        QCOMPARE(values.value(QStringLiteral("CpuClock")).text, QStringLiteral("1 (default)"));
        QCOMPARE(values.value(QStringLiteral("DisplayEnableScaledVModes")).text, QStringLiteral("0x20 (native)"));
        QCOMPARE(values.value(QStringLiteral("ResetDelay")).text, QString::number(0x003567e0));
        QCOMPARE(values.value(QStringLiteral("Timeout")).text, QStringLiteral("5"));
        QCOMPARE(values.value(QStringLiteral("AssetTag")).text, QString());
        QVERIFY(values.value(QStringLiteral("AssetTag")).present);
        QVERIFY(!values.value(QStringLiteral("Columns")).present);
        QCOMPARE(values.value(QStringLiteral("Columns")).text, QStringLiteral("80"));
    }

    void applyKeepsUnknownVariables()
    {
        auto store = efi::VarStore::parse(readAll(fixture("RPI_EFI-v1.37-used.fd")));
        QVERIFY(store.ok());
        const QList<efi::Variable> before = store->variables();
        auto r = efi::applyPiSettings(*store, {{QStringLiteral("CpuClock"), QStringLiteral("max")},
                                               {QStringLiteral("AssetTag"), QStringLiteral("rack-3")},
                                               {QStringLiteral("Columns"), QStringLiteral("132")}});
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.value(), 3);
        QCOMPARE(efi::applyPiSettings(*store, {{QStringLiteral("CpuClock"), QStringLiteral("2")}}).value(), 0);
        auto ro = efi::applyPiSetting(*store, QStringLiteral("RamMoreThan3GB"), QStringLiteral("0"));
        QVERIFY(!ro.ok());
        QVERIFY(!efi::applyPiSetting(*store, QStringLiteral("NoSuchThing"), QStringLiteral("1")).ok());
        auto back = efi::VarStore::parse(store->serialize().value());
        QVERIFY(back.ok());
        QCOMPARE(back->variables().size(), before.size() + 1);   // Columns was new
        for (const auto &v : before) {
            const efi::Variable *now = back->find(v.name, v.guid);
            QVERIFY(now);
            if (v.name != QLatin1String("CpuClock") && v.name != QLatin1String("AssetTag"))
                QCOMPARE(*now, v);                                // byte-exact
        }
        QCOMPARE(back->find(QStringLiteral("CpuClock"), efi::guids::RpiConfigDxe)->data, QByteArray::fromHex("02000000"));
        QCOMPARE(back->find(QStringLiteral("AssetTag"), efi::guids::RpiConfigDxe)->data.size(), 66);
    }
};

QTEST_GUILESS_MAIN(TestEfiPiSettings)
#include "tst_efipisettings.moc"
