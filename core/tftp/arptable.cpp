#include "arptable.h"

#include <QFile>

namespace arptable {

MacAddress parse(const QByteArray &procNetArp, const QHostAddress &ip)
{
    if (ip.protocol() != QAbstractSocket::IPv4Protocol)
        return {};
    const QByteArray wanted = ip.toString().toLatin1();
    const QList<QByteArray> lines = procNetArp.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {   // line 0 is the header
        const QList<QByteArray> f = lines.at(i).simplified().split(' ');
        // IP address, HW type, Flags, HW address, Mask, Device
        if (f.size() < 4 || f.at(0) != wanted)
            continue;
        bool ok = false;
        const int flags = f.at(2).toInt(&ok, 16);
        if (!ok || flags == 0)
            continue;
        const auto mac = MacAddress::parse(QString::fromLatin1(f.at(3)));
        if (mac && mac->toBytes() != QByteArray(6, '\0'))
            return *mac;
    }
    return {};
}

MacAddress lookup(const QHostAddress &ip)
{
#ifdef Q_OS_LINUX
    QFile f(QStringLiteral("/proc/net/arp"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return parse(f.read(1 << 20), ip);
#else
    Q_UNUSED(ip)
    return {};
#endif
}

} // namespace arptable
