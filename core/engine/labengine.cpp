#include "labengine.h"

#include "api/apitoken.h"
#include "api/managementapi.h"
#include "boot/boothttproutes.h"
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
#include "devices/journalkinds.h"
#include "efi/firmwareservice.h"
#include "efi/firmwaresettingsview.h"
#include "dhcp/dhcpservice.h"
#include "http/httpservice.h"
#include "lab/osupdetector.h"
#include "lab/virtuallab.h"
#include "redfish/redfishservice.h"
#include "poe/powermanager.h"
#include "poe/qmpfirmware.h"
#include "provision/nativeboot.h"
#include "provision/provisioning.h"
#include "servicehub.h"
#include "tftp/tftpservice.h"

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
    m_tftp = new TftpService;
    m_tftp->setRegistry(m_registry);
    m_tftp->setJournal(m_journal);
    m_tftp->setBootControl(m_bootControl);
    m_tftp->setDefaultRoot(m_options.paths.dataDir + QStringLiteral("/tftp"));
    m_tftp->setFirmwareRenderer(m_firmware->renderer());
    m_hub->add(m_tftp);
    connect(m_firmware, &FirmwareService::rendered, this,
            [this](const MacAddress &mac, const QString &profile, const QByteArray &key, bool fromCache) {
                JournalEvent e;
                e.mac = mac;
                e.source = QStringLiteral("efi");
                e.kind = QString::fromLatin1(journalkind::FirmwareRendered);
                e.message = QStringLiteral("RPI_EFI.fd from profile %1%2")
                                .arg(profile.isEmpty() ? QStringLiteral("(blank)") : profile,
                                     fromCache ? QStringLiteral(" (cached)") : QString());
                e.data.insert(QStringLiteral("profile"), profile);
                e.data.insert(QStringLiteral("image"), QString::fromLatin1(key.toHex().left(16)));
                m_journal->append(e);
            });
    connect(m_firmware, &FirmwareService::renderFailed, this, [this](const MacAddress &mac, const QString &error) {
        JournalEvent e;
        e.mac = mac;
        e.source = QStringLiteral("efi");
        e.kind = QString::fromLatin1(journalkind::FirmwareFailed);
        e.severity = JournalEvent::Severity::Error;
        e.stage = BootStage::Error;
        e.message = QStringLiteral("firmware not rendered: %1").arg(error);
        m_journal->append(e);
    });
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
    m_consoles = new ConsoleService(m_registry, m_journal);
    m_hub->add(m_consoles);
    new ConsoleRoutes(m_http->server(), m_consoles, m_registry, [this] { return m_apiToken; }, this);
    m_provisioning = new Provisioning(this, this);
    m_bootRoutes->setExtraArgumentsProvider([this](const MacAddress &mac, const DeviceConfig &device) {
        // The IPA ramdisk needs its inspection callback (with the device's token); any kernel
        // gets netconsole= when the device opted in.
        QStringList args;
        const QString kernel = QFileInfo(device.osie.kernel).fileName();
        if (!kernel.isEmpty() && kernel == QFileInfo(m_config.provisioning.ipaKernel).fileName())
            args << m_provisioning->ipaKernelArgs(mac);
        args << m_provisioning->netconsoleArgument(mac);
        args.removeAll(QString());
        return args.join(QLatin1Char(' '));
    });
    m_osUp = new OsUpDetector(m_registry, m_journal, this);
    connect(m_consoles, &ConsoleService::lineReceived, m_osUp, &OsUpDetector::onLine);
    m_virtualLab = new VirtualLab(m_journal);
    m_virtualLab->setPowerManager(power);
    m_virtualLab->setEndpoints([this] {
        VirtualLab::Endpoints e;
        e.dhcpAddress = m_config.services.dhcp.address;
        e.dhcpPort = m_dhcp->isRunning() ? m_dhcp->serverPort() : 0;
        e.proxyPort = m_dhcp->isRunning() ? m_dhcp->proxyPort() : 0;
        e.tftpPort = m_tftp->isRunning() ? m_tftp->port() : 0;
        e.tftpRoot = m_tftp->root();
        e.httpRoot = m_config.services.http.root.isEmpty() ? m_options.paths.dataDir + QStringLiteral("/http")
                                                           : m_config.services.http.root;
        return e;
    });
    m_hub->add(m_virtualLab);
    m_tftp->fileTree().setNativeBootProvider(
        [this](const QString &serial, const MacAddress &mac, const QString &name) { return nativeBootFile(serial, mac, name); });
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
    m_registry->restoreFromJournal();   // last known stage of each device, not "Unknown"
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
    if (auto *power = m_hub->service<PowerManager>()) {
        power->setConfig(config);
        qmp::attachFirmware(power, config, m_firmware->renderer());   // QEMU VMs with a profile: rendered NVRAM
    }
    m_firmware->setConfig(config);
    reconcile(m_http, m_http->setConfig(config.services.http));
    reconcile(m_dhcp, m_dhcp->setConfig(config.services.dhcp, config.devices));
    m_tftp->setDevices(config.devices);
    m_tftp->setHttpBaseUrl(m_http->baseUrl());
    reconcile(m_tftp, m_tftp->setConfig(config.services.tftp));
    m_provisioning->applyConfig(config);
    m_tftp->fileTree().setExtraRoots({deployDir()});
    m_consoles->setDevices(config.devices);
    reconcile(m_consoles, m_consoles->setConfig(config.services.consoles));
    reconcile(m_redfish, m_redfish->setConfig(config.services.redfish));
    m_osUp->setPatterns(config.services.consoles.osUpPatterns);
    m_virtualLab->setConfig(config);
    reconcile(m_virtualLab, false);
    Q_EMIT configApplied(m_config);
}

QString LabEngine::deployDir() const
{
    return m_config.provisioning.deployDir.isEmpty() ? m_options.paths.dataDir + QStringLiteral("/deploy-arm64")
                                                     : m_config.provisioning.deployDir;
}

std::optional<TftpFileTree::NativeFile> LabEngine::nativeBootFile(const QString &serial, const MacAddress &mac,
                                                                  const QString &name) const
{
    // Only devices set to boot natively (no UEFI) follow the provisioning lifecycle over TFTP.
    MacAddress device = mac;
    if (!device.isValid() || !m_config.device(device))
        if (const DeviceInfo *d = m_registry->findBySerial(serial))
            device = d->mac;
    const DeviceConfig *cfg = device.isValid() ? m_config.device(device) : nullptr;
    if (!cfg || cfg->bootMode != BootMode::Native)
        return std::nullopt;
    using NativeFile = TftpFileTree::NativeFile;
    NativeFile out;
    const provision::NativeBootFiles files = m_provisioning->nativeBootFiles(serial, device);
    if (!files.ok) {
        out.note = files.error;
        return out;
    }
    if (files.refuseNetboot) {
        out.kind = NativeFile::Kind::Refused;
        out.note = QStringLiteral("netboot refused (%1)").arg(files.summary);
        return out;
    }
    const auto source = provision::resolvePiFile(files, name);
    if (!source)
        return out;
    switch (source->kind) {
    case provision::BootFileSource::Kind::Generated:
        out.kind = NativeFile::Kind::Bytes;
        out.bytes = source->bytes;
        break;
    case provision::BootFileSource::Kind::Firmware:
        out.kind = NativeFile::Kind::File;
        out.dir = m_tftp->fileTree().piFirmwareDir();
        out.relative = source->path;
        break;
    case provision::BootFileSource::Kind::Deploy:
        out.kind = NativeFile::Kind::File;
        out.dir = deployDir();
        out.relative = source->path;
        break;
    case provision::BootFileSource::Kind::TftpRoot:
        out.kind = NativeFile::Kind::File;
        out.dir = m_tftp->fileTree().root();
        out.relative = source->path;
        break;
    }
    return out;
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
