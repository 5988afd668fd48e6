#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

// Simulation stand-ins for the files a Raspberry Pi 4 fetches (start4.elf, fixup4.dat, DTBs,
// overlays, the arm64 iPXE binary, a kernel and an initrd). Raspberry Pi binaries may not be
// shipped and Debian has no arm64 iPXE, so the demo lab generates these for its *virtual* Pis
// only. Every stand-in is plainly labelled and can never be mistaken for, or work as, the real
// thing: text header "METALBOOT-SIMULATION-STAND-IN", then a deterministic payload whose SHA-256
// the header records, so a damaged copy is detected. Device trees and overlays are real (tiny)
// flattened device trees with a "metalboot,simulation" root, because firmware parses them.
//
// StandInFile::Verifier checks a file the way the virtual Pi's firmware "loads" it: a stand-in
// must be intact and be the file it claims to be; real files are judged by their format (ELF for
// start4.elf, FDT for .dtb/.dtbo, PE/COFF for arm64 for EFI binaries, the arm64 Image or EFI stub
// for kernels), so a virtual Pi pointed at real files judges them like a Pi would.
class StandInFile
{
public:
    static constexpr const char *Magic = "METALBOOT-SIMULATION-STAND-IN";

    enum class Kind { GpuFirmware, Fixup, DeviceTree, EfiApplication, Kernel, Initrd, Other };
    static Kind kindOf(const QString &fileName);

    // The stand-in for `fileName` of about `size` bytes (a device tree stays small).
    static QByteArray make(const QString &fileName, qint64 size);
    // A copy with one payload byte flipped (lab.yaml `virtual: {bad_file: ...}`).
    static QByteArray damage(const QByteArray &standIn);
    // Whether `head` (the first bytes of a file) is one of our stand-ins.
    static bool isStandIn(const QByteArray &head);

    // Streaming check of a downloaded file.
    class Verifier
    {
    public:
        explicit Verifier(const QString &fileName);
        void add(const char *data, qsizetype size);
        // Empty = the firmware accepts the file; otherwise why it does not.
        [[nodiscard]] QString finish();
        [[nodiscard]] bool isStandIn() const { return m_standIn; }

    private:
        QString m_name;
        Kind m_kind;
        QByteArray m_head;              // until the header (or enough of a real file) is read
        bool m_headDone = false;
        bool m_standIn = false;
        QByteArray m_claimedName;
        QByteArray m_claimedHash;
        qint64 m_claimedSize = -1;
        qint64 m_payload = 0;
        qint64 m_total = 0;
        QCryptographicHash m_hash{QCryptographicHash::Sha256};
    };
};
