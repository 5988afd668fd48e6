#pragma once

#include <QHostAddress>
#include <QString>

#include <cstddef>

// A non-blocking IPv4 UDP socket for TFTP: the well-known listening socket and one ephemeral
// socket per transfer (its port is the transfer ID). Thin and allocation-free on the hot path;
// readiness comes from a QSocketNotifier owned by the user. POSIX only (Linux, macOS).
class TftpSocket
{
public:
    struct Endpoint
    {
        quint32 ip = 0;      // host byte order
        quint16 port = 0;
        [[nodiscard]] QHostAddress address() const { return QHostAddress(ip); }
        [[nodiscard]] QString toString() const;
        friend bool operator==(const Endpoint &a, const Endpoint &b) { return a.ip == b.ip && a.port == b.port; }
        friend bool operator!=(const Endpoint &a, const Endpoint &b) { return !(a == b); }
    };

    // One datagram's payload as two pieces (header + data), so DATA can be sent without copying.
    struct Piece
    {
        const char *data = nullptr;
        std::size_t size = 0;
    };

    TftpSocket() = default;
    ~TftpSocket();
    TftpSocket(const TftpSocket &) = delete;
    TftpSocket &operator=(const TftpSocket &) = delete;

    // Binds to address:port (port 0 = ephemeral). `wantDestination` asks the kernel for each
    // datagram's destination address (needed when bound to 0.0.0.0, to answer from that address).
    bool bind(const QHostAddress &address, quint16 port, bool wantDestination, QString *error);
    void close();
    [[nodiscard]] bool isOpen() const { return m_fd >= 0; }
    [[nodiscard]] int fd() const { return m_fd; }
    [[nodiscard]] Endpoint local() const { return m_local; }

    // >= 0: datagram size (truncated to `capacity`; *truncated set if it was longer);
    // -1: nothing to read; -2: socket error (errno-style text in *error if given).
    qsizetype receive(char *buffer, qsizetype capacity, Endpoint *from, quint32 *destination = nullptr,
                      bool *truncated = nullptr);
    // true = handed to the kernel; false = would block (send buffer full) or failed.
    bool send(const Endpoint &to, const char *data, std::size_t size);
    bool send(const Endpoint &to, const Piece &head, const Piece &body);
    // Sends `count` datagrams of two pieces each (sendmmsg on Linux); returns how many went out.
    int sendBatch(const Endpoint &to, const Piece *heads, const Piece *bodies, int count);
    [[nodiscard]] int lastErrno() const { return m_errno; }

    // MTU of the path to `to` (Linux: IP_MTU of a connected socket; otherwise the MTU of the
    // interface carrying our local address; 1500 if unknown).
    int pathMtu(const Endpoint &to);

    void setBufferSizes(int receiveBytes, int sendBytes);

private:
    int m_fd = -1;
    int m_errno = 0;
    Endpoint m_local;
};
