#include "efi/devicepath.h"
#include "efi/efibytes.h"
#include "efi/efiguid.h"

#include <QRandomGenerator>
#include <QTest>

// Node bytes -> edk2 DevicePathToText form and virt-fw-vars form, and back.
class TestEfiDevicePath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nodes_data()
    {
        QTest::addColumn<QByteArray>("bytes");     // one node, header included
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("virt");
        using N = efi::DevicePathNode;
        const auto enc = [](const N &n) { return n.encode(); };
        const QUuid g = QUuid::fromString(QStringLiteral("9a15aa37-d555-4a4e-b541-86391ff68164"));
        QTest::newRow("pci") << enc(N::pci(0x1f, 2)) << "Pci(0x1F,0x2)" << "PCI(dev=1f:2)";
        QTest::newRow("pciroot") << enc(N::acpi(0x0a0341d0, 0)) << "PciRoot(0x0)" << "PciRoot()";
        QTest::newRow("pcieroot") << enc(N::acpi(0x0a0841d0, 0)) << "PcieRoot(0x0)" << "ACPI(hid=0xa0841d0,uid=0x0)";
        QTest::newRow("acpi pnp") << enc(N::acpi(0x050141d0, 1)) << "Serial(0x1)" << "ACPI(hid=0x50141d0,uid=0x1)";
        QTest::newRow("acpi other") << enc(N::acpi(0x12345678, 2)) << "Acpi(0x12345678,0x2)" << "ACPI(hid=0x12345678,uid=0x2)";
        QTest::newRow("usb") << enc(N::usb(2, 0)) << "USB(0x2,0x0)" << "USB(port=2)";
        QTest::newRow("mac") << enc(N::mac(QByteArray::fromHex("d83add6db885"))) << "MAC(D83ADD6DB885,0x1)" << "MAC()";
        QTest::newRow("ipv4 dhcp") << enc(N::ipv4()) << "IPv4(0.0.0.0,0x0,DHCP,0.0.0.0,0.0.0.0,0.0.0.0)" << "IPv4()";
        QByteArray v4 = QByteArray::fromHex("0a00000a" "0a000001" "0000" "4500" "0600" "01" "0a0000fe" "ffffff00");
        QTest::newRow("ipv4 static") << N{3, 0x0c, v4}.encode() << "IPv4(10.0.0.1,TCP,Static,10.0.0.10,10.0.0.254,255.255.255.0)" << "IPv4()";
        QTest::newRow("ipv6") << enc(N::ipv6())
                              << "IPv6(0000:0000:0000:0000:0000:0000:0000:0000,0x0,Static,0000:0000:0000:0000:0000:0000:0000:0000,0x0,0000:0000:0000:0000:0000:0000:0000:0000)"
                              << "IPv6()";
        QTest::newRow("uri") << enc(N::uri("http://10.0.0.1/boot.efi")) << "Uri(http://10.0.0.1/boot.efi)" << "URI(http://10.0.0.1/boot.efi)";
        QTest::newRow("uri empty") << enc(N::uri({})) << "Uri()" << "URI()";
        QTest::newRow("sata") << enc(N::sata(2)) << "Sata(0x2,0xFFFF,0x0)" << "SATA(port=2)";
        QTest::newRow("nvme") << enc(N::nvme(1, 0x0011223344556677ULL)) << "NVMe(0x1,00-11-22-33-44-55-66-77)" << "Msg(subtype=0x17)";
        QTest::newRow("sd") << enc(N::sd(0)) << "SD(0x0)" << "Msg(subtype=0x1a)";
        QTest::newRow("emmc") << enc(N::emmc(1)) << "eMMC(0x1)" << "Msg(subtype=0x1d)";
        QTest::newRow("scsi") << N{3, 0x02, QByteArray::fromHex("01000200")}.encode() << "Scsi(0x1,0x2)" << "SCSI(pun=1,lun=2)";
        QTest::newRow("vlan") << N{3, 0x14, QByteArray::fromHex("6400")}.encode() << "Vlan(100)" << "Msg(subtype=0x14)";
        QTest::newRow("usb hid class") << N{3, 0x0f, QByteArray::fromHex("ffffffff030101")}.encode() << "UsbHID(0xFFFF,0xFFFF,0x1,0x1)"
                                       << "Msg(subtype=0xf)";
        QTest::newRow("hd gpt") << enc(N::hardDriveGpt(1, 0x800, 0x100000, QUuid::fromString(QStringLiteral("0f2c8a5e-3b5a-4c59-9d6b-2b0b1f0a6d11"))))
                                << "HD(1,GPT,0F2C8A5E-3B5A-4C59-9D6B-2B0B1F0A6D11,0x800,0x100000)" << "Partition(nr=1)";
        QTest::newRow("hd mbr") << enc(N::hardDriveMbr(1, 0x3f, 0xfbfc1, 0xbe1afdfa)) << "HD(1,MBR,0xBE1AFDFA,0x3F,0xFBFC1)" << "Partition(nr=1)";
        QTest::newRow("cdrom") << N{4, 0x02, QByteArray::fromHex("01000000" "0000000000000000" "1000000000000000")}.encode()
                               << "CDROM(0x1,0x0,0x10)" << "Media(subtype=0x2)";
        QTest::newRow("file") << enc(N::filePath(QStringLiteral("\\EFI\\BOOT\\BOOTAA64.EFI"))) << "\\EFI\\BOOT\\BOOTAA64.EFI"
                              << "FilePath(\\EFI\\BOOT\\BOOTAA64.EFI)";
        QTest::newRow("fv") << enc(N::fv(g)) << "Fv(9A15AA37-D555-4A4E-B541-86391FF68164)" << "FvName(9a15aa37-d555-4a4e-b541-86391ff68164)";
        QTest::newRow("fvfile") << enc(N::fvFile(g)) << "FvFile(9A15AA37-D555-4A4E-B541-86391FF68164)"
                                << "FvFileName(9a15aa37-d555-4a4e-b541-86391ff68164)";
        QTest::newRow("venhw") << enc(N::vendor(1, 4, g)) << "VenHw(9A15AA37-D555-4A4E-B541-86391FF68164)" << "VendorHW(9a15aa37-d555-4a4e-b541-86391ff68164)";
        QTest::newRow("venhw data") << enc(N::vendor(1, 4, g, QByteArray::fromHex("0102"))) << "VenHw(9A15AA37-D555-4A4E-B541-86391FF68164,0102)"
                                    << "VendorHW(9a15aa37-d555-4a4e-b541-86391ff68164)";
        QTest::newRow("venmsg") << enc(N::vendor(3, 0x0a, g)) << "VenMsg(9A15AA37-D555-4A4E-B541-86391FF68164)" << "Msg(subtype=0xa)";
        QTest::newRow("offset") << N{4, 0x08, QByteArray::fromHex("00000000" "0010000000000000" "ff1f000000000000")}.encode()
                                << "Offset(0x1000,0x1FFF)" << "Media(subtype=0x8)";
        QTest::newRow("controller") << N{1, 0x05, QByteArray::fromHex("03000000")}.encode() << "Ctrl(0x3)" << "HW(subtype=0x5)";
        QTest::newRow("gop") << N{2, 0x03, QByteArray::fromHex("00010080")}.encode() << "AcpiAdr(0x80000100)" << "GOP(adr=0x80000100)";
        QTest::newRow("bbs unknown") << N{5, 0x01, QByteArray::fromHex("0200")}.encode() << "BbsPath(1,0200)" << "Unknown(type=0x5,subtype=0x1)";
        QTest::newRow("short pci") << N{1, 0x01, QByteArray::fromHex("01")}.encode() << "HardwarePath(1,01)" << "HW(subtype=0x1)";
        QTest::newRow("short mac") << N{3, 0x0b, QByteArray::fromHex("01")}.encode() << "Msg(11,01)" << "MAC()";
        QTest::newRow("dns v4") << N{3, 0x1f, QByteArray::fromHex("00" "01010101" "08080808")}.encode() << "Dns(1.1.1.1,8.8.8.8)" << "DNS()";
    }
    void nodes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QFETCH(QString, virt);
        QByteArray path = bytes + QByteArray::fromHex("7fff0400");
        const auto decoded = efi::DevicePath::decode(path);
        QVERIFY(!decoded.isMalformed());
        QVERIFY(decoded.isComplete());
        QCOMPARE(decoded.instances().size(), 1);
        QCOMPARE(decoded.instances().first().size(), 1);
        QCOMPARE(decoded.toText(), text);
        QCOMPARE(efi::virtDevicePathText(path), virt);
        QCOMPARE(decoded.encode(), path);
    }

    void multipleInstances()
    {
        using N = efi::DevicePathNode;
        efi::DevicePath::Instance a{N::acpi(0x0a0341d0, 0), N::pci(1, 0)};
        efi::DevicePath::Instance b{N::usb(1, 0)};
        QByteArray bytes = N::acpi(0x0a0341d0, 0).encode() + N::pci(1, 0).encode() + QByteArray::fromHex("7f010400")
            + N::usb(1, 0).encode() + QByteArray::fromHex("7fff0400");
        const auto p = efi::DevicePath::decode(bytes);
        QCOMPARE(p.instances().size(), 2);
        QCOMPARE(p.toText(), QStringLiteral("PciRoot(0x0)/Pci(0x1,0x0),USB(0x1,0x0)"));
        // virt-fw-vars stops at the first end node.
        QCOMPARE(efi::virtDevicePathText(bytes), QStringLiteral("PciRoot()/PCI(dev=01:0)"));
        QCOMPARE(p.encode(), bytes);
        QVERIFY(p.contains(3, 5));
        QVERIFY(!p.contains(3, 11));
    }

    void randomBytes()
    {
        // Random node soup (plausible types and lengths, garbage payloads): no crash, and every
        // path that decodes cleanly re-encodes to its input.
        QRandomGenerator rng(7);
        for (int i = 0; i < 3000; ++i) {
            QByteArray bytes;
            const int nodes = int(rng.bounded(6));
            for (int n = 0; n < nodes; ++n) {
                const quint8 type = quint8(rng.bounded(1, 6));
                const quint8 sub = quint8(rng.bounded(0, 0x20));
                const int len = int(rng.bounded(0, 64));
                QByteArray node(4 + len, '\0');
                node[0] = char(type);
                node[1] = char(sub);
                efi::put16(node.data() + 2, quint16(i % 13 == 0 ? rng.bounded(0, 0x10000) : 4 + len));
                for (int b = 0; b < len; ++b)
                    node[4 + b] = char(rng.bounded(256));
                bytes += node;
            }
            if (i % 3)
                bytes += QByteArray::fromHex("7fff0400");
            const auto p = efi::DevicePath::decode(bytes);
            (void)p.toText();
            (void)efi::virtDevicePathText(bytes);
            if (!p.isMalformed())
                QCOMPARE(p.encode(), bytes);
        }
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("short header") << QByteArray::fromHex("0301");
        QTest::newRow("length below 4") << QByteArray::fromHex("03050200");
        QTest::newRow("length past end") << QByteArray::fromHex("0305ff00");
        QTest::newRow("no end node") << QByteArray::fromHex("030506000100");
        QTest::newRow("bytes after end") << QByteArray::fromHex("7fff0400aa");
        QTest::newRow("zero length loop") << QByteArray::fromHex("03050000030500007fff0400");
    }
    void malformed()
    {
        QFETCH(QByteArray, bytes);
        const auto p = efi::DevicePath::decode(bytes);
        QVERIFY(p.isMalformed());
        (void)p.toText();
        (void)efi::virtDevicePathText(bytes);
    }
};

QTEST_GUILESS_MAIN(TestEfiDevicePath)
#include "tst_efidevicepath.moc"
