// qmp::adoptFirmwareNicPaths: the engine's short-form PXE entries get the full device path the
// firmware recorded for the same NIC in the VM's previous store (EDK2 expands no MAC()-first
// short form; found by tst_qemunetboot). Stores are blank NV volumes written with the engine's
// own boot-entry code.
#include "common/macaddress.h"
#include "efi/blankimage.h"
#include "efi/bootentries.h"
#include "efi/devicepath.h"
#include "efi/varstore.h"
#include "poe/qmpfirmware.h"

#include <QTest>

using namespace efi;

namespace {

const MacAddress kMac = *MacAddress::parse(QStringLiteral("52:54:00:e2:e0:01"));
const MacAddress kOther = *MacAddress::parse(QStringLiteral("52:54:00:e2:e0:02"));

DevicePath::Instance pciNic(const MacAddress &mac, quint8 slot, bool ipv6 = false)
{
    return {DevicePathNode::acpi(dp::PciRootHid, 0), DevicePathNode::pci(slot, 0), DevicePathNode::mac(mac.toBytes()),
            ipv6 ? DevicePathNode::ipv6() : DevicePathNode::ipv4()};
}

LoadOption entry(const QString &description, const DevicePath::Instance &nodes)
{
    LoadOption o;
    o.description = description;
    o.setDevicePath(DevicePath(nodes));
    return o;
}

QByteArray store(const QList<LoadOption> &entries, std::optional<quint16> next = std::nullopt)
{
    auto s = VarStore::parse(blankNvVolume());
    if (!s.ok())
        return {};
    for (const LoadOption &o : entries)
        if (!addBootEntry(s.value(), o, Placement::Last).ok())
            return {};
    if (next)
        setBootNext(s.value(), *next);
    auto image = s.value().serialize();
    return image.ok() ? image.value() : QByteArray();
}

DevicePath::Instance pathOf(const QByteArray &image, quint16 number)
{
    const auto s = VarStore::parse(image);
    if (!s.ok())
        return {};
    const auto e = bootEntry(s.value(), number);
    return e ? e->devicePath().instances().value(0) : DevicePath::Instance{};
}

bool samePath(const DevicePath::Instance &a, const DevicePath::Instance &b)
{
    return DevicePath(a).encode() == DevicePath(b).encode();
}

} // namespace

class TestQmpFirmware : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void adoptsTheFirmwaresPathForTheSameNic()
    {
        // What OVMF left: its own entries for two NICs (v4 and v6 of ours).
        const QByteArray previous = store({entry(QStringLiteral("UEFI PXEv4 (MAC:525400E2E002)"), pciNic(kOther, 3)),
                                           entry(QStringLiteral("UEFI PXEv4 (MAC:525400E2E001)"), pciNic(kMac, 2)),
                                           entry(QStringLiteral("UEFI PXEv6 (MAC:525400E2E001)"), pciNic(kMac, 2, true))});
        QVERIFY(!previous.isEmpty());
        // What the engine renders: its PXE entry (BootNext) and an HTTP entry.
        const LoadOption pxe = makePxeEntry(kMac);
        const LoadOption http = makeHttpEntry(kMac, QStringLiteral("http://10.77.0.1:8080/ipxe.efi"));
        const QByteArray rendered = store({pxe, http}, quint16(0));
        QVERIFY(!rendered.isEmpty());

        int adopted = -1;
        const auto out = qmp::adoptFirmwareNicPaths(rendered, previous, kMac, &adopted);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(adopted, 1);
        QVERIFY(samePath(pathOf(out.value(), 0), pciNic(kMac, 2)));
        const auto s = VarStore::parse(out.value());
        QVERIFY(s.ok());
        QCOMPARE(bootEntry(s.value(), 0)->description, pxe.description);     // only the path changes
        QCOMPARE(bootNext(s.value()), std::optional<quint16>(0));
        QCOMPARE(bootOrder(s.value()), (QList<quint16>{0, 1}));
        QVERIFY(samePath(pathOf(out.value(), 1), http.devicePath().instances().value(0)));   // Uri() untouched
    }

    void ipVersionMustMatch()
    {
        const QByteArray previous = store({entry(QStringLiteral("UEFI PXEv6"), pciNic(kMac, 2, true))});
        const QByteArray rendered = store({makePxeEntry(kMac)});
        int adopted = -1;
        const auto out = qmp::adoptFirmwareNicPaths(rendered, previous, kMac, &adopted);
        QVERIFY(out.ok());
        QCOMPARE(adopted, 0);
        QCOMPARE(out.value(), rendered);
    }

    void nothingToAdopt_data()
    {
        QTest::addColumn<QByteArray>("previous");
        QTest::newRow("no previous store") << QByteArray();
        QTest::newRow("garbage") << QByteArray(4096, '\x5a');
        QTest::newRow("truncated store") << store({entry(QStringLiteral("x"), pciNic(kMac, 2))}).left(1000);
        QTest::newRow("another NIC only") << store({entry(QStringLiteral("UEFI PXEv4"), pciNic(kOther, 2))});
        // A short form in the previous store is no full path to adopt.
        QTest::newRow("short form only") << store({makePxeEntry(kMac)});
    }
    void nothingToAdopt()
    {
        QFETCH(QByteArray, previous);
        const QByteArray rendered = store({makePxeEntry(kMac)}, quint16(0));
        int adopted = -1;
        const auto out = qmp::adoptFirmwareNicPaths(rendered, previous, kMac, &adopted);
        QVERIFY(out.ok());
        QCOMPARE(adopted, 0);
        QCOMPARE(out.value(), rendered);
    }

    void unreadableRenderedStoreIsAnError()
    {
        const QByteArray previous = store({entry(QStringLiteral("UEFI PXEv4"), pciNic(kMac, 2))});
        const auto out = qmp::adoptFirmwareNicPaths(QByteArray(100, '\0'), previous, kMac);
        QVERIFY(!out.ok());
        QVERIFY(!out.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQmpFirmware)
#include "tst_qmpfirmware.moc"
