// SnmpDriver against the real Debian snmpd (unpacked by scripts/peers.sh into build/peers),
// serving a writable POWER-ETHERNET-MIB through a pass_persist script (data/peth_pass.py).
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "poe/poeswitch.h"
#include "poe/powermanager.h"
#include "poe/snmpdriver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>

#include <cstdio>
#include <functional>
#include <optional>

namespace {

// snmpd on 127.0.0.1:<free port> with the pass_persist PSE; killed by pid in the destructor.
class SnmpdPeer
{
public:
    ~SnmpdPeer() { stop(); }

    bool start(QString *why)
    {
        const QString snmpd = QStringLiteral(PEERS_DIR "/root/usr/sbin/snmpd");
        if (!QFile::exists(snmpd)) {
            *why = QStringLiteral("%1 missing: run scripts/peers.sh build/peers").arg(snmpd);
            return false;
        }
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty()) {
            *why = QStringLiteral("python3 is needed for the pass_persist script");
            return false;
        }
        if (!m_dir.isValid()) {
            *why = QStringLiteral("no temporary directory");
            return false;
        }
        writeState(QJsonObject{});
        for (int attempt = 0; attempt < 5; ++attempt) {
            m_port = pickPort();
            writeConfig();
            m_process.setProgram(snmpd);
            m_process.setArguments({QStringLiteral("-f"), QStringLiteral("-Lo"), QStringLiteral("-C"), QStringLiteral("-c"),
                                    m_dir.filePath(QStringLiteral("snmpd.conf")), QStringLiteral("-I"), QStringLiteral("-smux"),
                                    QStringLiteral("-p"), m_dir.filePath(QStringLiteral("snmpd.pid"))});
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("MIBS"), QString());
            env.insert(QStringLiteral("SNMP_PERSISTENT_DIR"), m_dir.filePath(QStringLiteral("persist")));
            env.insert(QStringLiteral("PETH_STATE"), statePath());
            m_process.setProcessEnvironment(env);
            m_process.setProcessChannelMode(QProcess::MergedChannels);
            m_process.start();
            if (!m_process.waitForStarted(5000))
                continue;
            // Ready when it answers; "Error opening specified endpoint" = someone took the port.
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 5000 && m_process.state() == QProcess::Running) {
                if (probe())
                    return true;
                QTest::qWait(100);
            }
            m_log += m_process.readAll();
            stop();
        }
        *why = QStringLiteral("snmpd did not start: %1").arg(QString::fromLocal8Bit(m_log.right(500)));
        return false;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(3000)) {
                m_process.kill();
                m_process.waitForFinished(3000);
            }
        }
    }

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    [[nodiscard]] QString statePath() const { return m_dir.filePath(QStringLiteral("state.json")); }

    void writeState(const QJsonObject &state)
    {
        QFile f(statePath() + QStringLiteral(".tmp"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(state).toJson());
        f.close();
        QFile::remove(statePath());
        QVERIFY(QFile::rename(f.fileName(), statePath()));
    }
    QJsonObject state() const
    {
        QFile f(statePath());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

private:
    static quint16 pickPort()
    {
        QUdpSocket s;
        s.bind(QHostAddress::LocalHost, 0);
        return s.localPort();
    }
    void writeConfig()
    {
        QFile f(m_dir.filePath(QStringLiteral("snmpd.conf")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const QString script = QStringLiteral(TEST_DATA_DIR "/poe/peth_pass.py");
        const QString conf = QStringLiteral(
                                 "agentaddress udp:127.0.0.1:%1\n"
                                 "view   poeview included .1.3.6.1.2.1.1\n"
                                 "view   poeview included .1.3.6.1.2.1.105\n"
                                 "view   poeview included .1.3.6.1.2.1.17\n"
                                 "view   poeview included .1.3.6.1.4.1.9.9.402\n"
                                 "rocommunity public  127.0.0.1 -V poeview\n"
                                 "rwcommunity private 127.0.0.1 -V poeview\n"
                                 "createUser labadmin SHA-256 \"authpass123\" AES \"privpass123\"\n"
                                 "rwuser     labadmin priv -V poeview\n"
                                 "createUser labreader SHA \"readpass123\"\n"
                                 "rouser     labreader auth -V poeview\n"
                                 "dontLogTCPWrappersConnects yes\n"
                                 "sysDescr   Simulated PoE PSE (net-snmp pass_persist)\n"
                                 "pass_persist .1.3.6.1.2.1.105           %2\n"
                                 "pass_persist .1.3.6.1.4.1.9.9.402.1.2.1 %2\n"
                                 "pass_persist .1.3.6.1.2.1.17            %2\n")
                                 .arg(m_port)
                                 .arg(script);
        f.write(conf.toUtf8());
        QDir().mkpath(m_dir.filePath(QStringLiteral("persist")));
    }
    bool probe()
    {
        snmp::Config c;
        c.peer = QStringLiteral("udp:127.0.0.1:%1").arg(m_port);
        c.timeoutMs = 300;
        c.retries = 0;
        snmp::Client client(c);
        QList<snmp::Varbind> out;
        if (client.get({snmp::parseOid(QStringLiteral(".1.3.6.1.2.1.1.1.0"))}, &out).isError() || out.isEmpty()
            || out.first().type != snmp::Varbind::Type::OctetString)
            return false;
        // Each pass_persist line starts its Python script on first use, which can take a while
        // on a loaded machine: wake all three before the tests measure anything.
        c.timeoutMs = 2000;
        c.retries = 3;
        snmp::Client warm(c);
        out.clear();
        return !warm.get({snmp::parseOid(QStringLiteral(".1.3.6.1.2.1.105.1.1.1.3.1.1")),
                          snmp::parseOid(QStringLiteral(".1.3.6.1.4.1.9.9.402.1.2.1.9.1.1")),
                          snmp::parseOid(QStringLiteral(".1.3.6.1.2.1.17.1.4.1.2.1"))},
                         &out)
                    .isError()
            && out.size() == 3 && !out.at(0).isException();
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_log;
};

SwitchConfig snmpSwitch(const QString &address, const QMap<QString, QString> &options, const QString &user = {},
                        const QString &password = {})
{
    SwitchConfig s;
    s.id = QStringLiteral("pse");
    s.driver = QStringLiteral("snmp");
    s.address = address;
    s.username = user;
    s.password = password;
    s.cycleOffSeconds = 1;
    s.pollSeconds = 60;
    s.options = options;
    return s;
}

// For calls expected to time out: short.
poe::CommonOptions fast()
{
    poe::CommonOptions c;
    c.timeoutMs = 700;
    c.retries = 0;
    return c;
}

// For calls expected to succeed: the agent answers through Python; give a loaded machine room.
poe::CommonOptions patient()
{
    poe::CommonOptions c;
    c.timeoutMs = 3000;
    c.retries = 1;
    return c;
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
    [&] { QTRY_VERIFY_WITH_TIMEOUT(r.error.has_value(), 15000); }();
    return r;
}

std::optional<poe::Error> setPower(PoeDriver &d, const QString &port, bool on)
{
    std::optional<poe::Error> result;
    d.setPortPower(port, on, [&result](const poe::Error &e) { result = e; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000); }();
    return result;
}

const poe::PortStatus *find(const poe::PortReadout &r, const QString &port)
{
    for (const auto &p : r.ports)
        if (p.port == port)
            return &p;
    return nullptr;
}

} // namespace

class TestPoeSnmpDriver : public QObject
{
    Q_OBJECT
private:
    SnmpdPeer m_peer;
    const QMap<QString, QString> v2c{{QStringLiteral("community"), QStringLiteral("public")},
                                     {QStringLiteral("write_community"), QStringLiteral("private")},
                                     {QStringLiteral("port_power"), QStringLiteral("cisco")}};
    const QMap<QString, QString> v3{{QStringLiteral("version"), QStringLiteral("3")},
                                    {QStringLiteral("auth_protocol"), QStringLiteral("SHA-256")},
                                    {QStringLiteral("priv_protocol"), QStringLiteral("AES")},
                                    {QStringLiteral("priv_password"), QStringLiteral("privpass123")},
                                    {QStringLiteral("port_power"), QStringLiteral("cisco")}};

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!m_peer.start(&why))
            QSKIP(qPrintable(why));
    }

    void init() { m_peer.writeState(QJsonObject{}); }

    void v2cReadsPortsWattsAndTotal()
    {
        SnmpDriver d(snmpSwitch(m_peer.address(), v2c), patient());
        QVERIFY(d.capabilities().portWatts);
        const Read r = readPorts(d);
        QVERIFY2(!r.error->isError(), qPrintable(r.error->message));
        QCOMPARE(r.readout.ports.size(), 8);
        double sum = 0;
        for (int port = 1; port <= 8; ++port) {
            const poe::PortStatus *p = find(r.readout, QString::number(port));
            QVERIFY(p);
            QCOMPARE(p->adminOn, std::optional<bool>(true));
            if (port <= 6) {   // a Pi on ports 1..6
                QCOMPARE(p->detection, poe::Detection::Delivering);
                QVERIFY2(p->watts >= 4.2 && p->watts <= 5.4, qPrintable(QString::number(p->watts)));
                QCOMPARE(p->powerClass, 4);
                QCOMPARE(poe::derivePowerState(*p), PowerState::On);
                sum += p->watts;
            } else {
                QCOMPARE(p->detection, poe::Detection::Searching);
                QCOMPARE(p->watts, 0.0);
                QCOMPARE(poe::derivePowerState(*p), PowerState::PoweringOn);
            }
        }
        QCOMPARE(r.readout.totalWatts, double(int(sum)));   // pethMainPseConsumptionPower (W)
        QCOMPARE(r.readout.budgetWatts, 120.0);
    }

    void v2cSwitchesOffAndOn()
    {
        SnmpDriver d(snmpSwitch(m_peer.address(), v2c), patient());
        const auto off = setPower(d, QStringLiteral("3"), false);
        QVERIFY2(!off->isError(), qPrintable(off->message));
        QCOMPARE(m_peer.state().value(QStringLiteral("admin")).toObject().value(QStringLiteral("3")).toInt(), 2);
        Read r = readPorts(d);
        const poe::PortStatus *p = find(r.readout, QStringLiteral("3"));
        QVERIFY(p);
        QCOMPARE(p->adminOn, std::optional<bool>(false));
        QCOMPARE(p->detection, poe::Detection::Disabled);
        QCOMPARE(p->watts, 0.0);
        QCOMPARE(poe::derivePowerState(*p), PowerState::Off);
        const auto on = setPower(d, QStringLiteral("3"), true);
        QVERIFY2(!on->isError(), qPrintable(on->message));
        r = readPorts(d);
        QCOMPARE(find(r.readout, QStringLiteral("3"))->detection, poe::Detection::Delivering);
    }

    void readOnlyCommunityCannotWrite()
    {
        auto options = v2c;
        options.insert(QStringLiteral("write_community"), QStringLiteral("public"));
        SnmpDriver d(snmpSwitch(m_peer.address(), options), patient());
        const auto e = setPower(d, QStringLiteral("2"), false);
        QCOMPARE(e->kind, poe::Error::Kind::Rejected);
        QVERIFY2(e->message.contains(QLatin1String("no write access")), qPrintable(e->message));
        QVERIFY(!m_peer.state().value(QStringLiteral("admin")).toObject().contains(QStringLiteral("2")));
    }

    void agentRejectsInvalidPort()
    {
        SnmpDriver d(snmpSwitch(m_peer.address(), v2c), patient());
        const auto e = setPower(d, QStringLiteral("99"), false);
        QCOMPARE(e->kind, poe::Error::Kind::Rejected);
        const auto bad = setPower(d, QStringLiteral("ether1"), false);
        QCOMPARE(bad->kind, poe::Error::Kind::Rejected);
        QVERIFY(bad->message.contains(QLatin1String("numbers")));
    }

    void wrongCommunityTimesOutClearly()
    {
        auto options = v2c;
        options.insert(QStringLiteral("community"), QStringLiteral("not-the-community"));
        SnmpDriver d(snmpSwitch(m_peer.address(), options), fast());
        QElapsedTimer t;
        t.start();
        const Read r = readPorts(d);
        QCOMPARE(r.error->kind, poe::Error::Kind::Timeout);
        QVERIFY2(r.error->message.contains(QLatin1String("wrong community")), qPrintable(r.error->message));
        QVERIFY2(!r.error->message.contains(QLatin1String("not-the-community")), "secret leaked into the message");
        QVERIFY(t.elapsed() < 5000);
    }

    void v3AuthPrivReadsAndWrites()
    {
        SnmpDriver d(snmpSwitch(m_peer.address(), v3, QStringLiteral("labadmin"), QStringLiteral("authpass123")), patient());
        Read r = readPorts(d);
        QVERIFY2(!r.error->isError(), qPrintable(r.error->message));
        QCOMPARE(r.readout.ports.size(), 8);
        const auto off = setPower(d, QStringLiteral("5"), false);
        QVERIFY2(!off->isError(), qPrintable(off->message));
        r = readPorts(d);
        QCOMPARE(find(r.readout, QStringLiteral("5"))->detection, poe::Detection::Disabled);
        QCOMPARE(find(r.readout, QStringLiteral("5"))->watts, 0.0);
        QVERIFY(!setPower(d, QStringLiteral("5"), true)->isError());
    }

    void v3AuthNoPrivReadOnlyUser()
    {
        QMap<QString, QString> options{{QStringLiteral("version"), QStringLiteral("3")},
                                       {QStringLiteral("auth_protocol"), QStringLiteral("SHA")}};
        SnmpDriver d(snmpSwitch(m_peer.address(), options, QStringLiteral("labreader"), QStringLiteral("readpass123")), patient());
        const Read r = readPorts(d);
        QVERIFY2(!r.error->isError(), qPrintable(r.error->message));
        QCOMPARE(r.readout.ports.size(), 8);
        const auto e = setPower(d, QStringLiteral("1"), false);
        QCOMPARE(e->kind, poe::Error::Kind::Rejected);
        QVERIFY2(e->message.contains(QLatin1String("no write access")), qPrintable(e->message));
    }

    void v3WrongPasswordIsAnAuthError()
    {
        SnmpDriver d(snmpSwitch(m_peer.address(), v3, QStringLiteral("labadmin"), QStringLiteral("wrongpass999")), patient());
        const Read r = readPorts(d);
        QVERIFY2(r.error->kind == poe::Error::Kind::Auth, qPrintable(r.error->message));
        QVERIFY2(r.error->message.contains(QLatin1String("uthentication")), qPrintable(r.error->message));
        QVERIFY(!r.error->message.contains(QLatin1String("wrongpass999")));
    }

    void v3CorrectedPasswordWorksAfterAWrongOne()
    {
        // net-snmp caches USM keys per (engine, user); a fixed password must take effect.
        SnmpDriver wrong(snmpSwitch(m_peer.address(), v3, QStringLiteral("labadmin"), QStringLiteral("wrongpass999")), patient());
        QCOMPARE(readPorts(wrong).error->kind, poe::Error::Kind::Auth);
        SnmpDriver right(snmpSwitch(m_peer.address(), v3, QStringLiteral("labadmin"), QStringLiteral("authpass123")), patient());
        const Read r = readPorts(right);
        QVERIFY2(!r.error->isError(), qPrintable(r.error->message));
        QCOMPARE(r.readout.ports.size(), 8);
    }

    void v3UnknownUserIsAnAuthError()
    {
        SnmpDriver d(snmpSwitch(m_peer.address(), v3, QStringLiteral("nobody-here"), QStringLiteral("authpass123")), patient());
        const Read r = readPorts(d);
        QVERIFY2(r.error->kind == poe::Error::Kind::Auth, qPrintable(r.error->message));
    }

    void deadSwitchTimesOutWithoutBlockingTheEngineThread()
    {
        QUdpSocket blackhole;   // receives and never answers
        QVERIFY(blackhole.bind(QHostAddress::LocalHost, 0));
        SnmpDriver d(snmpSwitch(QStringLiteral("127.0.0.1:%1").arg(blackhole.localPort()), v2c), fast());
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(20);
        QElapsedTimer t;
        t.start();
        const Read r = readPorts(d);
        QCOMPARE(r.error->kind, poe::Error::Kind::Timeout);
        QVERIFY2(r.error->message.contains(QLatin1String("no SNMP answer")), qPrintable(r.error->message));
        // The 0.7 s SNMP timeout elapsed on the worker thread while this thread kept running.
        QVERIFY2(t.elapsed() >= 600, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(ticks >= 15, qPrintable(QString::number(ticks)));
        QVERIFY(blackhole.hasPendingDatagrams());   // the request really went out
    }

    void genericCycleDropsAndRestoresPower()
    {
        auto *sw = new PoeSwitch(snmpSwitch(m_peer.address(), v2c), new SnmpDriver(snmpSwitch(m_peer.address(), v2c), patient()),
                                 patient(), this);
        std::optional<poe::Error> read;
        sw->refresh([&read](const poe::Error &e) { read = e; });
        QTRY_VERIFY(read.has_value());
        std::optional<poe::Error> result;
        PoeSwitch::CycleReport report;
        QElapsedTimer t;
        t.start();
        sw->cycle(QStringLiteral("2"), 1, [&](const poe::Error &e, const PoeSwitch::CycleReport &r) {
            result = e;
            report = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        QVERIFY2(!result->isError(), qPrintable(result->message));
        QVERIFY(!report.native);
        QCOMPARE(report.dropped, std::optional<bool>(true));
        QCOMPARE(report.returned, std::optional<bool>(true));
        QVERIFY(t.elapsed() >= 1000);
        QCOMPARE(m_peer.state().value(QStringLiteral("admin")).toObject().value(QStringLiteral("2")).toInt(), 1);
        QCOMPARE(sw->maxConcurrentCalls(), 1);
        delete sw;
    }

    void cycleDetectsAPortThatDoesNotReallyDropPower()
    {
        m_peer.writeState(QJsonObject{{QStringLiteral("stuck"), QJsonArray{4}}});
        auto *sw = new PoeSwitch(snmpSwitch(m_peer.address(), v2c), new SnmpDriver(snmpSwitch(m_peer.address(), v2c), patient()),
                                 patient(), this);
        std::optional<poe::Error> result;
        PoeSwitch::CycleReport report;
        sw->cycle(QStringLiteral("4"), 1, [&](const poe::Error &e, const PoeSwitch::CycleReport &r) {
            result = e;
            report = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        QVERIFY(!result->isError());
        QCOMPARE(report.dropped, std::optional<bool>(false));
        delete sw;
    }

    void learnsMacsFromTheBridgeForwardingTable()
    {
        m_peer.writeState(QJsonObject{{QStringLiteral("fdb"), QJsonObject{{QStringLiteral("dc:a6:32:00:00:01"), 1},
                                                                           {QStringLiteral("dc:a6:32:00:00:05"), 5},
                                                                           {QStringLiteral("00:11:22:33:44:55"), 0}}}});
        SnmpDriver d(snmpSwitch(m_peer.address(), v2c), patient());
        QVERIFY(d.capabilities().learnMacs);
        std::optional<poe::Error> error;
        QList<poe::MacSighting> found;
        d.learnMacs([&](const poe::Error &e, const QList<poe::MacSighting> &s) {
            error = e;
            found = s;
        });
        QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 10000);
        QVERIFY2(!error->isError(), qPrintable(error->message));
        QCOMPARE(found.size(), 2);   // bridge port 0 (the switch itself) is skipped
        QCOMPARE(found.at(0).mac.toString(), QStringLiteral("dc:a6:32:00:00:01"));
        QCOMPARE(found.at(0).port, QStringLiteral("1"));
        QCOMPARE(found.at(1).mac.toString(), QStringLiteral("dc:a6:32:00:00:05"));
        QCOMPARE(found.at(1).port, QStringLiteral("5"));
    }

    // On demand (tests/bench/poe/snmp_bench.sh sets METALBOOT_BENCH=1): our driver next to
    // net-snmp's own command-line tools against the same agent, in one run.
    void benchmarkAgainstNetSnmpTools()
    {
        if (qEnvironmentVariableIsEmpty("METALBOOT_BENCH"))
            QSKIP("benchmark: run tests/bench/poe/snmp_bench.sh");
        const int runs = qEnvironmentVariableIntValue("METALBOOT_BENCH_RUNS") > 0 ? qEnvironmentVariableIntValue("METALBOOT_BENCH_RUNS") : 50;
        // Each pair is measured alternately (ours, then the tool) so that load from other
        // processes on this machine affects both sides alike.
        auto once = [](const std::function<void()> &fn) {
            QElapsedTimer t;
            t.start();
            fn();
            return t.nsecsElapsed();
        };
        auto runTool = [](const QString &tool, const QStringList &args) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("MIBS"), QString());
            p.setProcessEnvironment(env);
            p.start(tool, args);
            p.waitForFinished(10000);
            if (p.exitCode() != 0)
                qFatal("%s failed: %s", qPrintable(tool), p.readAllStandardError().constData());
        };
        struct Pair
        {
            const char *label;
            std::function<void()> ours;
            std::function<void()> theirs;
            double oursMs = 0;
            double theirsMs = 0;
        };
        const QString agent = QStringLiteral("udp:") + m_peer.address();
        SnmpDriver v2(snmpSwitch(m_peer.address(), v2c), patient());
        SnmpDriver v3d(snmpSwitch(m_peer.address(), v3, QStringLiteral("labadmin"), QStringLiteral("authpass123")), patient());
        snmp::Config gc;
        gc.peer = agent;
        snmp::Client getClient(gc);
        auto read = [](PoeDriver &d) {   // an event loop, not QTRY (which polls every 50 ms)
            QEventLoop loop;
            poe::Error error;
            d.readPorts([&](const poe::Error &e, const poe::PortReadout &) {
                error = e;
                loop.quit();
            });
            loop.exec();
            if (error.isError())
                qFatal("bench read failed: %s", qPrintable(error.message));
        };
        const QStringList v3args{QStringLiteral("-v3"), QStringLiteral("-l"), QStringLiteral("authPriv"), QStringLiteral("-u"),
                                 QStringLiteral("labadmin"), QStringLiteral("-a"), QStringLiteral("SHA-256"), QStringLiteral("-A"),
                                 QStringLiteral("authpass123"), QStringLiteral("-x"), QStringLiteral("AES"), QStringLiteral("-X"),
                                 QStringLiteral("privpass123")};
        const QStringList v2args{QStringLiteral("-v2c"), QStringLiteral("-c"), QStringLiteral("public")};
        // The very request our read sends, issued by net-snmp's own tool.
        const QStringList sameRequest{QStringLiteral("-Cn2"), QStringLiteral("-Cr9"), QStringLiteral("-On"), agent,
                                      QStringLiteral(".1.3.6.1.2.1.105.1.3.1.1.2.0"), QStringLiteral(".1.3.6.1.2.1.105.1.3.1.1.4.0"),
                                      QStringLiteral(".1.3.6.1.2.1.105.1.1.1.3.1"), QStringLiteral(".1.3.6.1.2.1.105.1.1.1.6.1"),
                                      QStringLiteral(".1.3.6.1.2.1.105.1.1.1.10.1"), QStringLiteral(".1.3.6.1.4.1.9.9.402.1.2.1.9.1")};
        const QStringList subtree{QStringLiteral("-On"), agent, QStringLiteral(".1.3.6.1.2.1.105")};
        const snmp::Oid one = snmp::parseOid(QStringLiteral(".1.3.6.1.2.1.105.1.1.1.3.1.1"));
        QList<Pair> pairs{
            {"port read v2c: 1 GETBULK (4 columns x 9 + 2), vs snmpbulkget", [&] { read(v2); },
             [&] { runTool(QStringLiteral("snmpbulkget"), v2args + sameRequest); }},
            {"port read v3 authPriv SHA-256/AES, vs snmpbulkget", [&] { read(v3d); },
             [&] { runTool(QStringLiteral("snmpbulkget"), v3args + sameRequest); }},
            {"port read v2c vs snmpbulkwalk of the 105 subtree (52 vb)", [&] { read(v2); },
             [&] { runTool(QStringLiteral("snmpbulkwalk"), v2args + subtree); }},
            {"single GET v2c (ours in-process; snmpget)",
             [&] {
                 QList<snmp::Varbind> out;
                 if (getClient.get({one}, &out).isError())
                     qFatal("bench get failed");
             },
             [&] { runTool(QStringLiteral("snmpget"), v2args + QStringList{QStringLiteral("-On"), agent, snmp::oidToString(one)}); }},
        };
        for (Pair &p : pairs) {
            p.ours();   // warm-up (v3 engine discovery, first fork)
            p.theirs();
            qint64 ours = 0, theirs = 0;
            for (int i = 0; i < runs; ++i) {
                ours += once(p.ours);
                theirs += once(p.theirs);
            }
            p.oursMs = double(ours) / runs / 1e6;
            p.theirsMs = double(theirs) / runs / 1e6;
        }
        std::printf("\nSNMP against snmpd 5.9.3 + pass_persist PSE (8 ports), mean of %d alternating runs, ms\n", runs);
        std::printf("%-62s %9s %9s %7s\n", "operation", "metalboot", "net-snmp", "ratio");
        for (const Pair &p : pairs)
            std::printf("%-62s %9.2f %9.2f %7.2f\n", p.label, p.oursMs, p.theirsMs, p.oursMs / p.theirsMs);
        std::printf("(net-snmp figures include starting the tool process; the agent answers through a\n"
                    " Python pass_persist script, which dominates both sides)\n");
    }

    void powerManagerCyclesADeviceOverSnmp()
    {
        DeviceJournal journal;
        DeviceRegistry registry(&journal);
        BootControl boot;
        PowerManager pm(&registry, &journal, &boot);
        LabConfig lab;
        SwitchConfig sc = snmpSwitch(m_peer.address(), v2c);
        sc.options.insert(QStringLiteral("timeout"), QStringLiteral("3"));
        lab.switches.append(sc);
        DeviceConfig dev;
        dev.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:06"));
        dev.name = QStringLiteral("pi-06");
        dev.power = PowerBinding{QStringLiteral("pse"), QStringLiteral("6")};
        lab.devices.append(dev);
        registry.applyConfig(lab.devices);
        pm.setConfig(lab);
        QVERIFY(pm.start());
        QTRY_VERIFY_WITH_TIMEOUT(registry.find(dev.mac)->power == PowerState::On, 10000);
        QVERIFY(registry.find(dev.mac)->powerWatts >= 4.2);

        std::optional<bool> ok;
        QString error;
        pm.requestPower(dev.mac, PowerControl::Action::Off, QStringLiteral("test"), [&](bool success, const QString &why) {
            ok = success;
            error = why;
        });
        QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), 15000);
        QVERIFY2(*ok, qPrintable(error));
        QCOMPARE(registry.find(dev.mac)->power, PowerState::Off);
        QCOMPARE(registry.find(dev.mac)->stage, BootStage::Off);

        ok.reset();
        pm.requestPower(dev.mac, PowerControl::Action::Cycle, QStringLiteral("test"), [&](bool success, const QString &why) {
            ok = success;
            error = why;
        });
        QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), 20000);
        QVERIFY2(*ok, qPrintable(error));
        QCOMPARE(registry.find(dev.mac)->power, PowerState::On);
        QStringList kinds;
        for (const auto &e : journal.events(dev.mac))
            kinds.append(e.kind);
        QCOMPARE(kinds.count(QLatin1String(journalkind::PowerAction)), 2);
        QCOMPARE(kinds.count(QLatin1String(journalkind::PowerChanged)), 2);
        QVERIFY(!kinds.contains(QLatin1String(journalkind::PowerFailed)));
        pm.stop();
    }
};

QTEST_GUILESS_MAIN(TestPoeSnmpDriver)
#include "tst_poesnmpdriver.moc"
