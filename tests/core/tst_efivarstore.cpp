#include "efitestutil.h"

#include "efi/blankimage.h"
#include "efi/bootentries.h"
#include "efi/efiguid.h"
#include "efi/varjson.h"
#include "efi/varprinter.h"
#include "efi/varstore.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QTest>

using namespace efitest;

class TestEfiVarStore : public QObject
{
    Q_OBJECT

    QByteArray m_used;
    QByteArray m_empty;

    static QMap<QString, efi::Variable> byKey(const QList<efi::Variable> &vars)
    {
        QMap<QString, efi::Variable> m;
        for (const auto &v : vars)
            m.insert(v.name + QLatin1Char('|') + efi::guidToString(v.guid), v);
        return m;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_used = readAll(fixture("RPI_EFI-v1.37-used.fd"));
        m_empty = readAll(fixture("RPI_EFI-v1.35-empty.fd"));
        QCOMPARE(m_used.size(), 2031616);
        QCOMPARE(m_empty.size(), 2031616);
    }

    void usedImageLayout()
    {
        auto store = efi::VarStore::parse(m_used);
        QVERIFY2(store.ok(), qPrintable(store.error()));
        const auto &l = store->layout();
        QCOMPARE(l.fvOffset, qsizetype(0x1d0000));
        QCOMPARE(l.storeOffset, qsizetype(0x1d0048));
        QCOMPARE(l.storeSize, 0xdfb8u);
        QCOMPARE(l.fvLength, quint64(0x20000));
        QCOMPARE(l.fvAttributes, 0x0004feffu);
        QVERIFY(l.isAuthenticated());
        QCOMPARE(l.ftwOffset, qsizetype(0x1df000));
        QVERIFY(l.ftwHeaderValid);
        QCOMPARE(l.ftwQueue, efi::FtwQueue::Empty);
        QCOMPARE(l.kind, QStringLiteral("pftf RPi4 v1.5-v1.38"));
        int live = 0, dead = 0;
        for (const auto &r : store->records())
            (r.status == efi::VariableRecord::Status::Live ? live : dead)++;
        QCOMPARE(live, 62);
        QCOMPARE(dead, 20);
        QCOMPARE(store->variables().size(), 62);
        QCOMPARE(store->recordEnd(), qsizetype(0x1d4448));
        // The worked example of the reference: CustomMode at 0x1D0064, certdb at 0x1D00B8.
        QCOMPARE(store->records().at(0).offset, qsizetype(0x1d0064));
        QCOMPARE(store->records().at(0).name, QStringLiteral("CustomMode"));
        QCOMPARE(store->records().at(1).offset, qsizetype(0x1d00b8));
        QCOMPARE(store->records().at(1).name, QStringLiteral("certdb"));
    }

    void duplicateNameKeptUnderBothGuids()
    {
        auto store = efi::VarStore::parse(m_used);
        QVERIFY(store.ok());
        const auto both = store->findByName(QStringLiteral("D83ADD6DB885"));
        QCOMPARE(both.size(), 2);
        const efi::Variable *ip4 = store->find(QStringLiteral("D83ADD6DB885"), efi::guids::Ip4Config2);
        const efi::Variable *ip6 = store->find(QStringLiteral("D83ADD6DB885"), efi::guids::Ip6Config);
        QVERIFY(ip4 && ip6);
        QCOMPARE(ip4->attributes, 3u);
        QCOMPARE(ip6->attributes, 3u);
        QCOMPARE(ip6->data.size(), 60);
        bool sawIp4At = false;
        for (const auto &r : store->records())
            if (r.offset == 0x1d3750)
                sawIp4At = r.name == QLatin1String("D83ADD6DB885") && r.guid == efi::guids::Ip4Config2;
        QVERIFY(sawIp4At);
    }

    void printMatchesVirtFwVars()
    {
        auto store = efi::VarStore::parse(m_used);
        QVERIFY(store.ok());
        const QStringList ours = efi::printCompact(store->variables()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList theirs = QString::fromUtf8(readAll(fixture("RPI_EFI-v1.37-used.print.txt"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(theirs.size(), 61);
        QStringList extra = ours;
        for (const QString &line : theirs) {
            QVERIFY2(extra.removeOne(line), qPrintable(QStringLiteral("missing or different: ") + line));
        }
        // The one the reference tool drops: the Ip4Config2 blob sharing its name.
        QCOMPARE(extra, QStringList{QStringLiteral("D83ADD6DB885        : blob: 20 bytes")});
        // Same order as virt-fw-vars (sorted by name).
        QStringList withoutExtra = ours;
        withoutExtra.removeOne(extra.first());
        QCOMPARE(withoutExtra, theirs);
    }

    void printVerboseMatchesVirtFwVars()
    {
        auto store = efi::VarStore::parse(m_used);
        QVERIFY(store.ok());
        const QStringList ours = efi::printVerbose(store->variables()).split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
        const QStringList theirs = QString::fromUtf8(readAll(fixture("RPI_EFI-v1.37-used.print-verbose.txt"))).split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
        QCOMPARE(theirs.size(), 61);
        QStringList extra = ours;
        for (const QString &block : theirs)
            QVERIFY2(extra.removeOne(block), qPrintable(QStringLiteral("missing or different block: ") + block));
        QCOMPARE(extra.size(), 1);
        QCOMPARE(extra.first().trimmed(), QStringLiteral("name=D83ADD6DB885 guid=guid:EfiIp4Config2Protocol size=20"));
    }

    void exportMatchesVirtFwVarsPlusDuplicate()
    {
        auto store = efi::VarStore::parse(m_used);
        QVERIFY(store.ok());
        auto theirs = efi::variablesFromJson(readAll(fixture("RPI_EFI-v1.37-used.vars.json")));
        QVERIFY2(theirs.ok(), qPrintable(theirs.error()));
        QCOMPARE(theirs->size(), 61);
        auto ours = efi::variablesFromJson(efi::variablesToJson(store->variables()));
        QVERIFY2(ours.ok(), qPrintable(ours.error()));
        QCOMPARE(ours->size(), 62);
        auto expected = byKey(theirs.value());
        const efi::Variable *ip4 = store->find(QStringLiteral("D83ADD6DB885"), efi::guids::Ip4Config2);
        QVERIFY(ip4);
        efi::Variable dropped = *ip4;
        dropped.timeStamp.clear();
        expected.insert(QStringLiteral("D83ADD6DB885|5b446ed1-e30b-4faa-871a-3654eca36080"), dropped);
        const auto actual = byKey(ours.value());
        QCOMPARE(actual.keys(), expected.keys());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const efi::Variable &a = actual.value(it.key());
            QCOMPARE(a.attributes, it->attributes);
            QCOMPARE(a.data, it->data);
            QCOMPARE(a.hasTimeStamp(), it->hasTimeStamp());
        }
    }

    void noOpRewriteKeepsEverythingOutsideTheVariables()
    {
        auto store = efi::VarStore::parse(m_used);
        QVERIFY(store.ok());
        auto bytes = store->serialize();
        QVERIFY2(bytes.ok(), qPrintable(bytes.error()));
        QCOMPARE(bytes->size(), m_used.size());
        const qsizetype begin = store->layout().variablesBegin();
        const qsizetype end = store->layout().variablesEnd();
        QCOMPARE(bytes->left(begin), m_used.left(begin));   // code, FV header, store header
        QCOMPARE(bytes->mid(end), m_used.mid(end));         // event log, FTW working + spare
        auto again = efi::VarStore::parse(bytes.value());
        QVERIFY(again.ok());
        QCOMPARE(again->variables(), store->variables());
        QCOMPARE(again->records().size(), 62);             // dead records compacted away
        // Auth header fields survive (certdb and friends carry none here, so check the writer
        // by giving one variable a count, a time and a key index).
        efi::Variable v = *store->find(QStringLiteral("certdb"), *efi::parseGuid(QStringLiteral("EfiCertDb")));
        v.monotonicCount = 42;
        v.pubKeyIndex = 7;
        v.timeStamp = QByteArray::fromHex("e8070b16010203000000000000000000");
        store->set(v);
        auto withAuth = efi::VarStore::parse(store->serialize().value());
        QVERIFY(withAuth.ok());
        const efi::Variable *back = withAuth->find(v.name, v.guid);
        QVERIFY(back);
        QCOMPARE(back->monotonicCount, quint64(42));
        QCOMPARE(back->pubKeyIndex, 7u);
        QCOMPARE(back->timeStamp, v.timeStamp);
        // Idempotent: serializing the re-parsed store reproduces the bytes.
        auto twice = again->serialize();
        QVERIFY(twice.ok());
        QCOMPARE(twice.value(), bytes.value());
    }

    void jsonImportWriteParseRoundTrip()
    {
        auto used = efi::VarStore::parse(m_used);
        auto empty = efi::VarStore::parse(m_empty);
        QVERIFY(used.ok() && empty.ok());
        QCOMPARE(empty->variables().size(), 0);
        auto vars = efi::variablesFromJson(efi::variablesToJson(used->variables()));
        QVERIFY(vars.ok());
        QCOMPARE(efi::applyVariables(*empty, vars.value()), 62);
        auto bytes = empty->serialize();
        QVERIFY2(bytes.ok(), qPrintable(bytes.error()));
        auto back = efi::VarStore::parse(bytes.value());
        QVERIFY(back.ok());
        QCOMPARE(byKey(back->variables()).keys(), byKey(used->variables()).keys());
        QCOMPARE(efi::variablesToJson(back->variables()), efi::variablesToJson(used->variables()));
        // --set-json never deletes: applying a subset keeps the rest.
        QList<efi::Variable> one{vars->first()};
        one.first().data = QByteArray("\x01", 1);
        QCOMPARE(efi::applyVariables(*back, one), 1);
        QCOMPARE(back->variables().size(), 62);
        QCOMPARE(efi::applyVariables(*back, one), 0);
    }

    void debianImages_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("live");
        QTest::newRow("OVMF_VARS_4M.ms") << "/usr/share/OVMF/OVMF_VARS_4M.ms.fd" << 31;
        QTest::newRow("AAVMF_VARS.ms") << "/usr/share/AAVMF/AAVMF_VARS.ms.fd" << 22;
        QTest::newRow("OVMF_VARS.ms") << "/usr/share/OVMF/OVMF_VARS.ms.fd" << 31;
    }
    void debianImages()
    {
        QFETCH(QString, path);
        QFETCH(int, live);
        if (!QFileInfo::exists(path))
            QSKIP("Debian ovmf / qemu-efi-aarch64 package not installed");
        const QByteArray image = readAll(path);
        auto store = efi::VarStore::parse(image);
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(store->variables().size(), live);
        QVERIFY(store->layout().ftwHeaderValid);
        auto bytes = store->serialize();
        QVERIFY2(bytes.ok(), qPrintable(bytes.error()));
        QCOMPARE(bytes->left(store->layout().variablesBegin()), image.left(store->layout().variablesBegin()));
        QCOMPARE(bytes->mid(store->layout().variablesEnd()), image.mid(store->layout().variablesEnd()));
        auto back = efi::VarStore::parse(bytes.value());
        QVERIFY(back.ok());
        QCOMPARE(back->variables(), store->variables());
        // Boot entries survive an edit.
        efi::addBootEntry(*back, efi::makePxeEntry(*MacAddress::parse(QStringLiteral("52:54:00:12:34:56"))), efi::Placement::First);
        auto edited = efi::VarStore::parse(back->serialize().value());
        QVERIFY(edited.ok());
        QCOMPARE(edited->variables().size(), live + 1 + (store->find(QStringLiteral("BootOrder"), efi::guids::GlobalVariable) ? 0 : 1));
    }

    void aavmfAllZeroIsAClearError()
    {
        const QByteArray zeros(1 << 20, '\0');
        auto store = efi::VarStore::parse(zeros);
        QVERIFY(!store.ok());
        QVERIFY2(store.error().contains(QLatin1String("all zero")), qPrintable(store.error()));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<QString>("expected");
        const QByteArray used = readAll(fixture("RPI_EFI-v1.37-used.fd"));
        auto mutate = [&](qsizetype off, const QByteArray &bytes) {
            QByteArray m = used;
            m.replace(off, bytes.size(), bytes);
            return m;
        };
        QTest::newRow("empty file") << QByteArray() << "empty";
        QTest::newRow("truncated in the store") << used.left(0x1d8000) << "truncated";
        QTest::newRow("truncated before the volume") << used.left(4096) << "no NV firmware volume";
        QTest::newRow("cut inside the FV header") << used.left(0x1d0040) << "no NV firmware volume";
        QTest::newRow("bad FV checksum") << mutate(0x1d0032, QByteArray::fromHex("0000")) << "checksum";
        QTest::newRow("bad header length") << mutate(0x1d0030, QByteArray::fromHex("4900")) << "header length";
        QTest::newRow("FvLength beyond the file") << [&] {
            QByteArray m = mutate(0x1d0020, QByteArray::fromHex("0000030000000000"));   // 0x30000
            quint16 sum = efi::fvHeaderSum(m.constData() + 0x1d0000, 0x48);
            const quint16 fixed = quint16(efi::le16(m.constData() + 0x1d0032) - sum);
            efi::put16(m.data() + 0x1d0032, fixed);
            return m;
        }() << "truncated";
        QTest::newRow("store size past the volume") << mutate(0x1d0048 + 16, QByteArray::fromHex("00000300")) << "runs past";
        QTest::newRow("store not formatted") << mutate(0x1d0048 + 20, QByteArray::fromHex("00")) << "format";
        QTest::newRow("store not healthy") << mutate(0x1d0048 + 21, QByteArray::fromHex("00")) << "state";
        QTest::newRow("unknown store signature") << mutate(0x1d0048, QByteArray(16, '\x11')) << "unknown variable store signature";
        QTest::newRow("erased store header") << mutate(0x1d0048, QByteArray(28, '\xff')) << "not formatted";
        QTest::newRow("data size past the store") << mutate(0x1d0064 + 40, QByteArray::fromHex("ffffff00")) << "runs past the end of the store";
        QTest::newRow("name size past the store") << mutate(0x1d0064 + 36, QByteArray::fromHex("fffffff0")) << "runs past the end of the store";
        QTest::newRow("bogus state") << mutate(0x1d0064 + 2, QByteArray::fromHex("12")) << "invalid state";
        QTest::newRow("bogus state 0xff") << mutate(0x1d0064 + 2, QByteArray::fromHex("ff")) << "invalid state";
        QTest::newRow("odd name size") << mutate(0x1d0064 + 36, QByteArray::fromHex("15000000")) << "malformed name";
        QTest::newRow("all zero") << QByteArray(0x20000, '\0') << "all zero";
        QTest::newRow("random text") << QByteArray(5000, 'x') << "no NV firmware volume";
    }
    void malformed()
    {
        QFETCH(QByteArray, image);
        QFETCH(QString, expected);
        auto store = efi::VarStore::parse(image);
        QVERIFY(!store.ok());
        QVERIFY2(store.error().contains(expected), qPrintable(store.error()));
    }

    void randomCorruption()
    {
        // The used store's NV volume on its own (FV at offset 0), corrupted at random: parse must
        // answer with a store or an error, never crash; whatever parses must also rewrite and
        // re-parse to the same variables.
        const QByteArray nv = m_used.mid(0x1d0000, 0x20000);
        QRandomGenerator rng(20241122);
        int parsed = 0, rewritten = 0;
        for (int i = 0; i < 1500; ++i) {
            QByteArray image = nv;
            const int flips = 1 + int(rng.bounded(8));
            for (int f = 0; f < flips; ++f) {
                const qsizetype at = (i % 5 == 0) ? qsizetype(rng.bounded(0x20000)) : 0x48 + qsizetype(rng.bounded(0x4448));
                image[at] = char(rng.bounded(256));
            }
            if (i % 7 == 0)
                image.truncate(qsizetype(rng.bounded(0x20000)));
            auto store = efi::VarStore::parse(image);
            if (!store.ok()) {
                QVERIFY(!store.error().isEmpty());
                continue;
            }
            ++parsed;
            (void)efi::printVerbose(store->variables());
            (void)efi::bootEntries(store.value());
            auto bytes = store->serialize();
            if (!bytes.ok())
                continue;
            ++rewritten;
            auto back = efi::VarStore::parse(bytes.value());
            QVERIFY2(back.ok(), qPrintable(back.error()));
            QCOMPARE(back->variables().size(), store->variables().size());
        }
        QVERIFY(parsed > 100);
        QVERIFY(rewritten > 100);
    }

    void variableStates()
    {
        const QUuid g = efi::guids::RpiConfigDxe;
        QByteArray recs;
        recs += record(true, 0x3e, QStringLiteral("X"), g, "1");       // in transition, alone: live
        recs += record(true, 0x3e, QStringLiteral("Y"), g, "1");       // in transition with a twin: superseded
        recs += record(true, 0x3f, QStringLiteral("Y"), g, "2");
        recs += record(true, 0x3f, QStringLiteral("Z"), g, "1");       // added first: wins
        recs += record(true, 0x3e, QStringLiteral("Z"), g, "2");
        recs += record(true, 0x3c, QStringLiteral("W"), g, "1");       // deleted
        recs += record(true, 0x3d, QStringLiteral("U"), g, "1");       // deleted
        recs += record(true, 0x7f, QStringLiteral("V"), g, "1");       // header only
        recs += record(true, 0x3f, QStringLiteral("X"), efi::guids::GlobalVariable, "3");   // same name, other GUID
        auto store = efi::VarStore::parse(volumeWith(recs));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(store->records().size(), 9);
        QCOMPARE(store->variables().size(), 4);
        QCOMPARE(store->find(QStringLiteral("X"), g)->data, QByteArray("1"));
        QCOMPARE(store->find(QStringLiteral("Y"), g)->data, QByteArray("2"));
        QCOMPARE(store->find(QStringLiteral("Z"), g)->data, QByteArray("1"));
        QCOMPARE(store->find(QStringLiteral("X"), efi::guids::GlobalVariable)->data, QByteArray("3"));
        QVERIFY(!store->find(QStringLiteral("W"), g));
        QVERIFY(!store->find(QStringLiteral("U"), g));
        QVERIFY(!store->find(QStringLiteral("V"), g));
        using S = efi::VariableRecord::Status;
        QCOMPARE(store->records().at(1).status, S::Superseded);
        QCOMPARE(store->records().at(4).status, S::Superseded);
        QCOMPARE(store->records().at(5).status, S::Deleted);
        QCOMPARE(store->records().at(7).status, S::HeaderOnly);
        // The rewrite keeps the live copies only, in store order, all as VAR_ADDED.
        auto back = efi::VarStore::parse(store->serialize().value());
        QVERIFY(back.ok());
        QCOMPARE(back->variables(), store->variables());
        for (const auto &r : back->records())
            QCOMPARE(r.state, quint8(0x3f));
    }

    void plainStore()
    {
        QByteArray recs = record(false, 0x3f, QStringLiteral("CpuClock"), efi::guids::RpiConfigDxe, QByteArray::fromHex("02000000"));
        recs += record(false, 0x3d, QStringLiteral("Old"), efi::guids::RpiConfigDxe, QByteArray::fromHex("01"));
        auto store = efi::VarStore::parse(volumeWith(recs, true));
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(store->layout().format, efi::StoreFormat::Plain);
        QCOMPARE(store->layout().variableHeaderSize(), qsizetype(32));
        QCOMPARE(store->variables().size(), 1);
        store->setData(QStringLiteral("FanTemp"), efi::guids::RpiConfigDxe, QByteArray::fromHex("46000000"), 7);
        auto bytes = store->serialize();
        QVERIFY2(bytes.ok(), qPrintable(bytes.error()));
        // CpuClock: 32-byte header + 18-byte name + 4 data = 54 -> next record at 0x64 + 56.
        QCOMPARE(efi::le16(bytes->constData() + 0x64 + 56), quint16(0x55aa));
        auto back = efi::VarStore::parse(bytes.value());
        QVERIFY(back.ok());
        QCOMPARE(back->variables().size(), 2);
        QCOMPARE(back->find(QStringLiteral("FanTemp"), efi::guids::RpiConfigDxe)->data, QByteArray::fromHex("46000000"));
    }

    void overflowAndPerVariableLimit()
    {
        auto store = efi::VarStore::parse(m_empty);
        QVERIFY(store.ok());
        store->setData(QStringLiteral("Big"), efi::guids::RpiConfigDxe, QByteArray(0x2000, 'x'), 7);
        auto tooBig = store->serialize();
        QVERIFY(!tooBig.ok());
        QVERIFY2(tooBig.error().contains(QLatin1String("at most 8192")), qPrintable(tooBig.error()));
        store->remove(QStringLiteral("Big"), efi::guids::RpiConfigDxe);
        for (int i = 0; i < 8; ++i)
            store->setData(QStringLiteral("Fill%1").arg(i), efi::guids::RpiConfigDxe, QByteArray(8000, char('a' + i)), 7);
        auto full = store->serialize();
        QVERIFY(!full.ok());
        QVERIFY2(full.error().contains(QLatin1String("holds only 57244")), qPrintable(full.error()));
        store->remove(QStringLiteral("Fill7"), efi::guids::RpiConfigDxe);
        QVERIFY(store->serialize().ok());
    }

    void ftwQueue()
    {
        QByteArray fv = efi::blankNvVolume();
        auto clean = efi::VarStore::parse(fv);
        QVERIFY(clean.ok());
        QCOMPARE(clean->layout().ftwQueue, efi::FtwQueue::Empty);
        QCOMPARE(efi::le32(fv.constData() + 0xf010), 0x642caf2cu);   // the CRC of the reference

        QByteArray pending = fv;
        pending[0xf020] = char(0xfc);           // header + writes allocated, not complete
        auto p = efi::VarStore::parse(pending);
        QVERIFY(p.ok());
        QCOMPARE(p->layout().ftwQueue, efi::FtwQueue::Pending);
        auto refused = p->serialize();
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QLatin1String("pending write")), qPrintable(refused.error()));

        QByteArray done = fv;
        QByteArray header(40, '\0');
        header[0] = char(0xf8);                 // allocated, writes allocated, complete
        efi::put64(header.data() + 24, 1);      // one write
        QByteArray rec(40, '\0');
        rec[0] = char(0xf8);
        done.replace(0xf020, 80, QByteArray(header + rec));
        auto d = efi::VarStore::parse(done);
        QVERIFY(d.ok());
        QCOMPARE(d->layout().ftwQueue, efi::FtwQueue::CompletedOnly);
        d->setData(QStringLiteral("Timeout"), efi::guids::GlobalVariable, QByteArray::fromHex("0300"), 7);
        auto written = d->serialize();
        QVERIFY2(written.ok(), qPrintable(written.error()));
        QCOMPARE(written->mid(0xe000), done.mid(0xe000));

        QByteArray badCrc = fv;
        badCrc[0xf010] = char(badCrc[0xf010] ^ 1);
        auto b = efi::VarStore::parse(badCrc);
        QVERIFY(b.ok());
        QCOMPARE(b->layout().ftwQueue, efi::FtwQueue::Corrupt);
        QVERIFY(!b->serialize().ok());
    }

    void blankImageMatchesRelease()
    {
        const QByteArray blank = efi::blankRpiImage();
        QCOMPARE(blank.size(), m_empty.size());
        // The NV region (FV header, store header, event log, FTW working + spare) equals a real
        // pftf release byte for byte; the code region is erased in ours.
        QCOMPARE(blank.mid(0x1d0000), m_empty.mid(0x1d0000));
        auto store = efi::VarStore::parse(blank);
        QVERIFY(store.ok());
        QCOMPARE(store->layout().kind, QStringLiteral("pftf RPi4 v1.5-v1.38"));
    }

    void layouts_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("codeOffset");
        QTest::addColumn<int>("codeLength");
        QTest::addColumn<int>("nvOffset");
        QTest::addColumn<QString>("kind");
        QTest::newRow("v1.0") << 0x200000 << 0x20000 << 0x1c0000 << 0x1e0000 << "pftf RPi4 v1.0";
        QTest::newRow("v1.5-v1.38") << 0x1f0000 << 0x20000 << 0x1b0000 << 0x1d0000 << "pftf RPi4 v1.5-v1.38";
        QTest::newRow("v1.39+") << 0x3e0000 << 0x20000 << 0x390000 << 0x3b0000 << "pftf RPi4 v1.39+";
        QTest::newRow("OVMF vars") << 0x20000 << -1 << 0 << 0 << "OVMF 2M vars";
    }
    void layouts()
    {
        QFETCH(int, size);
        QFETCH(int, codeOffset);
        QFETCH(int, codeLength);
        QFETCH(int, nvOffset);
        QFETCH(QString, kind);
        QByteArray image(size, char(0xff));
        image.replace(0, 0x400, QByteArray(0x400, '\x13'));          // "TF-A": not a volume
        if (codeOffset >= 0) {
            // FVMAIN_COMPACT header: FFS2 GUID and _FVH, skipped by its FvLength. Its body
            // contains a decoy NvData GUID that a naive 1 KiB scan would trip over.
            QByteArray h(0x48, '\0');
            efi::writeGuid(h.data() + 0x10, efi::guids::Ffs2);
            efi::put64(h.data() + 0x20, quint64(codeLength));
            efi::put32(h.data() + 0x28, 0x4856465f);
            image.replace(codeOffset, h.size(), h);
            QByteArray decoy(0x48, '\0');
            efi::writeGuid(decoy.data() + 0x10, efi::guids::NvDataFv);
            image.replace(codeOffset + 0x10000, decoy.size(), decoy);
        }
        const QByteArray nv = efi::blankNvVolume();
        image.replace(nvOffset, nv.size(), nv);
        auto store = efi::VarStore::parse(image);
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(store->layout().fvOffset, qsizetype(nvOffset));
        QCOMPARE(store->layout().kind, kind);
        store->setData(QStringLiteral("CpuClock"), efi::guids::RpiConfigDxe, QByteArray::fromHex("02000000"), 7);
        auto bytes = store->serialize();
        QVERIFY(bytes.ok());
        QCOMPARE(bytes->left(nvOffset + 0x64), image.left(nvOffset + 0x64));
    }

    void bareStore()
    {
        const QByteArray store = efi::blankNvVolume().mid(0x48, 0xdfb8);
        auto parsed = efi::VarStore::parse(store);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(parsed->layout().fvOffset, qsizetype(-1));
        QCOMPARE(parsed->layout().kind, QStringLiteral("bare variable store"));
        parsed->setData(QStringLiteral("Timeout"), efi::guids::GlobalVariable, QByteArray::fromHex("0a00"), 7);
        auto back = efi::VarStore::parse(parsed->serialize().value());
        QVERIFY(back.ok());
        QCOMPARE(efi::timeout(*back), std::optional<quint16>(10));
    }

    void emptyReleaseGetsEntries()
    {
        auto store = efi::VarStore::parse(m_empty);
        QVERIFY(store.ok());
        const auto mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
        auto pxe = efi::addBootEntry(*store, efi::makePxeEntry(mac), efi::Placement::First);
        auto http = efi::addBootEntry(*store, efi::makeHttpEntry(mac, QStringLiteral("http://10.0.0.1/boot.efi")), efi::Placement::Last);
        const efi::DevicePath disk({efi::DevicePathNode::emmc(0),
                                    efi::DevicePathNode::hardDriveGpt(1, 2048, 524288, QUuid::fromString(QStringLiteral("0f2c8a5e-3b5a-4c59-9d6b-2b0b1f0a6d11")))});
        auto hd = efi::addBootEntry(*store, efi::makeDiskEntry(QStringLiteral("SD card"), disk, QStringLiteral("\\EFI\\BOOT\\BOOTAA64.EFI")),
                                    efi::Placement::Last);
        QVERIFY(pxe.ok() && http.ok() && hd.ok());
        QCOMPARE(pxe.value(), quint16(0));
        QCOMPARE(http.value(), quint16(1));
        QCOMPARE(hd.value(), quint16(2));
        efi::setBootNext(*store, http.value());
        efi::setTimeout(*store, 3);
        auto bytes = store->serialize();
        QVERIFY2(bytes.ok(), qPrintable(bytes.error()));
        auto back = efi::VarStore::parse(bytes.value());
        QVERIFY(back.ok());
        QCOMPARE(efi::bootOrder(*back), (QList<quint16>{0, 1, 2}));
        QCOMPARE(efi::bootNext(*back), std::optional<quint16>(1));
        const auto entries = efi::bootEntries(*back);
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.value(0).description, QStringLiteral("Metal Boot PXEv4 (MAC:DCA6320136C2)"));
        QVERIFY(!entries.value(0).isAutoCreated());
        QCOMPARE(entries.value(0).devicePath().toText(), QStringLiteral("MAC(DCA6320136C2,0x1)/IPv4(0.0.0.0,0x0,DHCP,0.0.0.0,0.0.0.0,0.0.0.0)"));
        QCOMPARE(entries.value(1).virtText(), QStringLiteral("title=\"Metal Boot HTTPv4 (MAC:DCA6320136C2)\" devpath=URI(http://10.0.0.1/boot.efi)"));
        QCOMPARE(entries.value(2).virtText(), QStringLiteral("title=\"SD card\" devpath=Msg(subtype=0x1d)/Partition(nr=1)/FilePath(\\EFI\\BOOT\\BOOTAA64.EFI)"));
        QCOMPARE(efi::bootKind(entries.value(2)), efi::BootKind::Disk);
        // Adding the same entry again reuses its number.
        QCOMPARE(efi::addBootEntry(*back, efi::makePxeEntry(mac), efi::Placement::Last).value(), quint16(0));
        QCOMPARE(efi::bootOrder(*back), (QList<quint16>{1, 2, 0}));
        QVERIFY(efi::removeBootEntry(*back, 1));
        QCOMPARE(efi::bootOrder(*back), (QList<quint16>{2, 0}));
        QVERIFY(!efi::bootNext(*back));
    }
};

QTEST_GUILESS_MAIN(TestEfiVarStore)
#include "tst_efivarstore.moc"
