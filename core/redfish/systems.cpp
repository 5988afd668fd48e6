// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "systems.h"

#include "common/logging.h"
#include "devices/bootcontrol.h"
#include "devices/deviceregistry.h"
#include "devices/firmwaresettings.h"
#include "devices/powercontrol.h"
#include "http/httpserver.h"
#include "redfishcontext.h"
#include "redfishodata.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace redfish {

namespace msg = redfish::messages;
using odata::Kind;

namespace {

QString systemUri(const QString &id)
{
    return u"/redfish/v1/Systems/"_s + id;
}

QJsonObject status(const QString &state = u"Enabled"_s, const QString &health = u"OK"_s)
{
    QJsonObject s{{u"State"_s, state}};
    if (!health.isEmpty())
        s.insert(u"Health"_s, health);
    return s;
}

QString nicId(const HardwareInventory::Nic &nic, int index)
{
    if (!nic.name.isEmpty()) {
        bool clean = nic.name.size() <= 32;
        for (QChar c : nic.name)
            clean = clean && (c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.');
        if (clean)
            return nic.name;
    }
    return u"nic%1"_s.arg(index);
}

QList<HardwareInventory::Nic> nicsOf(const DeviceInfo &device, const HardwareInventory &inv)
{
    QList<HardwareInventory::Nic> nics = inv.nics;
    bool hasBootNic = false;
    for (const auto &n : std::as_const(nics))
        hasBootNic = hasBootNic || n.mac == device.mac;
    if (!hasBootNic) {
        // The netboot NIC is always known: it is the device's identity.
        HardwareInventory::Nic n;
        n.name = u"eth0"_s;
        n.mac = device.mac;
        bool taken = false;
        for (const auto &other : std::as_const(nics))
            taken = taken || other.name == n.name;
        if (taken)
            n.name.clear();
        nics.prepend(n);
    }
    return nics;
}

QString driveProtocol(const HardwareInventory::Disk &d)
{
    const QString t = d.type.toUpper();
    const QString name = d.name.toLower();
    if (t == QLatin1String("USB") || name.contains(u"/sd"))
        return u"USB"_s;
    if (t == QLatin1String("NVME") || name.contains(u"nvme"))
        return u"NVMe"_s;
    // The Pi 4 SD slot (and eMMC on CM4) hang off the BCM2711 EMMC2 SDHCI controller.
    if (t == QLatin1String("SD") || t == QLatin1String("EMMC") || name.contains(u"mmcblk"))
        return u"eMMC"_s;
    if (t == QLatin1String("SATA") || t == QLatin1String("HDD"))
        return u"SATA"_s;
    return QString();
}

} // namespace

QStringList resetTypes()
{
    return {u"On"_s, u"ForceOff"_s, u"ForceRestart"_s, u"PowerCycle"_s};
}

QStringList bootTargets()
{
    return {u"None"_s, u"Pxe"_s, u"Hdd"_s, u"Cd"_s, u"UefiHttp"_s};
}

QStringList bootEnabledValues()
{
    return {u"Disabled"_s, u"Once"_s, u"Continuous"_s};
}

QString powerStateName(const DeviceInfo &device)
{
    switch (device.power) {
    case PowerState::On: return u"On"_s;
    case PowerState::Off: return u"Off"_s;
    case PowerState::PoweringOn: return u"PoweringOn"_s;
    case PowerState::PoweringOff: return u"PoweringOff"_s;
    case PowerState::Unknown: break;
    }
    // No power reading: infer only what the wire tells us.
    switch (device.stage) {
    case BootStage::Unknown: return QString();
    case BootStage::Off: return u"Off"_s;
    case BootStage::PoweringOn: return u"PoweringOn"_s;
    default: return u"On"_s;
    }
}

QString systemUuid(const MacAddress &mac)
{
    // RFC 4122 v5 in a fixed namespace: stable for the device, no SMBIOS UUID needed.
    static const QUuid ns(u"6f0c7b3e-2b8e-4b1c-9d7e-6d6574616c62"_s);
    return QUuid::createUuidV5(ns, mac.toString()).toString(QUuid::WithoutBraces);
}

QJsonObject systemCollectionBody(const QList<DeviceInfo> &devices)
{
    QStringList members;
    members.reserve(devices.size());
    for (const DeviceInfo &d : devices)
        members.append(systemUri(Context::systemId(d.mac)));
    return odata::collection(Kind::ComputerSystemCollection, u"/redfish/v1/Systems"_s, u"Computer System Collection"_s,
                             members);
}

QJsonObject systemBody(const SystemState &s)
{
    const DeviceInfo &d = s.device;
    const QString id = Context::systemId(d.mac);
    const QString uri = systemUri(id);
    const HardwareInventory &inv = s.inventory;

    QJsonObject boot{
        {u"BootSourceOverrideTarget"_s, BootOverride::targetName(s.boot.target)},
        {u"BootSourceOverrideTarget@Redfish.AllowableValues"_s, QJsonArray::fromStringList(bootTargets())},
        {u"BootSourceOverrideEnabled"_s, BootOverride::enabledName(s.boot.enabled)},
        {u"BootSourceOverrideEnabled@Redfish.AllowableValues"_s, QJsonArray::fromStringList(bootEnabledValues())},
        {u"BootSourceOverrideMode"_s, u"UEFI"_s},
        {u"BootSourceOverrideMode@Redfish.AllowableValues"_s, QJsonArray{u"UEFI"_s}},
        {u"HttpBootUri"_s, s.boot.httpBootUri.isEmpty() ? QJsonValue() : QJsonValue(s.boot.httpBootUri)},
        // What a PATCH may change in this object (RedfishExtensions WriteableProperties).
        {u"@Redfish.WriteableProperties"_s, QJsonArray{u"BootSourceOverrideTarget"_s, u"BootSourceOverrideEnabled"_s,
                                                       u"BootSourceOverrideMode"_s, u"HttpBootUri"_s}},
    };

    // No Status in the summaries: deprecated since ComputerSystem v1_16 (health lives on the members).
    QJsonObject processorSummary{{u"Count"_s, inv.cpu.count}};
    if (inv.cpu.cores > 0)
        processorSummary.insert(u"CoreCount"_s, inv.cpu.cores);
    if (inv.cpu.threads > 0)
        processorSummary.insert(u"LogicalProcessorCount"_s, inv.cpu.threads);
    if (!inv.cpu.model.isEmpty())
        processorSummary.insert(u"Model"_s, inv.cpu.model);

    // Memory is only known after inspection; null says "unknown" rather than a guess.
    QJsonObject memorySummary{
        {u"TotalSystemMemoryGiB"_s, inv.memoryMiB > 0 ? QJsonValue(double(inv.memoryMiB) / 1024.0) : QJsonValue()}};

    const QString power = powerStateName(d);
    QJsonObject links{
        {u"ManagedBy"_s, QJsonArray{odata::link(u"/redfish/v1/Managers/"_s + id)}},
        {u"Chassis"_s, QJsonArray{odata::link(u"/redfish/v1/Chassis/"_s + id)}},
    };

    QJsonObject body{
        {u"@odata.id"_s, uri},
        {u"@odata.type"_s, odata::type(Kind::ComputerSystem)},
        {u"Id"_s, id},
        {u"Name"_s, d.displayName()},
        {u"Description"_s, u"Metal Boot device %1"_s.arg(d.mac.toString())},
        {u"SystemType"_s, u"Physical"_s},
        {u"UUID"_s, systemUuid(d.mac)},
        {u"HostName"_s, d.name.isEmpty() ? QJsonValue() : QJsonValue(d.name)},
        {u"PowerState"_s, power.isEmpty() ? QJsonValue() : QJsonValue(power)},
        {u"Status"_s, status(d.stage == BootStage::Error ? u"Enabled"_s : u"Enabled"_s,
                             d.stage == BootStage::Error ? u"Warning"_s : u"OK"_s)},
        {u"Boot"_s, boot},
        {u"ProcessorSummary"_s, processorSummary},
        {u"MemorySummary"_s, memorySummary},
        {u"Processors"_s, odata::link(uri + u"/Processors"_s)},
        {u"Memory"_s, odata::link(uri + u"/Memory"_s)},
        {u"EthernetInterfaces"_s, odata::link(uri + u"/EthernetInterfaces"_s)},
        {u"Storage"_s, odata::link(uri + u"/Storage"_s)},
        {u"SimpleStorage"_s, odata::link(uri + u"/SimpleStorage"_s)},
        {u"SecureBoot"_s, odata::link(uri + u"/SecureBoot"_s)},
        {u"VirtualMedia"_s, odata::link(u"/redfish/v1/Managers/"_s + id + u"/VirtualMedia"_s)},
        {u"Links"_s, links},
    };
    if (!inv.manufacturer.isEmpty())
        body.insert(u"Manufacturer"_s, inv.manufacturer);
    if (!inv.productName.isEmpty())
        body.insert(u"Model"_s, inv.productName);
    const QString serial = !inv.serialNumber.isEmpty() ? inv.serialNumber : d.serial;
    if (!serial.isEmpty())
        body.insert(u"SerialNumber"_s, serial);
    if (s.hasBios) {
        body.insert(u"Bios"_s, odata::link(uri + u"/Bios"_s));
        if (!s.biosVersion.isEmpty())
            body.insert(u"BiosVersion"_s, s.biosVersion);
    }
    if (s.resettable) {
        body.insert(u"Actions"_s,
                    QJsonObject{{u"#ComputerSystem.Reset"_s,
                                 QJsonObject{{u"target"_s, uri + u"/Actions/ComputerSystem.Reset"_s},
                                             {u"ResetType@Redfish.AllowableValues"_s, QJsonArray::fromStringList(resetTypes())},
                                             {u"@Redfish.ActionInfo"_s, uri + u"/ResetActionInfo"_s}}}});
    }
    return body;
}

QJsonObject resetActionInfoBody(const QString &systemId)
{
    return QJsonObject{
        {u"@odata.id"_s, systemUri(systemId) + u"/ResetActionInfo"_s},
        {u"@odata.type"_s, odata::type(Kind::ActionInfo)},
        {u"Id"_s, u"ResetActionInfo"_s},
        {u"Name"_s, u"Reset Action Info"_s},
        {u"Parameters"_s, QJsonArray{QJsonObject{{u"Name"_s, u"ResetType"_s},
                                                 {u"Required"_s, true},
                                                 {u"DataType"_s, u"String"_s},
                                                 {u"AllowableValues"_s, QJsonArray::fromStringList(resetTypes())}}}},
    };
}

QJsonObject ethernetInterfaceCollectionBody(const QString &systemId, const DeviceInfo &device, const HardwareInventory &inv)
{
    QStringList members;
    const auto nics = nicsOf(device, inv);
    for (int i = 0; i < nics.size(); ++i)
        members << systemUri(systemId) + u"/EthernetInterfaces/"_s + nicId(nics.at(i), i);
    return odata::collection(Kind::EthernetInterfaceCollection, systemUri(systemId) + u"/EthernetInterfaces"_s,
                             u"Ethernet Interface Collection"_s, members);
}

QJsonObject ethernetInterfaceBody(const QString &systemId, const DeviceInfo &device, const HardwareInventory &inv,
                                  const QString &wanted, bool *found)
{
    const auto nics = nicsOf(device, inv);
    *found = false;
    for (int i = 0; i < nics.size(); ++i) {
        const auto &n = nics.at(i);
        const QString id = nicId(n, i);
        if (id != wanted)
            continue;
        *found = true;
        QJsonObject o{
            {u"@odata.id"_s, systemUri(systemId) + u"/EthernetInterfaces/"_s + id},
            {u"@odata.type"_s, odata::type(Kind::EthernetInterface)},
            {u"Id"_s, id},
            {u"Name"_s, n.name.isEmpty() ? id : n.name},
            {u"MACAddress"_s, n.mac.toString()},
            {u"PermanentMACAddress"_s, n.mac.toString()},
            {u"InterfaceEnabled"_s, true},
            {u"Status"_s, status()},
        };
        if (n.speedMbps > 0)
            o.insert(u"SpeedMbps"_s, n.speedMbps);
        if (n.hasCarrier)
            o.insert(u"LinkStatus"_s, u"LinkUp"_s);
        QString ip = n.ipv4;
        if (ip.isEmpty() && n.mac == device.mac && !device.ip.isNull())
            ip = device.ip.toString();
        if (!ip.isEmpty())
            o.insert(u"IPv4Addresses"_s, QJsonArray{QJsonObject{{u"Address"_s, ip}, {u"AddressOrigin"_s, u"DHCP"_s}}});
        return o;
    }
    return {};
}

QJsonObject processorCollectionBody(const QString &systemId, const HardwareInventory &inv)
{
    QStringList members;
    if (inv.cpu.count > 0 || inv.cpu.cores > 0)
        members << systemUri(systemId) + u"/Processors/CPU0"_s;
    return odata::collection(Kind::ProcessorCollection, systemUri(systemId) + u"/Processors"_s,
                             u"Processor Collection"_s, members);
}

QJsonObject processorBody(const QString &systemId, const HardwareInventory &inv)
{
    const auto &c = inv.cpu;
    QString arch;
    if (c.architecture == QLatin1String("aarch64") || c.architecture.startsWith(u"arm"))
        arch = u"ARM"_s;
    else if (c.architecture == QLatin1String("x86_64") || c.architecture == QLatin1String("i686"))
        arch = u"x86"_s;
    QJsonObject o{
        {u"@odata.id"_s, systemUri(systemId) + u"/Processors/CPU0"_s},
        {u"@odata.type"_s, odata::type(Kind::Processor)},
        {u"Id"_s, u"CPU0"_s},
        {u"Name"_s, u"Processor"_s},
        {u"ProcessorType"_s, u"CPU"_s},
        {u"Socket"_s, u"SoC"_s},
        {u"Status"_s, status()},
    };
    if (!arch.isEmpty())
        o.insert(u"ProcessorArchitecture"_s, arch);
    if (!c.instructionSet.isEmpty())
        o.insert(u"InstructionSet"_s, c.instructionSet);
    if (!c.manufacturer.isEmpty())
        o.insert(u"Manufacturer"_s, c.manufacturer);
    if (!c.model.isEmpty())
        o.insert(u"Model"_s, c.model);
    if (c.maxSpeedMHz > 0)
        o.insert(u"MaxSpeedMHz"_s, c.maxSpeedMHz);
    if (c.cores > 0)
        o.insert(u"TotalCores"_s, c.cores);
    if (c.threads > 0)
        o.insert(u"TotalThreads"_s, c.threads);
    return o;
}

QJsonObject memoryCollectionBody(const QString &systemId, const HardwareInventory &inv)
{
    QStringList members;
    if (inv.memoryMiB > 0)
        members << systemUri(systemId) + u"/Memory/RAM0"_s;
    return odata::collection(Kind::MemoryCollection, systemUri(systemId) + u"/Memory"_s, u"Memory Collection"_s, members);
}

QJsonObject memoryBody(const QString &systemId, const HardwareInventory &inv)
{
    return QJsonObject{
        {u"@odata.id"_s, systemUri(systemId) + u"/Memory/RAM0"_s},
        {u"@odata.type"_s, odata::type(Kind::Memory)},
        {u"Id"_s, u"RAM0"_s},
        {u"Name"_s, u"System memory"_s},
        {u"MemoryType"_s, u"DRAM"_s},
        {u"CapacityMiB"_s, inv.memoryMiB},
        {u"Status"_s, status()},
    };
}

QJsonObject storageCollectionBody(const QString &systemId, const HardwareInventory &inv)
{
    QStringList members;
    if (!inv.disks.isEmpty())
        members << systemUri(systemId) + u"/Storage/1"_s;
    return odata::collection(Kind::StorageCollection, systemUri(systemId) + u"/Storage"_s, u"Storage Collection"_s, members);
}

QJsonObject storageBody(const QString &systemId, const HardwareInventory &inv)
{
    const QString uri = systemUri(systemId) + u"/Storage/1"_s;
    QJsonArray drives;
    for (int i = 0; i < inv.disks.size(); ++i)
        drives.append(odata::link(uri + u"/Drives/"_s + QString::number(i)));
    return QJsonObject{
        {u"@odata.id"_s, uri},
        {u"@odata.type"_s, odata::type(Kind::Storage)},
        {u"Id"_s, u"1"_s},
        {u"Name"_s, u"Local storage"_s},
        {u"Drives"_s, drives},
        {u"Drives@odata.count"_s, drives.size()},
        {u"Controllers"_s, odata::link(uri + u"/Controllers"_s)},
        {u"Volumes"_s, odata::link(uri + u"/Volumes"_s)},
        {u"Status"_s, status()},
    };
}

QJsonObject storageControllerCollectionBody(const QString &systemId)
{
    const QString uri = systemUri(systemId) + u"/Storage/1/Controllers"_s;
    return odata::collection(Kind::StorageControllerCollection, uri, u"Storage Controller Collection"_s,
                             {uri + u"/0"_s});
}

QJsonObject storageControllerBody(const QString &systemId, const HardwareInventory &inv)
{
    QJsonArray protocols;
    for (const auto &d : inv.disks) {
        const QString p = driveProtocol(d);
        if (!p.isEmpty() && !protocols.contains(p))
            protocols.append(p);
    }
    return QJsonObject{
        {u"@odata.id"_s, systemUri(systemId) + u"/Storage/1/Controllers/0"_s},
        {u"@odata.type"_s, odata::type(Kind::StorageController)},
        {u"Id"_s, u"0"_s},
        {u"Name"_s, u"On-board storage interfaces"_s},
        {u"SupportedControllerProtocols"_s, protocols},
        {u"SupportedDeviceProtocols"_s, protocols},
        {u"SupportedRAIDTypes"_s, QJsonArray()},
        {u"Status"_s, status()},
    };
}

QJsonObject volumeCollectionBody(const QString &systemId)
{
    QJsonObject o = odata::collection(Kind::VolumeCollection, systemUri(systemId) + u"/Storage/1/Volumes"_s,
                                      u"Volume Collection"_s, {});
    // No RAID on a Pi: volumes cannot be created, so no apply time is supported.
    o.insert(u"@Redfish.OperationApplyTimeSupport"_s,
             QJsonObject{{u"@odata.type"_s, u"#Settings.v1_3_5.OperationApplyTimeSupport"_s},
                         {u"SupportedValues"_s, QJsonArray()}});
    return o;
}

QJsonObject driveBody(const QString &systemId, const HardwareInventory &inv, int index)
{
    const auto &d = inv.disks.at(index);
    const QString id = QString::number(index);
    QJsonObject o{
        {u"@odata.id"_s, systemUri(systemId) + u"/Storage/1/Drives/"_s + id},
        {u"@odata.type"_s, odata::type(Kind::Drive)},
        {u"Id"_s, id},
        {u"Name"_s, d.name.isEmpty() ? u"Drive %1"_s.arg(index) : d.name},
        {u"CapacityBytes"_s, d.sizeBytes},
        {u"MediaType"_s, d.rotational ? u"HDD"_s : u"SSD"_s},
        {u"Status"_s, status()},
    };
    const QString protocol = driveProtocol(d);
    if (!protocol.isEmpty())
        o.insert(u"Protocol"_s, protocol);
    if (!d.model.isEmpty())
        o.insert(u"Model"_s, d.model);
    if (!d.serial.isEmpty())
        o.insert(u"SerialNumber"_s, d.serial);
    return o;
}

QJsonObject simpleStorageCollectionBody(const QString &systemId, const HardwareInventory &inv)
{
    QStringList members;
    if (!inv.disks.isEmpty())
        members << systemUri(systemId) + u"/SimpleStorage/1"_s;
    return odata::collection(Kind::SimpleStorageCollection, systemUri(systemId) + u"/SimpleStorage"_s,
                             u"Simple Storage Collection"_s, members);
}

QJsonObject simpleStorageBody(const QString &systemId, const HardwareInventory &inv)
{
    QJsonArray devices;
    for (const auto &d : inv.disks) {
        QJsonObject o{{u"Name"_s, d.name}, {u"CapacityBytes"_s, d.sizeBytes}, {u"Status"_s, status()}};
        if (!d.model.isEmpty())
            o.insert(u"Model"_s, d.model);
        devices.append(o);
    }
    return QJsonObject{
        {u"@odata.id"_s, systemUri(systemId) + u"/SimpleStorage/1"_s},
        {u"@odata.type"_s, odata::type(Kind::SimpleStorage)},
        {u"Id"_s, u"1"_s},
        {u"Name"_s, u"Local disks"_s},
        {u"Devices"_s, devices},
        {u"Status"_s, status()},
    };
}

QList<json::Property> systemPatchSchema()
{
    using json::Property;
    using json::Type;
    Property boot{u"Boot"_s, Type::Object};
    boot.children = {
        Property{u"BootSourceOverrideTarget"_s, Type::String, bootTargets()},
        Property{u"BootSourceOverrideEnabled"_s, Type::String, bootEnabledValues()},
        Property{u"BootSourceOverrideMode"_s, Type::String, {u"UEFI"_s}},
        Property{u"HttpBootUri"_s, Type::NullableString, {}, true, {}, 0, 0, 2048},
    };
    // Read-only properties a client may echo back.
    QList<Property> schema{boot};
    for (const char *ro : {"Id", "Name", "UUID", "PowerState", "Status", "Description", "SystemType", "Manufacturer",
                           "Model", "SerialNumber", "BiosVersion", "HostName", "ProcessorSummary", "MemorySummary",
                           "Links", "Actions"})
        schema.append(Property{QString::fromLatin1(ro), Type::Any, {}, false});
    return schema;
}

bool applyBootPatch(const QJsonObject &boot, BootOverride *ov, QList<msg::Message> *errors)
{
    if (boot.contains(u"BootSourceOverrideTarget"_s))
        BootOverride::targetFromName(boot.value(u"BootSourceOverrideTarget"_s).toString(), &ov->target);
    if (boot.contains(u"BootSourceOverrideEnabled"_s))
        BootOverride::enabledFromName(boot.value(u"BootSourceOverrideEnabled"_s).toString(), &ov->enabled);
    if (boot.contains(u"BootSourceOverrideMode"_s))
        ov->mode = boot.value(u"BootSourceOverrideMode"_s).toString();
    if (boot.contains(u"HttpBootUri"_s)) {
        const QString uri = boot.value(u"HttpBootUri"_s).toString();
        if (!uri.isEmpty()) {
            const QUrl url(uri, QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty()
                || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
                errors->append(msg::propertyValueFormatError(uri.left(200), u"Boot/HttpBootUri"_s));
                return false;
            }
        }
        ov->httpBootUri = uri;
    }
    return true;
}

// ---- handlers ---------------------------------------------------------------------------------

namespace {

HttpResponse notFound(const QString &type, const QString &id)
{
    return errorResponse(msg::resourceNotFound(type, id.left(64)));
}

SystemState stateFor(Context &ctx, const DeviceInfo &d)
{
    SystemState s;
    s.device = d;
    s.boot = ctx.backend.bootControl->override(d.mac);
    s.inventory = ctx.backend.inventory->inventory(d.mac, d.model);
    PowerControl *power = ctx.backend.powerControl ? ctx.backend.powerControl() : nullptr;
    QString why;
    s.resettable = power && power->canControl(d.mac, &why);
    FirmwareSettings *fw = ctx.backend.firmwareSettings ? ctx.backend.firmwareSettings() : nullptr;
    s.hasBios = fw != nullptr;
    if (fw)
        s.biosVersion = fw->firmwareVersion(d.mac);
    return s;
}

HttpResponse handleSystemCollectionGet(Context &ctx, HttpRequest &req)
{
    if (auto cached = ctx.cachedGet(req, {}))
        return *cached;
    return ctx.storeGet(req, {}, systemCollectionBody(ctx.devices()));
}

HttpResponse handleSystemGet(Context &ctx, HttpRequest &req)
{
    const QString id = req.param(u"id"_s);
    const auto d = ctx.device(id);
    if (!d)
        return notFound(u"ComputerSystem"_s, id);
    // Besides the lab state (generation), the body depends on the power controller and firmware
    // settings objects, which other subsystems may swap: their answers are part of the key.
    PowerControl *power = ctx.backend.powerControl ? ctx.backend.powerControl() : nullptr;
    FirmwareSettings *fw = ctx.backend.firmwareSettings ? ctx.backend.firmwareSettings() : nullptr;
    QString why;
    const QByteArray key = QByteArray::number(quintptr(power)) + (power && power->canControl(d->mac, &why) ? "+" : "-")
        + QByteArray::number(quintptr(fw)) + (fw ? fw->firmwareVersion(d->mac).toUtf8() : QByteArray());
    if (auto cached = ctx.cachedGet(req, key))
        return *cached;
    return ctx.storeGet(req, key, systemBody(stateFor(ctx, *d)));
}

HttpResponse handleSystemPatch(Context &ctx, HttpRequest &req, const Auth &auth)
{
    const QString id = req.param(u"id"_s);
    const auto d = ctx.device(id);
    if (!d)
        return notFound(u"ComputerSystem"_s, id);
    const QJsonObject current = systemBody(stateFor(ctx, *d));
    if (auto failed = checkIfMatch(req, current))
        return *failed;
    QJsonObject body;
    if (auto bad = readBody(req, &body))
        return *bad;
    if (body.isEmpty())
        return errorResponse(msg::emptyJson());
    QList<msg::Message> errors;
    const QJsonObject accepted = json::readPatch(body, systemPatchSchema(), &errors);
    if (!errors.isEmpty())
        return errorResponse(errors);
    BootOverride ov = ctx.backend.bootControl->override(d->mac);
    const BootOverride before = ov;
    if (!applyBootPatch(accepted.value(u"Boot"_s).toObject(), &ov, &errors))
        return errorResponse(errors);
    ctx.backend.bootControl->setOverride(d->mac, ov);
    ctx.journal(d->mac, auth,
                u"boot override %1 (%2)%3"_s.arg(BootOverride::targetName(ov.target), BootOverride::enabledName(ov.enabled),
                                                 ov.httpBootUri.isEmpty() ? QString() : u" uri "_s + ov.httpBootUri),
                QJsonObject{{u"action"_s, u"boot-override"_s},
                            {u"target"_s, BootOverride::targetName(ov.target)},
                            {u"enabled"_s, BootOverride::enabledName(ov.enabled)},
                            {u"previous_target"_s, BootOverride::targetName(before.target)},
                            {u"previous_enabled"_s, BootOverride::enabledName(before.enabled)}});
    return jsonResponse(req, systemBody(stateFor(ctx, *d)));
}

HttpResponse handleSystemReset(Context &ctx, HttpRequest &req, const Auth &auth)
{
    const QString id = req.param(u"id"_s);
    const auto d = ctx.device(id);
    if (!d)
        return notFound(u"ComputerSystem"_s, id);
    const QString action = u"ComputerSystem.Reset"_s;
    PowerControl *power = ctx.backend.powerControl ? ctx.backend.powerControl() : nullptr;
    QString why = u"no power controller in this lab"_s;
    if (!power || !power->canControl(d->mac, &why)) {
        qCWarning(lcRedfish).noquote() << d->mac.toString() << "reset refused:" << why;
        return errorResponse(msg::actionNotSupported(action));
    }
    QJsonObject body;
    if (auto bad = readBody(req, &body))
        return *bad;
    QList<msg::Message> errors;
    if (!json::readAction(body, action, {json::Parameter{u"ResetType"_s, json::Type::String, resetTypes(), true}}, &errors))
        return errorResponse(errors);
    const QString type = body.value(u"ResetType"_s).toString();
    PowerControl::Action pa = PowerControl::Action::Cycle;
    if (type == QLatin1String("On"))
        pa = PowerControl::Action::On;
    else if (type == QLatin1String("ForceOff"))
        pa = PowerControl::Action::Off;
    ctx.journal(d->mac, auth, u"reset %1 requested"_s.arg(type),
                QJsonObject{{u"action"_s, u"reset"_s}, {u"reset_type"_s, type}});
    const PendingResponse pending = req.defer();
    const MacAddress mac = d->mac;
    Context *c = &ctx;
    power->requestPower(mac, pa, auth.requester(), [pending, c, mac, auth, type](bool ok, const QString &error) {
        if (ok) {
            pending.send(HttpResponse(204));
            return;
        }
        c->journal(mac, auth, u"reset %1 failed: %2"_s.arg(type, error),
                   QJsonObject{{u"action"_s, u"reset"_s}, {u"reset_type"_s, type}, {u"error"_s, error}});
        pending.send(errorResponse(msg::operationFailed(), 500));
    });
    return HttpResponse::deferred();
}

// One handler for the inventory sub-resources: they all need the device and its inventory.
HttpResponse handleInventoryGet(Context &ctx, HttpRequest &req, const QString &what)
{
    const QString id = req.param(u"id"_s);
    const auto d = ctx.device(id);
    if (!d)
        return notFound(u"ComputerSystem"_s, id);
    const HardwareInventory inv = ctx.backend.inventory->inventory(d->mac, d->model);
    const QString sub = req.param(u"sub"_s);
    if (what == QLatin1String("ResetActionInfo")) {
        PowerControl *power = ctx.backend.powerControl ? ctx.backend.powerControl() : nullptr;
        QString why;
        if (!power || !power->canControl(d->mac, &why))
            return notFound(u"ActionInfo"_s, u"ResetActionInfo"_s);
        return jsonResponse(req, resetActionInfoBody(id));
    }
    if (what == QLatin1String("EthernetInterfaces"))
        return jsonResponse(req, ethernetInterfaceCollectionBody(id, *d, inv));
    if (what == QLatin1String("EthernetInterface")) {
        bool found = false;
        const QJsonObject o = ethernetInterfaceBody(id, *d, inv, sub, &found);
        return found ? jsonResponse(req, o) : notFound(u"EthernetInterface"_s, sub);
    }
    if (what == QLatin1String("Processors"))
        return jsonResponse(req, processorCollectionBody(id, inv));
    if (what == QLatin1String("Processor"))
        return sub == QLatin1String("CPU0") && (inv.cpu.count > 0 || inv.cpu.cores > 0)
            ? jsonResponse(req, processorBody(id, inv))
            : notFound(u"Processor"_s, sub);
    if (what == QLatin1String("Memory"))
        return jsonResponse(req, memoryCollectionBody(id, inv));
    if (what == QLatin1String("MemoryModule"))
        return sub == QLatin1String("RAM0") && inv.memoryMiB > 0 ? jsonResponse(req, memoryBody(id, inv))
                                                                  : notFound(u"Memory"_s, sub);
    if (what == QLatin1String("StorageCollection"))
        return jsonResponse(req, storageCollectionBody(id, inv));
    if (what == QLatin1String("SimpleStorageCollection"))
        return jsonResponse(req, simpleStorageCollectionBody(id, inv));
    // Everything below exists only with at least one disk.
    if (inv.disks.isEmpty() || (!sub.isEmpty() && sub != QLatin1String("1")))
        return notFound(what.startsWith(u"Simple") ? u"SimpleStorage"_s : u"Storage"_s, sub);
    if (what == QLatin1String("Storage"))
        return jsonResponse(req, storageBody(id, inv));
    if (what == QLatin1String("SimpleStorage"))
        return jsonResponse(req, simpleStorageBody(id, inv));
    if (what == QLatin1String("Controllers"))
        return jsonResponse(req, storageControllerCollectionBody(id));
    if (what == QLatin1String("Controller"))
        return req.param(u"item"_s) == QLatin1String("0") ? jsonResponse(req, storageControllerBody(id, inv))
                                                          : notFound(u"StorageController"_s, req.param(u"item"_s));
    if (what == QLatin1String("Volumes"))
        return jsonResponse(req, volumeCollectionBody(id));
    if (what == QLatin1String("Drive")) {
        bool ok = false;
        const int index = req.param(u"item"_s).toInt(&ok);
        if (!ok || index < 0 || index >= inv.disks.size() || QString::number(index) != req.param(u"item"_s))
            return notFound(u"Drive"_s, req.param(u"item"_s));
        return jsonResponse(req, driveBody(id, inv, index));
    }
    return notFound(what, sub);
}

} // namespace

void registerRoutesSystems(Context &ctx)
{
    namespace p = privileges;
    Context *c = &ctx;
    ctx.route(HttpServer::Get, u"/redfish/v1/Systems"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return handleSystemCollectionGet(*c, r); });
    ctx.route(HttpServer::Get, u"/redfish/v1/Systems/{id}"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return handleSystemGet(*c, r); });
    ctx.route(HttpServer::Patch, u"/redfish/v1/Systems/{id}"_s, p::configureComponents(),
              [c](HttpRequest &r, const Auth &a) { return handleSystemPatch(*c, r, a); });
    ctx.route(HttpServer::Post, u"/redfish/v1/Systems/{id}/Actions/ComputerSystem.Reset"_s, p::configureComponents(),
              [c](HttpRequest &r, const Auth &a) { return handleSystemReset(*c, r, a); });
    const QList<QPair<QString, QString>> inventoryRoutes{
        {u"/ResetActionInfo"_s, u"ResetActionInfo"_s},
        {u"/EthernetInterfaces"_s, u"EthernetInterfaces"_s},
        {u"/EthernetInterfaces/{sub}"_s, u"EthernetInterface"_s},
        {u"/Processors"_s, u"Processors"_s},
        {u"/Processors/{sub}"_s, u"Processor"_s},
        {u"/Memory"_s, u"Memory"_s},
        {u"/Memory/{sub}"_s, u"MemoryModule"_s},
        {u"/Storage"_s, u"StorageCollection"_s},
        {u"/Storage/{sub}"_s, u"Storage"_s},
        {u"/Storage/{sub}/Controllers"_s, u"Controllers"_s},
        {u"/Storage/{sub}/Controllers/{item}"_s, u"Controller"_s},
        {u"/Storage/{sub}/Volumes"_s, u"Volumes"_s},
        {u"/Storage/{sub}/Drives/{item}"_s, u"Drive"_s},
        {u"/SimpleStorage"_s, u"SimpleStorageCollection"_s},
        {u"/SimpleStorage/{sub}"_s, u"SimpleStorage"_s},
    };
    for (const auto &[suffix, what] : inventoryRoutes) {
        const QString w = what;
        ctx.route(HttpServer::Get, u"/redfish/v1/Systems/{id}"_s + suffix, p::login(),
                  [c, w](HttpRequest &r, const Auth &) { return handleInventoryGet(*c, r, w); });
    }
}

} // namespace redfish
