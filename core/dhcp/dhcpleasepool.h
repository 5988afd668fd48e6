#pragma once

#include "dhcplease.h"

#include <QHash>
#include <QList>
#include <QSet>

// Address allocation of the full DHCP server: pool range, per-device reservations, leases,
// pending offers and declined addresses. Pure bookkeeping (time is passed in), no I/O.
class DhcpLeasePool
{
public:
    struct Settings
    {
        quint32 rangeStart = 0;
        quint32 rangeEnd = 0;
        quint32 netmask = 0;
        qint64 leaseSeconds = 3600;
        QHash<MacAddress, quint32> reservations;   // device MAC -> address (may lie outside the range)
        QSet<quint32> excluded;                    // our own address, the router...
    };
    // Identifies a client: option 61 when sent, else hardware type + address (RFC 2131 4.2).
    struct Client
    {
        quint8 hwType = 1;
        QByteArray hwAddress;
        QByteArray clientId;
        [[nodiscard]] MacAddress mac() const
        {
            return hwType == 1 && hwAddress.size() == 6 ? MacAddress::fromBytes(hwAddress) : MacAddress();
        }
    };

    static constexpr qint64 OfferHoldSeconds = 60;
    static constexpr qint64 DeclineSeconds = 600;

    void setSettings(const Settings &settings);
    [[nodiscard]] const Settings &settings() const { return m_settings; }
    [[nodiscard]] bool isConfigured() const { return m_settings.netmask != 0 && m_settings.rangeStart != 0; }
    [[nodiscard]] bool inSubnet(quint32 address) const;
    [[nodiscard]] bool inRange(quint32 address) const;

    // Replaces the leases (lease file at start). Expired leases and addresses this pool can no
    // longer hand out are dropped, with a line in *dropped.
    void load(const QList<DhcpLease> &leases, qint64 now, QStringList *dropped = nullptr);
    [[nodiscard]] QList<DhcpLease> leases() const;           // ordered by address
    [[nodiscard]] const DhcpLease *leaseAt(quint32 address) const;
    [[nodiscard]] const DhcpLease *leaseOf(const Client &client) const;

    // Chooses an address for a DISCOVER (reservation, current lease, requested, then the first
    // free one after a MAC-derived start) and holds it for OfferHoldSeconds. 0 if none is free.
    quint32 offer(const Client &client, quint32 requested, qint64 now, QString *why = nullptr);
    void cancelOffer(const Client &client);
    // Whether `address` may be leased to `client` now (its reservation, its lease, its offer, or free).
    [[nodiscard]] bool canAssign(quint32 address, const Client &client, qint64 now, QString *why = nullptr) const;
    // Creates or extends the lease (removing the client's other lease). Returns the stored lease.
    DhcpLease commit(quint32 address, const Client &client, const QString &hostname, qint64 now);
    // RELEASE: frees the client's lease on `address`. False if it held no such lease.
    bool release(quint32 address, const Client &client);
    // DECLINE: the address is in use by someone else; blocks it for DeclineSeconds.
    void decline(quint32 address, const Client &client, qint64 now);
    // Drops expired leases, offers and declines. Returns the number of leases removed.
    int expire(qint64 now);
    // Earliest future lease expiry (0 = none).
    [[nodiscard]] qint64 nextExpiry() const;

private:
    struct Offer
    {
        QByteArray key;
        qint64 until = 0;
    };
    static QByteArray keyOf(const Client &client);
    static QByteArray keyOf(const DhcpLease &lease);
    [[nodiscard]] bool reservedForOther(quint32 address, const Client &client) const;
    [[nodiscard]] bool isFree(quint32 address, const QByteArray &key, qint64 now) const;
    void removeLease(quint32 address);
    void hold(quint32 address, const QByteArray &key, qint64 now);
    [[nodiscard]] bool isSpecial(quint32 address) const;

    Settings m_settings;
    QHash<quint32, DhcpLease> m_leases;       // by address
    QHash<QByteArray, quint32> m_byClient;    // client key -> address
    QHash<QByteArray, quint32> m_byHw;        // hw key -> address (leases without client id)
    QHash<quint32, Offer> m_offers;           // address -> held for
    QHash<QByteArray, quint32> m_offerOf;     // client key -> held address
    QHash<quint32, qint64> m_declined;        // address -> blocked until
    QHash<quint32, MacAddress> m_reservedBy;  // reverse of Settings::reservations
};
