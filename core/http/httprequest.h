#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QString>
#include <QUrlQuery>

class QHttpServerRequest;
class QTcpSocket;
class HttpServer;
class HttpResponse;

// A handle for answering later (asynchronous handlers: power drivers, downloads). Safe to keep:
// sending after the client went away is a no-op.
class PendingResponse
{
public:
    PendingResponse() = default;
    PendingResponse(HttpServer *server, QTcpSocket *socket, bool head, bool keepAlive);
    void send(HttpResponse response) const;
    [[nodiscard]] bool isValid() const { return !m_socket.isNull(); }

private:
    QPointer<HttpServer> m_server;
    QPointer<QTcpSocket> m_socket;
    bool m_head = false;
    bool m_keepAlive = true;
};

// What a route handler sees of a request.
class HttpRequest
{
public:
    HttpRequest(const QHttpServerRequest &request, QTcpSocket *socket, HttpServer *server);

    [[nodiscard]] QByteArray method() const { return m_method; }       // "GET", "HEAD", ...
    [[nodiscard]] bool isHead() const { return m_method == "HEAD"; }
    [[nodiscard]] QString path() const { return m_path; }               // percent-decoded
    [[nodiscard]] QByteArray rawPath() const { return m_rawPath; }      // as sent
    [[nodiscard]] const QUrlQuery &query() const { return m_query; }
    [[nodiscard]] QString queryValue(const QString &key) const
    {
        return m_query.queryItemValue(key, QUrl::FullyDecoded);
    }
    [[nodiscard]] QByteArray header(const QByteArray &name) const;     // case-insensitive, first value
    [[nodiscard]] const QByteArray &body() const { return m_body; }
    [[nodiscard]] QHostAddress peerAddress() const { return m_peer; }
    [[nodiscard]] quint16 peerPort() const { return m_peerPort; }
    [[nodiscard]] QHostAddress localAddress() const { return m_local; }
    [[nodiscard]] quint16 localPort() const { return m_localPort; }
    [[nodiscard]] bool isSecure() const { return m_secure; }
    [[nodiscard]] bool keepAlive() const { return m_keepAlive; }
    // The Host header or the local address: for building absolute URLs in responses.
    [[nodiscard]] QString hostForUrls() const;

    // Path parameters captured by the route ("{mac}" -> value).
    [[nodiscard]] QString param(const QString &name) const { return m_params.value(name); }
    void setParams(QHash<QString, QString> params) { m_params = std::move(params); }

    // Take over the answer: the handler returns HttpResponse::deferred() and sends later.
    [[nodiscard]] PendingResponse defer() const;
    // A copy that stays usable after the handler returned (headers copied, socket tracked): for
    // handlers that finish asynchronously and still need the request (e.g. after an off-thread
    // password check). Its defer() is a no-op sender once the client went away.
    [[nodiscard]] HttpRequest detached() const;
    // Raw socket (server-sent events). Null once the connection is gone.
    [[nodiscard]] QTcpSocket *socket() const;

private:
    const QHttpServerRequest *m_request = nullptr;       // null when detached
    QList<QPair<QByteArray, QByteArray>> m_headers;      // detached copies only
    QPointer<QTcpSocket> m_socket;
    QPointer<HttpServer> m_server;
    QByteArray m_method;
    QString m_path;
    QByteArray m_rawPath;
    QUrlQuery m_query;
    QByteArray m_body;
    QHostAddress m_peer;
    quint16 m_peerPort = 0;
    QHostAddress m_local;
    quint16 m_localPort = 0;
    bool m_secure = false;
    bool m_keepAlive = true;
    QHash<QString, QString> m_params;
};
