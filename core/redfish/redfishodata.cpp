// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "redfishodata.h"

#include <array>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace redfish::odata {

namespace {

struct TypeRow
{
    Kind kind;
    const char *ns;        // namespace / schema file stem
    const char *version;   // nullptr for unversioned (collections)
    const char *entity;    // entity type name
};

// The one place that says which schema version each resource claims (DSP8010 2025.x CSDL in
// ../shared/redfish/csdl). Bump a version here only together with the properties it adds.
constexpr std::array<TypeRow, 56> Types{{
    {Kind::ServiceRoot, "ServiceRoot", "v1_20_0", "ServiceRoot"},
    {Kind::ComputerSystem, "ComputerSystem", "v1_22_0", "ComputerSystem"},
    {Kind::ComputerSystemCollection, "ComputerSystemCollection", nullptr, "ComputerSystemCollection"},
    {Kind::Processor, "Processor", "v1_20_0", "Processor"},
    {Kind::ProcessorCollection, "ProcessorCollection", nullptr, "ProcessorCollection"},
    {Kind::Memory, "Memory", "v1_20_0", "Memory"},
    {Kind::MemoryCollection, "MemoryCollection", nullptr, "MemoryCollection"},
    {Kind::EthernetInterface, "EthernetInterface", "v1_12_0", "EthernetInterface"},
    {Kind::EthernetInterfaceCollection, "EthernetInterfaceCollection", nullptr, "EthernetInterfaceCollection"},
    {Kind::Storage, "Storage", "v1_15_0", "Storage"},
    {Kind::StorageCollection, "StorageCollection", nullptr, "StorageCollection"},
    {Kind::StorageController, "StorageController", "v1_7_0", "StorageController"},
    {Kind::StorageControllerCollection, "StorageControllerCollection", nullptr, "StorageControllerCollection"},
    {Kind::Drive, "Drive", "v1_18_0", "Drive"},
    {Kind::Volume, "Volume", "v1_9_0", "Volume"},
    {Kind::VolumeCollection, "VolumeCollection", nullptr, "VolumeCollection"},
    {Kind::SimpleStorage, "SimpleStorage", "v1_3_1", "SimpleStorage"},
    {Kind::SimpleStorageCollection, "SimpleStorageCollection", nullptr, "SimpleStorageCollection"},
    {Kind::Bios, "Bios", "v1_2_1", "Bios"},
    {Kind::SecureBoot, "SecureBoot", "v1_1_0", "SecureBoot"},
    {Kind::Manager, "Manager", "v1_19_0", "Manager"},
    {Kind::ManagerCollection, "ManagerCollection", nullptr, "ManagerCollection"},
    {Kind::VirtualMedia, "VirtualMedia", "v1_6_0", "VirtualMedia"},
    {Kind::VirtualMediaCollection, "VirtualMediaCollection", nullptr, "VirtualMediaCollection"},
    {Kind::Chassis, "Chassis", "v1_25_0", "Chassis"},
    {Kind::ChassisCollection, "ChassisCollection", nullptr, "ChassisCollection"},
    {Kind::Power, "Power", "v1_7_1", "Power"},
    {Kind::PowerSubsystem, "PowerSubsystem", "v1_1_0", "PowerSubsystem"},
    {Kind::UpdateService, "UpdateService", "v1_14_0", "UpdateService"},
    {Kind::SoftwareInventory, "SoftwareInventory", "v1_10_0", "SoftwareInventory"},
    {Kind::SoftwareInventoryCollection, "SoftwareInventoryCollection", nullptr, "SoftwareInventoryCollection"},
    {Kind::TaskService, "TaskService", "v1_2_0", "TaskService"},
    {Kind::Task, "Task", "v1_7_0", "Task"},
    {Kind::TaskCollection, "TaskCollection", nullptr, "TaskCollection"},
    {Kind::SessionService, "SessionService", "v1_1_8", "SessionService"},
    {Kind::Session, "Session", "v1_7_0", "Session"},
    {Kind::SessionCollection, "SessionCollection", nullptr, "SessionCollection"},
    {Kind::AccountService, "AccountService", "v1_15_0", "AccountService"},
    {Kind::ManagerAccount, "ManagerAccount", "v1_12_0", "ManagerAccount"},
    {Kind::ManagerAccountCollection, "ManagerAccountCollection", nullptr, "ManagerAccountCollection"},
    {Kind::Role, "Role", "v1_3_1", "Role"},
    {Kind::RoleCollection, "RoleCollection", nullptr, "RoleCollection"},
    {Kind::MessageRegistryFile, "MessageRegistryFile", "v1_1_3", "MessageRegistryFile"},
    {Kind::MessageRegistryFileCollection, "MessageRegistryFileCollection", nullptr, "MessageRegistryFileCollection"},
    {Kind::MessageRegistry, "MessageRegistry", "v1_6_0", "MessageRegistry"},
    {Kind::EventService, "EventService", "v1_10_0", "EventService"},
    {Kind::EventDestination, "EventDestination", "v1_14_0", "EventDestination"},
    {Kind::EventDestinationCollection, "EventDestinationCollection", nullptr, "EventDestinationCollection"},
    {Kind::Event, "Event", "v1_10_0", "Event"},
    {Kind::Message, "Message", "v1_1_2", "Message"},
    {Kind::ActionInfo, "ActionInfo", "v1_4_0", "ActionInfo"},
    {Kind::CertificateService, "CertificateService", "v1_0_4", "CertificateService"},
    {Kind::Certificate, "Certificate", "v1_8_0", "Certificate"},
    {Kind::CertificateCollection, "CertificateCollection", nullptr, "CertificateCollection"},
    {Kind::CertificateLocations, "CertificateLocations", "v1_0_3", "CertificateLocations"},
    {Kind::AttributeRegistry, "AttributeRegistry", "v1_3_9", "AttributeRegistry"},
}};

const TypeRow &row(Kind kind)
{
    for (const TypeRow &r : Types)
        if (r.kind == kind)
            return r;
    return Types.front();
}

} // namespace

QString type(Kind kind)
{
    const TypeRow &r = row(kind);
    if (!r.version)
        return u'#' + QString::fromLatin1(r.ns) + u'.' + QString::fromLatin1(r.entity);
    return u'#' + QString::fromLatin1(r.ns) + u'.' + QString::fromLatin1(r.version) + u'.' + QString::fromLatin1(r.entity);
}

QString schemaVersion(Kind kind)
{
    const TypeRow &r = row(kind);
    return r.version ? QString::fromLatin1(r.ns) + u'.' + QString::fromLatin1(r.version) : QString::fromLatin1(r.ns);
}

QString namespaceName(Kind kind)
{
    return QString::fromLatin1(row(kind).ns);
}

QJsonObject link(const QString &odataId)
{
    return QJsonObject{{u"@odata.id"_s, odataId}};
}

QJsonObject collection(Kind kind, const QString &odataId, const QString &name, const QStringList &members)
{
    QJsonArray list;
    for (const QString &m : members)
        list.append(link(m));
    return QJsonObject{{u"@odata.id"_s, odataId},
                       {u"@odata.type"_s, type(kind)},
                       {u"Name"_s, name},
                       {u"Members"_s, list},
                       {u"Members@odata.count"_s, list.size()}};
}

QByteArray metadataXml()
{
    QByteArray xml;
    xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<edmx:Edmx xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\" Version=\"4.0\">\n";
    auto ref = [&xml](const QByteArray &file, const QList<QByteArray> &includes) {
        xml += "  <edmx:Reference Uri=\"http://redfish.dmtf.org/schemas/v1/" + file + "_v1.xml\">\n";
        for (const QByteArray &inc : includes)
            xml += "    <edmx:Include Namespace=\"" + inc + "\"/>\n";
        xml += "  </edmx:Reference>\n";
    };
    // Every namespace the payloads use, with the versioned namespace each @odata.type names.
    QList<QByteArray> seen;
    for (const TypeRow &r : Types) {
        const QByteArray ns(r.ns);
        if (seen.contains(ns))
            continue;
        seen.append(ns);
        QList<QByteArray> includes{ns};
        if (r.version)
            includes.append(ns + '.' + QByteArray(r.version));
        ref(ns, includes);
    }
    ref("RedfishExtensions", {"RedfishExtensions.v1_0_0"});
    ref("Resource", {"Resource", "Resource.v1_0_0"});
    xml += "  <edmx:Reference Uri=\"http://docs.oasis-open.org/odata/odata/v4.0/errata03/csd01/complete/vocabularies/Org.OData.Core.V1.xml\">\n"
           "    <edmx:Include Namespace=\"Org.OData.Core.V1\" Alias=\"OData\"/>\n"
           "  </edmx:Reference>\n";
    xml += "  <edmx:DataServices>\n"
           "    <Schema xmlns=\"http://docs.oasis-open.org/odata/ns/edm\" Namespace=\"Service\">\n"
           "      <EntityContainer Name=\"Service\" Extends=\"ServiceRoot."
        + QByteArray(row(Kind::ServiceRoot).version) + ".ServiceContainer\"/>\n"
           "    </Schema>\n"
           "  </edmx:DataServices>\n"
           "</edmx:Edmx>\n";
    return xml;
}

QJsonObject serviceDocument()
{
    const std::array<std::pair<const char *, const char *>, 11> entries{{
        {"Service", "/redfish/v1/"},
        {"Systems", "/redfish/v1/Systems"},
        {"Chassis", "/redfish/v1/Chassis"},
        {"Managers", "/redfish/v1/Managers"},
        {"UpdateService", "/redfish/v1/UpdateService"},
        {"Tasks", "/redfish/v1/TaskService"},
        {"SessionService", "/redfish/v1/SessionService"},
        {"AccountService", "/redfish/v1/AccountService"},
        {"EventService", "/redfish/v1/EventService"},
        {"Registries", "/redfish/v1/Registries"},
        {"Sessions", "/redfish/v1/SessionService/Sessions"},
    }};
    QJsonArray value;
    for (const auto &[name, url] : entries)
        value.append(QJsonObject{{u"name"_s, QString::fromLatin1(name)},
                                 {u"kind"_s, u"Singleton"_s},
                                 {u"url"_s, QString::fromLatin1(url)}});
    return QJsonObject{{u"@odata.context"_s, u"/redfish/v1/$metadata"_s}, {u"value"_s, value}};
}

} // namespace redfish::odata
