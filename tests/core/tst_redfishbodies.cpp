// The pure Redfish resource-body functions (bmcweb's "…GetBody" layer), called directly without a
// server: ServiceRoot, ComputerSystem (Boot, AllowableValues, Reset action and ActionInfo),
// Manager and VirtualMedia (InsertMedia parameters), Chassis power, Bios with @Redfish.Settings
// and its PATCH reader, Sessions/Accounts/Roles, Tasks.

#include "redfish/accountservice.h"
#include "redfish/bios.h"
#include "redfish/chassis.h"
#include "redfish/managers.h"
#include "redfish/serviceroot.h"
#include "redfish/systems.h"
#include "redfish/taskstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
namespace msg = redfish::messages;

namespace {

const MacAddress Mac = *MacAddress::parse(u"dc:a6:32:01:36:c2"_s);
const QString Id = u"dc-a6-32-01-36-c2"_s;

QJsonObject parse(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

QStringList ids(const QList<msg::Message> &messages)
{
    QStringList out;
    for (const auto &m : messages)
        out << m.id + u'(' + m.args.join(u',') + u')';
    return out;
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        out << e.toString();
    return out;
}

DeviceInfo device(PowerState power = PowerState::Off, BootStage stage = BootStage::Off)
{
    DeviceInfo d;
    d.mac = Mac;
    d.name = u"pi-007"_s;
    d.serial = u"6b1d0007"_s;
    d.model = u"pi4"_s;
    d.power = power;
    d.stage = stage;
    return d;
}

redfish::SystemState systemState()
{
    redfish::SystemState s;
    s.device = device();
    s.inventory = HardwareInventory::forModel(u"pi4"_s, Mac);
    return s;
}

QList<FirmwareSettings::Attribute> biosAttributes()
{
    using A = FirmwareSettings::Attribute;
    A cpu;
    cpu.name = u"CpuClock"_s;
    cpu.type = A::Type::Enumeration;
    cpu.allowedValues = {{u"0"_s, u"Default"_s}, {u"1"_s, u"Low"_s}, {u"2"_s, u"Max"_s}};
    cpu.currentValue = u"2"_s;
    A ram;
    ram.name = u"RamLimitTo3GB"_s;
    ram.type = A::Type::Boolean;
    ram.currentValue = false;
    A fan;
    fan.name = u"FanOnGpio"_s;
    fan.type = A::Type::Integer;
    fan.lowerBound = 0;
    fan.upperBound = 40;
    fan.currentValue = 18;
    A label;
    label.name = u"AssetTag"_s;
    label.type = A::Type::String;
    label.maxLength = 8;
    label.currentValue = u"lab"_s;
    A serial;
    serial.name = u"SerialNumber"_s;
    serial.type = A::Type::String;
    serial.readOnly = true;
    serial.currentValue = u"6b1d"_s;
    return {cpu, ram, fan, label, serial};
}

} // namespace

class TestRedfishBodies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void serviceRoot();
    void registries();
    void systemCollection();
    void systemBoot();
    void systemResetAction_data();
    void systemResetAction();
    void systemPowerState_data();
    void systemPowerState();
    void systemInventory();
    void systemUuidStable();
    void resetActionInfo();
    void applyBootPatch_data();
    void applyBootPatch();
    void ethernetInterfaces();
    void processorAndStorage();
    void manager();
    void virtualMedia();
    void insertMedia_data();
    void insertMedia();
    void virtualMediaPatch_data();
    void virtualMediaPatch();
    void chassisAndPower();
    void bios();
    void biosRunningValues();
    void biosAttributeRegistry();
    void biosPatch_data();
    void biosPatch();
    void sessionsAndAccounts();
    void roles_data();
    void roles();
    void tasks();
    void taskStoreBounded();
};

void TestRedfishBodies::serviceRoot()
{
    const QJsonObject root = redfish::serviceRootBody(u"5b1c6f4e-0000-5000-8000-000000000001"_s);
    QCOMPARE(root.value(u"@odata.id"_s).toString(), u"/redfish/v1/"_s);
    QVERIFY(root.value(u"@odata.type"_s).toString().startsWith(u"#ServiceRoot.v1_"_s));
    QCOMPARE(root.value(u"UUID"_s).toString(), u"5b1c6f4e-0000-5000-8000-000000000001"_s);
    // The Ironic profile requires RedfishVersion >= 1.6.0.
    const QStringList v = root.value(u"RedfishVersion"_s).toString().split(u'.');
    QCOMPARE(v.size(), 3);
    QVERIFY(v.at(0).toInt() > 1 || v.at(1).toInt() >= 6);
    for (const char *key : {"Systems", "Chassis", "Managers", "SessionService", "AccountService", "UpdateService",
                            "Tasks", "EventService", "Registries"}) {
        const QString link = root.value(QString::fromLatin1(key)).toObject().value(u"@odata.id"_s).toString();
        QVERIFY2(link.startsWith(u"/redfish/v1/"_s), key);
    }
    QCOMPARE(root.value(u"Links"_s).toObject().value(u"Sessions"_s).toObject().value(u"@odata.id"_s).toString(),
             u"/redfish/v1/SessionService/Sessions"_s);
    // Query parameters we do not implement are declared unsupported.
    const QJsonObject features = root.value(u"ProtocolFeaturesSupported"_s).toObject();
    QCOMPARE(features.value(u"SelectQuery"_s).toBool(true), false);
    QCOMPARE(features.value(u"ExpandQuery"_s).toObject().value(u"ExpandAll"_s).toBool(true), false);
}

void TestRedfishBodies::registries()
{
    QCOMPARE(redfish::registriesCollectionBody(false).value(u"Members@odata.count"_s).toInt(), 2);
    QCOMPARE(redfish::registriesCollectionBody(true).value(u"Members@odata.count"_s).toInt(), 3);
    // sushy finds the BIOS attribute registry by Bios.AttributeRegistry == MessageRegistryFile.Registry.
    QCOMPARE(redfish::registryFileBody(u"BiosAttributeRegistry"_s).value(u"Registry"_s).toString(),
             QString::fromLatin1(redfish::BiosAttributeRegistryId));
    QCOMPARE(redfish::biosBody(Id, {}, {}, {}).value(u"AttributeRegistry"_s).toString(),
             QString::fromLatin1(redfish::BiosAttributeRegistryId));
    QCOMPARE(redfish::registryFileBody(u"Base"_s).value(u"Registry"_s).toString(), u"Base.1.19"_s);
    QCOMPARE(redfish::registryFileBody(u"MetalBoot"_s).value(u"Registry"_s).toString(), u"MetalBoot.1.0"_s);
    QVERIFY(redfish::registryFileBody(u"Nope"_s).isEmpty());
    const QJsonObject ours = redfish::metalBootRegistryBody().value(u"Messages"_s).toObject();
    for (const char *event : {"PowerStateChanged", "BootProgressChanged", "BootFailed"})
        QVERIFY2(ours.contains(QString::fromLatin1(event)), event);
}

void TestRedfishBodies::systemCollection()
{
    DeviceInfo a = device();
    DeviceInfo b = device();
    b.mac = *MacAddress::parse(u"dc:a6:32:00:00:01"_s);
    const QJsonObject c = redfish::systemCollectionBody({a, b});
    QCOMPARE(c.value(u"@odata.id"_s).toString(), u"/redfish/v1/Systems"_s);
    QCOMPARE(c.value(u"Members@odata.count"_s).toInt(), 2);
    const QJsonArray members = c.value(u"Members"_s).toArray();
    QCOMPARE(members.at(0).toObject().value(u"@odata.id"_s).toString(), u"/redfish/v1/Systems/"_s + Id);
    QCOMPARE(members.at(1).toObject().value(u"@odata.id"_s).toString(), u"/redfish/v1/Systems/dc-a6-32-00-00-01"_s);
    QCOMPARE(redfish::systemCollectionBody({}).value(u"Members@odata.count"_s).toInt(), 0);
}

void TestRedfishBodies::systemBoot()
{
    redfish::SystemState s = systemState();
    s.boot.target = BootOverride::Target::Pxe;
    s.boot.enabled = BootOverride::Enabled::Once;
    const QJsonObject body = redfish::systemBody(s);
    QCOMPARE(body.value(u"Id"_s).toString(), Id);
    QCOMPARE(body.value(u"@odata.id"_s).toString(), u"/redfish/v1/Systems/"_s + Id);
    QCOMPARE(body.value(u"Name"_s).toString(), u"pi-007"_s);
    const QJsonObject boot = body.value(u"Boot"_s).toObject();
    QCOMPARE(boot.value(u"BootSourceOverrideTarget"_s).toString(), u"Pxe"_s);
    QCOMPARE(boot.value(u"BootSourceOverrideEnabled"_s).toString(), u"Once"_s);
    QCOMPARE(boot.value(u"BootSourceOverrideMode"_s).toString(), u"UEFI"_s);
    QVERIFY(boot.value(u"HttpBootUri"_s).isNull());
    // The Ironic profile's write-mandatory values are all published.
    const QStringList targets = strings(boot.value(u"BootSourceOverrideTarget@Redfish.AllowableValues"_s));
    for (const QString &t : {u"Pxe"_s, u"Hdd"_s, u"Cd"_s, u"UefiHttp"_s, u"None"_s})
        QVERIFY2(targets.contains(t), qPrintable(t));
    QCOMPARE(strings(boot.value(u"BootSourceOverrideEnabled@Redfish.AllowableValues"_s)),
             (QStringList{u"Disabled"_s, u"Once"_s, u"Continuous"_s}));
    QCOMPARE(strings(boot.value(u"BootSourceOverrideMode@Redfish.AllowableValues"_s)), QStringList{u"UEFI"_s});
    QCOMPARE(strings(boot.value(u"@Redfish.WriteableProperties"_s)),
             (QStringList{u"BootSourceOverrideTarget"_s, u"BootSourceOverrideEnabled"_s, u"BootSourceOverrideMode"_s,
                          u"HttpBootUri"_s}));
    // A consumed Once override reads back as Disabled.
    s.boot = BootOverride();
    s.boot.httpBootUri = u"http://10.0.0.1/boot.efi"_s;
    const QJsonObject after = redfish::systemBody(s).value(u"Boot"_s).toObject();
    QCOMPARE(after.value(u"BootSourceOverrideEnabled"_s).toString(), u"Disabled"_s);
    QCOMPARE(after.value(u"BootSourceOverrideTarget"_s).toString(), u"None"_s);
    QCOMPARE(after.value(u"HttpBootUri"_s).toString(), u"http://10.0.0.1/boot.efi"_s);
}

void TestRedfishBodies::systemResetAction_data()
{
    QTest::addColumn<bool>("resettable");
    QTest::newRow("power controller") << true;
    QTest::newRow("no power controller") << false;
}

void TestRedfishBodies::systemResetAction()
{
    QFETCH(bool, resettable);
    redfish::SystemState s = systemState();
    s.resettable = resettable;
    const QJsonObject body = redfish::systemBody(s);
    // Only what can be honoured is advertised.
    QCOMPARE(body.contains(u"Actions"_s), resettable);
    if (!resettable)
        return;
    const QJsonObject reset = body.value(u"Actions"_s).toObject().value(u"#ComputerSystem.Reset"_s).toObject();
    QCOMPARE(reset.value(u"target"_s).toString(), u"/redfish/v1/Systems/"_s + Id + u"/Actions/ComputerSystem.Reset"_s);
    QCOMPARE(reset.value(u"@Redfish.ActionInfo"_s).toString(), u"/redfish/v1/Systems/"_s + Id + u"/ResetActionInfo"_s);
    const QStringList types = strings(reset.value(u"ResetType@Redfish.AllowableValues"_s));
    QCOMPARE(types, redfish::resetTypes());
    // Ironic: On and ForceOff are mandatory; no graceful types without an in-band agent.
    QVERIFY(types.contains(u"On"_s) && types.contains(u"ForceOff"_s));
    QVERIFY(!types.contains(u"GracefulShutdown"_s) && !types.contains(u"Nmi"_s));
}

void TestRedfishBodies::systemPowerState_data()
{
    QTest::addColumn<int>("power");
    QTest::addColumn<int>("stage");
    QTest::addColumn<QString>("expected");   // empty = JSON null
    QTest::newRow("on") << int(PowerState::On) << int(BootStage::Unknown) << u"On"_s;
    QTest::newRow("off") << int(PowerState::Off) << int(BootStage::Unknown) << u"Off"_s;
    QTest::newRow("powering on") << int(PowerState::PoweringOn) << int(BootStage::Off) << u"PoweringOn"_s;
    QTest::newRow("powering off") << int(PowerState::PoweringOff) << int(BootStage::Unknown) << u"PoweringOff"_s;
    QTest::newRow("unknown, never seen") << int(PowerState::Unknown) << int(BootStage::Unknown) << QString();
    QTest::newRow("unknown, seen off") << int(PowerState::Unknown) << int(BootStage::Off) << u"Off"_s;
    QTest::newRow("unknown, seen booting") << int(PowerState::Unknown) << int(BootStage::PoweringOn) << u"PoweringOn"_s;
}

void TestRedfishBodies::systemPowerState()
{
    QFETCH(int, power);
    QFETCH(int, stage);
    QFETCH(QString, expected);
    redfish::SystemState s = systemState();
    s.device.power = PowerState(power);
    s.device.stage = BootStage(stage);
    const QJsonValue v = redfish::systemBody(s).value(u"PowerState"_s);
    if (expected.isEmpty())
        QVERIFY(v.isNull());
    else
        QCOMPARE(v.toString(), expected);
    QCOMPARE(redfish::chassisBody(s.device, {}, {}).value(u"PowerState"_s), v);
}

void TestRedfishBodies::systemInventory()
{
    redfish::SystemState s = systemState();
    QJsonObject body = redfish::systemBody(s);
    QCOMPARE(body.value(u"ProcessorSummary"_s).toObject().value(u"Count"_s).toInt(), 1);
    QCOMPARE(body.value(u"ProcessorSummary"_s).toObject().value(u"CoreCount"_s).toInt(), 4);
    QCOMPARE(body.value(u"Manufacturer"_s).toString(), u"Raspberry Pi Ltd"_s);
    QCOMPARE(body.value(u"SerialNumber"_s).toString(), u"6b1d0007"_s);
    // Memory unknown before inspection: null, not a guess.
    QVERIFY(body.value(u"MemorySummary"_s).toObject().value(u"TotalSystemMemoryGiB"_s).isNull());
    QVERIFY(!body.contains(u"Bios"_s));
    s.inventory.memoryMiB = 4096;
    s.hasBios = true;
    s.biosVersion = u"pftf RPi4 UEFI v1.38"_s;
    body = redfish::systemBody(s);
    QCOMPARE(body.value(u"MemorySummary"_s).toObject().value(u"TotalSystemMemoryGiB"_s).toDouble(), 4.0);
    QCOMPARE(body.value(u"Bios"_s).toObject().value(u"@odata.id"_s).toString(), u"/redfish/v1/Systems/"_s + Id + u"/Bios"_s);
    QCOMPARE(body.value(u"BiosVersion"_s).toString(), u"pftf RPi4 UEFI v1.38"_s);
    // Virtual media is reachable from the System as well as from its Manager (sushy 4.3.3 uses the latter).
    QCOMPARE(body.value(u"VirtualMedia"_s).toObject().value(u"@odata.id"_s).toString(),
             u"/redfish/v1/Managers/"_s + Id + u"/VirtualMedia"_s);
    QCOMPARE(body.value(u"Links"_s).toObject().value(u"ManagedBy"_s).toArray().first().toObject().value(u"@odata.id"_s).toString(),
             u"/redfish/v1/Managers/"_s + Id);
}

void TestRedfishBodies::systemUuidStable()
{
    const QString u = redfish::systemUuid(Mac);
    QCOMPARE(redfish::systemUuid(Mac), u);
    QCOMPARE(QUuid(u).version(), QUuid::Sha1);
    QVERIFY(redfish::systemUuid(*MacAddress::parse(u"dc:a6:32:01:36:c3"_s)) != u);
}

void TestRedfishBodies::resetActionInfo()
{
    const QJsonObject info = redfish::resetActionInfoBody(Id);
    QCOMPARE(info.value(u"@odata.id"_s).toString(), u"/redfish/v1/Systems/"_s + Id + u"/ResetActionInfo"_s);
    QVERIFY(info.value(u"@odata.type"_s).toString().startsWith(u"#ActionInfo.v1_"_s));
    const QJsonArray params = info.value(u"Parameters"_s).toArray();
    QCOMPARE(params.size(), 1);
    const QJsonObject p = params.first().toObject();
    QCOMPARE(p.value(u"Name"_s).toString(), u"ResetType"_s);
    QCOMPARE(p.value(u"Required"_s).toBool(), true);
    QCOMPARE(p.value(u"DataType"_s).toString(), u"String"_s);
    QCOMPARE(strings(p.value(u"AllowableValues"_s)), redfish::resetTypes());
}

void TestRedfishBodies::applyBootPatch_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("enabled");
    QTest::addColumn<QString>("uri");
    QTest::newRow("ironic pxe once")
        << QByteArray(R"({"Boot":{"BootSourceOverrideTarget":"Pxe","BootSourceOverrideEnabled":"Once","BootSourceOverrideMode":"UEFI"}})")
        << QStringList{} << u"Pxe"_s << u"Once"_s << u"http://old/x"_s;
    QTest::newRow("target only keeps enabled")
        << QByteArray(R"({"Boot":{"BootSourceOverrideTarget":"Hdd"}})") << QStringList{} << u"Hdd"_s
        << u"Continuous"_s << u"http://old/x"_s;
    QTest::newRow("uefi http")
        << QByteArray(R"({"Boot":{"BootSourceOverrideTarget":"UefiHttp","HttpBootUri":"https://10.0.0.1/a.iso"}})")
        << QStringList{} << u"UefiHttp"_s << u"Continuous"_s << u"https://10.0.0.1/a.iso"_s;
    QTest::newRow("uri cleared") << QByteArray(R"({"Boot":{"HttpBootUri":null}})") << QStringList{} << u"Cd"_s
                                 << u"Continuous"_s << QString();
    QTest::newRow("bad uri scheme") << QByteArray(R"({"Boot":{"HttpBootUri":"ftp://x/a"}})")
                                    << QStringList{u"PropertyValueFormatError(ftp://x/a,Boot/HttpBootUri)"_s} << u"Cd"_s
                                    << u"Continuous"_s << u"http://old/x"_s;
    QTest::newRow("floppy") << QByteArray(R"({"Boot":{"BootSourceOverrideTarget":"Floppy"}})")
                            << QStringList{u"PropertyValueNotInList(Floppy,Boot/BootSourceOverrideTarget)"_s} << u"Cd"_s
                            << u"Continuous"_s << u"http://old/x"_s;
    QTest::newRow("legacy mode") << QByteArray(R"({"Boot":{"BootSourceOverrideMode":"Legacy"}})")
                                 << QStringList{u"PropertyValueNotInList(Legacy,Boot/BootSourceOverrideMode)"_s} << u"Cd"_s
                                 << u"Continuous"_s << u"http://old/x"_s;
    QTest::newRow("power state read-only") << QByteArray(R"({"PowerState":"On"})")
                                           << QStringList{u"PropertyNotWritable(PowerState)"_s} << u"Cd"_s
                                           << u"Continuous"_s << u"http://old/x"_s;
}

void TestRedfishBodies::applyBootPatch()
{
    // The handler's two steps: the schema check, then applying to the stored override.
    QFETCH(QByteArray, patch);
    QFETCH(QStringList, errors);
    QFETCH(QString, target);
    QFETCH(QString, enabled);
    QFETCH(QString, uri);
    BootOverride ov;
    ov.target = BootOverride::Target::Cd;
    ov.enabled = BootOverride::Enabled::Continuous;
    ov.httpBootUri = u"http://old/x"_s;
    QList<msg::Message> out;
    const QJsonObject accepted = redfish::json::readPatch(parse(patch), redfish::systemPatchSchema(), &out);
    if (out.isEmpty())
        redfish::applyBootPatch(accepted.value(u"Boot"_s).toObject(), &ov, &out);
    QCOMPARE(ids(out), errors);
    QCOMPARE(BootOverride::targetName(ov.target), target);
    QCOMPARE(BootOverride::enabledName(ov.enabled), enabled);
    QCOMPARE(ov.httpBootUri, uri);
}

void TestRedfishBodies::ethernetInterfaces()
{
    const DeviceInfo d = device();
    HardwareInventory inv;   // nothing inspected: the boot NIC is still known
    QJsonObject c = redfish::ethernetInterfaceCollectionBody(Id, d, inv);
    QCOMPARE(c.value(u"Members@odata.count"_s).toInt(), 1);
    bool found = false;
    QJsonObject nic = redfish::ethernetInterfaceBody(Id, d, inv, u"eth0"_s, &found);
    QVERIFY(found);
    QCOMPARE(nic.value(u"MACAddress"_s).toString(), u"dc:a6:32:01:36:c2"_s);
    QCOMPARE(nic.value(u"PermanentMACAddress"_s).toString(), u"dc:a6:32:01:36:c2"_s);
    // A second NIC from inspection (wlan0), with a hostile name replaced by an index id.
    inv.nics.append({u"wlan0"_s, *MacAddress::parse(u"dc:a6:32:01:36:c3"_s), 0, u"192.168.1.7"_s, true});
    inv.nics.append({u"../../x"_s, *MacAddress::parse(u"dc:a6:32:01:36:c4"_s), 0, QString(), false});
    c = redfish::ethernetInterfaceCollectionBody(Id, d, inv);
    QCOMPARE(c.value(u"Members@odata.count"_s).toInt(), 3);
    const QString third = c.value(u"Members"_s).toArray().at(2).toObject().value(u"@odata.id"_s).toString();
    QCOMPARE(third, u"/redfish/v1/Systems/"_s + Id + u"/EthernetInterfaces/nic2"_s);
    nic = redfish::ethernetInterfaceBody(Id, d, inv, u"wlan0"_s, &found);
    QVERIFY(found);
    QCOMPARE(nic.value(u"MACAddress"_s).toString(), u"dc:a6:32:01:36:c3"_s);
    QCOMPARE(nic.value(u"LinkStatus"_s).toString(), u"LinkUp"_s);
    QCOMPARE(nic.value(u"IPv4Addresses"_s).toArray().first().toObject().value(u"Address"_s).toString(), u"192.168.1.7"_s);
    redfish::ethernetInterfaceBody(Id, d, inv, u"eth9"_s, &found);
    QVERIFY(!found);
}

void TestRedfishBodies::processorAndStorage()
{
    HardwareInventory inv = HardwareInventory::forModel(u"pi4"_s, Mac);
    QCOMPARE(redfish::processorCollectionBody(Id, inv).value(u"Members@odata.count"_s).toInt(), 1);
    const QJsonObject cpu = redfish::processorBody(Id, inv);
    // Ironic maps InstructionSet ARM-A64 to cpu_arch aarch64.
    QCOMPARE(cpu.value(u"InstructionSet"_s).toString(), u"ARM-A64"_s);
    QCOMPARE(cpu.value(u"ProcessorArchitecture"_s).toString(), u"ARM"_s);
    QCOMPARE(cpu.value(u"TotalCores"_s).toInt(), 4);
    QCOMPARE(cpu.value(u"MaxSpeedMHz"_s).toInt(), 1500);
    QCOMPARE(redfish::memoryCollectionBody(Id, inv).value(u"Members@odata.count"_s).toInt(), 0);
    QCOMPARE(redfish::storageCollectionBody(Id, inv).value(u"Members@odata.count"_s).toInt(), 0);
    inv.memoryMiB = 8192;
    inv.disks.append({u"/dev/mmcblk0"_s, u"SC32G"_s, u"0x1"_s, 31914983424LL, false, u"SD"_s});
    inv.disks.append({u"/dev/sda"_s, u"T7"_s, u"S5"_s, 500107862016LL, false, u"USB"_s});
    QCOMPARE(redfish::memoryBody(Id, inv).value(u"CapacityMiB"_s).toInt(), 8192);
    const QJsonObject storage = redfish::storageBody(Id, inv);
    QCOMPARE(storage.value(u"Drives@odata.count"_s).toInt(), 2);
    QCOMPARE(redfish::driveBody(Id, inv, 0).value(u"CapacityBytes"_s).toDouble(), 31914983424.0);
    QCOMPARE(redfish::driveBody(Id, inv, 0).value(u"Protocol"_s).toString(), u"eMMC"_s);
    QCOMPARE(redfish::driveBody(Id, inv, 1).value(u"Protocol"_s).toString(), u"USB"_s);
    const QJsonArray simple = redfish::simpleStorageBody(Id, inv).value(u"Devices"_s).toArray();
    QCOMPARE(simple.size(), 2);
    QCOMPARE(simple.at(1).toObject().value(u"CapacityBytes"_s).toDouble(), 500107862016.0);
}

void TestRedfishBodies::manager()
{
    const QJsonObject m = redfish::managerBody(device(), u"1.2.3"_s, u"7d1c5a9e-1111-5222-8333-444455556666"_s);
    QCOMPARE(m.value(u"ServiceEntryPointUUID"_s).toString(), u"7d1c5a9e-1111-5222-8333-444455556666"_s);
    QCOMPARE(m.value(u"Id"_s).toString(), Id);
    QCOMPARE(m.value(u"ManagerType"_s).toString(), u"BMC"_s);
    QCOMPARE(m.value(u"FirmwareVersion"_s).toString(), u"1.2.3"_s);
    QCOMPARE(m.value(u"VirtualMedia"_s).toObject().value(u"@odata.id"_s).toString(),
             u"/redfish/v1/Managers/"_s + Id + u"/VirtualMedia"_s);
    QCOMPARE(m.value(u"Links"_s).toObject().value(u"ManagerForServers"_s).toArray().first().toObject()
                 .value(u"@odata.id"_s).toString(),
             u"/redfish/v1/Systems/"_s + Id);
    QVERIFY(QUuid(m.value(u"UUID"_s).toString()) != QUuid(redfish::systemUuid(Mac)));
    const QJsonObject c = redfish::managerCollectionBody({device()});
    QCOMPARE(c.value(u"Members@odata.count"_s).toInt(), 1);
}

void TestRedfishBodies::virtualMedia()
{
    const QJsonObject c = redfish::virtualMediaCollectionBody(Id);
    QCOMPARE(c.value(u"Members@odata.count"_s).toInt(), 2);
    VirtualMedia empty;
    QJsonObject cd = redfish::virtualMediaBody(Id, u"Cd"_s, empty);
    // sushy picks the device whose MediaTypes contain CD or DVD.
    QVERIFY(strings(cd.value(u"MediaTypes"_s)).contains(u"CD"_s));
    QCOMPARE(cd.value(u"Inserted"_s).toBool(true), false);
    QVERIFY(cd.value(u"Image"_s).isNull());
    QCOMPARE(cd.value(u"ConnectedVia"_s).toString(), u"NotConnected"_s);
    const QJsonObject actions = cd.value(u"Actions"_s).toObject();
    QCOMPARE(actions.value(u"#VirtualMedia.InsertMedia"_s).toObject().value(u"target"_s).toString(),
             u"/redfish/v1/Managers/"_s + Id + u"/VirtualMedia/Cd/Actions/VirtualMedia.InsertMedia"_s);
    QVERIFY(actions.contains(u"#VirtualMedia.EjectMedia"_s));
    QVERIFY(strings(cd.value(u"@Redfish.WriteableProperties"_s)).contains(u"Image"_s));
    VirtualMedia m;
    m.image = u"http://10.0.0.1:8080/images/boot.iso"_s;
    m.inserted = true;
    m.transferProtocol = u"HTTP"_s;
    m.password = u"secret"_s;
    cd = redfish::virtualMediaBody(Id, u"Cd"_s, m);
    QCOMPARE(cd.value(u"Image"_s).toString(), m.image);
    QCOMPARE(cd.value(u"ImageName"_s).toString(), u"boot.iso"_s);
    QCOMPARE(cd.value(u"Inserted"_s).toBool(), true);
    QCOMPARE(cd.value(u"TransferProtocolType"_s).toString(), u"HTTP"_s);
    QCOMPARE(cd.value(u"ConnectedVia"_s).toString(), u"URI"_s);
    // Credentials are never echoed.
    QVERIFY(!QJsonDocument(cd).toJson().contains("secret"));
    QVERIFY(strings(redfish::virtualMediaBody(Id, u"Usb"_s, empty).value(u"MediaTypes"_s)).contains(u"USBStick"_s));
}

void TestRedfishBodies::insertMedia_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<bool>("inserted");
    QTest::addColumn<bool>("writeProtected");
    QTest::addColumn<QString>("protocol");
    const QString a = u"VirtualMedia.InsertMedia"_s;
    QTest::newRow("image alone") << QByteArray(R"({"Image":"http://10.0.0.1/boot.iso"})") << QStringList{} << true << true
                                 << u"HTTP"_s;
    QTest::newRow("https inferred") << QByteArray(R"({"Image":"https://10.0.0.1/boot.iso"})") << QStringList{} << true
                                    << true << u"HTTPS"_s;
    QTest::newRow("sushy 5 explicit") << QByteArray(R"({"Image":"http://h/a.iso","Inserted":false,"WriteProtected":false,"TransferProtocolType":"HTTP"})")
                                      << QStringList{} << false << false << u"HTTP"_s;
    QTest::newRow("missing image") << QByteArray("{}")
                                   << QStringList{u"ActionParameterMissing(VirtualMedia.InsertMedia,Image)"_s} << false
                                   << true << QString();
    QTest::newRow("nfs refused") << QByteArray(R"({"Image":"nfs://h/a.iso"})")
                                 << QStringList{u"ActionParameterValueFormatError(nfs://h/a.iso,Image,VirtualMedia.InsertMedia)"_s}
                                 << false << true << QString();
    QTest::newRow("no host") << QByteArray(R"({"Image":"http:///a.iso"})")
                             << QStringList{u"ActionParameterValueFormatError(http:///a.iso,Image,VirtualMedia.InsertMedia)"_s}
                             << false << true << QString();
    QTest::newRow("protocol mismatch") << QByteArray(R"({"Image":"http://h/a.iso","TransferProtocolType":"HTTPS"})")
                                       << QStringList{u"ActionParameterValueError(TransferProtocolType,VirtualMedia.InsertMedia)"_s}
                                       << false << true << QString();
    QTest::newRow("cifs not in list") << QByteArray(R"({"Image":"http://h/a.iso","TransferProtocolType":"CIFS"})")
                                      << QStringList{u"ActionParameterValueNotInList(CIFS,TransferProtocolType,VirtualMedia.InsertMedia)"_s}
                                      << false << true << QString();
    QTest::newRow("unknown parameter") << QByteArray(R"({"Image":"http://h/a.iso","Foo":1})")
                                       << QStringList{u"ActionParameterUnknown(VirtualMedia.InsertMedia,Foo)"_s} << false
                                       << true << QString();
    QTest::newRow("inserted type") << QByteArray(R"({"Image":"http://h/a.iso","Inserted":"yes"})")
                                   << QStringList{u"ActionParameterValueTypeError(yes,Inserted,VirtualMedia.InsertMedia)"_s}
                                   << false << true << QString();
}

void TestRedfishBodies::insertMedia()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, errors);
    QFETCH(bool, inserted);
    QFETCH(bool, writeProtected);
    QFETCH(QString, protocol);
    VirtualMedia m;
    QList<msg::Message> out;
    QCOMPARE(redfish::readInsertMedia(parse(body), &m, &out), errors.isEmpty());
    QCOMPARE(ids(out), errors);
    if (!errors.isEmpty()) {
        QVERIFY(m.image.isEmpty());
        return;
    }
    QCOMPARE(m.inserted, inserted);
    QCOMPARE(m.writeProtected, writeProtected);
    QCOMPARE(m.transferProtocol, protocol);
}

void TestRedfishBodies::virtualMediaPatch_data()
{
    QTest::addColumn<bool>("inserted");   // a medium is in the slot before the PATCH
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QString>("image");
    QTest::addColumn<bool>("nowInserted");
    QTest::addColumn<bool>("writeProtected");
    // sushy's fallback without InsertMedia: PATCH {Image, Inserted, WriteProtected}.
    QTest::newRow("sushy insert") << false << QByteArray(R"({"Image":"http://h/a.iso","Inserted":true,"WriteProtected":true})")
                                  << QStringList{} << u"http://h/a.iso"_s << true << true;
    QTest::newRow("image alone") << false << QByteArray(R"({"Image":"https://h/b.iso"})") << QStringList{}
                                 << u"https://h/b.iso"_s << true << true;
    QTest::newRow("eject null") << true << QByteArray(R"({"Image":null})") << QStringList{} << QString() << false << true;
    QTest::newRow("eject empty") << true << QByteArray(R"({"Image":"","Inserted":false})") << QStringList{} << QString()
                                 << false << true;
    QTest::newRow("flags only") << true << QByteArray(R"({"WriteProtected":false})") << QStringList{}
                                << u"http://old/x.iso"_s << true << false;
    QTest::newRow("flags without medium") << false << QByteArray(R"({"Inserted":true})")
                                          << QStringList{u"PropertyValueConflict(Inserted,Image)"_s} << QString() << false
                                          << true;
    QTest::newRow("bad scheme") << false << QByteArray(R"({"Image":"smb://h/a.iso"})")
                                << QStringList{u"PropertyValueFormatError(smb://h/a.iso,Image)"_s} << QString() << false
                                << true;
    QTest::newRow("read-only") << false << QByteArray(R"({"MediaTypes":["CD"]})")
                               << QStringList{u"PropertyNotWritable(MediaTypes)"_s} << QString() << false << true;
    QTest::newRow("nothing") << false << QByteArray(R"({"@odata.id":"/x"})") << QStringList{u"NoOperation()"_s}
                             << QString() << false << true;
}

void TestRedfishBodies::virtualMediaPatch()
{
    QFETCH(bool, inserted);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, errors);
    QFETCH(QString, image);
    QFETCH(bool, nowInserted);
    QFETCH(bool, writeProtected);
    VirtualMedia m;
    if (inserted) {
        m.image = u"http://old/x.iso"_s;
        m.inserted = true;
        m.transferProtocol = u"HTTP"_s;
    }
    QList<msg::Message> out;
    QCOMPARE(redfish::applyVirtualMediaPatch(parse(body), &m, &out), errors.isEmpty());
    QCOMPARE(ids(out), errors);
    if (!errors.isEmpty())
        return;
    QCOMPARE(m.image, image);
    QCOMPARE(m.inserted, nowInserted);
    QCOMPARE(m.writeProtected, writeProtected);
}

void TestRedfishBodies::chassisAndPower()
{
    DeviceInfo d = device(PowerState::On);
    d.powerWatts = 4.2;
    d.powerBinding = PowerBinding{u"sw1"_s, u"3"_s};
    const QJsonObject c = redfish::chassisBody(d, u"Raspberry Pi 4 Model B"_s, u"Raspberry Pi Ltd"_s);
    QCOMPARE(c.value(u"Model"_s).toString(), u"Raspberry Pi 4 Model B"_s);
    QCOMPARE(c.value(u"Power"_s).toObject().value(u"@odata.id"_s).toString(), u"/redfish/v1/Chassis/"_s + Id + u"/Power"_s);
    QCOMPARE(c.value(u"Links"_s).toObject().value(u"ComputerSystems"_s).toArray().size(), 1);
    QJsonObject p = redfish::powerBody(d);
    QJsonObject control = p.value(u"PowerControl"_s).toArray().first().toObject();
    QCOMPARE(control.value(u"PowerConsumedWatts"_s).toDouble(), 4.2);
    QCOMPARE(control.value(u"Name"_s).toString(), u"PoE sw1 port 3"_s);
    QCOMPARE(control.value(u"@odata.id"_s).toString(), u"/redfish/v1/Chassis/"_s + Id + u"/Power#/PowerControl/0"_s);
    QCOMPARE(p.value(u"PowerSupplies"_s).toArray().first().toObject().value(u"LastPowerOutputWatts"_s).toDouble(), 4.2);
    // No reading yet: null, never 0.
    d.powerWatts = -1;
    d.power = PowerState::Off;
    p = redfish::powerBody(d);
    control = p.value(u"PowerControl"_s).toArray().first().toObject();
    QVERIFY(control.value(u"PowerConsumedWatts"_s).isNull());
    QCOMPARE(control.value(u"Status"_s).toObject().value(u"State"_s).toString(), u"StandbyOffline"_s);
}

void TestRedfishBodies::bios()
{
    const QJsonObject b = redfish::biosBody(Id, biosAttributes(), {}, {});
    QCOMPARE(b.value(u"@odata.id"_s).toString(), u"/redfish/v1/Systems/"_s + Id + u"/Bios"_s);
    const QJsonObject attrs = b.value(u"Attributes"_s).toObject();
    // Typed as declared: enumeration as string, integer as number, boolean as bool.
    QCOMPARE(attrs.value(u"CpuClock"_s), QJsonValue(u"2"_s));
    QCOMPARE(attrs.value(u"FanOnGpio"_s), QJsonValue(18));
    QCOMPARE(attrs.value(u"RamLimitTo3GB"_s), QJsonValue(false));
    QCOMPARE(attrs.value(u"AssetTag"_s), QJsonValue(u"lab"_s));
    const QJsonObject settings = b.value(u"@Redfish.Settings"_s).toObject();
    QVERIFY(settings.value(u"@odata.type"_s).toString().startsWith(u"#Settings.v1_"_s));
    QCOMPARE(settings.value(u"SettingsObject"_s).toObject().value(u"@odata.id"_s).toString(),
             u"/redfish/v1/Systems/"_s + Id + u"/Bios/Settings"_s);
    QCOMPARE(strings(settings.value(u"SupportedApplyTimes"_s)), QStringList{u"OnReset"_s});
    QVERIFY(!settings.contains(u"Time"_s));
    QCOMPARE(b.value(u"Actions"_s).toObject().value(u"#Bios.ResetBios"_s).toObject().value(u"target"_s).toString(),
             u"/redfish/v1/Systems/"_s + Id + u"/Bios/Actions/Bios.ResetBios"_s);
    const QJsonObject s = redfish::biosSettingsBody(Id, biosAttributes());
    QCOMPARE(s.value(u"@odata.id"_s).toString(), u"/redfish/v1/Systems/"_s + Id + u"/Bios/Settings"_s);
    QVERIFY(!s.contains(u"@Redfish.Settings"_s));
    QCOMPARE(s.value(u"Attributes"_s).toObject(), attrs);
}

void TestRedfishBodies::biosRunningValues()
{
    // After a Settings PATCH the Bios resource keeps the values the device runs with until its
    // next firmware render; the Settings object shows what the next boot gets.
    const QDateTime changed = QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);
    const QJsonObject b = redfish::biosBody(Id, biosAttributes(), {{u"CpuClock"_s, u"1"_s}}, changed);
    QCOMPARE(b.value(u"Attributes"_s).toObject().value(u"CpuClock"_s).toString(), u"1"_s);
    QCOMPARE(b.value(u"@Redfish.Settings"_s).toObject().value(u"Time"_s).toString(), u"2025-03-01T12:00:00Z"_s);
    QCOMPARE(redfish::biosSettingsBody(Id, biosAttributes()).value(u"Attributes"_s).toObject().value(u"CpuClock"_s).toString(),
             u"2"_s);
}

void TestRedfishBodies::biosAttributeRegistry()
{
    auto attrs = biosAttributes();
    attrs[0].defaultValue = u"1"_s;
    attrs[0].displayName = u"CPU clock"_s;
    const QJsonObject r = redfish::biosAttributeRegistryBody(attrs);
    QCOMPARE(r.value(u"Id"_s).toString(), QString::fromLatin1(redfish::BiosAttributeRegistryId));
    QVERIFY(r.value(u"@odata.type"_s).toString().startsWith(u"#AttributeRegistry.v1_"_s));
    const QJsonArray list = r.value(u"RegistryEntries"_s).toObject().value(u"Attributes"_s).toArray();
    QCOMPARE(list.size(), attrs.size());
    const QJsonObject cpu = list.at(0).toObject();
    QCOMPARE(cpu.value(u"AttributeName"_s).toString(), u"CpuClock"_s);
    QCOMPARE(cpu.value(u"DisplayName"_s).toString(), u"CPU clock"_s);
    QCOMPARE(cpu.value(u"Type"_s).toString(), u"Enumeration"_s);
    QCOMPARE(cpu.value(u"DefaultValue"_s).toString(), u"1"_s);
    QCOMPARE(cpu.value(u"Value"_s).toArray().size(), 3);
    QCOMPARE(cpu.value(u"Value"_s).toArray().at(2).toObject().value(u"ValueDisplayName"_s).toString(), u"Max"_s);
    QCOMPARE(list.at(1).toObject().value(u"Type"_s).toString(), u"Boolean"_s);
    const QJsonObject fan = list.at(2).toObject();
    QCOMPARE(fan.value(u"Type"_s).toString(), u"Integer"_s);
    QCOMPARE(fan.value(u"UpperBound"_s).toInt(), 40);
    QCOMPARE(list.at(3).toObject().value(u"MaxLength"_s).toInt(), 8);
    QCOMPARE(list.at(4).toObject().value(u"ReadOnly"_s).toBool(), true);
}

void TestRedfishBodies::biosPatch_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QVariantMap>("values");
    QTest::newRow("all types") << QByteArray(R"({"Attributes":{"CpuClock":"0","RamLimitTo3GB":true,"FanOnGpio":40,"AssetTag":"r1"}})")
                               << QStringList{}
                               << QVariantMap{{u"CpuClock"_s, u"0"_s}, {u"RamLimitTo3GB"_s, true},
                                              {u"FanOnGpio"_s, qint64(40)}, {u"AssetTag"_s, u"r1"_s}};
    QTest::newRow("apply time") << QByteArray(R"({"Attributes":{"FanOnGpio":0},"@Redfish.SettingsApplyTime":{"ApplyTime":"OnReset"}})")
                                << QStringList{} << QVariantMap{{u"FanOnGpio"_s, qint64(0)}};
    QTest::newRow("immediate refused") << QByteArray(R"({"Attributes":{},"@Redfish.SettingsApplyTime":{"ApplyTime":"Immediate"}})")
                                       << QStringList{u"PropertyValueNotInList(Immediate,@Redfish.SettingsApplyTime/ApplyTime)"_s}
                                       << QVariantMap{};
    QTest::newRow("missing attributes") << QByteArray("{}") << QStringList{u"PropertyMissing(Attributes)"_s} << QVariantMap{};
    QTest::newRow("attributes type") << QByteArray(R"({"Attributes":[1]})")
                                     << QStringList{u"PropertyValueTypeError([1],Attributes)"_s} << QVariantMap{};
    QTest::newRow("unknown attribute") << QByteArray(R"({"Attributes":{"Turbo":1}})")
                                       << QStringList{u"PropertyUnknown(Attributes/Turbo)"_s} << QVariantMap{};
    QTest::newRow("unknown top") << QByteArray(R"({"Attributes":{},"Foo":1})") << QStringList{u"PropertyUnknown(Foo)"_s}
                                 << QVariantMap{};
    QTest::newRow("read-only") << QByteArray(R"({"Attributes":{"SerialNumber":"x"}})")
                               << QStringList{u"PropertyNotWritable(Attributes/SerialNumber)"_s} << QVariantMap{};
    QTest::newRow("enum not in list") << QByteArray(R"({"Attributes":{"CpuClock":"7"}})")
                                      << QStringList{u"PropertyValueNotInList(7,Attributes/CpuClock)"_s} << QVariantMap{};
    QTest::newRow("enum type") << QByteArray(R"({"Attributes":{"CpuClock":2}})")
                               << QStringList{u"PropertyValueTypeError(2,Attributes/CpuClock)"_s} << QVariantMap{};
    QTest::newRow("integer range") << QByteArray(R"({"Attributes":{"FanOnGpio":41}})")
                                   << QStringList{u"PropertyValueOutOfRange(41,Attributes/FanOnGpio)"_s} << QVariantMap{};
    QTest::newRow("integer type") << QByteArray(R"({"Attributes":{"FanOnGpio":"4"}})")
                                  << QStringList{u"PropertyValueTypeError(4,Attributes/FanOnGpio)"_s} << QVariantMap{};
    QTest::newRow("boolean type") << QByteArray(R"({"Attributes":{"RamLimitTo3GB":1}})")
                                  << QStringList{u"PropertyValueTypeError(1,Attributes/RamLimitTo3GB)"_s} << QVariantMap{};
    QTest::newRow("string too long") << QByteArray(R"({"Attributes":{"AssetTag":"123456789"}})")
                                     << QStringList{u"StringValueTooLong(123456789,8)"_s} << QVariantMap{};
}

void TestRedfishBodies::biosPatch()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, errors);
    QFETCH(QVariantMap, values);
    QVariantMap out;
    QList<msg::Message> messages;
    QCOMPARE(redfish::readBiosPatch(parse(body), biosAttributes(), &out, &messages), errors.isEmpty());
    QCOMPARE(ids(messages), errors);
    if (errors.isEmpty())
        QCOMPARE(out, values);
}

void TestRedfishBodies::sessionsAndAccounts()
{
    QCOMPARE(redfish::sessionServiceBody(600).value(u"SessionTimeout"_s).toInt(), 600);
    SessionStore::Session s;
    s.id = u"abc123"_s;
    s.userName = u"ironic"_s;
    s.token = "very-secret-token";
    s.created = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC);
    s.clientAddress = u"127.0.0.1"_s;
    const QJsonObject session = redfish::sessionBody(s);
    QCOMPARE(session.value(u"@odata.id"_s).toString(), u"/redfish/v1/SessionService/Sessions/abc123"_s);
    QCOMPARE(session.value(u"UserName"_s).toString(), u"ironic"_s);
    QCOMPARE(session.value(u"CreatedTime"_s).toString(), u"2025-01-02T03:04:05+00:00"_s);
    QVERIFY(session.value(u"Password"_s).isNull());
    QVERIFY(!QJsonDocument(session).toJson().contains("very-secret-token"));

    AccountStore::Policy policy;
    policy.lockoutThreshold = 3;
    const QJsonObject service = redfish::accountServiceBody(policy);
    QCOMPARE(service.value(u"AccountLockoutThreshold"_s).toInt(), 3);
    QCOMPARE(service.value(u"MinPasswordLength"_s).toInt(), 8);

    AccountStore::Account a;
    a.id = u"2"_s;
    a.userName = u"ironic"_s;
    a.roleId = u"Operator"_s;
    a.revision = 7;
    a.hash = "hashbytes";
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject account = redfish::accountBody(a, now);
    QCOMPARE(account.value(u"@odata.etag"_s).toString(), u"W/\"7\""_s);
    QCOMPARE(account.value(u"RoleId"_s).toString(), u"Operator"_s);
    QCOMPARE(account.value(u"Locked"_s).toBool(true), false);
    QVERIFY(account.value(u"Password"_s).isNull());
    QVERIFY(!QJsonDocument(account).toJson().contains("hashbytes"));
    QCOMPARE(account.value(u"Links"_s).toObject().value(u"Role"_s).toObject().value(u"@odata.id"_s).toString(),
             u"/redfish/v1/AccountService/Roles/Operator"_s);
    a.lockedUntil = now.addSecs(60);
    account = redfish::accountBody(a, now);
    QCOMPARE(account.value(u"Locked"_s).toBool(), true);
    QCOMPARE(redfish::accountBody(a, now.addSecs(61)).value(u"Locked"_s).toBool(), false);
}

void TestRedfishBodies::roles_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("privileges");
    QTest::newRow("Administrator") << u"Administrator"_s
                                   << QStringList{u"Login"_s, u"ConfigureManager"_s, u"ConfigureUsers"_s,
                                                  u"ConfigureSelf"_s, u"ConfigureComponents"_s};
    QTest::newRow("Operator") << u"Operator"_s << QStringList{u"Login"_s, u"ConfigureSelf"_s, u"ConfigureComponents"_s};
    QTest::newRow("ReadOnly") << u"ReadOnly"_s << QStringList{u"Login"_s, u"ConfigureSelf"_s};
}

void TestRedfishBodies::roles()
{
    QFETCH(QString, role);
    QFETCH(QStringList, privileges);
    const QJsonObject r = redfish::roleBody(role);
    QCOMPARE(r.value(u"RoleId"_s).toString(), role);
    QCOMPARE(r.value(u"IsPredefined"_s).toBool(), true);
    QCOMPARE(strings(r.value(u"AssignedPrivileges"_s)), privileges);
}

void TestRedfishBodies::tasks()
{
    QCOMPARE(redfish::taskServiceBody().value(u"Tasks"_s).toObject().value(u"@odata.id"_s).toString(),
             u"/redfish/v1/TaskService/Tasks"_s);
    redfish::TaskStore store;
    redfish::TaskStore::Task &t = store.create(u"Firmware update"_s, u"/redfish/v1/Systems/x"_s);
    t.state = redfish::TaskStore::State::Running;
    t.percent = 40;
    QJsonObject body = redfish::taskBody(t);
    QCOMPARE(body.value(u"@odata.id"_s).toString(), u"/redfish/v1/TaskService/Tasks/"_s + t.id);
    QCOMPARE(body.value(u"TaskState"_s).toString(), u"Running"_s);
    QCOMPARE(body.value(u"TaskStatus"_s).toString(), u"OK"_s);
    QCOMPARE(body.value(u"PercentComplete"_s).toInt(), 40);
    QCOMPARE(body.value(u"TaskMonitor"_s).toString(), u"/redfish/v1/TaskService/TaskMonitors/"_s + t.id);
    QVERIFY(!body.contains(u"EndTime"_s));
    t.state = redfish::TaskStore::State::Exception;
    t.end = t.start.addSecs(3);
    t.messages.append(msg::operationFailed().toJson());
    body = redfish::taskBody(t);
    QCOMPARE(body.value(u"TaskState"_s).toString(), u"Exception"_s);
    QCOMPARE(body.value(u"TaskStatus"_s).toString(), u"Critical"_s);
    QVERIFY(body.contains(u"EndTime"_s));
    QCOMPARE(body.value(u"Messages"_s).toArray().size(), 1);
}

void TestRedfishBodies::taskStoreBounded()
{
    redfish::TaskStore store;
    const QString first = store.create(u"a"_s, {}).id;
    store.find(first)->state = redfish::TaskStore::State::Running;
    const QString second = store.create(u"b"_s, {}).id;
    store.find(second)->state = redfish::TaskStore::State::Completed;
    for (int i = 0; i < redfish::TaskStore::MaxTasks; ++i)
        store.create(u"n"_s, {}).state = redfish::TaskStore::State::Completed;
    QCOMPARE(store.all().size(), redfish::TaskStore::MaxTasks);
    // Finished tasks are dropped first: the running one survives.
    QVERIFY(store.find(first));
    QVERIFY(!store.find(second));
    QVERIFY(store.remove(first));
    QVERIFY(!store.find(first));
}

QTEST_GUILESS_MAIN(TestRedfishBodies)
#include "tst_redfishbodies.moc"
