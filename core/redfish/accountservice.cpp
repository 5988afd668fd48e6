// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "accountservice.h"

#include "common/logging.h"
#include "redfishjson.h"
#include "http/httpserver.h"
#include "redfishcontext.h"
#include "redfishodata.h"

using namespace Qt::Literals::StringLiterals;

namespace redfish {

namespace msg = redfish::messages;
using odata::Kind;

QJsonObject sessionServiceBody(int timeoutSeconds)
{
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/SessionService"_s},
        {u"@odata.type"_s, odata::type(Kind::SessionService)},
        {u"Id"_s, u"SessionService"_s},
        {u"Name"_s, u"Session Service"_s},
        {u"ServiceEnabled"_s, true},
        {u"SessionTimeout"_s, timeoutSeconds},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
        {u"Sessions"_s, odata::link(u"/redfish/v1/SessionService/Sessions"_s)},
    };
}

QJsonObject sessionBody(const SessionStore::Session &s)
{
    QJsonObject o{
        {u"@odata.id"_s, u"/redfish/v1/SessionService/Sessions/"_s + s.id},
        {u"@odata.type"_s, odata::type(Kind::Session)},
        {u"Id"_s, s.id},
        {u"Name"_s, u"User Session"_s},
        {u"UserName"_s, s.userName},
        {u"SessionType"_s, u"Redfish"_s},
        {u"CreatedTime"_s, s.created.toUTC().toString(Qt::ISODate).replace(u"Z"_s, u"+00:00"_s)},
        {u"ClientOriginIPAddress"_s, s.clientAddress},
        {u"Password"_s, QJsonValue()},
    };
    if (!s.context.isEmpty())
        o.insert(u"Context"_s, s.context);
    return o;
}

QJsonObject accountServiceBody(const AccountStore::Policy &p)
{
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/AccountService"_s},
        {u"@odata.type"_s, odata::type(Kind::AccountService)},
        {u"Id"_s, u"AccountService"_s},
        {u"Name"_s, u"Account Service"_s},
        {u"ServiceEnabled"_s, true},
        {u"LocalAccountAuth"_s, u"Enabled"_s},
        {u"MinPasswordLength"_s, p.minPasswordLength},
        {u"MaxPasswordLength"_s, p.maxPasswordLength},
        {u"AccountLockoutThreshold"_s, p.lockoutThreshold},
        {u"AccountLockoutDuration"_s, p.lockoutDurationSeconds},
        {u"AccountLockoutCounterResetAfter"_s, p.lockoutCounterResetSeconds},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
        {u"Accounts"_s, odata::link(u"/redfish/v1/AccountService/Accounts"_s)},
        {u"Roles"_s, odata::link(u"/redfish/v1/AccountService/Roles"_s)},
    };
}

QJsonObject accountBody(const AccountStore::Account &a, const QDateTime &now)
{
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/AccountService/Accounts/"_s + a.id},
        {u"@odata.type"_s, odata::type(Kind::ManagerAccount)},
        {u"@odata.etag"_s, u"W/\"%1\""_s.arg(a.revision)},
        {u"Id"_s, a.id},
        {u"Name"_s, u"User Account"_s},
        {u"UserName"_s, a.userName},
        {u"RoleId"_s, a.roleId},
        {u"Enabled"_s, a.enabled},
        {u"Locked"_s, a.isLocked(now)},
        {u"PasswordChangeRequired"_s, a.passwordChangeRequired},
        {u"Password"_s, QJsonValue()},
        {u"AccountTypes"_s, QJsonArray{u"Redfish"_s}},
        {u"Links"_s, QJsonObject{{u"Role"_s, odata::link(u"/redfish/v1/AccountService/Roles/"_s + a.roleId)}}},
    };
}

QJsonObject roleBody(const QString &roleId)
{
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/AccountService/Roles/"_s + roleId},
        {u"@odata.type"_s, odata::type(Kind::Role)},
        {u"Id"_s, roleId},
        {u"Name"_s, roleId + u" role"_s},
        {u"RoleId"_s, roleId},
        {u"IsPredefined"_s, true},
        {u"AssignedPrivileges"_s, QJsonArray::fromStringList(privileges::names(privileges::forRole(roleId)))},
        {u"OemPrivileges"_s, QJsonArray()},
    };
}

namespace {

QString accountUri(const QString &id)
{
    return u"/redfish/v1/AccountService/Accounts/"_s + id;
}

// ---- sessions ---------------------------------------------------------------------------------

// The second half of a login, once the password was checked (possibly on a worker thread).
HttpResponse finishSessionCreate(Context &ctx, HttpRequest &req, const QString &user, const QString &context,
                                 AccountStore::Verdict verdict)
{
    if (verdict != AccountStore::Verdict::Ok) {
        qCWarning(lcRedfish).noquote() << "session login failed for a user from" << req.peerAddress().toString();
        HttpResponse r = errorResponse(msg::noValidSession(), 401);
        r.setHeader("WWW-Authenticate", "Basic realm=\"Metal Boot Redfish\", charset=\"UTF-8\"");
        return r;
    }
    const SessionStore::Session *s = ctx.sessions->create(user, req.peerAddress().toString(), context);
    if (!s)
        return errorResponse(msg::sessionLimitExceeded());
    qCInfo(lcRedfish).noquote() << "session" << s->id << "opened for" << user << "from" << req.peerAddress().toString();
    QJsonObject out = sessionBody(*s);
    const AccountStore::Account *a = ctx.accounts->byName(user);
    if (a && a->passwordChangeRequired)
        out.insert(u"@Message.ExtendedInfo"_s, QJsonArray{msg::passwordChangeRequired(accountUri(a->id)).toJson()});
    HttpResponse r = jsonResponse(req, out, 201);
    r.setHeader("X-Auth-Token", s->token);
    r.setHeader("Location", u"/redfish/v1/SessionService/Sessions/%1"_s.arg(s->id).toLatin1());
    return r;
}

HttpResponse handleSessionCreate(Context &ctx, HttpRequest &req)
{
    if (!req.isSecure() && !ctx.config.allowBasicOverHttp)
        return errorResponse(msg::insufficientPrivilege(), 403);   // DSP0266: sessions over HTTPS only
    QJsonObject body;
    if (auto bad = readBody(req, &body))
        return *bad;
    QList<msg::Message> errors;
    json::readPatch(body,
                    {json::Property{u"UserName"_s, json::Type::String}, json::Property{u"Password"_s, json::Type::String},
                     json::Property{u"Context"_s, json::Type::String, {}, true, {}, 0, 0, 256}},
                    &errors);
    for (const char *required : {"UserName", "Password"})
        if (!body.contains(QString::fromLatin1(required)))
            errors.append(msg::propertyMissing(QString::fromLatin1(required)));
    if (!errors.isEmpty())
        return errorResponse(errors);
    const QString user = body.value(u"UserName"_s).toString();
    const QString context = body.value(u"Context"_s).toString();
    Context *c = &ctx;
    return ctx.withPassword(req, user, body.value(u"Password"_s).toString(),
                            [c, user, context](HttpRequest &r, AccountStore::Verdict verdict) {
                                return finishSessionCreate(*c, r, user, context, verdict);
                            });
}

HttpResponse handleSessionCollectionGet(Context &ctx, HttpRequest &req, const Auth &auth)
{
    QStringList members;
    for (const auto &s : ctx.sessions->all())
        if (auth.has(privileges::ConfigureManager) || s.userName == auth.userName)
            members << u"/redfish/v1/SessionService/Sessions/"_s + s.id;
    return jsonResponse(req, odata::collection(Kind::SessionCollection, u"/redfish/v1/SessionService/Sessions"_s,
                                               u"Session Collection"_s, members));
}

std::optional<HttpResponse> ownSession(Context &ctx, const HttpRequest &req, const Auth &auth,
                                       const SessionStore::Session **out)
{
    const QString id = req.param(u"id"_s);
    *out = ctx.sessions->byId(id);
    if (!*out || (!auth.has(privileges::ConfigureManager) && (*out)->userName != auth.userName))
        return errorResponse(msg::resourceNotFound(u"Session"_s, id.left(64)));
    return std::nullopt;
}

HttpResponse handleSessionGet(Context &ctx, HttpRequest &req, const Auth &auth)
{
    const SessionStore::Session *s = nullptr;
    if (auto err = ownSession(ctx, req, auth, &s))
        return *err;
    return jsonResponse(req, sessionBody(*s));
}

HttpResponse handleSessionDelete(Context &ctx, HttpRequest &req, const Auth &auth)
{
    const SessionStore::Session *s = nullptr;
    if (auto err = ownSession(ctx, req, auth, &s))
        return *err;
    const QString id = s->id;
    ctx.sessions->remove(id);
    qCInfo(lcRedfish).noquote() << "session" << id << "closed by" << auth.userName;
    return HttpResponse(204);
}

HttpResponse handleSessionServicePatch(Context &ctx, HttpRequest &req, const Auth &)
{
    if (auto failed = checkIfMatch(req, sessionServiceBody(ctx.sessions->timeout())))
        return *failed;
    QJsonObject body;
    if (auto bad = readBody(req, &body))
        return *bad;
    QList<msg::Message> errors;
    json::Property timeout{u"SessionTimeout"_s, json::Type::Integer};
    timeout.minimum = 30;
    timeout.maximum = 86400;
    QList<json::Property> schema{timeout};
    for (const char *ro : {"Id", "Name", "ServiceEnabled", "Status", "Sessions"})
        schema.append(json::Property{QString::fromLatin1(ro), json::Type::Any, {}, false});
    const QJsonObject ok = json::readPatch(body, schema, &errors);
    if (!errors.isEmpty())
        return errorResponse(errors);
    if (body.isEmpty())
        return errorResponse(msg::emptyJson());
    if (ok.contains(u"SessionTimeout"_s)) {
        const int seconds = ok.value(u"SessionTimeout"_s).toInt();
        QString why;
        if (ctx.backend.modifyConfig
            && !ctx.backend.modifyConfig([seconds](LabConfig &c) { c.services.redfish.sessionTimeoutSeconds = seconds; }, &why))
            return errorResponse(msg::internalError());
        ctx.sessions->setTimeout(seconds);
        ctx.config.sessionTimeoutSeconds = seconds;
    }
    return jsonResponse(req, sessionServiceBody(ctx.sessions->timeout()));
}

// ---- accounts ---------------------------------------------------------------------------------

std::optional<HttpResponse> resolveAccount(Context &ctx, const HttpRequest &req, const Auth &auth,
                                           const AccountStore::Account **out)
{
    const QString id = req.param(u"id"_s);
    *out = ctx.accounts->byId(id);
    const bool self = *out && (*out)->userName == auth.userName;
    if (!*out || (!auth.has(privileges::ConfigureUsers) && !self))
        return errorResponse(*out ? msg::insufficientPrivilege() : msg::resourceNotFound(u"ManagerAccount"_s, id.left(64)));
    return std::nullopt;
}

HttpResponse handleAccountsGet(Context &ctx, HttpRequest &req, const Auth &auth)
{
    QStringList members;
    for (const auto &a : ctx.accounts->accounts())
        if (auth.has(privileges::ConfigureUsers) || a.userName == auth.userName)
            members << accountUri(a.id);
    return jsonResponse(req, odata::collection(Kind::ManagerAccountCollection, u"/redfish/v1/AccountService/Accounts"_s,
                                               u"Accounts Collection"_s, members));
}

HttpResponse handleAccountCreate(Context &ctx, HttpRequest &req, const Auth &auth)
{
    QJsonObject body;
    if (auto bad = readBody(req, &body))
        return *bad;
    QList<msg::Message> errors;
    json::readPatch(body,
                    {json::Property{u"UserName"_s, json::Type::String}, json::Property{u"Password"_s, json::Type::String},
                     json::Property{u"RoleId"_s, json::Type::String, privileges::roleIds()},
                     json::Property{u"Enabled"_s, json::Type::Boolean},
                     json::Property{u"AccountTypes"_s, json::Type::Array}},
                    &errors);
    for (const char *required : {"UserName", "Password", "RoleId"})
        if (!body.contains(QString::fromLatin1(required)))
            errors.append(msg::propertyMissing(QString::fromLatin1(required)));
    if (!errors.isEmpty())
        return errorResponse(errors);
    const QString user = body.value(u"UserName"_s).toString();
    if (ctx.accounts->byName(user))
        return errorResponse(msg::resourceAlreadyExists(u"ManagerAccount"_s, u"UserName"_s, user.left(64)));
    if (!AccountStore::userNameAcceptable(user))
        return errorResponse(msg::propertyValueFormatError(user.left(64), u"UserName"_s));
    if (!ctx.accounts->passwordAcceptable(body.value(u"Password"_s).toString()))
        return errorResponse(msg::propertyValueFormatError(u"<hidden>"_s, u"Password"_s));
    if (int(ctx.accounts->accounts().size()) >= ctx.accounts->policy().maxAccounts)
        return errorResponse(msg::createLimitReachedForResource());
    QString id;
    QString why;
    if (!ctx.accounts->create(user, body.value(u"Password"_s).toString(), body.value(u"RoleId"_s).toString(),
                              body.value(u"Enabled"_s).toBool(true), &id, &why)) {
        qCWarning(lcRedfish).noquote() << "account not created:" << why;
        return errorResponse(msg::internalError());
    }
    qCInfo(lcRedfish).noquote() << "account" << user << "created by" << auth.userName;
    HttpResponse r = jsonResponse(req, accountBody(*ctx.accounts->byId(id), QDateTime::currentDateTimeUtc()), 201);
    r.setHeader("Location", accountUri(id).toLatin1());
    return r;
}

HttpResponse handleAccountGet(Context &ctx, HttpRequest &req, const Auth &auth)
{
    const AccountStore::Account *a = nullptr;
    if (auto err = resolveAccount(ctx, req, auth, &a))
        return *err;
    return jsonResponse(req, accountBody(*a, QDateTime::currentDateTimeUtc()));
}

HttpResponse handleAccountPatch(Context &ctx, HttpRequest &req, const Auth &auth)
{
    const AccountStore::Account *a = nullptr;
    if (auto err = resolveAccount(ctx, req, auth, &a))
        return *err;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (auto failed = checkIfMatch(req, accountBody(*a, now)))
        return *failed;
    QJsonObject body;
    if (auto bad = readBody(req, &body))
        return *bad;
    if (body.isEmpty())
        return errorResponse(msg::emptyJson());
    const bool admin = auth.has(privileges::ConfigureUsers);
    QList<json::Property> schema{json::Property{u"Password"_s, json::Type::String},
                                 json::Property{u"UserName"_s, json::Type::String, {}, admin},
                                 json::Property{u"RoleId"_s, json::Type::String, privileges::roleIds(), admin},
                                 json::Property{u"Enabled"_s, json::Type::Boolean, {}, admin},
                                 json::Property{u"Locked"_s, json::Type::Boolean, {}, admin},
                                 json::Property{u"PasswordChangeRequired"_s, json::Type::Boolean, {}, admin}};
    for (const char *ro : {"Id", "Name", "AccountTypes", "Links"})
        schema.append(json::Property{QString::fromLatin1(ro), json::Type::Any, {}, false});
    QList<msg::Message> errors;
    const QJsonObject ok = json::readPatch(body, schema, &errors);
    if (ok.contains(u"Locked"_s) && ok.value(u"Locked"_s).toBool())
        errors.append(msg::propertyValueNotInList(u"true"_s, u"Locked"_s));
    if (ok.contains(u"Password"_s) && !ctx.accounts->passwordAcceptable(ok.value(u"Password"_s).toString()))
        errors.append(msg::propertyValueFormatError(u"<hidden>"_s, u"Password"_s));
    if (ok.contains(u"UserName"_s) && !AccountStore::userNameAcceptable(ok.value(u"UserName"_s).toString()))
        errors.append(msg::propertyValueFormatError(ok.value(u"UserName"_s).toString().left(64), u"UserName"_s));
    // Keep at least one enabled administrator.
    auto otherAdmins = [&] {
        int n = 0;
        for (const auto &o : ctx.accounts->accounts())
            n += (o.id != a->id && o.enabled && o.roleId == QLatin1String("Administrator")) ? 1 : 0;
        return n;
    };
    if (a->roleId == QLatin1String("Administrator") && otherAdmins() == 0
        && ((ok.contains(u"RoleId"_s) && ok.value(u"RoleId"_s).toString() != QLatin1String("Administrator"))
            || (ok.contains(u"Enabled"_s) && !ok.value(u"Enabled"_s).toBool())))
        errors.append(msg::propertyValueConflict(ok.contains(u"RoleId"_s) ? u"RoleId"_s : u"Enabled"_s, u"RoleId"_s));
    if (!errors.isEmpty())
        return errorResponse(errors);
    const QString id = a->id;
    const QString oldName = a->userName;
    QString why;
    bool okAll = true;
    if (ok.contains(u"UserName"_s))
        okAll = okAll && ctx.accounts->setUserName(id, ok.value(u"UserName"_s).toString(), &why);
    if (okAll && ok.contains(u"RoleId"_s))
        okAll = ctx.accounts->setRole(id, ok.value(u"RoleId"_s).toString(), &why);
    if (okAll && ok.contains(u"Enabled"_s))
        okAll = ctx.accounts->setEnabled(id, ok.value(u"Enabled"_s).toBool(), &why);
    if (okAll && ok.contains(u"Locked"_s))
        okAll = ctx.accounts->unlock(id, &why);
    if (okAll && ok.contains(u"Password"_s))
        okAll = ctx.accounts->setPassword(id, ok.value(u"Password"_s).toString(), &why);
    if (okAll && ok.contains(u"PasswordChangeRequired"_s))
        okAll = ctx.accounts->setPasswordChangeRequired(id, ok.value(u"PasswordChangeRequired"_s).toBool(), &why);
    if (!okAll) {
        if (why.contains(u"exists"))
            return errorResponse(msg::resourceAlreadyExists(u"ManagerAccount"_s, u"UserName"_s, ok.value(u"UserName"_s).toString().left(64)));
        qCWarning(lcRedfish).noquote() << "account" << id << "not changed:" << why;
        return errorResponse(msg::internalError());
    }
    // Credentials or rights changed: other sessions of the account end (the caller's own stays
    // when it changed only its password).
    if (ok.contains(u"UserName"_s) || ok.contains(u"RoleId"_s) || (ok.contains(u"Enabled"_s) && !ok.value(u"Enabled"_s).toBool())
        || (ok.contains(u"Password"_s) && auth.userName != oldName)) {
        ctx.sessions->removeUser(oldName);
    }
    qCInfo(lcRedfish).noquote() << "account" << id << "changed by" << auth.userName << "(" << ok.keys().join(u", ") << ")";
    return jsonResponse(req, accountBody(*ctx.accounts->byId(id), QDateTime::currentDateTimeUtc()));
}

HttpResponse handleAccountDelete(Context &ctx, HttpRequest &req, const Auth &auth)
{
    const QString id = req.param(u"id"_s);
    const AccountStore::Account *a = ctx.accounts->byId(id);
    if (!a)
        return errorResponse(msg::resourceNotFound(u"ManagerAccount"_s, id.left(64)));
    int admins = 0;
    for (const auto &o : ctx.accounts->accounts())
        admins += (o.enabled && o.roleId == QLatin1String("Administrator")) ? 1 : 0;
    if (a->roleId == QLatin1String("Administrator") && a->enabled && admins <= 1)
        return errorResponse(msg::resourceCannotBeDeleted(), 409);
    const QString name = a->userName;
    QString why;
    if (!ctx.accounts->remove(id, &why))
        return errorResponse(msg::internalError());
    ctx.sessions->removeUser(name);
    qCInfo(lcRedfish).noquote() << "account" << name << "deleted by" << auth.userName;
    return HttpResponse(204);
}

HttpResponse handleAccountServicePatch(Context &ctx, HttpRequest &req, const Auth &)
{
    if (auto failed = checkIfMatch(req, accountServiceBody(ctx.accounts->policy())))
        return *failed;
    QJsonObject body;
    if (auto bad = readBody(req, &body))
        return *bad;
    if (body.isEmpty())
        return errorResponse(msg::emptyJson());
    auto intProp = [](const char *name, qint64 min, qint64 max) {
        json::Property p{QString::fromLatin1(name), json::Type::Integer};
        p.minimum = min;
        p.maximum = max;
        return p;
    };
    QList<json::Property> schema{intProp("MinPasswordLength", 1, 64), intProp("MaxPasswordLength", 8, 256),
                                 intProp("AccountLockoutThreshold", 0, 1000), intProp("AccountLockoutDuration", 0, 86400),
                                 intProp("AccountLockoutCounterResetAfter", 0, 86400)};
    for (const char *ro : {"Id", "Name", "ServiceEnabled", "LocalAccountAuth", "Status", "Accounts", "Roles"})
        schema.append(json::Property{QString::fromLatin1(ro), json::Type::Any, {}, false});
    QList<msg::Message> errors;
    const QJsonObject ok = json::readPatch(body, schema, &errors);
    AccountStore::Policy p = ctx.accounts->policy();
    p.minPasswordLength = ok.value(u"MinPasswordLength"_s).toInt(p.minPasswordLength);
    p.maxPasswordLength = ok.value(u"MaxPasswordLength"_s).toInt(p.maxPasswordLength);
    p.lockoutThreshold = ok.value(u"AccountLockoutThreshold"_s).toInt(p.lockoutThreshold);
    p.lockoutDurationSeconds = ok.value(u"AccountLockoutDuration"_s).toInt(p.lockoutDurationSeconds);
    p.lockoutCounterResetSeconds = ok.value(u"AccountLockoutCounterResetAfter"_s).toInt(p.lockoutCounterResetSeconds);
    if (p.minPasswordLength > p.maxPasswordLength)
        errors.append(msg::propertyValueConflict(u"MinPasswordLength"_s, u"MaxPasswordLength"_s));
    if (!errors.isEmpty())
        return errorResponse(errors);
    const AccountStore::Policy previous = ctx.accounts->policy();
    ctx.accounts->setPolicy(p);
    QString why;
    if (!ctx.accounts->save(&why)) {
        ctx.accounts->setPolicy(previous);
        return errorResponse(msg::internalError());
    }
    return jsonResponse(req, accountServiceBody(p));
}

} // namespace

void registerRoutesSessionService(Context &ctx)
{
    namespace p = privileges;
    Context *c = &ctx;
    ctx.route(HttpServer::Get, u"/redfish/v1/SessionService"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return jsonResponse(r, sessionServiceBody(c->sessions->timeout())); });
    ctx.route(HttpServer::Patch, u"/redfish/v1/SessionService"_s, p::configureManager(),
              [c](HttpRequest &r, const Auth &a) { return handleSessionServicePatch(*c, r, a); });
    ctx.route(HttpServer::Get, u"/redfish/v1/SessionService/Sessions"_s, p::login(),
              [c](HttpRequest &r, const Auth &a) { return handleSessionCollectionGet(*c, r, a); });
    ctx.route(HttpServer::Post, u"/redfish/v1/SessionService/Sessions"_s, p::publicAccess(),
              [c](HttpRequest &r, const Auth &) { return handleSessionCreate(*c, r); });
    ctx.route(HttpServer::Get, u"/redfish/v1/SessionService/Sessions/{id}"_s, p::login(),
              [c](HttpRequest &r, const Auth &a) { return handleSessionGet(*c, r, a); });
    ctx.route(HttpServer::Delete, u"/redfish/v1/SessionService/Sessions/{id}"_s, p::configureSelfOr(p::ConfigureManager),
              [c](HttpRequest &r, const Auth &a) { return handleSessionDelete(*c, r, a); });
}

void registerRoutesAccountService(Context &ctx)
{
    namespace p = privileges;
    Context *c = &ctx;
    ctx.route(HttpServer::Get, u"/redfish/v1/AccountService"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return jsonResponse(r, accountServiceBody(c->accounts->policy())); });
    ctx.route(HttpServer::Patch, u"/redfish/v1/AccountService"_s, p::configureUsers(),
              [c](HttpRequest &r, const Auth &a) { return handleAccountServicePatch(*c, r, a); });
    ctx.route(HttpServer::Get, u"/redfish/v1/AccountService/Accounts"_s, p::login(),
              [c](HttpRequest &r, const Auth &a) { return handleAccountsGet(*c, r, a); });
    ctx.route(HttpServer::Post, u"/redfish/v1/AccountService/Accounts"_s, p::configureUsers(),
              [c](HttpRequest &r, const Auth &a) { return handleAccountCreate(*c, r, a); });
    ctx.route(HttpServer::Get, u"/redfish/v1/AccountService/Accounts/{id}"_s, p::configureSelfOr(p::ConfigureUsers),
              [c](HttpRequest &r, const Auth &a) { return handleAccountGet(*c, r, a); });
    ctx.route(HttpServer::Patch, u"/redfish/v1/AccountService/Accounts/{id}"_s, p::configureSelfOr(p::ConfigureUsers),
              [c](HttpRequest &r, const Auth &a) { return handleAccountPatch(*c, r, a); });
    ctx.route(HttpServer::Delete, u"/redfish/v1/AccountService/Accounts/{id}"_s, p::configureUsers(),
              [c](HttpRequest &r, const Auth &a) { return handleAccountDelete(*c, r, a); });
    ctx.route(HttpServer::Get, u"/redfish/v1/AccountService/Roles"_s, p::login(), [](HttpRequest &r, const Auth &) {
        QStringList members;
        for (const QString &role : privileges::roleIds())
            members << u"/redfish/v1/AccountService/Roles/"_s + role;
        return jsonResponse(r, odata::collection(Kind::RoleCollection, u"/redfish/v1/AccountService/Roles"_s,
                                                 u"Roles Collection"_s, members));
    });
    ctx.route(HttpServer::Get, u"/redfish/v1/AccountService/Roles/{id}"_s, p::login(), [](HttpRequest &r, const Auth &) {
        const QString id = r.param(u"id"_s);
        if (!privileges::isRole(id))
            return errorResponse(msg::resourceNotFound(u"Role"_s, id.left(64)));
        return jsonResponse(r, roleBody(id));
    });
}

} // namespace redfish
