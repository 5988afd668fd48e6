// The Windows installer configuration (installers/windows/nsis.cmake), checked on Linux: cpack
// generates the NSIS script and Debian's makensis compiles it (the payload is the Linux build, so
// the resulting .exe is thrown away). Guards the firewall rules and Start menu entry.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestNsisInstaller : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void compiles();
    void firewallRules_data();
    void firewallRules();
    void startMenuEntry();

private:
    QTemporaryDir m_out;
    QString m_script;
};

void TestNsisInstaller::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("makensis")).isEmpty())
        QSKIP("makensis not found (apt install nsis)");
    QVERIFY(m_out.isValid());
}

void TestNsisInstaller::compiles()
{
    QProcess cpack;
    cpack.start(QStringLiteral(CPACK_COMMAND), {QStringLiteral("-G"), QStringLiteral("NSIS"), QStringLiteral("--config"),
                                                QStringLiteral(CPACK_CONFIG), QStringLiteral("-B"), m_out.path()});
    QVERIFY(cpack.waitForFinished(240000));
    const QString log = QString::fromUtf8(cpack.readAll());
    QFile nsisLog(m_out.path() + QStringLiteral("/_CPack_Packages/Linux/NSIS/NSISOutput.log"));
    const QString makensis = nsisLog.open(QIODevice::ReadOnly) ? QString::fromUtf8(nsisLog.readAll()) : QString();
    QVERIFY2(cpack.exitCode() == 0, qPrintable(log + makensis));
    QVERIFY2(!QDir(m_out.path()).entryList({QStringLiteral("metalboot-*.exe")}, QDir::Files).isEmpty(), qPrintable(log));
    QFile script(m_out.path() + QStringLiteral("/_CPack_Packages/Linux/NSIS/project.nsi"));
    QVERIFY(script.open(QIODevice::ReadOnly));
    m_script = QString::fromUtf8(script.readAll());
    QVERIFY(m_script.contains(QStringLiteral("RequestExecutionLevel admin")));   // netsh needs elevation
}

void TestNsisInstaller::firewallRules_data()
{
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("port");
    QTest::newRow("dhcp") << QStringLiteral("UDP") << QStringLiteral("67");
    QTest::newRow("proxy dhcp") << QStringLiteral("UDP") << QStringLiteral("4011");
    QTest::newRow("tftp") << QStringLiteral("UDP") << QStringLiteral("69");
    QTest::newRow("http") << QStringLiteral("TCP") << QStringLiteral("80");
    QTest::newRow("http demo") << QStringLiteral("TCP") << QStringLiteral("8080");
    QTest::newRow("redfish") << QStringLiteral("TCP") << QStringLiteral("443");
    QTest::newRow("redfish demo") << QStringLiteral("TCP") << QStringLiteral("8443");
    QTest::newRow("netconsole") << QStringLiteral("UDP") << QStringLiteral("6666");
    QTest::newRow("syslog") << QStringLiteral("UDP") << QStringLiteral("5514");
}

void TestNsisInstaller::firewallRules()
{
    QFETCH(QString, protocol);
    QFETCH(QString, port);
    if (m_script.isEmpty())
        QSKIP("no script (see compiles)");
    // An inbound allow rule for the port, scoped to the installed program ...
    const QRegularExpression add(QStringLiteral(R"re(netsh advfirewall firewall add rule name="([^"]+)" dir=in action=allow )re"
                                                R"re(program="\$INSTDIR\\bin\\metalboot\.exe" [^']*protocol=%1 localport=([0-9,]*\b%2\b[0-9,]*)')re")
                                     .arg(protocol, port));
    const auto m = add.match(m_script);
    QVERIFY2(m.hasMatch(), qPrintable(QStringLiteral("no inbound %1 %2 rule").arg(protocol, port)));
    // ... removed again by the uninstaller (and before a reinstall adds it).
    const QString del = QStringLiteral("netsh advfirewall firewall delete rule name=\"%1\"").arg(m.captured(1));
    QVERIFY2(m_script.count(del) >= 2, qPrintable(del));
}

void TestNsisInstaller::startMenuEntry()
{
    if (m_script.isEmpty())
        QSKIP("no script (see compiles)");
    QVERIFY(m_script.contains(QStringLiteral(R"re(CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\Metal Boot.lnk" "$INSTDIR\bin\metalboot.exe")re")));
}

QTEST_GUILESS_MAIN(TestNsisInstaller)
#include "tst_nsisinstaller.moc"
