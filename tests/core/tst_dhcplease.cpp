#include "dhcp/dhcplease.h"
#include "dhcp/dhcppacket.h"

#include <QFile>
#include <QTest>

using namespace dhcp;

class TestDhcpLease : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A file written by dnsmasq 2.90 (full mode, one busybox udhcpc and one dhclient lease).
    void readsDnsmasqFile()
    {
        QFile f(QStringLiteral(TEST_DATA_DIR "/dhcp/dnsmasq.leases"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        const LeaseFileContent c = parseLeaseFile(text);
        QVERIFY2(c.warnings.isEmpty(), qPrintable(c.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(c.leases.size(), 2);
        const DhcpLease &qemu = c.leases.at(0);
        QCOMPARE(qemu.mac().toString(), QStringLiteral("52:54:00:aa:64:01"));
        QCOMPARE(ipToString(qemu.address), QStringLiteral("10.77.0.125"));
        QCOMPARE(qemu.hostname, QStringLiteral("qemu-arm"));
        QVERIFY(qemu.clientId.isEmpty());
        QCOMPARE(qemu.expires, 1795318602);
        const DhcpLease &pi = c.leases.at(1);
        QCOMPARE(pi.mac().toString(), QStringLiteral("dc:a6:32:01:36:c2"));
        QCOMPARE(pi.clientId.toHex(), QByteArray("01dca6320136c2"));
        QCOMPARE(pi.hostname, QStringLiteral("pi-lab-07"));
        // Written back byte for byte.
        QCOMPARE(formatLeaseFile(c.leases), text);
    }

    void referenceExample()
    {
        const QByteArray text = "1795314866 dc:a6:32:01:36:c2 198.51.100.136 * 01:dc:a6:32:01:36:c2\n"
                                "1795314811 52:54:00:aa:64:01 198.51.100.125 * *\n";
        const LeaseFileContent c = parseLeaseFile(text);
        QCOMPARE(c.leases.size(), 2);
        QVERIFY(c.leases.at(0).hostname.isEmpty());
        QCOMPARE(formatLeaseFile(c.leases), text);
    }

    void otherForms()
    {
        const QByteArray text = "0 dc:a6:32:01:36:c3 10.77.0.140 host.lab.example *\n"         // infinite, FQDN
                                "1795314811 06-00:11:22:33:44:55:66:77 10.77.0.141 * *\n"      // non-Ethernet
                                "duid 00:01:00:01:2c:1a:3b:4c:52:54:00:aa:64:01\n"
                                "1795314811 1234 fd00::10 * 00:01:00:01\n";                    // DHCPv6: skipped
        const LeaseFileContent c = parseLeaseFile(text);
        QVERIFY2(c.warnings.isEmpty(), qPrintable(c.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(c.leases.size(), 2);
        QCOMPARE(c.leases.at(0).expires, 0);
        QVERIFY(!c.leases.at(0).isExpired(4000000000LL));
        QCOMPARE(c.leases.at(0).hostname, QStringLiteral("host"));
        QCOMPARE(c.leases.at(1).hwType, quint8(6));
        QCOMPARE(c.leases.at(1).hwAddress.size(), 8);
        QVERIFY(!c.leases.at(1).mac().isValid());
        QCOMPARE(formatLeaseFile({c.leases.at(1)}), QByteArray("1795314811 06-00:11:22:33:44:55:66:77 10.77.0.141 * *\n"));
    }

    void malformedLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("too few fields") << QByteArray("1795314811 52:54:00:aa:64:01 10.77.0.125 *");
        QTest::newRow("too many fields") << QByteArray("1795314811 52:54:00:aa:64:01 10.77.0.125 * * extra");
        QTest::newRow("expiry not a number") << QByteArray("soon 52:54:00:aa:64:01 10.77.0.125 * *");
        QTest::newRow("negative expiry") << QByteArray("-5 52:54:00:aa:64:01 10.77.0.125 * *");
        QTest::newRow("short mac") << QByteArray("1 52:54:00:aa:64 10.77.0.125 * *");
        QTest::newRow("bad hex") << QByteArray("1 52:54:00:zz:64:01 10.77.0.125 * *");
        QTest::newRow("3-digit group") << QByteArray("1 52:54:00:aa:64:101 10.77.0.125 * *");
        QTest::newRow("bad hardware type") << QByteArray("1 zz-00:11 10.77.0.125 * *");
        QTest::newRow("bad ip") << QByteArray("1 52:54:00:aa:64:01 10.77.0.300 * *");
        QTest::newRow("bad host name") << QByteArray("1 52:54:00:aa:64:01 10.77.0.125 bad/name *");
        QTest::newRow("bad client id") << QByteArray("1 52:54:00:aa:64:01 10.77.0.125 * 01::02");
    }
    void malformedLines()
    {
        QFETCH(QByteArray, line);
        const QByteArray text = "1795314811 52:54:00:aa:64:02 10.77.0.126 * *\n" + line + "\n";
        const LeaseFileContent c = parseLeaseFile(text);
        QCOMPARE(c.leases.size(), 1);          // the good line survives
        QCOMPARE(c.warnings.size(), 1);
        QVERIFY(c.warnings.first().startsWith(QLatin1String("line 2:")));
    }

    void garbage()
    {
        QByteArray junk;
        for (int i = 0; i < 4096; ++i)
            junk.append(char((i * 7919) % 256));
        const LeaseFileContent c = parseLeaseFile(junk);   // must not crash
        QVERIFY(c.leases.isEmpty());
        QVERIFY(parseLeaseFile(QByteArray()).leases.isEmpty());
    }

    void hostnames()
    {
        QVERIFY(isValidHostname(QStringLiteral("pi-01")));
        QVERIFY(!isValidHostname(QString()));
        QVERIFY(!isValidHostname(QStringLiteral("a b")));
        QVERIFY(!isValidHostname(QString(64, QLatin1Char('a'))));
        QVERIFY(!isValidHostname(QStringLiteral("host.example")));
        DhcpLease l;
        l.address = 0x0a4d0001;
        l.hwAddress = QByteArray::fromHex("525400aa6401");
        l.hostname = QStringLiteral("evil name\n1 2 3 4 5");
        QCOMPARE(formatLeaseFile({l}), QByteArray("0 52:54:00:aa:64:01 10.77.0.1 * *\n"));
    }
};

QTEST_GUILESS_MAIN(TestDhcpLease)
#include "tst_dhcplease.moc"
