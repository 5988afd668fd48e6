#include "pxeoptions.h"

#include <QtEndian>

namespace dhcp {

namespace {

bool setError(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

bool parseMenu(const QByteArray &d, QList<PxeMenuItem> *out, QString *error)
{
    int i = 0;
    while (i < d.size()) {
        if (i + 3 > d.size())
            return setError(error, QStringLiteral("boot menu entry truncated at offset %1").arg(i));
        const int len = quint8(d.at(i + 2));
        if (i + 3 + len > d.size())
            return setError(error, QStringLiteral("boot menu text of %1 bytes runs past the sub-option").arg(len));
        out->append(PxeMenuItem{qFromBigEndian<quint16>(d.constData() + i), d.mid(i + 3, len)});
        i += 3 + len;
    }
    return true;
}

bool parseServers(const QByteArray &d, QList<PxeBootServer> *out, QString *error)
{
    int i = 0;
    while (i < d.size()) {
        if (i + 3 > d.size())
            return setError(error, QStringLiteral("boot server entry truncated at offset %1").arg(i));
        const int count = quint8(d.at(i + 2));
        if (i + 3 + 4 * count > d.size())
            return setError(error, QStringLiteral("boot server list of %1 addresses runs past the sub-option").arg(count));
        PxeBootServer s;
        s.type = qFromBigEndian<quint16>(d.constData() + i);
        for (int k = 0; k < count; ++k)
            s.addresses.append(ipFromBytes(d.constData() + i + 3 + 4 * k));
        out->append(s);
        i += 3 + 4 * count;
    }
    return true;
}

void put(QByteArray &out, quint8 code, const QByteArray &data)
{
    out.append(char(code));
    out.append(char(data.size()));
    out.append(data);
}

QByteArray be16(quint16 v)
{
    QByteArray b(2, '\0');
    qToBigEndian(v, b.data());
    return b;
}

} // namespace

bool parsePxeVendorOptions(const QByteArray &data, PxeVendorOptions *out, QString *error)
{
    PxeVendorOptions r;
    int i = 0;
    const int n = int(data.size());
    while (i < n) {
        const auto code = quint8(data.at(i));
        if (code == opt::Pad) {
            ++i;
            continue;
        }
        if (code == opt::End)
            break;
        if (i + 1 >= n)
            return setError(error, QStringLiteral("sub-option %1 has no length byte").arg(code));
        const int len = quint8(data.at(i + 1));
        if (i + 2 + len > n)
            return setError(error, QStringLiteral("sub-option %1 claims %2 bytes, %3 left").arg(code).arg(len).arg(n - i - 2));
        const QByteArray d = data.mid(i + 2, len);
        switch (code) {
        case pxe::DiscoveryControl:
            if (len != 1)
                return setError(error, QStringLiteral("discovery control of %1 bytes").arg(len));
            r.discoveryControl = quint8(d.at(0));
            break;
        case pxe::MenuPrompt:
            if (len < 1)
                return setError(error, QStringLiteral("empty menu prompt"));
            r.prompt = PxeMenuPrompt{quint8(d.at(0)), d.mid(1)};
            break;
        case pxe::BootMenu:
            if (!parseMenu(d, &r.menu, error))
                return false;
            break;
        case pxe::BootServers:
            if (!parseServers(d, &r.bootServers, error))
                return false;
            break;
        case pxe::BootItem:
            if (len != 4)
                return setError(error, QStringLiteral("boot item of %1 bytes").arg(len));
            r.bootItem = PxeBootItem{qFromBigEndian<quint16>(d.constData()), qFromBigEndian<quint16>(d.constData() + 2)};
            break;
        default:
            r.other.push_back(Option{code, d});
            break;
        }
        i += 2 + len;
    }
    *out = r;
    return true;
}

QByteArray serializePxeVendorOptions(const PxeVendorOptions &o, QString *error)
{
    QByteArray out;
    if (o.discoveryControl)
        put(out, pxe::DiscoveryControl, QByteArray(1, char(*o.discoveryControl)));
    if (o.prompt) {
        if (o.prompt->text.size() > 254) {
            setError(error, QStringLiteral("menu prompt too long"));
            return {};
        }
        put(out, pxe::MenuPrompt, QByteArray(1, char(o.prompt->timeout)) + o.prompt->text);
    }
    if (!o.bootServers.isEmpty()) {
        QByteArray d;
        for (const PxeBootServer &s : o.bootServers) {
            if (s.addresses.size() > 255) {
                setError(error, QStringLiteral("too many boot server addresses"));
                return {};
            }
            d += be16(s.type);
            d.append(char(s.addresses.size()));
            for (quint32 a : s.addresses)
                d += ipToBytes(a);
        }
        if (d.size() > 255) {
            setError(error, QStringLiteral("boot server list exceeds 255 bytes"));
            return {};
        }
        put(out, pxe::BootServers, d);
    }
    if (!o.menu.isEmpty()) {
        QByteArray d;
        for (const PxeMenuItem &m : o.menu) {
            if (m.description.size() > 255) {
                setError(error, QStringLiteral("boot menu text too long"));
                return {};
            }
            d += be16(m.type);
            d.append(char(m.description.size()));
            d += m.description;
        }
        // dnsmasq caps the menu at 253 bytes so that option 43 itself stays within 255.
        if (d.size() > 253) {
            setError(error, QStringLiteral("boot menu exceeds 253 bytes"));
            return {};
        }
        put(out, pxe::BootMenu, d);
    }
    if (o.bootItem)
        put(out, pxe::BootItem, be16(o.bootItem->type) + be16(o.bootItem->layer));
    for (const Option &x : o.other) {
        if (x.data.size() > 255) {
            setError(error, QStringLiteral("sub-option %1 too long").arg(x.code));
            return {};
        }
        put(out, x.code, x.data);
    }
    out.append(char(opt::End));
    return out;
}

PxeVendorOptions raspberryPiBootMenu()
{
    PxeVendorOptions o;
    o.discoveryControl = 3;                                    // no broadcast, no multicast discovery
    o.prompt = PxeMenuPrompt{0, QByteArrayLiteral("PXE")};     // one item: boot it at once
    o.menu.append(PxeMenuItem{0, QByteArrayLiteral("Raspberry Pi Boot")});
    return o;
}

PxeVendorOptions directBootFile()
{
    PxeVendorOptions o;
    o.discoveryControl = 8;
    return o;
}

} // namespace dhcp
