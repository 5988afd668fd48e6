// Profiles page and power feed view-models: the profile list updates in place from the lab
// config (with the devices each profile boots), import ids from file names, the imported profile
// joins the lab, and power manager views become faceplate snapshots (names, protection reasons).
#include "poe/powermanager.h"
#include "powerfeed.h"
#include "profileimporter.h"
#include "profilelistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestProfileModels : public QObject
{
    Q_OBJECT

    static LabConfig lab()
    {
        LabConfig c;
        ProfileConfig def;
        def.id = QStringLiteral("default");
        ProfileConfig pftf;
        pftf.id = QStringLiteral("pftf");
        pftf.name = QStringLiteral("pftf v1.37");
        pftf.baseImage = QStringLiteral("/data/profiles/pftf/RPI_EFI.fd");
        c.profiles = {def, pftf};
        for (int i = 1; i <= 3; ++i) {
            DeviceConfig d;
            d.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:0%1").arg(i));
            d.name = QStringLiteral("pi-0%1").arg(i);
            d.profile = i == 3 ? QStringLiteral("pftf") : QString();   // none = "default"
            c.devices.append(d);
        }
        return c;
    }

private Q_SLOTS:
    void profileListUpdatesInPlace()
    {
        ProfileListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LabConfig c = lab();
        m.setConfig(c);
        QCOMPARE(m.count(), 2);
        QCOMPARE(m.index(0).data(ProfileListModel::DevicesRole).toStringList(), (QStringList{QStringLiteral("pi-01"), QStringLiteral("pi-02")}));
        QCOMPARE(m.index(1).data(ProfileListModel::NameRole).toString(), QStringLiteral("pftf v1.37"));
        QCOMPARE(m.index(1).data(ProfileListModel::BaseImageRole).toString(), QStringLiteral("RPI_EFI.fd"));
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        c.devices[0].profile = QStringLiteral("pftf");
        m.setConfig(c);
        QCOMPARE(changed.count(), 2);                    // both profiles' device lists
        QCOMPARE(m.index(1).data(ProfileListModel::DeviceCountRole).toInt(), 2);
        m.setConfig(c);
        QCOMPARE(changed.count(), 2);                    // nothing changed: no signal
        ProfileConfig added;
        added.id = QStringLiteral("imported");
        c.profiles.append(added);
        m.setConfig(c);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m.rowOf(QStringLiteral("imported")), 2);
        c.profiles.removeFirst();
        m.setConfig(c);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(m.rowOf(QStringLiteral("pftf")), 0);
        QCOMPARE(reset.count(), 0);
    }

    void importIdsAndProfiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("taken");
        QTest::addColumn<QString>("id");
        QTest::newRow("release") << "RPi4_UEFI_Firmware_v1.38.zip" << QStringList{} << "rpi4_uefi_firmware_v1.38";
        QTest::newRow("taken") << "RPI_EFI.fd" << QStringList{QStringLiteral("rpi_efi"), QStringLiteral("RPI_EFI-2")} << "rpi_efi-3";
        QTest::newRow("tarball") << "release v2.tar.gz" << QStringList{} << "release-v2";
        QTest::newRow("junk") << "---.json" << QStringList{} << "profile";
        QTest::newRow("unicode") << "Prüfstand (neu).json" << QStringList{} << "pr-fstand-neu";
    }
    void importIdsAndProfiles()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, taken);
        QFETCH(QString, id);
        QCOMPARE(ProfileImporter::profileIdFor(file, taken), id);
        QVERIFY(efi::isValidProfileId(id));
    }

    void importedProfileJoinsTheLab()
    {
        LabConfig c = lab();
        efi::ImportResult r;
        r.profile.id = QStringLiteral("new");
        r.profile.baseImage = QStringLiteral("/data/profiles/new/RPI_EFI.fd");
        ProfileImporter::addProfile(c, r, QStringLiteral("New firmware"));
        QCOMPARE(c.profiles.size(), 3);
        QCOMPARE(c.profile(QStringLiteral("new"))->name, QStringLiteral("New firmware"));
        // An id that exists: its files are updated, its name and settings kept.
        c.profiles[1].settings.insert(QStringLiteral("FanTemp"), QStringLiteral("70"));
        r.profile.id = QStringLiteral("pftf");
        r.profile.baseImage.clear();
        r.profile.variablesJson = QStringLiteral("/data/profiles/pftf/variables.json");
        ProfileImporter::addProfile(c, r, QStringLiteral("ignored"));
        QCOMPARE(c.profiles.size(), 3);
        const ProfileConfig *p = c.profile(QStringLiteral("pftf"));
        QCOMPARE(p->name, QStringLiteral("pftf v1.37"));
        QCOMPARE(p->baseImage, QStringLiteral("/data/profiles/pftf/RPI_EFI.fd"));
        QCOMPARE(p->variablesJson, QStringLiteral("/data/profiles/pftf/variables.json"));
        QCOMPARE(p->settings.value(QStringLiteral("FanTemp")), QStringLiteral("70"));
    }

    void powerViewBecomesASnapshot()
    {
        LabConfig c = lab();
        SwitchConfig sw;
        sw.id = QStringLiteral("core");
        sw.protectedPorts = {QStringLiteral("24")};
        c.switches = {sw};
        PowerManager::SwitchView v;
        v.id = QStringLiteral("core");
        v.driver = QStringLiteral("snmp");
        v.budgetWatts = 370;
        v.lastRead = QDateTime::currentDateTimeUtc();
        auto port = [](const char *name, bool on, poe::Detection d, double w) {
            PowerManager::PortView p;
            p.status.port = QString::fromLatin1(name);
            p.status.adminOn = on;
            p.status.detection = d;
            p.status.watts = w;
            return p;
        };
        PowerManager::PortView p1 = port("1", true, poe::Detection::Delivering, 4.6);
        p1.device = c.devices.at(0).mac;
        PowerManager::PortView p2 = port("2", true, poe::Detection::Searching, 0);
        p2.isProtected = true;                           // no managed device
        p2.busy = true;
        PowerManager::PortView p24 = port("24", true, poe::Detection::Delivering, 12.0);
        p24.isProtected = true;                          // protected_ports
        PowerManager::PortView p3 = port("3", false, poe::Detection::Disabled, -1);
        p3.device = *MacAddress::parse(QStringLiteral("dc:a6:32:99:99:99"));
        p3.deviceLearned = true;
        v.ports = {p1, p2, p24, p3};
        const SwitchSnapshot s = PowerFeed::snapshot(v, c);
        QCOMPARE(s.ports.size(), 4);
        QCOMPARE(s.budgetWatts, 370.0);
        QVERIFY(s.ports.at(0).adminUp && s.ports.at(0).operUp);
        QCOMPARE(s.ports.at(0).mappedName, QStringLiteral("pi-01"));
        QCOMPARE(s.ports.at(0).protection, SwitchPortSnapshot::Protection::None);
        QVERIFY(s.ports.at(1).adminUp && !s.ports.at(1).operUp);
        QCOMPARE(s.ports.at(1).detection, QStringLiteral("searching"));
        QCOMPARE(s.ports.at(1).protection, SwitchPortSnapshot::Protection::Unmapped);
        QVERIFY(s.ports.at(1).busy);
        QCOMPARE(s.ports.at(2).protection, SwitchPortSnapshot::Protection::Listed);
        QCOMPARE(s.ports.at(3).mappedName, QStringLiteral("dc:a6:32:99:99:99"));   // learned, not in the lab
        QVERIFY(s.ports.at(3).mappedLearned);
        // An unreachable switch: nothing is known to be delivering.
        v.reachable = false;
        v.error = QStringLiteral("switch 'core' did not answer within 2 s");
        const SwitchSnapshot down = PowerFeed::snapshot(v, c);
        QVERIFY(!down.ports.at(0).operUp);
        QCOMPARE(down.ports.at(0).watts, -1.0);
        QCOMPARE(down.error, v.error);
    }
};

QTEST_GUILESS_MAIN(TestProfileModels)
#include "tst_profilemodels.moc"
