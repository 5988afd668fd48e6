#include "tftptransfer.h"

#include "common/logging.h"

#include <QSaveFile>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <vector>

namespace {

constexpr int MaxDatagramsPerWakeup = 64;   // fairness between transfers on one event loop
constexpr int ReadBufferSize = 2048;        // reads only receive ACK/ERROR (maybe zero-padded)

} // namespace

TftpTransfer::TftpTransfer(quint64 id, std::unique_ptr<TftpSocket> socket, const Settings &settings,
                           std::unique_ptr<TftpSource> source, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_direction(Direction::Read)
    , m_socket(std::move(socket))
    , m_settings(settings)
    , m_source(std::move(source))
{
    m_receiveBuffer.resize(ReadBufferSize);
}

TftpTransfer::TftpTransfer(quint64 id, std::unique_ptr<TftpSocket> socket, const Settings &settings,
                           std::unique_ptr<QSaveFile> sink, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_direction(Direction::Write)
    , m_socket(std::move(socket))
    , m_settings(settings)
    , m_sink(std::move(sink))
{
    m_receiveBuffer.resize(settings.negotiated.blockSize + tftp::HeaderSize + 1);
}

TftpTransfer::~TftpTransfer()
{
    if (m_socket && m_socket->isOpen())
        unwatch();
    if (m_sink)
        m_sink->cancelWriting();
}

QString TftpTransfer::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Running: return QStringLiteral("running");
    case Outcome::Completed: return QStringLiteral("completed");
    case Outcome::Probe: return QStringLiteral("probe");
    case Outcome::ClientError: return QStringLiteral("client-error");
    case Outcome::TimedOut: return QStringLiteral("timeout");
    case Outcome::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

qint64 TftpTransfer::size() const
{
    if (m_direction == Direction::Read)
        return m_source->size();
    return m_settings.negotiated.transferSize;
}

qint64 TftpTransfer::bytesTransferred() const
{
    if (m_direction == Direction::Write)
        return m_received;
    return std::min<qint64>(m_source->size(), qint64(m_base) * m_blockSize);
}

quint64 TftpTransfer::lastIndex() const
{
    // The last DATA is shorter than blksize: 0 bytes when the size is a multiple of it.
    return quint64(m_source->size() / m_blockSize) + 1;
}

void TftpTransfer::start()
{
    m_clock.start();
    m_blockSize = m_settings.negotiated.blockSize;
    m_window = std::max(1, m_settings.negotiated.windowSize);
    m_rtoMs = std::max(m_settings.initialRtoMs, m_settings.negotiated.timeoutSeconds * 1000);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &TftpTransfer::onTimer);
    m_inDispatcher = m_dispatcher && m_dispatcher->isValid() && m_dispatcher->add(m_socket->fd(), this);
    if (!m_inDispatcher) {
        m_readNotifier = new QSocketNotifier(m_socket->fd(), QSocketNotifier::Read, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, &TftpTransfer::onReadable);
        m_writeNotifier = new QSocketNotifier(m_socket->fd(), QSocketNotifier::Write, this);
        m_writeNotifier->setEnabled(false);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &TftpTransfer::onWritable);
    }

    if (!m_settings.negotiated.accepted.isEmpty())
        m_oack = tftp::buildOack(m_settings.negotiated.accepted);
    if (m_direction == Direction::Read) {
        if (!m_oack.isEmpty()) {
            m_waitingOackAck = true;
            sendRaw(m_oack);
            armDeadline();
        } else {
            sendWindow();
        }
    } else {
        if (!m_oack.isEmpty())
            sendRaw(m_oack);      // the client answers an OACK with DATA 1
        else
            sendAck(0);
        armDeadline();
    }
}

void TftpTransfer::abort(const QString &reason)
{
    if (isFinished())
        return;
    sendError(tftp::ErrorCode::NotDefined, reason, m_settings.peer);
    finish(Outcome::Failed, reason);
}

void TftpTransfer::armDeadline()
{
    m_deadlineMs = m_clock.elapsed() + m_rtoMs;
    // Progress only moves the deadline; the timer re-arms itself when it fires early. This keeps
    // timer registration off the per-packet path.
    if (!m_timerArmed) {
        m_timerArmed = true;
        m_timer->start(m_rtoMs);
    }
}

void TftpTransfer::progress()
{
    m_retries = 0;
    m_rtoMs = std::max(m_settings.initialRtoMs, m_settings.negotiated.timeoutSeconds * 1000);
    m_lastActivityMs = m_clock.elapsed();
}

void TftpTransfer::onTimer()
{
    m_timerArmed = false;
    if (isFinished() || m_deadlineMs < 0)
        return;
    const qint64 now = m_clock.elapsed();
    if (now < m_deadlineMs) {
        m_timerArmed = true;
        m_timer->start(int(m_deadlineMs - now));
        return;
    }
    if (m_dallying) {
        finish(Outcome::Completed);
        return;
    }
    if (++m_retries > m_settings.maxRetries) {
        const QString why = QStringLiteral("no answer after %1 retransmissions").arg(m_settings.maxRetries);
        sendError(tftp::ErrorCode::NotDefined, QStringLiteral("Timed out"), m_settings.peer);
        finish(Outcome::TimedOut, why);
        return;
    }
    m_rtoMs = std::min(m_rtoMs * 2, std::max(m_settings.maxRtoMs, m_settings.initialRtoMs));
    qCDebug(lcTftp).noquote() << "transfer" << m_id << "timeout, retry" << m_retries << "rto" << m_rtoMs << "ms";
    if (m_direction == Direction::Read) {
        if (m_waitingOackAck) {
            sendRaw(m_oack);
            armDeadline();
        } else {
            // Go back to the first unacknowledged block and resend the window from there.
            m_retransmitted += m_next - m_base - 1;
            m_next = m_base + 1;
            setWriteWatch(false);
            sendWindow();
        }
    } else {
        if (m_base == 0 && !m_oack.isEmpty())
            sendRaw(m_oack);
        else
            sendAck(m_base);
        armDeadline();
    }
}

void TftpTransfer::onReadable()
{
    readDatagrams(m_direction == Direction::Read ? 1 : MaxDatagramsPerWakeup);
}

void TftpTransfer::processPending()
{
    readDatagrams(MaxDatagramsPerWakeup);
}

void TftpTransfer::readDatagrams(int budget)
{
    // A read has at most one ACK to act on per wake-up (the next one needs the data we send
    // now); the notifier is level-triggered, so anything else queued fires it again. Skipping
    // the drain saves a recvmsg (EAGAIN) per block. Uploads drain whole windows.
    for (int i = 0; i < budget && !isFinished(); ++i) {
        TftpSocket::Endpoint from;
        bool truncated = false;
        const qsizetype n = m_socket->receive(m_receiveBuffer.data(), m_receiveBuffer.size(), &from, nullptr, &truncated);
        if (n == -1)
            return;
        if (n < 0) {
            finish(Outcome::Failed, QStringLiteral("socket error %1").arg(m_socket->lastErrno()));
            return;
        }
        if (from != m_settings.peer) {
            // RFC 1350: a packet from another transfer ID gets ERROR 5; this transfer goes on.
            qCDebug(lcTftp).noquote() << "transfer" << m_id << "packet from unknown TID" << from.toString();
            sendError(tftp::ErrorCode::UnknownTid, QStringLiteral("Unknown transfer ID"), from);
            continue;
        }
        if (m_direction == Direction::Read) {
            handleReadPacket(m_receiveBuffer.constData(), n);
        } else {
            if (truncated) {
                sendError(tftp::ErrorCode::IllegalOperation, QStringLiteral("DATA larger than blksize"), from);
                finish(Outcome::Failed, QStringLiteral("client sent DATA larger than the negotiated blksize"));
                return;
            }
            handleWritePacket(m_receiveBuffer.constData(), n);
        }
    }
}

void TftpTransfer::setWriteWatch(bool enabled)
{
    if (m_inDispatcher) {
        if (m_writeWatched != enabled)
            m_dispatcher->setWriteInterest(m_socket->fd(), this, enabled);
    } else if (m_writeNotifier) {
        m_writeNotifier->setEnabled(enabled);
    }
    m_writeWatched = enabled;
}

void TftpTransfer::unwatch()
{
    if (m_inDispatcher) {
        m_dispatcher->remove(m_socket->fd(), this);
        m_inDispatcher = false;
    }
    if (m_readNotifier)
        m_readNotifier->setEnabled(false);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    m_writeWatched = false;
}

void TftpTransfer::onWritable()
{
    setWriteWatch(false);
    if (!isFinished() && m_direction == Direction::Read && !m_waitingOackAck)
        sendWindow();
}

void TftpTransfer::handleReadPacket(const char *data, qsizetype size)
{
    const quint16 op = tftp::peekOpcode(QByteArrayView(data, size));
    if (op == quint16(tftp::Opcode::Ack) && size >= 4) {
        const auto wire = quint16((quint8(data[2]) << 8) | quint8(data[3]));
        if (m_waitingOackAck) {
            if (wire != 0) {
                ++m_duplicateAcks;
                return;
            }
            m_waitingOackAck = false;
            progress();
            sendWindow();
            return;
        }
        const quint64 index = tftp::unwrapBlock(m_base, wire);
        qCDebug(lcTftp).noquote() << "transfer" << m_id << "ACK" << wire << "from" << m_settings.peer.toString();
        if (index == m_base || index >= m_next) {
            // A duplicate (or an ACK for a block never sent): never answered with data.
            ++m_duplicateAcks;
            qCDebug(lcTftp).noquote() << "transfer" << m_id << "ignoring ACK" << wire << "base" << m_base;
            return;
        }
        m_base = index;
        progress();
        if (!m_confirmed) {
            m_confirmed = true;
            Q_EMIT confirmed(this);
        }
        if (m_base >= lastIndex()) {
            finish(Outcome::Completed);
            return;
        }
        if (m_base + 1 < m_next) {
            // The client acknowledged the last block it got in order: resume right after it.
            m_retransmitted += m_next - m_base - 1;
            m_next = m_base + 1;
            setWriteWatch(false);
        }
        sendWindow();
        return;
    }
    if (op == quint16(tftp::Opcode::Error)) {
        const tftp::ParseResult parsed = tftp::parse(QByteArrayView(data, size));
        const auto code = parsed.ok ? parsed.packet.errorCode : tftp::ErrorCode::NotDefined;
        const QString message = parsed.ok ? parsed.packet.errorMessage : QString();
        const QString detail = QStringLiteral("client error %1 \"%2\"").arg(quint16(code)).arg(message);
        // ERROR 0 ("Early terminate", "User aborted") or 8 (option refused) before any data was
        // acknowledged is how the Pi and UEFI firmware probe for existence and size.
        const bool probe = m_base == 0 && (code == tftp::ErrorCode::NotDefined || code == tftp::ErrorCode::OptionRefused);
        finish(probe ? Outcome::Probe : Outcome::ClientError, detail);
        return;
    }
    if (op == quint16(tftp::Opcode::Ack))
        return;   // shorter than 4 bytes: ignore
    sendError(tftp::ErrorCode::IllegalOperation, QStringLiteral("Illegal TFTP operation"), m_settings.peer);
    finish(Outcome::Failed, QStringLiteral("client sent opcode %1 during a read").arg(op));
}

void TftpTransfer::sendWindow()
{
    const quint64 last = lastIndex();
    const quint64 end = std::min(m_base + quint64(m_window), last);
    if (m_next > end) {
        armDeadline();
        return;
    }
    const auto count = int(end - m_next + 1);
    const qint64 offset = qint64(m_next - 1) * m_blockSize;
    const qint64 length = std::min<qint64>(qint64(count) * m_blockSize, m_source->size() - offset);
    QString error;
    const char *bytes = m_source->fetch(offset, length, &m_scratch, &error);
    if (!bytes) {
        sendError(tftp::ErrorCode::NotDefined, QStringLiteral("Read error"), m_settings.peer);
        finish(Outcome::Failed, QStringLiteral("read error: %1").arg(error));
        return;
    }
    const auto n = static_cast<size_t>(count);
    if (m_heads.size() < n) {
        m_headers.resize(n * tftp::HeaderSize);
        m_heads.resize(n);
        m_bodies.resize(n);
    }
    auto &heads = m_heads;
    auto &bodies = m_bodies;
    for (int i = 0; i < count; ++i) {
        const quint64 index = m_next + quint64(i);
        char *h = m_headers.data() + size_t(i) * tftp::HeaderSize;
        tftp::writeDataHeader(h, quint16(index & 0xffff));
        const qint64 start = qint64(i) * m_blockSize;
        const qint64 len = std::max<qint64>(0, std::min<qint64>(m_blockSize, length - start));
        heads[size_t(i)] = TftpSocket::Piece{h, tftp::HeaderSize};
        bodies[size_t(i)] = TftpSocket::Piece{bytes + start, size_t(len)};
    }
    const int sent = count == 1 ? (m_socket->send(m_settings.peer, heads[0], bodies[0]) ? 1 : 0)
                                : m_socket->sendBatch(m_settings.peer, heads.data(), bodies.data(), count);
    qCDebug(lcTftp).noquote() << "transfer" << m_id << "DATA" << quint16(m_next & 0xffff) << "x" << sent << "to"
                              << m_settings.peer.toString();
    m_next += quint64(sent);
    if (sent < count) {
        const int err = m_socket->lastErrno();
        if (err == EAGAIN || err == EWOULDBLOCK || err == ENOBUFS) {
            setWriteWatch(true);   // continue when the send buffer drains
        } else {
            qCDebug(lcTftp).noquote() << "transfer" << m_id << "send failed, errno" << err;
        }
    }
    armDeadline();
}

void TftpTransfer::handleWritePacket(const char *data, qsizetype size)
{
    const quint16 op = tftp::peekOpcode(QByteArrayView(data, size));
    if (op == quint16(tftp::Opcode::Data) && size >= 4) {
        const auto wire = quint16((quint8(data[2]) << 8) | quint8(data[3]));
        const quint64 index = tftp::unwrapBlock(m_base, wire);
        const qsizetype payload = size - tftp::HeaderSize;
        qCDebug(lcTftp).noquote() << "transfer" << m_id << "DATA" << wire << payload << "bytes from" << m_settings.peer.toString();
        if (m_dallying) {
            if (index == m_base)
                sendAck(m_base);   // our final ACK was lost
            return;
        }
        if (index == m_base + 1) {
            if (payload > m_blockSize) {
                sendError(tftp::ErrorCode::IllegalOperation, QStringLiteral("DATA larger than blksize"), m_settings.peer);
                finish(Outcome::Failed, QStringLiteral("client sent DATA larger than the negotiated blksize"));
                return;
            }
            const QByteArrayView chunk(data + tftp::HeaderSize, payload);
            const QByteArray local = m_settings.mode == tftp::Mode::Netascii ? m_decoder.feed(chunk) : QByteArray();
            const bool ok = m_settings.mode == tftp::Mode::Netascii
                ? m_sink->write(local) == local.size()
                : m_sink->write(chunk.data(), payload) == payload;
            if (!ok) {
                sendError(tftp::ErrorCode::DiskFull, QStringLiteral("Disk full or allocation exceeded"), m_settings.peer);
                finish(Outcome::Failed, QStringLiteral("write failed: %1").arg(m_sink->errorString()));
                return;
            }
            m_base = index;
            m_received += payload;
            progress();
            if (!m_confirmed) {
                m_confirmed = true;
                Q_EMIT confirmed(this);
            }
            if (payload < m_blockSize) {
                if (m_settings.mode == tftp::Mode::Netascii)
                    m_sink->write(m_decoder.finish());
                if (!m_sink->commit()) {
                    sendError(tftp::ErrorCode::DiskFull, QStringLiteral("Cannot store file"), m_settings.peer);
                    finish(Outcome::Failed, QStringLiteral("commit failed: %1").arg(m_sink->errorString()));
                    return;
                }
                m_sink.reset();
                sendAck(m_base);
                // Dally one RTO so a retransmitted last DATA (our ACK lost) is answered again.
                m_dallying = true;
                armDeadline();
                return;
            }
            if (m_base - m_lastAcked >= quint64(m_window))
                sendAck(m_base);
            armDeadline();
            return;
        }
        if (index > m_base + 1 && index <= m_base + quint64(m_window)) {
            // A gap inside the window: acknowledge the last block received in order, once.
            if (m_gapAcked != m_base) {
                m_gapAcked = m_base;
                sendAck(m_base);
            }
            return;
        }
        // An old block: the sender timed out waiting for our ACK and resent (part of) its window.
        // Answer once per burst, so a resent window of N blocks gets one ACK, not N.
        const qint64 now = m_clock.elapsed();
        if (m_lastReAckMs < 0 || now - m_lastReAckMs >= 200) {
            m_lastReAckMs = now;
            sendAck(m_base);
        }
        return;
    }
    if (op == quint16(tftp::Opcode::Error)) {
        const tftp::ParseResult parsed = tftp::parse(QByteArrayView(data, size));
        finish(Outcome::ClientError, QStringLiteral("client error %1 \"%2\"")
                                         .arg(parsed.ok ? quint16(parsed.packet.errorCode) : 0)
                                         .arg(parsed.ok ? parsed.packet.errorMessage : QString()));
        return;
    }
    if (m_dallying)
        return;
    sendError(tftp::ErrorCode::IllegalOperation, QStringLiteral("Illegal TFTP operation"), m_settings.peer);
    finish(Outcome::Failed, QStringLiteral("client sent opcode %1 during a write").arg(op));
}

void TftpTransfer::sendAck(quint64 index)
{
    char ack[4] = {0, char(tftp::Opcode::Ack), char((index >> 8) & 0xff), char(index & 0xff)};
    m_socket->send(m_settings.peer, ack, sizeof ack);
    m_lastAcked = std::max(m_lastAcked, index);
}

void TftpTransfer::sendRaw(const QByteArray &packet)
{
    m_socket->send(m_settings.peer, packet.constData(), size_t(packet.size()));
}

void TftpTransfer::sendError(tftp::ErrorCode code, const QString &message, const TftpSocket::Endpoint &to)
{
    const QByteArray packet = tftp::buildError(code, message);
    m_socket->send(to, packet.constData(), size_t(packet.size()));
}

void TftpTransfer::finish(Outcome outcome, const QString &detail)
{
    if (isFinished())
        return;
    m_outcome = outcome;
    m_detail = detail;
    m_deadlineMs = -1;
    if (m_timer)
        m_timer->stop();
    m_timerArmed = false;
    unwatch();
    if (m_sink) {
        m_sink->cancelWriting();
        m_sink.reset();
    }
    m_socket->close();
    Q_EMIT finished(this);
}
