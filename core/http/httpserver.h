#pragma once

#include "httprequest.h"
#include "httpresponse.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QSslConfiguration>
#include <QStringList>

#include <functional>
#include <optional>

class HttpConnection;
class QTcpServer;
class QTcpSocket;

// HTTP/1.1 server on Qt HttpServer's QAbstractHttpServer (request parsing, TLS, keep-alive) with
// what the tech-preview QHttpServer 6.4 lacks: our own 404 bodies, streaming file bodies with
// bounded memory, HEAD for every GET route, deferred answers, and per-connection limits (header
// size, idle/slow-loris timeouts, connection count).
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(HttpRequest &)>;

    enum Method : unsigned {
        Get = 0x1, Head = 0x2, Post = 0x4, Put = 0x8, Patch = 0x10, Delete = 0x20, Options = 0x40,
        AnyMethod = 0xff
    };

    struct Limits
    {
        int maxConnections = 512;             // more get 503 and are closed
        int maxConnectionsPerClient = 64;     // per peer address; more get 503 and are closed
        qint64 maxHeaderBytes = 32 * 1024;    // request line + headers (431 beyond)
        qint64 maxUriBytes = 8 * 1024;        // request target (414 beyond)
        qint64 maxRequestBytes = 1 << 20;     // request body (413 beyond)
        int headerTimeoutMs = 15000;          // a request must arrive this fast (slow-loris)
        int keepAliveTimeoutMs = 30000;       // idle keep-alive connections are closed
        int writeStallTimeoutMs = 60000;      // a response that makes no progress is dropped
        int maxPipelined = 8;                 // requests held while a response is being sent
        bool zeroCopy = true;                 // sendfile(2) for file bodies on plain TCP (Linux)
    };

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    [[nodiscard]] const Limits &limits() const { return m_limits; }
    // Enables TLS for the next listen().
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    // Plain TCP again for the next listen().
    void clearTlsConfiguration() { m_tls.reset(); }

    // Binds; returns false with *error set. port 0 picks a free port (see serverPort()).
    bool listenOn(const QHostAddress &address, quint16 port, QString *error = nullptr);
    void close();
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] quint16 serverPort() const;

    // Pattern segments: literal, "{name}" (one segment) or a final "{name*}" (the rest, may be empty).
    // GET routes also answer HEAD (same headers, no body). First match wins.
    void route(unsigned methods, const QString &pattern, Handler handler);
    // Called when no route matches the path (default: JSON 404).
    void setFallback(Handler handler) { m_fallback = std::move(handler); }
    // Runs before every handler; returning a response short-circuits (auth, rate limits).
    void setFilter(std::function<std::optional<HttpResponse>(HttpRequest &)> filter) { m_filter = std::move(filter); }
    // Headers added to every response (e.g. OData-Version for Redfish).
    void addDefaultHeader(const QByteArray &name, const QByteArray &value) { m_defaultHeaders.append({name, value}); }

    [[nodiscard]] int activeConnections() const { return m_activeConnections; }
    [[nodiscard]] quint64 rejectedConnections() const { return m_rejectedConnections; }
    [[nodiscard]] quint64 timedOutConnections() const { return m_timedOutConnections; }
    [[nodiscard]] quint64 rejectedRequests() const { return m_rejectedRequests; }
    [[nodiscard]] quint64 rejectedPerClient() const { return m_rejectedPerClient; }
    // Everything above plus requests answered and refusals by status, for Service::counters():
    // "connections.active", "connections.accepted", "connections.rejected.limit",
    // "connections.rejected.per-client", "connections.timed-out", "requests.answered",
    // "requests.rejected", "requests.rejected.<status>".
    [[nodiscard]] QMap<QString, quint64> counters() const;

    // Used by PendingResponse.
    void sendResponse(QTcpSocket *socket, HttpResponse response, bool head, bool keepAlive);
    // For PendingResponse when the client went away before the answer: completes `response`
    // as failed.
    static void abandonResponse(const HttpResponse &response);

    static QByteArray methodName(unsigned method);

Q_SIGNALS:
    // One per answered request (status, bytes of body sent or promised).
    void requestFinished(const QString &method, const QString &path, const QHostAddress &peer, int status,
                         qint64 bytes);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route
    {
        unsigned methods;
        QStringList segments;
        Handler handler;
    };
    void adoptSocket(QTcpSocket *socket);
    void dispatch(HttpConnection *connection, HttpRequest request);
    HttpResponse route(HttpRequest &request);
    [[nodiscard]] QByteArray headBytes(const HttpResponse &response, bool keepAlive, bool withLength) const;
    void writeHead(QTcpSocket *socket, const HttpResponse &response, bool keepAlive, bool withLength);
    void finishResponse(QTcpSocket *socket, bool keepAlive);
    static HttpConnection *connectionOf(QTcpSocket *socket);
    static bool match(const Route &route, const QStringList &path, QHash<QString, QString> *params);
    // Refused connections and requests are logged once, then summarised at most once a minute:
    // a flood from the network must not turn into a flood of log lines.
    void logRefusal(const QString &what, const QHostAddress &peer);

    Limits m_limits;
    std::optional<QSslConfiguration> m_tls;
    QList<Route> m_routes;
    qsizetype m_exactRoutes = 0;          // m_routes[0, m_exactRoutes) are exact, the rest wildcards
    Handler m_fallback;
    std::function<std::optional<HttpResponse>(HttpRequest &)> m_filter;
    QList<QPair<QByteArray, QByteArray>> m_defaultHeaders;
    int m_activeConnections = 0;
    quint64 m_rejectedConnections = 0;
    quint64 m_timedOutConnections = 0;
    quint64 m_rejectedRequests = 0;
    quint64 m_rejectedPerClient = 0;
    quint64 m_acceptedConnections = 0;
    quint64 m_answeredRequests = 0;
    QMap<int, quint64> m_rejectedByStatus;
    QHash<QHostAddress, int> m_perClient;           // open connections per peer address
    QElapsedTimer m_refusalLogClock;
    quint64 m_refusalsNotLogged = 0;
};
