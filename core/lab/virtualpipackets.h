#pragma once

#include "common/macaddress.h"
#include "dhcp/dhcppacket.h"

#include <QByteArray>
#include <QString>

// The DHCP packets a Raspberry Pi 4 puts on the wire during a network boot, byte for byte as in
// ../shared/reference/netboot.md: the EEPROM bootloader (1.1), its UEFI firmware's PXE client
// (2.3, AAVMF layout, arch 11) and iPXE (2.3, 2.5). Pure functions: the virtual Pi (VirtualPi)
// sends them, the conformance test compares them with the scapy-built reference packets.
namespace vpi {

// Who the virtual Pi is: what its EEPROM and firmware put into the packets.
struct Identity
{
    MacAddress mac;
    quint32 serial = 0;              // the low 32 bits of the board serial (TFTP prefix, option 97)
    quint32 boardRevision = 0x00c03111;   // Pi 4B 4 GB rev 1.1 (option 97, little-endian like the serial)
    QByteArray uuid;                 // 16 bytes: the SMBIOS system UUID the UEFI firmware sends in option 97
};

// 8 lower-case hex digits, the Pi's default TFTP prefix (TFTP_PREFIX=0).
QString serialPrefix(quint32 serial);
// The UEFI firmware's system UUID for a Pi: derived from its serial and MAC (pftf/RPi4 builds it
// from the board serial, so it is stable per board).
QByteArray firmwareUuid(const Identity &id);

// Option 97 of the bootloader (pieeprom >= 2020-03-19): 00 "RPi4" revision(LE) MAC[2..5] serial(LE).
QByteArray bootloaderGuid(const Identity &id);

// Bootloader DISCOVER: flags 0, options 53, 55 (1 3 43 60 66 67 128-135), 93 = 00 00, 94 = 01 02 01,
// 97, 60 = "PXEClient:Arch:00000:UNDI:002001". No padding (322 bytes).
dhcp::Packet bootloaderDiscover(const Identity &id, quint32 xid);
// Bootloader REQUEST for `address` from `server` (option 54): the same without option 60
// (rpi-eeprom#82/#87), with 50 and 54.
dhcp::Packet bootloaderRequest(const Identity &id, quint32 xid, quint32 address, quint32 server);

// UEFI PXE (EDK2 PxeBcDxe, AAVMF layout): broadcast flag, 53, 57 = 1472, 55 (35 codes), 93 = arch,
// 94 = 01 03 00, 97 = 00 + UUID, 60 = "PXEClient:Arch:<arch>:UNDI:003000".
dhcp::Packet uefiDiscover(const Identity &id, quint32 xid, quint16 arch = 11);
// The REQUEST to the boot server's port 4011 after a proxy offer without a boot server menu:
// ciaddr = the client's address, the same client options.
dhcp::Packet uefiBootServerRequest(const Identity &id, quint32 xid, quint32 ciaddr, quint16 arch = 11);

// iPXE (snp.efi on arm64): the UEFI layout with UNDI 003010, 94 = 01 03 0a, 61 = 01 + MAC,
// 77 = "iPXE" (raw), 175 (version 1.0.0 and the features of Debian's build: DNS, HTTP, TFTP, EFI, menu),
// PRL + 119, 175, 203.
dhcp::Packet ipxeDiscover(const Identity &id, quint32 xid, quint16 arch = 11, const QByteArray &userClass = QByteArrayLiteral("iPXE"));
// iPXE's ProxyDHCP REQUEST to port 4011 (ciaddr set).
dhcp::Packet ipxeProxyRequest(const Identity &id, quint32 xid, quint32 ciaddr, quint16 arch = 11,
                              const QByteArray &userClass = QByteArrayLiteral("iPXE"));

// Serialises a client packet as the firmware does (no padding to 300 bytes).
QByteArray encode(const dhcp::Packet &packet);

// What a client takes from a reply (OFFER / ACK), with its source for the TFTP server address.
struct Reply
{
    bool ok = false;
    QString error;                   // why it is not usable
    dhcp::MessageType type = dhcp::MessageType::None;
    quint32 xid = 0;
    quint32 yiaddr = 0;
    quint32 serverId = 0;            // option 54
    quint32 siaddr = 0;
    QString tftpServer;              // option 66 (text), may be a name or dotted quad
    QString bootFile;                // option 67, else the file field
    QByteArray vendorClass;          // option 60
    QByteArray option43;
    bool hasPiMenu = false;          // option 43 carries a boot menu (sub 9) - what the Pi bootloader needs
    QByteArray guid;                 // option 97 echoed
};
// Parses a reply for `mac` and `xid`; replies for someone else, or malformed, are not ok.
Reply parseReply(const QByteArray &datagram, const MacAddress &mac, quint32 xid);
// The TFTP server a Pi bootloader uses: option 66 if it is an address, else siaddr, else option 54
// (reference 1.2: dnsmasq's proxy sends neither 66 nor siaddr, and the Pi 4 still boots).
quint32 tftpServerFor(const Reply &reply);

// The netconsole= kernel argument (Documentation/networking/netconsole.rst) of a command line:
// [+][r][src-port]@[src-ip]/[dev],[tgt-port]@<tgt-ip>/[tgt-mac]. ok = false if absent or invalid.
struct Netconsole
{
    bool ok = false;
    bool extended = false;
    quint16 localPort = 6665;
    QHostAddress target;
    quint16 targetPort = 6666;
};
Netconsole parseNetconsole(const QString &commandLine);

} // namespace vpi
