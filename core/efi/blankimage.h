#pragma once

#include <QByteArray>

// Firmware images generated from scratch, byte-compatible with what the EDK2 build's FDF DATA
// blocks produce for the NV region (FV header, authenticated store header, FTW working block
// header; everything else erased to 0xFF).
namespace efi {

// A 0x20000-byte NV firmware volume as in RPi4.fdf / OVMF 2M: store 0xE000 (Size 0xDFB8), event
// log 0x1000, FTW working block 0x1000 (queue 0xFE0), FTW spare 0x10000.
QByteArray blankNvVolume();
// An RPI_EFI.fd of the pftf v1.5-v1.38 layout (2,031,616 bytes, NV volume at 0x1D0000) with an
// empty store. The code region is erased (0xFF): it carries no firmware, so this is a store
// template for rendering and for the demo lab's virtual devices, not something a real Pi boots.
QByteArray blankRpiImage();

} // namespace efi
