// CommandDriver with real scripts: success, failure (exit code + stderr), timeout (killed),
// argument splitting without a shell, credentials only in the environment, status parsing.
#include "poe/commanddriver.h"
#include "poe/poeswitch.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <optional>

namespace {

class Scripts
{
public:
    Scripts()
    {
        // Records its arguments (one per line) and the credentials it got from the environment.
        write(QStringLiteral("record.sh"), QStringLiteral("#!/bin/sh\n"
                                                          "printf '%s\\n' \"$@\" > \"$(dirname \"$0\")/args\"\n"
                                                          "printf '%s|%s|%s\\n' \"$METALBOOT_SWITCH\" \"$METALBOOT_ACTION\" "
                                                          "\"$METALBOOT_SWITCH_PASSWORD\" > \"$(dirname \"$0\")/env\"\n"
                                                          "exit 0\n"));
        write(QStringLiteral("relay.sh"), QStringLiteral("#!/bin/sh\n"
                                                         "# relay.sh on|off|status <port>: a fake relay board, state in files\n"
                                                         "d=\"$(dirname \"$0\")/state\"; mkdir -p \"$d\"\n"
                                                         "case \"$1\" in\n"
                                                         "  on) echo on > \"$d/$2\" ;;\n"
                                                         "  off) echo off > \"$d/$2\" ;;\n"
                                                         "  status) s=$(cat \"$d/$2\" 2>/dev/null || echo on); "
                                                         "if [ \"$s\" = on ]; then echo \"on 4.${2}W\"; else echo off; fi ;;\n"
                                                         "  all) for p in 1 2 3; do s=$(cat \"$d/$p\" 2>/dev/null || echo on); "
                                                         "echo \"$p $s\"; done; echo '# end' ;;\n"
                                                         "esac\n"));
        write(QStringLiteral("fail.sh"), QStringLiteral("#!/bin/sh\necho 'relay busy, try later' >&2\necho 'ignored'\nexit 3\n"));
        write(QStringLiteral("slow.sh"), QStringLiteral("#!/bin/sh\necho $$ > \"$(dirname \"$0\")/slow.pid\"\nexec sleep 30\n"));
        write(QStringLiteral("garbage.sh"), QStringLiteral("#!/bin/sh\necho 'maybe'\n"));
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString read(const QString &name) const
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private:
    void write(const QString &name, const QString &text)
    {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QTemporaryDir m_dir;
};

SwitchConfig commandSwitch(const QMap<QString, QString> &options, int ports = 3)
{
    SwitchConfig s;
    s.id = QStringLiteral("relays");
    s.driver = QStringLiteral("command");
    s.password = QStringLiteral("board-secret");
    s.ports = ports;
    s.options = options;
    return s;
}

poe::Error wait(const std::function<void(PoeDriver::DoneCallback)> &call, int timeoutMs = 10000)
{
    std::optional<poe::Error> result;
    call([&result](const poe::Error &e) { result = e; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), timeoutMs); }();
    return result.value_or(poe::Error::make(poe::Error::Kind::Timeout, QStringLiteral("test timeout")));
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

} // namespace

class TestPoeCommandDriver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseState_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("on");
        QTest::addColumn<double>("watts");
        QTest::newRow("on") << "on" << true << true << -1.0;
        QTest::newRow("off with watts") << "OFF 0" << true << false << 0.0;
        QTest::newRow("1 + W") << "1 4.7W" << true << true << 4.7;
        QTest::newRow("enabled") << "  enabled   3.25 " << true << true << 3.25;
        QTest::newRow("false") << "false" << true << false << -1.0;
        QTest::newRow("garbage") << "maybe" << false << false << -1.0;
        QTest::newRow("empty") << "" << false << false << -1.0;
    }
    void parseState()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(bool, on);
        QFETCH(double, watts);
        bool isOn = false;
        double w = -2;
        QCOMPARE(CommandDriver::parseState(text, &isOn, &w), valid);
        if (valid) {
            QCOMPARE(isOn, on);
            QCOMPARE(w, watts);
        }
    }

    void argumentsAreSplitWithoutAShell()
    {
        Scripts s;
        CommandDriver d(commandSwitch({{QStringLiteral("on"), s.path(QStringLiteral("record.sh")) + QStringLiteral(" \"power on\" \"{port}\" --x={port}")},
                                       {QStringLiteral("off"), s.path(QStringLiteral("record.sh")) + QStringLiteral(" off {port}")}}),
                        5000);
        QVERIFY(!wait([&](auto cb) { d.setPortPower(QStringLiteral("3"), true, cb); }).isError());
        QCOMPARE(s.read(QStringLiteral("args")), QStringLiteral("power on\n3\n--x=3\n"));
        // Credentials reach the program through the environment only.
        QCOMPARE(s.read(QStringLiteral("env")), QStringLiteral("relays|on|board-secret\n"));
        QVERIFY(!s.read(QStringLiteral("args")).contains(QLatin1String("board-secret")));
        // Port values are validated: nothing that a shell (or the program) could misread.
        const poe::Error bad = wait([&](auto cb) { d.setPortPower(QStringLiteral("1; touch /tmp/pwned"), false, cb); });
        QCOMPARE(bad.kind, poe::Error::Kind::Rejected);
        QCOMPARE(s.read(QStringLiteral("args")), QStringLiteral("power on\n3\n--x=3\n"));   // not run
        QVERIFY(CommandDriver::expand({QStringLiteral("a{port}b"), QStringLiteral("$(x)")}, {{QStringLiteral("port"), QStringLiteral("7")}})
                == QStringList({QStringLiteral("a7b"), QStringLiteral("$(x)")}));
    }

    void relayBoardWithStatus()
    {
        Scripts s;
        const QString relay = s.path(QStringLiteral("relay.sh"));
        CommandDriver perPort(commandSwitch({{QStringLiteral("on"), relay + QStringLiteral(" on {port}")},
                                             {QStringLiteral("off"), relay + QStringLiteral(" off {port}")},
                                             {QStringLiteral("status"), relay + QStringLiteral(" status {port}")}}),
                              5000);
        QVERIFY(!wait([&](auto cb) { perPort.setPortPower(QStringLiteral("2"), false, cb); }).isError());
        Read r = readPorts(perPort);
        QVERIFY2(!r.error->isError(), qPrintable(r.error->message));
        QCOMPARE(r.readout.ports.size(), 3);
        QCOMPARE(r.readout.ports.at(0).adminOn, std::optional<bool>(true));
        QCOMPARE(r.readout.ports.at(0).watts, 4.1);
        QCOMPARE(r.readout.ports.at(1).adminOn, std::optional<bool>(false));
        QCOMPARE(poe::derivePowerState(r.readout.ports.at(1)), PowerState::Off);
        QCOMPARE(poe::derivePowerState(r.readout.ports.at(2)), PowerState::On);

        CommandDriver all(commandSwitch({{QStringLiteral("on"), relay + QStringLiteral(" on {port}")},
                                         {QStringLiteral("off"), relay + QStringLiteral(" off {port}")},
                                         {QStringLiteral("status"), relay + QStringLiteral(" all")}}),
                          5000);
        r = readPorts(all);
        QVERIFY2(!r.error->isError(), qPrintable(r.error->message));
        QCOMPARE(r.readout.ports.size(), 3);
        QCOMPARE(r.readout.ports.at(1).port, QStringLiteral("2"));
        QCOMPARE(r.readout.ports.at(1).adminOn, std::optional<bool>(false));
    }

    void withoutStatusThePortsReadAsLastSwitched()
    {
        Scripts s;
        CommandDriver d(commandSwitch({{QStringLiteral("on"), s.path(QStringLiteral("record.sh")) + QStringLiteral(" on {port}")},
                                       {QStringLiteral("off"), s.path(QStringLiteral("record.sh")) + QStringLiteral(" off {port}")}}),
                        5000);
        Read r = readPorts(d);
        QCOMPARE(r.readout.ports.size(), 3);
        QCOMPARE(poe::derivePowerState(r.readout.ports.at(0)), PowerState::Unknown);
        QVERIFY(!wait([&](auto cb) { d.setPortPower(QStringLiteral("1"), true, cb); }).isError());
        QVERIFY(!wait([&](auto cb) { d.setPortPower(QStringLiteral("2"), false, cb); }).isError());
        r = readPorts(d);
        QCOMPARE(poe::derivePowerState(r.readout.ports.at(0)), PowerState::On);
        QCOMPARE(poe::derivePowerState(r.readout.ports.at(1)), PowerState::Off);
        QCOMPARE(poe::derivePowerState(r.readout.ports.at(2)), PowerState::Unknown);
    }

    void failureReportsExitCodeAndStderr()
    {
        Scripts s;
        CommandDriver d(commandSwitch({{QStringLiteral("on"), s.path(QStringLiteral("fail.sh")) + QStringLiteral(" {port}")},
                                       {QStringLiteral("off"), s.path(QStringLiteral("fail.sh")) + QStringLiteral(" {port}")},
                                       {QStringLiteral("status"), s.path(QStringLiteral("garbage.sh")) + QStringLiteral(" {port}")}}),
                        5000);
        const poe::Error e = wait([&](auto cb) { d.setPortPower(QStringLiteral("1"), true, cb); });
        QCOMPARE(e.kind, poe::Error::Kind::Rejected);
        QVERIFY2(e.message.contains(QLatin1String("exit code 3: relay busy, try later")), qPrintable(e.message));
        const Read r = readPorts(d);
        QCOMPARE(r.error->kind, poe::Error::Kind::Protocol);
        QVERIFY2(r.error->message.contains(QLatin1String("maybe")), qPrintable(r.error->message));
    }

    void missingProgram()
    {
        CommandDriver d(commandSwitch({{QStringLiteral("on"), QStringLiteral("/nonexistent/metalboot-relay {port}")},
                                       {QStringLiteral("off"), QStringLiteral("/nonexistent/metalboot-relay {port}")}}),
                        5000);
        const poe::Error e = wait([&](auto cb) { d.setPortPower(QStringLiteral("1"), true, cb); });
        QCOMPARE(e.kind, poe::Error::Kind::Unreachable);
        QVERIFY(e.message.contains(QLatin1String("cannot start")));
    }

    void slowCommandIsKilledAtTheTimeout()
    {
        Scripts s;
        CommandDriver d(commandSwitch({{QStringLiteral("on"), s.path(QStringLiteral("slow.sh")) + QStringLiteral(" {port}")},
                                       {QStringLiteral("off"), s.path(QStringLiteral("slow.sh")) + QStringLiteral(" {port}")}}),
                        800);
        QElapsedTimer t;
        t.start();
        const poe::Error e = wait([&](auto cb) { d.setPortPower(QStringLiteral("1"), true, cb); });
        QCOMPARE(e.kind, poe::Error::Kind::Timeout);
        QVERIFY2(e.message.contains(QLatin1String("killed")), qPrintable(e.message));
        QVERIFY(t.elapsed() >= 700 && t.elapsed() < 5000);
        const int pid = s.read(QStringLiteral("slow.pid")).trimmed().toInt();
        QVERIFY(pid > 0);
        QTRY_VERIFY(::kill(pid, 0) != 0);   // really gone
        // The driver is usable again afterwards.
        CommandDriver ok(commandSwitch({{QStringLiteral("on"), s.path(QStringLiteral("record.sh")) + QStringLiteral(" {port}")},
                                        {QStringLiteral("off"), s.path(QStringLiteral("record.sh")) + QStringLiteral(" {port}")}}),
                         800);
        QVERIFY(!wait([&](auto cb) { ok.setPortPower(QStringLiteral("1"), true, cb); }).isError());
    }

    void nativeCycleTemplateThroughPoeSwitch()
    {
        Scripts s;
        const SwitchConfig cfg = commandSwitch({{QStringLiteral("on"), s.path(QStringLiteral("relay.sh")) + QStringLiteral(" on {port}")},
                                                {QStringLiteral("off"), s.path(QStringLiteral("relay.sh")) + QStringLiteral(" off {port}")},
                                                {QStringLiteral("cycle"), s.path(QStringLiteral("record.sh")) + QStringLiteral(" cycle {port} {seconds}")},
                                                {QStringLiteral("status"), s.path(QStringLiteral("relay.sh")) + QStringLiteral(" status {port}")}});
        auto *driver = new CommandDriver(cfg, 5000);
        QVERIFY(driver->capabilities().nativeCycle);
        PoeSwitch sw(cfg, driver, poe::CommonOptions{});
        std::optional<poe::Error> result;
        PoeSwitch::CycleReport report;
        sw.cycle(QStringLiteral("2"), 0, [&](const poe::Error &e, const PoeSwitch::CycleReport &r) {
            result = e;
            report = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY2(!result->isError(), qPrintable(result->message));
        QVERIFY(report.native);
        QCOMPARE(s.read(QStringLiteral("args")), QStringLiteral("cycle\n2\n0\n"));
        QCOMPARE(s.read(QStringLiteral("env")), QStringLiteral("relays|cycle|board-secret\n"));
    }
};

QTEST_GUILESS_MAIN(TestPoeCommandDriver)
#include "tst_poecommanddriver.moc"
