#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QSocketNotifier;

// A non-blocking IPv4 UDP socket for DHCP, driven by a QSocketNotifier on the owner's thread.
// Unlike QUdpSocket it exposes what a DHCP server needs from IP_PKTINFO: the interface a
// datagram arrived on and our address there (ipi_spec_dst), and it sends out of a chosen
// interface from a chosen source address (broadcasts included), can bind to one device
// (SO_BINDTODEVICE) and can add the ARP entry needed to unicast to a client without an address.
// Everything (interface names, ARP) is resolved in the socket's own network namespace.
// Linux only (the project's server platform); elsewhere open() fails with a clear error.
class DhcpSocket : public QObject
{
    Q_OBJECT
public:
    struct Datagram
    {
        QByteArray data;
        bool truncated = false;     // larger than the receive buffer (reported as oversize)
        quint32 source = 0;         // host order
        quint16 sourcePort = 0;
        quint32 destination = 0;    // the IP header's destination (broadcast, our address...)
        quint32 localAddress = 0;   // our address on the arrival interface (ipi_spec_dst)
        int interfaceIndex = 0;
    };

    explicit DhcpSocket(QObject *parent = nullptr);
    ~DhcpSocket() override;

    // Binds address:port (host order; port 0 = ephemeral) with SO_REUSEADDR and SO_BROADCAST;
    // `interfaceName` non-empty restricts the socket to that device.
    bool open(quint32 address, quint16 port, const QString &interfaceName, QString *error);
    void close();
    [[nodiscard]] bool isOpen() const { return m_fd >= 0; }
    [[nodiscard]] quint16 localPort() const;

    // Non-blocking; false when nothing is pending.
    bool read(Datagram *out, int maxSize);
    // Sends from `source` (0 = the kernel's choice) out of `interfaceIndex` (0 = routing table).
    bool send(const QByteArray &data, quint32 destination, quint16 port, int interfaceIndex, quint32 source,
              QString *error = nullptr);
    // Drops datagrams whose IP source is `source` in the kernel (a socket filter): our own
    // broadcasts come back to a local listener otherwise, costing a wakeup and a read each.
    bool setDropSource(quint32 source, QString *error = nullptr);
    // Adds an ARP entry so a unicast reply can reach a client that has no address yet.
    bool setArpEntry(int interfaceIndex, quint32 address, const QByteArray &hwAddress, quint8 hwType, QString *error = nullptr);
    [[nodiscard]] QString interfaceName(int interfaceIndex) const;
    [[nodiscard]] int interfaceIndex(const QString &name) const;
    // The first IPv4 address and the MAC of an interface (namespace of the socket). 0 / empty if none.
    [[nodiscard]] quint32 interfaceAddress(const QString &name) const;
    [[nodiscard]] QByteArray interfaceHardwareAddress(const QString &name) const;

Q_SIGNALS:
    void readyRead();

private:
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
};
