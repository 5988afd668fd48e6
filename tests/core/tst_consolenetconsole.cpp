#include "console/lineassembler.h"
#include "console/netconsoleparam.h"
#include "console/netconsoleparser.h"

#include <QRandomGenerator>
#include <QTest>

// netconsole, pure: datagram classification (plain/extended, release prefix, ncfrag), fragment
// reassembly, sequence loss detection, the netconsole= parameter, and line assembly.
class TestConsoleNetconsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void datagrams_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<bool>("extended");
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("facility");
        QTest::addColumn<qulonglong>("seq");
        QTest::addColumn<qulonglong>("ts");
        QTest::addColumn<QString>("release");
        QTest::addColumn<bool>("fragment");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("dictionary");
        const auto row = [](const char *name, const QByteArray &d, bool ext, int level, int fac, qulonglong seq, qulonglong ts,
                            const char *rel, bool frag, const QString &text, const QStringList &dict) {
            QTest::newRow(name) << d << ext << level << fac << seq << ts << QString::fromLatin1(rel) << frag << text << dict;
        };
        row("plain", "[    1.234567] Booting Linux on physical CPU 0x0\n", false, 6, 0, 0, 0, "", false, QString(), {});
        row("plain with semicolon later", "eth0: link up; 1000 Mbps\n", false, 6, 0, 0, 0, "", false, QString(), {});
        row("plain digits", "1,2,3 is not a header;\n", false, 6, 0, 0, 0, "", false, QString(), {});
        row("extended", "6,416,1758426,-;netconsole: network logging started", true, 6, 0, 416, 1758426, "", false,
            QStringLiteral("netconsole: network logging started"), {});
        row("extended user facility", "13,434,54928466,-;This is message #1\n msgid=1", true, 5, 1, 434, 54928466, "", false,
            QStringLiteral("This is message #1"), {QStringLiteral("msgid=1")});
        row("extended dictionary", "3,1001,2000000,-;usb 1-1: device descriptor read/64, error -71\n SUBSYSTEM=usb\n DEVICE=c189:1",
            true, 3, 0, 1001, 2000000, "", false, QStringLiteral("usb 1-1: device descriptor read/64, error -71"),
            (QStringList{QStringLiteral("SUBSYSTEM=usb"), QStringLiteral("DEVICE=c189:1")}));
        row("release prepended", "6.4.0,6,444,501151268,-;netconsole: network logging started", true, 6, 0, 444, 501151268, "6.4.0",
            false, QStringLiteral("netconsole: network logging started"), {});
        row("pi release", "6.6.31+rpt-rpi-v8,4,77,9000,c;mmc0: timeout", true, 4, 0, 77, 9000, "6.6.31+rpt-rpi-v8", false,
            QStringLiteral("mmc0: timeout"), {});
        row("escaped bytes", "6,5,6,-;caf\\xc3\\xa9 \\x07bell \\xzz", true, 6, 0, 5, 6, "", false,
            QString::fromUtf8("caf\xc3\xa9 bell \\xzz"), {});
        row("fragment", "6,416,1758426,-,ncfrag=0/31;the first chunk,", true, 6, 0, 416, 1758426, "", true, QString(), {});
        row("empty body", "6,1,2,-;", true, 6, 0, 1, 2, "", false, QString(), {});
    }
    void datagrams()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(bool, extended);
        QFETCH(int, level);
        QFETCH(int, facility);
        QFETCH(qulonglong, seq);
        QFETCH(qulonglong, ts);
        QFETCH(QString, release);
        QFETCH(bool, fragment);
        QFETCH(QString, text);
        QFETCH(QStringList, dictionary);
        const auto m = netconsole::parseDatagram(datagram);
        QVERIFY2(m.ok(), qPrintable(m.error()));
        QCOMPARE(m->extended, extended);
        if (!extended) {
            QCOMPARE(m->body, datagram);
            return;
        }
        QCOMPARE(m->level, level);
        QCOMPARE(m->facility, facility);
        QCOMPARE(qulonglong(m->seq), seq);
        QCOMPARE(qulonglong(m->timestampUs), ts);
        QCOMPARE(m->release, release);
        QCOMPARE(m->fragment, fragment);
        if (!fragment) {
            QCOMPARE(m->text, text);
            QCOMPARE(m->dictionary, dictionary);
        }
    }

    void malformedExtended_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("priority") << QByteArray("999,1,2,-;x") << QStringLiteral("out of range");
        QTest::newRow("flag") << QByteArray("6,1,2,X;x") << QStringLiteral("continuation flag");
        QTest::newRow("ncfrag syntax") << QByteArray("6,1,2,-,ncfrag=a/b;x") << QStringLiteral("malformed ncfrag");
        QTest::newRow("ncfrag past end") << QByteArray("6,1,2,-,ncfrag=30/31;two bytes") << QStringLiteral("outside");
        QTest::newRow("ncfrag zero") << QByteArray("6,1,2,-,ncfrag=0/0;x") << QStringLiteral("outside");
        QTest::newRow("ncfrag huge") << QByteArray("6,1,2,-,ncfrag=0/999999;x") << QStringLiteral("outside");
        QTest::newRow("oversized") << QByteArray(9000, 'a') << QStringLiteral("larger than");
    }
    void malformedExtended()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(QString, error);
        const auto m = netconsole::parseDatagram(datagram);
        QVERIFY(!m.ok());
        QVERIFY2(m.error().contains(error), qPrintable(m.error()));
    }

    void reassembly()
    {
        // The documentation's example, in order and out of order, plus a duplicate fragment.
        const QList<QByteArray> frags{"6,416,1758426,-,ncfrag=0/31;the first chunk,", "6,416,1758426,-,ncfrag=16/31; the 2nd chunk."};
        for (int order = 0; order < 2; ++order) {
            netconsole::Reassembler r;
            const auto a = netconsole::parseDatagram(frags.at(order));
            const auto b = netconsole::parseDatagram(frags.at(1 - order));
            QVERIFY(a.ok() && b.ok());
            QVERIFY(!r.add(*a, 0));
            QVERIFY(!r.add(*a, 1));          // duplicate: still incomplete
            QCOMPARE(r.pending(), 1);
            const auto done = r.add(*b, 2);
            QVERIFY(done);
            QCOMPARE(done->text, QStringLiteral("the first chunk, the 2nd chunk."));
            QCOMPARE(done->seq, quint64(416));
            QVERIFY(!done->fragment);
            QCOMPARE(r.pending(), 0);
        }
    }

    void reassemblyLimits()
    {
        netconsole::Reassembler r;
        // A message whose last fragment never comes is dropped after the timeout.
        QVERIFY(!r.add(*netconsole::parseDatagram("6,1,0,-,ncfrag=0/10;12345"), 0));
        QCOMPARE(r.expire(netconsole::Reassembler::TimeoutMs - 1), 0);
        QCOMPARE(r.expire(netconsole::Reassembler::TimeoutMs + 1), 1);
        // Bounded number of incomplete messages.
        for (int i = 0; i < 100; ++i)
            r.add(*netconsole::parseDatagram(QByteArray::number(6) + ',' + QByteArray::number(1000 + i) + ",0,-,ncfrag=0/10;12345"), i);
        QCOMPARE(r.pending(), netconsole::Reassembler::MaxPending);
        // A fragment that disagrees on the total is ignored.
        netconsole::Reassembler r2;
        QVERIFY(!r2.add(*netconsole::parseDatagram("6,7,0,-,ncfrag=0/10;12345"), 0));
        QVERIFY(!r2.add(*netconsole::parseDatagram("6,7,0,-,ncfrag=5/12;1234567"), 0));
        QVERIFY(r2.add(*netconsole::parseDatagram("6,7,0,-,ncfrag=5/10;67890"), 0));
    }

    void sequenceTracking()
    {
        netconsole::SequenceTracker t;
        QCOMPARE(t.observe(100).lost, quint64(0));
        QCOMPARE(t.observe(101).lost, quint64(0));
        auto o = t.observe(105);                   // 102..104 missing
        QCOMPARE(o.lost, quint64(3));
        QCOMPARE(t.totalLost(), quint64(3));
        o = t.observe(103);                        // one of them arrives late
        QVERIFY(o.reordered);
        QCOMPARE(t.totalLost(), quint64(2));
        QVERIFY(t.observe(105).duplicate);
        o = t.observe(3);                          // the device rebooted
        QVERIFY(o.restarted);
        QCOMPARE(t.observe(4).lost, quint64(0));
        QCOMPARE(t.received(), quint64(7));
        // A reboot whose first netconsole message is not near zero (early boot messages went
        // out before netconsole started) is a restart too, and losses after it still count.
        for (quint64 s = 5; s < 5000; ++s)
            t.observe(s);
        QVERIFY(t.observe(700).restarted);
        QCOMPARE(t.observe(703).lost, quint64(2));
    }

    void fuzz()
    {
        QRandomGenerator rng(7);
        const QByteArray seeds[] = {"6,416,1758426,-,ncfrag=0/31;the first chunk,", "6.4.0,6,444,501151268,-;netconsole: up",
                                    "13,434,54928466,-;This is message #1\n msgid=1"};
        netconsole::Reassembler r;
        for (int i = 0; i < 30000; ++i) {
            QByteArray m = seeds[i % 3];
            for (int e = 0; e < 1 + int(rng.bounded(4)); ++e)
                m[int(rng.bounded(m.size()))] = char(rng.bounded(256));
            const auto p = netconsole::parseDatagram(m);
            if (p.ok())
                r.add(*p, i);
        }
        QVERIFY(r.pending() <= netconsole::Reassembler::MaxPending);
    }

    void parameter_data()
    {
        QTest::addColumn<bool>("extended");
        QTest::addColumn<QString>("localIp");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("remoteIp");
        QTest::addColumn<QString>("remoteMac");
        QTest::addColumn<QString>("expected");
        QTest::newRow("minimal") << true << QString() << QString() << QStringLiteral("192.168.1.10") << QString()
                                 << QStringLiteral("netconsole=+6665@/,6666@192.168.1.10/");
        QTest::newRow("full") << true << QStringLiteral("192.168.1.57") << QStringLiteral("eth0") << QStringLiteral("192.168.1.10")
                              << QStringLiteral("dc:a6:32:aa:bb:cc")
                              << QStringLiteral("netconsole=+6665@192.168.1.57/eth0,6666@192.168.1.10/dc:a6:32:aa:bb:cc");
        QTest::newRow("plain") << false << QString() << QString() << QStringLiteral("10.0.0.1") << QString()
                               << QStringLiteral("netconsole=6665@/,6666@10.0.0.1/");
        QTest::newRow("no target") << true << QString() << QString() << QString() << QString() << QString();
        QTest::newRow("any target") << true << QString() << QString() << QStringLiteral("0.0.0.0") << QString() << QString();
        QTest::newRow("bad device") << true << QString() << QStringLiteral("eth0 quiet") << QStringLiteral("10.0.0.1") << QString() << QString();
    }
    void parameter()
    {
        QFETCH(bool, extended);
        QFETCH(QString, localIp);
        QFETCH(QString, device);
        QFETCH(QString, remoteIp);
        QFETCH(QString, remoteMac);
        QFETCH(QString, expected);
        console::NetconsoleTarget t;
        t.extended = extended;
        t.localIp = QHostAddress(localIp);
        t.device = device;
        t.remoteIp = QHostAddress(remoteIp);
        if (!remoteMac.isEmpty())
            t.remoteMac = *MacAddress::parse(remoteMac);
        QCOMPARE(console::netconsoleArgument(t), expected);
    }

    void lineAssembly()
    {
        LineAssembler a;
        QCOMPARE(a.feed("Starting \x1b[0;32mOK\x1b[0m kern"), QStringList());
        QVERIFY(a.hasPartial());
        QCOMPARE(a.feed("el\r\nline two\nthree"), (QStringList{QStringLiteral("Starting OK kernel"), QStringLiteral("line two")}));
        QCOMPARE(a.flush(), QStringList{QStringLiteral("three")});
        QVERIFY(!a.hasPartial());
        // UTF-8 split across feeds, an OSC title sequence, control bytes.
        QCOMPARE(a.feed("caf\xc3"), QStringList());
        QCOMPARE(a.feed("\xa9 \x1b]0;title\x07ok\x01\n"), QStringList{QString::fromUtf8("caf\xc3\xa9 ok")});
        // Endless line without newline is cut at MaxLine.
        const QStringList cut = a.feed(QByteArray(LineAssembler::MaxLine * 2 + 10, 'x'));
        QCOMPARE(cut.size(), 2);
        QCOMPARE(cut.first().size(), LineAssembler::MaxLine);
    }
};

QTEST_GUILESS_MAIN(TestConsoleNetconsole)
#include "tst_consolenetconsole.moc"
