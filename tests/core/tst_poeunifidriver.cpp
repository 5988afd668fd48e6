// UnifiDriver against a fake UniFi Network controller (classic and UniFi OS) implementing the
// documented request/response shapes: login + cookies, X-CSRF-Token, port_overrides
// read-modify-write, devmgr power-cycle, stat/sta, session expiry, error answers, TLS.
#include "poe/poeswitch.h"
#include "poe/unifidriver.h"
#include "poetestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <optional>

namespace {

const QString SwitchMac = QStringLiteral("f4:e2:c6:00:00:01");

class FakeUnifi
{
public:
    explicit FakeUnifi(bool unifiOs) : m_os(unifiOs)
    {
        QJsonArray table;
        for (int i = 1; i <= 8; ++i) {
            QJsonObject p{{QStringLiteral("port_idx"), i},
                          {QStringLiteral("name"), QStringLiteral("Port %1").arg(i)},
                          {QStringLiteral("port_poe"), i <= 6},
                          {QStringLiteral("portconf_id"), QStringLiteral("conf-all")}};
            if (i <= 6)
                p.insert(QStringLiteral("poe_mode"), QStringLiteral("auto"));
            if (i <= 4)
                p.insert(QStringLiteral("last_connection"), QJsonObject{{QStringLiteral("mac"), QStringLiteral("dc:a6:32:00:00:0%1").arg(i)}});
            table.append(p);
        }
        m_device = QJsonObject{{QStringLiteral("_id"), QStringLiteral("5d61b90be30dfa0ddd69c990")},
                               {QStringLiteral("mac"), SwitchMac},
                               {QStringLiteral("type"), QStringLiteral("usw")},
                               {QStringLiteral("port_table"), table},
                               // An unrelated override that must survive our writes.
                               {QStringLiteral("port_overrides"),
                                QJsonArray{QJsonObject{{QStringLiteral("port_idx"), 8},
                                                       {QStringLiteral("name"), QStringLiteral("uplink")},
                                                       {QStringLiteral("portconf_id"), QStringLiteral("conf-trunk")}}}}};
        refreshTable();
        const QString p = m_os ? QStringLiteral("/proxy/network") : QString();
        m_server.route(HttpServer::Get, QStringLiteral("/"), [this](HttpRequest &) {
            if (m_os)
                return HttpResponse::text(QStringLiteral("<html>UniFi OS</html>"), 200, "text/html");
            HttpResponse r(302);
            r.setHeader("Location", "/manage");
            return r;
        });
        m_server.route(HttpServer::Post, m_os ? QStringLiteral("/api/auth/login") : QStringLiteral("/api/login"),
                       [this](HttpRequest &r) { return login(r); });
        m_server.route(HttpServer::Get, p + QStringLiteral("/api/s/default/stat/device/{mac}"), [this](HttpRequest &r) {
            if (auto denied = check(r))
                return *denied;
            if (r.param(QStringLiteral("mac")) != SwitchMac)
                return ok(QJsonArray());
            return ok(QJsonArray{m_device});
        });
        m_server.route(HttpServer::Put, p + QStringLiteral("/api/s/default/rest/device/{id}"), [this](HttpRequest &r) {
            if (auto denied = check(r))
                return *denied;
            ++puts;
            if (failWrites)
                return error(400, QStringLiteral("api.err.InvalidPayload"));
            if (r.param(QStringLiteral("id")) != m_device.value(QStringLiteral("_id")).toString())
                return error(400, QStringLiteral("api.err.IdInvalid"));
            lastPut = QJsonDocument::fromJson(r.body()).object();
            m_device.insert(QStringLiteral("port_overrides"), lastPut.value(QStringLiteral("port_overrides")));
            refreshTable();
            return ok(QJsonArray{m_device});
        });
        m_server.route(HttpServer::Post, p + QStringLiteral("/api/s/default/cmd/devmgr"), [this](HttpRequest &r) {
            if (auto denied = check(r))
                return *denied;
            const QJsonObject body = QJsonDocument::fromJson(r.body()).object();
            lastCommand = body;
            const int idx = body.value(QStringLiteral("port_idx")).toInt();
            if (body.value(QStringLiteral("cmd")).toString() != QLatin1String("power-cycle")
                || body.value(QStringLiteral("mac")).toString() != SwitchMac)
                return error(400, QStringLiteral("api.err.InvalidTarget"));
            if (!delivering(idx))
                return error(400, QStringLiteral("api.err.PoeNotEnabled"));
            ++cycles;
            return ok(QJsonArray());
        });
        m_server.route(HttpServer::Get, p + QStringLiteral("/api/s/default/stat/sta"), [this](HttpRequest &r) {
            if (auto denied = check(r))
                return *denied;
            return ok(QJsonArray{
                QJsonObject{{QStringLiteral("mac"), QStringLiteral("dc:a6:32:00:00:05")},
                            {QStringLiteral("uplink_mac"), SwitchMac},
                            {QStringLiteral("sw_port"), 5}},
                QJsonObject{{QStringLiteral("mac"), QStringLiteral("dc:a6:32:00:00:09")},
                            {QStringLiteral("last_uplink_mac"), QStringLiteral("aa:bb:cc:dd:ee:ff")},   // another switch
                            {QStringLiteral("sw_port"), 3}}});
        });
    }

    quint16 listen(const poetest::SelfSignedCert *tls = nullptr) { return poetest::listen(m_server, tls); }
    void expireSessions() { m_sessions.clear(); }
    QString portMode(int idx) const
    {
        for (const auto &v : m_device.value(QStringLiteral("port_overrides")).toArray())
            if (v.toObject().value(QStringLiteral("port_idx")).toInt() == idx)
                return v.toObject().value(QStringLiteral("poe_mode")).toString(QStringLiteral("auto"));
        return QStringLiteral("auto");
    }
    QJsonArray overrides() const { return m_device.value(QStringLiteral("port_overrides")).toArray(); }

    int logins = 0;
    int failedLogins = 0;
    int puts = 0;
    int cycles = 0;
    int csrfRejected = 0;
    bool failWrites = false;
    QJsonObject lastPut;
    QJsonObject lastCommand;

private:
    static HttpResponse ok(const QJsonArray &data)
    {
        return HttpResponse::json(QJsonObject{{QStringLiteral("meta"), QJsonObject{{QStringLiteral("rc"), QStringLiteral("ok")}}},
                                              {QStringLiteral("data"), data}});
    }
    static HttpResponse error(int status, const QString &msg)
    {
        return HttpResponse::json(QJsonObject{{QStringLiteral("meta"), QJsonObject{{QStringLiteral("rc"), QStringLiteral("error")},
                                                                                  {QStringLiteral("msg"), msg}}},
                                              {QStringLiteral("data"), QJsonArray()}},
                                  status);
    }
    HttpResponse login(HttpRequest &r)
    {
        const QJsonObject body = QJsonDocument::fromJson(r.body()).object();
        if (body.value(QStringLiteral("username")).toString() != QLatin1String("admin")
            || body.value(QStringLiteral("password")).toString() != QLatin1String("s3cret!")) {
            ++failedLogins;
            return m_os ? HttpResponse::json(QJsonObject{{QStringLiteral("errors"), QJsonArray{QStringLiteral("Invalid credentials")}}}, 401)
                        : error(400, QStringLiteral("api.err.Invalid"));
        }
        ++logins;
        const QByteArray session = "sess" + QByteArray::number(logins);
        m_sessions.insert(session);
        m_csrf = "csrf" + QByteArray::number(logins);
        HttpResponse resp = m_os ? HttpResponse::json(QJsonObject{{QStringLiteral("username"), QStringLiteral("admin")}})
                                 : ok(QJsonArray());
        if (m_os) {
            resp.addHeader("Set-Cookie", "TOKEN=" + session + "; Path=/; HttpOnly");
            resp.addHeader("X-CSRF-Token", m_csrf);
        } else {
            resp.addHeader("Set-Cookie", "unifises=" + session + "; Path=/; HttpOnly");
            resp.addHeader("Set-Cookie", "csrf_token=" + m_csrf + "; Path=/");
        }
        return resp;
    }
    std::optional<HttpResponse> check(HttpRequest &r)
    {
        const QByteArray session = poetest::cookieValue(r, m_os ? "TOKEN" : "unifises");
        if (session.isEmpty() || !m_sessions.contains(session))
            return m_os ? HttpResponse::json(QJsonObject{{QStringLiteral("message"), QStringLiteral("Unauthorized")}}, 401)
                        : error(401, QStringLiteral("api.err.LoginRequired"));
        if (m_os && r.method() != "GET" && r.header("x-csrf-token") != m_csrf) {
            ++csrfRejected;
            return HttpResponse::json(QJsonObject{{QStringLiteral("message"), QStringLiteral("Forbidden")}}, 403);
        }
        return std::nullopt;
    }
    bool delivering(int idx) const
    {
        for (const auto &v : m_device.value(QStringLiteral("port_table")).toArray())
            if (v.toObject().value(QStringLiteral("port_idx")).toInt() == idx)
                return v.toObject().value(QStringLiteral("poe_good")).toBool();
        return false;
    }
    void refreshTable()
    {
        QJsonArray table = m_device.value(QStringLiteral("port_table")).toArray();
        for (int i = 0; i < table.size(); ++i) {
            QJsonObject p = table.at(i).toObject();
            const int idx = p.value(QStringLiteral("port_idx")).toInt();
            if (!p.value(QStringLiteral("port_poe")).toBool())
                continue;
            const bool on = portMode(idx) != QLatin1String("off");
            const bool pd = idx <= 5;   // a Pi on ports 1..5, port 6 empty
            p.insert(QStringLiteral("poe_mode"), portMode(idx));
            p.insert(QStringLiteral("poe_enable"), on);
            p.insert(QStringLiteral("poe_good"), on && pd);
            p.insert(QStringLiteral("poe_class"), on && pd ? QStringLiteral("Class 4") : QString());
            p.insert(QStringLiteral("poe_power"), on && pd ? QString::number(4.2 + idx * 0.17, 'f', 2) : QStringLiteral("0.00"));
            table.replace(i, p);
        }
        m_device.insert(QStringLiteral("port_table"), table);
    }

    bool m_os;
    HttpServer m_server;
    QJsonObject m_device;
    QSet<QByteArray> m_sessions;
    QByteArray m_csrf;
};

SwitchConfig unifiSwitch(quint16 port, bool tls, const QMap<QString, QString> &extra = {},
                         const QString &password = QStringLiteral("s3cret!"))
{
    SwitchConfig s;
    s.id = QStringLiteral("usw");
    s.driver = QStringLiteral("unifi");
    s.address = QStringLiteral("%1://127.0.0.1:%2").arg(tls ? QStringLiteral("https") : QStringLiteral("http")).arg(port);
    s.username = QStringLiteral("admin");
    s.password = password;
    s.options = extra;
    s.options.insert(QStringLiteral("device"), SwitchMac.toUpper());
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

const poe::PortStatus *find(const poe::PortReadout &r, const QString &port)
{
    for (const auto &p : r.ports)
        if (p.port == port)
            return &p;
    return nullptr;
}

} // namespace

class TestPoeUnifiDriver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsePortTable()
    {
        const QJsonArray table{
            QJsonObject{{QStringLiteral("port_idx"), 1}, {QStringLiteral("port_poe"), true}, {QStringLiteral("poe_mode"), QStringLiteral("auto")},
                        {QStringLiteral("poe_enable"), true}, {QStringLiteral("poe_good"), true}, {QStringLiteral("poe_class"), QStringLiteral("Class 4")},
                        {QStringLiteral("poe_power"), QStringLiteral("2.56")}},
            QJsonObject{{QStringLiteral("port_idx"), 2}, {QStringLiteral("port_poe"), true}, {QStringLiteral("poe_mode"), QStringLiteral("off")},
                        {QStringLiteral("poe_enable"), true}, {QStringLiteral("poe_good"), true}, {QStringLiteral("poe_power"), 3.1}},
            QJsonObject{{QStringLiteral("port_idx"), 3}, {QStringLiteral("port_poe"), true}, {QStringLiteral("poe_mode"), QStringLiteral("auto")},
                        {QStringLiteral("poe_enable"), false}, {QStringLiteral("poe_good"), false}},
            QJsonObject{{QStringLiteral("port_idx"), 9}, {QStringLiteral("port_poe"), false}},
            QJsonObject{{QStringLiteral("port_idx"), QStringLiteral("x")}, {QStringLiteral("poe_mode"), QStringLiteral("auto")}}};
        const auto ports = UnifiDriver::parsePortTable(table);
        QCOMPARE(ports.size(), 3);
        QCOMPARE(ports.at(0).watts, 2.56);
        QCOMPARE(ports.at(0).powerClass, 4);
        QCOMPARE(poe::derivePowerState(ports.at(0)), PowerState::On);
        QCOMPARE(poe::derivePowerState(ports.at(1)), PowerState::PoweringOff);   // mode off, still delivering
        QCOMPARE(ports.at(1).watts, 3.1);
        QCOMPARE(poe::derivePowerState(ports.at(2)), PowerState::Off);
    }

    void withPoeModeKeepsOtherOverrides()
    {
        const QJsonArray table{QJsonObject{{QStringLiteral("port_idx"), 3}, {QStringLiteral("portconf_id"), QStringLiteral("c1")}}};
        const QJsonArray existing{QJsonObject{{QStringLiteral("port_idx"), 8}, {QStringLiteral("name"), QStringLiteral("uplink")}},
                                  QJsonObject{{QStringLiteral("port_idx"), 2}, {QStringLiteral("poe_mode"), QStringLiteral("auto")},
                                              {QStringLiteral("name"), QStringLiteral("pi")}}};
        const QJsonArray changed = UnifiDriver::withPoeMode(existing, table, 2, QStringLiteral("off"));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).toObject(), existing.at(0).toObject());
        QCOMPARE(changed.at(1).toObject().value(QStringLiteral("poe_mode")).toString(), QStringLiteral("off"));
        QCOMPARE(changed.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("pi"));
        const QJsonArray added = UnifiDriver::withPoeMode(existing, table, 3, QStringLiteral("off"));
        QCOMPARE(added.size(), 3);
        QCOMPARE(added.at(2).toObject().value(QStringLiteral("portconf_id")).toString(), QStringLiteral("c1"));
    }

    void classicController()
    {
        FakeUnifi fake(false);
        const quint16 port = fake.listen();
        QVERIFY(port);
        UnifiDriver d(unifiSwitch(port, false), QString(), 3000);
        Read r = readPorts(d);
        QVERIFY2(!r.error->isError(), qPrintable(r.error->message));
        QCOMPARE(r.readout.ports.size(), 6);   // PoE ports only
        QCOMPARE(find(r.readout, QStringLiteral("2"))->watts, 4.54);
        QCOMPARE(find(r.readout, QStringLiteral("6"))->detection, poe::Detection::Searching);
        QCOMPARE(fake.logins, 1);

        QVERIFY(!wait([&](auto cb) { d.setPortPower(QStringLiteral("3"), false, cb); }).isError());
        QCOMPARE(fake.portMode(3), QStringLiteral("off"));
        // Read-modify-write: the uplink override survives, the new entry has portconf_id.
        const QJsonArray ov = fake.overrides();
        QCOMPARE(ov.size(), 2);
        QCOMPARE(ov.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("uplink"));
        QCOMPARE(ov.at(1).toObject().value(QStringLiteral("portconf_id")).toString(), QStringLiteral("conf-all"));
        r = readPorts(d);
        QCOMPARE(find(r.readout, QStringLiteral("3"))->adminOn, std::optional<bool>(false));
        QCOMPARE(find(r.readout, QStringLiteral("3"))->watts, 0.0);
        QVERIFY(!wait([&](auto cb) { d.setPortPower(QStringLiteral("3"), true, cb); }).isError());
        QCOMPARE(fake.portMode(3), QStringLiteral("auto"));
        QCOMPARE(fake.overrides().size(), 2);   // updated in place, not appended again
        QCOMPARE(fake.logins, 1);                // one session for everything
    }

    void unifiOsSendsCsrfAndUsesTheProxyPrefix()
    {
        FakeUnifi fake(true);
        const quint16 port = fake.listen();
        UnifiDriver d(unifiSwitch(port, false), QString(), 3000);
        QVERIFY(!readPorts(d).error->isError());
        QVERIFY(!wait([&](auto cb) { d.setPortPower(QStringLiteral("1"), false, cb); }).isError());
        QCOMPARE(fake.csrfRejected, 0);
        QCOMPARE(fake.portMode(1), QStringLiteral("off"));
    }

    void sessionExpiryLogsInAgain()
    {
        for (const bool os : {false, true}) {
            FakeUnifi fake(os);
            const quint16 port = fake.listen();
            UnifiDriver d(unifiSwitch(port, false), QString(), 3000);
            QVERIFY(!readPorts(d).error->isError());
            fake.expireSessions();
            const Read r = readPorts(d);
            QVERIFY2(!r.error->isError(), qPrintable(r.error->message));
            QCOMPARE(fake.logins, 2);
            fake.expireSessions();
            QVERIFY(!wait([&](auto cb) { d.setPortPower(QStringLiteral("2"), false, cb); }).isError());
            QCOMPARE(fake.logins, 3);
            QCOMPARE(fake.portMode(2), QStringLiteral("off"));
        }
    }

    void wrongPasswordIsAnAuthError()
    {
        for (const bool os : {false, true}) {
            FakeUnifi fake(os);
            UnifiDriver d(unifiSwitch(fake.listen(), false, {}, QStringLiteral("hunter2")), QString(), 3000);
            const Read r = readPorts(d);
            QCOMPARE(r.error->kind, poe::Error::Kind::Auth);
            QVERIFY(!r.error->message.contains(QLatin1String("hunter2")));
            QCOMPARE(fake.failedLogins, 1);
        }
    }

    void errorAnswersAreRejections()
    {
        FakeUnifi fake(false);
        UnifiDriver d(unifiSwitch(fake.listen(), false), QString(), 3000);
        fake.failWrites = true;
        const poe::Error e = wait([&](auto cb) { d.setPortPower(QStringLiteral("4"), false, cb); });
        QCOMPARE(e.kind, poe::Error::Kind::Rejected);
        QVERIFY2(e.message.contains(QLatin1String("api.err.InvalidPayload")), qPrintable(e.message));
        fake.failWrites = false;
        const poe::Error noPoe = wait([&](auto cb) { d.setPortPower(QStringLiteral("7"), false, cb); });
        QCOMPARE(noPoe.kind, poe::Error::Kind::Rejected);
        QVERIFY(noPoe.message.contains(QLatin1String("no PoE")));
        QCOMPARE(fake.puts, 1);
    }

    void unknownDeviceIsReported()
    {
        FakeUnifi fake(false);
        SwitchConfig s = unifiSwitch(fake.listen(), false);
        s.options.insert(QStringLiteral("device"), QStringLiteral("00:11:22:33:44:55"));
        UnifiDriver d(s, QString(), 3000);
        const Read r = readPorts(d);
        QCOMPARE(r.error->kind, poe::Error::Kind::Rejected);
        QVERIFY(r.error->message.contains(QLatin1String("00:11:22:33:44:55")));
    }

    void nativePowerCycle()
    {
        FakeUnifi fake(true);
        SwitchConfig s = unifiSwitch(fake.listen(), false);
        auto *driver = new UnifiDriver(s, QString(), 3000);
        poe::CommonOptions common;
        PoeSwitch sw(s, driver, common);
        std::optional<poe::Error> done;
        sw.refresh([&done](const poe::Error &e) { done = e; });
        QTRY_VERIFY(done.has_value());
        std::optional<poe::Error> result;
        PoeSwitch::CycleReport report;
        sw.cycle(QStringLiteral("2"), 0, [&](const poe::Error &e, const PoeSwitch::CycleReport &r) {
            result = e;
            report = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY2(!result->isError(), qPrintable(result->message));
        QVERIFY(report.native);
        QCOMPARE(report.returned, std::optional<bool>(true));
        QCOMPARE(fake.cycles, 1);
        QCOMPARE(fake.lastCommand.value(QStringLiteral("mac")).toString(), SwitchMac);   // lower-case
        QCOMPARE(fake.lastCommand.value(QStringLiteral("port_idx")).toInt(), 2);
        QCOMPARE(fake.csrfRejected, 0);

        // A port that is off has no power to cycle: the cycle turns it on instead.
        result.reset();
        std::optional<poe::Error> off;
        sw.setPower(QStringLiteral("4"), false, [&off](const poe::Error &e) { off = e; });
        QTRY_VERIFY(off.has_value());
        sw.cycle(QStringLiteral("4"), 0, [&](const poe::Error &e, const PoeSwitch::CycleReport &r) {
            result = e;
            report = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY(!result->isError());
        QCOMPARE(fake.cycles, 1);
        QCOMPARE(fake.portMode(4), QStringLiteral("auto"));
    }

    void learnsMacsFromPortTableAndClients()
    {
        FakeUnifi fake(false);
        UnifiDriver d(unifiSwitch(fake.listen(), false), QString(), 3000);
        std::optional<poe::Error> error;
        QList<poe::MacSighting> found;
        d.learnMacs([&](const poe::Error &e, const QList<poe::MacSighting> &s) {
            error = e;
            found = s;
        });
        QTRY_VERIFY(error.has_value());
        QVERIFY2(!error->isError(), qPrintable(error->message));
        QHash<QString, QString> byMac;
        for (const auto &s : found)
            byMac.insert(s.mac.toString(), s.port);
        QCOMPARE(byMac.size(), 5);   // last_connection on 1..4, plus the client on port 5
        QCOMPARE(byMac.value(QStringLiteral("dc:a6:32:00:00:03")), QStringLiteral("3"));
        QCOMPARE(byMac.value(QStringLiteral("dc:a6:32:00:00:05")), QStringLiteral("5"));
        QVERIFY(!byMac.contains(QStringLiteral("dc:a6:32:00:00:09")));   // behind another switch
    }

    void tlsWithTheControllersCertificate()
    {
        QTemporaryDir dir;
        const poetest::SelfSignedCert cert = poetest::makeCertificate(dir.path());
        QVERIFY(!cert.certificate.isNull());
        FakeUnifi fake(true);
        const quint16 port = fake.listen(&cert);
        QVERIFY(port);

        // Trusted through options.ca.
        UnifiDriver trusted(unifiSwitch(port, true, {{QStringLiteral("ca"), cert.certificateFile}}), QString(), 3000);
        Read r = readPorts(trusted);
        QVERIFY2(!r.error->isError(), qPrintable(r.error->message));

        // Unknown certificate: a clear TLS error, nothing sent.
        const int loginsBefore = fake.logins;
        UnifiDriver strict(unifiSwitch(port, true), QString(), 3000);
        r = readPorts(strict);
        QCOMPARE(r.error->kind, poe::Error::Kind::Unreachable);
        QVERIFY2(r.error->message.contains(QLatin1String("TLS")), qPrintable(r.error->message));
        QCOMPARE(fake.logins, loginsBefore);

        // Explicitly unverified.
        UnifiDriver lax(unifiSwitch(port, true, {{QStringLiteral("verify_tls"), QStringLiteral("false")}}), QString(), 3000);
        QVERIFY(!readPorts(lax).error->isError());
    }

    void deadControllerTimesOut()
    {
        HttpServer silent;   // accepts and never answers
        silent.route(HttpServer::AnyMethod, QStringLiteral("/{rest*}"), [](HttpRequest &) { return HttpResponse::deferred(); });
        const quint16 port = poetest::listen(silent);
        UnifiDriver d(unifiSwitch(port, false, {{QStringLiteral("unifi_os"), QStringLiteral("true")}}), QString(), 800);
        QElapsedTimer t;
        t.start();
        const Read r = readPorts(d);
        QCOMPARE(r.error->kind, poe::Error::Kind::Timeout);
        QVERIFY2(r.error->message.contains(QLatin1String("no answer")), qPrintable(r.error->message));
        QVERIFY(t.elapsed() < 5000);
    }

    void connectionRefused()
    {
        quint16 port = 0;
        {
            HttpServer gone;
            port = poetest::listen(gone);
        }
        UnifiDriver d(unifiSwitch(port, false), QString(), 2000);
        const Read r = readPorts(d);
        QCOMPARE(r.error->kind, poe::Error::Kind::Unreachable);
    }
};

QTEST_GUILESS_MAIN(TestPoeUnifiDriver)
#include "tst_poeunifidriver.moc"
