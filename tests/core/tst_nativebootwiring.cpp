#include "labfixture.h"
#include "http/httpservice.h"
#include "tftp/tftpservice.h"
#include "tftptestclient.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

// The native (non-UEFI) Pi boot path end to end inside one engine: the TFTP server asks
// provisioning what a native-boot Pi gets in its serial directory (state-dependent cmdline.txt
// with the deploy environment's parameters, deploy kernel from the deploy dir), while a UEFI
// device keeps the UEFI chain.
class TestNativeBootWiring : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nativeDeviceGetsProvisioningFiles()
    {
        LabFixture fx(QByteArray("devices:\n"
                                 "  \"dc:a6:32:00:00:01\": {name: native-pi, serial: \"6b1d0001\", model: pi4, boot_mode: native}\n"
                                 "  \"dc:a6:32:00:00:02\": {name: uefi-pi, serial: \"6b1d0002\", model: pi4}\n"));
        // Enable TFTP on an ephemeral loopback port.
        QFile f(fx.options.configPath);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray yaml = f.readAll();
        yaml.replace("  tftp: {enabled: false}\n", "  tftp: {address: 127.0.0.1, port: 0}\n");
        f.resize(0);
        f.write(yaml);
        f.close();
        const QString deploy = fx.options.paths.dataDir + QStringLiteral("/deploy-arm64");
        QVERIFY(QDir().mkpath(deploy));
        QFile kernel(deploy + QStringLiteral("/kernel8.img"));
        QVERIFY(kernel.open(QIODevice::WriteOnly));
        kernel.write(QByteArray(3000, 'K'));
        kernel.close();

        LabEngine engine(fx.options);
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        QVERIFY(engine.tftp()->isRunning());
        TftpTestClient client(engine.tftp()->port());

        auto cmdline = client.get("6b1d0001/cmdline.txt");
        QVERIFY2(cmdline.ok, qPrintable(cmdline.message));
        QVERIFY2(cmdline.data.contains("metalboot.serial=6b1d0001"), cmdline.data.constData());
        QVERIFY(cmdline.data.contains("metalboot.state="));
        QVERIFY(cmdline.data.contains("ip=dhcp"));

        auto config = client.get("6b1d0001/config.txt");
        QVERIFY(config.ok);
        QVERIFY2(!config.data.contains("armstub=RPI_EFI.fd"), config.data.constData());

        auto k = client.get("6b1d0001/kernel8.img");
        QVERIFY2(k.ok, qPrintable(k.message));
        QCOMPARE(k.data, QByteArray(3000, 'K'));

        // The UEFI device is untouched: it chains to RPI_EFI.fd.
        auto uefi = client.get("6b1d0002/config.txt");
        QVERIFY(uefi.ok);
        QVERIFY2(uefi.data.contains("armstub=RPI_EFI.fd"), uefi.data.constData());
    }

    void ipaDeviceScriptCarriesInspectionCallbackAndNetconsole()
    {
        LabFixture fx(QByteArray("devices:\n"
                                 "  \"dc:a6:32:00:00:03\": {name: ipa-pi, model: pi4, netconsole: true,\n"
                                 "      osie: {kernel: ironic-python-agent.kernel, initrd: ironic-python-agent.initramfs}}\n"
                                 "  \"dc:a6:32:00:00:04\": {name: plain-pi, model: pi4, osie: {kernel: vmlinuz}}\n"));
        LabEngine engine(fx.options);
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        QNetworkAccessManager nam;
        auto fetch = [&](const char *mac) {
            QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(
                QStringLiteral("http://127.0.0.1:%1/boot/%2.ipxe").arg(engine.http()->port()).arg(QLatin1String(mac)))));
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(5000);
            const QByteArray body = reply->readAll();
            delete reply;
            return body;
        };
        const QByteArray ipa = fetch("dc:a6:32:00:00:03");
        QVERIFY2(ipa.contains("ipa-inspection-callback-url="), ipa.constData());
        QVERIFY2(ipa.contains("netconsole="), ipa.constData());
        const QByteArray plain = fetch("dc:a6:32:00:00:04");
        QVERIFY2(plain.contains("vmlinuz"), plain.constData());
        QVERIFY(!plain.contains("ipa-inspection-callback-url"));
        QVERIFY(!plain.contains("netconsole="));
    }
};

QTEST_GUILESS_MAIN(TestNativeBootWiring)
#include "tst_nativebootwiring.moc"
