#include "config/labconfigloader.h"
#include "config/seedimport.h"

#include <QTemporaryDir>
#include <QTest>

// Import of the seed system's (metal3-community/metal-boot) netboot.yaml and backend.yaml.
class TestSeedImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void netbootYaml()
    {
        LabConfig lab = LabConfigLoader::loadText(QByteArray(), QStringLiteral("lab.yaml")).config;
        QStringList notes;
        const auto errors = SeedImport::importNetbootYaml(QStringLiteral(TEST_DATA_DIR "/config/netboot.yaml"), lab, &notes);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
        QCOMPARE(lab.devices.size(), 2);
        const DeviceConfig *ipa = lab.device(*MacAddress::parse(QStringLiteral("e0:92:8f:45:b4:40")));
        QVERIFY(ipa);
        QVERIFY(ipa->allowPxe);
        QCOMPARE(ipa->osie.kernel, QStringLiteral("ironic-python-agent.kernel"));
        QCOMPARE(ipa->osie.initrd, QStringLiteral("ironic-python-agent.initramfs"));
        QVERIFY(ipa->ipxeScriptUrl.isEmpty()); // null in the file
        const DeviceConfig *pi = lab.device(*MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2")));
        QVERIFY(pi);
        QVERIFY(!pi->allowPxe);
        QCOMPARE(pi->ipxeScriptUrl, QStringLiteral("http://203.0.113.5/custom.ipxe"));
        QCOMPARE(notes.size(), 2);
    }

    void backendYamlMergesIntoExistingLab()
    {
        auto loaded = LabConfigLoader::loadText(QByteArray("switches:\n  unifi-sw: {driver: unifi, address: https://127.0.0.1:8443, username: u, password: p, options: {device: \"74:ac:b9:00:00:01\"}}\n"
                                                           "devices:\n  \"e0:92:8f:45:b4:40\": {name: old-name, model: pi4}\n"),
                                                QStringLiteral("lab.yaml"));
        QVERIFY(loaded.ok());
        LabConfig lab = loaded.config;
        QStringList notes;
        const auto errors = SeedImport::importBackendYaml(QStringLiteral(TEST_DATA_DIR "/config/backend.yaml"), lab, &notes);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
        QCOMPARE(lab.devices.size(), 2);
        const DeviceConfig *d = lab.device(*MacAddress::parse(QStringLiteral("e0:92:8f:45:b4:40")));
        QCOMPARE(d->name, QStringLiteral("rpi-node-1"));
        QCOMPARE(d->ip, QHostAddress(QStringLiteral("192.0.2.150")));
        QCOMPARE(d->model, QStringLiteral("pi4"));  // existing value kept (arch only fills an empty model)
        QCOMPARE(d->ipxeScriptUrl, QStringLiteral("http://192.0.2.10/auto.ipxe"));
        QCOMPARE(d->osie.kernel, QStringLiteral("vmlinuz"));
        QCOMPARE(d->power.switchId, QStringLiteral("unifi-sw"));
        QCOMPARE(d->power.port, QStringLiteral("3"));
        const DeviceConfig *d2 = lab.device(*MacAddress::parse(QStringLiteral("d8:3a:dd:6d:b8:85")));
        QCOMPARE(d2->name, QStringLiteral("rpi-node-2"));
        QVERIFY(std::any_of(notes.cbegin(), notes.cend(), [](const QString &n) { return n.contains(QStringLiteral("subnetMask")); }));
        // The merged lab is a valid lab file.
        QVERIFY(LabConfigLoader::loadText(LabConfigWriter::toYaml(lab), QStringLiteral("merged.yaml")).ok());
    }

    void powerWithoutSwitchIsReportedNotInvented()
    {
        LabConfig lab = LabConfigLoader::loadText(QByteArray(), QStringLiteral("lab.yaml")).config;
        QStringList notes;
        QVERIFY(SeedImport::importBackendYaml(QStringLiteral(TEST_DATA_DIR "/config/backend.yaml"), lab, &notes).isEmpty());
        QVERIFY(!lab.devices.first().power.isSet());
        QVERIFY(std::any_of(notes.cbegin(), notes.cend(), [](const QString &n) { return n.contains(QStringLiteral("no matching switch")); }));
    }

    void badFilesLeaveTheLabUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a mac") << QByteArray("pi-1:\n  allow_pxe: true\n") << ":1:1: pi-1: 'pi-1' is not a MAC address";
        QTest::newRow("unknown key") << QByteArray("dc:a6:32:01:36:c2:\n  allow_pxee: true\n") << ":2:3: dc:a6:32:01:36:c2.allow_pxee: unknown key";
        QTest::newRow("bad bool") << QByteArray("dc:a6:32:01:36:c2:\n  allow_pxe: sometimes\n") << ":2:14: dc:a6:32:01:36:c2.allow_pxe: expected true or false";
        QTest::newRow("bad url") << QByteArray("dc:a6:32:01:36:c2:\n  ipxe_script_url: gopher://x\n") << "ipxe_script_url: expected an http://";
        QTest::newRow("syntax") << QByteArray("dc:a6:32:01:36:c2: [\n") << "YAML syntax error";
    }
    void badFilesLeaveTheLabUntouched()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("netboot.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        LabConfig lab = LabConfigLoader::loadText(QByteArray("name: keep\n"), QStringLiteral("lab.yaml")).config;
        const auto errors = SeedImport::importNetbootYaml(path, lab);
        QVERIFY(!errors.isEmpty());
        QVERIFY2(errors.first().toString().contains(expected), qPrintable(errors.first().toString()));
        QVERIFY(lab.devices.isEmpty());
        QCOMPARE(lab.name, QStringLiteral("keep"));
    }
};

QTEST_GUILESS_MAIN(TestSeedImport)
#include "tst_seedimport.moc"
