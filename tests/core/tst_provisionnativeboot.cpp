#include "provision/nativeboot.h"
#include "provisiontesthelpers.h"

#include <QTest>

using lifecycle::State;
using provision::BootFileSource;
using provision::NativeMode;

// The native Pi boot files, table-driven: config.txt and cmdline.txt for every state and
// install method, the per-serial file map (firmware, DTB, overlays, kernels), and refusals.
class TestProvisionNativeBoot : public QObject
{
    Q_OBJECT

    static provision::NativeBootDevice pi()
    {
        provision::NativeBootDevice d;
        d.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
        d.serial = QStringLiteral("d83add36");
        d.name = QStringLiteral("pi-07");
        d.model = QStringLiteral("pi4");
        return d;
    }
    static provision::NativeBootContext context()
    {
        provision::NativeBootContext c;
        c.httpBaseUrl = QStringLiteral("http://192.168.1.10:8080");
        c.token = QByteArray("TOKEN-abc_123");
        return c;
    }
    static provision::Workflow image()
    {
        provision::Workflow w;
        w.id = QStringLiteral("pi-ubuntu");
        w.method = provision::InstallMethod::Image;
        w.imageUrl = QStringLiteral("/images/ubuntu-24.04-arm64.img.xz");
        w.imageChecksum = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));
        w.configTxt = {QStringLiteral("dtoverlay=disable-bt"), QStringLiteral("gpu_mem=16")};
        w.cmdline = QStringLiteral("cgroup_enable=memory");
        return w;
    }
    static provision::Workflow nfs()
    {
        provision::Workflow w;
        w.id = QStringLiteral("pi-diskless");
        w.method = provision::InstallMethod::Nfs;
        w.nfsServer = QStringLiteral("192.168.1.10");
        w.nfsBasePath = QStringLiteral("/nfsroot");
        w.nfsImage = QStringLiteral("ubuntu-arm64");
        w.kernel = QStringLiteral("nfs/vmlinuz-6.6");
        return w;
    }
    static provision::Workflow script()
    {
        provision::Workflow w;
        w.id = QStringLiteral("raspios-installer");
        w.method = provision::InstallMethod::Script;
        w.scriptUrl = QStringLiteral("http://files.lab/install.sh");
        return w;
    }

private Q_SLOTS:
    void perState_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("workflow");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("cmdline");
        QTest::addColumn<QString>("configTxt");
        const QString common = QStringLiteral("console=serial0,115200 console=tty1 ip=dhcp metalboot.server=http://192.168.1.10:8080 "
                                              "metalboot.serial=d83add36 metalboot.mac=dc:a6:32:01:36:c2 "
                                              "metalboot.node_id=dc-a6-32-01-36-c2 ");
        const QString instr = QStringLiteral("metalboot.instructions=http://192.168.1.10:8080/api/v1/boot/pi?serial=d83add36&mac=dc:a6:32:01:36:c2");
        const QString node = QStringLiteral("http://192.168.1.10:8080/api/v1/nodes/dc-a6-32-01-36-c2/");
        const QString callbacks = QStringLiteral(" metalboot.callback=%1installed metalboot.failed=%1install-failed metalboot.progress=%1progress").arg(node);
        const QString cfgHead = QStringLiteral("arm_64bit=1\nkernel=kernel8.img\ninitramfs initramfs.img followkernel\n"
                                               "device_tree=bcm2711-rpi-4-b.dtb\nenable_uart=1\nuart_2ndstage=1\ndisable_splash=1\nboot_delay=0\n");
        const auto row = [](const char *name, const QString &state, const QString &wf, const QString &mode, const QString &cmd, const QString &cfg) {
            QTest::newRow(name) << state << wf << mode << cmd << cfg;
        };
        row("discovered", QStringLiteral("discovered"), QString(), QStringLiteral("discovery"),
            common + QStringLiteral("metalboot.state=discovered metalboot.mode=discovery metalboot.token=TOKEN-abc_123 "
                                    "metalboot.register=http://192.168.1.10:8080/api/v1/nodes/register-pi ") + instr,
            cfgHead);
        row("ready", QStringLiteral("ready"), QStringLiteral("image"), QStringLiteral("wait"),
            common + QStringLiteral("metalboot.state=ready metalboot.mode=wait metalboot.token=TOKEN-abc_123 ") + instr, cfgHead);
        row("failed", QStringLiteral("failed"), QStringLiteral("image"), QStringLiteral("wait"),
            common + QStringLiteral("metalboot.state=failed metalboot.mode=wait metalboot.token=TOKEN-abc_123 ") + instr, cfgHead);
        row("install image", QStringLiteral("provisioning"), QStringLiteral("image"), QStringLiteral("install"),
            common + QStringLiteral("metalboot.state=provisioning metalboot.mode=install metalboot.token=TOKEN-abc_123 "
                                    "metalboot.workflow=pi-ubuntu ") + instr
                + QStringLiteral(" metalboot.image_url=http://192.168.1.10:8080/images/ubuntu-24.04-arm64.img.xz "
                                 "metalboot.image_checksum=sha256:%1 metalboot.target=/dev/mmcblk0").arg(QString(64, QLatin1Char('b')))
                + callbacks + QStringLiteral(" cgroup_enable=memory"),
            cfgHead + QStringLiteral("dtoverlay=disable-bt\ngpu_mem=16\n"));
        row("reprovision image", QStringLiteral("reprovision"), QStringLiteral("image"), QStringLiteral("install"),
            common + QStringLiteral("metalboot.state=reprovision metalboot.mode=install metalboot.token=TOKEN-abc_123 "
                                    "metalboot.workflow=pi-ubuntu ") + instr
                + QStringLiteral(" metalboot.image_url=http://192.168.1.10:8080/images/ubuntu-24.04-arm64.img.xz "
                                 "metalboot.image_checksum=sha256:%1 metalboot.target=/dev/mmcblk0").arg(QString(64, QLatin1Char('b')))
                + callbacks + QStringLiteral(" cgroup_enable=memory"),
            cfgHead + QStringLiteral("dtoverlay=disable-bt\ngpu_mem=16\n"));
        row("install nfs", QStringLiteral("provisioning"), QStringLiteral("nfs"), QStringLiteral("install"),
            common + QStringLiteral("metalboot.state=provisioning metalboot.mode=nfs metalboot.token=TOKEN-abc_123 "
                                    "metalboot.workflow=pi-diskless ") + instr
                + QStringLiteral(" metalboot.nfs_server=192.168.1.10 metalboot.nfs_path=/nfsroot/nodes/d83add36 "
                                 "metalboot.nfs_base=/nfsroot/base/ubuntu-arm64") + callbacks,
            cfgHead);
        row("install script", QStringLiteral("provisioning"), QStringLiteral("script"), QStringLiteral("install"),
            common + QStringLiteral("metalboot.state=provisioning metalboot.mode=script metalboot.token=TOKEN-abc_123 "
                                    "metalboot.workflow=raspios-installer ") + instr
                + QStringLiteral(" metalboot.script_url=http://files.lab/install.sh") + callbacks,
            cfgHead);
        row("nfs root", QStringLiteral("deployed"), QStringLiteral("nfs"), QStringLiteral("nfs-root"),
            QStringLiteral("console=serial0,115200 console=tty1 root=/dev/nfs nfsroot=192.168.1.10:/nfsroot/nodes/d83add36,vers=4,tcp "
                           "rw ip=dhcp rootwait"),
            QStringLiteral("arm_64bit=1\nkernel=kernel8.img\ndevice_tree=bcm2711-rpi-4-b.dtb\nenable_uart=1\nuart_2ndstage=1\n"
                           "disable_splash=1\nboot_delay=0\n"));
        row("local boot", QStringLiteral("deployed"), QStringLiteral("image"), QStringLiteral("local"), QString(), QString());
        row("retired", QStringLiteral("retired"), QString(), QStringLiteral("none"), QString(), QString());
        row("workflow missing", QStringLiteral("provisioning"), QString(), QStringLiteral("wait"),
            common + QStringLiteral("metalboot.state=provisioning metalboot.mode=wait metalboot.token=TOKEN-abc_123 ") + instr, cfgHead);
    }
    void perState()
    {
        QFETCH(QString, state);
        QFETCH(QString, workflow);
        QFETCH(QString, mode);
        QFETCH(QString, cmdline);
        QFETCH(QString, configTxt);
        const provision::Workflow img = image(), nf = nfs(), sc = script();
        const provision::Workflow *w = workflow == QLatin1String("image") ? &img
                                     : workflow == QLatin1String("nfs")   ? &nf
                                     : workflow == QLatin1String("script") ? &sc
                                                                           : nullptr;
        const auto files = provision::piBootFiles(pi(), *lifecycle::parse(state), w, context());
        QVERIFY2(files.ok, qPrintable(files.error));
        QCOMPARE(provision::nativeModeName(files.mode), mode);
        if (cmdline.isEmpty()) {
            QVERIFY(files.refuseNetboot);
            QVERIFY(files.files.isEmpty());
            QVERIFY(!provision::resolvePiFile(files, QStringLiteral("start4.elf")));
            QVERIFY(!provision::resolvePiFile(files, QStringLiteral("cmdline.txt")));
            return;
        }
        QVERIFY(!files.refuseNetboot);
        QCOMPARE(QString::fromUtf8(files.cmdlineTxt), cmdline + QLatin1Char('\n'));
        QCOMPARE(files.kernelArgs.join(QLatin1Char(' ')), cmdline);
        // The first config.txt line is a comment naming the device and state.
        const QString cfg = QString::fromUtf8(files.configTxt);
        QVERIFY2(cfg.startsWith(QStringLiteral("# Metal Boot: pi-07 (dc:a6:32:01:36:c2), serial d83add36: state %1").arg(state)),
                 qPrintable(cfg));
        QCOMPARE(cfg.section(QLatin1Char('\n'), 1), configTxt);
        // The generated files are served as generated.
        const auto c = provision::resolvePiFile(files, QStringLiteral("cmdline.txt"));
        QVERIFY(c && c->kind == BootFileSource::Kind::Generated && c->bytes == files.cmdlineTxt);
        QVERIFY(provision::resolvePiFile(files, QStringLiteral("config.txt"))->bytes == files.configTxt);
        // The token never reaches a deployed OS.
        if (mode == QLatin1String("nfs-root"))
            QVERIFY(!files.cmdlineTxt.contains("TOKEN"));
    }

    void fileTree_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QStringList>("firmware");
        QTest::addColumn<QString>("dtb");
        const auto row = [](const char *model, const QStringList &fw, const char *dtb) {
            QTest::newRow(model) << QString::fromLatin1(model) << fw << QString::fromLatin1(dtb);
        };
        const QStringList pi4{QStringLiteral("start4.elf"), QStringLiteral("fixup4.dat")};
        const QStringList pi3{QStringLiteral("bootcode.bin"), QStringLiteral("start.elf"), QStringLiteral("fixup.dat")};
        row("pi4", pi4, "bcm2711-rpi-4-b.dtb");
        row("pi400", pi4, "bcm2711-rpi-400.dtb");
        row("cm4", pi4, "bcm2711-rpi-cm4.dtb");
        row("pi3", pi3, "bcm2710-rpi-3-b.dtb");
        row("pi3b+", pi3, "bcm2710-rpi-3-b-plus.dtb");
        row("cm3", pi3, "bcm2710-rpi-cm3.dtb");
        row("pi5", QStringList(), "bcm2712-rpi-5-b.dtb");
        row("unknown-board", pi4, "bcm2711-rpi-4-b.dtb");   // the default model
    }
    void fileTree()
    {
        QFETCH(QString, model);
        QFETCH(QStringList, firmware);
        QFETCH(QString, dtb);
        auto dev = pi();
        dev.model = model;
        const provision::Workflow w = image();
        const auto files = provision::piBootFiles(dev, State::Provisioning, &w, context());
        for (const QString &fw : firmware) {
            const auto src = provision::resolvePiFile(files, fw);
            QVERIFY2(src && src->kind == BootFileSource::Kind::Firmware && src->path == fw, qPrintable(fw));
        }
        const auto d = provision::resolvePiFile(files, dtb);
        QVERIFY(d && d->kind == BootFileSource::Kind::Firmware);
        QVERIFY(files.configTxt.contains(QByteArray("device_tree=" + dtb.toLatin1() + '\n')));
        // The deploy environment comes from the deploy directory.
        const auto k = provision::resolvePiFile(files, QStringLiteral("kernel8.img"));
        QVERIFY(k && k->kind == BootFileSource::Kind::Deploy && k->path == QStringLiteral("kernel8.img"));
        const auto i = provision::resolvePiFile(files, QStringLiteral("initramfs.img"));
        QVERIFY(i && i->kind == BootFileSource::Kind::Deploy && i->path == QStringLiteral("initramfs.img"));
        // Overlays: the workflow's and any the firmware asks for; nothing else.
        QCOMPARE(files.overlays, QStringList{QStringLiteral("overlays/disable-bt.dtbo")});
        QVERIFY(provision::resolvePiFile(files, QStringLiteral("overlays/disable-bt.dtbo")));
        QVERIFY(provision::resolvePiFile(files, QStringLiteral("overlays/miniuart-bt.dtbo")));
        QVERIFY(!provision::resolvePiFile(files, QStringLiteral("overlays/../../etc/passwd.dtbo")));
        QVERIFY(!provision::resolvePiFile(files, QStringLiteral("overlays/.hidden.dtbo")));
        QVERIFY(!provision::resolvePiFile(files, QStringLiteral("vmlinuz")));
        QVERIFY(!provision::resolvePiFile(files, QStringLiteral("../d83add37/cmdline.txt")));
    }

    void nfsRootKernelFromTftpRoot()
    {
        provision::Workflow w = nfs();
        w.initrd = QStringLiteral("nfs/initrd.img-6.6");
        const auto files = provision::piBootFiles(pi(), State::Deployed, &w, context());
        const auto k = provision::resolvePiFile(files, QStringLiteral("kernel8.img"));
        QVERIFY(k && k->kind == BootFileSource::Kind::TftpRoot && k->path == QStringLiteral("nfs/vmlinuz-6.6"));
        const auto i = provision::resolvePiFile(files, QStringLiteral("initramfs.img"));
        QVERIFY(i && i->kind == BootFileSource::Kind::TftpRoot && i->path == QStringLiteral("nfs/initrd.img-6.6"));
        QVERIFY(files.configTxt.contains("initramfs initramfs.img followkernel\n"));
    }

    void deviceOverridesAndNetconsole()
    {
        auto dev = pi();
        dev.console = QStringLiteral("ttyAMA0,115200");
        dev.osie.kernel = QStringLiteral("alpine/vmlinuz-rpi");
        dev.osie.initrd = QStringLiteral("alpine/initramfs-rpi");
        dev.osie.cmdline = QStringLiteral("  modules=loop,squashfs   debug ");
        auto ctx = context();
        ctx.netconsoleArgument = QStringLiteral("netconsole=+6665@/,6666@192.168.1.10/");
        const auto files = provision::piBootFiles(dev, State::Discovered, nullptr, ctx);
        QVERIFY(files.ok);
        QCOMPARE(files.kernelArgs.first(), QStringLiteral("console=ttyAMA0,115200"));
        QCOMPARE(files.kernelArgs.at(1), QStringLiteral("ip=dhcp"));
        QCOMPARE(files.kernelArgs.at(2), QStringLiteral("netconsole=+6665@/,6666@192.168.1.10/"));
        QCOMPARE(files.kernelArgs.mid(files.kernelArgs.size() - 2).join(QLatin1Char(' ')), QStringLiteral("modules=loop,squashfs debug"));
        QCOMPARE(provision::resolvePiFile(files, QStringLiteral("kernel8.img"))->path, QStringLiteral("alpine/vmlinuz-rpi"));
        QCOMPARE(provision::resolvePiFile(files, QStringLiteral("initramfs.img"))->path, QStringLiteral("alpine/initramfs-rpi"));
    }

    void unknownSerialGetsDiscovery()
    {
        provision::NativeBootDevice dev;
        dev.serial = QStringLiteral("0badc0de");
        provision::NativeBootContext ctx = context();
        ctx.token.clear();
        const auto files = provision::piBootFiles(dev, State::Discovered, nullptr, ctx);
        QVERIFY(files.ok);
        QCOMPARE(files.mode, NativeMode::Discovery);
        const QString cmd = QString::fromUtf8(files.cmdlineTxt);
        QVERIFY(cmd.contains(QStringLiteral("metalboot.serial=0badc0de")));
        QVERIFY(cmd.contains(QStringLiteral("metalboot.mode=discovery")));
        QVERIFY(!cmd.contains(QStringLiteral("metalboot.mac=")));
        QVERIFY(!cmd.contains(QStringLiteral("metalboot.token=")));
        QVERIFY(cmd.contains(QStringLiteral("metalboot.instructions=http://192.168.1.10:8080/api/v1/boot/pi?serial=0badc0de\n")));
        QVERIFY(files.configTxt.startsWith("# Metal Boot: unknown Pi (MAC not yet known), serial 0badc0de"));
        QVERIFY(provision::resolvePiFile(files, QStringLiteral("start4.elf")));
    }

    void refusesBadCommandLines()
    {
        auto dev = pi();
        dev.osie.cmdline = QStringLiteral("init=\"/bin/sh\"");
        auto files = provision::piBootFiles(dev, State::Discovered, nullptr, context());
        QVERIFY(!files.ok);
        QVERIFY(files.error.contains(QStringLiteral("not a single printable argument")));
        QVERIFY(!provision::resolvePiFile(files, QStringLiteral("cmdline.txt")));

        dev = pi();
        dev.osie.cmdline = QStringLiteral("x=") + QString(2040, QLatin1Char('a'));
        files = provision::piBootFiles(dev, State::Discovered, nullptr, context());
        QVERIFY(!files.ok);
        QVERIFY2(files.error.contains(QStringLiteral("the limit is 2048")), qPrintable(files.error));
    }

    void urls()
    {
        const MacAddress mac = *MacAddress::parse(QStringLiteral("DC-A6-32-01-36-C2"));
        QCOMPARE(provision::nodeId(mac), QStringLiteral("dc-a6-32-01-36-c2"));
        QCOMPARE(provision::nodeUrl(QStringLiteral("http://h:1"), mac, QStringLiteral("installed")),
                 QStringLiteral("http://h:1/api/v1/nodes/dc-a6-32-01-36-c2/installed"));
        QCOMPARE(provision::resolveServerUrl(QStringLiteral("http://h:1"), QStringLiteral("/a/b.img")), QStringLiteral("http://h:1/a/b.img"));
        QCOMPARE(provision::resolveServerUrl(QStringLiteral("http://h:1"), QStringLiteral("https://x/y")), QStringLiteral("https://x/y"));
        QVERIFY(provision::isPiSerial(QStringLiteral("d83add36")));
        QVERIFY(!provision::isPiSerial(QStringLiteral("D83ADD36")));
        QVERIFY(!provision::isPiSerial(QStringLiteral("d83add3")));
        QVERIFY(!provision::isPiSerial(QStringLiteral("12a45678/")));
    }
};

QTEST_GUILESS_MAIN(TestProvisionNativeBoot)
#include "tst_provisionnativeboot.moc"
