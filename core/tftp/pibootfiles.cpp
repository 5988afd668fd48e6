#include "pibootfiles.h"

namespace tftp {

QString renderTemplate(const QString &text, const QHash<QString, QString> &values)
{
    QString out;
    out.reserve(text.size() + 64);
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = text.indexOf(QLatin1Char('{'), i);
        if (open < 0) {
            out.append(QStringView(text).mid(i));
            break;
        }
        out.append(QStringView(text).mid(i, open - i));
        const qsizetype close = text.indexOf(QLatin1Char('}'), open + 1);
        if (close < 0) {
            out.append(QStringView(text).mid(open));
            break;
        }
        const QString key = text.mid(open + 1, close - open - 1);
        const auto it = values.constFind(key);
        if (it != values.cend()) {
            out.append(*it);
            i = close + 1;
        } else {
            out.append(QLatin1Char('{'));   // not ours: keep it, and rescan after the brace
            i = open + 1;
        }
    }
    return out;
}

} // namespace tftp

namespace {

// pftf/RPi4 UEFI firmware as the Pi's armstub (the metal-boot seed's defaults).
const char *const UefiConfigTxt =
    "# Metal Boot: {name} ({mac}), serial {serial}: UEFI firmware (RPI_EFI.fd)\n"
    "arm_64bit=1\n"
    "arm_boost=1\n"
    "enable_uart=1\n"
    "uart_2ndstage=1\n"
    "enable_gic=1\n"
    "armstub=RPI_EFI.fd\n"
    "disable_commandline_tags=1\n"
    "disable_overscan=1\n"
    "device_tree_address=0x1f0000\n"
    "device_tree_end=0x200000\n"
    "dtoverlay=miniuart-bt\n"
    "dtoverlay=upstream-pi4\n"
    "tftp_prefix={tftp_prefix}\n";

// Native boot: the GPU firmware loads the kernel and initramfs itself (the pureboot seed).
const char *const NativeConfigTxt =
    "# Metal Boot: {name} ({mac}), serial {serial}: native kernel boot\n"
    "arm_64bit=1\n"
    "kernel={kernel}\n"
    "{initramfs_line}\n"
    "enable_uart=1\n"
    "uart_2ndstage=1\n"
    "disable_splash=1\n"
    "dtparam=audio=off\n";

const char *const CmdlineTxt =
    "{console_args} ip=dhcp metalboot.server={http} metalboot.mac={mac} metalboot.serial={serial} "
    "metalboot.state={lifecycle}{osie_cmdline}\n";

} // namespace

bool PiBootFiles::isGenerated(const QString &file)
{
    return file == QLatin1String("config.txt") || file == QLatin1String("cmdline.txt");
}

QHash<QString, QString> PiBootFiles::values(const Device &device, const Context &context)
{
    QHash<QString, QString> v;
    v.insert(QStringLiteral("mac"), device.mac.toString());
    v.insert(QStringLiteral("mac_dashed"), device.mac.toDashed());
    v.insert(QStringLiteral("serial"), device.serial);
    v.insert(QStringLiteral("name"), device.name.isEmpty() ? device.mac.toString() : device.name);
    v.insert(QStringLiteral("model"), device.model);
    v.insert(QStringLiteral("lifecycle"), device.lifecycle);
    v.insert(QStringLiteral("boot_mode"), device.bootMode == BootMode::Native ? QStringLiteral("native") : QStringLiteral("uefi"));
    const QString kernel = device.osie.kernel.isEmpty() ? QStringLiteral("kernel8.img") : device.osie.kernel;
    v.insert(QStringLiteral("kernel"), kernel);
    v.insert(QStringLiteral("initrd"), device.osie.initrd);
    v.insert(QStringLiteral("initramfs_line"), device.osie.initrd.isEmpty()
                                                   ? QStringLiteral("# no initramfs")
                                                   : QStringLiteral("initramfs %1 followkernel").arg(device.osie.initrd));
    v.insert(QStringLiteral("cmdline"), device.osie.cmdline);
    v.insert(QStringLiteral("osie_cmdline"), device.osie.cmdline.isEmpty() ? QString() : QLatin1Char(' ') + device.osie.cmdline);
    v.insert(QStringLiteral("console_args"), device.console.isEmpty()
                                                 ? QStringLiteral("console=serial0,115200 console=tty1")
                                                 : QStringLiteral("console=") + device.console);
    v.insert(QStringLiteral("server"), context.serverAddress);
    v.insert(QStringLiteral("http"), context.httpBaseUrl.isEmpty() && !context.serverAddress.isEmpty()
                                         ? QStringLiteral("http://") + context.serverAddress
                                         : context.httpBaseUrl);
    const int prefix = context.prefixMode == PiPrefixMode::Fixed ? 1 : context.prefixMode == PiPrefixMode::Mac ? 2 : 0;
    v.insert(QStringLiteral("tftp_prefix"), QString::number(prefix));
    return v;
}

QString PiBootFiles::defaultTemplate(const QString &file, BootMode mode)
{
    if (file == QLatin1String("config.txt"))
        return QString::fromLatin1(mode == BootMode::Native ? NativeConfigTxt : UefiConfigTxt);
    if (file == QLatin1String("cmdline.txt"))
        return QString::fromLatin1(CmdlineTxt);
    return {};
}

QStringList PiBootFiles::candidateNames(const QString &file, const QString &lifecycle)
{
    QStringList names;
    const qsizetype dot = file.lastIndexOf(QLatin1Char('.'));
    if (!lifecycle.isEmpty() && dot > 0 && !lifecycle.contains(QLatin1Char('/')))
        names.append(file.left(dot) + QLatin1Char('.') + lifecycle + file.mid(dot));
    names.append(file);
    return names;
}

QByteArray PiBootFiles::render(const QString &file, const Device &device, const Context &context,
                               const QStringList &templateDirs, const TemplateReader &read)
{
    QString text;
    bool found = false;
    const QStringList names = candidateNames(file, device.lifecycle);
    for (const QString &dir : templateDirs) {
        for (const QString &name : names) {
            if (const auto t = read ? read(dir, name) : std::nullopt) {
                text = *t;
                found = true;
                break;
            }
        }
        if (found)
            break;
    }
    if (!found)
        text = defaultTemplate(file, device.bootMode);
    QString out = tftp::renderTemplate(text, values(device, context));
    if (!out.endsWith(QLatin1Char('\n')))
        out.append(QLatin1Char('\n'));
    return out.toUtf8();
}
