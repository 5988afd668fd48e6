#include "config/labconfigloader.h"

#include <QTemporaryDir>
#include <QTest>

// lab.yaml: the good file parses into the right structs; every bad file is rejected with the
// exact file:line:column message a user would see; save -> load round-trips.
class TestLabConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goodFile();
    void emptyFileIsAValidEmptyLab();
    void defaultsAreLoopbackOnly();
    void badInput_data();
    void badInput();
    void reportsEveryErrorNotJustTheFirst();
    void roundTrip();
    void virtualFaultsRoundTrip();
    void saveKeepsBackupAndRefusesInvalid();
    void fileErrors();
};

static QString dataFile(const char *name)
{
    return QStringLiteral(TEST_DATA_DIR "/config/") + QLatin1String(name);
}

void TestLabConfig::goodFile()
{
    const auto r = LabConfigLoader::loadFile(dataFile("good-lab.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    const LabConfig &c = r.config;
    QCOMPARE(c.name, QStringLiteral("Test lab"));
    QCOMPARE(c.services.dhcp.mode, DhcpMode::Full);
    QCOMPARE(c.services.dhcp.port, quint16(1067));
    QCOMPARE(c.services.dhcp.pool.rangeStart, QHostAddress(QStringLiteral("198.51.100.100")));
    QCOMPARE(c.services.dhcp.pool.dnsServers.size(), 2);
    QCOMPARE(c.services.dhcp.pool.leaseSeconds, 7200);
    QCOMPARE(c.services.dhcp.bootFiles.value(QStringLiteral("arm64_uefi")), QStringLiteral("custom-snp.efi"));
    QCOMPARE(c.services.dhcp.bootFiles.value(QStringLiteral("bios")), QStringLiteral("undionly.kpxe"));
    QVERIFY(c.services.dhcp.piMacPrefixes.contains(QStringLiteral("2c:cf:67")));
    QCOMPARE(c.services.tftp.piPrefix, PiPrefixMode::Mac);
    QCOMPARE(c.services.http.publicUrl, QStringLiteral("http://boot.lab.example:8080"));
    QVERIFY(!c.services.redfish.enabled);
    QCOMPARE(c.switches.size(), 2);
    QCOMPARE(c.switches.at(0).driver, QStringLiteral("unifi"));
    QCOMPARE(c.switches.at(0).protectedPorts, QStringList{QStringLiteral("8")});
    QCOMPARE(c.switches.at(0).options.value(QStringLiteral("site")), QStringLiteral("default"));
    QCOMPARE(c.profiles.size(), 1);
    QCOMPARE(c.profiles.at(0).bootOrder, (QStringList{QStringLiteral("0003"), QStringLiteral("0001")}));
    QCOMPARE(c.profiles.at(0).settings.value(QStringLiteral("CpuClock")), QStringLiteral("2"));
    QCOMPARE(c.devices.size(), 2);
    const DeviceConfig &pi = c.devices.at(0);
    QCOMPARE(pi.mac.toString(), QStringLiteral("dc:a6:32:01:36:c2"));
    QCOMPARE(pi.serial, QStringLiteral("9ffefdef"));          // normalised to lower case
    QCOMPARE(pi.position, QPointF(1, 2.5));
    QCOMPARE(pi.power.switchId, QStringLiteral("sw1"));
    QCOMPARE(pi.power.port, QStringLiteral("3"));
    QCOMPARE(pi.ip, QHostAddress(QStringLiteral("198.51.100.20")));
    QCOMPARE(pi.osie.kernel, QStringLiteral("vmlinuz"));
    QCOMPARE(pi.osie.cmdline, QStringLiteral("console=ttyAMA0"));
    QVERIFY(pi.allowPxe);
    const DeviceConfig &native = c.devices.at(1);
    QCOMPARE(native.mac.toString(), QStringLiteral("d8:3a:dd:6d:b8:85")); // dashed key accepted
    QCOMPARE(native.bootMode, BootMode::Native);
    QVERIFY(!native.allowPxe);
}

void TestLabConfig::emptyFileIsAValidEmptyLab()
{
    const auto r = LabConfigLoader::loadText(QByteArray(), QStringLiteral("empty.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QVERIFY(r.config.devices.isEmpty());
    QVERIFY(!r.config.services.dhcp.bootFiles.isEmpty());
}

void TestLabConfig::defaultsAreLoopbackOnly()
{
    // The embedded demo lab and the built-in defaults must never bind a real interface.
    const auto r = LabConfigLoader::loadText(QByteArray(), QStringLiteral("empty.yaml"));
    const ServicesConfig &s = r.config.services;
    for (const ListenConfig *l : {static_cast<const ListenConfig *>(&s.dhcp), static_cast<const ListenConfig *>(&s.tftp),
                                  static_cast<const ListenConfig *>(&s.http), static_cast<const ListenConfig *>(&s.redfish),
                                  static_cast<const ListenConfig *>(&s.consoles)}) {
        QVERIFY(l->address.isLoopback());
        QVERIFY(l->interface.isEmpty());
        QVERIFY(l->port == 0 || l->port >= 1024);
    }
    QFile demo(QStringLiteral(TESTS_SOURCE_DIR "/../resources/default-lab.yaml"));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    const auto d = LabConfigLoader::loadText(demo.readAll(), QStringLiteral("default-lab.yaml"));
    QVERIFY2(d.ok(), qPrintable(d.errorText()));
    for (const ListenConfig *l : {static_cast<const ListenConfig *>(&d.config.services.dhcp),
                                  static_cast<const ListenConfig *>(&d.config.services.tftp),
                                  static_cast<const ListenConfig *>(&d.config.services.http),
                                  static_cast<const ListenConfig *>(&d.config.services.redfish),
                                  static_cast<const ListenConfig *>(&d.config.services.consoles)}) {
        QVERIFY(l->address.isLoopback());
        QVERIFY(l->interface.isEmpty());
        QVERIFY(l->port >= 1024);
    }
    QCOMPARE(d.config.devices.size(), 8);
}

void TestLabConfig::badInput_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected");

    QTest::newRow("syntax: unclosed flow map")
        << QByteArray("services:\n  tftp: {port: 69\n")
        << "bad.yaml:3:1: YAML syntax error: end of map flow not found";
    QTest::newRow("syntax: bad indentation")
        << QByteArray("services:\n  tftp:\n    port: 69\n   root: /srv\n")
        << "bad.yaml:4:4: YAML syntax error: end of map not found";
    QTest::newRow("root is a list")
        << QByteArray("- a\n- b\n")
        << "bad.yaml:1:1: expected a mapping, found a list";
    QTest::newRow("unknown top-level key")
        << QByteArray("version: 1\nservice:\n  tftp: {}\n")
        << "bad.yaml:2:1: service: unknown key (expected one of: version, name, services, devices, switches, profiles, provisioning)";
    QTest::newRow("typo in a service key")
        << QByteArray("services:\n  tftp:\n    prot: 69\n")
        << "bad.yaml:3:5: services.tftp.prot: unknown key (expected one of: enabled, interface, address, port, root, "
           "max_block_size, max_window_size, timeout, max_retries, max_sessions_per_client, max_sessions, allow_uploads, "
           "pi_prefix, pi_prefix_string, pi_firmware_dir, ipxe_dir)";
    QTest::newRow("port out of range")
        << QByteArray("services:\n  http:\n    port: 70000\n")
        << "bad.yaml:3:11: services.http.port: expected an integer between 0 and 65535, found '70000'";
    QTest::newRow("port not a number")
        << QByteArray("services:\n  tftp:\n    port: sixty-nine\n")
        << "bad.yaml:3:11: services.tftp.port: expected an integer between 0 and 65535, found 'sixty-nine'";
    QTest::newRow("port is a list")
        << QByteArray("services:\n  tftp:\n    port: [69]\n")
        << "bad.yaml:3:11: services.tftp.port: expected an integer between 0 and 65535, found a list";
    QTest::newRow("bad boolean")
        << QByteArray("services:\n  tftp:\n    allow_uploads: maybe\n")
        << "bad.yaml:3:20: services.tftp.allow_uploads: expected true or false, found 'maybe'";
    QTest::newRow("bad address")
        << QByteArray("services:\n  http:\n    address: 300.1.2.3\n")
        << "bad.yaml:3:14: services.http.address: expected an IPv4 address like 127.0.0.1, found '300.1.2.3'";
    QTest::newRow("address shorthand")
        << QByteArray("services:\n  http:\n    address: 127.1\n")
        << "bad.yaml:3:14: services.http.address: expected an IPv4 address like 127.0.0.1, found '127.1'";
    QTest::newRow("bad dhcp mode")
        << QByteArray("services:\n  dhcp:\n    mode: relay\n")
        << "bad.yaml:3:11: services.dhcp.mode: expected one of: proxy, full; found 'relay'";
    QTest::newRow("full mode without pool")
        << QByteArray("services:\n  dhcp:\n    mode: full\n")
        << "bad.yaml:3:5: services.dhcp.pool: mode: full needs pool.range_start, pool.range_end and pool.netmask";
    QTest::newRow("pool range reversed")
        << QByteArray("services:\n  dhcp:\n    mode: full\n    pool:\n      range_start: 198.51.100.50\n"
                      "      range_end: 198.51.100.10\n      netmask: 255.255.255.0\n")
        << "bad.yaml:5:7: services.dhcp.pool.range_end: range_end is before range_start";
    QTest::newRow("blksize too large")
        << QByteArray("services:\n  tftp:\n    max_block_size: 70000\n")
        << "bad.yaml:3:21: services.tftp.max_block_size: expected an integer between 8 and 65464, found '70000'";
    QTest::newRow("unknown boot file arch")
        << QByteArray("services:\n  dhcp:\n    boot_files:\n      arm65_uefi: x.efi\n")
        << "bad.yaml:4:7: services.dhcp.boot_files.arm65_uefi: unknown key (expected one of: bios, ia32_uefi, x64_uefi, "
           "arm32_uefi, arm64_uefi, x64_http, arm64_http, riscv64_uefi)";
    QTest::newRow("bad pi prefix")
        << QByteArray("services:\n  dhcp:\n    pi_mac_prefixes: [dc:a6:32, zz:00:00]\n")
        << "bad.yaml:3:33: services.dhcp.pi_mac_prefixes: expected an OUI prefix like dc:a6:32, found 'zz:00:00'";
    QTest::newRow("fixed prefix without string")
        << QByteArray("services:\n  tftp:\n    pi_prefix: fixed\n")
        << "bad.yaml:3:16: services.tftp.pi_prefix_string: pi_prefix: fixed needs pi_prefix_string of 1 to 32 characters";
    QTest::newRow("port clash http/redfish")
        << QByteArray("services:\n  http:\n    port: 8443\n  redfish:\n    port: 8443\n")
        << "bad.yaml:5:11: services.redfish.port: port 8443 is already used by services.http";
    QTest::newRow("public url not http")
        << QByteArray("services:\n  http:\n    public_url: ftp://x\n")
        << "bad.yaml:3:17: services.http.public_url: expected an http:// or https:// URL";
    QTest::newRow("certificate without key")
        << QByteArray("services:\n  redfish:\n    certificate: /etc/c.pem\n")
        << "bad.yaml:3:5: services.redfish: certificate and private_key must be given together";
    QTest::newRow("device key not a MAC")
        << QByteArray("devices:\n  pi-01:\n    name: a\n")
        << "bad.yaml:2:3: devices.pi-01: 'pi-01' is not a MAC address (expected aa:bb:cc:dd:ee:ff)";
    QTest::newRow("device listed twice")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2: {}\n  DC-A6-32-01-36-C2: {}\n")
        << "bad.yaml:3:3: devices.DC-A6-32-01-36-C2: device dc:a6:32:01:36:c2 is listed twice";
    QTest::newRow("duplicate key")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2:\n    name: a\n    name: b\n")
        << "bad.yaml:4:5: devices.dc:a6:32:01:36:c2.name: duplicate key";
    QTest::newRow("device unknown key")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2:\n    allow_pex: true\n")
        << "bad.yaml:3:5: devices.dc:a6:32:01:36:c2.allow_pex: unknown key (expected one of: name, serial, model, position, "
           "power, profile, boot_mode, ip, allow_pxe, console, facility, ipxe_script, ipxe_script_url, osie, virtual, "
           "firmware_settings, netconsole, serial_console)";
    QTest::newRow("bad serial")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2:\n    serial: 12345\n")
        << "bad.yaml:3:13: devices.dc:a6:32:01:36:c2.serial: expected the last 8 hex digits of the Pi serial number, e.g. 9ffefdef";
    QTest::newRow("bad device name")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2:\n    name: \"pi/01\"\n")
        << "bad.yaml:3:11: devices.dc:a6:32:01:36:c2.name: expected 1 to 63 letters, digits, spaces, '.', '_' or '-', "
           "starting with a letter or digit";
    QTest::newRow("virtual fault: loss over 100 %")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2:\n    serial: 9ffefdef\n    virtual: {packet_loss: 120}\n")
        << "bad.yaml:4:28: devices.dc:a6:32:01:36:c2.virtual.packet_loss: expected a percentage from 0 to 100";
    QTest::newRow("virtual fault: unknown key")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2:\n    serial: 9ffefdef\n    virtual: {loss: 1}\n")
        << "bad.yaml:4:15: devices.dc:a6:32:01:36:c2.virtual.loss: unknown key (expected one of: packet_loss, delay_ms, corrupt, bad_file)";
    QTest::newRow("virtual fault: unknown bad file")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2:\n    serial: 9ffefdef\n    virtual: {bad_file: boot.img}\n")
        << "bad.yaml:4:25: devices.dc:a6:32:01:36:c2.virtual.bad_file: expected one of start4.elf, fixup4.dat, "
           "bcm2711-rpi-4-b.dtb, snp.efi, kernel, initrd";
    QTest::newRow("virtual fault: delay too long")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2:\n    serial: 9ffefdef\n    virtual: {delay_ms: 20000}\n")
        << "bad.yaml:4:25: devices.dc:a6:32:01:36:c2.virtual.delay_ms: expected an integer between 0 and 10000, found '20000'";
    QTest::newRow("virtual without serial")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2:\n    virtual: true\n")
        << "bad.yaml:3:14: devices.dc:a6:32:01:36:c2.virtual: a virtual Pi needs 'serial' (its TFTP prefix, 8 hex digits)";
    QTest::newRow("os-up pattern invalid")
        << QByteArray("services:\n  consoles:\n    os_up_patterns: [\"(unclosed\"]\n")
        << "bad.yaml:3:22: services.consoles.os_up_patterns: expected a regular expression of 1 to 256 characters (missing closing parenthesis)";
    QTest::newRow("power without port")
        << QByteArray("switches:\n  sim: {driver: simulated}\ndevices:\n  dc:a6:32:01:36:c2:\n    power: {switch: sim}\n")
        << "bad.yaml:5:12: devices.dc:a6:32:01:36:c2.power: power needs both 'switch' and 'port'";
    QTest::newRow("power on unknown switch")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2:\n    power: {switch: nope, port: \"1\"}\n")
        << "bad.yaml:3:12: devices.dc:a6:32:01:36:c2.power.switch: unknown switch 'nope'";
    QTest::newRow("simulated port out of range")
        << QByteArray("switches:\n  sim: {driver: simulated, ports: 4}\ndevices:\n  dc:a6:32:01:36:c2:\n"
                      "    power: {switch: sim, port: \"9\"}\n")
        << "bad.yaml:5:12: devices.dc:a6:32:01:36:c2.power.port: switch 'sim' has ports 1 to 4";
    QTest::newRow("two devices on one port")
        << QByteArray("switches:\n  sim: {driver: simulated}\ndevices:\n  dc:a6:32:01:36:c2: {power: {switch: sim, port: \"1\"}}\n"
                      "  dc:a6:32:01:36:c3: {power: {switch: sim, port: \"1\"}}\n")
        << "bad.yaml:5:30: devices.dc:a6:32:01:36:c3.power: port 1 of 'sim' is already mapped to dc:a6:32:01:36:c2";
    QTest::newRow("device on protected port")
        << QByteArray("switches:\n  sim: {driver: simulated, protected_ports: [\"8\"]}\ndevices:\n"
                      "  dc:a6:32:01:36:c2: {power: {switch: sim, port: \"8\"}}\n")
        << "bad.yaml:4:30: devices.dc:a6:32:01:36:c2.power.port: port 8 of 'sim' is protected (listed in protected_ports)";
    QTest::newRow("unknown profile")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2:\n    profile: gold\n")
        << "bad.yaml:3:14: devices.dc:a6:32:01:36:c2.profile: unknown profile 'gold'";
    QTest::newRow("duplicate serial")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2: {serial: 9ffefdef}\n  dc:a6:32:01:36:c3:\n    serial: 9FFEFDEF\n")
        << "bad.yaml:4:13: devices.dc:a6:32:01:36:c3.serial: serial 9ffefdef is used by another device";
    QTest::newRow("unknown switch driver")
        << QByteArray("switches:\n  sw1:\n    driver: cisco-magic\n")
        << "bad.yaml:3:13: switches.sw1.driver: expected one of: simulated, snmp, unifi, mikrotik, openwrt, omada, command, "
           "qmp; found 'cisco-magic'";
    QTest::newRow("switch without driver")
        << QByteArray("switches:\n  sw1:\n    address: 127.0.0.1\n")
        << "bad.yaml:3:5: switches.sw1.driver: required key is missing";
    QTest::newRow("snmp switch without address")
        << QByteArray("switches:\n  sw1:\n    driver: snmp\n")
        << "bad.yaml:3:5: switches.sw1.address: driver 'snmp' needs an address";
    QTest::newRow("bad boot order entry")
        << QByteArray("profiles:\n  p1:\n    boot_order: [\"0003\", \"3\"]\n")
        << "bad.yaml:3:17: profiles.p1.boot_order: '3' is not a boot entry number (4 hex digits like 0003)";
    QTest::newRow("bad ipxe script url")
        << QByteArray("devices:\n  dc:a6:32:01:36:c2:\n    ipxe_script_url: file:///etc/passwd\n")
        << "bad.yaml:3:22: devices.dc:a6:32:01:36:c2.ipxe_script_url: expected an http://, https:// or tftp:// URL";
    QTest::newRow("version 2")
        << QByteArray("version: 2\n")
        << "bad.yaml:1:10: version: expected an integer between 1 and 1, found '2'";
    QTest::newRow("NUL byte")
        << QByteArray("name: a\nservices: \0\n", 21)
        << "bad.yaml:2:11: file contains a NUL byte (not a text file)";
    QTest::newRow("absurd nesting")
        << QByteArray("name: x\nservices: ") + QByteArray(100000, '[')
        << "bad.yaml:2:75: nesting deeper than 64 levels";
    QTest::newRow("bad interface name")
        << QByteArray("services:\n  tftp:\n    interface: eth0/../../x\n")
        << "bad.yaml:3:16: services.tftp.interface: 'eth0/../../x' is not a valid interface name";
}

void TestLabConfig::badInput()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    const auto r = LabConfigLoader::loadText(yaml, QStringLiteral("bad.yaml"));
    QVERIFY2(!r.ok(), "invalid input was accepted");
    QCOMPARE(r.errors.first().toString(), expected);
}

void TestLabConfig::reportsEveryErrorNotJustTheFirst()
{
    const auto r = LabConfigLoader::loadText(
        QByteArray("services:\n  tftp:\n    port: x\n  http:\n    port: y\ndevices:\n  nope: {}\n"), QStringLiteral("bad.yaml"));
    QCOMPARE(r.errors.size(), 3);
    QCOMPARE(r.errors.at(0).line, 3);
    QCOMPARE(r.errors.at(1).line, 5);
    QCOMPARE(r.errors.at(2).line, 7);
}

void TestLabConfig::roundTrip()
{
    const auto first = LabConfigLoader::loadFile(dataFile("good-lab.yaml"));
    QVERIFY(first.ok());
    const QByteArray yaml = LabConfigWriter::toYaml(first.config);
    const auto second = LabConfigLoader::loadText(yaml, dataFile("written.yaml"));
    QVERIFY2(second.ok(), qPrintable(second.errorText() + QStringLiteral("\n") + QString::fromUtf8(yaml)));
    // Writing what was read gives the same bytes: nothing lost, nothing invented.
    QCOMPARE(LabConfigWriter::toYaml(second.config), yaml);
    QCOMPARE(second.config.devices.size(), first.config.devices.size());
    QCOMPARE(second.config.devices.at(0).osie.cmdline, QStringLiteral("console=ttyAMA0"));
    QCOMPARE(second.config.devices.at(1).bootMode, BootMode::Native);
    QCOMPARE(second.config.switches.at(0).password, QStringLiteral("s3cret"));
    QCOMPARE(second.config.services.dhcp.pool.searchDomains, QStringList{QStringLiteral("lab.example")});
}

void TestLabConfig::virtualFaultsRoundTrip()
{
    const QByteArray yaml("services:\n  consoles: {os_up_patterns: [\"ready$\"]}\n"
                          "devices:\n  dc:a6:32:01:36:c2: {serial: 9ffefdef, virtual: {packet_loss: 0.5, delay_ms: 3, corrupt: 1, bad_file: fixup4.dat}}\n"
                          "  dc:a6:32:01:36:c3: {serial: 9ffefdf0, virtual: true}\n  dc:a6:32:01:36:c4: {serial: 9ffefdf1}\n");
    const auto first = LabConfigLoader::loadText(yaml, QStringLiteral("v.yaml"));
    QVERIFY2(first.ok(), qPrintable(first.errorText()));
    const VirtualFaultsConfig &f = first.config.devices.at(0).virtualFaults;
    QVERIFY(first.config.devices.at(0).isVirtual);
    QCOMPARE(f.packetLossPercent, 0.5);
    QCOMPARE(f.delayMs, 3);
    QCOMPARE(f.corruptPercent, 1.0);
    QCOMPARE(f.badFile, QStringLiteral("fixup4.dat"));
    QVERIFY(first.config.devices.at(1).isVirtual && !first.config.devices.at(1).virtualFaults.any());
    QVERIFY(!first.config.devices.at(2).isVirtual);
    QCOMPARE(first.config.services.consoles.osUpPatterns, QStringList{QStringLiteral("ready$")});
    const QByteArray written = LabConfigWriter::toYaml(first.config);
    const auto second = LabConfigLoader::loadText(written, QStringLiteral("w.yaml"));
    QVERIFY2(second.ok(), qPrintable(second.errorText() + QStringLiteral("\n") + QString::fromUtf8(written)));
    QCOMPARE(LabConfigWriter::toYaml(second.config), written);
    QCOMPARE(second.config.devices.at(0).virtualFaults.badFile, QStringLiteral("fixup4.dat"));
    QCOMPARE(second.config.devices.at(0).virtualFaults.packetLossPercent, 0.5);
    QVERIFY(second.config.devices.at(1).isVirtual);
    QVERIFY(!second.config.devices.at(2).isVirtual);
    QCOMPARE(second.config.services.consoles.osUpPatterns, QStringList{QStringLiteral("ready$")});
}

void TestLabConfig::saveKeepsBackupAndRefusesInvalid()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lab.yaml"));
    auto loaded = LabConfigLoader::loadFile(dataFile("good-lab.yaml"));
    QString error;
    QVERIFY2(LabConfigWriter::save(loaded.config, path, &error), qPrintable(error));
    QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
    const QByteArray firstContent = [&] { QFile f(path); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());

    LabConfig changed = loaded.config;
    changed.name = QStringLiteral("Changed");
    QVERIFY2(LabConfigWriter::save(changed, path, &error), qPrintable(error));
    QFile bak(path + QStringLiteral(".bak"));
    QVERIFY(bak.open(QIODevice::ReadOnly));
    QCOMPARE(bak.readAll(), firstContent);
    QCOMPARE(LabConfigLoader::loadFile(path).config.name, QStringLiteral("Changed"));

    // A configuration that would not load back is never written.
    LabConfig broken = changed;
    broken.devices[0].power.switchId = QStringLiteral("missing");
    QVERIFY(!LabConfigWriter::save(broken, path, &error));
    QVERIFY(error.contains(QStringLiteral("unknown switch 'missing'")));
    QCOMPARE(LabConfigLoader::loadFile(path).config.name, QStringLiteral("Changed"));
}

void TestLabConfig::fileErrors()
{
    const auto missing = LabConfigLoader::loadFile(QStringLiteral("/nonexistent/lab.yaml"));
    QVERIFY(!missing.ok());
    QVERIFY(missing.errors.first().toString().startsWith(QStringLiteral("/nonexistent/lab.yaml: cannot read file")));
    QTemporaryDir dir;
    QFile big(dir.filePath(QStringLiteral("big.yaml")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(QByteArray(LabConfigLoader::MaxFileSize + 10, '#'));
    big.close();
    const auto tooBig = LabConfigLoader::loadFile(big.fileName());
    QVERIFY(!tooBig.ok());
    QVERIFY(tooBig.errors.first().message.contains(QStringLiteral("larger than")));
}

QTEST_GUILESS_MAIN(TestLabConfig)
#include "tst_labconfig.moc"
