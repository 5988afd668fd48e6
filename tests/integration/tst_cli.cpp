#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// The real `metalboot` binary as a user runs it: --version, --check-config, import, and a
// headless start that answers /api/v1/health on loopback and shuts down cleanly on SIGTERM.
class TestCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("METALBOOT_CONFIG_DIR"), m_dir.filePath(QStringLiteral("config")));
        e.insert(QStringLiteral("METALBOOT_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
        e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return e;
    }

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &args)
    {
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(QStringLiteral(METALBOOT_BINARY), args);
        if (!p.waitForFinished(30000))
            p.kill();
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }

private Q_SLOTS:
    void version()
    {
        const Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral(METALBOOT_VERSION)), qPrintable(r.out));
    }

    void checkConfig()
    {
        const QString good = write(QStringLiteral("good.yaml"), "name: ok\nservices:\n  tftp: {port: 1069}\n");
        Run r = run({QStringLiteral("--check-config"), good});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("configuration is valid")));

        const QString broken = write(QStringLiteral("broken.yaml"), "services:\n  tftp:\n    port: 99999\n  htpp: {}\n");
        r = run({QStringLiteral("--check-config"), broken});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(broken + QStringLiteral(":3:11: services.tftp.port: expected an integer between 0 and 65535, found '99999'")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(broken + QStringLiteral(":4:3: services.htpp: unknown key")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("2 error(s)")));
    }

    void importSeedFiles()
    {
        const QString lab = m_dir.filePath(QStringLiteral("imported.yaml"));
        const Run r = run({QStringLiteral("import"), QStringLiteral("--config"), lab, QStringLiteral("--netboot"),
                           QStringLiteral(TEST_DATA_DIR "/config/netboot.yaml")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("saved")));
        const Run check = run({QStringLiteral("--check-config"), lab});
        QCOMPARE(check.code, 0);
        QVERIFY(check.out.contains(QStringLiteral("(2 devices")));
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--config"), lab}).code, 2); // nothing to import
        QCOMPARE(run({QStringLiteral("frobnicate")}).code, 2);
    }

    void headlessAnswersHealthAndStopsOnSigterm()
    {
        const QString lab = write(QStringLiteral("headless.yaml"),
                                  "name: Headless\nservices:\n  http: {address: 127.0.0.1, port: 0}\n"
                                  "  dhcp: {enabled: false}\n  tftp: {enabled: false}\n  redfish: {enabled: false}\n"
                                  "  consoles: {enabled: false}\n"
                                  "switches:\n  sw: {driver: snmp, address: 127.0.0.1, options: {community: hunter2-secret}}\n");
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(QStringLiteral(METALBOOT_BINARY), {QStringLiteral("--headless"), QStringLiteral("--config"), lab});
        QVERIFY(p.waitForStarted());
        QString log;
        quint16 port = 0;
        const QRegularExpression listening(QStringLiteral("http running on tcp 127\\.0\\.0\\.1:(\\d+)"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                log += QString::fromUtf8(p.readAllStandardError());
                const auto m = listening.match(log);
                if (m.hasMatch())
                    port = quint16(m.captured(1).toUInt());
                return port != 0;
            }(),
            15000);
        // journald-friendly lines: syslog priority, then the category.
        QVERIFY2(log.startsWith(QStringLiteral("<6>metalboot.")), qPrintable(log));

        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/health").arg(port))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(reply->readAll().contains("\"lab\":\"Headless\""));
        delete reply;

        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        log += QString::fromUtf8(p.readAllStandardError());
        QVERIFY(log.contains(QStringLiteral("http stopped")));
        QVERIFY(!log.contains(QStringLiteral("hunter2")));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("data/journal.jsonl"))));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("config/api-token"))));
    }

    void headlessRefusesBrokenConfig()
    {
        const QString lab = write(QStringLiteral("bad.yaml"), "services:\n  http: {port: nope}\n");
        const Run r = run({QStringLiteral("--headless"), QStringLiteral("--config"), lab});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(lab + QStringLiteral(":2:16: services.http.port: expected an integer")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
