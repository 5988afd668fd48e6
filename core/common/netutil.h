#pragma once

#include <QHostAddress>
#include <QString>

namespace netutil {

// The IPv4 address to bind for a (interface, address) pair from the config:
//  - address set (not 0.0.0.0): that address (the interface, if given, must carry it);
//  - address 0.0.0.0 and interface given: the interface's first IPv4 address;
//  - neither: 0.0.0.0.
// Returns a null address and sets *error if the interface is unknown or has no such address.
QHostAddress resolveBindAddress(const QString &interfaceName, const QHostAddress &address, QString *error);

// Interface index by name (0 if unknown).
int interfaceIndex(const QString &interfaceName);

// True for 127.0.0.0/8.
bool isLoopback(const QHostAddress &address);

} // namespace netutil
