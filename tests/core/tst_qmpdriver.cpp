// QmpDriver (and QmpMachine) with real QEMU processes (`-machine none`: no guest, starts in
// ~0.1 s): option validation with file:line:column, power on/off/status through QMP, a VM that
// exits by itself, cycle by system_reset and by off+on, start timeout, early exit with QEMU's
// message, a QEMU that ignores "quit" (SIGTERM, then SIGKILL), vars template, VMs ended with
// the driver, and the PowerManager on top (journal, registry, MAC learning). Every process is
// started by the code under test and checked (and killed) by pid.
#include "config/labconfigloader.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "poe/driveroptions.h"
#include "poe/poeswitch.h"
#include "poe/powermanager.h"
#include "poe/qmpclient.h"
#include "poe/qmpdriver.h"
#include "poe/qmpmachine.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <optional>

namespace {

bool alive(qint64 pid)
{
    if (pid <= 0)
        return false;
    // A zombie is dead for our purpose (state 'Z' in /proc/<pid>/stat).
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray s = stat.readAll();
    const qsizetype close = s.lastIndexOf(')');
    return close > 0 && s.size() > close + 2 && s.at(close + 2) != 'Z';
}

struct Result
{
    std::optional<poe::Error> error;
    poe::PortReadout readout;
};

Result waitDone(const std::function<void(PoeDriver::DoneCallback)> &call, int timeoutMs = 15000)
{
    Result r;
    call([&r](const poe::Error &e) { r.error = e; });
    if (!QTest::qWaitFor([&] { return r.error.has_value(); }, timeoutMs))
        r.error = poe::Error::make(poe::Error::Kind::Timeout, QStringLiteral("test: no answer"));
    return r;
}

Result read(QmpDriver &d)
{
    Result r;
    d.readPorts([&r](const poe::Error &e, const poe::PortReadout &out) {
        r.error = e;
        r.readout = out;
    });
    if (!QTest::qWaitFor([&] { return r.error.has_value(); }, 10000))
        r.error = poe::Error::make(poe::Error::Kind::Timeout, QStringLiteral("test: no answer"));
    return r;
}

const poe::PortStatus *portOf(const Result &r, const QString &port)
{
    for (const auto &p : r.readout.ports)
        if (p.port == port)
            return &p;
    return nullptr;
}

} // namespace

class TestQmpDriver : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_qemu;

    QString run() const { return m_dir.filePath(QStringLiteral("run")); }
    QString script(const QString &name, const QByteArray &body) const
    {
        const QString p = m_dir.filePath(name);
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write("#!/bin/sh\n" + body);
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return p;
    }
    SwitchConfig vmSwitch(const QString &command, int ports = 2, QMap<QString, QString> extra = {}) const
    {
        SwitchConfig s;
        s.id = QStringLiteral("vms");
        s.driver = QStringLiteral("qmp");
        s.address = run();
        s.ports = ports;
        s.pollSeconds = 1;
        s.cycleOffSeconds = 1;
        s.options = {{QStringLiteral("command"), command}, {QStringLiteral("start_timeout"), QStringLiteral("10")}};
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            s.options.insert(it.key(), it.value());
        return s;
    }
    QString qemuNone(const QString &more = {}) const
    {
        return m_qemu + QStringLiteral(" -machine none -nodefaults -display none -serial file:{serial_log}") + more;
    }
    LabConfigLoadResult load(const QString &yaml) const
    {
        return LabConfigLoader::loadText(yaml.toUtf8(), m_dir.filePath(QStringLiteral("lab.yaml")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_qemu = QStandardPaths::findExecutable(QStringLiteral("qemu-system-x86_64"));
        QFile vars(m_dir.filePath(QStringLiteral("VARS.fd")));
        QVERIFY(vars.open(QIODevice::WriteOnly));
        vars.write(QByteArray(4096, '\x5a'));
    }

    void validOptions()
    {
        const auto r = load(QStringLiteral(
            "switches:\n"
            "  vms:\n"
            "    driver: qmp\n"
            "    address: run\n"
            "    options:\n"
            "      port_list: \"x86, arm\"\n"
            "      command: /bin/echo \"a b\" -drive file={vars} -device virtio-net-pci,mac={mac} -serial file:{serial_log} {switch}-{port} {dir}\n"
            "      command.arm: /bin/echo arm {port}\n"
            "      mac.x86: \"52-54-00-12-34-56\"\n"
            "      mac.arm: \"52:54:00:AA:64:01\"\n"
            "      vars_template: VARS.fd\n"
            "      cycle: reset\n"
            "      quit_timeout: \"3\"\n"));
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        poe::OptionReader reader(r.config.switches.first(), nullptr);
        const QmpDriver::Options o = QmpDriver::parseOptions(reader, m_dir.path());
        QCOMPARE(o.dir, run());
        QCOMPARE(o.ports.size(), 2);
        QCOMPARE(o.ports.at(0).name, QStringLiteral("x86"));
        QCOMPARE(o.ports.at(0).mac, QStringLiteral("52:54:00:12:34:56"));
        // Split first (no shell: the quoted "a b" stays one argument), then replaced.
        QCOMPARE(o.ports.at(0).argv, (QStringList{QStringLiteral("/bin/echo"), QStringLiteral("a b"),
                                                  QStringLiteral("-drive"), QStringLiteral("file=") + run() + QStringLiteral("/x86.vars.fd"),
                                                  QStringLiteral("-device"), QStringLiteral("virtio-net-pci,mac=52:54:00:12:34:56"),
                                                  QStringLiteral("-serial"), QStringLiteral("file:") + run() + QStringLiteral("/x86.serial.log"),
                                                  QStringLiteral("vms-x86"), run()}));
        QCOMPARE(o.ports.at(1).argv, (QStringList{QStringLiteral("/bin/echo"), QStringLiteral("arm"), QStringLiteral("arm")}));
        QCOMPARE(o.ports.at(1).mac, QStringLiteral("52:54:00:aa:64:01"));
        QCOMPARE(o.varsTemplate, m_dir.filePath(QStringLiteral("VARS.fd")));
        QVERIFY(o.resetCycle);
        QCOMPARE(o.quitTimeoutMs, 3000);
        QCOMPARE(QmpDriver::socketPath(o.dir, QStringLiteral("a/b:c")), run() + QStringLiteral("/a_b_c.qmp"));
    }

    void invalidOptions_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("at");
        QTest::addColumn<QString>("message");
        const QString head = QStringLiteral("switches:\n  vms:\n    driver: qmp\n    address: /tmp/mb-vms\n    ports: 2\n    options:\n");
        QTest::newRow("no command") << head + QStringLiteral("      quit_timeout: \"5\"\n")
                                    << "switches.vms.options.command" << 2 << "vms:" << "needs options.command";
        QTest::newRow("program missing") << head + QStringLiteral("      command: qemu-system-does-not-exist -m 512\n")
                                         << "switches.vms.options.command" << 7 << "qemu-system-does-not-exist" << "not found";
        QTest::newRow("unknown placeholder") << head + QStringLiteral("      command: /bin/true -name {hostname}\n")
                                             << "switches.vms.options.command" << 7 << "/bin/true" << "unknown placeholder {hostname}";
        QTest::newRow("daemonize") << head + QStringLiteral("      command: /bin/true -daemonize\n")
                                   << "switches.vms.options.command" << 7 << "/bin/true" << "-daemonize";
        QTest::newRow("mac missing") << head + QStringLiteral("      command: /bin/true mac={mac}\n      mac.1: \"52:54:00:00:00:01\"\n")
                                     << "switches.vms.options.command" << 7 << "/bin/true" << "port 2 has no options.mac.2";
        QTest::newRow("bad mac") << head + QStringLiteral("      command: /bin/true\n      mac.1: \"52:54:00:00:00\"\n")
                                 << "switches.vms.options.mac.1" << 8 << "\"52" << "not a MAC address";
        QTest::newRow("duplicate mac") << head + QStringLiteral("      command: /bin/true\n      mac.1: \"52:54:00:00:00:01\"\n      mac.2: \"52:54:00:00:00:01\"\n")
                                       << "switches.vms.options.mac.2" << 9 << "\"52" << "given to two ports";
        QTest::newRow("mac of no port") << head + QStringLiteral("      command: /bin/true\n      mac.7: \"52:54:00:00:00:01\"\n")
                                        << "switches.vms.options.mac.7" << 8 << "\"52" << "no port '7'";
        QTest::newRow("vars without template") << head + QStringLiteral("      command: /bin/true -drive file={vars}\n")
                                               << "switches.vms.options.command" << 7 << "/bin/true" << "needs options.vars_template";
        QTest::newRow("template missing") << head + QStringLiteral("      command: /bin/true\n      vars_template: /nonexistent/VARS.fd\n")
                                          << "switches.vms.options.vars_template" << 8 << "/nonexistent" << "does not exist";
        QTest::newRow("bad cycle") << head + QStringLiteral("      command: /bin/true\n      cycle: hard\n")
                                   << "switches.vms.options.cycle" << 8 << "hard" << "expected one of power, reset";
        QTest::newRow("bad timeout") << head + QStringLiteral("      command: /bin/true\n      start_timeout: \"0\"\n")
                                     << "switches.vms.options.start_timeout" << 8 << "\"0\"" << "between 1 and 300";
        QTest::newRow("unknown option") << head + QStringLiteral("      command: /bin/true\n      memory: \"512\"\n")
                                        << "switches.vms.options.memory" << 8 << "\"512\"" << "unknown option";
        QTest::newRow("no ports") << QStringLiteral("switches:\n  vms:\n    driver: qmp\n    address: /tmp/mb-vms\n    options: {command: /bin/true}\n")
                                  << "switches.vms.ports" << 2 << "vms:" << "needs its ports";
        QTest::newRow("address is a file") << QStringLiteral("switches:\n  vms:\n    driver: qmp\n    address: /bin/true\n    ports: 1\n    options: {command: /bin/true}\n")
                                           << "switches.vms.address" << 4 << "/bin/true" << "not a directory";
        QTest::newRow("socket path too long") << QStringLiteral("switches:\n  vms:\n    driver: qmp\n    address: /tmp/%1\n    ports: 1\n    options: {command: /bin/true}\n").arg(QString(100, QLatin1Char('d')))
                                              << "switches.vms.address" << 4 << "/tmp/" << "longer than 107 bytes";
        QTest::newRow("empty program") << QStringLiteral("switches:\n  vms:\n    driver: qmp\n    address: /tmp/mb-vms\n    ports: 1\n    options: {command: \"\\\"\\\"\"}\n")
                                       << "switches.vms.options.command" << 6 << "\"\\\"" << "cannot split";
    }

    void invalidOptions()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, key);
        QFETCH(int, line);
        QFETCH(QString, at);
        QFETCH(QString, message);
        const int column = int(yaml.split(QLatin1Char('\n')).at(line - 1).indexOf(at)) + 1;
        QVERIFY(column > 0);
        const auto r = load(yaml);
        QVERIFY(!r.ok());
        const ConfigError *found = nullptr;
        for (const auto &e : r.errors)
            if (e.key == key)
                found = &e;
        QVERIFY2(found, qPrintable(r.errorText()));
        QVERIFY2(found->message.contains(message), qPrintable(found->toString()));
        QCOMPARE(found->line, line);
        QCOMPARE(found->column, column);
    }

    void powerOnOffAndStatus()
    {
        if (m_qemu.isEmpty())
            QSKIP("qemu-system-x86_64 is not installed");
        QmpDriver d(vmSwitch(qemuNone()), m_dir.path(), 3000);
        QCOMPARE(d.driverName(), QStringLiteral("qmp"));
        Result r = read(d);
        QVERIFY(!r.error->isError());
        QCOMPARE(r.readout.ports.size(), 2);
        QCOMPARE(portOf(r, QStringLiteral("1"))->adminOn, std::optional<bool>(false));
        QCOMPARE(poe::derivePowerState(*portOf(r, QStringLiteral("1"))), PowerState::Off);

        QElapsedTimer t;
        t.start();
        Result on = waitDone([&](auto cb) { d.setPortPower(QStringLiteral("1"), true, cb); });
        QVERIFY2(on.error && !on.error->isError(), qPrintable(on.error ? on.error->message : QStringLiteral("no answer")));
        qInfo() << "power on (QEMU started, QMP negotiated) in" << t.elapsed() << "ms";
        QmpMachine *m = d.machine(QStringLiteral("1"));
        const qint64 pid = m->pid();
        QVERIFY(alive(pid));
        QVERIFY(QFileInfo::exists(run() + QStringLiteral("/1.qmp")));
        r = read(d);
        QCOMPARE(portOf(r, QStringLiteral("1"))->detection, poe::Detection::Delivering);   // query-status: running
        QCOMPARE(poe::derivePowerState(*portOf(r, QStringLiteral("1"))), PowerState::On);
        QCOMPARE(poe::derivePowerState(*portOf(r, QStringLiteral("2"))), PowerState::Off);
        // On again: nothing new is started.
        QVERIFY(!waitDone([&](auto cb) { d.setPortPower(QStringLiteral("1"), true, cb); }).error->isError());
        QCOMPARE(m->pid(), pid);

        t.restart();
        Result off = waitDone([&](auto cb) { d.setPortPower(QStringLiteral("1"), false, cb); });
        QVERIFY2(!off.error->isError(), qPrintable(off.error->message));
        qInfo() << "power off (QMP quit until the process was gone) in" << t.elapsed() << "ms";
        QVERIFY(!alive(pid));
        QCOMPARE(m->state(), QmpMachine::State::Off);
        QCOMPARE(poe::derivePowerState(*portOf(read(d), QStringLiteral("1"))), PowerState::Off);
        // Off again is fine; an unknown port is not.
        QVERIFY(!waitDone([&](auto cb) { d.setPortPower(QStringLiteral("1"), false, cb); }).error->isError());
        const Result bad = waitDone([&](auto cb) { d.setPortPower(QStringLiteral("9"), true, cb); });
        QCOMPARE(bad.error->kind, poe::Error::Kind::Rejected);
        QVERIFY(bad.error->message.contains(QLatin1String("no port '9'")));
    }

    void vmThatExitsIsOff()
    {
        if (m_qemu.isEmpty())
            QSKIP("qemu-system-x86_64 is not installed");
        QmpDriver d(vmSwitch(qemuNone()), m_dir.path(), 3000);
        QVERIFY(!waitDone([&](auto cb) { d.setPortPower(QStringLiteral("2"), true, cb); }).error->isError());
        QmpMachine *m = d.machine(QStringLiteral("2"));
        QSignalSpy changed(m, &QmpMachine::stateChanged);
        const qint64 pid = m->pid();
        // The guest (or someone) ends QEMU: the port reads Off, as a switch would see power stop.
        QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
        QTRY_COMPARE(m->state(), QmpMachine::State::Off);
        QCOMPARE(changed.last().at(0).value<QmpMachine::State>(), QmpMachine::State::Off);
        QCOMPARE(poe::derivePowerState(*portOf(read(d), QStringLiteral("2"))), PowerState::Off);
        // And it can be powered on again.
        QVERIFY(!waitDone([&](auto cb) { d.setPortPower(QStringLiteral("2"), true, cb); }).error->isError());
        QVERIFY(alive(m->pid()));
        QVERIFY(m->pid() != pid);
    }

    void cycleByReset()
    {
        if (m_qemu.isEmpty())
            QSKIP("qemu-system-x86_64 is not installed");
        // A second QMP monitor for the test, to watch the RESET event.
        QmpDriver d(vmSwitch(qemuNone(QStringLiteral(" -qmp unix:{dir}/{port}.watch,server=on,wait=off")), 1,
                             {{QStringLiteral("cycle"), QStringLiteral("reset")}}),
                    m_dir.path(), 3000);
        QVERIFY(d.capabilities().nativeCycle);
        QVERIFY(!waitDone([&](auto cb) { d.setPortPower(QStringLiteral("1"), true, cb); }).error->isError());
        const qint64 pid = d.machine(QStringLiteral("1"))->pid();
        QmpClient watch;
        QSignalSpy ready(&watch, &QmpClient::ready);
        QSignalSpy events(&watch, &QmpClient::event);
        watch.open(run() + QStringLiteral("/1.watch"), 3000);
        QVERIFY(ready.wait(5000));
        QVERIFY(!waitDone([&](auto cb) { d.powerCycle(QStringLiteral("1"), 1, cb); }).error->isError());
        QTRY_VERIFY(!events.isEmpty());
        QCOMPARE(events.first().at(0).toString(), QStringLiteral("RESET"));
        QCOMPARE(events.first().at(1).toJsonObject().value(QLatin1String("reason")).toString(), QStringLiteral("host-qmp-system-reset"));
        QCOMPARE(d.machine(QStringLiteral("1"))->pid(), pid);   // same process: a reset, not a restart
        // A reset of a VM that is off is refused.
        QVERIFY(!waitDone([&](auto cb) { d.setPortPower(QStringLiteral("1"), false, cb); }).error->isError());
        QCOMPARE(waitDone([&](auto cb) { d.powerCycle(QStringLiteral("1"), 1, cb); }).error->kind, poe::Error::Kind::Rejected);
    }

    void cycleByPowerThroughPoeSwitch()
    {
        if (m_qemu.isEmpty())
            QSKIP("qemu-system-x86_64 is not installed");
        const SwitchConfig cfg = vmSwitch(qemuNone(), 1, {{QStringLiteral("verify_time"), QStringLiteral("5")}});
        poe::OptionReader reader(cfg, nullptr);
        const poe::CommonOptions common = poe::parseCommonOptions(reader, poe::defaultLearnMode(cfg.driver));
        QCOMPARE(common.learn, poe::LearnMode::Bind);
        auto *driver = new QmpDriver(cfg, m_dir.path(), 3000);
        PoeSwitch sw(cfg, driver, common);
        sw.start();
        QTRY_VERIFY(sw.hasReadout());
        std::optional<poe::Error> onDone;
        sw.setPower(QStringLiteral("1"), true, [&](const poe::Error &e) { onDone = e; });
        QTRY_VERIFY_WITH_TIMEOUT(onDone.has_value(), 15000);
        QVERIFY(!onDone->isError());
        const qint64 pid = driver->machine(QStringLiteral("1"))->pid();
        QCOMPARE(poe::derivePowerState(*sw.port(QStringLiteral("1"))), PowerState::On);
        std::optional<poe::Error> cycled;
        PoeSwitch::CycleReport report;
        sw.cycle(QStringLiteral("1"), 1, [&](const poe::Error &e, const PoeSwitch::CycleReport &r) {
            cycled = e;
            report = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(cycled.has_value(), 30000);
        QVERIFY2(!cycled->isError(), qPrintable(cycled->message));
        QVERIFY(!report.native);
        QCOMPARE(report.dropped, std::optional<bool>(true));    // the process was gone while off
        QCOMPARE(report.returned, std::optional<bool>(true));   // and a new one ran afterwards
        QVERIFY(!alive(pid));
        QVERIFY(alive(driver->machine(QStringLiteral("1"))->pid()));
        sw.stop();
    }

    void startTimeoutKillsTheProcess()
    {
        // A "QEMU" that never opens its QMP socket.
        const QString fake = script(QStringLiteral("mute.sh"), "echo $$ > \"$(dirname \"$0\")/mute.pid\"\necho 'waiting forever'\nexec sleep 60\n");
        QmpDriver d(vmSwitch(fake, 1, {{QStringLiteral("start_timeout"), QStringLiteral("1")}}), m_dir.path(), 1000);
        const Result on = waitDone([&](auto cb) { d.setPortPower(QStringLiteral("1"), true, cb); });
        QCOMPARE(on.error->kind, poe::Error::Kind::Timeout);
        QVERIFY2(on.error->message.contains(QLatin1String("did not open its QMP socket")), qPrintable(on.error->message));
        QVERIFY2(on.error->message.contains(QLatin1String("waiting forever")), qPrintable(on.error->message));
        QFile pidFile(m_dir.filePath(QStringLiteral("mute.pid")));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const qint64 pid = pidFile.readAll().trimmed().toLongLong();
        QTRY_VERIFY(!alive(pid));
        QCOMPARE(d.machine(QStringLiteral("1"))->state(), QmpMachine::State::Off);
    }

    void earlyExitReportsQemusMessage()
    {
        if (m_qemu.isEmpty())
            QSKIP("qemu-system-x86_64 is not installed");
        QmpDriver d(vmSwitch(m_qemu + QStringLiteral(" -machine no-such-board -display none"), 1), m_dir.path(), 3000);
        const Result on = waitDone([&](auto cb) { d.setPortPower(QStringLiteral("1"), true, cb); });
        QCOMPARE(on.error->kind, poe::Error::Kind::Rejected);
        QVERIFY2(on.error->message.contains(QLatin1String("before its QMP socket was ready")), qPrintable(on.error->message));
        QVERIFY2(on.error->message.contains(QLatin1String("unsupported machine type")), qPrintable(on.error->message));   // QEMU's own words
        // A program that cannot be started at all.
        QmpDriver gone(vmSwitch(m_dir.filePath(QStringLiteral("missing-binary")), 1), m_dir.path(), 3000);
        const Result failed = waitDone([&](auto cb) { gone.setPortPower(QStringLiteral("1"), true, cb); });
        QCOMPARE(failed.error->kind, poe::Error::Kind::Unreachable);
        QVERIFY(failed.error->message.contains(QLatin1String("cannot start")));
    }

    void unresponsiveQemuIsKilled()
    {
        if (m_qemu.isEmpty())
            QSKIP("qemu-system-x86_64 is not installed");
        QmpDriver d(vmSwitch(qemuNone(), 1, {{QStringLiteral("quit_timeout"), QStringLiteral("1")}}), m_dir.path(), 500);
        QVERIFY(!waitDone([&](auto cb) { d.setPortPower(QStringLiteral("1"), true, cb); }).error->isError());
        const qint64 pid = d.machine(QStringLiteral("1"))->pid();
        QVERIFY(::kill(pid_t(pid), SIGSTOP) == 0);   // hangs: neither QMP nor SIGTERM is handled
        QElapsedTimer t;
        t.start();
        const Result off = waitDone([&](auto cb) { d.setPortPower(QStringLiteral("1"), false, cb); }, 20000);
        QVERIFY2(off.error && !off.error->isError(), off.error ? qPrintable(off.error->message) : "no answer");
        QVERIFY(!alive(pid));
        QVERIFY2(t.elapsed() >= 1000 && t.elapsed() < d.callTimeoutMs(), qPrintable(QString::number(t.elapsed())));
    }

    void varsTemplateAndWriter()
    {
        if (m_qemu.isEmpty())
            QSKIP("qemu-system-x86_64 is not installed");
        QDir(run()).removeRecursively();
        const QString cmd = qemuNone(QStringLiteral(" -drive if=none,format=raw,file={vars},id=v"));
        QmpDriver d(vmSwitch(cmd, 2, {{QStringLiteral("vars_template"), m_dir.filePath(QStringLiteral("VARS.fd"))}}), m_dir.path(), 3000);
        QStringList writes;
        d.setVarsWriter([&](const QString &port, const QString &path) {
            writes << port + QLatin1Char('=') + path;
            return port == QLatin1String("2") ? QStringLiteral("no firmware profile for this VM") : QString();
        });
        QVERIFY(!waitDone([&](auto cb) { d.setPortPower(QStringLiteral("1"), true, cb); }).error->isError());
        const QString vars = run() + QStringLiteral("/1.vars.fd");
        QCOMPARE(QFileInfo(vars).size(), 4096);
        QCOMPARE(QFileInfo(vars).permissions() & (QFile::ReadOther | QFile::WriteOther | QFile::ReadGroup), QFile::Permissions());
        QCOMPARE(writes, QStringList{QStringLiteral("1=") + vars});
        // The writer can refuse a power-on, with its reason.
        const Result two = waitDone([&](auto cb) { d.setPortPower(QStringLiteral("2"), true, cb); });
        QCOMPARE(two.error->kind, poe::Error::Kind::Rejected);
        QVERIFY2(two.error->message.contains(QLatin1String("no firmware profile")), qPrintable(two.error->message));
        QCOMPARE(d.machine(QStringLiteral("2"))->state(), QmpMachine::State::Off);
        // A store that exists is kept (the VM's NVRAM persists across power cycles).
        QVERIFY(!waitDone([&](auto cb) { d.setPortPower(QStringLiteral("1"), false, cb); }).error->isError());
        QFile f(vars);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("changed by the firmware");
        f.close();
        QVERIFY(!waitDone([&](auto cb) { d.setPortPower(QStringLiteral("1"), true, cb); }).error->isError());
        QCOMPARE(QFileInfo(vars).size(), qint64(qstrlen("changed by the firmware")));
    }

    void vmsEndWithTheDriver()
    {
        if (m_qemu.isEmpty())
            QSKIP("qemu-system-x86_64 is not installed");
        auto d = std::make_unique<QmpDriver>(vmSwitch(qemuNone(), 2), m_dir.path(), 3000);
        QVERIFY(!waitDone([&](auto cb) { d->setPortPower(QStringLiteral("1"), true, cb); }).error->isError());
        QVERIFY(!waitDone([&](auto cb) { d->setPortPower(QStringLiteral("2"), true, cb); }).error->isError());
        const qint64 a = d->machine(QStringLiteral("1"))->pid();
        const qint64 b = d->machine(QStringLiteral("2"))->pid();
        QVERIFY(alive(a) && alive(b));
        QElapsedTimer t;
        t.start();
        d.reset();
        QVERIFY(!alive(a));
        QVERIFY(!alive(b));
        qInfo() << "two VMs ended with the driver in" << t.elapsed() << "ms";
    }

    void abortDropsCallbacks()
    {
        if (m_qemu.isEmpty())
            QSKIP("qemu-system-x86_64 is not installed");
        QmpDriver d(vmSwitch(qemuNone(), 1), m_dir.path(), 3000);
        bool called = false;
        d.setPortPower(QStringLiteral("1"), true, [&](const poe::Error &) { called = true; });
        d.abort();
        QTRY_COMPARE(d.machine(QStringLiteral("1"))->state(), QmpMachine::State::Running);   // the VM still came up...
        QTest::qWait(100);
        QVERIFY(!called);                                                                      // ...but nobody was told
        QCOMPARE(poe::derivePowerState(*portOf(read(d), QStringLiteral("1"))), PowerState::On); // and reads show it
    }

    void powerManagerDrivesVms()
    {
        if (m_qemu.isEmpty())
            QSKIP("qemu-system-x86_64 is not installed");
        DeviceJournal journal;
        DeviceRegistry registry(&journal);
        BootControl boot;
        PowerManager pm(&registry, &journal, &boot);
        LabConfig c;
        // -S: QEMU stays in "prelaunch" (powered, guest not started), so no firmware runs here.
        c.switches = {vmSwitch(m_qemu + QStringLiteral(" -machine q35 -S -nodefaults -display none -device virtio-net-pci,mac={mac}"), 2,
                               {{QStringLiteral("mac.1"), QStringLiteral("52:54:00:00:00:01")},
                                {QStringLiteral("mac.2"), QStringLiteral("52:54:00:00:00:02")}})};
        DeviceConfig bound;
        bound.mac = *MacAddress::parse(QStringLiteral("52:54:00:00:00:01"));
        bound.name = QStringLiteral("vm-1");
        bound.power = PowerBinding{QStringLiteral("vms"), QStringLiteral("1")};
        DeviceConfig learned;   // no binding: learned from the switch's MAC list
        learned.mac = *MacAddress::parse(QStringLiteral("52:54:00:00:00:02"));
        learned.name = QStringLiteral("vm-2");
        c.devices = {bound, learned};
        registry.applyConfig(c.devices);
        pm.setConfig(c);
        QVERIFY(pm.start());
        QString why;
        QTRY_VERIFY2(pm.canControl(learned.mac, &why), qPrintable(why));
        QVERIFY2(pm.canControl(bound.mac, &why), qPrintable(why));

        std::optional<bool> ok;
        QString error;
        pm.requestPower(bound.mac, PowerControl::Action::On, QStringLiteral("test"), [&](bool o, const QString &e) {
            ok = o;
            error = e;
        });
        QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), 20000);
        QVERIFY2(*ok, qPrintable(error));
        QCOMPARE(registry.find(bound.mac)->power, PowerState::PoweringOn);
        QStringList kinds;
        for (const auto &e : journal.events(bound.mac))
            kinds << e.kind;
        QVERIFY2(kinds.contains(QLatin1String(journalkind::PowerChanged)), qPrintable(kinds.join(QLatin1Char(','))));

        ok.reset();
        pm.requestPower(learned.mac, PowerControl::Action::On, QStringLiteral("test"), [&](bool o, const QString &e) {
            ok = o;
            error = e;
        });
        QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), 20000);
        QVERIFY2(*ok, qPrintable(error));

        for (const MacAddress &m : {bound.mac, learned.mac}) {
            ok.reset();
            pm.requestPower(m, PowerControl::Action::Off, QStringLiteral("test"), [&](bool o, const QString &e) {
                ok = o;
                error = e;
            });
            QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), 20000);
            QVERIFY2(*ok, qPrintable(error));
            QCOMPARE(registry.find(m)->power, PowerState::Off);
        }
        pm.stop();
    }
};

QTEST_GUILESS_MAIN(TestQmpDriver)
#include "tst_qmpdriver.moc"
