#include "labengine.h"

#include "api/apitoken.h"
#include "api/managementapi.h"
#include "common/atomicfile.h"
#include "common/logging.h"
#include "config/configwatcher.h"
#include "config/labconfigloader.h"
#include "console/consoleroutes.h"
#include "console/consoleservice.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/inventory.h"
#include "http/httpservice.h"
#include "provision/provisioning.h"
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
    m_api = new ManagementApi(this, this);
    m_consoles = new ConsoleService(m_registry, m_journal);
    m_hub->add(m_consoles);
    new ConsoleRoutes(m_http->server(), m_consoles, m_registry, [this] { return m_apiToken; }, this);
    m_provisioning = new Provisioning(this, this);
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
    m_provisioning->open();
    m_consoles->setLogDirectory(m_options.paths.dataDir + QStringLiteral("/consoles"));
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
    const bool restartHttp = m_http->setConfig(config.services.http);
    if (m_started && m_options.startServices) {
        if (!m_http->isEnabled())
            m_http->stop();
        else if (restartHttp || !m_http->isRunning()) {
            m_http->stop();
            m_http->start();
        }
    }
    m_provisioning->applyConfig(config);
    const bool restartConsoles = m_consoles->setConfig(config.services.consoles);
    m_consoles->setDevices(config.devices);
    if (m_started && m_options.startServices) {
        if (!m_consoles->isEnabled())
            m_consoles->stop();
        else if (restartConsoles || !m_consoles->isRunning()) {
            m_consoles->stop();
            m_consoles->start();
        }
    }
    Q_EMIT configApplied(m_config);
}

bool LabEngine::modifyConfig(const std::function<void(LabConfig &)> &change, QString *error)
{
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
            *error = why;
        qCWarning(lcConfig).noquote() << "configuration not saved:" << why;
        return false;
    }
    applyConfig(check.config);
    return true;
}
