#pragma once

#include "common/macaddress.h"

#include <QByteArray>
#include <QHostAddress>

// The kernel's IPv4 neighbour table (/proc/net/arp on Linux): maps a client IP to its MAC when
// neither the DHCP service nor the registry knows it (proxy-DHCP labs, static TFTP_IP Pis).
namespace arptable {

// Complete entries only (flags != 0, non-zero MAC). Invalid MacAddress if not found.
MacAddress parse(const QByteArray &procNetArp, const QHostAddress &ip);
// Reads /proc/net/arp of the calling thread's network namespace; invalid if unavailable.
MacAddress lookup(const QHostAddress &ip);

} // namespace arptable
