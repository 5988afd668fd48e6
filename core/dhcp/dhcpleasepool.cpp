#include "dhcpleasepool.h"

#include "dhcppacket.h"

#include <algorithm>

QByteArray DhcpLeasePool::keyOf(const Client &client)
{
    // A client id that is just hardware type + address (iPXE sends 01 + MAC; OVMF, in the same
    // boot, sends none) names the same client as the bare MAC, as dnsmasq treats it: one address
    // from firmware to OS instead of a second lease per boot stage.
    if (!client.clientId.isEmpty() && client.clientId != char(client.hwType) + client.hwAddress)
        return QByteArrayLiteral("c") + client.clientId;
    return QByteArrayLiteral("h") + char(client.hwType) + client.hwAddress;
}

QByteArray DhcpLeasePool::keyOf(const DhcpLease &lease)
{
    return keyOf(Client{lease.hwType, lease.hwAddress, lease.clientId});
}

void DhcpLeasePool::setSettings(const Settings &settings)
{
    m_settings = settings;
    m_reservedBy.clear();
    for (auto it = settings.reservations.cbegin(); it != settings.reservations.cend(); ++it)
        m_reservedBy.insert(it.value(), it.key());
}

bool DhcpLeasePool::inSubnet(quint32 address) const
{
    const quint32 mask = m_settings.netmask;
    return mask != 0 && (address & mask) == (m_settings.rangeStart & mask);
}

bool DhcpLeasePool::inRange(quint32 address) const
{
    return address >= m_settings.rangeStart && address <= m_settings.rangeEnd;
}

bool DhcpLeasePool::isSpecial(quint32 address) const
{
    const quint32 mask = m_settings.netmask;
    return m_settings.excluded.contains(address) || (address & ~mask) == 0 || (address & ~mask) == ~mask;
}

bool DhcpLeasePool::reservedForOther(quint32 address, const Client &client) const
{
    const auto it = m_reservedBy.constFind(address);
    return it != m_reservedBy.cend() && *it != client.mac();
}

bool DhcpLeasePool::isFree(quint32 address, const QByteArray &key, qint64 now) const
{
    if (isSpecial(address))
        return false;
    if (const auto d = m_declined.constFind(address); d != m_declined.cend() && *d > now)
        return false;
    if (const auto l = m_leases.constFind(address); l != m_leases.cend() && keyOf(*l) != key && !l->isExpired(now))
        return false;
    if (const auto o = m_offers.constFind(address); o != m_offers.cend() && o->key != key && o->until > now)
        return false;
    return true;
}

const DhcpLease *DhcpLeasePool::leaseAt(quint32 address) const
{
    const auto it = m_leases.constFind(address);
    return it == m_leases.cend() ? nullptr : &*it;
}

const DhcpLease *DhcpLeasePool::leaseOf(const Client &client) const
{
    if (const auto it = m_byClient.constFind(keyOf(client)); it != m_byClient.cend())
        return leaseAt(*it);
    // A lease recorded without client id (or a client that stopped sending one): match the MAC.
    const auto hw = m_byHw.constFind(keyOf(Client{client.hwType, client.hwAddress, {}}));
    if (hw == m_byHw.cend())
        return nullptr;
    const DhcpLease *l = leaseAt(*hw);
    if (l && (l->clientId.isEmpty() || client.clientId.isEmpty()))
        return l;
    return nullptr;
}

QList<DhcpLease> DhcpLeasePool::leases() const
{
    QList<DhcpLease> out = m_leases.values();
    std::sort(out.begin(), out.end(), [](const DhcpLease &a, const DhcpLease &b) { return a.address < b.address; });
    return out;
}

void DhcpLeasePool::removeLease(quint32 address)
{
    const auto it = m_leases.find(address);
    if (it == m_leases.end())
        return;
    const QByteArray key = keyOf(*it);
    if (m_byClient.value(key) == address)
        m_byClient.remove(key);
    const QByteArray hwKey = keyOf(Client{it->hwType, it->hwAddress, {}});
    if (m_byHw.value(hwKey) == address)
        m_byHw.remove(hwKey);
    m_leases.erase(it);
}

void DhcpLeasePool::load(const QList<DhcpLease> &leases, qint64 now, QStringList *dropped)
{
    m_leases.clear();
    m_byClient.clear();
    m_byHw.clear();
    m_offers.clear();
    m_offerOf.clear();
    auto drop = [dropped](const DhcpLease &l, const QString &why) {
        if (dropped)
            dropped->append(QStringLiteral("%1: %2").arg(dhcp::ipToString(l.address), why));
    };
    for (const DhcpLease &l : leases) {
        const Client c{l.hwType, l.hwAddress, l.clientId};
        const bool reservedHere = m_settings.reservations.value(c.mac()) == l.address && c.mac().isValid();
        if (l.isExpired(now))
            drop(l, QStringLiteral("expired"));
        else if (!inSubnet(l.address))
            drop(l, QStringLiteral("outside the pool's subnet"));
        else if (!inRange(l.address) && !reservedHere)
            drop(l, QStringLiteral("outside the pool"));
        else if (reservedForOther(l.address, c))
            drop(l, QStringLiteral("reserved for %1").arg(m_reservedBy.value(l.address).toString()));
        else if (m_leases.contains(l.address))
            drop(l, QStringLiteral("duplicate"));
        else {
            commit(l.address, c, l.hostname, now);
            m_leases[l.address].expires = l.expires;   // keep the recorded expiry
        }
    }
}

void DhcpLeasePool::hold(quint32 address, const QByteArray &key, qint64 now)
{
    if (const auto old = m_offerOf.constFind(key); old != m_offerOf.cend() && *old != address)
        m_offers.remove(*old);
    m_offers.insert(address, Offer{key, now + OfferHoldSeconds});
    m_offerOf.insert(key, address);
}

quint32 DhcpLeasePool::offer(const Client &client, quint32 requested, qint64 now, QString *why)
{
    if (!isConfigured()) {
        if (why)
            *why = QStringLiteral("no address pool configured");
        return 0;
    }
    const QByteArray key = keyOf(client);
    const MacAddress mac = client.mac();
    auto take = [&](quint32 a) {
        hold(a, key, now);
        return a;
    };
    if (const quint32 r = m_settings.reservations.value(mac); r && mac.isValid()) {
        if (inSubnet(r) && isFree(r, key, now))
            return take(r);
        if (why)
            *why = QStringLiteral("reserved address %1 is not available").arg(dhcp::ipToString(r));
    }
    if (const DhcpLease *l = leaseOf(client); l && inRange(l->address) && !reservedForOther(l->address, client)
        && isFree(l->address, key, now))
        return take(l->address);
    if (requested && inRange(requested) && !reservedForOther(requested, client) && isFree(requested, key, now))
        return take(requested);

    const quint32 size = m_settings.rangeEnd - m_settings.rangeStart + 1;
    const quint32 start = quint32(qHashBits(client.hwAddress.constData(), size_t(client.hwAddress.size()))) % size;
    for (quint32 i = 0; i < size; ++i) {
        const quint32 a = m_settings.rangeStart + (start + i) % size;
        if (!reservedForOther(a, client) && isFree(a, key, now))
            return take(a);
    }
    if (why)
        *why = QStringLiteral("no free address in the pool");
    return 0;
}

void DhcpLeasePool::cancelOffer(const Client &client)
{
    const QByteArray key = keyOf(client);
    const auto it = m_offerOf.find(key);
    if (it == m_offerOf.end())
        return;
    m_offers.remove(*it);
    m_offerOf.erase(it);
}

bool DhcpLeasePool::canAssign(quint32 address, const Client &client, qint64 now, QString *why) const
{
    auto no = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    if (!isConfigured())
        return no(QStringLiteral("no address pool configured"));
    if (!inSubnet(address))
        return no(QStringLiteral("%1 is not on this network").arg(dhcp::ipToString(address)));
    if (reservedForOther(address, client))
        return no(QStringLiteral("%1 is reserved for %2").arg(dhcp::ipToString(address), m_reservedBy.value(address).toString()));
    const QByteArray key = keyOf(client);
    const DhcpLease *own = leaseOf(client);
    const bool reservedHere = client.mac().isValid() && m_settings.reservations.value(client.mac()) == address;
    if (!inRange(address) && !reservedHere && !(own && own->address == address))
        return no(QStringLiteral("%1 is outside the pool").arg(dhcp::ipToString(address)));
    if (!isFree(address, key, now))
        return no(QStringLiteral("%1 is in use").arg(dhcp::ipToString(address)));
    return true;
}

DhcpLease DhcpLeasePool::commit(quint32 address, const Client &client, const QString &hostname, qint64 now)
{
    if (const DhcpLease *old = leaseOf(client); old && old->address != address)
        removeLease(old->address);
    removeLease(address);
    DhcpLease l;
    l.address = address;
    l.hwType = client.hwType;
    l.hwAddress = client.hwAddress;
    l.clientId = client.clientId;
    l.hostname = dhcp::isValidHostname(hostname) ? hostname : QString();
    l.expires = m_settings.leaseSeconds >= 0xffffffffLL ? 0 : now + m_settings.leaseSeconds;
    m_leases.insert(address, l);
    m_byClient.insert(keyOf(l), address);
    m_byHw.insert(keyOf(Client{l.hwType, l.hwAddress, {}}), address);
    const QByteArray key = keyOf(client);
    if (const auto it = m_offerOf.find(key); it != m_offerOf.end()) {
        m_offers.remove(*it);
        m_offerOf.erase(it);
    }
    return l;
}

bool DhcpLeasePool::release(quint32 address, const Client &client)
{
    const DhcpLease *l = leaseOf(client);
    if (!l || l->address != address)
        return false;
    removeLease(address);
    return true;
}

void DhcpLeasePool::decline(quint32 address, const Client &client, qint64 now)
{
    if (const DhcpLease *l = leaseOf(client); l && l->address == address)
        removeLease(address);
    m_declined.insert(address, now + DeclineSeconds);
    cancelOffer(client);
}

int DhcpLeasePool::expire(qint64 now)
{
    QList<quint32> gone;
    for (auto it = m_leases.cbegin(); it != m_leases.cend(); ++it)
        if (it->isExpired(now))
            gone.append(it.key());
    for (quint32 a : gone)
        removeLease(a);
    for (auto it = m_offers.begin(); it != m_offers.end();) {
        if (it->until <= now) {
            if (m_offerOf.value(it->key) == it.key())
                m_offerOf.remove(it->key);
            it = m_offers.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_declined.begin(); it != m_declined.end();)
        it = it.value() <= now ? m_declined.erase(it) : std::next(it);
    return int(gone.size());
}

qint64 DhcpLeasePool::nextExpiry() const
{
    qint64 next = 0;
    for (const DhcpLease &l : m_leases)
        if (l.expires != 0 && (next == 0 || l.expires < next))
            next = l.expires;
    return next;
}
