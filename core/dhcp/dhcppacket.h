#pragma once

#include "common/macaddress.h"
#include "dhcpoptions.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <vector>

namespace dhcp {

// One option as carried by a packet. Options that occur several times on the wire are
// concatenated into one entry (RFC 3396), so `data` may be longer than 255 bytes.
struct Option
{
    quint8 code = 0;
    QByteArray data;
    friend bool operator==(const Option &a, const Option &b) { return a.code == b.code && a.data == b.data; }
};

// A BOOTP/DHCP message. Addresses are IPv4 in host byte order (0 = unset).
struct Packet
{
    quint8 op = 0;                  // 1 = BOOTREQUEST, 2 = BOOTREPLY
    quint8 htype = 1;               // 1 = Ethernet
    quint8 hlen = 6;
    quint8 hops = 0;
    quint32 xid = 0;
    quint16 secs = 0;
    quint16 flags = 0;
    quint32 ciaddr = 0;
    quint32 yiaddr = 0;
    quint32 siaddr = 0;
    quint32 giaddr = 0;
    QByteArray chaddr;              // up to 16 bytes (padded with zeros on the wire)
    QByteArray sname;               // server host name field without trailing NULs (max 64)
    QByteArray file;                // boot file field without trailing NULs (max 128)
    std::vector<Option> options;    // wire order of first appearance, without Pad/End/Overload
    quint8 overloaded = 0;          // option 52 seen while parsing: options came from file/sname too

    [[nodiscard]] const Option *find(quint8 code) const;
    [[nodiscard]] bool has(quint8 code) const { return find(code) != nullptr; }
    [[nodiscard]] QByteArray option(quint8 code) const;       // empty if absent
    // Replaces (or appends) an option; an empty `data` is still sent (zero-length option).
    void setOption(quint8 code, const QByteArray &data);
    void setOption8(quint8 code, quint8 value) { setOption(code, QByteArray(1, char(value))); }
    void setOption16(quint8 code, quint16 value);
    void setOption32(quint8 code, quint32 value);
    void setOptionAddress(quint8 code, quint32 address) { setOption32(code, address); }
    void removeOption(quint8 code);

    [[nodiscard]] MessageType messageType() const;
    [[nodiscard]] bool isBroadcast() const { return flags & BroadcastFlag; }
    // The client's Ethernet address (invalid unless htype 1 / hlen 6).
    [[nodiscard]] MacAddress mac() const;
    // Option 50/54 as an address, 0 if absent.
    [[nodiscard]] quint32 optionAddress(quint8 code) const;
    [[nodiscard]] quint32 optionUInt32(quint8 code, quint32 fallback = 0) const;
    [[nodiscard]] int optionUInt16(quint8 code, int fallback = -1) const;
};

// Why a datagram was rejected. The names are stable (counters, logs).
enum class ParseError {
    None,
    TooShort,             // shorter than the fixed header + magic cookie
    Oversize,             // longer than MaxPacketSize
    BadOp,                // op neither 1 nor 2
    BadHardwareLength,    // hlen > 16
    NoMagicCookie,        // plain BOOTP or garbage
    TruncatedOption,      // an option's length runs past the end of its area
    Unterminated,         // options area without End option
    BadOverload,          // option 52 malformed, repeated inside an overloaded field, or fields not terminated
    NoMessageType,        // no option 53 (BOOTP): not served
    BadMessageType,       // option 53 of the wrong length or unknown value
    BadOptionLength,      // a fixed-size option (50, 51, 54, 57, 58, 59, 61, 93) of the wrong size
};

QString parseErrorName(ParseError error);   // "too-short", "bad-option-length", ...

struct ParseResult
{
    ParseError error = ParseError::None;
    QString detail;                          // one English line for the debug log
    [[nodiscard]] bool ok() const { return error == ParseError::None; }
};

// Parses one UDP payload. Never reads outside `data`; every rejection has a reason.
ParseResult parsePacket(const QByteArray &data, Packet *out);

struct SerializeOptions
{
    int maxSize = DefaultMaxMessageSize;     // the client's option 57, at least 576
    int minSize = MinReplySize;              // zero-padded up to this size
    bool allowOverload = true;               // spill options into file/sname (option 52) if needed
};

// Encodes a packet: header, cookie, options (split into 255-byte pieces, RFC 3396), End, padding.
// If the options do not fit in `maxSize` they overflow into the unused file/sname fields with
// option 52. Returns an empty array (and sets *error) if the packet cannot be encoded.
QByteArray serializePacket(const Packet &packet, const SerializeOptions &options = {}, QString *error = nullptr);

// Helpers for address conversions.
inline QHostAddress toHostAddress(quint32 ip) { return QHostAddress(ip); }
QString ipToString(quint32 ip);                 // "10.77.0.1"
QByteArray ipToBytes(quint32 ip);               // 4 bytes, network order
quint32 ipFromBytes(const char *bytes);         // 4 bytes, network order

} // namespace dhcp
