#include "managementapi.h"

#include "apitoken.h"
#include "common/logging.h"
#include "config/labconfigloader.h"
#include "devicejson.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/powercontrol.h"
#include "engine/labengine.h"
#include "engine/servicehub.h"
#include "eventstream.h"
#include "http/httpserver.h"
#include "http/httpservice.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QJsonObject statusJson(const ServiceHub::Status &s)
{
    QJsonObject counters;
    for (auto it = s.counters.cbegin(); it != s.counters.cend(); ++it)
        counters.insert(it.key(), double(it.value()));
    return QJsonObject{{QStringLiteral("id"), s.id},
                       {QStringLiteral("counters"), counters},
                       {QStringLiteral("name"), s.name},
                       {QStringLiteral("state"), Service::stateName(s.state)},
                       {QStringLiteral("enabled"), s.enabled},
                       {QStringLiteral("error"), s.error},
                       {QStringLiteral("endpoints"), QJsonArray::fromStringList(s.endpoints)}};
}

// The change was valid but could not be written (disk full, read-only config dir): a server
// problem, not the client's; nothing changed.
HttpResponse configNotSaved(const QString &why)
{
    return HttpResponse::error(503, QStringLiteral("not-saved"), why);
}

HttpResponse invalidJson(const QJsonParseError &err)
{
    return HttpResponse::error(400, QStringLiteral("malformed-json"),
                               QStringLiteral("request body is not valid JSON: %1 at offset %2")
                                   .arg(err.errorString())
                                   .arg(err.offset));
}

HttpResponse configErrors(const ConfigErrors &errors)
{
    QJsonArray details;
    QStringList lines;
    for (const auto &e : errors) {
        details.append(QJsonObject{{QStringLiteral("key"), e.key}, {QStringLiteral("message"), e.message}});
        lines.append(e.key.isEmpty() ? e.message : e.key + QStringLiteral(": ") + e.message);
    }
    QJsonObject err{{QStringLiteral("code"), QStringLiteral("invalid-configuration")},
                    {QStringLiteral("message"), lines.join(QStringLiteral("; "))},
                    {QStringLiteral("details"), details}};
    return HttpResponse::json(QJsonObject{{QStringLiteral("error"), err}}, 422);
}

bool parseObject(const HttpRequest &request, QJsonObject *out, HttpResponse *error)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &err);
    if (err.error != QJsonParseError::NoError) {
        *error = invalidJson(err);
        return false;
    }
    if (!doc.isObject()) {
        *error = HttpResponse::error(400, QStringLiteral("malformed-json"), QStringLiteral("expected a JSON object"));
        return false;
    }
    *out = doc.object();
    return true;
}

int boundedInt(const QString &text, int fallback, int min, int max)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    return ok ? qBound(min, v, max) : fallback;
}

} // namespace

ManagementApi::ManagementApi(LabEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_events(new EventStream(this))
{
    connect(engine->journal(), &DeviceJournal::eventAppended, m_events, &EventStream::publish);
    registerRoutes();
}

std::optional<HttpResponse> ManagementApi::authorize(const HttpRequest &request) const
{
    const QString token = m_engine->apiToken();
    QByteArray presented = request.header("authorization");
    if (presented.startsWith("Bearer ") || presented.startsWith("bearer "))
        presented = presented.mid(7).trimmed();
    else
        presented.clear();
    if (!token.isEmpty() && ApiToken::equals(presented, token.toLatin1()))
        return std::nullopt;
    qCWarning(lcApi) << "unauthorised" << request.method() << request.path().left(100) << "from"
                     << request.peerAddress().toString();
    HttpResponse r = HttpResponse::error(401, QStringLiteral("unauthorized"),
                                         QStringLiteral("a valid API token is required (Authorization: Bearer <token>)"));
    r.setHeader("WWW-Authenticate", "Bearer realm=\"metalboot\"");
    return r;
}

void ManagementApi::registerRoutes()
{
    HttpServer *s = m_engine->http()->server();
    auto guarded = [this](HttpResponse (ManagementApi::*fn)(const HttpRequest &)) {
        return [this, fn](HttpRequest &r) -> HttpResponse {
            if (auto denied = authorize(r))
                return *denied;
            return (this->*fn)(r);
        };
    };
    s->route(HttpServer::Get, QStringLiteral("/api/v1/health"), [this](HttpRequest &r) { return health(r); });
    s->route(HttpServer::Get, QStringLiteral("/api/v1/devices"), guarded(&ManagementApi::listDevices));
    s->route(HttpServer::Post, QStringLiteral("/api/v1/devices"), guarded(&ManagementApi::createDevice));
    s->route(HttpServer::Get, QStringLiteral("/api/v1/devices/{mac}"), guarded(&ManagementApi::getDevice));
    s->route(HttpServer::Put, QStringLiteral("/api/v1/devices/{mac}"), [this](HttpRequest &r) {
        if (auto denied = authorize(r))
            return *denied;
        return replaceDevice(r, false);
    });
    s->route(HttpServer::Patch, QStringLiteral("/api/v1/devices/{mac}"), [this](HttpRequest &r) {
        if (auto denied = authorize(r))
            return *denied;
        return replaceDevice(r, true);
    });
    s->route(HttpServer::Delete, QStringLiteral("/api/v1/devices/{mac}"), guarded(&ManagementApi::deleteDevice));
    s->route(HttpServer::Get, QStringLiteral("/api/v1/devices/{mac}/journal"), guarded(&ManagementApi::deviceJournal));
    s->route(HttpServer::Post, QStringLiteral("/api/v1/devices/{mac}/power/{action}"), [this](HttpRequest &r) {
        if (auto denied = authorize(r))
            return *denied;
        return devicePower(r);
    });
    s->route(HttpServer::Get, QStringLiteral("/api/v1/services"), guarded(&ManagementApi::listServices));
    s->route(HttpServer::Post, QStringLiteral("/api/v1/services/{id}/{action}"), guarded(&ManagementApi::serviceAction));
    s->route(HttpServer::Get, QStringLiteral("/api/v1/journal"), guarded(&ManagementApi::journal));
    s->route(HttpServer::Get, QStringLiteral("/api/v1/events"), guarded(&ManagementApi::events));
    s->route(HttpServer::AnyMethod, QStringLiteral("/api/v1/{rest*}"), [this](HttpRequest &r) {
        if (auto denied = authorize(r))
            return *denied;
        return HttpResponse::error(404, QStringLiteral("not-found"),
                                   QStringLiteral("no API resource at %1").arg(r.path().left(200)));
    });
}

HttpResponse ManagementApi::health(const HttpRequest &)
{
    QJsonObject services;
    bool allRunning = true;
    for (const auto &st : m_engine->hub()->statuses()) {
        services.insert(st.id, Service::stateName(st.state));
        if (st.enabled && st.state != Service::State::Running)
            allRunning = false;
    }
    const DeviceJournal *journal = m_engine->journal();
    const bool journalOk = !journal || journal->writeError().isEmpty();
    return HttpResponse::json(QJsonObject{{QStringLiteral("status"), allRunning && journalOk ? QStringLiteral("ok") : QStringLiteral("degraded")},
                                          {QStringLiteral("journal"),
                                           QJsonObject{{QStringLiteral("write_error"), journal ? journal->writeError() : QString()},
                                                       {QStringLiteral("unsaved_events"), journal ? double(journal->unsavedEvents()) : 0.0}}},
                                          {QStringLiteral("version"), QStringLiteral(METALBOOT_VERSION)},
                                          {QStringLiteral("lab"), m_engine->config().name},
                                          {QStringLiteral("devices"), m_engine->registry()->count()},
                                          {QStringLiteral("services"), services}});
}

static QJsonObject deviceJson(LabEngine *engine, const DeviceInfo &info)
{
    QJsonObject o = info.toJson();
    if (const DeviceConfig *c = engine->config().device(info.mac))
        o.insert(QStringLiteral("config"), devicejson::toJson(*c));
    return o;
}

HttpResponse ManagementApi::listDevices(const HttpRequest &)
{
    QJsonArray list;
    for (const auto &d : m_engine->registry()->all())
        list.append(deviceJson(m_engine, d));
    return HttpResponse::json(QJsonObject{{QStringLiteral("devices"), list}, {QStringLiteral("count"), list.size()}});
}

static std::optional<MacAddress> macParam(const HttpRequest &request, HttpResponse *error)
{
    const auto mac = MacAddress::parse(request.param(QStringLiteral("mac")));
    if (!mac)
        *error = HttpResponse::error(400, QStringLiteral("invalid-mac"),
                                     QStringLiteral("'%1' is not a MAC address").arg(request.param(QStringLiteral("mac")).left(40)));
    return mac;
}

HttpResponse ManagementApi::createDevice(const HttpRequest &request)
{
    QJsonObject body;
    HttpResponse error;
    if (!parseObject(request, &body, &error))
        return error;
    const auto mac = MacAddress::parse(body.value(QStringLiteral("mac")).toString());
    if (!mac)
        return HttpResponse::error(422, QStringLiteral("invalid-mac"), QStringLiteral("body needs \"mac\": \"aa:bb:cc:dd:ee:ff\""));
    if (m_engine->config().device(*mac))
        return HttpResponse::error(409, QStringLiteral("exists"), QStringLiteral("device %1 already exists").arg(mac->toString()));
    DeviceConfig device;
    ConfigErrors errors;
    if (!devicejson::fromJson(body, *mac, &device, &errors))
        return configErrors(errors);
    QString why;
    bool notSaved = false;
    if (!m_engine->modifyConfig([&device](LabConfig &c) { c.devices.append(device); }, &why, &notSaved))
        return notSaved ? configNotSaved(why) : HttpResponse::error(422, QStringLiteral("rejected"), why);
    HttpResponse r = HttpResponse::json(deviceJson(m_engine, *m_engine->registry()->find(*mac)), 201);
    r.setHeader("Location", "/api/v1/devices/" + mac->toString().toLatin1());
    return r;
}

HttpResponse ManagementApi::getDevice(const HttpRequest &request)
{
    HttpResponse error;
    const auto mac = macParam(request, &error);
    if (!mac)
        return error;
    const DeviceInfo *info = m_engine->registry()->find(*mac);
    if (!info)
        return HttpResponse::error(404, QStringLiteral("not-found"), QStringLiteral("no device %1").arg(mac->toString()));
    return HttpResponse::json(deviceJson(m_engine, *info));
}

HttpResponse ManagementApi::replaceDevice(const HttpRequest &request, bool patch)
{
    HttpResponse error;
    const auto mac = macParam(request, &error);
    if (!mac)
        return error;
    QJsonObject body;
    if (!parseObject(request, &body, &error))
        return error;
    if (body.contains(QStringLiteral("mac")) && MacAddress::parse(body.value(QStringLiteral("mac")).toString()) != mac)
        return HttpResponse::error(422, QStringLiteral("mac-mismatch"), QStringLiteral("the body's mac differs from the URL"));
    const DeviceConfig *existing = m_engine->config().device(*mac);
    // PUT on a discovered (not adopted) device adopts it; PATCH needs an existing entry.
    if (!existing && (patch || !m_engine->registry()->find(*mac)))
        return HttpResponse::error(404, QStringLiteral("not-found"), QStringLiteral("no device %1").arg(mac->toString()));
    QJsonObject merged = body;
    if (patch)
        merged = devicejson::mergePatch(devicejson::toJson(*existing), body);
    DeviceConfig device;
    ConfigErrors errors;
    if (!devicejson::fromJson(merged, *mac, &device, &errors))
        return configErrors(errors);
    QString why;
    bool notSaved = false;
    const bool ok = m_engine->modifyConfig(
        [&device](LabConfig &c) {
            if (DeviceConfig *d = c.device(device.mac))
                *d = device;
            else
                c.devices.append(device);
        },
        &why, &notSaved);
    if (!ok)
        return notSaved ? configNotSaved(why) : HttpResponse::error(422, QStringLiteral("rejected"), why);
    return HttpResponse::json(deviceJson(m_engine, *m_engine->registry()->find(*mac)));
}

HttpResponse ManagementApi::deleteDevice(const HttpRequest &request)
{
    HttpResponse error;
    const auto mac = macParam(request, &error);
    if (!mac)
        return error;
    const bool configured = m_engine->config().device(*mac) != nullptr;
    if (!configured && !m_engine->registry()->find(*mac))
        return HttpResponse::error(404, QStringLiteral("not-found"), QStringLiteral("no device %1").arg(mac->toString()));
    if (configured) {
        QString why;
        bool notSaved = false;
        const MacAddress m = *mac;
        if (!m_engine->modifyConfig([m](LabConfig &c) { c.devices.removeIf([m](const DeviceConfig &d) { return d.mac == m; }); },
                                    &why, &notSaved))
            return notSaved ? configNotSaved(why) : HttpResponse::error(422, QStringLiteral("rejected"), why);
    }
    m_engine->registry()->remove(*mac);
    return HttpResponse::noContent();
}

static QJsonArray eventsJson(const QList<JournalEvent> &events)
{
    QJsonArray list;
    for (const auto &e : events)
        list.append(e.toJson());
    return list;
}

HttpResponse ManagementApi::deviceJournal(const HttpRequest &request)
{
    HttpResponse error;
    const auto mac = macParam(request, &error);
    if (!mac)
        return error;
    if (!m_engine->registry()->find(*mac))
        return HttpResponse::error(404, QStringLiteral("not-found"), QStringLiteral("no device %1").arg(mac->toString()));
    const int limit = boundedInt(request.queryValue(QStringLiteral("limit")), 200, 1, 5000);
    return HttpResponse::json(QJsonObject{{QStringLiteral("events"), eventsJson(m_engine->journal()->events(*mac, limit))}});
}

HttpResponse ManagementApi::listServices(const HttpRequest &)
{
    QJsonArray list;
    for (const auto &st : m_engine->hub()->statuses())
        list.append(statusJson(st));
    return HttpResponse::json(QJsonObject{{QStringLiteral("services"), list}});
}

HttpResponse ManagementApi::devicePower(HttpRequest &request)
{
    HttpResponse error;
    const auto mac = macParam(request, &error);
    if (!mac)
        return error;
    const QString actionText = request.param(QStringLiteral("action"));
    PowerControl::Action action = PowerControl::Action::On;
    if (actionText == QLatin1String("on"))
        action = PowerControl::Action::On;
    else if (actionText == QLatin1String("off"))
        action = PowerControl::Action::Off;
    else if (actionText == QLatin1String("cycle"))
        action = PowerControl::Action::Cycle;
    else
        return HttpResponse::error(404, QStringLiteral("not-found"),
                                   QStringLiteral("unknown power action '%1' (on, off, cycle)").arg(actionText.left(40)));
    PowerControl *power = m_engine->powerControl();
    QString why = QStringLiteral("no power controller in this lab");
    if (!power || !power->canControl(*mac, &why))
        return HttpResponse::error(409, QStringLiteral("no-power-control"), why);
    const PendingResponse pending = request.defer();
    const MacAddress device = *mac;
    power->requestPower(device, action, QStringLiteral("api"), [pending, device, actionText](bool ok, const QString &why) {
        if (ok)
            pending.send(HttpResponse::json(QJsonObject{{QStringLiteral("mac"), device.toString()}, {QStringLiteral("power"), actionText}}));
        else
            pending.send(HttpResponse::error(502, QStringLiteral("power-failed"), why));
    });
    return HttpResponse::deferred();
}

HttpResponse ManagementApi::serviceAction(const HttpRequest &request)
{
    const QString id = request.param(QStringLiteral("id"));
    const QString action = request.param(QStringLiteral("action"));
    ServiceHub *hub = m_engine->hub();
    if (!hub->service(id))
        return HttpResponse::error(404, QStringLiteral("not-found"), QStringLiteral("no service '%1'").arg(id.left(40)));
    QString why;
    bool ok = false;
    if (action == QLatin1String("start"))
        ok = hub->startService(id, &why);
    else if (action == QLatin1String("stop"))
        ok = hub->stopService(id, &why);
    else if (action == QLatin1String("restart"))
        ok = hub->restartService(id, &why);
    else
        return HttpResponse::error(404, QStringLiteral("not-found"),
                                   QStringLiteral("unknown action '%1' (start, stop, restart)").arg(action.left(40)));
    if (!ok)
        return HttpResponse::json(QJsonObject{{QStringLiteral("error"),
                                               QJsonObject{{QStringLiteral("code"), QStringLiteral("service-failed")},
                                                           {QStringLiteral("message"), why}}},
                                              {QStringLiteral("service"), statusJson(hub->status(id))}},
                                  409);
    return HttpResponse::json(statusJson(hub->status(id)));
}

HttpResponse ManagementApi::journal(const HttpRequest &request)
{
    const int limit = boundedInt(request.queryValue(QStringLiteral("limit")), 200, 1, 5000);
    bool ok = false;
    const quint64 since = request.queryValue(QStringLiteral("since")).toULongLong(&ok);
    const auto list = ok ? m_engine->journal()->since(since, limit) : m_engine->journal()->recent(limit);
    return HttpResponse::json(QJsonObject{{QStringLiteral("events"), eventsJson(list)},
                                          {QStringLiteral("last_seq"), qint64(m_engine->journal()->lastSeq())}});
}

HttpResponse ManagementApi::events(const HttpRequest &request)
{
    if (!m_events->canAccept())
        return HttpResponse::error(503, QStringLiteral("too-many-streams"), QStringLiteral("too many event stream clients"));
    MacAddress filter;
    const QString macText = request.queryValue(QStringLiteral("mac"));
    if (!macText.isEmpty()) {
        const auto mac = MacAddress::parse(macText);
        if (!mac)
            return HttpResponse::error(400, QStringLiteral("invalid-mac"), QStringLiteral("'%1' is not a MAC address").arg(macText.left(40)));
        filter = *mac;
    }
    // Resume after Last-Event-ID (EventSource reconnects) or ?since=.
    bool ok = false;
    quint64 since = request.header("last-event-id").toULongLong(&ok);
    if (!ok)
        since = request.queryValue(QStringLiteral("since")).toULongLong(&ok);
    const QList<JournalEvent> backlog = ok ? m_engine->journal()->since(since, 1000) : QList<JournalEvent>();
    HttpResponse r = HttpResponse::stream("text/event-stream", [this, backlog, filter](QTcpSocket *socket) {
        m_events->addClient(socket, backlog, filter);
    });
    r.setHeader("Cache-Control", "no-cache");
    return r;
}
