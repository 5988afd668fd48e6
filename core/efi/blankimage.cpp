#include "blankimage.h"

#include "efibytes.h"
#include "efiguid.h"
#include "firmwarevolume.h"

#include <cstring>

namespace efi {

namespace {

constexpr qsizetype NvLength = 0x20000;
constexpr qsizetype StoreRegion = 0xe000;
constexpr qsizetype FtwWorkingOffset = 0xf000;
constexpr qsizetype FtwWorkingSize = 0x1000;
constexpr qsizetype RpiImageSize = 0x1f0000;
constexpr qsizetype RpiNvOffset = 0x1d0000;

} // namespace

QByteArray blankNvVolume()
{
    QByteArray fv(NvLength, char(0xff));
    char *h = fv.data();
    // EFI_FIRMWARE_VOLUME_HEADER
    std::memset(h, 0, 0x48);
    writeGuid(h + 0x10, guids::NvDataFv);
    put64(h + 0x20, NvLength);
    put32(h + 0x28, 0x4856465f);            // _FVH
    put32(h + 0x2c, 0x0004feff);            // attributes as in RPi4.fdf / OVMF
    put16(h + 0x30, 0x48);                  // HeaderLength
    h[0x37] = 2;                            // Revision
    put32(h + 0x38, quint32(NvLength / 0x1000));
    put32(h + 0x3c, 0x1000);                // BlockMap {0x20, 0x1000}, then {0, 0}
    put16(h + 0x32, quint16(0x10000 - fvHeaderSum(h, 0x48)) & 0xffff);
    // VARIABLE_STORE_HEADER (authenticated)
    char *s = h + 0x48;
    writeGuid(s, guids::AuthVariableStore);
    put32(s + 0x10, quint32(StoreRegion - 0x48));
    s[0x14] = char(0x5a);
    s[0x15] = char(0xfe);
    std::memset(s + 0x16, 0, 6);
    // EFI_FAULT_TOLERANT_WORKING_BLOCK_HEADER
    char *w = h + FtwWorkingOffset;
    writeGuid(w, guids::FtwWorkingBlock);
    const quint64 queue = FtwWorkingSize - 32;
    put64(w + 24, queue);
    put32(w + 16, ftwHeaderCrc(queue));
    w[20] = char(0xfe);
    return fv;
}

QByteArray blankRpiImage()
{
    QByteArray image(RpiImageSize, char(0xff));
    const QByteArray nv = blankNvVolume();
    std::memcpy(image.data() + RpiNvOffset, nv.constData(), size_t(nv.size()));
    return image;
}

} // namespace efi
