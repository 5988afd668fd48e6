#pragma once

#include "common/macaddress.h"
#include "common/result.h"
#include "devices/inventory.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The Ironic Python Agent's inspection callback (ironic-inspector's POST /v1/continue, and
// Ironic's own /v1/continue_inspection): a JSON object with "inventory" (interfaces, cpu,
// memory {total, physical_mb}, disks, system_vendor, boot {current_boot_mode, pxe_interface},
// bmc_address, hostname), "boot_interface" (the PXE MAC, "01-aa-bb-…" or "aa:bb:…"),
// "root_disk", "error", "configuration", "logs" (base64, ignored). Pure, bounds-checked.
namespace ipa {

constexpr qint64 MaxBodyBytes = 8 << 20;        // logs can be large; anything bigger is refused

struct Inspection
{
    HardwareInventory inventory;                // source "inspection"
    QList<MacAddress> macs;                     // every interface MAC, in order
    MacAddress bootMac;                         // from boot_interface / inventory.boot.pxe_interface
    QString hostname;
    QString bootMode;                           // "uefi", "bios"
    QString agentError;                         // the "error" field IPA reports (collector failures)
    QString rootDisk;
};

Result<Inspection> parseInspection(const QByteArray &json);

// "01-aa-bb-cc-dd-ee-ff" (pxelinux BOOTIF), "aa:bb:cc:dd:ee:ff", "aa-bb-…".
std::optional<MacAddress> parseBootInterface(const QString &value);

// Kernel arguments that make IPA inspect the device and post to our callback (append to the
// device's osie cmdline in its iPXE script / cmdline.txt): the callback URL carries the device's
// token, BOOTIF names the boot NIC, the default collector only (the "logs" collector's base64
// journal can exceed the HTTP service's 1 MiB request limit).
QString kernelArgs(const QString &baseUrl, const MacAddress &mac, const QByteArray &token);

} // namespace ipa
