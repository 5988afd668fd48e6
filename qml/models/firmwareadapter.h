#pragma once

#include "bootentrymodel.h"
#include "common/result.h"
#include "devices/bootcontrol.h"
#include "efi/loadoption.h"
#include "efi/varstore.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

// Pure adapters between the UEFI engine (efi::VarStore, Boot#### load options, Pi settings)
// and the boot editor's plain data (BootConfiguration, setting rows). They run on the engine
// thread (FirmwareEditor) and are tested without it.
namespace firmwareadapter {

// The boot manager variables of a store, as the editor shows them (device paths in edk2 text).
BootConfiguration bootConfiguration(const efi::VarStore &store);
BootEntry::Kind entryKind(const efi::LoadOption &option);

// What applying an edited boot configuration to a profile writes: Boot#### (new or changed),
// BootOrder and Timeout go into the profile's variables JSON, entries removed from it are
// dropped, and lab.yaml's boot_order gets the new order.
struct ProfileChange
{
    QList<efi::Variable> set;
    QList<quint16> removed;
    QStringList bootOrder;        // "0001", "0003", ...
};
// `current` = the profile's store, `base` = its base image alone (entries there cannot be
// deleted through the variables JSON). Fails with a sentence naming the entry otherwise.
Result<ProfileChange> profileChange(const efi::VarStore &current, const efi::VarStore &base, const BootConfiguration &before,
                                    const BootConfiguration &wanted);
// The profile's variables JSON (virt-fw-vars v2; empty = none yet) with `change` merged in.
Result<QByteArray> mergeVariablesJson(const QByteArray &existing, const ProfileChange &change);
// The load option for an entry: an existing one with the edited description/active flag, or a
// new PXE / HTTP / file-path entry built from the parts the editor put into its text path.
Result<efi::LoadOption> loadOptionFor(const BootEntry &entry, const efi::VarStore &store);

// A device's BootNext is not stored per device: it is the boot override (BootControl) the
// renderer turns into BootNext at the device's next boot. `rendered` = the device's store.
Result<BootOverride> bootOverrideFor(const efi::VarStore &rendered, std::optional<quint16> bootNext);

// One Raspberry Pi UEFI setting for the typed form.
struct SettingRow
{
    QString name;                 // variable name ("CpuClock")
    QString label;                // translated
    QString help;
    QString group;                // "CPU", "Display", ...
    QString unit;
    QString kind;                 // "number", "choice", "bool", "bitmask", "string"
    qint64 minimum = 0;
    qint64 maximum = 0;
    QVariantList choices;         // [{key, label, value}]
    bool readOnly = false;
    QString value;                // effective value text (choice key, on/off, decimal, text)
    QString inherited;            // what applies without an own value at this level
    QString inheritedSource;      // "default", "image" (profile's base + variables), "profile"
    bool explicitValue = false;   // set at this level (profile settings / device overrides)
    QString defaultValue;
};
// `inherited` = the store below this level (profile: base + variables without its settings;
// device: the profile's store); `own` = the values set at this level.
QList<SettingRow> settingRows(const efi::VarStore &inherited, const QMap<QString, QString> &own,
                              const QString &inheritedSourceName);
// Canonical text of a user value (validated); error text if invalid.
Result<QString> normalizeSetting(const QString &name, const QString &value);

} // namespace firmwareadapter
