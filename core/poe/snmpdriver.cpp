#include "snmpdriver.h"

#include "common/logging.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QThread>

#include <atomic>
#include <mutex>

using K = poe::Error::Kind;
using snmp::Oid;
using snmp::Varbind;

const Oid SnmpDriver::PsePortAdminEnable = snmp::parseOid(QStringLiteral(".1.3.6.1.2.1.105.1.1.1.3"));
const Oid SnmpDriver::PsePortDetectionStatus = snmp::parseOid(QStringLiteral(".1.3.6.1.2.1.105.1.1.1.6"));
const Oid SnmpDriver::PsePortClassification = snmp::parseOid(QStringLiteral(".1.3.6.1.2.1.105.1.1.1.10"));
const Oid SnmpDriver::MainPsePower = snmp::parseOid(QStringLiteral(".1.3.6.1.2.1.105.1.3.1.1.2"));
const Oid SnmpDriver::MainPseConsumption = snmp::parseOid(QStringLiteral(".1.3.6.1.2.1.105.1.3.1.1.4"));
const Oid SnmpDriver::Dot1dTpFdbPort = snmp::parseOid(QStringLiteral(".1.3.6.1.2.1.17.4.3.1.2"));
const Oid SnmpDriver::Dot1qTpFdbPort = snmp::parseOid(QStringLiteral(".1.3.6.1.2.1.17.7.1.2.2.1.2"));

namespace {

// Vendor per-port power columns in mW, indexed like pethPsePortTable (group.port); see
// shared/reference/poe-and-console.md §3.2.
struct VendorColumn
{
    const char *name;
    const char *oid;
};
constexpr VendorColumn VendorColumns[] = {
    {"cisco", ".1.3.6.1.4.1.9.9.402.1.2.1.9"},             // cpeExtPsePortPwrConsumption
    {"cisco-sb", ".1.3.6.1.4.1.9.6.1.101.108.1.1.5"},      // rlPethPsePortOutputPower
    {"netgear", ".1.3.6.1.4.1.4526.10.15.1.1.1.2"},        // agentPethOutputPower
    {"hpe", ".1.3.6.1.4.1.11.2.14.11.1.9.1.1.1.3"},        // hpicfPoePethPsePortPower
};

// host, host:port, udp:host:port, [v6]:port -> udp:host:port / udp6:[v6]:port
bool parsePeer(const QString &address, int defaultPort, QString *peer)
{
    QString a = address.trimmed();
    if (a.startsWith(QLatin1String("udp:"), Qt::CaseInsensitive))
        a = a.mid(4);
    QString host = a;
    int port = defaultPort;
    static const QRegularExpression v6(QStringLiteral("^\\[([0-9A-Fa-f:.]+)\\](?::(\\d+))?$"));
    static const QRegularExpression v4(QStringLiteral("^([A-Za-z0-9.-]+)(?::(\\d+))?$"));
    bool isV6 = false;
    if (auto m = v6.match(a); m.hasMatch()) {
        host = m.captured(1);
        isV6 = true;
        if (!m.captured(2).isEmpty())
            port = m.captured(2).toInt();
    } else if (auto m4 = v4.match(a); m4.hasMatch()) {
        host = m4.captured(1);
        if (!m4.captured(2).isEmpty())
            port = m4.captured(2).toInt();
    } else {
        return false;
    }
    if (host.isEmpty() || port < 1 || port > 65535)
        return false;
    *peer = isV6 ? QStringLiteral("udp6:[%1]:%2").arg(host).arg(port) : QStringLiteral("udp:%1:%2").arg(host).arg(port);
    return true;
}

} // namespace

SnmpDriver::Options SnmpDriver::parseOptions(poe::OptionReader &r)
{
    Options o;
    snmp::Config &c = o.client;
    const int version = r.choice(QStringLiteral("version"), {"1", "2c", "3"}, 1);
    c.version = snmp::Config::Version(version);
    const int udpPort = r.integer(QStringLiteral("port"), 1, 65535, 161);
    if (!r.config().address.isEmpty() && !parsePeer(r.config().address, udpPort, &c.peer))
        r.issue(QStringLiteral("address"), QStringLiteral("expected host, host:port or [ipv6]:port, got '%1'")
                                               .arg(r.config().address.left(100)));
    c.community = r.secret(QStringLiteral("community"), QStringLiteral("public")).toUtf8();
    c.writeCommunity = r.secret(QStringLiteral("write_community")).toUtf8();
    if (c.version != snmp::Config::Version::V3 && c.community.isEmpty())
        r.issue(QStringLiteral("options.community"), QStringLiteral("the community must not be empty"));
    const QString priv = r.secret(QStringLiteral("priv_password"));
    const int defaultLevel = !priv.isEmpty() ? 2 : (!r.config().password.isEmpty() ? 1 : 0);
    c.level = snmp::Config::Level(r.choice(QStringLiteral("security_level"), {"noAuthNoPriv", "authNoPriv", "authPriv"}, defaultLevel));
    c.auth = snmp::Config::Auth(r.choice(QStringLiteral("auth_protocol"), {"MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512"}, 3));
    c.priv = snmp::Config::Priv(r.choice(QStringLiteral("priv_protocol"), {"DES", "AES", "AES-192", "AES-256"}, 1));
    c.context = r.string(QStringLiteral("context")).toUtf8();
    c.user = r.config().username.toUtf8();
    c.authPassword = r.config().password.toUtf8();
    c.privPassword = priv.toUtf8();
    if (c.version == snmp::Config::Version::V3) {
        if (c.user.isEmpty())
            r.issue(QStringLiteral("username"), QStringLiteral("SNMPv3 needs a username (the USM security name)"));
        if (c.level != snmp::Config::Level::NoAuthNoPriv && c.authPassword.size() < 8)
            r.issue(QStringLiteral("password"), QStringLiteral("SNMPv3 authentication needs a password of at least 8 characters"));
        if (c.level == snmp::Config::Level::AuthPriv && c.privPassword.size() < 8)
            r.issue(QStringLiteral("options.priv_password"),
                    QStringLiteral("security_level authPriv needs options.priv_password (at least 8 characters)"));
    } else {
        for (const char *key : {"security_level", "auth_protocol", "priv_protocol", "priv_password", "context"})
            if (r.has(QString::fromLatin1(key)))
                r.issue(QStringLiteral("options.") + QString::fromLatin1(key), QStringLiteral("only used with version: 3"));
        if (!r.config().username.isEmpty() || !r.config().password.isEmpty())
            r.issue(QStringLiteral("username"), QStringLiteral("SNMP v1/v2c use options.community, not username/password"));
    }
    o.group = r.integer(QStringLiteral("group"), 1, 65535, 1);
    const QString power = r.string(QStringLiteral("port_power"), QStringLiteral("none")).trimmed();
    if (power.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
        for (const auto &v : VendorColumns)
            if (power.compare(QLatin1String(v.name), Qt::CaseInsensitive) == 0)
                o.portPowerColumn = snmp::parseOid(QString::fromLatin1(v.oid));
        if (o.portPowerColumn.isEmpty() && (power.startsWith(QLatin1Char('.')) || power.startsWith(QLatin1Char('1'))))
            o.portPowerColumn = snmp::parseOid(power);
        if (o.portPowerColumn.isEmpty())
            r.issue(QStringLiteral("options.port_power"),
                    QStringLiteral("expected none, cisco, cisco-sb, netgear, hpe or a numeric OID of a mW column indexed "
                                   "group.port, got '%1'")
                        .arg(power.left(60)));
    }
    o.fdb = Options::Fdb(r.choice(QStringLiteral("fdb"), {"none", "bridge", "qbridge"}, 1));
    return o;
}

struct SnmpDriver::Bridge
{
    std::mutex mutex;
    SnmpDriver *driver = nullptr;
    std::atomic<quint64> generation{0};
};

SnmpDriver::SnmpDriver(const SwitchConfig &config, const poe::CommonOptions &common, QObject *parent)
    : PoeDriver(parent)
    , m_thread(new QThread)
    , m_worker(new QObject)
    , m_bridge(std::make_shared<Bridge>())
{
    poe::OptionReader r(config, nullptr);
    m_options = parseOptions(r);
    if (common.timeoutMs > 0)
        m_options.client.timeoutMs = common.timeoutMs;
    m_options.client.retries = common.retries;
    m_client = std::make_shared<snmp::Client>(m_options.client);
    m_bridge->driver = this;
    m_thread->setObjectName(QStringLiteral("snmp-") + config.id);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

SnmpDriver::~SnmpDriver()
{
    {
        std::lock_guard<std::mutex> lock(m_bridge->mutex);
        m_bridge->driver = nullptr;
    }
    // The session is closed on the worker thread: closing takes the library lock, which another
    // switch's request may hold for a while; the engine thread must not wait for it.
    QMetaObject::invokeMethod(m_worker, [client = std::move(m_client)]() mutable { client.reset(); }, Qt::QueuedConnection);
    m_thread->quit();
    // A request in progress finishes within timeout x tries; don't wait for it here.
    if (m_thread->wait(100)) {
        delete m_thread;
    } else {
        qCInfo(lcPoe) << "SNMP worker" << m_thread->objectName() << "still busy; it exits when its request ends";
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    }
}

PoeDriver::Capabilities SnmpDriver::capabilities() const
{
    Capabilities c;
    c.portWatts = !m_options.portPowerColumn.isEmpty();
    c.learnMacs = m_options.fdb != Options::Fdb::None;
    return c;
}

int SnmpDriver::callTimeoutMs() const
{
    // A read is up to 5 requests, each up to timeout x (retries + 1); plus queueing behind
    // other SNMP switches (the library is serialised).
    return 5 * m_options.client.timeoutMs * (m_options.client.retries + 1) + 2000;
}

void SnmpDriver::abort()
{
    ++m_generation;
    m_bridge->generation = m_generation;
}

template <typename Result>
void SnmpDriver::post(std::function<Result(snmp::Client &)> work, std::function<void(const Result &)> deliver)
{
    const quint64 gen = m_generation;
    m_bridge->generation = gen;
    auto client = m_client;
    auto bridge = m_bridge;
    QMetaObject::invokeMethod(
        m_worker,
        [client, bridge, gen, work = std::move(work), deliver = std::move(deliver)] {
            if (bridge->generation != gen)
                return;   // aborted before it started
            Result result = work(*client);
            std::lock_guard<std::mutex> lock(bridge->mutex);
            SnmpDriver *d = bridge->driver;
            if (!d)
                return;
            QMetaObject::invokeMethod(
                d,
                [d, gen, result, deliver] {
                    if (d->m_generation == gen)
                        deliver(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

static QString portOf(const Oid &oid, int prefixLength, int group)
{
    // <column>.<group>.<port>
    if (oid.size() != prefixLength + 2 || int(oid.at(prefixLength)) != group)
        return {};
    return QString::number(oid.at(prefixLength + 1));
}

poe::PortReadout SnmpDriver::buildReadout(int group, const QList<Varbind> &admin, const QList<Varbind> &detection,
                                          const QList<Varbind> &classes, const QList<Varbind> &milliwatts,
                                          const QList<Varbind> &main)
{
    poe::PortReadout r;
    QHash<QString, int> index;
    for (const Varbind &b : admin) {
        const QString port = portOf(b.oid, int(PsePortAdminEnable.size()), group);
        if (port.isEmpty() || b.type != Varbind::Type::Integer)
            continue;
        poe::PortStatus s;
        s.port = port;
        s.label = QStringLiteral("Port %1").arg(port);
        if (b.integer == 1 || b.integer == 2)
            s.adminOn = b.integer == 1;
        index.insert(port, int(r.ports.size()));
        r.ports.append(s);
    }
    for (const Varbind &b : detection) {
        const QString port = portOf(b.oid, int(PsePortDetectionStatus.size()), group);
        if (!index.contains(port))
            continue;
        poe::Detection d = poe::Detection::Unknown;
        switch (b.integer) {
        case 1: d = poe::Detection::Disabled; break;
        case 2: d = poe::Detection::Searching; break;
        case 3: d = poe::Detection::Delivering; break;
        case 4: d = poe::Detection::Fault; break;
        case 5: d = poe::Detection::Test; break;
        case 6: d = poe::Detection::OtherFault; break;
        default: break;
        }
        r.ports[index.value(port)].detection = d;
    }
    for (const Varbind &b : classes) {
        const QString port = portOf(b.oid, int(PsePortClassification.size()), group);
        if (index.contains(port) && b.integer >= 1 && b.integer <= 5
            && r.ports.at(index.value(port)).detection == poe::Detection::Delivering)
            r.ports[index.value(port)].powerClass = int(b.integer) - 1;   // class0(1) .. class4(5)
    }
    for (const Varbind &b : milliwatts) {
        if (b.oid.size() < 2 || b.type == Varbind::Type::OctetString || b.isException())
            continue;
        const QString port = portOf(b.oid, int(b.oid.size()) - 2, group);
        if (index.contains(port) && b.integer >= 0 && b.integer < 1000000)
            r.ports[index.value(port)].watts = double(b.integer) / 1000.0;
    }
    for (const Varbind &b : main) {
        if (b.isException() || b.oid.size() < 1)
            continue;
        if (snmp::isPrefix(MainPseConsumption, b.oid))
            r.totalWatts = double(b.integer);
        else if (snmp::isPrefix(MainPsePower, b.oid))
            r.budgetWatts = double(b.integer);
    }
    return r;
}

void SnmpDriver::readPorts(ReadCallback done)
{
    using Out = std::pair<poe::Error, poe::PortReadout>;
    const Options o = m_options;
    const int rowsHint = m_lastPortCount;
    post<Out>(
        [o, rowsHint](snmp::Client &c) -> Out {
            auto under = [&o](Oid base, int index) {
                base.append(quint32(index));
                return base;
            };
            // One GETBULK (usually): the main PSE entry of the group as non-repeaters (GETNEXT
            // from index g-1), and the port columns of the group side by side.
            QList<Oid> columns{under(PsePortAdminEnable, o.group), under(PsePortDetectionStatus, o.group),
                               under(PsePortClassification, o.group)};
            if (!o.portPowerColumn.isEmpty())
                columns.append(under(o.portPowerColumn, o.group));
            QList<Varbind> main;
            QList<QList<Varbind>> rows;
            if (auto e = c.table({under(MainPsePower, o.group - 1), under(MainPseConsumption, o.group - 1)}, columns, rowsHint,
                                 &main, &rows);
                e.isError())
                return {e, {}};
            if (rows.at(0).isEmpty())
                return {poe::Error::make(K::Rejected, QStringLiteral("%1 has no pethPsePortTable entries for group %2 (no "
                                                                     "POWER-ETHERNET-MIB, or a view that hides it)")
                                                          .arg(o.client.peer)
                                                          .arg(o.group)),
                        {}};
            QList<Varbind> mainOfGroup;
            for (const Varbind &b : main)
                if (b.oid == under(MainPsePower, o.group) || b.oid == under(MainPseConsumption, o.group))
                    mainOfGroup.append(b);
            return {poe::Error::none(), buildReadout(o.group, rows.at(0), rows.at(1), rows.at(2),
                                                     rows.size() > 3 ? rows.at(3) : QList<Varbind>(), mainOfGroup)};
        },
        [this, done](const Out &out) {
            if (!out.first.isError())
                m_lastPortCount = int(out.second.ports.size());
            done(out.first, out.second);
        });
}

void SnmpDriver::setPortPower(const QString &port, bool on, DoneCallback done)
{
    bool ok = false;
    const uint n = port.toUInt(&ok);
    if (!ok || n < 1 || n > 65535) {
        done(poe::Error::make(K::Rejected, QStringLiteral("SNMP PSE ports are numbers (pethPsePortIndex), not '%1'").arg(port)));
        return;
    }
    Oid target = PsePortAdminEnable;
    target.append(quint32(m_options.group));
    target.append(quint32(n));
    post<poe::Error>([target, on](snmp::Client &c) { return c.setIntegers({{target, on ? 1 : 2}}); },
                     [done](const poe::Error &e) { done(e); });
}

void SnmpDriver::learnMacs(MacsCallback done)
{
    using Out = std::pair<poe::Error, QList<poe::MacSighting>>;
    const Options::Fdb fdb = m_options.fdb;
    post<Out>(
        [fdb](snmp::Client &c) -> Out {
            const Oid root = fdb == Options::Fdb::QBridge ? Dot1qTpFdbPort : Dot1dTpFdbPort;
            QList<Varbind> rows;
            if (auto e = c.walk(root, &rows, 16384); e.isError())
                return {e, {}};
            QList<poe::MacSighting> out;
            for (const Varbind &b : rows) {
                if (b.oid.size() < root.size() + 6 || b.integer <= 0)
                    continue;   // port 0: the switch itself
                std::array<std::uint8_t, 6> bytes{};
                bool valid = true;
                for (int i = 0; i < 6; ++i) {
                    const quint32 v = b.oid.at(b.oid.size() - 6 + i);
                    valid = valid && v <= 255;
                    bytes[size_t(i)] = std::uint8_t(v);
                }
                if (valid)
                    out.append({MacAddress(bytes), QString::number(b.integer)});
            }
            return {poe::Error::none(), out};
        },
        [done](const Out &out) { done(out.first, out.second); });
}
