#include "http/httpdate.h"

#include <QTest>

class TestHttpDate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("epoch"); // -1 = invalid
        QTest::newRow("imf-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << qint64(784111777);
        QTest::newRow("rfc850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << qint64(784111777);
        QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << qint64(784111777);
        QTest::newRow("asctime 2-digit day") << QByteArray("Thu Nov 16 08:49:37 2023") << qint64(1700124577);
        QTest::newRow("trailing space") << QByteArray(" Sun, 06 Nov 1994 08:49:37 GMT ") << qint64(784111777);
        QTest::newRow("y2038+") << QByteArray("Fri, 01 Jan 2100 00:00:00 GMT") << qint64(4102444800);
        QTest::newRow("not gmt") << QByteArray("Sun, 06 Nov 1994 08:49:37 UTC") << qint64(-1);
        QTest::newRow("bad month") << QByteArray("Sun, 06 Foo 1994 08:49:37 GMT") << qint64(-1);
        QTest::newRow("bad day") << QByteArray("Sun, 32 Nov 1994 08:49:37 GMT") << qint64(-1);
        QTest::newRow("bad time") << QByteArray("Sun, 06 Nov 1994 25:49:37 GMT") << qint64(-1);
        QTest::newRow("bad dayname") << QByteArray("Xyz, 06 Nov 1994 08:49:37 GMT") << qint64(-1);
        QTest::newRow("epoch number") << QByteArray("784111777") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("huge") << QByteArray(500, 'a') << qint64(-1);
    }
    void parse()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, epoch);
        const auto t = httpdate::parse(text);
        if (epoch < 0) {
            QVERIFY(!t);
        } else {
            QVERIFY(t);
            QCOMPARE(t->toSecsSinceEpoch(), epoch);
        }
    }
    void format()
    {
        QCOMPARE(httpdate::format(QDateTime::fromSecsSinceEpoch(784111777, Qt::UTC)), QByteArray("Sun, 06 Nov 1994 08:49:37 GMT"));
        const QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        QCOMPARE(*httpdate::parse(httpdate::format(now)), now);
        // Local times are converted.
        QCOMPARE(httpdate::format(QDateTime::fromSecsSinceEpoch(784111777, Qt::OffsetFromUTC, 3600)),
                 QByteArray("Sun, 06 Nov 1994 08:49:37 GMT"));
    }
};

QTEST_GUILESS_MAIN(TestHttpDate)
#include "tst_httpdate.moc"
