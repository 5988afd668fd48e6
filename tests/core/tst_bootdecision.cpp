#include "config/sections.h"
#include "dhcp/bootdecision.h"
#include "dhcp/pxeoptions.h"
#include "dhcpfixtures.h"

#include <QTest>

using namespace dhcp;

namespace {

Packet parse(const QByteArray &wire)
{
    Packet p;
    const ParseResult r = parsePacket(wire, &p);
    if (!r.ok())
        qFatal("fixture does not parse: %s", qPrintable(r.detail));
    return p;
}

Packet withMac(Packet p, const char *mac)
{
    p.chaddr = MacAddress::parse(QLatin1String(mac))->toBytes() + QByteArray(10, '\0');
    return p;
}

Packet withArch(Packet p, quint16 arch, const QByteArray &vendorClass)
{
    p.setOption16(opt::ClientArch, arch);
    p.setOption(opt::VendorClass, vendorClass);
    return p;
}

DhcpConfig labConfig()
{
    DhcpConfig c;
    c.bootFiles = config::defaultBootFiles();
    c.piMacPrefixes = config::defaultPiMacPrefixes();
    return c;
}

BootContext context(const DeviceConfig *device = nullptr, BootOverride override = {})
{
    BootContext ctx;
    ctx.serverIp = 0x0a4d0001;
    ctx.httpBaseUrl = QStringLiteral("http://10.77.0.1:8080");
    ctx.device = device;
    ctx.override = override;
    return ctx;
}

BootOverride overrideOf(BootOverride::Target target, BootOverride::Enabled enabled)
{
    BootOverride o;
    o.target = target;
    o.enabled = enabled;
    return o;
}

} // namespace

Q_DECLARE_METATYPE(dhcp::Packet)
Q_DECLARE_METATYPE(dhcp::ClientKind)

class TestBootDecision : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<Packet>("request");
        QTest::addColumn<ClientKind>("kind");
        QTest::addColumn<int>("arch");
        QTest::addColumn<QString>("archKey");
        QTest::addColumn<QString>("serial");
        QTest::addColumn<QString>("model");

        const Packet pi = parse(dhcpfixture::piDiscover());
        const Packet arm = parse(dhcpfixture::arm64Discover());
        QTest::newRow("pi4 bootloader (97 RPi4)") << pi << ClientKind::PiBootloader << 0 << "bios" << "9ffefdef" << "pi4";
        QTest::newRow("pi4 with a non-Pi MAC (97 decides)") << withMac(pi, "02:00:00:00:00:01") << ClientKind::PiBootloader << 0
                                                             << "bios" << "9ffefdef" << "pi4";
        Packet noGuid = pi;
        noGuid.removeOption(opt::ClientGuid);
        QTest::newRow("Pi MAC, arch 0, no 97") << noGuid << ClientKind::PiBootloader << 0 << "bios" << "" << "";
        QTest::newRow("newer Pi prefix 2c:cf:67") << withMac(noGuid, "2c:cf:67:00:00:01") << ClientKind::PiBootloader << 0
                                                  << "bios" << "" << "";
        QTest::newRow("BIOS PC (not a Pi)") << withMac(noGuid, "52:54:00:12:34:56") << ClientKind::Pxe << 0 << "bios" << "" << "";
        QTest::newRow("Pi UEFI firmware (arch 11)") << withMac(arm, "dc:a6:32:01:36:c2") << ClientKind::Pxe << 11 << "arm64_uefi"
                                                    << "" << "";
        QTest::newRow("arm64 UEFI") << arm << ClientKind::Pxe << 11 << "arm64_uefi" << "" << "";
        QTest::newRow("x64 UEFI (7)") << withArch(arm, 7, "PXEClient:Arch:00007:UNDI:003000") << ClientKind::Pxe << 7 << "x64_uefi"
                                      << "" << "";
        QTest::newRow("EBC (9) as x64") << withArch(arm, 9, "PXEClient:Arch:00009:UNDI:003000") << ClientKind::Pxe << 9 << "x64_uefi"
                                        << "" << "";
        QTest::newRow("ia32 UEFI") << withArch(arm, 6, "PXEClient:Arch:00006:UNDI:003000") << ClientKind::Pxe << 6 << "ia32_uefi"
                                   << "" << "";
        QTest::newRow("riscv64 UEFI") << withArch(arm, 0x1b, "PXEClient:Arch:00027:UNDI:003000") << ClientKind::Pxe << 27
                                      << "riscv64_uefi" << "" << "";
        QTest::newRow("itanium (unsupported)") << withArch(arm, 2, "PXEClient:Arch:00002:UNDI:003000") << ClientKind::Pxe << 2 << ""
                                               << "" << "";
        QTest::newRow("x64 HTTP boot") << withArch(arm, 16, "HTTPClient:Arch:00016:UNDI:003000") << ClientKind::HttpBoot << 16
                                       << "x64_http" << "" << "";
        QTest::newRow("arm64 HTTP boot") << withArch(arm, 19, "HTTPClient:Arch:00019:UNDI:003000") << ClientKind::HttpBoot << 19
                                         << "arm64_http" << "" << "";
        QTest::newRow("iPXE (77 + 175)") << parse(dhcpfixture::ipxeDiscover()) << ClientKind::Ipxe << 7 << "x64_uefi" << "" << "";
        Packet only175 = arm;
        only175.setOption(opt::IpxeEncap, QByteArray::fromHex("eb03010000"));
        QTest::newRow("iPXE by 175 only") << only175 << ClientKind::Ipxe << 11 << "arm64_uefi" << "" << "";
        Packet uc = arm;
        uc.setOption(opt::UserClass, QByteArray("\x04iPXE", 5));
        QTest::newRow("iPXE by RFC 3004 user class") << uc << ClientKind::Ipxe << 11 << "arm64_uefi" << "" << "";
        Packet otherUc = arm;
        otherUc.setOption(opt::UserClass, QByteArray("Ironic"));
        QTest::newRow("other user class is PXE") << otherUc << ClientKind::Pxe << 11 << "arm64_uefi" << "" << "";
        Packet noArch = withMac(noGuid, "52:54:00:12:34:56");
        noArch.removeOption(opt::ClientArch);
        QTest::newRow("arch from option 60") << noArch << ClientKind::Pxe << 0 << "bios" << "" << "";
        noArch.setOption(opt::VendorClass, QByteArray("PXEClient"));
        QTest::newRow("no arch at all") << noArch << ClientKind::Pxe << -1 << "" << "" << "";
        QTest::newRow("plain client") << parse(dhcpfixture::plainDiscover()) << ClientKind::Other << -1 << "" << "" << "";
        Packet plainPi = withMac(parse(dhcpfixture::plainDiscover()), "dc:a6:32:01:36:c2");
        QTest::newRow("Pi running Linux (no 60)") << plainPi << ClientKind::Other << -1 << "" << "" << "";
    }
    void classify()
    {
        QFETCH(Packet, request);
        QFETCH(ClientKind, kind);
        QFETCH(int, arch);
        QFETCH(QString, archKey);
        QFETCH(QString, serial);
        QFETCH(QString, model);
        const ClientInfo c = classifyClient(request, labConfig());
        QCOMPARE(clientKindName(c.kind), clientKindName(kind));
        QCOMPARE(c.arch, arch);
        QCOMPARE(c.archKey, archKey);
        QCOMPARE(c.piSerial, serial);
        QCOMPARE(c.piModel, model);
        QCOMPARE(c.mac, request.mac());
    }

    void piGuidDetails()
    {
        const ClientInfo c = classifyClient(parse(dhcpfixture::piDiscover()), labConfig());
        QVERIFY(c.piGuid);
        QVERIFY(c.piMac);
        QCOMPARE(c.piRevision, 0x00c03111u);
        QCOMPARE(c.guid.size(), 17);
        // A custom prefix list without the Pi prefixes still recognises option 97.
        DhcpConfig cfg = labConfig();
        cfg.piMacPrefixes = {QStringLiteral("aa:bb:cc")};
        const ClientInfo d = classifyClient(parse(dhcpfixture::piDiscover()), cfg);
        QCOMPARE(d.kind, ClientKind::PiBootloader);
        QVERIFY(!d.piMac);
        Packet odd = parse(dhcpfixture::piDiscover());
        odd.setOption(opt::ClientGuid, QByteArray::fromHex("01020304"));   // not 0/17 bytes: ignored, not echoed
        const ClientInfo e = classifyClient(odd, labConfig());
        QVERIFY(e.guid.isEmpty());
        QVERIFY(!e.note.isEmpty());
        QCOMPARE(e.kind, ClientKind::PiBootloader);   // still a Pi by its MAC
    }

    void helpers()
    {
        QCOMPARE(archFromVendorClass("PXEClient:Arch:00007:UNDI:003000"), 7);
        QCOMPARE(archFromVendorClass("HTTPClient:Arch:00016:UNDI:003000"), 16);
        QCOMPARE(archFromVendorClass("PXEClient:Arch:00011"), 11);
        QCOMPARE(archFromVendorClass("PXEClient:Arch:0007:UNDI:003000"), -1);
        QCOMPARE(archFromVendorClass("PXEClient:Arch:0000x:UNDI"), -1);
        QCOMPARE(archFromVendorClass("PXEClient:Arch:000071:UNDI"), -1);
        QCOMPARE(archFromVendorClass("PXEClient"), -1);
        QCOMPARE(piModelFromRevision(0x00c03111), QStringLiteral("pi4"));
        QCOMPARE(piModelFromRevision(0x00c03130), QStringLiteral("pi400"));
        QCOMPARE(piModelFromRevision(0x00b03140), QStringLiteral("cm4"));
        QCOMPARE(piModelFromRevision(0x00000011), QString());
        QCOMPARE(resolveBaseUrl(QStringLiteral("http://0.0.0.0:8080/"), 0x0a4d0001), QStringLiteral("http://10.77.0.1:8080"));
        QCOMPARE(resolveBaseUrl(QStringLiteral("http://lab.example:80"), 0x0a4d0001), QStringLiteral("http://lab.example:80"));
        QCOMPARE(ipxeScriptUrl(QStringLiteral("http://10.77.0.1:8080"), *MacAddress::parse(QStringLiteral("dc-a6-32-01-36-c2"))),
                 QStringLiteral("http://10.77.0.1:8080/boot/dc:a6:32:01:36:c2.ipxe"));
        QVERIFY(isHttpArch(16));
        QVERIFY(!isHttpArch(7));
    }

    void piAnswer()
    {
        const ClientInfo c = classifyClient(parse(dhcpfixture::piDiscover()), labConfig());
        const BootDecision d = decideBoot(c, context(), labConfig());
        QVERIFY(d.answer);
        QCOMPARE(d.option43.toHex(), dhcpfixture::piOption43().toHex());
        QVERIFY(d.bootFile.isEmpty());   // never a BIOS boot file for the Pi
        QVERIFY(d.announceTftp);
        QCOMPARE(d.vendorClass, QByteArray("PXEClient"));
        QCOMPARE(d.stage, BootStage::Dhcp);
    }

    void uefiAnswers()
    {
        const DhcpConfig cfg = labConfig();
        const Packet arm = parse(dhcpfixture::arm64Discover());
        BootDecision d = decideBoot(classifyClient(arm, cfg), context(), cfg);
        QVERIFY(d.answer);
        QCOMPARE(d.bootFile, QByteArray("snp.efi"));
        QVERIFY(d.option43.isEmpty());
        QCOMPARE(d.stage, BootStage::Uefi);

        d = decideBoot(classifyClient(withArch(arm, 7, "PXEClient:Arch:00007:UNDI:003000"), cfg), context(), cfg);
        QCOMPARE(d.bootFile, QByteArray("ipxe.efi"));

        Packet bios = withMac(parse(dhcpfixture::piDiscover()), "52:54:00:12:34:56");
        bios.removeOption(opt::ClientGuid);
        d = decideBoot(classifyClient(bios, cfg), context(), cfg);
        QCOMPARE(d.bootFile, QByteArray("undionly.kpxe"));
        QCOMPARE(d.option43.toHex(), QByteArray("060108ff"));
        QCOMPARE(d.stage, BootStage::Dhcp);

        DhcpConfig custom = cfg;
        custom.bootFiles.insert(QStringLiteral("arm64_uefi"), QStringLiteral("grubnetaa64.efi"));
        d = decideBoot(classifyClient(arm, custom), context(), custom);
        QCOMPARE(d.bootFile, QByteArray("grubnetaa64.efi"));
        custom.bootFiles.remove(QStringLiteral("arm64_uefi"));
        d = decideBoot(classifyClient(arm, custom), context(), custom);
        QVERIFY(!d.answer);
        QCOMPARE(d.refusalCode, QStringLiteral("no-boot-file"));

        d = decideBoot(classifyClient(withArch(arm, 2, "PXEClient:Arch:00002:UNDI:003000"), cfg), context(), cfg);
        QVERIFY(!d.answer);
        QCOMPARE(d.refusalCode, QStringLiteral("unsupported-arch"));
    }

    void httpBootAnswer()
    {
        const DhcpConfig cfg = labConfig();
        const Packet http = withArch(parse(dhcpfixture::arm64Discover()), 16, "HTTPClient:Arch:00016:UNDI:003000");
        BootDecision d = decideBoot(classifyClient(http, cfg), context(), cfg);
        QVERIFY(d.answer);
        QCOMPARE(d.vendorClass, QByteArray("HTTPClient"));
        QCOMPARE(d.bootFile, QByteArray("http://10.77.0.1:8080/ipxe.efi"));
        QVERIFY(d.option43.isEmpty());
        QVERIFY(!d.announceTftp);
        QCOMPARE(d.stage, BootStage::Uefi);
        BootContext noHttp = context();
        noHttp.httpBaseUrl.clear();
        d = decideBoot(classifyClient(http, cfg), noHttp, cfg);
        QCOMPARE(d.refusalCode, QStringLiteral("no-http"));
        DhcpConfig url = cfg;
        url.bootFiles.insert(QStringLiteral("x64_http"), QStringLiteral("http://mirror.lab/ipxe.efi"));
        d = decideBoot(classifyClient(http, url), noHttp, url);
        QCOMPARE(d.bootFile, QByteArray("http://mirror.lab/ipxe.efi"));
    }

    void ipxeAnswer()
    {
        const DhcpConfig cfg = labConfig();
        const Packet ipxe = parse(dhcpfixture::ipxeDiscover());
        BootDecision d = decideBoot(classifyClient(ipxe, cfg), context(), cfg);
        QVERIFY(d.answer);
        QCOMPARE(d.bootFile, QByteArray("http://10.77.0.1:8080/boot/52:54:00:aa:64:01.ipxe"));
        QCOMPARE(d.stage, BootStage::Ipxe);
        QVERIFY(d.option43.isEmpty());
        BootContext noHttp = context();
        noHttp.httpBaseUrl.clear();
        d = decideBoot(classifyClient(ipxe, cfg), noHttp, cfg);
        QVERIFY(!d.answer);   // never the iPXE binary again: that would loop
        QCOMPARE(d.refusalCode, QStringLiteral("no-http"));
        // A custom user class from an own iPXE build.
        DhcpConfig own = cfg;
        own.ipxeUserClass = QStringLiteral("MetalBoot");
        Packet p = parse(dhcpfixture::arm64Discover());
        p.setOption(opt::UserClass, QByteArray("MetalBoot"));
        QCOMPARE(classifyClient(p, own).kind, ClientKind::Ipxe);
        QCOMPARE(classifyClient(p, cfg).kind, ClientKind::Pxe);
    }

    void refusals()
    {
        const DhcpConfig cfg = labConfig();
        const ClientInfo pi = classifyClient(parse(dhcpfixture::piDiscover()), cfg);
        const ClientInfo arm = classifyClient(parse(dhcpfixture::arm64Discover()), cfg);
        const ClientInfo plain = classifyClient(parse(dhcpfixture::plainDiscover()), cfg);

        BootDecision d = decideBoot(plain, context(), cfg);
        QVERIFY(!d.answer);
        QCOMPARE(d.refusalCode, QStringLiteral("not-netboot"));

        DeviceConfig blocked;
        blocked.mac = pi.mac;
        blocked.allowPxe = false;
        d = decideBoot(pi, context(&blocked), cfg);
        QVERIFY(!d.answer);
        QCOMPARE(d.refusalCode, QStringLiteral("allow-pxe-false"));
        QCOMPARE(d.stage, BootStage::Dhcp);

        // Boot override Hdd: no netboot answer for UEFI PXE, iPXE, BIOS...
        const BootOverride hddOnce = overrideOf(BootOverride::Target::Hdd, BootOverride::Enabled::Once);
        d = decideBoot(arm, context(nullptr, hddOnce), cfg);
        QVERIFY(!d.answer);
        QCOMPARE(d.refusalCode, QStringLiteral("override-hdd"));
        QVERIFY(d.reason.contains(QLatin1String("Hdd")));
        // ... but a UEFI-mode Pi still gets its bootloader answer (the firmware does the disk boot);
        d = decideBoot(pi, context(nullptr, hddOnce), cfg);
        QVERIFY(d.answer);
        // a natively booting Pi falls through to its SD/USB boot instead.
        DeviceConfig native;
        native.mac = pi.mac;
        native.bootMode = BootMode::Native;
        d = decideBoot(pi, context(&native, hddOnce), cfg);
        QVERIFY(!d.answer);
        QCOMPARE(d.refusalCode, QStringLiteral("override-hdd"));
        // Disabled or other targets change nothing.
        d = decideBoot(arm, context(nullptr, overrideOf(BootOverride::Target::Hdd, BootOverride::Enabled::Disabled)), cfg);
        QVERIFY(d.answer);
        d = decideBoot(arm, context(nullptr, overrideOf(BootOverride::Target::Pxe, BootOverride::Enabled::Continuous)), cfg);
        QVERIFY(d.answer);
        d = decideBoot(arm, context(nullptr, overrideOf(BootOverride::Target::Cd, BootOverride::Enabled::Once)), cfg);
        QVERIFY(d.answer);
    }
};

QTEST_GUILESS_MAIN(TestBootDecision)
#include "tst_bootdecision.moc"
