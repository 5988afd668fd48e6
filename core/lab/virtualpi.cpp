#include "virtualpi.h"

#include "common/logging.h"
#include "dhcp/dhcppacket.h"
#include "dhcptransaction.h"
#include "efi/bootentries.h"
#include "efi/varstore.h"
#include "httpfetch.h"
#include "ipxescriptrunner.h"
#include "standinfile.h"

#include <QTimer>

namespace {

// Retransmission schedules of the firmware the virtual Pi imitates.
const QList<int> &edk2Schedule()
{
    static const QList<int> waits = {4000, 8000, 16000, 32000};   // EDK2 PxeBcDxe
    return waits;
}
const QList<int> &ipxeSchedule()
{
    static const QList<int> waits = {1000, 2000, 4000, 8000};     // iPXE DHCP_MIN/MAX_TIMEOUT
    return waits;
}

QString ipText(quint32 ip)
{
    return dhcp::ipToString(ip);
}

bool isIpxeBinary(const QString &file)
{
    const QString b = file.mid(file.lastIndexOf(QLatin1Char('/')) + 1).toLower();
    return b.contains(QLatin1String("ipxe")) || b == QLatin1String("snp.efi") || b == QLatin1String("snponly.efi");
}

} // namespace

VirtualPi::VirtualPi(const Config &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_random(quint32(qHash(config.identity.mac) ^ config.identity.serial))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_ip = m_config.address;
}

VirtualPi::~VirtualPi()
{
    clearActivity();
}

QString VirtualPi::stageName(Stage stage)
{
    switch (stage) {
    case Stage::Off: return QStringLiteral("off");
    case Stage::PoweringOn: return QStringLiteral("powering-on");
    case Stage::BootloaderDhcp: return QStringLiteral("bootloader-dhcp");
    case Stage::BootloaderTftp: return QStringLiteral("bootloader-tftp");
    case Stage::Firmware: return QStringLiteral("firmware");
    case Stage::Uefi: return QStringLiteral("uefi");
    case Stage::Ipxe: return QStringLiteral("ipxe");
    case Stage::OsLoading: return QStringLiteral("os-loading");
    case Stage::OsBooting: return QStringLiteral("os-booting");
    case Stage::OsUp: return QStringLiteral("os-up");
    case Stage::Failed: return QStringLiteral("failed");
    }
    return {};
}

BootStage VirtualPi::bootStage(Stage stage)
{
    switch (stage) {
    case Stage::Off: return BootStage::Off;
    case Stage::PoweringOn: return BootStage::PoweringOn;
    case Stage::BootloaderDhcp: return BootStage::Dhcp;
    case Stage::BootloaderTftp:
    case Stage::Firmware: return BootStage::Tftp;
    case Stage::Uefi: return BootStage::Uefi;
    case Stage::Ipxe: return BootStage::Ipxe;
    case Stage::OsLoading:
    case Stage::OsBooting: return BootStage::OsLoading;
    case Stage::OsUp: return BootStage::OsUp;
    case Stage::Failed: return BootStage::Error;
    }
    return BootStage::Unknown;
}

int VirtualPi::activeTransfers() const
{
    int n = 0;
    for (const auto &t : m_tftp)
        n += t ? 1 : 0;
    for (const auto &h : m_http)
        n += h ? 1 : 0;
    return n + (m_dhcp ? 1 : 0);
}

// --- power ----------------------------------------------------------------------------------------

void VirtualPi::powerOn()
{
    if (m_stage != Stage::Off)
        return;
    ++m_generation;
    ++m_boots;
    m_clock.start();
    m_timeline.clear();
    m_files.clear();
    m_consoleLines.clear();
    m_failedStep.clear();
    m_failure.clear();
    m_ip = m_config.address;
    m_kernelLoaded = false;
    m_kernelArgs.clear();
    setStage(Stage::PoweringOn, QStringLiteral("EEPROM bootloader starting"));
    const quint64 generation = m_generation;
    m_timer->disconnect();
    connect(m_timer, &QTimer::timeout, this, [this, generation] {
        if (alive(generation))
            bootloaderDhcp();
    });
    m_timer->start(std::max(0, m_config.powerOnDelayMs));
}

void VirtualPi::powerOff()
{
    if (m_stage == Stage::Off)
        return;
    ++m_generation;
    clearActivity();
    setStage(Stage::Off, QStringLiteral("power removed"));
}

void VirtualPi::reboot()
{
    powerOff();
    powerOn();
}

void VirtualPi::clearActivity()
{
    m_timer->stop();
    m_timer->disconnect();
    for (const auto &t : std::as_const(m_tftp))
        if (t) {
            t->abort();
            t->deleteLater();
        }
    for (const auto &h : std::as_const(m_http))
        if (h) {
            h->abort();
            h->deleteLater();
        }
    m_tftp.clear();
    m_http.clear();
    if (m_dhcp)
        m_dhcp->deleteLater();
    m_dhcp = nullptr;
    if (m_console) {
        m_console->close();
        m_console->deleteLater();
        m_console = nullptr;
    }
    m_ipxe.reset();
}

void VirtualPi::setStage(Stage stage, const QString &detail)
{
    m_stage = stage;
    m_timeline.append({m_clock.isValid() ? m_clock.elapsed() : 0, stage, detail});
    qCDebug(lcLab).noquote() << m_config.identity.mac.toString() << stageName(stage) << detail;
    Q_EMIT stageChanged(stage, detail);
}

void VirtualPi::fail(const QString &step, const QString &reason)
{
    if (m_stage == Stage::Off || m_stage == Stage::Failed)
        return;
    ++m_generation;
    clearActivity();
    m_failedStep = step;
    m_failure = reason;
    qCInfo(lcLab).noquote() << "virtual Pi" << m_config.identity.mac.toString() << "boot failed at" << step + QLatin1Char(':') << reason;
    setStage(Stage::Failed, step + QStringLiteral(": ") + reason);
    Q_EMIT failed(step, reason);
}

quint32 VirtualPi::newXid()
{
    return m_random.generate();
}

void VirtualPi::deliverDhcp(const QByteArray &datagram, const QHostAddress &from, quint16 port)
{
    if (m_dhcp)
        m_dhcp->inject(datagram, from, port);
}

// --- helpers --------------------------------------------------------------------------------------

void VirtualPi::dhcp(const QString &step, const QByteArray &packet, quint32 xid, quint16 port, const QHostAddress &server,
                     const QList<int> &retransmit, int timeoutMs, const std::function<bool(const vpi::Reply &)> &accept,
                     const std::function<void(bool)> &done)
{
    DhcpTransaction::Request req;
    req.local = m_ip;
    req.server = server;
    req.port = port;
    req.packet = packet;
    req.mac = m_config.identity.mac;
    req.xid = xid;
    req.retransmitMs = retransmit;
    req.timeoutMs = timeoutMs;
    auto *t = new DhcpTransaction(req, m_config.faults, &m_random, accept, this);
    m_dhcp = t;
    const quint64 generation = m_generation;
    connect(t, &DhcpTransaction::finished, this, [this, generation, step, done](DhcpTransaction *tx, bool ok) {
        tx->deleteLater();
        if (m_dhcp == tx)
            m_dhcp = nullptr;
        if (!alive(generation))
            return;
        Q_UNUSED(step)
        done(ok);
    });
    t->start();
}

void VirtualPi::tftp(const QString &file, TftpFetch::Mode mode, bool keepData, const TftpDone &done, bool uefi)
{
    TftpFetch::Request req;
    req.local = m_ip;
    req.server = m_tftpServer;
    req.port = m_config.tftpPort;
    req.file = file;
    req.mode = mode;
    req.keepData = keepData;
    req.retransmitMs = m_config.tftpRetransmitMs;
    req.timeoutMs = m_config.tftpFileTimeoutMs;
    if (uefi) {
        // EDK2: "tsize 0 blksize 1468 windowsize 4" for the size probe, then "blksize 1468 windowsize 4".
        req.blockSize = m_config.uefiBlockSize;
        req.windowSize = m_config.uefiWindowSize;
        req.tsize = mode == TftpFetch::Mode::SizeProbe;
        req.rollover = true;
    } else {
        req.blockSize = 1024;   // TFTP_MAX_BLOCKSIZE of the Pi 4 bootloader
        req.tsize = true;
        req.rollover = false;   // no block-number rollover in the Pi 4 bootloader
    }
    auto *f = new TftpFetch(req, m_config.faults, &m_random, this);
    if (mode == TftpFetch::Mode::Full && !keepData) {
        auto verifier = std::make_shared<StandInFile::Verifier>(file);
        f->setSink([verifier](const char *data, qsizetype size) { verifier->add(data, size); });
        m_tftp.append(f);
        const quint64 generation = m_generation;
        connect(f, &TftpFetch::finished, this, [this, generation, verifier, done, file](TftpFetch *fetch) {
            fetch->deleteLater();
            m_tftp.removeAll(fetch);
            if (!alive(generation))
                return;
            TftpFetch::Result r = fetch->result();
            if (r.ok) {
                const QString why = verifier->finish();
                if (!why.isEmpty()) {
                    r.ok = false;
                    r.error = why;
                }
            }
            recordTftp(file, r, false);
            done(r);
        });
        f->start();
        return;
    }
    m_tftp.append(f);
    const quint64 generation = m_generation;
    const bool probe = mode != TftpFetch::Mode::Full;
    connect(f, &TftpFetch::finished, this, [this, generation, done, file, probe](TftpFetch *fetch) {
        fetch->deleteLater();
        m_tftp.removeAll(fetch);
        if (!alive(generation))
            return;
        recordTftp(file, fetch->result(), probe);
        done(fetch->result());
    });
    f->start();
}

void VirtualPi::recordTftp(const QString &file, const TftpFetch::Result &r, bool probe)
{
    FileRecord rec;
    rec.via = QStringLiteral("tftp");
    rec.name = file;
    rec.bytes = r.bytes;
    rec.probe = probe;
    rec.ok = r.ok;
    rec.note = r.ok ? (probe ? (r.exists ? QStringLiteral("exists") : QStringLiteral("missing")) : QString()) : r.error;
    m_files.append(rec);
    if (r.ok && !probe)
        Q_EMIT fileTransferred(rec.via, file, r.bytes);
}

// --- bootloader -----------------------------------------------------------------------------------

void VirtualPi::bootloaderDhcp()
{
    setStage(Stage::BootloaderDhcp, QStringLiteral("DISCOVER"));
    m_xid = newXid();
    m_bootOffer = vpi::Reply();
    m_addressOffer = vpi::Reply();
    const QByteArray packet = vpi::encode(vpi::bootloaderDiscover(m_config.identity, m_xid));
    dhcp(QStringLiteral("dhcp"), packet, m_xid, m_config.dhcpPort, m_config.dhcpServer, {m_config.dhcpRetransmitMs},
         m_config.dhcpTimeoutMs,
         [this](const vpi::Reply &r) {
             if (r.type != dhcp::MessageType::Offer)
                 return false;
             if (r.yiaddr && m_addressOffer.xid == 0)
                 m_addressOffer = r;
             // The bootloader needs the PXE menu ("Raspberry Pi Boot", option 43) and a TFTP server.
             if (r.hasPiMenu && m_bootOffer.xid == 0 && vpi::tftpServerFor(r))
                 m_bootOffer = r;
             return m_bootOffer.xid != 0 && (m_addressOffer.xid != 0 || m_config.addressFromNetwork);
         },
         [this](bool ok) {
             if (!ok) {
                 fail(QStringLiteral("dhcp"), m_bootOffer.xid ? QStringLiteral("no DHCP server offered an address")
                                                           : QStringLiteral("no offer with Raspberry Pi boot options (option 43) within %1 s")
                                                                 .arg(m_config.dhcpTimeoutMs / 1000));
                 return;
             }
             bootloaderRequest();
         });
}

void VirtualPi::bootloaderRequest()
{
    const bool fromServer = m_addressOffer.xid != 0;
    const quint32 address = fromServer ? m_addressOffer.yiaddr : m_config.address.toIPv4Address();
    const quint32 server = fromServer ? m_addressOffer.serverId : m_bootOffer.serverId;
    setStage(Stage::BootloaderDhcp, QStringLiteral("REQUEST %1 from %2").arg(ipText(address), ipText(server)));
    // The Pi 4 REQUEST carries no option 60 (rpi-eeprom#82/#87).
    const QByteArray packet = vpi::encode(vpi::bootloaderRequest(m_config.identity, m_xid, address, server));
    dhcp(QStringLiteral("dhcp"), packet, m_xid, m_config.dhcpPort, m_config.dhcpServer, {m_config.dhcpRetransmitMs},
         m_config.dhcpTimeoutMs,
         [](const vpi::Reply &r) { return r.type == dhcp::MessageType::Ack || r.type == dhcp::MessageType::Nak; },
         [this, address](bool ok) {
             if (!ok) {
                 fail(QStringLiteral("dhcp"), QStringLiteral("REQUEST not acknowledged"));
                 return;
             }
             m_ip = QHostAddress(address);
             m_tftpServer = QHostAddress(vpi::tftpServerFor(m_bootOffer));
             bootloaderProbe();
         });
}

void VirtualPi::bootloaderProbe()
{
    setStage(Stage::BootloaderTftp, QStringLiteral("TFTP server %1").arg(m_tftpServer.toString()));
    // Parallel RRQs from separate ports, each ended early (rpi-eeprom#74): the prefixed GPU firmware
    // decides whether the Pi keeps its TFTP_PREFIX; recovery images at the root would be run.
    const QString prefix = m_config.tftpPrefix.isEmpty() ? vpi::serialPrefix(m_config.identity.serial) + QLatin1Char('/')
                                                         : m_config.tftpPrefix;
    const QStringList probes = {prefix + QStringLiteral("start4.elf"), prefix + QStringLiteral("start.elf"),
                                QStringLiteral("recover4.elf"), QStringLiteral("recovery.elf")};
    auto found = std::make_shared<QHash<QString, bool>>();
    auto pending = std::make_shared<int>(int(probes.size()));
    auto failure = std::make_shared<QString>();
    for (const QString &file : probes) {
        tftp(file, TftpFetch::Mode::Probe, false, [this, file, found, pending, failure, prefix](const TftpFetch::Result &r) {
            found->insert(file, r.ok && r.exists);
            if (!r.ok && !r.serverError)
                *failure = QStringLiteral("%1: %2").arg(file, r.error);
            if (--*pending > 0)
                return;
            if (!failure->isEmpty()) {
                fail(QStringLiteral("tftp"), *failure);
                return;
            }
            if (found->value(QStringLiteral("recover4.elf")) || found->value(QStringLiteral("recovery.elf"))) {
                fail(QStringLiteral("tftp"), QStringLiteral("the server offers recovery.elf: a Pi would run the EEPROM recovery "
                                                           "instead of booting (the virtual Pi has no EEPROM to update)"));
                return;
            }
            m_prefix = found->value(prefix + QStringLiteral("start4.elf")) || found->value(prefix + QStringLiteral("start.elf"))
                ? prefix : QString();
            bootloaderFiles();
        });
    }
}

void VirtualPi::loadVerified(const QString &step, const QString &file, bool required, const std::function<void(bool)> &next)
{
    tftp(m_prefix + file, TftpFetch::Mode::Full, false, [this, step, file, required, next](const TftpFetch::Result &r) {
        if (r.ok) {
            next(true);
            return;
        }
        if (r.serverError && r.errorCode == tftp::ErrorCode::FileNotFound && !required) {
            next(false);
            return;
        }
        fail(step, QStringLiteral("%1: %2").arg(m_prefix + file, r.error));
    });
}

void VirtualPi::bootloaderFiles()
{
    setStage(Stage::BootloaderTftp, m_prefix.isEmpty() ? QStringLiteral("no prefix directory: files from the root")
                                                        : QStringLiteral("prefix %1").arg(m_prefix));
    tftp(m_prefix + QStringLiteral("config.txt"), TftpFetch::Mode::Full, true, [this](const TftpFetch::Result &r) {
        if (!r.ok && !(r.serverError && r.errorCode == tftp::ErrorCode::FileNotFound)) {
            fail(QStringLiteral("tftp"), QStringLiteral("%1config.txt: %2").arg(m_prefix, r.error));
            return;
        }
        // No config.txt: the firmware's defaults.
        m_piConfig = PiConfigTxt::parse(QString::fromUtf8(r.data), m_config.model, vpi::serialPrefix(m_config.identity.serial));
        loadVerified(QStringLiteral("tftp"), m_piConfig.startFile, true, [this](bool) {
            loadVerified(QStringLiteral("tftp"), m_piConfig.fixupFile, true, [this](bool) { firmwareStage(); });
        });
    });
}

// --- GPU firmware (start4.elf) --------------------------------------------------------------------

void VirtualPi::firmwareStage()
{
    setStage(Stage::Firmware, QStringLiteral("%1 running").arg(m_piConfig.startFile));
    m_armstub.clear();
    m_cmdline.clear();
    m_firmwareSteps.clear();
    // start4.elf reads config.txt again (twice in rpi-eeprom#87's trace), then the initramfs, the
    // device tree, config.txt once more, the overlays, the command line, and armstub/kernel.
    auto rereadConfig = [this](std::function<void()> next) {
        tftp(m_prefix + QStringLiteral("config.txt"), TftpFetch::Mode::Full, true, [this, next](const TftpFetch::Result &r) {
            if (r.ok)
                m_piConfig = PiConfigTxt::parse(QString::fromUtf8(r.data), m_config.model, vpi::serialPrefix(m_config.identity.serial));
            next();
        });
    };
    m_firmwareSteps << rereadConfig << rereadConfig;
    m_firmwareSteps << [this](std::function<void()> next) {
        if (m_piConfig.initramfs.isEmpty())
            return next();
        loadVerified(QStringLiteral("firmware"), m_piConfig.initramfs, true, [next](bool) { next(); });
    };
    m_firmwareSteps << [this](std::function<void()> next) {
        if (m_piConfig.deviceTreeDisabled)
            return next();
        // A missing DTB is not fatal: the firmware boots without one (the UEFI firmware brings its own).
        loadVerified(QStringLiteral("firmware"), m_piConfig.deviceTreeFile(m_config.model), false, [next](bool) { next(); });
    };
    m_firmwareSteps << rereadConfig;
    m_firmwareSteps << [this](std::function<void()> next) { loadOverlay(0, next); };
    m_firmwareSteps << [this](std::function<void()> next) {
        tftp(m_prefix + m_piConfig.cmdline, TftpFetch::Mode::Full, true, [this, next](const TftpFetch::Result &r) {
            if (r.ok)
                m_cmdline = QString::fromUtf8(r.data).simplified();
            next();
        });
    };
    m_firmwareSteps << [this](std::function<void()> next) {
        if (m_piConfig.armstub.isEmpty())
            return next();
        tftp(m_prefix + m_piConfig.armstub, TftpFetch::Mode::Full, true, [this, next](const TftpFetch::Result &r) {
            if (!r.ok) {
                fail(QStringLiteral("firmware"), QStringLiteral("%1%2: %3").arg(m_prefix, m_piConfig.armstub, r.error));
                return;
            }
            m_armstub = r.data;
            next();
        });
    };
    m_firmwareSteps << [this](std::function<void()> next) {
        const QString kernel = m_piConfig.kernelFile();
        if (!m_piConfig.armstub.isEmpty()) {
            // The UEFI firmware is the armstub; start4.elf still looks for a kernel (and ends early).
            tftp(m_prefix + kernel, TftpFetch::Mode::Probe, false, [next](const TftpFetch::Result &) { next(); });
            return;
        }
        loadVerified(QStringLiteral("firmware"), kernel, true, [next](bool) { next(); });
    };
    firmwareStep(0);
}

void VirtualPi::loadOverlay(int index, const std::function<void()> &next)
{
    if (index >= m_piConfig.overlays.size()) {
        next();
        return;
    }
    // A missing overlay is not fatal either ("Failed to load overlay" on the console).
    const QString file = QStringLiteral("overlays/%1.dtbo").arg(m_piConfig.overlays.at(index));
    const quint64 generation = m_generation;
    loadVerified(QStringLiteral("firmware"), file, false, [this, index, next, generation](bool) {
        if (alive(generation))
            loadOverlay(index + 1, next);
    });
}

void VirtualPi::firmwareStep(int index)
{
    if (index >= m_firmwareSteps.size()) {
        m_firmwareSteps.clear();
        if (!m_piConfig.armstub.isEmpty()) {
            uefiStart(m_armstub);
        } else {
            // Native boot: start4.elf starts the kernel with cmdline.txt.
            m_kernelName = m_piConfig.kernelFile();
            osBoot(m_cmdline, m_kernelName);
        }
        return;
    }
    const quint64 generation = m_generation;
    auto step = m_firmwareSteps.at(index);
    step([this, index, generation]() {
        if (alive(generation))
            firmwareStep(index + 1);
    });
}

// --- UEFI -----------------------------------------------------------------------------------------

void VirtualPi::uefiStart(const QByteArray &image)
{
    setStage(Stage::Uefi, QStringLiteral("%1 (%2 bytes)").arg(m_piConfig.armstub).arg(image.size()));
    const Result<efi::VarStore> store = efi::VarStore::parse(image);
    if (!store.ok()) {
        fail(QStringLiteral("uefi"), QStringLiteral("%1 is not a UEFI firmware image the Pi can run: %2").arg(m_piConfig.armstub, store.error()));
        return;
    }
    // The boot manager: BootNext first (once), then BootOrder.
    m_bootOptions.clear();
    const QMap<quint16, efi::LoadOption> entries = efi::bootEntries(*store);
    QList<quint16> order = efi::bootOrder(*store);
    if (const auto next = efi::bootNext(*store)) {
        order.removeAll(*next);
        order.prepend(*next);
    }
    for (quint16 number : std::as_const(order)) {
        const auto it = entries.constFind(number);
        if (it == entries.cend() || !(it->attributes & 0x1))   // LOAD_OPTION_ACTIVE
            continue;
        BootOption o;
        o.number = number;
        o.description = it->description;
        o.kind = int(efi::bootKind(*it));
        if (o.kind == int(efi::BootKind::Network)) {
            const auto mac = efi::bootEntryMac(*it);
            if (mac && *mac != m_config.identity.mac)
                continue;   // another machine's NIC
        }
        m_bootOptions.append(o);
    }
    m_bootOptionIndex = -1;
    uefiNextOption();
}

void VirtualPi::uefiNextOption()
{
    while (++m_bootOptionIndex < m_bootOptions.size()) {
        const BootOption &o = m_bootOptions.at(m_bootOptionIndex);
        const QString label = QStringLiteral("Boot%1 \"%2\"").arg(o.number, 4, 16, QLatin1Char('0')).arg(o.description).toUpper();
        if (o.kind == int(efi::BootKind::Network)) {
            setStage(Stage::Uefi, QStringLiteral("BdsDxe: starting %1").arg(label));
            uefiPxe();
            return;
        }
        // No SD card, USB disk or HTTP boot in a virtual Pi: the boot manager goes on.
        setStage(Stage::Uefi, QStringLiteral("BdsDxe: failed to load %1: Not Found").arg(label));
    }
    fail(QStringLiteral("uefi"), QStringLiteral("no boot option left that a virtual Pi can boot (%1 options in BootOrder)").arg(m_bootOptions.size()));
}

void VirtualPi::uefiPxe()
{
    m_xid = newXid();
    m_bootOffer = vpi::Reply();
    m_addressOffer = vpi::Reply();
    const QByteArray packet = vpi::encode(vpi::uefiDiscover(m_config.identity, m_xid, 11));
    dhcp(QStringLiteral("uefi"), packet, m_xid, m_config.dhcpPort, m_config.dhcpServer, edk2Schedule(), 60000,
         [this](const vpi::Reply &r) {
             if (r.type != dhcp::MessageType::Offer)
                 return false;
             if (r.yiaddr && m_addressOffer.xid == 0)
                 m_addressOffer = r;
             if (m_bootOffer.xid == 0 && (!r.bootFile.isEmpty() || r.vendorClass.startsWith("PXEClient")))
                 m_bootOffer = r;
             return m_bootOffer.xid != 0 && (m_addressOffer.xid != 0 || m_config.addressFromNetwork);
         },
         [this](bool ok) {
             if (!ok) {
                 fail(QStringLiteral("uefi"), QStringLiteral("PXE-E16: No valid offer received."));
                 return;
             }
             if (m_addressOffer.xid) {
                 // REQUEST the address from its server (EDK2 always completes the DHCP exchange).
                 const quint32 address = m_addressOffer.yiaddr;
                 const QByteArray req = vpi::encode([&] {
                     dhcp::Packet p = vpi::uefiDiscover(m_config.identity, m_xid, 11);
                     p.setOption8(dhcp::opt::MessageType, quint8(dhcp::MessageType::Request));
                     p.setOptionAddress(dhcp::opt::RequestedIp, address);
                     p.setOptionAddress(dhcp::opt::ServerId, m_addressOffer.serverId);
                     return p;
                 }());
                 dhcp(QStringLiteral("uefi"), req, m_xid, m_config.dhcpPort, m_config.dhcpServer, edk2Schedule(), 60000,
                      [](const vpi::Reply &r) { return r.type == dhcp::MessageType::Ack; },
                      [this, address](bool acked) {
                          if (!acked) {
                              fail(QStringLiteral("uefi"), QStringLiteral("PXE-E18: REQUEST not acknowledged"));
                              return;
                          }
                          m_ip = QHostAddress(address);
                          uefiPxeRequest();
                      });
                 return;
             }
             uefiPxeRequest();
         });
}

void VirtualPi::uefiPxeRequest()
{
    const bool proxyOffer = m_bootOffer.yiaddr == 0;
    if (!proxyOffer && !m_bootOffer.bootFile.isEmpty()) {
        m_bootFile = m_bootOffer.bootFile;
        m_tftpServer = QHostAddress(m_bootOffer.siaddr ? m_bootOffer.siaddr : vpi::tftpServerFor(m_bootOffer));
        uefiBootFile();
        return;
    }
    // A proxy offer: EDK2 asks the boot server on port 4011 (ciaddr = its address).
    const quint32 server = m_bootOffer.serverId ? m_bootOffer.serverId : m_bootOffer.siaddr;
    setStage(Stage::Uefi, QStringLiteral("PXE boot server request to %1:%2").arg(ipText(server)).arg(m_config.proxyPort));
    const QByteArray packet = vpi::encode(vpi::uefiBootServerRequest(m_config.identity, m_xid, m_ip.toIPv4Address(), 11));
    auto ack = std::make_shared<vpi::Reply>();
    dhcp(QStringLiteral("uefi"), packet, m_xid, m_config.proxyPort, QHostAddress(server), edk2Schedule(), 60000,
         [ack](const vpi::Reply &r) {
             if (r.type != dhcp::MessageType::Ack)
                 return false;
             *ack = r;
             return true;
         },
         [this, ack](bool ok) {
             if (!ok && m_bootOffer.bootFile.isEmpty()) {
                 fail(QStringLiteral("uefi"), QStringLiteral("PXE-E55: no answer from the boot server on port %1").arg(m_config.proxyPort));
                 return;
             }
             const vpi::Reply &from = ok && !ack->bootFile.isEmpty() ? *ack : m_bootOffer;
             m_bootFile = from.bootFile;
             if (m_bootFile.isEmpty()) {
                 fail(QStringLiteral("uefi"), QStringLiteral("PXE-E21: Remote boot cancelled (no boot file for ARM64 UEFI)"));
                 return;
             }
             const quint32 tftp = from.siaddr ? from.siaddr : vpi::tftpServerFor(from);
             m_tftpServer = QHostAddress(tftp ? tftp : m_bootOffer.serverId);
             uefiBootFile();
         });
}

void VirtualPi::uefiBootFile()
{
    setStage(Stage::Uefi, QStringLiteral("NBP filename is %1").arg(m_bootFile));
    // EDK2: a size probe (tsize, ERROR 8), then the file (blksize + windowsize).
    tftp(m_bootFile, TftpFetch::Mode::SizeProbe, false, [this](const TftpFetch::Result &probe) {
        if (!probe.ok || !probe.exists) {
            fail(QStringLiteral("uefi"), QStringLiteral("TFTP %1: %2").arg(m_bootFile, probe.ok ? QStringLiteral("not found") : probe.error));
            return;
        }
        setStage(Stage::Uefi, QStringLiteral("NBP filesize is %1 Bytes").arg(probe.tsize));
        tftp(m_bootFile, TftpFetch::Mode::Full, false, [this](const TftpFetch::Result &r) {
            if (!r.ok) {
                fail(QStringLiteral("uefi"), QStringLiteral("TFTP %1: %2").arg(m_bootFile, r.error));
                return;
            }
            setStage(Stage::Uefi, QStringLiteral("NBP file downloaded successfully (%1 bytes, window %2)").arg(r.bytes).arg(r.windowSize));
            if (!isIpxeBinary(m_bootFile)) {
                fail(QStringLiteral("uefi"), QStringLiteral("%1 is a valid arm64 EFI application, but a virtual Pi can only run iPXE").arg(m_bootFile));
                return;
            }
            ipxeStart();
        }, true);
    }, true);
}

// --- iPXE -----------------------------------------------------------------------------------------

void VirtualPi::ipxeStart()
{
    setStage(Stage::Ipxe, QStringLiteral("iPXE initialising devices"));
    m_xid = newXid();
    m_bootOffer = vpi::Reply();
    m_addressOffer = vpi::Reply();
    const QByteArray packet = vpi::encode(vpi::ipxeDiscover(m_config.identity, m_xid, 11, m_config.ipxeUserClass));
    dhcp(QStringLiteral("ipxe"), packet, m_xid, m_config.dhcpPort, m_config.dhcpServer, ipxeSchedule(), 30000,
         [this](const vpi::Reply &r) {
             if (r.type != dhcp::MessageType::Offer)
                 return false;
             if (r.yiaddr && m_addressOffer.xid == 0)
                 m_addressOffer = r;
             if (m_bootOffer.xid == 0 && !r.bootFile.isEmpty())
                 m_bootOffer = r;
             return m_bootOffer.xid != 0 && (m_addressOffer.xid != 0 || m_config.addressFromNetwork);
         },
         [this](bool ok) {
             if (!ok) {
                 fail(QStringLiteral("ipxe"), QStringLiteral("DHCP: no boot file offered (Connection timed out)"));
                 return;
             }
             ipxeRequest();
         });
}

void VirtualPi::ipxeRequest()
{
    auto finish = [this](const QString &file) {
        if (!file.startsWith(QLatin1String("http://")) && !file.startsWith(QLatin1String("https://"))) {
            fail(QStringLiteral("ipxe"), isIpxeBinary(file)
                     ? QStringLiteral("the DHCP server offered iPXE its own binary again (%1): a chain-load loop").arg(file)
                     : QStringLiteral("boot file %1 is not an HTTP script URL").arg(file));
            return;
        }
        m_chainDepth = 0;
        ipxeScript(QUrl(file), 0);
    };
    if (m_addressOffer.xid && m_addressOffer.yiaddr) {
        const quint32 address = m_addressOffer.yiaddr;
        dhcp::Packet p = vpi::ipxeDiscover(m_config.identity, m_xid, 11, m_config.ipxeUserClass);
        p.setOption8(dhcp::opt::MessageType, quint8(dhcp::MessageType::Request));
        p.setOptionAddress(dhcp::opt::RequestedIp, address);
        p.setOptionAddress(dhcp::opt::ServerId, m_addressOffer.serverId);
        auto ack = std::make_shared<vpi::Reply>();
        dhcp(QStringLiteral("ipxe"), vpi::encode(p), m_xid, m_config.dhcpPort, m_config.dhcpServer, ipxeSchedule(), 30000,
             [ack](const vpi::Reply &r) {
                 if (r.type != dhcp::MessageType::Ack)
                     return false;
                 *ack = r;
                 return true;
             },
             [this, ack, address, finish](bool ok) {
                 if (!ok) {
                     fail(QStringLiteral("ipxe"), QStringLiteral("DHCP REQUEST not acknowledged"));
                     return;
                 }
                 m_ip = QHostAddress(address);
                 if (m_bootOffer.yiaddr) {   // the address server also gave the boot file
                     finish(ack->bootFile.isEmpty() ? m_bootOffer.bootFile : ack->bootFile);
                     return;
                 }
                 m_addressOffer = vpi::Reply();
                 ipxeRequest();
             });
        return;
    }
    // ProxyDHCP: iPXE asks the proxy on port 4011 for the boot data.
    const quint32 server = m_bootOffer.serverId ? m_bootOffer.serverId : m_bootOffer.siaddr;
    const QByteArray packet = vpi::encode(vpi::ipxeProxyRequest(m_config.identity, m_xid, m_ip.toIPv4Address(), 11, m_config.ipxeUserClass));
    auto ack = std::make_shared<vpi::Reply>();
    dhcp(QStringLiteral("ipxe"), packet, m_xid, m_config.proxyPort, QHostAddress(server), ipxeSchedule(), 15000,
         [ack](const vpi::Reply &r) {
             if (r.type != dhcp::MessageType::Ack)
                 return false;
             *ack = r;
             return true;
         },
         [this, ack, finish](bool ok) { finish(ok && !ack->bootFile.isEmpty() ? ack->bootFile : m_bootOffer.bootFile); });
}

void VirtualPi::ipxeScript(const QUrl &url, int depth)
{
    if (depth > 8) {
        fail(QStringLiteral("ipxe"), QStringLiteral("more than 8 chained scripts"));
        return;
    }
    setStage(Stage::Ipxe, QStringLiteral("http %1").arg(url.toString()));
    HttpFetch::Request req;
    req.local = m_ip;
    req.url = url;
    req.delayMs = m_config.faults.delayMs;
    req.timeoutMs = m_config.httpTimeoutMs;
    req.keepData = true;
    req.maxBytes = 1 << 20;
    auto *f = new HttpFetch(req, this);
    m_http.append(f);
    const quint64 generation = m_generation;
    connect(f, &HttpFetch::finished, this, [this, generation, url, depth](HttpFetch *fetch) {
        fetch->deleteLater();
        m_http.removeAll(fetch);
        if (!alive(generation))
            return;
        const HttpFetch::Result &r = fetch->result();
        m_files.append({QStringLiteral("http"), url.toString(), r.bytes, false, r.ok, r.error});
        if (!r.ok) {
            fail(QStringLiteral("ipxe"), QStringLiteral("%1: %2").arg(url.toString(), r.error));
            return;
        }
        Q_EMIT fileTransferred(QStringLiteral("http"), url.toString(), r.bytes);
        m_ipxe = std::make_unique<IpxeScriptRunner>();
        if (!m_ipxe->load(QString::fromUtf8(r.data))) {
            fail(QStringLiteral("ipxe"), QStringLiteral("%1: %2").arg(url.toString(), m_ipxe->errorString()));
            return;
        }
        const QString mac = m_config.identity.mac.toString();
        m_ipxe->setSetting(QStringLiteral("net0/mac"), mac);
        m_ipxe->setSetting(QStringLiteral("mac"), mac);
        m_ipxe->setSetting(QStringLiteral("net0/ip"), m_ip.toString());
        m_ipxe->setSetting(QStringLiteral("ip"), m_ip.toString());
        m_ipxe->setSetting(QStringLiteral("platform"), QStringLiteral("efi"));
        m_ipxe->setSetting(QStringLiteral("buildarch"), QStringLiteral("arm64"));
        m_ipxe->setSetting(QStringLiteral("manufacturer"), QStringLiteral("Raspberry Pi Foundation"));
        m_ipxe->setSetting(QStringLiteral("product"), QStringLiteral("Raspberry Pi 4 Model B (virtual)"));
        m_ipxe->setSetting(QStringLiteral("serial"), vpi::serialPrefix(m_config.identity.serial));
        m_ipxe->setSetting(QStringLiteral("user-class"), QString::fromLatin1(m_config.ipxeUserClass));
        m_scriptUrl = url;
        m_chainDepth = depth;
        ipxeStep();
    });
    f->start();
}

void VirtualPi::ipxeStep()
{
    if (!m_ipxe)
        return;
    const IpxeScriptRunner::Step step = m_ipxe->next();
    const quint64 generation = m_generation;
    using Kind = IpxeScriptRunner::Step::Kind;
    switch (step.kind) {
    case Kind::Fetch: {
        const QUrl url = m_scriptUrl.resolved(QUrl(step.url));
        const bool kernel = step.image == QLatin1String("kernel");
        setStage(Stage::OsLoading, QStringLiteral("%1 %2").arg(step.image, url.toString()));
        HttpFetch::Request req;
        req.local = m_ip;
        req.url = url;
        req.delayMs = m_config.faults.delayMs;
        req.timeoutMs = m_config.httpTimeoutMs;
        auto *f = new HttpFetch(req, this);
        auto verifier = std::make_shared<StandInFile::Verifier>(url.path());
        f->setSink([verifier](const char *data, qsizetype size) { verifier->add(data, size); });
        m_http.append(f);
        connect(f, &HttpFetch::finished, this, [this, generation, verifier, url, kernel, step](HttpFetch *fetch) {
            fetch->deleteLater();
            m_http.removeAll(fetch);
            if (!alive(generation))
                return;
            HttpFetch::Result r = fetch->result();
            if (r.ok) {
                const QString why = verifier->finish();
                if (!why.isEmpty()) {
                    r.ok = false;
                    r.error = why;
                }
            }
            m_files.append({QStringLiteral("http"), url.toString(), r.bytes, false, r.ok, r.error});
            if (r.ok) {
                Q_EMIT fileTransferred(QStringLiteral("http"), url.toString(), r.bytes);
                if (kernel) {
                    m_kernelLoaded = true;
                    m_kernelArgs = step.args;
                    m_kernelName = url.toString();
                }
            } else {
                setStage(Stage::Ipxe, QStringLiteral("%1: %2").arg(url.toString(), r.error));
            }
            if (!m_ipxe)
                return;
            m_ipxe->complete(r.ok);
            ipxeStep();
        });
        f->start();
        return;
    }
    case Kind::Boot:
        if (!m_kernelLoaded) {
            m_ipxe->complete(false);
            ipxeStep();
            return;
        }
        osBoot(m_kernelArgs, m_kernelName);
        return;
    case Kind::Chain:
        ipxeScript(m_scriptUrl.resolved(QUrl(step.url)), m_chainDepth + 1);
        return;
    case Kind::Sleep: {
        m_timer->disconnect();
        connect(m_timer, &QTimer::timeout, this, [this, generation] {
            if (alive(generation))
                ipxeStep();
        });
        m_timer->start(int(std::max(0, step.seconds) * 1000 * std::max(0.0, m_config.sleepScale)));
        return;
    }
    case Kind::Exit:
    case Kind::Finished: {
        const QString output = m_ipxe->output().value(m_ipxe->output().size() - 1);
        m_ipxe.reset();
        setStage(Stage::Uefi, QStringLiteral("iPXE exited (%1)%2").arg(step.code).arg(output.isEmpty() ? QString() : QStringLiteral(": ") + output));
        uefiNextOption();
        return;
    }
    case Kind::Reboot: {
        m_ipxe.reset();
        const QString detail = QStringLiteral("iPXE: reboot");
        setStage(Stage::PoweringOn, detail);
        m_timer->disconnect();
        connect(m_timer, &QTimer::timeout, this, [this, generation] {
            if (alive(generation))
                bootloaderDhcp();
        });
        m_timer->start(std::max(0, m_config.powerOnDelayMs));
        return;
    }
    case Kind::Error:
        fail(QStringLiteral("ipxe"), QStringLiteral("%1: %2").arg(m_scriptUrl.toString(), step.message));
        return;
    }
}

// --- operating system -----------------------------------------------------------------------------

void VirtualPi::osBoot(const QString &args, const QString &kernel)
{
    m_ipxe.reset();
    m_kernelArgs = args;
    m_osLine = 0;
    setStage(Stage::OsBooting, QStringLiteral("kernel %1 started").arg(kernel));
    const quint64 generation = m_generation;
    m_timer->disconnect();
    connect(m_timer, &QTimer::timeout, this, [this, generation] {
        if (alive(generation))
            osLog();
    });
    m_timer->start(0);
}

void VirtualPi::osLog()
{
    const vpi::Netconsole nc = vpi::parseNetconsole(m_kernelArgs);
    const QString model = m_config.model == QLatin1String("pi400") ? QStringLiteral("Raspberry Pi 400 Rev 1.0")
                                                                    : QStringLiteral("Raspberry Pi 4 Model B Rev 1.1");
    const QString host = m_config.name.isEmpty() ? QStringLiteral("raspberrypi") : m_config.name;
    struct Line
    {
        double at;        // seconds since kernel start (share of osBootMs)
        int level;
        QString text;
    };
    const QList<Line> lines = {
        {0.0, 6, QStringLiteral("Booting Linux on physical CPU 0x0000000000 [0x410fd083]")},
        {0.0, 5, QStringLiteral("Linux version 6.1.0-metalboot-simulation (virtual Raspberry Pi 4; not a real kernel)")},
        {0.0, 6, QStringLiteral("Machine model: %1").arg(model)},
        {0.0, 5, QStringLiteral("Kernel command line: %1").arg(m_kernelArgs)},
        {0.4, 6, QStringLiteral("bcmgenet fd580000.ethernet eth0: Link is Up - 1Gbps/Full - flow control rx/tx")},
        {0.5, 6, QStringLiteral("Run /init as init process")},
        {0.8, 6, QStringLiteral("systemd[1]: Hostname set to <%1>.").arg(host)},
        {1.0, 6, QStringLiteral("systemd[1]: Reached target multi-user.target - Multi-User System.")},
    };
    if (m_osLine == 0 && nc.ok && !m_console) {
        m_console = new LinkSocket(m_config.faults, &m_random, this);
        QString error;
        if (!m_console->bind(m_ip, nc.localPort, &error) && !m_console->bind(m_ip, 0, &error))
            qCWarning(lcLab).noquote() << "virtual Pi" << m_config.identity.mac.toString() << "netconsole:" << error;
    }
    const double now = lines.value(m_osLine).at;
    while (m_osLine < lines.size() && lines.at(m_osLine).at <= now) {
        const Line &l = lines.at(m_osLine);
        const quint64 us = quint64(l.at * m_config.osBootMs * 1000);
        const QString stamped = QStringLiteral("[%1.%2] %3").arg(us / 1000000, 5).arg(us % 1000000, 6, 10, QLatin1Char('0')).arg(l.text);
        m_consoleLines.append(stamped);
        if (nc.ok && m_console) {
            // Extended netconsole: "<level>,<seq>,<usec>,-;<text>"; plain: the printk line.
            const QByteArray payload = nc.extended
                ? QByteArray(QByteArray::number(l.level) + ',' + QByteArray::number(m_osLine) + ',' + QByteArray::number(us) + ",-;"
                             + l.text.toUtf8() + '\n')
                : QByteArray(stamped.toUtf8() + '\n');
            m_console->send(payload, nc.target, nc.targetPort);
        }
        ++m_osLine;
    }
    if (m_osLine >= lines.size()) {
        setStage(Stage::OsUp, nc.ok ? QStringLiteral("multi-user target reached (netconsole to %1:%2)").arg(nc.target.toString()).arg(nc.targetPort)
                                    : QStringLiteral("multi-user target reached (no netconsole= on the command line: the lab cannot see it)"));
        Q_EMIT osUp();
        return;
    }
    const int waitMs = int((lines.at(m_osLine).at - now) * m_config.osBootMs);
    m_timer->start(std::max(0, waitMs));
}
