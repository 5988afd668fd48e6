#pragma once

#include "config/labconfig.h"
#include "devices/journalevent.h"
#include "devices/powercontrol.h"
#include "engine/service.h"
#include "poedriver.h"
#include "watthistory.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <optional>

class BootControl;
class DeviceJournal;
class DeviceRegistry;
class PoeSwitch;
class SimulatedSwitch;

// The lab's PoE power control: owns one PoeSwitch (driver + queue + poller) per configured
// switch, maps devices to (switch, port) from lab.yaml and from what switches learn (UniFi
// uplinks, MikroTik/Omada client tables, SNMP forwarding tables), protects every port that is
// not mapped to a managed device, publishes power state and watts to the DeviceRegistry,
// journals every action and observed change, and starts a new boot (BootControl) when a device
// is powered on. Implements PowerControl for Redfish, the API and the GUI. Engine thread.
class PowerManager : public Service, public PowerControl
{
    Q_OBJECT
public:
    struct Binding
    {
        QString switchId;
        QString port;
        bool learned = false;      // from the switch's MAC table, not from lab.yaml
        [[nodiscard]] bool isSet() const { return !switchId.isEmpty(); }
        friend bool operator==(const Binding &a, const Binding &b)
        {
            return a.switchId == b.switchId && a.port == b.port && a.learned == b.learned;
        }
    };

    // What the GUI faceplate and Redfish show of one port.
    struct PortView
    {
        poe::PortStatus status;
        PowerState state = PowerState::Unknown;
        MacAddress device;             // mapped managed device (invalid = none)
        bool deviceLearned = false;
        bool isProtected = false;      // toggling needs an explicit override
        bool busy = false;             // an action is running on the port
        QList<MacAddress> seenMacs;    // MACs the switch saw behind the port
        [[nodiscard]] QJsonObject toJson() const;
    };
    struct SwitchView
    {
        QString id;
        QString driver;
        QString address;               // no credentials
        bool reachable = true;
        QString error;                 // last error (unreachable, driver unavailable)
        QDateTime lastRead;
        double totalWatts = -1;
        double budgetWatts = -1;
        PoeDriver::Capabilities capabilities;
        int pollSeconds = 0;
        QList<PortView> ports;
        [[nodiscard]] QJsonObject toJson() const;
    };
    struct Conflict
    {
        MacAddress mac;
        QString switchId;
        QString port;
        QString message;
        friend bool operator==(const Conflict &a, const Conflict &b) { return a.mac == b.mac && a.message == b.message; }
    };
    struct Suggestion
    {
        MacAddress mac;
        QString switchId;
        QString port;
    };
    struct DeviceReading
    {
        PowerState state = PowerState::Unknown;
        double watts = -1;
        QString switchId;
        QString port;
        QDateTime time;
    };

    PowerManager(DeviceRegistry *registry, DeviceJournal *journal, BootControl *bootControl, QObject *parent = nullptr);
    ~PowerManager() override;

    // Builds/keeps/removes switches to match `config.switches` (unchanged switches keep their
    // state and queue) and takes the device bindings from `config.devices`.
    void setConfig(const LabConfig &config);

    [[nodiscard]] QString displayName() const override { return tr("PoE power control"); }
    [[nodiscard]] QStringList endpoints() const override;

    // PowerControl
    [[nodiscard]] bool canControl(const MacAddress &mac, QString *why) const override;
    void requestPower(const MacAddress &mac, Action action, const QString &requester, Callback done) override;

    // One port, e.g. from the switch faceplate. A port that is protected (protected_ports) or
    // not mapped to a managed device is only switched with `override`.
    void requestPortPower(const QString &switchId, const QString &port, Action action, const QString &requester,
                          bool override, Callback done);
    void refresh(const QString &switchId);

    // For LabEngine::modifyConfig (the GUI's drag of a device onto a port, or adopting a learned
    // or suggested binding): binds `mac` to (switchId, port), taking the port away from any other
    // device. An empty switchId unbinds. False with *error if the device or switch is unknown or
    // the port is protected.
    static bool assignPort(LabConfig &config, const MacAddress &mac, const QString &switchId, const QString &port,
                           QString *error);

    [[nodiscard]] QList<SwitchView> switches() const;
    [[nodiscard]] std::optional<SwitchView> switchView(const QString &switchId) const;
    [[nodiscard]] Binding binding(const MacAddress &mac) const;
    [[nodiscard]] QList<Conflict> conflicts() const { return m_conflicts; }
    [[nodiscard]] QList<Suggestion> suggestions() const { return m_suggestions; }
    [[nodiscard]] std::optional<DeviceReading> deviceReading(const MacAddress &mac) const;
    [[nodiscard]] QList<WattHistory::Sample> wattHistory(const QString &switchId, const QString &port) const;
    [[nodiscard]] SimulatedSwitch *simulatedSwitch(const QString &switchId) const;
    [[nodiscard]] PoeSwitch *poeSwitch(const QString &switchId) const { return m_switches.value(switchId); }

Q_SIGNALS:
    void switchUpdated(const PowerManager::SwitchView &view);
    void switchesChanged();                        // switches added/removed/replaced
    void bindingsChanged();
    void conflictsChanged(const QList<PowerManager::Conflict> &conflicts);
    // A simulated switch turned a port on or off (the virtual lab boots/stops its VM).
    void simulatedPortPowerChanged(const QString &switchId, const QString &port, bool on);
    void powerActionFinished(const MacAddress &mac, PowerControl::Action action, bool ok, const QString &error);

protected:
    bool doStart(QString *error) override;
    void doStop() override;

private:
    struct PortKey
    {
        QString switchId;
        QString port;
        friend bool operator==(const PortKey &a, const PortKey &b) { return a.switchId == b.switchId && a.port == b.port; }
        friend size_t qHash(const PortKey &k, size_t seed = 0) { return qHashMulti(seed, k.switchId, k.port); }
    };

    void addSwitch(const SwitchConfig &config);
    void removeSwitch(const QString &id);
    void onPortChanged(const QString &switchId, const poe::PortStatus &before, const poe::PortStatus &after);
    void onReadout(const QString &switchId);
    void onReachability(const QString &switchId, bool reachable, const QString &error);
    void onMacsLearned(const QString &switchId, const QList<poe::MacSighting> &sightings);
    void recomputeBindings();
    void runAction(const MacAddress &mac, const PortKey &key, Action action, const QString &requester, Callback done);
    [[nodiscard]] MacAddress deviceAt(const PortKey &key, bool *learned = nullptr) const;
    [[nodiscard]] bool isProtected(const PortKey &key, QString *why) const;
    [[nodiscard]] PortView portView(const PoeSwitch *sw, const poe::PortStatus &status) const;
    [[nodiscard]] SwitchView view(const QString &id) const;
    void journal(const MacAddress &mac, const char *kind, JournalEvent::Severity severity, const QString &message,
                 BootStage stage, const QJsonObject &data);
    void publish(const MacAddress &mac, const PoeSwitch *sw, const QString &port);

    DeviceRegistry *m_registry;
    DeviceJournal *m_journal;
    BootControl *m_bootControl;
    QString m_baseDir;
    QMap<QString, PoeSwitch *> m_switches;           // by id, sorted for stable GUI order
    QMap<QString, QString> m_switchErrors;           // id -> why it has no driver
    QMap<QString, SwitchConfig> m_switchConfigs;
    QHash<MacAddress, Binding> m_configured;         // lab.yaml
    QHash<MacAddress, Binding> m_learned;            // applied learned bindings
    QSet<MacAddress> m_adopted;
    QList<Conflict> m_conflicts;
    QList<Suggestion> m_suggestions;
    QHash<PortKey, PowerState> m_lastState;          // last journaled state per port
    QSet<PortKey> m_busy;
};

Q_DECLARE_METATYPE(PowerManager::SwitchView)
Q_DECLARE_METATYPE(PowerManager::Conflict)
