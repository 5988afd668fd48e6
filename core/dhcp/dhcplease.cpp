#include "dhcplease.h"

#include "dhcppacket.h"

#include <QHostAddress>

namespace dhcp {

namespace {

bool parseHex(const QByteArray &text, QByteArray *out)
{
    // "aa:bb:cc" (dnsmasq prints each byte with two digits, but be lenient about one digit).
    QByteArray bytes;
    const QList<QByteArray> parts = text.split(':');
    for (const QByteArray &p : parts) {
        if (p.isEmpty() || p.size() > 2)
            return false;
        bool ok = false;
        const uint v = p.toUInt(&ok, 16);
        if (!ok || v > 255)
            return false;
        bytes.append(char(v));
    }
    if (bytes.isEmpty() || bytes.size() > 255)
        return false;
    *out = bytes;
    return true;
}

QByteArray toHex(const QByteArray &bytes)
{
    return bytes.toHex(':');
}

} // namespace

bool isValidHostname(const QString &name)
{
    if (name.isEmpty() || name.size() > 63)
        return false;
    for (QChar ch : name) {
        const ushort u = ch.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '_';
        if (!ok)
            return false;
    }
    return true;
}

LeaseFileContent parseLeaseFile(const QByteArray &text)
{
    LeaseFileContent r;
    const QList<QByteArray> lines = text.split('\n');
    bool v6 = false;
    int lineNo = 0;
    for (const QByteArray &raw : lines) {
        ++lineNo;
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> f = line.simplified().split(' ');
        auto warn = [&](const QString &why) {
            r.warnings.append(QStringLiteral("line %1: %2").arg(lineNo).arg(why));
        };
        if (f.first() == "duid") {   // DHCPv6 section follows
            v6 = true;
            continue;
        }
        if (v6)
            continue;
        if (f.size() != 5) {
            warn(QStringLiteral("expected 5 fields, found %1").arg(f.size()));
            continue;
        }
        DhcpLease l;
        bool ok = false;
        l.expires = f[0].toLongLong(&ok);
        if (!ok || l.expires < 0) {
            warn(QStringLiteral("bad expiry time"));
            continue;
        }
        QByteArray hw = f[1];
        if (hw.size() > 3 && hw.at(2) == '-') {          // non-Ethernet: "<type>-<bytes>"
            const uint type = hw.left(2).toUInt(&ok, 16);
            if (!ok || type > 255) {
                warn(QStringLiteral("bad hardware type"));
                continue;
            }
            l.hwType = quint8(type);
            hw = hw.mid(3);
        }
        if (!parseHex(hw, &l.hwAddress) || l.hwAddress.size() > 16 || (l.hwType == 1 && l.hwAddress.size() != 6)) {
            warn(QStringLiteral("bad hardware address"));
            continue;
        }
        QHostAddress ip;
        if (!ip.setAddress(QString::fromLatin1(f[2])) || ip.protocol() != QAbstractSocket::IPv4Protocol) {
            if (ip.protocol() != QAbstractSocket::IPv6Protocol)
                warn(QStringLiteral("bad IPv4 address"));
            continue;
        }
        l.address = ip.toIPv4Address();
        if (f[3] != "*") {
            const QString host = QString::fromLatin1(f[3]);
            // dnsmasq stores the FQDN when it has a domain; keep the host part.
            const QString shortName = host.section(QLatin1Char('.'), 0, 0);
            if (!isValidHostname(shortName)) {
                warn(QStringLiteral("bad host name"));
                continue;
            }
            l.hostname = shortName;
        }
        if (f[4] != "*" && !parseHex(f[4], &l.clientId)) {
            warn(QStringLiteral("bad client id"));
            continue;
        }
        r.leases.append(l);
    }
    return r;
}

QByteArray formatLeaseFile(const QList<DhcpLease> &leases)
{
    QByteArray out;
    for (const DhcpLease &l : leases) {
        out += QByteArray::number(l.expires);
        out += ' ';
        if (l.hwType != 1)
            out += QByteArray::number(l.hwType, 16).rightJustified(2, '0') + '-';
        out += l.hwAddress.isEmpty() ? QByteArray("00:00:00:00:00:00") : toHex(l.hwAddress);
        out += ' ';
        out += ipToString(l.address).toLatin1();
        out += ' ';
        out += isValidHostname(l.hostname) ? l.hostname.toLatin1() : QByteArray("*");
        out += ' ';
        out += l.clientId.isEmpty() ? QByteArray("*") : toHex(l.clientId);
        out += '\n';
    }
    return out;
}

} // namespace dhcp
