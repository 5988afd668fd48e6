#include "netconsoleparam.h"

#include <QNetworkInterface>
#include <QRegularExpression>

namespace console {

QString netconsoleArgument(const NetconsoleTarget &t)
{
    if (t.remoteIp.isNull() || t.remoteIp.protocol() != QAbstractSocket::IPv4Protocol
        || t.remoteIp == QHostAddress(QHostAddress::AnyIPv4) || t.remotePort == 0)
        return {};
    static const QRegularExpression devRe(QStringLiteral("^[A-Za-z0-9_.-]{1,15}$"));
    if (!t.device.isEmpty() && !devRe.match(t.device).hasMatch())
        return {};
    QString arg = QStringLiteral("netconsole=");
    if (t.extended)
        arg += QLatin1Char('+');
    if (t.release && t.extended)
        arg += QLatin1Char('r');
    if (t.localPort)
        arg += QString::number(t.localPort);
    arg += QLatin1Char('@');
    if (!t.localIp.isNull() && t.localIp.protocol() == QAbstractSocket::IPv4Protocol)
        arg += t.localIp.toString();
    arg += QLatin1Char('/') + t.device + QLatin1Char(',') + QString::number(t.remotePort) + QLatin1Char('@')
        + t.remoteIp.toString() + QLatin1Char('/');
    if (t.remoteMac.isValid())
        arg += t.remoteMac.toString();
    return arg;
}

MacAddress interfaceMacFor(const QHostAddress &address)
{
    if (address.isNull() || address.isLoopback())
        return {};
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &nif : interfaces) {
        for (const QNetworkAddressEntry &e : nif.addressEntries())
            if (e.ip() == address)
                return MacAddress::parse(nif.hardwareAddress()).value_or(MacAddress());
    }
    return {};
}

} // namespace console
