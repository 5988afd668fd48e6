#include "boot/boothttproutes.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "http/httpservice.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// A real iPXE (Debian's ipxe.lkrn under QEMU/TCG) boots against our HTTP boot routes:
//  - netboot: DHCP, /boot.ipxe, the per-device script, kernel and initrd downloads;
//  - virtual media: a Cd boot override makes iPXE sanboot an ISO over HTTP (HEAD + ranges).
// Network safety: QEMU's user-mode network with restrict=on (the guest reaches nothing), and one
// guestfwd that pipes the guest's 10.0.2.100:80 to our server on 127.0.0.1. No interface,
// namespace or address outside loopback is touched; QEMU is killed by pid.
class TestIpxeBoot : public QObject
{
    Q_OBJECT
private:
    const MacAddress m_mac = *MacAddress::parse(QStringLiteral("52:54:00:12:34:56"));
    QTemporaryDir m_tmp;
    std::unique_ptr<DeviceJournal> m_journal;
    std::unique_ptr<DeviceRegistry> m_registry;
    std::unique_ptr<BootControl> m_boot;
    std::unique_ptr<HttpService> m_http;
    std::unique_ptr<BootHttpRoutes> m_routes;
    std::unique_ptr<QProcess> m_qemu;
    QString m_lkrn = QStringLiteral("/usr/lib/ipxe/ipxe.lkrn");

    void stopQemu()
    {
        if (m_qemu && m_qemu->state() != QProcess::NotRunning) {
            m_qemu->kill();
            m_qemu->waitForFinished(5000);
        }
        m_qemu.reset();
    }

    void startQemu()
    {
        m_qemu = std::make_unique<QProcess>();
        m_qemu->setProcessChannelMode(QProcess::MergedChannels);
        const QString forward = QStringLiteral("guestfwd=tcp:10.0.2.100:80-cmd:socat STDIO TCP:127.0.0.1:%1").arg(m_http->port());
        m_qemu->start(QStringLiteral("qemu-system-x86_64"),
                      {QStringLiteral("-machine"), QStringLiteral("pc,accel=tcg"), QStringLiteral("-m"), QStringLiteral("256"),
                       QStringLiteral("-nodefaults"), QStringLiteral("-display"), QStringLiteral("none"),
                       QStringLiteral("-serial"), QStringLiteral("null"), QStringLiteral("-no-reboot"),
                       QStringLiteral("-kernel"), m_lkrn, QStringLiteral("-append"),
                       QStringLiteral("dhcp && chain http://10.0.2.100/boot.ipxe"),
                       QStringLiteral("-netdev"), QStringLiteral("user,id=n0,restrict=on,") + forward,
                       QStringLiteral("-device"), QStringLiteral("e1000,netdev=n0,mac=%1").arg(m_mac.toString())});
        QVERIFY(m_qemu->waitForStarted(10000));
    }

    // The journal has a completed GET of `file` for the device (status 200 or 206).
    bool fetched(const QString &file, int status, bool anyClient = false) const
    {
        for (const JournalEvent &e : anyClient ? m_journal->recent() : m_journal->events(m_mac))
            if (e.source == QLatin1String("http") && e.data.value(QStringLiteral("file")).toString() == file
                && e.data.value(QStringLiteral("status")).toInt() == status
                && e.data.value(QStringLiteral("complete")).toBool())
                return true;
        return false;
    }
    QString journalDump() const
    {
        QStringList lines;
        for (const JournalEvent &e : m_journal->recent(40))
            lines << e.kind + QLatin1Char(' ') + e.message;
        return lines.join(QLatin1Char('\n'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("qemu-system-x86_64")).isEmpty())
            QSKIP("qemu-system-x86_64 is not installed");
        if (QStandardPaths::findExecutable(QStringLiteral("socat")).isEmpty())
            QSKIP("socat is not installed");
        if (!QFileInfo(m_lkrn).isFile())
            QSKIP("Debian's ipxe package (/usr/lib/ipxe/ipxe.lkrn) is not installed");
        QVERIFY(m_tmp.isValid());
        const QString root = m_tmp.filePath(QStringLiteral("root"));
        QDir().mkpath(root + QStringLiteral("/images"));
        // The "kernel" is a real bzImage (iPXE itself), so iPXE accepts it; the initrd is opaque.
        QVERIFY(QFile::copy(m_lkrn, root + QStringLiteral("/vmlinuz")));
        QFile initrd(root + QStringLiteral("/initrd.img"));
        QVERIFY(initrd.open(QIODevice::WriteOnly));
        QByteArray block(1 << 20, Qt::Uninitialized);
        for (int i = 0; i < 4; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            initrd.write(block);
        }
        initrd.close();
        if (QFileInfo(QStringLiteral("/usr/lib/ipxe/ipxe.iso")).isFile())
            QVERIFY(QFile::copy(QStringLiteral("/usr/lib/ipxe/ipxe.iso"), root + QStringLiteral("/images/live.iso")));

        LabConfig config;
        DeviceConfig d;
        d.mac = m_mac;
        d.name = QStringLiteral("qemu-01");
        d.osie = {QStringLiteral("vmlinuz"), QStringLiteral("initrd.img"), QStringLiteral("quiet")};
        config.devices = {d};
        config.services.http.address = QHostAddress(QHostAddress::LocalHost);
        config.services.http.port = 0;
        config.services.http.root = root;
        // What the guest can reach: the guestfwd address, not our loopback.
        config.services.http.publicUrl = QStringLiteral("http://10.0.2.100");

        m_journal = std::make_unique<DeviceJournal>();
        m_registry = std::make_unique<DeviceRegistry>(m_journal.get());
        m_boot = std::make_unique<BootControl>();
        m_http = std::make_unique<HttpService>();
        m_routes = std::make_unique<BootHttpRoutes>(m_http.get(), m_registry.get(), m_journal.get(), m_boot.get());
        m_registry->applyConfig(config.devices);
        m_routes->applyConfig(config, QString());
        m_http->setConfig(config.services.http);
        QVERIFY(m_http->start());
    }

    void cleanup() { stopQemu(); }

    void cleanupTestCase()
    {
        stopQemu();
        if (m_http)
            m_http->stop();
        m_routes.reset();
        m_http.reset();
    }

    void netboot()
    {
        startQemu();
        QTRY_VERIFY2_WITH_TIMEOUT(fetched(QStringLiteral("/initrd.img"), 200), qPrintable(journalDump()), 150000);
        // Before its script, the device's address is not known: that request is journaled
        // without a device.
        QVERIFY(fetched(QStringLiteral("/boot.ipxe"), 200, true));
        QVERIFY(fetched(QStringLiteral("/boot/52-54-00-12-34-56.ipxe"), 200));
        QVERIFY(fetched(QStringLiteral("/vmlinuz"), 200));
        // The identity iPXE reported through the chain script.
        bool sawIdentity = false;
        for (const JournalEvent &e : m_journal->events(m_mac)) {
            const QJsonObject client = e.data.value(QStringLiteral("client")).toObject();
            if (client.value(QStringLiteral("platform")).toString() == QLatin1String("pcbios"))
                sawIdentity = true;
        }
        QVERIFY(sawIdentity);
        const DeviceInfo *info = m_registry->find(m_mac);
        QVERIFY(info);
        QCOMPARE(info->stage, BootStage::OsLoading);
    }

    void sanbootVirtualMedia()
    {
        if (!QFileInfo(m_tmp.filePath(QStringLiteral("root/images/live.iso"))).isFile())
            QSKIP("/usr/lib/ipxe/ipxe.iso is not installed");
        VirtualMedia cd;
        cd.image = QStringLiteral("images/live.iso");
        cd.inserted = true;
        m_boot->setMedia(m_mac, QStringLiteral("Cd"), cd);
        m_boot->bootStarted(m_mac);
        m_boot->setOverride(m_mac, {BootOverride::Target::Cd, BootOverride::Enabled::Once, QStringLiteral("UEFI"), {}});
        startQemu();
        // iPXE's HTTP block device: HEAD for the capacity, then block reads by byte range.
        QTRY_VERIFY2_WITH_TIMEOUT(fetched(QStringLiteral("/images/live.iso"), 206), qPrintable(journalDump()), 150000);
        QVERIFY(fetched(QStringLiteral("/boot/52-54-00-12-34-56.ipxe"), 200));
        QCOMPARE(m_boot->override(m_mac).enabled, BootOverride::Enabled::Disabled); // consumed by this boot
        bool sawHead = false;
        for (const JournalEvent &e : m_journal->events(m_mac))
            sawHead = sawHead
                || (e.data.value(QStringLiteral("method")).toString() == QLatin1String("HEAD")
                    && e.data.value(QStringLiteral("file")).toString() == QLatin1String("/images/live.iso"));
        QVERIFY(sawHead);
    }
};

QTEST_GUILESS_MAIN(TestIpxeBoot)
#include "tst_ipxeboot.moc"
