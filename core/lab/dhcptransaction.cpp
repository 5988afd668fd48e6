#include "dhcptransaction.h"

#include <QTimer>

DhcpTransaction::DhcpTransaction(const Request &request, const LinkFaults &faults, QRandomGenerator *random, Accept accept,
                                 QObject *parent)
    : QObject(parent)
    , m_request(request)
    , m_accept(std::move(accept))
    , m_socket(new LinkSocket(faults, random, this))
    , m_retransmit(new QTimer(this))
    , m_deadline(new QTimer(this))
{
    m_retransmit->setSingleShot(true);
    m_deadline->setSingleShot(true);
    connect(m_retransmit, &QTimer::timeout, this, &DhcpTransaction::send);
    connect(m_deadline, &QTimer::timeout, this, [this] { finish(false); });
    connect(m_socket, &LinkSocket::received, this, &DhcpTransaction::onDatagram);
}

DhcpTransaction::~DhcpTransaction() = default;

void DhcpTransaction::start()
{
    if (!m_socket->bind(m_request.local, 0)) {
        QTimer::singleShot(0, this, [this] { finish(false); });
        return;
    }
    m_deadline->start(m_request.timeoutMs);
    send();
}

void DhcpTransaction::send()
{
    if (m_done)
        return;
    m_socket->send(m_request.packet, m_request.server, m_request.port);
    const QList<int> &waits = m_request.retransmitMs;
    const int wait = waits.isEmpty() ? 4000 : waits.at(std::min<qsizetype>(m_sends, waits.size() - 1));
    ++m_sends;
    m_retransmit->start(wait);
}

void DhcpTransaction::inject(const QByteArray &datagram, const QHostAddress &from, quint16 port)
{
    m_socket->inject(datagram, from, port);
}

void DhcpTransaction::onDatagram(const QByteArray &datagram, const QHostAddress &, quint16)
{
    if (m_done)
        return;
    const vpi::Reply reply = vpi::parseReply(datagram, m_request.mac, m_request.xid);
    if (!reply.ok)
        return;   // corrupted or someone else's: firmware ignores it and waits
    if (m_accept(reply))
        finish(true);
}

void DhcpTransaction::finish(bool ok)
{
    if (m_done)
        return;
    m_done = true;
    m_retransmit->stop();
    m_deadline->stop();
    m_socket->close();
    Q_EMIT finished(this, ok);
}
