// The device panel's console view-model against a real engine: a LabEngine on its own thread
// (EngineHost) whose ConsoleService listens on loopback ephemeral ports and receives real UDP
// netconsole (extended and plain) and syslog (RFC 5424 and 3164) datagrams from per-device
// loopback source addresses. Lines reach the model across the thread boundary through
// LabFacade/ConsoleFeed: only the open device's, backfilled from the ring when opened (no loss
// and no duplicate around the snapshot), bounded, filtered, paused, saved. Lines typed into the
// view reach the device's serial port (a socat pty pair); lines of senders that are no known
// device are listed and shown by LabFacade's unknownConsole.
#include "console/consoleservice.h"
#include "console/serialconsole.h"
#include "consolefeed.h"
#include "consolemodel.h"
#include "engine/enginehost.h"
#include "engine/servicehub.h"
#include "labfacade.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QStandardPaths>
#include <QUdpSocket>

#include <fcntl.h>
#include <unistd.h>

#include <memory>

namespace {
const QString Pi1 = QStringLiteral("dc:a6:32:00:00:01");   // sends from 127.0.0.2
const QString Pi2 = QStringLiteral("dc:a6:32:00:00:02");   // sends from 127.0.0.3
const QString Pi3 = QStringLiteral("dc:a6:32:00:00:03");   // serial console on a missing adapter
const QString Pi4 = QStringLiteral("dc:a6:32:00:00:04");   // serial console on a pty the test creates
const char *const MissingTty = "/dev/metalboot-test-missing-ttyUSB9";

MacAddress mac(const QString &text)
{
    return *MacAddress::parse(text);
}

QStringList texts(const ConsoleModel &model)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out << model.data(model.index(i), ConsoleModel::TextRole).toString();
    return out;
}
} // namespace

class TestConsoleModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<LabFacade> m_lab;
    quint16 m_netconsolePort = 0;
    quint16 m_syslogPort = 0;
    QHash<QString, quint64> m_seq;   // netconsole sequence per sender

    LabEngine *engine() const { return m_host->engine(); }
    ConsoleModel *console() const { return m_lab->details()->console(); }

    void sendTo(const char *from, quint16 port, const QByteArray &datagram)
    {
        QUdpSocket s;
        QVERIFY2(s.bind(QHostAddress(QString::fromLatin1(from)), 0), qPrintable(s.errorString()));
        QCOMPARE(s.writeDatagram(datagram, QHostAddress::LocalHost, port), qint64(datagram.size()));
    }

    // Extended netconsole ("<level>,<seq>,<us>,-;text") with a per-sender sequence.
    void netconsole(const char *from, int level, const QByteArray &text)
    {
        const quint64 seq = ++m_seq[QString::fromLatin1(from)];
        sendTo(from, m_netconsolePort, QByteArray::number(level) + ',' + QByteArray::number(seq) + ",1000,-;" + text);
    }

    void syslog(const char *from, const QByteArray &datagram) { sendTo(from, m_syslogPort, datagram); }

    QList<ConsoleLine> ringLines(const QString &device)
    {
        QList<ConsoleLine> lines;
        LabEngine *e = engine();
        const MacAddress m = mac(device);
        QMetaObject::invokeMethod(e, [e, m, &lines] { lines = e->consoles()->lines(m); }, Qt::BlockingQueuedConnection);
        return lines;
    }

    QString ptyPath() const { return m_dir.filePath(QStringLiteral("tty-pi4")); }

    void open(const QString &device)
    {
        m_lab->openDevice(device);
        QCOMPARE(console()->mac(), device);
        QTRY_VERIFY(!console()->isLoading());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        LabEngine::Options options;
        options.paths = AppPaths::under(m_dir.path());
        options.configPath = options.paths.labFile();
        options.watchConfig = false;
        options.startServices = false;   // only the console service is started, below
        QDir().mkpath(options.paths.configDir);
        QByteArray yaml = LabEngine::defaultLabYaml();
        // Ephemeral ports (tests run concurrently); pi-01/pi-02 reserved loopback sources;
        // pi-03 with a USB-UART that is not plugged in.
        QVERIFY(yaml.contains("netconsole_port: 6666") && yaml.contains("syslog_port: 5514"));
        yaml.replace("netconsole_port: 6666", "netconsole_port: 0").replace("syslog_port: 5514", "syslog_port: 0");
        const QByteArray pi1 = "{name: pi-01,", pi2 = "{name: pi-02,", pi3 = "{name: pi-03,";
        QVERIFY(yaml.contains(pi1) && yaml.contains(pi2) && yaml.contains(pi3));
        yaml.replace(pi1, "{name: pi-01, ip: 127.0.0.2,").replace(pi2, "{name: pi-02, ip: 127.0.0.3,");
        yaml.replace(pi3, QByteArray(QByteArray("{name: pi-03, serial_console: {port: ") + MissingTty + "},"));
        const QByteArray pi4 = "{name: pi-04,";
        QVERIFY(yaml.contains(pi4));
        yaml.replace(pi4, QByteArray(QByteArray("{name: pi-04, serial_console: {port: ") + ptyPath().toUtf8() + "},"));
        QFile f(options.configPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(yaml);
        f.close();
        m_host = std::make_unique<EngineHost>(options);
        QString error;
        QVERIFY2(m_host->start(&error), qPrintable(error));
        m_lab = std::make_unique<LabFacade>(engine(), nullptr);
        m_lab->refresh();
        LabEngine *e = engine();
        bool ok = false;
        QMetaObject::invokeMethod(
            e,
            [e, &ok, &error, this] {
                ok = e->hub()->startService(QStringLiteral("consoles"), &error);
                m_netconsolePort = e->consoles()->netconsolePort();
                m_syslogPort = e->consoles()->syslogPort();
            },
            Qt::BlockingQueuedConnection);
        QVERIFY2(ok, qPrintable(error));
        QVERIFY(m_netconsolePort != 0 && m_syslogPort != 0);
        QTRY_COMPARE(m_lab->devices()->rowCount(), 8);
    }

    void cleanupTestCase()
    {
        m_lab.reset();
        if (m_host)
            m_host->stop();
        m_host.reset();
    }

    void cleanup()
    {
        console()->setPaused(false);
        console()->setFilterText({});
        console()->setOrigin({});
        m_lab->closeDevice();
    }

    void helpers_data()
    {
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("level");
        QTest::newRow("unknown") << -1 << QString() << QString();
        QTest::newRow("emerg") << 0 << QStringLiteral("emerg") << QStringLiteral("error");
        QTest::newRow("err") << 3 << QStringLiteral("err") << QStringLiteral("error");
        QTest::newRow("warning") << 4 << QStringLiteral("warning") << QStringLiteral("warning");
        QTest::newRow("notice") << 5 << QStringLiteral("notice") << QStringLiteral("notice");
        QTest::newRow("info") << 6 << QStringLiteral("info") << QStringLiteral("info");
        QTest::newRow("debug") << 7 << QStringLiteral("debug") << QStringLiteral("debug");
        QTest::newRow("out of range") << 8 << QString() << QString();
    }

    void helpers()
    {
        QFETCH(int, severity);
        QFETCH(QString, name);
        QFETCH(QString, level);
        QCOMPARE(ConsoleModel::severityName(severity), name);
        QCOMPARE(ConsoleModel::levelClass(severity), level);
    }

    void receiverAndEmptyState()
    {
        open(Pi1);
        QCOMPARE(console()->count(), 0);
        QTRY_VERIFY(console()->isListening());
        QCOMPARE(console()->netconsolePort(), int(m_netconsolePort));
        QCOMPARE(console()->syslogPort(), int(m_syslogPort));
        QCOMPARE(console()->receiverAddress(), QStringLiteral("127.0.0.1"));
        QVERIFY(console()->serialPort().isEmpty());
        // Opting out and in goes through lab.yaml and comes back with the applied config (the
        // demo lab's virtual Pis start with netconsole on).
        m_lab->setNetconsole(Pi1, false);
        QTRY_VERIFY(!console()->isNetconsoleEnabled());
        QTRY_VERIFY(!m_lab->config().device(mac(Pi1))->netconsole);
        m_lab->setNetconsole(Pi1, true);
        QTRY_VERIFY(console()->isNetconsoleEnabled());
        QTRY_VERIFY(m_lab->config().device(mac(Pi1))->netconsole);
    }

    void liveLinesOfTheOpenDeviceOnly()
    {
        open(Pi1);
        QAbstractItemModelTester tester(console(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // pi-02's lines go first on each socket: when pi-01's last line arrived, they were seen.
        netconsole("127.0.0.3", 6, "pi-02 kernel line");
        syslog("127.0.0.3", "<134>1 2026-11-22T05:00:00.000Z pi-02 app - - - pi-02 syslog line");
        netconsole("127.0.0.2", 3, "mmc0: timeout waiting for hardware interrupt");
        syslog("127.0.0.2", "<134>1 2026-11-22T05:00:01.000Z pi-01 metalboot-agent 42 - - image written");
        syslog("127.0.0.2", "<12>Nov 22 05:00:02 pi-01 sshd[7]: disk almost full");
        sendTo("127.0.0.2", m_netconsolePort, "[    1.000000] plain line from pi-01\n");
        QTRY_COMPARE(console()->count(), 4);
        const QStringList shown = texts(*console());
        QVERIFY2(!shown.join(QLatin1Char('|')).contains(QLatin1String("pi-02")), qPrintable(shown.join(QLatin1Char('|'))));
        QVERIFY(shown.contains(QStringLiteral("mmc0: timeout waiting for hardware interrupt")));
        QVERIFY(shown.contains(QStringLiteral("image written")));
        QVERIFY(shown.contains(QStringLiteral("disk almost full")));
        const int kernel = int(shown.indexOf(QStringLiteral("mmc0: timeout waiting for hardware interrupt")));
        const QModelIndex k = console()->index(kernel);
        QCOMPARE(console()->data(k, ConsoleModel::OriginRole).toString(), QStringLiteral("netconsole"));
        QCOMPARE(console()->data(k, ConsoleModel::SeverityRole).toString(), QStringLiteral("err"));
        QCOMPARE(console()->data(k, ConsoleModel::LevelRole).toString(), QStringLiteral("error"));
        QCOMPARE(console()->data(k, ConsoleModel::SourceRole).toString(), QStringLiteral("127.0.0.2"));
        QVERIFY(console()->data(k, ConsoleModel::TimeRole).toDateTime().isValid());
        const QModelIndex s = console()->index(int(shown.indexOf(QStringLiteral("image written"))));
        QCOMPARE(console()->data(s, ConsoleModel::OriginRole).toString(), QStringLiteral("syslog"));
        QCOMPARE(console()->data(s, ConsoleModel::TagRole).toString(), QStringLiteral("metalboot-agent"));
        QCOMPARE(console()->data(s, ConsoleModel::LevelRole).toString(), QStringLiteral("info"));
        const QModelIndex w = console()->index(int(shown.indexOf(QStringLiteral("disk almost full"))));
        QCOMPARE(console()->data(w, ConsoleModel::LevelRole).toString(), QStringLiteral("warning"));
        QCOMPARE(console()->data(w, ConsoleModel::TagRole).toString(), QStringLiteral("sshd"));
        // The plain netconsole line (no level) arrives too.
        int plain = -1;
        for (int i = 0; i < shown.size(); ++i)
            if (shown.at(i).contains(QLatin1String("plain line from pi-01")))
                plain = i;
        QVERIFY(plain >= 0);
        QCOMPARE(console()->data(console()->index(plain), ConsoleModel::LevelRole).toString(), QString());
        QCOMPARE(console()->data(console()->index(plain), ConsoleModel::OriginRole).toString(), QStringLiteral("netconsole"));
    }

    void backfillWithoutLossOrDuplicates()
    {
        // pi-02 already has lines in the engine's ring; more arrive while it is being opened.
        for (int i = 0; i < 100; ++i)
            netconsole("127.0.0.3", 6, "before " + QByteArray::number(i));
        m_lab->openDevice(Pi2);
        QVERIFY(console()->isLoading());
        for (int i = 0; i < 100; ++i)
            netconsole("127.0.0.3", 6, "around " + QByteArray::number(i));
        QTRY_VERIFY(!console()->isLoading());
        for (int i = 0; i < 100; ++i)
            netconsole("127.0.0.3", 6, "after " + QByteArray::number(i));
        QTRY_VERIFY(texts(*console()).contains(QStringLiteral("after 99")));
        QStringList expected;
        for (const ConsoleLine &l : ringLines(Pi2))
            expected << l.text;
        QCOMPARE(texts(*console()), expected);
        QVERIFY(expected.contains(QStringLiteral("pi-02 kernel line")));   // from the previous test: backfilled
        QCOMPARE(expected.count(QStringLiteral("around 50")), 1);
        QVERIFY(expected.size() >= 302);
    }

    void boundedDropsTheOldest()
    {
        ConsoleModel model(5);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ConsoleFeed feed(&model);
        feed.attach(engine());
        feed.open(mac(Pi1));
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(model.total(), qMin(5, int(ringLines(Pi1).size())));
        model.setFilterText(QStringLiteral("bound"));
        QCOMPARE(model.count(), 0);
        for (int i = 1; i <= 8; ++i)
            netconsole("127.0.0.2", 6, "bound " + QByteArray::number(i));
        QTRY_COMPARE(texts(model).value(4), QStringLiteral("bound 8"));   // the ring holds more: the newest five are kept
        QCOMPARE(model.total(), 5);
        QCOMPARE(texts(model), (QStringList{QStringLiteral("bound 4"), QStringLiteral("bound 5"), QStringLiteral("bound 6"),
                                            QStringLiteral("bound 7"), QStringLiteral("bound 8")}));
        model.setFilterText({});
        QCOMPARE(model.count(), 5);
        feed.close();
        QCOMPARE(model.count(), 0);
        QVERIFY(model.mac().isEmpty());
    }

    void filterByTextAndOrigin()
    {
        open(Pi1);
        QAbstractItemModelTester tester(console(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int all = console()->count();
        QCOMPARE(all, int(ringLines(Pi1).size()));
        QVERIFY(all >= 12);
        console()->setFilterText(QStringLiteral("MMC0"));   // case-insensitive
        QCOMPARE(texts(*console()), QStringList{QStringLiteral("mmc0: timeout waiting for hardware interrupt")});
        console()->setFilterText(QStringLiteral("sshd"));   // the tag matches too
        QCOMPARE(texts(*console()), QStringList{QStringLiteral("disk almost full")});
        console()->setFilterText({});
        console()->setOrigin(QStringLiteral("syslog"));
        QCOMPARE(console()->count(), 2);
        // Live lines pass the same filter.
        netconsole("127.0.0.2", 6, "kernel, hidden by the origin filter");
        syslog("127.0.0.2", "<134>1 2026-11-22T05:00:03.000Z pi-01 app - - - shown by the origin filter");
        QTRY_COMPARE(console()->count(), 3);
        QTRY_COMPARE(console()->total(), all + 2);
        QCOMPARE(texts(*console()).constLast(), QStringLiteral("shown by the origin filter"));
        console()->setOrigin({});
        QCOMPARE(console()->count(), all + 2);
    }

    void pauseHoldsNewLinesBack()
    {
        open(Pi1);
        QAbstractItemModelTester tester(console(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int before = console()->count();
        console()->setPaused(true);
        for (int i = 0; i < 3; ++i)
            netconsole("127.0.0.2", 6, "while paused " + QByteArray::number(i));
        QTRY_COMPARE(console()->pendingCount(), 3);
        QCOMPARE(console()->count(), before);
        // Filtering while paused re-filters what was shown, not the held-back lines.
        console()->setFilterText(QStringLiteral("while paused"));
        QCOMPARE(console()->count(), 0);
        console()->setFilterText({});
        QCOMPARE(console()->count(), before);
        console()->setPaused(false);
        QCOMPARE(console()->pendingCount(), 0);
        QCOMPARE(console()->count(), before + 3);
        QCOMPARE(texts(*console()).constLast(), QStringLiteral("while paused 2"));
    }

    void copySaveAndClear()
    {
        open(Pi1);
        console()->setFilterText(QStringLiteral("mmc0"));
        const QString text = console()->toText();
        QCOMPARE(text.count(QLatin1Char('\n')), 1);
        QVERIFY2(text.contains(QLatin1String(" netconsole <3> kernel: mmc0: timeout")), qPrintable(text));
        QSignalSpy saved(console(), &ConsoleModel::saveFinished);
        const QString path = m_dir.filePath(QStringLiteral("pi-01-console.log"));
        console()->saveToFile(QUrl::fromLocalFile(path).toString());
        QVERIFY(saved.wait(5000));
        QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), text);
        // A directory that does not exist: refused with the reason, nothing written.
        const QString bad = m_dir.filePath(QStringLiteral("missing/dir/console.log"));
        console()->saveToFile(bad);
        QVERIFY(saved.wait(5000));
        QVERIFY(!saved.at(1).at(0).toBool());
        QVERIFY(saved.at(1).at(1).toString().contains(bad));
        QVERIFY(!QFile::exists(bad));
        console()->saveToFile(QStringLiteral("relative.log"));
        QCOMPARE(saved.size(), 3);
        QVERIFY(!saved.at(2).at(0).toBool());
        QVERIFY(console()->suggestedSavePath(QStringLiteral("pi-01")).contains(QLatin1String("pi-01-console-")));
        // Clear empties the view only; new lines still come.
        console()->setFilterText({});
        console()->clear();
        QCOMPARE(console()->count(), 0);
        QCOMPARE(console()->total(), 0);
        netconsole("127.0.0.2", 6, "after clear");
        QTRY_COMPARE(texts(*console()), QStringList{QStringLiteral("after clear")});
        QVERIFY(ringLines(Pi1).size() > 1);
    }

    // A boot's burst of kernel output: every line reaches the view, in batches (not one view
    // update per line). Prints the time from the first datagram to the last row.
    void burstIsBatched()
    {
        open(Pi2);
        QSignalSpy inserted(console(), &QAbstractItemModel::rowsInserted);
        constexpr int Lines = 2000;
        QElapsedTimer clock;
        clock.start();
        QUdpSocket s;
        QVERIFY(s.bind(QHostAddress(QStringLiteral("127.0.0.3")), 0));
        for (int i = 0; i < Lines; ++i) {
            const quint64 seq = ++m_seq[QStringLiteral("127.0.0.3")];
            const QByteArray d = "6," + QByteArray::number(seq) + ",1000,-;burst " + QByteArray::number(i);
            QCOMPARE(s.writeDatagram(d, QHostAddress::LocalHost, m_netconsolePort), qint64(d.size()));
            if (i % 200 == 199)
                QCoreApplication::processEvents();   // the view keeps up while the burst goes on
        }
        const qint64 sentMs = clock.elapsed();
        QTRY_COMPARE_WITH_TIMEOUT(texts(*console()).value(console()->count() - 1), QStringLiteral("burst 1999"), 20000);
        const qint64 shownMs = clock.elapsed();
        QCOMPARE(console()->total(), console()->capacity());
        QCOMPARE(texts(*console()).count(QStringLiteral("burst 1000")), 1);
        qInfo("%d netconsole lines: sent in %lld ms, all shown after %lld ms, in %d row insertion(s)", Lines, sentMs, shownMs,
              int(inserted.size()));
        QVERIFY2(inserted.size() < Lines / 10, qPrintable(QString::number(inserted.size())));
    }

    void serialStateOfAMissingAdapter()
    {
        open(Pi3);
        QCOMPARE(console()->serialPort(), QString::fromLatin1(MissingTty));
        QCOMPARE(console()->serialState(), QStringLiteral("error"));
        QVERIFY(!console()->serialError().isEmpty());
        // A device without a serial console has no serial state.
        open(Pi2);
        QVERIFY(console()->serialPort().isEmpty());
        QVERIFY(console()->serialState().isEmpty());
    }

    void serialInputRefusedWithoutAnOpenPort()
    {
        QSignalSpy finished(console(), &ConsoleModel::serialSendFinished);
        open(Pi2);   // no serial console
        QVERIFY(!console()->sendSerial(QStringLiteral("ls")));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!finished.at(0).at(1).toString().isEmpty());
        open(Pi3);   // its adapter is not plugged in
        QCOMPARE(console()->serialState(), QStringLiteral("error"));
        QVERIFY(!console()->sendSerial(QStringLiteral("ls")));
        QCOMPARE(finished.size(), 2);
        QVERIFY(finished.at(1).at(1).toString().contains(QString::fromLatin1(MissingTty)));
        QVERIFY(!console()->isSendingSerial());
    }

    void serialInputReachesThePort()
    {
        const QString socat = QStandardPaths::findExecutable(QStringLiteral("socat"));
        if (socat.isEmpty())
            QSKIP("socat is not installed (scripts/deps-test.txt)");
        const QString remote = ptyPath() + QStringLiteral("-remote");
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(socat, {QStringLiteral("pty,raw,echo=0,link=") + ptyPath(), QStringLiteral("pty,raw,echo=0,link=") + remote});
        QVERIFY(p.waitForStarted(5000));
        int fd = -1;
        const auto stop = qScopeGuard([&] {
            if (fd >= 0)
                ::close(fd);
            p.kill();
            p.waitForFinished(5000);
        });
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(ptyPath()) && QFile::exists(remote), 5000);
        open(Pi4);
        QCOMPARE(console()->serialPort(), ptyPath());
        // Plugged in: the service reopens it within its retry interval and the view follows.
        QTRY_COMPARE_WITH_TIMEOUT(console()->serialState(), QStringLiteral("open"), SerialConsole::RetryMs * 3);
        fd = ::open(remote.toLocal8Bit().constData(), O_RDWR | O_NOCTTY | O_NONBLOCK);
        QVERIFY(fd >= 0);
        auto readAll = [fd] {
            QByteArray got;
            char buf[256];
            for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;)
                got.append(buf, n);
            return got;
        };

        QSignalSpy finished(console(), &ConsoleModel::serialSendFinished);
        QVERIFY(console()->sendSerial(QStringLiteral("root")));
        QVERIFY(console()->isSendingSerial());
        QVERIFY(!console()->sendSerial(QStringLiteral("second")));   // one line at a time
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(1).at(0).toBool(), true);
        QVERIFY(!console()->isSendingSerial());
        QByteArray got;
        QTRY_VERIFY((got += readAll()) == "root\r");   // Enter is a carriage return

        // Ctrl-C goes alone, without a carriage return.
        QVERIFY(console()->sendSerial(QString(QChar(3)), false));
        got.clear();
        QTRY_VERIFY((got += readAll()) == QByteArray("\x03"));
        QTRY_VERIFY(!console()->isSendingSerial());

        // Too long for one write: refused in the model, nothing sent.
        QVERIFY(!console()->sendSerial(QString(ConsoleModel::MaxSerialInput + 1, QLatin1Char('x'))));
        QTest::qWait(100);
        QCOMPARE(readAll(), QByteArray());

        // The adapter is unplugged: the view says so and refuses to send.
        p.kill();
        p.waitForFinished(5000);
        QTRY_VERIFY_WITH_TIMEOUT(console()->serialState() != QLatin1String("open"), SerialConsole::RetryMs * 3);
        QVERIFY(!console()->sendSerial(QStringLiteral("lost")));
    }

    void unknownSendersAreListedAndShown()
    {
        ConsoleModel *unknown = m_lab->unknownConsole();
        QAbstractItemModelTester tester(unknown, QAbstractItemModelTester::FailureReportingMode::QtTest);
        netconsole("127.0.0.9", 6, "stray 1");
        QTRY_VERIFY(unknown->unknownSources().contains(QStringLiteral("127.0.0.9")));
        QVERIFY(!unknown->unknownSources().contains(QStringLiteral("127.0.0.2")));   // pi-01 is a known device
        m_lab->openUnknownConsole(QStringLiteral("127.0.0.9"));
        QCOMPARE(unknown->source(), QStringLiteral("127.0.0.9"));
        QVERIFY(unknown->mac().isEmpty());
        QTRY_VERIFY(!unknown->isLoading());
        QCOMPARE(texts(*unknown), QStringList{QStringLiteral("stray 1")});
        // Live: only this sender's lines.
        netconsole("127.0.0.9", 6, "stray 2");
        netconsole("127.0.0.2", 6, "a device's line");
        netconsole("127.0.0.10", 6, "another stray");
        QTRY_VERIFY(unknown->unknownSources().contains(QStringLiteral("127.0.0.10")));
        QTRY_COMPARE(texts(*unknown), (QStringList{QStringLiteral("stray 1"), QStringLiteral("stray 2")}));
        // Switching sender backfills that sender's lines.
        m_lab->openUnknownConsole(QStringLiteral("127.0.0.10"));
        QTRY_VERIFY(!unknown->isLoading());
        QCOMPARE(texts(*unknown), QStringList{QStringLiteral("another stray")});
        // The device panel never shows an unknown sender's lines.
        open(Pi1);
        QTRY_VERIFY(texts(*console()).contains(QStringLiteral("a device's line")));
        QVERIFY(!texts(*console()).contains(QStringLiteral("stray 2")));
        m_lab->openUnknownConsole(QString());
        QVERIFY(unknown->source().isEmpty());
        QCOMPARE(unknown->rowCount(), 0);
    }
};

QTEST_MAIN(TestConsoleModel)
#include "tst_consolemodel.moc"
