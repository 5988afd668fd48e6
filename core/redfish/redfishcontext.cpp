// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "redfishcontext.h"

#include "accountstore.h"
#include "common/logging.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "http/httpserver.h"
#include "redfishjson.h"
#include "sessionstore.h"

#include <QCryptographicHash>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace redfish {

namespace msg = redfish::messages;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray etagOf(const QByteArray &body)
{
    const QByteArray h = QCryptographicHash::hash(body, QCryptographicHash::Sha1).toHex().left(16);
    return "\"" + h + "\"";
}

// The body's own @odata.etag (accounts: a revision counter that also covers the password) or a
// hash of the representation.
static QByteArray etagFor(const QJsonObject &body, const QByteArray &bytes)
{
    const QString own = body.value(u"@odata.etag"_s).toString();
    if (!own.isEmpty())
        return (own.startsWith(u"W/"_s) ? own.mid(2) : own).toLatin1();
    return etagOf(bytes);
}

HttpResponse jsonResponse(const HttpRequest &request, const QJsonObject &body, int status)
{
    HttpResponse r(status, compact(body), "application/json;charset=utf-8");
    const QByteArray etag = etagFor(body, r.body());
    r.setHeader("ETag", etag);
    const QString type = body.value(u"@odata.type"_s).toString();
    if (type.startsWith(u'#')) {
        // "#ComputerSystem.v1_22_0.ComputerSystem" -> ComputerSystem.v1_22_0.json
        const QString schema = type.mid(1).section(u'.', 0, -2);
        r.setHeader("Link", "<http://redfish.dmtf.org/schemas/v1/" + schema.toLatin1() + ".json>; rel=describedby");
    }
    r.setHeader("Cache-Control", "no-cache");
    if (status == 200 && (request.method() == "GET" || request.method() == "HEAD")) {
        const QByteArray inm = request.header("if-none-match");
        if (!inm.isEmpty()) {
            for (QByteArray tag : inm.split(',')) {
                tag = tag.trimmed();
                if (tag.startsWith("W/"))
                    tag = tag.mid(2);
                if (tag == etag || tag == "*") {
                    HttpResponse notModified(304);
                    notModified.setHeader("ETag", etag);
                    return notModified;
                }
            }
        }
    }
    return r;
}

HttpResponse errorResponse(const QList<msg::Message> &messages, int status)
{
    HttpResponse r(status ? status : msg::statusFor(messages), compact(msg::errorBody(messages)),
                   "application/json;charset=utf-8");
    r.setHeader("Cache-Control", "no-cache");
    return r;
}

HttpResponse errorResponse(const msg::Message &message, int status)
{
    return errorResponse(QList<msg::Message>{message}, status);
}

std::optional<HttpResponse> checkIfMatch(const HttpRequest &request, const QJsonObject &current)
{
    const QByteArray ifMatch = request.header("if-match");
    if (ifMatch.isEmpty())
        return std::nullopt;
    const QByteArray etag = etagFor(current, compact(current));
    for (QByteArray tag : ifMatch.split(',')) {
        tag = tag.trimmed();
        if (tag == "*")
            return std::nullopt;
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag == etag)
            return std::nullopt;
    }
    return errorResponse(msg::preconditionFailed());
}

std::optional<HttpResponse> checkQuery(const HttpRequest &request)
{
    const auto items = request.query().queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        const QString &key = item.first;
        if (key.startsWith(u'$') || key == QLatin1String("only") || key == QLatin1String("excerpt"))
            return errorResponse(msg::queryParameterUnsupported(key.left(40)), 501);
    }
    return std::nullopt;
}

std::optional<HttpResponse> readBody(const HttpRequest &request, QJsonObject *out, bool allowEmpty)
{
    QList<msg::Message> errors;
    if (!json::parseObject(request.body(), out, &errors, allowEmpty))
        return errorResponse(errors);
    return std::nullopt;
}

HttpResponse actionSuccess(const HttpRequest &request)
{
    Q_UNUSED(request)
    return HttpResponse(204);
}

static QByteArray allowHeader(unsigned methods)
{
    QList<QByteArray> names;
    if (methods & HttpServer::Get)
        names << "GET" << "HEAD";
    for (unsigned bit : {unsigned(HttpServer::Post), unsigned(HttpServer::Put), unsigned(HttpServer::Patch),
                         unsigned(HttpServer::Delete)})
        if (methods & bit)
            names << HttpServer::methodName(bit);
    return names.join(", ");
}

unsigned Context::methodsFor(const QString &pattern) const
{
    unsigned m = 0;
    for (const RouteInfo &r : m_routes)
        if (r.pattern == pattern)
            m |= r.methods;
    return m;
}

void Context::route(unsigned methods, const QString &pattern, const privileges::Requirement &requirement,
                    Handler handler)
{
    m_routes.append({pattern, methods});
    server->route(methods, pattern, [this, pattern, requirement, handler](HttpRequest &request) -> HttpResponse {
        Auth auth;
        if (!requirement.isPublic()) {
            HttpResponse denied;
            const auto who = authenticate(request, &denied);
            if (!who)
                return denied;
            auth = *who;
            if (!requirement.satisfiedBy(auth.privileges)) {
                qCWarning(lcRedfish).noquote() << "insufficient privilege:" << auth.userName << request.method()
                                               << request.path().left(120);
                return errorResponse(msg::insufficientPrivilege());
            }
            if (auth.passwordChangeRequired) {
                // Only the own account may be read and patched until the password is changed.
                const QString own = u"/redfish/v1/AccountService/Accounts/"_s + auth.accountId;
                const bool allowed = (request.path() == own && (request.method() == "GET" || request.method() == "HEAD"
                                                                || request.method() == "PATCH"))
                    || (request.method() == "DELETE" && request.path().startsWith(u"/redfish/v1/SessionService/Sessions/"));
                if (!allowed)
                    return errorResponse(msg::passwordChangeRequired(own));
            }
        }
        const bool isGet = request.method() == "GET" || request.method() == "HEAD";
        if (isGet) {
            if (auto bad = checkQuery(request))
                return *bad;
        }
        HttpResponse response = handler(request, auth);
        if (isGet && response.status() < 300 && response.header("Allow").isNull())
            response.setHeader("Allow", allowHeader(methodsFor(pattern)));
        return response;
    });
}

void Context::finishRoutes()
{
    QStringList patterns;
    for (const RouteInfo &r : std::as_const(m_routes))
        if (!patterns.contains(r.pattern) && !r.pattern.endsWith(u"*}"))
            patterns << r.pattern;
    const unsigned writes = HttpServer::Post | HttpServer::Put | HttpServer::Patch | HttpServer::Delete;
    for (const QString &pattern : std::as_const(patterns)) {
        const unsigned have = methodsFor(pattern);
        const unsigned missing = writes & ~have;
        if (!missing)
            continue;
        const QByteArray allow = allowHeader(have);
        const bool open = !(have & HttpServer::Get) || pattern == QLatin1String("/redfish") || pattern == QLatin1String("/redfish/v1");
        server->route(missing, pattern, [this, allow, open](HttpRequest &request) {
            HttpResponse denied;
            if (!open && !authenticate(request, &denied))
                return denied;
            HttpResponse r = errorResponse(msg::operationNotAllowed(), 405);
            r.setHeader("Allow", allow);
            return r;
        });
    }
}

std::optional<Auth> Context::authenticate(const HttpRequest &request, HttpResponse *denied)
{
    const bool basicAllowed = request.isSecure() || config.allowBasicOverHttp;
    auto fail = [&](const char *why) {
        ++authFailures;
        qCWarning(lcRedfish).noquote() << "authentication failed (" << why << ") for" << request.method()
                                       << request.path().left(120) << "from" << request.peerAddress().toString();
        HttpResponse r = errorResponse(msg::noValidSession(), 401);
        if (basicAllowed)
            r.setHeader("WWW-Authenticate", "Basic realm=\"Metal Boot Redfish\", charset=\"UTF-8\"");
        else
            r.setHeader("WWW-Authenticate", "X-Auth-Token realm=\"Metal Boot Redfish\"");
        *denied = r;
        return std::optional<Auth>();
    };
    auto fromAccount = [&](const AccountStore::Account *a, const QString &sessionId) {
        Auth auth;
        auth.userName = a->userName;
        auth.accountId = a->id;
        auth.roleId = a->roleId;
        auth.privileges = privileges::forRole(a->roleId);
        auth.sessionId = sessionId;
        auth.passwordChangeRequired = a->passwordChangeRequired;
        return std::optional<Auth>(auth);
    };
    const QByteArray token = request.header("x-auth-token");
    if (!token.isEmpty()) {
        const SessionStore::Session *s = sessions->authenticate(token.trimmed());
        if (!s)
            return fail("unknown or expired session");
        const AccountStore::Account *a = accounts->byName(s->userName);
        if (!a || !a->enabled) {
            sessions->remove(s->id);
            return fail("account gone");
        }
        return fromAccount(a, s->id);
    }
    const QByteArray authz = request.header("authorization");
    if (authz.size() > 6 && authz.left(6).compare("Basic ", Qt::CaseInsensitive) == 0) {
        if (!basicAllowed)
            return fail("basic auth over plain HTTP");
        const auto decoded = QByteArray::fromBase64Encoding(authz.mid(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() > 512)
            return fail("bad basic header");
        const qsizetype colon = decoded.decoded.indexOf(':');
        if (colon < 0)
            return fail("bad basic header");
        const QString user = QString::fromUtf8(decoded.decoded.left(colon));
        const QString password = QString::fromUtf8(decoded.decoded.mid(colon + 1));
        if (accounts->verify(user, password) != AccountStore::Verdict::Ok)
            return fail("bad credentials");
        return fromAccount(accounts->byName(user), QString());
    }
    return fail("no credentials");
}

std::optional<DeviceInfo> Context::device(const QString &id) const
{
    const auto mac = MacAddress::parse(id);
    if (!mac || id != mac->toDashed())
        return std::nullopt;
    const DeviceInfo *d = backend.registry->find(*mac);
    if (!d)
        return std::nullopt;
    return *d;
}

QList<DeviceInfo> Context::devices() const
{
    return backend.registry->all();
}

void Context::journal(const MacAddress &mac, const Auth &auth, const QString &message, const QJsonObject &data) const
{
    JournalEvent e;
    e.mac = mac;
    e.source = u"redfish"_s;
    e.kind = QString::fromLatin1(journalkind::RedfishAction);
    e.message = message;
    QJsonObject d = data;
    d.insert(u"user"_s, auth.userName);
    e.data = d;
    backend.journal->append(e);
    qCInfo(lcRedfish).noquote() << mac.toString() << message << "by" << auth.userName;
}

} // namespace redfish
