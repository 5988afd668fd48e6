// OmadaDriver against a fake Omada controller (v5 web API shapes from tplink-omada-api):
// /api/info, login token as Csrf-Token + TPOMADA_SESSIONID cookie, switch ports with poe and
// portStatus.poePower, whole-port PATCH (read-modify-write), session expiry, error codes.
#include "poe/omadadriver.h"
#include "poetestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace {

const QString Cid = QStringLiteral("c0ffee1234");
const QString SiteId = QStringLiteral("6421a3b0e1f3a2");
const QString SwitchMac = QStringLiteral("AC-84-C6-00-00-01");

class FakeOmada
{
public:
    explicit FakeOmada(const QString &version = QStringLiteral("5.9.31")) : m_version(version)
    {
        for (int i = 1; i <= 8; ++i)
            m_ports.insert(i, QJsonObject{{QStringLiteral("id"), QStringLiteral("p%1").arg(i)},
                                          {QStringLiteral("port"), i},
                                          {QStringLiteral("name"), QStringLiteral("Port%1").arg(i)},
                                          {QStringLiteral("profileId"), QStringLiteral("prof-all")},
                                          {QStringLiteral("profileName"), QStringLiteral("All")},
                                          {QStringLiteral("profileOverrideEnable"), false},
                                          {QStringLiteral("poe"), 2},
                                          {QStringLiteral("linkSpeed"), 3},
                                          {QStringLiteral("duplex"), 2},
                                          {QStringLiteral("tagIds"), QJsonArray{QStringLiteral("t1")}},
                                          {QStringLiteral("operation"), QStringLiteral("switching")}});
        m_server.route(HttpServer::Get, QStringLiteral("/api/info"), [this](HttpRequest &) {
            return ok(QJsonObject{{QStringLiteral("controllerVer"), m_version}, {QStringLiteral("omadacId"), Cid}});
        });
        m_server.route(HttpServer::Post, QStringLiteral("/%1/api/v2/login").arg(Cid), [this](HttpRequest &r) {
            const QJsonObject body = QJsonDocument::fromJson(r.body()).object();
            if (body.value(QStringLiteral("username")).toString() != QLatin1String("admin")
                || body.value(QStringLiteral("password")).toString() != QLatin1String("omada-pw"))
                return HttpResponse::json(QJsonObject{{QStringLiteral("errorCode"), -30109},
                                                      {QStringLiteral("msg"), QStringLiteral("The username or password is incorrect.")}});
            ++logins;
            m_token = "tok" + QByteArray::number(logins);
            m_session = "sid" + QByteArray::number(logins);
            HttpResponse resp = ok(QJsonObject{{QStringLiteral("roleType"), 1}, {QStringLiteral("token"), QString::fromLatin1(m_token)}});
            resp.addHeader("Set-Cookie", "TPOMADA_SESSIONID=" + m_session + "; Path=/; HttpOnly");
            return resp;
        });
        const QString site = QStringLiteral("/%1/api/v2/sites/%2").arg(Cid, SiteId);
        m_server.route(HttpServer::Get, QStringLiteral("/%1/api/v2/sites").arg(Cid), [this](HttpRequest &r) {
            if (auto denied = check(r))
                return *denied;
            return ok(QJsonObject{{QStringLiteral("totalRows"), 1},
                                  {QStringLiteral("data"), QJsonArray{QJsonObject{{QStringLiteral("id"), SiteId}, {QStringLiteral("name"), QStringLiteral("Default")}}}}});
        });
        m_server.route(HttpServer::Get, site + QStringLiteral("/switches/{mac}/ports"), [this](HttpRequest &r) {
            if (auto denied = check(r))
                return *denied;
            if (r.param(QStringLiteral("mac")) != SwitchMac)
                return error(-39050, QStringLiteral("This device does not exist."));
            QJsonArray out;
            for (int i = 1; i <= 8; ++i)
                out.append(withStatus(i));
            return ok(out);
        });
        m_server.route(HttpServer::Get, site + QStringLiteral("/switches/{mac}/ports/{n}"), [this](HttpRequest &r) {
            if (auto denied = check(r))
                return *denied;
            return ok(withStatus(r.param(QStringLiteral("n")).toInt()));
        });
        auto patch = [this](HttpRequest &r) {
            if (auto denied = check(r))
                return *denied;
            const int n = r.param(QStringLiteral("n")).toInt();
            lastPatch = QJsonDocument::fromJson(r.body()).object();
            ++patches;
            if (!m_ports.contains(n) || !lastPatch.value(QStringLiteral("profileOverrideEnable")).toBool())
                return error(-1001, QStringLiteral("Invalid request parameters."));
            // The controller resets what the body omits: keep only what was sent.
            QJsonObject port = m_ports.value(n);
            for (const char *key : {"name", "profileId", "tagIds", "linkSpeed", "duplex", "poe", "profileOverrideEnable", "dot1x",
                                    "lldpMedEnable"})
                port.insert(QString::fromLatin1(key), lastPatch.value(QString::fromLatin1(key)));
            m_ports.insert(n, port);
            return ok(QJsonObject());
        };
        m_server.route(HttpServer::Patch, site + QStringLiteral("/switches/{mac}/ports/{n}"), [this, patch](HttpRequest &r) {
            patchPath = QStringLiteral("v2");
            return patch(r);
        });
        m_server.route(HttpServer::Patch, QStringLiteral("/openapi/v1/%1/sites/%2/switches/{mac}/ports/{n}").arg(Cid, SiteId),
                       [this, patch](HttpRequest &r) {
                           patchPath = QStringLiteral("openapi");
                           return patch(r);
                       });
        m_server.route(HttpServer::Get, site + QStringLiteral("/setting/lan/profileSummary"), [this](HttpRequest &r) {
            if (auto denied = check(r))
                return *denied;
            return ok(QJsonObject{{QStringLiteral("data"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("prof-all")},
                                                                                  {QStringLiteral("poe"), 2},
                                                                                  {QStringLiteral("dot1x"), 2},
                                                                                  {QStringLiteral("lldpMedEnable"), true},
                                                                                  {QStringLiteral("spanningTreeEnable"), false}}}}});
        });
        m_server.route(HttpServer::Get, site + QStringLiteral("/clients"), [this](HttpRequest &r) {
            if (auto denied = check(r))
                return *denied;
            return ok(QJsonObject{{QStringLiteral("data"), QJsonArray{
                QJsonObject{{QStringLiteral("mac"), QStringLiteral("DC-A6-32-00-00-02")}, {QStringLiteral("wireless"), false},
                            {QStringLiteral("switchMac"), SwitchMac}, {QStringLiteral("port"), 2}},
                QJsonObject{{QStringLiteral("mac"), QStringLiteral("DC-A6-32-00-00-07")}, {QStringLiteral("wireless"), false},
                            {QStringLiteral("switchMac"), QStringLiteral("AC-84-C6-00-00-99")}, {QStringLiteral("port"), 7}},
                QJsonObject{{QStringLiteral("mac"), QStringLiteral("11-22-33-44-55-66")}, {QStringLiteral("wireless"), true}}}}});
        });
    }
    quint16 listen() { return poetest::listen(m_server); }
    void expireSession() { m_session = "expired"; }
    int poe(int n) const { return m_ports.value(n).value(QStringLiteral("poe")).toInt(); }
    QJsonObject port(int n) const { return m_ports.value(n); }

    int logins = 0;
    int patches = 0;
    QJsonObject lastPatch;
    QString patchPath;

private:
    static HttpResponse ok(const QJsonValue &result)
    {
        return HttpResponse::json(QJsonObject{{QStringLiteral("errorCode"), 0}, {QStringLiteral("msg"), QStringLiteral("Success.")},
                                              {QStringLiteral("result"), result}});
    }
    static HttpResponse error(int code, const QString &msg)
    {
        return HttpResponse::json(QJsonObject{{QStringLiteral("errorCode"), code}, {QStringLiteral("msg"), msg}});
    }
    std::optional<HttpResponse> check(HttpRequest &r)
    {
        if (poetest::cookieValue(r, "TPOMADA_SESSIONID") != m_session || r.header("csrf-token") != m_token || m_token.isEmpty())
            return HttpResponse::text(QStringLiteral("<!DOCTYPE html><html>Omada login</html>"), 200, "text/html");
        return std::nullopt;
    }
    QJsonObject withStatus(int n) const
    {
        QJsonObject p = m_ports.value(n);
        const int mode = p.value(QStringLiteral("poe")).toInt();
        const bool on = mode != 0 && n <= 6;
        p.insert(QStringLiteral("portStatus"), QJsonObject{{QStringLiteral("port"), n},
                                                           {QStringLiteral("linkStatus"), on ? 1 : 0},
                                                           {QStringLiteral("poe"), on},
                                                           {QStringLiteral("poePower"), on ? 4.6 : 0.0}});
        return p;
    }

    QString m_version;
    HttpServer m_server;
    QMap<int, QJsonObject> m_ports;
    QByteArray m_token;
    QByteArray m_session;
};

SwitchConfig omada(quint16 port, const QString &password = QStringLiteral("omada-pw"), const QString &site = QStringLiteral("Default"))
{
    SwitchConfig s;
    s.id = QStringLiteral("sg2210p");
    s.driver = QStringLiteral("omada");
    s.address = QStringLiteral("http://127.0.0.1:%1").arg(port);
    s.username = QStringLiteral("admin");
    s.password = password;
    s.options = {{QStringLiteral("device"), QStringLiteral("ac:84:c6:00:00:01")}, {QStringLiteral("site"), site}};
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

poe::Error setPower(PoeDriver &d, const QString &port, bool on)
{
    std::optional<poe::Error> result;
    d.setPortPower(port, on, [&result](const poe::Error &e) { result = e; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000); }();
    return result.value_or(poe::Error::make(poe::Error::Kind::Timeout, QStringLiteral("test timeout")));
}

} // namespace

class TestPoeOmadaDriver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsPortsWithWatts()
    {
        FakeOmada fake;
        OmadaDriver d(omada(fake.listen()), QString(), 3000);
        const Read r = readPorts(d);
        QVERIFY2(!r.error->isError(), qPrintable(r.error->message));
        QCOMPARE(r.readout.ports.size(), 8);
        QCOMPARE(r.readout.ports.at(0).watts, 4.6);
        QCOMPARE(r.readout.ports.at(0).detection, poe::Detection::Delivering);
        QCOMPARE(r.readout.ports.at(7).detection, poe::Detection::Searching);
        QCOMPARE(fake.logins, 1);
    }

    void patchChangesOnlyPoe()
    {
        FakeOmada fake;
        OmadaDriver d(omada(fake.listen()), QString(), 3000);
        QVERIFY(!setPower(d, QStringLiteral("3"), false).isError());
        QCOMPARE(fake.patchPath, QStringLiteral("v2"));
        QCOMPARE(fake.poe(3), 0);
        QCOMPARE(fake.lastPatch.value(QStringLiteral("profileOverrideEnable")).toBool(), true);
        // Everything else as before: the port's own settings and the profile's overrides.
        QCOMPARE(fake.port(3).value(QStringLiteral("name")).toString(), QStringLiteral("Port3"));
        QCOMPARE(fake.port(3).value(QStringLiteral("tagIds")).toArray().size(), 1);
        QCOMPARE(fake.lastPatch.value(QStringLiteral("dot1x")).toInt(), 2);
        QCOMPARE(fake.lastPatch.value(QStringLiteral("lldpMedEnable")).toBool(), true);
        const Read r = readPorts(d);
        QCOMPARE(r.readout.ports.at(2).adminOn, std::optional<bool>(false));
        QCOMPARE(r.readout.ports.at(2).watts, 0.0);
        QVERIFY(!setPower(d, QStringLiteral("3"), true).isError());
        QCOMPARE(fake.poe(3), 1);
        QCOMPARE(fake.patches, 2);
    }

    void controllerSixUsesTheOpenApiPath()
    {
        FakeOmada fake(QStringLiteral("6.0.0.24"));
        OmadaDriver d(omada(fake.listen()), QString(), 3000);
        QVERIFY(!setPower(d, QStringLiteral("2"), false).isError());
        QCOMPARE(fake.patchPath, QStringLiteral("openapi"));
    }

    void expiredSessionLogsInAgain()
    {
        FakeOmada fake;
        OmadaDriver d(omada(fake.listen()), QString(), 3000);
        QVERIFY(!readPorts(d).error->isError());
        fake.expireSession();
        const Read r = readPorts(d);
        QVERIFY2(!r.error->isError(), qPrintable(r.error->message));
        QCOMPARE(fake.logins, 2);
    }

    void errors()
    {
        FakeOmada fake;
        const quint16 port = fake.listen();
        OmadaDriver wrong(omada(port, QStringLiteral("guess")), QString(), 3000);
        Read r = readPorts(wrong);
        QCOMPARE(r.error->kind, poe::Error::Kind::Auth);
        QVERIFY(!r.error->message.contains(QLatin1String("guess")));

        OmadaDriver noSite(omada(port, QStringLiteral("omada-pw"), QStringLiteral("Lab")), QString(), 3000);
        r = readPorts(noSite);
        QCOMPARE(r.error->kind, poe::Error::Kind::Rejected);
        QVERIFY(r.error->message.contains(QLatin1String("site 'Lab'")));

        SwitchConfig s = omada(port);
        s.options.insert(QStringLiteral("device"), QStringLiteral("00:00:00:00:00:01"));
        OmadaDriver otherSwitch(s, QString(), 3000);
        r = readPorts(otherSwitch);
        QCOMPARE(r.error->kind, poe::Error::Kind::Rejected);
        QVERIFY2(r.error->message.contains(QLatin1String("does not exist")), qPrintable(r.error->message));
    }

    void learnsWiredClientsOfThisSwitch()
    {
        FakeOmada fake;
        OmadaDriver d(omada(fake.listen()), QString(), 3000);
        std::optional<poe::Error> error;
        QList<poe::MacSighting> found;
        d.learnMacs([&](const poe::Error &e, const QList<poe::MacSighting> &s) {
            error = e;
            found = s;
        });
        QTRY_VERIFY(error.has_value());
        QVERIFY2(!error->isError(), qPrintable(error->message));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().mac.toString(), QStringLiteral("dc:a6:32:00:00:02"));
        QCOMPARE(found.first().port, QStringLiteral("2"));
    }
};

QTEST_GUILESS_MAIN(TestPoeOmadaDriver)
#include "tst_poeomadadriver.moc"
