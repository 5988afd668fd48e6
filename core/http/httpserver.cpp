#include "httpserver.h"

#include "common/logging.h"
#include "filestreamer.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace {

// QTcpServer/QSslServer that lets HttpServer adopt every socket before QAbstractHttpServer
// starts parsing on it (limits and timers must be in place first).
template <class Base>
class GuardedServer : public Base
{
public:
    using Base::Base;
    std::function<void(QTcpSocket *)> onNewSocket;

    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Base::nextPendingConnection();
        if (socket && onNewSocket)
            onNewSocket(socket);
        return socket;
    }
};

constexpr const char *IdleTimerName = "metalboot-http-idle";

} // namespace

HttpServer::HttpServer(QObject *parent)
    : QAbstractHttpServer(parent)
{
}

HttpServer::~HttpServer() = default;

bool HttpServer::listenOn(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    QTcpServer *server = nullptr;
    if (m_tls) {
        auto *ssl = new GuardedServer<QSslServer>(this);
        ssl->setSslConfiguration(*m_tls);
        ssl->setHandshakeTimeout(m_limits.headerTimeoutMs);
        ssl->onNewSocket = [this](QTcpSocket *s) { adoptSocket(s); };
        server = ssl;
    } else {
        auto *plain = new GuardedServer<QTcpServer>(this);
        plain->onNewSocket = [this](QTcpSocket *s) { adoptSocket(s); };
        server = plain;
    }
    if (!server->listen(address, port)) {
        if (error)
            *error = server->errorString();
        delete server;
        return false;
    }
    bind(server);
    return true;
}

void HttpServer::close()
{
    const auto list = servers();
    for (QTcpServer *s : list) {
        s->close();
        delete s; // also deletes its sockets
    }
    m_activeConnections = 0;
}

bool HttpServer::isListening() const
{
    const auto list = servers();
    for (QTcpServer *s : list)
        if (s->isListening())
            return true;
    return false;
}

quint16 HttpServer::serverPort() const
{
    const auto list = servers();
    return list.isEmpty() ? 0 : list.first()->serverPort();
}

void HttpServer::adoptSocket(QTcpSocket *socket)
{
    // Buffered request bytes are bounded: a client sending endless headers or an oversized body
    // stalls against this limit and is then dropped by the idle timer.
    socket->setReadBufferSize(m_limits.maxRequestBytes);
    // Responses are written whole; do not let Nagle delay the last segment of one.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_activeConnections >= m_limits.maxConnections) {
        ++m_rejectedConnections;
        qCWarning(lcHttp) << "connection limit reached, rejecting" << socket->peerAddress().toString();
        // After QAbstractHttpServer has connected its slots, so the socket is cleaned up.
        QTimer::singleShot(0, socket, [socket] {
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        });
        return;
    }
    ++m_activeConnections;
    QPointer<HttpServer> self(this);
    connect(socket, &QObject::destroyed, this, [self] {
        if (self && self->m_activeConnections > 0)
            --self->m_activeConnections;
    });
    auto *timer = new QTimer(socket);
    timer->setObjectName(QString::fromLatin1(IdleTimerName));
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, socket, [this, socket, timer] {
        // A response still draining to a slow reader gets more time as long as it progresses.
        const qint64 pending = socket->bytesToWrite();
        const qint64 last = timer->property("pending").toLongLong();
        if (pending > 0 && pending != last) {
            timer->setProperty("pending", pending);
            timer->start(m_limits.writeStallTimeoutMs);
            return;
        }
        ++m_timedOutConnections;
        qCDebug(lcHttp) << "closing idle connection from" << socket->peerAddress().toString();
        socket->abort();
    });
    timer->start(m_limits.headerTimeoutMs);
}

void HttpServer::armIdleTimer(QTcpSocket *socket, int timeoutMs)
{
    if (auto *t = socket->findChild<QTimer *>(QString::fromLatin1(IdleTimerName), Qt::FindDirectChildrenOnly)) {
        t->setProperty("pending", QVariant());
        t->start(timeoutMs);
    }
}

void HttpServer::stopIdleTimer(QTcpSocket *socket)
{
    if (auto *t = socket->findChild<QTimer *>(QString::fromLatin1(IdleTimerName), Qt::FindDirectChildrenOnly))
        t->stop();
}

void HttpServer::route(unsigned methods, const QString &pattern, Handler handler)
{
    Route r;
    r.methods = methods;
    r.segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    r.handler = std::move(handler);
    const bool wildcard = !r.segments.isEmpty() && r.segments.last().endsWith(QLatin1String("*}"));
    m_routes.append(std::move(r));
    if (wildcard) {
        m_matchOrder.append(m_routes.size() - 1);
    } else {
        m_matchOrder.insert(m_exactCount, m_routes.size() - 1);
        ++m_exactCount;
    }
}

bool HttpServer::match(const Route &route, const QStringList &path, QHash<QString, QString> *params)
{
    params->clear();
    const auto &segs = route.segments;
    for (int i = 0; i < segs.size(); ++i) {
        const QString &s = segs.at(i);
        if (s.startsWith(QLatin1Char('{')) && s.endsWith(QLatin1String("*}"))) {
            params->insert(s.mid(1, s.size() - 3), path.mid(i).join(QLatin1Char('/')));
            return true;
        }
        if (i >= path.size())
            return false;
        if (s.startsWith(QLatin1Char('{')) && s.endsWith(QLatin1Char('}'))) {
            params->insert(s.mid(1, s.size() - 2), path.at(i));
            continue;
        }
        if (s != path.at(i))
            return false;
    }
    return segs.size() == path.size();
}

QByteArray HttpServer::methodName(unsigned method)
{
    switch (method) {
    case Get: return "GET";
    case Head: return "HEAD";
    case Post: return "POST";
    case Put: return "PUT";
    case Patch: return "PATCH";
    case Delete: return "DELETE";
    case Options: return "OPTIONS";
    default: break;
    }
    return "UNKNOWN";
}

static unsigned methodBit(const QByteArray &name)
{
    if (name == "GET") return HttpServer::Get;
    if (name == "HEAD") return HttpServer::Head;
    if (name == "POST") return HttpServer::Post;
    if (name == "PUT") return HttpServer::Put;
    if (name == "PATCH") return HttpServer::Patch;
    if (name == "DELETE") return HttpServer::Delete;
    if (name == "OPTIONS") return HttpServer::Options;
    return 0;
}

static QByteArray allowHeader(unsigned methods)
{
    QList<QByteArray> names;
    for (unsigned bit : {unsigned(HttpServer::Get), unsigned(HttpServer::Head), unsigned(HttpServer::Post),
                         unsigned(HttpServer::Put), unsigned(HttpServer::Patch), unsigned(HttpServer::Delete),
                         unsigned(HttpServer::Options)})
        if (methods & bit)
            names.append(HttpServer::methodName(bit));
    return names.join(", ");
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    stopIdleTimer(socket);
    HttpRequest req(request, socket, this);
    const QStringList path = req.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const unsigned bit = methodBit(req.method());

    HttpResponse response;
    bool matched = false;
    unsigned allowed = 0;
    QHash<QString, QString> params;
    // Exact routes first; wildcard ("{x*}") routes only when no exact route has this path, so a
    // catch-all never turns a 405 into a 404.
    for (qsizetype i = 0; i < m_matchOrder.size(); ++i) {
        const Route &r = m_routes.at(m_matchOrder.at(i));
        if (i >= m_exactCount && allowed)
            break;
        if (!match(r, path, &params))
            continue;
        unsigned methods = r.methods;
        if (methods & Get)
            methods |= Head;
        allowed |= methods;
        if (!(methods & bit))
            continue;
        req.setParams(params);
        if (m_filter) {
            if (auto early = m_filter(req)) {
                response = *early;
                matched = true;
                break;
            }
        }
        response = r.handler(req);
        matched = true;
        break;
    }
    if (!matched) {
        if (allowed) {
            response = HttpResponse::error(405, QStringLiteral("method-not-allowed"),
                                           QStringLiteral("%1 is not allowed here").arg(QString::fromLatin1(req.method())));
            response.setHeader("Allow", allowHeader(allowed));
        } else if (m_fallback) {
            if (m_filter) {
                if (auto early = m_filter(req))
                    response = *early;
                else
                    response = m_fallback(req);
            } else {
                response = m_fallback(req);
            }
        } else {
            response = HttpResponse::error(404, QStringLiteral("not-found"),
                                           QStringLiteral("no resource at %1").arg(req.path().left(200)));
        }
    }
    if (response.isDeferred())
        return true;
    Q_EMIT requestFinished(QString::fromLatin1(req.method()), req.path(), req.peerAddress(), response.status(),
                           response.contentLength());
    sendResponse(socket, std::move(response), req.isHead(), req.keepAlive());
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Only reached for requests handleRequest() refused (never, today) or failed upgrades.
    Q_UNUSED(request)
    sendResponse(socket, HttpResponse::error(404, QStringLiteral("not-found"), QStringLiteral("not found")), false,
                 false);
}

void HttpServer::writeHead(QTcpSocket *socket, const HttpResponse &response, bool keepAlive, bool withLength)
{
    socket->write(headBytes(response, keepAlive, withLength));
}

QByteArray HttpServer::headBytes(const HttpResponse &response, bool keepAlive, bool withLength) const
{
    QByteArray head;
    head.reserve(256);
    head += "HTTP/1.1 " + QByteArray::number(response.status()) + ' ' + HttpResponse::reasonPhrase(response.status())
        + "\r\n";
    bool hasDate = false;
    for (const auto &h : response.headers()) {
        head += h.first + ": " + h.second + "\r\n";
        hasDate = hasDate || h.first.compare("Date", Qt::CaseInsensitive) == 0;
    }
    for (const auto &h : m_defaultHeaders)
        if (response.header(h.first).isNull())
            head += h.first + ": " + h.second + "\r\n";
    if (!hasDate)
        head += "Date: " + QLocale::c().toString(QDateTime::currentDateTimeUtc(),
                                                 QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1() + "\r\n";
    if (withLength)
        head += "Content-Length: " + QByteArray::number(response.contentLength()) + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    head += "\r\n";
    return head;
}

void HttpServer::finishResponse(QTcpSocket *socket, bool keepAlive)
{
    if (!keepAlive)
        socket->disconnectFromHost();
    else
        armIdleTimer(socket, m_limits.keepAliveTimeoutMs);
}

void HttpServer::sendResponse(QTcpSocket *socket, HttpResponse response, bool head, bool keepAlive)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (response.isStream()) {
        writeHead(socket, response, false, false);
        stopIdleTimer(socket);
        if (!head)
            response.takeover()(socket);
        else
            socket->disconnectFromHost();
        return;
    }
    // 1xx, 204 and 304 carry no body and no Content-Length.
    const int status = response.status();
    const bool bodyless = status == 204 || status == 304 || (status >= 100 && status < 200);
    if (head || bodyless || !response.isFile()) {
        // Head and an in-memory body in one write: one TLS record / TCP segment where it fits,
        // never a small second segment held back by Nagle until the client's delayed ACK.
        QByteArray bytes = headBytes(response, keepAlive, !bodyless);
        if (!head && !bodyless)
            bytes += response.body();
        socket->write(bytes);
        finishResponse(socket, keepAlive);
        return;
    }
    writeHead(socket, response, keepAlive, true);
    auto *streamer = new FileStreamer(socket, response.filePath(), response.fileOffset(), response.fileLength());
    QPointer<HttpServer> self(this);
    QPointer<QTcpSocket> sock(socket);
    connect(streamer, &FileStreamer::finished, socket, [self, sock, keepAlive](bool ok) {
        if (!self || !sock)
            return;
        if (!ok)
            sock->abort();
        else
            self->finishResponse(sock, keepAlive);
    });
    armIdleTimer(socket, m_limits.writeStallTimeoutMs);
    streamer->start();
}

PendingResponse::PendingResponse(HttpServer *server, QTcpSocket *socket, bool head, bool keepAlive)
    : m_server(server)
    , m_socket(socket)
    , m_head(head)
    , m_keepAlive(keepAlive)
{
}

void PendingResponse::send(HttpResponse response) const
{
    if (m_server && m_socket)
        m_server->sendResponse(m_socket, std::move(response), m_head, m_keepAlive);
}
