#include "sections.h"

#include <QSet>

namespace config {

static void checkPortClash(YamlReader &r, const QString &aPath, const ListenConfig &a, const QString &bPath,
                           const ListenConfig &b, quint16 aPort, quint16 bPort)
{
    if (!a.enabled || !b.enabled || aPort != bPort || aPort == 0)
        return;
    const bool sameAddress = a.address == b.address || a.address == QHostAddress(QHostAddress::AnyIPv4)
        || b.address == QHostAddress(QHostAddress::AnyIPv4);
    if (sameAddress)
        r.error(r.markOf(bPath + QStringLiteral(".port")), bPath + QStringLiteral(".port"),
                QStringLiteral("port %1 is already used by %2").arg(bPort).arg(aPath));
}

static quint32 ip(const QHostAddress &a) { return a.toIPv4Address(); }

void crossValidate(YamlReader &r, const LabConfig &c)
{
    const auto &s = c.services;
    // UDP services: dhcp (port + proxy port), tftp, consoles (netconsole + syslog). TCP: http, redfish.
    checkPortClash(r, QStringLiteral("services.dhcp"), s.dhcp, QStringLiteral("services.tftp"), s.tftp, s.dhcp.port,
                   s.tftp.port);
    checkPortClash(r, QStringLiteral("services.dhcp"), s.dhcp, QStringLiteral("services.consoles"), s.consoles,
                   s.dhcp.port, s.consoles.port);
    checkPortClash(r, QStringLiteral("services.tftp"), s.tftp, QStringLiteral("services.consoles"), s.consoles,
                   s.tftp.port, s.consoles.port);
    checkPortClash(r, QStringLiteral("services.http"), s.http, QStringLiteral("services.redfish"), s.redfish,
                   s.http.port, s.redfish.port);
    if (s.consoles.enabled && s.consoles.port == s.consoles.syslogPort && s.consoles.port != 0)
        r.error(r.markOf(QStringLiteral("services.consoles.port")), QStringLiteral("services.consoles.syslog_port"),
                QStringLiteral("syslog_port must differ from netconsole_port"));
    if (s.dhcp.enabled && s.dhcp.port == s.dhcp.proxyPort && s.dhcp.port != 0)
        r.error(r.markOf(QStringLiteral("services.dhcp.port")), QStringLiteral("services.dhcp.proxy_port"),
                QStringLiteral("proxy_port must differ from port"));

    if (s.dhcp.enabled && s.dhcp.mode == DhcpMode::Full) {
        const auto &p = s.dhcp.pool;
        const QString path = QStringLiteral("services.dhcp.pool");
        if (p.rangeStart.isNull() || p.rangeEnd.isNull() || p.netmask.isNull()) {
            r.error(r.markOf(path).is_null() ? r.markOf(QStringLiteral("services.dhcp")) : r.markOf(path), path,
                    QStringLiteral("mode: full needs pool.range_start, pool.range_end and pool.netmask"));
        } else {
            const quint32 mask = ip(p.netmask);
            const bool contiguous = ((~mask + 1) & ~mask) == 0;
            if (!contiguous)
                r.error(r.markOf(path), path + QStringLiteral(".netmask"),
                        QStringLiteral("%1 is not a valid netmask").arg(p.netmask.toString()));
            if (ip(p.rangeStart) > ip(p.rangeEnd))
                r.error(r.markOf(path), path + QStringLiteral(".range_end"),
                        QStringLiteral("range_end is before range_start"));
            if ((ip(p.rangeStart) & mask) != (ip(p.rangeEnd) & mask))
                r.error(r.markOf(path), path, QStringLiteral("range_start and range_end are in different subnets"));
            if (ip(p.rangeEnd) - ip(p.rangeStart) > 65535)
                r.error(r.markOf(path), path, QStringLiteral("the pool may hold at most 65536 addresses"));
        }
    }

    QSet<QString> names, serials;
    QHash<QString, QString> portOwners;
    QSet<quint32> reservedIps;
    for (const auto &d : c.devices) {
        const QString path = QStringLiteral("devices.") + d.mac.toString();
        if (!d.name.isEmpty()) {
            if (names.contains(d.name.toLower()))
                r.error(r.markOf(path + QStringLiteral(".name")), path + QStringLiteral(".name"),
                        QStringLiteral("name '%1' is used by another device").arg(d.name));
            names.insert(d.name.toLower());
        }
        if (!d.serial.isEmpty()) {
            if (serials.contains(d.serial))
                r.error(r.markOf(path + QStringLiteral(".serial")), path + QStringLiteral(".serial"),
                        QStringLiteral("serial %1 is used by another device").arg(d.serial));
            serials.insert(d.serial);
        }
        if (!d.ip.isNull()) {
            if (reservedIps.contains(ip(d.ip)))
                r.error(r.markOf(path + QStringLiteral(".ip")), path + QStringLiteral(".ip"),
                        QStringLiteral("address %1 is reserved for another device").arg(d.ip.toString()));
            reservedIps.insert(ip(d.ip));
        }
        if (!d.profile.isEmpty() && !c.profile(d.profile))
            r.error(r.markOf(path + QStringLiteral(".profile")), path + QStringLiteral(".profile"),
                    QStringLiteral("unknown profile '%1'").arg(d.profile));
        if (d.power.isSet()) {
            const QString pPath = path + QStringLiteral(".power");
            const SwitchConfig *sw = c.switchById(d.power.switchId);
            if (!sw) {
                r.error(r.markOf(pPath), pPath + QStringLiteral(".switch"),
                        QStringLiteral("unknown switch '%1'").arg(d.power.switchId));
            } else {
                if (sw->driver == QLatin1String("simulated")) {
                    bool ok = false;
                    const int port = d.power.port.toInt(&ok);
                    if (!ok || port < 1 || port > sw->ports)
                        r.error(r.markOf(pPath), pPath + QStringLiteral(".port"),
                                QStringLiteral("switch '%1' has ports 1 to %2").arg(sw->id).arg(sw->ports));
                }
                if (sw->protectedPorts.contains(d.power.port))
                    r.error(r.markOf(pPath), pPath + QStringLiteral(".port"),
                            QStringLiteral("port %1 of '%2' is protected (listed in protected_ports)")
                                .arg(d.power.port, sw->id));
                const QString key = d.power.switchId + QLatin1Char('/') + d.power.port;
                if (portOwners.contains(key))
                    r.error(r.markOf(pPath), pPath,
                            QStringLiteral("port %1 of '%2' is already mapped to %3")
                                .arg(d.power.port, d.power.switchId, portOwners.value(key)));
                portOwners.insert(key, d.mac.toString());
            }
        }
    }
}

} // namespace config
