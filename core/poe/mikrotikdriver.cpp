#include "mikrotikdriver.h"

#include "httpjsonclient.h"

#include <QJsonDocument>
#include <QJsonObject>

using K = poe::Error::Kind;

MikrotikDriver::Options MikrotikDriver::parseOptions(poe::OptionReader &r, const QString &baseDir)
{
    Options o;
    o.http = poe::parseHttpOptions(r, baseDir, QStringLiteral("https"));
    o.onMode = r.choice(QStringLiteral("on_mode"), {"auto-on", "forced-on"}, 0) == 1 ? QStringLiteral("forced-on")
                                                                                  : QStringLiteral("auto-on");
    if (r.config().username.isEmpty())
        r.issue(QStringLiteral("username"), QStringLiteral("the MikroTik driver needs a RouterOS user (REST uses HTTP Basic)"));
    return o;
}

MikrotikDriver::MikrotikDriver(const SwitchConfig &config, const QString &baseDir, int timeoutMs, QObject *parent)
    : PoeDriver(parent)
    , m_timeoutMs(timeoutMs)
{
    poe::OptionReader r(config, nullptr);
    m_options = parseOptions(r, baseDir);
    m_authorization = "Basic " + (config.username + QLatin1Char(':') + config.password).toUtf8().toBase64();
    m_http = new HttpJsonClient(m_options.http, timeoutMs, this);
}

PoeDriver::Capabilities MikrotikDriver::capabilities() const
{
    Capabilities c;
    c.nativeCycle = true;
    c.portWatts = true;
    c.learnMacs = true;
    return c;
}

void MikrotikDriver::abort()
{
    ++m_generation;
    m_http->abortAll();
}

void MikrotikDriver::call(const QByteArray &verb, const QString &path, const QByteArray &body, JsonCallback done)
{
    const quint64 gen = m_generation;
    const HttpJsonClient::Headers headers{{QByteArrayLiteral("Authorization"), m_authorization}};
    m_http->request(verb, QStringLiteral("/rest") + path, body, headers, [=](const HttpJsonClient::Reply &r) {
        if (gen != m_generation)
            return;
        if (auto e = m_http->transportError(r, QStringLiteral("RouterOS %1").arg(path)); e.isError()) {
            done(e, {});
            return;
        }
        if (r.status == 401 || r.status == 403) {
            done(poe::Error::make(K::Auth, QStringLiteral("RouterOS rejected the username or password (HTTP %1)").arg(r.status)),
                 {});
            return;
        }
        if (r.status < 200 || r.status >= 300) {
            const QJsonObject o = r.json.object();
            QString why = o.value(QStringLiteral("detail")).toString();
            if (why.isEmpty())
                why = o.value(QStringLiteral("message")).toString();
            if (why.isEmpty())
                why = QStringLiteral("HTTP %1").arg(r.status);
            done(poe::Error::make(K::Rejected, QStringLiteral("RouterOS %1 %2 failed: %3").arg(QString::fromLatin1(verb), path, why)),
                 {});
            return;
        }
        if (!r.body.isEmpty() && !r.isJson) {
            done(poe::Error::make(K::Protocol, QStringLiteral("RouterOS %1 answered something that is not JSON").arg(path)), {});
            return;
        }
        done(poe::Error::none(), r.json.isArray() ? QJsonValue(r.json.array()) : QJsonValue(r.json.object()));
    });
}

poe::Detection MikrotikDriver::detectionFromStatus(const QString &s)
{
    if (s == QLatin1String("powered-on"))
        return poe::Detection::Delivering;
    if (s == QLatin1String("waiting-for-load"))
        return poe::Detection::Searching;
    if (s == QLatin1String("disabled") || s == QLatin1String("off"))
        return poe::Detection::Disabled;
    if (s == QLatin1String("short-circuit") || s == QLatin1String("overload") || s == QLatin1String("voltage-too-low")
        || s == QLatin1String("current-too-low") || s == QLatin1String("power-reset"))
        return poe::Detection::Fault;
    return poe::Detection::Unknown;
}

QList<poe::PortStatus> MikrotikDriver::parsePorts(const QJsonArray &poeList, const QJsonArray &monitor)
{
    QHash<QString, QJsonObject> mon;
    for (const auto &v : monitor) {
        const QJsonObject o = v.toObject();
        mon.insert(o.value(QStringLiteral("name")).toString(), o);
    }
    QList<poe::PortStatus> out;
    for (const auto &v : poeList) {
        const QJsonObject o = v.toObject();
        const QString name = o.value(QStringLiteral("name")).toString();
        if (!poe::isValidPortName(name))
            continue;
        poe::PortStatus s;
        s.port = name;
        s.label = name;
        const QString mode = o.value(QStringLiteral("poe-out")).toString();
        if (!mode.isEmpty())
            s.adminOn = mode != QLatin1String("off");
        const QJsonObject m = mon.value(name);
        s.detection = detectionFromStatus(m.value(QStringLiteral("poe-out-status")).toString());
        if (s.detection == poe::Detection::Unknown && s.adminOn == false)
            s.detection = poe::Detection::Disabled;
        const QJsonValue w = m.value(QStringLiteral("poe-out-power"));
        s.watts = w.isDouble() ? w.toDouble() : poe::parseWatts(w.toString());
        if (s.watts < 0 && (s.detection == poe::Detection::Disabled || s.detection == poe::Detection::Searching))
            s.watts = 0;
        out.append(s);
    }
    return out;
}

void MikrotikDriver::readPorts(ReadCallback done)
{
    call("GET", QStringLiteral("/interface/ethernet/poe"), {}, [this, done](const poe::Error &e, const QJsonValue &list) {
        if (e.isError()) {
            done(e, {});
            return;
        }
        const QJsonArray ports = list.toArray();
        QStringList names;
        for (const auto &v : ports) {
            const QString n = v.toObject().value(QStringLiteral("name")).toString();
            if (poe::isValidPortName(n))
                names.append(n);
        }
        if (names.isEmpty()) {
            done(poe::Error::none(), {});
            return;
        }
        const QJsonObject body{{QStringLiteral("numbers"), names.join(QLatin1Char(','))}, {QStringLiteral("once"), QString()}};
        call("POST", QStringLiteral("/interface/ethernet/poe/monitor"), QJsonDocument(body).toJson(QJsonDocument::Compact),
             [done, ports](const poe::Error &e2, const QJsonValue &mon) {
                 if (e2.isError()) {
                     done(e2, {});
                     return;
                 }
                 poe::PortReadout r;
                 r.ports = parsePorts(ports, mon.toArray());
                 double total = 0;
                 bool any = false;
                 for (const auto &p : r.ports)
                     if (p.watts >= 0) {
                         total += p.watts;
                         any = true;
                     }
                 if (any)
                     r.totalWatts = total;
                 done(poe::Error::none(), r);
             });
    });
}

void MikrotikDriver::setPortPower(const QString &port, bool on, DoneCallback done)
{
    call("GET", QStringLiteral("/interface/ethernet/poe"), {}, [this, port, on, done](const poe::Error &e, const QJsonValue &list) {
        if (e.isError()) {
            done(e);
            return;
        }
        QString id;
        for (const auto &v : list.toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("name")).toString() == port)
                id = o.value(QStringLiteral(".id")).toString();
        }
        if (id.isEmpty() || !poe::isValidPortName(id.mid(1))) {
            done(poe::Error::make(K::Rejected, QStringLiteral("RouterOS has no PoE interface '%1'").arg(port)));
            return;
        }
        const QJsonObject body{{QStringLiteral("poe-out"), on ? m_options.onMode : QStringLiteral("off")}};
        call("PATCH", QStringLiteral("/interface/ethernet/poe/") + id, QJsonDocument(body).toJson(QJsonDocument::Compact),
             [done](const poe::Error &e2, const QJsonValue &) { done(e2); });
    });
}

void MikrotikDriver::powerCycle(const QString &port, int offSeconds, DoneCallback done)
{
    const QJsonObject body{{QStringLiteral("numbers"), port},
                           {QStringLiteral("duration"), QStringLiteral("%1s").arg(qBound(1, offSeconds, 60))}};
    call("POST", QStringLiteral("/interface/ethernet/poe/power-cycle"), QJsonDocument(body).toJson(QJsonDocument::Compact),
         [done](const poe::Error &e, const QJsonValue &) { done(e); });
}

void MikrotikDriver::learnMacs(MacsCallback done)
{
    call("GET", QStringLiteral("/interface/bridge/host"), {}, [done](const poe::Error &e, const QJsonValue &list) {
        if (e.isError()) {
            done(e, {});
            return;
        }
        QList<poe::MacSighting> out;
        for (const auto &v : list.toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("local")).toString() == QLatin1String("true"))
                continue;
            const auto mac = MacAddress::parse(o.value(QStringLiteral("mac-address")).toString());
            const QString port = o.value(QStringLiteral("on-interface")).toString();
            if (mac && poe::isValidPortName(port))
                out.append({*mac, port});
        }
        done(poe::Error::none(), out);
    });
}
