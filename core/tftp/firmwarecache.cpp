#include "firmwarecache.h"

#include <QCryptographicHash>

FirmwareCache::Entry FirmwareCache::intern(const QByteArray &bytes)
{
    const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).sha256 == hash) {
            Entry e = m_entries.takeAt(i);
            m_entries.append(e);
            return e;
        }
    }
    m_entries.append(Entry{bytes, hash});
    while (m_entries.size() > 1 && this->bytes() > m_maxBytes)
        m_entries.removeFirst();
    return m_entries.constLast();
}

qint64 FirmwareCache::bytes() const
{
    qint64 total = 0;
    for (const Entry &e : m_entries)
        total += e.bytes.size();
    return total;
}
