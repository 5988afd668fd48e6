#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QTcpSocket>
#include <QUrlQuery>

class QHttpServerRequest;
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

// What a route handler sees of a request. A self-contained copy (Qt's request object is reused
// for the next request on the connection), so pipelined requests can wait their turn.
class HttpRequest
{
public:
    using Header = QPair<QByteArray, QByteArray>;

    HttpRequest() = default;
    HttpRequest(const QHttpServerRequest &request, QTcpSocket *socket, HttpServer *server, int httpMinor = 1);

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
    [[nodiscard]] bool hasHeader(const QByteArray &name) const;
    [[nodiscard]] const QList<Header> &headers() const { return m_headers; }
    [[nodiscard]] const QByteArray &body() const { return m_body; }
    [[nodiscard]] QHostAddress peerAddress() const { return m_peer; }
    [[nodiscard]] quint16 peerPort() const { return m_peerPort; }
    [[nodiscard]] QHostAddress localAddress() const { return m_local; }
    [[nodiscard]] quint16 localPort() const { return m_localPort; }
    [[nodiscard]] bool isSecure() const { return m_secure; }
    [[nodiscard]] int httpMinorVersion() const { return m_httpMinor; } // HTTP/1.x
    // HTTP/1.1: unless "Connection: close"; HTTP/1.0: only with "Connection: keep-alive".
    [[nodiscard]] bool keepAlive() const { return m_keepAlive; }
    // The Host header (if it is a plain host[:port]) or the local address: for absolute URLs.
    [[nodiscard]] QString hostForUrls() const;

    // Path parameters captured by the route ("{mac}" -> value).
    [[nodiscard]] QString param(const QString &name) const { return m_params.value(name); }
    void setParams(QHash<QString, QString> params) { m_params = std::move(params); }

    // Take over the answer: the handler returns HttpResponse::deferred() and sends later.
    [[nodiscard]] PendingResponse defer() const;
    // Raw socket (server-sent events). Only valid during the handler call.
    [[nodiscard]] QTcpSocket *socket() const { return m_socket; }
    // A copy that may outlive the handler call (asynchronous handlers); the request is self-contained.
    [[nodiscard]] HttpRequest detached() const { return *this; }

private:
    QPointer<QTcpSocket> m_socket;
    QPointer<HttpServer> m_server;
    QByteArray m_method;
    QString m_path;
    QByteArray m_rawPath;
    QUrlQuery m_query;
    QList<Header> m_headers;
    QByteArray m_body;
    QHostAddress m_peer;
    quint16 m_peerPort = 0;
    QHostAddress m_local;
    quint16 m_localPort = 0;
    bool m_secure = false;
    int m_httpMinor = 1;
    bool m_keepAlive = true;
    QHash<QString, QString> m_params;
};
