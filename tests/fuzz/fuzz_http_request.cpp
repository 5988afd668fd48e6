// The HTTP request guard (HttpConnection): it sees every byte a client sends to the HTTP boot /
// management API port (and the Redfish port) before Qt's parser does, and must refuse what is
// too large or malformed with a status instead of stalling or buffering without bound.
// The connection runs on a socket double that hands it the input in chunks whose sizes come from
// the first input byte; small limits make every limit reachable.
// Input: one chunking byte, then the raw bytes of the connection.
//
// Invariants: a rejection writes exactly one well-formed error response (4xx/5xx, Content-Length,
// Connection: close) and the connection stops serving; a head with no end within the header
// limit is always refused; nothing is written unless it is a rejection or "100 Continue".

#include "fuzzsupport.h"

#include "http/httpconnection.h"

#include <QCoreApplication>
#include <QTcpSocket>

#include <cstring>

namespace {

// A QTcpSocket that reads from a byte array and records what is written.
class SocketDouble : public QTcpSocket
{
public:
    SocketDouble() { setOpenMode(QIODevice::ReadWrite); }
    // The guard only peeks; Qt's request parser, connected after it, then reads everything.
    void deliver(const QByteArray &bytes)
    {
        m_in.append(bytes);
        Q_EMIT readyRead();
        if (isOpen())
            readAll();
    }
    [[nodiscard]] qint64 bytesAvailable() const override { return QIODevice::bytesAvailable() + (m_in.size() - m_pos); }
    QByteArray written;

protected:
    qint64 readData(char *data, qint64 max) override
    {
        const qint64 n = qMin<qint64>(max, m_in.size() - m_pos);
        if (n > 0)
            std::memcpy(data, m_in.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *data, qint64 size) override
    {
        written.append(data, size);
        return size;
    }

private:
    QByteArray m_in;
    qsizetype m_pos = 0;
};

HttpConnection::Limits limits()
{
    HttpConnection::Limits l;
    l.maxHeaderBytes = 512;
    l.maxUriBytes = 128;
    l.maxBodyBytes = 1024;
    return l;
}

// Where the first head ends (after Qt's leading-whitespace skip), or -1.
qsizetype headEnd(const QByteArray &in)
{
    qsizetype i = 0;
    while (i < in.size() && (in[i] == '\r' || in[i] == '\n' || in[i] == ' ' || in[i] == '\t' || in[i] == '\v'))
        ++i;
    const qsizetype lf = in.indexOf("\n\n", i);
    const qsizetype crlf = in.indexOf("\n\r\n", i);
    if (lf < 0 && crlf < 0)
        return -1;
    return qMin(lf < 0 ? crlf : lf, crlf < 0 ? lf : crlf);
}

void checkWritten(const QByteArray &written, bool rejected, const QByteArray &input)
{
    QByteArray rest = written;
    while (rest.startsWith("HTTP/1.1 100 Continue\r\n\r\n"))
        rest.remove(0, 25);
    if (!rejected) {
        FUZZ_CHECK(rest.isEmpty(), QStringLiteral("wrote without rejecting: %1").arg(QString::fromLatin1(written.left(200))));
        return;
    }
    FUZZ_CHECK(rest.startsWith("HTTP/1.1 4") || rest.startsWith("HTTP/1.1 5"),
               QStringLiteral("rejection is not an error response: %1 (input %2)")
                   .arg(QString::fromLatin1(rest.left(200)), QString::fromLatin1(input.left(200).toHex())));
    const qsizetype end = rest.indexOf("\r\n\r\n");
    FUZZ_CHECK(end > 0, QStringLiteral("rejection without a complete head"));
    const QByteArray head = rest.left(end);
    FUZZ_CHECK(head.contains("\r\nConnection: close") && head.contains("\r\nContent-Length: "),
               QStringLiteral("rejection head incomplete: %1").arg(QString::fromLatin1(head)));
    const qsizetype lengthAt = head.indexOf("Content-Length: ") + 16;
    const qint64 length = head.mid(lengthAt, head.indexOf('\r', lengthAt) - lengthAt).toLongLong();
    FUZZ_CHECK(rest.size() == end + 4 + length, QStringLiteral("more than one response written: %1").arg(QString::fromLatin1(rest.left(400))));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzzsupport::init();
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int chunk = 1 + (data[0] % 64) * ((data[0] & 0x80) ? 16 : 1);
    const QByteArray input = fuzzsupport::bytes(data + 1, size - 1);

    auto *socket = new SocketDouble;
    auto *connection = new HttpConnection(socket, limits(), false);
    int rejections = 0;
    int status = 0;
    QObject::connect(connection, &HttpConnection::requestRejected, [&](int s, const QByteArray &) {
        ++rejections;
        status = s;
    });
    for (qsizetype at = 0; at < input.size() && connection->isServing(); at += chunk)
        socket->deliver(input.mid(at, chunk));
    const bool rejected = rejections > 0;
    FUZZ_CHECK(rejections <= 1, QStringLiteral("rejected %1 times").arg(rejections));
    if (rejected) {
        FUZZ_CHECK(!connection->acceptsRequests(), QStringLiteral("still accepting after a rejection"));
        FUZZ_CHECK(status == 400 || status == 413 || status == 414 || status == 431 || status == 501 || status == 505,
                   QStringLiteral("unexpected status %1").arg(status));
    }
    if (!rejected && headEnd(input) < 0) {
        // Leading whitespace is skipped (and counted), so the bound is the limit itself.
        FUZZ_CHECK(input.size() <= limits().maxHeaderBytes,
                   QStringLiteral("a %1-byte head without an end was not refused").arg(input.size()));
    }
    checkWritten(socket->written, rejected, input);

    // A second request on the same connection (keep-alive) goes through the guard's reset.
    if (!rejected) {
        (void)connection->takeRequestInfo();
        socket->deliver(input.left(600));
    }
    delete socket;
    return 0;
}
