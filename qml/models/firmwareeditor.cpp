#include "firmwareeditor.h"

#include "common/atomicfile.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/firmwaresettings.h"
#include "devices/journalkinds.h"
#include "efi/firmwarerender.h"
#include "efi/firmwareservice.h"
#include "efi/imagefile.h"
#include "engine/labengine.h"
#include "labfacade.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

FirmwareEditor::FirmwareEditor(LabFacade *facade, QObject *parent)
    : QObject(parent)
    , m_facade(facade)
    , m_entries(this)
    , m_settings(this)
{
    connect(&m_entries, &BootEntryModel::editsChanged, this, [this] {
        onModelEdited("boot", m_entries.undoDepth(), &m_entriesDepth);
    });
    connect(&m_settings, &FirmwareSettingsModel::editsChanged, this, [this] {
        onModelEdited("settings", m_settings.undoDepth(), &m_settingsDepth);
    });
}

void FirmwareEditor::attach(LabEngine *engine)
{
    m_engine = engine;
    m_entries.setBackend(engine ? this : nullptr);
}

QString FirmwareEditor::profileOf(const LabConfig &config, const MacAddress &mac)
{
    const DeviceConfig *d = config.device(mac);
    if (d && !d->profile.isEmpty())
        return d->profile;
    return config.profile(QStringLiteral("default")) ? QStringLiteral("default") : QString();
}

QString FirmwareEditor::title() const
{
    const LabConfig &c = m_facade->config();
    if (m_kind == QLatin1String("profile")) {
        const ProfileConfig *p = c.profile(m_id);
        return tr("Profile %1").arg(p && !p->name.isEmpty() ? p->name : m_id);
    }
    if (m_kind == QLatin1String("device")) {
        const auto mac = MacAddress::parse(m_id);
        const DeviceConfig *d = mac ? c.device(*mac) : nullptr;
        return tr("Device %1").arg(d && !d->name.isEmpty() ? d->name : m_id);
    }
    return {};
}

QVariantList FirmwareEditor::macChoices() const
{
    QVariantList out;
    const LabConfig &c = m_facade->config();
    for (const DeviceConfig &d : c.devices) {
        const bool wanted = m_kind == QLatin1String("device") ? d.mac.toString() == m_id
                                                               : profileOf(c, d.mac) == m_id;
        if (wanted)
            out.append(QVariantMap{{QStringLiteral("mac"), d.mac.toString()},
                                   {QStringLiteral("name"), d.name.isEmpty() ? d.mac.toString() : d.name}});
    }
    return out;
}

QString FirmwareEditor::nextBoot() const
{
    if (m_kind == QLatin1String("device"))
        return tr("%1 receives this firmware at its next boot: its RPI_EFI.fd is rendered from the profile and these settings when it asks for it over TFTP.")
            .arg(title());
    QStringList names;
    for (const QVariant &v : macChoices())
        names.append(v.toMap().value(QStringLiteral("name")).toString());
    if (names.isEmpty())
        return tr("No device uses this profile yet: drop it onto a device to assign it.");
    return tr("%n device(s) use this profile and receive the changes at their next boot: %1", "", int(names.size()))
        .arg(names.mid(0, 12).join(QStringLiteral(", ")) + (names.size() > 12 ? QStringLiteral(", …") : QString()));
}

void FirmwareEditor::openProfile(const QString &profileId)
{
    open(QStringLiteral("profile"), profileId);
}

void FirmwareEditor::openDevice(const QString &mac)
{
    const auto m = MacAddress::parse(mac);
    if (m)
        open(QStringLiteral("device"), m->toString());
}

void FirmwareEditor::openDeviceProfile()
{
    if (m_kind == QLatin1String("device") && !m_loaded.profileId.isEmpty())
        openProfile(m_loaded.profileId);
}

void FirmwareEditor::close()
{
    if (m_kind.isEmpty())
        return;
    ++m_generation;
    m_kind.clear();
    m_id.clear();
    setLoading(false);
    Q_EMIT targetChanged();
    Q_EMIT openChanged();
}

void FirmwareEditor::open(const QString &kind, const QString &id)
{
    const bool wasOpen = isOpen();
    ++m_generation;
    m_kind = kind;
    m_id = id;
    m_loaded = Loaded{};
    m_loaded.profileId = kind == QLatin1String("profile") ? id : QString();
    setStatus({}, true);
    m_entries.setConfiguration(title(), {});
    m_settings.setRows(kind, {});
    m_undoOrder.clear();
    Q_EMIT targetChanged();
    if (!wasOpen)
        Q_EMIT openChanged();
    Q_EMIT loadedChanged();
    reload();
}

void FirmwareEditor::reload()
{
    if (m_kind.isEmpty())
        return;
    LabEngine *engine = m_engine;
    if (!engine) {
        if (m_loaded.boot.entries.isEmpty() && m_loaded.settings.isEmpty()) {
            m_loaded.error = tr("No lab is running.");
            Q_EMIT loadedChanged();
        }
        return;
    }
    setLoading(true);
    const quint64 generation = m_generation;
    const QString kind = m_kind;
    const QString id = m_id;
    QPointer<FirmwareEditor> self(this);
    QMetaObject::invokeMethod(engine, [self, engine, generation, kind, id] {
        const Loaded loaded = load(engine, kind, id);
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, generation, loaded] {
            if (!self || self->m_generation != generation)
                return;
            self->setLoading(false);
            self->setLoaded(loaded);
        });
    });
}

void FirmwareEditor::setLoaded(const Loaded &loaded)
{
    m_loaded = loaded;
    const bool device = m_kind == QLatin1String("device");
    if (device)
        m_entries.setPermissions(
            tr("A device's boot entries and BootOrder come from its profile \"%1\" plus its own PXE entry; the UEFI engine has no per-device boot order. Edit the profile to change them.")
                .arg(loaded.profileId.isEmpty() ? tr("(blank store)") : loaded.profileId),
            QString());
    else
        m_entries.setPermissions(QString(), tr("BootNext is chosen per device (its next boot only): open a device to set it."));
    m_entries.setConfiguration(title(), loaded.boot);
    m_settings.setRows(m_kind, loaded.settings);
    m_undoOrder.clear();
    m_entriesDepth = m_entries.undoDepth();
    m_settingsDepth = m_settings.undoDepth();
    Q_EMIT loadedChanged();
    Q_EMIT editsChanged();
}

void FirmwareEditor::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void FirmwareEditor::setStatus(const QString &status, bool ok)
{
    if (status == m_status && ok == m_statusOk)
        return;
    m_status = status;
    m_statusOk = ok;
    Q_EMIT statusChanged();
}

void FirmwareEditor::onModelEdited(const char *which, int depth, int *lastDepth)
{
    for (int i = *lastDepth; i < depth; ++i)
        m_undoOrder.append(which);
    // Entries undone in the model itself (its own undo) leave stale markers: drop them from the end.
    for (int i = depth; i < *lastDepth; ++i) {
        for (qsizetype k = m_undoOrder.size() - 1; k >= 0; --k)
            if (qstrcmp(m_undoOrder.at(k), which) == 0) {
                m_undoOrder.removeAt(k);
                break;
            }
    }
    *lastDepth = depth;
    Q_EMIT editsChanged();
}

void FirmwareEditor::undo()
{
    if (m_undoOrder.isEmpty())
        return;
    // The model's depth drops by one; onModelEdited() removes the marker.
    if (qstrcmp(m_undoOrder.constLast(), "boot") == 0)
        m_entries.undo();
    else
        m_settings.undo();
}

void FirmwareEditor::revert()
{
    m_entries.revert();
    m_settings.revert();
}

void FirmwareEditor::apply()
{
    if (!isDirty() || m_applying)
        return;
    run(m_entries.isDirty(), m_settings.isDirty(), {});
}

void FirmwareEditor::apply(const QString &, const BootConfiguration &, Done done)
{
    run(true, false, std::move(done));
}

void FirmwareEditor::run(bool withBoot, bool withSettings, Done done)
{
    LabEngine *engine = m_engine;
    if (!engine || m_kind.isEmpty()) {
        if (done)
            done(false, tr("No lab is running."));
        return;
    }
    m_applying = true;
    Q_EMIT applyingChanged();
    setStatus({}, true);
    const QString kind = m_kind;
    const QString id = m_id;
    const BootConfiguration before = m_entries.originalConfiguration();
    const BootConfiguration wanted = withBoot ? m_entries.configuration() : before;
    const QList<FirmwareSettingsModel::Change> settings = withSettings ? m_settings.changes() : QList<FirmwareSettingsModel::Change>{};
    const quint64 generation = m_generation;
    QPointer<FirmwareEditor> self(this);
    QMetaObject::invokeMethod(engine, [=] {
        QString error;
        if (kind == QLatin1String("profile"))
            error = applyProfile(engine, id, before, wanted, settings);
        else if (const auto mac = MacAddress::parse(id))
            error = applyDevice(engine, *mac, before, wanted, settings);
        const Loaded fresh = load(engine, kind, id);
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, generation, error, fresh, done] {
            if (!self)
                return;
            self->m_applying = false;
            Q_EMIT self->applyingChanged();
            const bool ok = error.isEmpty();
            const QString message = ok ? tr("Applied and read back from the UEFI engine.") : tr("Not applied: %1").arg(error);
            if (done)
                done(ok, message);
            if (self->m_generation != generation)
                return;
            if (ok)
                self->setLoaded(fresh);   // what the engine now holds
            self->setStatus(message, ok);
        });
    });
}

FirmwareEditor::Loaded FirmwareEditor::load(LabEngine *engine, const QString &kind, const QString &id)
{
    Loaded out;
    FirmwareService *fw = engine->firmware();
    const LabConfig &config = engine->config();
    if (kind == QLatin1String("profile")) {
        const ProfileConfig *p = config.profile(id);
        out.profileId = id;
        if (!p) {
            out.error = tr("The lab has no profile \"%1\".").arg(id);
            return out;
        }
        auto store = fw->profileStore(id);
        if (!store.ok()) {
            out.error = store.error();
            return out;
        }
        out.boot = firmwareadapter::bootConfiguration(store.value());
        ProfileConfig withoutSettings = *p;
        withoutSettings.settings.clear();
        auto inherited = efi::buildProfileStore(withoutSettings);
        out.settings = firmwareadapter::settingRows(inherited.ok() ? inherited.value() : store.value(), p->settings,
                                                    QStringLiteral("image"));
        QStringList info;
        info << (p->baseImage.isEmpty() ? tr("blank store generated by Metal Boot") : QFileInfo(p->baseImage).fileName());
        info << store->layout().kind;
        if (!p->variablesJson.isEmpty())
            info << tr("variables %1").arg(QFileInfo(p->variablesJson).fileName());
        out.firmwareInfo = info.join(QStringLiteral(" · "));
        return out;
    }
    const auto mac = MacAddress::parse(id);
    const DeviceConfig *d = mac ? config.device(*mac) : nullptr;
    if (!d) {
        out.error = tr("Adopt the device first: its firmware settings are kept in the lab file.");
        return out;
    }
    out.profileId = profileOf(config, *mac);
    auto bytes = fw->render(*mac);
    auto rendered = bytes.ok() ? efi::VarStore::parse(bytes.value()) : Result<efi::VarStore>::failure(bytes.error());
    if (!rendered.ok()) {
        out.error = rendered.error();
        return out;
    }
    out.boot = firmwareadapter::bootConfiguration(rendered.value());
    auto profile = fw->profileStore(out.profileId);
    out.settings = firmwareadapter::settingRows(profile.ok() ? profile.value() : rendered.value(), d->firmwareSettings,
                                                QStringLiteral("profile"));
    if (FirmwareSettings *fs = engine->firmwareSettings())
        out.firmwareInfo = fs->firmwareVersion(*mac);
    return out;
}

QString FirmwareEditor::applyProfile(LabEngine *engine, const QString &id, const BootConfiguration &before,
                                     const BootConfiguration &wanted, const QList<FirmwareSettingsModel::Change> &settings)
{
    FirmwareService *fw = engine->firmware();
    const ProfileConfig *p = engine->config().profile(id);
    if (!p)
        return tr("the lab has no profile \"%1\"").arg(id);
    const ProfileConfig profile = *p;
    for (const auto &s : settings) {
        if (s.clear)
            continue;
        const auto normal = firmwareadapter::normalizeSetting(s.name, s.value);
        if (!normal.ok())
            return normal.error();
    }
    const bool bootChanged = !(before == wanted);
    QString jsonPath = profile.variablesJson;
    QByteArray previousJson;
    bool hadJsonFile = false;
    QStringList bootOrder = profile.bootOrder;
    if (bootChanged) {
        auto current = fw->profileStore(id);
        if (!current.ok())
            return current.error();
        ProfileConfig baseOnly;
        baseOnly.id = id;
        baseOnly.baseImage = profile.baseImage;
        auto base = efi::buildProfileStore(baseOnly);
        if (!base.ok())
            return base.error();
        auto change = firmwareadapter::profileChange(current.value(), base.value(), before, wanted);
        if (!change.ok())
            return change.error();
        QByteArray existing;
        if (!profile.variablesJson.isEmpty()) {
            auto read = efi::readFileCapped(profile.variablesJson, efi::MaxJsonBytes);
            if (!read.ok())
                return read.error();
            existing = read.value();
        }
        auto merged = firmwareadapter::mergeVariablesJson(existing, change.value());
        if (!merged.ok())
            return merged.error();
        // The profile's own variables file (an external one is merged into it, never edited).
        jsonPath = fw->profileDir(id) + QStringLiteral("/variables.json");
        QDir().mkpath(fw->profileDir(id));
        QFile old(jsonPath);
        hadJsonFile = old.exists();
        if (hadJsonFile && old.open(QIODevice::ReadOnly))
            previousJson = old.readAll();
        QString why;
        if (!atomicfile::write(jsonPath, merged.value(), &why, atomicfile::Backup::None, 0644))
            return tr("cannot write %1: %2").arg(jsonPath, why);
        bootOrder = change->bootOrder;
    }
    QString why;
    const bool ok = engine->modifyConfig(
        [&](LabConfig &c) {
            for (ProfileConfig &q : c.profiles) {
                if (q.id != id)
                    continue;
                if (bootChanged) {
                    q.variablesJson = jsonPath;
                    q.bootOrder = bootOrder;
                }
                for (const auto &s : settings) {
                    for (auto it = q.settings.begin(); it != q.settings.end();)
                        it = it.key().compare(s.name, Qt::CaseInsensitive) == 0 ? q.settings.erase(it) : std::next(it);
                    if (!s.clear)
                        q.settings.insert(s.name, s.value);
                }
            }
        },
        &why);
    if (!ok) {
        // Nothing half-applied: the variables file goes back to what it was.
        if (bootChanged) {
            QString ignored;
            if (hadJsonFile)
                atomicfile::write(jsonPath, previousJson, &ignored, atomicfile::Backup::None, 0644);
            else
                QFile::remove(jsonPath);
        }
        return why;
    }
    fw->invalidate();   // the variables file may have changed within the same second
    auto check = fw->profileStore(id);
    if (!check.ok())
        return check.error();
    if (bootChanged) {
        BootConfiguration now = firmwareadapter::bootConfiguration(check.value());
        if (now.order != wanted.order || now.timeoutSeconds != wanted.timeoutSeconds || now.entries.size() != wanted.entries.size())
            return tr("the profile was saved but its store does not show the requested boot order");
    }
    return {};
}

QString FirmwareEditor::applyDevice(LabEngine *engine, const MacAddress &mac, const BootConfiguration &before,
                                    const BootConfiguration &wanted, const QList<FirmwareSettingsModel::Change> &settings)
{
    if (!(before.entries == wanted.entries) || before.order != wanted.order || before.timeoutSeconds != wanted.timeoutSeconds)
        return tr("a device's boot entries, BootOrder and Timeout come from its profile; the UEFI engine has no per-device boot order");
    QVariantMap set;
    QStringList clear;
    for (const auto &s : settings) {
        if (s.clear)
            clear.append(s.name);
        else
            set.insert(s.name, s.value);
    }
    QString why;
    if (!set.isEmpty()) {
        FirmwareSettings *fs = engine->firmwareSettings();
        if (!fs)
            return tr("the UEFI engine's settings are not available");
        if (!fs->setAttributes(mac, set, &why))
            return why;
    }
    if (!clear.isEmpty()) {
        const bool ok = engine->modifyConfig(
            [&](LabConfig &c) {
                if (DeviceConfig *d = c.device(mac))
                    for (const QString &name : clear)
                        for (auto it = d->firmwareSettings.begin(); it != d->firmwareSettings.end();)
                            it = it.key().compare(name, Qt::CaseInsensitive) == 0 ? d->firmwareSettings.erase(it) : std::next(it);
            },
            &why);
        if (!ok)
            return why;
    }
    if (wanted.bootNext != before.bootNext) {
        auto bytes = engine->firmware()->render(mac);
        if (!bytes.ok())
            return bytes.error();
        auto store = efi::VarStore::parse(bytes.value());
        if (!store.ok())
            return store.error();
        auto o = firmwareadapter::bootOverrideFor(store.value(), wanted.bootNext);
        if (!o.ok())
            return o.error();
        engine->bootControl()->setOverride(mac, o.value());
        JournalEvent e;
        e.mac = mac;
        e.source = QStringLiteral("gui");
        e.kind = QString::fromLatin1(journalkind::BootOverride);
        e.message = o->isActive() ? QStringLiteral("next boot set to %1 (once) from the boot editor").arg(BootOverride::targetName(o->target))
                                  : QStringLiteral("next boot override cleared from the boot editor");
        e.data.insert(QStringLiteral("target"), BootOverride::targetName(o->target));
        e.data.insert(QStringLiteral("enabled"), BootOverride::enabledName(o->enabled));
        engine->journal()->append(e);
    }
    return {};
}
