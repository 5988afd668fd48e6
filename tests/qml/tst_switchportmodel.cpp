// PoE faceplate view-model: rows updated in place from polls, bounded watts history, draw vs
// budget, toggle/map requests with protected ports refused unless overridden.
#include "switchportfiltermodel.h"
#include "switchportmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {
SwitchSnapshot sw(const QString &id, int ports, double watts)
{
    SwitchSnapshot s;
    s.id = id;
    s.budgetWatts = 30;
    for (int p = 1; p <= ports; ++p) {
        SwitchPortSnapshot port;
        port.port = QString::number(p);
        port.adminUp = port.operUp = p % 2;
        port.watts = port.operUp ? watts : 0;
        if (p == ports)
            port.protection = SwitchPortSnapshot::Protection::Listed;
        s.ports.append(port);
    }
    return s;
}
} // namespace

class TestSwitchPortModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void updatesInPlaceWithBoundedHistory()
    {
        SwitchPortModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setSnapshot({sw(QStringLiteral("a"), 4, 3.0), sw(QStringLiteral("b"), 2, 5.0)});
        QCOMPARE(m.count(), 6);
        QCOMPARE(m.switches(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(m.drawWatts(QStringLiteral("a")), 6.0);
        QCOMPARE(m.budgetWatts(QStringLiteral("b")), 30.0);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < SwitchPortModel::HistoryLength + 10; ++i)
            m.setSnapshot({sw(QStringLiteral("a"), 4, 3.0 + i), sw(QStringLiteral("b"), 2, 5.0)});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 0);
        const QVariantList history = m.index(0).data(SwitchPortModel::HistoryRole).toList();
        QCOMPARE(history.size(), SwitchPortModel::HistoryLength);
        QCOMPARE(history.constLast().toDouble(), 3.0 + SwitchPortModel::HistoryLength + 9);
        // A switch gains a port (inserted next to its siblings) and another disappears.
        m.setSnapshot({sw(QStringLiteral("a"), 5, 1.0)});
        QCOMPARE(m.count(), 5);
        QCOMPARE(m.switches(), QStringList{QStringLiteral("a")});
        QCOMPARE(m.index(4).data(SwitchPortModel::PortRole).toString(), QStringLiteral("5"));

        SwitchPortFilterModel f;
        f.setSourceModel(&m);
        f.setSwitchId(QStringLiteral("a"));
        QCOMPARE(f.rowCount(), 5);
        QCOMPARE(f.sourceRow(2), 2);
    }

    void requests()
    {
        SwitchPortModel m;
        m.setSnapshot({sw(QStringLiteral("a"), 4, 3.0)});
        QSignalSpy power(&m, &SwitchPortModel::powerRequested);
        QSignalSpy map(&m, &SwitchPortModel::mapRequested);
        QVERIFY(m.togglePort(0));
        QCOMPARE(power.at(0), (QVariantList{QStringLiteral("a"), QStringLiteral("1"), QStringLiteral("off"), false}));
        QVERIFY(m.index(0).data(SwitchPortModel::PendingRole).toBool());
        QVERIFY(m.togglePort(1));
        QCOMPARE(power.at(1).at(2).toString(), QStringLiteral("on"));
        QVERIFY(!m.togglePort(3));                        // protected
        QVERIFY(m.cyclePort(3, true));                    // overridden
        QCOMPARE(power.at(2).at(2).toString(), QStringLiteral("cycle"));
        QVERIFY(power.at(2).at(3).toBool());
        QVERIFY(!m.cyclePort(3, true));                   // one request at a time per port
        QVERIFY(!m.togglePort(9));
        // The next poll that shows the change clears the pending flag.
        SwitchSnapshot next = sw(QStringLiteral("a"), 4, 3.0);
        next.ports[0].adminUp = next.ports[0].operUp = false;
        m.setSnapshot({next});
        QVERIFY(!m.index(0).data(SwitchPortModel::PendingRole).toBool());
        QVERIFY(m.mapDevice(1, QStringLiteral("DC-A6-32-00-00-07")));
        QCOMPARE(map.at(0), (QVariantList{QStringLiteral("dc:a6:32:00:00:07"), QStringLiteral("a"), QStringLiteral("2")}));
        QVERIFY(!m.mapDevice(3, QStringLiteral("dc:a6:32:00:00:07")));   // protected
        QVERIFY(!m.mapDevice(1, QStringLiteral("garbage")));
        // A port with no managed device is protected from switching, but takes a device.
        next.ports[2].protection = SwitchPortSnapshot::Protection::Unmapped;
        m.setSnapshot({next});
        QVERIFY(!m.togglePort(2));
        QVERIFY(m.mapDevice(2, QStringLiteral("dc:a6:32:00:00:07")));
        QCOMPARE(m.index(2).data(SwitchPortModel::ProtectionRole).toString(), QStringLiteral("unmapped"));
        QCOMPARE(m.index(3).data(SwitchPortModel::ProtectionRole).toString(), QStringLiteral("listed"));
        // A finished request clears the pending flag.
        m.setPending(QStringLiteral("a"), QStringLiteral("4"), false);
        QVERIFY(!m.index(3).data(SwitchPortModel::PendingRole).toBool());
    }

    void oneSwitchUpdatesAloneAndSeedsHistory()
    {
        SwitchPortModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setSnapshot({sw(QStringLiteral("a"), 4, 3.0), sw(QStringLiteral("b"), 2, 5.0)});
        SwitchSnapshot b = sw(QStringLiteral("b"), 3, 6.0);
        b.lastRead = QDateTime::currentDateTimeUtc();
        b.ports[0].history = {1.0, 2.0, 3.0};
        b.reachable = false;
        b.error = QStringLiteral("switch 'b' did not answer within 2 s");
        QSignalSpy revision(&m, &SwitchPortModel::revisionChanged);
        m.updateSwitch(b);
        QCOMPARE(m.count(), 7);
        QCOMPARE(m.switches(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(revision.count(), 1);
        const int row = m.rowOf(QStringLiteral("b"), QStringLiteral("1"));
        QCOMPARE(m.index(row).data(SwitchPortModel::HistoryRole).toList().size(), 3);
        QCOMPARE(m.switchInfo(QStringLiteral("b")).value(QStringLiteral("reachable")).toBool(), false);
        QCOMPARE(m.switchInfo(QStringLiteral("b")).value(QStringLiteral("ports")).toInt(), 3);
        // The same read again (an action started, nothing measured): no new sample.
        b.ports[0].history.clear();
        m.updateSwitch(b);
        QCOMPARE(m.index(row).data(SwitchPortModel::HistoryRole).toList().size(), 3);
        b.lastRead = b.lastRead.addSecs(2);
        m.updateSwitch(b);
        QCOMPARE(m.index(row).data(SwitchPortModel::HistoryRole).toList().size(), 4);
        m.removeSwitch(QStringLiteral("a"));
        QCOMPARE(m.count(), 3);
        QCOMPARE(m.switches(), QStringList{QStringLiteral("b")});
    }
};

QTEST_GUILESS_MAIN(TestSwitchPortModel)
#include "tst_switchportmodel.moc"
