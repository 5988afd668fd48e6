#include "config/labconfigloader.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "engine/labengine.h"
#include "engine/servicehub.h"
#include "http/httpserver.h"
#include "http/httpservice.h"
#include "labfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

// The management API over loopback with a real HTTP client: auth, device CRUD, services,
// journal and the live event stream.
class TestManagementApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<LabFixture> m_fixture;
    std::unique_ptr<LabEngine> m_engine;
    QNetworkAccessManager m_nam;
    QString m_base;

    struct Reply
    {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
        QHash<QByteArray, QByteArray> headers;
    };

    Reply call(const QByteArray &verb, const QString &path, const QByteArray &body = {}, bool auth = true)
    {
        QNetworkRequest req(QUrl(m_base + path));
        if (auth)
            req.setRawHeader("Authorization", "Bearer " + m_engine->apiToken().toLatin1());
        if (!body.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(5000))
            qWarning("request timed out");
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        r.error = reply->error();
        for (const auto &h : reply->rawHeaderPairs())
            r.headers.insert(h.first.toLower(), h.second);
        reply->deleteLater();
        return r;
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<LabFixture>(
            QByteArray("switches:\n  sim: {driver: simulated, ports: 4}\n"
                       "devices:\n  \"dc:a6:32:00:00:01\": {name: pi-01, serial: \"6b1d0001\", power: {switch: sim, port: \"1\"}}\n"));
        m_engine = std::make_unique<LabEngine>(m_fixture->options);
        QString error;
        QVERIFY2(m_engine->start(&error), qPrintable(error));
        QVERIFY(m_engine->http()->isRunning());
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_engine->http()->port());
    }
    void cleanup()
    {
        m_engine.reset();
        m_fixture.reset();
    }

    void healthIsOpen()
    {
        const Reply r = call("GET", QStringLiteral("/api/v1/health"), {}, false);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(r.json.value(QStringLiteral("version")).toString(), QStringLiteral(METALBOOT_VERSION));
        QCOMPARE(r.json.value(QStringLiteral("services")).toObject().value(QStringLiteral("http")).toString(), QStringLiteral("running"));
    }

    // The switch has done it by the time the API answers: its power.changed is in the journal.
    bool journaled(const QString &mac, const char *what) const
    {
        for (const JournalEvent &e : m_engine->journal()->events(*MacAddress::parse(mac)))
            if (e.kind == QLatin1String(journalkind::PowerChanged) && e.message.contains(QLatin1String(what)))
                return true;
        return false;
    }

    void powerThroughTheSwitch()
    {
        const QString mac = QStringLiteral("dc:a6:32:00:00:01");
        QCOMPARE(call("POST", QStringLiteral("/api/v1/devices/%1/power/on").arg(mac), {}, false).status, 401);
        Reply r = call("POST", QStringLiteral("/api/v1/devices/%1/power/on").arg(mac));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("power")).toString(), QStringLiteral("on"));
        QVERIFY(journaled(mac, "powered on"));
        r = call("POST", QStringLiteral("/api/v1/devices/%1/power/off").arg(mac));
        QCOMPARE(r.status, 200);
        QVERIFY(journaled(mac, "powered off"));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/devices/%1/power/reboot").arg(mac)).status, 404);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/devices/nope/power/on")).status, 400);
        // A device without a power binding.
        r = call("POST", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:99/power/on"));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("no-power-control"));
    }

    void everythingElseNeedsTheToken_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::newRow("list") << QByteArray("GET") << QStringLiteral("/api/v1/devices");
        QTest::newRow("one") << QByteArray("GET") << QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01");
        QTest::newRow("delete") << QByteArray("DELETE") << QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01");
        QTest::newRow("services") << QByteArray("GET") << QStringLiteral("/api/v1/services");
        QTest::newRow("stop") << QByteArray("POST") << QStringLiteral("/api/v1/services/http/stop");
        QTest::newRow("journal") << QByteArray("GET") << QStringLiteral("/api/v1/journal");
        QTest::newRow("events") << QByteArray("GET") << QStringLiteral("/api/v1/events");
        QTest::newRow("unknown") << QByteArray("GET") << QStringLiteral("/api/v1/secret-place");
    }
    void everythingElseNeedsTheToken()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        const Reply r = call(verb, path, {}, false);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer realm=\"metalboot\""));
        QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("unauthorized"));
        // A wrong token is no better than none.
        QNetworkRequest req(QUrl(m_base + path));
        req.setRawHeader("Authorization", "Bearer " + QByteArray(64, 'a'));
        QNetworkReply *reply = m_nam.sendCustomRequest(req, verb);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        reply->deleteLater();
        // The device still exists: the unauthorised DELETE did nothing.
        QVERIFY(m_engine->config().device(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"))));
    }

    void deviceCrud()
    {
        Reply r = call("GET", QStringLiteral("/api/v1/devices"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("count")).toInt(), 1);

        r = call("POST", QStringLiteral("/api/v1/devices"),
                 R"({"mac":"DC-A6-32-00-00-02","name":"pi-02","serial":"6b1d0002","allow_pxe":false,
                     "power":{"switch":"sim","port":"2"},"osie":{"kernel":"vmlinuz","initrd":"initrd.img"}})");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("Location"), QByteArray("/api/v1/devices/dc:a6:32:00:00:02"));
        QCOMPARE(r.json.value(QStringLiteral("config")).toObject().value(QStringLiteral("allow_pxe")).toBool(), false);

        r = call("POST", QStringLiteral("/api/v1/devices"), R"({"mac":"dc:a6:32:00:00:02"})");
        QCOMPARE(r.status, 409);

        r = call("PATCH", QStringLiteral("/api/v1/devices/dc-a6-32-00-00-02"), R"({"name":"renamed","osie":{"kernel":"k2"}})");
        QCOMPARE(r.status, 200);
        const QJsonObject cfg = r.json.value(QStringLiteral("config")).toObject();
        QCOMPARE(cfg.value(QStringLiteral("name")).toString(), QStringLiteral("renamed"));
        QCOMPARE(cfg.value(QStringLiteral("osie")).toObject().value(QStringLiteral("kernel")).toString(), QStringLiteral("k2"));
        QCOMPARE(cfg.value(QStringLiteral("osie")).toObject().value(QStringLiteral("initrd")).toString(), QStringLiteral("initrd.img"));
        QCOMPARE(cfg.value(QStringLiteral("serial")).toString(), QStringLiteral("6b1d0002"));

        r = call("PUT", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:02"), R"({"name":"replaced"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("config")).toObject().value(QStringLiteral("serial")).toString(), QString());

        // Saved to disk, atomically, with the previous version kept.
        const auto onDisk = LabConfigLoader::loadFile(m_fixture->options.configPath);
        QVERIFY(onDisk.ok());
        QCOMPARE(onDisk.config.device(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:02")))->name, QStringLiteral("replaced"));
        QVERIFY(QFile::exists(m_fixture->options.configPath + QStringLiteral(".bak")));

        r = call("DELETE", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:02"));
        QCOMPARE(r.status, 204);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:02")).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:02")).status, 404);
    }

    void badRequestsAreClear_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("malformed json") << QByteArray("POST") << QStringLiteral("/api/v1/devices") << QByteArray("{\"mac\":") << 400 << "malformed-json";
        QTest::newRow("json array") << QByteArray("POST") << QStringLiteral("/api/v1/devices") << QByteArray("[1]") << 400 << "malformed-json";
        QTest::newRow("no mac") << QByteArray("POST") << QStringLiteral("/api/v1/devices") << QByteArray("{\"name\":\"x\"}") << 422 << "invalid-mac";
        QTest::newRow("unknown key") << QByteArray("POST") << QStringLiteral("/api/v1/devices")
                                     << QByteArray("{\"mac\":\"dc:a6:32:00:00:09\",\"allow_pex\":true}") << 422 << "invalid-configuration";
        QTest::newRow("bad type") << QByteArray("POST") << QStringLiteral("/api/v1/devices")
                                  << QByteArray("{\"mac\":\"dc:a6:32:00:00:09\",\"allow_pxe\":\"perhaps\"}") << 422 << "invalid-configuration";
        QTest::newRow("unknown switch") << QByteArray("POST") << QStringLiteral("/api/v1/devices")
                                        << QByteArray("{\"mac\":\"dc:a6:32:00:00:09\",\"power\":{\"switch\":\"nope\",\"port\":\"1\"}}") << 422 << "rejected";
        QTest::newRow("port taken") << QByteArray("POST") << QStringLiteral("/api/v1/devices")
                                    << QByteArray("{\"mac\":\"dc:a6:32:00:00:09\",\"power\":{\"switch\":\"sim\",\"port\":\"1\"}}") << 422 << "rejected";
        QTest::newRow("bad mac in url") << QByteArray("GET") << QStringLiteral("/api/v1/devices/not-a-mac") << QByteArray() << 400 << "invalid-mac";
        QTest::newRow("mac mismatch") << QByteArray("PUT") << QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01")
                                      << QByteArray("{\"mac\":\"dc:a6:32:00:00:02\"}") << 422 << "mac-mismatch";
        QTest::newRow("method") << QByteArray("DELETE") << QStringLiteral("/api/v1/devices") << QByteArray() << 405 << "method-not-allowed";
        QTest::newRow("unknown service") << QByteArray("POST") << QStringLiteral("/api/v1/services/nope/start") << QByteArray() << 404 << "not-found";
        QTest::newRow("unknown action") << QByteArray("POST") << QStringLiteral("/api/v1/services/http/explode") << QByteArray() << 404 << "not-found";
    }
    void badRequestsAreClear()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const Reply r = call(verb, path, body);
        QCOMPARE(r.status, status);
        const QJsonObject err = r.json.value(QStringLiteral("error")).toObject();
        QCOMPARE(err.value(QStringLiteral("code")).toString(), code);
        QVERIFY(!err.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(m_engine->config().devices.size(), 1);   // nothing changed
    }

    void servicesAndJournal()
    {
        Reply r = call("GET", QStringLiteral("/api/v1/services"));
        QCOMPARE(r.status, 200);
        const QJsonArray services = r.json.value(QStringLiteral("services")).toArray();
        QVERIFY(!services.isEmpty());
        QCOMPARE(services.first().toObject().value(QStringLiteral("id")).toString(), QStringLiteral("http"));
        QVERIFY(services.first().toObject().value(QStringLiteral("endpoints")).toArray().first().toString().startsWith(QStringLiteral("tcp 127.0.0.1:")));

        JournalEvent e;
        e.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));
        e.source = QStringLiteral("test");
        e.kind = QString::fromLatin1(journalkind::Note);
        e.message = QStringLiteral("hello journal");
        m_engine->journal()->append(e);
        r = call("GET", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/journal?limit=5"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("events")).toArray().last().toObject().value(QStringLiteral("message")).toString(),
                 QStringLiteral("hello journal"));
        r = call("GET", QStringLiteral("/api/v1/journal?since=0"));
        QVERIFY(r.json.value(QStringLiteral("last_seq")).toInt() >= 1);
    }

    void eventStreamDeliversJournalEvents()
    {
        QNetworkRequest req(QUrl(m_base + QStringLiteral("/api/v1/events?mac=dc:a6:32:00:00:01")));
        req.setRawHeader("Authorization", "Bearer " + m_engine->apiToken().toLatin1());
        QNetworkReply *reply = m_nam.get(req);
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("retry:"), 5000);
        QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("text/event-stream"));

        JournalEvent other;
        other.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:99"));
        other.message = QStringLiteral("someone else");
        m_engine->journal()->append(other);
        JournalEvent e;
        e.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));
        e.source = QStringLiteral("tftp");
        e.kind = QString::fromLatin1(journalkind::TftpServed);
        e.message = QStringLiteral("sent start4.elf");
        const auto stored = m_engine->journal()->append(e);
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("sent start4.elf"), 5000);
        QVERIFY(received.contains(QByteArray("id: " + QByteArray::number(stored.seq) + "\nevent: journal\ndata: {")));
        QVERIFY(!received.contains("someone else"));   // filtered by ?mac=
        reply->abort();
        reply->deleteLater();
    }
};

QTEST_GUILESS_MAIN(TestManagementApi)
#include "tst_managementapi.moc"
