// RedfishService over loopback TLS with a real client (QNetworkAccessManager trusting the
// generated CA): which paths are public, sessions and Basic auth, privileges per role, ETag /
// If-Match, lockout, session timeout and logout, DMTF bodies for unknown URLs and 405s.

#include "../integration/redfish/fakelab.h"
#include "labfixture.h"
#include "redfish/accountstore.h"
#include "redfish/passwordverifier.h"
#include "redfish/redfishservice.h"
#include "redfishclient.h"

#include "devices/bootcontrol.h"
#include "devices/inventory.h"
#include "devices/devicejournal.h"
#include "devices/journalkinds.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString System1 = u"/redfish/v1/Systems/dc-a6-32-00-00-01"_s;
const QString Reset1 = System1 + u"/Actions/ComputerSystem.Reset"_s;
const QString Password = u"correct-horse-1"_s;

QByteArray labYaml()
{
    return QByteArray("profiles:\n  default: {name: Default}\n") + fakeDevicesYaml(2);
}

QString readAdminPassword(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("password: "))
            return QString::fromLatin1(line.mid(10));
    return {};
}

} // namespace

class TestRedfishService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void publicPaths_data();
    void publicPaths();
    void protectedPathsNeedAuth_data();
    void protectedPathsNeedAuth();
    void sessionLoginAndLogout();
    void sessionLoginRejected();
    void sessionTimeout();
    void privileges_data();
    void privileges();
    void operatorRebootsLikeIronic();
    void etagIfMatch();
    void lockoutAfterFailures();
    void unknownUrl();
    void methodNotAllowed();
    void badBodies_data();
    void badBodies();
    void basicOverPlainHttp_data();
    void basicOverPlainHttp();
    void protocolDetails();
    void cachedBodiesFollowTheLab();
    void basicCredentialsRemembered();
    void badLoginFloodDoesNotStall();

private:
    std::unique_ptr<LabFixture> m_fixture;
    std::unique_ptr<LabEngine> m_engine;
    std::unique_ptr<SimulatedPower> m_power;
    MemoryFirmwareSettings m_firmware;
    std::unique_ptr<RedfishService> m_service;
    std::unique_ptr<RedfishClient> m_client;
    QString m_adminPassword;
};

void TestRedfishService::initTestCase()
{
    m_fixture = std::make_unique<LabFixture>(labYaml());
    m_engine = std::make_unique<LabEngine>(m_fixture->options);
    QString error;
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    m_power = std::make_unique<SimulatedPower>(m_engine->registry(), 50);
    for (const DeviceInfo &d : m_engine->registry()->all())
        m_engine->registry()->setPower(d.mac, PowerState::Off, 0);
    m_service = std::make_unique<RedfishService>(fakeBackend(*m_engine, m_power.get(), &m_firmware));
    RedfishConfig config;
    config.address = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    m_service->setConfig(config);
    QVERIFY2(m_service->start(), qPrintable(m_service->errorString()));
    QVERIFY(m_service->port() != 0);
    QVERIFY(QFile::exists(m_service->caPath()));
    m_adminPassword = readAdminPassword(m_service->initialPasswordFile());
    QVERIFY(!m_adminPassword.isEmpty());
    AccountStore *accounts = m_service->accounts();
    QString id;
    QVERIFY2(accounts->create(u"operator"_s, Password, u"Operator"_s, true, &id, &error), qPrintable(error));
    QVERIFY2(accounts->create(u"reader"_s, Password, u"ReadOnly"_s, true, &id, &error), qPrintable(error));
    QVERIFY2(accounts->create(u"victim"_s, Password, u"Operator"_s, true, &id, &error), qPrintable(error));
    m_client = std::make_unique<RedfishClient>(m_service->baseUrl(), m_service->caPath());
}

void TestRedfishService::cleanupTestCase()
{
    m_client.reset();
    if (m_service)
        m_service->stop();
    m_service.reset();
    m_engine.reset();
}

void TestRedfishService::publicPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("/redfish") << u"/redfish"_s << QByteArray("application/json");
    QTest::newRow("/redfish/v1") << u"/redfish/v1"_s << QByteArray("application/json");
    QTest::newRow("/redfish/v1/") << u"/redfish/v1/"_s << QByteArray("application/json");
    QTest::newRow("odata") << u"/redfish/v1/odata"_s << QByteArray("application/json");
    QTest::newRow("$metadata") << u"/redfish/v1/$metadata"_s << QByteArray("application/xml");
}

void TestRedfishService::publicPaths()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, contentType);
    m_client->clearCredentials();
    const RedfishReply r = m_client->get(path);
    QCOMPARE(r.status, 200);
    QVERIFY2(r.header("Content-Type").startsWith(contentType), r.header("Content-Type").constData());
    QCOMPARE(r.header("OData-Version"), QByteArray("4.0"));
    if (path == QLatin1String("/redfish"))
        QCOMPARE(r.json.value(u"v1"_s).toString(), u"/redfish/v1/"_s);
    if (path.startsWith(u"/redfish/v1"_s) && contentType == "application/json" && !path.endsWith(u"odata"_s))
        QCOMPARE(r.json.value(u"@odata.id"_s).toString(), u"/redfish/v1/"_s);
}

void TestRedfishService::protectedPathsNeedAuth_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("Systems") << QByteArray("GET") << u"/redfish/v1/Systems"_s;
    QTest::newRow("System") << QByteArray("GET") << System1;
    QTest::newRow("SessionService") << QByteArray("GET") << u"/redfish/v1/SessionService"_s;
    QTest::newRow("Sessions GET") << QByteArray("GET") << u"/redfish/v1/SessionService/Sessions"_s;
    QTest::newRow("Registries") << QByteArray("GET") << u"/redfish/v1/Registries"_s;
    QTest::newRow("Accounts") << QByteArray("GET") << u"/redfish/v1/AccountService/Accounts"_s;
    QTest::newRow("Reset") << QByteArray("POST") << Reset1;
    QTest::newRow("PATCH System") << QByteArray("PATCH") << System1;
    QTest::newRow("unknown URL") << QByteArray("GET") << u"/redfish/v1/Nope"_s;
    QTest::newRow("405 path") << QByteArray("DELETE") << u"/redfish/v1/Systems"_s;
}

void TestRedfishService::protectedPathsNeedAuth()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    m_client->clearCredentials();
    const QByteArray body = method == "GET" || method == "DELETE" ? QByteArray() : QByteArray("{}");
    RedfishReply r = m_client->call(method, path, body);
    QCOMPARE(r.status, 401);
    QVERIFY(r.header("WWW-Authenticate").startsWith("Basic realm="));
    QCOMPARE(r.errorCode(), u"Base.1.19.NoValidSession"_s);
    // A wrong token is no better.
    m_client->setToken("not-a-token");
    r = m_client->call(method, path, body);
    QCOMPARE(r.status, 401);
    QVERIFY(!r.header("WWW-Authenticate").isEmpty());
}

void TestRedfishService::sessionLoginAndLogout()
{
    m_client->clearCredentials();
    RedfishReply r = m_client->post(u"/redfish/v1/SessionService/Sessions"_s,
                                    {{u"UserName"_s, u"operator"_s}, {u"Password"_s, Password}});
    QCOMPARE(r.status, 201);
    const QByteArray token = r.header("X-Auth-Token");
    const QByteArray location = r.header("Location");
    QVERIFY(token.size() >= 32);
    QVERIFY(location.startsWith("/redfish/v1/SessionService/Sessions/"));
    QCOMPARE(r.json.value(u"@odata.id"_s).toString(), QString::fromLatin1(location));
    QCOMPARE(r.json.value(u"UserName"_s).toString(), u"operator"_s);
    QVERIFY(r.json.value(u"Password"_s).isNull());

    m_client->setToken(token);
    r = m_client->get(System1);
    QCOMPARE(r.status, 200);
    r = m_client->get(QString::fromLatin1(location));
    QCOMPARE(r.status, 200);
    // The collection lists the caller's own session.
    r = m_client->get(u"/redfish/v1/SessionService/Sessions"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(QJsonDocument(r.json).toJson().contains(location));

    r = m_client->call("DELETE", QString::fromLatin1(location));
    QCOMPARE(r.status, 204);
    r = m_client->get(System1);
    QCOMPARE(r.status, 401);
}

void TestRedfishService::sessionLoginRejected()
{
    m_client->clearCredentials();
    RedfishReply r = m_client->post(u"/redfish/v1/SessionService/Sessions"_s,
                                    {{u"UserName"_s, u"reader"_s}, {u"Password"_s, u"wrong-password"_s}});
    QCOMPARE(r.status, 401);
    QVERIFY(r.header("X-Auth-Token").isEmpty());
    // Nothing in the failure tells whether the user exists.
    const RedfishReply unknown = m_client->post(u"/redfish/v1/SessionService/Sessions"_s,
                                                {{u"UserName"_s, u"nobody"_s}, {u"Password"_s, u"wrong-password"_s}});
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.body, r.body);
    r = m_client->post(u"/redfish/v1/SessionService/Sessions"_s, {{u"UserName"_s, u"reader"_s}});
    QCOMPARE(r.status, 400);
    QVERIFY(r.messageIds().contains(u"Base.1.19.PropertyMissing"_s));
}

void TestRedfishService::sessionTimeout()
{
    RedfishConfig config = m_service->config();
    config.sessionTimeoutSeconds = 1;
    QVERIFY(!m_service->setConfig(config));   // no restart needed
    m_client->clearCredentials();
    RedfishReply r = m_client->post(u"/redfish/v1/SessionService/Sessions"_s,
                                    {{u"UserName"_s, u"reader"_s}, {u"Password"_s, Password}});
    QCOMPARE(r.status, 201);
    m_client->setToken(r.header("X-Auth-Token"));
    QCOMPARE(m_client->get(System1).status, 200);
    QTest::qWait(1300);
    QCOMPARE(m_client->get(System1).status, 401);
    config.sessionTimeoutSeconds = 1800;
    m_service->setConfig(config);
}

void TestRedfishService::privileges_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    const QByteArray boot = R"({"Boot":{"BootSourceOverrideTarget":"Hdd","BootSourceOverrideEnabled":"Continuous"}})";
    const QString insert = u"/redfish/v1/Managers/dc-a6-32-00-00-02/VirtualMedia/Cd/Actions/VirtualMedia.InsertMedia"_s;
    const QByteArray image = R"({"Image":"http://127.0.0.1/boot.iso"})";
    QTest::newRow("reader GET") << u"reader"_s << QByteArray("GET") << System1 << QByteArray() << 200;
    QTest::newRow("reader Reset") << u"reader"_s << QByteArray("POST") << Reset1 << QByteArray(R"({"ResetType":"On"})") << 403;
    QTest::newRow("reader PATCH Boot") << u"reader"_s << QByteArray("PATCH") << System1 << boot << 403;
    QTest::newRow("reader InsertMedia") << u"reader"_s << QByteArray("POST") << insert << image << 403;
    QTest::newRow("reader Accounts") << u"reader"_s << QByteArray("POST") << u"/redfish/v1/AccountService/Accounts"_s
                                     << QByteArray(R"({"UserName":"x1","Password":"password-1","RoleId":"ReadOnly"})") << 403;
    QTest::newRow("operator PATCH Boot") << u"operator"_s << QByteArray("PATCH") << System1 << boot << 200;
    QTest::newRow("operator Reset") << u"operator"_s << QByteArray("POST") << Reset1 << QByteArray(R"({"ResetType":"ForceOff"})")
                                    << 204;
    // DSP8011: virtual media and accounts need ConfigureManager / ConfigureUsers.
    QTest::newRow("operator InsertMedia") << u"operator"_s << QByteArray("POST") << insert << image << 403;
    QTest::newRow("operator Accounts") << u"operator"_s << QByteArray("POST") << u"/redfish/v1/AccountService/Accounts"_s
                                       << QByteArray(R"({"UserName":"x2","Password":"password-1","RoleId":"ReadOnly"})") << 403;
    QTest::newRow("admin InsertMedia") << u"admin"_s << QByteArray("POST") << insert << image << 204;
    const QString usb = u"/redfish/v1/Managers/dc-a6-32-00-00-02/VirtualMedia/Usb"_s;
    QTest::newRow("operator PATCH VirtualMedia") << u"operator"_s << QByteArray("PATCH") << usb << image << 403;
    QTest::newRow("admin PATCH VirtualMedia") << u"admin"_s << QByteArray("PATCH") << usb << image << 200;
}

void TestRedfishService::privileges()
{
    QFETCH(QString, user);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    m_client->setBasic(user, user == QLatin1String("admin") ? m_adminPassword : Password);
    const RedfishReply r = m_client->call(method, path, body);
    QCOMPARE(r.status, status);
    if (status == 403)
        QCOMPARE(r.errorCode(), u"Base.1.19.InsufficientPrivilege"_s);
}

void TestRedfishService::operatorRebootsLikeIronic()
{
    // ForceOff -> poll until Off -> PATCH Boot while off -> On; the registry really changes.
    m_client->setBasic(u"operator"_s, Password);
    const MacAddress mac = *MacAddress::parse(u"dc:a6:32:00:00:01"_s);
    QCOMPARE(m_client->post(Reset1, {{u"ResetType"_s, u"On"_s}}).status, 204);
    QTRY_COMPARE(m_client->get(System1).json.value(u"PowerState"_s).toString(), u"On"_s);
    QCOMPARE(m_client->post(Reset1, {{u"ResetType"_s, u"ForceOff"_s}}).status, 204);
    QCOMPARE(m_client->get(System1).json.value(u"PowerState"_s).toString(), u"Off"_s);
    QCOMPARE(m_engine->registry()->find(mac)->power, PowerState::Off);
    RedfishReply r = m_client->patch(System1, {{u"Boot"_s, QJsonObject{{u"BootSourceOverrideTarget"_s, u"Pxe"_s},
                                                                      {u"BootSourceOverrideEnabled"_s, u"Once"_s},
                                                                      {u"BootSourceOverrideMode"_s, u"UEFI"_s}}}});
    QCOMPARE(r.status, 200);
    QCOMPARE(m_engine->bootControl()->override(mac).target, BootOverride::Target::Pxe);
    QCOMPARE(m_client->post(Reset1, {{u"ResetType"_s, u"On"_s}}).status, 204);
    QTRY_COMPARE(m_client->get(System1).json.value(u"PowerState"_s).toString(), u"On"_s);
    // The netboot consumes the Once override; it then reads back Disabled.
    m_engine->bootControl()->consume(mac, u"test: boot.ipxe"_s);
    const QJsonObject boot = m_client->get(System1).json.value(u"Boot"_s).toObject();
    QCOMPARE(boot.value(u"BootSourceOverrideEnabled"_s).toString(), u"Disabled"_s);
    // Each action is journalled with the user.
    bool sawReset = false;
    for (const JournalEvent &e : m_engine->journal()->events(mac, 50))
        sawReset = sawReset || (e.kind == u"redfish.action"_s && e.data.value(u"user"_s).toString() == u"operator"_s
                                && e.data.value(u"reset_type"_s).toString() == u"ForceOff"_s);
    QVERIFY(sawReset);
    // Unknown reset types are refused with the DMTF message and nothing happens.
    const int before = m_power->requests;
    r = m_client->post(Reset1, {{u"ResetType"_s, u"Nmi"_s}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"Base.1.19.ActionParameterValueNotInList"_s);
    QCOMPARE(m_power->requests, before);
}

void TestRedfishService::etagIfMatch()
{
    m_client->setBasic(u"operator"_s, Password);
    RedfishReply r = m_client->get(System1);
    QCOMPARE(r.status, 200);
    const QByteArray etag = r.header("ETag");
    QVERIFY(etag.startsWith('"') && etag.endsWith('"'));
    // Unchanged resource: 304 with If-None-Match.
    QCOMPARE(m_client->get(System1, {{"If-None-Match", etag}}).status, 304);
    const QJsonObject patch{{u"Boot"_s, QJsonObject{{u"BootSourceOverrideTarget"_s, u"Cd"_s}}}};
    r = m_client->patch(System1, patch, {{"If-Match", "\"0000000000000000\""}});
    QCOMPARE(r.status, 412);
    QCOMPARE(r.errorCode(), u"Base.1.19.PreconditionFailed"_s);
    QCOMPARE(m_client->get(System1).json.value(u"Boot"_s).toObject().value(u"BootSourceOverrideTarget"_s).toString() == u"Cd"_s,
             false);
    // sushy sends the weak form too.
    r = m_client->patch(System1, patch, {{"If-Match", "W/" + etag}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"Boot"_s).toObject().value(u"BootSourceOverrideTarget"_s).toString(), u"Cd"_s);
    QVERIFY(r.header("ETag") != etag);
    // The old ETag is stale now.
    QCOMPARE(m_client->patch(System1, patch, {{"If-Match", etag}}).status, 412);
    QCOMPARE(m_client->patch(System1, patch, {{"If-Match", "*"}}).status, 200);
}

void TestRedfishService::lockoutAfterFailures()
{
    const int threshold = m_service->accounts()->policy().lockoutThreshold;
    QVERIFY(threshold > 0);
    m_client->setBasic(u"victim"_s, Password);
    QCOMPARE(m_client->get(System1).status, 200);
    m_client->setBasic(u"victim"_s, u"wrong-password"_s);
    for (int i = 0; i < threshold; ++i)
        QCOMPARE(m_client->get(System1).status, 401);
    // Locked: the right password no longer works, and says nothing more than a wrong one.
    m_client->setBasic(u"victim"_s, Password);
    const RedfishReply r = m_client->get(System1);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"Base.1.19.NoValidSession"_s);
    m_client->clearCredentials();
    QCOMPARE(m_client->post(u"/redfish/v1/SessionService/Sessions"_s,
                            {{u"UserName"_s, u"victim"_s}, {u"Password"_s, Password}}).status,
             401);
    // The administrator sees the lock; other accounts are unaffected.
    m_client->setBasic(u"admin"_s, m_adminPassword);
    const QString id = m_service->accounts()->byName(u"victim"_s)->id;
    QCOMPARE(m_client->get(u"/redfish/v1/AccountService/Accounts/"_s + id).json.value(u"Locked"_s).toBool(), true);
    m_client->setBasic(u"operator"_s, Password);
    QCOMPARE(m_client->get(System1).status, 200);
}

void TestRedfishService::unknownUrl()
{
    m_client->setBasic(u"reader"_s, Password);
    RedfishReply r = m_client->get(u"/redfish/v1/Nope/Deeper"_s);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorCode(), u"Base.1.19.ResourceNotFound"_s);
    QCOMPARE(r.json.value(u"error"_s).toObject().value(u"@Message.ExtendedInfo"_s).toArray().size(), 1);
    r = m_client->get(u"/redfish/v1/Systems/dc-a6-32-99-99-99"_s);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorCode(), u"Base.1.19.ResourceNotFound"_s);
    QVERIFY(r.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"ComputerSystem"_s));
    // Upper-case MAC is not the canonical id.
    QCOMPARE(m_client->get(u"/redfish/v1/Systems/DC-A6-32-00-00-01"_s).status, 404);
}

void TestRedfishService::methodNotAllowed()
{
    m_client->setBasic(u"admin"_s, m_adminPassword);
    RedfishReply r = m_client->call("DELETE", u"/redfish/v1/Systems"_s);
    QCOMPARE(r.status, 405);
    QCOMPARE(r.errorCode(), u"Base.1.19.OperationNotAllowed"_s);
    QCOMPARE(r.header("Allow"), QByteArray("GET, HEAD"));
    r = m_client->call("PUT", System1, "{}");
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("Allow"), QByteArray("GET, HEAD, PATCH"));
    // GET responses carry Allow too.
    QCOMPARE(m_client->get(System1).header("Allow"), QByteArray("GET, HEAD, PATCH"));
    QCOMPARE(m_client->get(u"/redfish/v1/SessionService/Sessions"_s).header("Allow"), QByteArray("GET, HEAD, POST"));
}

void TestRedfishService::badBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("messages");
    QTest::newRow("malformed") << QByteArray("{\"Boot\":") << 400 << QStringList{u"Base.1.19.MalformedJSON"_s};
    QTest::newRow("empty object") << QByteArray("{}") << 400 << QStringList{u"Base.1.19.EmptyJSON"_s};
    QTest::newRow("unknown") << QByteArray(R"({"Bogus":1})") << 400 << QStringList{u"Base.1.19.PropertyUnknown"_s};
    QTest::newRow("type") << QByteArray(R"({"Boot":{"BootSourceOverrideEnabled":true}})") << 400
                          << QStringList{u"Base.1.19.PropertyValueTypeError"_s};
    QTest::newRow("two problems") << QByteArray(R"({"Bogus":1,"Boot":{"BootSourceOverrideTarget":"Floppy"}})") << 400
                                  << QStringList{u"Base.1.19.PropertyUnknown"_s, u"Base.1.19.PropertyValueNotInList"_s};
}

void TestRedfishService::badBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QStringList, messages);
    m_client->setBasic(u"operator"_s, Password);
    const BootOverride before = m_engine->bootControl()->override(*MacAddress::parse(u"dc:a6:32:00:00:01"_s));
    const RedfishReply r = m_client->call("PATCH", System1, body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.messageIds(), messages);
    QCOMPARE(r.errorCode(), messages.size() == 1 ? messages.first() : u"Base.1.19.GeneralError"_s);
    const BootOverride after = m_engine->bootControl()->override(*MacAddress::parse(u"dc:a6:32:00:00:01"_s));
    QCOMPARE(after.target, before.target);
    QCOMPARE(after.enabled, before.enabled);
}

void TestRedfishService::basicOverPlainHttp_data()
{
    QTest::addColumn<bool>("allowBasic");
    QTest::newRow("default: refused") << false;
    QTest::newRow("lab opted in") << true;
}

void TestRedfishService::basicOverPlainHttp()
{
    QFETCH(bool, allowBasic);
    RedfishService plain(fakeBackend(*m_engine, m_power.get(), &m_firmware));
    RedfishConfig config;
    config.address = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.tls = false;
    config.allowBasicOverHttp = allowBasic;
    plain.setConfig(config);
    QVERIFY2(plain.start(), qPrintable(plain.errorString()));
    QVERIFY(plain.baseUrl().startsWith(u"http://"_s));
    RedfishClient client(plain.baseUrl(), QString());
    client.setBasic(u"reader"_s, Password);
    RedfishReply r = client.get(System1);
    QCOMPARE(r.status, allowBasic ? 200 : 401);
    if (!allowBasic) {
        // The challenge does not invite Basic over plain HTTP.
        QVERIFY(!r.header("WWW-Authenticate").startsWith("Basic"));
        QVERIFY(!r.header("WWW-Authenticate").isEmpty());
    }
    client.clearCredentials();
    r = client.post(u"/redfish/v1/SessionService/Sessions"_s, {{u"UserName"_s, u"reader"_s}, {u"Password"_s, Password}});
    QCOMPARE(r.status, allowBasic ? 201 : 403);
    // The public paths stay public.
    QCOMPARE(client.get(u"/redfish/v1/"_s).status, 200);
    plain.stop();
}

void TestRedfishService::protocolDetails()
{
    m_client->setBasic(u"admin"_s, m_adminPassword);
    // Unsupported OData-Version: 412 (DSP0266 §6.5.2), also on public paths.
    RedfishReply r = m_client->get(u"/redfish/v1/"_s, {{"OData-Version", "4.1"}});
    QCOMPARE(r.status, 412);
    QCOMPARE(r.errorCode(), u"Base.1.19.HeaderInvalid"_s);
    QCOMPARE(m_client->get(u"/redfish/v1/"_s, {{"OData-Version", "4.0"}}).status, 200);
    // A PATCH of OData annotations only changes nothing: NoOperation.
    const QString account = u"/redfish/v1/AccountService/Accounts/"_s + m_service->accounts()->byName(u"reader"_s)->id;
    r = m_client->patch(account, {{u"@odata.id"_s, account}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"Base.1.19.NoOperation"_s);
    // Echoed OData control information next to a real change is ignored.
    r = m_client->patch(System1, {{u"@odata.id"_s, System1}, {u"Boot"_s, QJsonObject{{u"BootSourceOverrideTarget"_s, u"Hdd"_s}}}});
    QCOMPARE(r.status, 200);
    // POST to a collection's Members URI creates a member (DSP0266 §7.10), without auth for Sessions.
    m_client->clearCredentials();
    r = m_client->post(u"/redfish/v1/SessionService/Sessions/Members"_s,
                       {{u"UserName"_s, u"reader"_s}, {u"Password"_s, Password}});
    QCOMPARE(r.status, 201);
    QVERIFY(r.header("Location").startsWith("/redfish/v1/SessionService/Sessions/"));
    // Tokens are 256-bit hex strings.
    const QByteArray token = r.header("X-Auth-Token");
    QCOMPARE(token.size(), 64);
    QVERIFY(!QByteArray::fromHex(token).isEmpty() && QByteArray::fromHex(token).toHex() == token);
    // GET on an action: DMTF 405 with Allow: POST.
    m_client->setBasic(u"admin"_s, m_adminPassword);
    r = m_client->get(Reset1);
    QCOMPARE(r.status, 405);
    QCOMPARE(r.errorCode(), u"Base.1.19.OperationNotAllowed"_s);
    QCOMPARE(r.header("Allow"), QByteArray("POST"));
}

void TestRedfishService::cachedBodiesFollowTheLab()
{
    // System and collection bodies are served from a cache: every lab change must show at once.
    m_client->setBasic(u"reader"_s, Password);
    const int before = m_client->get(u"/redfish/v1/Systems"_s).json.value(u"Members@odata.count"_s).toInt();
    QCOMPARE(m_client->get(u"/redfish/v1/Systems"_s).json.value(u"Members@odata.count"_s).toInt(), before);
    const MacAddress fresh = *MacAddress::parse(u"dc:a6:32:aa:bb:cc"_s);
    m_engine->registry()->observe(fresh, u"6b1dffff"_s, u"pi4"_s);
    QCOMPARE(m_client->get(u"/redfish/v1/Systems"_s).json.value(u"Members@odata.count"_s).toInt(), before + 1);
    const QString uri = u"/redfish/v1/Systems/dc-a6-32-aa-bb-cc"_s;
    RedfishReply r = m_client->get(uri);
    QCOMPARE(r.status, 200);
    const QByteArray etag = r.header("ETag");
    QCOMPARE(m_client->get(uri).header("ETag"), etag);
    m_engine->registry()->setPower(fresh, PowerState::On, 3.0);
    r = m_client->get(uri);
    QCOMPARE(r.json.value(u"PowerState"_s).toString(), u"On"_s);
    QVERIFY(r.header("ETag") != etag);
    BootOverride o;
    o.target = BootOverride::Target::Hdd;
    o.enabled = BootOverride::Enabled::Continuous;
    m_engine->bootControl()->setOverride(fresh, o);
    QCOMPARE(m_client->get(uri).json.value(u"Boot"_s).toObject().value(u"BootSourceOverrideTarget"_s).toString(), u"Hdd"_s);
    HardwareInventory inv = HardwareInventory::forModel(u"pi4"_s, fresh);
    inv.memoryMiB = 8192;
    QString error;
    QVERIFY(m_engine->inventory()->setInventory(fresh, inv, &error));
    QCOMPARE(m_client->get(uri).json.value(u"MemorySummary"_s).toObject().value(u"TotalSystemMemoryGiB"_s).toDouble(), 8.0);
    QVERIFY(m_engine->registry()->remove(fresh));
    QCOMPARE(m_client->get(uri).status, 404);
    QCOMPARE(m_client->get(u"/redfish/v1/Systems"_s).json.value(u"Members@odata.count"_s).toInt(), before);
}

void TestRedfishService::basicCredentialsRemembered()
{
    // After one PBKDF2 check, Basic requests with the same credentials are answered without
    // another one (Ironic polls with Basic auth every few seconds).
    m_client->setBasic(u"reader"_s, Password);
    QCOMPARE(m_client->get(System1).status, 200);
    AccountStore::PasswordCheck check;
    const auto quick = m_service->accounts()->beginVerify(u"reader"_s, Password, QDateTime::currentDateTimeUtc(), &check);
    QVERIFY(quick);
    QCOMPARE(*quick, AccountStore::Verdict::Ok);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 20; ++i)
        QCOMPARE(m_client->get(System1).status, 200);
    QCOMPARE(m_service->pendingPasswordChecks(), 0);
    qInfo() << "20 Basic-auth GETs with remembered credentials:" << timer.elapsed() << "ms";
}

void TestRedfishService::badLoginFloodDoesNotStall()
{
    // Many connections with wrong Basic credentials for unknown users (each costs a full PBKDF2
    // against a dummy hash): the checks run on the worker, the excess is refused with 503, and a
    // session-authenticated client is served meanwhile.
    m_client->clearCredentials();
    RedfishReply login = m_client->post(u"/redfish/v1/SessionService/Sessions"_s,
                                        {{u"UserName"_s, u"reader"_s}, {u"Password"_s, Password}});
    QCOMPARE(login.status, 201);
    m_client->setToken(login.header("X-Auth-Token"));

    constexpr int Flood = 48;
    std::vector<std::unique_ptr<QSslSocket>> sockets;
    QList<QByteArray> answers(Flood);
    for (int i = 0; i < Flood; ++i) {
        auto socket = std::make_unique<QSslSocket>();
        socket->setPeerVerifyMode(QSslSocket::VerifyNone);   // the flood tests the server, not TLS
        QSslSocket *s = socket.get();
        const QByteArray request = "GET /redfish/v1/Systems HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
            + (u"ghost%1:wrong-password"_s.arg(i)).toUtf8().toBase64() + "\r\nConnection: close\r\n\r\n";
        connect(s, &QSslSocket::encrypted, s, [s, request] { s->write(request); });
        connect(s, &QSslSocket::readyRead, s, [s, &answers, i] { answers[i] += s->readAll(); });
        s->connectToHostEncrypted(u"127.0.0.1"_s, m_service->port());
        sockets.push_back(std::move(socket));
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_service->pendingPasswordChecks() >= 4, 10000);
    // Checks are queued; the engine thread still answers at once.
    const RedfishReply r = m_client->get(System1);
    QCOMPARE(r.status, 200);
    QVERIFY(m_service->pendingPasswordChecks() > 0);
    QVERIFY(m_service->pendingPasswordChecks() <= redfish::PasswordVerifier::MaxPending);

    auto done = [&answers] {
        for (const QByteArray &a : answers)
            if (!a.contains("\r\n\r\n"))
                return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(done(), 30000);
    int unauthorized = 0;
    int busy = 0;
    for (const QByteArray &a : std::as_const(answers)) {
        if (a.startsWith("HTTP/1.1 401 "))
            ++unauthorized;
        else if (a.startsWith("HTTP/1.1 503 ") && a.contains("\r\nRetry-After: 1\r\n"))
            ++busy;
        else
            QFAIL(a.left(200).constData());
    }
    qInfo() << "flood:" << unauthorized << "x 401 after PBKDF2," << busy << "x 503 refused while busy";
    QCOMPARE(unauthorized + busy, Flood);
    QVERIFY(busy > 0);
    QVERIFY(unauthorized >= redfish::PasswordVerifier::MaxPending);
    QCOMPARE(m_service->pendingPasswordChecks(), 0);
}

QTEST_GUILESS_MAIN(TestRedfishService)
#include "tst_redfishservice.moc"
