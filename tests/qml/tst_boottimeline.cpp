// Boot timeline: steps from journal stage transitions, attempts, failures with hints, stalls,
// and the list model's incremental updates.
#include "boottimeline.h"
#include "boottimelinemodel.h"
#include "devices/journalkinds.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace boottimeline;

namespace {
const QDateTime T0 = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
const MacAddress Mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));

JournalEvent ev(int seconds, BootStage stage, const char *kind = "note",
                JournalEvent::Severity severity = JournalEvent::Severity::Info, const QString &file = {})
{
    static quint64 seq = 0;
    JournalEvent e;
    e.seq = ++seq;
    e.time = T0.addSecs(seconds);
    e.mac = Mac;
    e.kind = QString::fromLatin1(kind);
    e.stage = stage;
    e.severity = severity;
    e.message = e.kind;
    if (!file.isEmpty())
        e.data.insert(QStringLiteral("file"), file);
    return e;
}

QList<JournalEvent> successfulBoot(int offset = 0)
{
    return {ev(offset + 0, BootStage::PoweringOn, "power.changed"),
            ev(offset + 3, BootStage::Dhcp, "dhcp.offer"),
            ev(offset + 4, BootStage::Tftp, "tftp.served", JournalEvent::Severity::Info, QStringLiteral("start4.elf")),
            ev(offset + 5, BootStage::Tftp, "tftp.served", JournalEvent::Severity::Info, QStringLiteral("fixup4.dat")),
            ev(offset + 9, BootStage::Uefi, "tftp.served", JournalEvent::Severity::Info, QStringLiteral("RPI_EFI.fd")),
            ev(offset + 20, BootStage::Dhcp, "dhcp.offer"),   // UEFI's own DHCP: same attempt
            ev(offset + 22, BootStage::Ipxe, "http.request"),
            ev(offset + 25, BootStage::OsLoading, "http.request"),
            ev(offset + 60, BootStage::OsUp, "provision.event")};
}
} // namespace

class TestBootTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void successfulBootHasOneStepPerTransition()
    {
        const Timeline t = build(successfulBoot(), T0.addSecs(100));
        QCOMPARE(t.attempts, 1);
        QVERIFY(!t.failed);
        QVERIFY(!t.stalled);
        QList<BootStage> stages;
        for (const auto &s : t.steps)
            stages.append(s.stage);
        QCOMPARE(stages, (QList<BootStage>{BootStage::PoweringOn, BootStage::Dhcp, BootStage::Tftp, BootStage::Uefi,
                                           BootStage::Dhcp, BootStage::Ipxe, BootStage::OsLoading, BootStage::OsUp}));
        QCOMPARE(t.steps.at(0).durationMs(T0), 3000);
        QCOMPARE(t.steps.at(2).durationMs(T0), 5000);            // TFTP 4 s → 9 s
        QCOMPARE(t.steps.at(2).events, 2);
        QCOMPARE(t.steps.at(2).detail, QStringLiteral("start4.elf"));
        QVERIFY(!t.steps.constLast().end.isValid());              // the current step
        QVERIFY(t.hint.isEmpty());
    }

    void failureNamesTheStepAndTheCause()
    {
        QList<JournalEvent> events = successfulBoot().mid(0, 4);
        events << ev(6, BootStage::Unknown, "tftp.failed", JournalEvent::Severity::Error)
               << ev(7, BootStage::Error, "device.stage");
        const Timeline t = build(events, T0.addSecs(30));
        QVERIFY(t.failed);
        QCOMPARE(t.failedStage, BootStage::Tftp);
        QCOMPARE(t.failureKind, QStringLiteral("tftp.failed"));
        QCOMPARE(t.hint, failureHint(QStringLiteral("tftp.failed"), BootStage::Tftp));
        QVERIFY(t.hint.contains(QLatin1String("TFTP root")));
        QCOMPARE(t.steps.size(), 4);                               // power, dhcp, tftp, error
        QVERIFY(t.steps.at(2).failed);
        QCOMPARE(t.steps.constLast().stage, BootStage::Error);
    }

    void failureWithoutKnownKindFallsBackToTheStage()
    {
        const QList<JournalEvent> events{ev(0, BootStage::PoweringOn), ev(2, BootStage::Dhcp), ev(3, BootStage::Uefi),
                                         ev(40, BootStage::Error, "something.odd", JournalEvent::Severity::Error)};
        const Timeline t = build(events, T0.addSecs(50));
        QVERIFY(t.failed);
        QCOMPARE(t.failedStage, BootStage::Uefi);
        QCOMPARE(t.hint, failureHint(QString(), BootStage::Uefi));
        QVERIFY(t.hint.contains(QLatin1String("boot order")));
    }

    void retryStartsANewAttempt()
    {
        QList<JournalEvent> events{ev(0, BootStage::PoweringOn), ev(2, BootStage::Dhcp), ev(3, BootStage::Tftp),
                                   ev(10, BootStage::Error, "tftp.failed", JournalEvent::Severity::Error)};
        events += successfulBoot(100).mid(1);   // the bootloader retries DHCP
        const Timeline t = build(events, T0.addSecs(300));
        QCOMPARE(t.attempts, 2);
        QVERIFY(!t.failed);
        QCOMPARE(t.steps.constFirst().stage, BootStage::Dhcp);
        QCOMPARE(t.steps.constLast().stage, BootStage::OsUp);
    }

    void attemptBoundaries_data()
    {
        QTest::addColumn<int>("current");
        QTest::addColumn<int>("next");
        QTest::addColumn<bool>("newAttempt");
        QTest::newRow("first event") << int(BootStage::Unknown) << int(BootStage::Dhcp) << true;
        QTest::newRow("power on") << int(BootStage::OsUp) << int(BootStage::PoweringOn) << true;
        QTest::newRow("bootloader restart") << int(BootStage::Tftp) << int(BootStage::Dhcp) << true;
        QTest::newRow("reboot from the OS") << int(BootStage::OsUp) << int(BootStage::Dhcp) << true;
        QTest::newRow("UEFI DHCP") << int(BootStage::Uefi) << int(BootStage::Dhcp) << false;
        QTest::newRow("iPXE DHCP") << int(BootStage::Ipxe) << int(BootStage::Dhcp) << false;
        QTest::newRow("kernel DHCP") << int(BootStage::OsLoading) << int(BootStage::Dhcp) << false;
        QTest::newRow("after error") << int(BootStage::Error) << int(BootStage::Tftp) << true;
        QTest::newRow("after off") << int(BootStage::Off) << int(BootStage::Dhcp) << true;
        QTest::newRow("off after up") << int(BootStage::OsUp) << int(BootStage::Off) << false;
        QTest::newRow("forward") << int(BootStage::Dhcp) << int(BootStage::Tftp) << false;
    }
    void attemptBoundaries()
    {
        QFETCH(int, current);
        QFETCH(int, next);
        QFETCH(bool, newAttempt);
        QCOMPARE(startsNewAttempt(BootStage(current), BootStage(next)), newAttempt);
    }

    void stalledStepGetsAHint()
    {
        const QList<JournalEvent> events{ev(0, BootStage::PoweringOn, "power.changed")};
        QVERIFY(!build(events, T0.addSecs(10)).stalled);
        const Timeline t = build(events, T0.addSecs(stallSeconds(BootStage::PoweringOn) + 5));
        QVERIFY(t.stalled);
        QVERIFY(!t.failed);
        QCOMPARE(t.failedStage, BootStage::PoweringOn);
        QCOMPARE(t.hint, stallHint(BootStage::PoweringOn));
        QVERIFY(t.hint.contains(QLatin1String("BOOT_ORDER")));
        QVERIFY(t.steps.constLast().stalled);
        // A device that is up never stalls.
        QVERIFY(!build(successfulBoot(), T0.addDays(1)).stalled);
    }

    void everyStageAndKindHasAHint()
    {
        for (BootStage s : {BootStage::PoweringOn, BootStage::Dhcp, BootStage::Tftp, BootStage::Uefi, BootStage::Ipxe,
                            BootStage::OsLoading}) {
            QVERIFY2(!stallHint(s).isEmpty(), qPrintable(bootstage::toString(s)));
            QVERIFY2(failureHint(QString(), s) != failureHint(QString(), BootStage::Unknown), qPrintable(bootstage::toString(s)));
        }
        for (const char *kind : {journalkind::DhcpNak, journalkind::DhcpRefused, journalkind::TftpFailed, journalkind::HttpFailed,
                                 journalkind::FirmwareFailed, journalkind::PowerFailed})
            QVERIFY2(failureHint(QString::fromLatin1(kind), BootStage::Unknown) != failureHint(QString(), BootStage::Unknown), kind);
    }

    void modelAppendsIncrementally()
    {
        BootTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto events = successfulBoot();
        model.setEvents(events.mid(0, 2));
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.append(events.at(2));                    // new step
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.count(), 1);
        model.append(events.at(3));                    // same step, one more event
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.index(2).data(BootTimelineModel::EventsRole).toInt(), 2);
        QCOMPARE(reset.count(), 0);
        // A new power-on replaces the rows (new attempt).
        model.append(ev(500, BootStage::PoweringOn));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.attempts(), 2);
    }

    void modelReportsFailure()
    {
        BootTimelineModel model;
        QSignalSpy summary(&model, &BootTimelineModel::summaryChanged);
        model.setEvents({ev(0, BootStage::PoweringOn), ev(1, BootStage::Dhcp)});
        summary.clear();
        model.append(ev(2, BootStage::Unknown, "dhcp.nak", JournalEvent::Severity::Error));
        model.append(ev(3, BootStage::Error));
        QVERIFY(model.failed());
        QCOMPARE(model.problemStage(), QStringLiteral("dhcp"));
        QCOMPARE(model.hint(), failureHint(QStringLiteral("dhcp.nak"), BootStage::Dhcp));
        QVERIFY(summary.count() >= 1);
        QVERIFY(model.index(1).data(BootTimelineModel::FailedRole).toBool());
    }
};

QTEST_GUILESS_MAIN(TestBootTimeline)
#include "tst_boottimeline.moc"
