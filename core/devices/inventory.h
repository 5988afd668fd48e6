#pragma once

#include "common/macaddress.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

// What a device is made of: CPU, memory, disks, NICs, system identity. Filled by inspection
// (the Ironic Python Agent callback, provisioning) or, until then, from the model's known
// defaults (e.g. a Pi 4: 4 × Cortex-A72, ARM-A64). Feeds Redfish Processors/Memory/Storage/
// EthernetInterfaces and the GUI.
struct HardwareInventory
{
    struct Cpu
    {
        QString architecture;        // "aarch64", "x86_64"
        QString instructionSet;      // Redfish: "ARM-A64", "x86-64"
        QString model;               // "Cortex-A72"
        QString manufacturer;
        int count = 0;               // sockets / packages
        int cores = 0;               // total cores
        int threads = 0;
        int maxSpeedMHz = 0;
    };
    struct Disk
    {
        QString name;                // "/dev/mmcblk0"
        QString model;
        QString serial;
        qint64 sizeBytes = 0;
        bool rotational = false;
        QString type;                // "SSD", "HDD", "SD", "eMMC", "USB"
    };
    struct Nic
    {
        QString name;                // "eth0"
        MacAddress mac;
        int speedMbps = 0;
        QString ipv4;
        bool hasCarrier = false;
    };

    Cpu cpu;
    qint64 memoryMiB = 0;            // 0 = unknown
    QList<Disk> disks;
    QList<Nic> nics;
    QString manufacturer;            // system vendor
    QString productName;
    QString serialNumber;
    QString source;                  // "model-default" or "inspection"
    QDateTime collectedAt;

    [[nodiscard]] bool isEmpty() const { return source.isEmpty(); }
    [[nodiscard]] QJsonObject toJson() const;
    static HardwareInventory fromJson(const QJsonObject &json);
    // Known defaults for a model id ("pi4", "pi400", "cm4", "qemu-x86_64", ...); empty if unknown.
    static HardwareInventory forModel(const QString &model, const MacAddress &mac);
};

// Per-device inventories, persisted as <dir>/<mac-dashes>.json (atomic writes).
class InventoryStore : public QObject
{
    Q_OBJECT
public:
    explicit InventoryStore(QObject *parent = nullptr);

    void open(const QString &directory);
    // The inspected inventory if any, else the model's defaults (source "model-default").
    [[nodiscard]] HardwareInventory inventory(const MacAddress &mac, const QString &model) const;
    [[nodiscard]] bool hasInspection(const MacAddress &mac) const { return m_inventories.contains(mac); }
    bool setInventory(const MacAddress &mac, const HardwareInventory &inventory, QString *error);
    void forget(const MacAddress &mac);

Q_SIGNALS:
    void inventoryChanged(const MacAddress &mac);

private:
    QString m_dir;
    QHash<MacAddress, HardwareInventory> m_inventories;
};
