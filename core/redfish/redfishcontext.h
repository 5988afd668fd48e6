#pragma once

#include "accountstore.h"
#include "config/labconfig.h"
#include "devices/deviceinfo.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"
#include "redfishmessages.h"
#include "redfishprivileges.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QVariantMap>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class BootControl;
class DeviceJournal;
class DeviceRegistry;
class FirmwareSettings;
class HttpServer;
class InventoryStore;
class PowerControl;
class SessionStore;

namespace redfish {

class EventService;
class PasswordVerifier;
class TaskStore;

// What the lab gives the BMC. Getters for the parts that other subsystems wire in later
// (power, firmware settings) so the service always sees the current object.
struct Backend
{
    DeviceRegistry *registry = nullptr;
    DeviceJournal *journal = nullptr;
    BootControl *bootControl = nullptr;
    InventoryStore *inventory = nullptr;
    std::function<PowerControl *()> powerControl;
    std::function<FirmwareSettings *()> firmwareSettings;
    std::function<const LabConfig &()> config;
    std::function<bool(const std::function<void(LabConfig &)> &, QString *)> modifyConfig;
    QString configDir;
    QString dataDir;
};

// Who is calling, once authenticated.
struct Auth
{
    QString userName;
    QString accountId;
    QString roleId;
    unsigned privileges = 0;
    QString sessionId;                 // empty for Basic auth
    bool passwordChangeRequired = false;
    [[nodiscard]] bool has(unsigned p) const { return (privileges & p) == p; }
    [[nodiscard]] QString requester() const { return QStringLiteral("redfish:") + userName; }
};

// Shared state and helpers of the Redfish resource handlers. Handlers are thin: they resolve the
// device, call the pure *Body() functions and wrap the result with these response helpers.
class Context
{
public:
    using Handler = std::function<HttpResponse(HttpRequest &, const Auth &)>;

    Backend backend;
    HttpServer *server = nullptr;
    AccountStore *accounts = nullptr;
    SessionStore *sessions = nullptr;
    TaskStore *tasks = nullptr;
    EventService *events = nullptr;
    PasswordVerifier *verifier = nullptr;   // null: passwords are hashed on the calling thread
    RedfishConfig config;
    QString serviceUuid;
    QString certificatePath;           // PEM of the served certificate (CertificateService)
    // Bios attributes changed through Redfish whose new values the device has not booted with yet:
    // the values it runs with now (shown by Bios) until its next firmware render.
    QHash<MacAddress, QVariantMap> biosRunning;
    QHash<MacAddress, QDateTime> biosChangedAt;
    mutable quint64 authFailures = 0;          // requests refused by authenticate() (counter "auth.failed")

    // Registers a route whose handler runs only after authentication and the privilege check
    // (bmcweb's BMCWEB_ROUTE(...).privileges(...)). GET routes also get Allow/Link/ETag headers.
    void route(unsigned methods, const QString &pattern, const privileges::Requirement &requirement, Handler handler);
    // Authenticates a request (X-Auth-Token, then Basic) and answers with next(request, auth), or
    // with 401. A Basic password that needs PBKDF2 is checked off the engine thread: the answer
    // is then deferred and `next` runs later with a detached copy of the request.
    HttpResponse authenticated(HttpRequest &request, const Handler &next);
    // Verifies a password the same way (remembered success, lockout accounting, worker thread)
    // and answers with then(request, verdict); 503 when too many checks are already waiting.
    using PasswordThen = std::function<HttpResponse(HttpRequest &, AccountStore::Verdict)>;
    HttpResponse withPassword(HttpRequest &request, const QString &userName, const QString &password,
                              const PasswordThen &then);
    // The 401 answer (NoValidSession + WWW-Authenticate); `why` goes to the log only.
    HttpResponse authenticationFailed(const HttpRequest &request, const char *why) const;
    // After every route: any method a known URI lacks (GET on an action, DELETE on a collection,
    // ...) → 405 with a DMTF OperationNotAllowed body and Allow (HttpServer's own 405 body is not
    // Redfish).
    void finishRoutes();
    // The methods registered for `pattern` (for Allow headers).
    [[nodiscard]] unsigned methodsFor(const QString &pattern) const;

    // Devices. System/Manager/Chassis ids are the MAC address in dashed lower case
    // ("dc-a6-32-01-36-c2"): stable across renames, known before a device is named.
    static QString systemId(const MacAddress &mac) { return mac.toDashed(); }
    [[nodiscard]] std::optional<DeviceInfo> device(const QString &id) const;
    [[nodiscard]] QList<DeviceInfo> devices() const;
    // "redfish.action" journal entry for a device.
    void journal(const MacAddress &mac, const Auth &auth, const QString &message, const QJsonObject &data = {}) const;

    // Serialized bodies of the hot GET resources (a System, the Systems collection: what Ironic
    // polls), so a poll does not rebuild and re-serialize the JSON. An entry is valid while the
    // lab's state generation is unchanged (any registry, boot-control or inventory change bumps
    // it) and `key` (whatever else the body depends on) matches.
    [[nodiscard]] std::optional<HttpResponse> cachedGet(const HttpRequest &request, const QByteArray &key);
    HttpResponse storeGet(const HttpRequest &request, const QByteArray &key, const QJsonObject &body);
    void stateChanged() { ++m_generation; m_bodyCache.clear(); }

private:
    struct RouteInfo
    {
        QString pattern;
        unsigned methods;
    };
    QList<RouteInfo> m_routes;
    struct CachedBody
    {
        QByteArray key;
        QByteArray body;
        QByteArray etag;
        QByteArray link;
    };
    static constexpr int MaxCachedBodies = 1024;
    quint64 m_generation = 0;
    QHash<QString, CachedBody> m_bodyCache;     // path -> body (cleared on every state change)
    qint64 m_busyWarnedAtMs = 0;      // one "too many password checks" warning per second
    int m_busyRefused = 0;
};

// Response helpers.
QByteArray etagOf(const QByteArray &body);
// A JSON resource: Content-Type, OData-Version (default header), ETag, Link (describedby from
// @odata.type), Cache-Control; 304 when If-None-Match matches.
HttpResponse jsonResponse(const HttpRequest &request, const QJsonObject &body, int status = 200);
// The same from an already serialized body, its ETag and Link header value (may be empty).
HttpResponse jsonResponse(const HttpRequest &request, const QByteArray &body, const QByteArray &etag,
                          const QByteArray &link, int status = 200);
// The Link header value (describedby) for a body's @odata.type, empty without one.
QByteArray describedBy(const QJsonObject &body);
HttpResponse errorResponse(const QList<messages::Message> &messages, int status = 0);
HttpResponse errorResponse(const messages::Message &message, int status = 0);
// 412 PreconditionFailed when If-Match is present and matches neither the strong nor weak ETag
// of `current`.
std::optional<HttpResponse> checkIfMatch(const HttpRequest &request, const QJsonObject &current);
// 501 for unsupported $-query parameters (DSP0266 §7.3), nullopt otherwise.
std::optional<HttpResponse> checkQuery(const HttpRequest &request);
// Body as an object (MalformedJSON otherwise). Empty bodies pass when allowEmpty.
std::optional<HttpResponse> readBody(const HttpRequest &request, QJsonObject *out, bool allowEmpty = false);
// 204 or 200 with a Success message for actions.
HttpResponse actionSuccess(const HttpRequest &request);
QByteArray compact(const QJsonObject &object);

} // namespace redfish
