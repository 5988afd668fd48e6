// Boot editor view-model: BootOrder normalisation, moves (incremental), edits, new entries in
// EDK2 text form, BootNext/Timeout, diff, undo/revert, apply through a backend.
#include "bootentrymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {
BootConfiguration sample()
{
    auto entry = [](quint16 n, const QString &d, BootEntry::Kind k = BootEntry::Kind::Other) {
        BootEntry e;
        e.number = n;
        e.description = d;
        e.devicePath = QStringLiteral("Path%1").arg(n);
        e.kind = k;
        return e;
    };
    BootConfiguration c;
    c.entries = {entry(1, QStringLiteral("USB")), entry(2, QStringLiteral("PXE"), BootEntry::Kind::Pxe),
                 entry(6, QStringLiteral("Shell")), entry(9, QStringLiteral("Orphan"))};
    c.order = {2, 1, 6, 0x42};   // 0x42 has no entry; Boot0009 is not in the order
    c.timeoutSeconds = 3;
    return c;
}

QStringList order(const BootEntryModel &m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.index(i).data(BootEntryModel::NumberRole).toString();
    return out;
}

class Backend : public BootConfigurationBackend
{
public:
    void apply(const QString &target, const BootConfiguration &c, Done done) override
    {
        lastTarget = target;
        last = c;
        pending = done;
    }
    QString lastTarget;
    BootConfiguration last;
    Done pending;
};
} // namespace

class TestBootEntryModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsInBootOrder()
    {
        BootEntryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setConfiguration(QStringLiteral("pi-01"), sample());
        QCOMPARE(order(m), (QStringList{QStringLiteral("Boot0002"), QStringLiteral("Boot0001"), QStringLiteral("Boot0006"), QStringLiteral("Boot0009")}));
        QVERIFY(!m.index(3).data(BootEntryModel::InOrderRole).toBool());
        QVERIFY(!m.isDirty());                 // dangling 0x42 dropped from the original too
        QCOMPARE(m.configuration().order, (QList<quint16>{2, 1, 6}));
        QCOMPARE(m.timeout(), 3);
        QVERIFY(m.diff().isEmpty());
    }

    void movesAreIncrementalAndUndoable()
    {
        BootEntryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setConfiguration(QStringLiteral("pi-01"), sample());
        QSignalSpy moved(&m, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QVERIFY(m.move(2, 0));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(m.configuration().order, (QList<quint16>{6, 2, 1}));
        QVERIFY(m.move(0, 2));
        QCOMPARE(m.configuration().order, (QList<quint16>{2, 1, 6}));
        QVERIFY(!m.move(0, 7));
        QVERIFY(!m.move(1, 1));
        // Moving the orphan among ordered entries puts it in BootOrder.
        QVERIFY(m.move(3, 0));
        QCOMPARE(m.configuration().order, (QList<quint16>{9, 2, 1, 6}));
        QVERIFY(m.diff().constFirst().startsWith(QStringLiteral("BootOrder: 0002, 0001, 0006 → 0009, 0002, 0001, 0006")));
        m.undo();
        m.undo();
        m.undo();
        QVERIFY(!m.isDirty());
        QVERIFY(!m.canUndo());
    }

    void editsAndDiff()
    {
        BootEntryModel m;
        m.setConfiguration(QStringLiteral("pi-01"), sample());
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setActive(1, false);
        QCOMPARE(changed.count(), 1);
        QVERIFY(m.index(1).data(BootEntryModel::ChangedRole).toBool());
        m.setDescription(2, QStringLiteral("  EFI Shell "));
        m.setDescription(2, QString());          // refused: empty
        m.setBootNext(0);
        m.setTimeout(0);
        const int pxe = m.addPxeEntry(QStringLiteral("dc:a6:32:01:36:c2"));
        QCOMPARE(pxe, 3);                         // after the last ordered entry
        QCOMPARE(m.index(pxe).data(BootEntryModel::NumberRole).toString(), QStringLiteral("Boot0000"));
        QCOMPARE(m.index(pxe).data(BootEntryModel::DevicePathRole).toString(),
                 QStringLiteral("MAC(DCA6320136C2,0x1)/IPv4(0.0.0.0,0x0,DHCP,0.0.0.0,0.0.0.0,0.0.0.0)"));
        const int http = m.addHttpEntry(QStringLiteral("dc:a6:32:01:36:c2"), QStringLiteral("http://10.0.0.1:8080/boot/snp.efi"));
        QVERIFY(m.index(http).data(BootEntryModel::DevicePathRole).toString().endsWith(QLatin1String("/Uri(http://10.0.0.1:8080/boot/snp.efi)")));
        QCOMPARE(m.addHttpEntry(QStringLiteral("dc:a6:32:01:36:c2"), QStringLiteral("ftp://x/y")), -1);
        QCOMPARE(m.addHttpEntry(QStringLiteral("nope"), QStringLiteral("http://x/y")), -1);
        QCOMPARE(m.addDiskEntry(QString(), QStringLiteral("HD(1)")), -1);
        m.removeEntry(int(m.rowCount()) - 1);     // Boot0009 (not in order)
        const QStringList diff = m.diff();
        const QString all = diff.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("Boot0001 deactivated")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Boot0006 description: \"Shell\" → \"EFI Shell\"")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("BootNext: none → 0002")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Timeout: 3 s → 0 s")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("Boot0000 added: \"UEFI PXEv4 (MAC:DCA6320136C2)\"")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("Boot0003 added")), qPrintable(all));   // next free number
        QVERIFY2(all.contains(QLatin1String("Boot0009 removed")), qPrintable(all));
        QCOMPARE(m.bootNextRow(), 0);
        m.revert();
        QVERIFY(!m.isDirty());
        m.undo();                                 // revert can be undone
        QVERIFY(m.isDirty());
    }

    void applyGoesThroughTheBackend()
    {
        BootEntryModel m;
        m.setConfiguration(QStringLiteral("pi-01"), sample());
        QVERIFY(!m.applyAvailable());
        QVERIFY(!m.applyUnavailableReason().isEmpty());
        m.move(0, 1);
        m.apply();                                // no backend: nothing happens
        QVERIFY(!m.isApplying());
        Backend backend;
        m.setBackend(&backend);
        QSignalSpy applied(&m, &BootEntryModel::applied);
        m.apply();
        QVERIFY(m.isApplying());
        QCOMPARE(backend.lastTarget, QStringLiteral("pi-01"));
        QCOMPARE(backend.last.order, (QList<quint16>{1, 2, 6}));
        backend.pending(false, QStringLiteral("variable store full"));
        QCOMPARE(applied.count(), 1);
        QVERIFY(m.isDirty());                     // failed: the edits stay
        m.apply();
        backend.pending(true, QString());
        QVERIFY(!m.isDirty());
        QVERIFY(!m.canUndo());
    }
};

QTEST_GUILESS_MAIN(TestBootEntryModel)
#include "tst_bootentrymodel.moc"
