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
        port.isProtected = p == ports;
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
        QCOMPARE(power.at(0), (QVariantList{QStringLiteral("a"), QStringLiteral("1"), QStringLiteral("off")}));
        QVERIFY(m.index(0).data(SwitchPortModel::PendingRole).toBool());
        QVERIFY(m.togglePort(1));
        QCOMPARE(power.at(1).at(2).toString(), QStringLiteral("on"));
        QVERIFY(!m.togglePort(3));                        // protected
        QVERIFY(m.cyclePort(3, true));                    // overridden
        QCOMPARE(power.at(2).at(2).toString(), QStringLiteral("cycle"));
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
    }
};

QTEST_GUILESS_MAIN(TestSwitchPortModel)
#include "tst_switchportmodel.moc"
