#include "firmwaresettingsview.h"

#include "config/labconfig.h"
#include "firmwareservice.h"
#include "pisettings.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace {

QString profileOf(const LabConfig &config, const MacAddress &mac)
{
    const DeviceConfig *d = config.device(mac);
    if (d && !d->profile.isEmpty())
        return d->profile;
    return config.profile(QStringLiteral("default")) ? QStringLiteral("default") : QString();
}

FirmwareSettings::Attribute::Type typeOf(const efi::PiSetting &s)
{
    switch (s.kind) {
    case efi::PiSetting::Kind::Choice: return FirmwareSettings::Attribute::Type::Enumeration;
    case efi::PiSetting::Kind::Bool: return FirmwareSettings::Attribute::Type::Boolean;
    case efi::PiSetting::Kind::String: return FirmwareSettings::Attribute::Type::String;
    case efi::PiSetting::Kind::Number:
    case efi::PiSetting::Kind::Bitmask: break;
    }
    return FirmwareSettings::Attribute::Type::Integer;
}

// The attribute value of raw variable bytes (or of the default when absent).
QVariant valueOf(const efi::PiSetting &s, const QByteArray *data)
{
    if (s.kind == efi::PiSetting::Kind::String) {
        if (!data)
            return QString();
        // UCS-2LE, NUL-terminated within the buffer.
        QString text;
        for (qsizetype i = 0; i + 1 < data->size(); i += 2) {
            const char16_t ch = char16_t(quint8(data->at(i)) | (quint8(data->at(i + 1)) << 8));
            if (!ch)
                break;
            text.append(QChar(ch));
        }
        return text;
    }
    const quint64 n = data ? efi::piSettingNumber(s, *data).value_or(s.defaultValue) : s.defaultValue;
    switch (s.kind) {
    case efi::PiSetting::Kind::Bool: return n != 0;
    case efi::PiSetting::Kind::Choice:
        for (const auto &c : s.choices)
            if (c.value == n)
                return QString::fromLatin1(c.key);
        return QString::number(n);
    default: break;
    }
    return qint64(n);
}

QString toSettingText(const efi::PiSetting &s, const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool) {
        if (s.kind == efi::PiSetting::Kind::Bool)
            return value.toBool() ? QStringLiteral("on") : QStringLiteral("off");
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    }
    return value.toString();
}

} // namespace

FirmwareSettingsView::FirmwareSettingsView(FirmwareService *firmware, ModifyConfig modifyConfig)
    : m_firmware(firmware)
    , m_modifyConfig(std::move(modifyConfig))
{
}

QList<FirmwareSettings::Attribute> FirmwareSettingsView::attributes(const MacAddress &mac) const
{
    const LabConfig &config = m_firmware->config();
    auto store = m_firmware->profileStore(profileOf(config, mac));
    QMap<QString, QString> overrides;
    if (const DeviceConfig *d = config.device(mac))
        overrides = d->firmwareSettings;

    QList<Attribute> out;
    for (const efi::PiSetting &s : efi::piSettings()) {
        Attribute a;
        a.name = s.nameString();
        a.displayName = QCoreApplication::translate("efi::PiSettings", s.label);
        a.help = QCoreApplication::translate("efi::PiSettings", s.description);
        a.type = typeOf(s);
        a.readOnly = s.readOnly;
        a.defaultValue = valueOf(s, nullptr);
        if (a.type == Attribute::Type::Integer) {
            a.lowerBound = qint64(s.minimum);
            a.upperBound = qint64(s.maximum);
        } else if (a.type == Attribute::Type::String) {
            a.maxLength = int(s.maximum);
        } else if (a.type == Attribute::Type::Enumeration) {
            for (const auto &c : s.choices)
                a.allowedValues.append({QString::fromLatin1(c.key), QCoreApplication::translate("efi::PiSettings", c.label)});
        }
        // Current value: the device override if any, else the profile store, else the default.
        QByteArray data;
        const QByteArray *present = nullptr;
        QString overrideText;
        for (auto o = overrides.cbegin(); o != overrides.cend(); ++o)
            if (o.key().compare(a.name, Qt::CaseInsensitive) == 0)
                overrideText = o.value();
        if (!overrideText.isNull()) {
            auto encoded = efi::encodePiSetting(s, overrideText);
            if (encoded.ok()) {
                data = encoded.value();
                present = &data;
            }
        } else if (store.ok()) {
            if (const efi::Variable *v = store->find(s.nameString(), s.guid)) {
                data = v->data;
                present = &data;
            }
        }
        a.currentValue = valueOf(s, present);
        out.append(a);
    }
    return out;
}

bool FirmwareSettingsView::setAttributes(const MacAddress &mac, const QVariantMap &values, QString *error)
{
    QMap<QString, QString> accepted;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const efi::PiSetting *s = efi::findPiSetting(it.key());
        if (!s) {
            if (error)
                *error = QStringLiteral("'%1' is not a firmware setting").arg(it.key().left(64));
            return false;
        }
        if (s->readOnly) {
            if (error)
                *error = QStringLiteral("%1 is written by the firmware and cannot be set").arg(s->nameString());
            return false;
        }
        const QString text = toSettingText(*s, it.value());
        auto encoded = efi::encodePiSetting(*s, text);
        if (!encoded.ok()) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(s->nameString(), encoded.error());
            return false;
        }
        accepted.insert(s->nameString(), text);
    }
    if (!m_firmware->config().device(mac)) {
        if (error)
            *error = QStringLiteral("device %1 is not in the lab").arg(mac.toString());
        return false;
    }
    return m_modifyConfig(
        [&](LabConfig &c) {
            if (DeviceConfig *d = c.device(mac))
                for (auto it = accepted.cbegin(); it != accepted.cend(); ++it)
                    d->firmwareSettings.insert(it.key(), it.value());
        },
        error);
}

bool FirmwareSettingsView::resetToDefaults(const MacAddress &mac, QString *error)
{
    if (!m_firmware->config().device(mac)) {
        if (error)
            *error = QStringLiteral("device %1 is not in the lab").arg(mac.toString());
        return false;
    }
    return m_modifyConfig(
        [&](LabConfig &c) {
            if (DeviceConfig *d = c.device(mac))
                d->firmwareSettings.clear();
        },
        error);
}

QString FirmwareSettingsView::firmwareVersion(const MacAddress &mac) const
{
    const LabConfig &config = m_firmware->config();
    const QString profile = profileOf(config, mac);
    if (profile.isEmpty())
        return QStringLiteral("Metal Boot blank UEFI store");
    const ProfileConfig *p = config.profile(profile);
    const QString base = p && !p->baseImage.isEmpty() ? QFileInfo(p->baseImage).fileName() : QStringLiteral("blank store");
    return QStringLiteral("profile %1 (%2)").arg(profile, base);
}
