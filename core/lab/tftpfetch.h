#pragma once

#include "linksocket.h"
#include "tftp/tftppacket.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>

#include <functional>

class QTimer;

// One TFTP read by a virtual Pi, with the client behaviour of the firmware it imitates:
//  - the Pi 4 bootloader and start4.elf: "octet tsize 0 blksize 1024", no block-number rollover,
//    existence probes ended with ERROR 0 "Early terminate" after the OACK (or DATA 1);
//  - EDK2 PXE: a size probe (tsize, ended with ERROR 8), then the file with blksize + windowsize;
//    RFC 7440 acknowledgement of every window, and of the last in-order block after a gap.
// Each transfer has its own socket (a new source port, as the firmware does). Retransmits its
// RRQ / last ACK after `retransmitMs` without progress, gives up after `timeoutMs` in total.
class TftpFetch : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Full,       // transfer the whole file
        Probe,      // ERROR 0 "Early terminate" after the OACK or DATA 1 (Pi existence probe)
        SizeProbe,  // ERROR 8 after the OACK (EDK2 asks for tsize first)
    };
    struct Request
    {
        QHostAddress local;          // the Pi's address
        QHostAddress server;
        quint16 port = 69;
        QString file;
        Mode mode = Mode::Full;
        int blockSize = 1024;        // 0 = no blksize option (512)
        int windowSize = 0;          // 0 = no windowsize option
        bool tsize = true;
        bool rollover = true;        // false: the Pi 4 bootloader (fails at block 65535)
        int retransmitMs = 1000;
        int timeoutMs = 30000;       // TFTP_FILE_TIMEOUT
        qint64 maxBytes = 256LL << 20;
        bool keepData = false;       // collect the content (config.txt, RPI_EFI.fd ...)
    };
    struct Result
    {
        bool ok = false;
        bool exists = false;         // probes: the server had the file
        tftp::ErrorCode errorCode = tftp::ErrorCode::NotDefined;
        bool serverError = false;    // the server answered with ERROR
        QString error;               // English: "file not found (File not found)", "timed out" ...
        qint64 bytes = 0;
        qint64 tsize = -1;           // from the OACK
        int blockSize = 512;
        int windowSize = 1;
        QByteArray data;             // keepData only
        int retransmits = 0;
        qint64 elapsedMs = 0;
    };
    using Sink = std::function<void(const char *data, qsizetype size)>;

    TftpFetch(const Request &request, const LinkFaults &faults, QRandomGenerator *random, QObject *parent = nullptr);
    ~TftpFetch() override;

    // Every block's payload as it arrives (in order), e.g. to hash a large file without keeping it.
    void setSink(Sink sink) { m_sink = std::move(sink); }
    void start();
    // Power lost: the socket closes at once, nothing more is sent (the server must time out).
    void abort();
    [[nodiscard]] const Request &request() const { return m_request; }
    [[nodiscard]] const Result &result() const { return m_result; }
    [[nodiscard]] quint16 localPort() const;

Q_SIGNALS:
    void finished(TftpFetch *fetch);

private:
    void onDatagram(const QByteArray &datagram, const QHostAddress &from, quint16 port);
    void onOack(const tftp::Packet &p);
    void onData(const tftp::Packet &p);
    void onTimer();
    void sendToServer(const QByteArray &datagram);
    void finish(bool ok, const QString &error);

    Request m_request;
    Result m_result;
    Sink m_sink;
    LinkSocket *m_socket;
    QTimer *m_timer;
    QElapsedTimer m_clock;
    QElapsedTimer m_sinceProgress;
    QByteArray m_rrq;
    QByteArray m_lastSent;
    quint16 m_serverPort = 0;        // the server's TID, 0 until it answered
    quint64 m_expected = 1;          // next block (full index, rollover-aware)
    int m_inWindow = 0;              // blocks received since the last ACK
    bool m_done = false;
};
