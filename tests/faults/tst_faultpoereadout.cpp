// A PoE switch (or whatever answers in its name) that reports nonsense: 100 000 ports, ids that
// change on every poll, invalid ids, power classes 9..1e9, NaN/infinite/negative watts. PoeSwitch
// must publish a bounded, valid readout and keep its watt history bounded.
#include "poe/poeswitch.h"

#include <QTest>

#include <cmath>
#include <limits>

namespace {

class HostileDriver : public PoeDriver
{
public:
    int poll = 0;
    QString driverName() const override { return QStringLiteral("hostile"); }
    Capabilities capabilities() const override
    {
        Capabilities c;
        c.portWatts = true;
        return c;
    }
    void readPorts(ReadCallback done) override
    {
        poe::PortReadout r;
        ++poll;
        for (int i = 0; i < 100000; ++i) {
            poe::PortStatus p;
            p.port = QStringLiteral("p%1-%2").arg(poll).arg(i);           // new ids every poll
            p.label = QString(1000, QLatin1Char('L'));
            p.adminOn = true;
            p.detection = poe::Detection::Delivering;
            p.powerClass = i % 3 == 0 ? 9 : (i % 3 == 1 ? 1000000000 : 4);
            p.watts = i % 4 == 0 ? std::numeric_limits<double>::quiet_NaN()
                                 : (i % 4 == 1 ? std::numeric_limits<double>::infinity() : (i % 4 == 2 ? 1e12 : 4.5));
            r.ports.append(p);
        }
        r.ports.append(poe::PortStatus{QStringLiteral("bad id with spaces"), {}, true, poe::Detection::Delivering, 4, 3.0});
        r.ports.append(poe::PortStatus{QStringLiteral("ok"), {}, true, poe::Detection::Delivering, 4, 3.0});
        r.totalWatts = std::numeric_limits<double>::infinity();
        r.budgetWatts = -1e300;
        done(poe::Error::none(), r);
    }
    void setPortPower(const QString &, bool, DoneCallback done) override { done(poe::Error::none()); }
    void abort() override {}
};

} // namespace

class TestFaultPoeReadout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sanitizeReadout()
    {
        poe::PortReadout r;
        r.ports = {poe::PortStatus{QStringLiteral("1"), QStringLiteral("Port 1"), true, poe::Detection::Delivering, 9, std::nan("")},
                   poe::PortStatus{QStringLiteral("1"), {}, true, poe::Detection::Delivering, 4, 3.0},          // repeated
                   poe::PortStatus{QStringLiteral("ether 2"), {}, true, poe::Detection::Delivering, 4, 3.0},    // invalid id
                   poe::PortStatus{QStringLiteral("2"), {}, false, poe::Detection::Disabled, -1, 0.0},
                   poe::PortStatus{QStringLiteral("3"), {}, true, poe::Detection::Delivering, 3, 250.0}};     // > 200 W
        r.totalWatts = INFINITY;
        QCOMPARE(poe::sanitizeReadout(&r), 2);
        QCOMPARE(r.ports.size(), 3);
        QCOMPARE(r.ports.at(0).powerClass, -1);
        QCOMPARE(r.ports.at(0).watts, -1.0);
        QCOMPARE(r.ports.at(1).watts, 0.0);
        QCOMPARE(r.ports.at(2).watts, -1.0);
        QCOMPARE(r.ports.at(2).powerClass, 3);
        QCOMPARE(r.totalWatts, -1.0);
    }

    void hostileSwitchStaysBounded()
    {
        SwitchConfig config;
        config.id = QStringLiteral("evil");
        config.driver = QStringLiteral("hostile");
        auto *driver = new HostileDriver;
        PoeSwitch sw(config, driver, poe::CommonOptions{});
        for (int i = 0; i < 10; ++i) {
            bool done = false;
            sw.refresh([&done](const poe::Error &) { done = true; });
            QTRY_VERIFY(done);
            const auto ports = sw.ports();
            QCOMPARE(ports.size(), poe::MaxPorts);
            for (const auto &p : ports) {
                QVERIFY(p.powerClass >= -1 && p.powerClass <= 8);
                QVERIFY(std::isfinite(p.watts) && p.watts <= poe::MaxPortWatts);
                QVERIFY(p.label.size() <= 64);
            }
        }
        // Ids change on every poll (a quarter of them with valid watts): 10 polls would leave 1280
        // histories; the switch keeps at most MaxPorts.
        int withHistory = 0;
        for (int poll = 1; poll <= 10; ++poll)
            for (int i = 0; i < poe::MaxPorts; ++i)
                withHistory += !sw.history(QStringLiteral("p%1-%2").arg(poll).arg(i)).isEmpty();
        QVERIFY2(withHistory > 0 && withHistory <= poe::MaxPorts, qPrintable(QString::number(withHistory)));
    }
};

QTEST_GUILESS_MAIN(TestFaultPoeReadout)
#include "tst_faultpoereadout.moc"
