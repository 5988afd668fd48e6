#pragma once

#include <QString>
#include <QStringList>

// Redfish privileges and the three standard roles (DSP0266 §13, DSP8011 privilege registry).
namespace redfish::privileges {

enum Privilege : unsigned {
    None = 0,
    Login = 0x1,
    ConfigureManager = 0x2,
    ConfigureUsers = 0x4,
    ConfigureSelf = 0x8,
    ConfigureComponents = 0x10,
};

// Standard roles: Administrator, Operator, ReadOnly.
QStringList roleIds();
bool isRole(const QString &roleId);
// Privileges the role grants (0 for an unknown role).
unsigned forRole(const QString &roleId);
QStringList names(unsigned privileges);

// One route's requirement: any of these privilege sets suffices (each set fully). An empty list
// means no authentication at all (service root, $metadata, session login).
struct Requirement
{
    QList<unsigned> anyOf;
    [[nodiscard]] bool isPublic() const { return anyOf.isEmpty(); }
    [[nodiscard]] bool satisfiedBy(unsigned granted) const;
};

Requirement publicAccess();
Requirement login();                     // GET of everything
Requirement configureComponents();       // System, Bios, Chassis writes and actions
Requirement configureManager();          // Manager, VirtualMedia, EventService, Tasks, certificates
Requirement configureUsers();            // AccountService, accounts
Requirement configureSelfOr(unsigned other);  // own account/session, or `other`

} // namespace redfish::privileges
