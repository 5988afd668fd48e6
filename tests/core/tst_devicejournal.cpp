#include "devices/devicejournal.h"
#include "devices/journalkinds.h"

#include <QFile>
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
