#include "config/labconfigloader.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestDeviceRegistry : public QObject
{
    Q_OBJECT
    static MacAddress mac(const char *text) { return *MacAddress::parse(QString::fromLatin1(text)); }
private Q_SLOTS:
    void adoptedFromConfig()
    {
        DeviceJournal journal;
        DeviceRegistry reg(&journal);
        QSignalSpy added(&reg, &DeviceRegistry::deviceAdded);
        auto cfg = LabConfigLoader::loadFile(QStringLiteral(TEST_DATA_DIR "/config/good-lab.yaml"));
        QVERIFY(cfg.ok());
        reg.applyConfig(cfg.config.devices);
        QCOMPARE(added.count(), 2);
        const DeviceInfo *d = reg.find(mac("dc:a6:32:01:36:c2"));
        QVERIFY(d && d->adopted);
        QCOMPARE(d->name, QStringLiteral("pi-01"));
        QCOMPARE(reg.findBySerial(QStringLiteral("9FFEFDEF"))->mac, d->mac);
        QCOMPARE(d->lifecycle, QStringLiteral("ready"));
    }

    void discoveryRegistersAndJournals()
    {
        DeviceJournal journal;
        DeviceRegistry reg(&journal);
        QVERIFY(reg.observe(mac("dc:a6:32:aa:bb:cc"), QStringLiteral("12345678"), QStringLiteral("pi4"),
                            QHostAddress(QStringLiteral("127.0.0.9"))));
        QVERIFY(!reg.observe(mac("dc:a6:32:aa:bb:cc")));   // second sighting is not "new"
        const DeviceInfo *d = reg.find(mac("dc:a6:32:aa:bb:cc"));
        QVERIFY(!d->adopted);
        QCOMPARE(d->serial, QStringLiteral("12345678"));
        QCOMPARE(reg.findByIp(QHostAddress(QStringLiteral("127.0.0.9")))->mac, d->mac);
        const auto events = journal.events(d->mac);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, QString::fromLatin1(journalkind::DeviceDiscovered));
    }

    void journalDrivesStageAndLastEvent()
    {
        DeviceJournal journal;
        DeviceRegistry reg(&journal);
        reg.observe(mac("dc:a6:32:aa:bb:cc"));
        QSignalSpy changed(&reg, &DeviceRegistry::deviceChanged);
        JournalEvent e;
        e.mac = mac("dc:a6:32:aa:bb:cc");
        e.message = QStringLiteral("sent start4.elf");
        e.stage = BootStage::Tftp;
        e.data.insert(QStringLiteral("file"), QStringLiteral("start4.elf"));
        journal.append(e);
        const DeviceInfo *d = reg.find(e.mac);
        QCOMPARE(d->stage, BootStage::Tftp);
        QCOMPARE(d->stageDetail, QStringLiteral("start4.elf"));
        QCOMPARE(d->lastEvent, QStringLiteral("sent start4.elf"));
        QVERIFY(changed.count() >= 1);
    }

    void powerOffResetsStage()
    {
        DeviceJournal journal;
        DeviceRegistry reg(&journal);
        const MacAddress m = mac("dc:a6:32:aa:bb:cc");
        reg.observe(m);
        reg.setStage(m, BootStage::OsUp);
        reg.setPower(m, PowerState::Off, 0);
        QCOMPARE(reg.find(m)->stage, BootStage::Off);
        reg.setPower(m, PowerState::On, 4.8);
        QCOMPARE(reg.find(m)->stage, BootStage::PoweringOn);
        QCOMPARE(reg.find(m)->powerWatts, 4.8);
    }

    void ipBelongsToOneDevice()
    {
        DeviceRegistry reg(nullptr);
        reg.observe(mac("dc:a6:32:00:00:01"));
        reg.observe(mac("dc:a6:32:00:00:02"));
        const QHostAddress ip(QStringLiteral("127.0.0.5"));
        reg.setIp(mac("dc:a6:32:00:00:01"), ip);
        reg.setIp(mac("dc:a6:32:00:00:02"), ip);
        QCOMPARE(reg.findByIp(ip)->mac, mac("dc:a6:32:00:00:02"));
        QVERIFY(reg.find(mac("dc:a6:32:00:00:01"))->ip.isNull());
    }

    void removedFromConfig()
    {
        DeviceRegistry reg(nullptr);
        DeviceConfig a, b;
        a.mac = mac("dc:a6:32:00:00:01");
        b.mac = mac("dc:a6:32:00:00:02");
        reg.applyConfig({a, b});
        reg.observe(b.mac);                 // b was seen on the wire
        QSignalSpy removed(&reg, &DeviceRegistry::deviceRemoved);
        reg.applyConfig({});
        QCOMPARE(removed.count(), 1);       // a (never seen) is gone
        QVERIFY(!reg.find(a.mac));
        QVERIFY(reg.find(b.mac) && !reg.find(b.mac)->adopted);  // b falls back to "discovered"
    }

    // After a restart the registry knows the devices (config) but not their stage: the journal
    // file does, and restoreFromJournal() takes the last staged event of each device.
    void stageRestoredFromJournalAfterRestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("journal.jsonl"));
        DeviceConfig a, b, c;
        a.mac = mac("dc:a6:32:00:00:01");
        b.mac = mac("dc:a6:32:00:00:02");
        c.mac = mac("dc:a6:32:00:00:03");   // never journaled
        {
            DeviceJournal journal;
            QVERIFY(journal.open(file));
            auto ev = [&](const MacAddress &m, BootStage stage, const QString &message, const QString &fileName = {}) {
                JournalEvent e;
                e.mac = m;
                e.source = QStringLiteral("tftp");
                e.kind = QStringLiteral("tftp.served");
                e.stage = stage;
                e.message = message;
                if (!fileName.isEmpty())
                    e.data.insert(QStringLiteral("file"), fileName);
                journal.append(e);
            };
            ev(a.mac, BootStage::Dhcp, QStringLiteral("offer"));
            ev(a.mac, BootStage::Tftp, QStringLiteral("sent start4.elf"), QStringLiteral("start4.elf"));
            ev(a.mac, BootStage::Unknown, QStringLiteral("a note without a stage"));
            ev(b.mac, BootStage::OsUp, QStringLiteral("OS reported in"));
            journal.close();
        }
        DeviceJournal journal;
        QVERIFY(journal.open(file));
        DeviceRegistry reg(&journal);
        reg.applyConfig({a, b, c});
        QCOMPARE(reg.find(a.mac)->stage, BootStage::Unknown);   // what the fleet showed before
        QSignalSpy changed(&reg, &DeviceRegistry::deviceChanged);
        QCOMPARE(reg.restoreFromJournal(), 2);
        QCOMPARE(changed.count(), 2);
        const DeviceInfo *da = reg.find(a.mac);
        QCOMPARE(da->stage, BootStage::Tftp);
        QCOMPARE(da->stageDetail, QStringLiteral("start4.elf"));
        QCOMPARE(da->lastEvent, QStringLiteral("a note without a stage"));
        QVERIFY(da->stageSince.isValid() && da->lastSeen >= da->stageSince);
        QCOMPARE(reg.find(b.mac)->stage, BootStage::OsUp);
        QCOMPARE(reg.find(c.mac)->stage, BootStage::Unknown);
        QVERIFY(reg.find(c.mac)->lastEvent.isEmpty());

        // Live state wins: a device whose stage is already known keeps it.
        reg.setPower(b.mac, PowerState::Off);
        QCOMPARE(reg.restoreFromJournal(), 0);
        QCOMPARE(reg.find(b.mac)->stage, BootStage::Off);
    }
};

QTEST_GUILESS_MAIN(TestDeviceRegistry)
#include "tst_deviceregistry.moc"
