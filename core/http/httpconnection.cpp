#include "httpconnection.h"

#include "common/logging.h"
#include "httpresponse.h"

#include <QSslSocket>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace {

bool isTokenChar(char c)
{
    // RFC 9110 tchar
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-': case '.':
    case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const Limits &limits, bool rejected)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
{
    // Member QObjects are not children by default: parent them so moveToThread() takes them along.
    m_timer.setParent(this);

    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    // Connected before QAbstractHttpServer connects its parser, so the guard sees bytes first.
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this](qint64 n) {
        m_progress += quint64(n);
        if (m_phase == Phase::Closing && m_socket && m_socket->bytesToWrite() == 0)
            shutdownWrite();
    });
    if (rejected) {
        // Nothing it sends is ever served (input is discarded from now on). The answer goes out
        // once QAbstractHttpServer has connected its slots (it deletes the socket on disconnect).
        m_pendingRejectStatus = 503;
        m_pendingRejectReason = QByteArrayLiteral("too many connections");
        QTimer::singleShot(0, this, [this] {
            const int status = m_pendingRejectStatus;
            m_pendingRejectStatus = 0;
            reject(status, m_pendingRejectReason);
        });
        return;
    }
    arm(Phase::Waiting, m_limits.headerTimeoutMs);
}

void HttpConnection::arm(Phase phase, int timeoutMs)
{
    m_phase = phase;
    if (timeoutMs > 0)
        m_timer.start(timeoutMs);
    else
        m_timer.stop();
}

void HttpConnection::onTimeout()
{
    if (!m_socket)
        return;
    if (m_phase == Phase::Busy && m_progress != m_progressSeen) {
        // A response still moving to a slow reader gets more time as long as it progresses.
        m_progressSeen = m_progress;
        m_timer.start(m_limits.writeStallTimeoutMs);
        return;
    }
    if (m_phase == Phase::TakenOver)
        return;
    Q_EMIT timedOut();
    qCDebug(lcHttp) << "closing connection from" << m_socket->peerAddress().toString() << "after a timeout in phase"
                    << int(m_phase);
    m_socket->abort();
}

void HttpConnection::onReadyRead()
{
    if (!m_socket)
        return;
    if (m_phase == Phase::Closing || m_pendingRejectStatus) {
        // Drain and discard: the client is told (or will be told) why and the connection closes.
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        m_socket->readAll();
        return;
    }
    if (m_phase == Phase::TakenOver)
        return;
    if (m_phase == Phase::Idle)
        arm(Phase::Reading, m_limits.headerTimeoutMs);
    else if (m_phase == Phase::Waiting)
        m_phase = Phase::Reading; // the accept-time deadline keeps running

    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    qint64 rest = available;
    if (m_scan == Scan::Start || m_scan == Scan::RequestLine || m_scan == Scan::Headers) {
        // Only what can still belong to the head is looked at; one byte more proves it too long.
        const qint64 window = qMin(available, m_limits.maxHeaderBytes - m_headBytes + 1);
        const QByteArray head = m_socket->peek(window);
        const qint64 before = m_headBytes;
        scan(head.constData(), head.size());
        if (m_phase == Phase::Closing || m_pendingRejectStatus)
            return;
        rest = available - (m_headBytes - before);
    }
    if (m_scan == Scan::Body && rest > 0) {
        m_bodyBytes += rest;
        if (m_bodyBytes > m_limits.maxBodyBytes && (m_chunked || m_contentLength < 0)) {
            reject(413, QByteArrayLiteral("request body too large"));
            return;
        }
        if (!m_chunked && m_contentLength >= 0 && m_bodyBytes >= m_contentLength)
            m_scan = Scan::Done; // anything beyond is the next (pipelined) request
    }
}

void HttpConnection::scan(const char *data, qint64 size)
{
    for (qint64 i = 0; i < size; ++i) {
        const char c = data[i];
        if (m_scan == Scan::Start) {
            ++m_headBytes;
            if (m_headBytes > m_limits.maxHeaderBytes) {
                reject(431, QByteArrayLiteral("request header too large"));
                return;
            }
            // Qt's parser skips whitespace left over from a previous request; so do we.
            if (c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\v')
                continue;
            m_scan = Scan::RequestLine;
            m_line.append(c);
            continue;
        }
        if (m_scan != Scan::RequestLine && m_scan != Scan::Headers)
            return;
        ++m_headBytes;
        if (c != '\n') {
            m_line.append(c);
            if (m_scan == Scan::RequestLine && m_line.size() > m_limits.maxUriBytes + 64) {
                reject(414, QByteArrayLiteral("request target too long"));
                return;
            }
        }
        // Every byte counts, the newline that ends a line too (found by fuzz_http_request: a head
        // whose byte over the limit was a newline went on being read).
        if (m_headBytes > m_limits.maxHeaderBytes) {
            reject(431, QByteArrayLiteral("request header too large"));
            return;
        }
        if (c != '\n')
            continue;
        QByteArray line = m_line;
        m_line.clear();
        if (line.endsWith('\r'))
            line.chop(1);
        if (m_scan == Scan::RequestLine) {
            if (!parseRequestLine(line))
                return;
            m_scan = Scan::Headers;
        } else if (line.isEmpty()) {
            headersComplete();
            return;
        } else if (!parseHeaderLine(line)) {
            return;
        }
    }
}

bool HttpConnection::parseRequestLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    QList<QByteArray> words;
    for (const QByteArray &p : parts)
        if (!p.isEmpty())
            words.append(p);
    if (words.size() != 3 || words.at(0).size() > 32 || !isToken(words.at(0))) {
        reject(400, QByteArrayLiteral("malformed request line"));
        return false;
    }
    const QByteArray &target = words.at(1);
    if (target.size() > m_limits.maxUriBytes) {
        reject(414, QByteArrayLiteral("request target too long"));
        return false;
    }
    for (char c : target) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
            reject(400, QByteArrayLiteral("control character in request target"));
            return false;
        }
    }
    if (!target.startsWith('/') && target != "*" && !target.startsWith("http://") && !target.startsWith("https://")) {
        reject(400, QByteArrayLiteral("malformed request target"));
        return false;
    }
    const QByteArray &version = words.at(2);
    if (version.size() != 8 || !version.startsWith("HTTP/") || version.at(6) != '.' || version.at(5) < '0'
        || version.at(5) > '9' || version.at(7) < '0' || version.at(7) > '9') {
        reject(400, QByteArrayLiteral("malformed HTTP version"));
        return false;
    }
    if (version.at(5) != '1') {
        reject(505, QByteArrayLiteral("only HTTP/1.x is supported"));
        return false;
    }
    m_httpMinor = version.at(7) - '0';
    return true;
}

bool HttpConnection::parseHeaderLine(const QByteArray &line)
{
    if (line.startsWith(' ') || line.startsWith('\t')) {
        reject(400, QByteArrayLiteral("obsolete header line folding"));
        return false;
    }
    const auto colon = line.indexOf(':');
    const QByteArray name = colon > 0 ? line.left(colon).toLower() : QByteArray();
    if (!isToken(name)) {
        reject(400, QByteArrayLiteral("malformed header line"));
        return false;
    }
    const QByteArray value = line.mid(colon + 1).trimmed();
    for (char c : value) {
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) {
            reject(400, QByteArrayLiteral("control character in header value"));
            return false;
        }
    }
    if (name == "content-length") {
        bool ok = value.size() <= 18 && !value.isEmpty();
        for (char c : value)
            ok = ok && c >= '0' && c <= '9';
        const qint64 length = ok ? value.toLongLong(&ok) : -1;
        if (!ok || (m_contentLength >= 0 && m_contentLength != length)) {
            reject(400, QByteArrayLiteral("invalid Content-Length"));
            return false;
        }
        m_contentLength = length;
        if (length > m_limits.maxBodyBytes) {
            reject(413, QByteArrayLiteral("request body too large"));
            return false;
        }
    } else if (name == "transfer-encoding") {
        m_hasTransferEncoding = true;
        const QList<QByteArray> codings = value.toLower().split(',');
        m_chunked = codings.last().trimmed() == "chunked";
    } else if (name == "expect") {
        m_expectContinue = value.toLower() == "100-continue";
    } else if (name == "host") {
        ++m_hostHeaders;
    }
    return true;
}

void HttpConnection::headersComplete()
{
    if (m_hostHeaders > 1 || (m_httpMinor >= 1 && m_hostHeaders == 0)) {
        reject(400, QByteArrayLiteral("exactly one Host header is required"));
        return;
    }
    if (m_hasTransferEncoding && (!m_chunked || m_contentLength >= 0)) {
        // Ambiguous framing (request smuggling) or a coding we cannot decode.
        reject(400, QByteArrayLiteral("unsupported Transfer-Encoding"));
        return;
    }
    m_info.httpMinor = m_httpMinor;
    const bool hasBody = m_chunked || m_contentLength > 0;
    m_scan = hasBody ? Scan::Body : Scan::Done;
    if (hasBody && m_expectContinue && m_phase != Phase::Busy && m_socket)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
}

HttpConnection::RequestInfo HttpConnection::takeRequestInfo()
{
    const RequestInfo info = m_info;
    resetScan();
    return info;
}

void HttpConnection::resetScan()
{
    m_scan = Scan::Start;
    m_line.clear();
    m_headBytes = 0;
    m_bodyBytes = 0;
    m_contentLength = -1;
    m_chunked = false;
    m_hasTransferEncoding = false;
    m_expectContinue = false;
    m_hostHeaders = 0;
    m_httpMinor = 1;
    m_info = RequestInfo();
}

bool HttpConnection::enqueue(HttpRequest request)
{
    if (int(m_queue.size()) >= m_limits.maxPipelined)
        return false;
    m_queue.push_back(std::move(request));
    return true;
}

HttpRequest HttpConnection::dequeue()
{
    HttpRequest r = std::move(m_queue.front());
    m_queue.pop_front();
    return r;
}

void HttpConnection::beginResponse()
{
    m_progressSeen = m_progress;
    arm(Phase::Busy, m_limits.writeStallTimeoutMs);
}

void HttpConnection::endResponse(bool keepAlive)
{
    if (!m_socket || m_phase == Phase::Closing || m_phase == Phase::TakenOver)
        return;
    if (m_pendingRejectStatus) {
        const int status = m_pendingRejectStatus;
        m_pendingRejectStatus = 0;
        m_phase = Phase::Reading;
        reject(status, m_pendingRejectReason);
        return;
    }
    if (!keepAlive) {
        m_queue.clear();
        m_phase = Phase::Closing;
        m_timer.start(m_limits.writeStallTimeoutMs);
        m_socket->disconnectFromHost();
        return;
    }
    if (!m_queue.empty()) {
        m_phase = Phase::Reading;
        Q_EMIT readyForNext();
        return;
    }
    if (m_scan != Scan::Start)
        arm(Phase::Reading, m_limits.headerTimeoutMs); // the next request is already arriving
    else
        arm(Phase::Idle, m_limits.keepAliveTimeoutMs);
}

void HttpConnection::takeOver()
{
    m_queue.clear();
    arm(Phase::TakenOver, 0);
}

void HttpConnection::reject(int status, const QByteArray &reason)
{
    if (!m_socket || m_phase == Phase::Closing)
        return;
    Q_EMIT requestRejected(status, reason);
    // HttpServer logs refusals (rate-limited): a flood must not become a flood of log lines.
    qCDebug(lcHttp).noquote() << "rejecting request from" << m_socket->peerAddress().toString() << status
                              << QString::fromLatin1(reason);
    if (m_phase == Phase::TakenOver) {
        m_socket->abort();
        return;
    }
    if (m_phase == Phase::Busy) {
        // A response is still being written: answer in order once it is complete.
        if (!m_pendingRejectStatus) {
            m_pendingRejectStatus = status;
            m_pendingRejectReason = reason;
        }
        m_queue.clear();
        return;
    }
    const QByteArray body = reason + '\n';
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + HttpResponse::reasonPhrase(status)
                    + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    closeGracefully();
}

void HttpConnection::closeGracefully()
{
    m_queue.clear();
    m_phase = Phase::Closing;
    // Lingering close: keep reading (and discarding) for a while after our answer, so the
    // client's unread request bytes do not turn our close into a reset that hides the answer.
    m_timer.start(m_limits.lingerTimeoutMs);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->readAll();
    m_socket->flush();
    if (m_socket->bytesToWrite() == 0)
        shutdownWrite();
}

void HttpConnection::shutdownWrite()
{
    if (m_writeShut || !m_socket)
        return;
    m_writeShut = true;
#ifdef Q_OS_UNIX
    if (!qobject_cast<QSslSocket *>(m_socket.data()) && m_socket->socketDescriptor() >= 0) {
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        return; // the client's close (or the linger timer) ends the connection
    }
#endif
    m_socket->disconnectFromHost();
}
