#pragma once

#include "bootdecision.h"
#include "dhcppacket.h"

#include <QList>
#include <QStringList>

// Building replies: pure functions from a request (and decisions) to a reply packet.
namespace dhcp {

// What a lease reply carries besides the boot information.
struct LeaseOptions
{
    quint32 address = 0;          // yiaddr
    quint32 leaseSeconds = 0;     // 0 = no lease options (INFORM)
    quint32 netmask = 0;
    quint32 router = 0;
    QList<quint32> dnsServers;
    QList<quint32> ntpServers;
    QByteArray hostName;          // option 12, empty = none
    QByteArray domain;            // option 15
    QStringList searchDomains;    // option 119
};

// Op 2 reply to `request`: same xid/htype/hlen/chaddr/flags/giaddr, options 53 and 54.
Packet beginReply(const Packet &request, MessageType type, quint32 serverId);
// yiaddr, 51, 58 (T1 = 1/2), 59 (T2 = 7/8), 1, 3, 6, 12, 15, 28, 42, 119.
void addLeaseOptions(Packet &reply, const LeaseOptions &lease);
// siaddr; sname + 66 (our address) when the decision announces TFTP; file + 67; 60; 97 echoed; 43.
void addBootOptions(Packet &reply, const BootDecision &boot, const Packet &request, quint32 serverIp);
// Echoes the relay agent information (82) last, as RFC 3046 asks.
void finishReply(Packet &reply, const Packet &request);

// RFC 3397 (option 119) encoding without compression; false if a name is not a valid DNS name.
bool encodeDomainSearch(const QStringList &domains, QByteArray *out);

// A complete proxyDHCP reply (port 67 OFFER, or ACK on port 4011 / to a REQUEST naming us): no
// yiaddr; for DISCOVERs the broadcast flag is set and ciaddr cleared, as dnsmasq does.
Packet buildProxyReply(const Packet &request, MessageType type, const BootDecision &boot, quint32 serverIp);

// Where a reply goes (RFC 2131 4.1).
struct Destination
{
    enum class Kind { Relay, Client, Broadcast, NewAddress };
    Kind kind = Kind::Broadcast;
    quint32 address = 0xffffffff;
    quint16 port = ClientPort;
};
Destination replyDestination(const Packet &request, const Packet &reply, quint16 serverPort, quint16 clientPort);

} // namespace dhcp
