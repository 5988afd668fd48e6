#include "labfacade.h"

#include "common/logging.h"
#include "config/labconfigloader.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "devices/powercontrol.h"
#include "dhcp/dhcpservice.h"
#include "engine/labengine.h"
#include "engine/servicehub.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QThreadPool>

#include <cmath>
#include <memory>

// Engine thread: whether devices can be switched now (a power controller that runs).
static bool powerRunning(LabEngine *engine)
{
    if (!engine->powerControl())
        return false;
    const auto *service = dynamic_cast<const Service *>(engine->powerControl());
    return !service || service->isRunning();
}

LabFacade::LabFacade(LabEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_powerFeed(this, &m_ports)
    , m_firmware(this)
    , m_consoleFeed(m_details.console())
    , m_unknownConsoleFeed(&m_unknownConsole)
{
    m_unknownConsoleFeed.setTrackUnknownSources(true);
    const auto demo = LabConfigLoader::loadText(LabEngine::defaultLabYaml(), QStringLiteral("lab.yaml"));
    if (demo.ok())
        m_demoYaml = LabConfigWriter::toYaml(demo.config);
    m_setup.setBinaryPath(QCoreApplication::applicationFilePath());
    connect(&m_setup, &SetupWizard::applyRequested, this, &LabFacade::applySetup);

    if (!engine)
        return;
    m_powerFeed.attach(engine);
    m_firmware.attach(engine);
    m_consoleFeed.attach(engine);
    m_unknownConsoleFeed.attach(engine);
    m_profileImporter = std::make_unique<ProfileImporter>(this, engine);
    m_importer.setBackend(m_profileImporter.get());
    // Receivers live on the GUI thread: these connections are queued.
    auto deviceUpdated = [this](const DeviceInfo &d) {
        m_devices.upsert(d);
        if (m_details.macAddress() == d.mac)
            m_details.deviceChanged(d.mac, m_devices.device(d.mac.toString()));
    };
    connect(engine->registry(), &DeviceRegistry::deviceAdded, this, deviceUpdated);
    connect(engine->registry(), &DeviceRegistry::deviceChanged, this, deviceUpdated);
    connect(engine->registry(), &DeviceRegistry::deviceRemoved, this, [this](const MacAddress &m) {
        m_devices.remove(m);
        if (m_details.macAddress() == m)
            closeDevice();
    });
    connect(engine->hub(), &ServiceHub::serviceStateChanged, this, [this](const ServiceHub::Status &s) {
        m_services.update(s);
        if (s.id == QLatin1String("poe"))
            pollPowerAvailability();
        if (s.id == QLatin1String("dhcp"))
            updateDhcpObservation();
    });
    connect(engine->hub(), &ServiceHub::errorOccurred, this, [this](const ServiceError &e) {
        setError(tr("%1: %2").arg(e.service, e.message));
    });
    connect(engine->journal(), &DeviceJournal::eventAppended, this, [this](const JournalEvent &e) {
        m_journal.append(e);
        m_details.eventAppended(e);
    });
    connect(engine, &LabEngine::configApplied, this, [this](const LabConfig &c) {
        setConfig(c);
        pollPowerAvailability();
        pollForeignServers();
        m_consoleFeed.refreshStatus();
    });
    if (DhcpService *dhcp = engine->dhcp()) {
        connect(dhcp, &DhcpService::foreignServerDetected, this, [this](const ForeignDhcpServer &) { pollForeignServers(); });
        connect(dhcp, &Service::stateChanged, this, [this] { pollForeignServers(); });
    }
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
        const LabConfig config = engine->config();
        const QString path = engine->configPath();
        const bool power = powerRunning(engine);
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, devices, services, events, config, path, power] {
            if (!self)
                return;
            self->m_devices.reset(devices);
            self->m_services.reset(services);
            self->m_journal.reset(events);
            self->m_configPath = path;
            self->setConfig(config);
            self->setPowerAvailable(power);
            Q_EMIT self->nameChanged();
        });
    });
    m_powerFeed.refresh();
    pollForeignServers();
}

namespace {
// Views re-read every row: for text that data() translates on the fly.
void repaint(QAbstractItemModel *model)
{
    const int rows = model->rowCount();
    if (rows > 0)
        Q_EMIT model->dataChanged(model->index(0, 0), model->index(rows - 1, qMax(0, model->columnCount() - 1)));
}
} // namespace

void LabFacade::retranslate()
{
    for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *>{
             &m_devices, &m_services, &m_journal, m_details.journal(), &m_ports, &m_profileList, &m_diagnostics,
             m_firmware.entries(), m_firmware.settings(), m_setup.interfaces(), m_setup.portChecks()})
        repaint(model);
    // Text built once and kept: worded again.
    m_services.setConfig(m_config.services);
    m_details.timeline()->retranslate();
    m_setup.retranslate();
    Q_EMIT m_firmware.targetChanged();
    Q_EMIT m_firmware.editsChanged();
    if (m_diagnostics.lastRun().isValid())
        runDiagnostics();
    // Service names and states come from the engine, in the language of the moment.
    refresh();
}

void LabFacade::pollForeignServers()
{
    if (!m_engine)
        return;
    QPointer<LabFacade> self(this);
    LabEngine *engine = m_engine;
    QMetaObject::invokeMethod(engine, [self, engine] {
        const QList<ForeignDhcpServer> servers = engine->dhcp() ? engine->dhcp()->foreignServers() : QList<ForeignDhcpServer>{};
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, servers] {
            if (self)
                self->setForeignServers(servers);
        });
    });
}

void LabFacade::setForeignServers(const QList<ForeignDhcpServer> &servers)
{
    m_foreign = servers;
    updateDhcpObservation();
    Q_EMIT foreignServersChanged();
}

void LabFacade::updateDhcpObservation()
{
    setupplan::DhcpObservation seen;
    seen.servers = m_foreign;
    const ServiceHub::Status *dhcp = m_services.status(QStringLiteral("dhcp"));
    if (dhcp && dhcp->state == Service::State::Running)
        seen.watchedInterface = m_config.services.dhcp.interface;
    m_setup.setDhcpObservation(seen);
}

QVariantList LabFacade::foreignServers() const
{
    QVariantList out;
    for (const ForeignDhcpServer &s : m_foreign)
        out.append(QVariantMap{{QStringLiteral("address"), s.address()},
                               {QStringLiteral("interface"), s.interfaceName},
                               {QStringLiteral("description"), s.describe()},
                               {QStringLiteral("offersAddresses"), s.offersAddresses},
                               {QStringLiteral("offersBoot"), s.offersBoot},
                               {QStringLiteral("conflicting"), s.conflicting},
                               {QStringLiteral("lastSeen"), s.lastSeen}});
    return out;
}

void LabFacade::setConfig(const LabConfig &config)
{
    m_config = config;
    m_services.setConfig(config.services);
    m_setup.setConfig(config);
    m_profileList.setConfig(config);
    m_powerFeed.configChanged();
    m_pristineDemo = !m_demoYaml.isEmpty() && LabConfigWriter::toYaml(config) == m_demoYaml;
    if (m_name != config.name) {
        m_name = config.name;
        Q_EMIT nameChanged();
    }
    Q_EMIT configChanged();
}

QVariantList LabFacade::profiles() const
{
    QVariantList out;
    for (const auto &p : m_config.profiles)
        out.append(QVariantMap{{QStringLiteral("id"), p.id}, {QStringLiteral("name"), p.name.isEmpty() ? p.id : p.name}});
    return out;
}

QString LabFacade::powerUnavailableReason() const
{
    if (m_powerAvailable)
        return {};
    return m_config.switches.isEmpty() ? tr("Power control is not available: this lab has no PoE switch.")
                                       : tr("Power control is not available: the PoE power control service is not running (start it on the Services page).");
}

void LabFacade::setPowerAvailable(bool available)
{
    if (available == m_powerAvailable)
        return;
    m_powerAvailable = available;
    Q_EMIT powerAvailableChanged();
}

void LabFacade::pollPowerAvailability()
{
    if (!m_engine)
        return;
    QPointer<LabFacade> self(this);
    LabEngine *engine = m_engine;
    QMetaObject::invokeMethod(engine, [self, engine] {
        const bool power = powerRunning(engine);
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, power] {
            if (self)
                self->setPowerAvailable(power);
        });
    });
}

void LabFacade::beginAction()
{
    ++m_pending;
    Q_EMIT pendingActionsChanged();
}

void LabFacade::endAction()
{
    m_pending = qMax(0, m_pending - 1);
    Q_EMIT pendingActionsChanged();
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

void LabFacade::startAllServices()
{
    if (!m_engine)
        return;
    LabEngine *engine = m_engine;
    QMetaObject::invokeMethod(engine, [engine] { engine->hub()->startAll(); });
}

void LabFacade::stopAllServices()
{
    if (!m_engine)
        return;
    LabEngine *engine = m_engine;
    QMetaObject::invokeMethod(engine, [engine] { engine->hub()->stopAll(); });
}

void LabFacade::editConfig(const QString &what, std::function<void(LabConfig &)> change, std::function<void()> onSuccess)
{
    if (!m_engine) {
        setError(tr("%1 was not saved: no lab is running.").arg(what));
        return;
    }
    beginAction();
    LabEngine *engine = m_engine;
    QPointer<LabFacade> self(this);
    QMetaObject::invokeMethod(engine, [engine, self, what, change = std::move(change), onSuccess = std::move(onSuccess)] {
        QString why;
        const bool ok = engine->modifyConfig(change, &why);
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, ok, why, what, onSuccess] {
            if (!self)
                return;
            self->endAction();
            if (!ok)
                self->setError(tr("%1 was not saved: %2").arg(what, why));
            else if (onSuccess)
                onSuccess();
        });
    });
}

void LabFacade::editConfigChecked(const QString &what, std::function<bool(LabConfig &, QString *)> change,
                                  std::function<void()> onSuccess, std::function<void(const QString &)> onFailure)
{
    if (!m_engine) {
        const QString why = tr("no lab is running.");
        setError(tr("%1 was not saved: %2").arg(what, why));
        if (onFailure)
            onFailure(why);
        return;
    }
    beginAction();
    LabEngine *engine = m_engine;
    QPointer<LabFacade> self(this);
    QMetaObject::invokeMethod(engine, [engine, self, what, change = std::move(change), onSuccess = std::move(onSuccess),
                                       onFailure = std::move(onFailure)] {
        QString why;
        // Refused on a copy first, so a refusal saves nothing.
        LabConfig probe = engine->config();
        bool ok = change(probe, &why);
        if (ok)
            ok = engine->modifyConfig([&change](LabConfig &c) { QString ignored; change(c, &ignored); }, &why);
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, ok, why, what, onSuccess, onFailure] {
            if (!self)
                return;
            self->endAction();
            if (!ok) {
                self->setError(tr("%1 was not saved: %2").arg(what, why));
                if (onFailure)
                    onFailure(why);
            } else if (onSuccess) {
                onSuccess();
            }
        });
    });
}

void LabFacade::moveDevice(const QString &mac, qreal x, qreal y)
{
    const auto m = MacAddress::parse(mac);
    if (!m || x < 0 || y < 0)
        return;
    const MacAddress address = *m;
    const QPointF target(std::round(x), std::round(y));
    editConfig(tr("The new layout"), [address, target](LabConfig &c) {
        DeviceConfig *d = c.device(address);
        if (!d)
            return;
        const QPointF from = d->position;
        for (DeviceConfig &other : c.devices)
            if (other.mac != address && other.position == target)
                other.position = from;
        d->position = target;
    });
}

QPointF LabFacade::freeCell(const LabConfig &config, int columns)
{
    QSet<QPair<int, int>> used;
    for (const auto &d : config.devices)
        used.insert({int(std::lround(d.position.x())), int(std::lround(d.position.y()))});
    for (int y = 0;; ++y)
        for (int x = 0; x < columns; ++x)
            if (!used.contains({x, y}))
                return QPointF(x, y);
}

QString LabFacade::suggestName(const LabConfig &config, const QString &model)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    QString prefix = model.isEmpty() || model.startsWith(QLatin1String("pi")) || model.startsWith(QLatin1String("cm"))
        ? QStringLiteral("pi")
        : QString(model).remove(unsafe).left(40);
    if (prefix.isEmpty() || !prefix.front().isLetterOrNumber())
        prefix = QStringLiteral("device");
    QSet<QString> names;
    for (const auto &d : config.devices)
        names.insert(d.name.toLower());
    for (int n = 1;; ++n) {
        QString name = QStringLiteral("%1-%2").arg(prefix).arg(n, 2, 10, QLatin1Char('0'));
        if (!names.contains(name.toLower()))
            return name;
    }
}

static QList<MacAddress> parseMacs(const QStringList &macs)
{
    QList<MacAddress> out;
    for (const auto &text : macs)
        if (const auto m = MacAddress::parse(text); m && !out.contains(*m))
            out.append(*m);
    return out;
}

void LabFacade::adopt(const QStringList &macs)
{
    const QList<MacAddress> list = parseMacs(macs);
    if (list.isEmpty() || !m_engine)
        return;
    LabEngine *engine = m_engine;
    const int n = int(list.size());
    editConfig(
        tr("Adopting devices"),
        [engine, list](LabConfig &c) {
            static const QRegularExpression serialRe(QStringLiteral("^[0-9a-f]{8}$"));
            for (const MacAddress &mac : list) {
                if (c.device(mac))
                    continue;
                const DeviceInfo *info = engine->registry()->find(mac);
                DeviceConfig d;
                d.mac = mac;
                if (info) {
                    d.model = info->model;
                    if (serialRe.match(info->serial.toLower()).hasMatch())
                        d.serial = info->serial.toLower();
                    d.isVirtual = info->isVirtual;
                }
                d.name = suggestName(c, d.model);
                d.position = freeCell(c);
                if (c.profiles.size() == 1)
                    d.profile = c.profiles.constFirst().id;
                c.devices.append(d);
            }
        },
        [this, n] { Q_EMIT bulkFinished(tr("Adopted %n device(s)", "", n), {}); });
}

void LabFacade::assignProfile(const QStringList &macs, const QString &profileId)
{
    const QList<MacAddress> list = parseMacs(macs);
    if (list.isEmpty())
        return;
    int adopted = 0;
    for (const auto &m : list)
        adopted += m_config.device(m) ? 1 : 0;
    const int skipped = int(list.size()) - adopted;
    editConfig(
        tr("The profile assignment"),
        [list, profileId](LabConfig &c) {
            for (const MacAddress &m : list)
                if (DeviceConfig *d = c.device(m))
                    d->profile = profileId;
        },
        [this, adopted, skipped, profileId] {
            QStringList failures;
            if (skipped > 0)
                failures << tr("%n device(s) not adopted: adopt them first.", "", skipped);
            Q_EMIT bulkFinished(profileId.isEmpty() ? tr("Profile removed from %n device(s)", "", adopted)
                                                    : tr("Profile %1 assigned to %n device(s)", "", adopted).arg(profileId),
                                failures);
        });
}

void LabFacade::dropProfile(const QString &mac, const QString &profileId)
{
    if (profileId.isEmpty() || !m_config.profile(profileId))
        return;
    assignProfile(m_devices.isSelected(mac) ? m_devices.selectedMacs() : QStringList{mac}, profileId);
}

void LabFacade::renameDevice(const QString &mac, const QString &name)
{
    const auto m = MacAddress::parse(mac);
    if (!m)
        return;
    const MacAddress address = *m;
    const QString trimmed = name.trimmed();
    editConfig(tr("The new name"), [address, trimmed](LabConfig &c) {
        if (DeviceConfig *d = c.device(address))
            d->name = trimmed;
    });
}

void LabFacade::setNetconsole(const QString &mac, bool enabled)
{
    const auto m = MacAddress::parse(mac);
    if (!m)
        return;
    const MacAddress address = *m;
    if (!m_config.device(address)) {
        setError(tr("Adopt the device first: only adopted devices get netconsole= on their kernel command line."));
        return;
    }
    editConfig(tr("The netconsole setting"), [address, enabled](LabConfig &c) {
        if (DeviceConfig *d = c.device(address))
            d->netconsole = enabled;
    }, [this, enabled] {
        Q_EMIT notify(enabled ? tr("Netconsole enabled: the device sends its kernel messages here from its next netboot.")
                              : tr("Netconsole disabled for the device."));
    });
}

void LabFacade::power(const QStringList &macs, const QString &action)
{
    PowerControl::Action act;
    if (action == QLatin1String("on"))
        act = PowerControl::Action::On;
    else if (action == QLatin1String("off"))
        act = PowerControl::Action::Off;
    else if (action == QLatin1String("cycle"))
        act = PowerControl::Action::Cycle;
    else
        return;
    const QList<MacAddress> list = parseMacs(macs);
    if (list.isEmpty())
        return;
    if (!m_engine || !m_powerAvailable) {
        setError(powerUnavailableReason());
        return;
    }
    beginAction();
    LabEngine *engine = m_engine;
    QPointer<LabFacade> self(this);
    QMetaObject::invokeMethod(engine, [engine, self, list, act] {
        struct Batch
        {
            int remaining = 0;
            int ok = 0;
            QStringList failures;
        };
        auto batch = std::make_shared<Batch>();
        auto report = [self, batch, act] {
            if (!self)
                return;
            QMetaObject::invokeMethod(self, [self, batch, act] {
                if (!self)
                    return;
                self->endAction();
                // One sentence per action: the verb is part of the translation.
                const int n = batch->ok;
                const QString summary = act == PowerControl::Action::On ? tr("Powered on %n device(s)", "", n)
                    : act == PowerControl::Action::Off                  ? tr("Powered off %n device(s)", "", n)
                                                                        : tr("Power cycled %n device(s)", "", n);
                Q_EMIT self->bulkFinished(summary, batch->failures);
            });
        };
        PowerControl *pc = engine->powerControl();
        if (!pc) {
            batch->failures << tr("Power control is not available: this lab has no PoE power controller running.");
            report();
            return;
        }
        batch->remaining = 1;   // held until every request is issued
        for (const MacAddress &mac : list) {
            const DeviceInfo *info = engine->registry()->find(mac);
            const QString name = info ? info->displayName() : mac.toString();
            QString why;
            if (!pc->canControl(mac, &why)) {
                batch->failures << tr("%1: %2").arg(name, why);
                continue;
            }
            ++batch->remaining;
            pc->requestPower(mac, act, QStringLiteral("gui"), [batch, name, report](bool ok, const QString &error) {
                if (ok)
                    ++batch->ok;
                else
                    batch->failures << tr("%1: %2").arg(name, error);
                if (--batch->remaining == 0)
                    report();
            });
        }
        if (--batch->remaining == 0)
            report();
    });
}

void LabFacade::netbootOnce(const QStringList &macs)
{
    const QList<MacAddress> list = parseMacs(macs);
    if (list.isEmpty() || !m_engine)
        return;
    beginAction();
    LabEngine *engine = m_engine;
    QPointer<LabFacade> self(this);
    QMetaObject::invokeMethod(engine, [engine, self, list] {
        BootOverride o;
        o.target = BootOverride::Target::Pxe;
        o.enabled = BootOverride::Enabled::Once;
        for (const MacAddress &mac : list) {
            engine->bootControl()->setOverride(mac, o);
            JournalEvent e;
            e.mac = mac;
            e.source = QStringLiteral("gui");
            e.kind = QString::fromLatin1(journalkind::BootOverride);
            e.message = QStringLiteral("netboot once requested from the desktop");
            e.data.insert(QStringLiteral("target"), BootOverride::targetName(o.target));
            e.data.insert(QStringLiteral("enabled"), BootOverride::enabledName(o.enabled));
            engine->journal()->append(e);
        }
        const int n = int(list.size());
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, n] {
            if (!self)
                return;
            self->endAction();
            Q_EMIT self->bulkFinished(tr("Netboot once set for %n device(s): they boot from the network next time.", "", n), {});
        });
    });
}

void LabFacade::openDevice(const QString &mac)
{
    const auto m = MacAddress::parse(mac);
    if (!m)
        return;
    const MacAddress address = *m;
    m_details.begin(address, m_devices.device(address.toString()));
    m_consoleFeed.open(address);
    if (!m_engine) {
        // No engine (view tests): what the GUI journal holds for the device.
        QList<JournalEvent> events;
        for (const auto &e : m_journal.events())
            if (e.mac == address)
                events.append(e);
        m_details.setEvents(events);
        return;
    }
    LabEngine *engine = m_engine;
    QPointer<LabFacade> self(this);
    QMetaObject::invokeMethod(engine, [engine, self, address] {
        const auto events = engine->journal()->events(address);
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, address, events] {
            if (self && self->m_details.macAddress() == address)
                self->m_details.setEvents(events);
        });
    });
}

void LabFacade::closeDevice()
{
    m_consoleFeed.close();
    m_details.close();
}

void LabFacade::openUnknownConsole(const QString &address)
{
    const QHostAddress source(address);
    if (address.isEmpty() || source.isNull()) {
        m_unknownConsoleFeed.close();
        return;
    }
    m_unknownConsoleFeed.openSource(source);
}

void LabFacade::refreshUnknownConsoles()
{
    m_unknownConsoleFeed.refreshUnknownSources();
}

void LabFacade::runDiagnostics()
{
    if (!m_engine || m_diagnostics.isRunning())
        return;
    m_diagnostics.setRunning(true);
    LabEngine *engine = m_engine;
    QPointer<LabFacade> self(this);
    const QString binary = QCoreApplication::applicationFilePath();
    QMetaObject::invokeMethod(engine, [engine, self, binary] {
        diagnostics::Input input;
        input.services = engine->config().services;
        input.profiles = engine->config().profiles;
        input.dataDir = engine->paths().dataDir;
        input.binaryPath = binary;
        input.statuses = engine->hub()->statuses();
        if (engine->dhcp())
            input.foreignServers = engine->dhcp()->foreignServers();
        // File and /proc reads off both the engine and the GUI thread.
        QThreadPool::globalInstance()->start([self, input] {
            const auto findings = diagnostics::run(input, diagnostics::SystemProbe::live());
            if (!self)
                return;
            QMetaObject::invokeMethod(self, [self, findings] {
                if (!self)
                    return;
                self->m_diagnostics.setFindings(findings);
                self->m_diagnostics.setRunning(false);
            });
        });
    });
}

void LabFacade::applySetup(const setupplan::Plan &plan)
{
    if (!plan.isValid())
        return;
    editConfig(tr("The network setup"), [plan](LabConfig &c) { setupplan::apply(c, plan); },
               [this] {
                   m_setup.setApplied(true);
                   Q_EMIT notify(tr("Network setup saved: the services now serve on the interface you chose."));
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
