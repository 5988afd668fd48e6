#include "provision/ipainspection.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

// The ironic-python-agent inspection data (POST /v1/continue) parsed into a HardwareInventory:
// real-shaped samples (a Pi 4 under UEFI, a QEMU x86 VM), boot interface forms, and bad input.
class TestProvisionIpa : public QObject
{
    Q_OBJECT

    static QByteArray sample(const char *name)
    {
        QFile f(QStringLiteral(TEST_DATA_DIR "/ipa/") + QString::fromLatin1(name));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing sample %s", name);
        return f.readAll();
    }

private Q_SLOTS:
    void pi4Sample()
    {
        const auto r = ipa::parseInspection(sample("inspection-pi4.json"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        const HardwareInventory &hw = r->inventory;
        QCOMPARE(hw.source, QStringLiteral("inspection"));
        QVERIFY(hw.collectedAt.isValid());
        QCOMPARE(hw.cpu.model, QStringLiteral("Cortex-A72"));
        QCOMPARE(hw.cpu.architecture, QStringLiteral("aarch64"));
        QCOMPARE(hw.cpu.instructionSet, QStringLiteral("ARM-A64"));
        QCOMPARE(hw.cpu.manufacturer, QStringLiteral("ARM"));
        QCOMPARE(hw.cpu.count, 1);
        QCOMPARE(hw.cpu.cores, 4);
        QCOMPARE(hw.cpu.threads, 4);
        QCOMPARE(hw.cpu.maxSpeedMHz, 1800);          // "1800.0000" as text
        QCOMPARE(hw.memoryMiB, 4096);                // physical_mb preferred over total
        QCOMPARE(hw.disks.size(), 2);
        QCOMPARE(hw.disks.at(0).name, QStringLiteral("/dev/mmcblk0"));
        QCOMPARE(hw.disks.at(0).sizeBytes, Q_INT64_C(31914983424));
        QCOMPARE(hw.disks.at(0).type, QStringLiteral("SD"));
        QCOMPARE(hw.disks.at(0).serial, QStringLiteral("0x6f1b20a4"));
        QCOMPARE(hw.disks.at(1).type, QStringLiteral("USB"));
        QCOMPARE(hw.disks.at(1).model, QStringLiteral("Extreme Pro"));
        QCOMPARE(hw.nics.size(), 2);
        QCOMPARE(hw.nics.at(0).name, QStringLiteral("eth0"));
        QCOMPARE(hw.nics.at(0).mac.toString(), QStringLiteral("dc:a6:32:01:36:c2"));
        QCOMPARE(hw.nics.at(0).ipv4, QStringLiteral("192.168.50.23"));
        QCOMPARE(hw.nics.at(0).speedMbps, 1000);
        QVERIFY(hw.nics.at(0).hasCarrier);
        QVERIFY(!hw.nics.at(1).hasCarrier);
        QCOMPARE(hw.nics.at(1).speedMbps, 0);        // null speed
        QCOMPARE(hw.manufacturer, QStringLiteral("Raspberry Pi Foundation"));
        QCOMPARE(hw.productName, QStringLiteral("Raspberry Pi 4 Model B"));
        QCOMPARE(hw.serialNumber, QStringLiteral("10000000d83add36"));
        QCOMPARE(r->bootMac.toString(), QStringLiteral("dc:a6:32:01:36:c2"));   // "01-dc-a6-…" BOOTIF form
        QCOMPARE(r->macs.size(), 2);
        QCOMPARE(r->bootMode, QStringLiteral("uefi"));
        QCOMPARE(r->hostname, QStringLiteral("localhost.localdomain"));
        QCOMPARE(r->rootDisk, QStringLiteral("/dev/mmcblk0"));
        QVERIFY(r->agentError.isEmpty());
        // What is stored round-trips through the inventory JSON.
        const HardwareInventory back = HardwareInventory::fromJson(hw.toJson());
        QCOMPARE(back.cpu.cores, 4);
        QCOMPARE(back.memoryMiB, 4096);
        QCOMPARE(back.disks.size(), 2);
        QCOMPARE(back.nics.at(0).mac, hw.nics.at(0).mac);
    }

    void x86Sample()
    {
        const auto r = ipa::parseInspection(sample("inspection-qemu-x86.json"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        const HardwareInventory &hw = r->inventory;
        QCOMPARE(hw.cpu.instructionSet, QStringLiteral("x86-64"));
        QCOMPARE(hw.cpu.manufacturer, QStringLiteral("Intel(R) Corporation"));
        QCOMPARE(hw.cpu.cores, 2);
        QCOMPARE(hw.cpu.maxSpeedMHz, 2194);
        QCOMPARE(hw.memoryMiB, 2048);
        QCOMPARE(hw.disks.size(), 1);
        QCOMPARE(hw.disks.first().type, QStringLiteral("HDD"));   // rotational
        QCOMPARE(hw.manufacturer, QStringLiteral("QEMU"));
        // The boot NIC is the second one (plain MAC form), not the first.
        QCOMPARE(r->bootMac.toString(), QStringLiteral("52:54:00:12:34:02"));
        QCOMPARE(r->macs.first().toString(), QStringLiteral("52:54:00:12:34:01"));
        QCOMPARE(r->agentError, QStringLiteral("collector logs failed: journalctl not found"));
    }

    void memoryFromTotalWhenNoPhysical()
    {
        QJsonObject root = QJsonDocument::fromJson(sample("inspection-pi4.json")).object();
        QJsonObject inv = root.value(QStringLiteral("inventory")).toObject();
        inv.insert(QStringLiteral("memory"), QJsonObject{{QStringLiteral("total"), 8 * 1024.0 * 1024 * 1024}});
        root.insert(QStringLiteral("inventory"), inv);
        const auto r = ipa::parseInspection(QJsonDocument(root).toJson());
        QVERIFY(r.ok());
        QCOMPARE(r->inventory.memoryMiB, 8192);
    }

    void bootInterfaceForms_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("mac");
        QTest::newRow("bootif") << QStringLiteral("01-dc-a6-32-01-36-c2") << QStringLiteral("dc:a6:32:01:36:c2");
        QTest::newRow("colons") << QStringLiteral("DC:A6:32:01:36:C2") << QStringLiteral("dc:a6:32:01:36:c2");
        QTest::newRow("dashes") << QStringLiteral("dc-a6-32-01-36-c2") << QStringLiteral("dc:a6:32:01:36:c2");
        QTest::newRow("garbage") << QStringLiteral("eth0") << QString();
        QTest::newRow("bootif wrong type") << QStringLiteral("06-dc-a6-32-01-36-c2") << QString();
    }
    void bootInterfaceForms()
    {
        QFETCH(QString, value);
        QFETCH(QString, mac);
        const auto m = ipa::parseBootInterface(value);
        QCOMPARE(m ? m->toString() : QString(), mac);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("inventory=1") << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("expected a JSON object");
        QTest::newRow("no inventory") << QByteArray(R"({"boot_interface":"01-dc-a6-32-01-36-c2"})") << QStringLiteral("missing \"inventory\"");
        QTest::newRow("interfaces not list") << QByteArray(R"({"inventory":{"interfaces":{}}})") << QStringLiteral("must be a list");
        QTest::newRow("no valid mac") << QByteArray(R"({"inventory":{"interfaces":[{"name":"eth0","mac_address":"zz"}]}})")
                                      << QStringLiteral("no valid mac_address");
        QTest::newRow("bad boot interface")
            << QByteArray(R"({"inventory":{"interfaces":[{"mac_address":"dc:a6:32:01:36:c2"}]},"boot_interface":"eth0"})")
            << QStringLiteral("boot_interface 'eth0'");
        QByteArray many = R"({"inventory":{"interfaces":[)";
        for (int i = 0; i < 300; ++i)
            many += QByteArray(i ? "," : "") + R"({"mac_address":"dc:a6:32:01:36:c2"})";
        many += "]}}";
        QTest::newRow("too many interfaces") << many << QStringLiteral("more than 256 interfaces");
        QTest::newRow("too large") << QByteArray(ipa::MaxBodyBytes + 1, ' ') << QStringLiteral("larger than");
    }
    void rejects()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const auto r = ipa::parseInspection(body);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(message), qPrintable(r.error()));
    }

    // Hostile values: wrong types, negative/huge/NaN-like numbers never crash or overflow.
    void hostileValues()
    {
        const QByteArray body = R"({"inventory":{"interfaces":[{"mac_address":"dc:a6:32:01:36:c2","speed_mbps":"fast",
            "name":{"x":1}}],"cpu":{"count":-4,"frequency":"1e300","model_name":12},"memory":{"physical_mb":"NaN","total":-1},
            "disks":[{"name":"/dev/sda","size":1e30},"junk",{"size":5}],"system_vendor":"nope"}})";
        const auto r = ipa::parseInspection(body);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->inventory.cpu.cores, 0);
        QCOMPARE(r->inventory.cpu.maxSpeedMHz, 0);
        QCOMPARE(r->inventory.memoryMiB, 0);
        QCOMPARE(r->inventory.disks.size(), 1);
        QCOMPARE(r->inventory.disks.first().sizeBytes, 0);
        QCOMPARE(r->inventory.cpu.model, QStringLiteral("12"));
        QCOMPARE(r->inventory.nics.first().name, QString());
    }

    void fuzz()
    {
        // Mutations of a real sample: every outcome is a clean result or a clean error.
        const QByteArray base = sample("inspection-pi4.json");
        QRandomGenerator rng(42);
        int parsed = 0;
        for (int i = 0; i < 3000; ++i) {
            QByteArray m = base;
            const int edits = 1 + int(rng.bounded(8));
            for (int e = 0; e < edits; ++e)
                m[int(rng.bounded(m.size()))] = char(rng.bounded(256));
            if (rng.bounded(4) == 0)
                m.truncate(int(rng.bounded(m.size())));
            const auto r = ipa::parseInspection(m);
            parsed += r.ok() ? 1 : 0;
        }
        QVERIFY(parsed > 0);   // some mutations leave the JSON valid
    }

    void kernelArgs()
    {
        const MacAddress mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
        QCOMPARE(ipa::kernelArgs(QStringLiteral("http://10.0.0.1:8080"), mac, "tok"),
                 QStringLiteral("ipa-inspection-callback-url=http://10.0.0.1:8080/v1/continue?token=tok "
                                "ipa-inspection-collectors=default BOOTIF=01-dc-a6-32-01-36-c2"));
    }
};

QTEST_GUILESS_MAIN(TestProvisionIpa)
#include "tst_provisionipa.moc"
