#pragma once

#include "config/labconfig.h"
#include "engine/service.h"
#include "redfishcontext.h"

#include <QHostAddress>

#include <memory>

class AccountStore;
class HttpServer;
class SessionStore;

namespace redfish {
class EventService;
class FirmwareUpdater;
class TaskStore;
} // namespace redfish

// The Redfish BMC of the lab: one ComputerSystem/Manager/Chassis per device on its own HTTPS
// server (services.redfish). Accounts live in <config>/redfish/accounts.json (0600); the first
// start creates "admin" with a random password written to <config>/redfish/initial-admin-password
// (0600) and announced once (not its value) in the log.
class RedfishService : public Service
{
    Q_OBJECT
public:
    explicit RedfishService(redfish::Backend backend, QObject *parent = nullptr);
    ~RedfishService() override;

    // Returns true if the change needs a restart (listen address, port, TLS material).
    bool setConfig(const RedfishConfig &config);
    [[nodiscard]] const RedfishConfig &config() const { return m_context.config; }
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QString baseUrl() const;
    // The CA clients should trust (generated identity), empty with a user certificate.
    [[nodiscard]] QString caPath() const { return m_caPath; }
    [[nodiscard]] QString initialPasswordFile() const;
    [[nodiscard]] AccountStore *accounts() const { return m_accounts.get(); }
    [[nodiscard]] redfish::EventService *events() const { return m_events; }
    [[nodiscard]] HttpServer *server() const { return m_server; }
    // Password checks (PBKDF2) waiting for or running on the worker thread.
    [[nodiscard]] int pendingPasswordChecks() const;

    [[nodiscard]] QString displayName() const override { return tr("Redfish BMC"); }
    [[nodiscard]] QStringList endpoints() const override;
    [[nodiscard]] QMap<QString, quint64> counters() const override;

protected:
    bool doStart(QString *error) override;
    void doStop() override;

private:
    void registerRoutes();
    bool setUpTls(QString *error);

    redfish::Context m_context;
    HttpServer *m_server;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<redfish::TaskStore> m_tasks;
    redfish::EventService *m_events = nullptr;
    redfish::FirmwareUpdater *m_updater = nullptr;
    QHostAddress m_bound;
    QString m_caPath;
    bool m_accountsLoaded = false;
};
