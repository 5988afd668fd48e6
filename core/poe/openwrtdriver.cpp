#include "openwrtdriver.h"

#include "httpjsonclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using K = poe::Error::Kind;

OpenwrtDriver::Options OpenwrtDriver::parseOptions(poe::OptionReader &r, const QString &baseDir)
{
    Options o;
    o.http = poe::parseHttpOptions(r, baseDir, QStringLiteral("http"));
    o.path = r.string(QStringLiteral("path"), o.path);
    static const QRegularExpression pathRe(QStringLiteral("^/[A-Za-z0-9._/-]{0,100}$"));
    if (!pathRe.match(o.path).hasMatch())
        r.issue(QStringLiteral("options.path"), QStringLiteral("expected an absolute URL path such as /ubus"));
    if (r.config().username.isEmpty() && !r.config().password.isEmpty())
        r.issue(QStringLiteral("username"), QStringLiteral("a password without a username: set both, or neither for the "
                                                           "anonymous ubus session"));
    return o;
}

OpenwrtDriver::OpenwrtDriver(const SwitchConfig &config, const QString &baseDir, int timeoutMs, QObject *parent)
    : PoeDriver(parent)
    , m_username(config.username)
    , m_password(config.password)
    , m_timeoutMs(timeoutMs)
{
    poe::OptionReader r(config, nullptr);
    m_options = parseOptions(r, baseDir);
    m_http = new HttpJsonClient(m_options.http, timeoutMs, this);
    if (m_username.isEmpty())
        m_session = QString::fromLatin1(AnonymousSession);
}

PoeDriver::Capabilities OpenwrtDriver::capabilities() const
{
    Capabilities c;
    c.portWatts = true;
    return c;
}

void OpenwrtDriver::abort()
{
    ++m_generation;
    m_http->abortAll();
}

static QString ubusStatusText(int status)
{
    switch (status) {
    case 1: return QStringLiteral("invalid command");
    case 2: return QStringLiteral("invalid argument");
    case 3: return QStringLiteral("method not found");
    case 4: return QStringLiteral("not found");
    case 5: return QStringLiteral("no data");
    case 6: return QStringLiteral("permission denied");
    case 7: return QStringLiteral("timeout");
    case 8: return QStringLiteral("not supported");
    case 9: return QStringLiteral("unknown error");
    case 10: return QStringLiteral("connection failed");
    default: return QStringLiteral("status %1").arg(status);
    }
}

void OpenwrtDriver::rawCall(const QString &session, const QString &object, const QString &method, const QJsonObject &args,
                            std::function<void(const poe::Error &, int, bool, const QJsonObject &)> done)
{
    const QJsonObject rpc{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                          {QStringLiteral("id"), m_nextId++},
                          {QStringLiteral("method"), QStringLiteral("call")},
                          {QStringLiteral("params"), QJsonArray{session, object, method, args}}};
    const quint64 gen = m_generation;
    const QString what = QStringLiteral("ubus %1 %2").arg(object, method);
    m_http->request("POST", m_options.path, QJsonDocument(rpc).toJson(QJsonDocument::Compact), {},
                    [this, gen, what, done](const HttpJsonClient::Reply &r) {
                        if (gen != m_generation)
                            return;
                        if (auto e = m_http->transportError(r, what); e.isError()) {
                            done(e, -1, false, {});
                            return;
                        }
                        if (r.status != 200 || !r.json.isObject()) {
                            done(poe::Error::make(K::Protocol, QStringLiteral("%1: HTTP %2 without a JSON-RPC answer "
                                                                              "(is rpcd/uhttpd-mod-ubus installed?)")
                                                                   .arg(what)
                                                                   .arg(r.status)),
                                 -1, false, {});
                            return;
                        }
                        const QJsonObject o = r.json.object();
                        if (o.contains(QStringLiteral("error"))) {
                            const QJsonObject err = o.value(QStringLiteral("error")).toObject();
                            const int code = err.value(QStringLiteral("code")).toInt();
                            const QString msg = err.value(QStringLiteral("message")).toString();
                            done(poe::Error::make(code == -32002 ? K::Auth : K::Rejected,
                                                  QStringLiteral("%1: %2 (%3)").arg(what, msg).arg(code)),
                                 -1, code == -32002, {});
                            return;
                        }
                        const QJsonArray result = o.value(QStringLiteral("result")).toArray();
                        if (result.isEmpty() || !result.at(0).isDouble()) {
                            done(poe::Error::make(K::Protocol, QStringLiteral("%1: malformed JSON-RPC result").arg(what)),
                                 -1, false, {});
                            return;
                        }
                        const int status = result.at(0).toInt();
                        done(poe::Error::none(), status, status == 6, result.size() > 1 ? result.at(1).toObject() : QJsonObject());
                    });
}

void OpenwrtDriver::login(std::function<void(const poe::Error &)> then)
{
    const QJsonObject args{{QStringLiteral("username"), m_username}, {QStringLiteral("password"), m_password}};
    rawCall(QString::fromLatin1(AnonymousSession), QStringLiteral("session"), QStringLiteral("login"), args,
            [this, then](const poe::Error &e, int status, bool, const QJsonObject &data) {
                if (e.isError()) {
                    then(e);
                    return;
                }
                if (status != 0) {
                    then(poe::Error::make(K::Auth, QStringLiteral("OpenWrt rejected the login (%1)").arg(ubusStatusText(status))));
                    return;
                }
                const QString session = data.value(QStringLiteral("ubus_rpc_session")).toString();
                static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{32}$"));
                if (!re.match(session).hasMatch()) {
                    then(poe::Error::make(K::Protocol, QStringLiteral("OpenWrt session.login returned no session id")));
                    return;
                }
                m_session = session;
                then(poe::Error::none());
            });
}

void OpenwrtDriver::ubusCall(const QString &object, const QString &method, const QJsonObject &args, ResultCallback done,
                             bool retried)
{
    const bool anonymous = m_username.isEmpty();
    if (m_session.isEmpty()) {
        login([=](const poe::Error &e) {
            if (e.isError())
                done(e, {});
            else
                ubusCall(object, method, args, done, retried);
        });
        return;
    }
    rawCall(m_session, object, method, args, [=](const poe::Error &e, int status, bool denied, const QJsonObject &data) {
        if (denied && !anonymous && !retried) {
            m_session.clear(); // expired session: log in again once
            ubusCall(object, method, args, done, true);
            return;
        }
        if (denied) {
            done(poe::Error::make(K::Auth, anonymous ? QStringLiteral("the anonymous ubus session may not call %1 %2: add "
                                                                      "an rpcd ACL or configure a username")
                                                           .arg(object, method)
                                                     : QStringLiteral("user '%1' may not call ubus %2 %3 (rpcd ACL)")
                                                           .arg(m_username, object, method)),
                 {});
            return;
        }
        if (e.isError()) {
            done(e, {});
            return;
        }
        if (status != 0) {
            QString hint;
            if (status == 4)
                hint = QStringLiteral(" (is realtek-poe running?)");
            else if (status == 2)
                hint = QStringLiteral(" (unknown port, or the port is disabled in /etc/config/poe)");
            done(poe::Error::make(K::Rejected, QStringLiteral("ubus %1 %2 failed: %3%4").arg(object, method, ubusStatusText(status), hint)),
                 {});
            return;
        }
        done(poe::Error::none(), data);
    });
}

static poe::Detection detectionFromText(const QString &s)
{
    const QString t = s.toLower();
    if (t == QLatin1String("delivering power"))
        return poe::Detection::Delivering;
    if (t == QLatin1String("searching") || t == QLatin1String("requesting power"))
        return poe::Detection::Searching;
    if (t == QLatin1String("disabled"))
        return poe::Detection::Disabled;
    if (t == QLatin1String("fault"))
        return poe::Detection::Fault;
    if (t == QLatin1String("other fault"))
        return poe::Detection::OtherFault;
    return poe::Detection::Unknown;
}

poe::PortReadout OpenwrtDriver::parseInfo(const QJsonObject &info)
{
    poe::PortReadout r;
    const QJsonObject ports = info.value(QStringLiteral("ports")).toObject();
    for (auto it = ports.begin(); it != ports.end(); ++it) {
        if (!poe::isValidPortName(it.key()))
            continue;
        poe::PortStatus s;
        s.port = it.key();
        s.label = it.key();
        // Older realtek-poe builds answer a bare status string per port (labgrid compares it).
        const QString status = it.value().isString() ? it.value().toString()
                                                     : it.value().toObject().value(QStringLiteral("status")).toString();
        s.detection = detectionFromText(status);
        if (s.detection != poe::Detection::Unknown)
            s.adminOn = s.detection != poe::Detection::Disabled;
        const QJsonObject o = it.value().toObject();
        const QJsonValue w = o.contains(QStringLiteral("consumption")) ? o.value(QStringLiteral("consumption"))
                                                                        : o.value(QStringLiteral("power"));
        s.watts = w.isDouble() ? w.toDouble() : (s.detection == poe::Detection::Delivering ? -1 : 0);
        r.ports.append(s);
    }
    r.totalWatts = info.value(QStringLiteral("consumption")).toDouble(-1);
    r.budgetWatts = info.value(QStringLiteral("budget")).toDouble(-1);
    return r;
}

void OpenwrtDriver::readPorts(ReadCallback done)
{
    ubusCall(QStringLiteral("poe"), QStringLiteral("info"), {}, [done](const poe::Error &e, const QJsonObject &info) {
        if (e.isError())
            done(e, {});
        else
            done(poe::Error::none(), parseInfo(info));
    });
}

void OpenwrtDriver::setPortPower(const QString &port, bool on, DoneCallback done)
{
    const QJsonObject args{{QStringLiteral("port"), port}, {QStringLiteral("enable"), on}};
    ubusCall(QStringLiteral("poe"), QStringLiteral("manage"), args, [done](const poe::Error &e, const QJsonObject &) { done(e); });
}
