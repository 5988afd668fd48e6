#include "firmwareadapter.h"

#include "efi/bootentries.h"
#include "efi/efiguid.h"
#include "efi/pisettings.h"
#include "efi/varjson.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace firmwareadapter {

namespace {

QString hex4(quint16 n)
{
    return QStringLiteral("%1").arg(n, 4, 16, QLatin1Char('0')).toUpper();
}

QString ucs2Text(const QByteArray &data)
{
    QString text;
    for (qsizetype i = 0; i + 1 < data.size(); i += 2) {
        const char16_t ch = char16_t(quint8(data.at(i)) | (quint8(data.at(i + 1)) << 8));
        if (!ch)
            break;
        text.append(QChar(ch));
    }
    return text;
}

QString kindName(efi::PiSetting::Kind k)
{
    switch (k) {
    case efi::PiSetting::Kind::Number: return QStringLiteral("number");
    case efi::PiSetting::Kind::Choice: return QStringLiteral("choice");
    case efi::PiSetting::Kind::Bool: return QStringLiteral("bool");
    case efi::PiSetting::Kind::Bitmask: return QStringLiteral("bitmask");
    case efi::PiSetting::Kind::String: return QStringLiteral("string");
    }
    return QStringLiteral("number");
}

// The editor's text of a setting's value (what encodePiSetting() reads back).
QString valueText(const efi::PiSetting &s, const QByteArray *data)
{
    if (s.kind == efi::PiSetting::Kind::String)
        return data ? ucs2Text(*data) : QString();
    const quint64 n = data ? efi::piSettingNumber(s, *data).value_or(s.defaultValue) : s.defaultValue;
    switch (s.kind) {
    case efi::PiSetting::Kind::Bool: return n ? QStringLiteral("on") : QStringLiteral("off");
    case efi::PiSetting::Kind::Choice:
        for (const auto &c : s.choices)
            if (c.value == n)
                return QString::fromLatin1(c.key);
        break;
    default: break;
    }
    return QString::number(n);
}

std::optional<MacAddress> macFromText(const QString &path)
{
    static const QRegularExpression re(QStringLiteral("^MAC\\(([0-9A-Fa-f]{12}),"));
    const auto m = re.match(path);
    if (!m.hasMatch())
        return std::nullopt;
    return MacAddress::fromBytes(QByteArray::fromHex(m.captured(1).toLatin1()));
}

QString uriFromText(const QString &path)
{
    static const QRegularExpression re(QStringLiteral("/Uri\\((.*)\\)$"));
    const auto m = re.match(path);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

BootEntry::Kind entryKind(const efi::LoadOption &option)
{
    switch (efi::bootKind(option)) {
    case efi::BootKind::Network: return BootEntry::Kind::Pxe;
    case efi::BootKind::Http: return BootEntry::Kind::Http;
    case efi::BootKind::Disk:
    case efi::BootKind::Usb:
    case efi::BootKind::Cdrom: return BootEntry::Kind::Disk;
    case efi::BootKind::Firmware:
    case efi::BootKind::Other: break;
    }
    return BootEntry::Kind::Other;
}

BootConfiguration bootConfiguration(const efi::VarStore &store)
{
    BootConfiguration c;
    const auto entries = efi::bootEntries(store);
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        BootEntry e;
        e.number = it.key();
        e.description = it->description;
        e.devicePath = it->devicePath().toText();
        e.active = it->isActive();
        e.kind = entryKind(*it);
        c.entries.append(e);
    }
    c.order = efi::bootOrder(store);
    c.bootNext = efi::bootNext(store);
    // edk2 uses PcdPlatformBootTimeOut (5 s on the Pi) while the variable is absent.
    c.timeoutSeconds = efi::timeout(store).value_or(5);
    return c;
}

Result<efi::LoadOption> loadOptionFor(const BootEntry &e, const efi::VarStore &store)
{
    using R = Result<efi::LoadOption>;
    efi::LoadOption option;
    if (const auto existing = efi::bootEntry(store, e.number)) {
        option = *existing;
        option.description = e.description;
    } else {
        switch (e.kind) {
        case BootEntry::Kind::Pxe: {
            const auto mac = macFromText(e.devicePath);
            if (!mac)
                return R::failure(QCoreApplication::translate("FirmwareEditor", "Boot%1: a PXE entry needs the MAC address of a device").arg(hex4(e.number)));
            option = efi::makePxeEntry(*mac, efi::IpVersion::V4, e.description);
            break;
        }
        case BootEntry::Kind::Http: {
            const auto mac = macFromText(e.devicePath);
            if (!mac)
                return R::failure(QCoreApplication::translate("FirmwareEditor", "Boot%1: an HTTP boot entry needs the MAC address of a device").arg(hex4(e.number)));
            option = efi::makeHttpEntry(*mac, uriFromText(e.devicePath), efi::IpVersion::V4, e.description);
            break;
        }
        case BootEntry::Kind::Disk:
            if (!e.devicePath.startsWith(QLatin1Char('\\')))
                return R::failure(QCoreApplication::translate("FirmwareEditor", "Boot%1: new disk entries are a loader path such as \\EFI\\BOOT\\BOOTAA64.EFI (the firmware looks for it on every disk)").arg(hex4(e.number)));
            option = efi::makeFileEntry(e.description, e.devicePath);
            break;
        case BootEntry::Kind::Other:
            return R::failure(QCoreApplication::translate("FirmwareEditor", "Boot%1: unknown kind of entry").arg(hex4(e.number)));
        }
    }
    if (e.active)
        option.attributes |= efi::LoadOption::Active;
    else
        option.attributes &= ~efi::LoadOption::Active;
    return option;
}

Result<ProfileChange> profileChange(const efi::VarStore &current, const efi::VarStore &base, const BootConfiguration &before,
                                    const BootConfiguration &wanted)
{
    using R = Result<ProfileChange>;
    ProfileChange change;
    if (wanted.bootNext != before.bootNext)
        return R::failure(QCoreApplication::translate("FirmwareEditor", "BootNext is set per device (its next boot), not in a profile: open the device to set it."));
    auto variable = [](const QString &name, const QByteArray &data) {
        efi::Variable v;
        v.name = name;
        v.guid = efi::guids::GlobalVariable;
        v.attributes = efi::attr::NvBsRt;
        v.data = data;
        return v;
    };
    for (const BootEntry &e : wanted.entries) {
        auto option = loadOptionFor(e, current);
        if (!option.ok())
            return R::failure(option.error());
        const auto existing = efi::bootEntry(current, e.number);
        if (!existing || !(*existing == option.value()))
            change.set.append(variable(efi::bootVariableName(e.number), option->encode()));
    }
    for (const BootEntry &old : before.entries) {
        if (std::any_of(wanted.entries.cbegin(), wanted.entries.cend(), [&old](const BootEntry &e) { return e.number == old.number; }))
            continue;
        if (efi::bootEntry(base, old.number))
            return R::failure(QCoreApplication::translate("FirmwareEditor", "Boot%1 (\"%2\") is part of the profile's base image and cannot be deleted through its variables; take it out of BootOrder or deactivate it instead.")
                                  .arg(hex4(old.number), old.description));
        change.removed.append(old.number);
    }
    if (wanted.order != before.order || !change.set.isEmpty() || !change.removed.isEmpty()) {
        QByteArray order;
        for (quint16 n : wanted.order) {
            order.append(char(n & 0xff));
            order.append(char(n >> 8));
        }
        change.set.append(variable(QStringLiteral("BootOrder"), order));
    }
    if (wanted.timeoutSeconds != before.timeoutSeconds) {
        const quint16 t = quint16(qBound(0, wanted.timeoutSeconds, 0xffff));
        QByteArray data;
        data.append(char(t & 0xff));
        data.append(char(t >> 8));
        change.set.append(variable(QStringLiteral("Timeout"), data));
    }
    for (quint16 n : wanted.order)
        change.bootOrder.append(hex4(n));
    return change;
}

Result<QByteArray> mergeVariablesJson(const QByteArray &existing, const ProfileChange &change)
{
    using R = Result<QByteArray>;
    QList<efi::Variable> vars;
    if (!existing.trimmed().isEmpty()) {
        auto parsed = efi::variablesFromJson(existing);
        if (!parsed.ok())
            return R::failure(QCoreApplication::translate("FirmwareEditor", "the profile's variables file is not valid: %1").arg(parsed.error()));
        vars = parsed.value();
    }
    for (quint16 n : change.removed) {
        const QString name = efi::bootVariableName(n);
        vars.erase(std::remove_if(vars.begin(), vars.end(),
                                  [&name](const efi::Variable &v) { return v.name == name && v.guid == efi::guids::GlobalVariable; }),
                   vars.end());
    }
    for (const efi::Variable &v : change.set) {
        const auto it = std::find_if(vars.begin(), vars.end(), [&v](const efi::Variable &o) { return o.key() == v.key(); });
        if (it == vars.end())
            vars.append(v);
        else
            *it = v;
    }
    return efi::variablesToJson(vars);
}

Result<BootOverride> bootOverrideFor(const efi::VarStore &rendered, std::optional<quint16> bootNext)
{
    using R = Result<BootOverride>;
    BootOverride o;
    if (!bootNext)
        return o;   // None / Disabled: no BootNext
    const auto entry = efi::bootEntry(rendered, *bootNext);
    if (!entry)
        return R::failure(QCoreApplication::translate("FirmwareEditor", "Boot%1 does not exist").arg(hex4(*bootNext)));
    o.enabled = BootOverride::Enabled::Once;
    auto firstInOrder = [&](std::initializer_list<efi::BootKind> kinds) -> std::optional<quint16> {
        const auto entries = efi::bootEntries(rendered);
        for (quint16 n : efi::bootOrder(rendered)) {
            const auto it = entries.constFind(n);
            if (it == entries.cend() || !it->isActive())
                continue;
            for (efi::BootKind k : kinds)
                if (efi::bootKind(*it) == k)
                    return n;
        }
        return std::nullopt;
    };
    switch (efi::bootKind(*entry)) {
    case efi::BootKind::Network: o.target = BootOverride::Target::Pxe; return o;
    case efi::BootKind::Http: {
        o.target = BootOverride::Target::UefiHttp;
        if (const auto *uri = entry->devicePath().find(efi::dp::Messaging, efi::dp::MsgUri))
            o.httpBootUri = QString::fromUtf8(uri->data);
        return o;
    }
    case efi::BootKind::Disk:
    case efi::BootKind::Usb:
        if (firstInOrder({efi::BootKind::Disk, efi::BootKind::Usb}) == bootNext) {
            o.target = BootOverride::Target::Hdd;
            return o;
        }
        return R::failure(QCoreApplication::translate("FirmwareEditor", "A device's next boot can go to its first disk entry in BootOrder (the boot override \"Hdd\"); Boot%1 is not the first one.").arg(hex4(*bootNext)));
    case efi::BootKind::Cdrom:
        if (firstInOrder({efi::BootKind::Cdrom}) == bootNext) {
            o.target = BootOverride::Target::Cd;
            return o;
        }
        break;
    case efi::BootKind::Firmware:
    case efi::BootKind::Other: break;
    }
    return R::failure(QCoreApplication::translate("FirmwareEditor", "Boot%1 (\"%2\") cannot be a device's next boot: the boot override picks the network (PXE, HTTP) or the first disk.")
                          .arg(hex4(*bootNext), entry->description));
}

QList<SettingRow> settingRows(const efi::VarStore &inherited, const QMap<QString, QString> &own, const QString &inheritedSourceName)
{
    QList<SettingRow> rows;
    for (const efi::PiSetting &s : efi::piSettings()) {
        SettingRow r;
        r.name = s.nameString();
        r.label = QCoreApplication::translate("efi::PiSettings", s.label);
        r.help = QCoreApplication::translate("efi::PiSettings", s.description);
        r.group = QString::fromUtf8(s.group);
        r.unit = QString::fromUtf8(s.unit);
        r.kind = kindName(s.kind);
        r.minimum = qint64(s.minimum);
        r.maximum = qint64(s.maximum);
        r.readOnly = s.readOnly;
        for (const auto &c : s.choices)
            r.choices.append(QVariantMap{{QStringLiteral("key"), QString::fromLatin1(c.key)},
                                         {QStringLiteral("label"), QCoreApplication::translate("efi::PiSettings", c.label)},
                                         {QStringLiteral("value"), qint64(c.value)}});
        r.defaultValue = valueText(s, nullptr);
        const efi::Variable *v = inherited.find(s.nameString(), s.guid);
        r.inherited = valueText(s, v ? &v->data : nullptr);
        r.inheritedSource = v ? inheritedSourceName : QStringLiteral("default");
        r.value = r.inherited;
        for (auto it = own.cbegin(); it != own.cend(); ++it) {
            if (it.key().compare(r.name, Qt::CaseInsensitive) != 0)
                continue;
            r.explicitValue = true;
            const auto normal = normalizeSetting(r.name, it.value());
            r.value = normal.ok() ? normal.value() : it.value();
        }
        rows.append(r);
    }
    return rows;
}

Result<QString> normalizeSetting(const QString &name, const QString &value)
{
    const efi::PiSetting *s = efi::findPiSetting(name);
    if (!s)
        return Result<QString>::failure(QStringLiteral("'%1' is not a firmware setting").arg(name.left(64)));
    if (s->readOnly)
        return Result<QString>::failure(QStringLiteral("%1 is written by the firmware and cannot be set").arg(s->nameString()));
    auto encoded = efi::encodePiSetting(*s, value);
    if (!encoded.ok())
        return Result<QString>::failure(encoded.error());
    return valueText(*s, &encoded.value());
}

} // namespace firmwareadapter
