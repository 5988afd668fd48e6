#pragma once

#include "dhcppacket.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace dhcp {

// Option 43 of a PXE exchange (PXE 2.1 spec, table 2-1), decoded.
struct PxeMenuItem
{
    quint16 type = 0;          // boot server type; 0 = PXE bootstrap server
    QByteArray description;
    friend bool operator==(const PxeMenuItem &a, const PxeMenuItem &b) { return a.type == b.type && a.description == b.description; }
};

struct PxeBootServer
{
    quint16 type = 0;
    QList<quint32> addresses;  // host order
    friend bool operator==(const PxeBootServer &a, const PxeBootServer &b) { return a.type == b.type && a.addresses == b.addresses; }
};

struct PxeMenuPrompt
{
    quint8 timeout = 0;        // seconds; 0 = take the first item now, 255 = wait for the user
    QByteArray text;
    friend bool operator==(const PxeMenuPrompt &a, const PxeMenuPrompt &b) { return a.timeout == b.timeout && a.text == b.text; }
};

struct PxeBootItem
{
    quint16 type = 0;
    quint16 layer = 0;         // bit 15 = BIS credentials requested
    friend bool operator==(const PxeBootItem &a, const PxeBootItem &b) { return a.type == b.type && a.layer == b.layer; }
};

struct PxeVendorOptions
{
    std::optional<quint8> discoveryControl;      // sub 6
    std::optional<PxeMenuPrompt> prompt;         // sub 10
    QList<PxeBootServer> bootServers;            // sub 8
    QList<PxeMenuItem> menu;                     // sub 9
    std::optional<PxeBootItem> bootItem;         // sub 71
    std::vector<Option> other;                   // anything else, kept verbatim

    friend bool operator==(const PxeVendorOptions &a, const PxeVendorOptions &b)
    {
        return a.discoveryControl == b.discoveryControl && a.prompt == b.prompt && a.bootServers == b.bootServers
            && a.menu == b.menu && a.bootItem == b.bootItem && a.other == b.other;
    }
};

// Decodes option 43 as sent by PXE clients (sub 71) or servers. False + *error on any bounds or
// length violation (a sub-option running past the end, a menu entry longer than its container...).
bool parsePxeVendorOptions(const QByteArray &data, PxeVendorOptions *out, QString *error = nullptr);

// Encodes in dnsmasq's order: 6, 10, 8, 9, 71, others, End. Returns an empty array (and sets
// *error) if a sub-option would exceed 255 bytes.
QByteArray serializePxeVendorOptions(const PxeVendorOptions &options, QString *error = nullptr);

// The Raspberry Pi 4 menu: byte-identical to dnsmasq's `pxe-service=0,"Raspberry Pi Boot"`:
// 06 01 03 | 0a 04 00 'PXE' | 09 14 00 00 11 'Raspberry Pi Boot' | ff
PxeVendorOptions raspberryPiBootMenu();
// "Boot file is in the offer, download it directly": 06 01 08 | ff (pixiecore, smee).
PxeVendorOptions directBootFile();

} // namespace dhcp
