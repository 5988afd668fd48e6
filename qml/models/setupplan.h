#pragma once

#include "config/labconfig.h"
#include "dhcp/foreignservermonitor.h"

#include <QHostAddress>
#include <QList>
#include <QNetworkInterface>
#include <QString>
#include <QStringList>

// First-run wizard logic, pure and tested: what we know about each network interface, which
// DHCP mode to recommend from what this machine can see, and the lab.yaml change the user's
// choice produces. Nothing here binds a socket or sends a packet.
namespace setupplan {

struct InterfaceAddress
{
    QHostAddress ip;
    int prefixLength = 0;
};

struct InterfaceInfo
{
    QString name;                        // "enp3s0"
    QString humanName;
    QString hardwareAddress;
    QNetworkInterface::InterfaceType type = QNetworkInterface::Unknown;
    bool up = false;
    bool running = false;                // link (carrier)
    bool loopback = false;
    bool canBroadcast = false;
    QList<InterfaceAddress> ipv4;
    QHostAddress gateway;                // default route through this interface, if any
};

enum class Mode { None, Proxy, Full };

struct Recommendation
{
    Mode mode = Mode::None;
    QString reason;                      // translated
};

struct Plan
{
    QString interfaceName;
    QHostAddress address;
    int prefixLength = 24;
    Mode mode = Mode::Proxy;
    QHostAddress poolStart;              // full mode
    QHostAddress poolEnd;
    QHostAddress router;
    [[nodiscard]] bool isValid() const { return !interfaceName.isEmpty() && !address.isNull() && mode != Mode::None; }
};

// Interfaces of this machine (QNetworkInterface + default routes from /proc/net/route).
QList<InterfaceInfo> scan();
// "Iface\tDestination\tGateway..." → interface name → default gateway.
QHash<QString, QHostAddress> parseDefaultGateways(const QByteArray &procNetRoute);
bool isWireless(const InterfaceInfo &i);
bool isVirtualAdapter(const InterfaceInfo &i);
// Translated warning for interfaces that should not serve a lab (empty if none).
QString warning(const InterfaceInfo &i);
// What the DHCP engine saw: the interface its foreign-server monitor watches ("" = none) and the
// other DHCP/PXE servers it heard there (DhcpService::foreignServers()).
struct DhcpObservation
{
    QString watchedInterface;
    QList<ForeignDhcpServer> servers;
};
// Servers seen answering on the interface decide first (one handing out addresses: proxy);
// otherwise the routing table and the addresses. A second netboot server is named in the reason.
Recommendation recommend(const InterfaceInfo &i, const DhcpObservation &seen = {});
// The first usable IPv4 address of the interface (not link-local unless it is the only one).
InterfaceAddress primaryAddress(const InterfaceInfo &i);
Plan propose(const InterfaceInfo &i, Mode mode);
// Writes the plan into the services of `config` (DHCP, TFTP, HTTP, consoles on the interface,
// standard Pi ports 67/69/4011, no reply-to-source; pool in full mode).
void apply(LabConfig &config, const Plan &plan);
// Human-readable list of what apply() changes (translated).
QStringList describe(const LabConfig &before, const Plan &plan);

QString modeName(Mode m);               // "proxy", "full", ""
Mode modeFromName(const QString &name);

} // namespace setupplan
