#pragma once

// A BOOTP/DHCP and TFTP RRQ reader for conformance tests, written from RFC 2131/2132 and RFC
// 1350/2347 and independent of Metal Boot's codecs (core/dhcp, core/tftp): what a packet really
// holds, byte for byte, including option order and padding.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QtEndian>

namespace rawbootp {

struct Dhcp
{
    bool ok = false;
    quint8 op = 0;
    quint32 xid = 0;
    quint16 flags = 0;
    quint32 ciaddr = 0;
    QByteArray chaddr;                       // 6 bytes
    QList<QPair<int, QByteArray>> options;   // in wire order; PAD (0) recorded as {0, {}}
    bool endSeen = false;
    int trailing = 0;                        // bytes after option 255
    [[nodiscard]] bool has(int code) const
    {
        for (const auto &o : options)
            if (o.first == code)
                return true;
        return false;
    }
    [[nodiscard]] QByteArray value(int code) const
    {
        for (const auto &o : options)
            if (o.first == code)
                return o.second;
        return {};
    }
    [[nodiscard]] QList<int> codes() const
    {
        QList<int> out;
        for (const auto &o : options)
            out << o.first;
        return out;
    }
};

inline Dhcp parseDhcp(const QByteArray &b)
{
    Dhcp d;
    if (b.size() < 240 || quint8(b[236]) != 0x63 || quint8(b[237]) != 0x82 || quint8(b[238]) != 0x53 || quint8(b[239]) != 0x63)
        return d;
    const auto *u = reinterpret_cast<const uchar *>(b.constData());
    d.op = u[0];
    d.xid = qFromBigEndian<quint32>(u + 4);
    d.flags = qFromBigEndian<quint16>(u + 10);
    d.ciaddr = qFromBigEndian<quint32>(u + 12);
    d.chaddr = b.mid(28, 6);
    int i = 240;
    while (i < b.size()) {
        const int code = u[i];
        if (code == 255) {
            d.endSeen = true;
            d.trailing = int(b.size()) - i - 1;
            break;
        }
        if (code == 0) {
            d.options.append(qMakePair(0, QByteArray()));
            ++i;
            continue;
        }
        if (i + 1 >= b.size() || i + 2 + u[i + 1] > b.size())
            return d;
        d.options.append(qMakePair(code, b.mid(i + 2, u[i + 1])));
        i += 2 + u[i + 1];
    }
    d.ok = d.endSeen;
    return d;
}

// A TFTP RRQ: file, mode and options (name lower-cased, value) in wire order.
struct Rrq
{
    bool ok = false;
    QByteArray file;
    QByteArray mode;
    QList<QPair<QByteArray, QByteArray>> options;
};

inline Rrq parseRrq(const QByteArray &b)
{
    Rrq r;
    if (b.size() < 4 || quint8(b[0]) != 0 || quint8(b[1]) != 1 || !b.endsWith('\0'))
        return r;
    const QList<QByteArray> parts = b.mid(2, b.size() - 3).split('\0');
    if (parts.size() < 2 || parts.size() % 2 != 0)
        return r;
    r.file = parts.at(0);
    r.mode = parts.at(1);
    for (int i = 2; i + 1 < parts.size(); i += 2)
        r.options.append(qMakePair(parts.at(i).toLower(), parts.at(i + 1)));
    r.ok = true;
    return r;
}

} // namespace rawbootp
