#pragma once

// A scriptable TFTP client for the service tests: speaks the protocol byte by byte so tests can
// misbehave on purpose (drop ACKs, repeat ACKs, probe and abort, use a wrong TID). It pumps the
// event loop while it waits, so a service on the same thread keeps running.

#include "tftp/tftppacket.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QTimer>
#include <QUdpSocket>

#include <functional>
#include <optional>

class TftpTestClient
{
public:
    struct Received
    {
        tftp::Packet packet;
        QByteArray raw;
        quint16 port = 0;     // server TID
        qint64 atMs = 0;      // since the client was created
    };

    struct Download
    {
        bool ok = false;
        QByteArray data;
        tftp::ErrorCode error = tftp::ErrorCode::NotDefined;
        QString message;
        tftp::Options oack;
        int dataPackets = 0;          // DATA datagrams received (incl. duplicates)
        int duplicateData = 0;        // DATA for a block already received
        bool sawBlockZeroAfterRollover = false;
        quint16 tid = 0;
    };

    explicit TftpTestClient(quint16 serverPort, const QHostAddress &server = QHostAddress(QHostAddress::LocalHost))
        : m_server(server)
        , m_port(serverPort)
    {
        m_socket.bind(QHostAddress(QHostAddress::LocalHost), 0);
        m_wake.setSingleShot(true);
        m_clock.start();
    }

    QUdpSocket &socket() { return m_socket; }
    qint64 now() const { return m_clock.elapsed(); }

    void sendTo(quint16 port, const QByteArray &datagram) { m_socket.writeDatagram(datagram, m_server, port); }
    void sendRequest(const QByteArray &datagram) { sendTo(m_port, datagram); }
    void rrq(const QByteArray &file, const tftp::Options &options = {}, tftp::Mode mode = tftp::Mode::Octet)
    {
        sendRequest(tftp::buildRequest(tftp::Opcode::Rrq, file, mode, options));
    }

    // Waits up to timeoutMs for one datagram (pumping events).
    std::optional<Received> receive(int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (true) {
            if (m_socket.hasPendingDatagrams()) {
                const QNetworkDatagram d = m_socket.receiveDatagram(70000);
                Received r;
                r.raw = d.data();
                r.port = quint16(d.senderPort());
                r.atMs = m_clock.elapsed();
                const tftp::ParseResult p = tftp::parse(r.raw);
                if (p.ok) {
                    r.packet = p.packet;
                    // Views into the datagram must point into our copy.
                    if (p.packet.opcode == tftp::Opcode::Data)
                        r.packet.data = QByteArrayView(r.raw).sliced(4);
                }
                return r;
            }
            const qint64 left = timeoutMs - t.elapsed();
            if (left <= 0)
                return std::nullopt;
            // Sleep in the event loop until a datagram (ours or the server's) or the deadline.
            m_wake.start(int(left));
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
    }

    // Nothing arrives for `ms` (pumping events)?
    bool silentFor(int ms)
    {
        return !receive(ms).has_value();
    }

    // Full RRQ download. `skipAck(index)` true = pretend the DATA of that block index was lost
    // (the client does not count it and does not ACK). With a window, ACKs go out after the
    // window's last block, or for the last in-order block after a gap (RFC 7440).
    Download get(const QByteArray &file, const tftp::Options &options = {}, int timeoutMs = 10000,
                 const std::function<bool(quint64)> &dropData = {})
    {
        Download d;
        rrq(file, options);
        int blockSize = 512;
        int window = 1;
        quint64 received = 0;           // highest in-order block index
        quint64 sinceAck = 0;
        QElapsedTimer total;
        total.start();
        bool first = true;
        while (total.elapsed() < timeoutMs) {
            const auto r = receive(1500);
            if (!r) {
                if (!first)   // our ACK may have been lost: re-ACK like a real client
                    sendTo(d.tid, tftp::buildAck(quint16(received)));
                continue;
            }
            if (first) {
                d.tid = r->port;
                first = false;
            } else if (r->port != d.tid) {
                continue;
            }
            const tftp::Packet &p = r->packet;
            if (p.opcode == tftp::Opcode::Error) {
                d.error = p.errorCode;
                d.message = p.errorMessage;
                return d;
            }
            if (p.opcode == tftp::Opcode::Oack) {
                d.oack = p.options;
                for (const tftp::Option &o : p.options) {
                    if (o.name == "blksize")
                        blockSize = o.value.toInt();
                    if (o.name == "windowsize")
                        window = o.value.toInt();
                }
                sendTo(d.tid, tftp::buildAck(0));
                continue;
            }
            if (p.opcode != tftp::Opcode::Data)
                continue;
            ++d.dataPackets;
            const quint64 index = tftp::unwrapBlock(received, p.block);
            if (dropData && index == received + 1 && dropData(index))
                continue;
            if (index <= received || index > received + 65535 - 1) {
                ++d.duplicateData;
                continue;
            }
            if (index != received + 1) {
                // gap: acknowledge the last in-order block
                sendTo(d.tid, tftp::buildAck(quint16(received)));
                sinceAck = 0;
                continue;
            }
            received = index;
            if (index > 65535 && p.block == 0)
                d.sawBlockZeroAfterRollover = true;
            d.data.append(p.data.toByteArray());
            ++sinceAck;
            const bool last = p.data.size() < blockSize;
            if (last || sinceAck >= quint64(window)) {
                sendTo(d.tid, tftp::buildAck(p.block));
                sinceAck = 0;
            }
            if (last) {
                d.ok = true;
                return d;
            }
        }
        d.message = QStringLiteral("client timeout");
        return d;
    }

private:
    QUdpSocket m_socket;
    QTimer m_wake;
    QHostAddress m_server;
    quint16 m_port;
    QElapsedTimer m_clock;
};

// An event-driven download, for many transfers at once on one event loop.
class AsyncTftpDownload
{
public:
    AsyncTftpDownload(quint16 serverPort, const QByteArray &file, const tftp::Options &options)
        : m_port(serverPort)
    {
        m_socket.bind(QHostAddress(QHostAddress::LocalHost), 0);
        QObject::connect(&m_socket, &QUdpSocket::readyRead, [this] { onReadyRead(); });
        m_idle.setSingleShot(true);
        QObject::connect(&m_idle, &QTimer::timeout, [this] {
            if (m_done)
                return;
            if (m_tid)
                send(tftp::buildAck(quint16(m_received)));
            m_idle.start(1500);
        });
        send(tftp::buildRequest(tftp::Opcode::Rrq, file, tftp::Mode::Octet, options), serverPort);
        m_idle.start(1500);
    }
    bool done() const { return m_done; }
    bool ok() const { return m_ok; }
    const QByteArray &data() const { return m_data; }

private:
    void send(const QByteArray &d, quint16 port = 0) { m_socket.writeDatagram(d, QHostAddress(QHostAddress::LocalHost), port ? port : m_tid); }
    void onReadyRead()
    {
        while (m_socket.hasPendingDatagrams()) {
            const QNetworkDatagram d = m_socket.receiveDatagram(70000);
            if (m_done)
                continue;
            if (!m_tid)
                m_tid = quint16(d.senderPort());
            if (d.senderPort() != m_tid)
                continue;
            const QByteArray raw = d.data();
            const tftp::ParseResult p = tftp::parse(raw);
            if (!p.ok)
                continue;
            m_idle.start(1500);
            if (p.packet.opcode == tftp::Opcode::Error) {
                m_done = true;
                continue;
            }
            if (p.packet.opcode == tftp::Opcode::Oack) {
                for (const tftp::Option &o : p.packet.options) {
                    if (o.name == "blksize")
                        m_blockSize = o.value.toInt();
                    if (o.name == "windowsize")
                        m_window = o.value.toInt();
                }
                send(tftp::buildAck(0));
                continue;
            }
            if (p.packet.opcode != tftp::Opcode::Data)
                continue;
            const quint64 index = tftp::unwrapBlock(m_received, p.packet.block);
            if (index != m_received + 1) {
                if (index > m_received + 1 && index <= m_received + quint64(m_window))
                    send(tftp::buildAck(quint16(m_received)));
                continue;
            }
            m_received = index;
            m_data.append(raw.mid(4));
            const bool last = raw.size() - 4 < m_blockSize;
            if (last || ++m_sinceAck >= m_window) {
                send(tftp::buildAck(p.packet.block));
                m_sinceAck = 0;
            }
            if (last) {
                m_done = true;
                m_ok = true;
                m_idle.stop();
            }
        }
    }

    QUdpSocket m_socket;
    QTimer m_idle;
    quint16 m_port;
    quint16 m_tid = 0;
    int m_blockSize = 512;
    int m_window = 1;
    int m_sinceAck = 0;
    quint64 m_received = 0;
    QByteArray m_data;
    bool m_done = false;
    bool m_ok = false;
};
