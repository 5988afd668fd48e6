// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "redfishprivileges.h"

using namespace Qt::Literals::StringLiterals;

namespace redfish::privileges {

QStringList roleIds()
{
    return {u"Administrator"_s, u"Operator"_s, u"ReadOnly"_s};
}

bool isRole(const QString &roleId)
{
    return roleIds().contains(roleId);
}

unsigned forRole(const QString &roleId)
{
    if (roleId == QLatin1String("Administrator"))
        return Login | ConfigureManager | ConfigureUsers | ConfigureSelf | ConfigureComponents;
    if (roleId == QLatin1String("Operator"))
        return Login | ConfigureSelf | ConfigureComponents;
    if (roleId == QLatin1String("ReadOnly"))
        return Login | ConfigureSelf;
    return None;
}

QStringList names(unsigned p)
{
    QStringList out;
    if (p & Login)
        out << u"Login"_s;
    if (p & ConfigureManager)
        out << u"ConfigureManager"_s;
    if (p & ConfigureUsers)
        out << u"ConfigureUsers"_s;
    if (p & ConfigureSelf)
        out << u"ConfigureSelf"_s;
    if (p & ConfigureComponents)
        out << u"ConfigureComponents"_s;
    return out;
}

bool Requirement::satisfiedBy(unsigned granted) const
{
    if (anyOf.isEmpty())
        return true;
    for (unsigned set : anyOf)
        if ((granted & set) == set)
            return true;
    return false;
}

Requirement publicAccess() { return {}; }
Requirement login() { return {{Login}}; }
Requirement configureComponents() { return {{ConfigureComponents}}; }
Requirement configureManager() { return {{ConfigureManager}}; }
Requirement configureUsers() { return {{ConfigureUsers}}; }
Requirement configureSelfOr(unsigned other) { return {{other, ConfigureSelf}}; }

} // namespace redfish::privileges
