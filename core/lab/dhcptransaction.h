#pragma once

#include "linksocket.h"
#include "virtualpipackets.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <functional>

class QTimer;

// One DHCP exchange of a virtual Pi (DISCOVER -> OFFERs, REQUEST -> ACK, or a PXE boot-server
// REQUEST on port 4011): sends from the Pi's own address (an ephemeral port, so servers answer
// the datagram's source on loopback), retransmits on the firmware's schedule and hands every
// reply with our xid and MAC to `accept`, which returns true when it has what it needs.
// Replies that reach the Pi through a shared client-port listener come in via inject().
class DhcpTransaction : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QHostAddress local;
        QHostAddress server;
        quint16 port = 67;
        QByteArray packet;            // encoded client packet
        MacAddress mac;
        quint32 xid = 0;
        QList<int> retransmitMs = {4000};   // waits between sends; the last one repeats
        int timeoutMs = 45000;
    };
    using Accept = std::function<bool(const vpi::Reply &reply)>;

    DhcpTransaction(const Request &request, const LinkFaults &faults, QRandomGenerator *random, Accept accept,
                    QObject *parent = nullptr);
    ~DhcpTransaction() override;

    void start();
    void inject(const QByteArray &datagram, const QHostAddress &from, quint16 port);
    [[nodiscard]] int sends() const { return m_sends; }
    [[nodiscard]] quint32 xid() const { return m_request.xid; }

Q_SIGNALS:
    // ok = accept() returned true; otherwise it timed out.
    void finished(DhcpTransaction *transaction, bool ok);

private:
    void onDatagram(const QByteArray &datagram, const QHostAddress &from, quint16 port);
    void send();
    void finish(bool ok);

    Request m_request;
    Accept m_accept;
    LinkSocket *m_socket;
    QTimer *m_retransmit;
    QTimer *m_deadline;
    int m_sends = 0;
    bool m_done = false;
};
