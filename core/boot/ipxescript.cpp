#include "ipxescript.h"

namespace {

const QString Brand = QStringLiteral("Metal Boot");

bool isSettingNameChar(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '.'
        || u == ':' || u == '/' || u == '-';
}

// Shared token rules for URLs and command lines. `allowSpaces` for command lines.
bool checkText(const QString &value, int maxLength, bool allowSpaces, QString *why)
{
    auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (value.size() > maxLength)
        return fail(QStringLiteral("longer than %1 characters").arg(maxLength));
    for (int i = 0; i < value.size(); ++i) {
        const ushort u = value.at(i).unicode();
        if (u == '\n' || u == '\r')
            return fail(QStringLiteral("contains a line break"));
        if (u < 0x20 || u == 0x7f)
            return fail(QStringLiteral("contains a control character"));
        if (u > 0x7e)
            return fail(QStringLiteral("contains a non-ASCII character"));
        if (u == '\\')
            return fail(QStringLiteral("contains a backslash"));
        if (u == ' ' && !allowSpaces)
            return fail(QStringLiteral("contains a space"));
        if (u == '$') {
            // Only "${setting}" or "${setting:type}": no nesting, nothing else.
            if (i + 1 >= value.size() || value.at(i + 1) != QLatin1Char('{'))
                return fail(QStringLiteral("contains '$' outside a ${setting} reference"));
            int j = i + 2;
            while (j < value.size() && isSettingNameChar(value.at(j)))
                ++j;
            if (j == i + 2 || j >= value.size() || value.at(j) != QLatin1Char('}'))
                return fail(QStringLiteral("contains a malformed ${setting} reference"));
            i = j;
        }
    }
    const QStringList tokens = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &t : tokens) {
        if (t == QLatin1String("||") || t == QLatin1String("&&") || t == QLatin1String(";"))
            return fail(QStringLiteral("contains the command separator '%1'").arg(t));
        if (t.startsWith(QLatin1Char('#')))
            return fail(QStringLiteral("contains a comment ('#' starting an argument)"));
    }
    return true;
}

bool hasScheme(const QString &value)
{
    const auto colon = value.indexOf(QLatin1String("://"));
    if (colon <= 0)
        return false;
    for (int i = 0; i < colon; ++i) {
        const QChar c = value.at(i);
        if (!c.isLetterOrNumber() && c != QLatin1Char('+') && c != QLatin1Char('-') && c != QLatin1Char('.'))
            return false;
    }
    return true;
}

QString withoutQuery(const QString &url)
{
    QString u = url;
    const auto q = u.indexOf(QLatin1Char('?'));
    if (q >= 0)
        u.truncate(q);
    return u;
}

QString baseName(const QString &url)
{
    const QString u = withoutQuery(url);
    return u.mid(u.lastIndexOf(QLatin1Char('/')) + 1);
}

QString deviceLabel(const ipxe::DeviceScriptInput &in)
{
    const QString name = in.device ? ipxe::echoText(in.device->name) : QString();
    return name.isEmpty() ? in.mac.toString() : QStringLiteral("%1 (%2)").arg(name, in.mac.toString());
}

// Lines shared by every device script.
QString header(const QString &what, const QString &label)
{
    return QStringLiteral("#!ipxe\n# %1: %2 for %3\n").arg(Brand, what, label);
}

QString retryTail(const QString &what)
{
    return QStringLiteral(":failed\n"
                          "echo %1: %2 failed, rebooting in 10 seconds to try again\n"
                          "sleep 10\n"
                          "reboot\n")
        .arg(Brand, what);
}

ipxe::Script invalid(const ipxe::DeviceScriptInput &in, const QString &field, const QString &why)
{
    ipxe::Script s;
    s.kind = ipxe::ScriptKind::Invalid;
    s.error = QStringLiteral("%1 %2").arg(field, why);
    s.summary = QStringLiteral("boot configuration refused: %1").arg(s.error);
    // The reason is built only from our own fixed words and the field name: safe to echo.
    s.text = (header(QStringLiteral("invalid boot configuration"), deviceLabel(in))
              + QStringLiteral("echo %1: the boot configuration of %2 cannot be used: %3\n"
                               "echo %1: fix it in Metal Boot. Trying the next boot option in 30 seconds.\n"
                               "sleep 30\n"
                               "exit 1\n")
                    .arg(Brand, in.mac.toString(), ipxe::echoText(s.error)))
                 .toUtf8();
    return s;
}

ipxe::Script netboot(const ipxe::DeviceScriptInput &in)
{
    const DeviceConfig &d = *in.device;
    QString why;
    if (d.osie.kernel.isEmpty())
        return invalid(in, QStringLiteral("osie.initrd"), QStringLiteral("is set without osie.kernel"));
    const auto kernel = ipxe::resolveUrl(in.baseUrl, d.osie.kernel);
    if (!kernel)
        return invalid(in, QStringLiteral("osie.kernel"), kernel.error());
    Result<QString> initrd = QString();
    if (!d.osie.initrd.isEmpty()) {
        initrd = ipxe::resolveUrl(in.baseUrl, d.osie.initrd);
        if (!initrd)
            return invalid(in, QStringLiteral("osie.initrd"), initrd.error());
    }
    if (!ipxe::checkArguments(d.osie.cmdline, &why))
        return invalid(in, QStringLiteral("osie.cmdline"), why);
    QStringList args;
    // EFI-stub kernels find the initrd by name (before Linux 5.7 and its LoadFile2 protocol).
    if (!initrd->isEmpty() && !d.osie.cmdline.contains(QLatin1String("initrd=")))
        args << QStringLiteral("initrd=") + baseName(*initrd);
    const QString cmdline = d.osie.cmdline.simplified();
    if (!cmdline.isEmpty())
        args << cmdline;
    if (!d.console.isEmpty() && !d.osie.cmdline.contains(QLatin1String("console="))) {
        if (!ipxe::checkArguments(d.console, &why) || d.console.contains(QLatin1Char(' ')))
            return invalid(in, QStringLiteral("console"), why.isEmpty() ? QStringLiteral("contains a space") : why);
        args << (d.console.contains(QLatin1Char('=')) ? d.console : QStringLiteral("console=") + d.console);
    }
    if (!in.extraArguments.trimmed().isEmpty()) {
        if (!ipxe::checkArguments(in.extraArguments, &why))
            return invalid(in, QStringLiteral("provisioning arguments"), why);
        args << in.extraArguments.simplified();
    }
    const QString joined = args.join(QLatin1Char(' '));
    if (!ipxe::checkArguments(joined, &why))
        return invalid(in, QStringLiteral("kernel command line"), why);

    ipxe::Script s;
    s.kind = ipxe::ScriptKind::Netboot;
    s.urls << *kernel;
    QString text = header(QStringLiteral("network boot"), deviceLabel(in))
        + QStringLiteral("echo %1: %2: network boot\n").arg(Brand, deviceLabel(in))
        + QStringLiteral("kernel %1%2 || goto failed\n").arg(*kernel, joined.isEmpty() ? QString() : QLatin1Char(' ') + joined);
    if (!initrd->isEmpty()) {
        text += QStringLiteral("initrd %1 || goto failed\n").arg(*initrd);
        s.urls << *initrd;
    }
    text += QStringLiteral("boot || goto failed\n") + retryTail(QStringLiteral("network boot"));
    s.text = text.toUtf8();
    s.summary = QStringLiteral("network boot: kernel %1%2").arg(*kernel, initrd->isEmpty() ? QString() : QStringLiteral(", initrd ") + *initrd);
    return s;
}

ipxe::Script custom(const ipxe::DeviceScriptInput &in)
{
    const QString &script = in.device->ipxeScript;
    if (script.toUtf8().size() > ipxe::MaxCustomScriptBytes)
        return invalid(in, QStringLiteral("ipxe_script"), QStringLiteral("is larger than 64 KiB"));
    for (const QChar c : script) {
        const ushort u = c.unicode();
        if ((u < 0x20 && u != '\n' && u != '\r' && u != '\t') || u == 0x7f)
            return invalid(in, QStringLiteral("ipxe_script"), QStringLiteral("contains a control character"));
    }
    QStringList lines = QString(script).replace(QLatin1String("\r\n"), QLatin1String("\n")).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.first().trimmed().startsWith(QLatin1String("#!ipxe")))
        lines.removeFirst();
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    ipxe::Script s;
    s.kind = ipxe::ScriptKind::Custom;
    s.text = (header(QStringLiteral("custom script"), deviceLabel(in)) + lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
    s.summary = QStringLiteral("custom iPXE script (%1 lines)").arg(lines.size());
    return s;
}

ipxe::Script chain(const ipxe::DeviceScriptInput &in, const QString &target, ipxe::ScriptKind kind,
                   const QString &field)
{
    const auto url = ipxe::resolveUrl(in.baseUrl, target);
    if (!url)
        return invalid(in, field, url.error());
    ipxe::Script s;
    s.kind = kind;
    s.urls << *url;
    const QString what = kind == ipxe::ScriptKind::HttpBoot ? QStringLiteral("UEFI HTTP boot") : QStringLiteral("chain");
    s.text = (header(what, deviceLabel(in))
              + QStringLiteral("echo %1: %2: %3 %4\n").arg(Brand, deviceLabel(in), what, ipxe::echoText(*url))
              + QStringLiteral("chain --replace --autofree %1 || goto failed\n").arg(*url) + retryTail(what))
                 .toUtf8();
    s.summary = QStringLiteral("%1 %2").arg(what, *url);
    return s;
}

ipxe::Script localBoot(const ipxe::DeviceScriptInput &in, const QString &why)
{
    ipxe::Script s;
    s.kind = ipxe::ScriptKind::LocalBoot;
    // A non-zero status makes UEFI boot managers go on with the next boot option (the disk);
    // with 0, EDK2 would stop at its boot menu.
    s.text = (header(QStringLiteral("local boot"), deviceLabel(in))
              + QStringLiteral("echo %1: %2: booting from the local disk (%3)\n"
                               "exit 1\n")
                    .arg(Brand, deviceLabel(in), why))
                 .toUtf8();
    s.summary = QStringLiteral("local boot (%1)").arg(why);
    return s;
}

ipxe::Script refused(const ipxe::DeviceScriptInput &in)
{
    ipxe::Script s;
    s.kind = ipxe::ScriptKind::Refused;
    s.text = (header(QStringLiteral("network boot refused"), deviceLabel(in))
              + QStringLiteral("echo %1: network boot is not allowed for %2 (allow_pxe is false)\n"
                               "echo %1: enable it in Metal Boot to boot this device from the network.\n"
                               "sleep 5\n"
                               "exit 1\n")
                    .arg(Brand, deviceLabel(in)))
                 .toUtf8();
    s.summary = QStringLiteral("network boot refused (allow_pxe is false)");
    return s;
}

ipxe::Script discovery(const ipxe::DeviceScriptInput &in)
{
    ipxe::Script s;
    s.kind = ipxe::ScriptKind::Discovery;
    const QString mac = in.mac.toString();
    const QString retry = ipxe::deviceScriptUrl(in.baseUrl, in.mac.toDashed());
    s.text = (QStringLiteral("#!ipxe\n# %1: discovery script for %2\n").arg(Brand, mac)
              + QStringLiteral("echo %1: %2 is not part of the lab yet\n"
                               "echo %1: ip ${net0/ip} platform ${platform} arch ${buildarch}\n"
                               "echo %1: system ${manufacturer} ${product} serial ${serial}\n"
                               "echo %1: adopt it in Metal Boot to boot it. Asking again in 30 seconds.\n"
                               "sleep 30\n"
                               "chain --replace --autofree %3 || reboot\n")
                    .arg(Brand, mac, retry))
                 .toUtf8();
    s.urls << retry;
    s.summary = QStringLiteral("discovery script for an unknown device");
    return s;
}

ipxe::Script sanboot(const ipxe::DeviceScriptInput &in)
{
    const QString slot = in.override.target == BootOverride::Target::Usb ? QStringLiteral("Usb") : QStringLiteral("Cd");
    if (!in.media.inserted || in.media.image.isEmpty()) {
        ipxe::Script s;
        s.kind = ipxe::ScriptKind::NoMedia;
        s.overrideApplied = true;
        s.text = (header(QStringLiteral("virtual media boot"), deviceLabel(in))
                  + QStringLiteral("echo %1: %2: boot from virtual media %3 requested, but none is inserted\n"
                                   "sleep 5\n"
                                   "exit 1\n")
                        .arg(Brand, deviceLabel(in), slot))
                     .toUtf8();
        s.summary = QStringLiteral("boot override %1 without inserted media").arg(slot);
        return s;
    }
    const auto url = ipxe::resolveUrl(in.baseUrl, in.media.image);
    if (!url) {
        ipxe::Script s = invalid(in, QStringLiteral("virtual media %1 image").arg(slot), url.error());
        s.overrideApplied = true;
        return s;
    }
    ipxe::Script s;
    s.kind = ipxe::ScriptKind::SanBoot;
    s.overrideApplied = true;
    s.urls << *url;
    s.text = (header(QStringLiteral("virtual media boot"), deviceLabel(in))
              + QStringLiteral("echo %1: %2: booting virtual media %3 %4\n")
                    .arg(Brand, deviceLabel(in), slot, ipxe::echoText(*url))
              + QStringLiteral("sanboot --no-describe %1 || goto failed\n").arg(*url)
              + retryTail(QStringLiteral("virtual media boot")))
                 .toUtf8();
    s.summary = QStringLiteral("virtual media %1: sanboot %2").arg(slot, *url);
    return s;
}

// What the device's own configuration says (no override, or Pxe/None).
ipxe::Script configured(const ipxe::DeviceScriptInput &in)
{
    const DeviceConfig &d = *in.device;
    if (!d.ipxeScript.trimmed().isEmpty())
        return custom(in);
    if (!d.ipxeScriptUrl.isEmpty())
        return chain(in, d.ipxeScriptUrl, ipxe::ScriptKind::Chain, QStringLiteral("ipxe_script_url"));
    if (!d.osie.kernel.isEmpty() || !d.osie.initrd.isEmpty())
        return netboot(in);
    return localBoot(in, QStringLiteral("no network boot configured"));
}

} // namespace

namespace ipxe {

QString kindName(ScriptKind kind)
{
    switch (kind) {
    case ScriptKind::Netboot: return QStringLiteral("netboot");
    case ScriptKind::Custom: return QStringLiteral("custom");
    case ScriptKind::Chain: return QStringLiteral("chain");
    case ScriptKind::LocalBoot: return QStringLiteral("local");
    case ScriptKind::Refused: return QStringLiteral("refused");
    case ScriptKind::Discovery: return QStringLiteral("discovery");
    case ScriptKind::SanBoot: return QStringLiteral("sanboot");
    case ScriptKind::NoMedia: return QStringLiteral("no-media");
    case ScriptKind::HttpBoot: return QStringLiteral("uefi-http");
    case ScriptKind::Invalid: return QStringLiteral("invalid");
    }
    return QStringLiteral("invalid");
}

bool checkUrl(const QString &value, QString *why)
{
    if (value.isEmpty()) {
        if (why)
            *why = QStringLiteral("is empty");
        return false;
    }
    if (!checkText(value, MaxUrlLength, false, why))
        return false;
    if (value.startsWith(QLatin1Char('-'))) {
        // iPXE would read it as an option of kernel/initrd/chain.
        if (why)
            *why = QStringLiteral("starts with '-'");
        return false;
    }
    if (hasScheme(value)) {
        const QString scheme = value.left(value.indexOf(QLatin1Char(':'))).toLower();
        static const QStringList schemes = {QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("tftp"),
                                            QStringLiteral("ftp"),  QStringLiteral("nfs"),   QStringLiteral("iscsi"),
                                            QStringLiteral("aoe")};
        if (!schemes.contains(scheme)) {
            if (why)
                *why = QStringLiteral("uses the unsupported URL scheme '%1'").arg(scheme);
            return false;
        }
    }
    return true;
}

bool checkArguments(const QString &value, QString *why)
{
    return checkText(value, MaxArgumentsLength, true, why);
}

Result<QString> resolveUrl(const QString &baseUrl, const QString &nameOrUrl)
{
    QString why;
    if (!checkUrl(nameOrUrl, &why))
        return Result<QString>::failure(why);
    // iSCSI and AoE SAN URIs ("iscsi:host::::iqn", "aoe:e0.1") have no "//".
    if (hasScheme(nameOrUrl) || nameOrUrl.startsWith(QLatin1String("iscsi:"), Qt::CaseInsensitive)
        || nameOrUrl.startsWith(QLatin1String("aoe:"), Qt::CaseInsensitive))
        return nameOrUrl;
    const QStringList segments = withoutQuery(nameOrUrl).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.isEmpty())
        return Result<QString>::failure(QStringLiteral("names no file"));
    for (const QString &s : segments) {
        if (s == QLatin1String("..") || s == QLatin1String("."))
            return Result<QString>::failure(QStringLiteral("contains a '%1' segment").arg(s));
        if (s.startsWith(QLatin1Char('.')))
            return Result<QString>::failure(QStringLiteral("names a hidden file"));
    }
    QString path = nameOrUrl;
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    return QString(baseUrl + QLatin1Char('/') + path);
}

QString echoText(const QString &text)
{
    QString out;
    out.reserve(qMin<qsizetype>(text.size(), 200));
    for (const QChar c : text) {
        if (out.size() >= 200)
            break;
        const ushort u = c.unicode();
        const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == ' '
            || u == '.' || u == '_' || u == ':' || u == '/' || u == '@' || u == '+' || u == '(' || u == ')'
            || u == '=' || u == ',' || u == '-' || u == '?' || u == '%';
        out += keep ? c : QLatin1Char('_');
    }
    // No argument may start with '-' (echo would take it for an option) or be a lone terminator.
    QStringList words = out.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString &w : words)
        if (w.startsWith(QLatin1Char('-')))
            w.replace(0, 1, QLatin1Char('_'));
    return words.join(QLatin1Char(' '));
}

QString deviceScriptUrl(const QString &baseUrl, const QString &macExpression)
{
    return QStringLiteral("%1/boot/%2.ipxe?platform=${platform:uristring}&buildarch=${buildarch:uristring}"
                          "&manufacturer=${manufacturer:uristring}&product=${product:uristring}"
                          "&serial=${serial:uristring}")
        .arg(baseUrl, macExpression);
}

QByteArray renderChainScript(const QString &baseUrl)
{
    return (QStringLiteral("#!ipxe\n# %1: fetch the script of this device\n").arg(Brand)
            + QStringLiteral("chain --replace --autofree %1 || goto failed\n")
                  .arg(deviceScriptUrl(baseUrl, QStringLiteral("${net0/mac:hexhyp}")))
            + QStringLiteral(":failed\n"
                             "echo %1: cannot fetch the boot script for ${net0/mac}, rebooting in 10 seconds\n"
                             "sleep 10\n"
                             "reboot\n")
                  .arg(Brand))
        .toUtf8();
}

Script renderDeviceScript(const DeviceScriptInput &in)
{
    if (!in.device)
        return discovery(in);
    const BootOverride &ov = in.override;
    const bool active = ov.isActive();
    if (active && ov.target == BootOverride::Target::Hdd) {
        Script s = localBoot(in, QStringLiteral("boot override Hdd"));
        s.overrideApplied = true;
        return s;
    }
    if (!in.device->allowPxe)
        return refused(in);
    if (active) {
        switch (ov.target) {
        case BootOverride::Target::Cd:
        case BootOverride::Target::Usb:
            return sanboot(in);
        case BootOverride::Target::UefiHttp:
            if (!ov.httpBootUri.isEmpty()) {
                Script s = chain(in, ov.httpBootUri, ScriptKind::HttpBoot, QStringLiteral("boot override HttpBootUri"));
                s.overrideApplied = true;
                return s;
            }
            [[fallthrough]]; // no URI: the boot file DHCP gave, i.e. the configured netboot
        case BootOverride::Target::Pxe: {
            Script s = configured(in);
            s.overrideApplied = true;
            return s;
        }
        case BootOverride::Target::Hdd:
        case BootOverride::Target::None:
        case BootOverride::Target::BiosSetup: // decided by the firmware (BootNext), not by iPXE
            break;
        }
    }
    return configured(in);
}

} // namespace ipxe
