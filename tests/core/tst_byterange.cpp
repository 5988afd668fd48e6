#include "http/byterange.h"

#include <QTest>

class TestByteRange : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<int>("outcome");     // 0 ignore, 1 partial, 2 unsatisfiable
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("length");
        const int I = 0, P = 1, U = 2;
        QTest::newRow("first 500") << QByteArray("bytes=0-499") << qint64(10000) << P << qint64(0) << qint64(500);
        QTest::newRow("second 500") << QByteArray("bytes=500-999") << qint64(10000) << P << qint64(500) << qint64(500);
        QTest::newRow("suffix") << QByteArray("bytes=-500") << qint64(10000) << P << qint64(9500) << qint64(500);
        QTest::newRow("open end") << QByteArray("bytes=9500-") << qint64(10000) << P << qint64(9500) << qint64(500);
        QTest::newRow("whole via 0-") << QByteArray("bytes=0-") << qint64(10000) << P << qint64(0) << qint64(10000);
        QTest::newRow("last clamped") << QByteArray("bytes=9000-20000") << qint64(10000) << P << qint64(9000) << qint64(1000);
        QTest::newRow("suffix longer than file") << QByteArray("bytes=-20000") << qint64(10000) << P << qint64(0) << qint64(10000);
        QTest::newRow("single byte") << QByteArray("bytes=0-0") << qint64(1) << P << qint64(0) << qint64(1);
        QTest::newRow("unit case") << QByteArray("Bytes=1-2") << qint64(10) << P << qint64(1) << qint64(2);
        QTest::newRow("spaces") << QByteArray(" bytes = 1-2 , 3-4 ") << qint64(10) << P << qint64(1) << qint64(4);
        QTest::newRow("beyond 4 GiB") << QByteArray("bytes=5000000000-5000000099") << qint64(6000000000) << P
                                      << qint64(5000000000) << qint64(100);
        QTest::newRow("overlapping merge") << QByteArray("bytes=0-99,50-149") << qint64(1000) << P << qint64(0) << qint64(150);
        QTest::newRow("adjacent merge") << QByteArray("bytes=0-99,100-199") << qint64(1000) << P << qint64(0) << qint64(200);
        QTest::newRow("unordered merge") << QByteArray("bytes=100-199,0-99") << qint64(1000) << P << qint64(0) << qint64(200);
        QTest::newRow("one unsatisfiable of two") << QByteArray("bytes=0-9,5000-6000") << qint64(1000) << P << qint64(0) << qint64(10);
        QTest::newRow("gap: multipart refused") << QByteArray("bytes=0-0,-1") << qint64(1000) << I << qint64(0) << qint64(0);
        QTest::newRow("start beyond end") << QByteArray("bytes=10000-") << qint64(10000) << U << qint64(0) << qint64(0);
        QTest::newRow("all beyond end") << QByteArray("bytes=20000-20010,30000-") << qint64(10000) << U << qint64(0) << qint64(0);
        QTest::newRow("zero suffix") << QByteArray("bytes=-0") << qint64(10000) << U << qint64(0) << qint64(0);
        QTest::newRow("empty file") << QByteArray("bytes=0-") << qint64(0) << U << qint64(0) << qint64(0);
        QTest::newRow("empty file suffix") << QByteArray("bytes=-5") << qint64(0) << U << qint64(0) << qint64(0);
        QTest::newRow("last < first") << QByteArray("bytes=5-2") << qint64(100) << I << qint64(0) << qint64(0);
        QTest::newRow("unknown unit") << QByteArray("items=0-5") << qint64(100) << I << qint64(0) << qint64(0);
        QTest::newRow("no equals") << QByteArray("bytes 0-5") << qint64(100) << I << qint64(0) << qint64(0);
        QTest::newRow("garbage") << QByteArray("bytes=abc") << qint64(100) << I << qint64(0) << qint64(0);
        QTest::newRow("negative") << QByteArray("bytes=-5-10") << qint64(100) << I << qint64(0) << qint64(0);
        QTest::newRow("plus sign") << QByteArray("bytes=+1-2") << qint64(100) << I << qint64(0) << qint64(0);
        QTest::newRow("huge number") << QByteArray("bytes=0-99999999999999999999999") << qint64(100) << I << qint64(0) << qint64(0);
        QTest::newRow("empty") << QByteArray("") << qint64(100) << I << qint64(0) << qint64(0);
        QTest::newRow("only commas") << QByteArray("bytes=,,") << qint64(100) << I << qint64(0) << qint64(0);
        QByteArray many = "bytes=0-0";
        for (int i = 1; i < 40; ++i)
            many += ',' + QByteArray::number(i) + '-' + QByteArray::number(i);
        QTest::newRow("too many ranges") << many << qint64(100) << I << qint64(0) << qint64(0);
    }
    void parse()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, size);
        QFETCH(int, outcome);
        QFETCH(qint64, first);
        QFETCH(qint64, length);
        const byterange::Result r = byterange::parse(header, size);
        QCOMPARE(int(r.outcome), outcome);
        if (r.outcome == byterange::Outcome::Partial) {
            QCOMPARE(r.range.first, first);
            QCOMPARE(r.range.length, length);
            QVERIFY(r.range.last() < size);
        }
    }
    void headers()
    {
        QCOMPARE(byterange::contentRange({0, 500}, 1234), QByteArray("bytes 0-499/1234"));
        QCOMPARE(byterange::contentRange({5000000000, 1}, 6000000000), QByteArray("bytes 5000000000-5000000000/6000000000"));
        QCOMPARE(byterange::unsatisfiedRange(1234), QByteArray("bytes */1234"));
    }
};

QTEST_GUILESS_MAIN(TestByteRange)
#include "tst_byterange.moc"
