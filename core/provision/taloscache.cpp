#include "taloscache.h"

#include "common/atomicfile.h"
#include "common/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>

QString TalosCache::keyFor(const QString &schematic, const QString &version, const QString &arch)
{
    return schematic + QLatin1Char('/') + version + QLatin1Char('/') + arch;
}

QString TalosCache::pathFor(const QString &key) const
{
    const QStringList parts = key.split(QLatin1Char('/'));
    if (parts.size() != 3)
        return {};
    return QDir(m_dir).filePath(QStringLiteral("%1/%2/openstack-%3.raw").arg(parts.at(0), parts.at(1), parts.at(2)));
}

void TalosCache::open(const QString &directory, qint64 limitBytes)
{
    m_dir = directory;
    m_limit = limitBytes;
    m_entries.clear();
    m_schematics.clear();
    QDir().mkpath(m_dir);
    // Partial downloads of a previous run are never trusted.
    QDir tmp(QDir(m_dir).filePath(QStringLiteral("tmp")));
    if (tmp.exists())
        for (const QString &f : tmp.entryList(QDir::Files))
            tmp.remove(f);
    QFile f(QDir(m_dir).filePath(QStringLiteral("index.json")));
    if (!f.open(QIODevice::ReadOnly) || f.size() > (8 << 20))
        return;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonObject schematics = root.value(QStringLiteral("schematics")).toObject();
    for (auto it = schematics.begin(); it != schematics.end(); ++it)
        m_schematics.insert(it.key(), it.value().toString());
    m_useCounter = quint64(root.value(QStringLiteral("use_counter")).toInteger());
    bool dropped = false;
    for (const QJsonValue &v : root.value(QStringLiteral("entries")).toArray()) {
        const QJsonObject o = v.toObject();
        Entry e;
        e.key = o.value(QStringLiteral("key")).toString();
        e.path = pathFor(e.key);
        e.size = o.value(QStringLiteral("size")).toInteger();
        e.sha256 = o.value(QStringLiteral("sha256")).toString().toLatin1();
        e.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate);
        e.lastUse = quint64(o.value(QStringLiteral("last_use")).toInteger());
        const QFileInfo fi(e.path);
        if (e.path.isEmpty() || !fi.isFile() || fi.size() != e.size || e.sha256.size() != 64) {
            qCWarning(lcProvision).noquote() << "talos cache: dropping damaged entry" << e.key;
            if (!e.path.isEmpty())
                QFile::remove(e.path);
            dropped = true;
            continue;
        }
        m_useCounter = qMax(m_useCounter, e.lastUse);
        m_entries.insert(e.key, e);
    }
    if (dropped)
        save();
}

std::optional<TalosCache::Entry> TalosCache::peek(const QString &key) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        return std::nullopt;
    return *it;
}

std::optional<TalosCache::Entry> TalosCache::use(const QString &key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return std::nullopt;
    const QFileInfo fi(it->path);
    if (!fi.isFile() || fi.size() != it->size) {
        qCWarning(lcProvision).noquote() << "talos cache: entry" << key << "changed on disk, dropping it";
        QFile::remove(it->path);
        m_entries.erase(it);
        save();
        return std::nullopt;
    }
    it->lastUse = ++m_useCounter;
    save();
    return *it;
}

QList<TalosCache::Entry> TalosCache::entries() const
{
    QList<Entry> list = m_entries.values();
    std::sort(list.begin(), list.end(), [](const Entry &a, const Entry &b) { return a.lastUse < b.lastUse; });
    return list;
}

qint64 TalosCache::totalBytes() const
{
    qint64 total = 0;
    for (const Entry &e : m_entries)
        total += e.size;
    return total;
}

void TalosCache::rememberSchematic(const QString &canonical, const QString &id)
{
    if (m_schematics.value(canonical) == id)
        return;
    m_schematics.insert(canonical, id);
    save();
}

QString TalosCache::newPartPath()
{
    const QString dir = QDir(m_dir).filePath(QStringLiteral("tmp"));
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("%1-%2.part")
                                  .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'))
                                  .arg(++m_partCounter));
}

bool TalosCache::commit(const QString &key, const QString &partPath, qint64 size, const QByteArray &sha256,
                        QString *error, QStringList *evicted)
{
    const QString finalPath = pathFor(key);
    if (finalPath.isEmpty()) {
        QFile::remove(partPath);
        if (error)
            *error = QStringLiteral("invalid cache key");
        return false;
    }
    if (m_limit > 0 && size > m_limit) {
        QFile::remove(partPath);
        if (error)
            *error = QStringLiteral("the image (%1 bytes) is larger than the whole cache (%2 bytes)").arg(size).arg(m_limit);
        return false;
    }
    remove(key);
    if (m_limit > 0) {
        QList<Entry> lru = entries();
        qint64 total = totalBytes();
        for (const Entry &e : lru) {
            if (total + size <= m_limit)
                break;
            QFile::remove(e.path);
            m_entries.remove(e.key);
            total -= e.size;
            if (evicted)
                evicted->append(e.key);
            qCInfo(lcProvision).noquote() << "talos cache: evicted" << e.key << "(" << e.size << "bytes, least recently used)";
        }
    }
    QDir().mkpath(QFileInfo(finalPath).absolutePath());
    if (!QFile::rename(partPath, finalPath)) {
        QFile::remove(partPath);
        if (error)
            *error = QStringLiteral("cannot move the download into %1").arg(finalPath);
        save();
        return false;
    }
    Entry e;
    e.key = key;
    e.path = finalPath;
    e.size = size;
    e.sha256 = sha256;
    e.created = QDateTime::currentDateTimeUtc();
    e.lastUse = ++m_useCounter;
    m_entries.insert(key, e);
    save();
    return true;
}

bool TalosCache::remove(const QString &key)
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return false;
    QFile::remove(it->path);
    m_entries.erase(it);
    save();
    return true;
}

void TalosCache::save() const
{
    if (m_dir.isEmpty())
        return;
    QJsonArray list;
    for (const Entry &e : entries())
        list.append(QJsonObject{{QStringLiteral("key"), e.key},
                                {QStringLiteral("size"), e.size},
                                {QStringLiteral("sha256"), QString::fromLatin1(e.sha256)},
                                {QStringLiteral("created"), e.created.toUTC().toString(Qt::ISODate)},
                                {QStringLiteral("last_use"), qint64(e.lastUse)}});
    QJsonObject schematics;
    for (auto it = m_schematics.cbegin(); it != m_schematics.cend(); ++it)
        schematics.insert(it.key(), it.value());
    const QJsonObject root{{QStringLiteral("version"), 1},
                           {QStringLiteral("use_counter"), qint64(m_useCounter)},
                           {QStringLiteral("schematics"), schematics},
                           {QStringLiteral("entries"), list}};
    QString why;
    if (!atomicfile::write(QDir(m_dir).filePath(QStringLiteral("index.json")), QJsonDocument(root).toJson(), &why))
        qCWarning(lcProvision).noquote() << "talos cache index not saved:" << why;
}
