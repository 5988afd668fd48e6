#include "pisettings.h"

#include "efibytes.h"
#include "efiguid.h"

#include <QRegularExpression>

namespace efi {

namespace {

using K = PiSetting::Kind;

constexpr QUuid ConsolePrefGuid{0x2d2358b4, 0xe96c, 0x484d, 0xb2, 0xdd, 0x7c, 0x2e, 0xfc, 0x7d, 0x56, 0xf};

PiSetting boolSetting(const char *name, quint64 def, const char *group, const char *label, const char *description)
{
    return {name, guids::RpiConfigDxe, K::Bool, 4, def, 0, 1, {}, false, group, label, description, ""};
}

QList<PiSetting> buildTable()
{
    const QUuid &cfg = guids::RpiConfigDxe;
    QList<PiSetting> t;
    t.append({"CpuClock", cfg, K::Choice, 4, 1, 0, 3,
              {{0, "low", QT_TRANSLATE_NOOP("efi::PiSettings", "Low")},
               {1, "default", QT_TRANSLATE_NOOP("efi::PiSettings", "Default")},
               {2, "max", QT_TRANSLATE_NOOP("efi::PiSettings", "Maximum")},
               {3, "custom", QT_TRANSLATE_NOOP("efi::PiSettings", "Custom (CustomCpuClock)")}},
              false, "CPU", QT_TRANSLATE_NOOP("efi::PiSettings", "CPU clock"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Arm core clock: low, the board default, the maximum, or the custom value below."), ""});
    t.append({"CustomCpuClock", cfg, K::Number, 4, 1500, 100, 2200, {}, false, "CPU",
              QT_TRANSLATE_NOOP("efi::PiSettings", "Custom CPU clock"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Clock used when CPU clock is Custom."), "MHz"});
    t.append({"RamMoreThan3GB", cfg, K::Bool, 4, 0, 0, 1, {}, true, "Memory",
              QT_TRANSLATE_NOOP("efi::PiSettings", "More than 3 GB RAM"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Written by the firmware on every boot (1 on boards with more than 3 GB); read-only."), ""});
    t.append({"RamLimitTo3GB", cfg, K::Choice, 4, 1, 0, 1,
              {{0, "off", QT_TRANSLATE_NOOP("efi::PiSettings", "Full RAM")},
               {1, "on", QT_TRANSLATE_NOOP("efi::PiSettings", "Limit to 3 GB")}},
              false, "Memory", QT_TRANSLATE_NOOP("efi::PiSettings", "Limit RAM to 3 GB"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Hide memory above 3 GB (for OSes whose DMA cannot reach it)."), ""});
    t.append({"SystemTableMode", cfg, K::Choice, 4, 0, 0, 2,
              {{0, "acpi", QT_TRANSLATE_NOOP("efi::PiSettings", "ACPI")},
               {1, "acpi+dt", QT_TRANSLATE_NOOP("efi::PiSettings", "ACPI + Devicetree")},
               {2, "dt", QT_TRANSLATE_NOOP("efi::PiSettings", "Devicetree")}},
              false, "Advanced", QT_TRANSLATE_NOOP("efi::PiSettings", "System table mode"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Hardware description handed to the OS."), ""});
    t.append({"FanOnGpio", cfg, K::Choice, 4, 0, 0, 19,
              {{0, "off", QT_TRANSLATE_NOOP("efi::PiSettings", "Disabled")},
               {18, "gpio18", QT_TRANSLATE_NOOP("efi::PiSettings", "GPIO 18")},
               {19, "gpio19", QT_TRANSLATE_NOOP("efi::PiSettings", "GPIO 19")}},
              false, "Advanced", QT_TRANSLATE_NOOP("efi::PiSettings", "ACPI fan on GPIO"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "GPIO pin of a fan driven through ACPI (ACPI mode only)."), ""});
    t.append({"FanTemp", cfg, K::Number, 4, 60, 50, 80, {}, false, "Advanced",
              QT_TRANSLATE_NOOP("efi::PiSettings", "Fan temperature"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "SoC temperature at which the ACPI fan turns on."), "°C"});
    t.append({"XhciPci", cfg, K::Choice, 4, 0, 0, 2,
              {{0, "xhci", QT_TRANSLATE_NOOP("efi::PiSettings", "XHCI")},
               {1, "pcie", QT_TRANSLATE_NOOP("efi::PiSettings", "PCIe")},
               {2, "pcie-cm4", QT_TRANSLATE_NOOP("efi::PiSettings", "PCIe (CM4 default)")}},
              false, "Advanced", QT_TRANSLATE_NOOP("efi::PiSettings", "PCIe / XHCI mode"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Expose the VL805 USB controller as XHCI or the raw PCIe bus."), ""});
    t.append(boolSetting("XhciReload", 0, "Advanced", QT_TRANSLATE_NOOP("efi::PiSettings", "XHCI reload quirk"),
                         QT_TRANSLATE_NOOP("efi::PiSettings", "The devicetree carries the XHCI firmware reload quirk.")));
    t.append({"AssetTag", cfg, K::String, 66, 0, 0, 32, {}, false, "Advanced",
              QT_TRANSLATE_NOOP("efi::PiSettings", "Asset tag"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "SMBIOS asset tag, up to 32 characters."), ""});
    t.append({"SdIsArasan", cfg, K::Choice, 4, 0, 0, 1,
              {{0, "emmc2", QT_TRANSLATE_NOOP("efi::PiSettings", "eMMC2 (Pi 4 default)")},
               {1, "arasan", QT_TRANSLATE_NOOP("efi::PiSettings", "Arasan SDHCI")}},
              false, "SD/MMC", QT_TRANSLATE_NOOP("efi::PiSettings", "uSD controller"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Which controller the micro-SD slot is routed to."), ""});
    t.append(boolSetting("MmcDisableMulti", 0, "SD/MMC", QT_TRANSLATE_NOOP("efi::PiSettings", "Disable multi-block transfers"),
                         QT_TRANSLATE_NOOP("efi::PiSettings", "Work around cards that fail multi-block reads.")));
    t.append(boolSetting("MmcForce1Bit", 0, "SD/MMC", QT_TRANSLATE_NOOP("efi::PiSettings", "Force 1-bit mode"),
                         QT_TRANSLATE_NOOP("efi::PiSettings", "Use a 1-bit bus instead of 4 bits.")));
    t.append(boolSetting("MmcForceDefaultSpeed", 0, "SD/MMC", QT_TRANSLATE_NOOP("efi::PiSettings", "Force default speed"),
                         QT_TRANSLATE_NOOP("efi::PiSettings", "Never switch the card to high speed.")));
    t.append({"MmcSdDefaultSpeedMHz", cfg, K::Number, 4, 25, 25, 100, {}, false, "SD/MMC",
              QT_TRANSLATE_NOOP("efi::PiSettings", "SD default speed"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Bus clock in default-speed mode."), "MHz"});
    t.append({"MmcSdHighSpeedMHz", cfg, K::Number, 4, 50, 50, 100, {}, false, "SD/MMC",
              QT_TRANSLATE_NOOP("efi::PiSettings", "SD high speed"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Bus clock in high-speed mode."), "MHz"});
    t.append(boolSetting("MmcEnableDma", 1, "SD/MMC", QT_TRANSLATE_NOOP("efi::PiSettings", "eMMC DMA"),
                         QT_TRANSLATE_NOOP("efi::PiSettings", "Use DMA (on) or PIO (off) for the eMMC2 controller.")));
    t.append({"DisplayEnableScaledVModes", cfg, K::Bitmask, 1, 0x20, 0, 0x3f,
              {{0x01, "800x600", QT_TRANSLATE_NOOP("efi::PiSettings", "800x600")},
               {0x02, "640x480", QT_TRANSLATE_NOOP("efi::PiSettings", "640x480")},
               {0x04, "1024x768", QT_TRANSLATE_NOOP("efi::PiSettings", "1024x768")},
               {0x08, "720p", QT_TRANSLATE_NOOP("efi::PiSettings", "720p")},
               {0x10, "1080p", QT_TRANSLATE_NOOP("efi::PiSettings", "1080p")},
               {0x20, "native", QT_TRANSLATE_NOOP("efi::PiSettings", "Native resolution")}},
              false, "Display", QT_TRANSLATE_NOOP("efi::PiSettings", "Display modes"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Video modes offered to the OS (one byte, one bit per mode)."), ""});
    t.append(boolSetting("DisplayEnableSShot", 1, "Display", QT_TRANSLATE_NOOP("efi::PiSettings", "Screenshot hotkey"),
                         QT_TRANSLATE_NOOP("efi::PiSettings", "Allow screenshots with Ctrl+Alt+F12.")));
    t.append(boolSetting("DebugEnableJTAG", 0, "Debug", QT_TRANSLATE_NOOP("efi::PiSettings", "JTAG"),
                         QT_TRANSLATE_NOOP("efi::PiSettings", "Route the JTAG pins (GPIO 22-27).")));
    t.append({"ResetDelay", guids::RpiTokenSpace, K::Number, 4, 0, 0, 0xffffffffu, {}, false, "Advanced",
              QT_TRANSLATE_NOOP("efi::PiSettings", "Reset delay"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Delay before a reset; the firmware raises it after saving variables to slow media."), "µs"});
    t.append({"Columns", guids::RpiTokenSpace, K::Number, 4, 80, 0, 0xffffffffu, {}, false, "Console",
              QT_TRANSLATE_NOOP("efi::PiSettings", "Console columns"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Text console width."), ""});
    t.append({"Rows", guids::RpiTokenSpace, K::Number, 4, 25, 0, 0xffffffffu, {}, false, "Console",
              QT_TRANSLATE_NOOP("efi::PiSettings", "Console rows"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Text console height."), ""});
    t.append({"ConsolePref", ConsolePrefGuid, K::Choice, 4, 0, 0, 1,
              {{0, "graphical", QT_TRANSLATE_NOOP("efi::PiSettings", "Graphical")},
               {1, "serial", QT_TRANSLATE_NOOP("efi::PiSettings", "Serial")}},
              false, "Console", QT_TRANSLATE_NOOP("efi::PiSettings", "Preferred console"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Console the firmware prefers when both are present."), ""});
    t.append({"Timeout", guids::GlobalVariable, K::Number, 2, 5, 0, 0xffff, {}, false, "Boot",
              QT_TRANSLATE_NOOP("efi::PiSettings", "Boot menu timeout"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Seconds before the first boot entry starts (65535 waits forever)."), "s"});
    t.append({"BootDiscoveryPolicy", guids::BootDiscoveryPolicyMgr, K::Choice, 4, 0, 0, 2,
              {{0, "minimal", QT_TRANSLATE_NOOP("efi::PiSettings", "Minimal")},
               {1, "network", QT_TRANSLATE_NOOP("efi::PiSettings", "Connect network devices")},
               {2, "all", QT_TRANSLATE_NOOP("efi::PiSettings", "Connect all devices")}},
              false, "Boot", QT_TRANSLATE_NOOP("efi::PiSettings", "Boot discovery policy"),
              QT_TRANSLATE_NOOP("efi::PiSettings", "Which devices the boot manager connects to find boot options."), ""});
    return t;
}

quint64 readNumber(const QByteArray &data)
{
    quint64 v = 0;
    for (qsizetype i = qMin<qsizetype>(data.size(), 8) - 1; i >= 0; --i)
        v = (v << 8) | quint8(data.at(i));
    return v;
}

QByteArray writeNumber(quint64 v, int size)
{
    QByteArray out(size, '\0');
    for (int i = 0; i < size; ++i)
        out[i] = char((v >> (8 * i)) & 0xff);
    return out;
}

std::optional<quint64> parseNumber(const QString &text)
{
    bool ok = false;
    const QString t = text.trimmed();
    quint64 v = t.startsWith(QLatin1String("0x"), Qt::CaseInsensitive) ? t.mid(2).toULongLong(&ok, 16) : t.toULongLong(&ok, 10);
    if (!ok)
        return std::nullopt;
    return v;
}

} // namespace

QString PiSetting::defaultText() const
{
    if (kind == Kind::String)
        return QString();
    return piSettingText(*this, writeNumber(defaultValue, size));
}

const QList<PiSetting> &piSettings()
{
    static const QList<PiSetting> table = buildTable();
    return table;
}

const PiSetting *findPiSetting(const QString &name)
{
    for (const auto &s : piSettings())
        if (name.compare(QLatin1String(s.name), Qt::CaseInsensitive) == 0)
            return &s;
    return nullptr;
}

Result<QByteArray> encodePiSetting(const PiSetting &s, const QString &value)
{
    using R = Result<QByteArray>;
    const QString name = s.nameString();
    const QString v = value.trimmed();
    switch (s.kind) {
    case K::String: {
        if (value.size() > int(s.maximum))
            return R::failure(QStringLiteral("%1 takes at most %2 characters").arg(name).arg(s.maximum));
        for (const QChar c : value)
            if (c.isSurrogate() || c.unicode() < 0x20)
                return R::failure(QStringLiteral("%1 accepts printable characters only").arg(name));
        QByteArray out = encodeUcs2(value);
        out.append(QByteArray(s.size - out.size(), '\0'));
        return out;
    }
    case K::Bool: {
        const QString l = v.toLower();
        if (l == QLatin1String("1") || l == QLatin1String("on") || l == QLatin1String("true") || l == QLatin1String("yes")
            || l == QLatin1String("enabled"))
            return writeNumber(1, s.size);
        if (l == QLatin1String("0") || l == QLatin1String("off") || l == QLatin1String("false") || l == QLatin1String("no")
            || l == QLatin1String("disabled"))
            return writeNumber(0, s.size);
        return R::failure(QStringLiteral("%1 is on or off (got '%2')").arg(name, v.left(40)));
    }
    case K::Choice: {
        for (const auto &c : s.choices)
            if (v.compare(QLatin1String(c.key), Qt::CaseInsensitive) == 0)
                return writeNumber(c.value, s.size);
        const auto n = parseNumber(v);
        if (n)
            for (const auto &c : s.choices)
                if (c.value == *n)
                    return writeNumber(*n, s.size);
        QStringList allowed;
        for (const auto &c : s.choices)
            allowed.append(QStringLiteral("%1 (%2)").arg(c.value).arg(QLatin1String(c.key)));
        return R::failure(QStringLiteral("%1 must be one of %2 (got '%3')").arg(name, allowed.join(QLatin1String(", ")), v.left(40)));
    }
    case K::Bitmask: {
        if (const auto n = parseNumber(v)) {
            if (*n > s.maximum)
                return R::failure(QStringLiteral("%1 must be between 0 and 0x%2").arg(name).arg(s.maximum, 0, 16));
            return writeNumber(*n, s.size);
        }
        quint64 mask = 0;
        const auto parts = v.split(QRegularExpression(QStringLiteral("[,|+ ]+")), Qt::SkipEmptyParts);
        for (const auto &part : parts) {
            bool found = false;
            for (const auto &c : s.choices)
                if (part.compare(QLatin1String(c.key), Qt::CaseInsensitive) == 0) {
                    mask |= c.value;
                    found = true;
                }
            if (!found)
                return R::failure(QStringLiteral("%1: unknown mode '%2'").arg(name, part.left(40)));
        }
        return writeNumber(mask, s.size);
    }
    case K::Number: {
        const auto n = parseNumber(v);
        if (!n)
            return R::failure(QStringLiteral("%1 needs a number (got '%2')").arg(name, v.left(40)));
        if (*n < s.minimum || *n > s.maximum)
            return R::failure(QStringLiteral("%1 must be between %2 and %3 (got %4)").arg(name).arg(s.minimum).arg(s.maximum).arg(*n));
        return writeNumber(*n, s.size);
    }
    }
    return R::failure(QStringLiteral("%1: unsupported setting").arg(name));
}

std::optional<quint64> piSettingNumber(const PiSetting &s, const QByteArray &data)
{
    if (s.kind == K::String || data.size() != s.size)
        return std::nullopt;
    return readNumber(data);
}

QString piSettingText(const PiSetting &s, const QByteArray &data)
{
    if (data.size() != s.size)
        return QStringLiteral("(invalid size %1)").arg(data.size());
    if (s.kind == K::String)
        return decodeUcs2(data.constData(), data.size());
    const quint64 n = readNumber(data);
    switch (s.kind) {
    case K::Bool:
        return n ? QStringLiteral("on") : QStringLiteral("off");
    case K::Choice:
        for (const auto &c : s.choices)
            if (c.value == n)
                return QStringLiteral("%1 (%2)").arg(n).arg(QLatin1String(c.key));
        return QString::number(n);
    case K::Bitmask: {
        QStringList bits;
        for (const auto &c : s.choices)
            if (n & c.value)
                bits.append(QLatin1String(c.key));
        return QStringLiteral("0x%1 (%2)").arg(n, 2, 16, QLatin1Char('0')).arg(bits.isEmpty() ? QStringLiteral("none") : bits.join(QLatin1Char(',')));
    }
    default:
        return QString::number(n);
    }
}

QList<PiSettingValue> readPiSettings(const VarStore &store)
{
    QList<PiSettingValue> out;
    for (const auto &s : piSettings()) {
        PiSettingValue v;
        v.setting = &s;
        if (const Variable *var = store.find(s.nameString(), s.guid)) {
            v.present = true;
            v.data = var->data;
            v.text = piSettingText(s, var->data);
        } else {
            v.text = s.defaultText();
        }
        out.append(v);
    }
    return out;
}

Result<bool> applyPiSetting(VarStore &store, const QString &name, const QString &value)
{
    const PiSetting *s = findPiSetting(name);
    if (!s)
        return Result<bool>::failure(QStringLiteral("'%1' is not a Raspberry Pi setting").arg(name.left(64)));
    if (s->readOnly)
        return Result<bool>::failure(QStringLiteral("%1 is written by the firmware on every boot and cannot be set").arg(s->nameString()));
    auto bytes = encodePiSetting(*s, value);
    if (!bytes.ok())
        return Result<bool>::failure(bytes.error());
    const Variable *existing = store.find(s->nameString(), s->guid);
    if (existing && existing->data == bytes.value())
        return false;
    store.setData(s->nameString(), s->guid, bytes.value(), existing ? existing->attributes : attr::NvBsRt);
    return true;
}

Result<int> applyPiSettings(VarStore &store, const QMap<QString, QString> &settings)
{
    int changed = 0;
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        auto r = applyPiSetting(store, it.key(), it.value());
        if (!r.ok())
            return Result<int>::failure(r.error());
        changed += r.value() ? 1 : 0;
    }
    return changed;
}

} // namespace efi
