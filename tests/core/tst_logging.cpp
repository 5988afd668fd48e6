#include "common/logging.h"

#include <QTest>

class TestLogging : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redactsSecrets_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("password=") << "login password=hunter2 ok" << "login password=*** ok";
        QTest::newRow("json") << R"({"UserName":"admin","Password":"hunter2"})" << R"({"UserName":"admin","Password":"***"})";
        QTest::newRow("yaml") << "password: hunter2" << "password: ***";
        QTest::newRow("community") << "community=private" << "community=***";
        QTest::newRow("token") << "token 0123abcd" << "token 0123abcd"; // "token " without separator is not key/value
        QTest::newRow("api key") << "api_key: ABC" << "api_key: ***";
        QTest::newRow("auth header") << "Authorization: Basic YWRtaW46aHVudGVyMg==" << "Authorization: ***";
        QTest::newRow("x-auth-token") << "X-Auth-Token: abc" << "X-Auth-Token: ***";
        QTest::newRow("cookie") << "Cookie: unifises=abc; csrf_token=x" << "Cookie: ***";
        QTest::newRow("harmless") << "sent start4.elf to 127.0.0.1" << "sent start4.elf to 127.0.0.1";
    }
    void redactsSecrets()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(logging::redactSecrets(in), out);
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
