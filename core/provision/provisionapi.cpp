#include "provisionapi.h"

#include "apiauth.h"
#include "bootinstructions.h"
#include "common/logging.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/inventory.h"
#include "devices/journalkinds.h"
#include "engine/labengine.h"
#include "http/httpserver.h"
#include "http/httpservice.h"
#include "ipainspection.h"
#include "lifecyclemanager.h"
#include "provisioning.h"
#include "workflowstore.h"

#include <QJsonArray>

using lifecycle::State;

namespace {

QString normalizedSerial(QString serial)
{
    serial = serial.trimmed().toLower();
    if (serial.startsWith(QLatin1String("0x")))
        serial = serial.mid(2);
    // /proc/cpuinfo gives 16 digits ("10000000d83add36"): the Pi boot ROM uses the last 8.
    if (serial.size() == 16)
        serial = serial.right(8);
    return serial;
}

HttpResponse illegalTransition(const QString &message, State from)
{
    QJsonArray allowed;
    for (State s : lifecycle::allowedTargets(from))
        allowed.append(lifecycle::name(s));
    return HttpResponse::json(
        QJsonObject{{QStringLiteral("error"),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("illegal-transition")},
                                 {QStringLiteral("message"), message},
                                 {QStringLiteral("state"), lifecycle::name(from)},
                                 {QStringLiteral("allowed"), allowed}}}},
        409);
}

QJsonObject errorJson(const ConfigError &e)
{
    return QJsonObject{{QStringLiteral("file"), e.file},       {QStringLiteral("line"), e.line},
                       {QStringLiteral("column"), e.column},   {QStringLiteral("key"), e.key},
                       {QStringLiteral("message"), e.message}, {QStringLiteral("text"), e.toString()}};
}

} // namespace

ProvisionApi::ProvisionApi(LabEngine *engine, Provisioning *provisioning, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_provisioning(provisioning)
{
    registerRoutes();
}

void ProvisionApi::registerRoutes()
{
    HttpServer *s = m_engine->http()->server();
    using Fn = HttpResponse (ProvisionApi::*)(const HttpRequest &);
    auto open = [this](Fn fn) { return [this, fn](HttpRequest &r) { return (this->*fn)(r); }; };
    auto admin = [this](Fn fn) {
        return [this, fn](HttpRequest &r) -> HttpResponse {
            if (auto denied = provision::requireAdmin(r, m_engine->apiToken()))
                return *denied;
            return (this->*fn)(r);
        };
    };
    s->route(HttpServer::Get, QStringLiteral("/api/v1/boot/pi"), open(&ProvisionApi::bootPi));
    s->route(HttpServer::Post, QStringLiteral("/api/v1/nodes/register-pi"), open(&ProvisionApi::registerPi));
    for (const QString &action : {QStringLiteral("installed"), QStringLiteral("install-failed"), QStringLiteral("progress")})
        s->route(HttpServer::Post, QStringLiteral("/api/v1/nodes/{id}/") + action,
                 [this, action](HttpRequest &r) { return nodeCallback(r, action); });
    s->route(HttpServer::Post, QStringLiteral("/v1/continue"), open(&ProvisionApi::inspection));
    s->route(HttpServer::Post, QStringLiteral("/v1/continue_inspection"), open(&ProvisionApi::inspection));

    s->route(HttpServer::Get, QStringLiteral("/api/v1/workflows"), [this](HttpRequest &r) {
        if (auto denied = provision::requireAdmin(r, m_engine->apiToken()))
            return *denied;
        return listWorkflows(r, false);
    });
    s->route(HttpServer::Post, QStringLiteral("/api/v1/workflows/reload"), [this](HttpRequest &r) {
        if (auto denied = provision::requireAdmin(r, m_engine->apiToken()))
            return *denied;
        return listWorkflows(r, true);
    });
    s->route(HttpServer::Get, QStringLiteral("/api/v1/workflows/{id}"), admin(&ProvisionApi::getWorkflow));
    s->route(HttpServer::Get, QStringLiteral("/api/v1/devices/{mac}/lifecycle"), admin(&ProvisionApi::getLifecycle));
    s->route(HttpServer::Post, QStringLiteral("/api/v1/devices/{mac}/lifecycle"), admin(&ProvisionApi::setLifecycle));
    s->route(HttpServer::Put, QStringLiteral("/api/v1/devices/{mac}/workflow"), admin(&ProvisionApi::assignWorkflow));
    s->route(HttpServer::Delete, QStringLiteral("/api/v1/devices/{mac}/workflow"), admin(&ProvisionApi::unassignWorkflow));
    s->route(HttpServer::Get, QStringLiteral("/api/v1/devices/{mac}/boot-files"), admin(&ProvisionApi::bootFiles));
    s->route(HttpServer::Get, QStringLiteral("/api/v1/devices/{mac}/nfs"), admin(&ProvisionApi::nfsInfo));
    s->route(HttpServer::Get, QStringLiteral("/api/v1/devices/{mac}/ipa"), admin(&ProvisionApi::ipaInfo));
}

void ProvisionApi::journal(const MacAddress &mac, const QHostAddress &client, const QString &kind,
                           const QString &message, const QJsonObject &data, JournalEvent::Severity severity)
{
    JournalEvent e;
    e.mac = mac;
    e.client = client;
    e.source = QStringLiteral("provision");
    e.kind = kind;
    e.severity = severity;
    e.message = message.left(500);
    e.data = data;
    m_engine->journal()->append(e);
}

int ProvisionApi::unadoptedCount() const
{
    int n = 0;
    for (const DeviceInfo &d : m_engine->registry()->all())
        n += d.adopted ? 0 : 1;
    return n;
}

bool ProvisionApi::mayRegister(HttpResponse *error) const
{
    const ProvisioningConfig &cfg = m_provisioning->config();
    if (!cfg.autoRegister) {
        *error = HttpResponse::error(403, QStringLiteral("registration-disabled"),
                                     QStringLiteral("self-registration is off (provisioning.auto_register); add the "
                                                    "device to the lab first"));
        return false;
    }
    if (unadoptedCount() >= cfg.maxDiscovered) {
        *error = HttpResponse::error(429, QStringLiteral("too-many-discovered"),
                                     QStringLiteral("%1 unadopted devices are already registered "
                                                    "(provisioning.max_discovered); adopt or remove some")
                                         .arg(cfg.maxDiscovered));
        return false;
    }
    return true;
}

HttpResponse ProvisionApi::bootPi(const HttpRequest &request)
{
    const QString serial = normalizedSerial(request.queryValue(QStringLiteral("serial")));
    const QString macText = request.queryValue(QStringLiteral("mac"));
    if (!serial.isEmpty() && !provision::isPiSerial(serial))
        return HttpResponse::error(400, QStringLiteral("invalid-serial"),
                                   QStringLiteral("'%1' is not a Pi serial (8 hex digits)").arg(serial.left(20)));
    std::optional<MacAddress> mac;
    if (!macText.isEmpty()) {
        mac = MacAddress::parse(macText);
        if (!mac)
            return HttpResponse::error(400, QStringLiteral("invalid-mac"),
                                       QStringLiteral("'%1' is not a MAC address").arg(macText.left(40)));
    }
    if (serial.isEmpty() && !mac)
        return HttpResponse::error(400, QStringLiteral("missing-identity"), QStringLiteral("give serial= and/or mac="));

    DeviceRegistry *registry = m_engine->registry();
    const DeviceInfo *bySerial = serial.isEmpty() ? nullptr : registry->findBySerial(serial);
    const DeviceInfo *byMac = mac ? registry->find(*mac) : nullptr;
    if (bySerial && byMac && bySerial->mac != byMac->mac)
        return HttpResponse::error(409, QStringLiteral("identity-conflict"),
                                   QStringLiteral("serial %1 belongs to %2, not to %3")
                                       .arg(serial, bySerial->mac.toString(), mac->toString()));
    const DeviceInfo *device = byMac ? byMac : bySerial;
    LifecycleManager *lc = m_provisioning->lifecycle();
    QJsonObject extra;

    if (!device) {
        if (!mac)
            return HttpResponse::json(QJsonObject{
                {QStringLiteral("state"), QStringLiteral("unknown")},
                {QStringLiteral("action"), QStringLiteral("register")},
                {QStringLiteral("serial"), serial},
                {QStringLiteral("register_url"), QString(m_provisioning->baseUrl() + QStringLiteral("/api/v1/nodes/register-pi"))},
                {QStringLiteral("message"), QStringLiteral("Unknown node: register with serial and mac")}});
        HttpResponse refused;
        if (!mayRegister(&refused))
            return refused;
        registry->observe(*mac, serial, {}, request.peerAddress());
        const auto &record = lc->ensure(*mac, State::Discovered);
        extra.insert(QStringLiteral("callback_token"), QString::fromLatin1(record.token));
        journal(*mac, request.peerAddress(), QString::fromLatin1(journalkind::ProvisionEvent),
                QStringLiteral("registered through boot instructions (serial %1)").arg(serial.isEmpty() ? QStringLiteral("?") : serial),
                QJsonObject{{QStringLiteral("event"), QStringLiteral("registered")}, {QStringLiteral("serial"), serial}});
        device = registry->find(*mac);
        if (!device)
            return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("registration failed"));
    } else if (lc->verifyToken(device->mac, provision::presentedDeviceToken(request))) {
        // A genuine agent: it may fill in a missing serial and tells us where it is.
        const bool serialFree = !serial.isEmpty() && device->serial.isEmpty() && !registry->findBySerial(serial);
        registry->observe(device->mac, serialFree ? serial : QString(), {}, request.peerAddress());
    }

    const MacAddress deviceMac = device->mac;
    const auto &record = lc->ensure(deviceMac);
    provision::InstructionsInput in;
    in.serial = device->serial.isEmpty() ? serial : device->serial;
    in.mac = deviceMac;
    in.state = record.state;
    in.workflowId = record.workflow;
    in.workflow = record.workflow.isEmpty() ? nullptr : m_provisioning->workflows()->find(record.workflow);
    in.lastError = record.lastError;
    in.baseUrl = m_provisioning->baseUrl();
    QJsonObject body = provision::bootInstructions(in);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    const QString action = body.value(QStringLiteral("action")).toString();
    if (m_lastAction.value(deviceMac) != action) {
        m_lastAction.insert(deviceMac, action);
        journal(deviceMac, request.peerAddress(), QString::fromLatin1(journalkind::ProvisionEvent),
                QStringLiteral("boot instructions: %1 (%2)").arg(action, lifecycle::name(record.state)),
                QJsonObject{{QStringLiteral("event"), QStringLiteral("instructions")}, {QStringLiteral("action"), action},
                            {QStringLiteral("state"), lifecycle::name(record.state)}});
    }
    return HttpResponse::json(body);
}

HttpResponse ProvisionApi::registerPi(const HttpRequest &request)
{
    QJsonObject body;
    HttpResponse error;
    if (!provision::parseJsonObject(request, &body, &error))
        return error;
    const QString serial = normalizedSerial(body.value(QStringLiteral("serial")).toString());
    const auto mac = MacAddress::parse(body.value(QStringLiteral("mac")).toString());
    const QString model = body.value(QStringLiteral("model")).toString().trimmed().toLower();
    const QString ipText = body.value(QStringLiteral("ip_address")).toString();
    if (!provision::isPiSerial(serial))
        return HttpResponse::error(422, QStringLiteral("invalid-serial"),
                                   QStringLiteral("\"serial\" must be the Pi serial (8 hex digits, e.g. d83add36)"));
    if (!mac)
        return HttpResponse::error(422, QStringLiteral("invalid-mac"), QStringLiteral("\"mac\" must be a MAC address"));
    if (!model.isEmpty() && !provision::piModel(model))
        return HttpResponse::error(422, QStringLiteral("invalid-model"),
                                   QStringLiteral("unknown model '%1' (pi3, pi3b+, cm3, pi4, pi400, cm4, pi5)").arg(model.left(20)));
    QHostAddress ip;
    if (!ipText.isEmpty() && (!ip.setAddress(ipText) || ip.protocol() != QAbstractSocket::IPv4Protocol))
        return HttpResponse::error(422, QStringLiteral("invalid-ip"), QStringLiteral("\"ip_address\" must be an IPv4 address"));

    DeviceRegistry *registry = m_engine->registry();
    LifecycleManager *lc = m_provisioning->lifecycle();
    const DeviceInfo *bySerial = registry->findBySerial(serial);
    const DeviceInfo *byMac = registry->find(*mac);
    if (bySerial && bySerial->mac != *mac)
        return HttpResponse::error(409, QStringLiteral("identity-conflict"),
                                   QStringLiteral("serial %1 is already registered to %2").arg(serial, bySerial->mac.toString()));
    if (byMac) {
        if (!lc->verifyToken(*mac, provision::presentedDeviceToken(request)))
            return provision::deviceTokenRequired(QStringLiteral("re-registering a known node"));
        const DeviceConfig *cfg = m_engine->config().device(*mac);
        if (cfg && !cfg->serial.isEmpty() && cfg->serial != serial)
            return HttpResponse::error(409, QStringLiteral("serial-mismatch"),
                                       QStringLiteral("lab.yaml gives %1 the serial %2, not %3").arg(mac->toString(), cfg->serial, serial));
        registry->observe(*mac, serial, model, ip.isNull() ? request.peerAddress() : ip);
        if (!ip.isNull())
            registry->setIp(*mac, ip);
        const auto &record = lc->ensure(*mac);
        journal(*mac, request.peerAddress(), QString::fromLatin1(journalkind::ProvisionEvent),
                QStringLiteral("re-registered (serial %1%2)").arg(serial, model.isEmpty() ? QString() : QStringLiteral(", ") + model),
                QJsonObject{{QStringLiteral("event"), QStringLiteral("registered")}, {QStringLiteral("serial"), serial},
                            {QStringLiteral("model"), model}, {QStringLiteral("ip"), ip.toString()}});
        return HttpResponse::json(QJsonObject{{QStringLiteral("success"), true},
                                              {QStringLiteral("node_id"), provision::nodeId(*mac)},
                                              {QStringLiteral("state"), lifecycle::name(record.state)},
                                              {QStringLiteral("message"), QStringLiteral("Node updated")}});
    }
    if (!mayRegister(&error))
        return error;
    registry->observe(*mac, serial, model, ip.isNull() ? request.peerAddress() : ip);
    if (!ip.isNull())
        registry->setIp(*mac, ip);
    const auto &record = lc->ensure(*mac, State::Discovered);
    const QByteArray token = record.token;
    const State state = record.state;
    journal(*mac, request.peerAddress(), QString::fromLatin1(journalkind::ProvisionEvent),
            QStringLiteral("registered (serial %1%2)").arg(serial, model.isEmpty() ? QString() : QStringLiteral(", ") + model),
            QJsonObject{{QStringLiteral("event"), QStringLiteral("registered")}, {QStringLiteral("serial"), serial},
                        {QStringLiteral("model"), model}, {QStringLiteral("ip"), ip.toString()}});
    HttpResponse r = HttpResponse::json(QJsonObject{{QStringLiteral("success"), true},
                                                    {QStringLiteral("node_id"), provision::nodeId(*mac)},
                                                    {QStringLiteral("state"), lifecycle::name(state)},
                                                    {QStringLiteral("message"), QStringLiteral("Node registered")},
                                                    {QStringLiteral("callback_token"), QString::fromLatin1(token)}},
                                        201);
    r.setHeader("Location", "/api/v1/devices/" + mac->toString().toLatin1());
    return r;
}

HttpResponse ProvisionApi::nodeCallback(const HttpRequest &request, const QString &action)
{
    const auto mac = MacAddress::parse(request.param(QStringLiteral("id")));
    if (!mac)
        return HttpResponse::error(400, QStringLiteral("invalid-node-id"),
                                   QStringLiteral("'%1' is not a node id (the MAC address)").arg(request.param(QStringLiteral("id")).left(40)));
    LifecycleManager *lc = m_provisioning->lifecycle();
    if (!lc->record(*mac))
        return HttpResponse::error(404, QStringLiteral("not-found"), QStringLiteral("no node %1").arg(mac->toString()));
    if (!lc->verifyToken(*mac, provision::presentedDeviceToken(request)))
        return provision::deviceTokenRequired(QStringLiteral("POST %1").arg(action));
    QJsonObject body;
    HttpResponse error;
    if (!provision::parseJsonObject(request, &body, &error, true))
        return error;
    const QHostAddress peer = request.peerAddress();
    const auto text = [&body](const char *key, int max) {
        return body.value(QLatin1String(key)).toString().left(max);
    };
    State state = lc->state(*mac);
    const auto beginInstall = [&](const QString &why) {
        if (state != State::Reprovision)
            return;
        QString ignored;
        if (lc->transition(*mac, State::Provisioning, why, QStringLiteral("agent"), &ignored))
            state = State::Provisioning;
    };
    QString why;

    if (action == QLatin1String("installed")) {
        beginInstall(QStringLiteral("install started"));
        if (state != State::Provisioning)
            return illegalTransition(QStringLiteral("node %1 is %2, not provisioning: %3")
                                         .arg(mac->toString(), lifecycle::name(state),
                                              lifecycle::transitionError(state, State::Deployed).isEmpty()
                                                  ? QStringLiteral("no install is running")
                                                  : lifecycle::transitionError(state, State::Deployed)),
                                     state);
        const QString message = text("message", 300);
        if (!lc->transition(*mac, State::Deployed, message.isEmpty() ? QStringLiteral("install completed") : message,
                            QStringLiteral("agent"), &why))
            return illegalTransition(why, state);
        journal(*mac, peer, QString::fromLatin1(journalkind::ProvisionEvent), QStringLiteral("install reported complete"),
                QJsonObject{{QStringLiteral("event"), QStringLiteral("installed")}, {QStringLiteral("report"), body}});
        m_engine->registry()->setStage(*mac, BootStage::OsUp, QStringLiteral("installed"));
        return HttpResponse::json(QJsonObject{{QStringLiteral("success"), true},
                                              {QStringLiteral("state"), lifecycle::name(State::Deployed)}});
    }

    if (action == QLatin1String("install-failed")) {
        beginInstall(QStringLiteral("install started"));
        QString reason = text("error", 2000);
        if (reason.isEmpty())
            reason = text("message", 2000);
        if (reason.isEmpty())
            reason = QStringLiteral("the deploy agent reported a failure");
        const QString step = text("step", 100);
        if (!step.isEmpty())
            reason = QStringLiteral("%1: %2").arg(step, reason);
        if (!lc->transition(*mac, State::Failed, reason, QStringLiteral("agent"), &why))
            return illegalTransition(why, state);
        lc->setLastError(*mac, reason);
        m_engine->registry()->setStage(*mac, BootStage::Error, step);
        journal(*mac, peer, QString::fromLatin1(journalkind::ProvisionEvent), QStringLiteral("install failed: %1").arg(reason),
                QJsonObject{{QStringLiteral("event"), QStringLiteral("install-failed")}, {QStringLiteral("report"), body}},
                JournalEvent::Severity::Error);
        return HttpResponse::json(QJsonObject{{QStringLiteral("success"), true},
                                              {QStringLiteral("state"), lifecycle::name(State::Failed)}});
    }

    // progress / step events
    QString event = text("event", 40);
    if (event.isEmpty())
        event = text("event_type", 40);   // pureboot's agent
    if (event.isEmpty())
        event = QStringLiteral("progress");
    static const QStringList events{QStringLiteral("progress"),       QStringLiteral("boot_started"),
                                    QStringLiteral("step-started"),   QStringLiteral("step-completed"),
                                    QStringLiteral("step-failed"),    QStringLiteral("heartbeat"),
                                    QStringLiteral("log")};
    if (!events.contains(event))
        return HttpResponse::error(422, QStringLiteral("invalid-event"),
                                   QStringLiteral("unknown event '%1' (%2)").arg(event, events.join(QStringLiteral(", "))));
    const QJsonValue percentValue = body.value(QStringLiteral("percent"));
    if (!percentValue.isUndefined() && !percentValue.isNull()
        && (!percentValue.isDouble() || percentValue.toDouble() < 0 || percentValue.toDouble() > 100))
        return HttpResponse::error(422, QStringLiteral("invalid-percent"), QStringLiteral("\"percent\" must be 0 to 100"));
    if (state == State::Deployed || state == State::Retired)
        return illegalTransition(QStringLiteral("node %1 is %2: no deploy environment should be running")
                                     .arg(mac->toString(), lifecycle::name(state)),
                                 state);
    if (event != QLatin1String("heartbeat"))
        beginInstall(QStringLiteral("install started (%1)").arg(event));
    QJsonObject progress{{QStringLiteral("event"), event},
                         {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    const QString step = text("step", 100);
    const QString message = text("message", 500);
    if (!step.isEmpty())
        progress.insert(QStringLiteral("step"), step);
    if (!message.isEmpty())
        progress.insert(QStringLiteral("message"), message);
    if (percentValue.isDouble())
        progress.insert(QStringLiteral("percent"), qRound(percentValue.toDouble()));
    lc->setProgress(*mac, progress);
    m_engine->registry()->observe(*mac);
    if (event != QLatin1String("heartbeat")) {
        QString line = event;
        if (!step.isEmpty())
            line += QLatin1Char(' ') + step;
        if (percentValue.isDouble())
            line += QStringLiteral(" %1%").arg(qRound(percentValue.toDouble()));
        if (!message.isEmpty())
            line += QStringLiteral(": ") + message;
        journal(*mac, peer, QString::fromLatin1(journalkind::ProvisionEvent), line, progress,
                event == QLatin1String("step-failed") ? JournalEvent::Severity::Warning : JournalEvent::Severity::Info);
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("state"), lifecycle::name(state)}});
}

HttpResponse ProvisionApi::inspection(const HttpRequest &request)
{
    const auto parsed = ipa::parseInspection(request.body());
    if (!parsed)
        return HttpResponse::error(400, QStringLiteral("invalid-inspection-data"), parsed.error());
    const ipa::Inspection &data = *parsed;
    DeviceRegistry *registry = m_engine->registry();
    LifecycleManager *lc = m_provisioning->lifecycle();

    // The device: the boot interface first, then any interface the lab knows.
    QList<MacAddress> candidates;
    if (data.bootMac.isValid())
        candidates.append(data.bootMac);
    for (const MacAddress &m : data.macs)
        if (!candidates.contains(m))
            candidates.append(m);
    MacAddress mac;
    for (const MacAddress &m : std::as_const(candidates))
        if (registry->find(m) || lc->record(m)) {
            mac = m;
            break;
        }
    bool registered = false;
    if (mac.isValid()) {
        if (!lc->verifyToken(mac, provision::presentedDeviceToken(request)))
            return provision::deviceTokenRequired(QStringLiteral("inspection data for a known node"));
    } else {
        HttpResponse refused;
        if (!mayRegister(&refused))
            return refused;
        mac = candidates.first();
        registry->observe(mac, {}, {}, request.peerAddress());
        lc->ensure(mac, State::Discovered);
        registered = true;
    }
    QString why;
    if (!m_engine->inventory()->setInventory(mac, data.inventory, &why))
        return HttpResponse::error(500, QStringLiteral("storage-failed"), QStringLiteral("inventory not stored: %1").arg(why));
    const HardwareInventory &hw = data.inventory;
    const QString summary = QStringLiteral("inspected: %1 × %2, %3 MiB RAM, %4 disk(s), %5 NIC(s)%6")
                                .arg(hw.cpu.cores)
                                .arg(hw.cpu.model.isEmpty() ? QStringLiteral("CPU") : hw.cpu.model)
                                .arg(hw.memoryMiB)
                                .arg(hw.disks.size())
                                .arg(hw.nics.size())
                                .arg(hw.manufacturer.isEmpty() ? QString() : QStringLiteral(", ") + hw.manufacturer + QLatin1Char(' ') + hw.productName);
    QJsonObject eventData = hw.toJson();
    eventData.insert(QStringLiteral("boot_interface"), data.bootMac.isValid() ? data.bootMac.toString() : QString());
    eventData.insert(QStringLiteral("registered"), registered);
    if (!data.agentError.isEmpty())
        eventData.insert(QStringLiteral("agent_error"), data.agentError);
    journal(mac, request.peerAddress(), QString::fromLatin1(journalkind::ProvisionInspection), summary, eventData,
            data.agentError.isEmpty() ? JournalEvent::Severity::Info : JournalEvent::Severity::Warning);
    qCInfo(lcProvision).noquote() << mac.toString() << summary;
    QJsonObject reply{{QStringLiteral("uuid"), provision::nodeId(mac)}};
    if (registered)
        reply.insert(QStringLiteral("callback_token"), QString::fromLatin1(lc->token(mac)));
    return HttpResponse::json(reply);
}

HttpResponse ProvisionApi::listWorkflows(const HttpRequest &, bool reload)
{
    WorkflowStore *store = m_provisioning->workflows();
    if (reload)
        store->reload();
    QJsonArray list;
    for (const auto &w : store->all())
        list.append(w.toJson());
    QJsonArray errors;
    for (const auto &e : store->errors())
        errors.append(errorJson(e));
    return HttpResponse::json(QJsonObject{{QStringLiteral("directory"), store->directory()},
                                          {QStringLiteral("workflows"), list},
                                          {QStringLiteral("errors"), errors}});
}

HttpResponse ProvisionApi::getWorkflow(const HttpRequest &request)
{
    const QString id = request.param(QStringLiteral("id"));
    const provision::Workflow *w = m_provisioning->workflows()->find(id);
    if (!w)
        return HttpResponse::error(404, QStringLiteral("not-found"), QStringLiteral("no workflow '%1'").arg(id.left(64)));
    return HttpResponse::json(w->toJson());
}

std::optional<MacAddress> ProvisionApi::deviceParam(const HttpRequest &request, HttpResponse *error) const
{
    const auto mac = MacAddress::parse(request.param(QStringLiteral("mac")));
    if (!mac) {
        *error = HttpResponse::error(400, QStringLiteral("invalid-mac"),
                                     QStringLiteral("'%1' is not a MAC address").arg(request.param(QStringLiteral("mac")).left(40)));
        return std::nullopt;
    }
    if (!m_engine->registry()->find(*mac)) {
        *error = HttpResponse::error(404, QStringLiteral("not-found"), QStringLiteral("no device %1").arg(mac->toString()));
        return std::nullopt;
    }
    return mac;
}

HttpResponse ProvisionApi::getLifecycle(const HttpRequest &request)
{
    HttpResponse error;
    const auto mac = deviceParam(request, &error);
    if (!mac)
        return error;
    return HttpResponse::json(m_provisioning->lifecycle()->ensure(*mac).toJson(false));
}

HttpResponse ProvisionApi::setLifecycle(const HttpRequest &request)
{
    HttpResponse error;
    const auto mac = deviceParam(request, &error);
    if (!mac)
        return error;
    QJsonObject body;
    if (!provision::parseJsonObject(request, &body, &error))
        return error;
    const QString stateName = body.value(QStringLiteral("state")).toString();
    const auto to = lifecycle::parse(stateName);
    if (!to)
        return HttpResponse::error(422, QStringLiteral("invalid-state"),
                                   QStringLiteral("unknown state '%1' (%2)")
                                       .arg(stateName.left(40), lifecycle::stateNames().join(QStringLiteral(", "))));
    LifecycleManager *lc = m_provisioning->lifecycle();
    const State from = lc->ensure(*mac).state;
    QString reason = body.value(QStringLiteral("reason")).toString().left(500);
    if (reason.isEmpty())
        reason = QStringLiteral("operator request");
    QString why;
    if (!lc->transition(*mac, *to, reason, QStringLiteral("api"), &why)) {
        if (lifecycle::canTransition(from, *to))   // allowed in principle, refused for another reason
            return HttpResponse::error(409, QStringLiteral("precondition-failed"), why);
        return illegalTransition(why, from);
    }
    return HttpResponse::json(lc->record(*mac)->toJson(false));
}

HttpResponse ProvisionApi::assignWorkflow(const HttpRequest &request)
{
    HttpResponse error;
    const auto mac = deviceParam(request, &error);
    if (!mac)
        return error;
    QJsonObject body;
    if (!provision::parseJsonObject(request, &body, &error))
        return error;
    const QString id = body.value(QStringLiteral("workflow")).toString();
    const provision::Workflow *w = m_provisioning->workflows()->find(id);
    if (!w)
        return HttpResponse::error(422, QStringLiteral("unknown-workflow"),
                                   QStringLiteral("no valid workflow '%1' in %2 (see GET /api/v1/workflows for errors)")
                                       .arg(id.left(64), m_provisioning->workflows()->directory()));
    const QString arch = m_provisioning->deviceArch(*mac);
    if (!w->fitsArch(arch))
        return HttpResponse::error(422, QStringLiteral("architecture-mismatch"),
                                   QStringLiteral("workflow %1 is for %2, device %3 is %4").arg(w->id, w->arch, mac->toString(), arch));
    if (w->method == provision::InstallMethod::Nfs) {
        const DeviceInfo *d = m_engine->registry()->find(*mac);
        if (!d || d->serial.isEmpty())
            return HttpResponse::error(422, QStringLiteral("serial-required"),
                                       QStringLiteral("an NFS workflow needs the device's serial (its overlay is <base>/nodes/<serial>)"));
    }
    LifecycleManager *lc = m_provisioning->lifecycle();
    QString why;
    if (!lc->assignWorkflow(*mac, id, QStringLiteral("api"), &why))
        return HttpResponse::error(409, QStringLiteral("busy"), why);
    if (body.value(QStringLiteral("start")).toBool(false)) {
        const State from = lc->state(*mac);
        if (!lc->transition(*mac, State::Provisioning, QStringLiteral("workflow %1 started").arg(id), QStringLiteral("api"), &why))
            return illegalTransition(why, from);
    }
    return HttpResponse::json(lc->record(*mac)->toJson(false));
}

HttpResponse ProvisionApi::unassignWorkflow(const HttpRequest &request)
{
    HttpResponse error;
    const auto mac = deviceParam(request, &error);
    if (!mac)
        return error;
    QString why;
    if (!m_provisioning->lifecycle()->assignWorkflow(*mac, QString(), QStringLiteral("api"), &why))
        return HttpResponse::error(409, QStringLiteral("busy"), why);
    return HttpResponse::json(m_provisioning->lifecycle()->record(*mac)->toJson(false));
}

HttpResponse ProvisionApi::bootFiles(const HttpRequest &request)
{
    HttpResponse error;
    const auto mac = deviceParam(request, &error);
    if (!mac)
        return error;
    State state = m_provisioning->lifecycle()->ensure(*mac).state;
    const QString stateText = request.queryValue(QStringLiteral("state"));
    if (!stateText.isEmpty()) {
        const auto s = lifecycle::parse(stateText);
        if (!s)
            return HttpResponse::error(400, QStringLiteral("invalid-state"), QStringLiteral("unknown state '%1'").arg(stateText.left(40)));
        state = *s;
    }
    const provision::NativeBootFiles files = m_provisioning->nativeBootFilesFor(*mac, state);
    QJsonObject fileMap;
    for (auto it = files.files.cbegin(); it != files.files.cend(); ++it) {
        static const char *const kinds[] = {"generated", "firmware", "deploy", "tftp-root"};
        fileMap.insert(it.key(), QJsonObject{{QStringLiteral("source"), QString::fromLatin1(kinds[int(it->kind)])},
                                             {QStringLiteral("path"), it->path}});
    }
    QJsonObject o{{QStringLiteral("state"), lifecycle::name(state)},
                  {QStringLiteral("mode"), provision::nativeModeName(files.mode)},
                  {QStringLiteral("refuse_netboot"), files.refuseNetboot},
                  {QStringLiteral("summary"), files.summary},
                  {QStringLiteral("files"), fileMap}};
    if (!files.ok)
        o.insert(QStringLiteral("error"), files.error);
    if (!files.refuseNetboot && files.ok) {
        o.insert(QStringLiteral("config_txt"), QString::fromUtf8(files.configTxt));
        o.insert(QStringLiteral("cmdline_txt"), QString::fromUtf8(files.cmdlineTxt));
    }
    return HttpResponse::json(o);
}

HttpResponse ProvisionApi::nfsInfo(const HttpRequest &request)
{
    HttpResponse error;
    const auto mac = deviceParam(request, &error);
    if (!mac)
        return error;
    const auto *record = m_provisioning->lifecycle()->record(*mac);
    const provision::Workflow *w = record ? m_provisioning->workflows()->find(record->workflow) : nullptr;
    if (!w || w->method != provision::InstallMethod::Nfs)
        return HttpResponse::error(404, QStringLiteral("no-nfs-workflow"),
                                   QStringLiteral("device %1 has no NFS workflow assigned").arg(mac->toString()));
    const DeviceInfo *d = m_engine->registry()->find(*mac);
    const DeviceConfig *cfg = m_engine->config().device(*mac);
    const QHostAddress ip = cfg && !cfg->ip.isNull() ? cfg->ip : d->ip;
    QString why;
    const QString line = provision::nfsExportsLine(*w, d->serial, ip, &why);
    QJsonObject o{{QStringLiteral("workflow"), w->id},
                  {QStringLiteral("nfs_server"), w->nfsServer},
                  {QStringLiteral("node_path"), provision::nfsNodePath(*w, d->serial)},
                  {QStringLiteral("base_path"), provision::nfsBaseImagePath(*w)},
                  {QStringLiteral("nfsroot"), QStringLiteral("%1:%2,vers=4,tcp").arg(w->nfsServer, provision::nfsNodePath(*w, d->serial))}};
    if (line.isEmpty())
        o.insert(QStringLiteral("exports_error"), why);
    else
        o.insert(QStringLiteral("exports_line"), line);
    return HttpResponse::json(o);
}

HttpResponse ProvisionApi::ipaInfo(const HttpRequest &request)
{
    HttpResponse error;
    const auto mac = deviceParam(request, &error);
    if (!mac)
        return error;
    const ProvisioningConfig &cfg = m_provisioning->config();
    const QString base = m_provisioning->baseUrl();
    return HttpResponse::json(QJsonObject{{QStringLiteral("kernel"), cfg.ipaKernel},
                                          {QStringLiteral("ramdisk"), cfg.ipaRamdisk},
                                          {QStringLiteral("kernel_url"), QString(base + QLatin1Char('/') + cfg.ipaKernel)},
                                          {QStringLiteral("ramdisk_url"), QString(base + QLatin1Char('/') + cfg.ipaRamdisk)},
                                          {QStringLiteral("kernel_args"), m_provisioning->ipaKernelArgs(*mac)},
                                          {QStringLiteral("callback_url"), QString(base + QStringLiteral("/v1/continue"))}});
}
