#include "httprequest.h"

#include "httpresponse.h"
#include "httpserver.h"

#include <QHttpServerRequest>
#include <QSslSocket>
#include <QTcpSocket>

static QByteArray methodToName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: break;
    }
    return "UNKNOWN";
}

HttpRequest::HttpRequest(const QHttpServerRequest &request, QTcpSocket *socket, HttpServer *server, int httpMinor)
    : m_socket(socket)
    , m_server(server)
    , m_method(methodToName(request.method()))
    , m_httpMinor(httpMinor)
{
    const QUrl url = request.url();
    m_path = url.path(QUrl::FullyDecoded);
    m_rawPath = url.path(QUrl::FullyEncoded).toLatin1();
    m_query = request.query();
    m_headers = request.headers();
    m_body = request.body();
    m_peer = socket->peerAddress();
    m_peerPort = socket->peerPort();
    m_local = socket->localAddress();
    m_localPort = socket->localPort();
    auto *ssl = qobject_cast<QSslSocket *>(socket);
    m_secure = ssl && ssl->isEncrypted();
    // Connection is a comma-separated token list.
    bool close = false;
    bool keep = false;
    for (const Header &h : std::as_const(m_headers)) {
        if (h.first.compare("connection", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &token : h.second.split(',')) {
            const QByteArray t = token.trimmed().toLower();
            close = close || t == "close";
            keep = keep || t == "keep-alive";
        }
    }
    m_keepAlive = !close && (httpMinor >= 1 || keep);
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const Header &h : m_headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

bool HttpRequest::hasHeader(const QByteArray &name) const
{
    for (const Header &h : m_headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QString HttpRequest::hostForUrls() const
{
    // Only a plain host[:port] (name, IPv4 or [IPv6]) is echoed into URLs we hand out.
    const QByteArray host = header("host");
    bool plain = !host.isEmpty() && host.size() < 256;
    for (char c : host) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '-' || c == ':' || c == '[' || c == ']';
        plain = plain && ok;
    }
    if (plain)
        return QString::fromLatin1(host);
    const QString addr = m_local.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + m_local.toString() + QLatin1Char(']')
        : m_local.toString();
    return addr + QLatin1Char(':') + QString::number(m_localPort);
}

PendingResponse HttpRequest::defer() const
{
    return PendingResponse(m_server, m_socket, isHead(), m_keepAlive);
}
