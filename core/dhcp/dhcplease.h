#pragma once

#include "common/macaddress.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// One IPv4 lease, and the dnsmasq lease-file codec (src/lease.c, lease_update_file):
//   <expiry-epoch> <mac> <ipv4> <hostname or *> <client-id as colon hex or *>
struct DhcpLease
{
    quint32 address = 0;          // host order
    quint8 hwType = 1;            // ARP hardware type; 1 = Ethernet
    QByteArray hwAddress;         // chaddr bytes (6 for Ethernet)
    QByteArray clientId;          // option 61, empty = none
    QString hostname;             // empty = '*'
    qint64 expires = 0;           // epoch seconds; 0 = never

    [[nodiscard]] MacAddress mac() const
    {
        return hwType == 1 && hwAddress.size() == 6 ? MacAddress::fromBytes(hwAddress) : MacAddress();
    }
    [[nodiscard]] bool isExpired(qint64 now) const { return expires != 0 && expires <= now; }
    friend bool operator==(const DhcpLease &a, const DhcpLease &b)
    {
        return a.address == b.address && a.hwType == b.hwType && a.hwAddress == b.hwAddress && a.clientId == b.clientId
            && a.hostname == b.hostname && a.expires == b.expires;
    }
};

namespace dhcp {

struct LeaseFileContent
{
    QList<DhcpLease> leases;
    QStringList warnings;          // "line 3: ..." for every line that was skipped
};

// Reads a dnsmasq lease file. IPv6 entries (after the "duid" line) are skipped silently; malformed
// lines are skipped with a warning; never fails as a whole.
LeaseFileContent parseLeaseFile(const QByteArray &text);
// Writes the leases in dnsmasq's format, one per line.
QByteArray formatLeaseFile(const QList<DhcpLease> &leases);
// Option 12 / lease-file host name: letters, digits, '-' and '_' only, 1 to 63 characters.
bool isValidHostname(const QString &name);

} // namespace dhcp
