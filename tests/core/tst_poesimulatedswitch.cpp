// SimulatedSwitch and SimulatedDriver: port states, the PoweringOn phase, plausible watts,
// the power-changed signal the virtual lab listens to, attached MACs.
#include "poe/simulateddriver.h"
#include "poe/simulatedswitch.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

class TestPoeSimulatedSwitch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void portsStartOff()
    {
        SimulatedSwitch sw(8);
        QCOMPARE(sw.portCount(), 8);
        const poe::PortReadout r = sw.readout();
        QCOMPARE(r.ports.size(), 8);
        for (const auto &p : r.ports) {
            QCOMPARE(p.adminOn, std::optional<bool>(false));
            QCOMPARE(p.detection, poe::Detection::Disabled);
            QCOMPARE(p.watts, 0.0);
            QCOMPARE(poe::derivePowerState(p), PowerState::Off);
        }
        QCOMPARE(r.totalWatts, 0.0);
    }

    void powerOnGoesThroughDetection()
    {
        SimulatedSwitch sw(4);
        sw.setPowerOnDelayMs(150);
        QSignalSpy power(&sw, &SimulatedSwitch::portPowerChanged);
        QSignalSpy status(&sw, &SimulatedSwitch::portStatusChanged);
        QVERIFY(sw.setPower(3, true));
        QCOMPARE(power.size(), 1);
        QCOMPARE(power.first().at(0).toInt(), 3);
        QCOMPARE(power.first().at(1).toBool(), true);
        poe::PortStatus s = sw.status(3);
        QCOMPARE(s.detection, poe::Detection::Searching);
        QCOMPARE(poe::derivePowerState(s), PowerState::PoweringOn);
        QCOMPARE(s.watts, 0.0);
        QTRY_COMPARE(sw.status(3).detection, poe::Detection::Delivering);
        QCOMPARE(status.size(), 2);
        for (int i = 0; i < 50; ++i) {
            s = sw.status(3);
            QVERIFY2(s.watts >= 4.2 && s.watts <= 5.4, qPrintable(QString::number(s.watts)));
        }
        QCOMPARE(s.powerClass, 4);
        QVERIFY(sw.readout().totalWatts >= 4.2);
        // Idempotent: no second signal.
        QVERIFY(sw.setPower(3, true));
        QCOMPARE(power.size(), 1);
        QVERIFY(sw.setPower(3, false));
        QCOMPARE(power.size(), 2);
        QCOMPARE(power.last().at(1).toBool(), false);
        QCOMPARE(sw.status(3).watts, 0.0);
        QVERIFY(!sw.setPower(0, true));
        QVERIFY(!sw.setPower(5, true));
    }

    void attachedDevicesAreSeen()
    {
        SimulatedSwitch sw(4);
        sw.attachDevice(2, *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:02")));
        sw.attachDevice(9, *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:09")));
        const auto seen = sw.sightings();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first().port, QStringLiteral("2"));
        sw.attachDevice(2, MacAddress());
        QVERIFY(sw.sightings().isEmpty());
    }

    void driverWithLatency()
    {
        SwitchConfig c;
        c.id = QStringLiteral("sim");
        c.driver = QStringLiteral("simulated");
        c.ports = 3;
        c.options = {{QStringLiteral("latency_ms"), QStringLiteral("120")}, {QStringLiteral("power_on_ms"), QStringLiteral("0")}};
        SimulatedDriver d(c);
        QCOMPARE(d.simulatedSwitch()->portCount(), 3);
        std::optional<poe::Error> done;
        QElapsedTimer t;
        t.start();
        d.setPortPower(QStringLiteral("2"), true, [&done](const poe::Error &e) { done = e; });
        QVERIFY(!done.has_value());   // asynchronous
        QTRY_VERIFY(done.has_value());
        QVERIFY(t.elapsed() >= 100);
        QVERIFY(!done->isError());
        QCOMPARE(d.simulatedSwitch()->status(2).detection, poe::Detection::Delivering);   // power_on_ms 0
        done.reset();
        d.setPortPower(QStringLiteral("7"), true, [&done](const poe::Error &e) { done = e; });
        QTRY_VERIFY(done.has_value());
        QCOMPARE(done->kind, poe::Error::Kind::Rejected);
        // An aborted call never answers.
        done.reset();
        d.setPortPower(QStringLiteral("1"), true, [&done](const poe::Error &e) { done = e; });
        d.abort();
        QTest::qWait(250);
        QVERIFY(!done.has_value());
        QVERIFY(!d.simulatedSwitch()->isAdminOn(1));
    }
};

QTEST_GUILESS_MAIN(TestPoeSimulatedSwitch)
#include "tst_poesimulatedswitch.moc"
