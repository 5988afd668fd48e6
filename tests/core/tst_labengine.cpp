#include "config/labconfigloader.h"
#include "devices/deviceregistry.h"
#include "engine/enginehost.h"
#include "engine/servicehub.h"
#include "http/httpservice.h"
#include "labfixture.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QThread>

// The engine: runs on its own thread, writes the demo lab when there is none, applies valid
// edits made on disk and keeps the last good configuration on invalid ones, and a service that
// cannot start does not take the others down.
class TestLabEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsOnItsOwnThread()
    {
        LabFixture fx;
        EngineHost host(fx.options);
        QString error;
        QVERIFY2(host.start(&error), qPrintable(error));
        QVERIFY(host.engine()->thread() != QThread::currentThread());
        quint16 port = 0;
        QMetaObject::invokeMethod(host.engine(), [&] { port = host.engine()->http()->port(); }, Qt::BlockingQueuedConnection);
        QVERIFY(port > 0);
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/health").arg(port))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        delete reply;
        host.stop();
        host.stop(); // idempotent
    }

    void writesTheDemoLabWhenThereIsNone()
    {
        QTemporaryDir dir;
        LabEngine::Options options;
        options.paths = AppPaths::under(dir.path());
        options.watchConfig = false;
        options.startServices = false;   // the demo lab's fixed ports may be taken on this machine
        LabEngine engine(options);
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        QVERIFY(QFile::exists(options.paths.labFile()));
        QCOMPARE(QFileInfo(options.paths.labFile()).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        QCOMPARE(engine.config().name, QStringLiteral("Demo lab"));
        QCOMPARE(engine.registry()->count(), 8);
        QVERIFY(engine.config().services.http.address.isLoopback());
        // The API token exists, is private and is stable across restarts.
        const QString token = engine.apiToken();
        QCOMPARE(token.size(), 64);
        QCOMPARE(QFileInfo(options.paths.apiTokenFile()).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        engine.stop();
        LabEngine again(options);
        QVERIFY(again.start(&error));
        QCOMPARE(again.apiToken(), token);
    }

    void invalidConfigFailsToStart()
    {
        LabFixture fx(QByteArray("devices:\n  not-a-mac: {}\n"));
        LabEngine engine(fx.options);
        QString error;
        QVERIFY(!engine.start(&error));
        QVERIFY2(error.contains(QStringLiteral("lab.yaml:9:3: devices.not-a-mac")), qPrintable(error));
        QCOMPARE(engine.hub()->status(QStringLiteral("http")).state, Service::State::Stopped);
    }

    void failingServiceDoesNotStopOthers()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        LabFixture fx;
        // Occupy the HTTP port: the service must report why it failed, the engine keeps running.
        QFile f(fx.options.configPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("services:\n  http: {address: 127.0.0.1, port: %1}\n  dhcp: {enabled: false}\n"
                               "  tftp: {enabled: false}\n  redfish: {enabled: false}\n  consoles: {enabled: false}\n")
                    .arg(blocker.serverPort())
                    .toUtf8());
        f.close();
        LabEngine engine(fx.options);
        QSignalSpy errors(engine.hub(), &ServiceHub::errorOccurred);
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        const auto st = engine.hub()->status(QStringLiteral("http"));
        QCOMPARE(st.state, Service::State::Failed);
        QVERIFY2(st.error.contains(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(blocker.serverPort())), qPrintable(st.error));
        QCOMPARE(errors.count(), 1);
        // Free the port and start it again: no restart of the engine needed.
        blocker.close();
        QVERIFY(engine.hub()->startService(QStringLiteral("http"), &error));
    }

    void editsOnDiskAreAppliedInvalidOnesRejected()
    {
        LabFixture fx;
        fx.options.watchConfig = true;
        LabEngine engine(fx.options);
        QString error;
        QVERIFY(engine.start(&error));
        QSignalSpy applied(&engine, &LabEngine::configApplied);
        QSignalSpy rejected(&engine, &LabEngine::configRejected);

        auto rewrite = [&](const QByteArray &content) {
            // Like an editor: write a new file and rename it over the old one.
            const QString tmp = fx.options.configPath + QStringLiteral(".tmp");
            QFile f(tmp);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
            f.close();
            QFile::remove(fx.options.configPath);
            QVERIFY(QFile::rename(tmp, fx.options.configPath));
        };
        QFile current(fx.options.configPath);
        QVERIFY(current.open(QIODevice::ReadOnly));
        const QByteArray base = current.readAll();
        current.close();

        rewrite(base + "devices:\n  \"dc:a6:32:00:00:05\": {name: added-on-disk}\n");
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 5000);
        QVERIFY(engine.registry()->find(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:05"))));

        rewrite(base + "devices:\n  \"dc:a6:32:00:00:05\": {name: x, allow_pxe: perhaps}\n");
        QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 1, 5000);
        const auto errors = rejected.first().first().value<ConfigErrors>();
        QVERIFY(errors.first().toString().contains(QStringLiteral("allow_pxe: expected true or false")));
        // The running lab keeps its last good configuration.
        QCOMPARE(engine.config().devices.size(), 1);
        QCOMPARE(engine.config().devices.first().name, QStringLiteral("added-on-disk"));
        QCOMPARE(applied.count(), 1);
    }

    void modifyConfigSavesAtomicallyAndApplies()
    {
        LabFixture fx;
        LabEngine engine(fx.options);
        QString error;
        QVERIFY(engine.start(&error));
        QVERIFY(engine.modifyConfig([](LabConfig &c) { c.name = QStringLiteral("Renamed"); }, &error));
        QCOMPARE(engine.config().name, QStringLiteral("Renamed"));
        QCOMPARE(LabConfigLoader::loadFile(fx.options.configPath).config.name, QStringLiteral("Renamed"));
        QVERIFY(QFile::exists(fx.options.configPath + QStringLiteral(".bak")));
        // An invalid edit changes nothing, on disk or in memory.
        QVERIFY(!engine.modifyConfig(
            [](LabConfig &c) {
                DeviceConfig d;
                d.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));
                d.profile = QStringLiteral("missing");
                c.devices.append(d);
            },
            &error));
        QVERIFY(error.contains(QStringLiteral("unknown profile 'missing'")));
        QVERIFY(engine.config().devices.isEmpty());
        QVERIFY(LabConfigLoader::loadFile(fx.options.configPath).config.devices.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLabEngine)
#include "tst_labengine.moc"
