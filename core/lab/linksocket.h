#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

class QRandomGenerator;
class QUdpSocket;

// Faults of a virtual Pi's network link (lab.yaml devices.<mac>.virtual: packet_loss, delay_ms,
// corrupt). Loss and corruption apply to UDP datagrams in both directions, the delay to every
// datagram and to each TCP connection; TCP itself is not degraded (its retransmission would hide
// loss anyway).
struct LinkFaults
{
    double lossPercent = 0;      // 0..100, each datagram independently
    int delayMs = 0;             // one-way latency added to every datagram
    double corruptPercent = 0;   // 0..100, one byte of the datagram flipped
    [[nodiscard]] bool any() const { return lossPercent > 0 || delayMs > 0 || corruptPercent > 0; }
};

// A UDP socket of a virtual Pi: bound to the Pi's own loopback address (each virtual Pi has one,
// so servers can tell them apart as they tell real Pis apart), with the link's faults applied.
// Datagrams arrive through received(); send() never blocks. Lives on the owner's thread.
class LinkSocket : public QObject
{
    Q_OBJECT
public:
    LinkSocket(const LinkFaults &faults, QRandomGenerator *random, QObject *parent = nullptr);
    ~LinkSocket() override;

    bool bind(const QHostAddress &address, quint16 port = 0, QString *error = nullptr);
    [[nodiscard]] quint16 localPort() const;
    void send(const QByteArray &datagram, const QHostAddress &to, quint16 port);
    // Feeds a datagram that reached the Pi some other way (a shared client-port listener), with
    // the same inbound faults as datagrams read from the socket.
    void inject(const QByteArray &datagram, const QHostAddress &from, quint16 port);
    void close();
    // Closes once the datagrams still held back by the link delay have gone out.
    void closeWhenSent();

    // Counters for tests and the soak report.
    [[nodiscard]] quint64 dropped() const { return m_dropped; }
    [[nodiscard]] quint64 corrupted() const { return m_corrupted; }

Q_SIGNALS:
    void received(const QByteArray &datagram, const QHostAddress &from, quint16 port);

private:
    void readPending();
    // Applies loss and corruption; false if the datagram is lost.
    bool degrade(QByteArray &datagram);
    void deliver(const QByteArray &datagram, const QHostAddress &from, quint16 port);

    LinkFaults m_faults;
    QRandomGenerator *m_random;
    QUdpSocket *m_socket;
    quint64 m_dropped = 0;
    quint64 m_corrupted = 0;
    int m_pending = 0;           // datagrams held back by the delay
};
