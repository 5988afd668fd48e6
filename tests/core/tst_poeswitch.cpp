// PoeSwitch: serialisation of calls to one switch, deadlines, retries, read coalescing,
// generic vs native power-cycle with verification, cancellation, change signals, history.
#include "poe/poeswitch.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <optional>

namespace {

// A scripted switch: answers after `latencyMs`, can hang, fail, or keep power on when off.
class FakeDriver : public PoeDriver
{
public:
    int latencyMs = 10;
    int timeoutMs = 2000;
    bool native = false;
    bool hang = false;               // never answer
    int transientFailures = 0;       // next N calls fail with Timeout-like Unreachable
    bool rejectWrites = false;
    bool stuckPower = false;         // "off" does not really cut power
    bool noPdAfterOn = false;        // nothing comes back after power is restored
    int active = 0;
    int maxActive = 0;
    int reads = 0;
    int aborts = 0;
    QStringList calls;
    QMap<QString, bool> admin{{QStringLiteral("1"), true}, {QStringLiteral("2"), true}, {QStringLiteral("3"), true}};
    QMap<QString, bool> pd{{QStringLiteral("1"), true}, {QStringLiteral("2"), true}, {QStringLiteral("3"), true}};

    QString driverName() const override { return QStringLiteral("fake"); }
    Capabilities capabilities() const override
    {
        Capabilities c;
        c.nativeCycle = native;
        c.portWatts = true;
        return c;
    }
    int callTimeoutMs() const override { return timeoutMs; }

    void readPorts(ReadCallback done) override
    {
        ++reads;
        begin(QStringLiteral("read"), [this, done] {
            poe::PortReadout r;
            for (auto it = admin.cbegin(); it != admin.cend(); ++it) {
                const bool delivering = pd.value(it.key()) && (it.value() || stuckPower);
                r.ports.append(poe::PortStatus{it.key(), it.key(), it.value(),
                                               delivering ? poe::Detection::Delivering
                                                          : (it.value() ? poe::Detection::Searching : poe::Detection::Disabled),
                                               delivering ? 4 : -1, delivering ? 4.5 + it.key().toInt() / 10.0 : 0.0});
            }
            done(poe::Error::none(), r);
        }, [done](const poe::Error &e) { done(e, {}); });
    }
    void setPortPower(const QString &port, bool on, DoneCallback done) override
    {
        begin(QStringLiteral("set %1 %2").arg(port, on ? QStringLiteral("on") : QStringLiteral("off")), [this, port, on, done] {
            if (rejectWrites)
                return done(poe::Error::make(poe::Error::Kind::Rejected, QStringLiteral("read-only")));
            admin[port] = on;
            if (on && noPdAfterOn)
                pd[port] = false;
            done(poe::Error::none());
        }, done);
    }
    void powerCycle(const QString &port, int seconds, DoneCallback done) override
    {
        begin(QStringLiteral("cycle %1 %2").arg(port).arg(seconds), [done] { done(poe::Error::none()); }, done);
    }
    void abort() override
    {
        ++aborts;
        ++m_generation;
        active = 0;
    }

private:
    void begin(const QString &what, std::function<void()> answer, std::function<void(const poe::Error &)> fail)
    {
        calls.append(what);
        maxActive = qMax(maxActive, ++active);
        if (hang)
            return;
        const quint64 gen = m_generation;
        QTimer::singleShot(latencyMs, this, [this, gen, answer, fail] {
            if (gen != m_generation)
                return;
            --active;
            if (transientFailures > 0) {
                --transientFailures;
                fail(poe::Error::make(poe::Error::Kind::Unreachable, QStringLiteral("connection refused")));
                return;
            }
            answer();
        });
    }
    quint64 m_generation = 0;
};

SwitchConfig config(int pollSeconds = 60)
{
    SwitchConfig s;
    s.id = QStringLiteral("fake");
    s.driver = QStringLiteral("simulated");
    s.pollSeconds = pollSeconds;
    return s;
}

poe::CommonOptions options(int retries = 0, int verifySeconds = 2)
{
    poe::CommonOptions c;
    c.retries = retries;
    c.verifySeconds = verifySeconds;
    c.learn = poe::LearnMode::Off;
    return c;
}

} // namespace

class TestPoeSwitch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void callsAreSerialisedInOrder()
    {
        auto *d = new FakeDriver;
        d->latencyMs = 15;
        PoeSwitch sw(config(), d, options());
        int finished = 0;
        QStringList order;
        for (int i = 0; i < 3; ++i) {
            const QString port = QString::number(i + 1);
            sw.setPower(port, false, [&, port](const poe::Error &e) {
                QVERIFY(!e.isError());
                order.append(port);
                ++finished;
            });
        }
        QTRY_COMPARE(finished, 3);
        QCOMPARE(d->maxActive, 1);
        QCOMPARE(sw.maxConcurrentCalls(), 1);
        QCOMPARE(order, QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        // Each write is followed by a read-back; reads waiting together are merged.
        QCOMPARE(d->calls.first(), QStringLiteral("set 1 off"));
        QVERIFY(d->calls.count(QStringLiteral("read")) <= 3);
        QCOMPARE(sw.port(QStringLiteral("2"))->adminOn, std::optional<bool>(false));
    }

    void readsAreCoalesced()
    {
        auto *d = new FakeDriver;
        PoeSwitch sw(config(), d, options());
        int done = 0;
        for (int i = 0; i < 5; ++i)
            sw.refresh([&done](const poe::Error &) { ++done; });
        QTRY_COMPARE(done, 5);
        QCOMPARE(d->reads, 1);
    }

    void deadlineAbortsAHangingSwitch()
    {
        auto *d = new FakeDriver;
        d->hang = true;
        d->timeoutMs = 300;
        PoeSwitch sw(config(), d, options());
        QSignalSpy reach(&sw, &PoeSwitch::reachabilityChanged);
        std::optional<poe::Error> result;
        QElapsedTimer t;
        t.start();
        sw.setPower(QStringLiteral("1"), false, [&result](const poe::Error &e) { result = e; });
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->kind, poe::Error::Kind::Timeout);
        QVERIFY2(result->message.contains(QLatin1String("did not answer within 0.3 s")), qPrintable(result->message));
        QVERIFY(t.elapsed() >= 280);
        QCOMPARE(d->aborts, 1);
        QVERIFY(!sw.isReachable());
        QCOMPARE(reach.size(), 1);
        // The queue moves on once the switch answers again.
        d->hang = false;
        std::optional<poe::Error> next;
        sw.refresh([&next](const poe::Error &e) { next = e; });
        QTRY_VERIFY(next.has_value());
        QVERIFY(!next->isError());
        QVERIFY(sw.isReachable());
    }

    void transientErrorsAreRetried()
    {
        auto *d = new FakeDriver;
        d->transientFailures = 1;
        PoeSwitch sw(config(), d, options(1));
        std::optional<poe::Error> result;
        sw.setPower(QStringLiteral("3"), false, [&result](const poe::Error &e) { result = e; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(!result->isError());
        QCOMPARE(d->calls.count(QStringLiteral("set 3 off")), 2);

        d->rejectWrites = true;   // not transient: no retry
        result.reset();
        sw.setPower(QStringLiteral("3"), true, [&result](const poe::Error &e) { result = e; });
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->kind, poe::Error::Kind::Rejected);
        QCOMPARE(d->calls.count(QStringLiteral("set 3 on")), 1);
    }

    void unknownAndInvalidPorts()
    {
        auto *d = new FakeDriver;
        PoeSwitch sw(config(), d, options());
        std::optional<poe::Error> read;
        sw.refresh([&read](const poe::Error &e) { read = e; });
        QTRY_VERIFY(read.has_value());
        std::optional<poe::Error> result;
        sw.setPower(QStringLiteral("9"), true, [&result](const poe::Error &e) { result = e; });
        QVERIFY(result.has_value());   // refused at once, nothing sent
        QCOMPARE(result->kind, poe::Error::Kind::Rejected);
        QVERIFY(result->message.contains(QLatin1String("has no PoE port '9'")));
        result.reset();
        sw.setPower(QStringLiteral("../1"), true, [&result](const poe::Error &e) { result = e; });
        QCOMPARE(result->kind, poe::Error::Kind::Rejected);
        QVERIFY(!d->calls.join(QLatin1Char(',')).contains(QLatin1String("set")));
    }

    void genericCycleVerifiesDropAndReturn()
    {
        auto *d = new FakeDriver;
        PoeSwitch sw(config(), d, options());
        std::optional<poe::Error> result;
        PoeSwitch::CycleReport report;
        QElapsedTimer t;
        t.start();
        sw.cycle(QStringLiteral("2"), 1, [&](const poe::Error &e, const PoeSwitch::CycleReport &r) {
            result = e;
            report = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QVERIFY(!result->isError());
        QVERIFY(t.elapsed() >= 1000);
        QVERIFY(!report.native);
        QCOMPARE(report.dropped, std::optional<bool>(true));
        QCOMPARE(report.returned, std::optional<bool>(true));
        const int off = int(d->calls.indexOf(QStringLiteral("set 2 off")));
        const int on = int(d->calls.indexOf(QStringLiteral("set 2 on")));
        QVERIFY(off >= 0 && on > off);
        QVERIFY(d->calls.mid(off, on - off).contains(QStringLiteral("read")));   // checked while off
    }

    void cycleReportsPowerThatDidNotDropOrReturn()
    {
        auto *d = new FakeDriver;
        d->stuckPower = true;
        PoeSwitch sw(config(), d, options(0, 1));
        std::optional<poe::Error> result;
        PoeSwitch::CycleReport report;
        sw.cycle(QStringLiteral("1"), 0, [&](const poe::Error &e, const PoeSwitch::CycleReport &r) {
            result = e;
            report = r;
        });
        QTRY_VERIFY(result.has_value());
        QCOMPARE(report.dropped, std::optional<bool>(false));

        d->stuckPower = false;
        d->noPdAfterOn = true;
        result.reset();
        sw.cycle(QStringLiteral("3"), 0, [&](const poe::Error &e, const PoeSwitch::CycleReport &r) {
            result = e;
            report = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QVERIFY(!result->isError());
        QCOMPARE(report.dropped, std::optional<bool>(true));
        QCOMPARE(report.returned, std::optional<bool>(false));
    }

    void nativeCycleAndCycleOfAnOffPort()
    {
        auto *d = new FakeDriver;
        d->native = true;
        PoeSwitch sw(config(), d, options());
        std::optional<poe::Error> read;
        sw.refresh([&read](const poe::Error &e) { read = e; });
        QTRY_VERIFY(read.has_value());
        std::optional<poe::Error> result;
        PoeSwitch::CycleReport report;
        sw.cycle(QStringLiteral("1"), 0, [&](const poe::Error &e, const PoeSwitch::CycleReport &r) {
            result = e;
            report = r;
        });
        QTRY_VERIFY(result.has_value());
        QVERIFY(report.native);
        QCOMPARE(d->calls.count(QStringLiteral("cycle 1 0")), 1);
        QVERIFY(!d->calls.contains(QStringLiteral("set 1 off")));

        d->admin[QStringLiteral("2")] = false;
        read.reset();
        sw.refresh([&read](const poe::Error &e) { read = e; });
        QTRY_VERIFY(read.has_value());
        result.reset();
        sw.cycle(QStringLiteral("2"), 0, [&](const poe::Error &e, const PoeSwitch::CycleReport &r) {
            result = e;
            report = r;
        });
        QTRY_VERIFY(result.has_value());
        QVERIFY(!report.native);
        QVERIFY(d->calls.contains(QStringLiteral("set 2 on")));
        QVERIFY(!d->calls.contains(QStringLiteral("cycle 2 0")));
        QCOMPARE(report.returned, std::optional<bool>(true));
    }

    void stopCancelsQueuedOperations()
    {
        auto *d = new FakeDriver;
        d->latencyMs = 200;
        PoeSwitch sw(config(), d, options());
        QList<poe::Error> results;
        for (int i = 1; i <= 3; ++i)
            sw.setPower(QString::number(i), false, [&results](const poe::Error &e) { results.append(e); });
        QTest::qWait(50);
        sw.stop();
        QCOMPARE(results.size(), 3);
        for (const auto &e : results)
            QCOMPARE(e.kind, poe::Error::Kind::Cancelled);
        QCOMPARE(sw.pendingOperations(), 0);
    }

    void pollingPublishesChangesAndHistory()
    {
        auto *d = new FakeDriver;
        PoeSwitch sw(config(1), d, options());
        QSignalSpy changed(&sw, &PoeSwitch::portChanged);
        QSignalSpy updated(&sw, &PoeSwitch::readoutUpdated);
        sw.start();
        QTRY_COMPARE(updated.size(), 1);
        QCOMPARE(changed.size(), 3);   // first sight of every port
        d->admin[QStringLiteral("3")] = false;
        QTRY_VERIFY_WITH_TIMEOUT(updated.size() >= 2, 3000);
        QCOMPARE(changed.size(), 4);
        const auto after = changed.last().at(2).value<poe::PortStatus>();
        QCOMPARE(after.port, QStringLiteral("3"));
        QCOMPARE(after.adminOn, std::optional<bool>(false));
        QVERIFY(sw.history(QStringLiteral("1")).size() >= 2);
        QCOMPARE(sw.history(QStringLiteral("3")).last().watts, 0.0f);
        sw.stop();
    }

    void wattHistoryIsBounded()
    {
        WattHistory h(4);
        for (int i = 0; i < 10; ++i)
            h.append(i, i * 1.5);
        QCOMPARE(h.size(), 4);
        const auto s = h.samples();
        QCOMPARE(s.first().msecsSinceEpoch, 6);
        QCOMPARE(s.last().msecsSinceEpoch, 9);
        QCOMPARE(h.last()->watts, 13.5f);
    }
};

QTEST_GUILESS_MAIN(TestPoeSwitch)
#include "tst_poeswitch.moc"
