// Fleet view-models without QML: selection, filter proxies (incremental), journal filter,
// services merged with their configuration, import queue, layout helpers.
#include "devicefiltermodel.h"
#include "devicelistmodel.h"
#include "importcontroller.h"
#include "journalfiltermodel.h"
#include "journalmodel.h"
#include "labfacade.h"
#include "networkinterfacemodel.h"
#include "servicelistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {
DeviceInfo device(int n, BootStage stage, bool adopted = true)
{
    DeviceInfo d;
    d.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:%1").arg(n, 2, 10, QLatin1Char('0')));
    d.name = QStringLiteral("pi-%1").arg(n, 2, 10, QLatin1Char('0'));
    d.serial = QStringLiteral("6b1d00%1").arg(n, 2, 10, QLatin1Char('0'));
    d.model = QStringLiteral("pi4");
    d.adopted = adopted;
    d.stage = stage;
    d.profile = n % 2 ? QStringLiteral("lab-a") : QStringLiteral("lab-b");
    d.powerBinding = {QStringLiteral("sw1"), QString::number(n)};
    return d;
}

QString mac(int n)
{
    return QStringLiteral("dc:a6:32:00:00:%1").arg(n, 2, 10, QLatin1Char('0'));
}

class FakeBackend : public ProfileImportBackend
{
public:
    void importProfile(const QString &path, Progress progress, Done done) override
    {
        paths.append(path);
        pendingProgress = progress;
        pendingDone = done;
    }
    QStringList paths;
    Progress pendingProgress;
    Done pendingDone;
};
} // namespace

class TestFleetModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void selectionRepaintsOnlyChangedRows()
    {
        DeviceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset({device(1, BootStage::Off), device(2, BootStage::Dhcp), device(3, BootStage::OsUp, false)});
        QCOMPARE(model.discoveredCount(), 1);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy selection(&model, &DeviceListModel::selectionChanged);
        model.selectOnly(mac(1));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int>{DeviceListModel::SelectedRole});
        model.toggleSelected(mac(3));
        QCOMPARE(model.selectedCount(), 2);
        QCOMPARE(model.selectedMacs(), (QStringList{mac(1), mac(3)}));
        QCOMPARE(model.selectedDevices().size(), 2);
        changed.clear();
        model.selectOnly(mac(2));          // deselects 1 and 3, selects 2
        QCOMPARE(changed.count(), 3);
        QCOMPARE(model.selectedMacs(), QStringList{mac(2)});
        model.setSelected(QStringLiteral("not a mac"), true);
        model.setSelected(mac(9), true);   // unknown device
        QCOMPARE(model.selectedCount(), 1);
        model.remove(device(2, BootStage::Off).mac);
        QCOMPARE(model.selectedCount(), 0);
        QCOMPARE(selection.count(), 4);
        // A device adopted later leaves the discovered count.
        model.upsert(device(3, BootStage::OsUp, true));
        QCOMPARE(model.discoveredCount(), 0);
    }

    void filterMatchesTextStageAndScope()
    {
        DeviceListModel source;
        source.reset({device(1, BootStage::Off), device(2, BootStage::Dhcp), device(3, BootStage::OsUp),
                      device(4, BootStage::OsUp, false)});
        DeviceFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&source);
        QCOMPARE(filter.count(), 4);
        filter.setText(QStringLiteral("PI-02"));
        QCOMPARE(filter.macs(), QStringList{mac(2)});
        filter.setText(QStringLiteral("DC-A6-32-00-00-03"));   // MAC in another notation
        QCOMPARE(filter.macs(), QStringList{mac(3)});
        filter.setText(QStringLiteral("dca632000004"));
        QCOMPARE(filter.macs(), QStringList{mac(4)});
        filter.setText(QStringLiteral("6b1d0001"));              // serial
        QCOMPARE(filter.macs(), QStringList{mac(1)});
        filter.setText(QStringLiteral("lab-b"));                 // profile
        QCOMPARE(filter.macs(), (QStringList{mac(2), mac(4)}));
        filter.setText(QStringLiteral("sw1:3"));                 // switch port
        QCOMPARE(filter.macs(), QStringList{mac(3)});
        filter.setText(QString());
        filter.setStage(QStringLiteral("os-up"));
        QCOMPARE(filter.count(), 2);
        filter.setScope(DeviceFilterModel::Scope::Adopted);
        QCOMPARE(filter.macs(), QStringList{mac(3)});
        filter.setScope(DeviceFilterModel::Scope::Discovered);
        QCOMPARE(filter.macs(), QStringList{mac(4)});

        // A device changing stage enters the filtered view without a reset.
        filter.setScope(DeviceFilterModel::Scope::All);
        QSignalSpy reset(&filter, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&filter, &QAbstractItemModel::rowsInserted);
        QSignalSpy count(&filter, &DeviceFilterModel::countChanged);
        source.upsert(device(2, BootStage::OsUp));
        QCOMPARE(filter.count(), 3);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(reset.count(), 0);
        QVERIFY(count.count() >= 1);
    }

    void journalFilter()
    {
        JournalModel journal(10);
        auto add = [&journal](const QString &m, const char *source, JournalEvent::Severity sev, const QString &text) {
            JournalEvent e;
            if (const auto parsed = MacAddress::parse(m))
                e.mac = *parsed;
            e.source = QString::fromLatin1(source);
            e.kind = e.source + QStringLiteral(".x");
            e.severity = sev;
            e.message = text;
            e.time = QDateTime::currentDateTimeUtc();
            journal.append(e);
        };
        add(mac(1), "dhcp", JournalEvent::Severity::Info, QStringLiteral("offer"));
        add(mac(2), "tftp", JournalEvent::Severity::Error, QStringLiteral("file not found"));
        add(QString(), "http", JournalEvent::Severity::Warning, QStringLiteral("slow client"));
        QCOMPARE(journal.sources(), (QStringList{QStringLiteral("dhcp"), QStringLiteral("http"), QStringLiteral("tftp")}));
        JournalFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&journal);
        QCOMPARE(filter.count(), 3);
        filter.setMac(QStringLiteral("DC-A6-32-00-00-02"));
        QCOMPARE(filter.count(), 1);
        filter.setMac(QString());
        filter.setSource(QStringLiteral("dhcp"));
        QCOMPARE(filter.count(), 1);
        filter.setSource(QString());
        filter.setMinSeverity(QStringLiteral("warning"));
        QCOMPARE(filter.count(), 2);
        filter.setMinSeverity(QStringLiteral("error"));
        QCOMPARE(filter.count(), 1);
        filter.setMinSeverity(QString());
        filter.setText(QStringLiteral("NOT FOUND"));
        QCOMPARE(filter.count(), 1);
        QVERIFY(filter.toText().contains(QLatin1String("tftp")));
        // New matching lines arrive as inserts; the ring drops the oldest as removes.
        QSignalSpy inserted(&filter, &QAbstractItemModel::rowsInserted);
        add(mac(3), "tftp", JournalEvent::Severity::Error, QStringLiteral("not found again"));
        QCOMPARE(inserted.count(), 1);
        for (int i = 0; i < 12; ++i)
            add(mac(1), "dhcp", JournalEvent::Severity::Info, QStringLiteral("offer"));
        QCOMPARE(journal.count(), 10);
        QCOMPARE(filter.count(), 0);
    }

    void servicesMergeStateAndConfig()
    {
        ServiceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ServicesConfig config;
        config.dhcp.port = 67;
        config.dhcp.interface = QStringLiteral("lab0");
        model.setConfig(config);
        QCOMPARE(model.count(), 5);
        QCOMPARE(model.index(0).data(ServiceListModel::IdRole).toString(), QStringLiteral("dhcp"));
        QCOMPARE(model.index(0).data(ServiceListModel::StateRole).toString(), QStringLiteral("unavailable"));
        QCOMPARE(model.index(0).data(ServiceListModel::PortsRole).toString(), QStringLiteral("udp 67, udp 4011"));
        QVERIFY(model.index(0).data(ServiceListModel::PrivilegedRole).toBool());
        QCOMPARE(model.index(0).data(ServiceListModel::InterfaceRole).toString(), QStringLiteral("lab0"));

        ServiceHub::Status http;
        http.id = QStringLiteral("http");
        http.name = QStringLiteral("HTTP server");
        http.state = Service::State::Running;
        QSignalSpy running(&model, &ServiceListModel::runningCountChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.update(http);
        QCOMPARE(inserted.count(), 0);   // merged into the configured row
        QCOMPARE(model.runningCount(), 1);
        QCOMPARE(running.count(), 1);
        const QModelIndex row = model.index(2);
        QCOMPARE(row.data(ServiceListModel::StateRole).toString(), QStringLiteral("running"));
        QVERIFY(row.data(ServiceListModel::AvailableRole).toBool());
        QCOMPARE(row.data(ServiceListModel::PortsRole).toString(), QStringLiteral("tcp 8080"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setConfig(config);   // unchanged: no repaint
        QCOMPARE(changed.count(), 0);
        config.http.port = 8081;
        model.setConfig(config);
        QCOMPARE(changed.count(), 1);

        ServiceHub::Status extra;
        extra.id = QStringLiteral("zeta");
        model.update(extra);
        QCOMPARE(model.count(), 6);
        QCOMPARE(model.index(5).data(ServiceListModel::IdRole).toString(), QStringLiteral("zeta"));
    }

    void importQueuesFilesAndReportsProgress()
    {
        ImportController importer;
        const QList<QUrl> urls{QUrl::fromLocalFile(QStringLiteral("/tmp/RPI_EFI.fd")), QUrl::fromLocalFile(QStringLiteral("/tmp/vars.JSON")),
                               QUrl::fromLocalFile(QStringLiteral("/tmp/readme.txt")), QUrl(QStringLiteral("https://example.org/x.zip"))};
        QCOMPARE(importer.importableFiles(urls), (QStringList{QStringLiteral("/tmp/RPI_EFI.fd"), QStringLiteral("/tmp/vars.JSON")}));
        QVERIFY(!importer.isAvailable());
        QVERIFY(!importer.unavailableReason().isEmpty());
        QVERIFY(!importer.requestImport(urls));

        FakeBackend backend;
        importer.setBackend(&backend);
        QVERIFY(importer.isAvailable());
        QSignalSpy requested(&importer, &ImportController::importRequested);
        QSignalSpy finished(&importer, &ImportController::finished);
        QVERIFY(!importer.requestImport({QUrl::fromLocalFile(QStringLiteral("/tmp/readme.txt"))}));
        QVERIFY(importer.requestImport(urls));
        QCOMPARE(requested.count(), 1);
        QCOMPARE(backend.paths, QStringList{QStringLiteral("/tmp/RPI_EFI.fd")});   // one at a time
        QVERIFY(importer.isBusy());
        QCOMPARE(importer.queued(), 1);
        backend.pendingProgress(0.4, QStringLiteral("parsing"));
        QCOMPARE(importer.progress(), 0.4);
        QCOMPARE(importer.step(), QStringLiteral("parsing"));
        backend.pendingDone(true, QString());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(backend.paths.size(), 2);
        backend.pendingDone(false, QStringLiteral("not a variable store"));
        QCOMPARE(finished.count(), 2);
        QCOMPARE(finished.at(1).at(1).toBool(), false);
        QVERIFY(!importer.isBusy());
    }

    void layoutHelpers()
    {
        LabConfig c;
        for (int i = 0; i < 3; ++i) {
            DeviceConfig d;
            d.mac = device(i + 1, BootStage::Off).mac;
            d.name = QStringLiteral("pi-0%1").arg(i + 1);
            d.position = QPointF(i == 2 ? 3 : i, 0);
            c.devices.append(d);
        }
        QCOMPARE(LabFacade::freeCell(c), QPointF(2, 0));
        QCOMPARE(LabFacade::freeCell(c, 2), QPointF(0, 1));
        QCOMPARE(LabFacade::suggestName(c, QStringLiteral("pi4")), QStringLiteral("pi-04"));
        QCOMPARE(LabFacade::suggestName(c, QString()), QStringLiteral("pi-04"));
        QCOMPARE(LabFacade::suggestName(c, QStringLiteral("qemu x86/64")), QStringLiteral("qemux8664-01"));
        QCOMPARE(LabFacade::suggestName(c, QStringLiteral("-/")), QStringLiteral("device-01"));
    }

    void interfaceListUpdatesInPlace()
    {
        NetworkInterfaceModel model;
        setupplan::InterfaceInfo a;
        a.name = QStringLiteral("eth0");
        a.up = true;
        setupplan::InterfaceInfo b = a;
        b.name = QStringLiteral("wlan0");
        b.type = QNetworkInterface::Wifi;
        model.setInterfaces({a, b});
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.index(1).data(NetworkInterfaceModel::KindRole).toString(), QStringLiteral("wifi"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        a.running = true;
        model.setInterfaces({a, b});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        model.setInterfaces({b});
        QCOMPARE(reset.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFleetModels)
#include "tst_fleetmodels.moc"
