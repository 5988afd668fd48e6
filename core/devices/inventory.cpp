#include "inventory.h"

#include "common/atomicfile.h"
#include "common/logging.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

QJsonObject HardwareInventory::toJson() const
{
    QJsonArray disksJson;
    for (const Disk &d : disks)
        disksJson.append(QJsonObject{{QStringLiteral("name"), d.name},      {QStringLiteral("model"), d.model},
                                     {QStringLiteral("serial"), d.serial},  {QStringLiteral("size"), d.sizeBytes},
                                     {QStringLiteral("rotational"), d.rotational}, {QStringLiteral("type"), d.type}});
    QJsonArray nicsJson;
    for (const Nic &n : nics)
        nicsJson.append(QJsonObject{{QStringLiteral("name"), n.name},
                                    {QStringLiteral("mac_address"), n.mac.toString()},
                                    {QStringLiteral("speed_mbps"), n.speedMbps},
                                    {QStringLiteral("ipv4_address"), n.ipv4},
                                    {QStringLiteral("has_carrier"), n.hasCarrier}});
    return QJsonObject{
        {QStringLiteral("cpu"),
         QJsonObject{{QStringLiteral("architecture"), cpu.architecture}, {QStringLiteral("instruction_set"), cpu.instructionSet},
                     {QStringLiteral("model_name"), cpu.model},          {QStringLiteral("manufacturer"), cpu.manufacturer},
                     {QStringLiteral("count"), cpu.count},               {QStringLiteral("cores"), cpu.cores},
                     {QStringLiteral("threads"), cpu.threads},           {QStringLiteral("frequency"), cpu.maxSpeedMHz}}},
        {QStringLiteral("memory_mib"), memoryMiB},
        {QStringLiteral("disks"), disksJson},
        {QStringLiteral("interfaces"), nicsJson},
        {QStringLiteral("system_vendor"),
         QJsonObject{{QStringLiteral("manufacturer"), manufacturer},
                     {QStringLiteral("product_name"), productName},
                     {QStringLiteral("serial_number"), serialNumber}}},
        {QStringLiteral("source"), source},
        {QStringLiteral("collected_at"), collectedAt.toUTC().toString(Qt::ISODate)}};
}

HardwareInventory HardwareInventory::fromJson(const QJsonObject &o)
{
    HardwareInventory inv;
    const QJsonObject c = o.value(QStringLiteral("cpu")).toObject();
    inv.cpu.architecture = c.value(QStringLiteral("architecture")).toString();
    inv.cpu.instructionSet = c.value(QStringLiteral("instruction_set")).toString();
    inv.cpu.model = c.value(QStringLiteral("model_name")).toString();
    inv.cpu.manufacturer = c.value(QStringLiteral("manufacturer")).toString();
    inv.cpu.count = c.value(QStringLiteral("count")).toInt();
    inv.cpu.cores = c.value(QStringLiteral("cores")).toInt();
    inv.cpu.threads = c.value(QStringLiteral("threads")).toInt();
    inv.cpu.maxSpeedMHz = c.value(QStringLiteral("frequency")).toInt();
    inv.memoryMiB = o.value(QStringLiteral("memory_mib")).toInteger();
    for (const auto &v : o.value(QStringLiteral("disks")).toArray()) {
        const QJsonObject d = v.toObject();
        inv.disks.append({d.value(QStringLiteral("name")).toString(), d.value(QStringLiteral("model")).toString(),
                          d.value(QStringLiteral("serial")).toString(), d.value(QStringLiteral("size")).toInteger(),
                          d.value(QStringLiteral("rotational")).toBool(), d.value(QStringLiteral("type")).toString()});
    }
    for (const auto &v : o.value(QStringLiteral("interfaces")).toArray()) {
        const QJsonObject n = v.toObject();
        Nic nic;
        nic.name = n.value(QStringLiteral("name")).toString();
        nic.mac = MacAddress::parse(n.value(QStringLiteral("mac_address")).toString()).value_or(MacAddress());
        nic.speedMbps = n.value(QStringLiteral("speed_mbps")).toInt();
        nic.ipv4 = n.value(QStringLiteral("ipv4_address")).toString();
        nic.hasCarrier = n.value(QStringLiteral("has_carrier")).toBool();
        inv.nics.append(nic);
    }
    const QJsonObject sys = o.value(QStringLiteral("system_vendor")).toObject();
    inv.manufacturer = sys.value(QStringLiteral("manufacturer")).toString();
    inv.productName = sys.value(QStringLiteral("product_name")).toString();
    inv.serialNumber = sys.value(QStringLiteral("serial_number")).toString();
    inv.source = o.value(QStringLiteral("source")).toString();
    inv.collectedAt = QDateTime::fromString(o.value(QStringLiteral("collected_at")).toString(), Qt::ISODate);
    return inv;
}

HardwareInventory HardwareInventory::forModel(const QString &model, const MacAddress &mac)
{
    HardwareInventory inv;
    const QString m = model.toLower();
    const bool pi4 = m == QLatin1String("pi4") || m == QLatin1String("pi400") || m == QLatin1String("cm4");
    if (pi4) {
        // BCM2711: 4 × Cortex-A72 (ARMv8-A) at up to 1.5 GHz (1.8 GHz on later boards); RAM varies
        // (1–8 GiB) and is only known after inspection.
        inv.cpu = {QStringLiteral("aarch64"), QStringLiteral("ARM-A64"), QStringLiteral("Cortex-A72"),
                   QStringLiteral("ARM"), 1, 4, 4, m == QLatin1String("pi400") ? 1800 : 1500};
        inv.manufacturer = QStringLiteral("Raspberry Pi Ltd");
        inv.productName = m == QLatin1String("pi400") ? QStringLiteral("Raspberry Pi 400")
                        : m == QLatin1String("cm4") ? QStringLiteral("Raspberry Pi Compute Module 4")
                                                    : QStringLiteral("Raspberry Pi 4 Model B");
    } else if (m.startsWith(QLatin1String("qemu-x86_64"))) {
        inv.cpu = {QStringLiteral("x86_64"), QStringLiteral("x86-64"), QStringLiteral("QEMU Virtual CPU"),
                   QStringLiteral("QEMU"), 1, 1, 1, 0};
        inv.manufacturer = QStringLiteral("QEMU");
        inv.productName = QStringLiteral("Standard PC (Q35 + ICH9, 2009)");
    } else if (m.startsWith(QLatin1String("qemu-aarch64"))) {
        inv.cpu = {QStringLiteral("aarch64"), QStringLiteral("ARM-A64"), QStringLiteral("Cortex-A57"),
                   QStringLiteral("QEMU"), 1, 1, 1, 0};
        inv.manufacturer = QStringLiteral("QEMU");
        inv.productName = QStringLiteral("QEMU Virtual Machine");
    } else {
        return inv;
    }
    if (mac.isValid())
        inv.nics.append({QStringLiteral("eth0"), mac, pi4 ? 1000 : 0, QString(), false});
    inv.source = QStringLiteral("model-default");
    return inv;
}

InventoryStore::InventoryStore(QObject *parent)
    : QObject(parent)
{
}

void InventoryStore::open(const QString &directory)
{
    m_dir = directory;
    m_inventories.clear();
    QDir dir(directory);
    const auto files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &name : files) {
        const auto mac = MacAddress::parse(name.chopped(5));
        QFile f(dir.filePath(name));
        if (!mac || f.size() > (1 << 20) || !f.open(QIODevice::ReadOnly))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
        if (doc.isObject())
            m_inventories.insert(*mac, HardwareInventory::fromJson(doc.object()));
    }
}

HardwareInventory InventoryStore::inventory(const MacAddress &mac, const QString &model) const
{
    const auto it = m_inventories.constFind(mac);
    return it != m_inventories.cend() ? *it : HardwareInventory::forModel(model, mac);
}

bool InventoryStore::setInventory(const MacAddress &mac, const HardwareInventory &inventory, QString *error)
{
    if (!m_dir.isEmpty()) {
        const QString path = QDir(m_dir).filePath(mac.toDashed() + QStringLiteral(".json"));
        if (!atomicfile::write(path, QJsonDocument(inventory.toJson()).toJson(), error))
            return false;
    }
    m_inventories.insert(mac, inventory);
    Q_EMIT inventoryChanged(mac);
    return true;
}

void InventoryStore::forget(const MacAddress &mac)
{
    m_inventories.remove(mac);
    if (!m_dir.isEmpty())
        QFile::remove(QDir(m_dir).filePath(mac.toDashed() + QStringLiteral(".json")));
}
