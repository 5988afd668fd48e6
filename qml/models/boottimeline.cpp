#include "boottimeline.h"

#include "devices/journalkinds.h"

#include <QCoreApplication>

namespace boottimeline {

namespace {

struct Hint
{
    const char *key;   // journal kind or stage name
    const char *text;
};

// Failure hints by journal kind: what usually causes it in a Pi netboot lab and where to look.
constexpr Hint KindHints[] = {
    {"dhcp.nak", QT_TRANSLATE_NOOP("BootTimeline", "The DHCP server refused the requested address. Check the pool range and the device's reservation, and that no other DHCP server hands out the same subnet.")},
    {"dhcp.refused", QT_TRANSLATE_NOOP("BootTimeline", "Metal Boot ignored the request: the device is not adopted, its netboot is disabled (allow_pxe), or its MAC prefix is not in the Pi list. Adopt it in the Fleet view.")},
    {"dhcp.decline", QT_TRANSLATE_NOOP("BootTimeline", "The device declined the offered address because something else on the network already uses it. Look for a static IP conflict.")},
    {"tftp.failed", QT_TRANSLATE_NOOP("BootTimeline", "A boot file could not be sent over TFTP. Check that the file exists in the TFTP root (Services ▸ Diagnose lists missing boot files), the serial-number folder name, and that UDP port 69 is not blocked by a firewall.")},
    {"http.failed", QT_TRANSLATE_NOOP("BootTimeline", "iPXE could not fetch its script, kernel or initrd over HTTP. Check the HTTP service address is reachable from the device and the files exist under the HTTP root.")},
    {"firmware.failed", QT_TRANSLATE_NOOP("BootTimeline", "The UEFI firmware image for this device could not be produced. Check the firmware profile (base image, variables) assigned to the device.")},
    {"power.failed", QT_TRANSLATE_NOOP("BootTimeline", "The switch did not apply the power change. Check the switch credentials, that the port mapping is right and that the port is not protected.")},
};

// Failure hints by the stage in which the boot failed, when the kind says nothing specific.
constexpr Hint StageHints[] = {
    {"powering-on", QT_TRANSLATE_NOOP("BootTimeline", "Power was applied but the device never asked for an address. Check the cable and PoE budget, that the Pi's EEPROM BOOT_ORDER includes network boot (0x2), and that the switch port is in the lab VLAN with spanning tree portfast.")},
    {"dhcp", QT_TRANSLATE_NOOP("BootTimeline", "The DHCP exchange did not complete. In proxy mode another DHCP server must give the address; in full mode check the pool. Another PXE server on the segment can also answer first.")},
    {"tftp", QT_TRANSLATE_NOOP("BootTimeline", "The bootloader stopped while fetching files over TFTP. Check start4.elf, fixup4.dat, config.txt and RPI_EFI.fd in the TFTP root and the firewall for UDP 69.")},
    {"uefi", QT_TRANSLATE_NOOP("BootTimeline", "UEFI started but did not reach iPXE. Check the profile's boot order (the network entry first), and that the boot file for UEFI clients is served.")},
    {"ipxe", QT_TRANSLATE_NOOP("BootTimeline", "iPXE started but did not load an operating system. Check the device's iPXE script or script URL and the HTTP service.")},
    {"os-loading", QT_TRANSLATE_NOOP("BootTimeline", "The kernel was loaded but the operating system never reported in. Check the kernel command line (console, root=) and the device's serial console.")},
};

constexpr Hint StallHints[] = {
    {"powering-on", QT_TRANSLATE_NOOP("BootTimeline", "No DHCP request since power-on. Is network boot in the Pi's BOOT_ORDER, is the cable in the right switch port, and is spanning tree delaying the link (enable portfast)?")},
    {"dhcp", QT_TRANSLATE_NOOP("BootTimeline", "The device keeps asking for an address without moving on to TFTP. In proxy mode, check that the main DHCP server answers; check for other PXE servers on the segment.")},
    {"tftp", QT_TRANSLATE_NOOP("BootTimeline", "TFTP transfers started but the firmware never started. Look in the journal for files that were not found, and check the TFTP root.")},
    {"uefi", QT_TRANSLATE_NOOP("BootTimeline", "UEFI has been running for a long time without network boot. The boot order may start with another device, or UEFI is waiting at a prompt.")},
    {"ipxe", QT_TRANSLATE_NOOP("BootTimeline", "iPXE is running but has not fetched a kernel. The script may be waiting or failing; check the HTTP service and the device's console.")},
    {"os-loading", QT_TRANSLATE_NOOP("BootTimeline", "The operating system is taking very long to come up. Check the device's console for a kernel panic or a root filesystem that cannot be mounted.")},
};

QString lookup(const Hint *table, size_t n, const QString &key)
{
    for (size_t i = 0; i < n; ++i)
        if (key == QLatin1String(table[i].key))
            return QCoreApplication::translate("BootTimeline", table[i].text);
    return {};
}

} // namespace

bool isTerminal(BootStage stage)
{
    return stage == BootStage::OsUp || stage == BootStage::Off || stage == BootStage::Error || stage == BootStage::Unknown;
}

bool startsNewAttempt(BootStage current, BootStage next)
{
    if (next == BootStage::PoweringOn)
        return current != BootStage::PoweringOn;
    if (current == BootStage::Unknown)
        return true;
    if ((current == BootStage::Error || current == BootStage::Off) && next != BootStage::Error && next != BootStage::Off)
        return true;
    // The Pi bootloader starting over; a DHCP after UEFI/iPXE/kernel is that stage's own DHCP.
    return next == BootStage::Dhcp && (current == BootStage::Tftp || current == BootStage::OsUp);
}

int stallSeconds(BootStage stage)
{
    switch (stage) {
    case BootStage::PoweringOn: return 45;
    case BootStage::Dhcp: return 60;
    case BootStage::Tftp: return 120;
    case BootStage::Uefi: return 120;
    case BootStage::Ipxe: return 180;
    case BootStage::OsLoading: return 600;
    default: return 0;
    }
}

QString failureHint(const QString &kind, BootStage stage)
{
    QString hint = lookup(KindHints, std::size(KindHints), kind);
    if (hint.isEmpty())
        hint = lookup(StageHints, std::size(StageHints), bootstage::toString(stage));
    if (hint.isEmpty())
        hint = QCoreApplication::translate("BootTimeline", "Look at the journal below for the first error of this boot.");
    return hint;
}

QString stallHint(BootStage stage)
{
    return lookup(StallHints, std::size(StallHints), bootstage::toString(stage));
}

Timeline build(const QList<JournalEvent> &events, const QDateTime &now)
{
    Timeline t;
    const JournalEvent *lastError = nullptr;   // newest error-severity event of the attempt
    for (const JournalEvent &e : events) {
        const BootStage current = t.steps.isEmpty() ? BootStage::Unknown : t.steps.constLast().stage;
        if (e.stage == BootStage::Unknown || e.stage == current) {
            if (!t.steps.isEmpty()) {
                Step &s = t.steps.last();
                ++s.events;
                if (s.detail.isEmpty())
                    s.detail = e.data.value(QStringLiteral("file")).toString();
            }
            if (e.severity == JournalEvent::Severity::Error && !t.steps.isEmpty())
                lastError = &e;
            continue;
        }
        if (startsNewAttempt(current, e.stage)) {
            t.steps.clear();
            t.failed = false;
            t.failedStage = BootStage::Unknown;
            t.failureKind.clear();
            t.failureMessage.clear();
            lastError = nullptr;
            ++t.attempts;
        }
        if (!t.steps.isEmpty())
            t.steps.last().end = e.time;
        if (e.stage == BootStage::Error && !t.steps.isEmpty() && !t.failed) {
            Step &failing = t.steps.last();
            failing.failed = true;
            t.failed = true;
            t.failedStage = failing.stage;
            // A generic "boot failed" marker defers to the specific error that preceded it.
            const bool generic = e.kind.isEmpty() || e.kind == QLatin1String(journalkind::StageChanged)
                || e.kind == QLatin1String(journalkind::Note);
            const JournalEvent &cause = generic && lastError ? *lastError : e;
            t.failureKind = cause.kind;
            t.failureMessage = cause.message;
        }
        Step step;
        step.stage = e.stage;
        step.start = e.time;
        step.events = 1;
        step.detail = e.data.value(QStringLiteral("file")).toString();
        t.steps.append(step);
        if (e.severity == JournalEvent::Severity::Error)
            lastError = &e;
    }
    if (t.failed) {
        t.hint = failureHint(t.failureKind, t.failedStage);
    } else if (!t.steps.isEmpty()) {
        Step &last = t.steps.last();
        const int limit = stallSeconds(last.stage);
        if (limit > 0 && last.start.secsTo(now) > limit) {
            last.stalled = true;
            t.stalled = true;
            t.failedStage = last.stage;
            t.hint = stallHint(last.stage);
        }
    }
    return t;
}

} // namespace boottimeline
