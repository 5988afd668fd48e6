#pragma once

#include "bootdecision.h"
#include "config/labconfig.h"
#include "devices/journalevent.h"
#include "dhcpleasepool.h"
#include "dhcpreply.h"
#include "dhcpsocket.h"
#include "engine/service.h"
#include "foreignservermonitor.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>

class BootControl;
class DeviceJournal;
class DeviceRegistry;
class HttpService;
class QTimer;

// Metal Boot's DHCP service, one Service in two modes (DhcpConfig::mode):
//  - Proxy (default): answers netboot clients only (PXE, UEFI HTTP boot, iPXE, the Raspberry Pi
//    bootloader) on `port` (67) and the PXE boot-server port `proxyPort` (4011), next to the
//    network's own DHCP server;
//  - Full: also hands out addresses from DhcpConfig::pool (reservations = DeviceConfig::ip),
//    DISCOVER/REQUEST/DECLINE/RELEASE/INFORM, renew/rebind, relays, leases in a dnsmasq-format file.
// Both share classification, boot decisions, journaling and foreign-server detection, so one
// class with a mode is simpler than two that would have to share all of that.
class DhcpService : public Service
{
    Q_OBJECT
public:
    DhcpService(DeviceRegistry *registry, DeviceJournal *journal, BootControl *bootControl, HttpService *http,
                QObject *parent = nullptr);
    ~DhcpService() override;

    // Returns true if the change needs a restart (binding, ports, mode, pool, lease file).
    bool setConfig(const DhcpConfig &config, const QList<DeviceConfig> &devices = {});
    [[nodiscard]] const DhcpConfig &config() const { return m_config; }
    // Where the default lease file (<dir>/dhcp.leases) lives.
    void setDataDir(const QString &dir) { m_dataDir = dir; }

    [[nodiscard]] QString displayName() const override;
    [[nodiscard]] QStringList endpoints() const override;

    [[nodiscard]] quint16 serverPort() const { return m_server->localPort(); }
    [[nodiscard]] quint16 proxyPort() const { return m_proxy->localPort(); }
    // Packet counters: "received", "offer", "ack", "nak", "malformed.<reason>", "ignored.<reason>",
    // "refused.<reason>", "send-failed"...
    [[nodiscard]] QMap<QString, quint64> counters() const override;
    [[nodiscard]] quint64 counter(const QString &name) const;

    // Full mode.
    [[nodiscard]] QList<DhcpLease> leases() const { return m_pool.leases(); }
    [[nodiscard]] QString leaseFilePath() const;

    // Other DHCP/PXE servers seen on the served interface (for the GUI's diagnose panel).
    [[nodiscard]] QList<ForeignDhcpServer> foreignServers() const;
    // Sends a probe DISCOVER now (needs an interface); false + *error otherwise.
    bool probeForeignServers(QString *error = nullptr);

Q_SIGNALS:
    void foreignServerDetected(const ForeignDhcpServer &server);
    void leasesChanged();

protected:
    bool doStart(QString *error) override;
    void doStop() override;

private:
    enum class Port { Server, Pxe };
    struct Request
    {
        const DhcpSocket::Datagram *datagram = nullptr;
        Port port = Port::Server;
        quint32 serverIp = 0;       // our address on the arrival interface
        dhcp::Packet packet;
        MacAddress mac;
    };
    struct RecentClient
    {
        dhcp::ClientInfo info;
        qint64 seenMs = 0;
    };
    // Token bucket per device for journal entries: a client stuck in a DHCP loop must not flood
    // the journal (and evict every other device's history from its rings).
    struct JournalBudget
    {
        double tokens = 0;
        qint64 lastMs = 0;
        quint32 suppressed = 0;
        BootStage stage = BootStage::Unknown;   // last stage pushed to the registry while suppressing
        qint64 stageMs = 0;
    };
    static constexpr double JournalBurst = 30;       // a whole boot with retries fits
    static constexpr double JournalPerSecond = 3;
    static constexpr int JournalBudgetLimit = 8192;  // devices tracked

    void onReadable(Port port);
    void handleDatagram(const DhcpSocket::Datagram &d, Port port);
    void handleDiscover(Request &r);
    void handleProxyRequest(Request &r);
    void handleLeaseRequest(Request &r);
    void handleDecline(Request &r);
    void handleRelease(Request &r);
    void handleInform(Request &r);

    dhcp::ClientInfo classify(const Request &r, bool allowCached);
    dhcp::BootDecision decide(const Request &r, const dhcp::ClientInfo &client);
    dhcp::LeaseOptions leaseOptions(quint32 address, const MacAddress &mac, bool withLease) const;
    DhcpLeasePool::Client poolClient(const dhcp::Packet &p) const;
    void ackLease(Request &r, quint32 address, const dhcp::ClientInfo &client);
    void sendNak(Request &r, const QString &why);
    bool send(const Request &r, const dhcp::Packet &reply);
    void observeClient(const Request &r, const dhcp::ClientInfo &client, quint32 ip = 0);

    // Journals one event of r's device unless its rate limit says no; `describe(message, data)` runs
    // only for events that are written, so a suppressed event costs almost nothing.
    template <typename Describe>
    void journal(const char *kind, const Request &r, BootStage stage, JournalEvent::Severity severity, Describe &&describe)
    {
        quint32 skipped = 0;
        if (!m_journal || !admitJournal(r, stage, &skipped))
            return;
        QString message;
        QJsonObject data;
        describe(message, data);
        writeJournal(kind, r, stage, severity, message, std::move(data), skipped);
    }
    template <typename Describe>
    void journal(const char *kind, const Request &r, BootStage stage, Describe &&describe)
    {
        journal(kind, r, stage, JournalEvent::Severity::Info, std::forward<Describe>(describe));
    }
    bool admitJournal(const Request &r, BootStage stage, quint32 *skipped);
    void writeJournal(const char *kind, const Request &r, BootStage stage, JournalEvent::Severity severity,
                      const QString &message, QJsonObject data, quint32 skipped);
    // The per-packet counters live in an array; the rare ones ("malformed.x", "refused.x") in a hash.
    enum HotCounter { Received, Discovers, Offers, Requests, Acks, JournalSuppressed, IgnoredNotNetboot, HotCounterCount };
    static const char *hotCounterName(HotCounter c);
    void count(HotCounter c) { ++m_hot[c]; }
    void count(const QString &name) { ++m_counters[name]; }
    void malformed(const QString &reason, const QString &detail, const DhcpSocket::Datagram &d);
    void scheduleLeaseSave();
    void saveLeases();
    bool loadLeases(QString *error);
    void expireLeases();
    void applyPoolSettings();
    void onForeignServer(const ForeignDhcpServer &server);
    [[nodiscard]] QString httpBaseUrl(quint32 serverIp) const;

    DeviceRegistry *m_registry;
    DeviceJournal *m_journal;
    BootControl *m_bootControl;
    HttpService *m_http;
    DhcpConfig m_config;
    dhcp::ClientRules m_rules;            // m_config's client recognition, prepared
    QHash<MacAddress, DeviceConfig> m_devices;
    QString m_dataDir;

    // Children (not value members), so they follow the service to the engine thread.
    DhcpSocket *m_server;
    DhcpSocket *m_proxy;
    ForeignServerMonitor *m_monitor;
    QString m_interface;            // the served interface ("" = all / loopback)
    quint32 m_bindAddress = 0;
    quint32 m_fixedAddress = 0;     // configured address; 0 = our address on each arrival interface
    QList<quint32> m_ownAddresses;  // the served interface's addresses at start (never leased)

    DhcpLeasePool m_pool;
    QTimer *m_expiryTimer;
    QTimer *m_saveTimer;
    bool m_leaseSaveFailing = false;
    static constexpr int LeaseSaveRetryMs = 5000;
    bool m_leasesDirty = false;

    QHash<MacAddress, RecentClient> m_recent;  // DISCOVER classification, for REQUESTs without option 60
    QHash<MacAddress, JournalBudget> m_journalBudget;
    QHash<QString, quint64> m_counters;
    quint64 m_hot[HotCounterCount] = {};
    quint64 m_malformedSinceReport = 0;
    QElapsedTimer m_sinceMalformedReport;
};
