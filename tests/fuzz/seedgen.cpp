// Writes the binary seed inputs of the fuzz corpora (tests/fuzz/corpus/<target>/seed-*), built with
// the engine itself and the packets captured for the DHCP tests - never copied from ../shared:
//
//   fuzz_seedgen <corpus-dir>
//
// EFI stores are small synthetic volumes (4 KiB: FV header, authenticated or plain store, FTW
// working block) and bare stores, holding the variables a Pi's store really has (Boot#### PXE /
// HTTP / disk entries, BootOrder, BootNext, Timeout, Pi settings). Each seed is checked to parse.
// Text seeds (YAML, JSON, HTTP requests, scripts) are committed as written by hand.

#include "../core/dhcpfixtures.h"

#include "dhcp/dhcplease.h"
#include "efi/bootentries.h"
#include "efi/blankimage.h"
#include "efi/efibytes.h"
#include "efi/efiguid.h"
#include "efi/firmwarevolume.h"
#include "efi/pisettings.h"
#include "efi/varjson.h"
#include "efi/varstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>

namespace {

QString g_out;
int g_failures = 0;

void write(const QString &target, const QString &name, const QByteArray &bytes)
{
    QDir().mkpath(g_out + QLatin1Char('/') + target);
    QFile f(g_out + QLatin1Char('/') + target + QLatin1Char('/') + name);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(f.fileName()));
        ++g_failures;
    }
}

// A 4 KiB NV firmware volume: 2 blocks of 2 KiB; store in the first, FTW working block in the second.
QByteArray smallVolume(bool plain)
{
    constexpr qsizetype Length = 0x1000;
    constexpr qsizetype Block = 0x800;
    QByteArray fv(Length, char(0xff));
    char *h = fv.data();
    std::memset(h, 0, 0x48);
    efi::writeGuid(h + 0x10, efi::guids::NvDataFv);
    efi::put64(h + 0x20, Length);
    efi::put32(h + 0x28, 0x4856465f);
    efi::put32(h + 0x2c, 0x0004feff);
    efi::put16(h + 0x30, 0x48);
    h[0x37] = 2;
    efi::put32(h + 0x38, 2);
    efi::put32(h + 0x3c, quint32(Block));
    efi::put16(h + 0x32, quint16(0x10000 - efi::fvHeaderSum(h, 0x48)) & 0xffff);
    char *s = h + 0x48;
    efi::writeGuid(s, plain ? efi::guids::VariableStore : efi::guids::AuthVariableStore);
    efi::put32(s + 0x10, quint32(Block - 0x48));
    s[0x14] = char(0x5a);
    s[0x15] = char(0xfe);
    std::memset(s + 0x16, 0, 6);
    char *w = h + Block;
    efi::writeGuid(w, efi::guids::FtwWorkingBlock);
    const quint64 queue = Block - 32;
    efi::put64(w + 24, queue);
    efi::put32(w + 16, efi::ftwHeaderCrc(queue));
    w[20] = char(0xfe);
    return fv;
}

// A bare store (no FV header): store header + variable area.
QByteArray bareStore(bool plain)
{
    QByteArray st(0x800, char(0xff));
    char *s = st.data();
    efi::writeGuid(s, plain ? efi::guids::VariableStore : efi::guids::AuthVariableStore);
    efi::put32(s + 0x10, quint32(st.size()));
    s[0x14] = char(0x5a);
    s[0x15] = char(0xfe);
    std::memset(s + 0x16, 0, 6);
    return st;
}

std::optional<efi::VarStore> parse(const QByteArray &image, const char *what)
{
    auto store = efi::VarStore::parse(image);
    if (!store.ok()) {
        std::fprintf(stderr, "%s does not parse: %s\n", what, qPrintable(store.error()));
        ++g_failures;
        return std::nullopt;
    }
    return store.value();
}

QByteArray populated(const QByteArray &empty, int variant, const char *what)
{
    auto store = parse(empty, what);
    if (!store)
        return {};
    const MacAddress mac({0xdc, 0xa6, 0x32, 0x01, 0x36, 0xc2});
    efi::addBootEntry(*store, efi::makePxeEntry(mac), efi::Placement::First);
    if (variant >= 1) {
        efi::addBootEntry(*store, efi::makeHttpEntry(mac, QStringLiteral("http://10.77.0.1:8080/boot/arm64.efi")),
                          efi::Placement::Last);
        efi::setTimeout(*store, 5);
        efi::applyPiSetting(*store, QStringLiteral("CpuClock"), QStringLiteral("2"));
    }
    if (variant >= 2) {
        efi::DevicePath disk({efi::DevicePathNode::emmc(0),
                              efi::DevicePathNode::hardDriveGpt(1, 2048, 524288, QUuid(QStringLiteral("{8c6f7b63-9d7d-4a52-9a3a-6e0f5e0cfd1a}")))});
        efi::addBootEntry(*store, efi::makeDiskEntry(QStringLiteral("eMMC"), disk, QStringLiteral("\\EFI\\BOOT\\BOOTAA64.EFI")),
                          efi::Placement::Last);
        efi::setBootNext(*store, 0);
        efi::applyPiSetting(*store, QStringLiteral("RamLimitTo3GB"), QStringLiteral("0"));
    }
    auto image = store->serialize();
    if (!image.ok()) {
        std::fprintf(stderr, "%s: serialize failed: %s\n", what, qPrintable(image.error()));
        ++g_failures;
        return {};
    }
    parse(image.value(), what);
    return image.value();
}

void efiSeeds()
{
    // fuzz_efi_varstore: one control byte (which override to render), then the image.
    int n = 0;
    for (bool plain : {false, true})
        for (int variant : {0, 2})
            write(QStringLiteral("efi_varstore"), QStringLiteral("seed-volume-%1").arg(n++),
                  char(variant * 0x29 + int(plain)) + populated(smallVolume(plain), variant, "small volume"));
    for (int variant = 0; variant < 3; ++variant)
        write(QStringLiteral("efi_varstore"), QStringLiteral("seed-bare-%1").arg(variant),
              char(variant * 0x13 + 1) + populated(bareStore(variant == 1), variant, "bare store"));
    write(QStringLiteral("efi_varstore"), QStringLiteral("seed-empty-volume"), QByteArray(1, '\0') + smallVolume(false));

    // Load options and device paths: control byte 0 = load option, 1 = bare device path list.
    const MacAddress mac({0xdc, 0xa6, 0x32, 0x01, 0x36, 0xc2});
    const QList<efi::LoadOption> options = {
        efi::makePxeEntry(mac),
        efi::makePxeEntry(mac, efi::IpVersion::V6),
        efi::makeHttpEntry(mac, QStringLiteral("http://10.77.0.1:8080/boot/arm64.efi")),
        efi::makeDiskEntry(QStringLiteral("SD card"),
                           efi::DevicePath({efi::DevicePathNode::acpi(efi::dp::PciRootHid, 0), efi::DevicePathNode::pci(0, 0),
                                            efi::DevicePathNode::sd(0),
                                            efi::DevicePathNode::hardDriveMbr(1, 8192, 1048576, 0x12345678)}),
                           QStringLiteral("\\EFI\\debian\\grubaa64.efi")),
        efi::makeDiskEntry(QStringLiteral("NVMe"),
                           efi::DevicePath({efi::DevicePathNode::nvme(1, 0x0011223344556677ULL),
                                            efi::DevicePathNode::sata(0)})),
        efi::makeFileEntry(QStringLiteral("UEFI Shell"), QStringLiteral("\\EFI\\Shell.efi")),
    };
    for (int i = 0; i < options.size(); ++i) {
        write(QStringLiteral("efi_loadoption"), QStringLiteral("seed-option-%1").arg(i), QByteArray(1, '\0') + options.at(i).encode());
        write(QStringLiteral("efi_loadoption"), QStringLiteral("seed-path-%1").arg(i), QByteArray(1, '\1') + options.at(i).filePathList);
    }
    efi::DevicePath multi;
    const QByteArray twoInstances = efi::DevicePath({efi::DevicePathNode::usb(1, 0)}).encode().chopped(4)
        + QByteArray::fromHex("7f010400") + efi::DevicePath({efi::DevicePathNode::fv(efi::guids::GlobalVariable),
                                                             efi::DevicePathNode::fvFile(efi::guids::RpiConfigDxe)}).encode();
    write(QStringLiteral("efi_loadoption"), QStringLiteral("seed-path-instances"), QByteArray(1, '\1') + twoInstances);

    // virt-fw-vars JSON of a populated store.
    if (auto store = parse(populated(smallVolume(false), 2, "json source"), "json source"))
        write(QStringLiteral("efi_varjson"), QStringLiteral("seed-store.json"), efi::variablesToJson(store->variables()));

    // Firmware import: a raw image, a JSON file and small pftf-like release archives.
    const QByteArray image = populated(smallVolume(false), 1, "import image");
    write(QStringLiteral("efi_import"), QStringLiteral("seed-image.fd"), image);
    QTemporaryDir dir;
    const QString rel = dir.filePath(QStringLiteral("pftf"));
    QDir().mkpath(rel + QStringLiteral("/overlays"));
    auto put = [](const QString &path, const QByteArray &data) {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(data);
    };
    put(rel + QStringLiteral("/RPI_EFI.fd"), image);
    put(rel + QStringLiteral("/config.txt"), "arm_64bit=1\nenable_uart=1\nuart_2ndstage=1\narmstub=RPI_EFI.fd\n");
    put(rel + QStringLiteral("/fixup4.dat"), QByteArray(64, 'f'));
    put(rel + QStringLiteral("/overlays/miniuart-bt.dtbo"), QByteArray(48, 'o'));
    const QList<QStringList> archives = {
        {QStringLiteral("zip"), QStringLiteral("-q"), QStringLiteral("-r"), dir.filePath(QStringLiteral("release.zip")), QStringLiteral("pftf")},
        {QStringLiteral("tar"), QStringLiteral("-czf"), dir.filePath(QStringLiteral("release.tar.gz")), QStringLiteral("pftf")},
    };
    for (const QStringList &cmd : archives) {
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.start(cmd.first(), cmd.mid(1));
        if (!p.waitForFinished(30000) || p.exitCode() != 0) {
            std::fprintf(stderr, "%s failed (is it installed?)\n", qPrintable(cmd.first()));
            ++g_failures;
            continue;
        }
        const QString file = cmd.at(cmd.first() == QLatin1String("zip") ? 3 : 2);
        QFile f(file);
        f.open(QIODevice::ReadOnly);
        write(QStringLiteral("efi_import"), QStringLiteral("seed-") + QFileInfo(file).fileName(), f.readAll());
    }
}

void dhcpSeeds()
{
    const QList<QPair<const char *, QByteArray>> packets = {
        {"pi-discover", dhcpfixture::piDiscover()},         {"dnsmasq-pi-offer", dhcpfixture::dnsmasqPiOffer()},
        {"arm64-discover", dhcpfixture::arm64Discover()},   {"dnsmasq-arm64-offer", dhcpfixture::dnsmasqArm64Offer()},
        {"ipxe-discover", dhcpfixture::ipxeDiscover()},     {"dnsmasq-ipxe-offer", dhcpfixture::dnsmasqIpxeOffer()},
        {"dnsmasq-pxe-ack", dhcpfixture::dnsmasqPxeAck()},  {"plain-discover", dhcpfixture::plainDiscover()},
    };
    for (const auto &p : packets)
        write(QStringLiteral("dhcp_packet"), QStringLiteral("seed-") + QLatin1String(p.first), p.second);
    // The same DISCOVER as a REQUEST to port 4011 with option 43 (PXE boot item 71) and 57.
    QByteArray request = dhcpfixture::piDiscover();
    const qsizetype end = request.lastIndexOf(char(0xff));
    const QByteArray extra = QByteArray::fromHex("2b07470400000000ff" "39020240" "ff");
    request.replace(end, 1, extra);
    request[request.indexOf(QByteArray::fromHex("350101")) + 2] = 3; // REQUEST
    write(QStringLiteral("dhcp_packet"), QStringLiteral("seed-pxe-request"), request);

    QFile leases(QStringLiteral(TEST_DATA_DIR "/dhcp/dnsmasq.leases"));
    if (leases.open(QIODevice::ReadOnly))
        write(QStringLiteral("dhcp_leasefile"), QStringLiteral("seed-dnsmasq.leases"), leases.readAll());
    else
        ++g_failures;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <corpus-dir>\n", argv[0]);
        return 2;
    }
    g_out = QString::fromLocal8Bit(argv[1]);
    efiSeeds();
    dhcpSeeds();
    if (g_failures) {
        std::fprintf(stderr, "%d seeds could not be made\n", g_failures);
        return 1;
    }
    std::printf("seeds written to %s\n", argv[1]);
    return 0;
}
