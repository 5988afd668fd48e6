#include "tftpsocket.h"

#include <QNetworkInterface>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace {

sockaddr_in toSockaddr(const TftpSocket::Endpoint &e)
{
    sockaddr_in sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(e.ip);
    sa.sin_port = htons(e.port);
    return sa;
}

} // namespace

QString TftpSocket::Endpoint::toString() const
{
    return QStringLiteral("%1:%2").arg(QHostAddress(ip).toString()).arg(port);
}

TftpSocket::~TftpSocket()
{
    close();
}

void TftpSocket::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool TftpSocket::bind(const QHostAddress &address, quint16 port, bool wantDestination, QString *error)
{
    close();
    bool isV4 = false;
    const quint32 ip = address.toIPv4Address(&isV4);
    if (!isV4) {
        *error = QStringLiteral("TFTP serves IPv4 only; %1 is not an IPv4 address").arg(address.toString());
        return false;
    }
    m_fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    if (wantDestination) {
        const int on = 1;
#if defined(IP_PKTINFO)
        ::setsockopt(m_fd, IPPROTO_IP, IP_PKTINFO, &on, sizeof on);
#elif defined(IP_RECVDSTADDR)
        ::setsockopt(m_fd, IPPROTO_IP, IP_RECVDSTADDR, &on, sizeof on);
#endif
    }
    Endpoint want{ip, port};
    sockaddr_in sa = toSockaddr(want);
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        close();
        return false;
    }
    socklen_t len = sizeof sa;
    ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&sa), &len);
    m_local = Endpoint{ntohl(sa.sin_addr.s_addr), ntohs(sa.sin_port)};
    return true;
}

void TftpSocket::setBufferSizes(int receiveBytes, int sendBytes)
{
    if (m_fd < 0)
        return;
    if (receiveBytes > 0)
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBytes, sizeof receiveBytes);
    if (sendBytes > 0)
        ::setsockopt(m_fd, SOL_SOCKET, SO_SNDBUF, &sendBytes, sizeof sendBytes);
}

qsizetype TftpSocket::receive(char *buffer, qsizetype capacity, Endpoint *from, quint32 *destination, bool *truncated)
{
    sockaddr_in sa;
    iovec iov{buffer, size_t(capacity)};
    alignas(cmsghdr) char control[64];
    msghdr msg;
    std::memset(&msg, 0, sizeof msg);
    msg.msg_name = &sa;
    msg.msg_namelen = sizeof sa;
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    if (destination) {
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
    }
    ssize_t n;
    do {
        n = ::recvmsg(m_fd, &msg, 0);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        m_errno = errno;
        // ICMP errors of earlier sends surface here on Linux; they are not fatal for the socket.
        return (errno == EAGAIN || errno == EWOULDBLOCK || errno == ECONNREFUSED || errno == EHOSTUNREACH
                || errno == ENETUNREACH)
            ? -1
            : -2;
    }
    if (msg.msg_namelen < sizeof(sockaddr_in) || sa.sin_family != AF_INET)
        return -1;
    *from = Endpoint{ntohl(sa.sin_addr.s_addr), ntohs(sa.sin_port)};
    if (truncated)
        *truncated = (msg.msg_flags & MSG_TRUNC) != 0;
    if (destination) {
        *destination = 0;
        for (cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
#if defined(IP_PKTINFO)
            if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
                in_pktinfo info;
                std::memcpy(&info, CMSG_DATA(c), sizeof info);
                *destination = ntohl(info.ipi_addr.s_addr);
            }
#elif defined(IP_RECVDSTADDR)
            if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_RECVDSTADDR) {
                in_addr a;
                std::memcpy(&a, CMSG_DATA(c), sizeof a);
                *destination = ntohl(a.s_addr);
            }
#endif
        }
    }
    return qsizetype(n);
}

bool TftpSocket::send(const Endpoint &to, const char *data, std::size_t size)
{
    return send(to, Piece{data, size}, Piece{});
}

bool TftpSocket::send(const Endpoint &to, const Piece &head, const Piece &body)
{
    sockaddr_in sa = toSockaddr(to);
    iovec iov[2] = {{const_cast<char *>(head.data), head.size}, {const_cast<char *>(body.data), body.size}};
    msghdr msg;
    std::memset(&msg, 0, sizeof msg);
    msg.msg_name = &sa;
    msg.msg_namelen = sizeof sa;
    msg.msg_iov = iov;
    msg.msg_iovlen = body.size ? 2 : 1;
    ssize_t n;
    do {
        n = ::sendmsg(m_fd, &msg, 0);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        m_errno = errno;
        return false;
    }
    return true;
}

int TftpSocket::sendBatch(const Endpoint &to, const Piece *heads, const Piece *bodies, int count)
{
#if defined(__linux__)
    constexpr int Chunk = 64;
    sockaddr_in sa = toSockaddr(to);
    int sent = 0;
    while (sent < count) {
        const int n = std::min(Chunk, count - sent);
        iovec iov[Chunk][2];
        mmsghdr msgs[Chunk];
        std::memset(msgs, 0, sizeof(mmsghdr) * size_t(n));
        for (int i = 0; i < n; ++i) {
            const Piece &h = heads[sent + i];
            const Piece &b = bodies[sent + i];
            iov[i][0] = {const_cast<char *>(h.data), h.size};
            iov[i][1] = {const_cast<char *>(b.data), b.size};
            msgs[i].msg_hdr.msg_name = &sa;
            msgs[i].msg_hdr.msg_namelen = sizeof sa;
            msgs[i].msg_hdr.msg_iov = iov[i];
            msgs[i].msg_hdr.msg_iovlen = b.size ? 2 : 1;
        }
        int r;
        do {
            r = ::sendmmsg(m_fd, msgs, unsigned(n), 0);
        } while (r < 0 && errno == EINTR);
        if (r < 0) {
            m_errno = errno;
            return sent;
        }
        sent += r;
        if (r < n)
            return sent;
    }
    return sent;
#else
    for (int i = 0; i < count; ++i)
        if (!send(to, heads[i], bodies[i]))
            return i;
    return count;
#endif
}

int TftpSocket::pathMtu(const Endpoint &to)
{
#if defined(__linux__) && defined(IP_MTU)
    // A UDP socket learns its path MTU only while connected. The transfer socket itself must stay
    // unconnected (datagrams from other transfer IDs get ERROR 5) and disconnecting would give up
    // its ephemeral port, so a throwaway socket asks the kernel instead.
    const int probe = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    int mtu = 0;
    if (probe >= 0) {
        sockaddr_in sa = toSockaddr(to);
        if (::connect(probe, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0) {
            socklen_t len = sizeof mtu;
            if (::getsockopt(probe, IPPROTO_IP, IP_MTU, &mtu, &len) != 0)
                mtu = 0;
        }
        ::close(probe);
    }
    if (mtu >= 68)
        return mtu;
#else
    Q_UNUSED(to)
#endif
    const QHostAddress local(m_local.ip);
    const auto ifaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &i : ifaces) {
        const auto entries = i.addressEntries();
        for (const QNetworkAddressEntry &e : entries)
            if (e.ip() == local && i.maximumTransmissionUnit() > 0)
                return i.maximumTransmissionUnit();
    }
    return 1500;
}
