#include "tftpfiletree.h"

#include "arptable.h"
#include "common/logging.h"
#include "devices/deviceregistry.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <unistd.h>

namespace {

constexpr qint64 MaxTemplateBytes = 64 * 1024;
const QString FirmwareName = QStringLiteral("RPI_EFI.fd");

QString baseName(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? path : path.mid(slash + 1);
}

} // namespace

struct TftpFileTree::Identity
{
    QString prefix;          // first path component(s) used as the Pi prefix; empty if none
    QString rest;            // path below the prefix
    MacAddress mac;
    QString serial;
    QString model;
    QString name;
    QString lifecycle = QStringLiteral("discovered");
    bool known = false;      // in the registry (or the lab config)
    bool adopted = false;
    bool pi = false;
    bool discovered = false;
    QStringList deviceDirs;  // absolute, the device's own directories (may not exist)
};

void TftpFileTree::setConfig(const TftpConfig &config, const QString &defaultRoot)
{
    m_config = config;
    m_root = config.root.isEmpty() ? defaultRoot : config.root;
    while (m_root.size() > 1 && m_root.endsWith(QLatin1Char('/')))
        m_root.chop(1);
}

void TftpFileTree::setDevices(const QList<DeviceConfig> &devices)
{
    m_devices.clear();
    for (const DeviceConfig &d : devices)
        m_devices.insert(d.mac, d);
}

QString TftpFileTree::piFirmwareDir() const
{
    return m_config.piFirmwareDir.isEmpty() ? m_root + QStringLiteral("/rpi-firmware") : m_config.piFirmwareDir;
}

QString TftpFileTree::ipxeDir() const
{
    return m_config.ipxeDir.isEmpty() ? QStringLiteral("/usr/lib/ipxe") : m_config.ipxeDir;
}

QStringList TftpFileTree::allowedRoots() const
{
    QStringList roots;
    for (const QString &dir : QStringList{m_root, piFirmwareDir(), ipxeDir()} + m_extraRoots) {
        const QString c = tftp::canonicalDir(dir);
        if (!c.isEmpty() && !roots.contains(c))
            roots.append(c);
    }
    return roots;
}

bool TftpFileTree::isSerial(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{8}$"));
    return re.match(text).hasMatch();
}

bool TftpFileTree::isPiMac(const MacAddress &mac)
{
    // Raspberry Pi Foundation / Raspberry Pi Trading OUIs (piserver's list plus 28:cd:c1).
    static const char *const ouis[] = {"b8:27:eb:00:00:00", "dc:a6:32:00:00:00", "e4:5f:01:00:00:00",
                                       "d8:3a:dd:00:00:00", "28:cd:c1:00:00:00", "2c:cf:67:00:00:00"};
    for (const char *oui : ouis)
        if (mac.hasPrefix(*MacAddress::parse(QLatin1String(oui)), 3))
            return true;
    return false;
}

bool TftpFileTree::isPiModel(const QString &model)
{
    const QString m = model.toLower();
    return m.startsWith(QLatin1String("pi")) || m.startsWith(QLatin1String("rpi")) || m.startsWith(QLatin1String("cm"));
}

BootStage TftpFileTree::stageFor(const QString &name, const QString &provider, bool piClient, const OsieConfig &osie)
{
    const QString base = baseName(name);
    const QString lower = base.toLower();
    if (lower == QLatin1String("rpi_efi.fd"))
        return BootStage::Uefi;
    if (provider == QLatin1String("ipxe") || lower.contains(QLatin1String("ipxe")) || lower == QLatin1String("snponly.efi")
        || lower == QLatin1String("snp.efi") || lower.endsWith(QLatin1String(".kpxe")) || lower.endsWith(QLatin1String(".kkpxe")))
        return BootStage::Ipxe;
    if ((!osie.kernel.isEmpty() && base == baseName(osie.kernel)) || (!osie.initrd.isEmpty() && base == baseName(osie.initrd)))
        return BootStage::OsLoading;
    static const QRegularExpression kernelOrInitrd(QStringLiteral(
        "^(kernel[0-9a-z_-]*\\.img|vmlinu[xz].*|(b?z|u)?image(\\.gz)?|initrd.*|initramfs.*|.*\\.(kernel|initramfs|initrd|cpio(\\.[a-z0-9]+)?))$"));
    if (kernelOrInitrd.match(lower).hasMatch())
        return BootStage::OsLoading;
    if (piClient || provider == QLatin1String("pi-firmware") || provider == QLatin1String("device")
        || provider == QLatin1String("discovery") || provider == QLatin1String("generated"))
        return BootStage::Tftp;
    return BootStage::Unknown;
}

TftpFileTree::Identity TftpFileTree::identify(const QString &path, const QHostAddress &client)
{
    Identity id;
    id.rest = path;
    const qsizetype slash = path.indexOf(QLatin1Char('/'));
    const QString first = slash > 0 ? path.left(slash) : QString();
    const QString below = slash > 0 ? path.mid(slash + 1) : QString();
    const DeviceInfo *device = nullptr;
    const QString fixed = m_config.piPrefixString.split(QLatin1Char('/'), Qt::SkipEmptyParts).join(QLatin1Char('/'));

    if (!fixed.isEmpty() && m_config.piPrefix == PiPrefixMode::Fixed && path.startsWith(fixed + QLatin1Char('/'))) {
        id.prefix = fixed;
        id.rest = path.mid(fixed.size() + 1);
    } else if (!first.isEmpty() && isSerial(first)) {
        const QString serial = first.toLower();
        const DeviceConfig *configured = nullptr;
        for (const DeviceConfig &d : std::as_const(m_devices))
            if (d.serial.compare(serial, Qt::CaseInsensitive) == 0)
                configured = &d;
        device = m_registry ? m_registry->findBySerial(serial) : nullptr;
        if (device || configured || m_config.piPrefix == PiPrefixMode::Serial) {
            id.prefix = first;
            id.rest = below;
            id.serial = serial;
            if (device)
                id.mac = device->mac;
            else if (configured)
                id.mac = configured->mac;
        }
    } else if (!first.isEmpty() && first.size() == 17 && first.count(QLatin1Char('-')) == 5) {
        if (const auto mac = MacAddress::parse(first)) {
            id.prefix = first;
            id.rest = below;
            id.mac = *mac;
        }
    }
    id.pi = !id.prefix.isEmpty();

    // No MAC yet: the address the DHCP service recorded, then the kernel's neighbour table.
    if (!id.mac.isValid()) {
        if (const DeviceInfo *byIp = m_registry ? m_registry->findByIp(client) : nullptr) {
            // A serial prefix that names another device than the one at this address wins.
            if (id.serial.isEmpty() || byIp->serial.isEmpty() || byIp->serial.compare(id.serial, Qt::CaseInsensitive) == 0)
                id.mac = byIp->mac;
        }
        if (!id.mac.isValid() && m_neighbours) {
            id.mac = m_neighbours(client);
            const DeviceInfo *known = m_registry && id.mac.isValid() ? m_registry->find(id.mac) : nullptr;
            if (known && !id.serial.isEmpty() && !known->serial.isEmpty() && known->serial.compare(id.serial, Qt::CaseInsensitive) != 0)
                id.mac = MacAddress();   // that machine is another device: don't rename it
        }
    }

    if (id.mac.isValid()) {
        const auto cfg = m_devices.constFind(id.mac);
        if (!device && m_registry)
            device = m_registry->find(id.mac);
        id.known = device || cfg != m_devices.cend();
        id.adopted = cfg != m_devices.cend();
        if (cfg != m_devices.cend()) {
            id.name = cfg->name;
            id.model = cfg->model;
            if (id.serial.isEmpty())
                id.serial = cfg->serial;
        }
        if (device) {
            if (id.name.isEmpty())
                id.name = device->name;
            if (id.model.isEmpty())
                id.model = device->model;
            if (id.serial.isEmpty())
                id.serial = device->serial;
            id.lifecycle = device->lifecycle;
        }
        id.pi = id.pi || isPiModel(id.model) || isPiMac(id.mac);
        if (m_registry && (id.pi || id.known)) {
            // Registers unknown Pis (discovery) and refreshes lastSeen/IP of known ones. The serial
            // comes from the prefix only: a MAC/fixed prefix says nothing about it.
            QString modelHint;
            const QString b = baseName(id.rest);
            if (id.model.isEmpty() && (b.startsWith(QLatin1String("start4")) || b.startsWith(QLatin1String("fixup4"))))
                modelHint = QStringLiteral("pi4");
            const QString prefixSerial = isSerial(id.prefix) ? id.serial : QString();
            id.discovered = m_registry->observe(id.mac, prefixSerial, modelHint, client);
            if (id.model.isEmpty())
                id.model = modelHint;
            id.known = true;
        }
    }

    if (!id.prefix.isEmpty())
        id.deviceDirs.append(m_root + QLatin1Char('/') + id.prefix);
    if (!id.serial.isEmpty() && id.serial != id.prefix)
        id.deviceDirs.append(m_root + QLatin1Char('/') + id.serial);
    if (id.mac.isValid() && id.mac.toDashed() != id.prefix)
        id.deviceDirs.append(m_root + QLatin1Char('/') + id.mac.toDashed());
    return id;
}

bool TftpFileTree::findOnDisk(const QString &dir, const QString &relative, Resolution *r, bool *outside, bool entryLinks) const
{
    if (relative.isEmpty())
        return false;
    QStringList roots = allowedRoots();
    if (entryLinks && !relative.contains(QLatin1Char('/'))) {
        // The name is one entry of an administrator-configured directory, not a client-chosen
        // path; its symlink's target directory becomes a root for this one lookup (the open
        // still refuses any symlink below that root).
        const QFileInfo entry(dir + QLatin1Char('/') + relative);
        if (entry.isSymLink() && entry.isFile()) {
            const QString targetDir = tftp::canonicalDir(QFileInfo(entry.canonicalFilePath()).absolutePath());
            if (!targetDir.isEmpty() && !roots.contains(targetDir))
                roots.append(targetDir);
        }
    }
    const tftp::LookupResult found = tftp::lookup(dir, relative, roots);
    if (found.status == tftp::LookupStatus::Outside || found.status == tftp::LookupStatus::NotRegular) {
        *outside = true;
        qCWarning(lcTftp).noquote() << "refusing" << dir + QLatin1Char('/') + relative
                                    << (found.status == tftp::LookupStatus::Outside ? "(resolves outside the served roots)"
                                                                                    : "(not a regular file)");
        return false;
    }
    if (found.status != tftp::LookupStatus::Found)
        return false;
    r->file = found;
    return true;
}

std::optional<QString> TftpFileTree::readTemplate(const QString &dir, const QString &file) const
{
    const tftp::LookupResult found = tftp::lookup(dir, file, allowedRoots());
    if (found.status != tftp::LookupStatus::Found || found.size > MaxTemplateBytes)
        return std::nullopt;
    QString error;
    const int fd = tftp::openFile(found, &error);
    if (fd < 0)
        return std::nullopt;
    QByteArray text(qsizetype(found.size), Qt::Uninitialized);
    qsizetype done = 0;
    while (done < text.size()) {
        const ssize_t n = ::read(fd, text.data() + done, size_t(text.size() - done));
        if (n <= 0)
            break;
        done += n;
    }
    ::close(fd);
    text.truncate(done);
    return QString::fromUtf8(text);
}

void TftpFileTree::renderGenerated(const Identity &id, const QHostAddress &server, Resolution *r)
{
    PiBootFiles::Device device;
    device.mac = id.mac;
    device.serial = id.serial;
    device.name = id.name;
    device.model = id.model;
    device.lifecycle = id.lifecycle;
    const auto cfg = m_devices.constFind(id.mac);
    if (cfg != m_devices.cend()) {
        device.bootMode = cfg->bootMode;
        device.osie = cfg->osie;
        device.console = cfg->console;
    }
    PiBootFiles::Context context;
    context.serverAddress = server.toString();
    context.httpBaseUrl = m_httpBaseUrl;
    context.prefixMode = m_config.piPrefix;
    QStringList dirs = id.deviceDirs;
    dirs.append(m_root + QStringLiteral("/templates"));
    r->bytes = PiBootFiles::render(id.rest, device, context, dirs,
                                   [this](const QString &dir, const QString &file) { return readTemplate(dir, file); });
    r->inMemory = true;
    r->provider = QStringLiteral("generated");
}

bool TftpFileTree::renderFirmware(const Identity &id, Resolution *r)
{
    const Result<QByteArray> rendered = m_renderer(id.mac);
    r->provider = QStringLiteral("firmware");
    if (!rendered.ok()) {
        r->ok = false;
        r->error = tftp::ErrorCode::NotDefined;
        r->errorMessage = QStringLiteral("RPI_EFI.fd cannot be rendered: %1").arg(rendered.error());
        return false;
    }
    const FirmwareCache::Entry e = m_firmwareCache.intern(rendered.value());
    r->bytes = e.bytes;
    r->sha256 = e.sha256;
    r->inMemory = true;
    return true;
}

TftpFileTree::Resolution TftpFileTree::resolve(const QString &path, const QHostAddress &client, const QHostAddress &server)
{
    Resolution r;
    const Identity id = identify(path, client);
    r.name = id.rest;
    r.mac = id.mac;
    r.serial = id.serial;
    r.model = id.model;
    r.piClient = id.pi;
    r.prefixed = !id.prefix.isEmpty();
    r.discovered = id.discovered;
    r.isFirmware = baseName(id.rest) == FirmwareName;
    const auto cfg = m_devices.constFind(id.mac);
    const OsieConfig osie = cfg != m_devices.cend() ? cfg->osie : OsieConfig();
    auto done = [&](const QString &provider) {
        r.ok = true;
        if (r.provider.isEmpty())
            r.provider = provider;
        r.stage = stageFor(r.name, r.provider, r.piClient, osie);
        return r;
    };

    bool outside = false;
    // 0. native Pi boot decided by provisioning (lifecycle state, workflow); a file the user put
    //    in the device's own directory still wins.
    if (m_native && id.pi && (r.prefixed || id.known)) {
        if (const auto native = m_native(id.serial, id.mac, id.rest)) {
            for (const QString &dir : id.deviceDirs)
                if (findOnDisk(dir, id.rest, &r, &outside))
                    return done(QStringLiteral("device"));
            r.provider = QStringLiteral("provisioning");
            switch (native->kind) {
            case NativeFile::Kind::Bytes:
                r.bytes = native->bytes;
                r.inMemory = true;
                return done(r.provider);
            case NativeFile::Kind::File:
                if (findOnDisk(native->dir, native->relative, &r, &outside))
                    return done(r.provider);
                break;
            case NativeFile::Kind::Refused:
            case NativeFile::Kind::NotFound:
                break;
            }
            r.ok = false;
            r.error = outside ? tftp::ErrorCode::AccessViolation : tftp::ErrorCode::FileNotFound;
            r.errorMessage = outside ? QStringLiteral("Access violation")
                : native->note.isEmpty() ? QStringLiteral("File not found") : native->note.left(100);
            return r;
        }
    }

    // 1. generated
    if (PiBootFiles::isGenerated(id.rest) && (r.prefixed || (id.known && id.pi))) {
        renderGenerated(id, server, &r);
        return done(r.provider);
    }
    if (id.rest == FirmwareName && m_renderer && id.mac.isValid()) {
        if (!renderFirmware(id, &r))
            return r;
        return done(r.provider);
    }

    // 2. the device's own directories
    if (r.prefixed || id.known)
        for (const QString &dir : id.deviceDirs)
            if (findOnDisk(dir, id.rest, &r, &outside))
                return done(QStringLiteral("device"));
    // 3. shared Pi firmware
    if (r.piClient && findOnDisk(piFirmwareDir(), id.rest, &r, &outside))
        return done(QStringLiteral("pi-firmware"));
    // 4. discovery set for Pis not in the lab
    if (r.piClient && !id.adopted && findOnDisk(discoveryDir(), id.rest, &r, &outside))
        return done(QStringLiteral("discovery"));
    // 5. static root
    if (findOnDisk(m_root, path, &r, &outside))
        return done(QStringLiteral("static"));
    if (r.prefixed && findOnDisk(m_root, id.rest, &r, &outside))
        return done(QStringLiteral("static"));
    // 6. iPXE binaries
    if (findOnDisk(ipxeDir(), path, &r, &outside, true) || (r.prefixed && findOnDisk(ipxeDir(), id.rest, &r, &outside, true)))
        return done(QStringLiteral("ipxe"));

    r.ok = false;
    if (outside) {
        r.error = tftp::ErrorCode::AccessViolation;
        r.errorMessage = QStringLiteral("Access violation");
    } else {
        r.error = tftp::ErrorCode::FileNotFound;
        r.errorMessage = QStringLiteral("File not found");
    }
    return r;
}
