#include "devices/devicejournal.h"
#include "devices/journalkinds.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestDeviceJournal : public QObject
{
    Q_OBJECT
    static JournalEvent event(const char *mac, const QString &message, BootStage stage = BootStage::Unknown)
    {
        JournalEvent e;
        if (mac)
            e.mac = *MacAddress::parse(QString::fromLatin1(mac));
        e.source = QStringLiteral("test");
        e.kind = QString::fromLatin1(journalkind::Note);
        e.message = message;
        e.stage = stage;
        e.data.insert(QStringLiteral("n"), message);
        return e;
    }
private Q_SLOTS:
    void appendStampsAndSignals()
    {
        DeviceJournal j;
        QSignalSpy spy(&j, &DeviceJournal::eventAppended);
        const auto first = j.append(event("dc:a6:32:00:00:01", QStringLiteral("one")));
        const auto second = j.append(event(nullptr, QStringLiteral("unknown client")));
        QCOMPARE(first.seq, quint64(1));
        QCOMPARE(second.seq, quint64(2));
        QVERIFY(first.time.isValid());
        QCOMPARE(spy.count(), 2);
        QCOMPARE(j.recent().size(), 2);
        QCOMPARE(j.events(first.mac).size(), 1);
        QCOMPARE(j.since(1).size(), 1);
        QCOMPARE(j.lastSeq(), quint64(2));
    }

    void ringsAreBounded()
    {
        DeviceJournal j;
        j.setLimits({10, 25, 1 << 20});
        for (int i = 0; i < 100; ++i)
            j.append(event(i % 2 ? "dc:a6:32:00:00:01" : "dc:a6:32:00:00:02", QString::number(i)));
        QCOMPARE(j.recent().size(), 25);
        const auto one = j.events(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01")));
        QCOMPARE(one.size(), 10);
        QCOMPARE(one.last().message, QStringLiteral("99"));   // newest last
        QCOMPARE(j.events(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01")), 3).size(), 3);
    }

    void survivesRestartAndSkipsTornLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.jsonl"));
        {
            DeviceJournal j;
            QVERIFY(j.open(path));
            for (int i = 0; i < 5; ++i)
                j.append(event("dc:a6:32:00:00:01", QString::number(i), BootStage::Tftp));
            j.close();
        }
        {   // A crash mid-line leaves a torn record at the end.
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            f.write("{\"seq\":6,\"kind\":\"no");
        }
        DeviceJournal j;
        QVERIFY(j.open(path));
        const auto restored = j.events(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01")));
        QCOMPARE(restored.size(), 5);
        QCOMPARE(restored.last().message, QStringLiteral("4"));
        QCOMPARE(restored.last().stage, BootStage::Tftp);
        QCOMPARE(restored.last().data.value(QStringLiteral("n")).toString(), QStringLiteral("4"));
        // Sequence numbers continue after the restored ones.
        QCOMPARE(j.append(event("dc:a6:32:00:00:01", QStringLiteral("after"))).seq, quint64(6));
    }

    void rotatesWhenTooLarge()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.jsonl"));
        DeviceJournal j;
        j.setLimits({100, 100, 4096});
        QVERIFY(j.open(path));
        for (int i = 0; i < 200; ++i) {
            j.append(event("dc:a6:32:00:00:01", QString(100, QLatin1Char('x'))));
            j.flush();
        }
        QVERIFY(QFile::exists(path + QStringLiteral(".1")));
        QVERIFY(QFileInfo(path).size() < 4096 + 512);
    }

    void jsonLineEqualsJsonObject_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QJsonObject>("data");
        QTest::newRow("plain") << QStringLiteral("sent start4.elf") << QJsonObject{{QStringLiteral("bytes"), 12345}};
        QTest::newRow("escapes") << QStringLiteral("quote \" backslash \\ newline \n tab \t bell \x07")
                                 << QJsonObject{{QStringLiteral("file"), QStringLiteral("a\"b\\c")}};
        QTest::newRow("unicode") << QString::fromUtf8("Gr\xc3\xbc\xc3\x9f \xe2\x9c\x93 \xf0\x9f\x98\x80")
                                 << QJsonObject{{QString::fromUtf8("k\xc3\xa9y"), QString::fromUtf8("\xe2\x82\xac")}};
        QTest::newRow("numbers") << QString() << QJsonObject{{QStringLiteral("ms"), 1.5}, {QStringLiteral("big"), 4.5e15},
                                                             {QStringLiteral("neg"), -3}, {QStringLiteral("tiny"), 1e-9}};
        QTest::newRow("nested") << QStringLiteral("x")
                                << QJsonObject{{QStringLiteral("list"), QJsonArray{1, QStringLiteral("two"), true, QJsonValue()}},
                                               {QStringLiteral("obj"), QJsonObject{{QStringLiteral("a"), false}}}};
    }
    void jsonLineEqualsJsonObject()
    {
        QFETCH(QString, message);
        QFETCH(QJsonObject, data);
        JournalEvent e = event("dc:a6:32:00:00:01", message, BootStage::Uefi);
        e.seq = 7;
        e.time = QDateTime(QDate(2026, 11, 22), QTime(3, 4, 5, 67), Qt::UTC);
        e.client = QHostAddress(QStringLiteral("127.0.0.2"));
        e.data = data;
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(e.toJsonLine(), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        QCOMPARE(doc.object(), e.toJson());
        QVERIFY(!e.toJsonLine().contains('\n'));
        QVERIFY(e.toJsonLine().contains("\"time\":\"2026-11-22T03:04:05.067Z\""));
    }

    void jsonRoundTrip()
    {
        JournalEvent e = event("dc:a6:32:00:00:01", QStringLiteral("hello"), BootStage::OsUp);
        e.seq = 42;
        e.time = QDateTime::currentDateTimeUtc();
        e.client = QHostAddress(QStringLiteral("127.0.0.1"));
        e.severity = JournalEvent::Severity::Warning;
        const JournalEvent back = JournalEvent::fromJson(e.toJson());
        QCOMPARE(back.seq, e.seq);
        QCOMPARE(back.mac, e.mac);
        QCOMPARE(back.client, e.client);
        QCOMPARE(back.severity, e.severity);
        QCOMPARE(back.stage, e.stage);
        QCOMPARE(back.time.toMSecsSinceEpoch(), e.time.toMSecsSinceEpoch());
    }
};

QTEST_GUILESS_MAIN(TestDeviceJournal)
#include "tst_devicejournal.moc"
