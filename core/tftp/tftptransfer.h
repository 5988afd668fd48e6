#pragma once

#include "netascii.h"
#include "tftpdispatcher.h"
#include "tftppacket.h"
#include "tftpsocket.h"
#include "tftpsource.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QSaveFile;
class QSocketNotifier;
class QTimer;

// One TFTP transfer: its own ephemeral socket (the server's transfer ID), its retransmission
// timer and its data source or sink. Reads send DATA in windows (RFC 7440; windowsize 1 is
// RFC 1350 lock-step) and resume after the last block the client acknowledged; writes (uploads)
// receive DATA and acknowledge it. Retransmission happens only on timeout, with exponential
// backoff: a duplicate ACK never causes a send (RFC 1123 4.2.3.1; the Pi's start4.elf hangs on
// duplicated blocks). Block numbers roll over to 0 after 65535.
class TftpTransfer : public QObject, private TftpDispatcher::Handler
{
    Q_OBJECT
public:
    enum class Direction { Read, Write };
    enum class Outcome {
        Running,
        Completed,     // every block acknowledged (read) / stored (write)
        Probe,         // client ended with ERROR 0/8 after the OACK or DATA 1 (size/existence probe)
        ClientError,   // client sent an ERROR mid-transfer
        TimedOut,      // retries exhausted
        Failed,        // local error (read/write failure, protocol violation, shutdown)
    };
    Q_ENUM(Outcome)

    struct Settings
    {
        TftpSocket::Endpoint peer;
        tftp::Mode mode = tftp::Mode::Octet;
        tftp::Negotiated negotiated;          // blksize/windowsize/timeout and the OACK options
        int initialRtoMs = 1000;              // >= 1000
        int maxRtoMs = 16000;                 // backoff cap
        int maxRetries = 6;
    };

    // A read (RRQ): sends `source`.
    TftpTransfer(quint64 id, std::unique_ptr<TftpSocket> socket, const Settings &settings,
                 std::unique_ptr<TftpSource> source, QObject *parent = nullptr);
    // A write (WRQ): stores into `sink` (opened; committed when the last block arrived).
    TftpTransfer(quint64 id, std::unique_ptr<TftpSocket> socket, const Settings &settings,
                 std::unique_ptr<QSaveFile> sink, QObject *parent = nullptr);
    ~TftpTransfer() override;

    // Watch the socket through `dispatcher` (shared epoll set) instead of own notifiers. Before start().
    void setDispatcher(TftpDispatcher *dispatcher) { m_dispatcher = dispatcher; }
    void start();
    // Handles datagrams already queued on the transfer socket now (before the event loop would).
    void processPending();
    // Ends the transfer now: sends ERROR 0 with `reason` to the client, outcome Failed.
    void abort(const QString &reason);

    [[nodiscard]] quint64 id() const { return m_id; }
    [[nodiscard]] Direction direction() const { return m_direction; }
    [[nodiscard]] TftpSocket::Endpoint peer() const { return m_settings.peer; }
    [[nodiscard]] TftpSocket::Endpoint local() const { return m_socket->local(); }
    [[nodiscard]] Outcome outcome() const { return m_outcome; }
    [[nodiscard]] QString detail() const { return m_detail; }   // error text / client message
    [[nodiscard]] int blockSize() const { return m_blockSize; }
    [[nodiscard]] int windowSize() const { return m_window; }
    [[nodiscard]] qint64 size() const;                          // bytes to send/announced; -1 unknown
    [[nodiscard]] qint64 bytesTransferred() const;              // acknowledged (read) / received (write)
    [[nodiscard]] qint64 elapsedMs() const { return m_clock.elapsed(); }
    [[nodiscard]] qint64 idleMs() const { return m_clock.elapsed() - m_lastActivityMs; }
    [[nodiscard]] quint64 retransmittedBlocks() const { return m_retransmitted; }
    [[nodiscard]] quint64 duplicateAcks() const { return m_duplicateAcks; }
    [[nodiscard]] bool isFinished() const { return m_outcome != Outcome::Running; }

    static QString outcomeName(Outcome outcome);

Q_SIGNALS:
    // The client acknowledged DATA 1 (a real download, not a probe), emitted once.
    void confirmed(TftpTransfer *transfer);
    void finished(TftpTransfer *transfer);

private:
    void socketReadable() override { onReadable(); }
    void socketWritable() override { onWritable(); }
    void setWriteWatch(bool enabled);
    void unwatch();
    void onReadable();
    void readDatagrams(int budget);
    void onWritable();
    void onTimer();
    void handleReadPacket(const char *data, qsizetype size);
    void handleWritePacket(const char *data, qsizetype size);
    void sendWindow();
    void sendAck(quint64 index);
    void sendRaw(const QByteArray &packet);
    void sendError(tftp::ErrorCode code, const QString &message, const TftpSocket::Endpoint &to);
    void progress();                     // valid progress: retries and RTO reset
    void armDeadline();
    void finish(Outcome outcome, const QString &detail = {});
    [[nodiscard]] quint64 lastIndex() const;

    quint64 m_id;
    Direction m_direction;
    std::unique_ptr<TftpSocket> m_socket;
    Settings m_settings;
    std::unique_ptr<TftpSource> m_source;
    std::unique_ptr<QSaveFile> m_sink;
    tftp::NetasciiDecoder m_decoder;
    TftpDispatcher *m_dispatcher = nullptr;
    bool m_inDispatcher = false;
    bool m_writeWatched = false;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    QByteArray m_oack;                   // sent until the client answers it
    QByteArray m_scratch;
    std::vector<char> m_headers;         // DATA headers of the window being sent
    std::vector<TftpSocket::Piece> m_heads;
    std::vector<TftpSocket::Piece> m_bodies;
    QByteArray m_receiveBuffer;

    int m_blockSize = tftp::DefaultBlockSize;
    int m_window = 1;
    int m_rtoMs = 1000;
    int m_retries = 0;
    qint64 m_deadlineMs = -1;
    bool m_timerArmed = false;            // when the current wait times out (-1 = not waiting)
    qint64 m_lastActivityMs = 0;
    bool m_waitingOackAck = false;       // read: OACK sent, ACK 0 expected
    bool m_dallying = false;             // write: final ACK sent, answering retransmitted last DATA
    quint64 m_base = 0;                  // read: highest acknowledged block; write: highest stored
    quint64 m_next = 1;                  // read: next block to send
    quint64 m_lastAcked = 0;             // write: highest block we acknowledged
    quint64 m_gapAcked = quint64(-1);    // write: the in-order block we last re-acknowledged for a gap
    qint64 m_lastReAckMs = -1;           // write: when we last answered a retransmitted block
    qint64 m_received = 0;               // write: bytes stored
    quint64 m_retransmitted = 0;
    quint64 m_duplicateAcks = 0;
    bool m_confirmed = false;
    Outcome m_outcome = Outcome::Running;
    QString m_detail;
};
