#include "dhcppacket.h"

#include <QtEndian>

#include <array>

namespace dhcp {

const char *messageTypeName(MessageType type)
{
    switch (type) {
    case MessageType::None: return "BOOTP";
    case MessageType::Discover: return "DISCOVER";
    case MessageType::Offer: return "OFFER";
    case MessageType::Request: return "REQUEST";
    case MessageType::Decline: return "DECLINE";
    case MessageType::Ack: return "ACK";
    case MessageType::Nak: return "NAK";
    case MessageType::Release: return "RELEASE";
    case MessageType::Inform: return "INFORM";
    }
    return "?";
}

QString parseErrorName(ParseError error)
{
    switch (error) {
    case ParseError::None: return QStringLiteral("ok");
    case ParseError::TooShort: return QStringLiteral("too-short");
    case ParseError::Oversize: return QStringLiteral("oversize");
    case ParseError::BadOp: return QStringLiteral("bad-op");
    case ParseError::BadHardwareLength: return QStringLiteral("bad-hardware-length");
    case ParseError::NoMagicCookie: return QStringLiteral("no-magic-cookie");
    case ParseError::TruncatedOption: return QStringLiteral("truncated-option");
    case ParseError::Unterminated: return QStringLiteral("unterminated-options");
    case ParseError::BadOverload: return QStringLiteral("bad-overload");
    case ParseError::NoMessageType: return QStringLiteral("no-message-type");
    case ParseError::BadMessageType: return QStringLiteral("bad-message-type");
    case ParseError::BadOptionLength: return QStringLiteral("bad-option-length");
    }
    return QStringLiteral("unknown");
}

QString ipToString(quint32 ip)
{
    char buf[16];
    char *p = buf;
    for (int shift = 24; shift >= 0; shift -= 8) {
        const unsigned v = (ip >> shift) & 0xff;
        if (v >= 100)
            *p++ = char('0' + v / 100);
        if (v >= 10)
            *p++ = char('0' + v / 10 % 10);
        *p++ = char('0' + v % 10);
        if (shift)
            *p++ = '.';
    }
    return QString::fromLatin1(buf, int(p - buf));
}

QByteArray ipToBytes(quint32 ip)
{
    QByteArray out(4, '\0');
    qToBigEndian(ip, out.data());
    return out;
}

quint32 ipFromBytes(const char *bytes)
{
    return qFromBigEndian<quint32>(bytes);
}

// --- Packet accessors -------------------------------------------------------------------------

const Option *Packet::find(quint8 code) const
{
    for (const Option &o : options)
        if (o.code == code)
            return &o;
    return nullptr;
}

QByteArray Packet::option(quint8 code) const
{
    const Option *o = find(code);
    return o ? o->data : QByteArray();
}

void Packet::setOption(quint8 code, const QByteArray &data)
{
    for (Option &o : options) {
        if (o.code == code) {
            o.data = data;
            return;
        }
    }
    options.push_back(Option{code, data});
}

void Packet::setOption16(quint8 code, quint16 value)
{
    QByteArray b(2, '\0');
    qToBigEndian(value, b.data());
    setOption(code, b);
}

void Packet::setOption32(quint8 code, quint32 value)
{
    QByteArray b(4, '\0');
    qToBigEndian(value, b.data());
    setOption(code, b);
}

void Packet::removeOption(quint8 code)
{
    for (auto it = options.begin(); it != options.end(); ++it) {
        if (it->code == code) {
            options.erase(it);
            return;
        }
    }
}

MessageType Packet::messageType() const
{
    const Option *o = find(opt::MessageType);
    if (!o || o->data.size() != 1)
        return MessageType::None;
    const auto v = quint8(o->data.at(0));
    return v >= 1 && v <= 8 ? MessageType(v) : MessageType::None;
}

MacAddress Packet::mac() const
{
    if (htype != 1 || hlen != 6 || chaddr.size() < 6)
        return {};
    return MacAddress::fromBytes(chaddr.left(6));
}

quint32 Packet::optionAddress(quint8 code) const
{
    const Option *o = find(code);
    return o && o->data.size() == 4 ? ipFromBytes(o->data.constData()) : 0;
}

quint32 Packet::optionUInt32(quint8 code, quint32 fallback) const
{
    const Option *o = find(code);
    return o && o->data.size() == 4 ? ipFromBytes(o->data.constData()) : fallback;
}

int Packet::optionUInt16(quint8 code, int fallback) const
{
    const Option *o = find(code);
    return o && o->data.size() >= 2 ? int(qFromBigEndian<quint16>(o->data.constData())) : fallback;
}

// --- Parsing ----------------------------------------------------------------------------------

namespace {

enum class Area { Main, File, Sname };

const char *areaName(Area a)
{
    switch (a) {
    case Area::Main: return "options";
    case Area::File: return "file field";
    case Area::Sname: return "sname field";
    }
    return "";
}

ParseResult fail(ParseError e, const QString &detail)
{
    return ParseResult{e, detail};
}

void appendOption(std::vector<Option> &options, quint8 code, const char *data, int len)
{
    for (Option &o : options) {
        if (o.code == code) {     // RFC 3396: repeated options are concatenated
            o.data.append(data, len);
            return;
        }
    }
    options.push_back(Option{code, QByteArray(data, len)});
}

ParseResult parseArea(const char *b, int len, Area area, std::vector<Option> &options, quint8 *overloadValue)
{
    int i = 0;
    while (i < len) {
        const auto code = quint8(b[i]);
        if (code == opt::Pad) {
            ++i;
            continue;
        }
        if (code == opt::End)
            return {};
        if (i + 1 >= len)
            return fail(ParseError::TruncatedOption,
                        QStringLiteral("option %1 at offset %2 of the %3 has no length byte").arg(code).arg(i).arg(QLatin1String(areaName(area))));
        const int l = quint8(b[i + 1]);
        if (i + 2 + l > len)
            return fail(ParseError::TruncatedOption, QStringLiteral("option %1 claims %2 bytes, %3 left in the %4")
                                                         .arg(code).arg(l).arg(len - i - 2).arg(QLatin1String(areaName(area))));
        if (code == opt::Overload) {
            if (area != Area::Main)
                return fail(ParseError::BadOverload, QStringLiteral("option 52 inside the %1").arg(QLatin1String(areaName(area))));
            if (*overloadValue != 0)
                return fail(ParseError::BadOverload, QStringLiteral("option 52 repeated"));
            const quint8 v = l == 1 ? quint8(b[i + 2]) : 0;
            if (l != 1 || v < overload::File || v > overload::Both)
                return fail(ParseError::BadOverload, QStringLiteral("option 52 with length %1 / value %2").arg(l).arg(v));
            *overloadValue = v;
        } else {
            appendOption(options, code, b + i + 2, l);
        }
        i += 2 + l;
    }
    if (area == Area::Main)
        return fail(ParseError::Unterminated, QStringLiteral("options not terminated by End (255)"));
    return fail(ParseError::BadOverload, QStringLiteral("overloaded %1 not terminated by End").arg(QLatin1String(areaName(area))));
}

QByteArray stripTrailingNuls(const char *b, int len)
{
    while (len > 0 && b[len - 1] == '\0')
        --len;
    return QByteArray(b, len);
}

bool isFixed(quint8 code, int *expected)
{
    switch (code) {
    case opt::RequestedIp:
    case opt::ServerId:
    case opt::LeaseTime:
    case opt::RenewalTime:
    case opt::RebindingTime:
        *expected = 4;
        return true;
    case opt::MaxMessageSize:
        *expected = 2;
        return true;
    default:
        return false;
    }
}

ParseResult validateOptions(const Packet &p)
{
    const Option *mt = p.find(opt::MessageType);
    if (!mt)
        return fail(ParseError::NoMessageType, QStringLiteral("no option 53 (plain BOOTP is not served)"));
    if (mt->data.size() != 1 || quint8(mt->data.at(0)) < 1 || quint8(mt->data.at(0)) > 8)
        return fail(ParseError::BadMessageType, QStringLiteral("option 53 of length %1 / value %2")
                                                    .arg(mt->data.size()).arg(mt->data.isEmpty() ? -1 : int(quint8(mt->data.at(0)))));
    for (const Option &o : p.options) {
        int expected = 0;
        if (isFixed(o.code, &expected) && o.data.size() != expected)
            return fail(ParseError::BadOptionLength,
                        QStringLiteral("option %1 has %2 bytes, expected %3").arg(o.code).arg(o.data.size()).arg(expected));
        if (o.code == opt::ClientId && o.data.size() < 2)
            return fail(ParseError::BadOptionLength, QStringLiteral("option 61 has %1 bytes, expected at least 2").arg(o.data.size()));
        if (o.code == opt::ClientArch && (o.data.isEmpty() || o.data.size() % 2 != 0))
            return fail(ParseError::BadOptionLength, QStringLiteral("option 93 has %1 bytes, expected a list of 16-bit codes").arg(o.data.size()));
    }
    return {};
}

} // namespace

ParseResult parsePacket(const QByteArray &data, Packet *out)
{
    const int size = int(data.size());
    if (size > MaxPacketSize)
        return fail(ParseError::Oversize, QStringLiteral("%1 bytes (limit %2)").arg(size).arg(MaxPacketSize));
    if (size < MinPacketSize)
        return fail(ParseError::TooShort, QStringLiteral("%1 bytes (need at least %2)").arg(size).arg(MinPacketSize));
    const char *b = data.constData();
    Packet p;
    p.options.reserve(16);
    p.op = quint8(b[0]);
    if (p.op != 1 && p.op != 2)
        return fail(ParseError::BadOp, QStringLiteral("op %1").arg(p.op));
    p.htype = quint8(b[1]);
    p.hlen = quint8(b[2]);
    if (p.hlen > 16)
        return fail(ParseError::BadHardwareLength, QStringLiteral("hlen %1").arg(p.hlen));
    p.hops = quint8(b[3]);
    p.xid = qFromBigEndian<quint32>(b + 4);
    p.secs = qFromBigEndian<quint16>(b + 8);
    p.flags = qFromBigEndian<quint16>(b + 10);
    p.ciaddr = qFromBigEndian<quint32>(b + 12);
    p.yiaddr = qFromBigEndian<quint32>(b + 16);
    p.siaddr = qFromBigEndian<quint32>(b + 20);
    p.giaddr = qFromBigEndian<quint32>(b + 24);
    p.chaddr = QByteArray(b + 28, 16);
    if (qFromBigEndian<quint32>(b + HeaderSize) != MagicCookie)
        return fail(ParseError::NoMagicCookie, QStringLiteral("no DHCP magic cookie"));

    ParseResult r = parseArea(b + MinPacketSize, size - MinPacketSize, Area::Main, p.options, &p.overloaded);
    if (!r.ok())
        return r;
    if (p.overloaded & overload::File) {
        r = parseArea(b + 108, 128, Area::File, p.options, &p.overloaded);
        if (!r.ok())
            return r;
    } else {
        p.file = stripTrailingNuls(b + 108, 128);
    }
    if (p.overloaded & overload::Sname) {
        r = parseArea(b + 44, 64, Area::Sname, p.options, &p.overloaded);
        if (!r.ok())
            return r;
    } else {
        p.sname = stripTrailingNuls(b + 44, 64);
    }
    r = validateOptions(p);
    if (!r.ok())
        return r;
    *out = std::move(p);
    return {};
}

// --- Serialisation ----------------------------------------------------------------------------

namespace {

// Each option as one or more wire pieces (code, len, data); long options are split (RFC 3396).
std::vector<QByteArray> encodeOptions(const std::vector<Option> &options)
{
    std::vector<QByteArray> pieces;
    for (const Option &o : options) {
        if (o.code == opt::Pad || o.code == opt::End || o.code == opt::Overload)
            continue;
        qsizetype pos = 0;
        do {
            const qsizetype n = qMin<qsizetype>(255, o.data.size() - pos);
            QByteArray piece;
            piece.reserve(int(n) + 2);
            piece.append(char(o.code));
            piece.append(char(n));
            piece.append(o.data.constData() + pos, n);
            pieces.push_back(piece);
            pos += n;
        } while (pos < o.data.size());
    }
    return pieces;
}

void putField(char *dst, int fieldSize, const QByteArray &value)
{
    memcpy(dst, value.constData(), size_t(qMin<qsizetype>(fieldSize, value.size())));
}

} // namespace

QByteArray serializePacket(const Packet &p, const SerializeOptions &so, QString *error)
{
    auto bad = [error](const QString &why) {
        if (error)
            *error = why;
        return QByteArray();
    };
    if (p.sname.size() > 64)
        return bad(QStringLiteral("sname longer than 64 bytes"));
    if (p.file.size() > 128)
        return bad(QStringLiteral("file longer than 128 bytes"));
    const int maxSize = qBound(DefaultMaxMessageSize, so.maxSize, MaxPacketSize);

    QByteArray out(MinPacketSize, '\0');
    char *b = out.data();
    b[0] = char(p.op);
    b[1] = char(p.htype);
    b[2] = char(p.hlen);
    b[3] = char(p.hops);
    qToBigEndian(p.xid, b + 4);
    qToBigEndian(p.secs, b + 8);
    qToBigEndian(p.flags, b + 10);
    qToBigEndian(p.ciaddr, b + 12);
    qToBigEndian(p.yiaddr, b + 16);
    qToBigEndian(p.siaddr, b + 20);
    qToBigEndian(p.giaddr, b + 24);
    putField(b + 28, 16, p.chaddr);
    putField(b + 44, 64, p.sname);
    putField(b + 108, 128, p.file);
    qToBigEndian(MagicCookie, b + HeaderSize);

    const std::vector<QByteArray> pieces = encodeOptions(p.options);
    qsizetype total = 0;
    for (const QByteArray &piece : pieces)
        total += piece.size();

    const int mainCapacity = maxSize - MinPacketSize - 1;   // minus End
    if (total <= mainCapacity) {
        for (const QByteArray &piece : pieces)
            out.append(piece);
        out.append(char(opt::End));
    } else {
        if (!so.allowOverload)
            return bad(QStringLiteral("options need %1 bytes, %2 available").arg(total).arg(mainCapacity));
        // Main area keeps 3 bytes for option 52; file and sname hold 127 / 63 bytes plus End.
        std::array<int, 3> capacity = {mainCapacity - 3, p.file.isEmpty() ? 127 : 0, p.sname.isEmpty() ? 63 : 0};
        std::array<QByteArray, 3> areas;
        size_t area = 0;
        for (const QByteArray &piece : pieces) {
            while (area < areas.size() && piece.size() > capacity[area] - areas[area].size())
                ++area;
            if (area == areas.size())
                return bad(QStringLiteral("options do not fit in %1 bytes even with option 52").arg(maxSize));
            areas[area].append(piece);
        }
        quint8 value = 0;
        if (!areas[1].isEmpty())
            value |= overload::File;
        if (!areas[2].isEmpty())
            value |= overload::Sname;
        out.append(areas[0]);
        if (value) {
            out.append(char(opt::Overload));
            out.append(char(1));
            out.append(char(value));
        }
        out.append(char(opt::End));
        b = out.data();
        if (value & overload::File) {
            memset(b + 108, 0, 128);
            areas[1].append(char(opt::End));
            putField(b + 108, 128, areas[1]);
        }
        if (value & overload::Sname) {
            memset(b + 44, 0, 64);
            areas[2].append(char(opt::End));
            putField(b + 44, 64, areas[2]);
        }
    }
    if (out.size() < so.minSize)
        out.append(QByteArray(so.minSize - int(out.size()), '\0'));
    return out;
}

} // namespace dhcp
