// Driver-specific switch options are validated when lab.yaml is loaded (the driver-validation
// hook of the switches section), with file:line:column errors and no secrets in messages.
#include "config/labconfigloader.h"
#include "poe/driveroptions.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestPoeOptions : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    LabConfigLoadResult load(const QString &yaml) const
    {
        return LabConfigLoader::loadText(yaml.toUtf8(), m_dir.filePath(QStringLiteral("lab.yaml")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile ca(m_dir.filePath(QStringLiteral("controller.pem")));
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    }

    void validConfigurations()
    {
        const auto r = load(QStringLiteral(
            "switches:\n"
            "  sim: {driver: simulated, ports: 8, options: {latency_ms: \"20\"}}\n"
            "  cisco:\n"
            "    driver: snmp\n"
            "    address: 192.0.2.10\n"
            "    options: {community: public, write_community: private, port_power: cisco, group: \"1\", fdb: qbridge}\n"
            "  v3:\n"
            "    driver: snmp\n"
            "    address: \"[2001:db8::1]:1161\"\n"
            "    username: labadmin\n"
            "    password: authpass123\n"
            "    options: {version: \"3\", auth_protocol: SHA-512, priv_protocol: AES-256, priv_password: privpass123}\n"
            "  udm:\n"
            "    driver: unifi\n"
            "    address: https://192.0.2.1\n"
            "    username: admin\n"
            "    password: pw\n"
            "    options: {device: \"f4:e2:c6:00:00:01\", site: default, unifi_os: \"true\", ca: controller.pem, timeout: \"5\", retries: \"2\"}\n"
            "  crs: {driver: mikrotik, address: 192.0.2.2, username: admin, options: {on_mode: forced-on, verify_tls: \"false\"}}\n"
            "  gs1900: {driver: openwrt, address: \"http://192.0.2.3\", options: {path: /ubus}}\n"
            "  omada: {driver: omada, address: \"192.0.2.4:8043\", username: a, password: b, options: {device: \"AC-84-C6-00-00-01\"}}\n"
            "  relays: {driver: command, ports: 4, options: {on: \"/bin/true {port}\", off: \"/bin/true {port}\", status: \"/bin/echo on\"}}\n"
            "  vm: {driver: qmp, address: /tmp/mb-vms, ports: 1, options: {command: \"/bin/true -name {switch}-{port}\"}}\n"));
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        QCOMPARE(r.config.switches.size(), 9);
    }

    void invalidOptions_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("at");   // the text the error must point at (first in that line)
        QTest::addColumn<QString>("message");

        QTest::newRow("snmp version") << "switches:\n  s1:\n    driver: snmp\n    address: 10.0.0.2\n    options:\n      version: \"4\"\n"
                                      << "switches.s1.options.version" << 6 << QString::fromLatin1("\"4\"") << "expected one of 1, 2c, 3";
        QTest::newRow("snmp v2c with username") << "switches:\n  s1:\n    driver: snmp\n    address: 10.0.0.2\n    username: bob\n"
                                                << "switches.s1.username" << 5 << QString::fromLatin1("bob") << "use options.community";
        QTest::newRow("snmp v3 needs priv") << "switches:\n  s1:\n    driver: snmp\n    address: h\n    username: u\n    password: longenough\n"
                                               "    options: {version: \"3\", security_level: authPriv}\n"
                                            << "switches.s1.options.priv_password" << 2 << QString::fromLatin1("s1:") << "needs options.priv_password";
        QTest::newRow("snmp short auth password") << "switches:\n  s1:\n    driver: snmp\n    address: h\n    username: u\n    password: short\n"
                                                     "    options: {version: \"3\"}\n"
                                                  << "switches.s1.password" << 6 << QString::fromLatin1("short") << "at least 8 characters";
        QTest::newRow("snmp bad port_power") << "switches:\n  s1: {driver: snmp, address: h, options: {port_power: juniper}}\n"
                                             << "switches.s1.options.port_power" << 2 << QString::fromLatin1("juniper") << "expected none, cisco";
        QTest::newRow("snmp bad address") << "switches:\n  s1: {driver: snmp, address: \"h:99999\"}\n"
                                          << "switches.s1.address" << 2 << QString::fromLatin1("\"h:99999") << "expected host";
        QTest::newRow("unifi needs device") << "switches:\n  u: {driver: unifi, address: h, username: a, password: b}\n"
                                            << "switches.u.options.device" << 2 << QString::fromLatin1("u:") << "needs options.device";
        QTest::newRow("unifi bad device") << "switches:\n  u: {driver: unifi, address: h, username: a, password: b, options: {device: nope}}\n"
                                          << "switches.u.options.device" << 2 << QString::fromLatin1("nope") << "not a MAC address";
        QTest::newRow("unifi bad unifi_os") << "switches:\n  u:\n    driver: unifi\n    address: h\n    username: a\n    password: b\n"
                                               "    options:\n      device: \"f4:e2:c6:00:00:01\"\n      unifi_os: maybe\n"
                                            << "switches.u.options.unifi_os" << 9 << QString::fromLatin1("maybe") << "expected one of auto, true, false";
        QTest::newRow("unifi missing ca") << "switches:\n  u:\n    driver: unifi\n    address: h\n    username: a\n    password: b\n"
                                             "    options:\n      device: \"f4:e2:c6:00:00:01\"\n      ca: missing.pem\n"
                                          << "switches.u.options.ca" << 9 << QString::fromLatin1("missing.pem") << "does not exist";
        QTest::newRow("unifi needs password") << "switches:\n  u: {driver: unifi, address: h, username: a, options: {device: \"f4:e2:c6:00:00:01\"}}\n"
                                              << "switches.u.password" << 2 << QString::fromLatin1("u:") << "needs the account's password";
        QTest::newRow("http address with path") << "switches:\n  m: {driver: mikrotik, address: \"https://h/rest\", username: a}\n"
                                                << "switches.m.address" << 2 << QString::fromLatin1("\"https://h/rest") << "must not contain a path";
        QTest::newRow("credentials in url") << "switches:\n  m: {driver: mikrotik, address: \"https://a:b@h\", username: a}\n"
                                            << "switches.m.address" << 2 << QString::fromLatin1("\"https://a:b") << "not in the address";
        QTest::newRow("verify_tls") << "switches:\n  m: {driver: mikrotik, address: h, username: a, options: {verify_tls: sometimes}}\n"
                                    << "switches.m.options.verify_tls" << 2 << QString::fromLatin1("sometimes") << "expected true or false";
        QTest::newRow("unknown option") << "switches:\n  o: {driver: openwrt, address: h, options: {colour: blue}}\n"
                                        << "switches.o.options.colour" << 2 << QString::fromLatin1("blue") << "unknown option for driver 'openwrt'";
        QTest::newRow("openwrt password without user") << "switches:\n  o: {driver: openwrt, address: h, password: x}\n"
                                                       << "switches.o.username" << 2 << QString::fromLatin1("o:") << "password without a username";
        QTest::newRow("command needs off") << "switches:\n  c: {driver: command, options: {on: \"/bin/true {port}\"}}\n"
                                           << "switches.c.options.off" << 2 << QString::fromLatin1("c:") << "needs options.off";
        QTest::newRow("command placeholder") << "switches:\n  c: {driver: command, options: {on: \"/bin/true {prot}\", off: /bin/true}}\n"
                                             << "switches.c.options.on" << 2 << QString::fromLatin1("\"/bin/true {prot}") << "unknown placeholder {prot}";
        QTest::newRow("command program") << "switches:\n  c: {driver: command, options: {on: \"/nonexistent/x {port}\", off: /bin/true}}\n"
                                         << "switches.c.options.on" << 2 << QString::fromLatin1("\"/nonexistent") << "not found";
        QTest::newRow("command per-port status") << "switches:\n  c: {driver: command, options: {on: /bin/true, off: /bin/true, status: \"/bin/echo {port}\"}}\n"
                                                 << "switches.c.options.status" << 2 << QString::fromLatin1("\"/bin/echo {port}") << "needs the port names";
        QTest::newRow("timeout") << "switches:\n  s: {driver: simulated, options: {timeout: \"0\"}}\n"
                                 << "switches.s.options.timeout" << 2 << QString::fromLatin1("\"0\"") << "between 1 and 120";
        QTest::newRow("learn") << "switches:\n  s: {driver: simulated, options: {learn: always}}\n"
                               << "switches.s.options.learn" << 2 << QString::fromLatin1("always") << "expected one of off, suggest, bind";
        QTest::newRow("protected port name") << "switches:\n  s: {driver: simulated, protected_ports: [\"1; reboot\"]}\n"
                                             << "switches.s.protected_ports" << 2 << QString::fromLatin1("[") << "not a valid port name";
    }

    void invalidOptions()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, key);
        QFETCH(int, line);
        QFETCH(QString, at);
        QFETCH(QString, message);
        const int column = int(yaml.split(QLatin1Char('\n')).at(line - 1).indexOf(at)) + 1;
        QVERIFY(column > 0);
        const auto r = load(yaml);
        QVERIFY(!r.ok());
        const ConfigError *found = nullptr;
        for (const auto &e : r.errors)
            if (e.key == key)
                found = &e;
        QVERIFY2(found, qPrintable(r.errorText()));
        QVERIFY2(found->message.contains(message), qPrintable(found->toString()));
        QCOMPARE(found->line, line);
        QCOMPARE(found->column, column);
        QVERIFY(found->toString().startsWith(m_dir.filePath(QStringLiteral("lab.yaml")) + QStringLiteral(":%1:%2:").arg(line).arg(column)));
    }

    void secretsAreNeverEchoed()
    {
        const auto r = load(QStringLiteral(
            "switches:\n"
            "  s1:\n"
            "    driver: snmp\n"
            "    address: h\n"
            "    username: u\n"
            "    password: \"p4ss\"\n"
            "    options: {version: \"3\", priv_password: \"pr1v\", community: \"c0mmunity\"}\n"));
        QVERIFY(!r.ok());
        const QString text = r.errorText();
        QVERIFY(text.contains(QLatin1String("at least 8 characters")));
        QVERIFY(!text.contains(QLatin1String("p4ss")));
        QVERIFY(!text.contains(QLatin1String("pr1v")));
        QVERIFY(!text.contains(QLatin1String("c0mmunity")));
    }

    void optionsRoundTripThroughTheWriter()
    {
        const auto r = load(QStringLiteral(
            "switches:\n"
            "  relays: {driver: command, ports: 2, options: {on: \"/bin/true \\\"on {port}\\\"\", off: \"/bin/true off {port}\"}}\n"));
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
        const auto again = LabConfigLoader::loadText(LabConfigWriter::toYaml(r.config), m_dir.filePath(QStringLiteral("lab.yaml")));
        QVERIFY2(again.ok(), qPrintable(again.errorText()));
        QCOMPARE(again.config.switches.first().options, r.config.switches.first().options);
    }
};

QTEST_GUILESS_MAIN(TestPoeOptions)
#include "tst_poeoptions.moc"
