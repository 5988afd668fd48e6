#include "bootcontrol.h"

#include "common/atomicfile.h"
#include "common/logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <array>
#include <utility>

namespace {
constexpr std::array<std::pair<BootOverride::Target, const char *>, 7> TargetNames{{
    {BootOverride::Target::None, "None"},
    {BootOverride::Target::Pxe, "Pxe"},
    {BootOverride::Target::Hdd, "Hdd"},
    {BootOverride::Target::Cd, "Cd"},
    {BootOverride::Target::Usb, "Usb"},
    {BootOverride::Target::UefiHttp, "UefiHttp"},
    {BootOverride::Target::BiosSetup, "BiosSetup"},
}};
constexpr std::array<std::pair<BootOverride::Enabled, const char *>, 3> EnabledNames{{
    {BootOverride::Enabled::Disabled, "Disabled"},
    {BootOverride::Enabled::Once, "Once"},
    {BootOverride::Enabled::Continuous, "Continuous"},
}};
} // namespace

QString BootOverride::targetName(Target t)
{
    for (const auto &[v, n] : TargetNames)
        if (v == t)
            return QString::fromLatin1(n);
    return QStringLiteral("None");
}

bool BootOverride::targetFromName(const QString &name, Target *out)
{
    for (const auto &[v, n] : TargetNames)
        if (name == QLatin1String(n)) {
            *out = v;
            return true;
        }
    return false;
}

QString BootOverride::enabledName(Enabled e)
{
    for (const auto &[v, n] : EnabledNames)
        if (v == e)
            return QString::fromLatin1(n);
    return QStringLiteral("Disabled");
}

bool BootOverride::enabledFromName(const QString &name, Enabled *out)
{
    for (const auto &[v, n] : EnabledNames)
        if (name == QLatin1String(n)) {
            *out = v;
            return true;
        }
    return false;
}

BootControl::BootControl(QObject *parent)
    : QObject(parent)
{
}

bool BootControl::open(const QString &path, QString *error)
{
    m_path = path;
    QFile f(path);
    if (!f.exists())
        return true;
    if (!f.open(QIODevice::ReadOnly) || f.size() > (8 << 20)) {
        if (error)
            *error = QStringLiteral("cannot read %1").arg(path);
        return false;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, err.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    const QJsonObject devices = root.value(QStringLiteral("devices")).toObject();
    for (auto it = devices.begin(); it != devices.end(); ++it) {
        const auto mac = MacAddress::parse(it.key());
        if (!mac)
            continue;
        const QJsonObject o = it.value().toObject();
        BootOverride ov;
        BootOverride::targetFromName(o.value(QStringLiteral("target")).toString(), &ov.target);
        BootOverride::enabledFromName(o.value(QStringLiteral("enabled")).toString(), &ov.enabled);
        ov.mode = o.value(QStringLiteral("mode")).toString(QStringLiteral("UEFI"));
        ov.httpBootUri = o.value(QStringLiteral("http_boot_uri")).toString();
        m_overrides.insert(*mac, ov);
        const QJsonObject media = o.value(QStringLiteral("media")).toObject();
        for (auto m = media.begin(); m != media.end(); ++m) {
            const QJsonObject mo = m.value().toObject();
            VirtualMedia vm;
            vm.image = mo.value(QStringLiteral("image")).toString();
            vm.inserted = mo.value(QStringLiteral("inserted")).toBool();
            vm.writeProtected = mo.value(QStringLiteral("write_protected")).toBool(true);
            vm.transferProtocol = mo.value(QStringLiteral("transfer_protocol")).toString();
            m_media[*mac].insert(m.key(), vm);
        }
    }
    return true;
}

QJsonObject BootControl::toJson() const
{
    QJsonObject devices;
    QSet<MacAddress> macs;
    for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it)
        macs.insert(it.key());
    for (auto it = m_media.cbegin(); it != m_media.cend(); ++it)
        macs.insert(it.key());
    for (const MacAddress &mac : macs) {
        const BootOverride ov = m_overrides.value(mac);
        QJsonObject o{{QStringLiteral("target"), BootOverride::targetName(ov.target)},
                      {QStringLiteral("enabled"), BootOverride::enabledName(ov.enabled)},
                      {QStringLiteral("mode"), ov.mode}};
        if (!ov.httpBootUri.isEmpty())
            o.insert(QStringLiteral("http_boot_uri"), ov.httpBootUri);
        QJsonObject media;
        const auto slots = m_media.value(mac);
        for (auto m = slots.cbegin(); m != slots.cend(); ++m)
            media.insert(m.key(), QJsonObject{{QStringLiteral("image"), m->image},
                                              {QStringLiteral("inserted"), m->inserted},
                                              {QStringLiteral("write_protected"), m->writeProtected},
                                              {QStringLiteral("transfer_protocol"), m->transferProtocol}});
        if (!media.isEmpty())
            o.insert(QStringLiteral("media"), media);
        devices.insert(mac.toString(), o);
    }
    return QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("devices"), devices}};
}

void BootControl::save()
{
    if (m_path.isEmpty())
        return;
    QString error;
    if (!atomicfile::write(m_path, QJsonDocument(toJson()).toJson(), &error, atomicfile::Backup::None, 0600))
        qCWarning(lcDevices).noquote() << "boot control state not saved:" << error;
}

void BootControl::setOverride(const MacAddress &mac, const BootOverride &override)
{
    m_overrides.insert(mac, override);
    save();
    Q_EMIT overrideChanged(mac, override);
}

BootOverride BootControl::consume(const MacAddress &mac, const QString &servedBy)
{
    BootOverride current = m_overrides.value(mac);
    if (current.enabled == BootOverride::Enabled::Once && current.target != BootOverride::Target::None) {
        BootOverride next = current;
        next.enabled = BootOverride::Enabled::Disabled;
        m_overrides.insert(mac, next);
        m_inFlight.insert(mac, current);
        save();
        qCInfo(lcDevices).noquote() << mac.toString() << "one-time boot override" << BootOverride::targetName(current.target)
                                    << "consumed by" << servedBy;
        Q_EMIT overrideConsumed(mac, current, servedBy);
        Q_EMIT overrideChanged(mac, next);
    }
    return current;
}

BootOverride BootControl::effective(const MacAddress &mac) const
{
    const auto it = m_inFlight.constFind(mac);
    if (it != m_inFlight.cend())
        return *it;
    return m_overrides.value(mac);
}

void BootControl::bootStarted(const MacAddress &mac)
{
    m_inFlight.remove(mac);
}

VirtualMedia BootControl::media(const MacAddress &mac, const QString &slot) const
{
    return m_media.value(mac).value(slot);
}

void BootControl::setMedia(const MacAddress &mac, const QString &slot, const VirtualMedia &media)
{
    m_media[mac].insert(slot, media);
    save();
    Q_EMIT mediaChanged(mac, slot, media);
}

void BootControl::forget(const MacAddress &mac)
{
    m_overrides.remove(mac);
    m_inFlight.remove(mac);
    m_media.remove(mac);
    save();
}
