#include "common/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// A writer killed with SIGKILL at random moments never leaves a torn file: lab.yaml (and its
// .bak) is always entirely the old or entirely the new content.
class TestAtomicSave : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedWriterNeverTearsTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.yaml"));
        const QByteArray a = QByteArray(256 * 1024, 'A') + "\nend-of-A\n";
        const QByteArray b = QByteArray(300 * 1024, 'B') + "\nend-of-B\n";
        auto *rng = QRandomGenerator::global();
        int sawA = 0, sawB = 0;
        const int rounds = 150;
        for (int round = 0; round < rounds; ++round) {
            QProcess writer;
            writer.start(QStringLiteral(ATOMICWRITER), {path});
            QVERIFY(writer.waitForStarted());
            QVERIFY(writer.waitForReadyRead(5000));
            QTest::qWait(int(rng->bounded(1, 25)));
            ::kill(pid_t(writer.processId()), SIGKILL);
            QVERIFY(writer.waitForFinished(5000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            for (const QString &p : QStringList{path, path + QStringLiteral(".bak")}) {
                QFile f(p);
                if (!f.exists())
                    continue;
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QByteArray content = f.readAll();
                QVERIFY2(content == a || content == b,
                         qPrintable(QStringLiteral("round %1: %2 is torn (%3 bytes)").arg(round).arg(p).arg(content.size())));
                if (p == path)
                    (content == a ? sawA : sawB)++;
            }
        }
        qInfo("after %d kills the file held A %d times and B %d times, never anything else", rounds, sawA, sawB);
        // Both versions observed: the kills really landed at different points of the save loop.
        QVERIFY(sawA > 0 && sawB > 0);
    }

    void failureIsReportedAndNothingIsCreated()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("is-a-directory"));
        QVERIFY(QDir().mkpath(target));
        QString error;
        QVERIFY(!atomicfile::write(target, "data", &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(QFileInfo(target).isDir());
        QVERIFY(!atomicfile::write(QStringLiteral("/proc/version/lab.yaml"), "data", &error));
    }

    void failureLeavesOldContent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ro/lab.yaml"));
        QString error;
        QVERIFY(atomicfile::write(path, "old", &error));
        QFile::setPermissions(dir.filePath(QStringLiteral("ro")), QFile::ReadOwner | QFile::ExeOwner);
        if (::geteuid() == 0)
            QSKIP("root ignores directory permissions; covered by the disk-full test in hardening");
        QVERIFY(!atomicfile::write(path, "new", &error));
        QVERIFY(!error.isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("old"));
    }

    void permissionsAreApplied()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secret"));
        QString error;
        QVERIFY(atomicfile::write(path, "token", &error, atomicfile::Backup::None, 0600));
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
    }
};

QTEST_GUILESS_MAIN(TestAtomicSave)
#include "tst_atomicsave.moc"
