#include "powermanager.h"

#include "common/logging.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "driverfactory.h"
#include "poeswitch.h"
#include "simulateddriver.h"
#include "simulatedswitch.h"

#include <QFileInfo>
#include <QJsonArray>

using K = poe::Error::Kind;

namespace {

bool sameSwitchConfig(const SwitchConfig &a, const SwitchConfig &b)
{
    return a.id == b.id && a.driver == b.driver && a.address == b.address && a.username == b.username
        && a.password == b.password && a.ports == b.ports && a.pollSeconds == b.pollSeconds
        && a.cycleOffSeconds == b.cycleOffSeconds && a.protectedPorts == b.protectedPorts && a.options == b.options;
}

QString stateText(PowerState s)
{
    return powerstate::toString(s);
}

} // namespace

QJsonObject PowerManager::PortView::toJson() const
{
    QJsonObject o{{QStringLiteral("port"), status.port},
                  {QStringLiteral("label"), status.label},
                  {QStringLiteral("state"), stateText(state)},
                  {QStringLiteral("detection"), poe::detectionName(status.detection)},
                  {QStringLiteral("protected"), isProtected},
                  {QStringLiteral("busy"), busy}};
    if (status.adminOn.has_value())
        o.insert(QStringLiteral("admin"), *status.adminOn ? QStringLiteral("on") : QStringLiteral("off"));
    if (status.watts >= 0)
        o.insert(QStringLiteral("watts"), status.watts);
    if (status.powerClass >= 0)
        o.insert(QStringLiteral("class"), status.powerClass);
    if (device.isValid()) {
        o.insert(QStringLiteral("device"), device.toString());
        o.insert(QStringLiteral("device_learned"), deviceLearned);
    }
    QJsonArray seen;
    for (const auto &m : seenMacs)
        seen.append(m.toString());
    if (!seen.isEmpty())
        o.insert(QStringLiteral("seen_macs"), seen);
    return o;
}

QJsonObject PowerManager::SwitchView::toJson() const
{
    QJsonArray list;
    for (const auto &p : ports)
        list.append(p.toJson());
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("driver"), driver},
                  {QStringLiteral("address"), address},
                  {QStringLiteral("reachable"), reachable},
                  {QStringLiteral("poll_interval"), pollSeconds},
                  {QStringLiteral("native_cycle"), capabilities.nativeCycle},
                  {QStringLiteral("port_watts"), capabilities.portWatts},
                  {QStringLiteral("learns_macs"), capabilities.learnMacs},
                  {QStringLiteral("ports"), list}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    if (lastRead.isValid())
        o.insert(QStringLiteral("last_read"), lastRead.toString(Qt::ISODateWithMs));
    if (totalWatts >= 0)
        o.insert(QStringLiteral("total_watts"), totalWatts);
    if (budgetWatts >= 0)
        o.insert(QStringLiteral("budget_watts"), budgetWatts);
    return o;
}

PowerManager::PowerManager(DeviceRegistry *registry, DeviceJournal *journal, BootControl *bootControl, QObject *parent)
    : Service(QStringLiteral("poe"), parent)
    , m_registry(registry)
    , m_journal(journal)
    , m_bootControl(bootControl)
{
    qRegisterMetaType<PowerManager::SwitchView>();
    qRegisterMetaType<PowerManager::Conflict>();
    qRegisterMetaType<QList<PowerManager::Conflict>>();
}

PowerManager::~PowerManager()
{
    const auto ids = m_switches.keys();
    for (const QString &id : ids)
        removeSwitch(id);
}

QStringList PowerManager::endpoints() const
{
    QStringList out;
    for (auto it = m_switchConfigs.cbegin(); it != m_switchConfigs.cend(); ++it)
        out.append(it->address.isEmpty() ? QStringLiteral("%1 (%2)").arg(it.key(), it->driver)
                                         : QStringLiteral("%1 (%2 %3)").arg(it.key(), it->driver, it->address));
    return out;
}

bool PowerManager::doStart(QString *)
{
    for (PoeSwitch *sw : std::as_const(m_switches))
        sw->start();
    return true;
}

void PowerManager::doStop()
{
    for (PoeSwitch *sw : std::as_const(m_switches))
        sw->stop();
    m_busy.clear();
}

void PowerManager::setConfig(const LabConfig &config)
{
    m_baseDir = config.sourceFile.isEmpty() ? QString() : QFileInfo(config.sourceFile).absolutePath();
    bool changed = false;
    QSet<QString> wanted;
    for (const SwitchConfig &s : config.switches) {
        wanted.insert(s.id);
        const auto old = m_switchConfigs.constFind(s.id);
        if (old != m_switchConfigs.cend() && sameSwitchConfig(*old, s))
            continue;
        removeSwitch(s.id);
        addSwitch(s);
        changed = true;
    }
    const auto ids = m_switchConfigs.keys();
    for (const QString &id : ids) {
        if (!wanted.contains(id)) {
            removeSwitch(id);
            changed = true;
        }
    }
    m_configured.clear();
    m_adopted.clear();
    for (const DeviceConfig &d : config.devices) {
        m_adopted.insert(d.mac);
        if (d.power.isSet())
            m_configured.insert(d.mac, Binding{d.power.switchId, d.power.port, false});
    }
    recomputeBindings();
    if (changed)
        Q_EMIT switchesChanged();
    for (const QString &id : m_switchConfigs.keys())
        Q_EMIT switchUpdated(view(id));
}

void PowerManager::addSwitch(const SwitchConfig &config)
{
    m_switchConfigs.insert(config.id, config);
    poe::OptionReader reader(config, nullptr);
    const poe::CommonOptions common = poe::parseCommonOptions(reader, poe::defaultLearnMode(config.driver));
    QString why;
    PoeDriver *driver = poe::createDriver(config, common, m_baseDir, &why);
    if (!driver) {
        m_switchErrors.insert(config.id, why);
        qCWarning(lcPoe).noquote() << "switch" << config.id << ":" << why;
        report(QStringLiteral("driver-unavailable"), tr("Switch %1: %2").arg(config.id, why));
        return;
    }
    poe::CommonOptions queueOptions = common;
    if (config.driver == QLatin1String("snmp"))
        queueOptions.retries = 0;   // net-snmp retries inside the session already
    auto *sw = new PoeSwitch(config, driver, queueOptions, this);
    m_switches.insert(config.id, sw);
    connect(sw, &PoeSwitch::portChanged, this, &PowerManager::onPortChanged);
    connect(sw, &PoeSwitch::readoutUpdated, this, &PowerManager::onReadout);
    connect(sw, &PoeSwitch::reachabilityChanged, this, &PowerManager::onReachability);
    connect(sw, &PoeSwitch::macsLearned, this, &PowerManager::onMacsLearned);
    if (auto *sim = qobject_cast<SimulatedDriver *>(driver)) {
        const QString id = config.id;
        connect(sim->simulatedSwitch(), &SimulatedSwitch::portPowerChanged, this,
                [this, id](int port, bool on) { Q_EMIT simulatedPortPowerChanged(id, QString::number(port), on); });
    }
    qCInfo(lcPoe).noquote() << "switch" << config.id << "driver" << config.driver
                            << (config.address.isEmpty() ? QString() : config.address);
    if (isRunning())
        sw->start();
}

void PowerManager::removeSwitch(const QString &id)
{
    m_switchConfigs.remove(id);
    m_switchErrors.remove(id);
    if (PoeSwitch *sw = m_switches.take(id)) {
        sw->disconnect(this);
        sw->stop();
        delete sw;
    }
    for (auto it = m_lastState.begin(); it != m_lastState.end();) {
        if (it.key().switchId == id)
            it = m_lastState.erase(it);
        else
            ++it;
    }
}

PowerManager::Binding PowerManager::binding(const MacAddress &mac) const
{
    const auto c = m_configured.constFind(mac);
    if (c != m_configured.cend())
        return *c;
    return m_learned.value(mac);
}

MacAddress PowerManager::deviceAt(const PortKey &key, bool *learned) const
{
    for (auto it = m_configured.cbegin(); it != m_configured.cend(); ++it)
        if (it->switchId == key.switchId && it->port == key.port) {
            if (learned)
                *learned = false;
            return it.key();
        }
    for (auto it = m_learned.cbegin(); it != m_learned.cend(); ++it)
        if (it->switchId == key.switchId && it->port == key.port) {
            if (learned)
                *learned = true;
            return it.key();
        }
    return {};
}

bool PowerManager::isProtected(const PortKey &key, QString *why) const
{
    const auto cfg = m_switchConfigs.constFind(key.switchId);
    if (cfg != m_switchConfigs.cend() && cfg->protectedPorts.contains(key.port)) {
        if (why)
            *why = tr("port %1 of switch %2 is listed in protected_ports").arg(key.port, key.switchId);
        return true;
    }
    if (!deviceAt(key).isValid()) {
        if (why)
            *why = tr("port %1 of switch %2 is not mapped to a managed device").arg(key.port, key.switchId);
        return true;
    }
    return false;
}

bool PowerManager::canControl(const MacAddress &mac, QString *why) const
{
    auto fail = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    const Binding b = binding(mac);
    if (!b.isSet())
        return fail(tr("%1 has no power binding (set its switch port, or drag it onto a port)").arg(mac.toString()));
    if (m_switchErrors.contains(b.switchId))
        return fail(tr("switch %1: %2").arg(b.switchId, m_switchErrors.value(b.switchId)));
    if (!m_switches.contains(b.switchId))
        return fail(tr("switch %1 is not configured").arg(b.switchId));
    if (!isRunning())
        return fail(tr("power control is not running"));
    return true;
}

void PowerManager::requestPower(const MacAddress &mac, Action action, const QString &requester, Callback done)
{
    QString why;
    if (!canControl(mac, &why)) {
        journal(mac, journalkind::PowerFailed, JournalEvent::Severity::Error,
                QStringLiteral("power %1 requested by %2 refused: %3").arg(actionName(action), requester, why), BootStage::Unknown,
                {{QStringLiteral("action"), actionName(action)}, {QStringLiteral("requester"), requester}});
        Q_EMIT powerActionFinished(mac, action, false, why);
        if (done)
            done(false, why);
        return;
    }
    const Binding b = binding(mac);
    runAction(mac, PortKey{b.switchId, b.port}, action, requester, std::move(done));
}

void PowerManager::requestPortPower(const QString &switchId, const QString &port, Action action, const QString &requester,
                                    bool override, Callback done)
{
    auto refuse = [&](const QString &why) {
        if (done)
            done(false, why);
    };
    if (!isRunning())
        return refuse(tr("power control is not running"));
    if (m_switchErrors.contains(switchId))
        return refuse(tr("switch %1: %2").arg(switchId, m_switchErrors.value(switchId)));
    PoeSwitch *sw = m_switches.value(switchId);
    if (!sw)
        return refuse(tr("no switch %1").arg(switchId));
    if (const QString bad = sw->checkPort(port); !bad.isEmpty())
        return refuse(bad);
    const PortKey key{switchId, port};
    QString why;
    if (isProtected(key, &why) && !override)
        return refuse(tr("%1; switching it needs an explicit override").arg(why));
    runAction(deviceAt(key), key, action, requester + (override ? QStringLiteral(" (override)") : QString()), std::move(done));
}

void PowerManager::runAction(const MacAddress &mac, const PortKey &key, Action action, const QString &requester,
                             Callback done)
{
    PoeSwitch *sw = m_switches.value(key.switchId);
    const QString where = QStringLiteral("%1 port %2").arg(key.switchId, key.port);
    const QJsonObject data{{QStringLiteral("action"), actionName(action)},
                           {QStringLiteral("requester"), requester},
                           {QStringLiteral("switch"), key.switchId},
                           {QStringLiteral("port"), key.port}};
    if (m_busy.contains(key)) {
        const QString why = tr("a power action on %1 is already in progress").arg(where);
        journal(mac, journalkind::PowerFailed, JournalEvent::Severity::Warning,
                QStringLiteral("power %1 requested by %2 refused: an action on %3 is in progress")
                    .arg(actionName(action), requester, where),
                BootStage::Unknown, data);
        Q_EMIT powerActionFinished(mac, action, false, why);
        if (done)
            done(false, why);
        return;
    }
    m_busy.insert(key);
    journal(mac, journalkind::PowerAction, JournalEvent::Severity::Info,
            QStringLiteral("power %1 requested by %2 (%3)").arg(actionName(action), requester, where), BootStage::Unknown, data);
    Q_EMIT switchUpdated(view(key.switchId));

    auto finish = [this, mac, key, action, requester, where, data, done](const poe::Error &e,
                                                                          const PoeSwitch::CycleReport &report) {
        m_busy.remove(key);
        PoeSwitch *s = m_switches.value(key.switchId);
        if (e.isError()) {
            QJsonObject d = data;
            d.insert(QStringLiteral("error"), e.message);
            d.insert(QStringLiteral("error_kind"), poe::Error::kindName(e.kind));
            journal(mac, journalkind::PowerFailed, JournalEvent::Severity::Error,
                    QStringLiteral("power %1 of %2 failed: %3").arg(actionName(action), where, e.message), BootStage::Unknown, d);
            if (s)
                Q_EMIT switchUpdated(view(key.switchId));
            Q_EMIT powerActionFinished(mac, action, false, e.message);
            if (done)
                done(false, e.message);
            return;
        }
        const poe::PortStatus *p = s ? s->port(key.port) : nullptr;
        const PowerState observed = p ? poe::derivePowerState(*p) : PowerState::Unknown;
        QJsonObject d = data;
        d.insert(QStringLiteral("state"), stateText(observed));
        if (p && p->watts >= 0)
            d.insert(QStringLiteral("watts"), p->watts);
        JournalEvent::Severity severity = JournalEvent::Severity::Info;
        QString message;
        BootStage stage = BootStage::PoweringOn;
        switch (action) {
        case Action::Off:
            message = QStringLiteral("powered off (%1, by %2)").arg(where, requester);
            stage = BootStage::Off;
            break;
        case Action::On:
            message = QStringLiteral("powered on (%1, by %2)").arg(where, requester);
            break;
        case Action::Cycle:
            message = QStringLiteral("power-cycled (%1, by %2%3)")
                          .arg(where, requester, report.native ? QStringLiteral(", switch command") : QString());
            if (report.dropped.has_value())
                d.insert(QStringLiteral("power_dropped"), *report.dropped);
            if (report.returned.has_value())
                d.insert(QStringLiteral("power_returned"), *report.returned);
            d.insert(QStringLiteral("native"), report.native);
            if (report.dropped == false) {
                severity = JournalEvent::Severity::Warning;
                message += QStringLiteral("; the switch still reported power flowing while the port was off, so it may "
                                          "not really cut power");
            }
            if (report.returned == false) {
                severity = JournalEvent::Severity::Warning;
                message += QStringLiteral("; no powered device was detected afterwards");
            }
            break;
        }
        if (action != Action::Off && report.returned == false && observed == PowerState::Off)
            stage = BootStage::Unknown;
        journal(mac, journalkind::PowerChanged, severity, message, stage, d);
        if (p)
            m_lastState.insert(key, observed);
        if (mac.isValid()) {
            if (s)
                publish(mac, s, key.port);
            if (action != Action::Off && m_bootControl)
                m_bootControl->bootStarted(mac);
        }
        if (s)
            Q_EMIT switchUpdated(view(key.switchId));
        Q_EMIT powerActionFinished(mac, action, true, {});
        if (done)
            done(true, {});
    };

    const int offSeconds = m_switchConfigs.value(key.switchId).cycleOffSeconds;
    switch (action) {
    case Action::On:
    case Action::Off:
        sw->setPower(key.port, action == Action::On, [finish](const poe::Error &e) { finish(e, {}); });
        break;
    case Action::Cycle:
        sw->cycle(key.port, offSeconds, finish);
        break;
    }
}

bool PowerManager::assignPort(LabConfig &config, const MacAddress &mac, const QString &switchId, const QString &port,
                              QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    DeviceConfig *device = config.device(mac);
    if (!device)
        return fail(tr("%1 is not a device of this lab").arg(mac.toString()));
    if (switchId.isEmpty()) {
        device->power = {};
        return true;
    }
    const SwitchConfig *sw = config.switchById(switchId);
    if (!sw)
        return fail(tr("no switch %1").arg(switchId));
    if (!poe::isValidPortName(port))
        return fail(tr("'%1' is not a valid port name").arg(port.left(40)));
    if (sw->protectedPorts.contains(port))
        return fail(tr("port %1 of switch %2 is protected").arg(port, switchId));
    for (DeviceConfig &other : config.devices)
        if (other.mac != mac && other.power.switchId == switchId && other.power.port == port)
            other.power = {};
    device->power = PowerBinding{switchId, port};
    return true;
}

void PowerManager::refresh(const QString &switchId)
{
    if (PoeSwitch *sw = m_switches.value(switchId))
        sw->refresh();
}

void PowerManager::publish(const MacAddress &mac, const PoeSwitch *sw, const QString &port)
{
    if (!m_registry || !mac.isValid())
        return;
    const poe::PortStatus *p = sw->port(port);
    if (!p)
        return;
    const PowerState state = sw->isReachable() ? poe::derivePowerState(*p) : PowerState::Unknown;
    m_registry->setPower(mac, state, p->watts);
}

void PowerManager::onPortChanged(const QString &switchId, const poe::PortStatus &, const poe::PortStatus &after)
{
    const PortKey key{switchId, after.port};
    const MacAddress mac = deviceAt(key);
    PoeSwitch *sw = m_switches.value(switchId);
    if (!mac.isValid() || !sw)
        return;
    publish(mac, sw, after.port);
    const PowerState now = poe::derivePowerState(after);
    const auto last = m_lastState.constFind(key);
    const PowerState previous = last == m_lastState.cend() ? PowerState::Unknown : *last;
    if (m_busy.contains(key) || now == previous)
        return;   // our own action journals its outcome
    m_lastState.insert(key, now);
    if (previous == PowerState::Unknown || now == PowerState::Unknown)
        return;   // first reading after start: no change observed
    // PoweringOn -> On (detection finished) or PoweringOff -> Off is settling, not a change.
    const bool wasOff = previous == PowerState::Off || previous == PowerState::PoweringOff;
    const bool isOff = now == PowerState::Off || now == PowerState::PoweringOff;
    if (wasOff == isOff)
        return;
    BootStage stage = BootStage::Unknown;
    if (now == PowerState::Off)
        stage = BootStage::Off;
    else if (wasOff)
        stage = BootStage::PoweringOn;
    QJsonObject data{{QStringLiteral("switch"), switchId},
                     {QStringLiteral("port"), after.port},
                     {QStringLiteral("state"), stateText(now)},
                     {QStringLiteral("previous"), stateText(previous)},
                     {QStringLiteral("detection"), poe::detectionName(after.detection)}};
    if (after.watts >= 0)
        data.insert(QStringLiteral("watts"), after.watts);
    journal(mac, journalkind::PowerChanged,
            after.detection == poe::Detection::Fault || after.detection == poe::Detection::OtherFault
                ? JournalEvent::Severity::Warning
                : JournalEvent::Severity::Info,
            QStringLiteral("power %1 observed on %2 port %3 (was %4)").arg(stateText(now), switchId, after.port, stateText(previous)),
            stage, data);
    if (wasOff && (now == PowerState::On || now == PowerState::PoweringOn) && m_bootControl)
        m_bootControl->bootStarted(mac);
}

void PowerManager::onReadout(const QString &switchId)
{
    Q_EMIT switchUpdated(view(switchId));
}

void PowerManager::onReachability(const QString &switchId, bool reachable, const QString &error)
{
    PoeSwitch *sw = m_switches.value(switchId);
    if (!sw)
        return;
    if (!reachable) {
        qCWarning(lcPoe).noquote() << "switch" << switchId << "unreachable:" << error;
        report(QStringLiteral("switch-unreachable"), tr("Switch %1: %2").arg(switchId, error));
    } else {
        qCInfo(lcPoe).noquote() << "switch" << switchId << "answers again";
    }
    // Devices on an unreachable switch are in an unknown power state.
    for (const auto &p : sw->ports()) {
        const MacAddress mac = deviceAt(PortKey{switchId, p.port});
        if (mac.isValid())
            publish(mac, sw, p.port);
    }
    Q_EMIT switchUpdated(view(switchId));
}

void PowerManager::onMacsLearned(const QString &switchId, const QList<poe::MacSighting> &)
{
    recomputeBindings();
    Q_EMIT switchUpdated(view(switchId));
}

void PowerManager::recomputeBindings()
{
    // Which MACs each port shows; a port with several (an uplink, a hub) binds nothing.
    QHash<PortKey, QList<MacAddress>> byPort;
    QHash<MacAddress, QList<PortKey>> byMac;
    for (PoeSwitch *sw : std::as_const(m_switches)) {
        for (const auto &s : sw->sightings()) {
            const PortKey key{sw->id(), s.port};
            if (!byPort[key].contains(s.mac))
                byPort[key].append(s.mac);
        }
    }
    for (auto it = byPort.cbegin(); it != byPort.cend(); ++it)
        if (it->size() == 1)
            byMac[it->first()].append(it.key());

    QHash<MacAddress, Binding> learned;
    QList<Suggestion> suggestions;
    QList<Conflict> conflicts;
    QHash<PortKey, MacAddress> configuredPorts;
    for (auto it = m_configured.cbegin(); it != m_configured.cend(); ++it)
        configuredPorts.insert(PortKey{it->switchId, it->port}, it.key());

    for (auto it = byMac.cbegin(); it != byMac.cend(); ++it) {
        const MacAddress mac = it.key();
        const QList<PortKey> &ports = it.value();
        const auto configured = m_configured.constFind(mac);
        if (configured != m_configured.cend()) {
            const PortKey want{configured->switchId, configured->port};
            if (!ports.contains(want)) {
                const PortKey seen = ports.first();
                conflicts.append({mac, seen.switchId, seen.port,
                                  QStringLiteral("%1 is configured on %2 port %3 but switch %4 sees it on port %5")
                                      .arg(mac.toString(), want.switchId, want.port, seen.switchId, seen.port)});
            }
            continue;
        }
        if (ports.size() > 1) {
            QStringList where;
            for (const auto &k : ports)
                where.append(k.switchId + QLatin1Char('/') + k.port);
            if (m_adopted.contains(mac))
                conflicts.append({mac, ports.first().switchId, ports.first().port,
                                  QStringLiteral("%1 is seen on several ports (%2); not binding it")
                                      .arg(mac.toString(), where.join(QStringLiteral(", ")))});
            continue;
        }
        const PortKey key = ports.first();
        if (configuredPorts.contains(key))
            continue;   // reported below as a port conflict
        const auto cfg = m_switchConfigs.constFind(key.switchId);
        PoeSwitch *sw = m_switches.value(key.switchId);
        if (cfg == m_switchConfigs.cend() || !sw || cfg->protectedPorts.contains(key.port))
            continue;
        if (!m_adopted.contains(mac))
            continue;
        if (sw->options().learn == poe::LearnMode::Bind)
            learned.insert(mac, Binding{key.switchId, key.port, true});
        else if (sw->options().learn == poe::LearnMode::Suggest)
            suggestions.append({mac, key.switchId, key.port});
    }
    for (auto it = configuredPorts.cbegin(); it != configuredPorts.cend(); ++it) {
        const auto seen = byPort.constFind(it.key());
        if (seen != byPort.cend() && seen->size() == 1 && seen->first() != it.value())
            conflicts.append({it.value(), it.key().switchId, it.key().port,
                              QStringLiteral("%1 port %2 is configured for %3 but the switch sees %4 there")
                                  .arg(it.key().switchId, it.key().port, it.value().toString(), seen->first().toString())});
    }

    // Journal what is new (bindings learned, conflicts found), once.
    for (auto it = learned.cbegin(); it != learned.cend(); ++it)
        if (!(m_learned.value(it.key()) == *it))
            journal(it.key(), journalkind::PowerMapping, JournalEvent::Severity::Info,
                    QStringLiteral("power binding learned: %1 port %2").arg(it->switchId, it->port), BootStage::Unknown,
                    {{QStringLiteral("switch"), it->switchId}, {QStringLiteral("port"), it->port}, {QStringLiteral("learned"), true}});
    for (const Conflict &c : std::as_const(conflicts))
        if (!m_conflicts.contains(c)) {
            qCWarning(lcPoe).noquote() << "mapping conflict:" << c.message;
            journal(c.mac, journalkind::PowerMapping, JournalEvent::Severity::Warning, c.message, BootStage::Unknown,
                    {{QStringLiteral("switch"), c.switchId}, {QStringLiteral("port"), c.port}, {QStringLiteral("conflict"), true}});
        }
    const bool bindingsDiffer = learned != m_learned;
    const bool conflictsDiffer = conflicts != m_conflicts;
    m_learned = learned;
    m_suggestions = suggestions;
    m_conflicts = conflicts;
    if (bindingsDiffer)
        Q_EMIT bindingsChanged();
    if (conflictsDiffer)
        Q_EMIT conflictsChanged(m_conflicts);
}

PowerManager::PortView PowerManager::portView(const PoeSwitch *sw, const poe::PortStatus &status) const
{
    PortView v;
    v.status = status;
    v.state = sw->isReachable() ? poe::derivePowerState(status) : PowerState::Unknown;
    const PortKey key{sw->id(), status.port};
    v.device = deviceAt(key, &v.deviceLearned);
    v.isProtected = isProtected(key, nullptr);
    v.busy = m_busy.contains(key);
    for (const auto &s : sw->sightings())
        if (s.port == status.port && !v.seenMacs.contains(s.mac))
            v.seenMacs.append(s.mac);
    return v;
}

PowerManager::SwitchView PowerManager::view(const QString &id) const
{
    SwitchView v;
    const SwitchConfig cfg = m_switchConfigs.value(id);
    v.id = id;
    v.driver = cfg.driver;
    v.address = cfg.address;
    v.pollSeconds = cfg.pollSeconds;
    if (m_switchErrors.contains(id)) {
        v.reachable = false;
        v.error = m_switchErrors.value(id);
        return v;
    }
    const PoeSwitch *sw = m_switches.value(id);
    if (!sw)
        return v;
    v.reachable = sw->isReachable();
    v.error = sw->lastError();
    v.lastRead = sw->lastRead();
    v.totalWatts = sw->totalWatts();
    v.budgetWatts = sw->budgetWatts();
    v.capabilities = sw->driver()->capabilities();
    for (const auto &p : sw->ports())
        v.ports.append(portView(sw, p));
    return v;
}

QList<PowerManager::SwitchView> PowerManager::switches() const
{
    QList<SwitchView> out;
    for (auto it = m_switchConfigs.cbegin(); it != m_switchConfigs.cend(); ++it)
        out.append(view(it.key()));
    return out;
}

std::optional<PowerManager::SwitchView> PowerManager::switchView(const QString &switchId) const
{
    if (!m_switchConfigs.contains(switchId))
        return std::nullopt;
    return view(switchId);
}

std::optional<PowerManager::DeviceReading> PowerManager::deviceReading(const MacAddress &mac) const
{
    const Binding b = binding(mac);
    const PoeSwitch *sw = b.isSet() ? m_switches.value(b.switchId) : nullptr;
    if (!sw)
        return std::nullopt;
    DeviceReading r;
    r.switchId = b.switchId;
    r.port = b.port;
    r.time = sw->lastRead();
    if (const poe::PortStatus *p = sw->port(b.port)) {
        r.state = sw->isReachable() ? poe::derivePowerState(*p) : PowerState::Unknown;
        r.watts = p->watts;
    }
    return r;
}

QList<WattHistory::Sample> PowerManager::wattHistory(const QString &switchId, const QString &port) const
{
    const PoeSwitch *sw = m_switches.value(switchId);
    return sw ? sw->history(port) : QList<WattHistory::Sample>();
}

SimulatedSwitch *PowerManager::simulatedSwitch(const QString &switchId) const
{
    const PoeSwitch *sw = m_switches.value(switchId);
    auto *sim = sw ? qobject_cast<SimulatedDriver *>(sw->driver()) : nullptr;
    return sim ? sim->simulatedSwitch() : nullptr;
}

void PowerManager::journal(const MacAddress &mac, const char *kind, JournalEvent::Severity severity, const QString &message,
                           BootStage stage, const QJsonObject &data)
{
    if (!m_journal)
        return;
    JournalEvent e;
    e.mac = mac;
    e.source = QStringLiteral("poe");
    e.kind = QString::fromLatin1(kind);
    e.severity = severity;
    e.message = message;
    e.stage = stage;
    e.data = data;
    m_journal->append(e);
}
