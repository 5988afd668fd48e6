#include "api/devicejson.h"
#include "config/labconfigloader.h"

#include <QTest>

// lab.yaml additions of provisioning and consoles: the provisioning/talos section and the
// per-device netconsole/serial settings — parse, write back, and located errors.
class TestProvisionConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        const auto r = LabConfigLoader::loadText("name: x\n", QStringLiteral("lab.yaml"));
        QVERIFY(r.ok());
        const ProvisioningConfig &p = r.config.provisioning;
        QVERIFY(p.workflowsDir.isEmpty());
        QCOMPARE(p.deployKernel, QStringLiteral("kernel8.img"));
        QCOMPARE(p.deployInitrd, QStringLiteral("initramfs.img"));
        QCOMPARE(p.ipaKernel, QStringLiteral("ironic-python-agent.kernel"));
        QVERIFY(p.autoRegister);
        QCOMPARE(p.maxDiscovered, 256);
        QVERIFY(p.talos.factoryUrl.isEmpty());      // no outside traffic unless asked for
        QCOMPARE(p.talos.cacheSizeMiB, Q_INT64_C(20480));
        // Defaults are not written back.
        QVERIFY(!LabConfigWriter::toYaml(r.config).contains("provisioning"));
    }

    void roundTrip()
    {
        const QByteArray yaml = "provisioning:\n"
                                "  workflows_dir: wf\n"
                                "  deploy_dir: /srv/deploy-arm64\n"
                                "  deploy_kernel: alpine/vmlinuz-rpi\n"
                                "  deploy_initrd: alpine/initramfs-rpi\n"
                                "  ipa_kernel: ipa/ipa.kernel\n"
                                "  ipa_ramdisk: ipa/ipa.initramfs\n"
                                "  auto_register: false\n"
                                "  max_discovered: 10\n"
                                "  talos:\n"
                                "    factory_url: https://factory.talos.dev/\n"
                                "    cache_dir: /var/cache/talos\n"
                                "    cache_size_mb: 4096\n"
                                "    timeout: 300\n"
                                "devices:\n"
                                "  \"dc:a6:32:00:00:01\": {name: pi-01, netconsole: true, serial_console: {port: /dev/serial/by-id/usb-FTDI_FT232R-if00-port0, baud: 921600}}\n"
                                "  \"dc:a6:32:00:00:02\": {name: pi-02, serial_console: {port: /dev/ttyUSB1}}\n";
        const auto r = LabConfigLoader::loadText(yaml, QStringLiteral("/etc/metalboot/lab.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        const ProvisioningConfig &p = r.config.provisioning;
        QCOMPARE(p.workflowsDir, QStringLiteral("/etc/metalboot/wf"));    // relative to the file
        QCOMPARE(p.deployDir, QStringLiteral("/srv/deploy-arm64"));
        QCOMPARE(p.deployKernel, QStringLiteral("alpine/vmlinuz-rpi"));
        QVERIFY(!p.autoRegister);
        QCOMPARE(p.maxDiscovered, 10);
        QCOMPARE(p.talos.factoryUrl, QStringLiteral("https://factory.talos.dev"));
        QCOMPARE(p.talos.cacheSizeMiB, Q_INT64_C(4096));
        QCOMPARE(p.talos.timeoutSeconds, 300);
        const DeviceConfig &d1 = r.config.devices.at(0);
        QVERIFY(d1.netconsole);
        QCOMPARE(d1.serialPort, QStringLiteral("/dev/serial/by-id/usb-FTDI_FT232R-if00-port0"));
        QCOMPARE(d1.serialBaud, 921600);
        QCOMPARE(r.config.devices.at(1).serialBaud, 115200);
        QVERIFY(!r.config.devices.at(1).netconsole);

        const QByteArray written = LabConfigWriter::toYaml(r.config);
        const auto again = LabConfigLoader::loadText(written, QStringLiteral("/etc/metalboot/lab.yaml"));
        QVERIFY2(again.ok(), qPrintable(again.errorText() + QLatin1Char('\n') + QString::fromUtf8(written)));
        QCOMPARE(again.config.provisioning.talos.factoryUrl, p.talos.factoryUrl);
        QCOMPARE(again.config.provisioning.deployKernel, p.deployKernel);
        QCOMPARE(again.config.provisioning.maxDiscovered, 10);
        QCOMPARE(again.config.devices.at(0).serialBaud, 921600);
        QVERIFY(again.config.devices.at(0).netconsole);
        QCOMPARE(again.config.devices.at(1).serialPort, QStringLiteral("/dev/ttyUSB1"));

        // The management API's device JSON carries them too, validated by the same parser.
        const QJsonObject json = devicejson::toJson(d1);
        QCOMPARE(json.value(QStringLiteral("netconsole")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("serial_console")).toObject().value(QStringLiteral("baud")).toInt(), 921600);
        DeviceConfig back;
        ConfigErrors errors;
        QVERIFY(devicejson::fromJson(json, d1.mac, &back, &errors));
        QCOMPARE(back.serialPort, d1.serialPort);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const QByteArray &yaml, const char *expected) {
            QTest::newRow(name) << yaml << QString::fromLatin1(expected);
        };
        row("unknown key", "provisioning:\n  workflow_dir: x\n", "lab.yaml:2:3: provisioning.workflow_dir: unknown key");
        row("kernel traversal", "provisioning:\n  deploy_kernel: ../../etc/shadow\n",
            "lab.yaml:2:18: provisioning.deploy_kernel: expected a relative file name");
        row("kernel absolute", "provisioning:\n  ipa_kernel: /boot/vmlinuz\n", "lab.yaml:2:15: provisioning.ipa_kernel: expected a relative file name");
        row("max discovered", "provisioning:\n  max_discovered: -1\n", "lab.yaml:2:19: provisioning.max_discovered: expected an integer between 0 and 100000");
        row("auto register", "provisioning:\n  auto_register: maybe\n", "lab.yaml:2:18: provisioning.auto_register: expected true or false");
        row("factory url", "provisioning:\n  talos:\n    factory_url: factory.talos.dev\n",
            "lab.yaml:3:18: provisioning.talos.factory_url: expected an http:// or https:// URL");
        row("cache size", "provisioning:\n  talos:\n    cache_size_mb: 0\n", "lab.yaml:3:20: provisioning.talos.cache_size_mb: expected an integer between 1 and");
        row("talos key", "provisioning:\n  talos:\n    schematic: x\n", "lab.yaml:3:5: provisioning.talos.schematic: unknown key");
        row("netconsole bool", "devices:\n  \"dc:a6:32:00:00:01\": {netconsole: please}\n",
            "lab.yaml:2:37: devices.dc:a6:32:00:00:01.netconsole: expected true or false");
        row("serial no port", "devices:\n  \"dc:a6:32:00:00:01\": {serial_console: {baud: 9600}}\n",
            "lab.yaml:2:41: devices.dc:a6:32:00:00:01.serial_console: serial_console needs 'port'");
        row("serial relative", "devices:\n  \"dc:a6:32:00:00:01\": {serial_console: {port: ttyUSB0}}\n",
            "lab.yaml:2:48: devices.dc:a6:32:00:00:01.serial_console.port: expected an absolute device path");
        row("serial baud", "devices:\n  \"dc:a6:32:00:00:01\": {serial_console: {port: /dev/ttyUSB0, baud: 0}}\n",
            "lab.yaml:2:68: devices.dc:a6:32:00:00:01.serial_console.baud: expected an integer between 50 and 4000000");
        row("console ports clash", "services:\n  consoles: {netconsole_port: 7000, syslog_port: 7000}\n",
            "services.consoles.syslog_port: syslog_port must differ from netconsole_port");
    }
    void errors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const auto r = LabConfigLoader::loadText(yaml, QStringLiteral("lab.yaml"));
        QVERIFY(!r.ok());
        QVERIFY2(r.errorText().contains(expected), qPrintable(r.errorText()));
    }
};

QTEST_GUILESS_MAIN(TestProvisionConfig)
#include "tst_provisionconfig.moc"
