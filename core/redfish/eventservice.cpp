// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "eventservice.h"

#include "common/logging.h"
#include "devices/journalkinds.h"
#include "http/httpserver.h"
#include "redfishcontext.h"
#include "redfishodata.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace redfish {

namespace msg = redfish::messages;
using odata::Kind;

EventService::EventService(Context *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setTransferTimeout(10000);
}

QJsonObject EventService::serviceBody()
{
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/EventService"_s},
        {u"@odata.type"_s, odata::type(Kind::EventService)},
        {u"Id"_s, u"EventService"_s},
        {u"Name"_s, u"Event Service"_s},
        {u"ServiceEnabled"_s, true},
        {u"DeliveryRetryAttempts"_s, 0},
        {u"DeliveryRetryIntervalSeconds"_s, 0},
        {u"EventFormatTypes"_s, QJsonArray{u"Event"_s}},
        {u"RegistryPrefixes"_s, QJsonArray{u"MetalBoot"_s}},
        {u"ResourceTypes"_s, QJsonArray{u"ComputerSystem"_s}},
        {u"ServerSentEventUri"_s, u"/redfish/v1/EventService/SSE"_s},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
        {u"Subscriptions"_s, odata::link(u"/redfish/v1/EventService/Subscriptions"_s)},
    };
}

QJsonObject EventService::subscriptionBody(const Subscription &s)
{
    QJsonObject o{
        {u"@odata.id"_s, u"/redfish/v1/EventService/Subscriptions/"_s + s.id},
        {u"@odata.type"_s, odata::type(Kind::EventDestination)},
        {u"Id"_s, s.id},
        {u"Name"_s, s.sse ? u"Server-sent event stream"_s : u"Event subscription"_s},
        {u"Destination"_s, s.destination},
        {u"Context"_s, s.context},
        {u"Protocol"_s, u"Redfish"_s},
        {u"SubscriptionType"_s, s.sse ? u"SSE"_s : u"RedfishEvent"_s},
        {u"EventFormatType"_s, u"Event"_s},
        {u"RegistryPrefixes"_s, QJsonArray::fromStringList(s.registryPrefixes)},
        {u"Status"_s, QJsonObject{{u"State"_s, s.reachable ? u"Enabled"_s : u"StandbyOffline"_s},
                                  {u"Health"_s, s.reachable ? u"OK"_s : u"Warning"_s}}},
    };
    return o;
}

QJsonObject EventService::eventFor(const JournalEvent &e, quint64 eventId)
{
    if (!e.mac.isValid())
        return {};
    QString messageId;
    QStringList args{e.mac.toDashed()};
    QString text;
    QString severity = u"OK"_s;
    if (e.kind == QLatin1String(journalkind::PowerChanged)) {
        const QString state = e.data.value(u"state"_s).toString(e.message);
        messageId = u"MetalBoot.1.0.PowerStateChanged"_s;
        args << state;
        text = u"The power state of system %1 changed to %2."_s.arg(args.at(0), state);
    } else if (e.kind == QLatin1String(journalkind::StageChanged)) {
        const QString stage = e.data.value(u"stage"_s).toString(e.message);
        if (stage == QLatin1String("error")) {
            messageId = u"MetalBoot.1.0.BootFailed"_s;
            args << e.message;
            text = u"System %1 failed to boot: %2."_s.arg(args.at(0), e.message);
            severity = u"Warning"_s;
        } else {
            messageId = u"MetalBoot.1.0.BootProgressChanged"_s;
            args << stage;
            text = u"System %1 reached boot stage %2."_s.arg(args.at(0), stage);
        }
    } else {
        return {};
    }
    const QString id = QString::number(eventId);
    return QJsonObject{
        {u"@odata.type"_s, odata::type(Kind::Event)},
        {u"Id"_s, id},
        {u"Name"_s, u"Metal Boot event"_s},
        {u"Events"_s, QJsonArray{QJsonObject{
                          {u"EventId"_s, id},
                          {u"EventTimestamp"_s, e.time.toUTC().toString(Qt::ISODate).replace(u"Z"_s, u"+00:00"_s)},
                          {u"MessageId"_s, messageId},
                          {u"Message"_s, text},
                          {u"MessageArgs"_s, QJsonArray::fromStringList(args)},
                          {u"MessageSeverity"_s, severity},
                          {u"OriginOfCondition"_s, odata::link(u"/redfish/v1/Systems/"_s + e.mac.toDashed())},
                      }}},
    };
}

void EventService::publish(const JournalEvent &event)
{
    if (m_subscriptions.isEmpty())
        return;
    const QJsonObject payload = eventFor(event, ++m_eventSeq);
    if (!payload.isEmpty())
        send(payload);
}

void EventService::deviceChanged(const DeviceInfo &d)
{
    const auto previous = m_seen.value(d.mac, qMakePair(PowerState::Unknown, BootStage::Unknown));
    m_seen.insert(d.mac, qMakePair(d.power, d.stage));
    if (d.power != previous.first && d.power != PowerState::Unknown) {
        JournalEvent e;
        e.mac = d.mac;
        e.time = QDateTime::currentDateTimeUtc();
        e.kind = QString::fromLatin1(journalkind::PowerChanged);
        static const char *names[] = {"Unknown", "On", "Off", "PoweringOn", "PoweringOff"};
        e.data.insert(u"state"_s, QString::fromLatin1(names[int(d.power)]));
        publish(e);
    }
    if (d.stage != previous.second && d.stage != BootStage::Unknown) {
        JournalEvent e;
        e.mac = d.mac;
        e.time = QDateTime::currentDateTimeUtc();
        e.kind = QString::fromLatin1(journalkind::StageChanged);
        e.message = d.stageDetail;
        e.data.insert(u"stage"_s, bootstage::toString(d.stage));
        publish(e);
    }
}

void EventService::send(const QJsonObject &payload)
{
    const QByteArray json = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    const QList<Subscription> subs = m_subscriptions;
    for (const Subscription &s : subs) {
        if (s.sse) {
            if (!s.socket)
                continue;
            if (s.socket->bytesToWrite() > MaxSseBacklog) {
                QMetaObject::invokeMethod(s.socket.data(), &QTcpSocket::abort, Qt::QueuedConnection);
                continue;
            }
            s.socket->write("id: " + payload.value(u"Id"_s).toString().toLatin1() + "\ndata: " + json + "\n\n");
            continue;
        }
        if (!s.reachable)
            continue;
        QJsonObject withContext = payload;
        withContext.insert(u"Context"_s, s.context);
        QNetworkRequest req{QUrl(s.destination)};
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam->post(req, QJsonDocument(withContext).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, reply, [reply, id = s.id] {
            if (reply->error() != QNetworkReply::NoError)
                qCWarning(lcRedfish).noquote() << "event delivery to subscription" << id << "failed:" << reply->errorString();
            reply->deleteLater();
        });
    }
}

void EventService::removeSubscription(const QString &id)
{
    for (qsizetype i = 0; i < m_subscriptions.size(); ++i) {
        if (m_subscriptions.at(i).id != id)
            continue;
        const QPointer<QTcpSocket> socket = m_subscriptions.at(i).socket;
        m_subscriptions.removeAt(i);
        if (socket)
            QMetaObject::invokeMethod(socket.data(), &QTcpSocket::disconnectFromHost, Qt::QueuedConnection);
        return;
    }
}

void EventService::registerRoutes()
{
    namespace p = privileges;
    Context &ctx = *m_context;
    ctx.route(HttpServer::Get, u"/redfish/v1/EventService"_s, p::login(),
              [](HttpRequest &r, const Auth &) { return jsonResponse(r, serviceBody()); });
    ctx.route(HttpServer::Get, u"/redfish/v1/EventService/Subscriptions"_s, p::login(), [this](HttpRequest &r, const Auth &) {
        QStringList members;
        for (const auto &s : std::as_const(m_subscriptions))
            members << u"/redfish/v1/EventService/Subscriptions/"_s + s.id;
        return jsonResponse(r, odata::collection(Kind::EventDestinationCollection, u"/redfish/v1/EventService/Subscriptions"_s,
                                                 u"Event Subscriptions"_s, members));
    });
    ctx.route(HttpServer::Get, u"/redfish/v1/EventService/Subscriptions/{id}"_s, p::login(), [this](HttpRequest &r, const Auth &) {
        for (const auto &s : std::as_const(m_subscriptions))
            if (s.id == r.param(u"id"_s))
                return jsonResponse(r, subscriptionBody(s));
        return errorResponse(msg::resourceNotFound(u"EventDestination"_s, r.param(u"id"_s).left(64)));
    });
    ctx.route(HttpServer::Delete, u"/redfish/v1/EventService/Subscriptions/{id}"_s, p::configureManager(),
              [this](HttpRequest &r, const Auth &) {
                  for (const auto &s : std::as_const(m_subscriptions))
                      if (s.id == r.param(u"id"_s)) {
                          removeSubscription(s.id);
                          return HttpResponse(204);
                      }
                  return errorResponse(msg::resourceNotFound(u"EventDestination"_s, r.param(u"id"_s).left(64)));
              });
    ctx.route(HttpServer::Post, u"/redfish/v1/EventService/Subscriptions"_s, p::configureManager(),
              [this](HttpRequest &r, const Auth &a) {
                  QJsonObject body;
                  if (auto bad = readBody(r, &body))
                      return *bad;
                  QList<msg::Message> errors;
                  json::readPatch(body,
                                  {json::Property{u"Destination"_s, json::Type::String, {}, true, {}, 0, 0, 2048},
                                   json::Property{u"Context"_s, json::Type::String, {}, true, {}, 0, 0, 256},
                                   json::Property{u"Protocol"_s, json::Type::String, {u"Redfish"_s}},
                                   json::Property{u"SubscriptionType"_s, json::Type::String, {u"RedfishEvent"_s}},
                                   json::Property{u"EventFormatType"_s, json::Type::String, {u"Event"_s}},
                                   json::Property{u"RegistryPrefixes"_s, json::Type::Array},
                                   json::Property{u"EventTypes"_s, json::Type::Array}},
                                  &errors);
                  if (!body.contains(u"Destination"_s))
                      errors.append(msg::propertyMissing(u"Destination"_s));
                  if (!body.contains(u"Protocol"_s))
                      errors.append(msg::propertyMissing(u"Protocol"_s));
                  const QUrl url(body.value(u"Destination"_s).toString(), QUrl::StrictMode);
                  if (errors.isEmpty() && (!url.isValid() || url.host().isEmpty()
                                           || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))))
                      errors.append(msg::propertyValueFormatError(body.value(u"Destination"_s).toString().left(200), u"Destination"_s));
                  if (!errors.isEmpty())
                      return errorResponse(errors);
                  if (m_subscriptions.size() >= MaxSubscriptions)
                      return errorResponse(msg::eventSubscriptionLimitExceeded());
                  Subscription s;
                  s.id = QString::number(m_nextId++);
                  s.destination = url.toString();
                  s.context = body.value(u"Context"_s).toString();
                  for (const auto &v : body.value(u"RegistryPrefixes"_s).toArray())
                      s.registryPrefixes << v.toString().left(64);
                  s.reachable = !m_filter || m_filter(url);
                  if (!s.reachable)
                      qCWarning(lcRedfish).noquote() << "event subscription" << s.id << "to" << url.host()
                                                     << "accepted but not delivered: outside the networks this service may reach";
                  m_subscriptions.append(s);
                  qCInfo(lcRedfish).noquote() << "event subscription" << s.id << "created by" << a.userName;
                  HttpResponse resp = jsonResponse(r, subscriptionBody(s), 201);
                  resp.setHeader("Location", (u"/redfish/v1/EventService/Subscriptions/"_s + s.id).toLatin1());
                  return resp;
              });
    ctx.route(HttpServer::Get, u"/redfish/v1/EventService/SSE"_s, p::login(), [this](HttpRequest &, const Auth &a) {
        if (m_subscriptions.size() >= MaxSubscriptions)
            return errorResponse(msg::eventSubscriptionLimitExceeded());
        Subscription s;
        s.id = QString::number(m_nextId++);
        s.sse = true;
        s.context = QString::fromLatin1(QByteArray::number(quint64(QDateTime::currentMSecsSinceEpoch()), 36))
            + u"-"_s + s.id;
        const QString id = s.id;
        qCInfo(lcRedfish).noquote() << "SSE stream" << id << "opened by" << a.userName;
        HttpResponse resp = HttpResponse::stream("text/event-stream", [this, s](QTcpSocket *socket) mutable {
            s.socket = socket;
            m_subscriptions.append(s);
            const QString sid = s.id;
            connect(socket, &QTcpSocket::disconnected, this, [this, sid] { removeSubscription(sid); });
            socket->write(": Metal Boot Redfish events\n\n");
        });
        resp.setHeader("Cache-Control", "no-cache");
        return resp;
    });
}

} // namespace redfish
