#pragma once

#include "accountstore.h"
#include "sessionstore.h"

#include <QJsonObject>

namespace redfish {

class Context;

QJsonObject sessionServiceBody(int timeoutSeconds);
QJsonObject sessionBody(const SessionStore::Session &session);
QJsonObject accountServiceBody(const AccountStore::Policy &policy);
QJsonObject accountBody(const AccountStore::Account &account, const QDateTime &now);
QJsonObject roleBody(const QString &roleId);

// SessionService (login/logout), AccountService (accounts, roles, policy).
void registerRoutesSessionService(Context &context);
void registerRoutesAccountService(Context &context);

} // namespace redfish
