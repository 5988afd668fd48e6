#pragma once

#include "common/macaddress.h"

#include <QHostAddress>
#include <QString>

// The netconsole= kernel parameter for a device that opted in (DeviceConfig::netconsole):
//   netconsole=[+][r][src-port]@[src-ip]/[dev],[tgt-port]@<tgt-ip>/[tgt-mac]
// (Documentation/networking/netconsole.rst). An empty source IP means "the interface's
// address"; an empty target MAC means broadcast, so give ours when known. Only works when the
// kernel has netconsole built in (CONFIG_NETCONSOLE=y); as a module it needs configfs instead.
namespace console {

struct NetconsoleTarget
{
    bool extended = true;          // '+': sequence numbers, levels, fragment reassembly
    bool release = false;          // 'r': prepend the kernel release (kernel >= 6.5, extended only)
    quint16 localPort = 6665;
    QHostAddress localIp;          // empty: the interface's address at init time
    QString device;                // empty: eth0
    quint16 remotePort = 6666;
    QHostAddress remoteIp;         // required (IPv4)
    MacAddress remoteMac;          // optional; broadcast when invalid
};

// Empty if remoteIp is not a usable IPv4 address or the device name is invalid.
QString netconsoleArgument(const NetconsoleTarget &target);

// The MAC of the local interface that holds `address` (for remoteMac); invalid if none.
MacAddress interfaceMacFor(const QHostAddress &address);

} // namespace console
