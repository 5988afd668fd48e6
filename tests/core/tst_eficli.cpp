#include "efitestutil.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace efitest;

// `metalboot efi ...` end to end: the real binary, real files, exit codes, files untouched on failure.
class TestEfiCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };

    Run efi(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(METALBOOT_BINARY), QStringList{QStringLiteral("efi")} + args);
        if (!p.waitForFinished(30000))
            qFatal("metalboot efi %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QString copy(const char *fixtureName, const QString &as)
    {
        const QString dest = m_dir.path() + QLatin1Char('/') + as;
        QFile::remove(dest);
        if (!QFile::copy(fixture(fixtureName), dest))
            qFatal("cannot copy fixture");
        QFile::setPermissions(dest, QFile::ReadOwner | QFile::WriteOwner);
        return dest;
    }

    static QByteArray sha(const QString &path)
    {
        return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(QStringLiteral(METALBOOT_BINARY)), "build the metalboot target first");
    }

    void printMatchesReference()
    {
        const Run r = efi({QStringLiteral("print"), fixture("RPI_EFI-v1.37-used.fd")});
        QCOMPARE(r.code, 0);
        QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.removeOne(QStringLiteral("D83ADD6DB885        : blob: 20 bytes")));
        QCOMPARE(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'), QString::fromUtf8(readAll(fixture("RPI_EFI-v1.37-used.print.txt"))));

        const Run v = efi({QStringLiteral("print"), fixture("RPI_EFI-v1.37-used.fd"), QStringLiteral("--verbose")});
        QCOMPARE(v.code, 0);
        QString verbose = v.out;
        verbose.remove(QStringLiteral("name=D83ADD6DB885 guid=guid:EfiIp4Config2Protocol size=20\n\n"));
        QCOMPARE(verbose, QString::fromUtf8(readAll(fixture("RPI_EFI-v1.37-used.print-verbose.txt"))));

        // JSON input prints like the image it came from (minus the variable the JSON lacks).
        const Run j = efi({QStringLiteral("print"), fixture("RPI_EFI-v1.37-used.vars.json")});
        QCOMPARE(j.code, 0);
        QCOMPARE(j.out, QString::fromUtf8(readAll(fixture("RPI_EFI-v1.37-used.print.txt"))));
    }

    void exportAndApply()
    {
        const QString out = m_dir.path() + QStringLiteral("/export.json");
        Run r = efi({QStringLiteral("export"), fixture("RPI_EFI-v1.37-used.fd"), QStringLiteral("--json"), out});
        QCOMPARE(r.code, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(readAll(out));
        QCOMPARE(doc.object().value(QStringLiteral("variables")).toArray().size(), 62);
        r = efi({QStringLiteral("export"), fixture("RPI_EFI-v1.37-used.fd"), QStringLiteral("--json"), QStringLiteral("-")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.toUtf8(), readAll(out) + '\n');

        // Apply the reference JSON to the pristine v1.35 image: it then prints like the used one.
        const QString empty = copy("RPI_EFI-v1.35-empty.fd", QStringLiteral("apply.fd"));
        const QString written = m_dir.path() + QStringLiteral("/applied.fd");
        const QByteArray before = sha(empty);
        r = efi({QStringLiteral("apply"), empty, QStringLiteral("--json"), fixture("RPI_EFI-v1.37-used.vars.json"), QStringLiteral("--output"), written});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("61 of 61")));
        QCOMPARE(sha(empty), before);                   // --output leaves the input alone
        r = efi({QStringLiteral("print"), written});
        QCOMPARE(r.out, QString::fromUtf8(readAll(fixture("RPI_EFI-v1.37-used.print.txt"))));
        // In place, and idempotent.
        r = efi({QStringLiteral("apply"), written, QStringLiteral("--json"), fixture("RPI_EFI-v1.37-used.vars.json")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("0 of 61")));
    }

    void bootOrderAndPxe()
    {
        const QString fd = copy("RPI_EFI-v1.37-used.fd", QStringLiteral("boot.fd"));
        Run r = efi({QStringLiteral("boot-order"), fd});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QLatin1String("Boot0000  UiApp\nBoot0001  UEFI USB DISK 3.0 071C2970EA8E5247\n")));
        r = efi({QStringLiteral("boot-order"), fd, QStringLiteral("--set"), QStringLiteral("0003,0001")});
        QCOMPARE(r.code, 0);
        r = efi({QStringLiteral("print"), fd});
        QVERIFY(r.out.contains(QLatin1String("BootOrder           : boot order: 0003, 0001\n")));
        const QByteArray before = sha(fd);
        r = efi({QStringLiteral("boot-order"), fd, QStringLiteral("--set"), QStringLiteral("0003,0042")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("Boot0042 does not exist")));
        r = efi({QStringLiteral("boot-order"), fd, QStringLiteral("--set"), QStringLiteral("xyz")});
        QCOMPARE(r.code, 2);
        QCOMPARE(sha(fd), before);

        r = efi({QStringLiteral("add-pxe"), fd, QStringLiteral("--mac"), QStringLiteral("dc:a6:32:01:36:c2"), QStringLiteral("--first")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("Boot0007 \"Metal Boot PXEv4 (MAC:DCA6320136C2)\" MAC(DCA6320136C2,0x1)/IPv4(")), qPrintable(r.out));
        r = efi({QStringLiteral("print"), fd});
        QVERIFY(r.out.contains(QLatin1String("BootOrder           : boot order: 0007, 0003, 0001\n")));
        QVERIFY(r.out.contains(QLatin1String("Boot0007            : boot entry: title=\"Metal Boot PXEv4 (MAC:DCA6320136C2)\" devpath=MAC()/IPv4()\n")));
        r = efi({QStringLiteral("add-pxe"), fd, QStringLiteral("--mac"), QStringLiteral("not-a-mac")});
        QCOMPARE(r.code, 2);
        r = efi({QStringLiteral("add-pxe"), fd});
        QCOMPARE(r.code, 2);
    }

    void setValues()
    {
        const QString fd = copy("RPI_EFI-v1.37-used.fd", QStringLiteral("set.fd"));
        Run r = efi({QStringLiteral("set"), fd, QStringLiteral("CpuClock"), QStringLiteral("max")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("CpuClock = 2 (max)\n"));
        r = efi({QStringLiteral("set"), fd, QStringLiteral("AssetTag"), QStringLiteral("rack-3 slot 7")});
        QCOMPARE(r.code, 0);
        r = efi({QStringLiteral("set"), fd, QStringLiteral("Timeout"), QStringLiteral("10")});
        QCOMPARE(r.code, 0);
        r = efi({QStringLiteral("set"), fd, QStringLiteral("BootNext"), QStringLiteral("0002")});
        QCOMPARE(r.code, 0);
        r = efi({QStringLiteral("set"), fd, QStringLiteral("D83ADD6DB885:EfiIp4Config2Protocol"), QStringLiteral("hex:00")});
        QCOMPARE(r.code, 0);
        r = efi({QStringLiteral("set"), fd, QStringLiteral("MTC"), QStringLiteral("5")});     // a 4-byte unknown takes a number
        QCOMPARE(r.code, 0);
        r = efi({QStringLiteral("print"), fd});
        QVERIFY(r.out.contains(QLatin1String("CpuClock            : dword: 0x00000002\n")));
        QVERIFY(r.out.contains(QLatin1String("Timeout             : word: 0x000a\n")));
        QVERIFY(r.out.contains(QLatin1String("BootNext            : boot order: 0002\n")));
        QVERIFY(r.out.contains(QLatin1String("D83ADD6DB885        : byte: 0x00\n")));
        QVERIFY(r.out.contains(QLatin1String("D83ADD6DB885        : blob: 60 bytes\n")));   // the Ip6Config twin is untouched
        QVERIFY(r.out.contains(QLatin1String("MTC                 : dword: 0x00000005\n")));
        r = efi({QStringLiteral("settings"), fd});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("rack-3 slot 7")));

        const QByteArray before = sha(fd);
        const QList<QPair<QStringList, int>> refused{
            {{QStringLiteral("RamMoreThan3GB"), QStringLiteral("0")}, 1},
            {{QStringLiteral("FanTemp"), QStringLiteral("200")}, 1},
            {{QStringLiteral("SystemTableMode"), QStringLiteral("windows")}, 1},
            {{QStringLiteral("D83ADD6DB885"), QStringLiteral("hex:00")}, 2},         // ambiguous without a GUID
            {{QStringLiteral("NewVar"), QStringLiteral("hex:00")}, 2},               // creating needs a GUID
            {{QStringLiteral("Lang"), QStringLiteral("fra")}, 2},                    // not numeric, not hex:
            {{QStringLiteral("X:NoSuchGuid"), QStringLiteral("hex:00")}, 2},
            {{QStringLiteral("BootNext"), QStringLiteral("0042")}, 1},
        };
        for (const auto &[args, code] : refused) {
            r = efi(QStringList{QStringLiteral("set"), fd} + args);
            QVERIFY2(r.code == code, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" -> ") + QString::number(r.code) + r.err));
            QVERIFY(!r.err.isEmpty());
        }
        QCOMPARE(sha(fd), before);

        r = efi({QStringLiteral("set"), fd, QStringLiteral("NewVar:RaspberryPiTokenSpace"), QStringLiteral("hex:0102")});
        QCOMPARE(r.code, 0);
        r = efi({QStringLiteral("delete"), fd, QStringLiteral("NewVar")});
        QCOMPARE(r.code, 0);
        r = efi({QStringLiteral("delete"), fd, QStringLiteral("Boot0002")});
        QCOMPARE(r.code, 0);
        r = efi({QStringLiteral("print"), fd});
        QVERIFY(!r.out.contains(QLatin1String("NewVar")));
        QVERIFY(!r.out.contains(QLatin1String("Boot0002")));
        QVERIFY(!r.out.contains(QLatin1String("BootNext")));               // it pointed at Boot0002
        QVERIFY(r.out.contains(QLatin1String("boot order: 0000, 0001, 0003, 0004, 0005, 0006\n")));
    }

    void failuresLeaveFilesUntouched()
    {
        // A malformed image: every editing command fails with 1 and leaves it as it was.
        QByteArray broken = readAll(fixture("RPI_EFI-v1.37-used.fd"));
        broken[0x1d0064 + 2] = char(0x12);
        const QString fd = m_dir.path() + QStringLiteral("/broken.fd");
        QFile f(fd);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(broken);
        f.close();
        const QByteArray before = sha(fd);
        for (const QStringList &args : {QStringList{QStringLiteral("set"), fd, QStringLiteral("CpuClock"), QStringLiteral("1")},
                                        QStringList{QStringLiteral("add-pxe"), fd, QStringLiteral("--mac"), QStringLiteral("02:00:00:00:00:01")},
                                        QStringList{QStringLiteral("print"), fd}}) {
            const Run r = efi(args);
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(QLatin1String("invalid state byte 0x12")), qPrintable(r.err));
        }
        QCOMPARE(sha(fd), before);

        // A store that would overflow: refused, file untouched.
        const QString full = copy("RPI_EFI-v1.35-empty.fd", QStringLiteral("full.fd"));
        QString json = QStringLiteral("{\"variables\": [");
        for (int i = 0; i < 9; ++i)
            json += QStringLiteral("%1{\"name\": \"Fill%2\", \"guid\": \"EfiGlobalVariable\", \"data\": \"%3\"}")
                        .arg(i ? QStringLiteral(",") : QString())
                        .arg(i)
                        .arg(QString(16000, QLatin1Char('a')));
        json += QStringLiteral("]}");
        const QString jsonPath = m_dir.path() + QStringLiteral("/fill.json");
        QFile j(jsonPath);
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write(json.toUtf8());
        j.close();
        const QByteArray fullBefore = sha(full);
        const Run r = efi({QStringLiteral("apply"), full, QStringLiteral("--json"), jsonPath});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("holds only")), qPrintable(r.err));
        QCOMPARE(sha(full), fullBefore);

        QCOMPARE(efi({QStringLiteral("print"), m_dir.path() + QStringLiteral("/missing.fd")}).code, 1);
        QCOMPARE(efi({QStringLiteral("frobnicate")}).code, 2);
        QCOMPARE(efi({QStringLiteral("print")}).code, 2);
        QCOMPARE(efi({}).code, 2);
        QCOMPARE(efi({QStringLiteral("export"), full}).code, 2);
        QCOMPARE(efi({QStringLiteral("info"), m_dir.path() + QStringLiteral("/missing.fd")}).code, 1);
    }
};

QTEST_GUILESS_MAIN(TestEfiCli)
#include "tst_eficli.moc"
