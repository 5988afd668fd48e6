#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

// Reading and writing firmware images and JSON files with size caps; writes go through
// atomicfile (temporary file + rename), so an interrupted write leaves the old file intact.
namespace efi {

constexpr qint64 MaxImageBytes = 128LL << 20;   // AAVMF images are 64 MiB
constexpr qint64 MaxJsonBytes = 16LL << 20;

Result<QByteArray> readFileCapped(const QString &path, qint64 maxBytes);
Result<bool> writeFileAtomically(const QString &path, const QByteArray &data);

} // namespace efi
