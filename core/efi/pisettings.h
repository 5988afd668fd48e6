#pragma once

#include "common/result.h"
#include "varstore.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QUuid>

#include <optional>

// Raspberry Pi 4 UEFI (pftf/edk2-platforms) settings as typed values: name, GUID, size, range,
// choices, default and meaning, from RPi4.dsc [PcdsDynamicHii], ConfigVars.h and
// ConfigDxeHii.vfr. The table is what the GUI's settings form and the Redfish Bios attributes
// enumerate. Labels and descriptions are QT_TRANSLATE_NOOP("efi::PiSettings", ...) strings.
// Variables not in the table are never touched (preserved byte-exact).
namespace efi {

struct PiSettingChoice
{
    quint64 value;
    const char *key;          // stable machine name ("acpi+dt"), accepted as input
    const char *label;        // translatable
};

struct PiSetting
{
    enum class Kind { Number, Choice, Bool, Bitmask, String };

    const char *name;         // variable name (also the attribute name)
    QUuid guid;
    Kind kind;
    int size;                 // bytes in the variable (String: UCS-2 buffer incl. NUL)
    quint64 defaultValue;     // Number/Choice/Bool/Bitmask
    quint64 minimum;
    quint64 maximum;          // String: maximum characters
    QList<PiSettingChoice> choices;   // Choice: the values; Bitmask: one per bit (value = bit mask)
    bool readOnly;            // the firmware rewrites it on every boot
    const char *group;        // "CPU", "Memory", "Display", ...
    const char *label;
    const char *description;
    const char *unit;         // "MHz", "°C", "s", "µs" or ""

    [[nodiscard]] QString nameString() const { return QString::fromLatin1(name); }
    [[nodiscard]] QString defaultText() const;
};

const QList<PiSetting> &piSettings();
const PiSetting *findPiSetting(const QString &name);     // case-insensitive

// Parses a user value (number, 0x-hex, choice key, on/off, bit names joined by ',' or '|',
// or the text of a String setting) into the variable's bytes, checking range and choices.
Result<QByteArray> encodePiSetting(const PiSetting &setting, const QString &value);
// Numeric value of the variable bytes (not for String).
std::optional<quint64> piSettingNumber(const PiSetting &setting, const QByteArray &data);
// Display text: "2 (max)", "on", "0x20 (native)", the tag string; "(invalid size N)" if malformed.
QString piSettingText(const PiSetting &setting, const QByteArray &data);

struct PiSettingValue
{
    const PiSetting *setting = nullptr;
    bool present = false;     // false: the variable is absent and the firmware uses its default
    QByteArray data;
    QString text;
};
QList<PiSettingValue> readPiSettings(const VarStore &store);

// Sets one setting (creating the variable with attributes NV|BS|RT when absent). Read-only
// settings are refused.
Result<bool> applyPiSetting(VarStore &store, const QString &name, const QString &value);
// Applies all, stopping at the first error (the store is then partially modified: callers work
// on a copy).
Result<int> applyPiSettings(VarStore &store, const QMap<QString, QString> &settings);

} // namespace efi
