#include "powerfeed.h"

#include "engine/labengine.h"
#include "engine/servicehub.h"
#include "labfacade.h"
#include "poe/poetypes.h"

#include <QSet>

PowerFeed::PowerFeed(LabFacade *facade, SwitchPortModel *model, QObject *parent)
    : QObject(parent)
    , m_facade(facade)
    , m_model(model)
{
    connect(m_model, &SwitchPortModel::powerRequested, this, &PowerFeed::requestPower);
    connect(m_model, &SwitchPortModel::mapRequested, this, &PowerFeed::map);
    connect(m_model, &SwitchPortModel::unmapRequested, this, &PowerFeed::unmap);
}

PowerManager *PowerFeed::manager() const
{
    // Only called on the engine thread.
    return m_engine ? m_engine->hub()->service<PowerManager>() : nullptr;
}

void PowerFeed::attach(LabEngine *engine)
{
    m_engine = engine;
    if (!engine)
        return;
    // The manager is created with the engine and lives as long as it; its signals are queued to us.
    auto *pm = engine->hub()->service<PowerManager>();
    if (!pm)
        return;
    connect(pm, &PowerManager::switchUpdated, this, &PowerFeed::onSwitchUpdated);
    connect(pm, &PowerManager::switchesChanged, this, &PowerFeed::refresh);
}

SwitchSnapshot PowerFeed::snapshot(const PowerManager::SwitchView &view, const LabConfig &config)
{
    SwitchSnapshot s;
    s.id = view.id;
    s.driver = view.driver;
    s.address = view.address;
    s.reachable = view.reachable;
    s.error = view.error;
    s.budgetWatts = view.budgetWatts;
    s.totalWatts = view.totalWatts;
    s.lastRead = view.lastRead;
    const SwitchConfig *cfg = config.switchById(view.id);
    for (const PowerManager::PortView &p : view.ports) {
        SwitchPortSnapshot port;
        port.port = p.status.port;
        port.label = p.status.label;
        port.adminUp = p.status.adminOn.value_or(false);
        port.operUp = view.reachable && p.status.detection == poe::Detection::Delivering;
        port.detection = p.status.detection == poe::Detection::Unknown ? QString() : poe::detectionName(p.status.detection);
        port.watts = view.reachable ? p.status.watts : -1;
        port.busy = p.busy;
        if (cfg && cfg->protectedPorts.contains(port.port))
            port.protection = SwitchPortSnapshot::Protection::Listed;
        else if (p.isProtected)
            port.protection = SwitchPortSnapshot::Protection::Unmapped;
        if (p.device.isValid()) {
            port.mappedMac = p.device.toString();
            const DeviceConfig *d = config.device(p.device);
            port.mappedName = d && !d->name.isEmpty() ? d->name : port.mappedMac;
            port.mappedLearned = p.deviceLearned;
        }
        s.ports.append(port);
    }
    return s;
}

void PowerFeed::onSwitchUpdated(const PowerManager::SwitchView &view)
{
    m_views.insert(view.id, view);
    m_model->updateSwitch(snapshot(view, m_facade->config()));
}

void PowerFeed::configChanged()
{
    for (const auto &view : std::as_const(m_views))
        m_model->updateSwitch(snapshot(view, m_facade->config()));
}

void PowerFeed::refresh()
{
    LabEngine *engine = m_engine;
    if (!engine)
        return;
    QPointer<PowerFeed> self(this);
    QMetaObject::invokeMethod(engine, [self, engine] {
        auto *pm = engine->hub()->service<PowerManager>();
        if (!pm || !self)
            return;
        const QList<PowerManager::SwitchView> views = pm->switches();
        QHash<QString, QList<double>> history;   // "switch\nport" -> watts, oldest first
        for (const auto &v : views)
            for (const auto &p : v.ports) {
                QList<double> watts;
                const auto samples = pm->wattHistory(v.id, p.status.port);
                for (const auto &sample : samples.mid(qMax(0, int(samples.size()) - SwitchPortModel::HistoryLength)))
                    watts.append(double(sample.watts));
                history.insert(v.id + QLatin1Char('\n') + p.status.port, watts);
            }
        QMetaObject::invokeMethod(self, [self, views, history] {
            if (!self)
                return;
            QList<SwitchSnapshot> snapshots;
            self->m_views.clear();
            for (const auto &v : views) {
                self->m_views.insert(v.id, v);
                SwitchSnapshot s = snapshot(v, self->m_facade->config());
                for (auto &p : s.ports)
                    p.history = history.value(s.id + QLatin1Char('\n') + p.port);
                snapshots.append(s);
            }
            self->m_model->setSnapshot(snapshots);
        });
    });
}

void PowerFeed::requestPower(const QString &switchId, const QString &port, const QString &action, bool override)
{
    PowerControl::Action act = PowerControl::Action::On;
    if (action == QLatin1String("off"))
        act = PowerControl::Action::Off;
    else if (action == QLatin1String("cycle"))
        act = PowerControl::Action::Cycle;
    else if (action != QLatin1String("on"))
        return;
    LabEngine *engine = m_engine;
    if (!engine) {
        m_model->setPending(switchId, port, false);
        m_facade->setError(tr("Port %1 of %2 was not switched: no lab is running.").arg(port, switchId));
        return;
    }
    QPointer<PowerFeed> self(this);
    auto finished = [self, switchId, port, act](bool ok, const QString &error) {
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, switchId, port, act, ok, error] {
            if (!self)
                return;
            self->m_model->setPending(switchId, port, false);
            // One sentence per action: the verb is part of the translation.
            if (!ok && act == PowerControl::Action::On)
                self->m_facade->setError(tr("Port %1 of %2 was not powered on: %3").arg(port, switchId, error));
            else if (!ok && act == PowerControl::Action::Off)
                self->m_facade->setError(tr("Port %1 of %2 was not powered off: %3").arg(port, switchId, error));
            else if (!ok)
                self->m_facade->setError(tr("Port %1 of %2 was not power cycled: %3").arg(port, switchId, error));
            else if (act == PowerControl::Action::On)
                Q_EMIT self->m_facade->notify(tr("Port %1 of %2 powered on").arg(port, switchId));
            else if (act == PowerControl::Action::Off)
                Q_EMIT self->m_facade->notify(tr("Port %1 of %2 powered off").arg(port, switchId));
            else
                Q_EMIT self->m_facade->notify(tr("Port %1 of %2 power cycled").arg(port, switchId));
        });
    };
    QMetaObject::invokeMethod(engine, [engine, switchId, port, act, override, finished] {
        auto *pm = engine->hub()->service<PowerManager>();
        if (!pm)
            return finished(false, tr("this lab has no PoE power controller"));
        pm->requestPortPower(switchId, port, act, QStringLiteral("gui"), override, finished);
    });
}

void PowerFeed::map(const QString &mac, const QString &switchId, const QString &port)
{
    const auto m = MacAddress::parse(mac);
    if (!m)
        return;
    const MacAddress address = *m;
    const DeviceConfig *d = m_facade->config().device(address);
    const QString name = d && !d->name.isEmpty() ? d->name : mac;
    m_facade->editConfigChecked(
        tr("The port mapping"),
        [address, switchId, port](LabConfig &c, QString *error) { return PowerManager::assignPort(c, address, switchId, port, error); },
        [this, name, switchId, port] { Q_EMIT m_facade->notify(tr("%1 is now powered by port %2 of %3").arg(name, port, switchId)); });
}

void PowerFeed::unmap(const QString &mac)
{
    const auto m = MacAddress::parse(mac);
    if (!m)
        return;
    const MacAddress address = *m;
    m_facade->editConfigChecked(tr("The port mapping"), [address](LabConfig &c, QString *error) {
        return PowerManager::assignPort(c, address, QString(), QString(), error);
    });
}
