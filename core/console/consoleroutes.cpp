#include "consoleroutes.h"

#include "consoleservice.h"
#include "devices/deviceregistry.h"
#include "http/httpserver.h"
#include "provision/apiauth.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace {

QJsonObject serialJson(const ConsoleService::SerialStatus &s)
{
    QJsonObject o{{QStringLiteral("mac"), s.mac.toString()},
                  {QStringLiteral("port"), s.port},
                  {QStringLiteral("baud"), s.baud},
                  {QStringLiteral("open"), s.open}};
    if (!s.error.isEmpty())
        o.insert(QStringLiteral("error"), s.error);
    return o;
}

} // namespace

ConsoleRoutes::ConsoleRoutes(HttpServer *server, ConsoleService *consoles, DeviceRegistry *registry,
                             std::function<QString()> apiToken, QObject *parent)
    : QObject(parent)
{
    QPointer<ConsoleService> service(consoles);
    QPointer<DeviceRegistry> devices(registry);
    const auto deviceMac = [devices](const HttpRequest &r, HttpResponse *error) -> std::optional<MacAddress> {
        const auto mac = MacAddress::parse(r.param(QStringLiteral("mac")));
        if (!mac) {
            *error = HttpResponse::error(400, QStringLiteral("invalid-mac"),
                                         QStringLiteral("'%1' is not a MAC address").arg(r.param(QStringLiteral("mac")).left(40)));
            return std::nullopt;
        }
        if (!devices || !devices->find(*mac)) {
            *error = HttpResponse::error(404, QStringLiteral("not-found"), QStringLiteral("no device %1").arg(mac->toString()));
            return std::nullopt;
        }
        return mac;
    };

    server->route(HttpServer::Get, QStringLiteral("/api/v1/consoles"), [service, apiToken](HttpRequest &r) {
        if (auto denied = provision::requireAdmin(r, apiToken()))
            return *denied;
        if (!service)
            return HttpResponse::error(503, QStringLiteral("unavailable"), QStringLiteral("no console service"));
        const ConsoleService::Stats s = service->stats();
        QJsonArray unknown;
        for (const QHostAddress &a : service->buffer().unknownSources())
            unknown.append(a.toString());
        QJsonArray serial;
        for (const auto &st : service->serialStatus())
            serial.append(serialJson(st));
        return HttpResponse::json(QJsonObject{
            {QStringLiteral("state"), Service::stateName(service->state())},
            {QStringLiteral("netconsole_port"), service->netconsolePort()},
            {QStringLiteral("syslog_port"), service->syslogPort()},
            {QStringLiteral("stats"),
             QJsonObject{{QStringLiteral("netconsole_datagrams"), qint64(s.netconsoleDatagrams)},
                         {QStringLiteral("syslog_datagrams"), qint64(s.syslogDatagrams)},
                         {QStringLiteral("malformed"), qint64(s.malformed)},
                         {QStringLiteral("reassembled"), qint64(s.reassembled)},
                         {QStringLiteral("lost"), qint64(s.lost)},
                         {QStringLiteral("lines"), qint64(s.lines)},
                         {QStringLiteral("journaled"), qint64(s.journaled)},
                         {QStringLiteral("suppressed"), qint64(s.suppressed)}}},
            {QStringLiteral("unknown_sources"), unknown},
            {QStringLiteral("serial"), serial}});
    });

    server->route(HttpServer::Get, QStringLiteral("/api/v1/devices/{mac}/console"), [service, apiToken, deviceMac](HttpRequest &r) {
        if (auto denied = provision::requireAdmin(r, apiToken()))
            return *denied;
        HttpResponse error;
        const auto mac = deviceMac(r, &error);
        if (!mac)
            return error;
        if (!service)
            return HttpResponse::error(503, QStringLiteral("unavailable"), QStringLiteral("no console service"));
        bool ok = false;
        int limit = r.queryValue(QStringLiteral("limit")).toInt(&ok);
        limit = ok ? qBound(1, limit, 100000) : 500;
        QJsonArray lines;
        for (const ConsoleLine &l : service->lines(*mac, limit))
            lines.append(l.toJson());
        QJsonObject o{{QStringLiteral("mac"), mac->toString()}, {QStringLiteral("lines"), lines}};
        const QString log = service->logFile(*mac);
        if (!log.isEmpty())
            o.insert(QStringLiteral("log_file"), log);
        for (const auto &st : service->serialStatus())
            if (st.mac == *mac)
                o.insert(QStringLiteral("serial"), serialJson(st));
        return HttpResponse::json(o);
    });

    server->route(HttpServer::Post, QStringLiteral("/api/v1/devices/{mac}/console/serial"),
                  [service, apiToken, deviceMac](HttpRequest &r) {
                      if (auto denied = provision::requireAdmin(r, apiToken()))
                          return *denied;
                      HttpResponse error;
                      const auto mac = deviceMac(r, &error);
                      if (!mac)
                          return error;
                      if (!service)
                          return HttpResponse::error(503, QStringLiteral("unavailable"), QStringLiteral("no console service"));
                      QByteArray bytes = r.body();
                      if (r.header("content-type").startsWith("application/json")) {
                          const QJsonDocument doc = QJsonDocument::fromJson(bytes);
                          if (!doc.isObject() || !doc.object().value(QStringLiteral("text")).isString())
                              return HttpResponse::error(400, QStringLiteral("malformed-json"),
                                                         QStringLiteral("expected {\"text\": \"...\"}"));
                          bytes = doc.object().value(QStringLiteral("text")).toString().toUtf8();
                      }
                      if (bytes.isEmpty() || bytes.size() > 64 * 1024)
                          return HttpResponse::error(400, QStringLiteral("invalid-body"), QStringLiteral("send 1 byte to 64 KiB"));
                      QString why;
                      if (!service->writeSerial(*mac, bytes, &why))
                          return HttpResponse::error(409, QStringLiteral("serial-unavailable"), why);
                      return HttpResponse::json(QJsonObject{{QStringLiteral("written"), bytes.size()}});
                  });
}
