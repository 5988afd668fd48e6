#include "unifidriver.h"

#include "common/logging.h"
#include "httpjsonclient.h"

#include <QJsonDocument>
#include <QRegularExpression>

using K = poe::Error::Kind;

UnifiDriver::Options UnifiDriver::parseOptions(poe::OptionReader &r, const QString &baseDir)
{
    Options o;
    o.http = poe::parseHttpOptions(r, baseDir, QStringLiteral("https"));
    o.site = r.string(QStringLiteral("site"), o.site);
    static const QRegularExpression siteRe(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!siteRe.match(o.site).hasMatch())
        r.issue(QStringLiteral("options.site"), QStringLiteral("a site id is 1 to 64 letters, digits, '_' or '-'"));
    const QString device = r.string(QStringLiteral("device"));
    if (device.isEmpty()) {
        r.issue(QStringLiteral("options.device"),
                QStringLiteral("the UniFi driver needs options.device: the switch's MAC address"));
    } else if (auto mac = MacAddress::parse(device)) {
        o.device = *mac;
    } else {
        r.issue(QStringLiteral("options.device"), QStringLiteral("'%1' is not a MAC address").arg(device.left(40)));
    }
    const int os = r.choice(QStringLiteral("unifi_os"), {"auto", "true", "false"}, 0);
    if (os == 1)
        o.unifiOs = true;
    else if (os == 2)
        o.unifiOs = false;
    if (r.config().username.isEmpty())
        r.issue(QStringLiteral("username"), QStringLiteral("the UniFi driver needs a local controller account"));
    if (r.config().password.isEmpty())
        r.issue(QStringLiteral("password"), QStringLiteral("the UniFi driver needs the account's password"));
    return o;
}

UnifiDriver::UnifiDriver(const SwitchConfig &config, const QString &baseDir, int timeoutMs, QObject *parent)
    : PoeDriver(parent)
    , m_username(config.username)
    , m_password(config.password)
    , m_timeoutMs(timeoutMs)
{
    poe::OptionReader r(config, nullptr);
    m_options = parseOptions(r, baseDir);
    m_isUnifiOs = m_options.unifiOs;
    m_http = new HttpJsonClient(m_options.http, timeoutMs, this);
}

PoeDriver::Capabilities UnifiDriver::capabilities() const
{
    Capabilities c;
    c.nativeCycle = true;
    c.portWatts = true;
    c.learnMacs = true;
    return c;
}

QString UnifiDriver::prefix() const
{
    return m_isUnifiOs.value_or(false) ? QStringLiteral("/proxy/network") : QString();
}

void UnifiDriver::abort()
{
    ++m_generation;
    m_http->abortAll();
}

void UnifiDriver::ensureLogin(std::function<void(const poe::Error &)> then)
{
    if (m_loggedIn) {
        then(poe::Error::none());
        return;
    }
    if (m_isUnifiOs.has_value()) {
        login(std::move(then));
        return;
    }
    const quint64 gen = m_generation;
    m_http->request("GET", QStringLiteral("/"), {}, {}, [this, gen, then](const HttpJsonClient::Reply &r) {
        if (gen != m_generation)
            return;
        if (auto e = m_http->transportError(r, QStringLiteral("UniFi controller detection")); e.isError()) {
            then(e);
            return;
        }
        if (r.status == 200)
            m_isUnifiOs = true;
        else if (r.status >= 300 && r.status < 400)
            m_isUnifiOs = false;
        else {
            then(poe::Error::make(K::Protocol, QStringLiteral("cannot tell a classic controller from UniFi OS (GET / "
                                                              "answered %1); set options.unifi_os")
                                                   .arg(r.status)));
            return;
        }
        qCInfo(lcPoe).noquote() << m_http->describe({}) << "is" << (*m_isUnifiOs ? "UniFi OS" : "a classic UniFi controller");
        login(then);
    });
}

void UnifiDriver::login(std::function<void(const poe::Error &)> then)
{
    const bool os = m_isUnifiOs.value_or(false);
    const QString path = os ? QStringLiteral("/api/auth/login") : QStringLiteral("/api/login");
    const QJsonObject body{{QStringLiteral("username"), m_username}, {QStringLiteral("password"), m_password},
                           {QStringLiteral("remember"), false}};
    m_http->clearCookies();
    m_csrf.clear();
    const quint64 gen = m_generation;
    m_http->request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), {},
                    [this, gen, os, then](const HttpJsonClient::Reply &r) {
                        if (gen != m_generation)
                            return;
                        if (auto e = m_http->transportError(r, QStringLiteral("UniFi login")); e.isError()) {
                            then(e);
                            return;
                        }
                        if (r.status == 400 || r.status == 401 || r.status == 403) {
                            then(poe::Error::make(K::Auth, QStringLiteral("the UniFi controller rejected the username "
                                                                          "or password (HTTP %1)")
                                                               .arg(r.status)));
                            return;
                        }
                        if (r.status == 429) {
                            then(poe::Error::make(K::Rejected, QStringLiteral("the UniFi controller refuses logins for "
                                                                              "now (too many attempts)")));
                            return;
                        }
                        if (r.status != 200) {
                            then(poe::Error::make(K::Protocol, QStringLiteral("UniFi login answered HTTP %1").arg(r.status)));
                            return;
                        }
                        m_csrf = r.header("x-csrf-token");
                        if (m_csrf.isEmpty())
                            m_csrf = m_http->cookie("csrf_token");
                        const bool haveSession = os ? !m_http->cookie("TOKEN").isEmpty()
                                                    : !m_http->cookie("unifises").isEmpty();
                        if (!haveSession) {
                            then(poe::Error::make(K::Protocol, QStringLiteral("UniFi login succeeded but set no "
                                                                              "session cookie (%1)")
                                                                   .arg(os ? QStringLiteral("TOKEN")
                                                                           : QStringLiteral("unifises"))));
                            return;
                        }
                        m_loggedIn = true;
                        qCInfo(lcPoe).noquote() << "logged in to" << m_http->describe({}) << "as" << m_username;
                        then(poe::Error::none());
                    });
}

void UnifiDriver::call(const QByteArray &verb, const QString &sitePath, const QJsonObject &body, JsonCallback done,
                       bool retried)
{
    const quint64 gen = m_generation;
    ensureLogin([this, gen, verb, sitePath, body, done, retried](const poe::Error &loginError) {
        if (gen != m_generation)
            return;
        if (loginError.isError()) {
            done(loginError, {});
            return;
        }
        const QString path = prefix() + QStringLiteral("/api/s/") + m_options.site + sitePath;
        HttpJsonClient::Headers headers;
        if (verb != "GET" && !m_csrf.isEmpty())
            headers.append({QByteArrayLiteral("X-CSRF-Token"), m_csrf});
        const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        m_http->request(verb, path, payload, headers, [=](const HttpJsonClient::Reply &r) {
            if (gen != m_generation)
                return;
            if (auto e = m_http->transportError(r, QStringLiteral("UniFi %1").arg(sitePath)); e.isError()) {
                done(e, {});
                return;
            }
            const QByteArray rotated = r.header("x-updated-csrf-token");
            if (!rotated.isEmpty())
                m_csrf = rotated;
            const QJsonObject obj = r.json.object();
            const QString msg = obj.value(QStringLiteral("meta")).toObject().value(QStringLiteral("msg")).toString();
            const bool loginRequired = r.status == 401 || msg == QLatin1String("api.err.LoginRequired");
            if (loginRequired && !retried) {
                qCInfo(lcPoe).noquote() << "UniFi session expired, logging in again";
                m_loggedIn = false;
                call(verb, sitePath, body, done, true);
                return;
            }
            if (loginRequired) {
                done(poe::Error::make(K::Auth, QStringLiteral("the UniFi controller keeps asking for a login (account "
                                                              "lacks rights?)")),
                     {});
                return;
            }
            if (r.status == 403) {
                done(poe::Error::make(K::Auth, QStringLiteral("the UniFi controller refused %1 (HTTP 403: CSRF token "
                                                              "or account rights)")
                                                   .arg(sitePath)),
                     {});
                return;
            }
            const QString rc = obj.value(QStringLiteral("meta")).toObject().value(QStringLiteral("rc")).toString();
            if (r.status != 200 || rc != QLatin1String("ok")) {
                const QString why = msg.isEmpty() ? QStringLiteral("HTTP %1").arg(r.status) : msg;
                done(poe::Error::make(r.isJson ? K::Rejected : K::Protocol,
                                      QStringLiteral("UniFi %1 %2 failed: %3").arg(QString::fromLatin1(verb), sitePath, why)),
                     {});
                return;
            }
            done(poe::Error::none(), obj.value(QStringLiteral("data")).toArray());
        });
    });
}

void UnifiDriver::fetchDevice(std::function<void(const poe::Error &, const QJsonObject &)> then)
{
    const QString mac = m_options.device.toString();
    call("GET", QStringLiteral("/stat/device/") + mac, {}, [this, mac, then](const poe::Error &e, const QJsonArray &data) {
        if (e.isError()) {
            then(e, {});
            return;
        }
        for (const auto &v : data) {
            const QJsonObject d = v.toObject();
            if (d.value(QStringLiteral("mac")).toString().compare(mac, Qt::CaseInsensitive) == 0) {
                then(poe::Error::none(), d);
                return;
            }
        }
        then(poe::Error::make(K::Rejected, QStringLiteral("the controller has no device %1 in site '%2'")
                                               .arg(mac, m_options.site)),
             {});
    });
}

static int classFromText(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toInt();
    static const QRegularExpression re(QStringLiteral("(\\d)"));
    const auto m = re.match(v.toString());
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QList<poe::PortStatus> UnifiDriver::parsePortTable(const QJsonArray &portTable)
{
    QList<poe::PortStatus> out;
    for (const auto &v : portTable) {
        const QJsonObject p = v.toObject();
        const int idx = p.value(QStringLiteral("port_idx")).toInt(-1);
        if (idx < 1)
            continue;
        const bool poeCapable = p.value(QStringLiteral("port_poe")).toBool(p.contains(QStringLiteral("poe_mode")));
        if (!poeCapable)
            continue;
        poe::PortStatus s;
        s.port = QString::number(idx);
        s.label = p.value(QStringLiteral("name")).toString(QStringLiteral("Port %1").arg(idx));
        const QString mode = p.value(QStringLiteral("poe_mode")).toString();
        if (!mode.isEmpty())
            s.adminOn = mode != QLatin1String("off");
        const bool good = p.value(QStringLiteral("poe_good")).toBool(false);
        const bool enabled = p.value(QStringLiteral("poe_enable")).toBool(s.adminOn.value_or(false));
        s.detection = good ? poe::Detection::Delivering : (enabled ? poe::Detection::Searching : poe::Detection::Disabled);
        if (good)
            s.powerClass = classFromText(p.value(QStringLiteral("poe_class")));
        const QJsonValue w = p.value(QStringLiteral("poe_power"));
        s.watts = w.isDouble() ? w.toDouble() : poe::parseWatts(w.toString());
        if (s.watts < 0 && s.detection != poe::Detection::Delivering)
            s.watts = 0;
        out.append(s);
    }
    return out;
}

QJsonArray UnifiDriver::withPoeMode(const QJsonArray &overrides, const QJsonArray &portTable, int portIdx,
                                    const QString &poeMode)
{
    QJsonArray out;
    bool found = false;
    for (const auto &v : overrides) {
        QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("port_idx")).toInt() == portIdx) {
            o.insert(QStringLiteral("poe_mode"), poeMode);
            found = true;
        }
        out.append(o);
    }
    if (!found) {
        QJsonObject o{{QStringLiteral("port_idx"), portIdx}, {QStringLiteral("poe_mode"), poeMode}};
        for (const auto &v : portTable) {
            const QJsonObject p = v.toObject();
            if (p.value(QStringLiteral("port_idx")).toInt() == portIdx && p.contains(QStringLiteral("portconf_id")))
                o.insert(QStringLiteral("portconf_id"), p.value(QStringLiteral("portconf_id")));
        }
        out.append(o);
    }
    return out;
}

void UnifiDriver::readPorts(ReadCallback done)
{
    fetchDevice([done](const poe::Error &e, const QJsonObject &device) {
        if (e.isError()) {
            done(e, {});
            return;
        }
        poe::PortReadout r;
        r.ports = parsePortTable(device.value(QStringLiteral("port_table")).toArray());
        double total = 0;
        bool any = false;
        for (const auto &p : r.ports)
            if (p.watts >= 0) {
                total += p.watts;
                any = true;
            }
        if (device.contains(QStringLiteral("total_used_power")))
            r.totalWatts = device.value(QStringLiteral("total_used_power")).toDouble(-1);
        else if (any)
            r.totalWatts = total;
        done(poe::Error::none(), r);
    });
}

static bool portIndex(const QString &port, int *idx)
{
    bool ok = false;
    *idx = port.toInt(&ok);
    return ok && *idx >= 1 && *idx <= 1024;
}

void UnifiDriver::setPortPower(const QString &port, bool on, DoneCallback done)
{
    int idx = 0;
    if (!portIndex(port, &idx)) {
        done(poe::Error::make(K::Rejected, QStringLiteral("UniFi ports are numbers (port_idx), not '%1'").arg(port)));
        return;
    }
    fetchDevice([this, idx, on, done](const poe::Error &e, const QJsonObject &device) {
        if (e.isError()) {
            done(e);
            return;
        }
        const QJsonArray table = device.value(QStringLiteral("port_table")).toArray();
        bool poeCapable = false;
        for (const auto &p : parsePortTable(table))
            if (p.port.toInt() == idx)
                poeCapable = true;
        if (!poeCapable) {
            done(poe::Error::make(K::Rejected, QStringLiteral("port %1 of %2 has no PoE").arg(idx).arg(m_options.device.toString())));
            return;
        }
        const QString id = device.value(QStringLiteral("_id")).toString();
        if (id.isEmpty()) {
            done(poe::Error::make(K::Protocol, QStringLiteral("the controller's device record has no _id")));
            return;
        }
        const QJsonArray overrides = withPoeMode(device.value(QStringLiteral("port_overrides")).toArray(), table, idx,
                                                 on ? QStringLiteral("auto") : QStringLiteral("off"));
        call("PUT", QStringLiteral("/rest/device/") + id, QJsonObject{{QStringLiteral("port_overrides"), overrides}},
             [done](const poe::Error &e2, const QJsonArray &) { done(e2); });
    });
}

void UnifiDriver::powerCycle(const QString &port, int, DoneCallback done)
{
    int idx = 0;
    if (!portIndex(port, &idx)) {
        done(poe::Error::make(K::Rejected, QStringLiteral("UniFi ports are numbers (port_idx), not '%1'").arg(port)));
        return;
    }
    const QJsonObject body{{QStringLiteral("cmd"), QStringLiteral("power-cycle")},
                           {QStringLiteral("mac"), m_options.device.toString()},
                           {QStringLiteral("port_idx"), idx}};
    call("POST", QStringLiteral("/cmd/devmgr"), body, [done](const poe::Error &e, const QJsonArray &) { done(e); });
}

void UnifiDriver::learnMacs(MacsCallback done)
{
    fetchDevice([this, done](const poe::Error &e, const QJsonObject &device) {
        if (e.isError()) {
            done(e, {});
            return;
        }
        // Port table first: last_connection.mac is what the switch itself saw on each port.
        QHash<MacAddress, QString> byMac;
        for (const auto &v : device.value(QStringLiteral("port_table")).toArray()) {
            const QJsonObject p = v.toObject();
            const auto mac = MacAddress::parse(
                p.value(QStringLiteral("last_connection")).toObject().value(QStringLiteral("mac")).toString());
            const int idx = p.value(QStringLiteral("port_idx")).toInt(-1);
            if (mac && idx > 0)
                byMac.insert(*mac, QString::number(idx));
        }
        call("GET", QStringLiteral("/stat/sta"), {}, [this, done, byMac](const poe::Error &e2, const QJsonArray &clients) {
            if (e2.isError()) {
                done(e2, {});
                return;
            }
            // Clients whose uplink is this switch (metal-boot: uplink_mac, else last_uplink_mac).
            QHash<MacAddress, QString> result = byMac;
            const QString self = m_options.device.toString();
            for (const auto &v : clients) {
                const QJsonObject c = v.toObject();
                const auto mac = MacAddress::parse(c.value(QStringLiteral("mac")).toString());
                if (!mac)
                    continue;
                QString uplink = c.value(QStringLiteral("uplink_mac")).toString();
                if (uplink.isEmpty())
                    uplink = c.value(QStringLiteral("last_uplink_mac")).toString();
                if (uplink.isEmpty())
                    uplink = c.value(QStringLiteral("sw_mac")).toString();
                if (uplink.compare(self, Qt::CaseInsensitive) != 0)
                    continue;
                if (!result.contains(*mac) && c.value(QStringLiteral("sw_port")).toInt(-1) > 0)
                    result.insert(*mac, QString::number(c.value(QStringLiteral("sw_port")).toInt()));
            }
            QList<poe::MacSighting> out;
            for (auto it = result.cbegin(); it != result.cend(); ++it)
                out.append({it.key(), it.value()});
            done(poe::Error::none(), out);
        });
    });
}
