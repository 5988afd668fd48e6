#pragma once

#include <QString>
#include <QStringList>

// What the Raspberry Pi 4 firmware takes from config.txt for a network boot (the subset that
// decides which files it fetches): start_file/fixup_file (bootloader), armstub, kernel,
// initramfs, device_tree, dtoverlay, cmdline, arm_64bit. Conditional sections [all], [none],
// [pi4], [pi400], [cm4], [pi3]... and [0x<serial>] filters are honoured as the firmware does; a
// later value replaces an earlier one. Pure: the virtual Pi follows what the server generated.
struct PiConfigTxt
{
    QString startFile = QStringLiteral("start4.elf");
    QString fixupFile = QStringLiteral("fixup4.dat");
    QString armstub;                  // empty = the firmware's built-in stub
    QString kernel;                   // empty = default for arm_64bit (kernel8.img)
    QString initramfs;                // "initramfs <file> [followkernel]"
    QString deviceTree;               // empty = the model's DTB
    bool deviceTreeDisabled = false;  // "device_tree=" with no value: no DTB at all
    QString cmdline = QStringLiteral("cmdline.txt");
    QStringList overlays;             // dtoverlay names, in order
    bool arm64 = true;
    QStringList unknownSections;      // filters we did not understand (treated as not matching)

    // The kernel the firmware loads: `kernel` or the model default (kernel8.img for arm_64bit).
    [[nodiscard]] QString kernelFile() const;
    // Device tree for a model: bcm2711-rpi-4-b.dtb, -400.dtb, -cm4.dtb.
    [[nodiscard]] QString deviceTreeFile(const QString &model) const;

    // `model`: pi4, pi400, cm4; `serial`: 8 hex digits. Never fails: unknown lines are ignored,
    // as the firmware does.
    static PiConfigTxt parse(const QString &text, const QString &model = QStringLiteral("pi4"),
                             const QString &serial = {});
};
