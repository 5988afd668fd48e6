#include "devices/devicejournal.h"
#include "devices/journalkinds.h"
#include "engine/labengine.h"
#include "fakefactory.h"
#include "http/httpservice.h"
#include "labfixture.h"
#include "provision/lifecyclemanager.h"
#include "provision/provisioning.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

// A deploy agent written the way the seed's initramfs does it — POSIX sh and curl reading the
// kernel command line we generate — run against the lab: discovery and registration of an
// unknown Pi, then an image install whose image is a Talos image the lab fetches from a
// (local, fake) image factory, verified with sha256sum against our .sha256.
class TestProvisionAgent : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeFactory> m_factory;
    std::unique_ptr<LabFixture> m_fixture;
    std::unique_ptr<LabEngine> m_engine;
    const MacAddress m_pi = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));

    // Parses the command line like an initramfs does and leaves mb_<key> variables.
    static QByteArray prologue()
    {
        return "#!/bin/sh\nset -eu\n"
               "for arg in $(cat \"$1\"); do\n"
               "  case \"$arg\" in\n"
               "    metalboot.*=*) key=${arg%%=*}; key=${key#metalboot.}; val=${arg#*=}\n"
               "      case \"$key\" in *[!a-z_]*) continue ;; esac\n"
               "      eval \"mb_$key=\\$val\" ;;\n"
               "  esac\n"
               "done\n"
               "json='Content-Type: application/json'\n";
    }

    static QByteArray installAgent()
    {
        return prologue()
            + "auth=\"Authorization: Bearer $mb_token\"\n"
              "curl -fsS -H \"$auth\" -H \"$json\" -d '{\"event\":\"boot_started\"}' \"$mb_progress\" >/dev/null\n"
              "instructions=$(curl -fsS \"$mb_instructions\")\n"
              "case \"$instructions\" in *'\"action\":\"deploy_image\"'*) ;; *) echo \"unexpected: $instructions\" >&2; exit 1 ;; esac\n"
              "curl -fsS -H \"$auth\" -H \"$json\" -d '{\"event\":\"step-started\",\"step\":\"write-image\",\"percent\":0}' \"$mb_progress\" >/dev/null\n"
              "target=\"$2\"\n"
              "curl -fsS \"$mb_image_url\" -o \"$target\"\n"
              "expected=$(curl -fsS \"$mb_image_url.sha256\" | cut -d' ' -f1)\n"
              "actual=$(sha256sum \"$target\" | cut -d' ' -f1)\n"
              "if [ \"$expected\" != \"$actual\" ]; then\n"
              "  curl -fsS -H \"$auth\" -H \"$json\" -d '{\"step\":\"verify\",\"error\":\"checksum mismatch\"}' \"$mb_failed\" >/dev/null\n"
              "  exit 1\n"
              "fi\n"
              "curl -fsS -H \"$auth\" -H \"$json\" -d '{\"event\":\"step-completed\",\"step\":\"write-image\",\"percent\":100}' \"$mb_progress\" >/dev/null\n"
              "curl -fsS -H \"$auth\" -H \"$json\" -d '{\"message\":\"image written and verified\"}' \"$mb_callback\" >/dev/null\n"
              "echo \"$actual\"\n";
    }

    static QByteArray discoveryAgent()
    {
        return prologue()
            + "mac=\"$2\"\n"
              "reply=$(curl -fsS -H \"$json\" -d \"{\\\"serial\\\":\\\"$mb_serial\\\",\\\"mac\\\":\\\"$mac\\\",\\\"model\\\":\\\"pi4\\\"}\" \"$mb_register\")\n"
              "token=$(echo \"$reply\" | sed -n 's/.*\"callback_token\":\"\\([A-Za-z0-9_-]*\\)\".*/\\1/p')\n"
              "[ -n \"$token\" ]\n"
              "curl -fsS \"$mb_instructions&mac=$mac\"\n";
    }

    // Runs an agent without blocking the lab (same thread): the event loop keeps serving.
    QByteArray runAgent(const QByteArray &script, const QByteArray &cmdline, const QString &arg, int *exitCode)
    {
        const QString scriptPath = m_dir.filePath(QStringLiteral("agent.sh"));
        const QString cmdlinePath = m_dir.filePath(QStringLiteral("cmdline.txt"));
        QFile s(scriptPath), c(cmdlinePath);
        if (!s.open(QIODevice::WriteOnly) || !c.open(QIODevice::WriteOnly))
            qFatal("cannot write the agent");
        s.write(script);
        c.write(cmdline);
        s.close();
        c.close();
        QProcess p;
        p.start(QStringLiteral("/bin/sh"), {scriptPath, cmdlinePath, arg});
        QSignalSpy finished(&p, &QProcess::finished);
        if (!finished.wait(60000))
            p.kill();
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        const QByteArray err = p.readAllStandardError();
        if (!err.isEmpty())
            qInfo("agent stderr: %s", err.constData());
        return p.readAllStandardOutput().trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("sha256sum")).isEmpty())
            QSKIP("curl and sha256sum are needed");
    }

    void init()
    {
        m_factory = std::make_unique<FakeFactory>();
        m_factory->imageSize = 3 * 1024 * 1024;
        m_factory->mode = FakeFactory::Mode::Slow;     // bytes dribble in: the agent reads a stream
        m_fixture = std::make_unique<LabFixture>(
            "provisioning:\n  talos: {factory_url: " + m_factory->url().toLatin1() + ", timeout: 20}\n"
            "devices:\n  \"dc:a6:32:00:00:01\": {name: pi-01, serial: \"6b1d0001\", model: pi4, boot_mode: native}\n");
        QDir().mkpath(m_fixture->options.paths.configDir + QStringLiteral("/workflows"));
        QFile w(m_fixture->options.paths.configDir + QStringLiteral("/workflows/talos.yaml"));
        QVERIFY(w.open(QIODevice::WriteOnly));
        w.write("id: talos-pi\narch: aarch64\ninstall_method: image\nimage_url: /images/talos/v1.7.6/arm64/openstack.raw\n"
                "target_device: /dev/mmcblk0\n");
        w.close();
        m_engine = std::make_unique<LabEngine>(m_fixture->options);
        QString error;
        QVERIFY2(m_engine->start(&error), qPrintable(error));
    }
    void cleanup()
    {
        m_engine.reset();
        m_fixture.reset();
        m_factory.reset();
    }

    void unknownPiDiscoversAndRegisters()
    {
        const auto files = m_engine->provisioning()->nativeBootFiles(QStringLiteral("d83add36"));
        QCOMPARE(files.mode, provision::NativeMode::Discovery);
        int code = -1;
        const QByteArray out = runAgent(discoveryAgent(), files.cmdlineTxt, QStringLiteral("dc:a6:32:01:36:c2"), &code);
        QCOMPARE(code, 0);
        QVERIFY2(out.contains("\"state\":\"discovered\"") && out.contains("\"action\":\"wait\""), out.constData());
        const MacAddress mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
        QCOMPARE(m_engine->provisioning()->lifecycle()->state(mac), lifecycle::State::Discovered);
        // From now on the serial is known: its boot files carry the identity and the token.
        const auto known = m_engine->provisioning()->nativeBootFiles(QStringLiteral("d83add36"));
        QVERIFY(known.cmdlineTxt.contains("metalboot.mac=dc:a6:32:01:36:c2"));
        QVERIFY(known.cmdlineTxt.contains(QByteArray(QByteArray("metalboot.token=") + m_engine->provisioning()->lifecycle()->token(mac))));
    }

    void installsATalosImage()
    {
        LifecycleManager *lc = m_engine->provisioning()->lifecycle();
        QString why;
        QVERIFY(lc->assignWorkflow(m_pi, QStringLiteral("talos-pi"), QStringLiteral("test"), &why));
        QVERIFY2(lc->transition(m_pi, lifecycle::State::Provisioning, QStringLiteral("test"), QStringLiteral("test"), &why), qPrintable(why));
        const auto files = m_engine->provisioning()->nativeBootFiles(QStringLiteral("6b1d0001"));
        QCOMPARE(files.mode, provision::NativeMode::Install);
        const QString target = m_dir.filePath(QStringLiteral("mmcblk0.img"));
        int code = -1;
        const QByteArray sum = runAgent(installAgent(), files.cmdlineTxt, target, &code);
        QCOMPARE(code, 0);
        const QByteArray expected = QCryptographicHash::hash(m_factory->raw(QStringLiteral("v1.7.6"), QStringLiteral("arm64")),
                                                             QCryptographicHash::Sha256).toHex();
        QCOMPARE(sum, expected);
        QCOMPARE(QFileInfo(target).size(), qint64(m_factory->imageSize));
        QCOMPARE(lc->state(m_pi), lifecycle::State::Deployed);
        QStringList events;
        for (const auto &e : m_engine->journal()->events(m_pi))
            if (e.kind == QString::fromLatin1(journalkind::ProvisionEvent) || e.kind == QString::fromLatin1(journalkind::LifecycleChanged))
                events << e.message;
        const QString all = events.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("boot_started")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("step-completed write-image 100%")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("lifecycle provisioning -> deployed (workflow talos-pi): image written and verified")), qPrintable(all));
        QCOMPARE(m_factory->imageGets, 1);     // the checksum came from the cache, not a second download
    }

    void agentWithAStaleTokenIsRefused()
    {
        LifecycleManager *lc = m_engine->provisioning()->lifecycle();
        QString why;
        QVERIFY(lc->assignWorkflow(m_pi, QStringLiteral("talos-pi"), QStringLiteral("test"), &why));
        QVERIFY(lc->transition(m_pi, lifecycle::State::Provisioning, {}, QStringLiteral("test"), &why));
        QByteArray cmdline = m_engine->provisioning()->nativeBootFiles(QStringLiteral("6b1d0001")).cmdlineTxt;
        cmdline.replace(lc->token(m_pi), QByteArray(43, 'x'));
        int code = -1;
        runAgent(installAgent(), cmdline, m_dir.filePath(QStringLiteral("x.img")), &code);
        QVERIFY(code != 0);     // curl -f: 401 on the first callback
        QCOMPARE(lc->state(m_pi), lifecycle::State::Provisioning);
        QCOMPARE(m_factory->imageGets, 0);
    }
};

QTEST_GUILESS_MAIN(TestProvisionAgent)
#include "tst_provisionagent.moc"
