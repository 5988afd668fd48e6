#include "httpfetch.h"

#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace {
constexpr qsizetype MaxHead = 32 * 1024;
constexpr int MaxRedirects = 5;
}

HttpFetch::HttpFetch(const Request &request, QObject *parent)
    : QObject(parent)
    , m_request(request)
    , m_idle(new QTimer(this))
{
    m_idle->setSingleShot(true);
    m_idle->setInterval(m_request.timeoutMs);
    connect(m_idle, &QTimer::timeout, this, [this] { finish(false, QStringLiteral("no progress for %1 s").arg(m_request.timeoutMs / 1000)); });
}

HttpFetch::~HttpFetch()
{
    if (m_socket)
        m_socket->abort();
}

void HttpFetch::start()
{
    m_clock.start();
    m_url = m_request.url;
    m_idle->start();
    if (m_request.delayMs > 0)
        QTimer::singleShot(m_request.delayMs, this, &HttpFetch::connectNow);
    else
        connectNow();
}

void HttpFetch::connectNow()
{
    if (m_done)
        return;
    if (m_url.scheme() != QLatin1String("http") || m_url.host().isEmpty()) {
        finish(false, QStringLiteral("unsupported URL %1 (iPXE here speaks plain http only)").arg(m_url.toString().left(200)));
        return;
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_buffer.clear();
    m_headDone = false;
    m_chunked = false;
    m_chunkLeft = -1;
    m_chunkTrailer = false;
    m_result.bytes = 0;
    m_result.data.clear();
    m_result.contentLength = -1;
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, &HttpFetch::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpFetch::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpFetch::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError)
            finish(false, m_socket->errorString());
    });
    if (!m_request.local.isNull() && !m_socket->bind(m_request.local, 0)) {
        finish(false, QStringLiteral("cannot bind %1: %2").arg(m_request.local.toString(), m_socket->errorString()));
        return;
    }
    m_socket->connectToHost(m_url.host(), quint16(m_url.port(80)));
}

void HttpFetch::onConnected()
{
    const QByteArray path = m_url.path(QUrl::FullyEncoded).toLatin1() + (m_url.hasQuery() ? "?" + m_url.query(QUrl::FullyEncoded).toLatin1() : QByteArray());
    QByteArray host = m_url.host().toLatin1();
    if (m_url.port() > 0)
        host += ':' + QByteArray::number(m_url.port());
    m_socket->write("GET " + (path.isEmpty() ? QByteArray("/") : path) + " HTTP/1.1\r\nHost: " + host
                    + "\r\nUser-Agent: iPXE/1.0.0+ (virtual Raspberry Pi)\r\nConnection: close\r\n\r\n");
}

void HttpFetch::onReadyRead()
{
    if (m_done)
        return;
    m_idle->start();
    m_buffer += m_socket->readAll();
    if (!m_headDone) {
        if (!parseHead())
            return;
    }
    if (m_headDone)
        consumeBody();
}

bool HttpFetch::parseHead()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > MaxHead)
            finish(false, QStringLiteral("response head larger than 32 KiB"));
        return false;
    }
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
    if (status.size() < 2 || !status.at(0).startsWith("HTTP/1.")) {
        finish(false, QStringLiteral("not an HTTP response"));
        return false;
    }
    bool ok = false;
    m_result.status = status.at(1).toInt(&ok);
    if (!ok) {
        finish(false, QStringLiteral("bad status line"));
        return false;
    }
    QByteArray location;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            m_result.contentLength = value.toLongLong(&ok);
            if (!ok || m_result.contentLength < 0) {
                finish(false, QStringLiteral("bad Content-Length"));
                return false;
            }
        } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
            m_chunked = true;
        } else if (name == "location") {
            location = value;
        }
    }
    m_headDone = true;
    if (m_result.status >= 300 && m_result.status < 400 && !location.isEmpty()) {
        if (++m_redirects > MaxRedirects) {
            finish(false, QStringLiteral("too many redirects"));
            return false;
        }
        m_url = m_url.resolved(QUrl::fromEncoded(location));
        connectNow();
        return false;
    }
    if (m_result.status != 200) {
        finish(false, QStringLiteral("HTTP %1").arg(m_result.status));
        return false;
    }
    if (m_result.contentLength > m_request.maxBytes) {
        finish(false, QStringLiteral("body too large (%1 bytes)").arg(m_result.contentLength));
        return false;
    }
    return true;
}

void HttpFetch::consumeBody()
{
    auto take = [this](const char *data, qsizetype size) {
        m_result.bytes += size;
        if (m_request.keepData)
            m_result.data.append(data, size);
        if (m_sink)
            m_sink(data, size);
    };
    if (!m_chunked) {
        qsizetype n = m_buffer.size();
        if (m_result.contentLength >= 0)
            n = std::min<qint64>(n, m_result.contentLength - m_result.bytes);
        take(m_buffer.constData(), n);
        m_buffer.clear();
        if (m_result.bytes > m_request.maxBytes)
            finish(false, QStringLiteral("body too large"));
        else if (m_result.contentLength >= 0 && m_result.bytes == m_result.contentLength)
            finish(true, {});
        return;
    }
    while (!m_done) {
        if (m_chunkLeft < 0) {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                if (m_buffer.size() > 1024)
                    finish(false, QStringLiteral("bad chunk header"));
                return;
            }
            const QByteArray line = m_buffer.left(eol);
            m_buffer.remove(0, eol + 2);
            if (m_chunkTrailer) {
                if (line.isEmpty())
                    finish(true, {});
                continue;
            }
            bool ok = false;
            const qint64 size = line.split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                finish(false, QStringLiteral("bad chunk size"));
                return;
            }
            if (size == 0) {
                m_chunkTrailer = true;
                continue;
            }
            m_chunkLeft = size;
        }
        if (m_chunkLeft > 0) {
            const qsizetype n = std::min<qint64>(m_chunkLeft, m_buffer.size());
            take(m_buffer.constData(), n);
            m_buffer.remove(0, n);
            m_chunkLeft -= n;
            if (m_result.bytes > m_request.maxBytes) {
                finish(false, QStringLiteral("body too large"));
                return;
            }
            if (m_chunkLeft > 0)
                return;
        }
        if (m_buffer.size() < 2)
            return;
        if (!m_buffer.startsWith("\r\n")) {
            finish(false, QStringLiteral("bad chunk end"));
            return;
        }
        m_buffer.remove(0, 2);
        m_chunkLeft = -1;
    }
}

void HttpFetch::onDisconnected()
{
    if (m_done)
        return;
    if (m_headDone && !m_chunked && m_result.contentLength < 0) {
        finish(true, {});   // body delimited by the end of the connection
        return;
    }
    finish(false, m_headDone ? QStringLiteral("connection closed after %1 of %2 bytes").arg(m_result.bytes).arg(m_result.contentLength)
                             : QStringLiteral("connection closed before a response"));
}

void HttpFetch::abort()
{
    m_done = true;
    m_idle->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        // A socket on loopback cannot just vanish like a powered-off NIC: reset the connection
        // (SO_LINGER 0) instead of an orderly close, so the server sees a broken transfer.
        const qintptr fd = m_socket->socketDescriptor();
        if (fd >= 0) {
            const linger hard{1, 0};
            ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        }
        m_socket->abort();
    }
}

void HttpFetch::finish(bool ok, const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_idle->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    m_result.ok = ok;
    m_result.error = error;
    m_result.finalUrl = m_url;
    m_result.elapsedMs = m_clock.elapsed();
    Q_EMIT finished(this);
}
