#pragma once

#include "common/paths.h"
#include "config/configerror.h"
#include "config/labconfig.h"
#include "tftp/tftpfiletree.h"

#include <QObject>

#include <functional>
#include <memory>

class BootControl;
class BootHttpRoutes;
class ConsoleService;
class ConfigWatcher;
class PowerControl;
class DeviceJournal;
class DhcpService;
class DeviceRegistry;
class FirmwareSettings;
class InventoryStore;
class FirmwareService;
class FirmwareSettingsView;
class HttpService;
class ManagementApi;
class RedfishService;
class Service;
class Provisioning;
class ServiceHub;
class TftpService;
class OsUpDetector;
class VirtualLab;

// The composition root of a running lab: configuration, device registry and journal, and every
// service, wired together. Lives on the engine thread (see EngineHost); nothing here is global.
class LabEngine : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        AppPaths paths;
        QString configPath;              // empty = paths.labFile()
        bool writeDefaultIfMissing = true;
        bool watchConfig = true;
        bool startServices = true;       // false: load and wire only (tests, --check-config)
    };

    explicit LabEngine(Options options, QObject *parent = nullptr);
    ~LabEngine() override;

    // Loads (or creates) lab.yaml, opens the journal, creates the services and starts them.
    // Fails only if the configuration is invalid or unreadable; service failures are reported
    // per service and do not fail the engine.
    bool start(QString *error);
    void stop();

    [[nodiscard]] const LabConfig &config() const { return m_config; }
    [[nodiscard]] QString configPath() const { return m_configPath; }
    [[nodiscard]] const AppPaths &paths() const { return m_options.paths; }
    [[nodiscard]] DeviceJournal *journal() const { return m_journal; }
    [[nodiscard]] DeviceRegistry *registry() const { return m_registry; }
    [[nodiscard]] ServiceHub *hub() const { return m_hub; }
    [[nodiscard]] HttpService *http() const { return m_http; }
    [[nodiscard]] RedfishService *redfish() const { return m_redfish; }
    [[nodiscard]] DhcpService *dhcp() const { return m_dhcp; }
    [[nodiscard]] TftpService *tftp() const { return m_tftp; }
    [[nodiscard]] BootControl *bootControl() const { return m_bootControl; }
    // Per-device RPI_EFI.fd rendering (firmware profiles); bind renderer() to the TFTP service.
    [[nodiscard]] FirmwareService *firmware() const { return m_firmware; }
    // The power controller (PoE manager); null if the lab has none.
    [[nodiscard]] PowerControl *powerControl() const { return m_powerControl; }
    [[nodiscard]] InventoryStore *inventory() const { return m_inventory; }
    // The firmware engine's settings view; null until the engine is wired.
    [[nodiscard]] FirmwareSettings *firmwareSettings() const { return m_firmwareSettings; }
    [[nodiscard]] QString apiToken() const { return m_apiToken; }
    // Device lifecycle, workflows, deploy-environment API, Talos images (core/provision).
    [[nodiscard]] Provisioning *provisioning() const { return m_provisioning; }
    // netconsole / syslog / serial consoles (core/console).
    [[nodiscard]] ConsoleService *consoles() const { return m_consoles; }
    // The virtual Raspberry Pis of devices with `virtual: true` (core/lab).
    [[nodiscard]] VirtualLab *virtualLab() const { return m_virtualLab; }

    // Edits from the API or the GUI: `change` mutates a copy, which is validated as a whole,
    // saved atomically (keeping lab.yaml.bak) and applied. On any failure nothing changes.
    // `saveFailed` tells a storage failure (disk full, read-only config dir: the file and the running
    // lab are unchanged) apart from a change that does not validate.
    bool modifyConfig(const std::function<void(LabConfig &)> &change, QString *error, bool *saveFailed = nullptr);
    // Applies an already validated configuration to the registry and the services.
    void applyConfig(const LabConfig &config);

    // The embedded demo lab (loopback only).
    static QByteArray defaultLabYaml();

Q_SIGNALS:
    void configApplied(const LabConfig &config);
    void configRejected(const ConfigErrors &errors);

private:
    void createServices();
    void reconcile(Service *service, bool needsRestart);
    [[nodiscard]] QString deployDir() const;
    [[nodiscard]] std::optional<TftpFileTree::NativeFile> nativeBootFile(const QString &serial, const MacAddress &mac,
                                                                       const QString &name) const;
    bool loadInitialConfig(QString *error);

    Options m_options;
    QString m_configPath;
    LabConfig m_config;
    QString m_apiToken;
    DeviceJournal *m_journal = nullptr;
    DeviceRegistry *m_registry = nullptr;
    ServiceHub *m_hub = nullptr;
    HttpService *m_http = nullptr;
    RedfishService *m_redfish = nullptr;
    DhcpService *m_dhcp = nullptr;
    TftpService *m_tftp = nullptr;
    BootControl *m_bootControl = nullptr;
    FirmwareService *m_firmware = nullptr;
    PowerControl *m_powerControl = nullptr;
    InventoryStore *m_inventory = nullptr;
    FirmwareSettings *m_firmwareSettings = nullptr;
    std::unique_ptr<FirmwareSettingsView> m_firmwareSettingsView;
    ManagementApi *m_api = nullptr;
    BootHttpRoutes *m_bootRoutes = nullptr;
    Provisioning *m_provisioning = nullptr;
    ConsoleService *m_consoles = nullptr;
    VirtualLab *m_virtualLab = nullptr;
    OsUpDetector *m_osUp = nullptr;
    ConfigWatcher *m_watcher = nullptr;
    bool m_started = false;
};
