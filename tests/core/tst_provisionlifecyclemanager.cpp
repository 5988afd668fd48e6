#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "provision/lifecyclemanager.h"
#include "provisiontesthelpers.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using lifecycle::State;

// LifecycleManager without sockets: enforced transitions, journal, registry mirror,
// persistence in lifecycle.json (0600), callback tokens.
class TestProvisionLifecycleManager : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const MacAddress m_mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));

    static DeviceConfig device(const MacAddress &mac)
    {
        DeviceConfig d;
        d.mac = mac;
        d.name = QStringLiteral("pi-01");
        d.serial = QStringLiteral("6b1d0001");
        return d;
    }
    QString path() const { return m_dir.filePath(QStringLiteral("lifecycle.json")); }

private Q_SLOTS:
    void init() { QFile::remove(path()); }

    void adoptionMakesReady()
    {
        DeviceJournal journal;
        DeviceRegistry registry(&journal);
        LifecycleManager lc(&registry, &journal);
        QVERIFY(lc.open(path()));
        // Seen on the wire first: discovered.
        registry.observe(m_mac, QStringLiteral("6b1d0001"));
        QCOMPARE(lc.state(m_mac), State::Discovered);
        QCOMPARE(registry.find(m_mac)->lifecycle, QStringLiteral("discovered"));
        // Then adopted: ready, journaled by the manager.
        registry.applyConfig({device(m_mac)});
        lc.applyConfig({device(m_mac)});
        QCOMPARE(lc.state(m_mac), State::Ready);
        QCOMPARE(registry.find(m_mac)->lifecycle, QStringLiteral("ready"));
        const auto events = journal.events(m_mac);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last().kind, QString::fromLatin1(journalkind::LifecycleChanged));
        QCOMPARE(events.last().data.value(QStringLiteral("from")).toString(), QStringLiteral("discovered"));
        QCOMPARE(events.last().data.value(QStringLiteral("to")).toString(), QStringLiteral("ready"));
        QCOMPARE(events.last().data.value(QStringLiteral("actor")).toString(), QStringLiteral("config"));
    }

    void fullCycleAndIllegalSteps()
    {
        DeviceJournal journal;
        DeviceRegistry registry(&journal);
        LifecycleManager lc(&registry, &journal);
        QVERIFY(lc.open(path()));
        registry.applyConfig({device(m_mac)});
        lc.applyConfig({device(m_mac)});
        QSignalSpy changes(&lc, &LifecycleManager::stateChanged);
        QString why;

        // Provisioning needs a workflow.
        QVERIFY(!lc.transition(m_mac, State::Provisioning, {}, QStringLiteral("test"), &why));
        QVERIFY2(why.contains(QStringLiteral("no workflow")), qPrintable(why));
        QVERIFY(lc.assignWorkflow(m_mac, QStringLiteral("pi-ubuntu"), QStringLiteral("test"), &why));
        // Illegal: ready -> deployed.
        QVERIFY(!lc.transition(m_mac, State::Deployed, {}, QStringLiteral("test"), &why));
        QVERIFY2(why.contains(QStringLiteral("ready -> deployed is not allowed")), qPrintable(why));
        QCOMPARE(lc.state(m_mac), State::Ready);
        QCOMPARE(changes.count(), 0);

        const QByteArray tokenBefore = lc.token(m_mac);
        QVERIFY(lc.transition(m_mac, State::Provisioning, QStringLiteral("go"), QStringLiteral("test"), &why));
        QCOMPARE(lc.token(m_mac), tokenBefore);           // the running agent keeps its token
        QCOMPARE(lc.record(m_mac)->installs, 1);
        // Workflow cannot change while installing.
        QVERIFY(!lc.assignWorkflow(m_mac, QStringLiteral("other"), QStringLiteral("test"), &why));
        QVERIFY(lc.transition(m_mac, State::Failed, QStringLiteral("disk full"), QStringLiteral("agent"), &why));
        QVERIFY(lc.transition(m_mac, State::Provisioning, QStringLiteral("retry"), QStringLiteral("api"), &why));
        QCOMPARE(lc.record(m_mac)->installs, 2);
        QVERIFY(lc.transition(m_mac, State::Deployed, QStringLiteral("done"), QStringLiteral("agent"), &why));
        QVERIFY(lc.token(m_mac) != tokenBefore);          // leaving the deploy environment kills the token
        QVERIFY(!lc.verifyToken(m_mac, tokenBefore));
        QVERIFY(lc.verifyToken(m_mac, lc.token(m_mac)));
        QCOMPARE(registry.find(m_mac)->lifecycle, QStringLiteral("deployed"));
        QVERIFY(!lc.transition(m_mac, State::Provisioning, {}, QStringLiteral("test"), &why));
        QVERIFY(lc.transition(m_mac, State::Reprovision, {}, QStringLiteral("api"), &why));
        QVERIFY(lc.transition(m_mac, State::Retired, {}, QStringLiteral("api"), &why));
        QVERIFY(!lc.transition(m_mac, State::Ready, {}, QStringLiteral("api"), &why));
        QVERIFY(lc.transition(m_mac, State::Discovered, QStringLiteral("re-enrol"), QStringLiteral("api"), &why));
        QVERIFY(lc.record(m_mac)->workflow.isEmpty());    // a clean slate
        QCOMPARE(changes.count(), 7);

        // Every change is in the journal, in order, and in the record's history.
        QStringList seen;
        for (const auto &e : journal.events(m_mac))
            if (e.kind == QString::fromLatin1(journalkind::LifecycleChanged))
                seen << e.data.value(QStringLiteral("to")).toString();
        QCOMPARE(seen.join(QLatin1Char(',')),
                 QStringLiteral("provisioning,failed,provisioning,deployed,reprovision,retired,discovered"));
        const auto failed = journal.events(m_mac);
        bool sawError = false;
        for (const auto &e : failed)
            sawError = sawError || (e.severity == JournalEvent::Severity::Error && e.message.contains(QStringLiteral("disk full")));
        QVERIFY(sawError);
        QCOMPARE(lc.record(m_mac)->history.size(), 7);
    }

    void persistsAcrossRestarts()
    {
        QByteArray token;
        {
            DeviceJournal journal;
            DeviceRegistry registry(&journal);
            LifecycleManager lc(&registry, &journal);
            QVERIFY(lc.open(path()));
            registry.applyConfig({device(m_mac)});
            lc.applyConfig({device(m_mac)});
            QString why;
            QVERIFY(lc.assignWorkflow(m_mac, QStringLiteral("pi-ubuntu"), QStringLiteral("test"), &why));
            QVERIFY(lc.transition(m_mac, State::Provisioning, {}, QStringLiteral("test"), &why));
            lc.setLastError(m_mac, QStringLiteral("nothing yet"));
            token = lc.token(m_mac);
        }
        // The file holds secrets: owner only.
        QCOMPARE(QFile(path()).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFileDevice::Permissions());
        DeviceJournal journal;
        DeviceRegistry registry(&journal);
        LifecycleManager lc(&registry, &journal);
        QVERIFY(lc.open(path()));
        // The registry says "ready" for an adopted device on its own; the manager corrects it.
        registry.applyConfig({device(m_mac)});
        lc.applyConfig({device(m_mac)});
        QCOMPARE(lc.state(m_mac), State::Provisioning);
        QCOMPARE(registry.find(m_mac)->lifecycle, QStringLiteral("provisioning"));
        QCOMPARE(lc.record(m_mac)->workflow, QStringLiteral("pi-ubuntu"));
        QCOMPARE(lc.record(m_mac)->lastError, QStringLiteral("nothing yet"));
        QVERIFY(lc.verifyToken(m_mac, token));
        QCOMPARE(lc.record(m_mac)->history.size(), 1);   // created ready (adopted), then one change
    }

    void corruptFileIsReportedNotFatal()
    {
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"devices\": [1, 2");
        f.close();
        DeviceJournal journal;
        DeviceRegistry registry(&journal);
        LifecycleManager lc(&registry, &journal);
        QString why;
        QVERIFY(!lc.open(path(), &why));
        QVERIFY2(why.contains(QStringLiteral("not valid JSON")), qPrintable(why));
        registry.observe(m_mac);
        QCOMPARE(lc.state(m_mac), State::Discovered);
    }

    void tokensAreRandomAndCompared()
    {
        const QByteArray a = LifecycleManager::newToken();
        const QByteArray b = LifecycleManager::newToken();
        QCOMPARE(a.size(), 43);     // 256 bits, base64url without padding
        QVERIFY(a != b);
        for (const char c : a)
            QVERIFY(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
        DeviceJournal journal;
        DeviceRegistry registry(&journal);
        LifecycleManager lc(&registry, &journal);
        registry.observe(m_mac);
        QVERIFY(!lc.verifyToken(m_mac, QByteArray()));
        QVERIFY(!lc.verifyToken(m_mac, a));
        QVERIFY(!lc.verifyToken(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:99")), lc.token(m_mac)));
        const QByteArray old = lc.token(m_mac);
        const QByteArray fresh = lc.rotateToken(m_mac);
        QVERIFY(!lc.verifyToken(m_mac, old));
        QVERIFY(lc.verifyToken(m_mac, fresh));
    }

    void removedDevicesLoseTheirRecord()
    {
        DeviceJournal journal;
        DeviceRegistry registry(&journal);
        LifecycleManager lc(&registry, &journal);
        QVERIFY(lc.open(path()));
        registry.observe(m_mac);
        QVERIFY(lc.record(m_mac));
        registry.remove(m_mac);
        QVERIFY(!lc.record(m_mac));
        const QJsonObject saved = QJsonDocument::fromJson([this] {
                                      QFile f(path());
                                      f.open(QIODevice::ReadOnly);
                                      return f.readAll();
                                  }())
                                      .object();
        QVERIFY(saved.value(QStringLiteral("devices")).toObject().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProvisionLifecycleManager)
#include "tst_provisionlifecyclemanager.moc"
