#include "provision/lifecycle.h"
#include "provisiontesthelpers.h"

#include <QTest>

using lifecycle::State;

// The lifecycle state machine alone: every (from, to) pair, what each state serves, and the
// wording of refusals.
class TestProvisionLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &n : lifecycle::stateNames())
            QTest::newRow(qPrintable(n)) << n;
    }
    void names()
    {
        QFETCH(QString, name);
        const auto s = lifecycle::parse(name);
        QVERIFY(s.has_value());
        QCOMPARE(lifecycle::name(*s), name);
    }

    void unknownNames()
    {
        QVERIFY(!lifecycle::parse(QStringLiteral("installing")).has_value());
        QVERIFY(!lifecycle::parse(QStringLiteral("Ready")).has_value());
        QVERIFY(!lifecycle::parse(QString()).has_value());
        QCOMPARE(lifecycle::stateNames().size(), 7);
    }

    // The complete transition table: 7 × 7 pairs, each allowed or not.
    void transitions_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("allowed");
        const QByteArrayList allowed{
            "discovered>ready",        "discovered>retired",
            "ready>provisioning",      "ready>retired",
            "provisioning>deployed",   "provisioning>failed",   "provisioning>retired",
            "deployed>reprovision",    "deployed>retired",
            "failed>provisioning",     "failed>reprovision",    "failed>ready",   "failed>retired",
            "reprovision>provisioning", "reprovision>ready",    "reprovision>retired",
            "retired>discovered",
        };
        for (const QString &from : lifecycle::stateNames())
            for (const QString &to : lifecycle::stateNames())
                QTest::addRow("%s->%s", qPrintable(from), qPrintable(to))
                    << from << to << allowed.contains((from + QLatin1Char('>') + to).toLatin1());
    }
    void transitions()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, allowed);
        const State f = *lifecycle::parse(from);
        const State t = *lifecycle::parse(to);
        QCOMPARE(lifecycle::canTransition(f, t), allowed);
        QCOMPARE(lifecycle::allowedTargets(f).contains(t), allowed);
        const QString error = lifecycle::transitionError(f, t);
        QCOMPARE(error.isEmpty(), allowed);
        if (!allowed && f != t) {
            // The refusal names both states and every allowed target.
            QVERIFY2(error.contains(from) && error.contains(to), qPrintable(error));
            for (State s : lifecycle::allowedTargets(f))
                QVERIFY2(error.contains(lifecycle::name(s)), qPrintable(error));
        }
        if (f == t)
            QCOMPARE(error, QStringLiteral("the device is already %1").arg(from));
    }

    void serving_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("serving");
        QTest::addColumn<bool>("callbacks");
        const auto row = [](const char *state, const char *serving, bool callbacks) {
            QTest::newRow(state) << QString::fromLatin1(state) << QString::fromLatin1(serving) << callbacks;
        };
        row("discovered", "discovery", false);
        row("ready", "wait", false);
        row("provisioning", "install", true);
        row("deployed", "deployed", false);
        row("failed", "wait", false);
        row("reprovision", "install", true);
        row("retired", "none", false);
    }
    void serving()
    {
        QFETCH(QString, state);
        QFETCH(QString, serving);
        QFETCH(bool, callbacks);
        const State s = *lifecycle::parse(state);
        QCOMPARE(lifecycle::servingName(lifecycle::servingFor(s)), serving);
        QCOMPARE(lifecycle::expectsInstallCallbacks(s), callbacks);
    }

    // Every state can reach retired, and retired leads back only through re-enrolment.
    void retirementIsAlwaysPossible()
    {
        for (const QString &n : lifecycle::stateNames()) {
            const State s = *lifecycle::parse(n);
            if (s != State::Retired)
                QVERIFY2(lifecycle::canTransition(s, State::Retired), qPrintable(n));
        }
        QCOMPARE(lifecycle::allowedTargets(State::Retired).size(), 1);
        QCOMPARE(lifecycle::allowedTargets(State::Retired).first(), State::Discovered);
    }
};

QTEST_GUILESS_MAIN(TestProvisionLifecycle)
#include "tst_provisionlifecycle.moc"
