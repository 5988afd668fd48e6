#include "efitestutil.h"

#include "devices/bootcontrol.h"
#include "efi/bootentries.h"
#include "efi/efibytes.h"
#include "efi/efiguid.h"
#include "efi/firmwareservice.h"
#include "efi/varstore.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace efitest;

class TestEfiFirmwareService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    LabConfig m_config;
    const MacAddress m_usedMac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));
    const MacAddress m_defaultMac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:02"));
    const MacAddress m_badMac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:03"));
    const MacAddress m_noPxeMac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:04"));
    const MacAddress m_strangerMac = *MacAddress::parse(QStringLiteral("02:00:00:00:00:99"));

    QString path(const QString &name) const { return m_dir.path() + QLatin1Char('/') + name; }

    static void writeFile(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(data);
    }

    static efi::VarStore parse(const Result<QByteArray> &bytes)
    {
        if (!bytes.ok())
            qFatal("render failed: %s", qPrintable(bytes.error()));
        auto store = efi::VarStore::parse(bytes.value());
        if (!store.ok())
            qFatal("rendered image does not parse: %s", qPrintable(store.error()));
        return store.value();
    }

    static QByteArray timeoutJson(int seconds)
    {
        return QStringLiteral(R"({"version": 2, "variables": [{"name": "Timeout", "guid": "EfiGlobalVariable", "attr": 7, "data": "%1"}]})")
            .arg(QString::fromLatin1(QByteArray(1, char(seconds)).toHex() + "00"))
            .toUtf8();
    }

    DeviceConfig device(const MacAddress &mac, const QString &profile, bool allowPxe = true)
    {
        DeviceConfig d;
        d.mac = mac;
        d.name = mac.toDashed();
        d.profile = profile;
        d.allowPxe = allowPxe;
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::copy(fixture("RPI_EFI-v1.37-used.fd"), path(QStringLiteral("used.fd"))));
        writeFile(path(QStringLiteral("vars.json")), timeoutJson(3));
        ProfileConfig def;
        def.id = QStringLiteral("default");
        def.settings = {{QStringLiteral("CpuClock"), QStringLiteral("max")}};
        ProfileConfig used;
        used.id = QStringLiteral("used");
        used.baseImage = path(QStringLiteral("used.fd"));
        used.variablesJson = path(QStringLiteral("vars.json"));
        used.bootOrder = {QStringLiteral("0001"), QStringLiteral("0000")};
        used.settings = {{QStringLiteral("SystemTableMode"), QStringLiteral("dt")}};
        ProfileConfig bad;
        bad.id = QStringLiteral("bad");
        bad.settings = {{QStringLiteral("FanTemp"), QStringLiteral("300")}};
        m_config.profiles = {def, used, bad};
        m_config.devices = {device(m_usedMac, QStringLiteral("used")), device(m_defaultMac, QString()), device(m_badMac, QStringLiteral("bad")),
                            device(m_noPxeMac, QStringLiteral("used"), false)};
    }

    void profileAndDeviceEntry()
    {
        BootControl boot;
        FirmwareService fw(m_dir.path(), &boot);
        fw.setConfig(m_config);
        const QByteArray base = readAll(path(QStringLiteral("used.fd")));
        const auto bytes = fw.render(m_usedMac);
        const efi::VarStore store = parse(bytes);
        const QList<quint16> order = efi::bootOrder(store);
        QCOMPARE(order.size(), 3);
        QCOMPARE(order.mid(1), (QList<quint16>{1, 0}));
        const auto pxe = efi::bootEntry(store, order.first());
        QVERIFY(pxe);
        QCOMPARE(pxe->description, QStringLiteral("Metal Boot PXEv4 (MAC:DCA632000001)"));
        QVERIFY(!pxe->isAutoCreated());
        QCOMPARE(efi::bootEntryMac(*pxe), m_usedMac);
        QVERIFY(!efi::bootNext(store));
        QCOMPARE(efi::timeout(store), std::optional<quint16>(3));
        QCOMPARE(store.find(QStringLiteral("SystemTableMode"), efi::guids::RpiConfigDxe)->data, QByteArray::fromHex("02000000"));
        // Everything outside the variable area is the base image's.
        QCOMPARE(bytes->size(), base.size());
        QCOMPARE(bytes->left(store.layout().variablesBegin()), base.left(store.layout().variablesBegin()));
        QCOMPARE(bytes->mid(store.layout().variablesEnd()), base.mid(store.layout().variablesEnd()));
        // Both D83ADD6DB885 survive rendering.
        QCOMPARE(store.findByName(QStringLiteral("D83ADD6DB885")).size(), 2);
    }

    void cacheAndSignals()
    {
        BootControl boot;
        FirmwareService fw(m_dir.path(), &boot);
        fw.setConfig(m_config);
        QSignalSpy rendered(&fw, &FirmwareService::rendered);
        const auto first = fw.render(m_usedMac);
        const auto second = fw.renderer()(m_usedMac);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(second.value(), first.value());
        QCOMPARE(fw.stats().renders, quint64(1));
        QCOMPARE(fw.stats().cacheHits, quint64(1));
        QCOMPARE(rendered.size(), 2);
        QCOMPARE(rendered.at(0).at(3).toBool(), false);
        QCOMPARE(rendered.at(1).at(3).toBool(), true);
        QCOMPARE(rendered.at(1).at(2).toByteArray(), rendered.at(0).at(2).toByteArray());   // same image key
        QCOMPARE(rendered.at(0).at(2).toByteArray().size(), 32);
        QCOMPARE(rendered.at(0).at(1).toString(), QStringLiteral("used"));
        // Many devices: the cache stays bounded.
        for (int i = 0; i < FirmwareService::MaxCachedImages + 5; ++i) {
            std::array<std::uint8_t, 6> b{0x02, 0, 0, 0, 1, std::uint8_t(i)};
            QVERIFY(fw.render(MacAddress(b)).ok());
        }
        QCOMPARE(fw.cachedImages(), FirmwareService::MaxCachedImages);
    }

    void bootOverrides()
    {
        BootControl boot;
        FirmwareService fw(m_dir.path(), &boot);
        fw.setConfig(m_config);
        const QByteArray plain = fw.render(m_usedMac).value();

        BootOverride pxe;
        pxe.target = BootOverride::Target::Pxe;
        pxe.enabled = BootOverride::Enabled::Once;
        boot.setOverride(m_usedMac, pxe);
        {
            const efi::VarStore s = parse(fw.render(m_usedMac));
            QCOMPARE(efi::bootNext(s), std::optional<quint16>(efi::bootOrder(s).first()));
        }
        // TFTP consumes the Once override while serving; the boot in progress still gets it.
        boot.consume(m_usedMac, QStringLiteral("tftp: RPI_EFI.fd"));
        QVERIFY(efi::bootNext(parse(fw.render(m_usedMac))));
        boot.bootStarted(m_usedMac);
        QCOMPARE(fw.render(m_usedMac).value(), plain);

        BootOverride http;
        http.target = BootOverride::Target::UefiHttp;
        http.enabled = BootOverride::Enabled::Continuous;
        http.httpBootUri = QStringLiteral("http://10.0.0.1:8080/boot/snp.efi");
        boot.setOverride(m_usedMac, http);
        {
            const efi::VarStore s = parse(fw.render(m_usedMac));
            const auto next = efi::bootNext(s);
            QVERIFY(next);
            QVERIFY(!efi::bootOrder(s).contains(*next));
            const auto entry = efi::bootEntry(s, *next);
            QCOMPARE(efi::bootKind(*entry), efi::BootKind::Http);
            QCOMPARE(entry->devicePath().toText(), QStringLiteral("Uri(http://10.0.0.1:8080/boot/snp.efi)"));   // the short form OVMF expands
        }

        BootOverride hdd;
        hdd.target = BootOverride::Target::Hdd;
        hdd.enabled = BootOverride::Enabled::Once;
        boot.setOverride(m_usedMac, hdd);
        QCOMPARE(efi::bootNext(parse(fw.render(m_usedMac))), std::optional<quint16>(1));   // "UEFI USB DISK 3.0"
        boot.setOverride(m_defaultMac, hdd);
        {
            // The blank store has no disk entry: network entries leave BootOrder for this boot.
            const efi::VarStore s = parse(fw.render(m_defaultMac));
            QVERIFY(!efi::bootNext(s));
            QVERIFY(efi::bootOrder(s).isEmpty());
            QCOMPARE(efi::bootEntries(s).size(), 1);
        }

        BootOverride setup;
        setup.target = BootOverride::Target::BiosSetup;
        setup.enabled = BootOverride::Enabled::Once;
        boot.setOverride(m_usedMac, setup);
        {
            const efi::VarStore s = parse(fw.render(m_usedMac));
            const efi::Variable *os = s.find(QStringLiteral("OsIndications"), efi::guids::GlobalVariable);
            QVERIFY(os);
            QCOMPARE(efi::le64(os->data.constData()), quint64(1));
            QVERIFY(!efi::bootNext(s));
        }

        BootOverride off = pxe;
        off.enabled = BootOverride::Enabled::Disabled;
        boot.setOverride(m_usedMac, off);
        QCOMPARE(fw.render(m_usedMac).value(), plain);

        // allow_pxe: false -> no entry in BootOrder, but a Pxe override still works.
        const efi::VarStore quiet = parse(fw.render(m_noPxeMac));
        QCOMPARE(efi::bootOrder(quiet), (QList<quint16>{1, 0}));
        boot.setOverride(m_noPxeMac, pxe);
        const efi::VarStore once = parse(fw.render(m_noPxeMac));
        const auto next = efi::bootNext(once);
        QVERIFY(next);
        QVERIFY(!efi::bootOrder(once).contains(*next));
        QCOMPARE(efi::bootEntryMac(*efi::bootEntry(once, *next)), m_noPxeMac);
    }

    void defaultAndBlankProfiles()
    {
        FirmwareService fw(m_dir.path(), nullptr);
        fw.setConfig(m_config);
        // A device without a profile, and one not in the lab, get "default" (blank + settings).
        for (const MacAddress &mac : {m_defaultMac, m_strangerMac}) {
            const auto bytes = fw.render(mac);
            QCOMPARE(bytes->size(), 0x1f0000);
            const efi::VarStore s = parse(bytes);
            QCOMPARE(s.layout().kind, QStringLiteral("pftf RPi4 v1.5-v1.38"));
            QCOMPARE(efi::bootOrder(s).size(), 1);
            QCOMPARE(s.find(QStringLiteral("CpuClock"), efi::guids::RpiConfigDxe)->data, QByteArray::fromHex("02000000"));
        }
        // Without a "default" profile: the blank store alone.
        LabConfig noDefault = m_config;
        noDefault.profiles.removeFirst();
        fw.setConfig(noDefault);
        const efi::VarStore blank = parse(fw.render(m_strangerMac));
        QCOMPARE(blank.variables().size(), 2);   // Boot0000 + BootOrder
    }

    void brokenProfiles()
    {
        FirmwareService fw(m_dir.path(), nullptr);
        fw.setConfig(m_config);
        QSignalSpy failed(&fw, &FirmwareService::renderFailed);
        auto r = fw.render(m_badMac);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("FanTemp")) && r.error().contains(QLatin1String("bad")), qPrintable(r.error()));
        QCOMPARE(failed.size(), 1);

        LabConfig c = m_config;
        c.profiles[1].baseImage = path(QStringLiteral("missing.fd"));
        fw.setConfig(c);
        r = fw.render(m_usedMac);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("no such file")), qPrintable(r.error()));

        c.profiles[1].baseImage = path(QStringLiteral("used.fd"));
        c.profiles[1].bootOrder = {QStringLiteral("0042")};
        fw.setConfig(c);
        r = fw.render(m_usedMac);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("Boot0042")), qPrintable(r.error()));
        QCOMPARE(fw.stats().failures, quint64(3));
    }

    void invalidatedOnChange()
    {
        FirmwareService fw(m_dir.path(), nullptr);
        fw.setConfig(m_config);
        QCOMPARE(efi::timeout(parse(fw.render(m_usedMac))), std::optional<quint16>(3));
        // The variables file changes on disk (size differs, so even a coarse mtime notices).
        writeFile(path(QStringLiteral("vars.json")), timeoutJson(9) + "\n\n");
        QCOMPARE(efi::timeout(parse(fw.render(m_usedMac))), std::optional<quint16>(9));
        // The profile changes in the lab.
        LabConfig c = m_config;
        c.profiles[1].settings.insert(QStringLiteral("CpuClock"), QStringLiteral("low"));
        fw.setConfig(c);
        QCOMPARE(parse(fw.render(m_usedMac)).find(QStringLiteral("CpuClock"), efi::guids::RpiConfigDxe)->data, QByteArray::fromHex("00000000"));
        QCOMPARE(fw.stats().renders, quint64(3));
        writeFile(path(QStringLiteral("vars.json")), timeoutJson(3));
    }
};

QTEST_GUILESS_MAIN(TestEfiFirmwareService)
#include "tst_efifirmwareservice.moc"
