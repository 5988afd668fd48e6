#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// OData plumbing shared by every resource: the one table of @odata.type versions, collection
// bodies, the $metadata CSDL document and the OData service document.
namespace redfish::odata {

enum class Kind {
    ServiceRoot, ComputerSystem, ComputerSystemCollection, Processor, ProcessorCollection, Memory,
    MemoryCollection, EthernetInterface, EthernetInterfaceCollection, Storage, StorageCollection,
    StorageController, StorageControllerCollection, Drive, Volume, VolumeCollection, SimpleStorage,
    SimpleStorageCollection, Bios, SecureBoot, Manager, ManagerCollection, VirtualMedia,
    VirtualMediaCollection, Chassis, ChassisCollection, Power, PowerSubsystem, UpdateService,
    SoftwareInventory, SoftwareInventoryCollection, TaskService, Task, TaskCollection, SessionService,
    Session, SessionCollection, AccountService, ManagerAccount, ManagerAccountCollection, Role,
    RoleCollection, MessageRegistryFile, MessageRegistryFileCollection, MessageRegistry, EventService,
    EventDestination, EventDestinationCollection, Event, Message, ActionInfo, CertificateService,
    Certificate, CertificateCollection, CertificateLocations, AttributeRegistry,
};

// "#ComputerSystem.v1_22_0.ComputerSystem", "#ComputerSystemCollection.ComputerSystemCollection".
QString type(Kind kind);
// "ComputerSystem.v1_22_0" (the JSON schema file name for the Link header), or "ComputerSystemCollection".
QString schemaVersion(Kind kind);
// "ComputerSystem" (namespace / CSDL file stem).
QString namespaceName(Kind kind);

QJsonObject link(const QString &odataId);
// {"@odata.id","@odata.type","Name","Members","Members@odata.count"} for a list of member URIs.
QJsonObject collection(Kind kind, const QString &odataId, const QString &name, const QStringList &members);

// The $metadata document: one <edmx:Reference> per schema this service uses (DMTF URIs, never
// fetched by clients that have the schemas locally) and the Service entity container.
QByteArray metadataXml();
// /redfish/v1/odata: the OData service document listing the service root's top-level resources.
QJsonObject serviceDocument();

} // namespace redfish::odata
