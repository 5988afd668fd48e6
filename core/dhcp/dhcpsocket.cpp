#include "dhcpsocket.h"

#include <QSocketNotifier>

#ifdef Q_OS_LINUX
#include <arpa/inet.h>
#include <cerrno>
#include <linux/filter.h>
#include <cstring>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

DhcpSocket::DhcpSocket(QObject *parent)
    : QObject(parent)
{
}

DhcpSocket::~DhcpSocket()
{
    close();
}

#ifdef Q_OS_LINUX

static QString errnoText(const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(strerror(errno)));
}

bool DhcpSocket::open(quint32 address, quint16 port, const QString &interfaceName, QString *error)
{
    close();
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = errnoText("socket");
        return false;
    }
    const int one = 1;
    if (::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0
        || ::setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &one, sizeof one) < 0
        || ::setsockopt(fd, IPPROTO_IP, IP_PKTINFO, &one, sizeof one) < 0) {
        *error = errnoText("setsockopt");
        ::close(fd);
        return false;
    }
    // A burst of DISCOVERs (a whole rack powering on) must not overflow the default buffer.
    const int rcvbuf = 1 << 20;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    if (!interfaceName.isEmpty()) {
        const QByteArray name = interfaceName.toLocal8Bit();
        if (::setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, name.constData(), socklen_t(name.size())) < 0) {
            *error = errnoText("SO_BINDTODEVICE") + QStringLiteral(" (%1)").arg(interfaceName);
            ::close(fd);
            return false;
        }
    }
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(address);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) < 0) {
        *error = errnoText("bind");
        ::close(fd);
        return false;
    }
    m_fd = fd;
    m_notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &DhcpSocket::readyRead);
    return true;
}

void DhcpSocket::close()
{
    if (m_notifier) {
        m_notifier->setEnabled(false);
        delete m_notifier;
        m_notifier = nullptr;
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

quint16 DhcpSocket::localPort() const
{
    if (m_fd < 0)
        return 0;
    sockaddr_in sa{};
    socklen_t len = sizeof sa;
    if (::getsockname(m_fd, reinterpret_cast<sockaddr *>(&sa), &len) < 0)
        return 0;
    return ntohs(sa.sin_port);
}

bool DhcpSocket::read(Datagram *out, int maxSize)
{
    if (m_fd < 0)
        return false;
    out->data.resize(maxSize + 1);
    sockaddr_in from{};
    iovec iov{out->data.data(), size_t(maxSize + 1)};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(in_pktinfo))];
    msghdr msg{};
    msg.msg_name = &from;
    msg.msg_namelen = sizeof from;
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    const ssize_t n = ::recvmsg(m_fd, &msg, 0);
    if (n < 0) {
        out->data.clear();
        return false;
    }
    out->truncated = (msg.msg_flags & MSG_TRUNC) || n > maxSize;
    out->data.resize(qMin<qsizetype>(n, maxSize));
    out->source = ntohl(from.sin_addr.s_addr);
    out->sourcePort = ntohs(from.sin_port);
    out->destination = 0;
    out->localAddress = 0;
    out->interfaceIndex = 0;
    for (cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
            in_pktinfo info;
            memcpy(&info, CMSG_DATA(c), sizeof info);
            out->interfaceIndex = info.ipi_ifindex;
            out->localAddress = ntohl(info.ipi_spec_dst.s_addr);
            out->destination = ntohl(info.ipi_addr.s_addr);
        }
    }
    return true;
}

bool DhcpSocket::send(const QByteArray &data, quint32 destination, quint16 port, int interfaceIndex, quint32 source,
                      QString *error)
{
    if (m_fd < 0) {
        if (error)
            *error = QStringLiteral("socket closed");
        return false;
    }
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(destination);
    iovec iov{const_cast<char *>(data.constData()), size_t(data.size())};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(in_pktinfo))] = {};
    msghdr msg{};
    msg.msg_name = &to;
    msg.msg_namelen = sizeof to;
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    if (interfaceIndex > 0 || source != 0) {
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
        cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = IPPROTO_IP;
        c->cmsg_type = IP_PKTINFO;
        c->cmsg_len = CMSG_LEN(sizeof(in_pktinfo));
        in_pktinfo info{};
        info.ipi_ifindex = interfaceIndex;
        info.ipi_spec_dst.s_addr = htonl(source);
        memcpy(CMSG_DATA(c), &info, sizeof info);
    }
    ssize_t n;
    do {
        n = ::sendmsg(m_fd, &msg, 0);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        if (error)
            *error = errnoText("sendmsg");
        return false;
    }
    return true;
}

bool DhcpSocket::setDropSource(quint32 source, QString *error)
{
    if (m_fd < 0)
        return false;
    // ld [net + 12] (IP source, network order as a big-endian word); == source ? drop : accept
    sock_filter code[] = {
        {BPF_LD | BPF_W | BPF_ABS, 0, 0, quint32(SKF_NET_OFF + 12)},
        {BPF_JMP | BPF_JEQ | BPF_K, 0, 1, source},
        {BPF_RET | BPF_K, 0, 0, 0},
        {BPF_RET | BPF_K, 0, 0, 0xffffffff},
    };
    sock_fprog prog{static_cast<unsigned short>(sizeof code / sizeof code[0]), code};
    if (::setsockopt(m_fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog) < 0) {
        if (error)
            *error = errnoText("SO_ATTACH_FILTER");
        return false;
    }
    return true;
}

bool DhcpSocket::setArpEntry(int interfaceIndex, quint32 address, const QByteArray &hwAddress, quint8 hwType, QString *error)
{
    const QString dev = interfaceName(interfaceIndex);
    if (m_fd < 0 || dev.isEmpty() || hwAddress.isEmpty() || hwAddress.size() > 14) {
        if (error)
            *error = QStringLiteral("no interface or hardware address");
        return false;
    }
    arpreq req{};
    auto *pa = reinterpret_cast<sockaddr_in *>(&req.arp_pa);
    pa->sin_family = AF_INET;
    pa->sin_addr.s_addr = htonl(address);
    req.arp_ha.sa_family = hwType;
    memcpy(req.arp_ha.sa_data, hwAddress.constData(), size_t(hwAddress.size()));
    req.arp_flags = ATF_COM;
    const QByteArray name = dev.toLocal8Bit();
    strncpy(req.arp_dev, name.constData(), sizeof req.arp_dev - 1);
    if (::ioctl(m_fd, SIOCSARP, &req) < 0) {
        if (error)
            *error = errnoText("SIOCSARP");
        return false;
    }
    return true;
}

QString DhcpSocket::interfaceName(int interfaceIndex) const
{
    if (m_fd < 0 || interfaceIndex <= 0)
        return {};
    ifreq ifr{};
    ifr.ifr_ifindex = interfaceIndex;
    if (::ioctl(m_fd, SIOCGIFNAME, &ifr) < 0)
        return {};
    return QString::fromLocal8Bit(ifr.ifr_name);
}

static bool fillIfreq(ifreq *ifr, const QString &name)
{
    const QByteArray n = name.toLocal8Bit();
    if (n.isEmpty() || n.size() >= IFNAMSIZ)
        return false;
    memcpy(ifr->ifr_name, n.constData(), size_t(n.size()));
    return true;
}

int DhcpSocket::interfaceIndex(const QString &name) const
{
    ifreq ifr{};
    if (m_fd < 0 || !fillIfreq(&ifr, name) || ::ioctl(m_fd, SIOCGIFINDEX, &ifr) < 0)
        return 0;
    return ifr.ifr_ifindex;
}

quint32 DhcpSocket::interfaceAddress(const QString &name) const
{
    ifreq ifr{};
    if (m_fd < 0 || !fillIfreq(&ifr, name))
        return 0;
    ifr.ifr_addr.sa_family = AF_INET;
    if (::ioctl(m_fd, SIOCGIFADDR, &ifr) < 0)
        return 0;
    return ntohl(reinterpret_cast<sockaddr_in *>(&ifr.ifr_addr)->sin_addr.s_addr);
}

QByteArray DhcpSocket::interfaceHardwareAddress(const QString &name) const
{
    ifreq ifr{};
    if (m_fd < 0 || !fillIfreq(&ifr, name) || ::ioctl(m_fd, SIOCGIFHWADDR, &ifr) < 0)
        return {};
    return QByteArray(ifr.ifr_hwaddr.sa_data, 6);
}

#else // !Q_OS_LINUX

bool DhcpSocket::open(quint32, quint16, const QString &, QString *error)
{
    *error = QStringLiteral("the DHCP server needs Linux (IP_PKTINFO, SO_BINDTODEVICE)");
    return false;
}
void DhcpSocket::close() {}
quint16 DhcpSocket::localPort() const { return 0; }
bool DhcpSocket::read(Datagram *, int) { return false; }
bool DhcpSocket::send(const QByteArray &, quint32, quint16, int, quint32, QString *error)
{
    if (error)
        *error = QStringLiteral("unsupported platform");
    return false;
}
bool DhcpSocket::setArpEntry(int, quint32, const QByteArray &, quint8, QString *) { return false; }
bool DhcpSocket::setDropSource(quint32, QString *) { return false; }
QString DhcpSocket::interfaceName(int) const { return {}; }
int DhcpSocket::interfaceIndex(const QString &) const { return 0; }
quint32 DhcpSocket::interfaceAddress(const QString &) const { return 0; }
QByteArray DhcpSocket::interfaceHardwareAddress(const QString &) const { return {}; }

#endif
