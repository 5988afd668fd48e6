#include "eventstream.h"

#include "common/logging.h"

#include <QJsonDocument>
#include <QTcpSocket>

EventStream::EventStream(QObject *parent)
    : QObject(parent)
{
    // Member QObjects are not children by default: parent them so moveToThread() takes them along.
    m_heartbeat.setParent(this);

    m_heartbeat.setInterval(15000);
    connect(&m_heartbeat, &QTimer::timeout, this, &EventStream::heartbeat);
}

QByteArray EventStream::format(const JournalEvent &event)
{
    return "id: " + QByteArray::number(event.seq) + "\nevent: journal\ndata: "
        + event.toJsonLine() + "\n\n";
}

void EventStream::addClient(QTcpSocket *socket, const QList<JournalEvent> &backlog, const MacAddress &filterMac)
{
    Client c{socket, filterMac, socket};
    socket->write("retry: 2000\n\n");
    for (const auto &e : backlog)
        if (!filterMac.isValid() || e.mac == filterMac)
            socket->write(format(e));
    const QObject *id = socket;
    connect(socket, &QTcpSocket::disconnected, this, [this, id] {
        m_clients.removeIf([id](const Client &c) { return c.id == id || c.socket.isNull(); });
        if (m_clients.isEmpty())
            m_heartbeat.stop();
    });
    m_clients.append(c);
    if (!m_heartbeat.isActive())
        m_heartbeat.start();
    qCInfo(lcApi) << "event stream client" << socket->peerAddress().toString() << "connected;" << m_clients.size()
                  << "listening";
}

void EventStream::send(Client &client, const QByteArray &bytes)
{
    if (!client.socket)
        return;
    if (client.socket->bytesToWrite() > MaxBacklog) {
        qCWarning(lcApi) << "event stream client" << client.socket->peerAddress().toString()
                         << "is not reading; dropping it";
        // Not synchronously: abort() emits disconnected, which edits m_clients we are iterating.
        QMetaObject::invokeMethod(client.socket, &QTcpSocket::abort, Qt::QueuedConnection);
        client.socket = nullptr;
        return;
    }
    client.socket->write(bytes);
}

void EventStream::publish(const JournalEvent &event)
{
    if (m_clients.isEmpty())
        return;
    const QByteArray bytes = format(event);
    for (int i = 0; i < m_clients.size(); ++i) {
        Client &c = m_clients[i];
        if (!c.filter.isValid() || c.filter == event.mac)
            send(c, bytes);
    }
}

void EventStream::heartbeat()
{
    for (int i = 0; i < m_clients.size(); ++i)
        send(m_clients[i], QByteArrayLiteral(": keep-alive\n\n"));
}
