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
#include "passwordverifier.h"
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

QByteArray describedBy(const QJsonObject &body)
{
    const QString type = body.value(u"@odata.type"_s).toString();
    if (!type.startsWith(u'#'))
        return {};
    // "#ComputerSystem.v1_22_0.ComputerSystem" -> ComputerSystem.v1_22_0.json
    const QString schema = type.mid(1).section(u'.', 0, -2);
    return "<http://redfish.dmtf.org/schemas/v1/" + schema.toLatin1() + ".json>; rel=describedby";
}

HttpResponse jsonResponse(const HttpRequest &request, const QJsonObject &body, int status)
{
    const QByteArray bytes = compact(body);
    return jsonResponse(request, bytes, etagFor(body, bytes), describedBy(body), status);
}

HttpResponse jsonResponse(const HttpRequest &request, const QByteArray &body, const QByteArray &etag,
                          const QByteArray &link, int status)
{
    HttpResponse r(status, body, "application/json;charset=utf-8");
    r.setHeader("ETag", etag);
    if (!link.isEmpty())
        r.setHeader("Link", link);
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
    // After authentication: privileges, the password-change restriction, query parameters, the
    // handler, and Allow on GET answers.
    Handler authorized = [this, pattern, requirement, handler](HttpRequest &request, const Auth &auth) -> HttpResponse {
        if (!requirement.isPublic()) {
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
        if (request.method() == "PATCH") {
            QJsonObject body;
            QList<msg::Message> ignored;
            if (json::parseObject(request.body(), &body, &ignored) && json::onlyODataAnnotations(body))
                return errorResponse(msg::noOperation());
        }
        HttpResponse response = handler(request, auth);
        if (isGet && response.status() < 300 && response.header("Allow").isNull())
            response.setHeader("Allow", allowHeader(methodsFor(pattern)));
        return response;
    };
    const bool open = requirement.isPublic();
    auto entry = [this, open, authorized](HttpRequest &request) -> HttpResponse {
        if (open)
            return authorized(request, Auth());
        return authenticated(request, authorized);
    };
    server->route(methods, pattern, entry);
    // DSP0266 §7.10: a POST to a collection's Members property URI creates like a POST to the
    // collection (Sessions, Accounts, Subscriptions).
    if ((methods & HttpServer::Post) && !pattern.contains(u"/Actions/"_s) && !pattern.endsWith(u"*}"_s)) {
        m_routes.append({pattern + u"/Members"_s, HttpServer::Post});
        server->route(HttpServer::Post, pattern + u"/Members"_s, entry);
    }
}

void Context::finishRoutes()
{
    QStringList patterns;
    for (const RouteInfo &r : std::as_const(m_routes))
        if (!patterns.contains(r.pattern) && !r.pattern.endsWith(u"*}"))
            patterns << r.pattern;
    const unsigned all = HttpServer::Get | HttpServer::Post | HttpServer::Put | HttpServer::Patch | HttpServer::Delete;
    for (const QString &pattern : std::as_const(patterns)) {
        const unsigned have = methodsFor(pattern);
        const unsigned missing = all & ~have;
        if (!missing)
            continue;
        const QByteArray allow = allowHeader(have);
        const bool open = !(have & HttpServer::Get) || pattern == QLatin1String("/redfish") || pattern == QLatin1String("/redfish/v1");
        Handler notAllowed = [allow](HttpRequest &, const Auth &) {
            HttpResponse r = errorResponse(msg::operationNotAllowed(), 405);
            r.setHeader("Allow", allow);
            return r;
        };
        server->route(missing, pattern, [this, notAllowed, open](HttpRequest &request) {
            return open ? notAllowed(request, Auth()) : authenticated(request, notAllowed);
        });
    }
}

HttpResponse Context::authenticationFailed(const HttpRequest &request, const char *why) const
{
    ++authFailures;
    qCWarning(lcRedfish).noquote() << "authentication failed (" << why << ") for" << request.method()
                                   << request.path().left(120) << "from" << request.peerAddress().toString();
    HttpResponse r = errorResponse(msg::noValidSession(), 401);
    if (request.isSecure() || config.allowBasicOverHttp)
        r.setHeader("WWW-Authenticate", "Basic realm=\"Metal Boot Redfish\", charset=\"UTF-8\"");
    else
        r.setHeader("WWW-Authenticate", "X-Auth-Token realm=\"Metal Boot Redfish\"");
    return r;
}

static Auth authOf(const AccountStore::Account &a, const QString &sessionId)
{
    Auth auth;
    auth.userName = a.userName;
    auth.accountId = a.id;
    auth.roleId = a.roleId;
    auth.privileges = privileges::forRole(a.roleId);
    auth.sessionId = sessionId;
    auth.passwordChangeRequired = a.passwordChangeRequired;
    return auth;
}

HttpResponse Context::authenticated(HttpRequest &request, const Handler &next)
{
    const QByteArray token = request.header("x-auth-token");
    if (!token.isEmpty()) {
        const SessionStore::Session *s = sessions->authenticate(token.trimmed());
        if (!s)
            return authenticationFailed(request, "unknown or expired session");
        const AccountStore::Account *a = accounts->byName(s->userName);
        if (!a || !a->enabled) {
            sessions->remove(s->id);
            return authenticationFailed(request, "account gone");
        }
        return next(request, authOf(*a, s->id));
    }
    const QByteArray authz = request.header("authorization");
    if (authz.size() > 6 && authz.left(6).compare("Basic ", Qt::CaseInsensitive) == 0) {
        if (!request.isSecure() && !config.allowBasicOverHttp)
            return authenticationFailed(request, "basic auth over plain HTTP");
        const auto decoded = QByteArray::fromBase64Encoding(authz.mid(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() > 512)
            return authenticationFailed(request, "bad basic header");
        const qsizetype colon = decoded.decoded.indexOf(':');
        if (colon < 0)
            return authenticationFailed(request, "bad basic header");
        const QString user = QString::fromUtf8(decoded.decoded.left(colon));
        const QString password = QString::fromUtf8(decoded.decoded.mid(colon + 1));
        return withPassword(request, user, password, [this, user, next](HttpRequest &r, AccountStore::Verdict verdict) {
            const AccountStore::Account *a = accounts->byName(user);
            if (verdict != AccountStore::Verdict::Ok || !a)
                return authenticationFailed(r, "bad credentials");
            return next(r, authOf(*a, QString()));
        });
    }
    return authenticationFailed(request, "no credentials");
}

HttpResponse Context::withPassword(HttpRequest &request, const QString &userName, const QString &password,
                                   const PasswordThen &then)
{
    AccountStore::PasswordCheck check;
    if (const auto quick = accounts->beginVerify(userName, password, QDateTime::currentDateTimeUtc(), &check))
        return then(request, *quick);
    if (!verifier)
        return then(request, accounts->finishVerify(check, check.matches()));
    auto copy = std::make_shared<HttpRequest>(request.detached());
    const PendingResponse pending = request.defer();
    AccountStore *store = accounts;
    const bool started = verifier->run(check, [store, copy, pending, check, then](bool matched) {
        HttpResponse r = then(*copy, store->finishVerify(check, matched));
        if (!r.isDeferred())
            pending.send(std::move(r));
    });
    if (!started) {
        ++m_busyRefused;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - m_busyWarnedAtMs >= 1000) {
            qCWarning(lcRedfish).noquote() << "too many password checks pending; refused" << m_busyRefused
                                           << "request(s), the last from" << request.peerAddress().toString();
            m_busyWarnedAtMs = now;
            m_busyRefused = 0;
        }
        HttpResponse busy = errorResponse(msg::serviceTemporarilyUnavailable(1), 503);
        busy.setHeader("Retry-After", "1");
        return busy;
    }
    return HttpResponse::deferred();
}

std::optional<HttpResponse> Context::cachedGet(const HttpRequest &request, const QByteArray &key)
{
    const auto it = m_bodyCache.constFind(request.path());
    if (it == m_bodyCache.cend() || it->key != key)
        return std::nullopt;
    return jsonResponse(request, it->body, it->etag, it->link);
}

HttpResponse Context::storeGet(const HttpRequest &request, const QByteArray &key, const QJsonObject &body)
{
    CachedBody c;
    c.key = key;
    c.body = compact(body);
    c.etag = etagFor(body, c.body);
    c.link = describedBy(body);
    if (m_bodyCache.size() >= MaxCachedBodies)
        m_bodyCache.clear();
    m_bodyCache.insert(request.path(), c);
    return jsonResponse(request, c.body, c.etag, c.link);
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
