#include "devices/devicejournal.h"
#include "devices/journalkinds.h"
#include "engine/labengine.h"
#include "http/httpserver.h"
#include "http/httpservice.h"
#include "labfixture.h"
#include "provision/provisioning.h"
#include "provision/talosimages.h"
#include "fakefactory.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <lzma.h>

// GET /images/talos/... end to end: lab HTTP service, cache on disk, a fake factory.
class TestTalosImages : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeFactory> m_factory;
    std::unique_ptr<LabFixture> m_fixture;
    std::unique_ptr<LabEngine> m_engine;
    QNetworkAccessManager m_nam;
    QString m_base;

    struct Fetch
    {
        int status = 0;
        QByteArray body;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray cache;              // X-Metalboot-Cache
        QByteArray length;
        qint64 receivedWhileFactorySending = 0;
    };

    Fetch get(const QString &path, const QByteArray &verb = "GET")
    {
        QNetworkRequest req(QUrl(m_base + path));
        QNetworkReply *reply = verb == "HEAD" ? m_nam.head(req) : m_nam.sendCustomRequest(req, verb);
        Fetch f;
        connect(reply, &QNetworkReply::readyRead, this, [this, reply, &f] {
            if (m_factory->sending)
                f.receivedWhileFactorySending = qMax(f.receivedWhileFactorySending, reply->bytesAvailable() + f.body.size());
            f.body += reply->readAll();
        });
        QSignalSpy done(reply, &QNetworkReply::finished);
        QElapsedTimer clock;
        clock.start();
        if (!done.wait(30000))
            qWarning("request timed out");
        qInfo("%s %s: %lld ms", verb.constData(), qPrintable(path), clock.elapsed());
        f.body += reply->readAll();
        f.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        f.error = reply->error();
        f.cache = reply->rawHeader("X-Metalboot-Cache");
        f.length = reply->rawHeader("Content-Length");
        reply->deleteLater();
        return f;
    }

    void startLab(const QByteArray &talos)
    {
        m_fixture = std::make_unique<LabFixture>(QByteArray("provisioning:\n  talos:\n") + talos);
        m_engine = std::make_unique<LabEngine>(m_fixture->options);
        QString error;
        QVERIFY2(m_engine->start(&error), qPrintable(error));
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_engine->http()->port());
    }
    QByteArray factoryYaml(int cacheMiB = 64) const
    {
        return "    factory_url: " + m_factory->url().toLatin1() + "\n    cache_size_mb: " + QByteArray::number(cacheMiB) + "\n    timeout: 10\n";
    }
    TalosImages *talos() const { return m_engine->provisioning()->talos(); }
    QString cacheDir() const { return m_fixture->options.paths.dataDir + QStringLiteral("/images/talos"); }
    int cachedFiles() const
    {
        int n = 0;
        QDir root(cacheDir());
        for (const QString &s : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (s == QLatin1String("tmp"))
                continue;
            QDir sd(root.filePath(s));
            for (const QString &v : sd.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                n += int(QDir(sd.filePath(v)).entryList(QDir::Files).size());
        }
        return n;
    }
    int partFiles() const { return int(QDir(cacheDir() + QStringLiteral("/tmp")).entryList(QDir::Files).size()); }
    static QByteArray sha(const QByteArray &b) { return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex(); }
    QList<JournalEvent> downloads() const
    {
        QList<JournalEvent> out;
        for (const auto &e : m_engine->journal()->recent())
            if (e.kind == QString::fromLatin1(journalkind::ImageDownload))
                out.append(e);
        return out;
    }

private Q_SLOTS:
    void init() { m_factory = std::make_unique<FakeFactory>(); }
    void cleanup()
    {
        m_engine.reset();
        m_fixture.reset();
        m_factory.reset();
    }

    void missThenHit()
    {
        startLab(factoryYaml());
        const QString path = QStringLiteral("/images/talos/v1.7.6/arm64/openstack.raw?extensions=siderolabs/iscsi-tools&overlay=rpi_generic");
        const QByteArray expected = m_factory->raw(QStringLiteral("v1.7.6"), QStringLiteral("arm64"));
        Fetch f = get(path);
        QCOMPARE(f.error, QNetworkReply::NoError);
        QCOMPARE(f.status, 200);
        QCOMPARE(f.cache, QByteArray("miss"));
        QCOMPARE(f.body.size(), expected.size());
        QVERIFY(f.body == expected);
        QCOMPARE(m_factory->schematicPosts, 1);
        QCOMPARE(m_factory->imageGets, 1);
        QCOMPARE(m_factory->lastSchematic, QByteArray("customization:\n  systemExtensions:\n    officialExtensions:\n"
                                                      "      - siderolabs/iscsi-tools\noverlay:\n  image: siderolabs/sbc-raspberrypi\n"
                                                      "  name: rpi_generic\n"));
        QTRY_COMPARE(cachedFiles(), 1);
        QCOMPARE(partFiles(), 0);

        // Hit: from disk, with a length, without asking the factory anything.
        f = get(path);
        QCOMPARE(f.status, 200);
        QCOMPARE(f.cache, QByteArray("hit"));
        QCOMPARE(f.length, QByteArray::number(expected.size()));
        QVERIFY(f.body == expected);
        QCOMPARE(m_factory->schematicPosts, 1);
        QCOMPARE(m_factory->imageGets, 1);
        f = get(path, "HEAD");
        QCOMPARE(f.status, 200);
        QCOMPARE(f.length, QByteArray::number(expected.size()));
        QVERIFY(f.body.isEmpty());
        // The checksum companion, in sha256sum format.
        f = get(QStringLiteral("/images/talos/v1.7.6/arm64/openstack.raw.sha256?overlay=rpi_generic&extensions=siderolabs/iscsi-tools"));
        QCOMPARE(f.status, 200);
        QCOMPARE(f.body, sha(expected) + "  openstack.raw\n");
        QCOMPARE(talos()->stats().hits, quint64(3));
        const auto events = downloads();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.last().data.value(QStringLiteral("event")).toString(), QStringLiteral("cached"));
        QCOMPARE(events.last().data.value(QStringLiteral("sha256")).toString().toLatin1(), sha(expected));
    }

    void checksumFirstWaitsForTheImage()
    {
        startLab(factoryYaml());
        const QByteArray expected = m_factory->raw(QStringLiteral("v1.8.0"), QStringLiteral("amd64"));
        Fetch f = get(QStringLiteral("/images/talos/v1.8.0/amd64/openstack.raw.sha256"));
        QCOMPARE(f.status, 200);
        QCOMPARE(f.body, sha(expected) + "  openstack.raw\n");
        QCOMPARE(m_factory->lastSchematic, QByteArray("customization: {}\n"));
        f = get(QStringLiteral("/images/talos/v1.8.0/amd64/openstack.raw"));
        QCOMPARE(f.cache, QByteArray("hit"));
        QVERIFY(f.body == expected);
        QCOMPARE(m_factory->imageGets, 1);
    }

    // Streamed while it is cached: bytes reach the clients before the factory has sent
    // everything, and two clients share one download.
    void streamsToConcurrentClientsWhileCaching()
    {
        m_factory->mode = FakeFactory::Mode::Slow;
        m_factory->imageSize = 2 * 1024 * 1024;
        startLab(factoryYaml());
        const QString path = QStringLiteral("/images/talos/v1.7.6/arm64/openstack.raw");
        const QByteArray expected = m_factory->raw(QStringLiteral("v1.7.6"), QStringLiteral("arm64"));
        Fetch second;
        QTimer::singleShot(30, this, [this, &second, path] { second = get(path); });
        const Fetch first = get(path);
        QTRY_VERIFY_WITH_TIMEOUT(second.status != 0, 30000);
        QCOMPARE(first.error, QNetworkReply::NoError);
        QCOMPARE(second.error, QNetworkReply::NoError);
        QVERIFY(first.body == expected);
        QVERIFY(second.body == expected);
        QVERIFY2(first.receivedWhileFactorySending > 0, "nothing arrived before the factory finished: not streamed");
        QCOMPARE(m_factory->imageGets, 1);
        QTRY_COMPARE(cachedFiles(), 1);
    }

    void leastRecentlyUsedEviction()
    {
        m_factory->imageSize = 700 * 1024;
        startLab(factoryYaml(2));    // room for two images
        const auto fetch = [this](const char *v) {
            return get(QStringLiteral("/images/talos/%1/arm64/openstack.raw").arg(QString::fromLatin1(v)));
        };
        QCOMPARE(fetch("v1.7.0").cache, QByteArray("miss"));
        QCOMPARE(fetch("v1.7.1").cache, QByteArray("miss"));
        QCOMPARE(fetch("v1.7.0").cache, QByteArray("hit"));      // v1.7.1 is now least recently used
        QCOMPARE(fetch("v1.7.2").cache, QByteArray("miss"));     // evicts v1.7.1
        QTRY_COMPARE(talos()->stats().evictions, quint64(1));
        QCOMPARE(cachedFiles(), 2);
        QCOMPARE(fetch("v1.7.0").cache, QByteArray("hit"));
        QCOMPARE(fetch("v1.7.2").cache, QByteArray("hit"));
        const int gets = m_factory->imageGets;
        const Fetch again = fetch("v1.7.1");
        QCOMPARE(again.cache, QByteArray("miss"));
        QCOMPARE(m_factory->imageGets, gets + 1);
        QVERIFY(again.body == m_factory->raw(QStringLiteral("v1.7.1"), QStringLiteral("arm64")));
        bool journaled = false;
        for (const auto &e : downloads())
            journaled = journaled || e.data.value(QStringLiteral("event")).toString() == QLatin1String("evicted");
        QVERIFY(journaled);
    }

    void corruptDownloadIsNeverCached()
    {
        m_factory->mode = FakeFactory::Mode::Corrupt;
        startLab(factoryYaml());
        const QString path = QStringLiteral("/images/talos/v1.7.6/amd64/openstack.raw");
        const Fetch f = get(path);
        // The client sees a broken transfer, not a short "complete" image.
        QVERIFY2(f.error != QNetworkReply::NoError, qPrintable(QString::number(f.body.size())));
        QVERIFY(f.body.size() < m_factory->imageSize);
        // (Qt's client retries an aborted GET once: one or two failed downloads.)
        QTRY_VERIFY(talos()->stats().failures >= 1);
        QCOMPARE(cachedFiles(), 0);
        QTRY_COMPARE(partFiles(), 0);
        QVERIFY(downloads().last().message.contains(QStringLiteral("corrupt")));
        QCOMPARE(downloads().last().severity, JournalEvent::Severity::Error);
        // The .sha256 of a failed image is an error, never a checksum of garbage.
        const Fetch sum = get(path + QStringLiteral(".sha256"));
        QCOMPARE(sum.status, 502);
        // Once the factory behaves, the image downloads cleanly.
        m_factory->mode = FakeFactory::Mode::Normal;
        const Fetch ok = get(path);
        QCOMPARE(ok.error, QNetworkReply::NoError);
        QVERIFY(ok.body == m_factory->raw(QStringLiteral("v1.7.6"), QStringLiteral("amd64")));
        QTRY_COMPARE(cachedFiles(), 1);
    }

    void interruptedDownloadIsNeverCached()
    {
        m_factory->mode = FakeFactory::Mode::Interrupt;
        m_factory->imageSize = 1024 * 1024;
        startLab(factoryYaml());
        const Fetch f = get(QStringLiteral("/images/talos/v1.7.6/amd64/openstack.raw"));
        QVERIFY(f.error != QNetworkReply::NoError);
        QTRY_VERIFY(talos()->stats().failures >= 1);
        QCOMPARE(cachedFiles(), 0);
        QTRY_COMPARE(partFiles(), 0);
        QVERIFY2(downloads().last().message.contains(QStringLiteral("interrupted"))
                     || downloads().last().message.contains(QStringLiteral("incomplete")),
                 qPrintable(downloads().last().message));
    }

    void uncompressedFallback()
    {
        m_factory->mode = FakeFactory::Mode::NoXz;
        startLab(factoryYaml());
        const Fetch f = get(QStringLiteral("/images/talos/v1.7.6/amd64/openstack.raw"));
        QCOMPARE(f.error, QNetworkReply::NoError);
        QVERIFY(f.body == m_factory->raw(QStringLiteral("v1.7.6"), QStringLiteral("amd64")));
        QCOMPARE(m_factory->imageGets, 2);    // .raw.xz (404), then .raw
        QTRY_COMPARE(cachedFiles(), 1);
    }

    void imageLargerThanTheCacheIsServedNotCached()
    {
        m_factory->imageSize = 1536 * 1024;
        startLab(factoryYaml(1));
        const Fetch f = get(QStringLiteral("/images/talos/v1.7.6/amd64/openstack.raw"));
        QCOMPARE(f.error, QNetworkReply::NoError);
        QVERIFY(f.body == m_factory->raw(QStringLiteral("v1.7.6"), QStringLiteral("amd64")));
        QTRY_VERIFY(!downloads().isEmpty() && downloads().last().data.value(QStringLiteral("event")).toString() == QLatin1String("served"));
        QCOMPARE(cachedFiles(), 0);
        QTRY_COMPARE(partFiles(), 0);
    }

    void factoryErrorsAndBadRequests()
    {
        m_factory->mode = FakeFactory::Mode::SchematicError;
        startLab(factoryYaml());
        Fetch f = get(QStringLiteral("/images/talos/v1.7.6/amd64/openstack.raw?extensions=siderolabs/gvisor"));
        QCOMPARE(f.status, 502);
        QVERIFY(f.body.contains("refused the schematic (HTTP 400)"));
        f = get(QStringLiteral("/images/talos/1.7/amd64/openstack.raw"));
        QCOMPARE(f.status, 400);
        f = get(QStringLiteral("/images/talos/v1.7.6/amd64/metal.iso"));
        QCOMPARE(f.status, 400);
        f = get(QStringLiteral("/images/talos/v1.7.6/amd64/openstack.raw?extensions=../../x"));
        QCOMPARE(f.status, 400);
        QCOMPARE(m_factory->imageGets, 0);
    }

    void disabledWithoutFactoryButCacheStillServes()
    {
        startLab(factoryYaml());
        const QByteArray expected = m_factory->raw(QStringLiteral("v1.7.6"), QStringLiteral("amd64"));
        QCOMPARE(get(QStringLiteral("/images/talos/v1.7.6/amd64/openstack.raw")).cache, QByteArray("miss"));
        QTRY_COMPARE(cachedFiles(), 1);
        // Restart without a factory: the cached image (and its schematic id) survive.
        m_engine.reset();
        {
            QFile f(m_fixture->options.configPath);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("name: Fixture\nservices:\n  http: {address: 127.0.0.1, port: 0}\n  dhcp: {enabled: false}\n"
                    "  tftp: {enabled: false}\n  redfish: {enabled: false}\n  consoles: {enabled: false}\n");
        }
        m_engine = std::make_unique<LabEngine>(m_fixture->options);
        QString error;
        QVERIFY2(m_engine->start(&error), qPrintable(error));
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_engine->http()->port());
        Fetch f = get(QStringLiteral("/images/talos/v1.7.6/amd64/openstack.raw"));
        QCOMPARE(f.cache, QByteArray("hit"));
        QVERIFY(f.body == expected);
        f = get(QStringLiteral("/images/talos/v1.7.7/amd64/openstack.raw"));
        QCOMPARE(f.status, 503);
        QVERIFY(f.body.contains("talos-disabled"));
    }
};

QTEST_GUILESS_MAIN(TestTalosImages)
#include "tst_talosimages.moc"
