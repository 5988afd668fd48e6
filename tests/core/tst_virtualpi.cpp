// Virtual Raspberry Pi 4s booting through the lab's real services on loopback: DHCP (proxy, with
// reply_to_source), TFTP, HTTP, the UEFI engine's RPI_EFI.fd and the console service, powered by
// the simulated PoE switch. Checks the stage sequence, the wire order of the files, the journal,
// power-off mid-transfer (the TFTP server reaps the session), fault injection and 20 concurrent Pis.

#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "devices/powercontrol.h"
#include "dhcp/dhcpservice.h"
#include "engine/labengine.h"
#include "http/httpserver.h"
#include "http/httpservice.h"
#include "lab/standinfile.h"
#include "lab/virtuallab.h"
#include "lab/virtualpi.h"
#include "rawbootp.h"
#include "tftp/tftpservice.h"

#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

QString mac(int i)
{
    return QStringLiteral("dc:a6:32:00:01:%1").arg(i, 2, 16, QLatin1Char('0'));
}

QByteArray deviceYaml(int i, const QByteArray &extra = {})
{
    return QStringLiteral("  \"%1\": {name: vpi-%2, serial: \"7e57%3\", model: pi4, power: {switch: sim, port: \"%4\"}, "
                          "profile: default, netconsole: true, osie: {kernel: virtual-lab/vmlinuz, initrd: virtual-lab/initrd.img, "
                          "cmdline: \"console=ttyAMA0,115200\"}, ")
               .arg(mac(i))
               .arg(i, 2, 10, QLatin1Char('0'))
               .arg(i, 4, 16, QLatin1Char('0'))
               .arg(i)
               .toUtf8()
        + (extra.isEmpty() ? QByteArray("virtual: true") : extra) + "}\n";
}

// A lab with `count` virtual Pis on one simulated switch; every port ephemeral.
struct VirtualLabFixture
{
    QTemporaryDir dir;
    std::unique_ptr<LabEngine> engine;

    explicit VirtualLabFixture(int count, const QHash<int, QByteArray> &extra = {}, const QByteArray &tftpExtra = {},
                               const QByteArray &dhcpExtra = {})
    {
        LabEngine::Options options;
        options.paths = AppPaths::under(dir.path());
        options.configPath = options.paths.labFile();
        options.watchConfig = false;
        QDir().mkpath(options.paths.configDir);
        QByteArray yaml = "name: Virtual test lab\nservices:\n"
                          "  dhcp: {address: 127.0.0.1, port: 0, proxy_port: 0, mode: proxy, reply_to_source: true"
            + dhcpExtra
            + "}\n"
              "  tftp: {address: 127.0.0.1, port: 0, max_window_size: 64"
            + tftpExtra
            + "}\n"
              "  http: {address: 127.0.0.1, port: 0}\n"
              "  redfish: {enabled: false}\n"
              "  consoles: {address: 127.0.0.1, netconsole_port: 0, syslog_port: 0}\n"
              "switches:\n  sim: {driver: simulated, ports: "
            + QByteArray::number(std::max(count, 1)) + ", poll_interval: 60}\n"
            + "profiles:\n  default: {name: Blank store}\ndevices:\n";
        for (int i = 1; i <= count; ++i)
            yaml += deviceYaml(i, extra.value(i));
        QFile f(options.configPath);
        f.open(QIODevice::WriteOnly);
        f.write(yaml);
        f.close();
        engine = std::make_unique<LabEngine>(options);
        VirtualLab::StandInSizes sizes;
        sizes.startElf = 96 * 1024;
        sizes.fixup = 5400;
        sizes.ipxe = 64 * 1024;
        sizes.kernel = 512 * 1024;
        sizes.initrd = 256 * 1024;
        lab()->setStandInSizes(sizes);
        lab()->setRetryDelayMs(-1);
        lab()->setTiming([](VirtualPi::Config &c) {
            c.powerOnDelayMs = 0;
            c.dhcpRetransmitMs = 400;
            c.dhcpTimeoutMs = 8000;
            c.tftpRetransmitMs = 300;
            c.tftpFileTimeoutMs = 15000;
            c.osBootMs = 20;
            c.sleepScale = 0;
        });
    }
    VirtualLab *lab() const { return engine->virtualLab(); }
    bool start()
    {
        QString error;
        const bool ok = engine->start(&error);
        if (!ok)
            qWarning() << error;
        return ok;
    }
    VirtualPi *pi(int i) const { return lab()->pi(*MacAddress::parse(mac(i))); }
    void power(int i, bool on) const
    {
        engine->powerControl()->requestPower(*MacAddress::parse(mac(i)), on ? PowerControl::Action::On : PowerControl::Action::Off,
                                             QStringLiteral("test"), [](bool, const QString &) {});
    }
    QList<JournalEvent> events(int i) const { return engine->journal()->events(*MacAddress::parse(mac(i))); }
    QStringList kinds(int i) const
    {
        QStringList out;
        for (const JournalEvent &e : events(i))
            out << e.kind;
        return out;
    }
    bool journalHas(int i, const QString &kind, const QString &needle = {}) const
    {
        for (const JournalEvent &e : events(i))
            if (e.kind == kind && (needle.isEmpty() || e.message.contains(needle) || e.data.value(QStringLiteral("file")).toString().contains(needle)))
                return true;
        return false;
    }
};


// Everything virtual Pis send to the lab's DHCP and TFTP listening ports, as it crosses `lo`
// (AF_PACKET, root only): the bytes on the wire, not what the code meant to send.
class LoopbackCapture
{
public:
    struct Datagram
    {
        quint32 src = 0;
        quint16 dstPort = 0;
        QByteArray payload;
    };
    bool open(QString *why)
    {
        m_fd = ::socket(AF_PACKET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(ETH_P_IP));
        if (m_fd < 0) {
            *why = QStringLiteral("AF_PACKET: %1 (needs root)").arg(QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        int size = 32 << 20;
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size);
        sockaddr_ll sll{};
        sll.sll_family = AF_PACKET;
        sll.sll_protocol = htons(ETH_P_IP);
        sll.sll_ifindex = int(if_nametoindex("lo"));
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&sll), sizeof sll) != 0) {
            *why = QStringLiteral("bind lo: %1").arg(QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        m_notifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] { drain(); });
        return true;
    }
    ~LoopbackCapture()
    {
        m_notifier.reset();
        if (m_fd >= 0)
            ::close(m_fd);
    }
    void setPorts(const QSet<quint16> &ports) { m_ports = ports; }
    void drain()
    {
        char buf[65536];
        for (;;) {
            sockaddr_ll from{};
            socklen_t len = sizeof from;
            const ssize_t n = ::recvfrom(m_fd, buf, sizeof buf, 0, reinterpret_cast<sockaddr *>(&from), &len);
            if (n <= 0)
                return;
            if (from.sll_pkttype == PACKET_OUTGOING || n < 28)   // lo shows each packet twice
                continue;
            const auto *u = reinterpret_cast<const uchar *>(buf);
            const int ihl = (u[0] & 0x0f) * 4;
            if ((u[0] >> 4) != 4 || u[9] != 17 || n < ihl + 8)
                continue;
            const quint32 src = qFromBigEndian<quint32>(u + 12);
            const quint16 dport = qFromBigEndian<quint16>(u + ihl + 2);
            if ((src >> 16) != 0x7f4d || !m_ports.contains(dport))   // 127.77/16: the virtual Pis
                continue;
            m_seen.append({src, dport, QByteArray(buf + ihl + 8, int(n) - ihl - 8)});
        }
    }
    [[nodiscard]] QList<Datagram> to(quint16 port) const
    {
        QList<Datagram> out;
        for (const Datagram &d : m_seen)
            if (d.dstPort == port)
                out.append(d);
        return out;
    }

private:
    int m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QSet<quint16> m_ports;
    QList<Datagram> m_seen;
};

QList<VirtualPi::Stage> stageSequence(const VirtualPi *pi)
{
    QList<VirtualPi::Stage> out;
    for (const auto &t : pi->timeline())
        if (out.isEmpty() || out.last() != t.stage)
            out << t.stage;
    return out;
}

} // namespace

class TestVirtualPi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fullBootThroughTheLab();
    void wireConformance();
    void powerOffMidTransferIsReaped();
    void lossAndCorruptionRecover();
    void badFirmwareFailsThenRecovers();
    void standInsAreSharedOnDisk();
    void deadLinkFailsAtDhcp();
    void delayedLinkEndsTransfersCleanly();
    void twentyConcurrentPis();
    void prefixOutsideTheRootIsRefused();
};

void TestVirtualPi::fullBootThroughTheLab()
{
    VirtualLabFixture lab(1);
    QVERIFY(lab.start());
    QVERIFY(lab.lab()->isRunning());
    VirtualPi *pi = lab.pi(1);
    QVERIFY(pi);
    QSignalSpy up(pi, &VirtualPi::osUp);
    lab.power(1, true);   // PoE port on -> the Pi boots
    QTRY_VERIFY_WITH_TIMEOUT(up.count() == 1 || pi->stage() == VirtualPi::Stage::Failed, 30000);
    QVERIFY2(pi->stage() == VirtualPi::Stage::OsUp, qPrintable(pi->failedStep() + QLatin1String(": ") + pi->failure()));

    using S = VirtualPi::Stage;
    const QList<S> expected = {S::PoweringOn, S::BootloaderDhcp, S::BootloaderTftp, S::Firmware, S::Uefi,
                               S::Ipxe, S::OsLoading, S::Ipxe, S::OsLoading, S::OsBooting, S::OsUp};
    QList<S> seen = stageSequence(pi);
    // (Ipxe, OsLoading) may appear once or twice depending on how the kernel/initrd steps interleave.
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    QCOMPARE(seen.first(), S::PoweringOn);
    QCOMPARE(seen.last(), S::OsUp);
    const QList<S> core = {S::BootloaderDhcp, S::BootloaderTftp, S::Firmware, S::Uefi, S::Ipxe, S::OsLoading, S::OsBooting, S::OsUp};
    int at = 0;
    for (S s : seen)
        if (at < core.size() && s == core.at(at))
            ++at;
    QVERIFY2(at == core.size(), "stages out of order");
    Q_UNUSED(expected)

    // The Pi's file order: parallel probes, then config.txt, start4.elf, fixup4.dat from its prefix,
    // start4.elf's own fetches, RPI_EFI.fd, the boot file (size probe + transfer), then HTTP.
    QStringList order;
    for (const auto &f : pi->files())
        order << (f.probe ? QStringLiteral("probe:") : QString()) + f.name;
    const QString p = QStringLiteral("7e570001/");
    QCOMPARE(order.mid(0, 4).size(), 4);
    QVERIFY(order.mid(0, 4).contains(QStringLiteral("probe:") + p + QStringLiteral("start4.elf")));
    QVERIFY(order.mid(0, 4).contains(QStringLiteral("probe:recovery.elf")));
    QCOMPARE(order.mid(4, 3), (QStringList{p + QStringLiteral("config.txt"), p + QStringLiteral("start4.elf"), p + QStringLiteral("fixup4.dat")}));
    QCOMPARE(order.at(7), p + QStringLiteral("config.txt"));
    QVERIFY(order.contains(p + QStringLiteral("bcm2711-rpi-4-b.dtb")));
    QVERIFY(order.contains(p + QStringLiteral("overlays/upstream-pi4.dtbo")));
    QVERIFY(order.contains(p + QStringLiteral("RPI_EFI.fd")));
    QVERIFY(order.contains(QStringLiteral("probe:snp.efi")));
    QVERIFY(order.indexOf(QStringLiteral("snp.efi")) > order.indexOf(p + QStringLiteral("RPI_EFI.fd")));
    const int script = int(std::find_if(order.cbegin(), order.cend(), [](const QString &s) { return s.endsWith(QLatin1String(".ipxe")); }) - order.cbegin());
    QVERIFY(script < order.size());
    QVERIFY(order.at(script + 1).endsWith(QLatin1String("virtual-lab/vmlinuz")));
    QVERIFY(order.at(script + 2).endsWith(QLatin1String("virtual-lab/initrd.img")));
    for (const auto &f : pi->files())
        if (!f.probe && f.name != p + QStringLiteral("cmdline.txt"))
            QVERIFY2(f.ok, qPrintable(f.name + QLatin1String(": ") + f.note));

    // The kernel got the netconsole argument and reported over it; the engine saw the OS come up.
    QVERIFY(pi->kernelCommandLine().contains(QLatin1String("netconsole=")));
    QTRY_VERIFY(lab.journalHas(1, QString::fromLatin1(journalkind::OsUp)));
    const DeviceInfo *d = lab.engine->registry()->find(pi->mac());
    QVERIFY(d);
    QTRY_COMPARE(lab.engine->registry()->find(pi->mac())->stage, BootStage::OsUp);
    QCOMPARE(d->ip, VirtualLab::addressFor(0));

    // The same timeline in the journal as for a real Pi.
    QVERIFY(lab.journalHas(1, QString::fromLatin1(journalkind::DhcpDiscover)));
    QVERIFY(lab.journalHas(1, QString::fromLatin1(journalkind::DhcpOffer)));
    QVERIFY(lab.journalHas(1, QString::fromLatin1(journalkind::DhcpRequest)));
    QVERIFY(lab.journalHas(1, QString::fromLatin1(journalkind::TftpProbe)));
    QVERIFY(lab.journalHas(1, QString::fromLatin1(journalkind::TftpServed), QStringLiteral("start4.elf")));
    QVERIFY(lab.journalHas(1, QString::fromLatin1(journalkind::TftpServed), QStringLiteral("RPI_EFI.fd")));
    QVERIFY(lab.journalHas(1, QString::fromLatin1(journalkind::TftpServed), QStringLiteral("snp.efi")));
    QVERIFY(lab.journalHas(1, QString::fromLatin1(journalkind::HttpRequest), QStringLiteral("vmlinuz")));
    QVERIFY(lab.journalHas(1, QString::fromLatin1(journalkind::FirmwareRendered)));
    const QStringList kinds = lab.kinds(1);
    QVERIFY(kinds.indexOf(QString::fromLatin1(journalkind::DhcpDiscover)) < kinds.indexOf(QString::fromLatin1(journalkind::TftpServed)));
    QVERIFY(kinds.lastIndexOf(QString::fromLatin1(journalkind::TftpServed)) < kinds.indexOf(QString::fromLatin1(journalkind::OsUp)));

    // The UEFI stage was windowed.
    bool windowed = false;
    for (const JournalEvent &e : lab.events(1))
        if (e.kind == QLatin1String(journalkind::TftpServed) && e.data.value(QStringLiteral("file")).toString() == QLatin1String("snp.efi"))
            windowed = e.data.value(QStringLiteral("windowsize")).toInt() == 4;
    QVERIFY(windowed);

    // Power off: the Pi stops, its registry stage follows the port.
    lab.power(1, false);
    QTRY_COMPARE(pi->stage(), VirtualPi::Stage::Off);
    QCOMPARE(pi->activeTransfers(), 0);
}


void TestVirtualPi::wireConformance()
{
    // The packets a virtual Pi really sends through a whole boot, captured on lo, against the
    // reference layouts (../shared/reference/netboot.md 1.1, 1.4, 1.5, 2.3, 3.2).
    LoopbackCapture capture;
    QString why;
    if (geteuid() != 0 || !capture.open(&why))
        QSKIP(qPrintable(QStringLiteral("cannot capture on lo: %1").arg(why.isEmpty() ? QStringLiteral("not root") : why)));
    VirtualLabFixture lab(1, {}, {}, ", ipxe_user_class: MetalBoot");
    QVERIFY(lab.start());
    const quint16 dhcpPort = lab.engine->dhcp()->serverPort();
    const quint16 proxyPort = lab.engine->dhcp()->proxyPort();
    const quint16 tftpPort = lab.engine->tftp()->port();
    capture.setPorts({dhcpPort, proxyPort, tftpPort});
    VirtualPi *pi = lab.pi(1);
    lab.power(1, true);
    QTRY_VERIFY_WITH_TIMEOUT(pi->stage() == VirtualPi::Stage::OsUp || pi->stage() == VirtualPi::Stage::Failed, 30000);
    QVERIFY2(pi->stage() == VirtualPi::Stage::OsUp, qPrintable(pi->failedStep() + QLatin1String(": ") + pi->failure()));
    QTest::qWait(50);
    capture.drain();

    // DHCP: bootloader DISCOVER + REQUEST, UEFI DISCOVER, iPXE DISCOVER (port 67 role); UEFI and
    // iPXE REQUESTs to the boot server (4011 role).
    QList<rawbootp::Dhcp> dhcp;
    for (const auto &d : capture.to(dhcpPort) + capture.to(proxyPort))
        dhcp.append(rawbootp::parseDhcp(d.payload));
    auto find = [&](int type, const QByteArray &vendorPrefix, bool withoutVendor = false) -> rawbootp::Dhcp {
        for (const auto &d : dhcp)
            if (d.ok && d.value(53) == QByteArray(1, char(type))
                && (withoutVendor ? !d.has(60) : d.value(60).startsWith(vendorPrefix)))
                return d;
        return {};
    };
    const QByteArray mac = pi->mac().toBytes();
    const rawbootp::Dhcp discover = find(1, "PXEClient:Arch:00000:");
    QVERIFY2(discover.ok, "no bootloader DISCOVER on the wire");
    QCOMPARE(discover.value(60), QByteArray("PXEClient:Arch:00000:UNDI:002001"));
    QCOMPARE(discover.value(93), QByteArray::fromHex("0000"));
    QCOMPARE(discover.value(97), QByteArray(1, '\0') + "RPi4" + QByteArray::fromHex("1131c000") + mac.mid(2, 4)
                                     + QByteArray::fromHex("0100577e"));   // serial 7e570001, little-endian
    QCOMPARE(discover.value(55), QByteArray::fromHex("01032b3c42438081828384858687"));
    QCOMPARE(discover.chaddr, mac);
    QVERIFY(!discover.has(0));
    const rawbootp::Dhcp request = find(3, {}, true);
    QVERIFY2(request.ok, "no bootloader REQUEST without option 60 on the wire");
    QCOMPARE(request.value(93), QByteArray::fromHex("0000"));
    QCOMPARE(request.value(97), discover.value(97));
    const rawbootp::Dhcp uefi = find(1, "PXEClient:Arch:00011:UNDI:003000");
    QVERIFY2(uefi.ok, "no UEFI PXE DISCOVER (arch 11)");
    QCOMPARE(uefi.value(93), QByteArray::fromHex("000b"));
    QCOMPARE(uefi.value(94), QByteArray::fromHex("010300"));
    QCOMPARE(uefi.value(97).size(), 17);
    QVERIFY(!uefi.has(77));
    const rawbootp::Dhcp ipxe = find(1, "PXEClient:Arch:00011:UNDI:003010");
    QVERIFY2(ipxe.ok, "no iPXE DISCOVER");
    QCOMPARE(ipxe.value(77), QByteArray("MetalBoot"));   // services.dhcp.ipxe_user_class
    QVERIFY(ipxe.has(175));

    // TFTP RRQs: the bootloader's "octet tsize 0 blksize 1024" under its serial prefix; EDK2's size
    // probe "tsize 0 blksize 1468 windowsize 4", then "blksize 1468 windowsize 4".
    QList<rawbootp::Rrq> rrqs;
    for (const auto &d : capture.to(tftpPort))
        rrqs.append(rawbootp::parseRrq(d.payload));
    QVERIFY(rrqs.size() >= 10);
    using Options = QList<QPair<QByteArray, QByteArray>>;
    const Options pi4 = {{"tsize", "0"}, {"blksize", "1024"}};
    QCOMPARE(rrqs.first().file, QByteArray("7e570001/start4.elf"));
    int bootFile = 0;
    for (const rawbootp::Rrq &r : std::as_const(rrqs)) {
        QVERIFY(r.ok);
        QCOMPARE(r.mode, QByteArray("octet"));
        if (r.file == "snp.efi") {
            const Options expected = bootFile++ == 0 ? Options{{"tsize", "0"}, {"blksize", "1468"}, {"windowsize", "4"}}
                                                     : Options{{"blksize", "1468"}, {"windowsize", "4"}};
            QCOMPARE(r.options, expected);
        } else {
            QVERIFY2(r.options == pi4, r.file.constData());
        }
    }
    QCOMPARE(bootFile, 2);
    const QList<QByteArray> firstFour = {rrqs.at(0).file, rrqs.at(1).file, rrqs.at(2).file, rrqs.at(3).file};
    QCOMPARE(firstFour, (QList<QByteArray>{"7e570001/start4.elf", "7e570001/start.elf", "recover4.elf", "recovery.elf"}));
}

void TestVirtualPi::powerOffMidTransferIsReaped()
{
    // A large start4.elf and a server that gives up quickly (1 s, one retry).
    VirtualLabFixture lab(1, {}, ", timeout: 1, max_retries: 1");
    VirtualLab::StandInSizes sizes;
    sizes.startElf = 48LL << 20;
    lab.lab()->setStandInSizes(sizes);
    lab.lab()->setTiming([](VirtualPi::Config &c) {
        c.powerOnDelayMs = 0;
        c.faults.delayMs = 1;   // ~2 ms per lock-step block: the transfer lasts long enough to cut it
    });
    QVERIFY(lab.start());
    VirtualPi *pi = lab.pi(1);
    lab.lab()->setPower(pi->mac(), true);
    TftpService *tftp = lab.engine->tftp();
    QTRY_VERIFY_WITH_TIMEOUT(pi->stage() == VirtualPi::Stage::BootloaderTftp && tftp->activeTransfers() > 0
                                 && std::any_of(pi->files().cbegin(), pi->files().cend(),
                                                [](const auto &f) { return f.name.endsWith(QLatin1String("config.txt")); }),
                             15000);
    QTest::qWait(300);
    QCOMPARE(pi->stage(), VirtualPi::Stage::BootloaderTftp);
    QVERIFY(tftp->activeTransfers() > 0);
    lab.lab()->setPower(pi->mac(), false);   // mid-transfer, no goodbye
    QCOMPARE(pi->stage(), VirtualPi::Stage::Off);
    QCOMPARE(pi->activeTransfers(), 0);
    // The server retransmits into the void, then reaps the session.
    QTRY_COMPARE_WITH_TIMEOUT(tftp->activeTransfers(), 0, 10000);
    bool timedOut = false;
    for (const JournalEvent &e : lab.events(1))
        timedOut = timedOut || (e.kind == QLatin1String(journalkind::TftpFailed) && e.message.contains(QLatin1String("start4.elf")));
    QVERIFY2(timedOut, "no tftp.failed for the abandoned start4.elf");
}

void TestVirtualPi::lossAndCorruptionRecover()
{
    // Pi 1 loses 0.2 % of its datagrams (both directions): every loss costs a retransmission (server
    // RTO >= 1 s, no resend on duplicate ACKs; the Pi resends RRQs and DHCP), and it still boots.
    // Pi 2 gets 3 % of its datagrams corrupted: its checks catch damaged blocks, the servers reject
    // damaged requests; it ends with a named failure (or, rarely, booted) - and Pi 3 on a clean link
    // boots alongside through the same servers, which keep serving.
    VirtualLabFixture lab(3, {{1, "virtual: {packet_loss: 0.2}"}, {2, "virtual: {corrupt: 3, delay_ms: 1}"}});
    lab.lab()->setTiming([](VirtualPi::Config &c) {
        c.powerOnDelayMs = 0;
        c.dhcpRetransmitMs = 400;
        c.dhcpTimeoutMs = 8000;
        c.tftpRetransmitMs = 1000;
        c.tftpFileTimeoutMs = 30000;   // TFTP_FILE_TIMEOUT
        c.osBootMs = 20;
        c.sleepScale = 0;
    });
    QVERIFY(lab.start());
    QSignalSpy failures(lab.lab(), &VirtualLab::piFailed);
    for (int i = 1; i <= 3; ++i)
        lab.power(i, true);
    auto settled = [](VirtualPi *pi) { return pi->stage() == VirtualPi::Stage::OsUp || pi->stage() == VirtualPi::Stage::Failed; };
    QTRY_VERIFY_WITH_TIMEOUT(settled(lab.pi(1)) && settled(lab.pi(2)) && settled(lab.pi(3)), 50000);
    QVERIFY2(lab.pi(1)->stage() == VirtualPi::Stage::OsUp, qPrintable(lab.pi(1)->failedStep() + QLatin1String(": ") + lab.pi(1)->failure()));
    QVERIFY2(lab.pi(3)->stage() == VirtualPi::Stage::OsUp, qPrintable(lab.pi(3)->failedStep() + QLatin1String(": ") + lab.pi(3)->failure()));
    // Loss really happened and was recovered by retransmissions.
    int retransmitted = 0;
    for (const JournalEvent &e : lab.events(1))
        if (e.kind == QLatin1String(journalkind::TftpServed))
            retransmitted += e.data.value(QStringLiteral("retransmitted_blocks")).toInt();
    QVERIFY(retransmitted > 0);
    // Corruption: a failure names its step and reason, in the journal as for any device.
    VirtualPi *damaged = lab.pi(2);
    qInfo() << "corrupted link:" << VirtualPi::stageName(damaged->stage()) << damaged->failedStep() << damaged->failure();
    if (damaged->stage() == VirtualPi::Stage::Failed) {
        QVERIFY(!damaged->failedStep().isEmpty() && !damaged->failure().isEmpty());
        QTRY_VERIFY(lab.journalHas(2, QString::fromLatin1(journalkind::VirtualBoot)));
        QTRY_COMPARE(lab.engine->registry()->find(damaged->mac())->stage, BootStage::Error);
    }
    QVERIFY(lab.engine->tftp()->isRunning());
    QVERIFY(lab.engine->dhcp()->isRunning());
    // After the storm the servers still serve a clean boot.
    lab.power(3, false);
    QTRY_COMPARE(lab.pi(3)->stage(), VirtualPi::Stage::Off);
    lab.power(3, true);
    QTRY_VERIFY_WITH_TIMEOUT(settled(lab.pi(3)), 30000);
    QCOMPARE(lab.pi(3)->stage(), VirtualPi::Stage::OsUp);
}

void TestVirtualPi::badFirmwareFailsThenRecovers()
{
    VirtualLabFixture lab(1, {{1, "virtual: {bad_file: start4.elf}"}});
    QVERIFY(lab.start());
    VirtualPi *pi = lab.pi(1);
    QSignalSpy failed(pi, &VirtualPi::failed);
    lab.power(1, true);
    QTRY_COMPARE_WITH_TIMEOUT(pi->stage(), VirtualPi::Stage::Failed, 20000);
    QCOMPARE(pi->failedStep(), QStringLiteral("tftp"));
    QVERIFY2(pi->failure().contains(QLatin1String("start4.elf is corrupt")), qPrintable(pi->failure()));
    QTRY_VERIFY(lab.journalHas(1, QString::fromLatin1(journalkind::VirtualBoot), QStringLiteral("start4.elf")));
    QTRY_COMPARE(lab.engine->registry()->find(pi->mac())->stage, BootStage::Error);

    // Fix the file (drop the fault): the stand-ins are rewritten and the EEPROM's retry boots it.
    lab.lab()->setRetryDelayMs(100);
    QString error;
    QVERIFY2(lab.engine->modifyConfig([&](LabConfig &c) { c.device(pi->mac())->virtualFaults = VirtualFaultsConfig(); }, &error),
             qPrintable(error));
    pi->powerOff();
    pi->powerOn();
    QTRY_VERIFY_WITH_TIMEOUT(pi->stage() == VirtualPi::Stage::OsUp, 30000);
}

// Many Pis, one firmware release: every device's stand-in of the same name and size is one file on
// disk (hard links), written once; a device with a damaged file has its own copy, linked back
// once the fault is gone.
void TestVirtualPi::standInsAreSharedOnDisk()
{
    VirtualLabFixture lab(3, {{2, "virtual: {bad_file: start4.elf}"}});
    QVERIFY(lab.start());
    auto inode = [&](int i, const char *file) -> quint64 {
        const QString path = lab.engine->tftp()->root() + QLatin1Char('/') + lab.pi(i)->config().tftpPrefix + QLatin1String(file);
        struct stat st;
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? quint64(st.st_ino) : 0;
    };
    QVERIFY(inode(1, "start4.elf") != 0);
    QCOMPARE(inode(3, "start4.elf"), inode(1, "start4.elf"));
    QCOMPARE(inode(3, "fixup4.dat"), inode(1, "fixup4.dat"));
    QCOMPARE(inode(2, "fixup4.dat"), inode(1, "fixup4.dat"));
    QVERIFY(inode(2, "start4.elf") != 0);
    QVERIFY(inode(2, "start4.elf") != inode(1, "start4.elf"));   // its damaged copy is its own
    // The others still boot from the shared files, the damaged one still fails.
    lab.power(3, true);
    QTRY_VERIFY_WITH_TIMEOUT(lab.pi(3)->stage() == VirtualPi::Stage::OsUp, 30000);

    QString error;
    QVERIFY2(lab.engine->modifyConfig([&](LabConfig &c) { c.device(lab.pi(2)->mac())->virtualFaults = VirtualFaultsConfig(); }, &error),
             qPrintable(error));
    QTRY_COMPARE(inode(2, "start4.elf"), inode(1, "start4.elf"));
    lab.power(2, true);
    QTRY_VERIFY_WITH_TIMEOUT(lab.pi(2)->stage() == VirtualPi::Stage::OsUp, 30000);
}

void TestVirtualPi::deadLinkFailsAtDhcp()
{
    VirtualLabFixture lab(1, {{1, "virtual: {packet_loss: 100}"}});
    lab.lab()->setTiming([](VirtualPi::Config &c) {
        c.powerOnDelayMs = 0;
        c.dhcpRetransmitMs = 200;
        c.dhcpTimeoutMs = 1000;
    });
    QVERIFY(lab.start());
    VirtualPi *pi = lab.pi(1);
    lab.lab()->setPower(pi->mac(), true);
    QTRY_COMPARE_WITH_TIMEOUT(pi->stage(), VirtualPi::Stage::Failed, 5000);
    QCOMPARE(pi->failedStep(), QStringLiteral("dhcp"));
    QVERIFY(!lab.journalHas(1, QString::fromLatin1(journalkind::DhcpDiscover)));   // nothing reached the server
}

void TestVirtualPi::delayedLinkEndsTransfersCleanly()
{
    // With link latency, a transfer's last ACK and a probe's "Early terminate" still leave after
    // the fetch is done: the server ends those sessions at once, none is left to time out.
    VirtualLabFixture lab(1, {{1, "virtual: {delay_ms: 2}"}});
    QVERIFY(lab.start());
    VirtualPi *pi = lab.pi(1);
    lab.power(1, true);
    // Through the bootloader's files into start4.elf's (RPI_EFI.fd takes a while at 4 ms a block).
    QTRY_VERIFY_WITH_TIMEOUT(lab.journalHas(1, QString::fromLatin1(journalkind::TftpRequest), QStringLiteral("RPI_EFI.fd"))
                                 || pi->stage() == VirtualPi::Stage::Failed,
                             15000);
    QVERIFY2(pi->stage() != VirtualPi::Stage::Failed, qPrintable(pi->failedStep() + QLatin1String(": ") + pi->failure()));
    QTRY_COMPARE_WITH_TIMEOUT(lab.engine->tftp()->activeTransfers(), 1, 500);   // only RPI_EFI.fd; the server's RTO is 1 s
    QVERIFY(lab.journalHas(1, QString::fromLatin1(journalkind::TftpProbe), QStringLiteral("start4.elf")));
    for (const char *file : {"config.txt", "start4.elf", "fixup4.dat", "bcm2711-rpi-4-b.dtb", "cmdline.txt"})
        QVERIFY2(lab.journalHas(1, QString::fromLatin1(journalkind::TftpServed), QLatin1String(file)), file);
    QVERIFY(!lab.journalHas(1, QString::fromLatin1(journalkind::TftpFailed), QStringLiteral("config.txt")));
    lab.power(1, false);
}

void TestVirtualPi::twentyConcurrentPis()
{
    constexpr int Count = 20;
    VirtualLabFixture lab(Count);
    QVERIFY(lab.start());
    QElapsedTimer clock;
    clock.start();
    for (int i = 1; i <= Count; ++i)
        lab.power(i, true);
    auto settled = [&] {
        for (int i = 1; i <= Count; ++i) {
            const auto s = lab.pi(i)->stage();
            if (s != VirtualPi::Stage::OsUp && s != VirtualPi::Stage::Failed)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 45000);
    int up = 0;
    for (int i = 1; i <= Count; ++i) {
        if (lab.pi(i)->stage() == VirtualPi::Stage::OsUp)
            ++up;
        else
            qWarning() << mac(i) << lab.pi(i)->failedStep() << lab.pi(i)->failure();
    }
    QCOMPARE(up, Count);
    qInfo() << Count << "virtual Pis booted to os-up in" << clock.elapsed() << "ms";
    for (int i = 1; i <= Count; ++i)
        QTRY_VERIFY(lab.journalHas(i, QString::fromLatin1(journalkind::OsUp)));
    QTRY_COMPARE(lab.engine->tftp()->activeTransfers(), 0);
}

void TestVirtualPi::prefixOutsideTheRootIsRefused()
{
    // tftp.pi_prefix_string is free text: the lab must not write stand-ins outside the TFTP root.
    VirtualLabFixture lab(1, {}, ", pi_prefix: fixed, pi_prefix_string: \"../escape\"");
    QString error;
    lab.engine->start(&error);
    QVERIFY(!lab.lab()->isRunning());
    QVERIFY(!QFileInfo::exists(lab.dir.filePath(QStringLiteral("data/escape"))));
    QVERIFY(!QFileInfo::exists(lab.dir.filePath(QStringLiteral("escape"))));
    QVERIFY(lab.engine->tftp()->isRunning());   // the rest of the lab serves on
}

QTEST_GUILESS_MAIN(TestVirtualPi)
#include "tst_virtualpi.moc"
