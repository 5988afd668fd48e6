#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// The on-disk Talos image cache: <dir>/<schematic>/<version>/openstack-<arch>.raw plus
// <dir>/index.json (sizes, SHA-256, last use, and the schematic ids the factory gave for each
// set of extensions/overlay, so cached images are served without asking the factory again).
// Bounded by a size limit with least-recently-used eviction. Only complete, verified downloads
// are committed (renamed in from <dir>/tmp/); anything else is deleted. No network here.
class TalosCache
{
public:
    struct Entry
    {
        QString key;             // "<schematic>/<version>/<arch>"
        QString path;            // absolute
        qint64 size = 0;
        QByteArray sha256;       // hex
        QDateTime created;
        quint64 lastUse = 0;     // increasing use counter (LRU order)
    };

    static QString keyFor(const QString &schematic, const QString &version, const QString &arch);

    // Loads the index, drops entries whose file is missing or has the wrong size, and removes
    // leftover partial downloads. `limitBytes` <= 0 = no limit.
    void open(const QString &directory, qint64 limitBytes);
    void setLimit(qint64 limitBytes) { m_limit = limitBytes; }
    [[nodiscard]] qint64 limit() const { return m_limit; }
    [[nodiscard]] QString directory() const { return m_dir; }

    // The entry if present and intact (file still there with its size); marks it used.
    std::optional<Entry> use(const QString &key);
    [[nodiscard]] std::optional<Entry> peek(const QString &key) const;
    [[nodiscard]] QList<Entry> entries() const;     // least recently used first
    [[nodiscard]] qint64 totalBytes() const;

    [[nodiscard]] QString schematicFor(const QString &canonical) const { return m_schematics.value(canonical); }
    void rememberSchematic(const QString &canonical, const QString &id);

    // A fresh partial-download path below <dir>/tmp/.
    QString newPartPath();
    // Moves a verified download in, evicting least recently used entries to stay within the
    // limit. False (part file deleted) if it alone is larger than the limit or cannot be moved.
    // `evicted` receives the keys that were removed.
    bool commit(const QString &key, const QString &partPath, qint64 size, const QByteArray &sha256, QString *error,
                QStringList *evicted = nullptr);
    bool remove(const QString &key);

private:
    void save() const;
    QString pathFor(const QString &key) const;

    QString m_dir;
    qint64 m_limit = 0;
    QHash<QString, Entry> m_entries;
    QHash<QString, QString> m_schematics;
    quint64 m_useCounter = 0;
    quint64 m_partCounter = 0;
};
