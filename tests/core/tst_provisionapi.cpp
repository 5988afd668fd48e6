#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/inventory.h"
#include "devices/journalkinds.h"
#include "engine/labengine.h"
#include "http/httpservice.h"
#include "labfixture.h"
#include "provision/lifecyclemanager.h"
#include "provision/provisioning.h"
#include "provisiontesthelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using lifecycle::State;

// The provisioning HTTP API over loopback with a real client: the deploy environment's routes
// (boot instructions, registration, progress/completion callbacks, IPA inspection) with their
// device tokens, and the operator's routes (lifecycle moves, workflows) with the API token.
class TestProvisionApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<LabFixture> m_fixture;
    std::unique_ptr<LabEngine> m_engine;
    QNetworkAccessManager m_nam;
    QString m_base;
    const MacAddress m_pi1 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));
    const MacAddress m_pi2 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:02"));

    struct Reply
    {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QString errorCode() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
        QString errorMessage() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(); }
    };

    // auth: "admin" = the API token, "" = none, anything else = that bearer token.
    Reply call(const QByteArray &verb, const QString &path, const QByteArray &body = {}, const QByteArray &auth = "admin")
    {
        QNetworkRequest req(QUrl(m_base + path));
        if (auth == "admin")
            req.setRawHeader("Authorization", "Bearer " + m_engine->apiToken().toLatin1());
        else if (!auth.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + auth);
        if (!body.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(10000))
            qWarning("request timed out");
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        reply->deleteLater();
        return r;
    }

    void writeWorkflow(const char *name, const QByteArray &yaml)
    {
        const QString dir = m_fixture->options.paths.configDir + QStringLiteral("/workflows");
        QDir().mkpath(dir);
        QFile f(dir + QLatin1Char('/') + QString::fromLatin1(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(yaml);
    }

    void startLab(const QByteArray &extra = {})
    {
        m_fixture = std::make_unique<LabFixture>(
            QByteArray("devices:\n"
                       "  \"dc:a6:32:00:00:01\": {name: pi-01, serial: \"6b1d0001\", model: pi4, boot_mode: native, ip: 192.168.7.11}\n"
                       "  \"dc:a6:32:00:00:02\": {name: pi-02, serial: \"6b1d0002\", model: pi4, boot_mode: native}\n"
                       "  \"52:54:00:12:34:02\": {name: vm-01, model: qemu-x86_64}\n")
            + extra);
        writeWorkflow("ubuntu.yaml", "id: pi-ubuntu\nname: Ubuntu 24.04\narch: aarch64\ninstall_method: image\n"
                                     "image_url: /images/ubuntu-arm64.img.xz\ntarget_device: /dev/mmcblk0\n"
                                     "post_install: [resize_rootfs]\n");
        writeWorkflow("x86.yaml", "id: x86-debian\narch: x86_64\ninstall_method: image\nimage_url: http://mirror/debian.img\n");
        writeWorkflow("diskless.yaml", "id: pi-diskless\ninstall_method: nfs\nnfs_server: 192.168.7.1\nnfs_image: ubuntu-arm64\n"
                                       "kernel: nfs/vmlinuz\nnfs_clients: 192.168.7.0/24\n");
        writeWorkflow("broken.yaml", "id: broken\ninstall_method: image\n");
        m_engine = std::make_unique<LabEngine>(m_fixture->options);
        QString error;
        QVERIFY2(m_engine->start(&error), qPrintable(error));
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_engine->http()->port());
    }

    LifecycleManager *lc() const { return m_engine->provisioning()->lifecycle(); }
    QByteArray token(const MacAddress &mac) const { return lc()->token(mac); }
    QList<JournalEvent> journalOf(const MacAddress &mac, const char *kind) const
    {
        QList<JournalEvent> out;
        for (const auto &e : m_engine->journal()->events(mac))
            if (e.kind == QString::fromLatin1(kind))
                out.append(e);
        return out;
    }
    QString nodePath(const MacAddress &mac, const char *action) const
    {
        return QStringLiteral("/api/v1/nodes/%1/%2").arg(mac.toDashed(), QString::fromLatin1(action));
    }
    void startInstall(const MacAddress &mac, const char *workflow)
    {
        const Reply r = call("PUT", QStringLiteral("/api/v1/devices/%1/workflow").arg(mac.toString()),
                             QByteArray("{\"workflow\":\"") + workflow + "\",\"start\":true}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("state")).toString(), QStringLiteral("provisioning"));
    }

private Q_SLOTS:
    void init() { startLab(); }
    void cleanup()
    {
        m_engine.reset();
        m_fixture.reset();
    }

    void adoptedDevicesAreReady()
    {
        QCOMPARE(lc()->state(m_pi1), State::Ready);
        QCOMPARE(m_engine->registry()->find(m_pi1)->lifecycle, QStringLiteral("ready"));
        QTRY_VERIFY(QFile::exists(m_fixture->options.paths.dataDir + QStringLiteral("/lifecycle.json")));   // saved within 250 ms (coalesced)
    }

    void bootInstructionsValidation_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("nothing") << QString() << 400 << QStringLiteral("missing-identity");
        QTest::newRow("bad serial") << QStringLiteral("serial=xyz") << 400 << QStringLiteral("invalid-serial");
        QTest::newRow("bad mac") << QStringLiteral("mac=12345") << 400 << QStringLiteral("invalid-mac");
        QTest::newRow("conflict") << QStringLiteral("serial=6b1d0001&mac=dc:a6:32:00:00:02") << 409 << QStringLiteral("identity-conflict");
    }
    void bootInstructionsValidation()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, code);
        const Reply r = call("GET", QStringLiteral("/api/v1/boot/pi?") + query, {}, "");
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
    }

    void bootInstructionsPerState()
    {
        // A known Pi, ready, no workflow: wait.
        Reply r = call("GET", QStringLiteral("/api/v1/boot/pi?serial=6b1d0001"), {}, "");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(r.json.value(QStringLiteral("action")).toString(), QStringLiteral("wait"));
        QCOMPARE(r.json.value(QStringLiteral("node_id")).toString(), QStringLiteral("dc-a6-32-00-00-01"));
        QVERIFY(!r.json.contains(QStringLiteral("callback_token")));   // never handed out for known devices

        startInstall(m_pi1, "pi-ubuntu");
        r = call("GET", QStringLiteral("/api/v1/boot/pi?serial=6b1d0001&mac=dc:a6:32:00:00:01"), {}, "");
        QCOMPARE(r.json.value(QStringLiteral("action")).toString(), QStringLiteral("deploy_image"));
        QCOMPARE(r.json.value(QStringLiteral("image_url")).toString(), m_base + QStringLiteral("/images/ubuntu-arm64.img.xz"));
        QCOMPARE(r.json.value(QStringLiteral("target_device")).toString(), QStringLiteral("/dev/mmcblk0"));
        QCOMPARE(r.json.value(QStringLiteral("callback_url")).toString(), m_base + nodePath(m_pi1, "installed"));
        QCOMPARE(r.json.value(QStringLiteral("post_install")).toArray().first().toString(), QStringLiteral("resize_rootfs"));
        QVERIFY(!r.body.contains(token(m_pi1)));

        // Journaled once per change of instructions, not per poll.
        call("GET", QStringLiteral("/api/v1/boot/pi?serial=6b1d0001"), {}, "");
        int instructions = 0;
        for (const auto &e : journalOf(m_pi1, journalkind::ProvisionEvent))
            instructions += e.data.value(QStringLiteral("event")).toString() == QLatin1String("instructions") ? 1 : 0;
        QCOMPARE(instructions, 2);
    }

    void unknownPiRegistersItself()
    {
        // Without a MAC the agent is told to register.
        Reply r = call("GET", QStringLiteral("/api/v1/boot/pi?serial=d83add36"), {}, "");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("action")).toString(), QStringLiteral("register"));
        QVERIFY(!m_engine->registry()->findBySerial(QStringLiteral("d83add36")));

        r = call("POST", QStringLiteral("/api/v1/nodes/register-pi"),
                 R"({"serial":"10000000D83ADD36","mac":"dc:a6:32:01:36:c2","model":"pi4","ip_address":"192.168.7.50"})", "");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QStringLiteral("success")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("node_id")).toString(), QStringLiteral("dc-a6-32-01-36-c2"));
        QCOMPARE(r.json.value(QStringLiteral("state")).toString(), QStringLiteral("discovered"));
        const QByteArray tok = r.json.value(QStringLiteral("callback_token")).toString().toLatin1();
        const MacAddress mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
        QCOMPARE(tok, token(mac));
        const DeviceInfo *d = m_engine->registry()->find(mac);
        QVERIFY(d);
        QCOMPARE(d->serial, QStringLiteral("d83add36"));   // the 16-digit form shortened to the boot ROM's 8
        QCOMPARE(d->model, QStringLiteral("pi4"));
        QCOMPARE(d->ip.toString(), QStringLiteral("192.168.7.50"));
        QCOMPARE(d->lifecycle, QStringLiteral("discovered"));
        QVERIFY(!journalOf(mac, journalkind::ProvisionEvent).isEmpty());

        // Now known: instructions say discovered/wait; re-registration needs the token.
        r = call("GET", QStringLiteral("/api/v1/boot/pi?serial=d83add36"), {}, "");
        QCOMPARE(r.json.value(QStringLiteral("state")).toString(), QStringLiteral("discovered"));
        QCOMPARE(r.json.value(QStringLiteral("action")).toString(), QStringLiteral("wait"));
        r = call("POST", QStringLiteral("/api/v1/nodes/register-pi"), R"({"serial":"d83add36","mac":"dc:a6:32:01:36:c2","ip_address":"10.6.6.6"})", "");
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid-device-token"));
        QCOMPARE(m_engine->registry()->find(mac)->ip.toString(), QStringLiteral("192.168.7.50"));
        r = call("POST", QStringLiteral("/api/v1/nodes/register-pi"), R"({"serial":"d83add36","mac":"dc:a6:32:01:36:c2","ip_address":"192.168.7.51"})", tok);
        QCOMPARE(r.status, 200);
        QCOMPARE(m_engine->registry()->find(mac)->ip.toString(), QStringLiteral("192.168.7.51"));
        // Somebody else claiming that serial for another MAC.
        r = call("POST", QStringLiteral("/api/v1/nodes/register-pi"), R"({"serial":"d83add36","mac":"dc:a6:32:01:36:ff"})", "");
        QCOMPARE(r.status, 409);
        // Adopting it makes it ready.
        r = call("PUT", QStringLiteral("/api/v1/devices/dc:a6:32:01:36:c2"), R"({"name":"pi-new","serial":"d83add36","model":"pi4"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(lc()->state(mac), State::Ready);
    }

    void bootInstructionsAutoRegister()
    {
        const Reply r = call("GET", QStringLiteral("/api/v1/boot/pi?serial=0badc0de&mac=dc:a6:32:0b:ad:c0"), {}, "");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("state")).toString(), QStringLiteral("discovered"));
        const MacAddress mac = *MacAddress::parse(QStringLiteral("dc:a6:32:0b:ad:c0"));
        QCOMPARE(r.json.value(QStringLiteral("callback_token")).toString().toLatin1(), token(mac));
        QCOMPARE(m_engine->registry()->find(mac)->serial, QStringLiteral("0badc0de"));
    }

    void registrationValidation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("malformed") << QByteArray("{serial") << 400 << QStringLiteral("malformed-json");
        QTest::newRow("array") << QByteArray("[]") << 400 << QStringLiteral("malformed-json");
        QTest::newRow("no serial") << QByteArray(R"({"mac":"dc:a6:32:01:36:c2"})") << 422 << QStringLiteral("invalid-serial");
        QTest::newRow("bad mac") << QByteArray(R"({"serial":"d83add36","mac":"nope"})") << 422 << QStringLiteral("invalid-mac");
        QTest::newRow("bad model") << QByteArray(R"({"serial":"d83add36","mac":"dc:a6:32:01:36:c2","model":"pi9"})") << 422 << QStringLiteral("invalid-model");
        QTest::newRow("bad ip") << QByteArray(R"({"serial":"d83add36","mac":"dc:a6:32:01:36:c2","ip_address":"::1"})") << 422 << QStringLiteral("invalid-ip");
    }
    void registrationValidation()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const Reply r = call("POST", QStringLiteral("/api/v1/nodes/register-pi"), body, "");
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!m_engine->registry()->find(*MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"))));
    }

    void registrationLimits()
    {
        cleanup();
        startLab("provisioning: {max_discovered: 1}\n");
        Reply r = call("POST", QStringLiteral("/api/v1/nodes/register-pi"), R"({"serial":"d83add36","mac":"dc:a6:32:01:36:c2"})", "");
        QCOMPARE(r.status, 201);
        r = call("POST", QStringLiteral("/api/v1/nodes/register-pi"), R"({"serial":"d83add37","mac":"dc:a6:32:01:36:c3"})", "");
        QCOMPARE(r.status, 429);
        QCOMPARE(r.errorCode(), QStringLiteral("too-many-discovered"));
        cleanup();
        startLab("provisioning: {auto_register: false}\n");
        r = call("POST", QStringLiteral("/api/v1/nodes/register-pi"), R"({"serial":"d83add36","mac":"dc:a6:32:01:36:c2"})", "");
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("registration-disabled"));
        r = call("GET", QStringLiteral("/api/v1/boot/pi?serial=d83add36&mac=dc:a6:32:01:36:c2"), {}, "");
        QCOMPARE(r.status, 403);
        QVERIFY(!m_engine->registry()->find(*MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"))));
    }

    void installHappyPath()
    {
        startInstall(m_pi1, "pi-ubuntu");
        const QByteArray tok = token(m_pi1);
        // The boot files carry the token and the callbacks.
        Reply r = call("GET", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/boot-files"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("mode")).toString(), QStringLiteral("install"));
        const QString cmdline = r.json.value(QStringLiteral("cmdline_txt")).toString();
        QVERIFY2(cmdline.contains(QStringLiteral("metalboot.token=") + QString::fromLatin1(tok)), qPrintable(cmdline));
        QVERIFY(cmdline.contains(QStringLiteral("metalboot.callback=") + m_base + nodePath(m_pi1, "installed")));
        QVERIFY(cmdline.contains(QStringLiteral("metalboot.image_url=") + m_base + QStringLiteral("/images/ubuntu-arm64.img.xz")));
        QCOMPARE(r.json.value(QStringLiteral("files")).toObject().value(QStringLiteral("start4.elf")).toObject()
                     .value(QStringLiteral("source")).toString(), QStringLiteral("firmware"));

        // Progress events from the agent.
        r = call("POST", nodePath(m_pi1, "progress"), R"({"event":"step-started","step":"write-image","percent":5})", tok);
        QCOMPARE(r.status, 200);
        r = call("POST", nodePath(m_pi1, "progress"), R"({"event":"heartbeat"})", tok);
        QCOMPARE(r.status, 200);
        r = call("POST", nodePath(m_pi1, "progress"), R"({"event":"step-completed","step":"write-image","percent":90,"message":"3.2 GB written"})", tok);
        QCOMPARE(r.status, 200);
        QCOMPARE(lc()->record(m_pi1)->progress.value(QStringLiteral("percent")).toInt(), 90);
        r = call("GET", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/lifecycle"));
        QCOMPARE(r.json.value(QStringLiteral("progress")).toObject().value(QStringLiteral("step")).toString(), QStringLiteral("write-image"));
        QVERIFY(!r.json.contains(QStringLiteral("token")));     // the operator API never shows it
        QStringList steps;
        for (const auto &e : journalOf(m_pi1, journalkind::ProvisionEvent))
            if (e.data.contains(QStringLiteral("percent")))
                steps << e.message;
        QCOMPARE(steps, (QStringList{QStringLiteral("step-started write-image 5%"),
                                     QStringLiteral("step-completed write-image 90%: 3.2 GB written")}));   // no heartbeat

        r = call("POST", nodePath(m_pi1, "installed"), R"({"message":"ubuntu written, 2 steps"})", tok);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("state")).toString(), QStringLiteral("deployed"));
        QCOMPARE(lc()->state(m_pi1), State::Deployed);
        QCOMPARE(m_engine->registry()->find(m_pi1)->lifecycle, QStringLiteral("deployed"));
        // Deployed from an image: netboot refused (local boot), instructions say so.
        r = call("GET", QStringLiteral("/api/v1/boot/pi?serial=6b1d0001"), {}, "");
        QCOMPARE(r.json.value(QStringLiteral("action")).toString(), QStringLiteral("local_boot"));
        r = call("GET", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/boot-files"));
        QCOMPARE(r.json.value(QStringLiteral("refuse_netboot")).toBool(), true);

        // The agent's token died with the install: a replayed callback is refused.
        r = call("POST", nodePath(m_pi1, "installed"), {}, tok);
        QCOMPARE(r.status, 401);
        // And with the new token the state machine refuses a second completion.
        r = call("POST", nodePath(m_pi1, "installed"), {}, token(m_pi1));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("illegal-transition"));
        QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("deployed"));
        r = call("POST", nodePath(m_pi1, "progress"), R"({"event":"step-started"})", token(m_pi1));
        QCOMPARE(r.status, 409);

        // Lifecycle journal: ready -> provisioning -> deployed.
        QStringList to;
        for (const auto &e : journalOf(m_pi1, journalkind::LifecycleChanged))
            to << e.data.value(QStringLiteral("to")).toString();
        QCOMPARE(to.join(QLatin1Char(',')), QStringLiteral("provisioning,deployed"));
    }

    void installFailureAndRetry()
    {
        startInstall(m_pi2, "pi-ubuntu");
        const QByteArray tok = token(m_pi2);
        Reply r = call("POST", nodePath(m_pi2, "install-failed"), R"({"step":"write-image","error":"No space left on device"})", tok);
        QCOMPARE(r.status, 200);
        QCOMPARE(lc()->state(m_pi2), State::Failed);
        QCOMPARE(lc()->record(m_pi2)->lastError, QStringLiteral("write-image: No space left on device"));
        bool errorJournaled = false;
        for (const auto &e : journalOf(m_pi2, journalkind::ProvisionEvent))
            errorJournaled = errorJournaled || (e.severity == JournalEvent::Severity::Error && e.message.contains(QStringLiteral("No space left")));
        QVERIFY(errorJournaled);
        r = call("GET", QStringLiteral("/api/v1/boot/pi?mac=dc:a6:32:00:00:02"), {}, "");
        QCOMPARE(r.json.value(QStringLiteral("action")).toString(), QStringLiteral("wait"));
        QCOMPARE(r.json.value(QStringLiteral("error")).toString(), QStringLiteral("write-image: No space left on device"));
        // Failed -> deployed is illegal, for the agent and the operator alike.
        r = call("POST", nodePath(m_pi2, "installed"), {}, tok);
        QCOMPARE(r.status, 409);
        r = call("POST", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:02/lifecycle"), R"({"state":"deployed"})");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("illegal-transition"));
        QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("allowed")).toArray().size(), 4);
        // Retry: the agent (still running) keeps its token.
        r = call("POST", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:02/lifecycle"), R"({"state":"provisioning","reason":"bigger card"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("installs")).toInt(), 2);
        QVERIFY(!r.json.contains(QStringLiteral("last_error")));
        r = call("POST", nodePath(m_pi2, "installed"), {}, tok);
        QCOMPARE(r.status, 200);
    }

    void reprovisionStartsOnFirstAgentEvent()
    {
        startInstall(m_pi1, "pi-ubuntu");
        QCOMPARE(call("POST", nodePath(m_pi1, "installed"), {}, token(m_pi1)).status, 200);
        Reply r = call("POST", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/lifecycle"), R"({"state":"reprovision"})");
        QCOMPARE(r.status, 200);
        r = call("GET", QStringLiteral("/api/v1/boot/pi?serial=6b1d0001"), {}, "");
        QCOMPARE(r.json.value(QStringLiteral("action")).toString(), QStringLiteral("deploy_image"));
        const QByteArray tok = token(m_pi1);
        // A heartbeat does not start it; a real step does.
        QCOMPARE(call("POST", nodePath(m_pi1, "progress"), R"({"event":"heartbeat"})", tok).status, 200);
        QCOMPARE(lc()->state(m_pi1), State::Reprovision);
        QCOMPARE(call("POST", nodePath(m_pi1, "progress"), R"({"event_type":"boot_started","status":"success"})", tok).status, 200);
        QCOMPARE(lc()->state(m_pi1), State::Provisioning);
        QCOMPARE(lc()->token(m_pi1), tok);
        QCOMPARE(call("POST", nodePath(m_pi1, "installed"), {}, tok).status, 200);
        QCOMPARE(lc()->record(m_pi1)->installs, 2);
    }

    void callbackValidation_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("auth");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString progress = QStringLiteral("/api/v1/nodes/dc-a6-32-00-00-01/progress");
        QTest::newRow("no token") << progress << QByteArray(R"({"event":"progress"})") << QByteArray() << 401 << QStringLiteral("invalid-device-token");
        QTest::newRow("wrong token") << progress << QByteArray(R"({"event":"progress"})") << QByteArray(43, 'A') << 401 << QStringLiteral("invalid-device-token");
        QTest::newRow("admin token is not a device token") << progress << QByteArray(R"({"event":"progress"})") << QByteArray("admin") << 401 << QStringLiteral("invalid-device-token");
        QTest::newRow("other device's token") << progress << QByteArray(R"({"event":"progress"})") << QByteArray("pi2") << 401 << QStringLiteral("invalid-device-token");
        QTest::newRow("bad event") << progress << QByteArray(R"({"event":"rm -rf"})") << QByteArray("pi1") << 422 << QStringLiteral("invalid-event");
        QTest::newRow("bad percent") << progress << QByteArray(R"({"event":"progress","percent":140})") << QByteArray("pi1") << 422 << QStringLiteral("invalid-percent");
        QTest::newRow("percent type") << progress << QByteArray(R"({"event":"progress","percent":"50"})") << QByteArray("pi1") << 422 << QStringLiteral("invalid-percent");
        QTest::newRow("malformed") << progress << QByteArray("{") << QByteArray("pi1") << 400 << QStringLiteral("malformed-json");
        QTest::newRow("bad id") << QStringLiteral("/api/v1/nodes/not-a-mac/installed") << QByteArray() << QByteArray("pi1") << 400 << QStringLiteral("invalid-node-id");
        QTest::newRow("unknown node") << QStringLiteral("/api/v1/nodes/dc-a6-32-99-99-99/installed") << QByteArray() << QByteArray("pi1") << 404 << QStringLiteral("not-found");
        QTest::newRow("installed while ready") << QStringLiteral("/api/v1/nodes/dc-a6-32-00-00-01/installed") << QByteArray() << QByteArray("pi1") << 409 << QStringLiteral("illegal-transition");
        QTest::newRow("failed while ready") << QStringLiteral("/api/v1/nodes/dc-a6-32-00-00-01/install-failed") << QByteArray() << QByteArray("pi1") << 409 << QStringLiteral("illegal-transition");
    }
    void callbackValidation()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, auth);
        QFETCH(int, status);
        QFETCH(QString, code);
        QByteArray bearer = auth;
        if (auth == "pi1")
            bearer = token(m_pi1);
        else if (auth == "pi2")
            bearer = token(m_pi2);
        const Reply r = call("POST", path, body, bearer);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(lc()->state(m_pi1), State::Ready);
    }

    void tokenInQueryAndHeader()
    {
        startInstall(m_pi1, "pi-ubuntu");
        // ?token= (fixed callback URLs) and X-MetalBoot-Token work like the bearer form.
        Reply r = call("POST", nodePath(m_pi1, "progress") + QStringLiteral("?token=") + QString::fromLatin1(token(m_pi1)),
                       R"({"event":"progress"})", "");
        QCOMPARE(r.status, 200);
        QNetworkRequest req(QUrl(m_base + nodePath(m_pi1, "progress")));
        req.setRawHeader("X-MetalBoot-Token", token(m_pi1));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.post(req, QByteArray(R"({"event":"log","message":"hello"})"));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }

    void operatorLifecycleRoutes()
    {
        Reply r = call("GET", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/lifecycle"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(r.json.value(QStringLiteral("serving")).toString(), QStringLiteral("wait"));
        QCOMPARE(r.json.value(QStringLiteral("allowed_transitions")).toArray(), (QJsonArray{QStringLiteral("provisioning"), QStringLiteral("retired")}));
        // Unknown state, illegal move, missing workflow: each refused with its own code.
        r = call("POST", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/lifecycle"), R"({"state":"installing"})");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid-state"));
        r = call("POST", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/lifecycle"), R"({"state":"deployed"})");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("illegal-transition"));
        QVERIFY2(r.errorMessage().contains(QStringLiteral("ready -> deployed is not allowed")), qPrintable(r.errorMessage()));
        r = call("POST", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/lifecycle"), R"({"state":"provisioning"})");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("precondition-failed"));
        r = call("POST", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:99/lifecycle"), R"({"state":"retired"})");
        QCOMPARE(r.status, 404);
        // Workflows: unknown, invalid (broken.yaml), wrong architecture.
        r = call("PUT", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/workflow"), R"({"workflow":"nope"})");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("unknown-workflow"));
        r = call("PUT", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/workflow"), R"({"workflow":"broken"})");
        QCOMPARE(r.status, 422);
        r = call("PUT", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/workflow"), R"({"workflow":"x86-debian"})");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("architecture-mismatch"));
        r = call("PUT", QStringLiteral("/api/v1/devices/52:54:00:12:34:02/workflow"), R"({"workflow":"x86-debian"})");
        QCOMPARE(r.status, 200);
        // Assign, then unassign; retire; re-enrol.
        r = call("PUT", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/workflow"), R"({"workflow":"pi-ubuntu"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("workflow")).toString(), QStringLiteral("pi-ubuntu"));
        QCOMPARE(r.json.value(QStringLiteral("state")).toString(), QStringLiteral("ready"));
        r = call("DELETE", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/workflow"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("workflow")).isNull());
        r = call("POST", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/lifecycle"), R"({"state":"retired","reason":"broken SD slot"})");
        QCOMPARE(r.status, 200);
        r = call("GET", QStringLiteral("/api/v1/boot/pi?serial=6b1d0001"), {}, "");
        QCOMPARE(r.json.value(QStringLiteral("action")).toString(), QStringLiteral("none"));
        r = call("PUT", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/workflow"), R"({"workflow":"pi-ubuntu"})");
        QCOMPARE(r.status, 409);
        r = call("POST", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/lifecycle"), R"({"state":"discovered"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("history")).toArray().last().toObject().value(QStringLiteral("actor")).toString(), QStringLiteral("api"));
    }

    void operatorRoutesNeedTheApiToken_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::newRow("workflows") << QByteArray("GET") << QStringLiteral("/api/v1/workflows");
        QTest::newRow("reload") << QByteArray("POST") << QStringLiteral("/api/v1/workflows/reload");
        QTest::newRow("workflow") << QByteArray("GET") << QStringLiteral("/api/v1/workflows/pi-ubuntu");
        QTest::newRow("lifecycle get") << QByteArray("GET") << QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/lifecycle");
        QTest::newRow("lifecycle post") << QByteArray("POST") << QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/lifecycle");
        QTest::newRow("assign") << QByteArray("PUT") << QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/workflow");
        QTest::newRow("unassign") << QByteArray("DELETE") << QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/workflow");
        QTest::newRow("boot files") << QByteArray("GET") << QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/boot-files");
        QTest::newRow("nfs") << QByteArray("GET") << QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/nfs");
        QTest::newRow("ipa") << QByteArray("GET") << QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/ipa");
        QTest::newRow("console") << QByteArray("GET") << QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/console");
        QTest::newRow("consoles") << QByteArray("GET") << QStringLiteral("/api/v1/consoles");
    }
    void operatorRoutesNeedTheApiToken()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QCOMPARE(call(verb, path, R"({"state":"retired","workflow":"pi-ubuntu"})", "").status, 401);
        // A device token opens nothing here.
        const Reply r = call(verb, path, R"({"state":"retired","workflow":"pi-ubuntu"})", token(m_pi1));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("unauthorized"));
        QCOMPARE(lc()->state(m_pi1), State::Ready);
        QVERIFY(lc()->record(m_pi1)->workflow.isEmpty());
    }

    void workflowsListed()
    {
        Reply r = call("GET", QStringLiteral("/api/v1/workflows"));
        QCOMPARE(r.status, 200);
        QStringList ids;
        for (const auto &w : r.json.value(QStringLiteral("workflows")).toArray())
            ids << w.toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(ids.join(QLatin1Char(',')), QStringLiteral("pi-diskless,pi-ubuntu,x86-debian"));
        const QJsonArray errors = r.json.value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().toObject().value(QStringLiteral("text")).toString().endsWith(
            QStringLiteral("broken.yaml:1:1: image_url: required for install_method image: the disk image to write")));
        QCOMPARE(errors.first().toObject().value(QStringLiteral("line")).toInt(), 1);
        // Fix the file; reload.
        writeWorkflow("broken.yaml", "id: broken\ninstall_method: image\nimage_url: http://x/y.img\n");
        r = call("POST", QStringLiteral("/api/v1/workflows/reload"));
        QCOMPARE(r.json.value(QStringLiteral("workflows")).toArray().size(), 4);
        QVERIFY(r.json.value(QStringLiteral("errors")).toArray().isEmpty());
        r = call("GET", QStringLiteral("/api/v1/workflows/pi-diskless"));
        QCOMPARE(r.json.value(QStringLiteral("install_method")).toString(), QStringLiteral("nfs"));
        QCOMPARE(call("GET", QStringLiteral("/api/v1/workflows/none")).status, 404);
    }

    void disklessNode()
    {
        startInstall(m_pi1, "pi-diskless");
        Reply r = call("GET", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/nfs"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("node_path")).toString(), QStringLiteral("/nfsroot/nodes/6b1d0001"));
        // The reserved address restricts the export to the node.
        QCOMPARE(r.json.value(QStringLiteral("exports_line")).toString(),
                 QStringLiteral("/nfsroot/nodes/6b1d0001 192.168.7.11(rw,sync,no_subtree_check,no_root_squash)"));
        r = call("GET", QStringLiteral("/api/v1/boot/pi?serial=6b1d0001"), {}, "");
        QCOMPARE(r.json.value(QStringLiteral("action")).toString(), QStringLiteral("nfs_setup"));
        QCOMPARE(call("POST", nodePath(m_pi1, "installed"), {}, token(m_pi1)).status, 200);
        r = call("GET", QStringLiteral("/api/v1/boot/pi?serial=6b1d0001"), {}, "");
        QCOMPARE(r.json.value(QStringLiteral("action")).toString(), QStringLiteral("nfs_boot"));
        r = call("GET", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:01/boot-files"));
        QCOMPARE(r.json.value(QStringLiteral("mode")).toString(), QStringLiteral("nfs-root"));
        QVERIFY(r.json.value(QStringLiteral("cmdline_txt")).toString().contains(
            QStringLiteral("root=/dev/nfs nfsroot=192.168.7.1:/nfsroot/nodes/6b1d0001,vers=4,tcp rw ip=dhcp")));
        QCOMPARE(r.json.value(QStringLiteral("files")).toObject().value(QStringLiteral("kernel8.img")).toObject()
                     .value(QStringLiteral("path")).toString(), QStringLiteral("nfs/vmlinuz"));
        QCOMPARE(call("GET", QStringLiteral("/api/v1/devices/dc:a6:32:00:00:02/nfs")).status, 404);
    }

    void nativeBootEntryPoint()
    {
        Provisioning *p = m_engine->provisioning();
        // By serial, as the TFTP server asks.
        auto files = p->nativeBootFiles(QStringLiteral("6b1d0001"));
        QCOMPARE(files.mode, provision::NativeMode::Wait);
        QVERIFY(files.cmdlineTxt.contains(QByteArray("metalboot.token=" + token(m_pi1))));
        QVERIFY(files.configTxt.contains("# Metal Boot: pi-01 (dc:a6:32:00:00:01), serial 6b1d0001: state ready"));
        // An unknown serial: discovery, no identity, no token.
        files = p->nativeBootFiles(QStringLiteral("0badc0de"));
        QCOMPARE(files.mode, provision::NativeMode::Discovery);
        QVERIFY(files.cmdlineTxt.contains("metalboot.serial=0badc0de"));
        QVERIFY(!files.cmdlineTxt.contains("metalboot.token="));
        QVERIFY(p->deployDirectory().endsWith(QStringLiteral("/deploy-arm64")));
    }

    void inspectionStoresInventory()
    {
        QFile f(QStringLiteral(TEST_DATA_DIR "/ipa/inspection-pi4.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pi4 = f.readAll();
        const MacAddress mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
        // Unknown device: trust on first use; it gets registered and told its token.
        Reply r = call("POST", QStringLiteral("/v1/continue"), pi4, "");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("uuid")).toString(), QStringLiteral("dc-a6-32-01-36-c2"));
        QCOMPARE(r.json.value(QStringLiteral("callback_token")).toString().toLatin1(), token(mac));
        QVERIFY(m_engine->inventory()->hasInspection(mac));
        const HardwareInventory hw = m_engine->inventory()->inventory(mac, QStringLiteral("pi4"));
        QCOMPARE(hw.source, QStringLiteral("inspection"));
        QCOMPARE(hw.memoryMiB, 4096);
        QCOMPARE(hw.disks.size(), 2);
        QVERIFY(QFile::exists(m_fixture->options.paths.dataDir + QStringLiteral("/inventory/dc-a6-32-01-36-c2.json")));
        const auto events = journalOf(mac, journalkind::ProvisionInspection);
        QCOMPARE(events.size(), 1);
        QVERIFY2(events.first().message.contains(QStringLiteral("4 × Cortex-A72, 4096 MiB RAM, 2 disk(s), 2 NIC(s)")),
                 qPrintable(events.first().message));
        QCOMPARE(lc()->state(mac), State::Discovered);

        // Known now: a second post needs its token (query form, as IPA's fixed callback URL).
        r = call("POST", QStringLiteral("/v1/continue"), pi4, "");
        QCOMPARE(r.status, 401);
        r = call("POST", QStringLiteral("/v1/continue?token=") + QString::fromLatin1(token(mac)), pi4, "");
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json.contains(QStringLiteral("callback_token")));
        r = call("POST", QStringLiteral("/v1/continue_inspection?token=") + QString::fromLatin1(token(mac)), pi4, "");
        QCOMPARE(r.status, 200);

        // Malformed data is refused with a reason.
        r = call("POST", QStringLiteral("/v1/continue"), R"({"inventory":{"interfaces":"eth0"}})", "");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid-inspection-data"));
    }

    void inspectionMapsByBootInterface()
    {
        // The VM's second NIC is the adopted device; the first is unknown.
        QFile f(QStringLiteral(TEST_DATA_DIR "/ipa/inspection-qemu-x86.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const MacAddress vm = *MacAddress::parse(QStringLiteral("52:54:00:12:34:02"));
        const Reply r = call("POST", QStringLiteral("/v1/continue"), f.readAll(), token(vm));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("uuid")).toString(), QStringLiteral("52-54-00-12-34-02"));
        QVERIFY(m_engine->inventory()->hasInspection(vm));
        QVERIFY(!m_engine->registry()->find(*MacAddress::parse(QStringLiteral("52:54:00:12:34:01"))));
        const auto events = journalOf(vm, journalkind::ProvisionInspection);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().severity, JournalEvent::Severity::Warning);   // IPA reported a collector error
    }

    void ipaRoute()
    {
        const Reply r = call("GET", QStringLiteral("/api/v1/devices/52:54:00:12:34:02/ipa"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("kernel")).toString(), QStringLiteral("ironic-python-agent.kernel"));
        QCOMPARE(r.json.value(QStringLiteral("ramdisk_url")).toString(), m_base + QStringLiteral("/ironic-python-agent.initramfs"));
        const QString args = r.json.value(QStringLiteral("kernel_args")).toString();
        QVERIFY(args.contains(QStringLiteral("ipa-inspection-callback-url=") + m_base + QStringLiteral("/v1/continue?token=")
                              + QString::fromLatin1(token(*MacAddress::parse(QStringLiteral("52:54:00:12:34:02"))))));
        QVERIFY(args.contains(QStringLiteral("BOOTIF=01-52-54-00-12-34-02")));
    }

    void stateSurvivesRestart()
    {
        startInstall(m_pi1, "pi-ubuntu");
        const QByteArray tok = token(m_pi1);
        m_engine.reset();
        m_engine = std::make_unique<LabEngine>(m_fixture->options);
        QString error;
        QVERIFY2(m_engine->start(&error), qPrintable(error));
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_engine->http()->port());
        QCOMPARE(lc()->state(m_pi1), State::Provisioning);
        QCOMPARE(m_engine->registry()->find(m_pi1)->lifecycle, QStringLiteral("provisioning"));
        QCOMPARE(call("POST", nodePath(m_pi1, "installed"), {}, tok).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestProvisionApi)
#include "tst_provisionapi.moc"
