#include "engine/servicehub.h"

#include <QSignalSpy>
#include <QTest>

namespace {
// A service whose start succeeds or fails on demand and records the order of calls.
class FakeService : public Service
{
public:
    FakeService(const QString &id, QStringList *log, bool fails = false)
        : Service(id)
        , m_log(log)
        , m_fails(fails)
    {
    }
    QString displayName() const override { return id(); }
    QStringList endpoints() const override { return {QStringLiteral("fake:") + id()}; }
    void breakAtRuntime() { fail(QStringLiteral("socket-error"), QStringLiteral("socket went away")); }

protected:
    bool doStart(QString *error) override
    {
        m_log->append(QStringLiteral("start ") + id());
        if (m_fails) {
            *error = QStringLiteral("address already in use");
            return false;
        }
        return true;
    }
    void doStop() override { m_log->append(QStringLiteral("stop ") + id()); }

private:
    QStringList *m_log;
    bool m_fails;
};
} // namespace

class TestServiceHub : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsInOrderStopsInReverse()
    {
        QStringList log;
        ServiceHub hub;
        hub.add(new FakeService(QStringLiteral("http"), &log));
        hub.add(new FakeService(QStringLiteral("dhcp"), &log));
        hub.add(new FakeService(QStringLiteral("tftp"), &log));
        QCOMPARE(hub.startAll(), 0);
        hub.stopAll();
        QCOMPARE(log, (QStringList{QStringLiteral("start http"), QStringLiteral("start dhcp"), QStringLiteral("start tftp"),
                                   QStringLiteral("stop tftp"), QStringLiteral("stop dhcp"), QStringLiteral("stop http")}));
    }

    void failureIsReportedAndOthersKeepRunning()
    {
        QStringList log;
        ServiceHub hub;
        hub.add(new FakeService(QStringLiteral("http"), &log));
        hub.add(new FakeService(QStringLiteral("dhcp"), &log, true));
        hub.add(new FakeService(QStringLiteral("tftp"), &log));
        QSignalSpy errors(&hub, &ServiceHub::errorOccurred);
        QCOMPARE(hub.startAll(), 1);
        QCOMPARE(hub.status(QStringLiteral("dhcp")).state, Service::State::Failed);
        QCOMPARE(hub.status(QStringLiteral("dhcp")).error, QStringLiteral("address already in use"));
        QCOMPARE(hub.status(QStringLiteral("http")).state, Service::State::Running);
        QCOMPARE(hub.status(QStringLiteral("tftp")).state, Service::State::Running);
        QCOMPARE(hub.status(QStringLiteral("tftp")).endpoints, QStringList{QStringLiteral("fake:tftp")});
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.first().first().value<ServiceError>().service, QStringLiteral("dhcp"));
    }

    void runtimeFailureAndRestart()
    {
        QStringList log;
        ServiceHub hub;
        auto *svc = new FakeService(QStringLiteral("tftp"), &log);
        hub.add(svc);
        QSignalSpy states(&hub, &ServiceHub::serviceStateChanged);
        hub.startAll();
        svc->breakAtRuntime();
        QCOMPARE(svc->state(), Service::State::Failed);
        QCOMPARE(svc->errorString(), QStringLiteral("socket went away"));
        QString why;
        QVERIFY(hub.restartService(QStringLiteral("tftp"), &why));
        QCOMPARE(svc->state(), Service::State::Running);
        QVERIFY(states.count() >= 4);
        QVERIFY(!hub.startService(QStringLiteral("nope"), &why));
        QVERIFY(why.contains(QStringLiteral("nope")));
    }

    void disabledServicesAreNotStarted()
    {
        QStringList log;
        ServiceHub hub;
        auto *svc = new FakeService(QStringLiteral("redfish"), &log);
        svc->setEnabled(false);
        hub.add(svc);
        hub.startAll();
        QVERIFY(log.isEmpty());
        QCOMPARE(hub.status(QStringLiteral("redfish")).state, Service::State::Stopped);
    }
};

QTEST_GUILESS_MAIN(TestServiceHub)
#include "tst_servicehub.moc"
