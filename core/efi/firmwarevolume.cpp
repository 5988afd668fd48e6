#include "firmwarevolume.h"

#include "efibytes.h"
#include "efiguid.h"

#include <array>
#include <cstring>

namespace efi {

namespace {

constexpr quint32 FvSignature = 0x4856465f;          // "_FVH"
constexpr qsizetype FvMinHeader = 0x48;               // 0x38 + one block map entry + terminator
constexpr qsizetype FtwHeaderSize = 32;
constexpr qsizetype FtwWriteHeaderSize = 40;          // EFI_FAULT_TOLERANT_WRITE_HEADER
constexpr qsizetype FtwRecordSize = 40;               // EFI_FAULT_TOLERANT_WRITE_RECORD

QString hex(quint64 v)
{
    return QStringLiteral("0x") + QString::number(v, 16);
}

bool guidAt(const QByteArray &image, qsizetype off, const QUuid &guid)
{
    return off >= 0 && off + 16 <= image.size() && guidFromBytes(image.constData() + off) == guid;
}

QString describe(const StoreLayout &l)
{
    if (l.fvOffset < 0)
        return QStringLiteral("bare variable store");
    if (l.fvOffset == 0x1D0000 && l.imageSize == 0x1F0000)
        return QStringLiteral("pftf RPi4 v1.5-v1.38");
    if (l.fvOffset == 0x3B0000 && l.imageSize == 0x3E0000)
        return QStringLiteral("pftf RPi4 v1.39+");
    if (l.fvOffset == 0x1E0000 && l.imageSize == 0x200000)
        return QStringLiteral("pftf RPi4 v1.0");
    if (l.fvOffset == 0 && l.imageSize == 0x20000)
        return QStringLiteral("OVMF 2M vars");
    if (l.fvOffset == 0 && l.imageSize == 0x84000)
        return QStringLiteral("OVMF 4M vars");
    if (l.fvOffset == 0 && l.fvLength == 0xC0000)
        return QStringLiteral("AAVMF vars");
    if (l.fvOffset == 0 && l.imageSize > qsizetype(l.fvLength))
        return QStringLiteral("OVMF (code and vars)");
    return QStringLiteral("NV firmware volume at %1").arg(hex(quint64(l.fvOffset)));
}

// Walks the FTW write queue (FtwMisc.c FtwGetLastWriteHeader): headers are allocated when bit 0
// of their first byte is cleared and complete when bit 2 is cleared.
FtwQueue inspectQueue(const char *q, qsizetype size)
{
    bool sawComplete = false;
    qsizetype pos = 0;
    while (pos < size) {
        const auto flags = quint8(q[pos]);
        if (flags & 0x01) {                              // HeaderAllocated not set: queue ends
            for (qsizetype i = pos; i < size; ++i)
                if (quint8(q[i]) != 0xff)
                    return FtwQueue::Corrupt;            // bytes after the last header
            return sawComplete ? FtwQueue::CompletedOnly : FtwQueue::Empty;
        }
        if (pos + FtwWriteHeaderSize > size)
            return FtwQueue::Corrupt;
        if ((flags & 0x02) || (flags & 0x04))            // writes not allocated or not complete
            return FtwQueue::Pending;
        const quint64 writes = le64(q + pos + 24);
        const quint64 priv = le64(q + pos + 32);
        if (writes == 0 || writes > quint64(size) || priv > quint64(size))
            return FtwQueue::Corrupt;
        const quint64 total = quint64(FtwWriteHeaderSize) + writes * (quint64(FtwRecordSize) + priv);
        if (total > quint64(size - pos))
            return FtwQueue::Corrupt;
        sawComplete = true;
        pos += qsizetype(total);
    }
    return sawComplete ? FtwQueue::CompletedOnly : FtwQueue::Empty;
}

void inspectFtw(const QByteArray &image, StoreLayout &l)
{
    const qsizetype fvEnd = l.fvOffset < 0 ? image.size() : l.fvOffset + qsizetype(l.fvLength);
    const QByteArray sig = guidToBytes(guids::FtwWorkingBlock);
    qsizetype from = l.variablesEnd();
    while (from >= 0 && from < fvEnd) {
        const qsizetype at = image.indexOf(sig, from);
        if (at < 0 || at + FtwHeaderSize > fvEnd)
            return;
        if (at % 8 != 0) {
            from = at + 1;
            continue;
        }
        const char *h = image.constData() + at;
        l.ftwOffset = at;
        l.ftwQueueSize = le64(h + 24);
        const quint8 state = quint8(h[20]);
        l.ftwHeaderValid = le32(h + 16) == ftwHeaderCrc(l.ftwQueueSize) && (state & 0x01) == 0 && (state & 0x02) != 0;
        if (!l.ftwHeaderValid || l.ftwQueueSize > quint64(fvEnd - at - FtwHeaderSize)) {
            l.ftwHeaderValid = false;
            l.ftwQueue = FtwQueue::Corrupt;
            return;
        }
        l.ftwQueue = inspectQueue(h + FtwHeaderSize, qsizetype(l.ftwQueueSize));
        return;
    }
}

Result<StoreLayout> checkStoreHeader(const QByteArray &image, StoreLayout l, qsizetype limit)
{
    const qsizetype s = l.storeOffset;
    if (s + StoreLayout::StoreHeaderSize > limit)
        return Result<StoreLayout>::failure(QStringLiteral("the variable store header at %1 is cut off").arg(hex(quint64(s))));
    const char *h = image.constData() + s;
    const QUuid sig = guidFromBytes(h);
    if (sig == guids::AuthVariableStore)
        l.format = StoreFormat::Authenticated;
    else if (sig == guids::VariableStore)
        l.format = StoreFormat::Plain;
    else {
        bool erased = true;
        for (int i = 0; i < StoreLayout::StoreHeaderSize && erased; ++i)
            erased = quint8(h[i]) == 0xff;
        if (erased)
            return Result<StoreLayout>::failure(QStringLiteral("the variable store at %1 is not formatted (all 0xFF)").arg(hex(quint64(s))));
        return Result<StoreLayout>::failure(QStringLiteral("unknown variable store signature %1 at %2")
                                                .arg(guidToString(sig), hex(quint64(s))));
    }
    l.storeSize = le32(h + 16);
    const auto format = quint8(h[20]);
    const auto state = quint8(h[21]);
    if (format != 0x5a)
        return Result<StoreLayout>::failure(QStringLiteral("variable store format is %1, expected 0x5a (formatted)").arg(hex(format)));
    if (state != 0xfe)
        return Result<StoreLayout>::failure(QStringLiteral("variable store state is %1, expected 0xfe (healthy)").arg(hex(state)));
    if (l.storeSize < StoreLayout::StoreHeaderSize || s + qsizetype(l.storeSize) > limit)
        return Result<StoreLayout>::failure(QStringLiteral("variable store size %1 at %2 runs past the %3 (ends at %4)")
                                                .arg(hex(l.storeSize), hex(quint64(s)),
                                                     l.fvOffset < 0 ? QStringLiteral("file") : QStringLiteral("firmware volume"),
                                                     hex(quint64(limit))));
    inspectFtw(image, l);
    l.kind = describe(l);
    return l;
}

} // namespace

quint32 crc32(const char *data, qsizetype size, quint32 crc)
{
    static constexpr auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (qsizetype i = 0; i < size; ++i)
        crc = table[(crc ^ quint8(data[i])) & 0xff] ^ (crc >> 8);
    return ~crc;
}

quint32 ftwHeaderCrc(quint64 writeQueueSize)
{
    char h[FtwHeaderSize];
    std::memset(h, 0xff, sizeof h);
    writeGuid(h, guids::FtwWorkingBlock);
    put64(h + 24, writeQueueSize);
    return crc32(h, FtwHeaderSize);
}

quint16 fvHeaderSum(const char *header, int length)
{
    quint16 sum = 0;
    for (int i = 0; i + 1 < length; i += 2)
        sum = quint16(sum + le16(header + i));
    return sum;
}

QString ftwQueueName(FtwQueue queue)
{
    switch (queue) {
    case FtwQueue::Absent: return QStringLiteral("absent");
    case FtwQueue::Empty: return QStringLiteral("empty");
    case FtwQueue::CompletedOnly: return QStringLiteral("completed writes only");
    case FtwQueue::Pending: return QStringLiteral("pending write");
    case FtwQueue::Corrupt: return QStringLiteral("corrupt");
    }
    return {};
}

Result<StoreLayout> validateStoreAt(const QByteArray &image, qsizetype off)
{
    StoreLayout l;
    l.imageSize = image.size();
    l.fvOffset = off;
    if (off < 0 || off + FvMinHeader > image.size())
        return Result<StoreLayout>::failure(QStringLiteral("firmware volume header at %1 is cut off").arg(hex(quint64(off))));
    const char *h = image.constData() + off;
    if (guidFromBytes(h + 16) != guids::NvDataFv)
        return Result<StoreLayout>::failure(QStringLiteral("no NV firmware volume at %1").arg(hex(quint64(off))));
    if (le32(h + 0x28) != FvSignature)
        return Result<StoreLayout>::failure(QStringLiteral("NV firmware volume at %1 lacks the _FVH signature").arg(hex(quint64(off))));
    l.fvLength = le64(h + 0x20);
    l.fvAttributes = le32(h + 0x2c);
    l.fvHeaderLength = le16(h + 0x30);
    if (l.fvHeaderLength < FvMinHeader || (l.fvHeaderLength & 1) || off + l.fvHeaderLength > image.size()
        || l.fvHeaderLength > l.fvLength)
        return Result<StoreLayout>::failure(QStringLiteral("NV firmware volume at %1 has an invalid header length %2")
                                                .arg(hex(quint64(off)), hex(l.fvHeaderLength)));
    if (const quint16 sum = fvHeaderSum(h, l.fvHeaderLength); sum != 0)
        return Result<StoreLayout>::failure(QStringLiteral("NV firmware volume header checksum at %1 is wrong (sum %2, checksum field %3)")
                                                .arg(hex(quint64(off)), hex(sum), hex(le16(h + 0x32))));
    if (l.fvLength > quint64(image.size() - off))
        return Result<StoreLayout>::failure(QStringLiteral("NV firmware volume at %1 is %2 bytes long but the image ends after %3 (truncated?)")
                                                .arg(hex(quint64(off)), hex(l.fvLength), hex(quint64(image.size() - off))));
    l.fvBlocks = le32(h + 0x38);
    l.fvBlockSize = le32(h + 0x3c);
    l.storeOffset = off + l.fvHeaderLength;
    return checkStoreHeader(image, l, off + qsizetype(l.fvLength));
}

Result<StoreLayout> locateStore(const QByteArray &image)
{
    QString firstError;
    qsizetype off = 0;
    while (off + FvMinHeader <= image.size()) {
        const char *h = image.constData() + off;
        const QUuid guid = guidFromBytes(h + 16);
        const bool fvh = le32(h + 0x28) == FvSignature;
        if (guid == guids::NvDataFv && fvh) {
            auto r = validateStoreAt(image, off);
            if (r.ok())
                return r;
            if (firstError.isEmpty())
                firstError = r.error();
        } else if ((guid == guids::Ffs2 || guid == guids::Ffs3) && fvh) {
            const quint64 len = le64(h + 0x20);
            if (len >= quint64(FvMinHeader) && len <= quint64(image.size() - off)) {
                off += qsizetype(len);
                continue;
            }
        }
        off += 1024;
    }
    if (!firstError.isEmpty())
        return Result<StoreLayout>::failure(firstError);
    // A bare variable store (no FV header), e.g. an extracted store or a test fixture.
    if (guidAt(image, 0, guids::AuthVariableStore) || guidAt(image, 0, guids::VariableStore)) {
        StoreLayout l;
        l.imageSize = image.size();
        l.fvOffset = -1;
        l.storeOffset = 0;
        return checkStoreHeader(image, l, image.size());
    }
    if (image.isEmpty())
        return Result<StoreLayout>::failure(QStringLiteral("the file is empty"));
    if (image.count('\0') == image.size())
        return Result<StoreLayout>::failure(QStringLiteral("the image is all zero bytes: no firmware volume (an unformatted varstore such as Debian's AAVMF_VARS.fd?)"));
    return Result<StoreLayout>::failure(QStringLiteral("no NV firmware volume (gEfiSystemNvDataFvGuid with _FVH) and no variable store found in %1 bytes")
                                            .arg(image.size()));
}

} // namespace efi
