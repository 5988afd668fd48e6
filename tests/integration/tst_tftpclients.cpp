// TftpService against the real clients a lab uses: curl (tftp://), tftp-hpa and atftp (blksize,
// windowsize), over loopback. Files of 0 B, 511 B, 512 B, 1 MiB and 40 MiB (block numbers roll
// over at 512-byte blocks); every download is compared by SHA-256.

#include "tftp/tftpservice.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

} // namespace

class TestTftpClients : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    std::unique_ptr<TftpService> m_service;
    QHash<QString, QByteArray> m_sha;

    void makeFile(const QString &name, qint64 size)
    {
        QFile f(m_tmp.path() + QStringLiteral("/root/") + name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QRandomGenerator gen(quint32(size) + 17);
        QByteArray chunk(1 << 20, Qt::Uninitialized);
        qint64 left = size;
        while (left > 0) {
            gen.fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
            const qint64 n = std::min<qint64>(left, chunk.size());
            QCOMPARE(f.write(chunk.constData(), n), n);
            left -= n;
        }
        f.close();
        m_sha.insert(name, sha256Of(f.fileName()));
    }

    // Runs a client to completion while the service keeps running on this thread.
    bool run(const QString &program, const QStringList &args, const QString &workDir, int timeoutMs, QString *output,
             int *exitCode = nullptr)
    {
        QProcess p;
        p.setWorkingDirectory(workDir);
        p.setProcessChannelMode(QProcess::MergedChannels);
        QSignalSpy done(&p, &QProcess::finished);
        p.start(program, args);
        if (!p.waitForStarted(5000)) {
            *output = p.errorString();
            return false;
        }
        if (!done.wait(timeoutMs)) {
            p.kill();
            p.waitForFinished(2000);
            *output = QStringLiteral("timeout; ") + QString::fromLocal8Bit(p.readAll());
            return false;
        }
        *output = QString::fromLocal8Bit(p.readAll());
        if (exitCode)
            *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *tool : {"curl", "tftp", "atftp"})
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("%1 is not installed (scripts/deps-test.txt)").arg(QLatin1String(tool))));
        QVERIFY(m_tmp.isValid());
        QVERIFY(QDir().mkpath(m_tmp.path() + QStringLiteral("/root")));
        QVERIFY(QDir().mkpath(m_tmp.path() + QStringLiteral("/out")));
        makeFile(QStringLiteral("0.bin"), 0);
        makeFile(QStringLiteral("511.bin"), 511);
        makeFile(QStringLiteral("512.bin"), 512);
        makeFile(QStringLiteral("1m.bin"), 1 << 20);
        makeFile(QStringLiteral("40m.bin"), 40 << 20);
        TftpConfig c;
        c.address = QHostAddress(QHostAddress::LocalHost);
        c.port = 0;
        c.root = m_tmp.path() + QStringLiteral("/root");
        c.ipxeDir = m_tmp.path() + QStringLiteral("/none");
        c.maxBlockSize = 8192;
        c.maxWindowSize = 64;
        m_service = std::make_unique<TftpService>();
        m_service->setConfig(c);
        m_service->setNeighbourLookup([](const QHostAddress &) { return MacAddress(); });
        QVERIFY2(m_service->start(), qPrintable(m_service->errorString()));
    }

    void cleanupTestCase()
    {
        m_service.reset();
    }

    void download_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("blksize");      // 0 = the client's default (512, no option)
        QTest::addColumn<int>("windowsize");   // 0 = lock-step, no option
        for (const char *f : {"0.bin", "511.bin", "512.bin", "1m.bin"}) {
            QTest::addRow("curl %s 512", f) << "curl" << f << 0 << 0;
            QTest::addRow("curl %s 1468", f) << "curl" << f << 1468 << 0;
            QTest::addRow("tftp-hpa %s", f) << "tftp" << f << 0 << 0;
            QTest::addRow("atftp %s 1468 w8", f) << "atftp" << f << 1468 << 8;
            QTest::addRow("atftp %s 512 w4", f) << "atftp" << f << 512 << 4;
        }
        QTest::addRow("atftp 1m.bin 8192 w16") << "atftp" << "1m.bin" << 8192 << 16;
        QTest::addRow("atftp 1m.bin 1024 lock-step") << "atftp" << "1m.bin" << 1024 << 0;
        // 40 MiB = 81920 blocks of 512 bytes: block numbers roll over to 0.
        QTest::addRow("curl 40m.bin 512 rollover") << "curl" << "40m.bin" << 0 << 0;
        QTest::addRow("tftp-hpa 40m.bin rollover") << "tftp" << "40m.bin" << 0 << 0;
        QTest::addRow("atftp 40m.bin 512 w8 rollover") << "atftp" << "40m.bin" << 512 << 8;
        QTest::addRow("atftp 40m.bin 1468 w16") << "atftp" << "40m.bin" << 1468 << 16;
        QTest::addRow("curl 40m.bin 1468") << "curl" << "40m.bin" << 1468 << 0;
    }

    void download()
    {
        QFETCH(QString, client);
        QFETCH(QString, file);
        QFETCH(int, blksize);
        QFETCH(int, windowsize);
        const QString outDir = m_tmp.path() + QStringLiteral("/out");
        const QString out = outDir + QStringLiteral("/") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
        QFile::remove(out);
        const QString port = QString::number(m_service->port());
        QStringList args;
        if (client == QLatin1String("curl")) {
            args << QStringLiteral("-sS") << QStringLiteral("--fail");
            if (blksize)
                args << QStringLiteral("--tftp-blksize") << QString::number(blksize);
            args << QStringLiteral("-o") << out << QStringLiteral("tftp://127.0.0.1:%1/%2").arg(port, file);
        } else if (client == QLatin1String("tftp")) {
            args << QStringLiteral("-m") << QStringLiteral("binary") << QStringLiteral("127.0.0.1") << port
                 << QStringLiteral("-c") << QStringLiteral("get") << file << out;
        } else {
            if (blksize)
                args << QStringLiteral("--option") << QStringLiteral("blksize %1").arg(blksize);
            if (windowsize)
                args << QStringLiteral("--option") << QStringLiteral("windowsize %1").arg(windowsize);
            args << QStringLiteral("-g") << QStringLiteral("-r") << file << QStringLiteral("-l") << out
                 << QStringLiteral("127.0.0.1") << port;
        }
        QString output;
        const bool ok = run(client, args, outDir, 120000, &output);
        QVERIFY2(ok, qPrintable(client + QLatin1Char(' ') + args.join(QLatin1Char(' ')) + QStringLiteral(": ") + output));
        if (file == QLatin1String("0.bin") && client == QLatin1String("curl") && !QFile::exists(out)) {
            // curl writes no file for an empty body; it still succeeded above.
            QFile(out).open(QIODevice::WriteOnly);
        }
        QCOMPARE(QFileInfo(out).size(), QFileInfo(m_tmp.path() + QStringLiteral("/root/") + file).size());
        QCOMPARE(sha256Of(out), m_sha.value(file));
        QFile::remove(out);
        QTRY_COMPARE(m_service->activeTransfers(), 0);
    }

    void missingFileIsAnError()
    {
        QString output;
        const QString out = m_tmp.path() + QStringLiteral("/out/missing");
        int exitCode = 0;
        QVERIFY(!run(QStringLiteral("curl"), {QStringLiteral("-sS"), QStringLiteral("--fail"), QStringLiteral("-o"), out,
                     QStringLiteral("tftp://127.0.0.1:%1/missing.bin").arg(m_service->port())},
                     m_tmp.path(), 30000, &output, &exitCode));
        QCOMPARE(exitCode, 68);   // CURLE_TFTP_NOTFOUND (curl 7.88 prints a getpeername() message instead)
        QVERIFY(!run(QStringLiteral("atftp"), {QStringLiteral("-g"), QStringLiteral("-r"), QStringLiteral("../etc/passwd"), QStringLiteral("-l"), out,
                     QStringLiteral("127.0.0.1"), QString::number(m_service->port())},
                     m_tmp.path(), 30000, &output));
        QVERIFY(!QFileInfo(out).size());
        QTRY_COMPARE(m_service->activeTransfers(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTftpClients)
#include "tst_tftpclients.moc"
