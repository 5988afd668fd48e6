#include "tftp/tftppath.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace tftp;

class TestTftpPath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sanitize_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("clean");   // empty = refused
        QTest::newRow("plain") << QByteArray("start4.elf") << QStringLiteral("start4.elf");
        QTest::newRow("prefix") << QByteArray("9ffefdef/start4.elf") << QStringLiteral("9ffefdef/start4.elf");
        QTest::newRow("dot parts") << QByteArray("./a/./b") << QStringLiteral("a/b");
        QTest::newRow("double slash") << QByteArray("a//b") << QStringLiteral("a/b");
        QTest::newRow("trailing slash") << QByteArray("a/b/") << QStringLiteral("a/b");
        QTest::newRow("utf8") << QByteArray("caf\xc3\xa9" ".txt") << QStringLiteral("caf\u00e9.txt");
        QTest::newRow("dots in name") << QByteArray("....") << QStringLiteral("....");
        QTest::newRow("dotdot inside name") << QByteArray("a..b/c") << QStringLiteral("a..b/c");
        QTest::newRow("percent literal") << QByteArray("%2e%2e/x") << QStringLiteral("%2e%2e/x");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("dot") << QByteArray(".") << QString();
        QTest::newRow("slash only") << QByteArray("/") << QString();
        QTest::newRow("dotdot") << QByteArray("..") << QString();
        QTest::newRow("dotdot prefix") << QByteArray("../etc/passwd") << QString();
        QTest::newRow("dotdot middle") << QByteArray("a/../../b") << QString();
        QTest::newRow("dotdot end") << QByteArray("a/..") << QString();
        QTest::newRow("absolute") << QByteArray("/etc/passwd") << QString();
        QTest::newRow("double absolute") << QByteArray("//etc/passwd") << QString();
        QTest::newRow("backslash") << QByteArray("..\\etc") << QString();
        QTest::newRow("windows path") << QByteArray("boot\\x64\\wdsnbp.com") << QString();
        QTest::newRow("nul") << QByteArray("a\0b", 3) << QString();
        QTest::newRow("newline") << QByteArray("a\nb") << QString();
        QTest::newRow("escape") << QByteArray("a\x1b[31m") << QString();
        QTest::newRow("del") << QByteArray("a\x7f") << QString();
        QTest::newRow("overlong dot") << QByteArray("\xc0\xae\xc0\xae/etc") << QString();
        QTest::newRow("overlong slash") << QByteArray("..\xc0\xaf" "etc") << QString();
        QTest::newRow("invalid utf8") << QByteArray("\xff\xfe") << QString();
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QString();
        QTest::newRow("too long") << QByteArray(256, 'a') << QString();
        QTest::newRow("max length") << QByteArray(255, 'a') << QString(255, QLatin1Char('a'));
    }
    void sanitize()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, clean);
        const PathCheck c = sanitizePath(raw);
        QCOMPARE(c.ok, !clean.isEmpty());
        if (c.ok)
            QCOMPARE(c.path, clean);
        else
            QVERIFY(!c.error.isEmpty());
    }

    void lookupInsideAndOutside()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString base = tmp.path();
        QVERIFY(QDir().mkpath(base + QStringLiteral("/root/sub")));
        QVERIFY(QDir().mkpath(base + QStringLiteral("/root/rpi-firmware")));
        QVERIFY(QDir().mkpath(base + QStringLiteral("/outside")));
        auto write = [](const QString &path, const QByteArray &data) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(data);
        };
        write(base + QStringLiteral("/root/file.bin"), "12345");
        write(base + QStringLiteral("/root/rpi-firmware/start4.elf"), "elf");
        write(base + QStringLiteral("/outside/secret"), "secret");
        const QByteArray b = base.toUtf8();
        QCOMPARE(::symlink("../rpi-firmware/start4.elf", QByteArray(b + "/root/sub/start4.elf").constData()), 0);
        QCOMPARE(::symlink("../outside/secret", QByteArray(b + "/root/escape").constData()), 0);
        QCOMPARE(::symlink(QByteArray(b + "/outside").constData(), QByteArray(b + "/root/outdir").constData()), 0);
        QCOMPARE(::symlink(QByteArray(b + "/root/file.bin").constData(), QByteArray(b + "/root/abs-inside").constData()), 0);
        QCOMPARE(::symlink("missing", QByteArray(b + "/root/dangling").constData()), 0);
        QCOMPARE(::symlink("loop2", QByteArray(b + "/root/loop1").constData()), 0);
        QCOMPARE(::symlink("loop1", QByteArray(b + "/root/loop2").constData()), 0);

        const QString root = canonicalDir(base + QStringLiteral("/root"));
        QVERIFY(!root.isEmpty());
        const QStringList roots{root};

        LookupResult r = lookup(root, QStringLiteral("file.bin"), roots);
        QCOMPARE(r.status, LookupStatus::Found);
        QCOMPARE(r.size, qint64(5));
        QString error;
        int fd = openFile(r, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        ::close(fd);

        r = lookup(root, QStringLiteral("sub/start4.elf"), roots);   // relative symlink inside the root
        QCOMPARE(r.status, LookupStatus::Found);
        QCOMPARE(r.canonicalPath, root + QStringLiteral("/rpi-firmware/start4.elf"));
        fd = openFile(r, &error);
        QVERIFY(fd >= 0);
        ::close(fd);

        QCOMPARE(lookup(root, QStringLiteral("abs-inside"), roots).status, LookupStatus::Found);
        QCOMPARE(lookup(root, QStringLiteral("escape"), roots).status, LookupStatus::Outside);
        QCOMPARE(lookup(root, QStringLiteral("outdir/secret"), roots).status, LookupStatus::Outside);
        QCOMPARE(lookup(root, QStringLiteral("dangling"), roots).status, LookupStatus::NotFound);
        QCOMPARE(lookup(root, QStringLiteral("loop1"), roots).status, LookupStatus::NotFound);
        QCOMPARE(lookup(root, QStringLiteral("sub"), roots).status, LookupStatus::NotRegular);
        QCOMPARE(lookup(root, QStringLiteral("nothing"), roots).status, LookupStatus::NotFound);
        QCOMPARE(lookup(root, QStringLiteral("file.bin/x"), roots).status, LookupStatus::NotFound);

        // A second served root (the shared firmware dir outside the TFTP root) is allowed too.
        const QString outside = canonicalDir(base + QStringLiteral("/outside"));
        QCOMPARE(lookup(root, QStringLiteral("escape"), {root, outside}).status, LookupStatus::Found);

        // openFile refuses anything lookup() did not vouch for.
        LookupResult forged;
        forged.status = LookupStatus::Found;
        forged.root = root;
        forged.canonicalPath = outside + QStringLiteral("/secret");
        QCOMPARE(openFile(forged, &error), -1);
    }

    void openRefusesSwappedSymlink()
    {
        // The file is vouched for, then a directory on its path becomes a symlink to the outside
        // before the open: the open must fail rather than follow it.
        QTemporaryDir tmp;
        const QString base = tmp.path();
        QVERIFY(QDir().mkpath(base + QStringLiteral("/root/d")));
        QVERIFY(QDir().mkpath(base + QStringLiteral("/outside")));
        QFile f(base + QStringLiteral("/root/d/f"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QFile s(base + QStringLiteral("/outside/f"));
        QVERIFY(s.open(QIODevice::WriteOnly));
        s.write("secret");
        s.close();
        const QString root = canonicalDir(base + QStringLiteral("/root"));
        const LookupResult r = lookup(root, QStringLiteral("d/f"), {root});
        QCOMPARE(r.status, LookupStatus::Found);
        QVERIFY(QDir(base + QStringLiteral("/root/d")).removeRecursively());
        QCOMPARE(::symlink((base + QStringLiteral("/outside")).toUtf8().constData(), (base + QStringLiteral("/root/d")).toUtf8().constData()), 0);
        QString error;
        const int fd = openFile(r, &error);
        if (fd >= 0)
            ::close(fd);
        QCOMPARE(fd, -1);
    }

    void canonicalDirs()
    {
        QTemporaryDir tmp;
        QCOMPARE(canonicalDir(tmp.path() + QStringLiteral("/missing")), QString());
        QCOMPARE(canonicalDir(QString()), QString());
        QVERIFY(!canonicalDir(tmp.path()).isEmpty());
        QFile f(tmp.path() + QStringLiteral("/file"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QCOMPARE(canonicalDir(tmp.path() + QStringLiteral("/file")), QString());
    }
};

QTEST_GUILESS_MAIN(TestTftpPath)
#include "tst_tftppath.moc"
