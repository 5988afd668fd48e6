#include "http/staticfile.h"

#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray Tag = "\"2710-abc-1f\"";
const QByteArray Modified = "Sun, 06 Nov 1994 08:49:37 GMT";
const QByteArray Before = "Sat, 05 Nov 1994 08:49:37 GMT";
const QByteArray After = "Mon, 07 Nov 1994 08:49:37 GMT";

staticfile::Validators validators()
{
    staticfile::Validators v;
    v.size = 10000;
    v.lastModified = QDateTime::fromSecsSinceEpoch(784111777, Qt::UTC);
    v.etag = Tag;
    return v;
}
} // namespace

class TestStaticFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void evaluate_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("ifMatch");
        QTest::addColumn<QByteArray>("ifNoneMatch");
        QTest::addColumn<QByteArray>("ifModifiedSince");
        QTest::addColumn<QByteArray>("ifUnmodifiedSince");
        QTest::addColumn<QByteArray>("ifRange");
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("length");
        const QByteArray n;
        QTest::newRow("plain") << QByteArray("GET") << n << n << n << n << n << n << 200 << qint64(0) << qint64(10000);
        QTest::newRow("head") << QByteArray("HEAD") << n << n << n << n << n << n << 200 << qint64(0) << qint64(10000);
        QTest::newRow("inm match") << QByteArray("GET") << n << Tag << n << n << n << n << 304 << qint64(0) << qint64(10000);
        QTest::newRow("inm weak match") << QByteArray("GET") << n << QByteArray("W/") + Tag << n << n << n << n << 304 << qint64(0) << qint64(10000);
        QTest::newRow("inm list") << QByteArray("HEAD") << n << QByteArray("\"x\", ") + Tag << n << n << n << n << 304 << qint64(0) << qint64(10000);
        QTest::newRow("inm star") << QByteArray("GET") << n << QByteArray("*") << n << n << n << n << 304 << qint64(0) << qint64(10000);
        QTest::newRow("inm other") << QByteArray("GET") << n << QByteArray("\"other\"") << n << n << n << n << 200 << qint64(0) << qint64(10000);
        QTest::newRow("inm beats ims") << QByteArray("GET") << n << QByteArray("\"other\"") << After << n << n << n << 200 << qint64(0) << qint64(10000);
        QTest::newRow("inm malformed") << QByteArray("GET") << n << QByteArray("nope") << n << n << n << n << 200 << qint64(0) << qint64(10000);
        QTest::newRow("ims same") << QByteArray("GET") << n << n << Modified << n << n << n << 304 << qint64(0) << qint64(10000);
        QTest::newRow("ims later") << QByteArray("GET") << n << n << After << n << n << n << 304 << qint64(0) << qint64(10000);
        QTest::newRow("ims earlier") << QByteArray("GET") << n << n << Before << n << n << n << 200 << qint64(0) << qint64(10000);
        QTest::newRow("ims invalid") << QByteArray("GET") << n << n << QByteArray("yesterday") << n << n << n << 200 << qint64(0) << qint64(10000);
        QTest::newRow("ims ignored for post") << QByteArray("POST") << n << n << After << n << n << n << 200 << qint64(0) << qint64(10000);
        QTest::newRow("inm on post") << QByteArray("POST") << n << Tag << n << n << n << n << 412 << qint64(0) << qint64(10000);
        QTest::newRow("if-match ok") << QByteArray("GET") << Tag << n << n << n << n << n << 200 << qint64(0) << qint64(10000);
        QTest::newRow("if-match star") << QByteArray("GET") << QByteArray("*") << n << n << n << n << n << 200 << qint64(0) << qint64(10000);
        QTest::newRow("if-match weak fails") << QByteArray("GET") << QByteArray("W/") + Tag << n << n << n << n << n << 412 << qint64(0) << qint64(10000);
        QTest::newRow("if-match other") << QByteArray("GET") << QByteArray("\"x\"") << n << n << n << n << n << 412 << qint64(0) << qint64(10000);
        QTest::newRow("ius earlier") << QByteArray("GET") << n << n << n << Before << n << n << 412 << qint64(0) << qint64(10000);
        QTest::newRow("ius same") << QByteArray("GET") << n << n << n << Modified << n << n << 200 << qint64(0) << qint64(10000);
        QTest::newRow("if-match beats ius") << QByteArray("GET") << Tag << n << n << Before << n << n << 200 << qint64(0) << qint64(10000);
        QTest::newRow("range") << QByteArray("GET") << n << n << n << n << n << QByteArray("bytes=100-199") << 206 << qint64(100) << qint64(100);
        QTest::newRow("range head") << QByteArray("HEAD") << n << n << n << n << n << QByteArray("bytes=-10") << 206 << qint64(9990) << qint64(10);
        QTest::newRow("range post ignored") << QByteArray("POST") << n << n << n << n << n << QByteArray("bytes=0-1") << 200 << qint64(0) << qint64(10000);
        QTest::newRow("range 416") << QByteArray("GET") << n << n << n << n << n << QByteArray("bytes=10000-") << 416 << qint64(0) << qint64(0);
        QTest::newRow("range multi refused") << QByteArray("GET") << n << n << n << n << n << QByteArray("bytes=0-0,9999-") << 200 << qint64(0) << qint64(10000);
        QTest::newRow("if-range etag holds") << QByteArray("GET") << n << n << n << n << Tag << QByteArray("bytes=0-9") << 206 << qint64(0) << qint64(10);
        QTest::newRow("if-range etag changed") << QByteArray("GET") << n << n << n << n << QByteArray("\"old\"") << QByteArray("bytes=0-9") << 200 << qint64(0) << qint64(10000);
        QTest::newRow("if-range weak never") << QByteArray("GET") << n << n << n << n << QByteArray("W/") + Tag << QByteArray("bytes=0-9") << 200 << qint64(0) << qint64(10000);
        QTest::newRow("if-range date holds") << QByteArray("GET") << n << n << n << n << Modified << QByteArray("bytes=0-9") << 206 << qint64(0) << qint64(10);
        QTest::newRow("if-range date differs") << QByteArray("GET") << n << n << n << n << After << QByteArray("bytes=0-9") << 200 << qint64(0) << qint64(10000);
        QTest::newRow("304 beats range") << QByteArray("GET") << n << Tag << n << n << n << QByteArray("bytes=0-9") << 304 << qint64(0) << qint64(10000);
    }
    void evaluate()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, ifMatch);
        QFETCH(QByteArray, ifNoneMatch);
        QFETCH(QByteArray, ifModifiedSince);
        QFETCH(QByteArray, ifUnmodifiedSince);
        QFETCH(QByteArray, ifRange);
        QFETCH(QByteArray, range);
        QFETCH(int, status);
        QFETCH(qint64, first);
        QFETCH(qint64, length);
        staticfile::Conditions c;
        c.method = method;
        c.ifMatch = ifMatch;
        c.ifNoneMatch = ifNoneMatch;
        c.ifModifiedSince = ifModifiedSince;
        c.ifUnmodifiedSince = ifUnmodifiedSince;
        c.ifRange = ifRange;
        c.range = range;
        const staticfile::Decision d = staticfile::evaluate(c, validators());
        QCOMPARE(d.status, status);
        if (status == 200 || status == 206) {
            QCOMPARE(d.body.first, first);
            QCOMPARE(d.body.length, length);
        }
    }

    void validatorsFromDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("f.bin"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(1234, 'x'));
        f.close();
        staticfile::Validators a;
        QVERIFY(staticfile::validatorsFor(path, &a));
        QCOMPARE(a.size, qint64(1234));
        QVERIFY(a.etag.startsWith("\"4d2-") && a.etag.endsWith('"'));
        QCOMPARE(a.lastModified.timeSpec(), Qt::UTC);
        QCOMPARE(a.lastModified.time().msec(), 0);
        // Rewritten with the same size: a different tag (nanosecond mtime or inode).
        QTest::qWait(20);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(1234, 'y'));
        f.close();
        staticfile::Validators b;
        QVERIFY(staticfile::validatorsFor(path, &b));
        QVERIFY(a.etag != b.etag);
        QVERIFY(!staticfile::validatorsFor(dir.path(), &b));           // a directory
        QVERIFY(!staticfile::validatorsFor(dir.filePath(QStringLiteral("missing")), &b));
    }

    void contentType_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("script") << "/boot/menu.ipxe" << QByteArray("text/plain; charset=utf-8");
        QTest::newRow("iso") << "live.ISO" << QByteArray("application/x-iso9660-image");
        QTest::newRow("kernel") << "vmlinuz" << QByteArray("application/octet-stream");
        QTest::newRow("efi") << "ipxe.efi" << QByteArray("application/octet-stream");
        QTest::newRow("initrd") << "initrd.img" << QByteArray("application/octet-stream");
        QTest::newRow("xz") << "root.tar.xz" << QByteArray("application/x-xz");
        QTest::newRow("json") << "a.json" << QByteArray("application/json");
        QTest::newRow("dot dir") << "/a.d/vmlinuz" << QByteArray("application/octet-stream");
        QTest::newRow("hidden-like") << ".bashrc" << QByteArray("application/octet-stream");
    }
    void contentType()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, type);
        QCOMPARE(staticfile::contentType(name), type);
    }
};

QTEST_GUILESS_MAIN(TestStaticFile)
#include "tst_staticfile.moc"
