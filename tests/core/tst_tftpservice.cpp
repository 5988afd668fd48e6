// TftpService over loopback with a scripted client: protocol behaviour (windows, loss, duplicate
// ACKs, rollover, timeouts, wrong TIDs), Raspberry Pi client habits, limits, uploads, path
// safety on the wire, journaling and the RPI_EFI.fd hook.

#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "tftp/tftpservice.h"
#include "tftptestclient.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

MacAddress mac(const char *text)
{
    return *MacAddress::parse(QLatin1String(text));
}

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    for (qsizetype i = 0; i < n; ++i)
        b[i] = char(gen.generate() & 0xff);
    return b;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(data), data.size());
}

tftp::Options opts(std::initializer_list<std::pair<const char *, const char *>> list)
{
    tftp::Options out;
    for (const auto &p : list)
        out.append(tftp::Option{QByteArray(p.first), QByteArray(p.second)});
    return out;
}

QByteArray optionValue(const tftp::Options &options, const char *name)
{
    for (const auto &o : options)
        if (o.name == name)
            return o.value;
    return {};
}

// Watches a directory for any open or read of the files in it (inotify), to prove that a
// refused request never touched them.
class OpenWatch
{
public:
    explicit OpenWatch(const QString &dir)
    {
        m_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (m_fd >= 0)
            m_wd = inotify_add_watch(m_fd, QFile::encodeName(dir).constData(), IN_OPEN | IN_ACCESS);
    }
    ~OpenWatch()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool isValid() const { return m_fd >= 0 && m_wd >= 0; }
    int events()
    {
        int count = 0;
        alignas(inotify_event) char buf[4096];
        while (true) {
            const ssize_t n = ::read(m_fd, buf, sizeof buf);
            if (n <= 0)
                break;
            for (ssize_t i = 0; i < n;) {
                const auto *e = reinterpret_cast<const inotify_event *>(buf + i);
                ++count;
                i += ssize_t(sizeof(inotify_event) + e->len);
            }
        }
        return count;
    }

private:
    int m_fd = -1;
    int m_wd = -1;
};

} // namespace

class TestTftpService : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_root;
    QHash<QString, QByteArray> m_files;

    TftpConfig baseConfig() const
    {
        TftpConfig c;
        c.address = QHostAddress(QHostAddress::LocalHost);
        c.port = 0;
        c.root = m_root;
        c.ipxeDir = m_tmp.path() + QStringLiteral("/ipxe");
        c.maxBlockSize = 65464;
        c.maxWindowSize = 64;
        return c;
    }

    std::unique_ptr<TftpService> start(const TftpConfig &config)
    {
        auto s = std::make_unique<TftpService>();
        s->setConfig(config);
        s->setNeighbourLookup([](const QHostAddress &) { return MacAddress(); });
        if (!s->start())
            qWarning() << "start failed:" << s->errorString();
        return s;
    }
    std::unique_ptr<TftpService> start() { return start(baseConfig()); }

    void put(const QString &name, const QByteArray &data)
    {
        writeFile(m_root + QLatin1Char('/') + name, data);
        m_files.insert(name, data);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_root = m_tmp.path() + QStringLiteral("/root");
        QVERIFY(QDir().mkpath(m_root));
        QVERIFY(QDir().mkpath(m_tmp.path() + QStringLiteral("/ipxe")));
        put(QStringLiteral("empty.bin"), {});
        put(QStringLiteral("511.bin"), randomBytes(511, 1));
        put(QStringLiteral("512.bin"), randomBytes(512, 2));
        put(QStringLiteral("513.bin"), randomBytes(513, 3));
        put(QStringLiteral("1468x3.bin"), randomBytes(1468 * 3, 4));
        put(QStringLiteral("20k.bin"), randomBytes(20000, 5));
        put(QStringLiteral("64k.bin"), randomBytes(65536, 6));
        put(QStringLiteral("rollover.bin"), randomBytes(65536 * 8 + 100, 7));   // 65549 blocks of 8 bytes
        put(QStringLiteral("text.txt"), QByteArray("line one\nline two\r\nend"));
        put(QStringLiteral("rpi-firmware/start4.elf"), randomBytes(2228224 / 8, 8));
        put(QStringLiteral("rpi-firmware/RPI_EFI.fd"), randomBytes(4096, 9));
        put(QStringLiteral("rpi-firmware/bcm2711-rpi-4-b.dtb"), randomBytes(3000, 10));
        put(QStringLiteral("9ffefdef/kernel8.img"), randomBytes(30000, 11));
        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/uploads")));
    }

    void startsOnEphemeralPort()
    {
        auto s = start();
        QVERIFY(s->isRunning());
        QVERIFY(s->port() != 0);
        QCOMPARE(s->endpoints(), QStringList{QStringLiteral("udp 127.0.0.1:%1").arg(s->port())});
        s->stop();
        QVERIFY(!s->isRunning());
        // IPv6 is refused clearly.
        TftpConfig c = baseConfig();
        c.address = QHostAddress(QHostAddress::LocalHostIPv6);
        auto v6 = std::make_unique<TftpService>();
        v6->setConfig(c);
        QVERIFY(!v6->start());
        QVERIFY(v6->errorString().contains(QLatin1String("IPv4")));
    }

    void download_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("blksize");
        QTest::addColumn<QByteArray>("windowsize");
        for (const char *f : {"empty.bin", "511.bin", "512.bin", "513.bin", "1468x3.bin", "20k.bin"}) {
            QTest::addRow("%s plain", f) << QString::fromLatin1(f) << QByteArray() << QByteArray();
            QTest::addRow("%s 1468", f) << QString::fromLatin1(f) << QByteArray("1468") << QByteArray();
            QTest::addRow("%s 512 w4", f) << QString::fromLatin1(f) << QByteArray("512") << QByteArray("4");
            QTest::addRow("%s 1024 w16", f) << QString::fromLatin1(f) << QByteArray("1024") << QByteArray("16");
            QTest::addRow("%s 8 w64", f) << QString::fromLatin1(f) << QByteArray("8") << QByteArray("64");
        }
    }
    void download()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, blksize);
        QFETCH(QByteArray, windowsize);
        auto s = start();
        TftpTestClient c(s->port());
        tftp::Options o;
        if (!blksize.isEmpty())
            o.append(tftp::Option{"blksize", blksize});
        if (!windowsize.isEmpty())
            o.append(tftp::Option{"windowsize", windowsize});
        o.append(tftp::Option{"tsize", "0"});
        const auto d = c.get(file.toUtf8(), o);
        QVERIFY2(d.ok, qPrintable(d.message));
        QCOMPARE(d.data, m_files.value(file));
        const qsizetype size = m_files.value(file).size();
        QCOMPARE(optionValue(d.oack, "tsize"), size ? QByteArray::number(size) : QByteArray());
        if (!blksize.isEmpty())
            QCOMPARE(optionValue(d.oack, "blksize"), blksize);
        QCOMPARE(d.duplicateData, 0);
        QTRY_COMPARE(s->activeTransfers(), 0);
    }

    void plainRequestGetsNoOack()
    {
        auto s = start();
        TftpTestClient c(s->port());
        c.rrq("20k.bin");
        const auto r = c.receive(2000);
        QVERIFY(r);
        QCOMPARE(r->packet.opcode, tftp::Opcode::Data);
        QCOMPARE(r->packet.block, quint16(1));
        QCOMPARE(r->packet.data.size(), 512);
        QVERIFY(r->port != s->port());   // a new TID
    }

    void blksizeFollowsConfigAndMtu()
    {
        TftpConfig cfg = baseConfig();
        cfg.maxBlockSize = 1468;
        auto s = start(cfg);
        TftpTestClient c(s->port());
        auto d = c.get("20k.bin", opts({{"blksize", "65464"}}));
        QVERIFY(d.ok);
        QCOMPARE(optionValue(d.oack, "blksize"), QByteArray("1468"));
        auto big = start();   // loopback MTU 65536: the RFC maximum fits
        TftpTestClient c2(big->port());
        d = c2.get("64k.bin", opts({{"blksize", "65464"}}));
        QVERIFY(d.ok);
        QCOMPARE(optionValue(d.oack, "blksize"), QByteArray("65464"));
        QCOMPARE(d.data, m_files.value(QStringLiteral("64k.bin")));
    }

    void windowResumesAfterLoss()
    {
        auto s = start();
        TftpTestClient c(s->port());
        c.rrq("20k.bin", opts({{"blksize", "512"}, {"windowsize", "8"}}));
        auto r = c.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Oack);
        const quint16 tid = r->port;
        c.sendTo(tid, tftp::buildAck(0));
        QList<quint16> blocks;
        for (int i = 0; i < 8; ++i) {
            r = c.receive(2000);
            QVERIFY(r && r->packet.opcode == tftp::Opcode::Data);
            blocks.append(r->packet.block);
        }
        QCOMPARE(blocks, (QList<quint16>{1, 2, 3, 4, 5, 6, 7, 8}));
        QVERIFY(c.silentFor(300));   // a window, then nothing until an ACK
        // Block 4 was "lost": the client acknowledges 3, the last block it got in order.
        c.sendTo(tid, tftp::buildAck(3));
        blocks.clear();
        for (int i = 0; i < 8; ++i) {
            r = c.receive(2000);
            QVERIFY(r && r->packet.opcode == tftp::Opcode::Data);
            blocks.append(r->packet.block);
        }
        QCOMPARE(blocks, (QList<quint16>{4, 5, 6, 7, 8, 9, 10, 11}));
        // The same ACK again (what a client sends for each out-of-order block) changes nothing.
        c.sendTo(tid, tftp::buildAck(3));
        c.sendTo(tid, tftp::buildAck(3));
        QVERIFY(c.silentFor(500));
        c.sendTo(tid, tftp::buildAck(11));
        r = c.receive(2000);
        QVERIFY(r);
        QCOMPARE(r->packet.block, quint16(12));
        c.sendTo(tid, tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("done")));
        QTRY_COMPARE(s->activeTransfers(), 0);
    }

    void duplicateAckNeverResends()
    {
        auto s = start();
        TftpTestClient c(s->port());
        c.rrq("20k.bin");
        auto r = c.receive(2000);
        QVERIFY(r && r->packet.block == 1);
        const quint16 tid = r->port;
        c.sendTo(tid, tftp::buildAck(1));
        r = c.receive(2000);
        QVERIFY(r && r->packet.block == 2);
        // Sorcerer's Apprentice: three duplicate ACKs for block 1 must not produce DATA 2 again.
        for (int i = 0; i < 3; ++i)
            c.sendTo(tid, tftp::buildAck(1));
        QVERIFY(c.silentFor(800));
        // A zero-padded ACK (Pi 5) is an ACK.
        c.sendTo(tid, tftp::buildAck(2) + QByteArray(12, '\0'));
        r = c.receive(2000);
        QVERIFY(r && r->packet.block == 3);
        c.sendTo(tid, tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("bye")));
        QTRY_COMPARE(s->activeTransfers(), 0);
    }

    void retransmitsWithBackoffThenGivesUp()
    {
        TftpConfig cfg = baseConfig();
        cfg.timeoutSeconds = 1;
        cfg.maxRetries = 2;
        auto s = start(cfg);
        DeviceJournal journal;
        s->setJournal(&journal);
        TftpTestClient c(s->port());
        c.rrq("20k.bin");
        auto first = c.receive(2000);
        QVERIFY(first && first->packet.block == 1);
        auto second = c.receive(3000);
        QVERIFY(second && second->packet.block == 1);
        const qint64 rto1 = second->atMs - first->atMs;
        QVERIFY2(rto1 >= 950 && rto1 < 1600, qPrintable(QString::number(rto1)));   // initial RTO >= 1 s
        auto third = c.receive(4000);
        QVERIFY(third && third->packet.block == 1);
        const qint64 rto2 = third->atMs - second->atMs;
        QVERIFY2(rto2 >= 1900 && rto2 < 2700, qPrintable(QString::number(rto2)));   // doubled
        auto last = c.receive(6000);
        QVERIFY(last);
        QCOMPARE(last->packet.opcode, tftp::Opcode::Error);   // gave up, told the client
        QVERIFY(last->atMs - third->atMs >= 3900);
        QTRY_COMPARE(s->activeTransfers(), 0);
        const auto events = journal.recent();
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last().kind, QString::fromLatin1(journalkind::TftpFailed));
        QCOMPARE(events.last().data.value(QStringLiteral("result")).toString(), QStringLiteral("timeout"));
    }

    void unknownTidGetsError5()
    {
        auto s = start();
        TftpTestClient c(s->port());
        TftpTestClient intruder(s->port());
        c.rrq("513.bin");
        auto r = c.receive(2000);
        QVERIFY(r && r->packet.block == 1);
        const quint16 tid = r->port;
        intruder.sendTo(tid, tftp::buildAck(1));
        auto e = intruder.receive(2000);
        QVERIFY(e);
        QCOMPARE(e->packet.opcode, tftp::Opcode::Error);
        QCOMPARE(e->packet.errorCode, tftp::ErrorCode::UnknownTid);
        QVERIFY(c.silentFor(300));   // the intruder's ACK did not advance the transfer
        c.sendTo(tid, tftp::buildAck(1));
        r = c.receive(2000);
        QVERIFY(r && r->packet.block == 2 && r->packet.data.size() == 1);
        c.sendTo(tid, tftp::buildAck(2));
        QTRY_COMPARE(s->activeTransfers(), 0);
    }

    void rolloverToZero()
    {
        auto s = start();
        TftpTestClient c(s->port());
        const auto d = c.get("rollover.bin", opts({{"blksize", "8"}, {"windowsize", "64"}}), 60000);
        QVERIFY2(d.ok, qPrintable(d.message));
        QVERIFY(d.sawBlockZeroAfterRollover);
        QCOMPARE(d.data.size(), m_files.value(QStringLiteral("rollover.bin")).size());
        QCOMPARE(d.data, m_files.value(QStringLiteral("rollover.bin")));
    }

    void duplicateRequestIsIgnored()
    {
        auto s = start();
        TftpTestClient c(s->port());
        c.rrq("20k.bin", opts({{"tsize", "0"}}));
        c.rrq("20k.bin", opts({{"tsize", "0"}}));   // retransmitted RRQ, same source port
        auto r = c.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Oack);
        QVERIFY(c.silentFor(400));
        QCOMPARE(s->activeTransfers(), 1);
        c.sendTo(r->port, tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("Early terminate")));
        QTRY_COMPARE(s->activeTransfers(), 0);
    }

    void piClientBehaviour()
    {
        // rpi-eeprom#74: seven RRQs within milliseconds, each "octet tsize 0 blksize 1024" from its
        // own port, for a prefix whose files may be missing; then the real downloads.
        auto s = start();
        DeviceRegistry registry(nullptr);
        DeviceJournal journal;
        s->setRegistry(&registry);
        s->setJournal(&journal);
        const MacAddress piMac = mac("dc:a6:32:01:36:c2");
        s->setNeighbourLookup([piMac](const QHostAddress &) { return piMac; });
        const QList<QByteArray> names{"d9780558/start4.elf", "d9780558/start.elf", "config.txt", "recover4.elf",
                                      "recovery.elf", "start4.elf", "start.elf"};
        std::vector<std::unique_ptr<TftpTestClient>> clients;
        for (const QByteArray &n : names) {
            clients.push_back(std::make_unique<TftpTestClient>(s->port()));
            clients.back()->rrq(n, opts({{"tsize", "0"}, {"blksize", "1024"}}));
        }
        QHash<QByteArray, TftpTestClient::Received> answers;
        for (int i = 0; i < names.size(); ++i) {
            const auto r = clients[size_t(i)]->receive(3000);
            QVERIFY2(r, names.at(i).constData());
            answers.insert(names.at(i), *r);
        }
        const auto &start4 = answers.value("d9780558/start4.elf");
        QCOMPARE(start4.packet.opcode, tftp::Opcode::Oack);
        QCOMPARE(optionValue(start4.packet.options, "tsize"), QByteArray::number(m_files.value(QStringLiteral("rpi-firmware/start4.elf")).size()));
        QCOMPARE(optionValue(start4.packet.options, "blksize"), QByteArray("1024"));
        QCOMPARE(answers.value("d9780558/start.elf").packet.errorCode, tftp::ErrorCode::FileNotFound);
        QCOMPARE(answers.value("recover4.elf").packet.errorCode, tftp::ErrorCode::FileNotFound);
        // The unknown serial registered the Pi (its MAC from the neighbour table).
        const DeviceInfo *pi = registry.find(piMac);
        QVERIFY(pi);
        QCOMPARE(pi->serial, QStringLiteral("d9780558"));
        // Once the prefixed request registered it, the un-prefixed ones are answered for this Pi too.
        QCOMPARE(answers.value("config.txt").packet.opcode, tftp::Opcode::Oack);
        // Early terminate after the OACK: a probe, not a failure.
        for (int i = 0; i < names.size(); ++i) {
            const auto &a = answers.value(names.at(i));
            if (a.packet.opcode == tftp::Opcode::Oack)
                clients[size_t(i)]->sendTo(a.port, tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("Early terminate")));
        }
        QTRY_COMPARE(s->activeTransfers(), 0);
        int probes = 0, failures = 0;
        for (const JournalEvent &e : journal.events(piMac)) {
            probes += e.kind == QLatin1String(journalkind::TftpProbe);
            failures += e.kind == QLatin1String(journalkind::TftpFailed) && e.severity != JournalEvent::Severity::Info;
        }
        QVERIFY(probes >= 1);
        QCOMPARE(failures, 0);

        // The real download with the same options.
        TftpTestClient again(s->port());
        const auto d = again.get("d9780558/start4.elf", opts({{"tsize", "0"}, {"blksize", "1024"}}));
        QVERIFY(d.ok);
        QCOMPARE(d.data, m_files.value(QStringLiteral("rpi-firmware/start4.elf")));
        QTRY_VERIFY(!journal.events(piMac).isEmpty() && journal.events(piMac).last().kind == QLatin1String(journalkind::TftpServed));
        QCOMPARE(registry.find(piMac)->stage, BootStage::Tftp);

        // Early terminate after DATA 1 (no options) is a probe as well; ERROR 8 after an OACK too.
        TftpTestClient p1(s->port());
        p1.rrq("d9780558/start4.elf");
        auto r = p1.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Data);
        p1.sendTo(r->port, tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("Early terminate")));
        TftpTestClient p2(s->port());
        p2.rrq("d9780558/start4.elf", opts({{"tsize", "0"}}));
        r = p2.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Oack);
        p2.sendTo(r->port, tftp::buildError(tftp::ErrorCode::OptionRefused, QStringLiteral("User aborted the transfer")));
        QTRY_COMPARE(s->activeTransfers(), 0);
        QTRY_COMPARE(journal.events(piMac).last().kind, QString::fromLatin1(journalkind::TftpProbe));
        // ...but an abort in the middle of a download is a failure.
        TftpTestClient p3(s->port());
        p3.rrq("d9780558/start4.elf");
        r = p3.receive(2000);
        p3.sendTo(r->port, tftp::buildAck(1));
        r = p3.receive(2000);
        QVERIFY(r && r->packet.block == 2);
        p3.sendTo(r->port, tftp::buildAck(2));
        p3.sendTo(r->port, tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("Early terminate")));
        QTRY_COMPARE(s->activeTransfers(), 0);
        QTRY_COMPARE(journal.events(piMac).last().kind, QString::fromLatin1(journalkind::TftpFailed));
    }

    void sessionLimits()
    {
        TftpConfig cfg = baseConfig();
        cfg.maxSessionsPerClient = 2;
        auto s = start(cfg);
        TftpTestClient a(s->port()), b(s->port()), c(s->port());
        a.rrq("20k.bin");
        b.rrq("20k.bin");
        QVERIFY(a.receive(2000));
        QVERIFY(b.receive(2000));
        c.rrq("20k.bin");
        auto r = c.receive(2000);
        QVERIFY(r);
        QCOMPARE(r->packet.opcode, tftp::Opcode::Error);
        QVERIFY(r->packet.errorMessage.contains(QLatin1String("Too many")));
        QCOMPARE(s->activeTransfers(QHostAddress(QHostAddress::LocalHost)), 2);
        s->stop();

        cfg.maxSessionsPerClient = 10;
        cfg.maxSessions = 1;
        s = start(cfg);
        TftpTestClient d(s->port()), e(s->port());
        d.rrq("20k.bin");
        r = d.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Data);
        e.rrq("20k.bin");
        auto busy = e.receive(2000);
        QVERIFY(busy && busy->packet.opcode == tftp::Opcode::Error);
        // Once the first ends, the next is served.
        d.sendTo(r->port, tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("stop")));
        QTRY_COMPARE(s->activeTransfers(), 0);
        TftpTestClient f(s->port());
        QVERIFY(f.get("513.bin").ok);
    }

    void manyConcurrentTransfers()
    {
        TftpConfig cfg = baseConfig();
        cfg.maxSessionsPerClient = 200;
        auto s = start(cfg);
        std::vector<std::unique_ptr<AsyncTftpDownload>> downloads;
        for (int i = 0; i < 100; ++i)
            downloads.push_back(std::make_unique<AsyncTftpDownload>(
                s->port(), "64k.bin", i % 2 ? opts({{"blksize", "1468"}, {"windowsize", "8"}}) : opts({{"blksize", "1024"}})));
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(downloads.begin(), downloads.end(), [](const auto &d) { return d->done(); }), 30000);
        for (const auto &d : downloads) {
            QVERIFY(d->ok());
            QCOMPARE(d->data(), m_files.value(QStringLiteral("64k.bin")));
        }
        QTRY_COMPARE(s->activeTransfers(), 0);
    }

    void malformedRequestsAreAnsweredAndServiceContinues()
    {
        auto s = start();
        TftpTestClient c(s->port());
        const QList<QByteArray> bad{QByteArray("\x00\x01", 2), QByteArray("\x00\x01" "file", 6),
                                    QByteArray("\x00\x01" "file\0binary\0", 14), QByteArray("\x00\x01\0octet\0", 9),
                                    QByteArray("\x00\x01" "f\0octet\0blksize\0", 18), QByteArray("\x00\x01" "f\0mail\0", 9)};
        for (const QByteArray &b : bad) {
            c.sendRequest(b);
            const auto r = c.receive(2000);
            QVERIFY2(r, b.toHex().constData());
            QCOMPARE(r->packet.opcode, tftp::Opcode::Error);
            QCOMPARE(r->packet.errorCode, tftp::ErrorCode::IllegalOperation);
        }
        // Stray DATA/ACK/ERROR and garbage to the request port get no answer (no reflection).
        c.sendRequest(tftp::buildAck(1));
        c.sendRequest(QByteArray("\x00", 1));
        c.sendRequest(QByteArray("\x00\x09zzzz", 6));
        QVERIFY(c.silentFor(300));
        c.sendRequest(QByteArray(3000, 'x'));   // over-long request
        QVERIFY(c.receive(2000));
        QVERIFY(c.get("513.bin").ok);
        QVERIFY(s->isRunning());
    }

    void netascii()
    {
        auto s = start();
        TftpTestClient c(s->port());
        c.rrq("text.txt", {}, tftp::Mode::Netascii);
        auto r = c.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Data);
        QCOMPARE(r->packet.data.toByteArray(), QByteArray("line one\r\nline two\r\0\r\nend", 25));
        c.sendTo(r->port, tftp::buildAck(1));
        QTRY_COMPARE(s->activeTransfers(), 0);
    }

    void uploadsOffByDefault()
    {
        auto s = start();
        TftpTestClient c(s->port());
        c.sendRequest(tftp::buildRequest(tftp::Opcode::Wrq, "uploads/new.bin", tftp::Mode::Octet));
        const auto r = c.receive(2000);
        QVERIFY(r);
        QCOMPARE(r->packet.errorCode, tftp::ErrorCode::AccessViolation);
        QVERIFY(!QFile::exists(m_root + QStringLiteral("/uploads/new.bin")));
    }

    void uploadsWhenAllowed()
    {
        TftpConfig cfg = baseConfig();
        cfg.allowUploads = true;
        auto s = start(cfg);
        const QByteArray payload = randomBytes(3000, 42);
        TftpTestClient c(s->port());
        c.sendRequest(tftp::buildRequest(tftp::Opcode::Wrq, "uploads/new.bin", tftp::Mode::Octet, opts({{"blksize", "1024"}, {"tsize", "3000"}})));
        auto r = c.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Oack);
        QCOMPARE(optionValue(r->packet.options, "tsize"), QByteArray("3000"));
        const quint16 tid = r->port;
        for (int block = 1; block <= 3; ++block) {
            c.sendTo(tid, tftp::buildData(quint16(block), payload.mid((block - 1) * 1024, 1024)));
            r = c.receive(2000);
            QVERIFY(r && r->packet.opcode == tftp::Opcode::Ack && r->packet.block == block);
        }
        // The file appears (atomically) only when complete.
        QTRY_VERIFY(QFile::exists(m_root + QStringLiteral("/uploads/new.bin")));
        QFile f(m_root + QStringLiteral("/uploads/new.bin"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), payload);
        // Retransmitted last DATA (our ACK lost) is acknowledged again while dallying.
        c.sendTo(tid, tftp::buildData(3, payload.mid(2048)));
        r = c.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Ack && r->packet.block == 3);

        TftpTestClient again(s->port());
        again.sendRequest(tftp::buildRequest(tftp::Opcode::Wrq, "uploads/new.bin", tftp::Mode::Octet));
        r = again.receive(2000);
        QVERIFY(r && r->packet.errorCode == tftp::ErrorCode::FileExists);
        for (const QByteArray &bad : {QByteArray("../escape.bin"), QByteArray("missing-dir/x.bin"), QByteArray("/tmp/x.bin")}) {
            TftpTestClient e(s->port());
            e.sendRequest(tftp::buildRequest(tftp::Opcode::Wrq, bad, tftp::Mode::Octet));
            r = e.receive(2000);
            QVERIFY2(r && r->packet.errorCode == tftp::ErrorCode::AccessViolation, bad.constData());
        }
        // Netascii upload: CR LF becomes LF, CR NUL becomes CR; split across blocks.
        TftpTestClient n(s->port());
        n.sendRequest(tftp::buildRequest(tftp::Opcode::Wrq, "uploads/text.txt", tftp::Mode::Netascii, opts({{"blksize", "8"}})));
        r = n.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Oack);
        const QByteArray wire("abcdefg\r\nhi\r\0x\r\n", 16);   // 8 + 8 + an empty last block
        for (int block = 1; block <= 3; ++block) {
            n.sendTo(r->port, tftp::buildData(quint16(block), wire.mid((block - 1) * 8, 8)));
            const auto ack = n.receive(2000);
            QVERIFY(ack && ack->packet.block == block);
        }
        QTRY_VERIFY(QFile::exists(m_root + QStringLiteral("/uploads/text.txt")));
        QFile t(m_root + QStringLiteral("/uploads/text.txt"));
        QVERIFY(t.open(QIODevice::ReadOnly));
        QCOMPARE(t.readAll(), QByteArray("abcdefg\nhi\rx\n"));
    }

    void traversalCorpusIsRefused()
    {
        // A canary outside the root, reachable only by escaping it; inotify proves it is never
        // opened. Nothing that is not refused may pass: every case must get a TFTP ERROR.
        const QString outside = m_tmp.path() + QStringLiteral("/outside");
        writeFile(outside + QStringLiteral("/canary.txt"), "CANARY");
        const QByteArray out = QFile::encodeName(outside);
        const QByteArray root = QFile::encodeName(m_root);
        ::symlink("../outside", QByteArray(root + "/link-out").constData());
        ::symlink("../outside/canary.txt", QByteArray(root + "/canary-link").constData());
        ::symlink(QByteArray(out + "/canary.txt").constData(), QByteArray(root + "/abs-link").constData());
        QDir().mkpath(m_root + QStringLiteral("/dir"));
        ::symlink("../../outside/canary.txt", QByteArray(root + "/dir/up").constData());
        ::symlink("/proc/self/root/etc/passwd", QByteArray(root + "/proc-link").constData());
        ::symlink("loop-b", QByteArray(root + "/loop-a").constData());
        ::symlink("loop-a", QByteArray(root + "/loop-b").constData());
        ::mkfifo(QByteArray(root + "/fifo").constData(), 0600);
        OpenWatch watch(outside);
        QVERIFY(watch.isValid());

        const QByteArray canary = out + "/canary.txt";
        const QList<QByteArray> corpus{
            "../outside/canary.txt",
            "../../etc/passwd",
            "../../../../../../../../etc/passwd",
            "/etc/passwd",
            canary,
            "//etc/passwd",
            "/../outside/canary.txt",
            "dir/../../outside/canary.txt",
            "./../outside/canary.txt",
            "dir/./../../outside/canary.txt",
            "512.bin/../../outside/canary.txt",
            "..",
            ".",
            "..\\outside\\canary.txt",
            "dir\\..\\..\\outside\\canary.txt",
            "C:\\Windows\\win.ini",
            "\\\\server\\share\\canary.txt",
            "%2e%2e/outside/canary.txt",
            "%2e%2e%2foutside%2fcanary.txt",
            "..%2foutside%2fcanary.txt",
            "..%252f..%252foutside%252fcanary.txt",
            "%c0%ae%c0%ae/outside/canary.txt",
            "\xc0\xae\xc0\xae/outside/canary.txt",
            "\xe0\x80\xae\xe0\x80\xae/outside/canary.txt",
            "..\xc0\xaf" "outside\xc0\xaf" "canary.txt",
            "link-out/canary.txt",
            "canary-link",
            "abs-link",
            "dir/up",
            "proc-link",
            "loop-a",
            "fifo",
            "dir",
            QByteArray(300, 'a'),
            QByteArray("a/").repeated(120) + "canary.txt",
            "ok\x01.txt",
            "canary\x7f",
            "file:///etc/passwd",
            "~/../outside/canary.txt",
        };
        QVERIFY(corpus.size() >= 30);
        auto s = start();
        int refused = 0;
        for (const QByteArray &name : corpus) {
            TftpTestClient c(s->port());
            c.rrq(name, opts({{"tsize", "0"}}));
            const auto r = c.receive(2000);
            QVERIFY2(r, name.toHex().constData());
            QVERIFY2(r->packet.opcode == tftp::Opcode::Error, name.toHex().constData());
            ++refused;
        }
        // Embedded NULs: the part after the NUL becomes the mode and the request is malformed.
        for (const QByteArray &raw : {QByteArray("\x00\x01" "512.bin\0../outside/canary.txt\0octet\0", 38),
                                      QByteArray("\x00\x01../outside/canary.txt\0\0octet\0", 31)}) {
            TftpTestClient c(s->port());
            c.sendRequest(raw);
            const auto r = c.receive(2000);
            QVERIFY(r && r->packet.opcode == tftp::Opcode::Error);
            ++refused;
        }
        QCOMPARE(refused, corpus.size() + 2);
        QCOMPARE(watch.events(), 0);
        QCOMPARE(s->activeTransfers(), 0);
        // The watch works: reading the canary ourselves is seen.
        QFile f(outside + QStringLiteral("/canary.txt"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("CANARY"));
        QVERIFY(watch.events() > 0);
    }

    void firmwareHookAndBootOverride()
    {
        auto s = start();
        DeviceRegistry registry(nullptr);
        DeviceJournal journal;
        BootControl boot;
        s->setRegistry(&registry);
        s->setJournal(&journal);
        s->setBootControl(&boot);
        const MacAddress piMac = mac("dc:a6:32:01:36:c2");
        const QByteArray image = randomBytes(300000, 77);
        int renders = 0;
        s->setFirmwareRenderer([&](const MacAddress &m) -> Result<QByteArray> {
            ++renders;
            if (m != piMac)
                return Result<QByteArray>::failure(QStringLiteral("unknown device"));
            return image;
        });
        BootOverride once;
        once.target = BootOverride::Target::Pxe;
        once.enabled = BootOverride::Enabled::Once;
        boot.setOverride(piMac, once);
        QSignalSpy consumed(&boot, &BootControl::overrideConsumed);

        // Size probe first (as the Pi does): the override stays.
        TftpTestClient probe(s->port());
        probe.rrq("dc-a6-32-01-36-c2/RPI_EFI.fd", opts({{"tsize", "0"}, {"blksize", "1024"}}));
        auto r = probe.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Oack);
        QCOMPARE(optionValue(r->packet.options, "tsize"), QByteArray::number(image.size()));
        probe.sendTo(r->port, tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("Early terminate")));
        QTRY_COMPARE(s->activeTransfers(), 0);
        QCOMPARE(boot.override(piMac).enabled, BootOverride::Enabled::Once);

        TftpTestClient c(s->port());
        const auto d = c.get("dc-a6-32-01-36-c2/RPI_EFI.fd", opts({{"tsize", "0"}, {"blksize", "1024"}}));
        QVERIFY(d.ok);
        QCOMPARE(d.data, image);
        QTRY_COMPARE(consumed.count(), 1);
        QCOMPARE(consumed.at(0).at(2).toString(), QStringLiteral("tftp: RPI_EFI.fd"));
        QCOMPARE(boot.override(piMac).enabled, BootOverride::Enabled::Disabled);
        QCOMPARE(renders, 2);
        const JournalEvent served = journal.events(piMac).last();
        QCOMPARE(served.kind, QString::fromLatin1(journalkind::TftpServed));
        QCOMPARE(served.stage, BootStage::Uefi);
        QCOMPARE(served.data.value(QStringLiteral("sha256")).toString().size(), 64);
        QCOMPARE(registry.find(piMac)->stage, BootStage::Uefi);

        // The renderer's failure reaches the client and the journal.
        TftpTestClient other(s->port());
        other.rrq("dc-a6-32-00-00-99/RPI_EFI.fd");
        r = other.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Error);
        QVERIFY(r->packet.errorMessage.contains(QLatin1String("unknown device")));
        const JournalEvent failed = journal.events(mac("dc:a6:32:00:00:99")).last();
        QCOMPARE(failed.kind, QString::fromLatin1(journalkind::TftpFailed));
        QCOMPARE(failed.severity, JournalEvent::Severity::Error);
    }

    void journalAndStages()
    {
        auto s = start();
        DeviceJournal journal;
        DeviceRegistry registry(&journal);
        DeviceConfig pi07;
        pi07.mac = mac("dc:a6:32:01:36:c2");
        pi07.name = QStringLiteral("pi-07");
        pi07.serial = QStringLiteral("9ffefdef");
        pi07.model = QStringLiteral("pi4");
        registry.applyConfig({pi07});
        s->setDevices({pi07});
        s->setRegistry(&registry);
        s->setJournal(&journal);

        TftpTestClient c(s->port());
        QVERIFY(c.get("9ffefdef/start4.elf", opts({{"tsize", "0"}, {"blksize", "1024"}})).ok);
        QTRY_COMPARE(journal.events(pi07.mac).last().kind, QString::fromLatin1(journalkind::TftpServed));
        const QList<JournalEvent> events = journal.events(pi07.mac);
        QCOMPARE(events.at(events.size() - 2).kind, QString::fromLatin1(journalkind::TftpRequest));
        const JournalEvent served = events.last();
        QCOMPARE(served.source, QStringLiteral("tftp"));
        QCOMPARE(served.stage, BootStage::Tftp);
        QCOMPARE(served.data.value(QStringLiteral("file")).toString(), QStringLiteral("9ffefdef/start4.elf"));
        QCOMPARE(served.data.value(QStringLiteral("bytes")).toDouble(), double(m_files.value(QStringLiteral("rpi-firmware/start4.elf")).size()));
        QCOMPARE(served.data.value(QStringLiteral("blksize")).toInt(), 1024);
        QCOMPARE(served.data.value(QStringLiteral("windowsize")).toInt(), 1);
        QCOMPARE(served.data.value(QStringLiteral("result")).toString(), QStringLiteral("completed"));
        QVERIFY(served.data.contains(QStringLiteral("duration_ms")));
        QCOMPARE(registry.find(pi07.mac)->stage, BootStage::Tftp);

        QVERIFY(c.get("9ffefdef/config.txt").ok);
        const auto efi = c.get("9ffefdef/RPI_EFI.fd");   // no renderer: from disk, still UEFI stage
        QVERIFY2(efi.ok, qPrintable(efi.message + QString::number(int(efi.error))));
        QTRY_COMPARE(registry.find(pi07.mac)->stage, BootStage::Uefi);
        QVERIFY(c.get("9ffefdef/bcm2711-rpi-4-b.dtb").ok);   // later Pi files don't move it back
        QCOMPARE(registry.find(pi07.mac)->stage, BootStage::Uefi);
        QVERIFY(c.get("9ffefdef/kernel8.img").ok);
        QTRY_COMPARE(registry.find(pi07.mac)->stage, BootStage::OsLoading);

        TftpTestClient missing(s->port());
        missing.rrq("9ffefdef/kernel8-32.img");
        QVERIFY(missing.receive(2000));
        QTRY_COMPARE(s->activeTransfers(), 0);
        JournalEvent nf;
        for (const JournalEvent &e : journal.events(pi07.mac))
            if (e.data.value(QStringLiteral("file")).toString() == QLatin1String("9ffefdef/kernel8-32.img"))
                nf = e;
        QCOMPARE(nf.kind, QString::fromLatin1(journalkind::TftpFailed));
        QCOMPARE(nf.severity, JournalEvent::Severity::Info);   // the Pi probes missing files all the time
    }

    void rolloverWarningForPi4()
    {
        put(QStringLiteral("rpi-firmware/huge.img"), QByteArray(65535 * 8, 'h'));
        auto s = start();
        DeviceJournal journal;
        DeviceRegistry registry(&journal);
        s->setRegistry(&registry);
        s->setJournal(&journal);
        const MacAddress piMac = mac("dc:a6:32:01:36:c2");
        TftpTestClient c(s->port());
        c.rrq("dc-a6-32-01-36-c2/huge.img", opts({{"blksize", "8"}}));
        auto r = c.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Oack);
        c.sendTo(r->port, tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("Early terminate")));
        QTRY_COMPARE(s->activeTransfers(), 0);
        bool warned = false;
        for (const JournalEvent &e : journal.events(piMac))
            warned = warned || (e.kind == QLatin1String(journalkind::TftpRollover) && e.severity == JournalEvent::Severity::Warning);
        QVERIFY(warned);
        // 65534 blocks + the short last one fit: no warning.
        put(QStringLiteral("rpi-firmware/fits.img"), QByteArray(65534 * 8 + 7, 'h'));
        TftpTestClient d(s->port());
        d.rrq("dc-a6-32-01-36-c2/fits.img", opts({{"blksize", "8"}}));
        r = d.receive(2000);
        QVERIFY(r);
        d.sendTo(r->port, tftp::buildError(tftp::ErrorCode::NotDefined, QStringLiteral("Early terminate")));
        QTRY_COMPARE(s->activeTransfers(), 0);
        int warnings = 0;
        for (const JournalEvent &e : journal.events(piMac))
            warnings += e.kind == QLatin1String(journalkind::TftpRollover);
        QCOMPARE(warnings, 1);
    }

    void stopAbortsTransfers()
    {
        auto s = start();
        QSignalSpy finished(s.get(), &TftpService::transferFinished);
        TftpTestClient c(s->port());
        c.rrq("20k.bin");
        auto r = c.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Data);
        QCOMPARE(s->activeTransfers(), 1);
        s->stop();
        QCOMPARE(s->activeTransfers(), 0);
        r = c.receive(2000);
        QVERIFY(r && r->packet.opcode == tftp::Opcode::Error);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(2).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestTftpService)
#include "tst_tftpservice.moc"
