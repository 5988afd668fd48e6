// MikrotikDriver against a fake RouterOS v7 REST API (/rest, HTTP Basic, string values).
#include "poe/mikrotikdriver.h"
#include "poe/poeswitch.h"
#include "poetestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <optional>

namespace {

class FakeRouterOs
{
public:
    FakeRouterOs()
    {
        for (int i = 2; i <= 5; ++i)
            m_mode.insert(QStringLiteral("ether%1").arg(i), QStringLiteral("auto-on"));
        m_server.setFilter([this](HttpRequest &r) -> std::optional<HttpResponse> {
            ++requests;
            if (r.header("authorization") != "Basic " + QByteArray("admin:pa55").toBase64())
                return HttpResponse::json(QJsonObject{{QStringLiteral("error"), 401}, {QStringLiteral("message"), QStringLiteral("Unauthorized")}}, 401);
            return std::nullopt;
        });
        m_server.route(HttpServer::Get, QStringLiteral("/rest/interface/ethernet/poe"), [this](HttpRequest &) {
            QJsonArray out;
            for (auto it = m_mode.cbegin(); it != m_mode.cend(); ++it)
                out.append(QJsonObject{{QStringLiteral(".id"), QStringLiteral("*%1").arg(it.key().mid(5))},
                                       {QStringLiteral("name"), it.key()},
                                       {QStringLiteral("poe-out"), it.value()},
                                       {QStringLiteral("poe-priority"), QStringLiteral("10")}});
            return HttpResponse::json(out);
        });
        m_server.route(HttpServer::Post, QStringLiteral("/rest/interface/ethernet/poe/monitor"), [this](HttpRequest &r) {
            const QJsonObject body = QJsonDocument::fromJson(r.body()).object();
            if (!body.contains(QStringLiteral("once")))
                return bad(QStringLiteral("monitor without once would stream"));
            QJsonArray out;
            for (const QString &name : body.value(QStringLiteral("numbers")).toString().split(QLatin1Char(','))) {
                if (!m_mode.contains(name))
                    return bad(QStringLiteral("no such item (%1)").arg(name));
                const bool on = m_mode.value(name) != QLatin1String("off");
                const bool pd = name != QLatin1String("ether5");
                out.append(QJsonObject{{QStringLiteral("name"), name},
                                       {QStringLiteral("poe-out"), m_mode.value(name)},
                                       {QStringLiteral("poe-out-status"), !on ? QStringLiteral("disabled")
                                                                              : (pd ? QStringLiteral("powered-on") : QStringLiteral("waiting-for-load"))},
                                       {QStringLiteral("poe-out-voltage"), QStringLiteral("24.1")},
                                       {QStringLiteral("poe-out-current"), on && pd ? QStringLiteral("195") : QStringLiteral("0")},
                                       {QStringLiteral("poe-out-power"), on && pd ? QStringLiteral("4.7") : QStringLiteral("0")}});
            }
            return HttpResponse::json(out);
        });
        m_server.route(HttpServer::Patch, QStringLiteral("/rest/interface/ethernet/poe/{id}"), [this](HttpRequest &r) {
            const QString name = QStringLiteral("ether") + r.param(QStringLiteral("id")).mid(1);
            if (!r.param(QStringLiteral("id")).startsWith(QLatin1Char('*')) || !m_mode.contains(name))
                return HttpResponse::json(QJsonObject{{QStringLiteral("error"), 404}, {QStringLiteral("message"), QStringLiteral("Not Found")},
                                                      {QStringLiteral("detail"), QStringLiteral("no such item")}}, 404);
            const QString mode = QJsonDocument::fromJson(r.body()).object().value(QStringLiteral("poe-out")).toString();
            if (mode != QLatin1String("off") && mode != QLatin1String("auto-on") && mode != QLatin1String("forced-on"))
                return bad(QStringLiteral("value of poe-out must be one of auto-on, forced-on, off"));
            m_mode.insert(name, mode);
            ++patches;
            return HttpResponse::json(QJsonObject{{QStringLiteral(".id"), r.param(QStringLiteral("id"))}, {QStringLiteral("poe-out"), mode}});
        });
        m_server.route(HttpServer::Post, QStringLiteral("/rest/interface/ethernet/poe/power-cycle"), [this](HttpRequest &r) {
            lastCycle = QJsonDocument::fromJson(r.body()).object();
            const QString name = lastCycle.value(QStringLiteral("numbers")).toString();
            if (m_mode.value(name) == QLatin1String("off"))
                return bad(QStringLiteral("poe-out is off"));
            ++cycles;
            return HttpResponse::json(QJsonArray());
        });
        m_server.route(HttpServer::Get, QStringLiteral("/rest/interface/bridge/host"), [](HttpRequest &) {
            return HttpResponse::json(QJsonArray{
                QJsonObject{{QStringLiteral("mac-address"), QStringLiteral("DC:A6:32:00:00:02")}, {QStringLiteral("on-interface"), QStringLiteral("ether2")},
                            {QStringLiteral("local"), QStringLiteral("false")}},
                QJsonObject{{QStringLiteral("mac-address"), QStringLiteral("48:8F:5A:00:00:01")}, {QStringLiteral("on-interface"), QStringLiteral("bridge")},
                            {QStringLiteral("local"), QStringLiteral("true")}},
                QJsonObject{{QStringLiteral("mac-address"), QStringLiteral("DC:A6:32:00:00:03")}, {QStringLiteral("on-interface"), QStringLiteral("ether3")},
                            {QStringLiteral("local"), QStringLiteral("false")}}});
        });
    }
    quint16 listen(const poetest::SelfSignedCert *tls = nullptr) { return poetest::listen(m_server, tls); }
    QString mode(const QString &port) const { return m_mode.value(port); }

    int requests = 0;
    int patches = 0;
    int cycles = 0;
    QJsonObject lastCycle;

private:
    static HttpResponse bad(const QString &detail)
    {
        return HttpResponse::json(QJsonObject{{QStringLiteral("error"), 400}, {QStringLiteral("message"), QStringLiteral("Bad Request")},
                                              {QStringLiteral("detail"), detail}}, 400);
    }
    HttpServer m_server;
    QMap<QString, QString> m_mode;
};

SwitchConfig routerOs(quint16 port, const QString &password = QStringLiteral("pa55"), bool tls = false,
                      const QMap<QString, QString> &options = {})
{
    SwitchConfig s;
    s.id = QStringLiteral("crs");
    s.driver = QStringLiteral("mikrotik");
    s.address = QStringLiteral("%1://127.0.0.1:%2").arg(tls ? QStringLiteral("https") : QStringLiteral("http")).arg(port);
    s.username = QStringLiteral("admin");
    s.password = password;
    s.options = options;
    return s;
}

struct Read
{
    std::optional<poe::Error> error;
    poe::PortReadout readout;
};

Read readPorts(PoeDriver &d)
{
    Read r;
    d.readPorts([&r](const poe::Error &e, const poe::PortReadout &out) {
        r.error = e;
        r.readout = out;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(r.error.has_value(), 10000); }();
    return r;
}

poe::Error wait(const std::function<void(PoeDriver::DoneCallback)> &call)
{
    std::optional<poe::Error> result;
    call([&result](const poe::Error &e) { result = e; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000); }();
    return result.value_or(poe::Error::make(poe::Error::Kind::Timeout, QStringLiteral("test timeout")));
}

} // namespace

class TestPoeMikrotikDriver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detectionFromStatus_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("detection");
        QTest::newRow("powered-on") << "powered-on" << int(poe::Detection::Delivering);
        QTest::newRow("waiting") << "waiting-for-load" << int(poe::Detection::Searching);
        QTest::newRow("disabled") << "disabled" << int(poe::Detection::Disabled);
        QTest::newRow("short") << "short-circuit" << int(poe::Detection::Fault);
        QTest::newRow("overload") << "overload" << int(poe::Detection::Fault);
        QTest::newRow("garbage") << "\u0000?" << int(poe::Detection::Unknown);
    }
    void detectionFromStatus()
    {
        QFETCH(QString, status);
        QFETCH(int, detection);
        QCOMPARE(int(MikrotikDriver::detectionFromStatus(status)), detection);
    }

    void readsSwitchesAndCycles()
    {
        FakeRouterOs fake;
        const quint16 port = fake.listen();
        MikrotikDriver d(routerOs(port), QString(), 3000);
        Read r = readPorts(d);
        QVERIFY2(!r.error->isError(), qPrintable(r.error->message));
        QCOMPARE(r.readout.ports.size(), 4);
        QCOMPARE(r.readout.ports.at(0).port, QStringLiteral("ether2"));
        QCOMPARE(r.readout.ports.at(0).watts, 4.7);
        QCOMPARE(r.readout.ports.at(0).detection, poe::Detection::Delivering);
        QCOMPARE(r.readout.ports.at(3).detection, poe::Detection::Searching);   // ether5, nothing plugged
        QCOMPARE(r.readout.totalWatts, 4.7 * 3);

        QVERIFY(!wait([&](auto cb) { d.setPortPower(QStringLiteral("ether3"), false, cb); }).isError());
        QCOMPARE(fake.mode(QStringLiteral("ether3")), QStringLiteral("off"));
        r = readPorts(d);
        QCOMPARE(r.readout.ports.at(1).adminOn, std::optional<bool>(false));
        QCOMPARE(r.readout.ports.at(1).watts, 0.0);
        QVERIFY(!wait([&](auto cb) { d.setPortPower(QStringLiteral("ether3"), true, cb); }).isError());
        QCOMPARE(fake.mode(QStringLiteral("ether3")), QStringLiteral("auto-on"));

        QVERIFY(!wait([&](auto cb) { d.powerCycle(QStringLiteral("ether2"), 7, cb); }).isError());
        QCOMPARE(fake.cycles, 1);
        QCOMPARE(fake.lastCycle.value(QStringLiteral("numbers")).toString(), QStringLiteral("ether2"));
        QCOMPARE(fake.lastCycle.value(QStringLiteral("duration")).toString(), QStringLiteral("7s"));
    }

    void forcedOnMode()
    {
        FakeRouterOs fake;
        MikrotikDriver d(routerOs(fake.listen(), QStringLiteral("pa55"), false, {{QStringLiteral("on_mode"), QStringLiteral("forced-on")}}),
                         QString(), 3000);
        QVERIFY(!wait([&](auto cb) { d.setPortPower(QStringLiteral("ether4"), true, cb); }).isError());
        QCOMPARE(fake.mode(QStringLiteral("ether4")), QStringLiteral("forced-on"));
    }

    void errorsAreClear()
    {
        FakeRouterOs fake;
        const quint16 port = fake.listen();
        MikrotikDriver wrong(routerOs(port, QStringLiteral("nope")), QString(), 3000);
        const Read r = readPorts(wrong);
        QCOMPARE(r.error->kind, poe::Error::Kind::Auth);
        QVERIFY(!r.error->message.contains(QLatin1String("nope")));

        MikrotikDriver d(routerOs(port), QString(), 3000);
        const poe::Error missing = wait([&](auto cb) { d.setPortPower(QStringLiteral("ether9"), false, cb); });
        QCOMPARE(missing.kind, poe::Error::Kind::Rejected);
        QVERIFY(missing.message.contains(QLatin1String("ether9")));
        QVERIFY(!wait([&](auto cb) { d.setPortPower(QStringLiteral("ether4"), false, cb); }).isError());
        const poe::Error refused = wait([&](auto cb) { d.powerCycle(QStringLiteral("ether4"), 5, cb); });
        QCOMPARE(refused.kind, poe::Error::Kind::Rejected);
        QVERIFY2(refused.message.contains(QLatin1String("poe-out is off")), qPrintable(refused.message));
        QCOMPARE(fake.patches, 1);
    }

    void learnsFromTheBridgeHostTable()
    {
        FakeRouterOs fake;
        MikrotikDriver d(routerOs(fake.listen()), QString(), 3000);
        std::optional<poe::Error> error;
        QList<poe::MacSighting> found;
        d.learnMacs([&](const poe::Error &e, const QList<poe::MacSighting> &s) {
            error = e;
            found = s;
        });
        QTRY_VERIFY(error.has_value());
        QVERIFY(!error->isError());
        QCOMPARE(found.size(), 2);   // local (the router's own) entries skipped
        QCOMPARE(found.at(0).mac.toString(), QStringLiteral("dc:a6:32:00:00:02"));
        QCOMPARE(found.at(0).port, QStringLiteral("ether2"));
    }

    void httpsWithCa()
    {
        QTemporaryDir dir;
        const auto cert = poetest::makeCertificate(dir.path());
        FakeRouterOs fake;
        const quint16 port = fake.listen(&cert);
        MikrotikDriver d(routerOs(port, QStringLiteral("pa55"), true, {{QStringLiteral("ca"), cert.certificateFile}}), QString(), 3000);
        const Read r = readPorts(d);
        QVERIFY2(!r.error->isError(), qPrintable(r.error->message));
        QCOMPARE(r.readout.ports.size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestPoeMikrotikDriver)
#include "tst_poemikrotikdriver.moc"
