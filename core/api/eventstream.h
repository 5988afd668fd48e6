#pragma once

#include "devices/journalevent.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

// Fans journal events out to server-sent-event clients. A client that stops reading (more than
// MaxBacklog bytes queued) is dropped rather than buffered without bound.
class EventStream : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxBacklog = 1 << 20;
    static constexpr int MaxClients = 64;

    explicit EventStream(QObject *parent = nullptr);

    [[nodiscard]] bool canAccept() const { return m_clients.size() < MaxClients; }
    // Takes over a socket whose response headers were written; replays `backlog` first.
    // `filterMac` (optional) limits the stream to one device.
    void addClient(QTcpSocket *socket, const QList<JournalEvent> &backlog, const MacAddress &filterMac);
    void publish(const JournalEvent &event);
    [[nodiscard]] int clientCount() const { return int(m_clients.size()); }

    static QByteArray format(const JournalEvent &event);

private:
    struct Client
    {
        QPointer<QTcpSocket> socket;
        MacAddress filter;
        // Identity for removal: `disconnected` may be emitted from ~QAbstractSocket, when the
        // object is no longer a QTcpSocket and QPointer<QTcpSocket>::data() would be an invalid
        // downcast (UBSan: vptr). Never dereferenced.
        const QObject *id = nullptr;
    };
    void send(Client &client, const QByteArray &bytes);
    void heartbeat();

    QList<Client> m_clients;
    QTimer m_heartbeat{this};          // a child, so it follows moveToThread to the engine thread
};
