// OpenwrtDriver against a fake rpcd JSON-RPC endpoint (/ubus) serving realtek-poe's
// `poe info` and `poe manage`, with session.login, session expiry and ACL denials.
#include "poe/openwrtdriver.h"
#include "poetestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace {

class FakeRpcd
{
public:
    FakeRpcd()
    {
        for (int i = 1; i <= 8; ++i)
            m_enabled.insert(QStringLiteral("lan%1").arg(i), true);
        m_server.route(HttpServer::Post, QStringLiteral("/ubus"), [this](HttpRequest &r) { return rpc(r); });
        m_server.route(HttpServer::AnyMethod, QStringLiteral("/{rest*}"),
                       [](HttpRequest &) { return HttpResponse::text(QStringLiteral("<html>not here</html>"), 404, "text/html"); });
    }
    quint16 listen() { return poetest::listen(m_server); }
    void expireSessions() { m_sessions.clear(); }
    bool enabled(const QString &port) const { return m_enabled.value(port); }

    bool anonymousAcl = false;
    int logins = 0;
    int manages = 0;

private:
    HttpResponse rpc(HttpRequest &r)
    {
        const QJsonObject req = QJsonDocument::fromJson(r.body()).object();
        const QJsonValue id = req.value(QStringLiteral("id"));
        const QJsonArray params = req.value(QStringLiteral("params")).toArray();
        auto result = [&id](const QJsonArray &res) {
            return HttpResponse::json(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
                                                  {QStringLiteral("result"), res}});
        };
        if (req.value(QStringLiteral("method")).toString() != QLatin1String("call") || params.size() != 4)
            return HttpResponse::json(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
                                                  {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), -32600},
                                                                                        {QStringLiteral("message"), QStringLiteral("Invalid request")}}}});
        const QString session = params.at(0).toString();
        const QString object = params.at(1).toString();
        const QString method = params.at(2).toString();
        const QJsonObject args = params.at(3).toObject();
        if (object == QLatin1String("session") && method == QLatin1String("login")) {
            if (args.value(QStringLiteral("username")).toString() != QLatin1String("root")
                || args.value(QStringLiteral("password")).toString() != QLatin1String("openwrt-pw"))
                return result(QJsonArray{6});
            ++logins;
            const QString s = QStringLiteral("%1").arg(logins, 32, 10, QLatin1Char('a'));
            m_sessions.insert(s);
            return result(QJsonArray{0, QJsonObject{{QStringLiteral("ubus_rpc_session"), s}, {QStringLiteral("timeout"), 300}}});
        }
        const bool anonymous = session == QLatin1String(OpenwrtDriver::AnonymousSession);
        if (!(anonymous ? anonymousAcl : m_sessions.contains(session)))
            return HttpResponse::json(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
                                                  {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), -32002},
                                                                                        {QStringLiteral("message"), QStringLiteral("Access denied")}}}});
        if (object != QLatin1String("poe"))
            return result(QJsonArray{4});
        if (method == QLatin1String("info")) {
            QJsonObject ports;
            double total = 0;
            for (auto it = m_enabled.cbegin(); it != m_enabled.cend(); ++it) {
                const bool pd = it.key() != QLatin1String("lan8");
                QJsonObject p{{QStringLiteral("priority"), 2}, {QStringLiteral("mode"), QStringLiteral("PoE+")}};
                if (!it.value()) {
                    p.insert(QStringLiteral("status"), QStringLiteral("Disabled"));
                } else if (pd) {
                    p.insert(QStringLiteral("status"), QStringLiteral("Delivering power"));
                    p.insert(QStringLiteral("consumption"), 4.8);
                    total += 4.8;
                } else {
                    p.insert(QStringLiteral("status"), QStringLiteral("Searching"));
                }
                ports.insert(it.key(), p);
            }
            return result(QJsonArray{0, QJsonObject{{QStringLiteral("firmware"), QStringLiteral("v17.1")},
                                                    {QStringLiteral("budget"), 65.0},
                                                    {QStringLiteral("consumption"), total},
                                                    {QStringLiteral("ports"), ports}}});
        }
        if (method == QLatin1String("manage")) {
            const QString port = args.value(QStringLiteral("port")).toString();
            if (!m_enabled.contains(port) || !args.value(QStringLiteral("enable")).isBool())
                return result(QJsonArray{2});
            m_enabled.insert(port, args.value(QStringLiteral("enable")).toBool());
            ++manages;
            return result(QJsonArray{0});
        }
        return result(QJsonArray{3});
    }

    HttpServer m_server;
    QMap<QString, bool> m_enabled;
    QSet<QString> m_sessions;
};

SwitchConfig openwrt(quint16 port, const QString &user = QStringLiteral("root"), const QString &password = QStringLiteral("openwrt-pw"))
{
    SwitchConfig s;
    s.id = QStringLiteral("gs1900");
    s.driver = QStringLiteral("openwrt");
    s.address = QStringLiteral("127.0.0.1:%1").arg(port);   // default scheme: http
    s.username = user;
    s.password = password;
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

class TestPoeOpenwrtDriver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseInfo()
    {
        const QJsonObject info{{QStringLiteral("budget"), 77.0},
                               {QStringLiteral("consumption"), 1.8},
                               {QStringLiteral("ports"), QJsonObject{{QStringLiteral("lan1"), QJsonObject{{QStringLiteral("status"), QStringLiteral("Delivering power")},
                                                                                                          {QStringLiteral("consumption"), 1.8}}},
                                                                     {QStringLiteral("lan2"), QJsonObject{{QStringLiteral("status"), QStringLiteral("Searching")}}},
                                                                     {QStringLiteral("lan3"), QStringLiteral("Disabled")},   // older builds
                                                                     {QStringLiteral("lan4"), QJsonObject{{QStringLiteral("status"), QStringLiteral("Fault")}}},
                                                                     {QStringLiteral("../etc"), QStringLiteral("Disabled")}}}};
        const poe::PortReadout r = OpenwrtDriver::parseInfo(info);
        QCOMPARE(r.ports.size(), 4);
        QCOMPARE(r.totalWatts, 1.8);
        QCOMPARE(r.budgetWatts, 77.0);
        QCOMPARE(r.ports.at(0).detection, poe::Detection::Delivering);
        QCOMPARE(r.ports.at(0).watts, 1.8);
        QCOMPARE(r.ports.at(1).adminOn, std::optional<bool>(true));
        QCOMPARE(r.ports.at(1).watts, 0.0);
        QCOMPARE(r.ports.at(2).adminOn, std::optional<bool>(false));
        QCOMPARE(r.ports.at(3).detection, poe::Detection::Fault);
    }

    void loginReadManage()
    {
        FakeRpcd fake;
        OpenwrtDriver d(openwrt(fake.listen()), QString(), 3000);
        Read r = readPorts(d);
        QVERIFY2(!r.error->isError(), qPrintable(r.error->message));
        QCOMPARE(r.readout.ports.size(), 8);
        QCOMPARE(r.readout.ports.at(7).detection, poe::Detection::Searching);
        QVERIFY(!setPower(d, QStringLiteral("lan3"), false).isError());
        QVERIFY(!fake.enabled(QStringLiteral("lan3")));
        r = readPorts(d);
        QCOMPARE(r.readout.ports.at(2).adminOn, std::optional<bool>(false));
        QCOMPARE(poe::derivePowerState(r.readout.ports.at(2)), PowerState::Off);
        QCOMPARE(fake.logins, 1);
    }

    void expiredSessionLogsInAgain()
    {
        FakeRpcd fake;
        OpenwrtDriver d(openwrt(fake.listen()), QString(), 3000);
        QVERIFY(!readPorts(d).error->isError());
        fake.expireSessions();
        QVERIFY(!setPower(d, QStringLiteral("lan1"), false).isError());
        QCOMPARE(fake.logins, 2);
        QCOMPARE(fake.manages, 1);
    }

    void wrongPassword()
    {
        FakeRpcd fake;
        OpenwrtDriver d(openwrt(fake.listen(), QStringLiteral("root"), QStringLiteral("letmein")), QString(), 3000);
        const Read r = readPorts(d);
        QCOMPARE(r.error->kind, poe::Error::Kind::Auth);
        QVERIFY(r.error->message.contains(QLatin1String("permission denied")));
        QVERIFY(!r.error->message.contains(QLatin1String("letmein")));
    }

    void anonymousSessionNeedsAnAcl()
    {
        FakeRpcd fake;
        const quint16 port = fake.listen();
        OpenwrtDriver d(openwrt(port, QString(), QString()), QString(), 3000);
        Read r = readPorts(d);
        QCOMPARE(r.error->kind, poe::Error::Kind::Auth);
        QVERIFY2(r.error->message.contains(QLatin1String("ACL")), qPrintable(r.error->message));
        fake.anonymousAcl = true;
        r = readPorts(d);
        QVERIFY(!r.error->isError());
        QCOMPARE(fake.logins, 0);
    }

    void invalidPortAndWrongEndpoint()
    {
        FakeRpcd fake;
        const quint16 port = fake.listen();
        OpenwrtDriver d(openwrt(port), QString(), 3000);
        const poe::Error e = setPower(d, QStringLiteral("lan42"), false);
        QCOMPARE(e.kind, poe::Error::Kind::Rejected);
        QVERIFY2(e.message.contains(QLatin1String("invalid argument")), qPrintable(e.message));

        SwitchConfig s = openwrt(port);
        s.options.insert(QStringLiteral("path"), QStringLiteral("/cgi-bin/luci"));
        OpenwrtDriver wrongPath(s, QString(), 3000);
        const Read r = readPorts(wrongPath);
        QCOMPARE(r.error->kind, poe::Error::Kind::Protocol);
        QVERIFY2(r.error->message.contains(QLatin1String("uhttpd-mod-ubus")), qPrintable(r.error->message));
    }
};

QTEST_GUILESS_MAIN(TestPoeOpenwrtDriver)
#include "tst_poeopenwrtdriver.moc"
