// PowerManager over simulated switches: device actions with journal/registry/BootControl,
// protection of unmapped and protected ports, busy ports, serialisation of concurrent
// requests to one switch, learned bindings and conflicts, observed changes, config changes,
// and the LabEngine wiring.
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "engine/labengine.h"
#include "engine/servicehub.h"
#include "poe/poeswitch.h"
#include "poe/powermanager.h"
#include "poe/simulatedswitch.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace {

MacAddress mac(int n)
{
    return *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:%1").arg(n, 2, 10, QLatin1Char('0')));
}

SwitchConfig simSwitch(const QString &id, const QMap<QString, QString> &options = {})
{
    SwitchConfig s;
    s.id = id;
    s.driver = QStringLiteral("simulated");
    s.ports = 8;
    s.pollSeconds = 1;
    s.cycleOffSeconds = 1;
    s.protectedPorts = {QStringLiteral("8")};
    s.options = {{QStringLiteral("power_on_ms"), QStringLiteral("100")}, {QStringLiteral("verify_time"), QStringLiteral("3")}};
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        s.options.insert(it.key(), it.value());
    return s;
}

DeviceConfig device(int n, const QString &switchId = {}, const QString &port = {})
{
    DeviceConfig d;
    d.mac = mac(n);
    d.name = QStringLiteral("pi-%1").arg(n);
    if (!switchId.isEmpty())
        d.power = PowerBinding{switchId, port};
    return d;
}

struct Outcome
{
    std::optional<bool> ok;
    QString error;
};

class Lab
{
public:
    Lab() : registry(&journal), pm(&registry, &journal, &boot) {}

    void apply(const LabConfig &config)
    {
        registry.applyConfig(config.devices);
        pm.setConfig(config);
    }
    Outcome request(const MacAddress &m, PowerControl::Action action)
    {
        Outcome o;
        pm.requestPower(m, action, QStringLiteral("test"), [&o](bool ok, const QString &e) {
            o.ok = ok;
            o.error = e;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(o.ok.has_value(), 15000); }();
        return o;
    }
    QStringList kinds(const MacAddress &m) const
    {
        QStringList out;
        for (const auto &e : journal.events(m))
            out.append(e.kind);
        return out;
    }

    DeviceJournal journal;
    DeviceRegistry registry;
    BootControl boot;
    PowerManager pm;
};

} // namespace

class TestPoePowerManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onOffCycleOfAMappedDevice()
    {
        Lab lab;
        LabConfig c;
        c.switches = {simSwitch(QStringLiteral("sim"))};
        c.devices = {device(1, QStringLiteral("sim"), QStringLiteral("1"))};
        lab.apply(c);
        QSignalSpy simPower(&lab.pm, &PowerManager::simulatedPortPowerChanged);
        QVERIFY(lab.pm.start());
        QTRY_COMPARE(lab.registry.find(mac(1))->power, PowerState::Off);
        QString why;
        QVERIFY2(lab.pm.canControl(mac(1), &why), qPrintable(why));

        // A one-time boot override consumed by the previous boot is forgotten at power-on.
        lab.boot.setOverride(mac(1), BootOverride{BootOverride::Target::Pxe, BootOverride::Enabled::Once});
        lab.boot.consume(mac(1), QStringLiteral("test"));
        QVERIFY(lab.boot.effective(mac(1)).isActive());

        Outcome o = lab.request(mac(1), PowerControl::Action::On);
        QVERIFY2(*o.ok, qPrintable(o.error));
        QVERIFY(!lab.boot.effective(mac(1)).isActive());
        QCOMPARE(simPower.size(), 1);
        QCOMPARE(simPower.first().at(0).toString(), QStringLiteral("sim"));
        QCOMPARE(simPower.first().at(1).toString(), QStringLiteral("1"));
        QCOMPARE(simPower.first().at(2).toBool(), true);
        QTRY_COMPARE(lab.registry.find(mac(1))->power, PowerState::On);
        QVERIFY(lab.registry.find(mac(1))->powerWatts >= 4.2);
        QCOMPARE(lab.kinds(mac(1)), QStringList({QLatin1String(journalkind::PowerAction), QLatin1String(journalkind::PowerChanged)}));
        QCOMPARE(lab.journal.events(mac(1)).last().stage, BootStage::PoweringOn);

        o = lab.request(mac(1), PowerControl::Action::Off);
        QVERIFY(*o.ok);
        QCOMPARE(lab.registry.find(mac(1))->power, PowerState::Off);
        QCOMPARE(lab.registry.find(mac(1))->stage, BootStage::Off);
        QCOMPARE(lab.journal.events(mac(1)).last().stage, BootStage::Off);

        QElapsedTimer t;
        t.start();
        o = lab.request(mac(1), PowerControl::Action::Cycle);   // off already: just on
        QVERIFY(*o.ok);
        o = lab.request(mac(1), PowerControl::Action::Cycle);   // on: off, 1 s, on, verified
        QVERIFY(*o.ok);
        QVERIFY(t.elapsed() >= 1000);
        const JournalEvent last = lab.journal.events(mac(1)).last();
        QCOMPARE(last.kind, QLatin1String(journalkind::PowerChanged));
        QCOMPARE(last.severity, JournalEvent::Severity::Info);
        QCOMPARE(last.data.value(QStringLiteral("power_dropped")).toBool(), true);
        QCOMPARE(last.data.value(QStringLiteral("power_returned")).toBool(), true);
        QVERIFY(!lab.kinds(mac(1)).contains(QLatin1String(journalkind::PowerFailed)));
        const auto reading = lab.pm.deviceReading(mac(1));
        QVERIFY(reading);
        QCOMPARE(reading->state, PowerState::On);
        QCOMPARE(reading->port, QStringLiteral("1"));
        QVERIFY(!lab.pm.wattHistory(QStringLiteral("sim"), QStringLiteral("1")).isEmpty());
        lab.pm.stop();
    }

    void unmappedAndProtectedPortsNeedAnOverride()
    {
        Lab lab;
        LabConfig c;
        c.switches = {simSwitch(QStringLiteral("sim"))};
        c.devices = {device(1, QStringLiteral("sim"), QStringLiteral("1"))};
        lab.apply(c);
        QVERIFY(lab.pm.start());
        QTRY_VERIFY(lab.pm.poeSwitch(QStringLiteral("sim"))->hasReadout());
        auto port = [&](const QString &p, bool override) {
            Outcome o;
            lab.pm.requestPortPower(QStringLiteral("sim"), p, PowerControl::Action::On, QStringLiteral("gui"), override,
                                    [&o](bool ok, const QString &e) {
                                        o.ok = ok;
                                        o.error = e;
                                    });
            [&] { QTRY_VERIFY_WITH_TIMEOUT(o.ok.has_value(), 10000); }();
            return o;
        };
        Outcome o = port(QStringLiteral("5"), false);
        QVERIFY(!*o.ok);
        QVERIFY2(o.error.contains(QLatin1String("not mapped to a managed device")), qPrintable(o.error));
        QVERIFY(!lab.pm.simulatedSwitch(QStringLiteral("sim"))->isAdminOn(5));
        o = port(QStringLiteral("8"), false);
        QVERIFY(!*o.ok);
        QVERIFY(o.error.contains(QLatin1String("protected_ports")));
        o = port(QStringLiteral("5"), true);
        QVERIFY2(*o.ok, qPrintable(o.error));
        QVERIFY(lab.pm.simulatedSwitch(QStringLiteral("sim"))->isAdminOn(5));
        const JournalEvent action = [&] {
            for (const auto &e : lab.journal.recent())
                if (e.kind == QLatin1String(journalkind::PowerAction))
                    return e;
            return JournalEvent();
        }();
        QVERIFY(action.message.contains(QLatin1String("gui (override)")));
        QVERIFY(!action.mac.isValid());
        o = port(QStringLiteral("1"), false);   // mapped: no override needed
        QVERIFY(*o.ok);
        o = port(QStringLiteral("42"), true);
        QVERIFY(!*o.ok);
        QVERIFY(o.error.contains(QLatin1String("no PoE port '42'")));

        const auto view = lab.pm.switchView(QStringLiteral("sim"));
        QVERIFY(view);
        QCOMPARE(view->ports.size(), 8);
        QVERIFY(!view->ports.at(0).isProtected);
        QCOMPARE(view->ports.at(0).device, mac(1));
        QVERIFY(view->ports.at(4).isProtected);
        QVERIFY(view->ports.at(7).isProtected);
        lab.pm.stop();
    }

    void refusalsAreClear()
    {
        Lab lab;
        LabConfig c;
        SwitchConfig qmp;
        qmp.id = QStringLiteral("vms");
        qmp.driver = QStringLiteral("qmp");
        qmp.address = QStringLiteral("/run/qemu.sock");
        c.switches = {simSwitch(QStringLiteral("sim")), qmp};
        c.devices = {device(1, QStringLiteral("sim"), QStringLiteral("1")), device(2), device(3, QStringLiteral("vms"), QStringLiteral("1"))};
        lab.apply(c);
        QString why;
        QVERIFY(!lab.pm.canControl(mac(1), &why));
        QVERIFY(why.contains(QLatin1String("not running")));
        QVERIFY(lab.pm.start());
        QVERIFY(!lab.pm.canControl(mac(2), &why));
        QVERIFY(why.contains(QLatin1String("no power binding")));
        QVERIFY(!lab.pm.canControl(mac(3), &why));
        QVERIFY2(why.contains(QLatin1String("a qmp switch needs its ports")), qPrintable(why));   // a driver that cannot be built
        const Outcome o = lab.request(mac(2), PowerControl::Action::On);
        QVERIFY(!*o.ok);
        QCOMPARE(lab.kinds(mac(2)), QStringList(QLatin1String(journalkind::PowerFailed)));
        QVERIFY(lab.pm.switchView(QStringLiteral("vms"))->error.startsWith(QLatin1String("ports: a qmp switch needs its ports")));
        lab.pm.stop();
    }

    void oneActionPerPortAtATime()
    {
        Lab lab;
        LabConfig c;
        c.switches = {simSwitch(QStringLiteral("sim"))};
        c.devices = {device(1, QStringLiteral("sim"), QStringLiteral("1"))};
        lab.apply(c);
        QVERIFY(lab.pm.start());
        Outcome first, second;
        lab.pm.requestPower(mac(1), PowerControl::Action::Cycle, QStringLiteral("a"), [&first](bool ok, const QString &e) {
            first.ok = ok;
            first.error = e;
        });
        lab.pm.requestPower(mac(1), PowerControl::Action::Off, QStringLiteral("b"), [&second](bool ok, const QString &e) {
            second.ok = ok;
            second.error = e;
        });
        QVERIFY(second.ok.has_value());
        QVERIFY(!*second.ok);
        QVERIFY(second.error.contains(QLatin1String("already in progress")));
        QTRY_VERIFY_WITH_TIMEOUT(first.ok.has_value(), 10000);
        QVERIFY(*first.ok);
        lab.pm.stop();
    }

    void concurrentRequestsToOneSwitchAreSerialised()
    {
        Lab lab;
        LabConfig c;
        c.switches = {simSwitch(QStringLiteral("sim"), {{QStringLiteral("latency_ms"), QStringLiteral("40")}})};
        for (int i = 1; i <= 6; ++i)
            c.devices.append(device(i, QStringLiteral("sim"), QString::number(i)));
        lab.apply(c);
        QVERIFY(lab.pm.start());
        QList<Outcome> outcomes(6);
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 6; ++i)
            lab.pm.requestPower(mac(i + 1), PowerControl::Action::On, QStringLiteral("bulk"), [&outcomes, i](bool ok, const QString &e) {
                outcomes[i].ok = ok;
                outcomes[i].error = e;
            });
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(outcomes.cbegin(), outcomes.cend(), [](const Outcome &o) { return o.ok.has_value(); }), 15000);
        for (const auto &o : outcomes)
            QVERIFY2(*o.ok, qPrintable(o.error));
        QCOMPARE(lab.pm.poeSwitch(QStringLiteral("sim"))->maxConcurrentCalls(), 1);
        QVERIFY2(t.elapsed() >= 6 * 40, qPrintable(QString::number(t.elapsed())));   // one write at a time
        for (int i = 1; i <= 6; ++i)
            QVERIFY(lab.pm.simulatedSwitch(QStringLiteral("sim"))->isAdminOn(i));
        lab.pm.stop();
    }

    void learnedBindingsAndConflicts()
    {
        Lab lab;
        LabConfig c;
        c.switches = {simSwitch(QStringLiteral("sim")), simSwitch(QStringLiteral("snmpish"), {{QStringLiteral("learn"), QStringLiteral("suggest")}})};
        c.devices = {device(1, QStringLiteral("sim"), QStringLiteral("1")), device(2), device(3, QStringLiteral("sim"), QStringLiteral("4")), device(5)};
        lab.apply(c);
        SimulatedSwitch *sim = lab.pm.simulatedSwitch(QStringLiteral("sim"));
        sim->attachDevice(2, mac(1));   // configured on port 1, plugged into port 2
        sim->attachDevice(3, mac(2));   // unbound device: learn port 3
        sim->attachDevice(4, mac(9));   // port 4 is configured for pi-3 but something else is there
        lab.pm.simulatedSwitch(QStringLiteral("snmpish"))->attachDevice(6, mac(5));
        QSignalSpy bindings(&lab.pm, &PowerManager::bindingsChanged);
        QVERIFY(lab.pm.start());
        QTRY_VERIFY(lab.pm.binding(mac(2)).isSet());
        const auto b = lab.pm.binding(mac(2));
        QCOMPARE(b.switchId, QStringLiteral("sim"));
        QCOMPARE(b.port, QStringLiteral("3"));
        QVERIFY(b.learned);
        QVERIFY(bindings.size() >= 1);
        QVERIFY(lab.kinds(mac(2)).contains(QLatin1String(journalkind::PowerMapping)));
        QCOMPARE(lab.pm.binding(mac(1)).port, QStringLiteral("1"));   // configuration wins
        const auto conflicts = lab.pm.conflicts();
        QCOMPARE(conflicts.size(), 2);
        QStringList messages;
        for (const auto &cf : conflicts)
            messages.append(cf.message);
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(QLatin1String("configured on sim port 1 but switch sim sees it on port 2")),
                 qPrintable(messages.join(QLatin1Char('\n'))));
        QVERIFY(messages.join(QLatin1Char('\n')).contains(QLatin1String("sim port 4 is configured for dc:a6:32:00:00:03 but the switch sees dc:a6:32:00:00:09")));
        QCOMPARE(lab.journal.events(mac(1)).last().severity, JournalEvent::Severity::Warning);
        // Suggest-only switch: offered, not used.
        QVERIFY(!lab.pm.binding(mac(5)).isSet());
        QCOMPARE(lab.pm.suggestions().size(), 1);
        QCOMPARE(lab.pm.suggestions().first().port, QStringLiteral("6"));
        // The learned binding is usable and no longer protected.
        const Outcome o = lab.request(mac(2), PowerControl::Action::On);
        QVERIFY2(*o.ok, qPrintable(o.error));
        QVERIFY(sim->isAdminOn(3));
        QVERIFY(!lab.pm.switchView(QStringLiteral("sim"))->ports.at(2).isProtected);
        QVERIFY(lab.pm.switchView(QStringLiteral("sim"))->ports.at(2).deviceLearned);
        lab.pm.stop();
    }

    void observedChangesAreJournaled()
    {
        Lab lab;
        LabConfig c;
        c.switches = {simSwitch(QStringLiteral("sim"))};
        c.devices = {device(1, QStringLiteral("sim"), QStringLiteral("1"))};
        lab.apply(c);
        QVERIFY(lab.pm.start());
        QTRY_COMPARE(lab.registry.find(mac(1))->power, PowerState::Off);
        QVERIFY(lab.kinds(mac(1)).isEmpty());   // first reading is not a change
        lab.boot.setOverride(mac(1), BootOverride{BootOverride::Target::Pxe, BootOverride::Enabled::Once});
        lab.boot.consume(mac(1), QStringLiteral("test"));
        lab.pm.simulatedSwitch(QStringLiteral("sim"))->setPower(1, true);   // someone else switched it
        QTRY_VERIFY_WITH_TIMEOUT(lab.kinds(mac(1)).contains(QLatin1String(journalkind::PowerChanged)), 5000);
        const JournalEvent e = lab.journal.events(mac(1)).last();
        QVERIFY2(e.message.contains(QLatin1String("observed")), qPrintable(e.message));
        QCOMPARE(e.stage, BootStage::PoweringOn);
        QVERIFY(!lab.boot.effective(mac(1)).isActive());   // a new boot began
        QTRY_COMPARE_WITH_TIMEOUT(lab.registry.find(mac(1))->power, PowerState::On, 5000);
        lab.pm.simulatedSwitch(QStringLiteral("sim"))->setPower(1, false);
        QTRY_COMPARE_WITH_TIMEOUT(lab.registry.find(mac(1))->stage, BootStage::Off, 5000);
        QCOMPARE(lab.journal.events(mac(1)).last().stage, BootStage::Off);
        lab.pm.stop();
    }

    void configChangesKeepUnchangedSwitches()
    {
        Lab lab;
        LabConfig c;
        SwitchConfig relays;
        relays.id = QStringLiteral("relays");
        relays.driver = QStringLiteral("command");
        relays.password = QStringLiteral("relay-secret");
        relays.ports = 2;
        relays.options = {{QStringLiteral("on"), QStringLiteral("/bin/true {port}")}, {QStringLiteral("off"), QStringLiteral("/bin/true {port}")}};
        c.switches = {simSwitch(QStringLiteral("a")), simSwitch(QStringLiteral("b")), relays};
        lab.apply(c);
        QVERIFY(lab.pm.start());
        PoeSwitch *a = lab.pm.poeSwitch(QStringLiteral("a"));
        PoeSwitch *b = lab.pm.poeSwitch(QStringLiteral("b"));
        QVERIFY(a && b);
        QSignalSpy changed(&lab.pm, &PowerManager::switchesChanged);
        c.switches[1].pollSeconds = 5;
        c.switches.removeAt(0);
        lab.apply(c);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!lab.pm.poeSwitch(QStringLiteral("a")));
        QVERIFY(lab.pm.poeSwitch(QStringLiteral("b")) != nullptr);
        QVERIFY(lab.pm.poeSwitch(QStringLiteral("b"))->config().pollSeconds == 5);
        QCOMPARE(lab.pm.switches().size(), 2);
        lab.apply(c);
        QCOMPARE(changed.size(), 1);   // nothing changed
        const QByteArray json = QJsonDocument(lab.pm.switchView(QStringLiteral("relays"))->toJson()).toJson();
        QVERIFY(json.contains("\"driver\": \"command\""));
        QVERIFY(!json.contains("relay-secret"));
        lab.pm.stop();
    }

    void labEngineWiring()
    {
        QTemporaryDir dir;
        LabEngine::Options o;
        o.paths = AppPaths::under(dir.path());
        o.watchConfig = false;
        o.startServices = false;
        LabEngine engine(o);
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        QVERIFY(engine.powerControl() != nullptr);
        auto *pm = engine.hub()->service<PowerManager>();
        QVERIFY(pm);
        QCOMPARE(static_cast<PowerControl *>(pm), engine.powerControl());
        const auto sim = pm->switchView(QStringLiteral("sim"));   // the embedded demo lab
        QVERIFY(sim);
        QCOMPARE(sim->driver, QStringLiteral("simulated"));
        QCOMPARE(pm->binding(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:03"))).port, QStringLiteral("3"));
        QVERIFY(pm->simulatedSwitch(QStringLiteral("sim")));
        QCOMPARE(pm->simulatedSwitch(QStringLiteral("sim"))->portCount(), 8);

        // The GUI drags pi-01 onto port 3 (taken by pi-03): saved, validated and applied.
        const MacAddress pi1 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));
        const MacAddress pi3 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:03"));
        QVERIFY2(engine.modifyConfig([&](LabConfig &c) { QVERIFY(PowerManager::assignPort(c, pi1, QStringLiteral("sim"), QStringLiteral("3"), nullptr)); },
                                     &error),
                 qPrintable(error));
        QCOMPARE(pm->binding(pi1).port, QStringLiteral("3"));
        QVERIFY(!pm->binding(pi3).isSet());
        LabConfig copy = engine.config();
        QVERIFY(!PowerManager::assignPort(copy, pi1, QStringLiteral("nope"), QStringLiteral("1"), &error));
        QVERIFY(error.contains(QLatin1String("no switch")));
        QVERIFY(!PowerManager::assignPort(copy, *MacAddress::parse(QStringLiteral("00:00:00:00:00:01")), QStringLiteral("sim"),
                                          QStringLiteral("1"), &error));
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TestPoePowerManager)
#include "tst_poepowermanager.moc"
