#include "omadadriver.h"

#include "common/logging.h"
#include "httpjsonclient.h"

#include <QJsonDocument>
#include <QRegularExpression>

using K = poe::Error::Kind;

OmadaDriver::Options OmadaDriver::parseOptions(poe::OptionReader &r, const QString &baseDir)
{
    Options o;
    o.http = poe::parseHttpOptions(r, baseDir, QStringLiteral("https"));
    o.site = r.string(QStringLiteral("site"), o.site);
    if (o.site.isEmpty() || o.site.size() > 64)
        r.issue(QStringLiteral("options.site"), QStringLiteral("expected the Omada site's name or id"));
    const QString device = r.string(QStringLiteral("device"));
    if (device.isEmpty())
        r.issue(QStringLiteral("options.device"), QStringLiteral("the Omada driver needs options.device: the switch's MAC address"));
    else if (auto mac = MacAddress::parse(device))
        o.device = *mac;
    else
        r.issue(QStringLiteral("options.device"), QStringLiteral("'%1' is not a MAC address").arg(device.left(40)));
    if (r.config().username.isEmpty())
        r.issue(QStringLiteral("username"), QStringLiteral("the Omada driver needs a controller account"));
    if (r.config().password.isEmpty())
        r.issue(QStringLiteral("password"), QStringLiteral("the Omada driver needs the account's password"));
    return o;
}

OmadaDriver::OmadaDriver(const SwitchConfig &config, const QString &baseDir, int timeoutMs, QObject *parent)
    : PoeDriver(parent)
    , m_username(config.username)
    , m_password(config.password)
    , m_timeoutMs(timeoutMs)
{
    poe::OptionReader r(config, nullptr);
    m_options = parseOptions(r, baseDir);
    m_http = new HttpJsonClient(m_options.http, timeoutMs, this);
}

PoeDriver::Capabilities OmadaDriver::capabilities() const
{
    Capabilities c;
    c.portWatts = true;
    c.learnMacs = true;
    return c;
}

void OmadaDriver::abort()
{
    ++m_generation;
    m_http->abortAll();
}

QString OmadaDriver::switchMac() const
{
    return m_options.device.toDashed().toUpper();
}

QString OmadaDriver::resolve(Base base, const QString &path) const
{
    switch (base) {
    case Base::Absolute: return path;
    case Base::SiteV2: return QStringLiteral("/%1/api/v2/sites/%2/%3").arg(m_controllerId, m_siteId, path);
    case Base::SiteOpenApi: return QStringLiteral("/openapi/v1/%1/sites/%2/%3").arg(m_controllerId, m_siteId, path);
    }
    return path;
}

// Answers of the v2 API: {"errorCode": 0, "msg": "...", "result": ...}.
static poe::Error omadaError(const HttpJsonClient::Reply &r, const QString &what)
{
    const QJsonObject o = r.json.object();
    const int code = o.value(QStringLiteral("errorCode")).toInt(0);
    const QString msg = o.value(QStringLiteral("msg")).toString();
    if (r.status == 200 && r.isJson && code == 0)
        return poe::Error::none();
    if (code == -30109)
        return poe::Error::make(K::Auth, QStringLiteral("the Omada controller rejected the username or password"));
    if (r.isJson && o.contains(QStringLiteral("errorCode")))
        return poe::Error::make(K::Rejected, QStringLiteral("Omada %1 failed: %2 (%3)").arg(what, msg).arg(code));
    return poe::Error::make(K::Protocol, QStringLiteral("Omada %1: unexpected answer (HTTP %2)").arg(what).arg(r.status));
}

void OmadaDriver::ensureLogin(std::function<void(const poe::Error &)> then)
{
    if (!m_token.isEmpty() && !m_siteId.isEmpty()) {
        then(poe::Error::none());
        return;
    }
    const quint64 gen = m_generation;
    m_http->request("GET", QStringLiteral("/api/info"), {}, {}, [this, gen, then](const HttpJsonClient::Reply &r) {
        if (gen != m_generation)
            return;
        if (auto e = m_http->transportError(r, QStringLiteral("Omada controller info")); e.isError())
            return then(e);
        if (auto e = omadaError(r, QStringLiteral("/api/info")); e.isError())
            return then(e);
        const QJsonObject info = r.json.object().value(QStringLiteral("result")).toObject();
        const QString id = info.value(QStringLiteral("omadacId")).toString();
        static const QRegularExpression idRe(QStringLiteral("^[A-Za-z0-9]{1,64}$"));
        if (!idRe.match(id).hasMatch())
            return then(poe::Error::make(K::Protocol, QStringLiteral("the Omada controller reported no usable omadacId")));
        m_controllerId = id;
        m_majorVersion = info.value(QStringLiteral("controllerVer")).toString().section(QLatin1Char('.'), 0, 0).toInt();
        const QJsonObject creds{{QStringLiteral("username"), m_username}, {QStringLiteral("password"), m_password}};
        m_http->clearCookies();
        m_http->request("POST", QStringLiteral("/%1/api/v2/login").arg(id), QJsonDocument(creds).toJson(QJsonDocument::Compact),
                        {}, [this, gen, then](const HttpJsonClient::Reply &lr) {
                            if (gen != m_generation)
                                return;
                            if (auto e = m_http->transportError(lr, QStringLiteral("Omada login")); e.isError())
                                return then(e);
                            if (auto e = omadaError(lr, QStringLiteral("login")); e.isError())
                                return then(e.kind == K::Rejected ? poe::Error::make(K::Auth, e.message) : e);
                            const QByteArray token = lr.json.object()
                                                         .value(QStringLiteral("result"))
                                                         .toObject()
                                                         .value(QStringLiteral("token"))
                                                         .toString()
                                                         .toLatin1();
                            if (token.isEmpty())
                                return then(poe::Error::make(K::Protocol, QStringLiteral("Omada login returned no token")));
                            m_token = token;
                            qCInfo(lcPoe).noquote() << "logged in to Omada controller" << m_http->describe({}) << "as"
                                                    << m_username;
                            // The site's id, by name (or id).
                            call("GET", Base::Absolute,
                                 QStringLiteral("/%1/api/v2/sites?currentPage=1&currentPageSize=1000").arg(m_controllerId),
                                 {}, [this, then](const poe::Error &e, const QJsonValue &result) {
                                     if (e.isError())
                                         return then(e);
                                     for (const auto &v : result.toObject().value(QStringLiteral("data")).toArray()) {
                                         const QJsonObject s = v.toObject();
                                         if (s.value(QStringLiteral("name")).toString() == m_options.site
                                             || s.value(QStringLiteral("id")).toString() == m_options.site) {
                                             m_siteId = s.value(QStringLiteral("id")).toString();
                                             break;
                                         }
                                     }
                                     static const QRegularExpression siteRe(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
                                     if (!siteRe.match(m_siteId).hasMatch()) {
                                         m_siteId.clear();
                                         return then(poe::Error::make(K::Rejected, QStringLiteral("the Omada controller has no "
                                                                                                  "site '%1'")
                                                                                       .arg(m_options.site)));
                                     }
                                     then(poe::Error::none());
                                 },
                                 Attempt::DuringLogin);
                        });
    });
}

void OmadaDriver::call(const QByteArray &verb, Base base, const QString &relative, const QJsonObject &body,
                       JsonCallback done, Attempt attempt)
{
    auto send = [this, verb, base, relative, body, done, attempt] {
        const QString path = resolve(base, relative);
        const quint64 gen = m_generation;
        const QString origin = m_http->describe({});
        const HttpJsonClient::Headers headers{{QByteArrayLiteral("Csrf-Token"), m_token},
                                              {QByteArrayLiteral("Omada-Request-Source"), QByteArrayLiteral("web-local")},
                                              {QByteArrayLiteral("Referer"), (origin + QLatin1Char('/')).toUtf8()},
                                              {QByteArrayLiteral("Origin"), origin.toUtf8()}};
        const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        const QString shown = path.section(QLatin1Char('?'), 0, 0);
        m_http->request(verb, path, payload, headers, [=](const HttpJsonClient::Reply &r) {
            if (gen != m_generation)
                return;
            if (auto e = m_http->transportError(r, QStringLiteral("Omada %1").arg(shown)); e.isError())
                return done(e, {});
            // An expired session answers 401, or "success" with the HTML login page.
            const bool sessionGone = r.status == 401 || r.status == 302 || (r.status == 200 && !r.isJson);
            if (sessionGone && attempt == Attempt::First) {
                qCInfo(lcPoe) << "Omada session expired, logging in again";
                m_token.clear();
                m_siteId.clear();
                call(verb, base, relative, body, done, Attempt::Retry);
                return;
            }
            if (sessionGone)
                return done(poe::Error::make(K::Auth, QStringLiteral("the Omada controller keeps dropping the session")), {});
            if (auto e = omadaError(r, QStringLiteral("%1 %2").arg(QString::fromLatin1(verb), shown)); e.isError())
                return done(e, {});
            done(poe::Error::none(), r.json.object().value(QStringLiteral("result")));
        });
    };
    if (attempt == Attempt::DuringLogin) {
        send();
        return;
    }
    const quint64 gen = m_generation;
    ensureLogin([this, gen, send, done](const poe::Error &e) {
        if (gen != m_generation)
            return;
        if (e.isError())
            return done(e, {});
        send();
    });
}

QList<poe::PortStatus> OmadaDriver::parsePorts(const QJsonArray &ports)
{
    QList<poe::PortStatus> out;
    for (const auto &v : ports) {
        const QJsonObject p = v.toObject();
        const int n = p.value(QStringLiteral("port")).toInt(-1);
        const QJsonObject st = p.value(QStringLiteral("portStatus")).toObject();
        if (n < 1 || (!p.contains(QStringLiteral("poe")) && !st.contains(QStringLiteral("poePower"))))
            continue;
        poe::PortStatus s;
        s.port = QString::number(n);
        s.label = p.value(QStringLiteral("name")).toString(QStringLiteral("Port %1").arg(n));
        const int mode = p.value(QStringLiteral("poe")).toInt(-1);
        if (mode == 0)
            s.adminOn = false;
        else if (mode == 1)
            s.adminOn = true;
        const bool active = st.value(QStringLiteral("poe")).toBool(false);
        s.detection = active ? poe::Detection::Delivering
                             : (s.adminOn.value_or(true) ? poe::Detection::Searching : poe::Detection::Disabled);
        if (mode == 2 && active)
            s.adminOn = true;
        s.watts = st.value(QStringLiteral("poePower")).toDouble(active ? -1 : 0);
        out.append(s);
    }
    return out;
}

QJsonObject OmadaDriver::patchBody(const QJsonObject &port, const QJsonObject &profile, bool on, int majorVersion)
{
    // Base settings, as the port has them (after tplink-omada-api's _build_base_port_payload).
    QJsonObject b;
    for (const char *key : {"name", "profileId", "linkSpeed", "duplex", "tagIds", "nativeNetworkId", "networkTagsSetting",
                            "tagNetworkIds", "untagNetworkIds", "voiceNetworkEnable", "voiceNetworkId"}) {
        const QString k = QString::fromLatin1(key);
        if (port.contains(k))
            b.insert(k, port.value(k));
    }
    // Overrides: the port's own when it already overrides its profile, else the profile's.
    const QJsonObject &src = port.value(QStringLiteral("profileOverrideEnable")).toBool() ? port : profile;
    for (const char *key : {"dot1x", "lldpMedEnable", "loopbackDetectEnable", "spanningTreeEnable", "portIsolationEnable",
                            "eeeEnable", "flowControlEnable", "loopbackDetectVlanBasedEnable", "bandWidthCtrlType",
                            "operation"}) {
        const QString k = QString::fromLatin1(key);
        if (src.contains(k))
            b.insert(k, src.value(k));
    }
    if (!b.contains(QStringLiteral("operation")))
        b.insert(QStringLiteral("operation"), QStringLiteral("switching"));
    b.insert(QStringLiteral("profileOverrideEnable"), true);
    b.insert(QStringLiteral("poe"), on ? 1 : 0);
    if (majorVersion < 6)
        b.insert(QStringLiteral("topoNotifyEnable"), port.value(QStringLiteral("topoNotifyEnable")).toBool(false));
    return b;
}

void OmadaDriver::readPorts(ReadCallback done)
{
    call("GET", Base::SiteV2, QStringLiteral("switches/%1/ports").arg(switchMac()), {},
         [done](const poe::Error &e, const QJsonValue &result) {
             if (e.isError())
                 return done(e, {});
             poe::PortReadout r;
             r.ports = parsePorts(result.toArray());
             double total = 0;
             for (const auto &p : r.ports)
                 total += qMax(0.0, p.watts);
             r.totalWatts = total;
             done(poe::Error::none(), r);
         });
}

void OmadaDriver::setPortPower(const QString &port, bool on, DoneCallback done)
{
    bool ok = false;
    const int n = port.toInt(&ok);
    if (!ok || n < 1 || n > 1024)
        return done(poe::Error::make(K::Rejected, QStringLiteral("Omada ports are numbers, not '%1'").arg(port)));
    const QString portPath = QStringLiteral("switches/%1/ports/%2").arg(switchMac()).arg(n);
    call("GET", Base::SiteV2, portPath, {}, [this, portPath, on, done](const poe::Error &e, const QJsonValue &result) {
        if (e.isError())
            return done(e);
        const QJsonObject current = result.toObject();
        if (!current.contains(QStringLiteral("poe")))
            return done(poe::Error::make(K::Rejected, QStringLiteral("Omada reports no PoE on %1").arg(portPath)));
        auto patch = [this, portPath, on, done, current](const QJsonObject &profile) {
            const QJsonObject body = patchBody(current, profile, on, m_majorVersion);
            call("PATCH", m_majorVersion >= 6 ? Base::SiteOpenApi : Base::SiteV2, portPath, body,
                 [done](const poe::Error &e2, const QJsonValue &) { done(e2); });
        };
        if (current.value(QStringLiteral("profileOverrideEnable")).toBool()) {
            patch({});
            return;
        }
        // No override yet: start from the port's profile so that nothing but PoE changes.
        const QString profileId = current.value(QStringLiteral("profileId")).toString();
        call("GET", Base::SiteV2, QStringLiteral("setting/lan/profileSummary"), {},
             [patch, profileId, done](const poe::Error &e2, const QJsonValue &profiles) {
                 if (e2.isError())
                     return done(e2);
                 for (const auto &v : profiles.toObject().value(QStringLiteral("data")).toArray())
                     if (v.toObject().value(QStringLiteral("id")).toString() == profileId)
                         return patch(v.toObject());
                 done(poe::Error::make(K::Rejected, QStringLiteral("Omada port profile '%1' not found").arg(profileId)));
             });
    });
}

void OmadaDriver::learnMacs(MacsCallback done)
{
    call("GET", Base::SiteV2, QStringLiteral("clients?currentPage=1&currentPageSize=1000&filters.active=true"), {},
         [this, done](const poe::Error &e, const QJsonValue &result) {
             if (e.isError())
                 return done(e, {});
             QList<poe::MacSighting> out;
             const auto self = m_options.device;
             for (const auto &v : result.toObject().value(QStringLiteral("data")).toArray()) {
                 const QJsonObject c = v.toObject();
                 if (c.value(QStringLiteral("wireless")).toBool(false))
                     continue;
                 const auto sw = MacAddress::parse(c.value(QStringLiteral("switchMac")).toString());
                 const auto mac = MacAddress::parse(c.value(QStringLiteral("mac")).toString());
                 const int port = c.value(QStringLiteral("port")).toInt(-1);
                 if (sw && mac && *sw == self && port > 0)
                     out.append({*mac, QString::number(port)});
             }
             done(poe::Error::none(), out);
         });
}
