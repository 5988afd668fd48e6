#include "labfacade.h"

#include "common/logging.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "engine/labengine.h"
#include "engine/servicehub.h"

LabFacade::LabFacade(LabEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    if (!engine)
        return;
    // Receivers live on the GUI thread: these connections are queued.
    connect(engine->registry(), &DeviceRegistry::deviceAdded, this, [this](const DeviceInfo &d) { m_devices.upsert(d); });
    connect(engine->registry(), &DeviceRegistry::deviceChanged, this, [this](const DeviceInfo &d) { m_devices.upsert(d); });
    connect(engine->registry(), &DeviceRegistry::deviceRemoved, this, [this](const MacAddress &m) { m_devices.remove(m); });
    connect(engine->hub(), &ServiceHub::serviceStateChanged, this,
            [this](const ServiceHub::Status &s) { m_services.update(s); });
    connect(engine->hub(), &ServiceHub::errorOccurred, this, [this](const ServiceError &e) {
        setError(tr("%1: %2").arg(e.service, e.message));
    });
    connect(engine->journal(), &DeviceJournal::eventAppended, this, [this](const JournalEvent &e) { m_journal.append(e); });
    connect(engine, &LabEngine::configApplied, this, [this](const LabConfig &c) {
        if (m_name != c.name) {
            m_name = c.name;
            Q_EMIT nameChanged();
        }
    });
    connect(engine, &LabEngine::configRejected, this, [this](const ConfigErrors &errors) {
        setError(tr("The edited lab file was not applied: %1").arg(errors.isEmpty() ? QString() : errors.first().toString()));
    });
}

void LabFacade::refresh()
{
    if (!m_engine)
        return;
    // Collect on the engine thread, apply on ours.
    QPointer<LabFacade> self(this);
    LabEngine *engine = m_engine;
    QMetaObject::invokeMethod(engine, [self, engine] {
        const auto devices = engine->registry()->all();
        const auto services = engine->hub()->statuses();
        const auto events = engine->journal()->recent(2000);
        const QString name = engine->config().name;
        const QString path = engine->configPath();
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, devices, services, events, name, path] {
            if (!self)
                return;
            self->m_devices.reset(devices);
            self->m_services.reset(services);
            self->m_journal.reset(events);
            self->m_name = name;
            self->m_configPath = path;
            Q_EMIT self->nameChanged();
        });
    });
}

void LabFacade::startService(const QString &id)
{
    if (!m_engine)
        return;
    LabEngine *engine = m_engine;
    QMetaObject::invokeMethod(engine, [engine, id] {
        QString why;
        engine->hub()->startService(id, &why);
    });
}

void LabFacade::stopService(const QString &id)
{
    if (!m_engine)
        return;
    LabEngine *engine = m_engine;
    QMetaObject::invokeMethod(engine, [engine, id] {
        QString why;
        engine->hub()->stopService(id, &why);
    });
}

void LabFacade::moveDevice(const QString &mac, qreal x, qreal y)
{
    const auto m = MacAddress::parse(mac);
    if (!m || !m_engine)
        return;
    LabEngine *engine = m_engine;
    const MacAddress address = *m;
    QPointer<LabFacade> self(this);
    QMetaObject::invokeMethod(engine, [engine, address, x, y, self] {
        QString why;
        const bool ok = engine->modifyConfig(
            [&](LabConfig &c) {
                if (DeviceConfig *d = c.device(address))
                    d->position = QPointF(x, y);
            },
            &why);
        if (!ok && self)
            QMetaObject::invokeMethod(self, [self, why] {
                if (self)
                    self->setError(why);
            });
    });
}

void LabFacade::setError(const QString &message)
{
    qCWarning(lcUi).noquote() << message;
    m_lastError = message;
    Q_EMIT lastErrorChanged();
    Q_EMIT notify(message);
}

void LabFacade::clearError()
{
    if (m_lastError.isEmpty())
        return;
    m_lastError.clear();
    Q_EMIT lastErrorChanged();
}
