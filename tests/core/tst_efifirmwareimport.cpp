#include "efitestutil.h"

#include "efi/firmwareimport.h"
#include "efi/varstore.h"

#include <QDir>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

using namespace efitest;

namespace {

struct Entry
{
    QString path;
    QByteArray data;
    enum Type { File, Dir, Symlink, HardLink, Fifo } type = File;
    QString target;
};

// Writes a zip (or tar.gz) with exactly the given entries, names unchecked: the attacker's view.
bool writeArchive(const QString &path, const QList<Entry> &entries, bool tarGz = false)
{
    archive *a = archive_write_new();
    if (tarGz) {
        archive_write_set_format_pax_restricted(a);
        archive_write_add_filter_gzip(a);
    } else {
        archive_write_set_format_zip(a);
        archive_write_set_options(a, "zip:compression=deflate");
    }
    if (archive_write_open_filename(a, QFile::encodeName(path).constData()) != ARCHIVE_OK)
        return false;
    for (const Entry &e : entries) {
        archive_entry *ae = archive_entry_new();
        archive_entry_set_pathname(ae, e.path.toUtf8().constData());
        archive_entry_set_perm(ae, 0644);
        switch (e.type) {
        case Entry::File:
            archive_entry_set_filetype(ae, AE_IFREG);
            archive_entry_set_size(ae, e.data.size());
            break;
        case Entry::Dir:
            archive_entry_set_filetype(ae, AE_IFDIR);
            archive_entry_set_perm(ae, 0755);
            break;
        case Entry::Symlink:
            archive_entry_set_filetype(ae, AE_IFLNK);
            archive_entry_set_symlink(ae, e.target.toUtf8().constData());
            break;
        case Entry::HardLink:
            archive_entry_set_filetype(ae, AE_IFREG);
            archive_entry_set_hardlink(ae, e.target.toUtf8().constData());
            break;
        case Entry::Fifo:
            archive_entry_set_filetype(ae, AE_IFIFO);
            break;
        }
        archive_write_header(a, ae);
        if (e.type == Entry::File && !e.data.isEmpty())
            archive_write_data(a, e.data.constData(), size_t(e.data.size()));
        archive_entry_free(ae);
    }
    const bool ok = archive_write_close(a) == ARCHIVE_OK;
    archive_write_free(a);
    return ok;
}

} // namespace

Q_DECLARE_METATYPE(QList<Entry>)

class TestEfiFirmwareImport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_image;

    QString path(const QString &name) const { return m_dir.path() + QLatin1Char('/') + name; }
    QString profiles() const { return path(QStringLiteral("profiles")); }

    QList<Entry> release(const QString &prefix = {}) const
    {
        return {{prefix + QStringLiteral("RPI_EFI.fd"), m_image},
                {prefix + QStringLiteral("start4.elf"), QByteArray(300000, 's')},
                {prefix + QStringLiteral("fixup4.dat"), QByteArray("fixup")},
                {prefix + QStringLiteral("config.txt"), QByteArray("arm_64bit=1\nenable_uart=1\n")},
                {prefix + QStringLiteral("bcm2711-rpi-4-b.dtb"), QByteArray(1000, 'd')},
                {prefix + QStringLiteral("overlays"), {}, Entry::Dir},
                {prefix + QStringLiteral("overlays/miniuart-bt.dtbo"), QByteArray("overlay")}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_image = readAll(fixture("RPI_EFI-v1.37-used.fd"));
        QVERIFY(!m_image.isEmpty());
    }

    void releaseZip()
    {
        const QString zip = path(QStringLiteral("RPi4_UEFI_Firmware_v1.37.zip"));
        QVERIFY(writeArchive(zip, release()));
        // A variables.json imported earlier survives a release import.
        QVERIFY(QDir().mkpath(profiles() + QStringLiteral("/lab")));
        QFile vars(profiles() + QStringLiteral("/lab/variables.json"));
        QVERIFY(vars.open(QIODevice::WriteOnly));
        vars.write(R"({"variables": []})");
        vars.close();
        QList<qint64> seen;
        auto r = efi::importFirmware(zip, profiles(), QStringLiteral("lab"), {}, [&](qint64 done, qint64 total) {
            seen.append(done);
            return total > 0;
        });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.kind, efi::ImportKind::Release);
        QCOMPARE(r.layout, QStringLiteral("pftf RPi4 v1.5-v1.38"));
        QCOMPARE(r.variables, 62);
        QCOMPARE(r.profile.id, QStringLiteral("lab"));
        QCOMPARE(r.profile.baseImage, profiles() + QStringLiteral("/lab/RPI_EFI.fd"));
        QCOMPARE(r.profile.bootFilesDir, profiles() + QStringLiteral("/lab/boot"));
        QCOMPARE(r.profile.variablesJson, profiles() + QStringLiteral("/lab/variables.json"));
        QVERIFY(r.files.contains(QStringLiteral("RPI_EFI.fd")));
        QVERIFY(r.files.contains(QStringLiteral("boot/overlays/miniuart-bt.dtbo")));
        QCOMPARE(readAll(r.profile.baseImage), m_image);
        QCOMPARE(readAll(r.profile.bootFilesDir + QStringLiteral("/config.txt")), QByteArray("arm_64bit=1\nenable_uart=1\n"));
        QCOMPARE(QFileInfo(r.profile.bootFilesDir + QStringLiteral("/start4.elf")).size(), 300000);
        QVERIFY(QFileInfo::exists(r.profile.variablesJson));
        QVERIFY(!seen.isEmpty());
        // Nothing is left behind next to the profile.
        QCOMPARE(QDir(profiles()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{QStringLiteral("lab")});
    }

    void releaseInTopLevelFolderAndTarGz()
    {
        const QString tgz = path(QStringLiteral("release.tar.gz"));
        QVERIFY(writeArchive(tgz, QList<Entry>{{QStringLiteral("RPi4_v1.38"), {}, Entry::Dir}} + release(QStringLiteral("RPi4_v1.38/")), true));
        auto r = efi::importFirmware(tgz, profiles(), QStringLiteral("nested"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(QFileInfo::exists(profiles() + QStringLiteral("/nested/RPI_EFI.fd")));
        QVERIFY(QFileInfo::exists(profiles() + QStringLiteral("/nested/boot/fixup4.dat")));
        QVERIFY(r.files.contains(QStringLiteral("boot/overlays/miniuart-bt.dtbo")));
    }

    void hostileArchives_data()
    {
        QTest::addColumn<QList<Entry>>("entries");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("tar");      // zip cannot carry hard links or FIFOs
        const QList<Entry> good = release();
        QTest::newRow("zip slip") << (good + QList<Entry>{{QStringLiteral("../evil.txt"), "x"}}) << "'..'" << false;
        QTest::newRow("deep zip slip") << (good + QList<Entry>{{QStringLiteral("overlays/../../evil.txt"), "x"}}) << "'..'" << false;
        QTest::newRow("absolute") << (good + QList<Entry>{{QStringLiteral("/tmp/evil.txt"), "x"}}) << "absolute" << false;
        QTest::newRow("windows absolute") << (good + QList<Entry>{{QStringLiteral("C:\\evil.txt"), "x"}}) << "absolute" << false;
        QTest::newRow("backslash slip") << (good + QList<Entry>{{QStringLiteral("..\\evil.txt"), "x"}}) << "'..'" << false;
        QTest::newRow("symlink") << (good + QList<Entry>{{QStringLiteral("link"), {}, Entry::Symlink, QStringLiteral("/etc/passwd")}}) << "link" << false;
        QTest::newRow("hardlink") << (good + QList<Entry>{{QStringLiteral("hard"), {}, Entry::HardLink, QStringLiteral("config.txt")}}) << "link" << true;
        QTest::newRow("fifo") << (good + QList<Entry>{{QStringLiteral("fifo"), {}, Entry::Fifo}}) << "not a regular file" << true;
        QTest::newRow("control char") << (good + QList<Entry>{{QStringLiteral("a\nb"), "x"}}) << "control character" << false;
        QTest::newRow("duplicate") << (good + QList<Entry>{{QStringLiteral("config.txt"), "again"}}) << "twice" << false;
        QTest::newRow("too deep") << (good + QList<Entry>{{QStringLiteral("a/b/c/d/e/f/g/h/i/j.txt"), "x"}}) << "deeper" << false;
        QTest::newRow("no image") << good.mid(1) << "no RPI_EFI.fd" << false;
        QList<Entry> broken = good;
        broken[0].data = m_image.left(0x1d8000);
        QTest::newRow("truncated image") << broken << "not a usable firmware image" << false;
        QList<Entry> many = good;
        for (int i = 0; i < 40; ++i)
            many.append({QStringLiteral("f%1").arg(i), "x"});
        QTest::newRow("too many entries") << many << "more than 32 entries" << false;
        QTest::newRow("too large entry") << (good + QList<Entry>{{QStringLiteral("big.bin"), QByteArray(5 << 20, 'b')}}) << "larger than" << false;
    }
    void hostileArchives()
    {
        QFETCH(QList<Entry>, entries);
        QFETCH(QString, expected);
        QFETCH(bool, tar);
        const QString zip = path(tar ? QStringLiteral("hostile.tar.gz") : QStringLiteral("hostile.zip"));
        QFile::remove(zip);
        QVERIFY(writeArchive(zip, entries, tar));
        // An existing profile must survive a failed import untouched.
        QVERIFY(QDir().mkpath(profiles() + QStringLiteral("/keep")));
        QFile marker(profiles() + QStringLiteral("/keep/RPI_EFI.fd"));
        QVERIFY(marker.open(QIODevice::WriteOnly | QIODevice::Truncate));
        marker.write("old");
        marker.close();
        efi::ImportLimits limits;
        limits.maxEntries = 32;
        limits.maxEntryBytes = 4 << 20;
        auto r = efi::importFirmware(zip, profiles(), QStringLiteral("keep"), limits);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QCOMPARE(readAll(profiles() + QStringLiteral("/keep/RPI_EFI.fd")), QByteArray("old"));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("evil.txt"))));
        QVERIFY(!QFileInfo::exists(profiles() + QStringLiteral("/evil.txt")));
        const auto leftovers = QDir(profiles()).entryList(QStringList{QStringLiteral(".import-*"), QStringLiteral(".old-*")},
                                                          QDir::AllEntries | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
    }

    void totalSizeCap()
    {
        const QString zip = path(QStringLiteral("bomb.zip"));
        QList<Entry> entries = release();
        for (int i = 0; i < 4; ++i)
            entries.append({QStringLiteral("zeros%1.bin").arg(i), QByteArray(3 << 20, '\0')});   // compresses to almost nothing
        QVERIFY(writeArchive(zip, entries));
        QVERIFY(QFileInfo(zip).size() < (4 << 20));   // the zeros compress to almost nothing
        efi::ImportLimits limits;
        limits.maxTotalBytes = 8 << 20;
        auto r = efi::importFirmware(zip, profiles(), QStringLiteral("bomb"), limits);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QLatin1String("expands to more than")), qPrintable(r.error));
        QVERIFY(!QFileInfo::exists(profiles() + QStringLiteral("/bomb")));
    }

    void rawImageAndJson()
    {
        const QString fd = path(QStringLiteral("dropped.fd"));
        QVERIFY(QFile::copy(fixture("RPI_EFI-v1.35-empty.fd"), fd));
        auto r = efi::importFirmware(fd, profiles(), QStringLiteral("raw"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.kind, efi::ImportKind::Image);
        QCOMPARE(r.variables, 0);
        QCOMPARE(readAll(r.profile.baseImage), readAll(fd));

        auto j = efi::importFirmware(fixture("RPI_EFI-v1.37-used.vars.json"), profiles(), QStringLiteral("raw"));
        QVERIFY2(j.ok(), qPrintable(j.error));
        QCOMPARE(j.kind, efi::ImportKind::Json);
        QCOMPARE(j.variables, 61);
        QCOMPARE(j.profile.variablesJson, profiles() + QStringLiteral("/raw/variables.json"));
        QVERIFY(QFileInfo::exists(profiles() + QStringLiteral("/raw/RPI_EFI.fd")));   // the image stays

        const QString junk = path(QStringLiteral("junk.fd"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'j'));
        f.close();
        auto bad = efi::importFirmware(junk, profiles(), QStringLiteral("raw"));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error.contains(QLatin1String("not a usable firmware image")), qPrintable(bad.error));
        QCOMPARE(readAll(profiles() + QStringLiteral("/raw/RPI_EFI.fd")), readAll(fd));

        QVERIFY(!efi::importFirmware(fd, profiles(), QStringLiteral("../escape")).ok());
        QVERIFY(!efi::importFirmware(fd, profiles(), QString()).ok());
        QVERIFY(!efi::importFirmware(path(QStringLiteral("nope.zip")), profiles(), QStringLiteral("x")).ok());
    }

    void asyncWithProgress()
    {
        const QString zip = path(QStringLiteral("async.zip"));
        QVERIFY(writeArchive(zip, release()));
        QFutureWatcher<efi::ImportResult> watcher;
        QSignalSpy progress(&watcher, &QFutureWatcher<efi::ImportResult>::progressValueChanged);
        QSignalSpy finished(&watcher, &QFutureWatcher<efi::ImportResult>::finished);
        watcher.setFuture(efi::importFirmwareAsync(zip, profiles(), QStringLiteral("async")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const efi::ImportResult r = watcher.result();
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(watcher.progressValue(), 1000);
        QVERIFY(QFileInfo::exists(profiles() + QStringLiteral("/async/boot/start4.elf")));
    }

    void cancelled()
    {
        const QString zip = path(QStringLiteral("cancel.zip"));
        QVERIFY(writeArchive(zip, release()));
        int calls = 0;
        auto r = efi::importFirmware(zip, profiles(), QStringLiteral("cancel"), {}, [&](qint64, qint64) { return ++calls < 2; });
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(QLatin1String("cancelled")));
        QVERIFY(!QFileInfo::exists(profiles() + QStringLiteral("/cancel")));
    }
};

QTEST_GUILESS_MAIN(TestEfiFirmwareImport)
#include "tst_efifirmwareimport.moc"
