#include "labengine.h"

#include "api/apitoken.h"
#include "api/managementapi.h"
#include "boot/boothttproutes.h"
#include "common/atomicfile.h"
#include "common/logging.h"
#include "config/configwatcher.h"
#include "config/labconfigloader.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/inventory.h"
#include "efi/firmwareservice.h"
#include "efi/firmwaresettingsview.h"
#include "dhcp/dhcpservice.h"
#include "http/httpservice.h"
#include "redfish/redfishservice.h"
#include "poe/powermanager.h"
#include "servicehub.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

LabEngine::LabEngine(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_configPath = m_options.configPath.isEmpty() ? m_options.paths.labFile() : m_options.configPath;
    m_journal = new DeviceJournal(this);
    m_registry = new DeviceRegistry(m_journal, this);
    m_bootControl = new BootControl(this);
    m_inventory = new InventoryStore(this);
    m_firmware = new FirmwareService(m_options.paths.dataDir, m_bootControl, this);
    m_firmwareSettingsView = std::make_unique<FirmwareSettingsView>(
        m_firmware, [this](const std::function<void(LabConfig &)> &change, QString *error) { return modifyConfig(change, error); });
    m_firmwareSettings = m_firmwareSettingsView.get();
    m_hub = new ServiceHub(this);
    createServices();
}

LabEngine::~LabEngine()
{
    stop();
}

QByteArray LabEngine::defaultLabYaml()
{
    QFile f(QStringLiteral(":/metalboot/default-lab.yaml"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void LabEngine::createServices()
{
    // Start order matters: HTTP first (the others hand out its URLs), then netboot, then the BMC side.
    m_http = new HttpService;
    m_hub->add(m_http);
    m_dhcp = new DhcpService(m_registry, m_journal, m_bootControl, m_http);
    m_dhcp->setDataDir(m_options.paths.dataDir);
    m_hub->add(m_dhcp);
    auto *power = new PowerManager(m_registry, m_journal, m_bootControl);
    m_hub->add(power);
    m_powerControl = power;
    m_api = new ManagementApi(this, this);

    redfish::Backend bmc;
    bmc.registry = m_registry;
    bmc.journal = m_journal;
    bmc.bootControl = m_bootControl;
    bmc.inventory = m_inventory;
    bmc.powerControl = [this] { return m_powerControl; };
    bmc.firmwareSettings = [this] { return m_firmwareSettings; };
    bmc.config = [this]() -> const LabConfig & { return m_config; };
    bmc.modifyConfig = [this](const std::function<void(LabConfig &)> &change, QString *error) {
        return modifyConfig(change, error);
    };
    bmc.configDir = m_options.paths.configDir;
    bmc.dataDir = m_options.paths.dataDir;
    m_redfish = new RedfishService(std::move(bmc));
    m_hub->add(m_redfish);
    m_bootRoutes = new BootHttpRoutes(m_http, m_registry, m_journal, m_bootControl, this);
}

bool LabEngine::loadInitialConfig(QString *error)
{
    if (!QFileInfo::exists(m_configPath)) {
        if (!m_options.writeDefaultIfMissing) {
            *error = QStringLiteral("%1: no such file").arg(m_configPath);
            return false;
        }
        QString why;
        if (!atomicfile::write(m_configPath, defaultLabYaml(), &why, atomicfile::Backup::None, 0600)) {
            *error = QStringLiteral("cannot write the default lab to %1: %2").arg(m_configPath, why);
            return false;
        }
        qCInfo(lcConfig) << "wrote the default demo lab (loopback only) to" << m_configPath;
    }
    auto result = LabConfigLoader::loadFile(m_configPath);
    if (!result.ok()) {
        *error = result.errorText();
        return false;
    }
    m_config = result.config;
    return true;
}

bool LabEngine::start(QString *error)
{
    if (m_started)
        return true;
    QString why;
    if (!loadInitialConfig(&why)) {
        if (error)
            *error = why;
        return false;
    }
    QDir().mkpath(m_options.paths.dataDir);
    if (!m_journal->open(m_options.paths.journalFile(), &why))
        qCWarning(lcDevices).noquote() << "journal will not persist:" << why;
    if (!m_bootControl->open(m_options.paths.dataDir + QStringLiteral("/boot-control.json"), &why))
        qCWarning(lcDevices).noquote() << "boot overrides not restored:" << why;
    m_inventory->open(m_options.paths.dataDir + QStringLiteral("/inventory"));
    m_apiToken = ApiToken::loadOrCreate(m_options.paths.apiTokenFile(), &why);
    if (m_apiToken.isEmpty())
        qCWarning(lcApi).noquote() << "no API token, management API is locked:" << why;

    applyConfig(m_config);
    m_started = true;
    if (m_options.startServices)
        m_hub->startAll();

    if (m_options.watchConfig) {
        m_watcher = new ConfigWatcher(this);
        QFile f(m_configPath);
        m_watcher->watch(m_configPath, f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray());
        connect(m_watcher, &ConfigWatcher::configChanged, this, &LabEngine::applyConfig);
        connect(m_watcher, &ConfigWatcher::configRejected, this, &LabEngine::configRejected);
    }
    return true;
}

void LabEngine::stop()
{
    if (!m_started)
        return;
    m_hub->stopAll();
    m_journal->close();
    delete m_watcher;
    m_watcher = nullptr;
    m_started = false;
}

void LabEngine::applyConfig(const LabConfig &config)
{
    m_config = config;
    m_registry->applyConfig(config.devices);
    m_bootRoutes->applyConfig(config, m_options.paths.dataDir + QStringLiteral("/http"));
    if (auto *power = m_hub->service<PowerManager>())
        power->setConfig(config);
    m_firmware->setConfig(config);
    reconcile(m_http, m_http->setConfig(config.services.http));
    reconcile(m_dhcp, m_dhcp->setConfig(config.services.dhcp, config.devices));
    reconcile(m_redfish, m_redfish->setConfig(config.services.redfish));
    Q_EMIT configApplied(m_config);
}

void LabEngine::reconcile(Service *service, bool needsRestart)
{
    // After a config change: stop what was disabled, (re)start what changed or is not running.
    if (!m_started || !m_options.startServices)
        return;
    if (!service->isEnabled()) {
        service->stop();
    } else if (needsRestart || !service->isRunning()) {
        service->stop();
        service->start();
    }
}

bool LabEngine::modifyConfig(const std::function<void(LabConfig &)> &change, QString *error, bool *saveFailed)
{
    if (saveFailed)
        *saveFailed = false;
    LabConfig next = m_config;
    change(next);
    const QByteArray yaml = LabConfigWriter::toYaml(next);
    const auto check = LabConfigLoader::loadText(yaml, m_configPath);
    if (!check.ok()) {
        if (error)
            *error = check.errorText();
        return false;
    }
    if (m_watcher)
        m_watcher->markOwnWrite(yaml);
    QString why;
    if (!atomicfile::write(m_configPath, yaml, &why, atomicfile::Backup::KeepPrevious, 0600)) {
        if (error)
            *error = QStringLiteral("configuration not saved (the file and the running lab are unchanged): %1").arg(why);
        if (saveFailed)
            *saveFailed = true;
        qCWarning(lcConfig).noquote() << "configuration not saved:" << why;
        if (m_watcher) {
            // Not our content after all: the watcher compares edits against what is on disk.
            QFile current(m_configPath);
            m_watcher->markOwnWrite(current.open(QIODevice::ReadOnly) ? current.read(LabConfigLoader::MaxFileSize + 1) : QByteArray());
        }
        return false;
    }
    applyConfig(check.config);
    return true;
}
