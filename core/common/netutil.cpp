#include "netutil.h"

#include <QNetworkInterface>

namespace netutil {

QHostAddress resolveBindAddress(const QString &interfaceName, const QHostAddress &address, QString *error)
{
    const bool anyAddress = address.isNull() || address == QHostAddress(QHostAddress::AnyIPv4);
    if (interfaceName.isEmpty())
        return anyAddress ? QHostAddress(QHostAddress::AnyIPv4) : address;
    const QNetworkInterface iface = QNetworkInterface::interfaceFromName(interfaceName);
    if (!iface.isValid()) {
        if (error)
            *error = QStringLiteral("no network interface named '%1'").arg(interfaceName);
        return {};
    }
    const auto entries = iface.addressEntries();
    for (const QNetworkAddressEntry &e : entries) {
        if (e.ip().protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        if (anyAddress || e.ip() == address)
            return e.ip();
    }
    if (error)
        *error = anyAddress ? QStringLiteral("interface '%1' has no IPv4 address").arg(interfaceName)
                            : QStringLiteral("interface '%1' does not carry %2").arg(interfaceName, address.toString());
    return {};
}

int interfaceIndex(const QString &interfaceName)
{
    return QNetworkInterface::interfaceIndexFromName(interfaceName);
}

bool isLoopback(const QHostAddress &address)
{
    return address.isLoopback();
}

} // namespace netutil
