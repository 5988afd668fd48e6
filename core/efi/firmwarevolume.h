#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

// Locating and validating the NV firmware volume of an EDK2 image: EFI_FIRMWARE_VOLUME_HEADER,
// VARIABLE_STORE_HEADER and the fault-tolerant-write (FTW) working block that follows the store.
namespace efi {

enum class StoreFormat { Authenticated, Plain };

// What the FTW write queue holds. Only Pending (a write the firmware would replay from the spare
// block at boot, possibly over our edit) and Corrupt forbid rewriting the store.
enum class FtwQueue { Absent, Empty, CompletedOnly, Pending, Corrupt };

struct StoreLayout
{
    qsizetype imageSize = 0;
    qsizetype fvOffset = -1;        // NV firmware volume; -1 = a bare variable store file
    quint64 fvLength = 0;
    quint16 fvHeaderLength = 0;
    quint32 fvAttributes = 0;
    quint32 fvBlocks = 0;           // first block map entry
    quint32 fvBlockSize = 0;
    qsizetype storeOffset = 0;      // VARIABLE_STORE_HEADER
    quint32 storeSize = 0;          // including the 0x1C-byte store header
    StoreFormat format = StoreFormat::Authenticated;
    qsizetype ftwOffset = -1;       // EFI_FAULT_TOLERANT_WORKING_BLOCK_HEADER, -1 = none found
    quint64 ftwQueueSize = 0;
    bool ftwHeaderValid = false;
    FtwQueue ftwQueue = FtwQueue::Absent;
    QString kind;                   // "pftf RPi4 v1.5-v1.38", "OVMF 4M vars", ... (hint for humans)

    static constexpr qsizetype StoreHeaderSize = 0x1C;
    [[nodiscard]] qsizetype variablesBegin() const { return storeOffset + StoreHeaderSize; }
    [[nodiscard]] qsizetype variablesEnd() const { return storeOffset + qsizetype(storeSize); }
    [[nodiscard]] qsizetype variableHeaderSize() const { return format == StoreFormat::Authenticated ? 60 : 32; }
    [[nodiscard]] bool isAuthenticated() const { return format == StoreFormat::Authenticated; }
};

// Scans the image the way virt-firmware does (NvData GUID at off+16; FFS volumes skipped by
// their FvLength; otherwise 1 KiB steps), additionally requiring the _FVH signature and a valid
// header checksum. Falls back to a bare variable store at offset 0. Never reads out of bounds.
Result<StoreLayout> locateStore(const QByteArray &image);
// Validates the NV volume at a known offset (used to re-check a freshly written image).
Result<StoreLayout> validateStoreAt(const QByteArray &image, qsizetype fvOffset);

// u16 sum of a firmware volume header (0 when valid).
quint16 fvHeaderSum(const char *header, int length);
// EFI_FAULT_TOLERANT_WORKING_BLOCK_HEADER.Crc per edk2 InitializeLocalWorkSpaceHeader:
// CRC-32 over the 32-byte header with Crc and state bytes still 0xFF.
quint32 ftwHeaderCrc(quint64 writeQueueSize);
quint32 crc32(const char *data, qsizetype size, quint32 crc = 0);
QString ftwQueueName(FtwQueue queue);

} // namespace efi
