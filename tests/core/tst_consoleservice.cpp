#include "console/consolelogfiles.h"
#include "console/consoleservice.h"
#include "console/serialconsole.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "engine/enginehost.h"
#include "engine/labengine.h"
#include "engine/servicehub.h"
#include "http/httpservice.h"
#include "labfixture.h"
#include "provision/provisioning.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

// The console service over loopback with real senders: netconsole datagrams from distinct
// 127.0.0.x addresses (extended format, fragments, loss), util-linux logger (RFC 5424 and
// 3164), a USB-UART simulated by a socat pseudo-terminal pair, and the API route.
class TestConsoleService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<DeviceJournal> m_journal;
    std::unique_ptr<DeviceRegistry> m_registry;
    std::unique_ptr<ConsoleService> m_service;
    QList<QProcess *> m_processes;
    const MacAddress m_pi1 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));   // 127.0.0.2 (DHCP-recorded)
    const MacAddress m_pi2 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:02"));   // 127.0.0.3 (reservation)
    const MacAddress m_pi3 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:03"));   // 127.0.0.1 (logger's source)
    const MacAddress m_pi4 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:04"));   // serial console

    static DeviceConfig device(const MacAddress &mac, const char *name, const char *ip = nullptr)
    {
        DeviceConfig d;
        d.mac = mac;
        d.name = QString::fromLatin1(name);
        if (ip)
            d.ip = QHostAddress(QString::fromLatin1(ip));
        return d;
    }

    QList<DeviceConfig> devices(const QString &serialPort = {}) const
    {
        QList<DeviceConfig> list{device(m_pi1, "pi-01"), device(m_pi2, "pi-02", "127.0.0.3"), device(m_pi3, "pi-03"),
                                 device(m_pi4, "pi-04")};
        list[3].serialPort = serialPort;
        return list;
    }

    void startService(const QString &serialPort = {})
    {
        m_journal = std::make_unique<DeviceJournal>();
        m_registry = std::make_unique<DeviceRegistry>(m_journal.get());
        m_registry->applyConfig(devices(serialPort));
        m_registry->setIp(m_pi1, QHostAddress(QStringLiteral("127.0.0.2")));
        m_registry->setIp(m_pi3, QHostAddress(QStringLiteral("127.0.0.1")));
        m_service = std::make_unique<ConsoleService>(m_registry.get(), m_journal.get());
        ConsoleConfig cfg;
        cfg.address = QHostAddress(QHostAddress::LocalHost);
        cfg.port = 0;
        cfg.syslogPort = 0;
        m_service->setConfig(cfg);
        m_service->setDevices(devices(serialPort));
        m_service->setLogDirectory(m_dir.filePath(QStringLiteral("consoles")));
        QVERIFY2(m_service->start(), qPrintable(m_service->errorString()));
        QVERIFY(m_service->netconsolePort() != 0);
        QVERIFY(m_service->syslogPort() != 0);
    }

    // A netconsole sender with its own loopback source address, as a Pi would be.
    void send(const char *from, const QList<QByteArray> &datagrams)
    {
        QUdpSocket s;
        QVERIFY2(s.bind(QHostAddress(QString::fromLatin1(from)), 0), qPrintable(s.errorString()));
        for (const QByteArray &d : datagrams)
            QCOMPARE(s.writeDatagram(d, QHostAddress::LocalHost, m_service->netconsolePort()), qint64(d.size()));
    }

    QStringList texts(const MacAddress &mac) const
    {
        QStringList out;
        for (const ConsoleLine &l : m_service->lines(mac))
            out << l.text;
        return out;
    }

    QList<JournalEvent> consoleEvents(const MacAddress &mac) const
    {
        QList<JournalEvent> out;
        for (const auto &e : m_journal->events(mac))
            if (e.kind == QString::fromLatin1(journalkind::ConsoleLine))
                out.append(e);
        return out;
    }

    bool runLogger(const QStringList &args)
    {
        const QString logger = QStandardPaths::findExecutable(QStringLiteral("logger"));
        if (logger.isEmpty())
            return false;
        QProcess p;
        p.start(logger, args + QStringList{QStringLiteral("-n"), QStringLiteral("127.0.0.1"), QStringLiteral("-P"),
                                           QString::number(m_service->syslogPort()), QStringLiteral("-d")});
        return p.waitForFinished(5000) && p.exitCode() == 0;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_service.reset();
        m_registry.reset();
        m_journal.reset();
        for (QProcess *p : std::as_const(m_processes)) {
            if (p->state() != QProcess::NotRunning) {
                ::kill(pid_t(p->processId()), SIGTERM);
                if (!p->waitForFinished(3000)) {
                    p->kill();
                    p->waitForFinished(3000);
                }
            }
            delete p;
        }
        m_processes.clear();
        QDir(m_dir.filePath(QStringLiteral("consoles"))).removeRecursively();
    }

    void netconsoleReachesTheRightDevice()
    {
        startService();
        QSignalSpy live(m_service.get(), &ConsoleService::lineReceived);
        // pi-01: extended format, one long message in three fragments (out of order).
        const QByteArray body = "mmc0: error -110 whilst initialising SD card (this line is long enough to be fragmented)";
        const int total = int(body.size());
        const auto frag = [&body, total](int off, int len) -> QByteArray {
            return "3,42,5123456,-,ncfrag=" + QByteArray::number(off) + '/' + QByteArray::number(total) + ';' + body.mid(off, len);
        };
        send("127.0.0.2", {"6,40,5000000,-;Booting Linux on physical CPU 0x0000000000 [0x410fd083]",
                           "6,41,5100000,-;Machine model: Raspberry Pi 4 Model B Rev 1.4\n SUBSYSTEM=soc", frag(40, 30),
                           frag(0, 40), frag(70, total - 70)});
        // pi-02: plain format, lines split across datagrams.
        send("127.0.0.3", {"[    0.000000] Linux version 6.6.31", "+rpt-rpi-v8\n[    0.000000] KASLR enabled\n"});
        QTRY_COMPARE(texts(m_pi1).size(), 3);
        QCOMPARE(texts(m_pi1), (QStringList{QStringLiteral("Booting Linux on physical CPU 0x0000000000 [0x410fd083]"),
                                            QStringLiteral("Machine model: Raspberry Pi 4 Model B Rev 1.4"), QString::fromLatin1(body)}));
        const ConsoleLine last = m_service->lines(m_pi1).last();
        QCOMPARE(last.severity, 3);
        QCOMPARE(last.seq, quint64(42));
        QCOMPARE(last.origin, QStringLiteral("netconsole"));
        QCOMPARE(last.source.toString(), QStringLiteral("127.0.0.2"));
        QTRY_COMPARE(texts(m_pi2).size(), 2);
        QCOMPARE(texts(m_pi2), (QStringList{QStringLiteral("[    0.000000] Linux version 6.6.31+rpt-rpi-v8"),
                                            QStringLiteral("[    0.000000] KASLR enabled")}));
        QCOMPARE(m_service->stats().reassembled, quint64(1));
        QCOMPARE(live.count(), 5);
        QCOMPARE(live.first().first().value<ConsoleLine>().mac, m_pi1);
        // A partial last line is delivered after a quiet moment.
        send("127.0.0.3", {"[    0.000001] no newline yet"});
        QTRY_COMPARE(texts(m_pi2).size(), 3);
        // Both went to their own log file.
        m_service->flushLogs();
        QFile log(m_service->logFile(m_pi1));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray content = log.readAll();
        QVERIFY(content.contains("netconsole <3> kernel: mmc0: error -110"));
        QVERIFY(!content.contains("KASLR"));
        QVERIFY(log.fileName().endsWith(QStringLiteral("consoles/dc-a6-32-00-00-01.log")));
        QCOMPARE(QFileInfo(log).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFileDevice::Permissions());
    }

    void lossAndMalformedAreCounted()
    {
        startService();
        send("127.0.0.2", {"6,10,1,-;ten", "6,11,2,-;eleven", "6,15,3,-;fifteen", "999,1,2,-;bad priority", QByteArray(9000, 'x')});
        QTRY_COMPARE(texts(m_pi1).size(), 3);
        QTRY_COMPARE(m_service->stats().malformed, quint64(2));
        QCOMPARE(m_service->stats().lost, quint64(3));
        bool warned = false;
        for (const auto &e : consoleEvents(m_pi1))
            warned = warned || (e.severity == JournalEvent::Severity::Warning && e.message.contains(QStringLiteral("3 message(s) lost before sequence 15")));
        QVERIFY(warned);
        QVERIFY(m_service->isRunning());
    }

    void syslogFromLogger()
    {
        startService();
        if (!runLogger({QStringLiteral("--rfc5424"), QStringLiteral("-t"), QStringLiteral("pi-node07"), QStringLiteral("PoE test 5424")}))
            QSKIP("util-linux logger is not available");
        QVERIFY(runLogger({QStringLiteral("--rfc3164"), QStringLiteral("-t"), QStringLiteral("pi-node07"), QStringLiteral("PoE test 3164")}));
        QVERIFY(runLogger({QStringLiteral("--rfc5424"), QStringLiteral("-p"), QStringLiteral("kern.err"), QStringLiteral("-t"),
                           QStringLiteral("kernel"), QStringLiteral("EXT4-fs error (device mmcblk0p2)")}));
        QTRY_COMPARE(texts(m_pi3).size(), 3);
        QCOMPARE(texts(m_pi3), (QStringList{QStringLiteral("PoE test 5424"), QStringLiteral("PoE test 3164"),
                                            QStringLiteral("EXT4-fs error (device mmcblk0p2)")}));
        const QList<ConsoleLine> lines = m_service->lines(m_pi3);
        QCOMPARE(lines.at(0).tag, QStringLiteral("pi-node07"));
        QCOMPARE(lines.at(0).origin, QStringLiteral("syslog"));
        QCOMPARE(lines.at(0).severity, 5);
        QVERIFY(lines.at(0).sentTime.isValid());
        QCOMPARE(lines.at(1).tag, QStringLiteral("pi-node07"));
        QCOMPARE(lines.at(2).severity, 3);
        // An error line is journaled as an error.
        bool error = false;
        for (const auto &e : consoleEvents(m_pi3))
            error = error || (e.severity == JournalEvent::Severity::Error && e.message.contains(QStringLiteral("EXT4-fs error")));
        QVERIFY(error);
        QCOMPARE(m_service->stats().syslogDatagrams, quint64(3));
    }

    void unknownSendersAreKeptApart()
    {
        startService();
        send("127.0.0.9", {"6,1,1,-;who am I"});
        QTRY_COMPARE(m_service->buffer().unknownSources().size(), 1);
        QCOMPARE(m_service->buffer().unknownSources().first().toString(), QStringLiteral("127.0.0.9"));
        QCOMPARE(m_service->buffer().unknownLines(QHostAddress(QStringLiteral("127.0.0.9"))).first().text, QStringLiteral("who am I"));
        QVERIFY(m_journal->recent().isEmpty() || m_journal->recent().last().kind != QString::fromLatin1(journalkind::ConsoleLine));
        m_service->flushLogs();
        QCOMPARE(QDir(m_dir.filePath(QStringLiteral("consoles"))).entryList(QDir::Files).size(), 0);
    }

    void journalIsRateLimited()
    {
        startService();
        QList<QByteArray> burst;
        for (int i = 0; i < 60; ++i)
            burst << "6," + QByteArray::number(100 + i) + ",0,-;line " + QByteArray::number(i);
        send("127.0.0.2", burst);
        QTRY_COMPARE(texts(m_pi1).size(), 60);                  // every line is kept and logged ...
        const int journaled = int(consoleEvents(m_pi1).size());  // ... but the journal gets a few
        QVERIFY2(journaled >= ConsoleService::JournalBurst && journaled <= ConsoleService::JournalBurst + 1, qPrintable(QString::number(journaled)));
        QCOMPARE(m_service->stats().suppressed, quint64(60 - journaled));
        // Later, one line is journaled with the count of what was skipped.
        QTest::qWait(ConsoleService::JournalRefillMs + 100);
        send("127.0.0.2", {"6,160,0,-;after the storm"});
        QTRY_VERIFY2(consoleEvents(m_pi1).last().message.startsWith(QStringLiteral("kernel: after the storm")), qPrintable(consoleEvents(m_pi1).last().message));
        QCOMPARE(consoleEvents(m_pi1).last().data.value(QStringLiteral("suppressed_before")).toInt(), 60 - journaled);
    }

    void serialConsoleThroughAPseudoTerminal()
    {
        const QString socat = QStandardPaths::findExecutable(QStringLiteral("socat"));
        if (socat.isEmpty())
            QSKIP("socat is not installed");
        const QString device = m_dir.filePath(QStringLiteral("ttyPi"));     // what the service opens
        const QString remote = m_dir.filePath(QStringLiteral("ttyTest"));   // the "Pi" side
        // The adapter is not plugged in yet: the service waits for it.
        startService(device);
        QCOMPARE(m_service->serialStatus().size(), 1);
        QVERIFY(!m_service->serialStatus().first().open);
        QSignalSpy state(m_service.get(), &ConsoleService::serialStateChanged);

        auto *p = new QProcess;
        m_processes.append(p);
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(socat, {QStringLiteral("-d"), QStringLiteral("-d"), QStringLiteral("pty,raw,echo=0,link=") + device,
                         QStringLiteral("pty,raw,echo=0,link=") + remote});
        QVERIFY(p->waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(device) && QFile::exists(remote), 5000);
        // Plugged in: reopened within the retry interval.
        QTRY_VERIFY_WITH_TIMEOUT(m_service->serialStatus().first().open, SerialConsole::RetryMs * 3);
        QVERIFY(!state.isEmpty());

        const int fd = ::open(remote.toLocal8Bit().constData(), O_RDWR | O_NOCTTY | O_NONBLOCK);
        QVERIFY(fd >= 0);
        QSignalSpy raw(m_service.get(), &ConsoleService::serialBytes);
        const QByteArray boot = "\r\nU-Boot 2024.01 (Raspberry Pi)\r\n\x1b[0;32m[  OK  ]\x1b[0m Reached target Multi-User System.\r\npi-04 login: ";
        QCOMPARE(::write(fd, boot.constData(), size_t(boot.size())), ssize_t(boot.size()));
        QTRY_VERIFY(texts(m_pi4).size() >= 2);
        QCOMPARE(texts(m_pi4).mid(0, 2), (QStringList{QStringLiteral("U-Boot 2024.01 (Raspberry Pi)"),
                                                      QStringLiteral("[  OK  ] Reached target Multi-User System.")}));
        QCOMPARE(m_service->lines(m_pi4).first().origin, QStringLiteral("serial"));
        QVERIFY(!raw.isEmpty());
        // The login prompt has no newline: delivered after a quiet moment.
        QTRY_COMPARE(texts(m_pi4).size(), 3);
        QCOMPARE(texts(m_pi4).last(), QStringLiteral("pi-04 login: "));

        // Keystrokes go the other way.
        QString why;
        QVERIFY2(m_service->writeSerial(m_pi4, "root\n", &why), qPrintable(why));
        QByteArray got;
        QTRY_VERIFY([&] {
            char buf[64];
            const ssize_t n = ::read(fd, buf, sizeof buf);
            if (n > 0)
                got.append(buf, int(n));
            return got == "root\n";
        }());
        ::close(fd);
        QVERIFY(!m_service->writeSerial(m_pi1, "x", &why));
        QVERIFY(why.contains(QStringLiteral("no serial console")));

        // Unplugged (socat gone): reported, and writes fail cleanly.
        ::kill(pid_t(p->processId()), SIGTERM);
        QVERIFY(p->waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT(!m_service->serialStatus().first().open, 5000);
        QVERIFY(!m_service->writeSerial(m_pi4, "x", &why));
    }

    void logFilesRotate()
    {
        ConsoleLogFiles logs;
        logs.setDirectory(m_dir.filePath(QStringLiteral("consoles")));
        logs.setMaxBytes(4096);
        for (int i = 0; i < 200; ++i) {
            logs.append(m_pi1, QStringLiteral("line %1 ").arg(i) + QString(40, QLatin1Char('x')));
            if (i % 10 == 0)
                logs.flush();
        }
        logs.flush();
        const QString path = logs.pathFor(m_pi1);
        QVERIFY(QFileInfo(path).size() <= 4096);
        QVERIFY(QFile::exists(path + QStringLiteral(".1")));
        QVERIFY(QFileInfo(path + QStringLiteral(".1")).size() <= 4096);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("line 199 "));
    }

    // In the application the engine runs on its own thread (EngineHost): the console's timers
    // (log flush, partial lines) and the journal's must live there too, or nothing is flushed.
    void timersWorkOnTheEngineThread()
    {
        LabFixture fixture(QByteArray("devices:\n  \"dc:a6:32:00:00:01\": {name: pi-01, ip: 127.0.0.2}\n"));
        {
            QFile f(fixture.options.configPath);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray yaml = f.readAll();
            yaml.replace("consoles: {enabled: false}", "consoles: {address: 127.0.0.1, netconsole_port: 0, syslog_port: 0}");
            f.close();
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(yaml);
        }
        EngineHost host(fixture.options);
        QString error;
        QVERIFY2(host.start(&error), qPrintable(error));
        quint16 port = 0;
        QString log;
        QMetaObject::invokeMethod(host.engine(), [&] {
            port = host.engine()->consoles()->netconsolePort();
            log = host.engine()->consoles()->logFile(m_pi1);
        }, Qt::BlockingQueuedConnection);
        QVERIFY(port != 0);
        QUdpSocket s;
        QVERIFY(s.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        s.writeDatagram("[    2.5] partial line without newline", QHostAddress::LocalHost, port);
        // Only timers on the engine thread deliver the partial line and flush it to the log file.
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            QFile f(log);
            return f.open(QIODevice::ReadOnly) && f.readAll().contains("partial line without newline");
        }(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            QFile f(fixture.options.paths.journalFile());
            return f.open(QIODevice::ReadOnly) && f.readAll().contains("console.line");
        }(), 5000);
        host.stop();
    }

    // Through the lab: the API route shows a device's console, and a device that opts in gets
    // netconsole= on its kernel command line pointing at the receiver.
    void labIntegration()
    {
        LabFixture fixture(QByteArray("devices:\n"
                                      "  \"dc:a6:32:00:00:01\": {name: pi-01, serial: \"6b1d0001\", model: pi4, boot_mode: native, ip: 127.0.0.2, netconsole: true}\n"
                                      "  \"dc:a6:32:00:00:02\": {name: pi-02, serial: \"6b1d0002\", model: pi4}\n"));
        {
            QFile f(fixture.options.configPath);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray yaml = f.readAll();
            yaml.replace("consoles: {enabled: false}", "consoles: {address: 127.0.0.1, netconsole_port: 0, syslog_port: 0}");
            f.close();
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(yaml);
        }
        LabEngine engine(fixture.options);
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        ConsoleService *consoles = engine.consoles();
        QVERIFY(consoles && consoles->isRunning());
        QCOMPARE(engine.hub()->service<ConsoleService>(), consoles);
        QUdpSocket s;
        QVERIFY(s.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        s.writeDatagram("6,1,1,-;hello from pi-01", QHostAddress::LocalHost, consoles->netconsolePort());
        QTRY_COMPARE(consoles->lines(m_pi1).size(), 1);

        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/devices/dc:a6:32:00:00:01/console?limit=10").arg(engine.http()->port())));
        req.setRawHeader("Authorization", "Bearer " + engine.apiToken().toLatin1());
        QNetworkReply *reply = nam.get(req);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        QCOMPARE(o.value(QStringLiteral("lines")).toArray().first().toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("hello from pi-01"));
        QVERIFY(o.value(QStringLiteral("log_file")).toString().endsWith(QStringLiteral("/consoles/dc-a6-32-00-00-01.log")));

        const auto files = engine.provisioning()->nativeBootFiles(QStringLiteral("6b1d0001"));
        const QString expected = QStringLiteral("netconsole=+6665@127.0.0.2/,%1@127.0.0.1/").arg(consoles->netconsolePort());
        QVERIFY2(files.kernelArgs.contains(expected), qPrintable(files.kernelArgs.join(QLatin1Char(' '))));
        QVERIFY(!engine.provisioning()->nativeBootFiles(QStringLiteral("6b1d0002")).cmdlineTxt.contains("netconsole="));
    }
};

QTEST_GUILESS_MAIN(TestConsoleService)
#include "tst_consoleservice.moc"
