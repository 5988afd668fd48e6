// Boot editor adapters over the UEFI engine, on a real used RPI_EFI.fd: decoding entries,
// the profile change an edit produces (and what it refuses), the merged variables JSON that
// rebuilds the wanted store, device BootNext as a boot override, typed setting rows and the
// settings form model (validation, diff, undo).
#include "bootentrymodel.h"
#include "efi/bootentries.h"
#include "efi/firmwarerender.h"
#include "efi/imagefile.h"
#include "efi/varjson.h"
#include "firmwareadapter.h"
#include "firmwaresettingsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace firmwareadapter;

class TestFirmwareAdapter : public QObject
{
    Q_OBJECT

    efi::VarStore m_store;

    static BootEntry entry(const BootConfiguration &c, quint16 n)
    {
        for (const BootEntry &e : c.entries)
            if (e.number == n)
                return e;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto bytes = efi::readFileCapped(QStringLiteral(SHARED_DIR "/fixtures/efi/RPI_EFI-v1.37-used.fd"), efi::MaxImageBytes);
        QVERIFY2(bytes.ok(), qPrintable(bytes.error()));
        auto store = efi::VarStore::parse(bytes.value());
        QVERIFY2(store.ok(), qPrintable(store.error()));
        m_store = store.value();
    }

    void decodesTheStore()
    {
        const BootConfiguration c = bootConfiguration(m_store);
        QCOMPARE(c.entries.size(), 7);
        QCOMPARE(c.order, (QList<quint16>{0, 1, 2, 3, 4, 5, 6}));
        QCOMPARE(c.timeoutSeconds, 5);
        QVERIFY(!c.bootNext);
        QCOMPARE(entry(c, 0).kind, BootEntry::Kind::Other);      // UiApp (firmware volume)
        QCOMPARE(entry(c, 1).kind, BootEntry::Kind::Disk);       // USB disk
        QCOMPARE(entry(c, 2).kind, BootEntry::Kind::Pxe);
        QCOMPARE(entry(c, 4).kind, BootEntry::Kind::Http);
        QCOMPARE(entry(c, 2).description, QStringLiteral("UEFI PXEv4 (MAC:D83ADD6DB885)"));
        QVERIFY(entry(c, 2).devicePath.startsWith(QLatin1String("MAC(D83ADD6DB885,0x1)/IPv4(")));
    }

    // An edit as the boot editor makes it, written the way a profile stores it (variables JSON
    // on top of the base image, boot_order in lab.yaml), rebuilds exactly the wanted store.
    void profileChangeRoundTrip()
    {
        BootEntryModel model;
        model.setConfiguration(QStringLiteral("p"), bootConfiguration(m_store));
        QVERIFY(model.move(6, 0));
        model.setActive(2, false);                               // Boot0001
        model.setDescription(3, QStringLiteral("Lab PXE"));      // Boot0002
        QVERIFY(model.addPxeEntry(QStringLiteral("dc:a6:32:00:00:01")) >= 0);
        QVERIFY(model.addDiskEntry(QStringLiteral("Debian"), QStringLiteral("\\EFI\\debian\\grubaa64.efi")) >= 0);
        model.setTimeout(3);
        const BootConfiguration before = model.originalConfiguration();
        const BootConfiguration wanted = model.configuration();

        auto change = profileChange(m_store, m_store, before, wanted);
        QVERIFY2(change.ok(), qPrintable(change.error()));
        QStringList names;
        for (const auto &v : change->set)
            names.append(v.name);
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("Boot0001"), QStringLiteral("Boot0002"), QStringLiteral("Boot0007"),
                                     QStringLiteral("Boot0008"), QStringLiteral("BootOrder"), QStringLiteral("Timeout")}));
        QCOMPARE(change->bootOrder.first(), QStringLiteral("0006"));
        QCOMPARE(change->bootOrder.size(), 9);

        // Merged into an existing variables file: other variables stay.
        efi::Variable other;
        other.name = QStringLiteral("Kept");
        other.guid = QUuid(QStringLiteral("{11111111-2222-3333-4444-555555555555}"));
        other.data = QByteArray("x");
        auto json = mergeVariablesJson(efi::variablesToJson({other}), change.value());
        QVERIFY2(json.ok(), qPrintable(json.error()));
        auto vars = efi::variablesFromJson(json.value());
        QVERIFY(vars.ok());
        QCOMPARE(vars->size(), 7);

        // What FirmwareService does with the profile: base + JSON + boot_order.
        efi::VarStore rebuilt = m_store;
        efi::applyVariables(rebuilt, vars.value());
        QList<quint16> order;
        for (const QString &n : change->bootOrder)
            order.append(quint16(n.toUInt(nullptr, 16)));
        efi::setBootOrder(rebuilt, order);
        const BootConfiguration now = bootConfiguration(rebuilt);
        QCOMPARE(now.order, wanted.order);
        QCOMPARE(now.timeoutSeconds, 3);
        QCOMPARE(entry(now, 1).active, false);
        QCOMPARE(entry(now, 2).description, QStringLiteral("Lab PXE"));
        QCOMPARE(entry(now, 7).kind, BootEntry::Kind::Pxe);
        QVERIFY(entry(now, 7).devicePath.startsWith(QLatin1String("MAC(DCA632000001,0x1)/IPv4(")));
        QCOMPARE(entry(now, 8).devicePath, QStringLiteral("\\EFI\\debian\\grubaa64.efi"));
        QCOMPARE(entry(now, 8).kind, BootEntry::Kind::Disk);
        QVERIFY(rebuilt.serialize().ok());

        // Dropping an entry the JSON added removes it from the JSON.
        BootConfiguration without = now;
        without.entries.removeIf([](const BootEntry &e) { return e.number == 8; });
        without.order.removeAll(8);
        auto drop = profileChange(rebuilt, m_store, now, without);
        QVERIFY2(drop.ok(), qPrintable(drop.error()));
        QCOMPARE(drop->removed, QList<quint16>{8});
        auto dropped = mergeVariablesJson(json.value(), drop.value());
        QVERIFY(dropped.ok());
        QVERIFY(!dropped->contains("\"Boot0008\""));
    }

    void profileChangeRefusals()
    {
        const BootConfiguration before = bootConfiguration(m_store);
        BootConfiguration next = before;
        next.bootNext = 2;
        auto r = profileChange(m_store, m_store, before, next);
        QVERIFY(!r.ok());
        QVERIFY(r.error().contains(QLatin1String("per device")));
        // Entries of the base image cannot be deleted through the variables JSON.
        next = before;
        next.entries.removeIf([](const BootEntry &e) { return e.number == 3; });
        next.order.removeAll(3);
        r = profileChange(m_store, m_store, before, next);
        QVERIFY(!r.ok());
        QVERIFY(r.error().contains(QLatin1String("Boot0003")));
        // A new disk entry must be a loader path; a PXE entry needs a MAC.
        BootEntry disk;
        disk.number = 9;
        disk.kind = BootEntry::Kind::Disk;
        disk.description = QStringLiteral("x");
        disk.devicePath = QStringLiteral("HD(1,GPT,...)");
        QVERIFY(!loadOptionFor(disk, m_store).ok());
        BootEntry pxe = disk;
        pxe.kind = BootEntry::Kind::Pxe;
        pxe.devicePath = QStringLiteral("IPv4(0.0.0.0)");
        QVERIFY(!loadOptionFor(pxe, m_store).ok());
        QVERIFY(!mergeVariablesJson("{not json", ProfileChange{}).ok());
    }

    void deviceBootNextIsABootOverride()
    {
        efi::VarStore rendered = m_store;
        efi::DeviceOverrides o;
        o.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));
        auto notes = efi::applyDeviceOverrides(rendered, o);
        QVERIFY(notes.ok() && notes->pxeEntry);
        const quint16 pxe = *notes->pxeEntry;
        auto r = bootOverrideFor(rendered, pxe);
        QVERIFY(r.ok());
        QCOMPARE(r->target, BootOverride::Target::Pxe);
        QCOMPARE(r->enabled, BootOverride::Enabled::Once);
        r = bootOverrideFor(rendered, quint16(4));      // HTTP (URI from DHCP)
        QVERIFY(r.ok());
        QCOMPARE(r->target, BootOverride::Target::UefiHttp);
        r = bootOverrideFor(rendered, quint16(1));      // the first disk in BootOrder
        QVERIFY(r.ok());
        QCOMPARE(r->target, BootOverride::Target::Hdd);
        QVERIFY(!bootOverrideFor(rendered, quint16(0)).ok());    // UiApp
        QVERIFY(!bootOverrideFor(rendered, quint16(0x99)).ok()); // no such entry
        r = bootOverrideFor(rendered, std::nullopt);
        QVERIFY(r.ok() && !r->isActive());
        // The renderer turns the override back into that BootNext.
        efi::VarStore again = m_store;
        o.boot = *bootOverrideFor(rendered, pxe);
        QVERIFY(efi::applyDeviceOverrides(again, o).ok());
        QCOMPARE(efi::bootNext(again), std::optional<quint16>(pxe));
    }

    void settingRowsAndForm()
    {
        const auto rows = settingRows(m_store, {{QStringLiteral("fantemp"), QStringLiteral("0x46")}}, QStringLiteral("image"));
        QVERIFY(rows.size() > 10);
        int fan = -1, clock = -1;
        for (int i = 0; i < rows.size(); ++i) {
            if (rows.at(i).name == QLatin1String("FanTemp"))
                fan = i;
            if (rows.at(i).name == QLatin1String("CpuClock"))
                clock = i;
        }
        QVERIFY(fan >= 0 && clock >= 0);
        QCOMPARE(rows.at(fan).value, QStringLiteral("70"));     // normalised
        QVERIFY(rows.at(fan).explicitValue);
        QCOMPARE(rows.at(fan).kind, QStringLiteral("number"));
        QCOMPARE(rows.at(fan).minimum, 50);
        QCOMPARE(rows.at(fan).maximum, 80);
        QCOMPARE(rows.at(clock).kind, QStringLiteral("choice"));
        QCOMPARE(rows.at(clock).choices.size(), 4);
        QVERIFY(!rows.at(clock).explicitValue);
        QCOMPARE(normalizeSetting(QStringLiteral("CpuClock"), QStringLiteral("2")).value(), QStringLiteral("max"));
        QVERIFY(!normalizeSetting(QStringLiteral("CpuClock"), QStringLiteral("turbo")).ok());
        QVERIFY(!normalizeSetting(QStringLiteral("NoSuchSetting"), QStringLiteral("1")).ok());

        FirmwareSettingsModel form;
        QAbstractItemModelTester tester(&form, QAbstractItemModelTester::FailureReportingMode::QtTest);
        form.setRows(QStringLiteral("device"), rows);
        QVERIFY(!form.isDirty());
        QVERIFY(form.setValue(fan, QStringLiteral("99")).contains(QLatin1String("between")));
        QVERIFY(!form.isDirty());
        QCOMPARE(form.setValue(clock, QStringLiteral("max")), QString());
        form.clearValue(fan);
        QCOMPARE(form.changes().size(), 2);
        QCOMPARE(form.changes().at(0).name, QStringLiteral("CpuClock"));
        QCOMPARE(form.changes().at(0).value, QStringLiteral("max"));
        QVERIFY(form.changes().at(1).clear);
        QCOMPARE(form.diff().size(), 2);
        QVERIFY(form.diff().at(1).contains(QLatin1String("device value 70 removed")));
        QCOMPARE(form.undoDepth(), 2);
        form.undo();
        QCOMPARE(form.index(fan).data(FirmwareSettingsModel::ValueRole).toString(), QStringLiteral("70"));
        form.revert();
        QVERIFY(!form.isDirty());
        // A reload with the same rows updates in place (no reset).
        form.setRows(QStringLiteral("device"), rows);
        QCOMPARE(form.count(), int(rows.size()));
    }
};

QTEST_GUILESS_MAIN(TestFirmwareAdapter)
#include "tst_firmwareadapter.moc"
