#include "provision/taloscache.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// The on-disk Talos cache alone: commit, least-recently-used eviction under the size limit,
// damaged entries and stale partial files dropped at start, schematic ids remembered.
class TestTalosCache : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QString key(const char *version) { return TalosCache::keyFor(QString(64, QLatin1Char('a')), QString::fromLatin1(version), QStringLiteral("arm64")); }
    static QByteArray sha() { return QByteArray(64, 'f'); }

    bool put(TalosCache &cache, const char *version, qint64 size, QStringList *evicted = nullptr, QString *why = nullptr)
    {
        const QString part = cache.newPartPath();
        QFile f(part);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(QByteArray(int(size), 'x'));
        f.close();
        QString error;
        const bool ok = cache.commit(key(version), part, size, sha(), why ? why : &error, evicted);
        if (!ok && QFile::exists(part))
            qWarning("part file left behind");
        return ok;
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void commitAndUse()
    {
        TalosCache cache;
        cache.open(m_dir.path(), 10000);
        QVERIFY(!cache.use(key("v1.7.0")));
        QVERIFY(put(cache, "v1.7.0", 3000));
        const auto e = cache.use(key("v1.7.0"));
        QVERIFY(e);
        QCOMPARE(e->size, 3000);
        QCOMPARE(e->sha256, sha());
        QVERIFY(e->path.endsWith(QStringLiteral("/v1.7.0/openstack-arm64.raw")));
        QCOMPARE(QFileInfo(e->path).size(), 3000);
        QCOMPARE(cache.totalBytes(), 3000);
        // Nothing left in tmp/.
        QVERIFY(QDir(m_dir.filePath(QStringLiteral("tmp"))).entryList(QDir::Files).isEmpty());
    }

    void leastRecentlyUsedEviction()
    {
        TalosCache cache;
        cache.open(m_dir.path(), 10000);
        QVERIFY(put(cache, "v1.7.0", 4000));   // A
        QVERIFY(put(cache, "v1.7.1", 4000));   // B
        QVERIFY(cache.use(key("v1.7.0")));      // A used: B is now the least recently used
        QStringList evicted;
        QVERIFY(put(cache, "v1.7.2", 4000, &evicted));   // C: 12000 > 10000
        QCOMPARE(evicted, QStringList{key("v1.7.1")});
        QVERIFY(cache.peek(key("v1.7.0")));
        QVERIFY(!cache.peek(key("v1.7.1")));
        QVERIFY(cache.peek(key("v1.7.2")));
        QVERIFY(!QFile::exists(m_dir.filePath(QString(64, QLatin1Char('a')) + QStringLiteral("/v1.7.1/openstack-arm64.raw"))));
        QCOMPARE(cache.totalBytes(), 8000);
        // A big one displaces several.
        evicted.clear();
        QVERIFY(put(cache, "v1.8.0", 9000, &evicted));
        QCOMPARE(evicted.size(), 2);
        QCOMPARE(cache.entries().size(), 1);
        // Larger than the whole cache: refused, nothing evicted, part file removed.
        evicted.clear();
        QString why;
        QVERIFY(!put(cache, "v1.9.0", 10001, &evicted, &why));
        QVERIFY(why.contains(QStringLiteral("larger than the whole cache")));
        QVERIFY(evicted.isEmpty());
        QVERIFY(cache.peek(key("v1.8.0")));
        QVERIFY(QDir(m_dir.filePath(QStringLiteral("tmp"))).entryList(QDir::Files).isEmpty());
    }

    void persistsAndDropsDamage()
    {
        {
            TalosCache cache;
            cache.open(m_dir.path(), 100000);
            QVERIFY(put(cache, "v1.7.0", 1000));
            QVERIFY(put(cache, "v1.7.1", 1000));
            QVERIFY(cache.use(key("v1.7.0")));
            cache.rememberSchematic(QStringLiteral("ext=;overlay=;image="), QString(64, QLatin1Char('a')));
            // A crash mid-download leaves a partial file behind.
            QFile stale(cache.newPartPath());
            QVERIFY(stale.open(QIODevice::WriteOnly));
            stale.write("partial");
        }
        // Someone truncates one cached image.
        {
            QFile f(m_dir.filePath(QString(64, QLatin1Char('a')) + QStringLiteral("/v1.7.1/openstack-arm64.raw")));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("short");
        }
        TalosCache cache;
        cache.open(m_dir.path(), 100000);
        QCOMPARE(cache.schematicFor(QStringLiteral("ext=;overlay=;image=")), QString(64, QLatin1Char('a')));
        QVERIFY(cache.peek(key("v1.7.0")));
        QVERIFY(!cache.peek(key("v1.7.1")));    // wrong size: dropped, never served
        QVERIFY(QDir(m_dir.filePath(QStringLiteral("tmp"))).entryList(QDir::Files).isEmpty());
        // The use order survived: v1.7.0 was used last.
        QVERIFY(put(cache, "v1.7.2", 1000));
        QCOMPARE(cache.entries().first().key, key("v1.7.0"));
        // A file changed behind our back after start is noticed at use time.
        QFile::remove(cache.peek(key("v1.7.0"))->path);
        QVERIFY(!cache.use(key("v1.7.0")));
        QVERIFY(!cache.peek(key("v1.7.0")));
    }
};

QTEST_GUILESS_MAIN(TestTalosCache)
#include "tst_taloscache.moc"
