#include "httpserver.h"

#include "common/logging.h"
#include "filestreamer.h"
#include "httpconnection.h"
#include "httpdate.h"

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
    m_perClient.clear();
}

QMap<QString, quint64> HttpServer::counters() const
{
    QMap<QString, quint64> out{{QStringLiteral("connections.active"), quint64(qMax(0, m_activeConnections))},
                               {QStringLiteral("connections.accepted"), m_acceptedConnections},
                               {QStringLiteral("connections.rejected.limit"), m_rejectedConnections},
                               {QStringLiteral("connections.rejected.per-client"), m_rejectedPerClient},
                               {QStringLiteral("connections.timed-out"), m_timedOutConnections},
                               {QStringLiteral("requests.answered"), m_answeredRequests},
                               {QStringLiteral("requests.rejected"), m_rejectedRequests}};
    for (auto it = m_rejectedByStatus.cbegin(); it != m_rejectedByStatus.cend(); ++it)
        out.insert(QStringLiteral("requests.rejected.%1").arg(it.key()), it.value());
    return out;
}

void HttpServer::logRefusal(const QString &what, const QHostAddress &peer)
{
    if (m_refusalLogClock.isValid() && m_refusalLogClock.elapsed() < 60000) {
        ++m_refusalsNotLogged;
        qCDebug(lcHttp).noquote() << what << "from" << peer.toString();
        return;
    }
    if (m_refusalsNotLogged)
        qCWarning(lcHttp).noquote() << m_refusalsNotLogged << "more connections or requests were refused in the last minute";
    qCWarning(lcHttp).noquote() << what << "from" << peer.toString() << "(further refusals: one summary a minute)";
    m_refusalsNotLogged = 0;
    m_refusalLogClock.start();
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

HttpConnection *HttpServer::connectionOf(QTcpSocket *socket)
{
    return socket ? socket->findChild<HttpConnection *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void HttpServer::adoptSocket(QTcpSocket *socket)
{
    HttpConnection::Limits limits;
    limits.maxHeaderBytes = m_limits.maxHeaderBytes;
    limits.maxUriBytes = m_limits.maxUriBytes;
    limits.maxBodyBytes = m_limits.maxRequestBytes;
    limits.headerTimeoutMs = m_limits.headerTimeoutMs;
    limits.keepAliveTimeoutMs = m_limits.keepAliveTimeoutMs;
    limits.writeStallTimeoutMs = m_limits.writeStallTimeoutMs;
    limits.maxPipelined = m_limits.maxPipelined;
    // A backstop: the request guard answers 431/413 before this fills up.
    socket->setReadBufferSize(m_limits.maxHeaderBytes + m_limits.maxRequestBytes + 64 * 1024);
    const QHostAddress peer = socket->peerAddress();
    if (m_activeConnections >= m_limits.maxConnections) {
        ++m_rejectedConnections;
        logRefusal(QStringLiteral("connection limit (%1) reached").arg(m_limits.maxConnections), peer);
        new HttpConnection(socket, limits, true);
        return;
    }
    if (m_limits.maxConnectionsPerClient > 0 && m_perClient.value(peer) >= m_limits.maxConnectionsPerClient) {
        ++m_rejectedPerClient;
        logRefusal(QStringLiteral("per-client connection limit (%1) reached").arg(m_limits.maxConnectionsPerClient), peer);
        new HttpConnection(socket, limits, true);
        return;
    }
    ++m_activeConnections;
    ++m_acceptedConnections;
    ++m_perClient[peer];
    QPointer<HttpServer> self(this);
    connect(socket, &QObject::destroyed, this, [self, peer] {
        if (!self)
            return;
        if (self->m_activeConnections > 0)
            --self->m_activeConnections;
        auto it = self->m_perClient.find(peer);
        if (it != self->m_perClient.end() && --*it <= 0)
            self->m_perClient.erase(it);
    });
    // Headers and small bodies leave in one write; file bodies follow without Nagle delays.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *connection = new HttpConnection(socket, limits, false);
    connect(connection, &HttpConnection::requestRejected, this, [this, peer](int status, const QByteArray &reason) {
        ++m_rejectedRequests;
        ++m_rejectedByStatus[status];
        logRefusal(QStringLiteral("request refused with %1 (%2)").arg(status).arg(QString::fromLatin1(reason)), peer);
    });
    connect(connection, &HttpConnection::timedOut, this, [this] { ++m_timedOutConnections; });
    QPointer<HttpConnection> guard(connection);
    connect(connection, &HttpConnection::readyForNext, this, [this, guard] {
        // Not from inside the previous response's completion: the stack unwinds first.
        QMetaObject::invokeMethod(
            this,
            [this, guard] {
                if (guard && guard->acceptsRequests() && !guard->isBusy() && guard->hasQueued())
                    dispatch(guard, guard->dequeue());
            },
            Qt::QueuedConnection);
    });
}

void HttpServer::route(unsigned methods, const QString &pattern, Handler handler)
{
    Route r;
    r.methods = methods;
    r.segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    r.handler = std::move(handler);
    // Kept ordered: exact routes (in registration order) before wildcard ("{x*}") routes.
    const bool wildcard = !r.segments.isEmpty() && r.segments.last().endsWith(QLatin1String("*}"));
    if (wildcard) {
        m_routes.append(std::move(r));
    } else {
        m_routes.insert(m_exactRoutes, std::move(r));
        ++m_exactRoutes;
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
    HttpConnection *connection = connectionOf(socket);
    if (!connection || !connection->acceptsRequests())
        return true; // rejected or closing: never answered
    const HttpConnection::RequestInfo info = connection->takeRequestInfo();
    HttpRequest req(request, socket, this, info.httpMinor);
    if (connection->isBusy() || connection->hasQueued()) {
        // Pipelined behind a response still being sent: answered in order afterwards.
        if (!connection->enqueue(std::move(req)))
            connection->reject(503, QByteArrayLiteral("too many pipelined requests"));
        return true;
    }
    dispatch(connection, std::move(req));
    return true;
}

void HttpServer::dispatch(HttpConnection *connection, HttpRequest request)
{
    QTcpSocket *socket = connection->socket();
    if (!socket)
        return;
    connection->beginResponse();
    connection->setCurrent(QString::fromLatin1(request.method()), request.path());
    HttpResponse response = route(request);
    if (response.isDeferred())
        return; // PendingResponse::send() answers
    sendResponse(socket, std::move(response), request.isHead(), request.keepAlive());
}

HttpResponse HttpServer::route(HttpRequest &req)
{
    const unsigned bit = methodBit(req.method());
    if (!bit) {
        HttpResponse r = HttpResponse::error(501, QStringLiteral("not-implemented"),
                                             QStringLiteral("method %1 is not supported")
                                                 .arg(QString::fromLatin1(req.method())));
        return r;
    }
    const QStringList path = req.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    unsigned allowed = 0;
    QHash<QString, QString> params;
    // Exact routes first; wildcard ("{x*}") routes only when no exact route has this path, so a
    // catch-all never turns a 405 into a 404.
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        const Route &r = m_routes.at(i);
        if (i >= m_exactRoutes && allowed)
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
            if (auto early = m_filter(req))
                return *early;
        }
        return r.handler(req);
    }
    if (allowed) {
        HttpResponse response = HttpResponse::error(
            405, QStringLiteral("method-not-allowed"),
            QStringLiteral("%1 is not allowed here").arg(QString::fromLatin1(req.method())));
        response.setHeader("Allow", allowHeader(allowed));
        return response;
    }
    if (m_fallback) {
        if (m_filter) {
            if (auto early = m_filter(req))
                return *early;
        }
        return m_fallback(req);
    }
    return HttpResponse::error(404, QStringLiteral("not-found"),
                               QStringLiteral("no resource at %1").arg(req.path().left(200)));
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
        head += "Date: " + httpdate::format(QDateTime::currentDateTimeUtc()) + "\r\n";
    if (withLength)
        head += "Content-Length: " + QByteArray::number(response.contentLength()) + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    head += "\r\n";
    return head;
}

void HttpServer::finishResponse(QTcpSocket *socket, bool keepAlive)
{
    if (HttpConnection *connection = connectionOf(socket))
        connection->endResponse(keepAlive);
    else if (!keepAlive)
        socket->disconnectFromHost();
}

void HttpServer::abandonResponse(const HttpResponse &response)
{
    if (response.completionHandler())
        response.completionHandler()(0, false);
}

// cppcheck-suppress passedByValue ; a sink: callers move the response in
void HttpServer::sendResponse(QTcpSocket *socket, HttpResponse response, bool head, bool keepAlive)
{
    HttpConnection *connection = connectionOf(socket);
    if (!socket || !connection || socket->state() != QAbstractSocket::ConnectedState || !connection->isServing()) {
        abandonResponse(response);
        return;
    }
    ++m_answeredRequests;
    Q_EMIT requestFinished(connection->currentMethod(), connection->currentPath(), socket->peerAddress(),
                           response.status(), head ? 0 : response.contentLength());
    const HttpResponse::CompletionHandler complete = response.completionHandler();
    if (response.isStream()) {
        writeHead(socket, response, false, false);
        connection->takeOver();
        if (complete)
            complete(0, true);
        if (!head)
            response.takeover()(socket);
        else
            socket->disconnectFromHost();
        return;
    }
    // 1xx, 204 and 304 carry no body and no Content-Length.
    const int status = response.status();
    const bool bodyless = status == 204 || status == 304 || (status >= 100 && status < 200);
    if (!head && !bodyless && !response.isFile()) {
        // Head and body in one write: a separate small body segment would wait for the client's
        // delayed ACK (tens of milliseconds per request with keep-alive clients).
        socket->write(headBytes(response, keepAlive, true) + response.body());
        if (complete)
            complete(response.body().size(), true);
        finishResponse(socket, keepAlive);
        return;
    }
    writeHead(socket, response, keepAlive, !bodyless);
    if (head || bodyless) {
        if (complete)
            complete(0, true);
        finishResponse(socket, keepAlive);
        return;
    }
    if (response.isFile()) {
        auto *streamer = new FileStreamer(socket, response.filePath(), response.fileOffset(), response.fileLength(),
                                          m_limits.zeroCopy ? FileStreamer::Mode::Auto : FileStreamer::Mode::Copy);
        connect(streamer, &FileStreamer::progressed, connection, &HttpConnection::addProgress);
        QPointer<HttpServer> self(this);
        QPointer<QTcpSocket> sock(socket);
        connect(streamer, &FileStreamer::finished, streamer, [self, sock, keepAlive, complete, streamer](bool ok) {
            if (complete)
                complete(streamer->bytesSent(), ok);
            if (!self || !sock)
                return;
            if (!ok)
                sock->abort();
            else
                self->finishResponse(sock, keepAlive);
        });
        streamer->start();
        return;
    }
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
    else
        HttpServer::abandonResponse(response);
}
