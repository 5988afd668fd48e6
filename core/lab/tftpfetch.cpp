#include "tftpfetch.h"

#include <QTimer>

TftpFetch::TftpFetch(const Request &request, const LinkFaults &faults, QRandomGenerator *random, QObject *parent)
    : QObject(parent)
    , m_request(request)
    , m_socket(new LinkSocket(faults, random, this))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(std::max(50, std::min(m_request.retransmitMs, 1000)) / 2);
    connect(m_timer, &QTimer::timeout, this, &TftpFetch::onTimer);
    connect(m_socket, &LinkSocket::received, this, &TftpFetch::onDatagram);
}

TftpFetch::~TftpFetch() = default;

quint16 TftpFetch::localPort() const
{
    return m_socket->localPort();
}

void TftpFetch::start()
{
    m_clock.start();
    m_sinceProgress.start();
    QString error;
    if (!m_socket->bind(m_request.local, 0, &error)) {
        QTimer::singleShot(0, this, [this, error] { finish(false, QStringLiteral("cannot open a socket: %1").arg(error)); });
        return;
    }
    tftp::Options options;
    if (m_request.tsize)
        options.append({QByteArrayLiteral("tsize"), QByteArrayLiteral("0")});
    if (m_request.blockSize > 0)
        options.append({QByteArrayLiteral("blksize"), QByteArray::number(m_request.blockSize)});
    if (m_request.windowSize > 0)
        options.append({QByteArrayLiteral("windowsize"), QByteArray::number(m_request.windowSize)});
    m_rrq = tftp::buildRequest(tftp::Opcode::Rrq, m_request.file.toUtf8(), tftp::Mode::Octet, options);
    m_lastSent = m_rrq;
    m_socket->send(m_rrq, m_request.server, m_request.port);
    m_timer->start();
}

void TftpFetch::abort()
{
    m_done = true;
    m_timer->stop();
    m_socket->close();
}

void TftpFetch::sendToServer(const QByteArray &datagram)
{
    m_lastSent = datagram;
    m_socket->send(datagram, m_request.server, m_serverPort);
}

void TftpFetch::onDatagram(const QByteArray &datagram, const QHostAddress &from, quint16 port)
{
    if (m_done)
        return;
    if (!(from.isEqual(m_request.server, QHostAddress::TolerantConversion))) {
        return;   // not our server: a real client ignores it
    }
    if (m_serverPort != 0 && port != m_serverPort) {
        // RFC 1350: a packet from another TID gets ERROR 5 and the transfer goes on.
        m_socket->send(tftp::buildError(tftp::ErrorCode::UnknownTid, QStringLiteral("Unknown transfer ID")), from, port);
        return;
    }
    const tftp::ParseResult parsed = tftp::parse(datagram);
    if (!parsed.ok)
        return;   // garbage (corrupted on the way): wait for a retransmission
    if (m_serverPort == 0)
        m_serverPort = port;
    const tftp::Packet &p = parsed.packet;
    switch (p.opcode) {
    case tftp::Opcode::Oack:
        onOack(p);
        break;
    case tftp::Opcode::Data:
        onData(p);
        break;
    case tftp::Opcode::Error:
        m_result.serverError = true;
        m_result.errorCode = p.errorCode;
        finish(false, QStringLiteral("%1 (%2)").arg(tftp::errorName(p.errorCode), p.errorMessage));
        break;
    default:
        break;
    }
}

void TftpFetch::onOack(const tftp::Packet &p)
{
    if (m_expected != 1)
        return;
    if (m_result.exists) {
        // A retransmitted OACK: our ACK 0 went missing.
        if (m_request.mode == Mode::Full)
            sendToServer(tftp::buildAck(0));
        return;
    }
    m_sinceProgress.restart();
    m_result.exists = true;
    const qint64 tsize = tftp::parseDecimal(p.option("tsize"));
    if (p.hasOption("tsize"))
        m_result.tsize = tsize;
    if (p.hasOption("blksize"))
        m_result.blockSize = int(tftp::parseDecimal(p.option("blksize")));
    if (p.hasOption("windowsize"))
        m_result.windowSize = int(tftp::parseDecimal(p.option("windowsize")));
    if ((m_request.blockSize > 0 && (m_result.blockSize < tftp::MinBlockSize || m_result.blockSize > m_request.blockSize))
        || (m_result.windowSize < 1 || (m_request.windowSize > 0 && m_result.windowSize > m_request.windowSize))) {
        sendToServer(tftp::buildError(tftp::ErrorCode::OptionRefused, QStringLiteral("Bad option value")));
        finish(false, QStringLiteral("the server granted options we did not ask for"));
        return;
    }
    if (m_request.mode == Mode::Probe) {
        sendToServer(tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("Early terminate")));
        finish(true, {});
        return;
    }
    if (m_request.mode == Mode::SizeProbe) {
        sendToServer(tftp::buildError(tftp::ErrorCode::OptionRefused, QStringLiteral("User aborted the transfer")));
        finish(true, {});
        return;
    }
    if (m_result.tsize > m_request.maxBytes) {
        sendToServer(tftp::buildError(tftp::ErrorCode::DiskFull, QStringLiteral("File too large")));
        finish(false, QStringLiteral("file too large (%1 bytes)").arg(m_result.tsize));
        return;
    }
    sendToServer(tftp::buildAck(0));
}

void TftpFetch::onData(const tftp::Packet &p)
{
    if (m_expected == 1 && !m_result.exists) {
        // No OACK: the server ignored our options (RFC 1350 defaults).
        m_result.exists = true;
        m_result.blockSize = 512;
        m_result.windowSize = 1;
        if (m_request.mode != Mode::Full) {
            sendToServer(tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("Early terminate")));
            finish(true, {});
            return;
        }
    }
    const quint64 block = tftp::unwrapBlock(m_expected - 1, p.block);
    if (block != m_expected) {
        if (block < m_expected) {
            // Duplicate: lock-step means our ACK was lost - acknowledge it again. With a window,
            // the retransmitted window continues from the block after our last ACK.
            if (m_result.windowSize == 1)
                sendToServer(tftp::buildAck(quint16(m_expected - 1)));
            return;
        }
        // A gap (RFC 7440): acknowledge the last block received in order, the server resumes there.
        if (m_inWindow > 0) {
            m_inWindow = 0;
            sendToServer(tftp::buildAck(quint16(m_expected - 1)));
        }
        return;
    }
    if (m_request.mode != Mode::Full) {
        sendToServer(tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("Early terminate")));
        finish(true, {});
        return;
    }
    if (!m_request.rollover && block > 65535) {
        sendToServer(tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("Block number overflow")));
        finish(false, QStringLiteral("the file is larger than 65535 blocks and this client has no block-number rollover"));
        return;
    }
    const qsizetype size = p.data.size();
    if (size > m_result.blockSize) {
        finish(false, QStringLiteral("DATA larger than the block size"));
        return;
    }
    m_result.bytes += size;
    if (m_result.bytes > m_request.maxBytes || (m_result.tsize >= 0 && m_result.bytes > m_result.tsize)) {
        sendToServer(tftp::buildError(tftp::ErrorCode::DiskFull, QStringLiteral("File too large")));
        finish(false, QStringLiteral("more data than announced"));
        return;
    }
    if (m_request.keepData)
        m_result.data.append(p.data.data(), size);
    if (m_sink)
        m_sink(p.data.data(), size);
    ++m_expected;
    ++m_inWindow;
    m_sinceProgress.restart();
    const bool last = size < m_result.blockSize;
    if (last || m_inWindow >= m_result.windowSize) {
        m_inWindow = 0;
        sendToServer(tftp::buildAck(p.block));
    }
    if (last) {
        if (m_result.tsize >= 0 && m_result.bytes != m_result.tsize) {
            finish(false, QStringLiteral("received %1 bytes, the server announced %2").arg(m_result.bytes).arg(m_result.tsize));
            return;
        }
        finish(true, {});
    }
}

void TftpFetch::onTimer()
{
    if (m_done)
        return;
    if (m_clock.elapsed() >= m_request.timeoutMs) {
        finish(false, QStringLiteral("timed out after %1 s").arg(m_request.timeoutMs / 1000.0, 0, 'f', 1));
        return;
    }
    if (m_sinceProgress.elapsed() < m_request.retransmitMs)
        return;
    m_sinceProgress.restart();
    ++m_result.retransmits;
    if (m_serverPort == 0) {
        m_socket->send(m_rrq, m_request.server, m_request.port);   // the RRQ (or its answer) was lost
    } else {
        m_inWindow = 0;
        m_socket->send(m_lastSent, m_request.server, m_serverPort);
    }
}

void TftpFetch::finish(bool ok, const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_timer->stop();
    m_socket->closeWhenSent();
    m_result.ok = ok;
    m_result.error = error;
    m_result.elapsedMs = m_clock.elapsed();
    Q_EMIT finished(this);
}
