#include "ipainspection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ipa {

namespace {

constexpr int MaxItems = 256;
constexpr int MaxText = 256;

QString text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isString())
        return v.toString().left(MaxText).trimmed();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    return {};
}

// IPA sends numbers as JSON numbers or strings ("1500.0000", "4").
qint64 number(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    double d = 0;
    if (v.isDouble())
        d = v.toDouble();
    else if (v.isString()) {
        bool ok = false;
        d = v.toString().trimmed().toDouble(&ok);
        if (!ok)
            return 0;
    }
    if (!(d >= 0) || d > 9.0e15)   // also rejects NaN
        return 0;
    return qint64(d);
}

QString instructionSetFor(const QString &arch)
{
    const QString a = arch.toLower();
    if (a == QLatin1String("aarch64") || a == QLatin1String("arm64"))
        return QStringLiteral("ARM-A64");
    if (a == QLatin1String("x86_64") || a == QLatin1String("amd64"))
        return QStringLiteral("x86-64");
    if (a.startsWith(QLatin1String("armv7")) || a == QLatin1String("arm"))
        return QStringLiteral("ARM-A32");
    if (a == QLatin1String("i686") || a == QLatin1String("i386"))
        return QStringLiteral("x86");
    return {};
}

QString cpuManufacturer(const QString &model, const QString &arch)
{
    const QString m = model.toLower();
    if (m.contains(QLatin1String("intel")))
        return QStringLiteral("Intel(R) Corporation");
    if (m.contains(QLatin1String("amd")))
        return QStringLiteral("Advanced Micro Devices, Inc.");
    if (m.contains(QLatin1String("cortex")) || arch.toLower() == QLatin1String("aarch64"))
        return QStringLiteral("ARM");
    return {};
}

QString diskType(const HardwareInventory::Disk &d, const QString &byPath)
{
    const QString name = d.name.toLower();
    if (byPath.contains(QLatin1String("-usb-")))
        return QStringLiteral("USB");
    if (name.contains(QLatin1String("mmcblk")))
        return name.contains(QLatin1String("boot")) ? QStringLiteral("eMMC") : QStringLiteral("SD");
    return d.rotational ? QStringLiteral("HDD") : QStringLiteral("SSD");
}

} // namespace

std::optional<MacAddress> parseBootInterface(const QString &value)
{
    QString v = value.trimmed();
    // pxelinux BOOTIF: "01-" (ARP hardware type Ethernet) + the MAC with dashes.
    if (v.size() == 20 && v.startsWith(QLatin1String("01-")))
        v = v.mid(3);
    return MacAddress::parse(v);
}

Result<Inspection> parseInspection(const QByteArray &json)
{
    if (json.size() > MaxBodyBytes)
        return Result<Inspection>::failure(QStringLiteral("inspection data larger than %1 bytes").arg(MaxBodyBytes));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return Result<Inspection>::failure(
            QStringLiteral("not valid JSON: %1 at offset %2").arg(err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return Result<Inspection>::failure(QStringLiteral("expected a JSON object"));
    const QJsonObject root = doc.object();
    const QJsonValue invValue = root.value(QStringLiteral("inventory"));
    if (!invValue.isObject())
        return Result<Inspection>::failure(QStringLiteral("missing \"inventory\" object (ironic-python-agent inspection data)"));
    const QJsonObject inv = invValue.toObject();

    Inspection out;
    HardwareInventory &hw = out.inventory;
    hw.source = QStringLiteral("inspection");
    hw.collectedAt = QDateTime::currentDateTimeUtc();

    const QJsonValue ifacesValue = inv.value(QStringLiteral("interfaces"));
    if (!ifacesValue.isArray())
        return Result<Inspection>::failure(QStringLiteral("inventory.interfaces must be a list"));
    const QJsonArray ifaces = ifacesValue.toArray();
    if (ifaces.size() > MaxItems)
        return Result<Inspection>::failure(QStringLiteral("more than %1 interfaces").arg(MaxItems));
    for (const QJsonValue &v : ifaces) {
        if (!v.isObject())
            continue;
        const QJsonObject o = v.toObject();
        const auto mac = MacAddress::parse(text(o, "mac_address"));
        if (!mac)
            continue;
        HardwareInventory::Nic nic;
        nic.name = text(o, "name");
        nic.mac = *mac;
        nic.ipv4 = text(o, "ipv4_address");
        nic.hasCarrier = o.value(QStringLiteral("has_carrier")).toBool(false);
        nic.speedMbps = int(qMin<qint64>(number(o, "speed_mbps"), 10000000));
        hw.nics.append(nic);
        if (!out.macs.contains(*mac))
            out.macs.append(*mac);
    }
    if (out.macs.isEmpty())
        return Result<Inspection>::failure(QStringLiteral("inventory.interfaces holds no valid mac_address"));

    const QJsonObject cpu = inv.value(QStringLiteral("cpu")).toObject();
    hw.cpu.model = text(cpu, "model_name");
    hw.cpu.architecture = text(cpu, "architecture");
    hw.cpu.instructionSet = instructionSetFor(hw.cpu.architecture);
    hw.cpu.manufacturer = cpuManufacturer(hw.cpu.model, hw.cpu.architecture);
    const int logical = int(qMin<qint64>(number(cpu, "count"), 65536));
    const int sockets = int(qMin<qint64>(number(cpu, "socket_count"), 1024));
    hw.cpu.count = sockets > 0 ? sockets : (logical > 0 ? 1 : 0);
    hw.cpu.cores = logical;
    hw.cpu.threads = logical;
    hw.cpu.maxSpeedMHz = int(qMin<qint64>(number(cpu, "frequency"), 1000000));

    const QJsonObject mem = inv.value(QStringLiteral("memory")).toObject();
    const qint64 physicalMb = number(mem, "physical_mb");
    const qint64 total = number(mem, "total");
    hw.memoryMiB = physicalMb > 0 ? physicalMb : total / (1024 * 1024);

    const QJsonArray disks = inv.value(QStringLiteral("disks")).toArray();
    if (disks.size() > MaxItems)
        return Result<Inspection>::failure(QStringLiteral("more than %1 disks").arg(MaxItems));
    for (const QJsonValue &v : disks) {
        if (!v.isObject())
            continue;
        const QJsonObject o = v.toObject();
        HardwareInventory::Disk d;
        d.name = text(o, "name");
        if (d.name.isEmpty())
            continue;
        d.model = text(o, "model");
        d.serial = text(o, "serial");
        d.sizeBytes = number(o, "size");
        d.rotational = o.value(QStringLiteral("rotational")).toBool(false);
        d.type = diskType(d, text(o, "by_path"));
        hw.disks.append(d);
    }

    const QJsonObject vendor = inv.value(QStringLiteral("system_vendor")).toObject();
    hw.manufacturer = text(vendor, "manufacturer");
    hw.productName = text(vendor, "product_name");
    hw.serialNumber = text(vendor, "serial_number");

    out.hostname = text(inv, "hostname");
    const QJsonObject boot = inv.value(QStringLiteral("boot")).toObject();
    out.bootMode = text(boot, "current_boot_mode");
    QString bootIf = text(root, "boot_interface");
    if (bootIf.isEmpty())
        bootIf = text(boot, "pxe_interface");
    if (!bootIf.isEmpty()) {
        const auto mac = parseBootInterface(bootIf);
        if (!mac)
            return Result<Inspection>::failure(QStringLiteral("boot_interface '%1' is not a MAC address").arg(bootIf.left(40)));
        out.bootMac = *mac;
    }
    const QJsonValue error = root.value(QStringLiteral("error"));
    if (error.isString())
        out.agentError = error.toString().left(2000);
    const QJsonValue rootDisk = root.value(QStringLiteral("root_disk"));
    if (rootDisk.isObject())
        out.rootDisk = text(rootDisk.toObject(), "name");
    return out;
}

QString kernelArgs(const QString &baseUrl, const MacAddress &mac, const QByteArray &token)
{
    QString callback = baseUrl + QStringLiteral("/v1/continue");
    if (!token.isEmpty())
        callback += QStringLiteral("?token=") + QString::fromLatin1(token);
    QStringList args{QStringLiteral("ipa-inspection-callback-url=") + callback,
                     QStringLiteral("ipa-inspection-collectors=default")};
    if (mac.isValid())
        args << QStringLiteral("BOOTIF=01-") + mac.toDashed();
    return args.join(QLatin1Char(' '));
}

} // namespace ipa
