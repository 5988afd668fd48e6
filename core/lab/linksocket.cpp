#include "linksocket.h"

#include <QNetworkDatagram>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUdpSocket>

LinkSocket::LinkSocket(const LinkFaults &faults, QRandomGenerator *random, QObject *parent)
    : QObject(parent)
    , m_faults(faults)
    , m_random(random)
    , m_socket(new QUdpSocket(this))
{
    connect(m_socket, &QUdpSocket::readyRead, this, &LinkSocket::readPending);
}

LinkSocket::~LinkSocket()
{
    // Datagrams still held back by the link delay (a transfer's last ACK or its "Early
    // terminate") are on the wire already: the socket outlives its owner until they have left.
    if (m_pending > 0 && m_socket->state() == QAbstractSocket::BoundState) {
        QUdpSocket *socket = m_socket;
        socket->disconnect(this);
        socket->setParent(nullptr);
        QTimer::singleShot(m_faults.delayMs + 1, socket, [socket] { socket->deleteLater(); });
    }
}

bool LinkSocket::bind(const QHostAddress &address, quint16 port, QString *error)
{
    if (!m_socket->bind(address, port)) {
        if (error)
            *error = m_socket->errorString();
        return false;
    }
    return true;
}

quint16 LinkSocket::localPort() const
{
    return m_socket->localPort();
}

void LinkSocket::close()
{
    m_socket->close();
}

void LinkSocket::closeWhenSent()
{
    if (m_faults.delayMs <= 0)
        close();
    else
        QTimer::singleShot(m_faults.delayMs + 1, this, &LinkSocket::close);
}

bool LinkSocket::degrade(QByteArray &datagram)
{
    if (m_faults.lossPercent > 0 && m_random->bounded(100.0) < m_faults.lossPercent) {
        ++m_dropped;
        return false;
    }
    if (m_faults.corruptPercent > 0 && !datagram.isEmpty() && m_random->bounded(100.0) < m_faults.corruptPercent) {
        const int at = int(m_random->bounded(quint32(datagram.size())));
        datagram[at] = char(datagram.at(at) ^ char(1 + m_random->bounded(255u)));
        ++m_corrupted;
    }
    return true;
}

void LinkSocket::send(const QByteArray &datagram, const QHostAddress &to, quint16 port)
{
    QByteArray bytes = datagram;
    if (!degrade(bytes))
        return;
    if (m_faults.delayMs <= 0) {
        m_socket->writeDatagram(bytes, to, port);
        return;
    }
    QPointer<QUdpSocket> socket = m_socket;
    QPointer<LinkSocket> self = this;
    ++m_pending;
    QTimer::singleShot(m_faults.delayMs, m_socket, [self, socket, bytes, to, port] {
        if (self)
            --self->m_pending;
        if (socket && socket->state() == QAbstractSocket::BoundState)
            socket->writeDatagram(bytes, to, port);
    });
}

void LinkSocket::inject(const QByteArray &datagram, const QHostAddress &from, quint16 port)
{
    QByteArray bytes = datagram;
    if (!degrade(bytes))
        return;
    deliver(bytes, from, port);
}

void LinkSocket::deliver(const QByteArray &datagram, const QHostAddress &from, quint16 port)
{
    if (m_faults.delayMs <= 0) {
        Q_EMIT received(datagram, from, port);
        return;
    }
    QTimer::singleShot(m_faults.delayMs, this, [this, datagram, from, port] { Q_EMIT received(datagram, from, port); });
}

void LinkSocket::readPending()
{
    while (m_socket->state() == QAbstractSocket::BoundState && m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram d = m_socket->receiveDatagram(65536);
        QByteArray bytes = d.data();
        if (!degrade(bytes))
            continue;
        deliver(bytes, d.senderAddress(), quint16(d.senderPort()));
    }
}
