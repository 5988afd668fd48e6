// Disk full and read-only directories under the real code: lab.yaml saves (LabEngine::modifyConfig
// and the management API), the device journal, DHCP leases, firmware profile import and Redfish
// accounts. Each runs against a small tmpfs (or a read-only remount of it) mounted in a private
// mount namespace this process enters first thing in main(); the mounts vanish with the process.
// Expected everywhere: a clear error naming the cause, the previous file byte-identical, nothing
// half-written left behind, and the code working again once there is room.

#include "faultfs.h"

#include "../core/dhcpfixtures.h"
#include "../core/httptestutil.h"
#include "config/sections.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "dhcp/dhcpservice.h"
#include "efi/blankimage.h"
#include "efi/firmwareimport.h"
#include "efi/pisettings.h"
#include "efi/varstore.h"
#include "engine/labengine.h"
#include "http/httpservice.h"
#include "redfish/accountstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkDatagram>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace dhcp;

namespace {

QString g_namespaceProblem = QStringLiteral("main() did not run");

const QByteArray NoSpace = "No space left on device";
const QByteArray ReadOnly = "Read-only file system";

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList entries(const QString &dir)
{
    QStringList list = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    list.sort();
    return list;
}

bool everyLineIsJson(const QByteArray &text)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        if (!QJsonDocument::fromJson(line).isObject())
            return false;
    }
    return text.isEmpty() || text.endsWith('\n');
}

JournalEvent testEvent(int i)
{
    JournalEvent e;
    e.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
    e.source = QStringLiteral("test");
    e.kind = QStringLiteral("test.event");
    e.message = QStringLiteral("event %1 with some text to make the line longer than a few bytes").arg(i);
    return e;
}

} // namespace

class TestFaultDiskFull : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_mounts;

    QString mounted(const QString &name, int kib)
    {
        const QString dir = m_dir.filePath(name);
        QString error;
        if (!faultfs::mountTmpfs(dir, kib, &error))
            return {};
        m_mounts.append(dir);
        return dir;
    }

    // A lab whose config dir is a small tmpfs; HTTP on an ephemeral loopback port.
    std::unique_ptr<LabEngine> startLab(const QString &configDir)
    {
        LabEngine::Options o;
        o.paths.configDir = configDir;
        o.paths.dataDir = m_dir.filePath(QStringLiteral("data"));
        o.configPath = o.paths.labFile();
        o.watchConfig = false;
        QFile f(o.configPath);
        if (!f.open(QIODevice::WriteOnly))
            return nullptr;
        f.write("name: Disk full\nservices:\n  http: {address: 127.0.0.1, port: 0}\n  dhcp: {enabled: false}\n"
                "  tftp: {enabled: false}\n  redfish: {enabled: false}\n  consoles: {enabled: false}\n");
        f.close();
        auto lab = std::make_unique<LabEngine>(o);
        QString error;
        if (!lab->start(&error)) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        return lab;
    }

    static bool addDevice(LabEngine &lab, const QString &mac, QString *error, bool *saveFailed)
    {
        return lab.modifyConfig(
            [mac](LabConfig &c) {
                DeviceConfig d;
                d.mac = *MacAddress::parse(mac);
                d.name = QStringLiteral("pi-") + mac.right(2);
                c.devices.append(d);
            },
            error, saveFailed);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!g_namespaceProblem.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no private mount namespace: %1").arg(g_namespaceProblem)));
        QVERIFY(m_dir.isValid());
        QString error;
        const QString probe = m_dir.filePath(QStringLiteral("probe"));
        if (!faultfs::mountTmpfs(probe, 64, &error))
            QSKIP(qPrintable(error));
        faultfs::unmount(probe);
    }

    void cleanup()
    {
        for (const QString &dir : std::as_const(m_mounts))
            faultfs::unmount(dir);
        m_mounts.clear();
    }

    void configSaveOnFullDisk()
    {
        const QString config = mounted(QStringLiteral("config-full"), 64);
        QVERIFY(!config.isEmpty());
        auto lab = startLab(config);
        QVERIFY(lab);
        const QString path = lab->configPath();
        const QByteArray before = faultfs::readFile(path);
        QVERIFY(!before.isEmpty());
        QVERIFY(faultfs::fill(config) > 0);
        const QStringList files = entries(config);

        QString error;
        bool saveFailed = false;
        QVERIFY(!addDevice(*lab, QStringLiteral("dc:a6:32:00:00:01"), &error, &saveFailed));
        QVERIFY(saveFailed);
        QVERIFY2(error.contains(QLatin1String(NoSpace)), qPrintable(error));
        QCOMPARE(faultfs::readFile(path), before);
        QVERIFY(lab->config().devices.isEmpty());
        QVERIFY(!lab->registry()->find(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"))));
        QCOMPARE(entries(config), files);   // no temporary file left behind

        // Through the management API: a server-side 503 "not-saved", not a validation error.
        const auto r = httptest::curl({QStringLiteral("-w"), QStringLiteral("\n%{http_code}"), QStringLiteral("-X"), QStringLiteral("POST"),
                                       QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + lab->apiToken(),
                                       QStringLiteral("-d"), QStringLiteral("{\"mac\":\"dc:a6:32:00:00:02\",\"name\":\"pi-02\"}"),
                                       QStringLiteral("http://127.0.0.1:%1/api/v1/devices").arg(lab->http()->port())});
        QVERIFY2(r.out.endsWith("\n503"), r.out.constData());
        QVERIFY2(r.out.contains("not-saved") && r.out.contains(NoSpace), r.out.constData());
        QCOMPARE(faultfs::readFile(path), before);

        // Room again: the same change goes through, the previous file becomes lab.yaml.bak.
        faultfs::unfill(config);
        QVERIFY2(addDevice(*lab, QStringLiteral("dc:a6:32:00:00:01"), &error, &saveFailed), qPrintable(error));
        QCOMPARE(lab->config().devices.size(), 1);
        QVERIFY(faultfs::readFile(path).contains("dc:a6:32:00:00:01"));
        QCOMPARE(faultfs::readFile(path + QStringLiteral(".bak")), before);
        lab->stop();
    }

    void configSaveOnReadOnlyDir()
    {
        const QString config = mounted(QStringLiteral("config-ro"), 256);
        QVERIFY(!config.isEmpty());
        auto lab = startLab(config);
        QVERIFY(lab);
        const QByteArray before = faultfs::readFile(lab->configPath());
        QString error;
        QVERIFY2(faultfs::remount(config, true, 256, &error), qPrintable(error));
        bool saveFailed = false;
        QVERIFY(!addDevice(*lab, QStringLiteral("dc:a6:32:00:00:03"), &error, &saveFailed));
        QVERIFY(saveFailed);
        QVERIFY2(error.contains(QLatin1String(ReadOnly)), qPrintable(error));
        QCOMPARE(faultfs::readFile(lab->configPath()), before);
        QVERIFY(lab->config().devices.isEmpty());
        QVERIFY2(faultfs::remount(config, false, 256, &error), qPrintable(error));
        QVERIFY2(addDevice(*lab, QStringLiteral("dc:a6:32:00:00:03"), &error, &saveFailed), qPrintable(error));
        lab->stop();
    }

    void journalOnFullDisk()
    {
        const QString data = mounted(QStringLiteral("journal"), 64);
        QVERIFY(!data.isEmpty());
        const QString path = data + QStringLiteral("/journal.jsonl");
        DeviceJournal journal;
        QVERIFY(journal.open(path));
        for (int i = 0; i < 20; ++i)
            journal.append(testEvent(i));
        journal.flush();
        QVERIFY(journal.writeError().isEmpty());
        const QByteArray before = faultfs::readFile(path);
        QCOMPARE(before.count('\n'), 20);

        // 4 KiB of room for ~25 KiB of events: the kernel takes part of the write.
        faultfs::fill(data, 4096);
        for (int i = 20; i < 220; ++i)
            journal.append(testEvent(i));
        journal.flush();
        QVERIFY2(journal.writeError().contains(QLatin1String(NoSpace)), qPrintable(journal.writeError()));
        QCOMPARE(journal.unsavedEvents(), quint64(200));
        QCOMPARE(faultfs::readFile(path), before);           // the torn part was cut off again
        QCOMPARE(journal.recent().size(), 220);              // nothing is lost in memory

        faultfs::unfill(data);
        journal.append(testEvent(220));
        journal.flush();
        QVERIFY(journal.writeError().isEmpty());
        const QByteArray after = faultfs::readFile(path);
        QVERIFY(after.startsWith(before));
        QCOMPARE(after.count('\n'), 21);
        QVERIFY(everyLineIsJson(after));
        QVERIFY(after.contains("event 220 "));
    }

    void journalOnReadOnlyDataDirAtStart()
    {
        const QString data = mounted(QStringLiteral("journal-ro"), 64);
        QVERIFY(!data.isEmpty());
        QString error;
        QVERIFY(faultfs::remount(data, true, 64, &error));
        DeviceJournal journal;
        QVERIFY(!journal.open(data + QStringLiteral("/journal.jsonl"), &error));
        QVERIFY2(error.contains(QLatin1String(ReadOnly)), qPrintable(error));
        QVERIFY(!journal.writeError().isEmpty());   // health reports "degraded"
        journal.append(testEvent(1));
        QCOMPARE(journal.recent().size(), 1);
    }

    void dhcpLeasesOnFullDisk()
    {
        const QString data = mounted(QStringLiteral("leases"), 64);
        QVERIFY(!data.isEmpty());
        DeviceJournal journal;
        DeviceRegistry registry(&journal);
        BootControl boot;
        HttpService http;
        HttpConfig hc;
        hc.address = QHostAddress(QHostAddress::LocalHost);
        hc.port = 0;
        http.setConfig(hc);
        QVERIFY(http.start());
        DhcpService dhcp(&registry, &journal, &boot, &http);
        DhcpConfig c;
        c.address = QHostAddress(QHostAddress::LocalHost);
        c.port = 0;
        c.proxyPort = 0;
        c.replyToSource = true;
        c.mode = DhcpMode::Full;
        c.bootFiles = config::defaultBootFiles();
        c.piMacPrefixes = config::defaultPiMacPrefixes();
        c.pool.rangeStart = QHostAddress(QStringLiteral("10.77.0.100"));
        c.pool.rangeEnd = QHostAddress(QStringLiteral("10.77.0.150"));
        c.pool.netmask = QHostAddress(QStringLiteral("255.255.255.0"));
        c.pool.leaseSeconds = 600;
        c.pool.leaseFile = data + QStringLiteral("/dhcp.leases");
        dhcp.setConfig(c, {});
        QVERIFY2(dhcp.start(), qPrintable(dhcp.errorString()));
        QSignalSpy errors(&dhcp, &Service::errorOccurred);

        QUdpSocket client;
        QVERIFY(client.bind(QHostAddress(QHostAddress::LocalHost), 0));
        auto roundTrip = [&](const Packet &p) {
            client.writeDatagram(serializePacket(p), QHostAddress(QHostAddress::LocalHost), dhcp.serverPort());
            httptest::spinUntil([&] { return client.hasPendingDatagrams(); }, 3000);
            Packet reply;
            if (client.hasPendingDatagrams())
                parsePacket(client.receiveDatagram().data(), &reply);
            return reply;
        };
        auto lease = [&](const QString &mac, quint32 xid) -> quint32 {
            Packet discover;
            discover.op = 1;
            discover.xid = xid;
            discover.chaddr = MacAddress::parse(mac)->toBytes() + QByteArray(10, '\0');
            discover.setOption8(opt::MessageType, quint8(MessageType::Discover));
            const Packet offer = roundTrip(discover);
            Packet request = discover;
            request.setOption8(opt::MessageType, quint8(MessageType::Request));
            request.setOptionAddress(opt::ServerId, 0x7f000001);
            request.setOptionAddress(opt::RequestedIp, offer.yiaddr);
            const Packet ack = roundTrip(request);
            return ack.messageType() == MessageType::Ack ? ack.yiaddr : 0;
        };
        const QString file = c.pool.leaseFile;
        QVERIFY(lease(QStringLiteral("52:54:00:00:00:01"), 1) != 0);
        QTRY_VERIFY(faultfs::readFile(file).contains("52:54:00:00:00:01"));
        const QByteArray before = faultfs::readFile(file);

        faultfs::fill(data);
        QVERIFY(lease(QStringLiteral("52:54:00:00:00:02"), 2) != 0);   // serving goes on
        QTRY_VERIFY(dhcp.counter(QStringLiteral("lease-file.save-failed")) >= 1);
        QVERIFY(lease(QStringLiteral("52:54:00:00:00:03"), 3) != 0);
        QTest::qWait(300);
        QCOMPARE(faultfs::readFile(file), before);
        int reports = 0;
        for (const auto &args : std::as_const(errors))
            reports += args.at(0).value<ServiceError>().code == QLatin1String("lease-file");
        QCOMPARE(reports, 1);                                         // once, not per lease
        QCOMPARE(dhcp.state(), Service::State::Running);
        QCOMPARE(entries(data), QStringList({QStringLiteral("dhcp.leases"), QStringLiteral("filler")}));

        // Room again: the retry (every 5 s) saves every lease without further traffic.
        faultfs::unfill(data);
        QTRY_VERIFY_WITH_TIMEOUT(faultfs::readFile(file).contains("52:54:00:00:00:03"), 8000);
        QVERIFY(faultfs::readFile(file).contains("52:54:00:00:00:02"));
        dhcp.stop();
    }

    void firmwareImportOnFullDisk()
    {
        const QString profiles = mounted(QStringLiteral("profiles"), 512);
        QVERIFY(!profiles.isEmpty());
        const QString src = m_dir.filePath(QStringLiteral("src"));
        QDir().mkpath(src + QStringLiteral("/pftf"));
        const QByteArray blank = efi::blankNvVolume();
        {
            QFile f(src + QStringLiteral("/first.fd"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(blank);
        }
        auto store = efi::VarStore::parse(blank);
        QVERIFY(store.ok());
        QVERIFY(efi::applyPiSetting(store.value(), QStringLiteral("CpuClock"), QStringLiteral("2")).ok());
        const auto second = store->serialize();
        QVERIFY(second.ok());
        {
            QFile f(src + QStringLiteral("/second.fd"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(second.value());
            QFile g(src + QStringLiteral("/pftf/RPI_EFI.fd"));
            QVERIFY(g.open(QIODevice::WriteOnly));
            g.write(second.value());
        }
        {
            QFile config(src + QStringLiteral("/pftf/config.txt"));
            QVERIFY(config.open(QIODevice::WriteOnly));
            config.write("arm_64bit=1\narmstub=RPI_EFI.fd\n");
        }
        QProcess tar;
        tar.setWorkingDirectory(src);
        // Image first, then the small config.txt (QFile buffers it: the disk-full error comes late).
        tar.start(QStringLiteral("tar"), {QStringLiteral("-czf"), QStringLiteral("release.tar.gz"), QStringLiteral("pftf/RPI_EFI.fd"),
                                          QStringLiteral("pftf/config.txt")});
        QVERIFY(tar.waitForFinished(10000) && tar.exitCode() == 0);

        const auto first = efi::importFirmware(src + QStringLiteral("/first.fd"), profiles, QStringLiteral("lab"));
        QVERIFY2(first.ok(), qPrintable(first.error));
        const QString image = profiles + QStringLiteral("/lab/RPI_EFI.fd");
        QCOMPARE(faultfs::readFile(image), blank);
        const QStringList files = entries(profiles);

        faultfs::fill(profiles);
        const auto failedImage = efi::importFirmware(src + QStringLiteral("/second.fd"), profiles, QStringLiteral("lab"));
        QVERIFY(!failedImage.ok());
        QVERIFY2(failedImage.error.contains(QLatin1String(NoSpace)), qPrintable(failedImage.error));
        QCOMPARE(faultfs::readFile(image), blank);
        const auto failedRelease = efi::importFirmware(src + QStringLiteral("/release.tar.gz"), profiles, QStringLiteral("lab"));
        QVERIFY(!failedRelease.ok());
        QVERIFY2(failedRelease.error.contains(QLatin1String(NoSpace)), qPrintable(failedRelease.error));
        QCOMPARE(faultfs::readFile(image), blank);
        QCOMPARE(entries(profiles), sorted(files + QStringList{QStringLiteral("filler")}));   // no .import-* left
        QCOMPARE(entries(profiles + QStringLiteral("/lab")), QStringList{QStringLiteral("RPI_EFI.fd")});

        // Room for the image but not for config.txt after it.
        faultfs::unfill(profiles);
        faultfs::fill(profiles, second->size());
        const auto tight = efi::importFirmware(src + QStringLiteral("/release.tar.gz"), profiles, QStringLiteral("lab"));
        QVERIFY2(!tight.ok(), "a release with a truncated config.txt was accepted");
        QVERIFY2(tight.error.contains(QLatin1String(NoSpace)), qPrintable(tight.error));
        QCOMPARE(faultfs::readFile(image), blank);
        QCOMPARE(entries(profiles), sorted(files + QStringList{QStringLiteral("filler")}));

        faultfs::unfill(profiles);
        const auto release = efi::importFirmware(src + QStringLiteral("/release.tar.gz"), profiles, QStringLiteral("lab"));
        QVERIFY2(release.ok(), qPrintable(release.error));
        QCOMPARE(faultfs::readFile(image), second.value());
        QVERIFY(faultfs::readFile(profiles + QStringLiteral("/lab/boot/config.txt")).contains("armstub"));
    }

    void redfishAccountsOnFullDisk()
    {
        const QString config = mounted(QStringLiteral("redfish"), 64);
        QVERIFY(!config.isEmpty());
        const QString path = config + QStringLiteral("/accounts.json");
        AccountStore accounts(path);
        QString error;
        QVERIFY(accounts.load(&error));
        const QString password = accounts.ensureInitialAdmin(config + QStringLiteral("/initial-admin-password"), &error);
        QVERIFY2(!password.isEmpty(), qPrintable(error));
        const QByteArray before = faultfs::readFile(path);
        const QString adminId = accounts.byName(QStringLiteral("admin"))->id;

        faultfs::fill(config);
        QString newId;
        QVERIFY(!accounts.create(QStringLiteral("operator"), QStringLiteral("operator-password"), QStringLiteral("Operator"), true,
                                 &newId, &error));
        QVERIFY2(error.contains(QLatin1String(NoSpace)), qPrintable(error));
        QVERIFY(!accounts.setPassword(adminId, QStringLiteral("a-new-password"), &error));
        QCOMPARE(accounts.accounts().size(), 1);
        QCOMPARE(faultfs::readFile(path), before);
        QCOMPARE(accounts.verify(QStringLiteral("admin"), password), AccountStore::Verdict::Ok);

        // A fresh store reads the intact file.
        AccountStore reread(path);
        QVERIFY(reread.load(&error));
        QCOMPARE(reread.accounts().size(), 1);
        QCOMPARE(reread.verify(QStringLiteral("admin"), password), AccountStore::Verdict::Ok);

        faultfs::unfill(config);
        QVERIFY2(accounts.create(QStringLiteral("operator"), QStringLiteral("operator-password"), QStringLiteral("Operator"), true,
                                 &newId, &error),
                 qPrintable(error));
    }

    // First start with a read-only place for the initial password: no admin account whose
    // password nobody knows; the next start (with room) creates it.
    void redfishInitialAdminNeedsItsPasswordFile()
    {
        const QString config = mounted(QStringLiteral("redfish-ro"), 64);
        const QString secrets = mounted(QStringLiteral("redfish-secrets"), 64);
        QVERIFY(!config.isEmpty() && !secrets.isEmpty());
        QString error;
        QVERIFY(faultfs::remount(secrets, true, 64, &error));
        AccountStore accounts(config + QStringLiteral("/accounts.json"));
        QVERIFY(accounts.load(&error));
        QVERIFY(accounts.ensureInitialAdmin(secrets + QStringLiteral("/initial-admin-password"), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String(ReadOnly)), qPrintable(error));
        QVERIFY(accounts.accounts().isEmpty());
        QVERIFY(!QFileInfo::exists(config + QStringLiteral("/accounts.json")));
        QVERIFY(faultfs::remount(secrets, false, 64, &error));
        const QString password = accounts.ensureInitialAdmin(secrets + QStringLiteral("/initial-admin-password"), &error);
        QVERIFY2(!password.isEmpty(), qPrintable(error));
        QVERIFY(faultfs::readFile(secrets + QStringLiteral("/initial-admin-password")).contains(password.toLatin1()));
    }
};

int main(int argc, char **argv)
{
    // Before any thread exists (Qt starts some lazily): the whole process gets the namespace.
    g_namespaceProblem = faultfs::enterPrivateMountNamespace();
    QCoreApplication app(argc, argv);
    TestFaultDiskFull test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_faultdiskfull.moc"
