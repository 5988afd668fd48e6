#include "nativeboot.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace provision {

namespace {

const QStringList Pi4Firmware{QStringLiteral("start4.elf"), QStringLiteral("fixup4.dat")};
const QStringList Pi3Firmware{QStringLiteral("bootcode.bin"), QStringLiteral("start.elf"), QStringLiteral("fixup.dat")};

// Served names of the boot payload in the serial directory (whatever their source).
const QString KernelName = QStringLiteral("kernel8.img");
const QString InitrdName = QStringLiteral("initramfs.img");

bool isOverlayName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.+-]{1,64}$"));
    return re.match(name).hasMatch() && !name.startsWith(QLatin1Char('.'));
}

} // namespace

std::optional<PiModelInfo> piModel(const QString &model)
{
    const QString m = model.trimmed().toLower();
    if (m == QLatin1String("pi4") || m == QLatin1String("pi4b"))
        return PiModelInfo{QStringLiteral("pi4"), Pi4Firmware, QStringLiteral("bcm2711-rpi-4-b.dtb")};
    if (m == QLatin1String("pi400"))
        return PiModelInfo{QStringLiteral("pi400"), Pi4Firmware, QStringLiteral("bcm2711-rpi-400.dtb")};
    if (m == QLatin1String("cm4"))
        return PiModelInfo{QStringLiteral("cm4"), Pi4Firmware, QStringLiteral("bcm2711-rpi-cm4.dtb")};
    if (m == QLatin1String("pi3") || m == QLatin1String("pi3b"))
        return PiModelInfo{QStringLiteral("pi3"), Pi3Firmware, QStringLiteral("bcm2710-rpi-3-b.dtb")};
    if (m == QLatin1String("pi3b+") || m == QLatin1String("pi3bplus"))
        return PiModelInfo{QStringLiteral("pi3b+"), Pi3Firmware, QStringLiteral("bcm2710-rpi-3-b-plus.dtb")};
    if (m == QLatin1String("cm3"))
        return PiModelInfo{QStringLiteral("cm3"), Pi3Firmware, QStringLiteral("bcm2710-rpi-cm3.dtb")};
    if (m == QLatin1String("pi5"))   // the Pi 5 bootloader carries its own firmware (no start*.elf)
        return PiModelInfo{QStringLiteral("pi5"), {}, QStringLiteral("bcm2712-rpi-5-b.dtb")};
    return std::nullopt;
}

bool isPiSerial(const QString &serial)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{8}$"));
    return re.match(serial).hasMatch();
}

QString nativeModeName(NativeMode mode)
{
    switch (mode) {
    case NativeMode::Discovery: return QStringLiteral("discovery");
    case NativeMode::Wait: return QStringLiteral("wait");
    case NativeMode::Install: return QStringLiteral("install");
    case NativeMode::NfsRoot: return QStringLiteral("nfs-root");
    case NativeMode::LocalBoot: return QStringLiteral("local");
    case NativeMode::None: return QStringLiteral("none");
    }
    return QStringLiteral("none");
}

QString nodeId(const MacAddress &mac)
{
    return mac.isValid() ? mac.toDashed() : QString();
}

QString nodeUrl(const QString &baseUrl, const MacAddress &mac, const QString &action)
{
    return QStringLiteral("%1/api/v1/nodes/%2/%3").arg(baseUrl, nodeId(mac), action);
}

QString resolveServerUrl(const QString &baseUrl, const QString &url)
{
    if (url.startsWith(QLatin1Char('/')))
        return baseUrl + url;
    return url;
}

static QString instructionsUrl(const QString &baseUrl, const NativeBootDevice &device)
{
    QUrlQuery q;
    if (!device.serial.isEmpty())
        q.addQueryItem(QStringLiteral("serial"), device.serial);
    if (device.mac.isValid())
        q.addQueryItem(QStringLiteral("mac"), device.mac.toString());
    // '&' is fine inside one kernel argument; the agent reads the value verbatim.
    return baseUrl + QStringLiteral("/api/v1/boot/pi?") + q.toString(QUrl::FullyEncoded);
}

NativeBootFiles piBootFiles(const NativeBootDevice &device, lifecycle::State state, const Workflow *workflow,
                            const NativeBootContext &context)
{
    NativeBootFiles out;
    const auto model = piModel(device.model).value_or(piModel(context.defaultModel).value_or(*piModel(QStringLiteral("pi4"))));
    const QString base = context.httpBaseUrl;
    const QString stateName = lifecycle::name(state);

    // 1. What this state serves.
    const lifecycle::Serving serving = lifecycle::servingFor(state);
    switch (serving) {
    case lifecycle::Serving::Discovery: out.mode = NativeMode::Discovery; out.agentMode = QStringLiteral("discovery"); break;
    case lifecycle::Serving::Wait: out.mode = NativeMode::Wait; out.agentMode = QStringLiteral("wait"); break;
    case lifecycle::Serving::Install:
        if (!workflow) {
            // The assigned workflow vanished (file removed or invalid): keep the agent waiting.
            out.mode = NativeMode::Wait;
            out.agentMode = QStringLiteral("wait");
        } else {
            out.mode = NativeMode::Install;
            out.agentMode = workflow->method == InstallMethod::Nfs      ? QStringLiteral("nfs")
                          : workflow->method == InstallMethod::Script ? QStringLiteral("script")
                                                                      : QStringLiteral("install");
        }
        break;
    case lifecycle::Serving::Deployed:
        out.mode = workflow && workflow->method == InstallMethod::Nfs ? NativeMode::NfsRoot : NativeMode::LocalBoot;
        break;
    case lifecycle::Serving::None: out.mode = NativeMode::None; break;
    }

    if (out.mode == NativeMode::LocalBoot || out.mode == NativeMode::None) {
        out.refuseNetboot = true;
        out.summary = out.mode == NativeMode::None
            ? QStringLiteral("%1: retired, netboot refused").arg(device.serial)
            : QStringLiteral("%1: deployed, netboot refused so the bootloader boots the local disk (next BOOT_ORDER entry)")
                  .arg(device.serial);
        return out;
    }

    // 2. Kernel and initramfs.
    out.kernel = KernelName;
    out.dtb = model.dtb;
    if (out.mode == NativeMode::NfsRoot) {
        out.files.insert(KernelName, {BootFileSource::Kind::TftpRoot, workflow->kernel, {}});
        if (!workflow->initrd.isEmpty()) {
            out.initrd = InitrdName;
            out.files.insert(InitrdName, {BootFileSource::Kind::TftpRoot, workflow->initrd, {}});
        }
    } else {
        const QString kernel = device.osie.kernel.isEmpty() ? context.deployKernel : device.osie.kernel;
        const QString initrd = device.osie.initrd.isEmpty() ? context.deployInitrd : device.osie.initrd;
        out.files.insert(KernelName, {BootFileSource::Kind::Deploy, kernel, {}});
        if (!initrd.isEmpty()) {
            out.initrd = InitrdName;
            out.files.insert(InitrdName, {BootFileSource::Kind::Deploy, initrd, {}});
        }
    }
    for (const QString &fw : model.firmware)
        out.files.insert(fw, {BootFileSource::Kind::Firmware, fw, {}});
    out.files.insert(model.dtb, {BootFileSource::Kind::Firmware, model.dtb, {}});

    // 3. Kernel command line.
    QStringList args;
    if (device.console.isEmpty())
        args << QStringLiteral("console=serial0,115200") << QStringLiteral("console=tty1");
    else
        args << QStringLiteral("console=") + device.console;
    if (out.mode == NativeMode::NfsRoot) {
        args << QStringLiteral("root=/dev/nfs")
             << QStringLiteral("nfsroot=%1:%2,vers=4,tcp").arg(workflow->nfsServer, nfsNodePath(*workflow, device.serial))
             << QStringLiteral("rw") << QStringLiteral("ip=dhcp") << QStringLiteral("rootwait");
    } else {
        args << QStringLiteral("ip=dhcp");
    }
    if (!context.netconsoleArgument.isEmpty())
        args << context.netconsoleArgument;
    const auto param = [&args](const char *key, const QString &value) {
        if (!value.isEmpty())
            args << QStringLiteral("metalboot.%1=%2").arg(QLatin1String(key), value);
    };
    // The deployed NFS root runs the node's own OS: no agent parameters (and no token) there.
    const bool agent = out.mode != NativeMode::NfsRoot;
    if (agent) {
        param("server", base);
        param("serial", device.serial);
        if (device.mac.isValid()) {
            param("mac", device.mac.toString());
            param("node_id", nodeId(device.mac));
        }
        param("state", stateName);
        param("mode", out.agentMode);
        param("token", QString::fromLatin1(context.token));
        if (out.mode == NativeMode::Discovery) {
            param("register", base + QStringLiteral("/api/v1/nodes/register-pi"));
            param("instructions", instructionsUrl(base, device));
        } else if (out.mode == NativeMode::Wait) {
            param("instructions", instructionsUrl(base, device));
        } else if (out.mode == NativeMode::Install) {
            param("workflow", workflow->id);
            param("instructions", instructionsUrl(base, device));
            switch (workflow->method) {
            case InstallMethod::Image:
                param("image_url", resolveServerUrl(base, workflow->imageUrl));
                param("image_checksum", workflow->imageChecksum);
                param("target", workflow->targetDevice);
                break;
            case InstallMethod::Nfs:
                param("nfs_server", workflow->nfsServer);
                param("nfs_path", nfsNodePath(*workflow, device.serial));
                param("nfs_base", nfsBaseImagePath(*workflow));
                break;
            case InstallMethod::Script:
                param("script_url", resolveServerUrl(base, workflow->scriptUrl));
                break;
            }
            if (device.mac.isValid()) {
                param("callback", nodeUrl(base, device.mac, QStringLiteral("installed")));
                param("failed", nodeUrl(base, device.mac, QStringLiteral("install-failed")));
                param("progress", nodeUrl(base, device.mac, QStringLiteral("progress")));
            }
        }
    }
    if (!device.osie.cmdline.isEmpty() && out.mode != NativeMode::NfsRoot)
        args << device.osie.cmdline.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (workflow && !workflow->cmdline.isEmpty() && (out.mode == NativeMode::Install || out.mode == NativeMode::NfsRoot))
        args << workflow->cmdline.split(QLatin1Char(' '), Qt::SkipEmptyParts);

    for (const QString &a : std::as_const(args)) {
        if (!isCmdlineValue(a, MaxCmdlineLength)) {
            out.ok = false;
            out.error = QStringLiteral("kernel argument '%1' is not a single printable argument").arg(a.left(60));
            return out;
        }
    }
    const QString cmdline = args.join(QLatin1Char(' '));
    if (cmdline.size() + 1 > MaxCmdlineLength) {
        out.ok = false;
        out.error = QStringLiteral("the kernel command line would be %1 bytes (the limit is %2)")
                        .arg(cmdline.size() + 1)
                        .arg(MaxCmdlineLength);
        return out;
    }
    out.kernelArgs = args;
    out.cmdlineTxt = cmdline.toUtf8() + '\n';

    // 4. config.txt.
    QStringList cfg;
    cfg << QStringLiteral("# Metal Boot: %1 (%2), serial %3: state %4, %5%6")
               .arg(device.name.isEmpty() ? QStringLiteral("unknown Pi") : device.name,
                    device.mac.isValid() ? device.mac.toString() : QStringLiteral("MAC not yet known"),
                    device.serial.isEmpty() ? QStringLiteral("?") : device.serial, stateName, nativeModeName(out.mode),
                    workflow && out.mode != NativeMode::Discovery && out.mode != NativeMode::Wait
                        ? QStringLiteral(", workflow ") + workflow->id
                        : QString());
    cfg << QStringLiteral("arm_64bit=1") << QStringLiteral("kernel=") + out.kernel;
    if (!out.initrd.isEmpty())
        cfg << QStringLiteral("initramfs %1 followkernel").arg(out.initrd);
    cfg << QStringLiteral("device_tree=") + out.dtb << QStringLiteral("enable_uart=1") << QStringLiteral("uart_2ndstage=1")
        << QStringLiteral("disable_splash=1") << QStringLiteral("boot_delay=0");
    if (workflow && (out.mode == NativeMode::Install || out.mode == NativeMode::NfsRoot)) {
        for (const QString &line : workflow->configTxt) {
            cfg << line;
            static const QRegularExpression ov(QStringLiteral(R"(^\s*dtoverlay\s*=\s*([A-Za-z0-9_.+-]+))"));
            const auto m = ov.match(line);
            if (m.hasMatch() && isOverlayName(m.captured(1))) {
                const QString file = QStringLiteral("overlays/%1.dtbo").arg(m.captured(1));
                out.overlays << file;
                out.files.insert(file, {BootFileSource::Kind::Firmware, file, {}});
            }
        }
    }
    out.configTxt = cfg.join(QLatin1Char('\n')).toUtf8() + '\n';
    out.files.insert(QStringLiteral("config.txt"), {BootFileSource::Kind::Generated, {}, out.configTxt});
    out.files.insert(QStringLiteral("cmdline.txt"), {BootFileSource::Kind::Generated, {}, out.cmdlineTxt});

    out.summary = QStringLiteral("%1: %2 (%3)").arg(device.serial.isEmpty() ? device.mac.toString() : device.serial,
                                                    nativeModeName(out.mode), stateName);
    if (workflow && out.mode == NativeMode::Install)
        out.summary += QStringLiteral(", workflow ") + workflow->id;
    else if (!workflow && serving == lifecycle::Serving::Install)
        out.summary += QStringLiteral(", waiting: the assigned workflow is missing");
    return out;
}

std::optional<BootFileSource> resolvePiFile(const NativeBootFiles &files, const QString &name)
{
    if (files.refuseNetboot || !files.ok)
        return std::nullopt;
    const auto it = files.files.constFind(name);
    if (it != files.files.cend())
        return *it;
    // Any overlay the firmware asks for (dtoverlay= lines of the firmware's own defaults).
    if (name.startsWith(QLatin1String("overlays/")) && name.endsWith(QLatin1String(".dtbo"))) {
        const QString overlay = name.mid(9, name.size() - 9 - 5);
        if (isOverlayName(overlay))
            return BootFileSource{BootFileSource::Kind::Firmware, name, {}};
    }
    return std::nullopt;
}

} // namespace provision
