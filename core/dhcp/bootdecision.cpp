#include "bootdecision.h"

#include "pxeoptions.h"

#include <QUrl>
#include <QtEndian>

namespace dhcp {

QString clientKindName(ClientKind kind)
{
    switch (kind) {
    case ClientKind::Other: return QStringLiteral("other");
    case ClientKind::PiBootloader: return QStringLiteral("pi-bootloader");
    case ClientKind::Pxe: return QStringLiteral("pxe");
    case ClientKind::HttpBoot: return QStringLiteral("http-boot");
    case ClientKind::Ipxe: return QStringLiteral("ipxe");
    }
    return QStringLiteral("other");
}

int archFromVendorClass(const QByteArray &vc)
{
    // PXEClient:Arch:AAAAA:UNDI:MMMmmm / HTTPClient:Arch:AAAAA:...
    const int at = int(vc.indexOf(":Arch:"));
    if (at < 0)
        return -1;
    const int start = at + 6;
    int end = start;
    while (end < vc.size() && end - start < 5 && vc.at(end) >= '0' && vc.at(end) <= '9')
        ++end;
    if (end - start != 5 || (end < vc.size() && vc.at(end) != ':'))
        return -1;
    bool ok = false;
    const int v = vc.mid(start, 5).toInt(&ok);
    return ok && v <= 0xffff ? v : -1;
}

bool isHttpArch(int arch)
{
    switch (arch) {
    case 0x0f: case 0x10: case 0x12: case 0x13: case 0x1a: case 0x1c:
        return true;
    default:
        return false;
    }
}

QString archKeyFor(int arch)
{
    switch (arch) {
    case 0x00: return QStringLiteral("bios");
    case 0x06: return QStringLiteral("ia32_uefi");
    case 0x07:                                       // x64 UEFI (IANA, RFC 4578 erratum 4624)
    case 0x09: return QStringLiteral("x64_uefi");    // EBC, sent by x64 firmware that follows the RFC text
    case 0x0a: return QStringLiteral("arm32_uefi");
    case 0x0b: return QStringLiteral("arm64_uefi");
    case 0x0f: return QStringLiteral("ia32_uefi");   // x86 UEFI HTTP: the IA32 binary over HTTP
    case 0x10: return QStringLiteral("x64_http");
    case 0x12: return QStringLiteral("arm32_uefi");  // ARM32 UEFI HTTP
    case 0x13: return QStringLiteral("arm64_http");
    case 0x1b:                                       // RISC-V 64 UEFI
    case 0x1c: return QStringLiteral("riscv64_uefi"); // RISC-V 64 UEFI HTTP
    default: return {};
    }
}

QString archDescription(int arch)
{
    switch (arch) {
    case -1: return QStringLiteral("unknown architecture");
    case 0x00: return QStringLiteral("x86 BIOS");
    case 0x06: return QStringLiteral("IA32 UEFI");
    case 0x07: return QStringLiteral("x64 UEFI");
    case 0x09: return QStringLiteral("EBC (x64 UEFI)");
    case 0x0a: return QStringLiteral("ARM32 UEFI");
    case 0x0b: return QStringLiteral("ARM64 UEFI");
    case 0x0f: return QStringLiteral("x86 UEFI HTTP");
    case 0x10: return QStringLiteral("x64 UEFI HTTP");
    case 0x12: return QStringLiteral("ARM32 UEFI HTTP");
    case 0x13: return QStringLiteral("ARM64 UEFI HTTP");
    case 0x1b: return QStringLiteral("RISC-V 64 UEFI");
    case 0x1c: return QStringLiteral("RISC-V 64 UEFI HTTP");
    case 0x29: return QStringLiteral("Raspberry Pi boot");
    default: return QStringLiteral("architecture %1").arg(arch);
    }
}

QString piModelFromRevision(quint32 rev)
{
    if (!(rev & 0x00800000))   // old-style revision codes predate the Pi 4
        return {};
    switch ((rev >> 4) & 0xff) {
    case 0x11: return QStringLiteral("pi4");
    case 0x13: return QStringLiteral("pi400");
    case 0x14: return QStringLiteral("cm4");
    case 0x15: return QStringLiteral("cm4s");
    case 0x17: return QStringLiteral("pi5");
    case 0x18: return QStringLiteral("cm5");
    case 0x19: return QStringLiteral("pi500");
    default: return {};
    }
}

namespace {

bool userClassMatches(const QByteArray &uc, const QByteArray &w)
{
    if (uc.isEmpty() || w.isEmpty())
        return false;
    if (uc == w)                      // iPXE sends the raw string, not RFC 3004 (observed)
        return true;
    int i = 0;                        // RFC 3004: a list of length-prefixed class names
    while (i < uc.size()) {
        const int len = quint8(uc.at(i));
        if (len == 0 || i + 1 + len > uc.size())
            return false;
        if (uc.mid(i + 1, len) == w)
            return true;
        i += 1 + len;
    }
    return false;
}

bool macIsPi(const MacAddress &mac, const QList<MacAddress> &prefixes)
{
    if (!mac.isValid())
        return false;
    for (const MacAddress &prefix : prefixes)
        if (mac.hasPrefix(prefix, 3))
            return true;
    return false;
}

BootDecision refuse(const QString &code, const QString &reason, BootStage stage = BootStage::Unknown)
{
    BootDecision d;
    d.refusalCode = code;
    d.reason = reason;
    d.stage = stage;
    return d;
}

BootStage stageFor(const ClientInfo &c)
{
    switch (c.kind) {
    case ClientKind::PiBootloader: return BootStage::Dhcp;
    case ClientKind::Ipxe: return BootStage::Ipxe;
    case ClientKind::HttpBoot: return BootStage::Uefi;
    case ClientKind::Pxe: return c.arch == 0 ? BootStage::Dhcp : BootStage::Uefi;
    case ClientKind::Other: return BootStage::Unknown;
    }
    return BootStage::Unknown;
}

bool isUrl(const QString &s)
{
    return s.startsWith(QLatin1String("http://")) || s.startsWith(QLatin1String("https://"))
        || s.startsWith(QLatin1String("tftp://"));
}

} // namespace

ClientRules::ClientRules(const DhcpConfig &config)
    : ipxeUserClass(config.ipxeUserClass.toUtf8())
{
    for (const QString &p : config.piMacPrefixes)
        if (const auto prefix = MacAddress::parse(p + QStringLiteral(":00:00:00")))
            piPrefixes.append(*prefix);
}

ClientInfo classifyClient(const Packet &request, const DhcpConfig &config)
{
    return classifyClient(request, ClientRules(config));
}

ClientInfo classifyClient(const Packet &request, const ClientRules &rules)
{
    ClientInfo c;
    c.mac = request.mac();
    c.vendorClass = request.option(opt::VendorClass);
    c.piMac = macIsPi(c.mac, rules.piPrefixes);

    if (const Option *a = request.find(opt::ClientArch); a && a->data.size() >= 2)
        c.arch = qFromBigEndian<quint16>(a->data.constData());
    else
        c.arch = archFromVendorClass(c.vendorClass);
    c.archKey = archKeyFor(c.arch);

    const QByteArray g = request.option(opt::ClientGuid);
    if (g.size() == 17 && g.at(0) == '\0')
        c.guid = g;
    else if (!g.isEmpty())
        c.note = QStringLiteral("option 97 of %1 bytes ignored").arg(g.size());
    if (g.size() >= 5 && g.startsWith(QByteArrayLiteral("\x00RPi4"))) {
        c.piGuid = true;
        if (g.size() == 17) {
            // 00 "RPi4" | board revision (u32) | low 4 bytes of the MAC | serial (u32), written by the
            // little-endian bootloader as native integers ("RPi4" is 0x34695052 the same way).
            c.piRevision = qFromLittleEndian<quint32>(g.constData() + 5);
            c.piSerial = QString::fromLatin1(QByteArray::number(qFromLittleEndian<quint32>(g.constData() + 13), 16).rightJustified(8, '0'));
            c.piModel = piModelFromRevision(c.piRevision);
        }
    }

    const bool pxeVendor = c.vendorClass.startsWith("PXEClient");
    const bool httpVendor = c.vendorClass.startsWith("HTTPClient");
    const bool ipxe = request.has(opt::IpxeEncap) || userClassMatches(request.option(opt::UserClass), rules.ipxeUserClass);

    if (ipxe)
        c.kind = ClientKind::Ipxe;
    else if (httpVendor)
        c.kind = ClientKind::HttpBoot;
    else if (pxeVendor && (c.piGuid || (c.piMac && (c.arch == 0 || c.arch == 0x29 || c.arch == -1))))
        c.kind = ClientKind::PiBootloader;
    else if (pxeVendor)
        c.kind = ClientKind::Pxe;
    else
        c.note = QStringLiteral("no PXEClient/HTTPClient vendor class");
    return c;
}

QString resolveBaseUrl(const QString &baseUrl, quint32 serverIp)
{
    QString base = baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (base.isEmpty())
        return base;
    QUrl url(base);
    if (url.isValid() && (url.host() == QLatin1String("0.0.0.0") || url.host().isEmpty()) && serverIp != 0) {
        url.setHost(ipToString(serverIp));
        base = url.toString();
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
    }
    return base;
}

QString ipxeScriptUrl(const QString &baseUrl, const MacAddress &mac)
{
    return baseUrl + QStringLiteral("/boot/") + mac.toString() + QStringLiteral(".ipxe");
}

BootDecision decideBoot(const ClientInfo &c, const BootContext &ctx, const DhcpConfig &config)
{
    if (!c.isNetboot())
        return refuse(QStringLiteral("not-netboot"), c.note.isEmpty() ? QStringLiteral("not a netboot request") : c.note);
    const BootStage stage = stageFor(c);
    if (ctx.device && !ctx.device->allowPxe)
        return refuse(QStringLiteral("allow-pxe-false"), QStringLiteral("netboot disabled for this device (allow_pxe: false)"), stage);

    const bool hdd = ctx.override.isActive() && ctx.override.target == BootOverride::Target::Hdd;
    if (hdd) {
        // A Pi in UEFI mode still needs its firmware over TFTP: the rendered RPI_EFI.fd carries the
        // disk boot (BootNext), and the UEFI-stage PXE request of the same boot is refused below.
        const bool uefiPi = c.kind == ClientKind::PiBootloader && (!ctx.device || ctx.device->bootMode == BootMode::Uefi);
        if (!uefiPi)
            return refuse(QStringLiteral("override-hdd"),
                          QStringLiteral("boot override %1 (%2): boot from disk, no netboot answer")
                              .arg(BootOverride::targetName(ctx.override.target), BootOverride::enabledName(ctx.override.enabled)),
                          stage);
    }

    BootDecision d;
    d.stage = stage;
    d.vendorClass = QByteArrayLiteral("PXEClient");
    switch (c.kind) {
    case ClientKind::PiBootloader:
        // The Pi takes 43 + 66 (+ siaddr/54) and ignores option 67; never give it a BIOS boot file.
        static const QByteArray piMenu = serializePxeVendorOptions(raspberryPiBootMenu());   // immutable
        d.option43 = piMenu;
        d.announceTftp = true;
        d.reason = hdd ? QStringLiteral("Raspberry Pi bootloader; UEFI firmware handles the disk boot override")
                       : QStringLiteral("Raspberry Pi bootloader");
        break;
    case ClientKind::Ipxe:
        if (ctx.httpBaseUrl.isEmpty())
            return refuse(QStringLiteral("no-http"), QStringLiteral("iPXE needs the HTTP service for its script"), stage);
        d.bootFile = ipxeScriptUrl(ctx.httpBaseUrl, c.mac).toUtf8();
        d.reason = QStringLiteral("iPXE: per-device script");
        break;
    case ClientKind::HttpBoot: {
        if (c.archKey.isEmpty())
            return refuse(QStringLiteral("unsupported-arch"), QStringLiteral("no boot file for %1").arg(archDescription(c.arch)), stage);
        const QString file = config.bootFiles.value(c.archKey);
        if (file.isEmpty())
            return refuse(QStringLiteral("no-boot-file"), QStringLiteral("boot_files.%1 is not set").arg(c.archKey), stage);
        if (!isUrl(file) && ctx.httpBaseUrl.isEmpty())
            return refuse(QStringLiteral("no-http"), QStringLiteral("UEFI HTTP boot needs the HTTP service"), stage);
        d.vendorClass = QByteArrayLiteral("HTTPClient");
        d.bootFile = (isUrl(file) ? file : ctx.httpBaseUrl + QLatin1Char('/') + file).toUtf8();
        d.reason = QStringLiteral("UEFI HTTP boot (%1)").arg(archDescription(c.arch));
        break;
    }
    case ClientKind::Pxe: {
        if (c.archKey.isEmpty())
            return refuse(QStringLiteral("unsupported-arch"), QStringLiteral("no boot file for %1").arg(archDescription(c.arch)), stage);
        const QString file = config.bootFiles.value(c.archKey);
        if (file.isEmpty())
            return refuse(QStringLiteral("no-boot-file"), QStringLiteral("boot_files.%1 is not set").arg(c.archKey), stage);
        d.bootFile = file.toUtf8();
        d.announceTftp = true;
        // BIOS PXE ROMs honour "boot file in the offer" (discovery control 8); UEFI firmware gets no
        // option 43 (some ignore proxy offers that bypass discovery) and asks on port 4011 instead.
        if (c.arch == 0) {
            static const QByteArray direct = serializePxeVendorOptions(directBootFile());   // immutable
            d.option43 = direct;
        }
        d.reason = QStringLiteral("%1 PXE").arg(archDescription(c.arch));
        break;
    }
    case ClientKind::Other:
        break;
    }
    d.answer = true;
    return d;
}

} // namespace dhcp
