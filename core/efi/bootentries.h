#pragma once

#include "common/macaddress.h"
#include "common/result.h"
#include "loadoption.h"
#include "varstore.h"

#include <QList>
#include <QMap>

#include <optional>

// Boot manager variables (UEFI spec 3.3) on a VarStore: Boot####, BootOrder, BootNext,
// BootCurrent, Timeout, and builders for the entries Metal Boot creates. Entries we create never
// carry the BDS auto-created marker, so the firmware's boot option refresh leaves them alone.
namespace efi {

enum class IpVersion { V4, V6 };
enum class Placement { First, Last, NotInOrder };

QString bootVariableName(quint16 number);                 // "Boot0003"
std::optional<quint16> bootNumberFromName(const QString &name);   // Boot#### with 4 upper-case hex digits

// Boot#### load options under EfiGlobalVariable, by number. Undecodable entries are skipped.
QMap<quint16, LoadOption> bootEntries(const VarStore &store);
std::optional<LoadOption> bootEntry(const VarStore &store, quint16 number);

QList<quint16> bootOrder(const VarStore &store);
void setBootOrder(VarStore &store, const QList<quint16> &order);
std::optional<quint16> bootNext(const VarStore &store);
void setBootNext(VarStore &store, quint16 number);
void clearBootNext(VarStore &store);
std::optional<quint16> bootCurrent(const VarStore &store);
std::optional<quint16> timeout(const VarStore &store);
void setTimeout(VarStore &store, quint16 seconds);

// The lowest Boot#### number not in use (and not referenced by BootOrder).
std::optional<quint16> freeBootNumber(const VarStore &store);
// An existing entry with the same device path list and description, if any.
std::optional<quint16> findBootEntry(const VarStore &store, const LoadOption &option);
// Stores `option` as a new Boot#### (or reuses an identical one) and places it in BootOrder.
Result<quint16> addBootEntry(VarStore &store, const LoadOption &option, Placement placement);
void setBootEntry(VarStore &store, quint16 number, const LoadOption &option);
// Removes Boot#### and its BootOrder/BootNext references.
bool removeBootEntry(VarStore &store, quint16 number);

// Entry builders (Attributes ACTIVE, category boot, no optional data).
LoadOption makePxeEntry(const MacAddress &mac, IpVersion ip = IpVersion::V4, const QString &description = {});
// HTTP: device path Uri(<uri>) only (EDK2 short form, any HTTP boot NIC; the MAC and IP version
// name the entry). Empty uri = the boot URL from DHCP.
LoadOption makeHttpEntry(const MacAddress &mac, const QString &uri, IpVersion ip = IpVersion::V4, const QString &description = {});
LoadOption makeDiskEntry(const QString &description, const DevicePath &disk, const QString &loaderPath = {});
LoadOption makeFileEntry(const QString &description, const QString &loaderPath);

// What an entry boots from, judged by its device path.
enum class BootKind { Network, Http, Disk, Usb, Cdrom, Firmware, Other };
BootKind bootKind(const LoadOption &option);
// MAC address of a network entry (first MAC node), if any.
std::optional<MacAddress> bootEntryMac(const LoadOption &option);

} // namespace efi
