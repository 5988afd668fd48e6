#include "devices/deviceregistry.h"
#include "tftp/tftpfiletree.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

MacAddress mac(const char *text)
{
    return *MacAddress::parse(QLatin1String(text));
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(data);
}

} // namespace

class TestTftpFileTree : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_root;
    QString m_ipxe;
    QList<DeviceConfig> m_devices;
    const QHostAddress m_server{QStringLiteral("10.77.0.1")};
    const QHostAddress m_piIp{QStringLiteral("10.77.0.50")};
    const QHostAddress m_otherIp{QStringLiteral("10.77.0.60")};

    TftpConfig config(PiPrefixMode mode = PiPrefixMode::Serial) const
    {
        TftpConfig c;
        c.root = m_root;
        c.ipxeDir = m_ipxe;
        c.piPrefix = mode;
        if (mode == PiPrefixMode::Fixed)
            c.piPrefixString = QStringLiteral("tftp_test/");
        return c;
    }

    struct Fixture
    {
        DeviceRegistry registry{nullptr};
        TftpFileTree tree;
        QHash<QHostAddress, MacAddress> neighbours;
    };

    std::unique_ptr<Fixture> fixture(PiPrefixMode mode = PiPrefixMode::Serial)
    {
        auto f = std::make_unique<Fixture>();
        f->registry.applyConfig(m_devices);
        f->tree.setConfig(config(mode), QString());
        f->tree.setDevices(m_devices);
        f->tree.setRegistry(&f->registry);
        Fixture *raw = f.get();
        f->tree.setNeighbourLookup([raw](const QHostAddress &ip) { return raw->neighbours.value(ip); });
        f->tree.setHttpBaseUrl(QStringLiteral("http://10.77.0.1:8080"));
        return f;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_root = m_tmp.path() + QStringLiteral("/root");
        m_ipxe = m_tmp.path() + QStringLiteral("/ipxe");
        writeFile(m_root + QStringLiteral("/rpi-firmware/start4.elf"), "shared start4");
        writeFile(m_root + QStringLiteral("/rpi-firmware/fixup4.dat"), "fixup");
        writeFile(m_root + QStringLiteral("/rpi-firmware/RPI_EFI.fd"), "stock firmware");
        writeFile(m_root + QStringLiteral("/rpi-firmware/overlays/upstream-pi4.dtbo"), "dtbo");
        writeFile(m_root + QStringLiteral("/9ffefdef/kernel8.img"), "kernel of pi-07");
        writeFile(m_root + QStringLiteral("/9ffefdef/config.txt"), "# {name} custom\narmstub=RPI_EFI.fd\n");
        writeFile(m_root + QStringLiteral("/dc-a6-32-00-00-02/start4.elf"), "start4 of pi-02");
        writeFile(m_root + QStringLiteral("/discovery/kernel8.img"), "discovery kernel");
        writeFile(m_root + QStringLiteral("/static.txt"), "static");
        writeFile(m_root + QStringLiteral("/config.txt"), "root config");
        writeFile(m_root + QStringLiteral("/snponly.efi"), "user snponly");
        writeFile(m_tmp.path() + QStringLiteral("/outside/secret"), "secret");
        QCOMPARE(::symlink("../../outside/secret", QFile::encodeName(m_root + QStringLiteral("/9ffefdef/escape")).constData()), 0);
        writeFile(m_ipxe + QStringLiteral("/ipxe.efi"), "ipxe efi");
        writeFile(m_ipxe + QStringLiteral("/snponly.efi"), "packaged snponly");

        DeviceConfig pi07;
        pi07.mac = mac("dc:a6:32:01:36:c2");
        pi07.name = QStringLiteral("pi-07");
        pi07.serial = QStringLiteral("9ffefdef");
        pi07.model = QStringLiteral("pi4");
        DeviceConfig pi02;
        pi02.mac = mac("dc:a6:32:00:00:02");
        pi02.name = QStringLiteral("pi-02");
        pi02.serial = QStringLiteral("6b1d0002");
        pi02.model = QStringLiteral("pi4");
        pi02.bootMode = BootMode::Native;
        pi02.osie.kernel = QStringLiteral("vmlinuz-6.1");
        pi02.osie.initrd = QStringLiteral("initrd.img-6.1");
        m_devices = {pi07, pi02};
    }

    void serialPrefix()
    {
        auto f = fixture();
        auto r = f->tree.resolve(QStringLiteral("9ffefdef/start4.elf"), m_piIp, m_server);
        QVERIFY(r.ok);
        QCOMPARE(r.provider, QStringLiteral("pi-firmware"));
        QCOMPARE(r.mac, mac("dc:a6:32:01:36:c2"));
        QCOMPARE(r.stage, BootStage::Tftp);
        QVERIFY(r.prefixed);
        QVERIFY(!r.discovered);
        QCOMPARE(r.name, QStringLiteral("start4.elf"));
        QVERIFY(r.file.canonicalPath.endsWith(QLatin1String("/rpi-firmware/start4.elf")));
        // The prefix also reached the registry: the device's IP and last-seen are refreshed.
        QCOMPARE(f->registry.find(r.mac)->ip, m_piIp);

        r = f->tree.resolve(QStringLiteral("9ffefdef/kernel8.img"), m_piIp, m_server);
        QCOMPARE(r.provider, QStringLiteral("device"));
        QCOMPARE(r.stage, BootStage::OsLoading);
        r = f->tree.resolve(QStringLiteral("9ffefdef/overlays/upstream-pi4.dtbo"), m_piIp, m_server);
        QCOMPARE(r.provider, QStringLiteral("pi-firmware"));
        r = f->tree.resolve(QStringLiteral("9ffefdef/start.elf"), m_piIp, m_server);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, tftp::ErrorCode::FileNotFound);
    }

    void generatedPerDevice()
    {
        auto f = fixture();
        // pi-07 has its own config.txt template in its directory.
        auto r = f->tree.resolve(QStringLiteral("9ffefdef/config.txt"), m_piIp, m_server);
        QVERIFY(r.ok);
        QCOMPARE(r.provider, QStringLiteral("generated"));
        QVERIFY(r.inMemory);
        QCOMPARE(r.bytes, QByteArray("# pi-07 custom\narmstub=RPI_EFI.fd\n"));
        QCOMPARE(r.stage, BootStage::Tftp);
        r = f->tree.resolve(QStringLiteral("9ffefdef/cmdline.txt"), m_piIp, m_server);
        QVERIFY(r.bytes.contains("metalboot.mac=dc:a6:32:01:36:c2 metalboot.serial=9ffefdef"));
        QVERIFY(r.bytes.contains("metalboot.server=http://10.77.0.1:8080"));

        // pi-02 boots natively: its config names its own kernel and initrd; MAC prefix mode.
        auto m = fixture(PiPrefixMode::Mac);
        r = m->tree.resolve(QStringLiteral("dc-a6-32-00-00-02/config.txt"), m_otherIp, m_server);
        QVERIFY(r.ok);
        QVERIFY(r.bytes.contains("kernel=vmlinuz-6.1\n"));
        QVERIFY(r.bytes.contains("initramfs initrd.img-6.1 followkernel\n"));
        QVERIFY(!r.bytes.contains("armstub"));
        // and the UEFI one for pi-07 through its MAC prefix carries tftp_prefix=2.
        r = m->tree.resolve(QStringLiteral("dc-a6-32-01-36-c2/cmdline.txt"), m_piIp, m_server);
        QVERIFY(r.bytes.contains("metalboot.serial=9ffefdef"));
        QVERIFY(m->tree.resolve(QStringLiteral("dc-a6-32-00-00-02/vmlinuz-6.1"), m_otherIp, m_server).error == tftp::ErrorCode::FileNotFound);
        QCOMPARE(TftpFileTree::stageFor(QStringLiteral("vmlinuz-6.1"), QStringLiteral("static"), true, m_devices.at(1).osie), BootStage::OsLoading);
    }

    void macPrefix()
    {
        auto f = fixture(PiPrefixMode::Mac);
        auto r = f->tree.resolve(QStringLiteral("dc-a6-32-00-00-02/start4.elf"), m_otherIp, m_server);
        QVERIFY(r.ok);
        QCOMPARE(r.provider, QStringLiteral("device"));
        QCOMPARE(r.mac, mac("dc:a6:32:00:00:02"));
        // pi-07's files through its MAC: its serial directory is still its own directory.
        r = f->tree.resolve(QStringLiteral("dc-a6-32-01-36-c2/kernel8.img"), m_piIp, m_server);
        QCOMPARE(r.provider, QStringLiteral("device"));
        QCOMPARE(r.bytes, QByteArray());
        QVERIFY(r.file.canonicalPath.endsWith(QLatin1String("/9ffefdef/kernel8.img")));
        // An unknown MAC prefix registers the device (MAC known from the path).
        const int before = f->registry.count();
        r = f->tree.resolve(QStringLiteral("dc-a6-32-aa-bb-cc/start4.elf"), QHostAddress(QStringLiteral("10.77.0.77")), m_server);
        QVERIFY(r.ok);
        QVERIFY(r.discovered);
        QCOMPARE(f->registry.count(), before + 1);
        QCOMPARE(f->registry.find(mac("dc:a6:32:aa:bb:cc"))->model, QStringLiteral("pi4"));
        QCOMPARE(r.provider, QStringLiteral("pi-firmware"));
    }

    void discoveryOfUnknownSerial()
    {
        auto f = fixture();
        const QHostAddress ip(QStringLiteral("10.77.0.99"));
        const MacAddress newPi = mac("e4:5f:01:12:34:56");
        f->neighbours.insert(ip, newPi);
        const int before = f->registry.count();
        auto r = f->tree.resolve(QStringLiteral("12345678/start4.elf"), ip, m_server);
        QVERIFY(r.ok);
        QCOMPARE(r.provider, QStringLiteral("pi-firmware"));
        QVERIFY(r.discovered);
        QCOMPARE(r.mac, newPi);
        QCOMPARE(f->registry.count(), before + 1);
        const DeviceInfo *d = f->registry.find(newPi);
        QVERIFY(d);
        QCOMPARE(d->serial, QStringLiteral("12345678"));
        QCOMPARE(d->ip, ip);
        QVERIFY(!d->adopted);
        // Second request: known now, not discovered again.
        r = f->tree.resolve(QStringLiteral("12345678/fixup4.dat"), ip, m_server);
        QVERIFY(r.ok);
        QVERIFY(!r.discovered);
        QCOMPARE(f->registry.count(), before + 1);
        // Files the shared firmware lacks come from the discovery set.
        r = f->tree.resolve(QStringLiteral("12345678/kernel8.img"), ip, m_server);
        QCOMPARE(r.provider, QStringLiteral("discovery"));
        // A discovered device gets generated files with default (UEFI) settings.
        r = f->tree.resolve(QStringLiteral("12345678/config.txt"), ip, m_server);
        QVERIFY(r.bytes.contains("armstub=RPI_EFI.fd"));
        QVERIFY(r.bytes.contains("serial 12345678"));
        // An adopted device never gets the discovery set.
        QVERIFY(!f->tree.resolve(QStringLiteral("9ffefdef/discovery-only"), m_piIp, m_server).ok);
        writeFile(m_root + QStringLiteral("/discovery/discovery-only"), "x");
        QVERIFY(!f->tree.resolve(QStringLiteral("9ffefdef/discovery-only"), m_piIp, m_server).ok);
        QVERIFY(f->tree.resolve(QStringLiteral("12345678/discovery-only"), ip, m_server).ok);
    }

    void discoveryUsesDhcpRecordedIp()
    {
        auto f = fixture();
        // The DHCP service saw this Pi (MAC + leased IP) but not its serial.
        const MacAddress seen = mac("d8:3a:dd:00:00:09");
        const QHostAddress ip(QStringLiteral("10.77.0.109"));
        f->registry.observe(seen, {}, {}, ip);
        auto r = f->tree.resolve(QStringLiteral("abcdef12/start4.elf"), ip, m_server);
        QVERIFY(r.ok);
        QCOMPARE(r.mac, seen);
        QVERIFY(!r.discovered);   // known by MAC already; the serial is learnt now
        QCOMPARE(f->registry.find(seen)->serial, QStringLiteral("abcdef12"));
        QCOMPARE(f->registry.findBySerial(QStringLiteral("abcdef12"))->mac, seen);
    }

    void serialOfAnotherDeviceDoesNotRenameIt()
    {
        auto f = fixture();
        // The neighbour table says this address is pi-07 (serial 9ffefdef), but it asks with another
        // serial: it is not pi-07, and pi-07 keeps its serial.
        f->neighbours.insert(m_otherIp, mac("dc:a6:32:01:36:c2"));
        auto r = f->tree.resolve(QStringLiteral("12345678/start4.elf"), m_otherIp, m_server);
        QVERIFY(r.ok);
        QVERIFY(!r.mac.isValid());
        QCOMPARE(f->registry.find(mac("dc:a6:32:01:36:c2"))->serial, QStringLiteral("9ffefdef"));
    }

    void unknownSerialWithoutMac()
    {
        auto f = fixture();
        const int before = f->registry.count();
        auto r = f->tree.resolve(QStringLiteral("0badc0de/start4.elf"), QHostAddress(QStringLiteral("10.77.0.123")), m_server);
        QVERIFY(r.ok);   // still boots from the shared firmware
        QCOMPARE(r.provider, QStringLiteral("pi-firmware"));
        QVERIFY(!r.mac.isValid());
        QVERIFY(!r.discovered);
        QCOMPARE(f->registry.count(), before);
    }

    void fixedPrefix()
    {
        auto f = fixture(PiPrefixMode::Fixed);
        f->registry.setIp(mac("dc:a6:32:01:36:c2"), m_piIp);
        auto r = f->tree.resolve(QStringLiteral("tftp_test/start4.elf"), m_piIp, m_server);
        QVERIFY(r.ok);
        QCOMPARE(r.provider, QStringLiteral("pi-firmware"));
        QCOMPARE(r.mac, mac("dc:a6:32:01:36:c2"));   // by the DHCP-recorded IP
        r = f->tree.resolve(QStringLiteral("tftp_test/kernel8.img"), m_piIp, m_server);
        QCOMPARE(r.provider, QStringLiteral("device"));
        r = f->tree.resolve(QStringLiteral("tftp_test/config.txt"), m_piIp, m_server);
        QCOMPARE(r.provider, QStringLiteral("generated"));
        QVERIFY(r.bytes.startsWith("# pi-07 custom"));   // its own template, found through the IP
        // In serial mode a serial-looking prefix that is unknown is not a prefix elsewhere.
        auto s = fixture(PiPrefixMode::Mac);
        r = s->tree.resolve(QStringLiteral("12345678/start4.elf"), QHostAddress(QStringLiteral("10.77.0.200")), m_server);
        QVERIFY(!r.ok);
    }

    void unprefixedRequests()
    {
        auto f = fixture();
        f->registry.setIp(mac("dc:a6:32:01:36:c2"), m_piIp);
        // A known Pi without a prefix gets its generated files and its own directory.
        auto r = f->tree.resolve(QStringLiteral("config.txt"), m_piIp, m_server);
        QCOMPARE(r.provider, QStringLiteral("generated"));
        r = f->tree.resolve(QStringLiteral("kernel8.img"), m_piIp, m_server);
        QCOMPARE(r.provider, QStringLiteral("device"));
        r = f->tree.resolve(QStringLiteral("start4.elf"), m_piIp, m_server);
        QCOMPARE(r.provider, QStringLiteral("pi-firmware"));
        // An unknown non-Pi client gets plain files.
        r = f->tree.resolve(QStringLiteral("config.txt"), m_otherIp, m_server);
        QCOMPARE(r.provider, QStringLiteral("static"));
        QCOMPARE(r.stage, BootStage::Unknown);
        QVERIFY(!f->tree.resolve(QStringLiteral("start4.elf"), m_otherIp, m_server).ok);
        r = f->tree.resolve(QStringLiteral("static.txt"), m_otherIp, m_server);
        QCOMPARE(r.provider, QStringLiteral("static"));
    }

    void ipxeBinaries()
    {
        auto f = fixture();
        auto r = f->tree.resolve(QStringLiteral("ipxe.efi"), m_otherIp, m_server);
        QVERIFY(r.ok);
        QCOMPARE(r.provider, QStringLiteral("ipxe"));
        QCOMPARE(r.stage, BootStage::Ipxe);
        // A user's file in the root wins over the packaged one.
        r = f->tree.resolve(QStringLiteral("snponly.efi"), m_otherIp, m_server);
        QCOMPARE(r.provider, QStringLiteral("static"));
        QCOMPARE(r.stage, BootStage::Ipxe);
        // The default directory is Debian's ipxe package.
        TftpFileTree t;
        t.setConfig(TftpConfig(), m_root);
        QCOMPARE(t.ipxeDir(), QStringLiteral("/usr/lib/ipxe"));
        QCOMPARE(t.piFirmwareDir(), m_root + QStringLiteral("/rpi-firmware"));
        if (QFile::exists(QStringLiteral("/usr/lib/ipxe/undionly.kpxe"))) {
            r = t.resolve(QStringLiteral("undionly.kpxe"), m_otherIp, m_server);
            QVERIFY(r.ok);
            QCOMPARE(r.provider, QStringLiteral("ipxe"));
        }
    }

    void ipxeDirectoryEntrySymlinks()
    {
        // Debian's ipxe package: /usr/lib/ipxe/ipxe.efi -> /boot/ipxe.efi. OVMF's PXE got
        // "Access violation" for it (found by tst_e2e_proxy) while HTTP served the same file.
        writeFile(m_tmp.path() + QStringLiteral("/boot/ipxe-linked.efi"), "linked ipxe");
        QCOMPARE(::symlink("../boot/ipxe-linked.efi", QFile::encodeName(m_ipxe + QStringLiteral("/linked.efi")).constData()), 0);
        QCOMPARE(::symlink("../boot", QFile::encodeName(m_ipxe + QStringLiteral("/bootdir")).constData()), 0);
        QCOMPARE(::symlink("../boot/ipxe-linked.efi", QFile::encodeName(m_root + QStringLiteral("/linked-root.efi")).constData()), 0);
        auto f = fixture();
        auto r = f->tree.resolve(QStringLiteral("linked.efi"), m_otherIp, m_server);
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        QCOMPARE(r.provider, QStringLiteral("ipxe"));
        QString error;
        const int fd = tftp::openFile(r.file, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        char buf[32] = {};
        QCOMPARE(::read(fd, buf, sizeof buf), qsizetype(qstrlen("linked ipxe")));
        ::close(fd);
        QCOMPARE(QByteArray(buf), QByteArray("linked ipxe"));
        // Only top-level entries of the iPXE directory: not through a linked directory, and not
        // from the TFTP root.
        r = f->tree.resolve(QStringLiteral("bootdir/ipxe-linked.efi"), m_otherIp, m_server);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, tftp::ErrorCode::AccessViolation);
        r = f->tree.resolve(QStringLiteral("linked-root.efi"), m_otherIp, m_server);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, tftp::ErrorCode::AccessViolation);
    }

    void firmwareRenderer()
    {
        auto f = fixture(PiPrefixMode::Mac);
        // Without a renderer RPI_EFI.fd is an ordinary file.
        auto r = f->tree.resolve(QStringLiteral("dc-a6-32-01-36-c2/RPI_EFI.fd"), m_piIp, m_server);
        QVERIFY(r.ok);
        QCOMPARE(r.provider, QStringLiteral("pi-firmware"));
        QCOMPARE(r.stage, BootStage::Uefi);
        QVERIFY(r.isFirmware);

        QList<MacAddress> asked;
        f->tree.setFirmwareRenderer([&](const MacAddress &m) -> Result<QByteArray> {
            asked.append(m);
            if (m == mac("dc:a6:32:00:00:02"))
                return Result<QByteArray>::failure(QStringLiteral("no profile"));
            return QByteArray(2 * 1024 * 1024, char(0x5a));
        });
        r = f->tree.resolve(QStringLiteral("dc-a6-32-01-36-c2/RPI_EFI.fd"), m_piIp, m_server);
        QVERIFY(r.ok);
        QCOMPARE(r.provider, QStringLiteral("firmware"));
        QVERIFY(r.inMemory);
        QCOMPARE(r.bytes.size(), 2 * 1024 * 1024);
        QCOMPARE(r.sha256.size(), 64);
        QCOMPARE(r.stage, BootStage::Uefi);
        QCOMPARE(asked, QList<MacAddress>{mac("dc:a6:32:01:36:c2")});
        // Same bytes for another device: one cached buffer.
        auto r2 = f->tree.resolve(QStringLiteral("dc-a6-32-aa-00-01/RPI_EFI.fd"), m_otherIp, m_server);
        QCOMPARE(r2.sha256, r.sha256);
        QCOMPARE(r2.bytes.constData(), r.bytes.constData());
        QCOMPARE(f->tree.firmwareCache().count(), 1);
        // Renderer failure is an error, not a silent fallback to the stock image.
        r = f->tree.resolve(QStringLiteral("dc-a6-32-00-00-02/RPI_EFI.fd"), m_otherIp, m_server);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, tftp::ErrorCode::NotDefined);
        QVERIFY(r.errorMessage.contains(QLatin1String("no profile")));
    }

    void symlinkEscapeIsRefused()
    {
        auto f = fixture();
        auto r = f->tree.resolve(QStringLiteral("9ffefdef/escape"), m_piIp, m_server);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, tftp::ErrorCode::AccessViolation);
        // A shared firmware directory outside the root is a served root of its own.
        TftpConfig c = config();
        c.piFirmwareDir = m_tmp.path() + QStringLiteral("/outside");
        f->tree.setConfig(c, QString());
        r = f->tree.resolve(QStringLiteral("9ffefdef/secret"), m_piIp, m_server);
        QVERIFY(r.ok);
        QCOMPARE(r.provider, QStringLiteral("pi-firmware"));
    }

    void stages_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<bool>("pi");
        QTest::addColumn<int>("stage");
        QTest::newRow("efi") << "RPI_EFI.fd" << "pi-firmware" << true << int(BootStage::Uefi);
        QTest::newRow("start4") << "start4.elf" << "pi-firmware" << true << int(BootStage::Tftp);
        QTest::newRow("dtb") << "bcm2711-rpi-4-b.dtb" << "static" << true << int(BootStage::Tftp);
        QTest::newRow("kernel8") << "kernel8.img" << "device" << true << int(BootStage::OsLoading);
        QTest::newRow("initramfs") << "initramfs.img" << "device" << true << int(BootStage::OsLoading);
        QTest::newRow("ipa kernel") << "ironic-python-agent.kernel" << "static" << false << int(BootStage::OsLoading);
        QTest::newRow("vmlinuz") << "boot/vmlinuz" << "static" << false << int(BootStage::OsLoading);
        QTest::newRow("Image") << "Image" << "static" << false << int(BootStage::OsLoading);
        QTest::newRow("ipxe") << "ipxe.efi" << "static" << false << int(BootStage::Ipxe);
        QTest::newRow("undionly") << "undionly.kpxe" << "ipxe" << false << int(BootStage::Ipxe);
        QTest::newRow("plain") << "readme.txt" << "static" << false << int(BootStage::Unknown);
    }
    void stages()
    {
        QFETCH(QString, name);
        QFETCH(QString, provider);
        QFETCH(bool, pi);
        QTEST(int(TftpFileTree::stageFor(name, provider, pi, OsieConfig())), "stage");
    }

    void piIdentification()
    {
        QVERIFY(TftpFileTree::isPiMac(mac("dc:a6:32:01:36:c2")));
        QVERIFY(TftpFileTree::isPiMac(mac("b8:27:eb:00:00:01")));
        QVERIFY(TftpFileTree::isPiMac(mac("e4:5f:01:00:00:01")));
        QVERIFY(TftpFileTree::isPiMac(mac("d8:3a:dd:00:00:01")));
        QVERIFY(TftpFileTree::isPiMac(mac("28:cd:c1:00:00:01")));
        QVERIFY(!TftpFileTree::isPiMac(mac("52:54:00:12:34:56")));
        QVERIFY(TftpFileTree::isSerial(QStringLiteral("9ffefdef")));
        QVERIFY(!TftpFileTree::isSerial(QStringLiteral("9ffefdeg")));
        QVERIFY(!TftpFileTree::isSerial(QStringLiteral("9ffefde")));
        QVERIFY(TftpFileTree::isPiModel(QStringLiteral("pi4")));
        QVERIFY(TftpFileTree::isPiModel(QStringLiteral("cm4")));
        QVERIFY(!TftpFileTree::isPiModel(QStringLiteral("qemu-x86_64")));
    }
};

QTEST_GUILESS_MAIN(TestTftpFileTree)
#include "tst_tftpfiletree.moc"
