#include "sections.h"

#include <QRegularExpression>

#include <algorithm>

namespace config {

static bool isValidSerial(const QString &serial)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{8}$"));
    return re.match(serial).hasMatch();
}

static bool isSafeName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}$)"));
    return re.match(name).hasMatch();
}

QStringList virtualBadFiles()
{
    return {QStringLiteral("start4.elf"), QStringLiteral("fixup4.dat"), QStringLiteral("bcm2711-rpi-4-b.dtb"),
            QStringLiteral("snp.efi"), QStringLiteral("kernel"), QStringLiteral("initrd")};
}

// `virtual: true|false` or `virtual: {packet_loss, delay_ms, corrupt, bad_file}` (a map = virtual).
static void parseVirtual(YamlReader &r, const YAML::Node &n, const QString &path, DeviceConfig &d)
{
    const YAML::Node v = YamlReader::child(n, "virtual");
    const QString vPath = YamlReader::join(path, QStringLiteral("virtual"));
    if (!v.IsDefined() || v.IsNull() || !v.IsMap()) {
        d.isVirtual = r.boolean(n, "virtual", path, false);
        return;
    }
    d.isVirtual = true;
    if (!r.checkMap(v, vPath, {"packet_loss", "delay_ms", "corrupt", "bad_file"}))
        return;
    auto percent = [&](const char *key) {
        const double value = r.number(v, key, vPath, 0);
        if (value < 0 || value > 100)
            r.error(YamlReader::child(v, key), YamlReader::join(vPath, QLatin1String(key)),
                    QStringLiteral("expected a percentage from 0 to 100"));
        return std::clamp(value, 0.0, 100.0);
    };
    d.virtualFaults.packetLossPercent = percent("packet_loss");
    d.virtualFaults.corruptPercent = percent("corrupt");
    d.virtualFaults.delayMs = int(r.integer(v, "delay_ms", vPath, 0, 10000, 0));
    d.virtualFaults.badFile = r.string(v, "bad_file", vPath);
    if (!d.virtualFaults.badFile.isEmpty() && !virtualBadFiles().contains(d.virtualFaults.badFile))
        r.error(YamlReader::child(v, "bad_file"), YamlReader::join(vPath, QStringLiteral("bad_file")),
                QStringLiteral("expected one of %1").arg(virtualBadFiles().join(QStringLiteral(", "))));
}

DeviceConfig parseDevice(YamlReader &r, const YAML::Node &n, const MacAddress &mac, const QString &path)
{
    DeviceConfig d;
    d.mac = mac;
    r.remember(path, n);
    if (!r.checkMap(n, path, {"name", "serial", "model", "position", "power", "profile", "boot_mode", "ip",
                              "allow_pxe", "console", "facility", "ipxe_script", "ipxe_script_url", "osie",
                              "virtual", "firmware_settings", "netconsole", "serial_console"}))
        return d;

    d.name = r.string(n, "name", path);
    if (!d.name.isEmpty() && !isSafeName(d.name))
        r.error(YamlReader::child(n, "name"), YamlReader::join(path, QStringLiteral("name")),
                QStringLiteral("expected 1 to 63 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit"));
    r.remember(YamlReader::join(path, QStringLiteral("name")), YamlReader::child(n, "name"));

    d.serial = r.string(n, "serial", path).toLower();
    if (d.serial.startsWith(QLatin1String("0x")))
        d.serial = d.serial.mid(2);
    if (!d.serial.isEmpty() && !isValidSerial(d.serial))
        r.error(YamlReader::child(n, "serial"), YamlReader::join(path, QStringLiteral("serial")),
                QStringLiteral("expected the last 8 hex digits of the Pi serial number, e.g. 9ffefdef"));
    r.remember(YamlReader::join(path, QStringLiteral("serial")), YamlReader::child(n, "serial"));

    d.model = r.string(n, "model", path);
    d.profile = r.string(n, "profile", path);
    r.remember(YamlReader::join(path, QStringLiteral("profile")), YamlReader::child(n, "profile"));
    d.bootMode = r.choice(n, "boot_mode", path, {"uefi", "native"}, 0) == 1 ? BootMode::Native : BootMode::Uefi;
    d.ip = r.ipv4(n, "ip", path);
    r.remember(YamlReader::join(path, QStringLiteral("ip")), YamlReader::child(n, "ip"));

    const QString posPath = YamlReader::join(path, QStringLiteral("position"));
    const YAML::Node pos = YamlReader::child(n, "position");
    if (r.checkMap(pos, posPath, {"x", "y"})) {
        d.position.setX(r.number(pos, "x", posPath, 0));
        d.position.setY(r.number(pos, "y", posPath, 0));
    }

    const QString powPath = YamlReader::join(path, QStringLiteral("power"));
    const YAML::Node power = YamlReader::child(n, "power");
    r.remember(powPath, power);
    if (r.checkMap(power, powPath, {"switch", "port"})) {
        d.power.switchId = r.string(power, "switch", powPath);
        d.power.port = r.string(power, "port", powPath);
        if (power.IsDefined() && !power.IsNull() && (d.power.switchId.isEmpty() || d.power.port.isEmpty()))
            r.error(power, powPath, QStringLiteral("power needs both 'switch' and 'port'"));
    }

    d.allowPxe = r.boolean(n, "allow_pxe", path, true);
    d.console = r.string(n, "console", path);
    d.facility = r.string(n, "facility", path);
    d.ipxeScript = r.string(n, "ipxe_script", path);
    d.ipxeScriptUrl = r.string(n, "ipxe_script_url", path);
    if (!d.ipxeScriptUrl.isEmpty() && !d.ipxeScriptUrl.startsWith(QLatin1String("http://"))
        && !d.ipxeScriptUrl.startsWith(QLatin1String("https://")) && !d.ipxeScriptUrl.startsWith(QLatin1String("tftp://")))
        r.error(YamlReader::child(n, "ipxe_script_url"), YamlReader::join(path, QStringLiteral("ipxe_script_url")),
                QStringLiteral("expected an http://, https:// or tftp:// URL"));
    if (d.ipxeScript.size() > 65536)
        r.error(YamlReader::child(n, "ipxe_script"), YamlReader::join(path, QStringLiteral("ipxe_script")),
                QStringLiteral("script is larger than 64 KiB"));

    const QString osiePath = YamlReader::join(path, QStringLiteral("osie"));
    const YAML::Node osie = YamlReader::child(n, "osie");
    if (r.checkMap(osie, osiePath, {"kernel", "initrd", "cmdline"})) {
        d.osie.kernel = r.string(osie, "kernel", osiePath);
        d.osie.initrd = r.string(osie, "initrd", osiePath);
        d.osie.cmdline = r.string(osie, "cmdline", osiePath);
    }
    parseVirtual(r, n, path, d);
    d.netconsole = r.boolean(n, "netconsole", path, false);
    const QString serialPath = YamlReader::join(path, QStringLiteral("serial_console"));
    const YAML::Node serial = YamlReader::child(n, "serial_console");
    if (r.checkMap(serial, serialPath, {"port", "baud"})) {
        d.serialPort = r.string(serial, "port", serialPath);
        if (serial.IsDefined() && !serial.IsNull() && d.serialPort.isEmpty())
            r.error(serial, serialPath, QStringLiteral("serial_console needs 'port' (e.g. /dev/serial/by-id/usb-FTDI_...-if00-port0)"));
        else if (!d.serialPort.isEmpty() && (!d.serialPort.startsWith(QLatin1Char('/')) || d.serialPort.size() > 1024))
            r.error(YamlReader::child(serial, "port"), YamlReader::join(serialPath, QStringLiteral("port")),
                    QStringLiteral("expected an absolute device path such as /dev/ttyUSB0"));
        d.serialBaud = int(r.integer(serial, "baud", serialPath, 50, 4000000, d.serialBaud));
    }
    d.firmwareSettings = r.scalarMap(n, "firmware_settings", path);
    if (d.isVirtual && d.serial.isEmpty())
        r.error(YamlReader::child(n, "virtual"), YamlReader::join(path, QStringLiteral("virtual")),
                QStringLiteral("a virtual Pi needs 'serial' (its TFTP prefix, 8 hex digits)"));
    return d;
}

void parseDevices(YamlReader &r, const YAML::Node &node, QList<DeviceConfig> &out)
{
    if (!r.expectMap(node, QStringLiteral("devices")) || !node.IsDefined() || node.IsNull())
        return;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const QString key = YamlReader::scalar(it->first);
        const QString path = YamlReader::join(QStringLiteral("devices"), key);
        const auto mac = r.mac(it->first, key, path);
        if (!mac)
            continue;
        bool duplicate = false;
        for (const auto &existing : out)
            duplicate = duplicate || existing.mac == *mac;
        if (duplicate) {
            r.error(it->first, path, QStringLiteral("device %1 is listed twice").arg(mac->toString()));
            continue;
        }
        out.append(parseDevice(r, it->second, *mac, path));
    }
}

void writeDevice(YAML::Emitter &out, const DeviceConfig &d)
{
    const DeviceConfig def;
    out << YAML::BeginMap;
    if (!d.name.isEmpty())
        out << YAML::Key << "name" << YAML::Value << d.name.toStdString();
    if (!d.serial.isEmpty())
        out << YAML::Key << "serial" << YAML::Value << YAML::DoubleQuoted << d.serial.toStdString();
    if (!d.model.isEmpty())
        out << YAML::Key << "model" << YAML::Value << d.model.toStdString();
    if (!d.position.isNull())
        out << YAML::Key << "position" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "x"
            << YAML::Value << d.position.x() << YAML::Key << "y" << YAML::Value << d.position.y() << YAML::EndMap;
    if (d.power.isSet())
        out << YAML::Key << "power" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "switch"
            << YAML::Value << d.power.switchId.toStdString() << YAML::Key << "port" << YAML::Value
            << YAML::DoubleQuoted << d.power.port.toStdString() << YAML::EndMap;
    if (!d.profile.isEmpty())
        out << YAML::Key << "profile" << YAML::Value << d.profile.toStdString();
    if (d.bootMode == BootMode::Native)
        out << YAML::Key << "boot_mode" << YAML::Value << "native";
    if (!d.ip.isNull())
        out << YAML::Key << "ip" << YAML::Value << d.ip.toString().toStdString();
    out << YAML::Key << "allow_pxe" << YAML::Value << d.allowPxe;
    if (!d.console.isEmpty())
        out << YAML::Key << "console" << YAML::Value << d.console.toStdString();
    if (!d.facility.isEmpty())
        out << YAML::Key << "facility" << YAML::Value << d.facility.toStdString();
    if (!d.ipxeScript.isEmpty())
        out << YAML::Key << "ipxe_script" << YAML::Value << YAML::Literal << d.ipxeScript.toStdString();
    if (!d.ipxeScriptUrl.isEmpty())
        out << YAML::Key << "ipxe_script_url" << YAML::Value << d.ipxeScriptUrl.toStdString();
    if (!d.osie.kernel.isEmpty() || !d.osie.initrd.isEmpty() || !d.osie.cmdline.isEmpty()) {
        out << YAML::Key << "osie" << YAML::Value << YAML::BeginMap;
        if (!d.osie.kernel.isEmpty())
            out << YAML::Key << "kernel" << YAML::Value << d.osie.kernel.toStdString();
        if (!d.osie.initrd.isEmpty())
            out << YAML::Key << "initrd" << YAML::Value << d.osie.initrd.toStdString();
        if (!d.osie.cmdline.isEmpty())
            out << YAML::Key << "cmdline" << YAML::Value << d.osie.cmdline.toStdString();
        out << YAML::EndMap;
    }
    if (d.isVirtual && !d.virtualFaults.any()) {
        out << YAML::Key << "virtual" << YAML::Value << true;
    } else if (d.isVirtual) {
        const VirtualFaultsConfig &f = d.virtualFaults;
        out << YAML::Key << "virtual" << YAML::Value << YAML::Flow << YAML::BeginMap;
        if (f.packetLossPercent > 0)
            out << YAML::Key << "packet_loss" << YAML::Value << f.packetLossPercent;
        if (f.delayMs > 0)
            out << YAML::Key << "delay_ms" << YAML::Value << f.delayMs;
        if (f.corruptPercent > 0)
            out << YAML::Key << "corrupt" << YAML::Value << f.corruptPercent;
        if (!f.badFile.isEmpty())
            out << YAML::Key << "bad_file" << YAML::Value << f.badFile.toStdString();
        out << YAML::EndMap;
    }
    if (d.netconsole)
        out << YAML::Key << "netconsole" << YAML::Value << true;
    if (!d.serialPort.isEmpty()) {
        out << YAML::Key << "serial_console" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "port"
            << YAML::Value << d.serialPort.toStdString();
        if (d.serialBaud != def.serialBaud)
            out << YAML::Key << "baud" << YAML::Value << d.serialBaud;
        out << YAML::EndMap;
    }
    if (!d.firmwareSettings.isEmpty()) {
        out << YAML::Key << "firmware_settings" << YAML::Value << YAML::BeginMap;
        for (auto it = d.firmwareSettings.cbegin(); it != d.firmwareSettings.cend(); ++it)
            out << YAML::Key << it.key().toStdString() << YAML::Value << YAML::DoubleQuoted << it.value().toStdString();
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

void writeDevices(YAML::Emitter &out, const QList<DeviceConfig> &devices)
{
    out << YAML::BeginMap;
    for (const auto &d : devices) {
        out << YAML::Key << YAML::DoubleQuoted << d.mac.toString().toStdString() << YAML::Value;
        writeDevice(out, d);
    }
    out << YAML::EndMap;
}

} // namespace config
