#include "http/httpserver.h"
#include "httptestutil.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

using namespace httptest;

// HttpServer over loopback: routing, keep-alive and pipelining order, and the hardening
// (slow-loris, idle and write-stall timeouts, header/URI/body limits, connection limit).
class TestHttpServer : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_bigFile;    // 64 MiB
    QString m_smallFile;  // 1 MiB

    std::unique_ptr<HttpServer> makeServer(const HttpServer::Limits &limits = HttpServer::Limits())
    {
        auto s = std::make_unique<HttpServer>();
        s->setLimits(limits);
        s->route(HttpServer::Get, QStringLiteral("/hello"), [](HttpRequest &r) {
            return HttpResponse::text(QStringLiteral("hello %1 %2").arg(QString::fromLatin1(r.method())).arg(r.httpMinorVersion()));
        });
        s->route(HttpServer::Post, QStringLiteral("/echo"), [](HttpRequest &r) {
            return HttpResponse(200, r.body(), "application/octet-stream");
        });
        s->route(HttpServer::Get, QStringLiteral("/slow"), [](HttpRequest &r) {
            const PendingResponse pending = r.defer();
            QTimer::singleShot(300, [pending] { pending.send(HttpResponse::text(QStringLiteral("slow"))); });
            return HttpResponse::deferred();
        });
        const QString big = m_bigFile;
        const QString small = m_smallFile;
        s->route(HttpServer::Get, QStringLiteral("/big"), [big](HttpRequest &) {
            return HttpResponse::file(big, 0, QFileInfo(big).size(), "application/octet-stream");
        });
        s->route(HttpServer::Get, QStringLiteral("/small"), [small](HttpRequest &) {
            return HttpResponse::file(small, 0, QFileInfo(small).size(), "application/octet-stream");
        });
        QString error;
        if (!s->listenOn(QHostAddress::LocalHost, 0, &error))
            qFatal("listen: %s", qPrintable(error));
        return s;
    }

    static void writeFile(const QString &path, qint64 size)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray block(1 << 20, Qt::Uninitialized);
        for (int i = 0; i < block.size(); ++i)
            block[i] = char((i * 7 + i / 251) & 0xff);
        for (qint64 done = 0; done < size; done += block.size())
            f.write(block.constData(), qMin<qint64>(block.size(), size - done));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_bigFile = m_tmp.filePath(QStringLiteral("big.bin"));
        m_smallFile = m_tmp.filePath(QStringLiteral("small.bin"));
        writeFile(m_bigFile, 64 << 20);
        writeFile(m_smallFile, 1 << 20);
    }

    void keepAliveAndHttp10()
    {
        auto s = makeServer();
        bool closed = false;
        const QByteArray two = exchange(s->serverPort(),
                                        "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                                        "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                        3000, &closed);
        QVERIFY(closed);
        QCOMPARE(two.count("HTTP/1.1 200 OK"), 2);
        QCOMPARE(two.count("hello GET 1"), 2);
        // HTTP/1.0 closes by default, keeps alive only when asked; Host is optional.
        const QByteArray old = exchange(s->serverPort(), "GET /hello HTTP/1.0\r\n\r\n", 3000, &closed);
        QVERIFY(closed);
        QVERIFY(old.contains("Connection: close"));
        QVERIFY(old.endsWith("hello GET 0"));
        const QByteArray oldKeep = exchange(s->serverPort(),
                                            "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                                            "GET /hello HTTP/1.0\r\n\r\n",
                                            3000, &closed);
        QCOMPARE(oldKeep.count("hello GET 0"), 2);
        QVERIFY(closed);
    }

    void pipelinedRequestsAnswerInOrder()
    {
        auto s = makeServer();
        bool closed = false;
        // A deferred answer, then a file, then an immediate one, all in one write.
        const QByteArray got = exchange(s->serverPort(),
                                        "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
                                        "GET /small HTTP/1.1\r\nHost: x\r\n\r\n"
                                        "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                        5000, &closed);
        QVERIFY(closed);
        const auto a = got.indexOf("\r\n\r\nslow");
        const auto b = got.indexOf("Content-Length: 1048576");
        const auto c = got.indexOf("hello GET 1");
        QVERIFY2(a > 0 && b > a && c > b, got.left(300).constData());
        // The file body is intact between the two.
        const auto bodyStart = got.indexOf("\r\n\r\n", b) + 4;
        QFile f(m_smallFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(got.mid(bodyStart, 1 << 20), f.readAll());
    }

    void pipelinedBehindLargeZeroCopyFile()
    {
        auto s = makeServer();
        bool closed = false;
        const QByteArray got = exchange(s->serverPort(),
                                        "GET /big HTTP/1.1\r\nHost: x\r\n\r\n"
                                        "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                        20000, &closed);
        QVERIFY(closed);
        const auto headEnd = got.indexOf("\r\n\r\n") + 4;
        QCOMPARE(statusOf(got), 200);
        QFile f(m_bigFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(got.mid(headEnd, 64 << 20), f.readAll());
        QVERIFY(got.mid(headEnd + (64 << 20)).startsWith("HTTP/1.1 200 OK"));
        QVERIFY(got.endsWith("hello GET 1"));
    }

    void headHasLengthNoBody()
    {
        auto s = makeServer();
        const QByteArray got = exchange(s->serverPort(), "HEAD /big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(statusOf(got), 200);
        QVERIFY(got.contains("Content-Length: 67108864\r\n"));
        QVERIFY(got.endsWith("\r\n\r\n"));
    }

    void slowLorisIsDropped()
    {
        HttpServer::Limits limits;
        limits.headerTimeoutMs = 600;
        auto s = makeServer(limits);
        QTcpSocket c;
        c.connectToHost(QStringLiteral("127.0.0.1"), s->serverPort());
        QVERIFY(c.waitForConnected(2000));
        QElapsedTimer t;
        t.start();
        c.write("GET /hello HTTP/1.1\r\n");
        // One header line every 100 ms: never completes, keeps the connection "busy".
        int lines = 0;
        spinUntil(
            [&] {
                if (t.elapsed() > lines * 100) {
                    c.write("X-Drip: " + QByteArray::number(lines++) + "\r\n");
                }
                return c.state() == QAbstractSocket::UnconnectedState;
            },
            5000);
        QCOMPARE(c.state(), QAbstractSocket::UnconnectedState);
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(t.elapsed() >= 500);
        QCOMPARE(s->timedOutConnections(), quint64(1));
        QVERIFY(c.readAll().isEmpty()); // nothing was ever answered
    }

    void idleKeepAliveIsClosed()
    {
        HttpServer::Limits limits;
        limits.keepAliveTimeoutMs = 300;
        auto s = makeServer(limits);
        QTcpSocket c;
        c.connectToHost(QStringLiteral("127.0.0.1"), s->serverPort());
        QVERIFY(c.waitForConnected(2000));
        c.write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY(c.bytesAvailable() > 0);
        QElapsedTimer t;
        t.start();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), QAbstractSocket::UnconnectedState, 3000);
        QVERIFY(t.elapsed() >= 200);
        QTRY_COMPARE(s->activeConnections(), 0);
    }

    void stalledReaderIsDropped()
    {
        HttpServer::Limits limits;
        limits.writeStallTimeoutMs = 500;
        auto s = makeServer(limits);
        QTcpSocket c;
        c.setReadBufferSize(64 * 1024); // and never read: the server's writes stall
        c.connectToHost(QStringLiteral("127.0.0.1"), s->serverPort());
        QVERIFY(c.waitForConnected(2000));
        c.write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(s->timedOutConnections(), quint64(1), 10000);
        QTRY_COMPARE(s->activeConnections(), 0);
    }

    void clientResetDuringStreamIsHarmless()
    {
        // The peer vanishing mid-sendfile raises SIGPIPE/EPIPE: the server must survive it.
        auto s = makeServer();
        for (int i = 0; i < 5; ++i) {
            QTcpSocket c;
            c.connectToHost(QStringLiteral("127.0.0.1"), s->serverPort());
            QVERIFY(c.waitForConnected(2000));
            c.write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
            QTRY_VERIFY(c.bytesAvailable() > 100000);
            c.abort();
            QTRY_COMPARE(s->activeConnections(), 0);
        }
        QCOMPARE(statusOf(exchange(s->serverPort(), "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")), 200);
    }

    void requestLimits_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray bigHeader = "X-Big: " + QByteArray(40 * 1024, 'a') + "\r\n";
        QTest::newRow("header too large") << ("GET /hello HTTP/1.1\r\nHost: x\r\n" + bigHeader + "\r\n") << 431;
        QByteArray manyHeaders;
        for (int i = 0; i < 5000; ++i)
            manyHeaders += "X-" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("too many headers") << ("GET /hello HTTP/1.1\r\nHost: x\r\n" + manyHeaders + "\r\n") << 431;
        QTest::newRow("uri too long") << ("GET /" + QByteArray(10000, 'u') + " HTTP/1.1\r\nHost: x\r\n\r\n") << 414;
        QTest::newRow("body declared too large")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\nabc") << 413;
        QTest::newRow("chunked body too large")
            << ("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n" + QByteArray(1100000, 'c'))
            << 413;
        QTest::newRow("no host") << QByteArray("GET /hello HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two hosts") << QByteArray("GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
        QTest::newRow("malformed line") << QByteArray("GARBAGE\r\n\r\n") << 400;
        QTest::newRow("bad target") << QByteArray("GET hello HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("http/2") << QByteArray("GET /hello HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
        QTest::newRow("bad version") << QByteArray("GET /hello HTTQ/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("folded header") << QByteArray("GET /hello HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  2\r\n\r\n") << 400;
        QTest::newRow("bad content-length") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n") << 400;
        QTest::newRow("conflicting lengths")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 400;
        QTest::newRow("smuggling te+cl")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            << 400;
        QTest::newRow("unknown coding") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n") << 400;
        QTest::newRow("control char in header") << QByteArray("GET /hello HTTP/1.1\r\nHost: x\r\nX: a\x01" "b\r\n\r\n") << 400;
        QTest::newRow("unknown method") << QByteArray("BREW /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") << 501;
        QTest::newRow("wrong method") << QByteArray("DELETE /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") << 405;
    }
    void requestLimits()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        auto s = makeServer();
        bool closed = false;
        const QByteArray got = exchange(s->serverPort(), request, 5000, &closed);
        QCOMPARE(statusOf(got), status);
        QVERIFY(closed);
        QTRY_COMPARE(s->activeConnections(), 0);
        // The server is still fine afterwards.
        QCOMPARE(statusOf(exchange(s->serverPort(), "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")), 200);
    }

    // curl sends a whole oversized request; the lingering close lets it read our answer.
    void curlSeesRejections()
    {
        auto s = makeServer();
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(s->serverPort());
        CurlResult r = curl({QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                             QStringLiteral("-H"), QStringLiteral("X-Big: ") + QString(60000, QLatin1Char('b')),
                             url + QStringLiteral("/hello")});
        QVERIFY(r.finished);
        QCOMPARE(r.out, QByteArray("431"));
        QFile body(m_tmp.filePath(QStringLiteral("upload.bin")));
        QVERIFY(body.open(QIODevice::WriteOnly));
        body.write(QByteArray(3 << 20, 'u'));
        body.close();
        r = curl({QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                  QStringLiteral("--data-binary"), QLatin1Char('@') + body.fileName(), url + QStringLiteral("/echo")});
        QVERIFY(r.finished);
        QCOMPARE(r.out, QByteArray("413"));
        QVERIFY(s->rejectedRequests() >= 2);
    }

    void expectContinue()
    {
        auto s = makeServer();
        QTcpSocket c;
        c.connectToHost(QStringLiteral("127.0.0.1"), s->serverPort());
        QVERIFY(c.waitForConnected(2000));
        c.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        QTRY_VERIFY(c.bytesAvailable() >= 25);
        QCOMPARE(c.readAll(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        c.write("hello");
        QByteArray got;
        QTRY_VERIFY((got += c.readAll()).endsWith("hello"));
        QCOMPARE(statusOf(got), 200);
        // curl waits up to 10 s for the 100 before sending its body; it does not have to.
        QElapsedTimer t;
        t.start();
        const CurlResult r = curl({QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                                   QStringLiteral("--expect100-timeout"), QStringLiteral("10"),
                                   QStringLiteral("--data-binary"), QString(100000, QLatin1Char('z')),
                                   QStringLiteral("http://127.0.0.1:%1/echo").arg(s->serverPort())});
        QCOMPARE(r.out, QByteArray("200"));
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    }

    void tooManyConnectionsGet503()
    {
        HttpServer::Limits limits;
        limits.maxConnections = 3;
        auto s = makeServer(limits);
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(std::make_unique<QTcpSocket>());
            held.back()->connectToHost(QStringLiteral("127.0.0.1"), s->serverPort());
            QVERIFY(held.back()->waitForConnected(2000));
        }
        QTRY_COMPARE(s->activeConnections(), 3);
        bool closed = false;
        const QByteArray got = exchange(s->serverPort(), "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n", 5000, &closed);
        QCOMPARE(statusOf(got), 503);
        QVERIFY(closed);
        QCOMPARE(s->rejectedConnections(), quint64(1));
        // curl reads the 503 too.
        const CurlResult r = curl({QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                                   QStringLiteral("http://127.0.0.1:%1/hello").arg(s->serverPort())});
        QCOMPARE(r.out, QByteArray("503"));
        held.front()->abort();
        QTRY_COMPARE(s->activeConnections(), 2);
        QCOMPARE(statusOf(exchange(s->serverPort(), "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")), 200);
    }

    // Random bytes and mutated requests on many connections: every one is answered with a status
    // or closed, and the server keeps serving.
    void garbageIsSurvived()
    {
        HttpServer::Limits limits;
        limits.headerTimeoutMs = 300;
        auto s = makeServer(limits);
        QRandomGenerator rng(4242);
        const QByteArray valid = "GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < 60; ++i) {
            QByteArray junk;
            if (i % 2) {
                junk.resize(int(rng.bounded(1, 4000)));
                for (char &c : junk)
                    c = char(rng.bounded(256));
            } else {
                junk = valid;
                for (int k = 0; k < 4; ++k)
                    junk[int(rng.bounded(junk.size()))] = char(rng.bounded(256));
            }
            auto c = std::make_unique<QTcpSocket>();
            c->connectToHost(QStringLiteral("127.0.0.1"), s->serverPort());
            QTRY_COMPARE(c->state(), QAbstractSocket::ConnectedState); // the server accepts meanwhile
            c->write(junk);
            clients.push_back(std::move(c));
        }
        // Answered or timed out, all of them.
        QTRY_COMPARE_WITH_TIMEOUT(s->activeConnections(), 0, 10000);
        for (auto &c : clients) {
            const QByteArray got = c->readAll();
            QVERIFY(got.isEmpty() || got.startsWith("HTTP/1.1 "));
        }
        QCOMPARE(statusOf(exchange(s->serverPort(), "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")), 200);
    }

    void completionAndFinishedSignal()
    {
        auto s = makeServer();
        qint64 completedBytes = -1;
        bool completedOk = false;
        s->route(HttpServer::Get, QStringLiteral("/tracked"), [&, this](HttpRequest &) {
            HttpResponse r = HttpResponse::file(m_smallFile, 10, 1000, "application/octet-stream");
            r.setCompletionHandler([&](qint64 bytes, bool ok) {
                completedBytes = bytes;
                completedOk = ok;
            });
            return r;
        });
        QSignalSpy finished(s.get(), &HttpServer::requestFinished);
        const CurlResult r = curl({QStringLiteral("http://127.0.0.1:%1/tracked").arg(s->serverPort())});
        QCOMPARE(r.out.size(), 1000);
        QTRY_COMPARE(completedBytes, qint64(1000));
        QVERIFY(completedOk);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("/tracked"));
        QCOMPARE(finished.first().at(3).toInt(), 200);
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
