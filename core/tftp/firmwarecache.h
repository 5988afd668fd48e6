#pragma once

#include <QByteArray>
#include <QList>

// Rendered firmware images (RPI_EFI.fd per device) kept by content hash: devices whose stores
// render identically share one buffer, a size probe and the download that follows reuse it, and
// the hash identifies in the journal exactly which image a device got. Bounded (LRU by bytes).
class FirmwareCache
{
public:
    struct Entry
    {
        QByteArray bytes;
        QByteArray sha256;   // hex
    };

    explicit FirmwareCache(qint64 maxBytes = 64 << 20) : m_maxBytes(maxBytes) {}

    // Returns the cached entry with the same content (sharing its buffer), or stores this one.
    Entry intern(const QByteArray &bytes);
    [[nodiscard]] int count() const { return int(m_entries.size()); }
    [[nodiscard]] qint64 bytes() const;
    void clear() { m_entries.clear(); }

private:
    QList<Entry> m_entries;   // most recently used last
    qint64 m_maxBytes;
};
