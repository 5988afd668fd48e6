// secureexec::dropUntrustedLoadPaths: what a process with file capabilities removes from its
// environment and command line before Qt starts (plugin and QML paths chosen by the caller).
#include "common/secureexec.h"

#include <QTest>

#include <cstdlib>
#include <vector>

class TestSecureExec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dropsPluginPaths()
    {
        qputenv("QT_PLUGIN_PATH", "/tmp/evil");
        qputenv("QML2_IMPORT_PATH", "/tmp/evil-qml");
        qputenv("QT_QPA_PLATFORM_PLUGIN_PATH", "/tmp/evil");
        qputenv("QT_QPA_PLATFORMTHEME", "gtk3");   // a name from the trusted plugin directory: kept
        std::vector<QByteArray> args = {"metalboot", "-platformpluginpath", "/tmp/evil", "--headless", "-plugin=evdevmouse",
                                        "--qmljsdebugger=port:1234", "--config", "/etc/metalboot/lab.yaml", "-plugin"};
        std::vector<char *> argv;
        for (auto &a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        int argc = int(args.size());
        const QStringList dropped = secureexec::dropUntrustedLoadPaths(argc, argv.data());
        QCOMPARE(argc, 4);
        QCOMPARE(QByteArray(argv[0]), QByteArray("metalboot"));
        QCOMPARE(QByteArray(argv[1]), QByteArray("--headless"));
        QCOMPARE(QByteArray(argv[2]), QByteArray("--config"));
        QCOMPARE(QByteArray(argv[3]), QByteArray("/etc/metalboot/lab.yaml"));
        QVERIFY(argv[4] == nullptr);
        QVERIFY(!qEnvironmentVariableIsSet("QT_PLUGIN_PATH"));
        QVERIFY(!qEnvironmentVariableIsSet("QML2_IMPORT_PATH"));
        QVERIFY(!qEnvironmentVariableIsSet("QT_QPA_PLATFORM_PLUGIN_PATH"));
        QCOMPARE(qgetenv("QT_QPA_PLATFORMTHEME"), QByteArray("gtk3"));
        QVERIFY(dropped.contains(QStringLiteral("QT_PLUGIN_PATH")));
        QVERIFY(dropped.contains(QStringLiteral("-platformpluginpath")));
        QVERIFY(dropped.contains(QStringLiteral("--qmljsdebugger")));
    }

    void ordinaryRunIsNotSecure()
    {
        // The test binary has no file capabilities and is not setuid.
        QVERIFY(!secureexec::isSecureExecution());
    }
};

QTEST_GUILESS_MAIN(TestSecureExec)
#include "tst_secureexec.moc"
