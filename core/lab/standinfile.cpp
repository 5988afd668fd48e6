#include "standinfile.h"

#include <QList>
#include <QtEndian>

namespace {

constexpr qsizetype MaxHeader = 1024;
constexpr qsizetype RealHead = 4096;   // bytes of a real file we look at

QString baseName(const QString &name)
{
    return name.mid(name.lastIndexOf(QLatin1Char('/')) + 1);
}

// Deterministic, incompressible-looking filler (xorshift64*), seeded by the file name.
QByteArray payload(const QString &name, qint64 size)
{
    QByteArray out(qsizetype(std::max<qint64>(size, 0)), Qt::Uninitialized);
    quint64 x = qHash(name) | 1;
    for (qsizetype i = 0; i < out.size(); i += 8) {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        const quint64 v = x * 0x2545F4914F6CDD1DULL;
        for (qsizetype j = 0; j < 8 && i + j < out.size(); ++j)
            out[i + j] = char(v >> (8 * j));
    }
    return out;
}

void appendBe32(QByteArray &out, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

void pad4(QByteArray &out)
{
    while (out.size() % 4)
        out.append('\0');
}

// A minimal flattened device tree (version 17): / { compatible = "metalboot,simulation";
// metalboot,notice = "..."; metalboot,file = "<name>"; }
QByteArray fdt(const QString &name)
{
    const QByteArray notice = "Metal Boot simulation stand-in, not a Raspberry Pi device tree";
    QByteArray strings;
    QByteArray structure;
    auto prop = [&](const QByteArray &key, const QByteArray &value) {
        const quint32 nameOffset = quint32(strings.size());
        strings.append(key).append('\0');
        appendBe32(structure, 3);   // FDT_PROP
        appendBe32(structure, quint32(value.size() + 1));
        appendBe32(structure, nameOffset);
        structure.append(value).append('\0');
        pad4(structure);
    };
    appendBe32(structure, 1);       // FDT_BEGIN_NODE ""
    appendBe32(structure, 0);
    prop("compatible", "metalboot,simulation");
    prop("metalboot,notice", notice);
    prop("metalboot,file", baseName(name).toUtf8());
    appendBe32(structure, 2);       // FDT_END_NODE
    appendBe32(structure, 9);       // FDT_END
    const quint32 headerSize = 40;
    const quint32 rsvmap = headerSize;
    const quint32 structOffset = rsvmap + 16;
    const quint32 stringsOffset = structOffset + quint32(structure.size());
    const quint32 total = stringsOffset + quint32(strings.size());
    QByteArray out;
    appendBe32(out, 0xd00dfeed);
    appendBe32(out, total);
    appendBe32(out, structOffset);
    appendBe32(out, stringsOffset);
    appendBe32(out, rsvmap);
    appendBe32(out, 17);
    appendBe32(out, 16);
    appendBe32(out, 0);
    appendBe32(out, quint32(strings.size()));
    appendBe32(out, quint32(structure.size()));
    out.append(QByteArray(16, '\0'));   // empty memory reservation map
    out.append(structure);
    out.append(strings);
    return out;
}

bool isFdt(const QByteArray &head, qint64 size, QString *why)
{
    if (head.size() < 40 || qFromBigEndian<quint32>(head.constData()) != 0xd00dfeed) {
        *why = QStringLiteral("not a flattened device tree (bad magic)");
        return false;
    }
    const quint32 total = qFromBigEndian<quint32>(head.constData() + 4);
    if (total != size) {
        *why = QStringLiteral("device tree size %1 does not match the file (%2 bytes)").arg(total).arg(size);
        return false;
    }
    return true;
}

bool isArm64Pe(const QByteArray &head, QString *why)
{
    if (head.size() < 0x40 || !head.startsWith("MZ")) {
        *why = QStringLiteral("not an EFI application (no MZ header)");
        return false;
    }
    const quint32 pe = qFromLittleEndian<quint32>(head.constData() + 0x3c);
    if (pe + 6 > quint32(head.size()) || head.mid(qsizetype(pe), 4) != QByteArray("PE\0\0", 4)) {
        *why = QStringLiteral("not a PE/COFF image");
        return false;
    }
    const quint16 machine = qFromLittleEndian<quint16>(head.constData() + pe + 4);
    if (machine != 0xaa64) {
        *why = QStringLiteral("EFI application for machine 0x%1, not arm64 (0xaa64): Unsupported").arg(machine, 4, 16, QLatin1Char('0'));
        return false;
    }
    return true;
}

} // namespace

StandInFile::Kind StandInFile::kindOf(const QString &fileName)
{
    const QString b = baseName(fileName).toLower();
    if (b.startsWith(QLatin1String("start")) && b.endsWith(QLatin1String(".elf")))
        return Kind::GpuFirmware;
    if (b.startsWith(QLatin1String("fixup")) && b.endsWith(QLatin1String(".dat")))
        return Kind::Fixup;
    if (b.endsWith(QLatin1String(".dtb")) || b.endsWith(QLatin1String(".dtbo")))
        return Kind::DeviceTree;
    if (b.endsWith(QLatin1String(".efi")))
        return Kind::EfiApplication;
    if (b.startsWith(QLatin1String("vmlinu")) || b.startsWith(QLatin1String("kernel")) || b.startsWith(QLatin1String("image")))
        return Kind::Kernel;
    if (b.startsWith(QLatin1String("initrd")) || b.startsWith(QLatin1String("initramfs")))
        return Kind::Initrd;
    return Kind::Other;
}

QByteArray StandInFile::make(const QString &fileName, qint64 size)
{
    const QString name = baseName(fileName);
    if (kindOf(name) == Kind::DeviceTree)
        return fdt(name);
    const QByteArray body = payload(name, size);
    QByteArray header = QByteArray(Magic) + " v1\n"
        + "notice: generated by Metal Boot for its virtual Raspberry Pis. This is NOT Raspberry Pi or iPXE "
          "firmware: a real device cannot boot it.\n"
        + "file: " + name.toUtf8() + "\n"
        + "size: " + QByteArray::number(body.size()) + "\n"
        + "sha256: " + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex() + "\n\n";
    return header + body;
}

QByteArray StandInFile::damage(const QByteArray &standIn)
{
    QByteArray out = standIn;
    if (qFromBigEndian<quint32>(out.constData()) == 0xd00dfeed && out.size() > 8) {
        out[5] = char(out.at(5) ^ 0x10);   // FDT totalsize no longer matches
        return out;
    }
    const qsizetype body = out.indexOf("\n\n");
    const qsizetype at = body < 0 ? out.size() / 2 : body + 2 + (out.size() - body - 2) / 2;
    if (at < out.size())
        out[at] = char(out.at(at) ^ 0x5a);
    else
        out.append('X');
    return out;
}

bool StandInFile::isStandIn(const QByteArray &head)
{
    return head.startsWith(Magic);
}

StandInFile::Verifier::Verifier(const QString &fileName)
    : m_name(baseName(fileName))
    , m_kind(kindOf(fileName))
{
}

void StandInFile::Verifier::add(const char *data, qsizetype size)
{
    m_total += size;
    if (m_headDone) {
        if (m_standIn) {
            m_hash.addData(QByteArrayView(data, size));
            m_payload += size;
        }
        return;
    }
    const qsizetype take = std::min<qsizetype>(size, RealHead - m_head.size());
    m_head.append(data, take);
    const qsizetype magic = qsizetype(qstrlen(Magic));
    if (m_head.size() >= magic && !m_head.startsWith(Magic)) {
        m_headDone = true;   // a real file: its first bytes are enough
        return;
    }
    if (m_head.size() < magic)
        return;
    const qsizetype end = m_head.indexOf("\n\n");
    if (end < 0 || end > MaxHeader) {
        if (m_head.size() >= MaxHeader) {
            m_headDone = true;   // a broken header: finish() reports it
            m_standIn = true;
        }
        return;
    }
    m_headDone = true;
    m_standIn = true;
    const QList<QByteArray> lines = m_head.left(end).split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("file: "))
            m_claimedName = line.mid(6);
        else if (line.startsWith("size: "))
            m_claimedSize = line.mid(6).toLongLong();
        else if (line.startsWith("sha256: "))
            m_claimedHash = line.mid(8);
    }
    const QByteArray first = m_head.mid(end + 2);
    m_hash.addData(first);
    m_hash.addData(QByteArrayView(data + take, size - take));
    m_payload = first.size() + (size - take);
}

QString StandInFile::Verifier::finish()
{
    if (m_standIn) {
        if (QString::fromUtf8(m_claimedName) != m_name)
            return QStringLiteral("%1 is a stand-in for '%2'").arg(m_name, QString::fromUtf8(m_claimedName.left(64)));
        if (m_claimedSize != m_payload || m_hash.result().toHex() != m_claimedHash)
            return QStringLiteral("%1 is corrupt (checksum mismatch)").arg(m_name);
        return {};
    }
    const qint64 total = m_total;
    QString why;
    switch (m_kind) {
    case Kind::GpuFirmware:
        if (!m_head.startsWith("\x7f" "ELF"))
            return QStringLiteral("%1 is not firmware (no ELF header)").arg(m_name);
        return {};
    case Kind::DeviceTree:
        return isFdt(m_head, total, &why) ? QString() : QStringLiteral("%1: %2").arg(m_name, why);
    case Kind::EfiApplication:
        return isArm64Pe(m_head, &why) ? QString() : QStringLiteral("%1: %2").arg(m_name, why);
    case Kind::Kernel: {
        // arm64 Image: "ARMd" at 56; EFI stub kernels also start with MZ.
        const bool image = m_head.size() >= 60 && m_head.mid(56, 4) == QByteArray("ARM\x64", 4);
        if (!image && !isArm64Pe(m_head, &why))
            return QStringLiteral("%1 is not an arm64 kernel").arg(m_name);
        return {};
    }
    case Kind::Fixup:
    case Kind::Initrd:
    case Kind::Other:
        return total > 0 ? QString() : QStringLiteral("%1 is empty").arg(m_name);
    }
    return {};
}
