// OsUpDetector (core/lab): console lines that say the operating system is up mark the device
// os-up in the journal (and so the registry), once per boot, for real and virtual Pis alike.

#include "console/consoleline.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "config/labconfig.h"
#include "lab/osupdetector.h"

#include <QSignalSpy>
#include <QTest>

namespace {

ConsoleLine line(const MacAddress &mac, const QString &text)
{
    ConsoleLine l;
    l.time = QDateTime::currentDateTimeUtc();
    l.mac = mac;
    l.origin = QStringLiteral("netconsole");
    l.source = QHostAddress(QStringLiteral("127.77.0.10"));
    l.text = text;
    return l;
}

} // namespace

class TestOsUpDetector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultPatterns_data();
    void defaultPatterns();
    void oncePerBootAndOnlyKnownSenders();
    void invalidPatternsAreSkipped();
};

void TestOsUpDetector::defaultPatterns_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("up");
    QTest::newRow("systemd 252") << QStringLiteral("systemd[1]: Reached target multi-user.target - Multi-User System.") << true;
    QTest::newRow("systemd old") << QStringLiteral("[  OK  ] Reached target Multi-User System.") << true;
    QTest::newRow("getty") << QStringLiteral("pi-01 login: ") << true;
    QTest::newRow("other target") << QStringLiteral("systemd[1]: Reached target Network.") << false;
    QTest::newRow("login mid-line") << QStringLiteral("sshd: failed login: root") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestOsUpDetector::defaultPatterns()
{
    QFETCH(QString, text);
    QFETCH(bool, up);
    OsUpDetector d(nullptr, nullptr);
    d.setPatterns(ConsoleConfig::defaultOsUpPatterns());
    QCOMPARE(!d.match(text).isEmpty(), up);
}

void TestOsUpDetector::oncePerBootAndOnlyKnownSenders()
{
    DeviceJournal journal;
    DeviceRegistry registry(&journal);
    const MacAddress mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));
    registry.observe(mac, QStringLiteral("6b1d0001"));
    OsUpDetector d(&registry, &journal);
    d.setPatterns(ConsoleConfig::defaultOsUpPatterns());
    QSignalSpy up(&d, &OsUpDetector::osUp);

    d.onLine(line(mac, QStringLiteral("kernel: Booting Linux on physical CPU 0x0")));
    QCOMPARE(up.count(), 0);
    d.onLine(line(MacAddress(), QStringLiteral("Reached target Multi-User System")));   // unknown sender
    QCOMPARE(up.count(), 0);
    d.onLine(line(mac, QStringLiteral("Reached target Multi-User System")));
    QCOMPARE(up.count(), 1);
    QTRY_COMPARE(registry.find(mac)->stage, BootStage::OsUp);
    const QList<JournalEvent> events = journal.events(mac);
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.last().kind, QString::fromLatin1(journalkind::OsUp));
    QCOMPARE(events.last().data.value(QStringLiteral("origin")).toString(), QStringLiteral("netconsole"));
    // Already up: the login prompt that follows is not a second os.up.
    d.onLine(line(mac, QStringLiteral("pi-01 login: ")));
    QCOMPARE(up.count(), 1);
    // The next boot (a new stage) may report again.
    registry.setStage(mac, BootStage::Dhcp);
    d.onLine(line(mac, QStringLiteral("pi-01 login: ")));
    QCOMPARE(up.count(), 2);
}

void TestOsUpDetector::invalidPatternsAreSkipped()
{
    OsUpDetector d(nullptr, nullptr);
    d.setPatterns({QStringLiteral("(broken"), QStringLiteral("^ready$")});
    QCOMPARE(d.match(QStringLiteral("READY")), QStringLiteral("^ready$"));   // case-insensitive
    QVERIFY(d.match(QStringLiteral("(broken")).isEmpty());
    d.onLine(line(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:02")), QStringLiteral("ready")));   // no registry/journal: no crash
}

QTEST_GUILESS_MAIN(TestOsUpDetector)
#include "tst_osupdetector.moc"
