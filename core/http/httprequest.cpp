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

HttpRequest::HttpRequest(const QHttpServerRequest &request, QTcpSocket *socket, HttpServer *server)
    : m_request(&request)
    , m_socket(socket)
    , m_server(server)
{
    m_method = methodToName(request.method());
    const QUrl url = request.url();
    m_path = url.path(QUrl::FullyDecoded);
    m_rawPath = url.path(QUrl::FullyEncoded).toLatin1();
    m_query = request.query();
    m_body = request.body();
    m_peer = socket->peerAddress();
    m_peerPort = socket->peerPort();
    m_local = socket->localAddress();
    m_localPort = socket->localPort();
    auto *ssl = qobject_cast<QSslSocket *>(socket);
    m_secure = ssl && ssl->isEncrypted();
    m_keepAlive = !request.value("connection").toLower().contains("close");
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    if (m_request)
        return m_request->value(name);
    for (const auto &h : m_headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QTcpSocket *HttpRequest::socket() const
{
    return m_socket.data();
}

HttpRequest HttpRequest::detached() const
{
    HttpRequest copy(*this);
    if (m_request)
        copy.m_headers = m_request->headers();
    copy.m_request = nullptr;
    return copy;
}

QString HttpRequest::hostForUrls() const
{
    const QByteArray host = header("host");
    if (!host.isEmpty() && host.size() < 256 && !host.contains('/') && !host.contains(' '))
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
