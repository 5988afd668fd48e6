// QmpClient: the QMP codec (table-driven) and the client against a local QMP server played by
// the test (greeting, negotiation, answers by id, errors, events, timeouts, protocol errors).
// The same client drives real QEMU in tst_qmpdriver.
#include "poe/qmpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

Q_DECLARE_METATYPE(qmp::Message::Kind)

namespace {

// Reads JSON lines from one client connection.
class FakeQmp : public QObject
{
public:
    explicit FakeQmp(const QString &path)
    {
        m_server.setSocketOptions(QLocalServer::UserAccessOption);
        QLocalServer::removeServer(path);
        m_listening = m_server.listen(path);
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            m_conn = m_server.nextPendingConnection();
            connect(m_conn, &QLocalSocket::readyRead, this, [this] {
                m_in += m_conn->readAll();
                qsizetype nl;
                while ((nl = m_in.indexOf('\n')) >= 0) {
                    m_received.append(QJsonDocument::fromJson(m_in.left(nl)).object());
                    m_in.remove(0, nl + 1);
                }
            });
            if (m_autoGreet)
                send(R"({"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}}, "capabilities": ["oob"]}})");
        });
    }
    bool listening() const { return m_listening; }
    void send(const QByteArray &line)
    {
        QVERIFY(m_conn);
        m_conn->write(line + "\r\n");
        m_conn->flush();
    }
    void setAutoGreet(bool on) { m_autoGreet = on; }
    QLocalSocket *connection() const { return m_conn; }
    const QList<QJsonObject> &received() const { return m_received; }
    // Answers every command received so far and not answered yet.
    void answerAll(const QByteArray &result = "{}")
    {
        for (; m_answered < m_received.size(); ++m_answered) {
            const QJsonObject &c = m_received.at(m_answered);
            QJsonObject r{{QStringLiteral("return"), QJsonDocument::fromJson("{\"v\":" + result + "}").object().value(QLatin1String("v"))}};
            if (c.contains(QLatin1String("id")))
                r.insert(QStringLiteral("id"), c.value(QLatin1String("id")));
            send(QJsonDocument(r).toJson(QJsonDocument::Compact));
        }
    }

private:
    QLocalServer m_server;
    QLocalSocket *m_conn = nullptr;
    QByteArray m_in;
    QList<QJsonObject> m_received;
    int m_answered = 0;
    bool m_listening = false;
    bool m_autoGreet = true;
};

struct Answer
{
    std::optional<QString> error;
    QJsonValue result;
};

} // namespace

class TestQmpClient : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    // A client that reached ready() against `fake`.
    bool negotiate(QmpClient &client, FakeQmp &fake, const QString &socket)
    {
        QSignalSpy ready(&client, &QmpClient::ready);
        client.open(socket, 3000);
        if (!QTest::qWaitFor([&] { return !fake.received().isEmpty(); }, 3000))
            return false;
        if (fake.received().first().value(QLatin1String("execute")).toString() != QLatin1String("qmp_capabilities"))
            return false;
        fake.answerAll();
        return ready.wait(3000) || ready.size() == 1;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void parseMessage_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qmp::Message::Kind>("kind");
        QTest::addColumn<QString>("detail");   // id / error class / event name / error text

        // Lines as QEMU 7.2 sends them (captured with socat).
        QTest::newRow("greeting") << QByteArray(R"({"QMP": {"version": {"qemu": {"micro": 22, "minor": 2, "major": 7}, "package": "Debian 1:7.2+dfsg-7+deb12u18+b3"}, "capabilities": ["oob"]}})")
                                  << true << qmp::Message::Kind::Greeting << QString();
        QTest::newRow("return with id") << QByteArray(R"({"return": {"status": "running", "singlestep": false, "running": true}, "id": 1})")
                                        << true << qmp::Message::Kind::Return << QStringLiteral("1");
        QTest::newRow("error") << QByteArray(R"({"id": 7, "error": {"class": "CommandNotFound", "desc": "The command foo has not been found"}})")
                               << true << qmp::Message::Kind::Error << QStringLiteral("CommandNotFound");
        QTest::newRow("event") << QByteArray(R"({"timestamp": {"seconds": 1795323362, "microseconds": 717731}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}})")
                               << true << qmp::Message::Kind::Event << QStringLiteral("SHUTDOWN");
        QTest::newRow("not json") << QByteArray("{\"return\": ") << false << qmp::Message::Kind::Return << QStringLiteral("invalid JSON");
        QTest::newRow("array") << QByteArray("[1, 2]") << false << qmp::Message::Kind::Return << QStringLiteral("not a JSON object");
        QTest::newRow("unknown object") << QByteArray(R"({"hello": 1})") << false << qmp::Message::Kind::Return << QStringLiteral("neither");
        QTest::newRow("error not an object") << QByteArray(R"({"error": "bad", "id": 1})") << false << qmp::Message::Kind::Return << QStringLiteral("not an object");
        QTest::newRow("greeting not an object") << QByteArray(R"({"QMP": 3})") << false << qmp::Message::Kind::Return << QStringLiteral("greeting");
        QTest::newRow("event name not a string") << QByteArray(R"({"event": 5})") << false << qmp::Message::Kind::Return << QStringLiteral("neither");
    }

    void parseMessage()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, ok);
        QFETCH(qmp::Message::Kind, kind);
        QFETCH(QString, detail);
        qmp::Message m;
        QString error;
        QCOMPARE(qmp::parseMessage(line, &m, &error), ok);
        if (!ok) {
            QVERIFY2(error.contains(detail), qPrintable(error));
            return;
        }
        QCOMPARE(m.kind, kind);
        switch (kind) {
        case qmp::Message::Kind::Greeting:
            QCOMPARE(m.data.value(QLatin1String("capabilities")).toArray().first().toString(), QStringLiteral("oob"));
            break;
        case qmp::Message::Kind::Return:
            QCOMPARE(QString::number(m.id.toInt()), detail);
            QCOMPARE(m.result.toObject().value(QLatin1String("status")).toString(), QStringLiteral("running"));
            break;
        case qmp::Message::Kind::Error:
            QCOMPARE(m.errorClass, detail);
            QCOMPARE(m.id.toInt(), 7);
            QVERIFY(m.errorDesc.contains(QLatin1String("foo")));
            break;
        case qmp::Message::Kind::Event:
            QCOMPARE(m.event, detail);
            QCOMPARE(m.data.value(QLatin1String("reason")).toString(), QStringLiteral("host-qmp-quit"));
            break;
        }
    }

    void encodeCommand()
    {
        QCOMPARE(qmp::encodeCommand(QStringLiteral("query-status"), {}, 3), QByteArray(R"({"execute":"query-status","id":3})" "\r\n"));
        const QByteArray withArgs = qmp::encodeCommand(QStringLiteral("system_powerdown"), {{QStringLiteral("x"), 1}}, 4);
        QVERIFY(withArgs.endsWith("\r\n"));
        const QJsonObject o = QJsonDocument::fromJson(withArgs).object();
        QCOMPARE(o.value(QLatin1String("arguments")).toObject().value(QLatin1String("x")).toInt(), 1);
        QCOMPARE(o.value(QLatin1String("id")).toInt(), 4);
    }

    void negotiatesAndExecutes()
    {
        const QString socket = path("ok.sock");
        FakeQmp fake(socket);
        QVERIFY(fake.listening());
        QmpClient client;
        QVERIFY(negotiate(client, fake, socket));
        QVERIFY(client.isReady());
        QCOMPARE(client.greeting().value(QLatin1String("version")).toObject().value(QLatin1String("qemu")).toObject().value(QLatin1String("major")).toInt(), 7);

        // Two commands in flight; answers matched by id even out of order; an error answer.
        std::optional<Answer> first, second;
        client.execute(QStringLiteral("query-status"), {}, 3000, [&](const QString &e, const QJsonValue &r) { first = Answer{e, r}; });
        client.execute(QStringLiteral("bogus"), {}, 3000, [&](const QString &e, const QJsonValue &r) { second = Answer{e, r}; });
        QTRY_COMPARE(fake.received().size(), 3);
        const int id1 = fake.received().at(1).value(QLatin1String("id")).toInt();
        const int id2 = fake.received().at(2).value(QLatin1String("id")).toInt();
        QVERIFY(id1 != id2);
        fake.send(QStringLiteral(R"({"error": {"class": "CommandNotFound", "desc": "The command bogus has not been found"}, "id": %1})").arg(id2).toUtf8());
        fake.send(QStringLiteral(R"({"timestamp": {"seconds": 1, "microseconds": 2}, "event": "RESET", "data": {"guest": true, "reason": "guest-reset"}})").toUtf8());
        fake.send(QStringLiteral(R"({"return": {"status": "paused", "running": false}, "id": %1})").arg(id1).toUtf8());
        QSignalSpy events(&client, &QmpClient::event);
        QTRY_VERIFY(first && second);
        QCOMPARE(*first->error, QString());
        QCOMPARE(first->result.toObject().value(QLatin1String("status")).toString(), QStringLiteral("paused"));
        QVERIFY2(second->error->contains(QLatin1String("bogus has not been found")), qPrintable(*second->error));
        QVERIFY2(second->error->contains(QLatin1String("CommandNotFound")), qPrintable(*second->error));
        QTRY_COMPARE(events.size(), 1);
        QCOMPARE(events.first().at(0).toString(), QStringLiteral("RESET"));
        QCOMPARE(events.first().at(1).toJsonObject().value(QLatin1String("reason")).toString(), QStringLiteral("guest-reset"));
    }

    void commandTimesOut()
    {
        const QString socket = path("slow.sock");
        FakeQmp fake(socket);
        QmpClient client;
        QVERIFY(negotiate(client, fake, socket));
        std::optional<Answer> a;
        client.execute(QStringLiteral("query-status"), {}, 300, [&](const QString &e, const QJsonValue &r) { a = Answer{e, r}; });
        QTRY_VERIFY_WITH_TIMEOUT(a.has_value(), 3000);
        QVERIFY2(a->error->contains(QLatin1String("no answer")), qPrintable(*a->error));
        QVERIFY(client.isReady());   // one lost answer does not end the connection
    }

    void closedConnectionFailsPending()
    {
        const QString socket = path("close.sock");
        FakeQmp fake(socket);
        QmpClient client;
        QVERIFY(negotiate(client, fake, socket));
        QSignalSpy closed(&client, &QmpClient::closed);
        std::optional<Answer> a;
        client.execute(QStringLiteral("quit"), {}, 5000, [&](const QString &e, const QJsonValue &r) { a = Answer{e, r}; });
        QTRY_COMPARE(fake.received().size(), 2);
        fake.connection()->disconnectFromServer();
        QTRY_VERIFY(a.has_value());
        QCOMPARE(*a->error, QStringLiteral("connection closed"));
        QTRY_COMPARE(closed.size(), 1);
        QVERIFY(!client.isReady());
        // Commands after the end fail at once.
        std::optional<Answer> b;
        client.execute(QStringLiteral("query-status"), {}, 1000, [&](const QString &e, const QJsonValue &r) { b = Answer{e, r}; });
        QVERIFY(b && !b->error->isEmpty());
    }

    void handshakeFailures_data()
    {
        QTest::addColumn<QByteArray>("first");     // what the server sends first (empty: nothing)
        QTest::addColumn<QString>("error");
        QTest::newRow("silent server") << QByteArray() << QStringLiteral("no QMP greeting");
        QTest::newRow("garbage") << QByteArray("HTTP/1.1 400 Bad Request") << QStringLiteral("QMP protocol error");
        QTest::newRow("answer before greeting") << QByteArray(R"({"return": {}, "id": 1})") << QStringLiteral("before the greeting");
        QTest::newRow("endless line") << QByteArray(QmpClient::MaxLineBytes + 10, 'x') << QStringLiteral("longer than");
    }

    void handshakeFailures()
    {
        QFETCH(QByteArray, first);
        QFETCH(QString, error);
        const QString socket = path("bad.sock");
        FakeQmp fake(socket);
        fake.setAutoGreet(false);
        QmpClient client;
        QSignalSpy failed(&client, &QmpClient::failed);
        QSignalSpy ready(&client, &QmpClient::ready);
        client.open(socket, 500);
        QTRY_VERIFY(fake.connection());
        if (!first.isEmpty())
            fake.send(first);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QVERIFY2(failed.first().at(0).toString().contains(error), qPrintable(failed.first().at(0).toString()));
        QCOMPARE(ready.size(), 0);
        QVERIFY(!client.isOpen());
    }

    void noServer()
    {
        QmpClient client;
        QSignalSpy failed(&client, &QmpClient::failed);
        client.open(path("missing.sock"), 500);
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(!client.isReady());
    }
};

QTEST_GUILESS_MAIN(TestQmpClient)
#include "tst_qmpclient.moc"
