#include "tftppacket.h"

#include <algorithm>
#include <cstring>

namespace tftp {

namespace {

quint16 readU16(const char *p)
{
    return quint16((quint8(p[0]) << 8) | quint8(p[1]));
}

void appendU16(QByteArray &out, quint16 v)
{
    out.append(char(v >> 8));
    out.append(char(v & 0xff));
}

// Splits `bytes` into NUL-terminated fields. Returns false if the last field lacks its NUL.
bool splitFields(QByteArrayView bytes, QList<QByteArrayView> *fields)
{
    qsizetype start = 0;
    while (start < bytes.size()) {
        const char *nul = static_cast<const char *>(std::memchr(bytes.data() + start, 0, size_t(bytes.size() - start)));
        if (!nul)
            return false;
        const qsizetype end = nul - bytes.data();
        fields->append(bytes.sliced(start, end - start));
        start = end + 1;
    }
    return true;
}

bool parseMode(QByteArrayView text, Mode *mode)
{
    const QByteArray lower = text.toByteArray().toLower();
    if (lower == "octet")
        *mode = Mode::Octet;
    else if (lower == "netascii")
        *mode = Mode::Netascii;
    else if (lower == "mail")
        *mode = Mode::Mail;
    else
        return false;
    return true;
}

// Options are name/value pairs. A trailing run of empty fields (zero padding) is tolerated.
bool parseOptions(const QList<QByteArrayView> &fields, qsizetype first, Options *out, QString *error)
{
    qsizetype last = fields.size();
    while (last > first && fields.at(last - 1).isEmpty())
        --last;
    if ((last - first) % 2 != 0) {
        // "name\0value\0\0" trims the empty value too: put it back.
        if (last < fields.size())
            ++last;
        else {
            *error = QStringLiteral("option without a value");
            return false;
        }
    }
    for (qsizetype i = first; i + 1 < last; i += 2) {
        const QByteArray name = fields.at(i).toByteArray().toLower();
        if (name.isEmpty()) {
            *error = QStringLiteral("empty option name");
            return false;
        }
        const bool seen = std::any_of(out->cbegin(), out->cend(), [&](const Option &o) { return o.name == name; });
        if (!seen)
            out->append(Option{name, fields.at(i + 1).toByteArray()});
    }
    return true;
}

} // namespace

QByteArray Packet::option(const char *name) const
{
    for (const Option &o : options)
        if (o.name == name)
            return o.value;
    return {};
}

bool Packet::hasOption(const char *name) const
{
    return std::any_of(options.cbegin(), options.cend(), [name](const Option &o) { return o.name == name; });
}

quint16 peekOpcode(QByteArrayView datagram)
{
    return datagram.size() < 2 ? 0 : readU16(datagram.data());
}

QString sanitise(QByteArrayView text, int maxLength)
{
    QString out;
    const qsizetype n = std::min<qsizetype>(text.size(), maxLength);
    out.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = quint8(text.at(i));
        out.append(c >= 0x20 && c < 0x7f ? QLatin1Char(char(c)) : QLatin1Char('?'));
    }
    return out;
}

ParseResult parse(QByteArrayView datagram)
{
    ParseResult r;
    if (datagram.size() < 2) {
        r.error = QStringLiteral("datagram shorter than an opcode");
        return r;
    }
    const quint16 op = readU16(datagram.data());
    const QByteArrayView body = datagram.sliced(2);
    Packet &p = r.packet;
    switch (op) {
    case quint16(Opcode::Rrq):
    case quint16(Opcode::Wrq): {
        p.opcode = Opcode(op);
        QList<QByteArrayView> fields;
        if (!splitFields(body, &fields)) {
            r.error = QStringLiteral("request field without NUL terminator");
            return r;
        }
        if (fields.size() < 2) {
            r.error = QStringLiteral("request without filename and mode");
            return r;
        }
        if (fields.at(0).isEmpty()) {
            r.error = QStringLiteral("empty filename");
            return r;
        }
        p.filename = fields.at(0).toByteArray();
        if (!parseMode(fields.at(1), &p.mode)) {
            r.error = QStringLiteral("unknown transfer mode '%1'").arg(sanitise(fields.at(1), 32));
            return r;
        }
        if (!parseOptions(fields, 2, &p.options, &r.error))
            return r;
        break;
    }
    case quint16(Opcode::Data):
    case quint16(Opcode::Ack):
        if (datagram.size() < 4) {
            r.error = op == quint16(Opcode::Data) ? QStringLiteral("DATA shorter than 4 bytes") : QStringLiteral("ACK shorter than 4 bytes");
            return r;
        }
        p.opcode = Opcode(op);
        p.block = readU16(datagram.data() + 2);
        if (p.opcode == Opcode::Data)
            p.data = datagram.sliced(4);
        break;
    case quint16(Opcode::Error): {
        if (datagram.size() < 4) {
            r.error = QStringLiteral("ERROR shorter than 4 bytes");
            return r;
        }
        p.opcode = Opcode::Error;
        p.errorCode = ErrorCode(readU16(datagram.data() + 2));
        QByteArrayView msg = datagram.sliced(4);
        const qsizetype nul = msg.indexOf('\0');
        if (nul >= 0)
            msg = msg.first(nul);
        p.errorMessage = sanitise(msg);
        break;
    }
    case quint16(Opcode::Oack): {
        p.opcode = Opcode::Oack;
        QList<QByteArrayView> fields;
        if (!splitFields(body, &fields)) {
            r.error = QStringLiteral("OACK field without NUL terminator");
            return r;
        }
        if (!parseOptions(fields, 0, &p.options, &r.error))
            return r;
        break;
    }
    default:
        r.error = QStringLiteral("unknown opcode %1").arg(op);
        return r;
    }
    r.ok = true;
    return r;
}

QByteArray modeName(Mode mode)
{
    switch (mode) {
    case Mode::Octet: return QByteArrayLiteral("octet");
    case Mode::Netascii: return QByteArrayLiteral("netascii");
    case Mode::Mail: return QByteArrayLiteral("mail");
    }
    return QByteArrayLiteral("octet");
}

QString errorName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotDefined: return QStringLiteral("not defined");
    case ErrorCode::FileNotFound: return QStringLiteral("file not found");
    case ErrorCode::AccessViolation: return QStringLiteral("access violation");
    case ErrorCode::DiskFull: return QStringLiteral("disk full");
    case ErrorCode::IllegalOperation: return QStringLiteral("illegal TFTP operation");
    case ErrorCode::UnknownTid: return QStringLiteral("unknown transfer ID");
    case ErrorCode::FileExists: return QStringLiteral("file already exists");
    case ErrorCode::NoSuchUser: return QStringLiteral("no such user");
    case ErrorCode::OptionRefused: return QStringLiteral("option negotiation refused");
    }
    return QStringLiteral("error %1").arg(quint16(code));
}

QByteArray buildRequest(Opcode op, const QByteArray &filename, Mode mode, const Options &options)
{
    QByteArray out;
    appendU16(out, quint16(op));
    out.append(filename).append('\0').append(modeName(mode)).append('\0');
    for (const Option &o : options)
        out.append(o.name).append('\0').append(o.value).append('\0');
    return out;
}

void writeDataHeader(char *out, quint16 block)
{
    out[0] = 0;
    out[1] = char(Opcode::Data);
    out[2] = char(block >> 8);
    out[3] = char(block & 0xff);
}

QByteArray buildData(quint16 block, QByteArrayView payload)
{
    QByteArray out(HeaderSize + payload.size(), Qt::Uninitialized);
    writeDataHeader(out.data(), block);
    if (!payload.isEmpty())
        std::memcpy(out.data() + HeaderSize, payload.data(), size_t(payload.size()));
    return out;
}

QByteArray buildAck(quint16 block)
{
    QByteArray out;
    appendU16(out, quint16(Opcode::Ack));
    appendU16(out, block);
    return out;
}

QByteArray buildError(ErrorCode code, const QString &message)
{
    QByteArray out;
    appendU16(out, quint16(Opcode::Error));
    appendU16(out, quint16(code));
    // The message is English ASCII; anything else is replaced so the packet stays well-formed.
    QByteArray text = message.toLatin1();
    for (char &c : text)
        if (quint8(c) < 0x20 || quint8(c) >= 0x7f)
            c = '?';
    out.append(text.left(400)).append('\0');
    return out;
}

QByteArray buildOack(const Options &options)
{
    QByteArray out;
    appendU16(out, quint16(Opcode::Oack));
    for (const Option &o : options)
        out.append(o.name).append('\0').append(o.value).append('\0');
    return out;
}

qint64 parseDecimal(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return -1;
    qint64 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

Negotiated negotiate(const Options &requested, const Limits &limits, qint64 fileSize, bool isWrite)
{
    Negotiated n;
    // blksize first: windowsize is capped in bytes and needs the final block size.
    for (const Option &o : requested) {
        if (o.name != "blksize")
            continue;
        const qint64 v = parseDecimal(o.value);
        if (v < MinBlockSize)
            break;
        const int cap = std::max(MinBlockSize, std::min({MaxBlockSize, limits.maxBlockSize, limits.mtuBlockSize}));
        n.blockSize = int(std::min<qint64>(v, cap));
    }
    for (const Option &o : requested) {
        if (o.name == "blksize") {
            if (parseDecimal(o.value) >= MinBlockSize)
                n.accepted.append(Option{o.name, QByteArray::number(n.blockSize)});
        } else if (o.name == "tsize") {
            const qint64 v = parseDecimal(o.value);
            if (v < 0)
                continue;
            if (isWrite) {
                n.tsize = true;
                n.transferSize = v;
                n.accepted.append(Option{o.name, QByteArray::number(v)});
            } else if (fileSize > 0) {
                // An empty file gets no tsize: curl refuses "tsize 0" in an OACK as illegal, and a
                // client that asked still learns the size from the empty DATA 1.
                n.tsize = true;
                n.transferSize = fileSize;
                n.accepted.append(Option{o.name, QByteArray::number(fileSize)});
            }
        } else if (o.name == "timeout") {
            const qint64 v = parseDecimal(o.value);
            if (v < 1 || v > 255)
                continue;
            n.timeoutSeconds = int(v);
            n.accepted.append(Option{o.name, QByteArray::number(v)});
        } else if (o.name == "windowsize") {
            const qint64 v = parseDecimal(o.value);
            if (v < 1 || v > MaxWindowSize)
                continue;
            const qint64 byBytes = std::max<qint64>(1, limits.maxWindowBytes / n.blockSize);
            n.windowSize = int(std::max<qint64>(1, std::min({v, qint64(limits.maxWindowSize), byBytes})));
            n.accepted.append(Option{o.name, QByteArray::number(n.windowSize)});
        }
    }
    if (!isWrite && fileSize >= 0 && n.transferSize < 0)
        n.transferSize = fileSize;
    return n;
}

} // namespace tftp
