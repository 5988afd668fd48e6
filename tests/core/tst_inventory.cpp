#include "devices/inventory.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestInventory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelDefaults()
    {
        const MacAddress mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
        const auto pi = HardwareInventory::forModel(QStringLiteral("pi4"), mac);
        QCOMPARE(pi.source, QStringLiteral("model-default"));
        QCOMPARE(pi.cpu.instructionSet, QStringLiteral("ARM-A64"));
        QCOMPARE(pi.cpu.cores, 4);
        QCOMPARE(pi.memoryMiB, qint64(0));          // unknown until inspected: never invented
        QCOMPARE(pi.nics.first().mac, mac);
        QVERIFY(HardwareInventory::forModel(QStringLiteral("toaster"), mac).isEmpty());
    }

    void inspectionIsPersistedAndPreferred()
    {
        QTemporaryDir dir;
        const MacAddress mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
        HardwareInventory inv = HardwareInventory::forModel(QStringLiteral("pi4"), mac);
        inv.source = QStringLiteral("inspection");
        inv.memoryMiB = 8 * 1024;
        inv.disks.append({QStringLiteral("/dev/mmcblk0"), QStringLiteral("SC64G"), QStringLiteral("0x1234"), 63864569856, false,
                          QStringLiteral("SD")});
        {
            InventoryStore store;
            store.open(dir.path());
            QSignalSpy changed(&store, &InventoryStore::inventoryChanged);
            QString error;
            QVERIFY2(store.setInventory(mac, inv, &error), qPrintable(error));
            QCOMPARE(changed.count(), 1);
        }
        InventoryStore reopened;
        reopened.open(dir.path());
        QVERIFY(reopened.hasInspection(mac));
        const auto back = reopened.inventory(mac, QStringLiteral("pi4"));
        QCOMPARE(back.memoryMiB, qint64(8192));
        QCOMPARE(back.disks.first().sizeBytes, qint64(63864569856));
        QCOMPARE(back.nics.first().mac, mac);
        QCOMPARE(back.source, QStringLiteral("inspection"));
        reopened.forget(mac);
        QCOMPARE(reopened.inventory(mac, QStringLiteral("pi4")).source, QStringLiteral("model-default"));
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
