#include "virtuallab.h"

#include "common/atomicfile.h"
#include "common/logging.h"
#include "devices/devicejournal.h"
#include "devices/journalkinds.h"
#include "piconfigtxt.h"
#include "poe/powermanager.h"
#include "poe/simulatedswitch.h"
#include "standinfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimer>
#include <QtEndian>

#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr const char *HttpStandInDir = "virtual-lab/";
constexpr int FailureReportDelayMs = 100;

quint32 boardRevision(const QString &model)
{
    if (model == QLatin1String("pi400"))
        return 0x00c03130;
    if (model == QLatin1String("cm4"))
        return 0x00b03141;
    return 0x00c03111;   // Pi 4B 4 GB rev 1.1
}

// Is the file at `path` one of ours (a stand-in or a simulation FDT), so it may be rewritten?
bool isOurs(const QString &path, bool *exists)
{
    QFile f(path);
    *exists = f.exists();
    if (!*exists)
        return true;
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(4096);
    if (StandInFile::isStandIn(head))
        return true;
    return head.size() >= 4 && qFromBigEndian<quint32>(head.constData()) == 0xd00dfeed && head.contains("metalboot,simulation");
}

} // namespace

VirtualLab::VirtualLab(DeviceJournal *journal, QObject *parent)
    : Service(QStringLiteral("virtual-lab"), parent)
    , m_journal(journal)
{
    setEnabled(false);
}

VirtualLab::~VirtualLab() = default;

QStringList VirtualLab::endpoints() const
{
    if (!isRunning() || m_devices.isEmpty())
        return {};
    return {QStringLiteral("%1 virtual Pis, %2-%3").arg(m_devices.size()).arg(addressFor(0).toString(), addressFor(int(m_devices.size()) - 1).toString())};
}

QHostAddress VirtualLab::addressFor(int index)
{
    // 127.0.0.0/8 is loopback as a whole on Linux: each virtual Pi gets its own address, so the
    // servers tell them apart by source address as they do real Pis.
    return QHostAddress((127u << 24) | (77u << 16) | quint32(10 + index));
}

QList<VirtualPi *> VirtualLab::pis() const
{
    QList<VirtualPi *> out;
    for (const DeviceConfig &d : m_devices)
        if (VirtualPi *p = m_pis.value(d.mac))
            out.append(p);
    return out;
}

void VirtualLab::setPowerManager(PowerManager *power)
{
    if (m_power)
        m_power->disconnect(this);
    m_power = power;
    if (!power)
        return;
    connect(power, &PowerManager::simulatedPortPowerChanged, this, &VirtualLab::onPortPower);
    connect(power, &PowerManager::switchesChanged, this, &VirtualLab::attachToSwitches);
}

void VirtualLab::setConfig(const LabConfig &config)
{
    m_config = config;
    m_devices.clear();
    for (const DeviceConfig &d : config.devices)
        if (d.isVirtual)
            m_devices.append(d);
    setEnabled(!m_devices.isEmpty());
    rebuild();
    if (isRunning()) {
        QString error;
        if (!prepareFiles(&error))
            report(QStringLiteral("stand-ins"), error);
        attachToSwitches();
    }
}

VirtualPi::Config VirtualLab::piConfig(const DeviceConfig &device, int index) const
{
    VirtualPi::Config c;
    c.identity.mac = device.mac;
    c.identity.serial = device.serial.toUInt(nullptr, 16);
    c.model = device.model.isEmpty() ? QStringLiteral("pi4") : device.model;
    c.identity.boardRevision = boardRevision(c.model);
    c.name = device.name;
    c.address = addressFor(index);
    const Endpoints e = m_endpoints ? m_endpoints() : Endpoints();
    c.dhcpServer = e.dhcpAddress.isNull() || e.dhcpAddress == QHostAddress(QHostAddress::AnyIPv4)
        ? QHostAddress(QHostAddress::LocalHost) : e.dhcpAddress;
    c.dhcpPort = e.dhcpPort ? e.dhcpPort : m_config.services.dhcp.port;
    c.proxyPort = e.proxyPort ? e.proxyPort : m_config.services.dhcp.proxyPort;
    c.tftpPort = e.tftpPort ? e.tftpPort : m_config.services.tftp.port;
    c.addressFromNetwork = m_config.services.dhcp.mode == DhcpMode::Proxy;
    c.ipxeUserClass = m_config.services.dhcp.ipxeUserClass.toUtf8();
    switch (m_config.services.tftp.piPrefix) {
    case PiPrefixMode::Serial: c.tftpPrefix = device.serial + QLatin1Char('/'); break;
    case PiPrefixMode::Mac: c.tftpPrefix = device.mac.toDashed() + QLatin1Char('/'); break;
    case PiPrefixMode::Fixed:
        c.tftpPrefix = m_config.services.tftp.piPrefixString.isEmpty() ? QString() : m_config.services.tftp.piPrefixString + QLatin1Char('/');
        break;
    }
    c.faults.lossPercent = device.virtualFaults.packetLossPercent;
    c.faults.delayMs = device.virtualFaults.delayMs;
    c.faults.corruptPercent = device.virtualFaults.corruptPercent;
    if (m_adjust)
        m_adjust(c);
    return c;
}

void VirtualLab::rebuild()
{
    QSet<MacAddress> keep;
    for (int i = 0; i < m_devices.size(); ++i) {
        const DeviceConfig &d = m_devices.at(i);
        keep.insert(d.mac);
        VirtualPi *pi = m_pis.value(d.mac);
        if (!pi) {
            pi = new VirtualPi(piConfig(d, i), this);
            m_pis.insert(d.mac, pi);
            const MacAddress mac = d.mac;
            connect(pi, &VirtualPi::stageChanged, this, [this, mac](VirtualPi::Stage stage, const QString &detail) {
                Q_EMIT piStageChanged(mac, stage, detail);
            });
            connect(pi, &VirtualPi::failed, this, [this, pi](const QString &step, const QString &reason) { onFailed(pi, step, reason); });
            connect(pi, &VirtualPi::osUp, this, [this, pi, mac] {
                m_retries.remove(mac);
                Q_EMIT piOsUp(mac);
                if (!pi->kernelCommandLine().contains(QLatin1String("netconsole=")))
                    journal(mac, QStringLiteral("virtual Pi reports its OS up, but its kernel has no netconsole= to tell the lab"),
                            JournalEvent::Severity::Info, BootStage::Unknown, {});
            });
        } else if (!pi->isPowered()) {
            pi->setConfig(piConfig(d, i));
        }
    }
    for (auto it = m_pis.begin(); it != m_pis.end();) {
        if (!keep.contains(it.key())) {
            it.value()->powerOff();
            it.value()->deleteLater();
            it = m_pis.erase(it);
        } else {
            ++it;
        }
    }
}

bool VirtualLab::doStart(QString *error)
{
    if (!prepareFiles(error))
        return false;
    rebuild();
    attachToSwitches();
    return true;
}

void VirtualLab::doStop()
{
    for (VirtualPi *pi : std::as_const(m_pis))
        pi->powerOff();
}

void VirtualLab::attachToSwitches()
{
    if (!m_power)
        return;
    for (const DeviceConfig &d : std::as_const(m_devices)) {
        if (!d.power.isSet())
            continue;
        SimulatedSwitch *sim = m_power->simulatedSwitch(d.power.switchId);
        bool ok = false;
        const int port = d.power.port.toInt(&ok);
        if (!sim || !ok)
            continue;
        sim->attachDevice(port, d.mac);   // MAC learning sees the Pi behind its port
        if (!m_watched.contains(sim)) {
            // The Pi gets power once the PSE has detected and classified it (the PoweringOn phase).
            m_watched.insert(sim);
            const QString id = d.power.switchId;
            connect(sim, &QObject::destroyed, this, [this, sim] { m_watched.remove(sim); });
            connect(sim, &SimulatedSwitch::portStatusChanged, this, [this, sim, id](int p) {
                if (sim->status(p).detection == poe::Detection::Delivering)
                    onPortPower(id, QString::number(p), true);
            });
        }
        if (isRunning() && sim->status(port).detection == poe::Detection::Delivering)
            setPower(d.mac, true);
    }
}

void VirtualLab::onPortPower(const QString &switchId, const QString &port, bool on)
{
    if (!isRunning())
        return;
    // Switched on: wait for delivery (portStatusChanged); switched off: power is gone at once.
    if (on && m_power) {
        SimulatedSwitch *sim = m_power->simulatedSwitch(switchId);
        if (sim && sim->status(port.toInt()).detection != poe::Detection::Delivering)
            return;
    }
    for (const DeviceConfig &d : std::as_const(m_devices)) {
        PowerBinding b = d.power;
        if (!b.isSet() && m_power) {
            const PowerManager::Binding learned = m_power->binding(d.mac);
            b.switchId = learned.switchId;
            b.port = learned.port;
        }
        if (b.switchId == switchId && b.port == port)
            setPower(d.mac, on);
    }
}

bool VirtualLab::setPower(const MacAddress &mac, bool on)
{
    VirtualPi *pi = m_pis.value(mac);
    if (!pi)
        return false;
    if (!on) {
        m_retries.remove(mac);
        pi->powerOff();
        return true;
    }
    if (pi->isPowered())
        return true;
    for (int i = 0; i < m_devices.size(); ++i)
        if (m_devices.at(i).mac == mac)
            pi->setConfig(piConfig(m_devices.at(i), i));
    pi->powerOn();
    return true;
}

void VirtualLab::onFailed(VirtualPi *pi, const QString &step, const QString &reason)
{
    const MacAddress mac = pi->mac();
    const int attempt = ++m_retries[mac];
    QJsonObject data;
    data.insert(QStringLiteral("step"), step);
    data.insert(QStringLiteral("reason"), reason);
    data.insert(QStringLiteral("attempt"), attempt);
    data.insert(QStringLiteral("retry_in_ms"), m_retryDelayMs);
    // The Pi acknowledged the last block before it checked the file: let the server journal the
    // transfer it completed first, so the failure is the last word of this boot (stage error).
    QPointer<VirtualPi> guard = pi;
    const int boots = pi->bootCount();
    QTimer::singleShot(FailureReportDelayMs, this, [this, guard, boots, mac, step, reason, data] {
        if (!guard || guard->stage() != VirtualPi::Stage::Failed || guard->bootCount() != boots)
            return;
        journal(mac, QStringLiteral("virtual Pi: boot failed at %1: %2").arg(step, reason), JournalEvent::Severity::Warning,
                BootStage::Error, data);
        Q_EMIT piFailed(mac, step, reason);
    });
    if (m_retryDelayMs < 0)
        return;
    // The EEPROM's BOOT_ORDER loop: after a failed network boot (and no SD card) it starts over.
    QTimer::singleShot(FailureReportDelayMs + m_retryDelayMs, this, [this, guard, boots] {
        if (!guard || !isRunning() || guard->stage() != VirtualPi::Stage::Failed || guard->bootCount() != boots)
            return;
        guard->powerOff();
        guard->powerOn();
    });
}

void VirtualLab::journal(const MacAddress &mac, const QString &message, JournalEvent::Severity severity, BootStage stage,
                         const QJsonObject &data)
{
    if (!m_journal)
        return;
    JournalEvent e;
    e.mac = mac;
    e.source = QStringLiteral("lab");
    e.kind = QString::fromLatin1(journalkind::VirtualBoot);
    e.severity = severity;
    e.stage = stage;
    e.message = message;
    e.data = data;
    m_journal->append(e);
}

bool VirtualLab::linkStandIn(const QString &existing, const QString &path) const
{
    bool exists = false;
    if (!isOurs(path, &exists))
        return true;   // a real file the user put there: kept (as writeStandIn does)
    const QByteArray from = QFile::encodeName(existing);
    const QByteArray to = QFile::encodeName(path);
    struct stat a;
    struct stat b;
    if (::stat(from.constData(), &a) != 0)
        return false;
    if (exists && ::stat(to.constData(), &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev)
        return true;   // already this very file
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    // Linked under a temporary name, then renamed over: the path never shows a missing file.
    const QByteArray temporary = to + ".stand-in-link";
    ::unlink(temporary.constData());
    if (::link(from.constData(), temporary.constData()) != 0)
        return false;
    if (::rename(temporary.constData(), to.constData()) != 0) {
        ::unlink(temporary.constData());
        return false;
    }
    return true;
}

bool VirtualLab::writeStandIn(const QString &path, const QByteArray &content, QString *error) const
{
    bool exists = false;
    if (!isOurs(path, &exists)) {
        qCInfo(lcLab).noquote() << "keeping" << path << "(not a simulation stand-in)";
        return true;
    }
    if (exists) {
        QFile f(path);
        if (f.size() == content.size() && f.open(QIODevice::ReadOnly) && f.readAll() == content)
            return true;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("cannot create %1").arg(QFileInfo(path).absolutePath());
        return false;
    }
    QString why;
    if (!atomicfile::write(path, content, &why, atomicfile::Backup::None, 0644)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, why);
        return false;
    }
    return true;
}

bool VirtualLab::prepareFiles(QString *error)
{
    QString why;
    const Endpoints e = m_endpoints ? m_endpoints() : Endpoints();
    if (e.tftpRoot.isEmpty())
        return true;
    const QString bootFile = m_config.services.dhcp.bootFiles.value(QStringLiteral("arm64_uefi"));
    QHash<QString, QByteArray> written;   // a path two devices share is written once, intact
    // Devices share stand-ins of the same name and size: generated once (implicitly shared bytes),
    // written once, hard-linked into every other device's directory (500 Pis: one copy on disk and
    // in memory, not 500).
    QHash<QString, QByteArray> made;
    auto make = [&made](const QString &name, qint64 size) {
        const QString key = name + QLatin1Char('\n') + QString::number(size);
        auto it = made.find(key);
        if (it == made.end())
            it = made.insert(key, StandInFile::make(name, size));
        return *it;
    };
    QHash<const void *, QString> firstCopy;   // shared bytes -> the file first written with them
    for (int i = 0; i < m_devices.size(); ++i) {
        const DeviceConfig &d = m_devices.at(i);
        const VirtualPi::Config pc = piConfig(d, i);
        const QString prefix = pc.tftpPrefix.isEmpty() ? d.serial + QLatin1Char('/') : pc.tftpPrefix;
        // Stand-ins go below the TFTP root only (tftp.pi_prefix_string is free text).
        if (prefix.contains(QLatin1String("..")) || prefix.startsWith(QLatin1Char('/')) || prefix.contains(QLatin1Char('\\'))) {
            why = QStringLiteral("TFTP prefix '%1' of %2 leaves the TFTP root").arg(prefix, d.mac.toString());
            if (error)
                *error = why;
            qCWarning(lcLab).noquote() << "virtual lab:" << why;
            return false;
        }
        const QString dir = e.tftpRoot + QLatin1Char('/') + prefix;
        const PiConfigTxt defaults;
        struct File
        {
            QString path;
            QString badName;
            QByteArray content;
        };
        QList<File> files = {
            {dir + defaults.startFile, QStringLiteral("start4.elf"), make(defaults.startFile, m_sizes.startElf)},
            {dir + defaults.fixupFile, QStringLiteral("fixup4.dat"), make(defaults.fixupFile, m_sizes.fixup)},
            {dir + defaults.deviceTreeFile(pc.model), QStringLiteral("bcm2711-rpi-4-b.dtb"), make(defaults.deviceTreeFile(pc.model), 0)},
            {dir + QStringLiteral("overlays/miniuart-bt.dtbo"), QString(), make(QStringLiteral("miniuart-bt.dtbo"), 0)},
            {dir + QStringLiteral("overlays/upstream-pi4.dtbo"), QString(), make(QStringLiteral("upstream-pi4.dtbo"), 0)},
        };
        // The arm64 iPXE binary DHCP names (boot_files.arm64_uefi), found in the device's directory.
        if (!bootFile.isEmpty() && !bootFile.contains(QLatin1Char('/')) && !bootFile.contains(QLatin1Char(':')))
            files.append({dir + bootFile, QStringLiteral("snp.efi"), make(bootFile, m_sizes.ipxe)});
        // Kernel and initrd named by the device's osie, only below <http root>/virtual-lab/.
        if (!e.httpRoot.isEmpty()) {
            if (d.osie.kernel.startsWith(QLatin1String(HttpStandInDir)) && !d.osie.kernel.contains(QLatin1String("..")))
                files.append({e.httpRoot + QLatin1Char('/') + d.osie.kernel, QStringLiteral("kernel"), make(d.osie.kernel, m_sizes.kernel)});
            if (d.osie.initrd.startsWith(QLatin1String(HttpStandInDir)) && !d.osie.initrd.contains(QLatin1String("..")))
                files.append({e.httpRoot + QLatin1Char('/') + d.osie.initrd, QStringLiteral("initrd"), make(d.osie.initrd, m_sizes.initrd)});
        }
        for (File &f : files) {
            const bool damaged = !f.badName.isEmpty() && f.badName == d.virtualFaults.badFile;
            if (damaged)
                f.content = StandInFile::damage(f.content);
            const auto before = written.constFind(f.path);
            if (before != written.cend()) {
                if (*before != f.content)
                    qCWarning(lcLab).noquote() << "virtual lab:" << f.path << "is shared by several virtual Pis; bad_file of"
                                               << d.mac.toString() << "needs a file of its own (osie below virtual-lab/)";
                continue;
            }
            written.insert(f.path, f.content);
            const void *bytes = f.content.constData();
            const auto first = firstCopy.constFind(bytes);
            if (!damaged && first != firstCopy.cend() && linkStandIn(*first, f.path))
                continue;
            if (!damaged)
                firstCopy.insert(bytes, f.path);
            if (!writeStandIn(f.path, f.content, &why)) {
                if (error)
                    *error = why;
                qCWarning(lcLab).noquote() << "virtual lab:" << why;
                return false;
            }
        }
    }
    return true;
}
