#pragma once

#include <QtGlobal>

// DHCP/BOOTP constants (RFC 2131, 2132, 3004, 3046, 3396, 4578; PXE 2.1).
namespace dhcp {

enum class MessageType : quint8 {
    None = 0,   // plain BOOTP (no option 53)
    Discover = 1,
    Offer = 2,
    Request = 3,
    Decline = 4,
    Ack = 5,
    Nak = 6,
    Release = 7,
    Inform = 8,
};

// "DISCOVER", "OFFER", ... for logs and the journal.
const char *messageTypeName(MessageType type);

namespace opt {
inline constexpr quint8 Pad = 0;
inline constexpr quint8 SubnetMask = 1;
inline constexpr quint8 Router = 3;
inline constexpr quint8 DnsServers = 6;
inline constexpr quint8 HostName = 12;
inline constexpr quint8 DomainName = 15;
inline constexpr quint8 BroadcastAddress = 28;
inline constexpr quint8 NtpServers = 42;
inline constexpr quint8 VendorSpecific = 43;       // PXE sub-options
inline constexpr quint8 RequestedIp = 50;
inline constexpr quint8 LeaseTime = 51;
inline constexpr quint8 Overload = 52;
inline constexpr quint8 MessageType = 53;
inline constexpr quint8 ServerId = 54;
inline constexpr quint8 ParameterList = 55;
inline constexpr quint8 Message = 56;
inline constexpr quint8 MaxMessageSize = 57;
inline constexpr quint8 RenewalTime = 58;          // T1
inline constexpr quint8 RebindingTime = 59;        // T2
inline constexpr quint8 VendorClass = 60;
inline constexpr quint8 ClientId = 61;
inline constexpr quint8 TftpServerName = 66;
inline constexpr quint8 BootFileName = 67;
inline constexpr quint8 UserClass = 77;
inline constexpr quint8 RelayAgentInfo = 82;
inline constexpr quint8 ClientArch = 93;
inline constexpr quint8 ClientNdi = 94;
inline constexpr quint8 ClientGuid = 97;
inline constexpr quint8 DomainSearch = 119;
inline constexpr quint8 IpxeEncap = 175;
inline constexpr quint8 End = 255;
} // namespace opt

// Option 52 values.
namespace overload {
inline constexpr quint8 File = 1;
inline constexpr quint8 Sname = 2;
inline constexpr quint8 Both = 3;
} // namespace overload

// Option 43 sub-options of PXE clients/servers.
namespace pxe {
inline constexpr quint8 DiscoveryControl = 6;
inline constexpr quint8 BootServers = 8;
inline constexpr quint8 BootMenu = 9;
inline constexpr quint8 MenuPrompt = 10;
inline constexpr quint8 BootItem = 71;
} // namespace pxe

inline constexpr quint16 ServerPort = 67;
inline constexpr quint16 ClientPort = 68;
inline constexpr quint16 PxePort = 4011;
inline constexpr quint16 BroadcastFlag = 0x8000;
inline constexpr quint32 MagicCookie = 0x63825363;
inline constexpr int HeaderSize = 236;             // fixed BOOTP header before the cookie
inline constexpr int MinPacketSize = HeaderSize + 4;
inline constexpr int MinReplySize = 300;           // RFC 1542: pad BOOTP messages to 300 bytes
inline constexpr int DefaultMaxMessageSize = 576;  // RFC 2131 minimum every client accepts
inline constexpr int MaxPacketSize = 4096;         // larger datagrams are rejected as oversize

} // namespace dhcp
