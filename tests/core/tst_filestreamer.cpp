#include "http/filestreamer.h"
#include "http/httpserver.h"
#include "http/staticfile.h"
#include "httptestutil.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

using namespace httptest;

// File bodies through HttpServer + FileStreamer, both the zero-copy (sendfile) and the copying
// path: content and ranges byte-exact, 64-bit offsets, and bounded memory for multi-GiB files.
class TestFileStreamer : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;

    std::unique_ptr<HttpServer> makeServer(bool zeroCopy)
    {
        auto s = std::make_unique<HttpServer>();
        HttpServer::Limits limits;
        limits.zeroCopy = zeroCopy;
        s->setLimits(limits);
        const QString dir = m_tmp.path();
        s->route(HttpServer::Get, QStringLiteral("/{name}"), [dir](HttpRequest &r) {
            return staticfile::respond(r, dir + QLatin1Char('/') + r.param(QStringLiteral("name")));
        });
        if (!s->listenOn(QHostAddress::LocalHost, 0))
            qFatal("cannot listen");
        return s;
    }

    QString url(const HttpServer &s, const QString &name) const
    {
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(s.serverPort()).arg(name);
    }

    static QByteArray sha256(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(&f);
        return h.result().toHex();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        // Random content, odd size.
        QFile f(m_tmp.filePath(QStringLiteral("random.bin")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray block(1 << 20, Qt::Uninitialized);
        for (int i = 0; i < 5; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            f.write(block);
        }
        f.write("tail-7!");
        f.close();
        // Sparse, 4.5 GiB, with markers around the 4 GiB boundary and at the end.
        QFile sparse(m_tmp.filePath(QStringLiteral("sparse.img")));
        QVERIFY(sparse.open(QIODevice::WriteOnly));
        QVERIFY(sparse.resize((9LL << 30) / 2));
        QVERIFY(sparse.seek((4LL << 30) - 8));
        sparse.write("BOUNDARY-4GiB-MARK");
        QVERIFY(sparse.seek((9LL << 30) / 2 - 4));
        sparse.write("END!");
        sparse.close();
        // Tiny files: below the zero-copy threshold and empty.
        QFile tiny(m_tmp.filePath(QStringLiteral("tiny.txt")));
        QVERIFY(tiny.open(QIODevice::WriteOnly));
        tiny.write("tiny\n");
        tiny.close();
        QFile empty(m_tmp.filePath(QStringLiteral("empty.bin")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
    }

    // The measurement itself can see growth: touching 48 MB shows up in the peak.
    void rssProbeWorks()
    {
        const qint64 before = procStatusKb("VmRSS:");
        if (!resetPeakRss())
            QSKIP("/proc/self/clear_refs cannot reset the peak RSS here");
        {
            QByteArray block(48 << 20, 'x');
            QVERIFY(block.at(block.size() - 1) == 'x');
        }
        QVERIFY(procStatusKb("VmHWM:") - before > 40 * 1024);
    }

    void content_data()
    {
        QTest::addColumn<bool>("zeroCopy");
        QTest::newRow("zero-copy") << true;
        QTest::newRow("copy") << false;
    }
    void content()
    {
        QFETCH(bool, zeroCopy);
        auto s = makeServer(zeroCopy);
        const QString out = m_tmp.filePath(QStringLiteral("out.bin"));
        for (const QString &name : {QStringLiteral("random.bin"), QStringLiteral("tiny.txt"), QStringLiteral("empty.bin")}) {
            QFile::remove(out);
            const CurlResult r = curl({QStringLiteral("-o"), out, QStringLiteral("-w"), QStringLiteral("%{http_code}"), url(*s, name)});
            QVERIFY(r.finished);
            QCOMPARE(r.out, QByteArray("200"));
            QCOMPARE(sha256(out), sha256(m_tmp.filePath(name)));
        }
        // Several ranges of the random file, each byte-exact.
        QFile src(m_tmp.filePath(QStringLiteral("random.bin")));
        QVERIFY(src.open(QIODevice::ReadOnly));
        const QByteArray all = src.readAll();
        const QList<QPair<qint64, qint64>> ranges = {{0, 0}, {1, 100}, {65535, 65537}, {1048575, 3145728}, {5242880, 5242886}};
        for (const auto &[a, b] : ranges) {
            const CurlResult r = curl({QStringLiteral("-r"), QStringLiteral("%1-%2").arg(a).arg(b), url(*s, QStringLiteral("random.bin"))});
            QCOMPARE(r.out, all.mid(a, b - a + 1));
        }
        // Several keep-alive requests on one connection (curl reuses it for repeated URLs).
        const CurlResult many = curl({QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                      QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                                      QStringLiteral("%{http_code} %{size_download} %{num_connects}\n"),
                                      url(*s, QStringLiteral("random.bin")), url(*s, QStringLiteral("tiny.txt")),
                                      url(*s, QStringLiteral("random.bin"))});
        QCOMPARE(many.out, QByteArray("200 5242887 1\n200 5 0\n200 5242887 0\n"));
    }

    void beyondFourGiB_data() { content_data(); }
    void beyondFourGiB()
    {
        QFETCH(bool, zeroCopy);
        auto s = makeServer(zeroCopy);
        const qint64 at = (4LL << 30) - 8;
        CurlResult r = curl({QStringLiteral("-r"), QStringLiteral("%1-%2").arg(at).arg(at + 17), url(*s, QStringLiteral("sparse.img"))});
        QCOMPARE(r.out, QByteArray("BOUNDARY-4GiB-MARK"));
        r = curl({QStringLiteral("-r"), QStringLiteral("-4"), url(*s, QStringLiteral("sparse.img"))});
        QCOMPARE(r.out, QByteArray("END!"));
        r = curl({QStringLiteral("-I"), url(*s, QStringLiteral("sparse.img"))});
        QVERIFY(r.out.contains("Content-Length: 4831838208\r\n"));
    }

    // The whole 4.5 GiB sparse file through curl: server memory must stay bounded.
    void sparseMultiGiBMemory_data() { content_data(); }
    void sparseMultiGiBMemory()
    {
        QFETCH(bool, zeroCopy);
        auto s = makeServer(zeroCopy);
        // Warm up the code paths (first-use allocations are not per-transfer growth).
        curl({QStringLiteral("-o"), QStringLiteral("/dev/null"), url(*s, QStringLiteral("random.bin"))});
        const qint64 before = procStatusKb("VmRSS:");
        const bool peakReset = resetPeakRss();
        qint64 sampledMax = before;
        QTimer sampler;
        connect(&sampler, &QTimer::timeout, this, [&] { sampledMax = qMax(sampledMax, procStatusKb("VmRSS:")); });
        sampler.start(5);
        QElapsedTimer t;
        t.start();
        const CurlResult r = curl({QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                                   QStringLiteral("%{http_code} %{size_download}"), url(*s, QStringLiteral("sparse.img"))},
                                  120000);
        sampler.stop();
        const qint64 ms = t.elapsed();
        QVERIFY(r.finished);
        QCOMPARE(r.out, QByteArray("200 4831838208"));
        const qint64 peak = peakReset ? qMax(procStatusKb("VmHWM:"), sampledMax) : sampledMax;
        const qint64 growthKb = peak - before;
        qInfo("%s: 4.5 GiB in %lld ms (%.0f MiB/s), RSS %lld kB -> peak %lld kB (growth %lld kB%s)",
              zeroCopy ? "zero-copy" : "copy", ms, 4608.0 * 1000 / qMax<qint64>(ms, 1), before, peak, growthKb,
              peakReset ? "" : ", sampled");
        QVERIFY2(growthKb < 32 * 1024, qPrintable(QStringLiteral("RSS grew by %1 kB").arg(growthKb)));
    }
};

QTEST_GUILESS_MAIN(TestFileStreamer)
#include "tst_filestreamer.moc"
