// TFTP datagrams as they arrive on port 69 and on every transfer socket (anyone on the lab segment
// can send them): tftp::parse, request names through tftp::sanitizePath and a lookup under a real
// served root, and option negotiation (RFC 2347/2348/2349/7440) with the configured limits.
// Input: two control bytes (limits, file size shift), then the datagram.
//
// Invariants: a parsed request re-encodes (buildRequest) to a datagram that parses to the same
// name, mode and options; a parsed OACK re-encodes the same way; DATA payloads lie inside the
// datagram; ERROR messages are printable ASCII of at most 200 characters; a sanitised name is
// relative, without '..', control bytes or backslashes, and sanitising it again gives the same
// path; a lookup never finds a file outside the served root; the negotiated block size and window
// stay within the limits, and the OACK only carries options the client asked for.

#include "fuzzsupport.h"

#include "tftp/tftppacket.h"
#include "tftp/tftppath.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>

namespace {

struct Tree
{
    QTemporaryDir dir;
    QString root;
};

// A served root with a file, a sub-folder and a symlink pointing outside it.
const Tree &tree()
{
    static Tree *t = [] {
        auto *x = new Tree;
        QDir d(x->dir.path());
        d.mkpath(QStringLiteral("root/sub"));
        d.mkpath(QStringLiteral("outside"));
        for (const char *name : {"root/start4.elf", "root/sub/config.txt", "outside/secret"}) {
            QFile f(d.filePath(QString::fromLatin1(name)));
            if (f.open(QIODevice::WriteOnly))
                f.write("x");
        }
        QFile::link(d.filePath(QStringLiteral("outside/secret")), d.filePath(QStringLiteral("root/link")));
        QFile::link(d.filePath(QStringLiteral("outside")), d.filePath(QStringLiteral("root/escape")));
        x->root = tftp::canonicalDir(d.filePath(QStringLiteral("root")));
        return x;
    }();
    return *t;
}

QString describe(const tftp::Options &options)
{
    QStringList parts;
    for (const tftp::Option &o : options)
        parts.append(QString::fromLatin1(o.name.toHex() + '=' + o.value.toHex()));
    return parts.join(QLatin1Char(' '));
}

void checkName(const QByteArray &raw)
{
    const tftp::PathCheck check = tftp::sanitizePath(raw);
    if (!check.ok) {
        FUZZ_CHECK(!check.error.isEmpty(), QStringLiteral("refusal without a reason"));
        return;
    }
    const QString &p = check.path;
    FUZZ_CHECK(!p.isEmpty() && !p.startsWith(QLatin1Char('/')) && !p.contains(QLatin1Char('\\')),
               QStringLiteral("unsafe path '%1'").arg(p));
    const auto parts = p.split(QLatin1Char('/'));
    for (const QString &part : parts)
        FUZZ_CHECK(!part.isEmpty() && part != QLatin1String(".") && part != QLatin1String(".."),
                   QStringLiteral("bad component in '%1'").arg(p));
    for (const QChar c : p)
        FUZZ_CHECK(c.unicode() >= 0x20 && c.unicode() != 0x7f, QStringLiteral("control character in '%1'").arg(p));
    const tftp::PathCheck again = tftp::sanitizePath(p.toUtf8());
    FUZZ_CHECK(again.ok && again.path == p, QStringLiteral("sanitizing '%1' again gave '%2'").arg(p, again.path));

    const Tree &t = tree();
    const tftp::LookupResult found = tftp::lookup(t.root, p, {t.root});
    if (found.status == tftp::LookupStatus::Found) {
        FUZZ_CHECK(found.canonicalPath.startsWith(t.root + QLatin1Char('/')),
                   QStringLiteral("'%1' found outside the root: %2").arg(p, found.canonicalPath));
        FUZZ_CHECK(!found.canonicalPath.contains(QLatin1String("/outside/")),
                   QStringLiteral("'%1' followed a symlink out of the root: %2").arg(p, found.canonicalPath));
    }
}

void checkNegotiation(const tftp::Options &requested, const tftp::Limits &limits, qint64 fileSize, bool isWrite)
{
    const tftp::Negotiated n = tftp::negotiate(requested, limits, fileSize, isWrite);
    const int cap = std::max(tftp::MinBlockSize, std::min({tftp::MaxBlockSize, limits.maxBlockSize, limits.mtuBlockSize}));
    FUZZ_CHECK(n.blockSize == tftp::DefaultBlockSize || (n.blockSize >= tftp::MinBlockSize && n.blockSize <= cap),
               QStringLiteral("block size %1 (cap %2)").arg(n.blockSize).arg(cap));
    FUZZ_CHECK(n.windowSize >= 1 && n.windowSize <= std::max(1, limits.maxWindowSize),
               QStringLiteral("window %1 (cap %2)").arg(n.windowSize).arg(limits.maxWindowSize));
    FUZZ_CHECK(n.windowSize == 1 || qint64(n.windowSize) * n.blockSize <= std::max<qint64>(limits.maxWindowBytes, n.blockSize),
               QStringLiteral("window %1 x %2 bytes over %3").arg(n.windowSize).arg(n.blockSize).arg(limits.maxWindowBytes));
    FUZZ_CHECK(n.timeoutSeconds >= 0 && n.timeoutSeconds <= 255, QStringLiteral("timeout %1").arg(n.timeoutSeconds));
    QSet<QByteArray> asked;
    for (const tftp::Option &o : requested)
        asked.insert(o.name);
    for (const tftp::Option &o : n.accepted)
        FUZZ_CHECK(asked.contains(o.name), QStringLiteral("OACK carries '%1' the client did not ask for").arg(QString::fromLatin1(o.name)));
    if (!n.accepted.isEmpty()) {
        const tftp::ParseResult oack = tftp::parse(tftp::buildOack(n.accepted));
        FUZZ_CHECK(oack.ok && oack.packet.opcode == tftp::Opcode::Oack && oack.packet.options == n.accepted,
                   QStringLiteral("our OACK does not parse back: %1").arg(describe(n.accepted)));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzzsupport::FuzzInput in(data, size);
    tftp::Limits limits;
    const quint8 shape = in.u8();
    limits.maxBlockSize = (shape & 1) ? 1468 : 65464;
    limits.mtuBlockSize = (shape & 2) ? 1468 : 8960;
    limits.maxWindowSize = (shape & 4) ? 64 : 1;
    limits.maxWindowBytes = (shape & 8) ? 65536 : 1 << 20;
    const qint64 fileSize = (shape & 16) ? -1 : (qint64(1) << (in.u8() % 40)) - 1;
    const QByteArray datagram = in.rest();

    const tftp::ParseResult r = tftp::parse(datagram);
    if (!r.ok) {
        FUZZ_CHECK(!r.error.isEmpty(), QStringLiteral("refusal without a reason"));
        return 0;
    }
    const tftp::Packet &p = r.packet;
    switch (p.opcode) {
    case tftp::Opcode::Rrq:
    case tftp::Opcode::Wrq: {
        const QByteArray wire = tftp::buildRequest(p.opcode, p.filename, p.mode, p.options);
        const tftp::ParseResult again = tftp::parse(wire);
        FUZZ_CHECK(again.ok && again.packet.opcode == p.opcode && again.packet.filename == p.filename
                       && again.packet.mode == p.mode && again.packet.options == p.options,
                   QStringLiteral("request does not round-trip: %1 %2").arg(QString::fromLatin1(p.filename.toHex()), describe(p.options)));
        checkName(p.filename);
        checkNegotiation(p.options, limits, fileSize, p.opcode == tftp::Opcode::Wrq);
        break;
    }
    case tftp::Opcode::Oack: {
        const tftp::ParseResult again = tftp::parse(tftp::buildOack(p.options));
        FUZZ_CHECK(again.ok && again.packet.options == p.options, QStringLiteral("OACK does not round-trip: %1").arg(describe(p.options)));
        break;
    }
    case tftp::Opcode::Data:
        FUZZ_CHECK(p.data.size() <= datagram.size() - tftp::HeaderSize
                       && p.data.data() >= datagram.constData() && p.data.data() + p.data.size() <= datagram.constData() + datagram.size(),
                   QStringLiteral("DATA payload outside the datagram"));
        break;
    case tftp::Opcode::Error:
        FUZZ_CHECK(p.errorMessage.size() <= 200, QStringLiteral("error message of %1 characters").arg(p.errorMessage.size()));
        for (const QChar c : p.errorMessage)
            FUZZ_CHECK(c.unicode() >= 0x20 && c.unicode() < 0x7f, QStringLiteral("unprintable error message"));
        break;
    case tftp::Opcode::Ack:
        break;
    }
    return 0;
}
