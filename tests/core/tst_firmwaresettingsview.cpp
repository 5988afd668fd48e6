#include "config/labconfigloader.h"
#include "efi/firmwareservice.h"
#include "efi/firmwaresettingsview.h"
#include "efi/pisettings.h"
#include "efi/varstore.h"

#include <QTemporaryDir>
#include <QTest>

// The Redfish/GUI view of a device's Pi settings over the UEFI engine: values come from the
// profile plus the device's overrides, changes are validated and stored as overrides, and the
// firmware rendered for the device carries them.
class TestFirmwareSettingsView : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    LabConfig m_config;
    std::unique_ptr<FirmwareService> m_firmware;
    std::unique_ptr<FirmwareSettingsView> m_view;
    const MacAddress m_mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));

    static const FirmwareSettings::Attribute *find(const QList<FirmwareSettings::Attribute> &list, const char *name)
    {
        for (const auto &a : list)
            if (a.name == QLatin1String(name))
                return &a;
        return nullptr;
    }

private Q_SLOTS:
    void init()
    {
        auto r = LabConfigLoader::loadText(QByteArray("profiles:\n  default: {settings: {CpuClock: 2}}\n"
                                                      "devices:\n  \"dc:a6:32:01:36:c2\": {name: pi, profile: default}\n"),
                                           QStringLiteral("lab.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        m_config = r.config;
        m_firmware = std::make_unique<FirmwareService>(m_dir.path(), nullptr);
        m_firmware->setConfig(m_config);
        m_view = std::make_unique<FirmwareSettingsView>(m_firmware.get(), [this](const std::function<void(LabConfig &)> &change, QString *) {
            change(m_config);
            m_firmware->setConfig(m_config);
            return true;
        });
    }

    void attributesCarryTypesRangesAndProfileValues()
    {
        const auto attrs = m_view->attributes(m_mac);
        QCOMPARE(attrs.size(), efi::piSettings().size());
        const auto *cpu = find(attrs, "CpuClock");
        QVERIFY(cpu);
        QCOMPARE(cpu->type, FirmwareSettings::Attribute::Type::Enumeration);
        QVERIFY(!cpu->allowedValues.isEmpty());
        // The profile sets CpuClock 2: the current value is that choice's key.
        QString maxKey;
        for (const auto &c : efi::findPiSetting(QStringLiteral("CpuClock"))->choices)
            if (c.value == 2)
                maxKey = QString::fromLatin1(c.key);
        QCOMPARE(cpu->currentValue.toString(), maxKey);
        const auto *ram = find(attrs, "RamMoreThan3GB");
        QVERIFY(ram && ram->readOnly);
        const auto *fanTemp = find(attrs, "FanTemp");
        QVERIFY(fanTemp);
        QCOMPARE(fanTemp->type, FirmwareSettings::Attribute::Type::Integer);
        QVERIFY(fanTemp->upperBound > fanTemp->lowerBound);
    }

    void changesBecomeDeviceOverridesAndReachTheFirmware()
    {
        QString error;
        QVERIFY2(m_view->setAttributes(m_mac, {{QStringLiteral("RamLimitTo3GB"), false}, {QStringLiteral("FanTemp"), 55}}, &error),
                 qPrintable(error));
        QCOMPARE(m_config.device(m_mac)->firmwareSettings.value(QStringLiteral("RamLimitTo3GB")), QStringLiteral("0"));
        QCOMPARE(find(m_view->attributes(m_mac), "FanTemp")->currentValue.toLongLong(), 55);

        auto image = m_firmware->render(m_mac);
        QVERIFY2(image.ok(), qPrintable(image.error()));
        auto store = efi::VarStore::parse(image.value());
        QVERIFY(store.ok());
        const efi::PiSetting *fan = efi::findPiSetting(QStringLiteral("FanTemp"));
        const efi::Variable *v = store->find(fan->nameString(), fan->guid);
        QVERIFY(v);
        QCOMPARE(efi::piSettingNumber(*fan, v->data).value_or(0), quint64(55));

        QVERIFY(m_view->resetToDefaults(m_mac, &error));
        QVERIFY(m_config.device(m_mac)->firmwareSettings.isEmpty());
    }

    void invalidChangesAreRefusedWhole()
    {
        QString error;
        QVERIFY(!m_view->setAttributes(m_mac, {{QStringLiteral("FanTemp"), 50}, {QStringLiteral("NoSuchThing"), 1}}, &error));
        QVERIFY(error.contains(QStringLiteral("NoSuchThing")));
        QVERIFY(!m_view->setAttributes(m_mac, {{QStringLiteral("RamMoreThan3GB"), 1}}, &error));
        QVERIFY(!m_view->setAttributes(m_mac, {{QStringLiteral("CpuClock"), QStringLiteral("warp-speed")}}, &error));
        QVERIFY(!m_view->setAttributes(*MacAddress::parse(QStringLiteral("dc:a6:32:99:99:99")), {{QStringLiteral("FanTemp"), 50}}, &error));
        QVERIFY(m_config.device(m_mac)->firmwareSettings.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFirmwareSettingsView)
#include "tst_firmwaresettingsview.moc"
