#include "firmwareservice.h"

#include "common/logging.h"
#include "devices/bootcontrol.h"
#include "efi/efibytes.h"

#include <QCryptographicHash>
#include <QFileInfo>

FirmwareService::FirmwareService(const QString &dataDir, BootControl *bootControl, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_bootControl(bootControl)
{
}

FirmwareService::~FirmwareService()
{
    qDeleteAll(m_profiles);
}

QString FirmwareService::profilesDir() const
{
    return m_dataDir + QStringLiteral("/profiles");
}

QString FirmwareService::profileDir(const QString &id) const
{
    return profilesDir() + QLatin1Char('/') + id;
}

void FirmwareService::setConfig(const LabConfig &config)
{
    // Drop profiles whose definition changed or vanished; keep the parsed rest.
    for (auto it = m_profiles.begin(); it != m_profiles.end();) {
        const ProfileConfig *p = config.profile(it.key());
        const ProfileConfig &old = (*it)->config;
        const bool same = p && p->baseImage == old.baseImage && p->variablesJson == old.variablesJson
            && p->bootOrder == old.bootOrder && p->settings == old.settings;
        if (same || (it.key().isEmpty())) {
            ++it;
        } else {
            delete *it;
            it = m_profiles.erase(it);
        }
    }
    m_config = config;
    // Device overrides (allow_pxe, profile) may have changed: rendered images are keyed by their
    // inputs, so stale ones simply stop being hit; clearing keeps memory bounded.
    m_rendered.clear();
    m_cachedBytes = 0;
}

void FirmwareService::invalidate()
{
    qDeleteAll(m_profiles);
    m_profiles.clear();
    m_rendered.clear();
    m_cachedBytes = 0;
}

FirmwareService::FileStamp FirmwareService::stamp(const QString &path)
{
    FileStamp s;
    s.path = path;
    if (path.isEmpty())
        return s;
    const QFileInfo info(path);
    s.size = info.exists() ? info.size() : -1;
    s.modified = info.exists() ? info.lastModified() : QDateTime();
    return s;
}

QString FirmwareService::profileFor(const MacAddress &mac) const
{
    if (const DeviceConfig *d = m_config.device(mac); d && !d->profile.isEmpty())
        return d->profile;
    if (m_config.profile(QStringLiteral("default")))
        return QStringLiteral("default");
    return QString();
}

Result<const FirmwareService::ProfileEntry *> FirmwareService::profileEntry(const QString &profileId)
{
    using R = Result<const ProfileEntry *>;
    ProfileConfig config;
    if (!profileId.isEmpty()) {
        const ProfileConfig *p = m_config.profile(profileId);
        if (!p)
            return R::failure(QStringLiteral("unknown firmware profile '%1'").arg(profileId));
        config = *p;
    } else {
        config.id = QStringLiteral("(blank)");
    }
    const FileStamp base = stamp(config.baseImage);
    const FileStamp variables = stamp(config.variablesJson);
    if (ProfileEntry *e = m_profiles.value(profileId)) {
        if (e->base == base && e->variables == variables)
            return static_cast<const ProfileEntry *>(e);
        qCInfo(lcEfi).noquote() << "profile" << config.id << "inputs changed on disk, rebuilding";
        delete m_profiles.take(profileId);
    }
    auto store = efi::buildProfileStore(config);
    if (!store.ok())
        return R::failure(store.error());
    // The profile's identity is the content hash of its rendered store (which also proves that
    // the profile alone serializes, so later failures are the device overrides' fault).
    auto bytes = store->serialize();
    if (!bytes.ok())
        return R::failure(QStringLiteral("profile '%1': %2").arg(config.id, bytes.error()));
    auto *e = new ProfileEntry{config, base, variables, std::move(store).value(),
                               efi::sha256(bytes.value())};
    m_profiles.insert(profileId, e);
    qCInfo(lcEfi).noquote() << QStringLiteral("profile %1 loaded: %2, %3 variables")
                                   .arg(config.id, e->store.layout().kind)
                                   .arg(e->store.variables().size());
    return static_cast<const ProfileEntry *>(e);
}

Result<efi::VarStore> FirmwareService::profileStore(const QString &profileId)
{
    auto e = profileEntry(profileId);
    if (!e.ok())
        return Result<efi::VarStore>::failure(e.error());
    return e.value()->store;
}

Result<QByteArray> FirmwareService::render(const MacAddress &mac)
{
    const QString profileId = profileFor(mac);
    auto entry = profileEntry(profileId);
    if (!entry.ok()) {
        ++m_stats.failures;
        qCWarning(lcEfi).noquote() << mac.toString() << "firmware not rendered:" << entry.error();
        Q_EMIT renderFailed(mac, entry.error());
        return Result<QByteArray>::failure(entry.error());
    }
    efi::DeviceOverrides overrides;
    overrides.mac = mac;
    const DeviceConfig *device = m_config.device(mac);
    overrides.pxeEntry = device ? device->allowPxe : true;
    if (m_bootControl)
        overrides.boot = m_bootControl->effective(mac);
    if (device)
        overrides.settings = device->firmwareSettings;

    // The image's identity: the profile's content hash plus every device input. Rendering is
    // deterministic, so equal keys mean byte-identical images (no need to hash 2 MB per render).
    QCryptographicHash key(QCryptographicHash::Sha256);
    key.addData(entry.value()->hash);
    key.addData(mac.toBytes());
    key.addData(QByteArray(overrides.pxeEntry ? "P" : "p"));
    for (auto it = overrides.settings.cbegin(); it != overrides.settings.cend(); ++it) {
        key.addData(QByteArray(it.key().toUtf8() + '=' + it.value().toUtf8()));
        key.addData(QByteArray(1, '\0'));
    }
    if (overrides.boot.isActive()) {
        key.addData(QByteArray(BootOverride::targetName(overrides.boot.target).toUtf8() + '\0'));
        key.addData(overrides.boot.httpBootUri.toUtf8());
    }
    const QByteArray cacheKey = key.result();
    if (auto it = m_rendered.find(cacheKey); it != m_rendered.end()) {
        it->lastUse = ++m_useCounter;
        ++m_stats.cacheHits;
        Q_EMIT rendered(mac, profileId, cacheKey, true);
        return it->bytes;
    }

    efi::VarStore store = entry.value()->store;
    auto notes = efi::applyDeviceOverrides(store, overrides);
    Result<QByteArray> bytes = notes.ok() ? store.serialize() : Result<QByteArray>::failure(notes.error());
    if (!bytes.ok()) {
        ++m_stats.failures;
        const QString error = QStringLiteral("profile '%1': %2").arg(profileId, bytes.error());
        qCWarning(lcEfi).noquote() << mac.toString() << "firmware not rendered:" << error;
        Q_EMIT renderFailed(mac, error);
        return Result<QByteArray>::failure(error);
    }
    ++m_stats.renders;
    if (!notes->note.isEmpty())
        qCInfo(lcEfi).noquote() << mac.toString() << notes->note;
    RenderedImage image{bytes.value(), ++m_useCounter};
    while (!m_rendered.isEmpty()
           && (m_rendered.size() >= MaxCachedImages || m_cachedBytes + image.bytes.size() > MaxCachedBytes)) {
        auto oldest = m_rendered.begin();
        for (auto it = m_rendered.begin(); it != m_rendered.end(); ++it)
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        m_cachedBytes -= oldest->bytes.size();
        m_rendered.erase(oldest);
    }
    if (image.bytes.size() <= MaxCachedBytes) {
        m_rendered.insert(cacheKey, image);
        m_cachedBytes += image.bytes.size();
    }
    qCInfo(lcEfi).noquote() << mac.toString() << "RPI_EFI.fd rendered from profile" << (profileId.isEmpty() ? QStringLiteral("(blank)") : profileId)
                            << "image" << cacheKey.toHex().left(16)
                            << (notes->bootNext ? QStringLiteral("BootNext %1").arg(*notes->bootNext, 4, 16, QLatin1Char('0')).toUpper()
                                                : QStringLiteral("no BootNext"));
    Q_EMIT rendered(mac, profileId, cacheKey, false);
    return image.bytes;
}

std::function<Result<QByteArray>(const MacAddress &)> FirmwareService::renderer()
{
    return [this](const MacAddress &mac) { return render(mac); };
}
