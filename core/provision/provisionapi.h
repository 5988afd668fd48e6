#pragma once

#include "common/macaddress.h"
#include "devices/journalevent.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <QHash>
#include <QObject>

class LabEngine;
class Provisioning;

// HTTP routes of provisioning, on the lab's HTTP service.
//
// Deploy environment (no admin token; device callback tokens where a device is known):
//   GET  /api/v1/boot/pi?serial=&mac=        instructions for the device's state (auto-registers)
//   POST /api/v1/nodes/register-pi            {serial, mac, model, ip_address}
//   POST /api/v1/nodes/{id}/installed         install done          -> deployed
//   POST /api/v1/nodes/{id}/install-failed    {error}               -> failed
//   POST /api/v1/nodes/{id}/progress          {event, step, percent, message}
//   POST /v1/continue, /v1/continue_inspection   IPA inspection data -> InventoryStore
// First contact with an unknown device is trust-on-first-use: it is registered (discovered)
// and told its callback token. Once a device is known, everything about it needs that token.
//
// Operator (management API token):
//   GET  /api/v1/workflows, POST /api/v1/workflows/reload, GET /api/v1/workflows/{id}
//   GET|POST /api/v1/devices/{mac}/lifecycle      {state, reason}
//   PUT|DELETE /api/v1/devices/{mac}/workflow     {workflow, start}
//   GET  /api/v1/devices/{mac}/boot-files[?state=]   config.txt / cmdline.txt preview
//   GET  /api/v1/devices/{mac}/nfs                exports line and overlay directory
//   GET  /api/v1/devices/{mac}/ipa                IPA kernel, ramdisk and kernel arguments
class ProvisionApi : public QObject
{
    Q_OBJECT
public:
    ProvisionApi(LabEngine *engine, Provisioning *provisioning, QObject *parent = nullptr);

private:
    void registerRoutes();

    HttpResponse bootPi(const HttpRequest &request);
    HttpResponse registerPi(const HttpRequest &request);
    HttpResponse nodeCallback(const HttpRequest &request, const QString &action);
    HttpResponse inspection(const HttpRequest &request);

    HttpResponse listWorkflows(const HttpRequest &request, bool reload);
    HttpResponse getWorkflow(const HttpRequest &request);
    HttpResponse getLifecycle(const HttpRequest &request);
    HttpResponse setLifecycle(const HttpRequest &request);
    HttpResponse assignWorkflow(const HttpRequest &request);
    HttpResponse unassignWorkflow(const HttpRequest &request);
    HttpResponse bootFiles(const HttpRequest &request);
    HttpResponse nfsInfo(const HttpRequest &request);
    HttpResponse ipaInfo(const HttpRequest &request);

    // The {mac} of an operator route, for a device the registry knows.
    std::optional<MacAddress> deviceParam(const HttpRequest &request, HttpResponse *error) const;
    [[nodiscard]] int unadoptedCount() const;
    bool mayRegister(HttpResponse *error) const;
    void journal(const MacAddress &mac, const QHostAddress &client, const QString &kind, const QString &message,
                 const QJsonObject &data, JournalEvent::Severity severity = JournalEvent::Severity::Info);

    LabEngine *m_engine;
    Provisioning *m_provisioning;
    QHash<MacAddress, QString> m_lastAction;     // journal instructions only when they change
};
