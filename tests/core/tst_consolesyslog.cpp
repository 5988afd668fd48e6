#include "console/syslogparser.h"

#include <QRandomGenerator>
#include <QTest>

// Syslog datagrams, table-driven: what util-linux logger really sends (captured bytes), the
// RFC 3164/5424 corner cases, and garbage.
class TestConsoleSyslog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<int>("version");
        QTest::addColumn<int>("facility");
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("app");
        QTest::addColumn<QString>("procid");
        QTest::addColumn<QString>("msgid");
        QTest::addColumn<QString>("sd");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("time");     // ISO UTC, empty = none
        const auto row = [](const char *name, const QByteArray &d, int v, int f, int s, const char *host, const char *app,
                            const char *proc, const char *msgid, const QString &sd, const QString &text, const char *time) {
            QTest::newRow(name) << d << v << f << s << QString::fromLatin1(host) << QString::fromLatin1(app)
                                << QString::fromLatin1(proc) << QString::fromLatin1(msgid) << sd << text << QString::fromLatin1(time);
        };
        const QString e = QString::fromUtf8("PoE test \xc3\xa9 5424");
        // Captured from `logger --rfc5424 -n 127.0.0.1 -P <port> -d -t pi-node07 …` (util-linux 2.38.1).
        row("logger 5424", "<13>1 2026-11-22T03:28:05.700522+00:00 vm pi-node07 - - [timeQuality tzKnown=\"1\" isSynced=\"0\"] PoE test \xc3\xa9 5424",
            1, 1, 5, "vm", "pi-node07", "", "", QStringLiteral("[timeQuality tzKnown=\"1\" isSynced=\"0\"]"), e, "2026-11-22T03:28:05.700Z");
        row("logger 5424 sd escapes", "<11>1 2026-11-22T03:28:05.702750+00:00 vm pi-node07 - BOOT [timeQuality tzKnown=\"1\" isSynced=\"0\"][meta@32473 unit=\"dhcp\\\"x\"] PoE test \xc3\xa9 5424",
            1, 1, 3, "vm", "pi-node07", "", "BOOT",
            QStringLiteral("[timeQuality tzKnown=\"1\" isSynced=\"0\"][meta@32473 unit=\"dhcp\\\"x\"]"), e, "2026-11-22T03:28:05.702Z");
        row("logger 3164", "<13>Nov 22 03:28:05 vm pi-node07: PoE test \xc3\xa9 5424", 0, 1, 5, "vm", "pi-node07", "", "", QString(), e, "");
        row("5424 nil everything", "<165>1 - - - - - -", 1, 20, 5, "", "", "", "", QString(), QString(), "");
        row("5424 rfc example", "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \xEF\xBB\xBF'su root' failed for lonvick on /dev/pts/8",
            1, 4, 2, "mymachine.example.com", "su", "", "ID47", QString(), QStringLiteral("'su root' failed for lonvick on /dev/pts/8"),
            "2003-10-11T22:14:15.003Z");
        row("5424 offset", "<86>1 2026-01-02T10:00:00-05:00 pi sshd 812 - - Accepted publickey", 1, 10, 6, "pi", "sshd", "812", "", QString(),
            QStringLiteral("Accepted publickey"), "2026-01-02T15:00:00.000Z");
        row("3164 pid", "<38>Feb  5 17:32:18 pi-07 sshd[4321]: Accepted password for pi\n", 0, 4, 6, "pi-07", "sshd", "4321", "", QString(),
            QStringLiteral("Accepted password for pi"), "");
        row("3164 no host", "<6>Feb  5 17:32:18 kernel: [    1.234] usb 1-1: new device", 0, 0, 6, "", "kernel", "", "", QString(),
            QStringLiteral("[    1.234] usb 1-1: new device"), "");
        row("3164 host no tag", "<14>Mar 10 09:00:01 router link up on port 5", 0, 1, 6, "router", "", "", "", QString(),
            QStringLiteral("link up on port 5"), "");
        row("bare message", "<13>hello world", 0, 1, 5, "", "", "", "", QString(), QStringLiteral("hello world"), "");
        row("tag no time", "<13>cloud-init: done", 0, 1, 5, "", "cloud-init", "", "", QString(), QStringLiteral("done"), "");
        row("control chars", QByteArray("<13>a\x01" "b\x1b[31mc\tz\r\n", 16), 0, 1, 5, "", "", "", "", QString(), QStringLiteral("ab[31mc\tz"), "");
        row("1 not 5424", "<13>1 apple a day", 0, 1, 5, "", "", "", "", QString(), QStringLiteral("1 apple a day"), "");
    }
    void parse()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(int, version);
        QFETCH(int, facility);
        QFETCH(int, severity);
        QFETCH(QString, host);
        QFETCH(QString, app);
        QFETCH(QString, procid);
        QFETCH(QString, msgid);
        QFETCH(QString, sd);
        QFETCH(QString, text);
        QFETCH(QString, time);
        const auto m = syslogmsg::parse(datagram, QDateTime(QDate(2026, 11, 22), QTime(4, 0), Qt::UTC));
        QVERIFY2(m.ok(), qPrintable(m.error()));
        QCOMPARE(m->version, version);
        QCOMPARE(m->facility, facility);
        QCOMPARE(m->severity, severity);
        QCOMPARE(m->hostname, host);
        QCOMPARE(m->appName, app);
        QCOMPARE(m->procId, procid);
        QCOMPARE(m->msgId, msgid);
        QCOMPARE(m->structuredData, sd);
        QCOMPARE(m->text, text);
        if (!time.isEmpty())
            QCOMPARE(m->timestamp.toUTC().toString(Qt::ISODateWithMs), time);
        else if (version == 1)
            QVERIFY(!m->timestamp.isValid());
    }

    void bsdYearFollowsNow()
    {
        // A December message received on the 1st of January belongs to the old year.
        const auto m = syslogmsg::parse("<13>Dec 31 23:59:59 h t: x", QDateTime(QDate(2027, 1, 1), QTime(0, 0, 5), Qt::UTC));
        QVERIFY(m.ok());
        QCOMPARE(m->timestamp.toLocalTime().date().year(), 2026);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("no pri") << QByteArray("hello") << QStringLiteral("no <PRI>");
        QTest::newRow("pri letters") << QByteArray("<1a>x") << QStringLiteral("malformed <PRI>");
        QTest::newRow("pri too long") << QByteArray("<1234>x") << QStringLiteral("malformed <PRI>");
        QTest::newRow("pri unterminated") << QByteArray("<13") << QStringLiteral("malformed <PRI>");
        QTest::newRow("pri range") << QByteArray("<192>x") << QStringLiteral("out of range");
        QTest::newRow("sd unterminated") << QByteArray("<13>1 - h a - - [x y=\"z") << QStringLiteral("unterminated");
        QTest::newRow("sd garbage") << QByteArray("<13>1 - h a - - {x}") << QStringLiteral("STRUCTURED-DATA");
        QTest::newRow("too large") << QByteArray("<13>") + QByteArray(9000, 'a') << QStringLiteral("larger than");
    }
    void rejects()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(QString, error);
        const auto m = syslogmsg::parse(datagram);
        QVERIFY(!m.ok());
        QVERIFY2(m.error().contains(error), qPrintable(m.error()));
    }

    void fuzz()
    {
        const QByteArray seeds[] = {"<13>1 2026-11-22T03:28:05.700522+00:00 vm pi-node07 - - [timeQuality tzKnown=\"1\"] PoE",
                                    "<13>Nov 22 03:28:05 vm pi-node07: PoE test"};
        QRandomGenerator rng(99);
        int ok = 0;
        for (int i = 0; i < 20000; ++i) {
            QByteArray m = seeds[i % 2];
            for (int e = 0; e < 1 + int(rng.bounded(4)); ++e)
                m[int(rng.bounded(m.size()))] = char(rng.bounded(256));
            if (rng.bounded(3) == 0)
                m.truncate(int(rng.bounded(m.size() + 1)));
            ok += syslogmsg::parse(m).ok() ? 1 : 0;
        }
        QVERIFY(ok > 0);
    }
};

QTEST_GUILESS_MAIN(TestConsoleSyslog)
#include "tst_consolesyslog.moc"
