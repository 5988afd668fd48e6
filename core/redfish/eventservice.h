#pragma once

#include "devices/deviceinfo.h"
#include "devices/journalevent.h"
#include "redfishjson.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QTcpSocket;

namespace redfish {

class Context;

// EventService: journal events become Redfish events (MetalBoot registry: PowerStateChanged,
// BootProgressChanged, BootFailed) sent to server-sent-event streams and push subscriptions.
class EventService : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxSubscriptions = 32;
    static constexpr qint64 MaxSseBacklog = 1 << 20;

    struct Subscription
    {
        QString id;
        QString destination;       // push: URL; SSE: empty
        QString context;
        QStringList registryPrefixes;
        bool sse = false;
        QPointer<QTcpSocket> socket;
        bool reachable = true;     // false: the destination is outside what this service may reach
    };

    EventService(Context *context, QObject *parent = nullptr);

    // Push destinations allowed (default: any; a loopback-bound service: loopback only).
    void setDestinationFilter(std::function<bool(const QUrl &)> filter) { m_filter = std::move(filter); }

    // Journal event → Redfish Event payload (empty if the kind is not published).
    static QJsonObject eventFor(const JournalEvent &event, quint64 eventId);
    static QJsonObject serviceBody();
    static QJsonObject subscriptionBody(const Subscription &s);

    void publish(const JournalEvent &event);
    // Registry updates → PowerStateChanged / BootProgressChanged when power or stage changed.
    void deviceChanged(const DeviceInfo &device);
    [[nodiscard]] const QList<Subscription> &subscriptions() const { return m_subscriptions; }

    void registerRoutes();

private:
    void send(const QJsonObject &event);
    void removeSubscription(const QString &id);

    Context *m_context;
    QNetworkAccessManager *m_nam = nullptr;
    QList<Subscription> m_subscriptions;
    std::function<bool(const QUrl &)> m_filter;
    QHash<MacAddress, QPair<PowerState, BootStage>> m_seen;
    int m_nextId = 1;
    quint64 m_eventSeq = 0;
};

} // namespace redfish
