#include "dhcpservice.h"

#include "common/atomicfile.h"
#include "common/logging.h"
#include "common/netutil.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "dhcpreply.h"
#include "http/httpservice.h"
#include "pxeoptions.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkInterface>
#include <QTimer>

#include <algorithm>
#include <iterator>

using namespace dhcp;

namespace {

constexpr int ReadBatch = 256;                 // datagrams per readiness notification
constexpr qint64 RecentClientMs = 120000;      // how long a DISCOVER's classification is reused
constexpr int RecentClientLimit = 4096;
constexpr qint64 MaxLeaseFileBytes = 16 << 20;

QString macText(const MacAddress &mac)
{
    return mac.isValid() ? mac.toString() : QStringLiteral("?");
}

bool sameDhcpConfigBinding(const DhcpConfig &a, const DhcpConfig &b)
{
    const auto &p = a.pool;
    const auto &q = b.pool;
    return a.interface == b.interface && a.address == b.address && a.port == b.port && a.proxyPort == b.proxyPort
        && a.mode == b.mode && p.rangeStart == q.rangeStart && p.rangeEnd == q.rangeEnd && p.netmask == q.netmask
        && p.leaseFile == q.leaseFile && p.leaseSeconds == q.leaseSeconds && p.router == q.router;
}

} // namespace

DhcpService::DhcpService(DeviceRegistry *registry, DeviceJournal *journal, BootControl *bootControl, HttpService *http,
                         QObject *parent)
    : Service(QStringLiteral("dhcp"), parent)
    , m_registry(registry)
    , m_journal(journal)
    , m_bootControl(bootControl)
    , m_http(http)
    , m_server(new DhcpSocket(this))
    , m_proxy(new DhcpSocket(this))
    , m_monitor(new ForeignServerMonitor(this))
    , m_expiryTimer(new QTimer(this))
    , m_saveTimer(new QTimer(this))
{
    connect(m_server, &DhcpSocket::readyRead, this, [this] { onReadable(Port::Server); });
    connect(m_proxy, &DhcpSocket::readyRead, this, [this] { onReadable(Port::Pxe); });
    connect(m_monitor, &ForeignServerMonitor::serverDetected, this, &DhcpService::onForeignServer);
    connect(m_monitor, &ForeignServerMonitor::leaseObserved, this, [this](const MacAddress &mac, quint32 ip) {
        if (m_registry && m_registry->find(mac))
            m_registry->setIp(mac, QHostAddress(ip));
    });
    m_expiryTimer->setInterval(30000);
    connect(m_expiryTimer, &QTimer::timeout, this, &DhcpService::expireLeases);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(100);
    connect(m_saveTimer, &QTimer::timeout, this, &DhcpService::saveLeases);
    m_sinceMalformedReport.start();
}

DhcpService::~DhcpService()
{
    stop();
}

QString DhcpService::displayName() const
{
    return m_config.mode == DhcpMode::Full ? tr("DHCP server") : tr("Proxy DHCP (PXE)");
}

bool DhcpService::setConfig(const DhcpConfig &config, const QList<DeviceConfig> &devices)
{
    const bool restart = !sameDhcpConfigBinding(config, m_config);
    m_config = config;
    m_rules = ClientRules(config);
    setEnabled(config.enabled);
    m_devices.clear();
    for (const DeviceConfig &d : devices)
        m_devices.insert(d.mac, d);
    m_monitor->setMode(config.mode);
    if (isRunning() && !restart && config.mode == DhcpMode::Full)
        applyPoolSettings();   // reservations follow device edits without a restart
    return restart;
}

QStringList DhcpService::endpoints() const
{
    QStringList out;
    const QString where = m_interface.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_interface);
    if (m_server->isOpen())
        out << QStringLiteral("udp %1:%2%3").arg(ipToString(m_bindAddress)).arg(m_server->localPort()).arg(where);
    if (m_proxy->isOpen())
        out << QStringLiteral("udp %1:%2%3").arg(ipToString(m_bindAddress)).arg(m_proxy->localPort()).arg(where);
    return out;
}

const char *DhcpService::hotCounterName(HotCounter c)
{
    switch (c) {
    case Received: return "received";
    case Discovers: return "discover";
    case Offers: return "offer";
    case Requests: return "request";
    case Acks: return "ack";
    case JournalSuppressed: return "journal-suppressed";
    case IgnoredNotNetboot: return "ignored.not-netboot";
    case HotCounterCount: break;
    }
    return "";
}

QMap<QString, quint64> DhcpService::counters() const
{
    QMap<QString, quint64> out;
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it)
        out.insert(it.key(), it.value());
    for (int c = 0; c < HotCounterCount; ++c)
        if (m_hot[c])
            out.insert(QString::fromLatin1(hotCounterName(HotCounter(c))), m_hot[c]);
    return out;
}

quint64 DhcpService::counter(const QString &name) const
{
    for (int c = 0; c < HotCounterCount; ++c)
        if (name == QLatin1String(hotCounterName(HotCounter(c))))
            return m_hot[c];
    return m_counters.value(name);
}

QString DhcpService::leaseFilePath() const
{
    if (!m_config.pool.leaseFile.isEmpty())
        return m_config.pool.leaseFile;
    const QString dir = m_dataDir.isEmpty() ? QDir::currentPath() : m_dataDir;
    return dir + QStringLiteral("/dhcp.leases");
}

QList<ForeignDhcpServer> DhcpService::foreignServers() const
{
    return m_monitor->servers();
}

bool DhcpService::probeForeignServers(QString *error)
{
    return m_monitor->probe(error);
}

QString DhcpService::httpBaseUrl(quint32 serverIp) const
{
    if (!m_http || !m_http->isRunning())
        return {};
    return resolveBaseUrl(m_http->baseUrl(), serverIp);
}

// --- start / stop -------------------------------------------------------------------------------

bool DhcpService::doStart(QString *error)
{
    m_counters.clear();
    std::fill(std::begin(m_hot), std::end(m_hot), 0);
    m_recent.clear();
    m_journalBudget.clear();
    m_interface = m_config.interface;
    const quint32 configured = m_config.address.isNull() ? 0 : m_config.address.toIPv4Address();
    const bool loopback = configured != 0 && netutil::isLoopback(m_config.address);

    if (!m_interface.isEmpty()) {
        // Validates that the interface exists and carries the configured address.
        QString why;
        if (netutil::resolveBindAddress(m_interface, m_config.address, &why).isNull()) {
            *error = tr("DHCP cannot use interface %1: %2").arg(m_interface, why);
            return false;
        }
    } else if (configured != 0 && !loopback) {
        // Broadcasts only reach a wildcard socket: find the interface that carries the address.
        const auto ifaces = QNetworkInterface::allInterfaces();
        for (const QNetworkInterface &i : ifaces)
            for (const QNetworkAddressEntry &e : i.addressEntries())
                if (e.ip() == m_config.address)
                    m_interface = i.name();
        if (m_interface.isEmpty()) {
            *error = tr("no network interface carries %1").arg(m_config.address.toString());
            return false;
        }
    }
    // Loopback (demo lab): unicast only, bind the address itself. Otherwise the wildcard address,
    // restricted to the served interface, so broadcasts from address-less clients are received.
    m_bindAddress = loopback ? configured : 0;
    m_fixedAddress = configured;
    m_ownAddresses.clear();
    if (!m_interface.isEmpty()) {
        const auto entries = QNetworkInterface::interfaceFromName(m_interface).addressEntries();
        for (const QNetworkAddressEntry &e : entries)
            if (e.ip().protocol() == QAbstractSocket::IPv4Protocol)
                m_ownAddresses.append(e.ip().toIPv4Address());
    }

    QString why;
    if (!m_server->open(m_bindAddress, m_config.port, m_interface, &why)) {
        *error = tr("cannot listen on UDP %1:%2: %3").arg(ipToString(m_bindAddress)).arg(m_config.port).arg(why);
        return false;
    }
    if (!m_proxy->open(m_bindAddress, m_config.proxyPort, m_interface, &why)) {
        *error = tr("cannot listen on UDP %1:%2 (PXE): %3").arg(ipToString(m_bindAddress)).arg(m_config.proxyPort).arg(why);
        return false;
    }

    if (m_config.mode == DhcpMode::Full) {
        applyPoolSettings();
        if (!m_pool.isConfigured()) {
            *error = tr("full DHCP mode needs pool.range_start, pool.range_end and pool.netmask");
            return false;
        }
        if (!loadLeases(&why)) {
            *error = why;
            return false;
        }
        m_expiryTimer->start();
    }

    if (!m_interface.isEmpty() && !loopback) {
        ForeignServerMonitor::Settings s;
        s.interfaceName = m_interface;
        s.serverPort = m_server->localPort();
        s.clientPort = quint16(m_server->localPort() + 1);
        s.mode = m_config.mode;
        if (!m_monitor->start(s, &why)) {
            qCWarning(lcDhcp).noquote() << "foreign DHCP server detection unavailable:" << why;
            report(QStringLiteral("foreign-detection-unavailable"),
                   tr("Other DHCP servers on %1 cannot be detected: %2").arg(m_interface, why));
        }
    }
    qCInfo(lcDhcp).noquote() << (m_config.mode == DhcpMode::Full ? "full DHCP server" : "proxy DHCP") << "on"
                             << endpoints().join(QStringLiteral(", "));
    return true;
}

void DhcpService::doStop()
{
    m_monitor->stop();
    m_server->close();
    m_proxy->close();
    m_expiryTimer->stop();
    if (m_saveTimer->isActive() || m_leasesDirty) {
        m_saveTimer->stop();
        saveLeases();
    }
}

// --- receive ------------------------------------------------------------------------------------

void DhcpService::onReadable(Port port)
{
    DhcpSocket &socket = port == Port::Server ? *m_server : *m_proxy;
    DhcpSocket::Datagram d;
    for (int i = 0; i < ReadBatch && socket.read(&d, MaxPacketSize); ++i)
        handleDatagram(d, port);
}

void DhcpService::malformed(const QString &reason, const QString &detail, const DhcpSocket::Datagram &d)
{
    count(QStringLiteral("malformed"));
    count(QStringLiteral("malformed.") + reason);
    qCDebug(lcDhcp).noquote() << "dropped datagram from" << ipToString(d.source) + QLatin1Char(':') + QString::number(d.sourcePort)
                              << reason << detail;
    ++m_malformedSinceReport;
    if (m_malformedSinceReport >= 20 && m_sinceMalformedReport.elapsed() > 60000) {
        qCWarning(lcDhcp) << m_malformedSinceReport << "malformed DHCP packets dropped, last:" << reason;
        report(QStringLiteral("malformed-packets"),
               tr("%1 malformed DHCP packets were dropped recently (last: %2 from %3).")
                   .arg(m_malformedSinceReport).arg(reason, ipToString(d.source)));
        m_malformedSinceReport = 0;
        m_sinceMalformedReport.restart();
    }
}

void DhcpService::handleDatagram(const DhcpSocket::Datagram &d, Port port)
{
    count(Received);
    Request r;
    r.datagram = &d;
    r.port = port;
    if (d.truncated) {
        malformed(parseErrorName(ParseError::Oversize), QStringLiteral("datagram larger than %1 bytes").arg(MaxPacketSize), d);
        return;
    }
    const ParseResult parsed = parsePacket(d.data, &r.packet);
    if (!parsed.ok()) {
        malformed(parseErrorName(parsed.error), parsed.detail, d);
        return;
    }
    const Packet &p = r.packet;
    if (p.op != 1) {
        count(QStringLiteral("ignored.reply"));
        return;
    }
    if (m_monitor->isOwnProbe(p))
        return;
    if (p.hops > 16) {
        count(QStringLiteral("ignored.hops"));
        return;
    }
    r.mac = p.mac();
    if (!r.mac.isValid()) {
        count(QStringLiteral("ignored.not-ethernet"));
        qCDebug(lcDhcp) << "ignoring non-Ethernet client, htype" << p.htype << "hlen" << p.hlen;
        return;
    }
    r.serverIp = m_fixedAddress ? m_fixedAddress : d.localAddress;
    if (r.serverIp == 0) {
        count(QStringLiteral("ignored.no-local-address"));
        return;
    }
    const bool full = m_config.mode == DhcpMode::Full;
    switch (p.messageType()) {
    case MessageType::Discover:
        if (port == Port::Server)
            handleDiscover(r);
        else
            count(QStringLiteral("ignored.discover-on-pxe-port"));
        break;
    case MessageType::Request:
        if (port == Port::Pxe || !full)
            handleProxyRequest(r);
        else
            handleLeaseRequest(r);
        break;
    case MessageType::Inform:
        if (port == Port::Pxe)
            handleProxyRequest(r);
        else if (full)
            handleInform(r);
        else
            count(QStringLiteral("ignored.inform"));
        break;
    case MessageType::Decline:
        if (full && port == Port::Server)
            handleDecline(r);
        break;
    case MessageType::Release:
        if (full && port == Port::Server)
            handleRelease(r);
        break;
    default:
        count(QStringLiteral("ignored.message-type"));
        break;
    }
}

// --- decisions ----------------------------------------------------------------------------------

ClientInfo DhcpService::classify(const Request &r, bool allowCached)
{
    ClientInfo c = classifyClient(r.packet, m_rules);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (c.isNetboot()) {
        if (m_recent.size() >= RecentClientLimit) {
            for (auto it = m_recent.begin(); it != m_recent.end();)
                it = now - it->seenMs > RecentClientMs ? m_recent.erase(it) : std::next(it);
            if (m_recent.size() >= RecentClientLimit)
                m_recent.clear();
        }
        m_recent.insert(r.mac, RecentClient{c, now});
    } else if (allowCached) {
        // The Pi 4's REQUEST carries no option 60 (rpi-eeprom#82): reuse its DISCOVER's class.
        const auto it = m_recent.constFind(r.mac);
        if (it != m_recent.cend() && now - it->seenMs <= RecentClientMs)
            return it->info;
    }
    return c;
}

BootDecision DhcpService::decide(const Request &r, const ClientInfo &client)
{
    BootContext ctx;
    ctx.serverIp = r.serverIp;
    if (client.kind == ClientKind::Ipxe || client.kind == ClientKind::HttpBoot)   // only they get HTTP URLs
        ctx.httpBaseUrl = httpBaseUrl(r.serverIp);
    const auto dev = m_devices.constFind(r.mac);
    ctx.device = dev == m_devices.cend() ? nullptr : &*dev;
    if (m_bootControl)
        ctx.override = m_bootControl->effective(r.mac);
    return decideBoot(client, ctx, m_config);
}

void DhcpService::observeClient(const Request &r, const ClientInfo &client, quint32 ip)
{
    if (!m_registry)
        return;
    m_registry->observe(r.mac, client.piSerial, client.piModel, ip ? QHostAddress(ip) : QHostAddress());
}

bool DhcpService::admitJournal(const Request &r, BootStage stage, quint32 *skipped)
{
    const MacAddress &mac = r.mac;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto it = m_journalBudget.find(mac);
    if (it == m_journalBudget.end()) {
        if (m_journalBudget.size() >= JournalBudgetLimit) {
            for (auto i = m_journalBudget.begin(); i != m_journalBudget.end();)
                i = now - i->lastMs > 60000 && i->suppressed == 0 ? m_journalBudget.erase(i) : std::next(i);
            if (m_journalBudget.size() >= JournalBudgetLimit)
                m_journalBudget.clear();
        }
        it = m_journalBudget.insert(mac, JournalBudget{JournalBurst, now, 0, BootStage::Unknown, 0});
    }
    it->tokens = qMin(JournalBurst, it->tokens + double(now - it->lastMs) * JournalPerSecond / 1000.0);
    it->lastMs = now;
    if (it->tokens < 1) {
        ++it->suppressed;
        count(JournalSuppressed);
        // The fleet view still follows the boot (re-sent at most once a second per device).
        if (stage != BootStage::Unknown && m_registry && (stage != it->stage || now - it->stageMs > 1000)) {
            m_registry->setStage(mac, stage);
            it->stage = stage;
            it->stageMs = now;
        }
        return false;
    }
    it->tokens -= 1;
    it->stage = BootStage::Unknown;   // the journal event sets the stage itself
    *skipped = it->suppressed;
    it->suppressed = 0;
    return true;
}

void DhcpService::writeJournal(const char *kind, const Request &r, BootStage stage, JournalEvent::Severity severity,
                               const QString &message, QJsonObject data, quint32 suppressed)
{
    JournalEvent e;
    e.mac = r.mac;
    const quint32 client = r.packet.ciaddr ? r.packet.ciaddr : r.datagram->source;
    if (client)
        e.client = QHostAddress(client);
    e.source = QStringLiteral("dhcp");
    e.kind = QString::fromLatin1(kind);
    e.severity = severity;
    e.message = message;
    if (suppressed) {
        e.message += QStringLiteral(" (%1 earlier DHCP events of this device not journaled: rate limit)").arg(suppressed);
        data.insert(QStringLiteral("suppressed_before"), qint64(suppressed));
    }
    e.stage = stage;
    data.insert(QStringLiteral("xid"), QStringLiteral("%1").arg(r.packet.xid, 8, 16, QLatin1Char('0')));
    data.insert(QStringLiteral("server"), ipToString(r.serverIp));
    if (r.port == Port::Pxe)
        data.insert(QStringLiteral("port"), int(m_proxy->localPort()));
    if (r.packet.giaddr)
        data.insert(QStringLiteral("relay"), ipToString(r.packet.giaddr));
    e.data = data;
    m_journal->append(e);
}

static QString printable(const QByteArray &bytes, int max)
{
    QString out;
    for (int i = 0; i < bytes.size() && i < max; ++i) {
        const char ch = bytes.at(i);
        out.append(ch >= 0x20 && ch < 0x7f ? QLatin1Char(ch) : QLatin1Char('?'));
    }
    return out;
}

// Structured journal data about the client; the vendor class only where it matters (DISCOVER).
static QJsonObject clientData(const ClientInfo &c, bool withVendorClass = false)
{
    QJsonObject o{{QStringLiteral("client"), clientKindName(c.kind)}};
    if (c.arch >= 0)
        o.insert(QStringLiteral("arch"), c.arch);
    if (withVendorClass && !c.vendorClass.isEmpty())
        o.insert(QStringLiteral("vendor_class"), printable(c.vendorClass, 64));
    if (!c.piSerial.isEmpty())
        o.insert(QStringLiteral("serial"), c.piSerial);
    if (!c.piModel.isEmpty())
        o.insert(QStringLiteral("model"), c.piModel);
    return o;
}

static JournalEvent::Severity refusalSeverity(const BootDecision &d)
{
    const bool intended = d.refusalCode == QLatin1String("allow-pxe-false") || d.refusalCode == QLatin1String("override-hdd");
    return intended ? JournalEvent::Severity::Info : JournalEvent::Severity::Warning;
}

static bool startsNewBoot(const ClientInfo &c)
{
    // The Pi bootloader, or the first network stage of a non-Pi machine. Not the Pi's UEFI-stage
    // PXE and not iPXE: those belong to a boot that is already running.
    switch (c.kind) {
    case ClientKind::PiBootloader: return true;
    case ClientKind::Pxe:
    case ClientKind::HttpBoot: return !c.piMac;
    default: return false;
    }
}

// --- handlers -----------------------------------------------------------------------------------

void DhcpService::handleDiscover(Request &r)
{
    const bool full = m_config.mode == DhcpMode::Full;
    const ClientInfo client = classify(r, false);
    if (!client.isNetboot() && !full) {
        count(IgnoredNotNetboot);
        qCDebug(lcDhcp).noquote() << "DISCOVER from" << r.mac.toString() << "is not a netboot request:" << client.note;
        return;
    }
    count(Discovers);
    if (client.isNetboot()) {
        if (m_bootControl && startsNewBoot(client))
            m_bootControl->bootStarted(r.mac);
        observeClient(r, client);
    }
    const BootDecision boot = client.isNetboot() ? decide(r, client) : BootDecision{};
    journal(journalkind::DhcpDiscover, r, boot.stage, [&](QString &m, QJsonObject &d) {
        m = client.isNetboot() ? QStringLiteral("DISCOVER from %1 (%2)").arg(clientKindName(client.kind), archDescription(client.arch))
                               : QStringLiteral("DISCOVER");
        d = clientData(client, true);
    });
    if (client.isNetboot() && !boot.answer) {
        count(QStringLiteral("refused.") + boot.refusalCode);
        qCInfo(lcDhcp).noquote() << "no netboot answer for" << r.mac.toString() << "-" << boot.reason;
        journal(journalkind::DhcpRefused, r, boot.stage, refusalSeverity(boot), [&](QString &m, QJsonObject &d) {
            m = QStringLiteral("no netboot offer: %1").arg(boot.reason);
            d = clientData(client);
            d.insert(QStringLiteral("reason"), boot.refusalCode);
        });
        if (!full)
            return;
    }

    Packet reply;
    if (!full) {
        reply = buildProxyReply(r.packet, MessageType::Offer, boot, r.serverIp);
    } else {
        if (!r.packet.giaddr && !netutil::isLoopback(QHostAddress(r.serverIp)) && !m_pool.inSubnet(r.serverIp)) {
            count(QStringLiteral("ignored.wrong-network"));
            return;
        }
        if (r.packet.giaddr && !m_pool.inSubnet(r.packet.giaddr)) {
            count(QStringLiteral("ignored.wrong-network"));
            return;
        }
        QString why;
        const quint32 address = m_pool.offer(poolClient(r.packet), r.packet.optionAddress(opt::RequestedIp),
                                             QDateTime::currentSecsSinceEpoch(), &why);
        if (!address) {
            count(QStringLiteral("refused.no-address"));
            qCWarning(lcDhcp).noquote() << "no address for" << r.mac.toString() << "-" << why;
            journal(journalkind::DhcpRefused, r, BootStage::Unknown, JournalEvent::Severity::Warning, [&](QString &m, QJsonObject &d) {
                m = QStringLiteral("no address offered: %1").arg(why);
                d = clientData(client);
                d.insert(QStringLiteral("reason"), QStringLiteral("no-address"));
            });
            return;
        }
        reply = beginReply(r.packet, MessageType::Offer, r.serverIp);
        addLeaseOptions(reply, leaseOptions(address, r.mac, true));
        addBootOptions(reply, boot, r.packet, r.serverIp);
        finishReply(reply, r.packet);
    }
    if (!send(r, reply))
        return;
    count(Offers);
    journal(journalkind::DhcpOffer, r, boot.stage, [&](QString &m, QJsonObject &d) {
        d = clientData(client);
        m = QStringLiteral("OFFER");
        if (reply.yiaddr) {
            m += QLatin1Char(' ') + ipToString(reply.yiaddr);
            d.insert(QStringLiteral("ip"), ipToString(reply.yiaddr));
        }
        if (boot.answer) {
            m += QStringLiteral(": ") + boot.reason;
            if (!boot.bootFile.isEmpty()) {
                m += QStringLiteral(", ") + QString::fromUtf8(boot.bootFile);
                d.insert(QStringLiteral("boot_file"), QString::fromUtf8(boot.bootFile));
            }
        }
    });
}

void DhcpService::handleProxyRequest(Request &r)
{
    const Packet &p = r.packet;
    const bool onPxePort = r.port == Port::Pxe;
    if (!onPxePort) {
        // On port 67 a proxy only answers a REQUEST that names it as the server.
        if (p.optionAddress(opt::ServerId) != r.serverIp) {
            count(QStringLiteral("ignored.other-server"));
            return;
        }
    }
    const ClientInfo client = classify(r, true);
    if (!client.isNetboot()) {
        count(IgnoredNotNetboot);
        return;
    }
    count(Requests);
    observeClient(r, client, p.ciaddr);
    if (p.ciaddr && m_registry)
        m_registry->setIp(r.mac, QHostAddress(p.ciaddr));
    BootDecision boot = decide(r, client);
    journal(journalkind::DhcpRequest, r, boot.stage, [&](QString &m, QJsonObject &d) {
        m = QStringLiteral("%1 from %2 (%3)%4").arg(QLatin1String(messageTypeName(p.messageType())), clientKindName(client.kind),
                                                   archDescription(client.arch), onPxePort ? QStringLiteral(" on the PXE port") : QString());
        d = clientData(client, true);
    });
    PxeVendorOptions asked;
    if (p.has(opt::VendorSpecific) && parsePxeVendorOptions(p.option(opt::VendorSpecific), &asked) && asked.bootItem
        && (asked.bootItem->layer & 0x8000)) {
        boot.answer = false;
        boot.refusalCode = QStringLiteral("bis");
        boot.reason = QStringLiteral("PXE boot integrity services (BIS) are not supported");
    }
    if (!boot.answer) {
        count(QStringLiteral("refused.") + boot.refusalCode);
        journal(journalkind::DhcpRefused, r, boot.stage, refusalSeverity(boot), [&](QString &m, QJsonObject &d) {
            m = QStringLiteral("no netboot answer: %1").arg(boot.reason);
            d = clientData(client);
            d.insert(QStringLiteral("reason"), boot.refusalCode);
        });
        return;
    }
    const Packet reply = buildProxyReply(p, MessageType::Ack, boot, r.serverIp);
    if (!send(r, reply))
        return;
    count(Acks);
    journal(journalkind::DhcpAck, r, boot.stage, [&](QString &m, QJsonObject &d) {
        m = QStringLiteral("ACK: %1%2").arg(boot.reason, boot.bootFile.isEmpty() ? QString() : QStringLiteral(", ") + QString::fromUtf8(boot.bootFile));
        d = clientData(client);
        d.insert(QStringLiteral("boot_file"), QString::fromUtf8(boot.bootFile));
    });
}

DhcpLeasePool::Client DhcpService::poolClient(const Packet &p) const
{
    DhcpLeasePool::Client c;
    c.hwType = p.htype;
    c.hwAddress = p.chaddr.left(qMin<int>(p.hlen, 16));
    c.clientId = p.option(opt::ClientId);
    return c;
}

LeaseOptions DhcpService::leaseOptions(quint32 address, const MacAddress &mac, bool withLease) const
{
    const DhcpPoolConfig &pool = m_config.pool;
    LeaseOptions l;
    l.address = withLease ? address : 0;
    l.leaseSeconds = withLease ? quint32(pool.leaseSeconds) : 0;
    l.netmask = pool.netmask.isNull() ? 0 : pool.netmask.toIPv4Address();
    l.router = pool.router.isNull() ? 0 : pool.router.toIPv4Address();
    for (const QHostAddress &a : pool.dnsServers)
        l.dnsServers.append(a.toIPv4Address());
    for (const QHostAddress &a : pool.ntpServers)
        l.ntpServers.append(a.toIPv4Address());
    l.domain = pool.domain.toUtf8();
    l.searchDomains = pool.searchDomains;
    const auto dev = m_devices.constFind(mac);
    if (dev != m_devices.cend() && isValidHostname(dev->name))
        l.hostName = dev->name.toUtf8();
    return l;
}

void DhcpService::sendNak(Request &r, const QString &why)
{
    Packet nak = beginReply(r.packet, MessageType::Nak, r.serverIp);
    nak.setOption(opt::Message, why.toUtf8().left(255));
    if (r.packet.giaddr)
        nak.flags |= BroadcastFlag;
    finishReply(nak, r.packet);
    if (!send(r, nak))
        return;
    count(QStringLiteral("nak"));
    qCInfo(lcDhcp).noquote() << "NAK to" << r.mac.toString() << "-" << why;
    journal(journalkind::DhcpNak, r, BootStage::Unknown, JournalEvent::Severity::Warning, [&](QString &m, QJsonObject &d) {
        m = QStringLiteral("NAK: %1").arg(why);
        d.insert(QStringLiteral("reason"), why);
    });
}

void DhcpService::ackLease(Request &r, quint32 address, const ClientInfo &client)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString hostname = QString::fromUtf8(r.packet.option(opt::HostName));
    const DhcpLease lease = m_pool.commit(address, poolClient(r.packet), hostname, now);
    scheduleLeaseSave();
    const BootDecision boot = client.isNetboot() ? decide(r, client) : BootDecision{};
    Packet reply = beginReply(r.packet, MessageType::Ack, r.serverIp);
    addLeaseOptions(reply, leaseOptions(address, r.mac, true));
    addBootOptions(reply, boot, r.packet, r.serverIp);
    finishReply(reply, r.packet);
    if (!send(r, reply))
        return;
    count(Acks);
    if (client.isNetboot())
        observeClient(r, client, address);
    if (m_registry && m_registry->find(r.mac))
        m_registry->setIp(r.mac, QHostAddress(address));
    qCInfo(lcDhcp).noquote() << "lease" << ipToString(address) << "to" << r.mac.toString()
                             << (lease.expires ? QStringLiteral("until %1").arg(QDateTime::fromSecsSinceEpoch(lease.expires).toString(Qt::ISODate)) : QString());
    journal(journalkind::DhcpAck, r, boot.answer ? boot.stage : BootStage::Unknown, [&](QString &m, QJsonObject &d) {
        m = QStringLiteral("ACK %1%2").arg(ipToString(address), boot.answer ? QStringLiteral(": ") + boot.reason : QString());
        d = clientData(client);
        d.insert(QStringLiteral("ip"), ipToString(address));
        d.insert(QStringLiteral("lease_seconds"), m_config.pool.leaseSeconds);
        if (boot.answer)
            d.insert(QStringLiteral("boot_file"), QString::fromUtf8(boot.bootFile));
    });
}

void DhcpService::handleLeaseRequest(Request &r)
{
    const Packet &p = r.packet;
    const ClientInfo client = classify(r, true);
    const DhcpLeasePool::Client who = poolClient(p);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const quint32 serverId = p.optionAddress(opt::ServerId);
    const quint32 requested = p.optionAddress(opt::RequestedIp);
    const bool unicastToUs = r.datagram->destination != 0xffffffff && r.datagram->destination != 0;
    count(Requests);

    QString state;
    quint32 address = 0;
    if (serverId) {
        if (serverId != r.serverIp) {
            m_pool.cancelOffer(who);   // the client chose another server
            count(QStringLiteral("ignored.other-server"));
            return;
        }
        state = QStringLiteral("selecting");
        address = requested ? requested : p.ciaddr;
    } else if (requested) {
        state = QStringLiteral("init-reboot");
        address = requested;
    } else {
        state = p.ciaddr && unicastToUs ? QStringLiteral("renewing") : QStringLiteral("rebinding");
        address = p.ciaddr;
    }
    journal(journalkind::DhcpRequest, r, BootStage::Unknown, [&](QString &m, QJsonObject &d) {
        m = QStringLiteral("REQUEST %1 (%2)").arg(address ? ipToString(address) : QStringLiteral("-"), state);
        d.insert(QStringLiteral("state"), state);
        d.insert(QStringLiteral("ip"), ipToString(address));
    });
    if (!address) {
        sendNak(r, QStringLiteral("no address requested"));
        return;
    }
    QString why;
    if (m_pool.canAssign(address, who, now, &why)) {
        ackLease(r, address, client);
        return;
    }
    // A broadcast REBINDING for an address we know nothing about may belong to another server.
    if (state == QLatin1String("rebinding") && !m_pool.inSubnet(address)) {
        count(QStringLiteral("ignored.foreign-lease"));
        return;
    }
    sendNak(r, why);
}

void DhcpService::handleDecline(Request &r)
{
    const quint32 address = r.packet.optionAddress(opt::RequestedIp);
    if (r.packet.optionAddress(opt::ServerId) != r.serverIp || !address) {
        count(QStringLiteral("ignored.other-server"));
        return;
    }
    count(QStringLiteral("decline"));
    m_pool.decline(address, poolClient(r.packet), QDateTime::currentSecsSinceEpoch());
    scheduleLeaseSave();
    qCWarning(lcDhcp).noquote() << r.mac.toString() << "declined" << ipToString(address) << "(address in use)";
    journal(journalkind::DhcpDecline, r, BootStage::Unknown, JournalEvent::Severity::Warning, [&](QString &m, QJsonObject &d) {
        m = QStringLiteral("DECLINE %1: the address is in use by another host").arg(ipToString(address));
        d.insert(QStringLiteral("ip"), ipToString(address));
    });
}

void DhcpService::handleRelease(Request &r)
{
    const quint32 serverId = r.packet.optionAddress(opt::ServerId);
    if (serverId && serverId != r.serverIp) {
        count(QStringLiteral("ignored.other-server"));
        return;
    }
    const quint32 address = r.packet.ciaddr;
    const bool released = address && m_pool.release(address, poolClient(r.packet));
    count(released ? QStringLiteral("release") : QStringLiteral("ignored.unknown-lease"));
    if (released) {
        scheduleLeaseSave();
        if (m_registry && m_registry->find(r.mac) && m_registry->find(r.mac)->ip == QHostAddress(address))
            m_registry->setIp(r.mac, QHostAddress());
    }
    journal(journalkind::DhcpRelease, r, BootStage::Unknown, [&](QString &m, QJsonObject &d) {
        m = released ? QStringLiteral("RELEASE %1").arg(ipToString(address))
                     : QStringLiteral("RELEASE %1 ignored: no such lease").arg(ipToString(address));
        d.insert(QStringLiteral("ip"), ipToString(address));
    });
}

void DhcpService::handleInform(Request &r)
{
    if (!r.packet.ciaddr) {
        count(QStringLiteral("ignored.inform"));
        return;
    }
    count(QStringLiteral("inform"));
    const ClientInfo client = classify(r, false);
    const BootDecision boot = client.isNetboot() ? decide(r, client) : BootDecision{};
    journal(journalkind::DhcpInform, r, boot.stage,
            [&](QString &m, QJsonObject &) { m = QStringLiteral("INFORM from %1").arg(ipToString(r.packet.ciaddr)); });
    Packet reply = beginReply(r.packet, MessageType::Ack, r.serverIp);
    addLeaseOptions(reply, leaseOptions(0, r.mac, false));
    addBootOptions(reply, boot, r.packet, r.serverIp);
    finishReply(reply, r.packet);
    if (send(r, reply)) {
        count(Acks);
        journal(journalkind::DhcpAck, r, boot.stage,
                [&](QString &m, QJsonObject &) { m = QStringLiteral("ACK (INFORM) to %1").arg(ipToString(r.packet.ciaddr)); });
    }
}

// --- send ---------------------------------------------------------------------------------------

bool DhcpService::send(const Request &r, const Packet &reply)
{
    const DhcpSocket::Datagram &d = *r.datagram;
    SerializeOptions so;
    so.maxSize = r.packet.optionUInt16(opt::MaxMessageSize, DefaultMaxMessageSize);
    QString why;
    const QByteArray bytes = serializePacket(reply, so, &why);
    if (bytes.isEmpty()) {
        count(QStringLiteral("send-failed"));
        qCWarning(lcDhcp).noquote() << "reply to" << macText(r.mac) << "not encodable:" << why;
        return false;
    }
    DhcpSocket &socket = r.port == Port::Pxe ? *m_proxy : *m_server;
    quint32 to = 0;
    quint16 port = 0;
    if (m_config.replyToSource || r.port == Port::Pxe) {
        // Loopback labs and the PXE boot-server port: straight back to the sender.
        to = d.source ? d.source : 0xffffffff;
        port = d.sourcePort ? d.sourcePort : ClientPort;
    } else {
        const quint16 serverPort = m_server->localPort();
        const Destination dest = replyDestination(r.packet, reply, serverPort, quint16(serverPort + 1));
        to = dest.address;
        port = dest.port;
        if (dest.kind == Destination::Kind::NewAddress) {
            // Unicast to a client without an address needs an ARP entry (as dnsmasq does).
            QString arpWhy;
            if (!socket.setArpEntry(d.interfaceIndex, dest.address, r.packet.chaddr.left(r.packet.hlen), r.packet.htype, &arpWhy)) {
                qCDebug(lcDhcp).noquote() << "broadcasting instead of unicast:" << arpWhy;
                to = 0xffffffff;
            }
        }
    }
    if (!socket.send(bytes, to, port, d.interfaceIndex, r.serverIp, &why)) {
        count(QStringLiteral("send-failed"));
        qCWarning(lcDhcp).noquote() << "cannot send" << messageTypeName(reply.messageType()) << "to" << ipToString(to) << ":" << why;
        return false;
    }
    qCDebug(lcDhcp).noquote() << "sent" << messageTypeName(reply.messageType()) << "to" << ipToString(to) + QLatin1Char(':') + QString::number(port)
                              << "for" << macText(r.mac);
    return true;
}

// --- leases -------------------------------------------------------------------------------------

void DhcpService::applyPoolSettings()
{
    const DhcpPoolConfig &pool = m_config.pool;
    DhcpLeasePool::Settings s;
    s.rangeStart = pool.rangeStart.isNull() ? 0 : pool.rangeStart.toIPv4Address();
    s.rangeEnd = pool.rangeEnd.isNull() ? 0 : pool.rangeEnd.toIPv4Address();
    s.netmask = pool.netmask.isNull() ? 0 : pool.netmask.toIPv4Address();
    s.leaseSeconds = pool.leaseSeconds;
    for (const DeviceConfig &d : std::as_const(m_devices))
        if (!d.ip.isNull())
            s.reservations.insert(d.mac, d.ip.toIPv4Address());
    if (!pool.router.isNull())
        s.excluded.insert(pool.router.toIPv4Address());
    if (!m_config.address.isNull() && m_config.address.toIPv4Address() != 0)
        s.excluded.insert(m_config.address.toIPv4Address());
    for (quint32 own : std::as_const(m_ownAddresses))
        s.excluded.insert(own);
    m_pool.setSettings(s);
}

bool DhcpService::loadLeases(QString *error)
{
    const QString path = leaseFilePath();
    QFile f(path);
    if (!f.exists()) {
        m_pool.load({}, QDateTime::currentSecsSinceEpoch());
        return true;
    }
    if (f.size() > MaxLeaseFileBytes) {
        *error = tr("lease file %1 is larger than %2 bytes").arg(path).arg(MaxLeaseFileBytes);
        return false;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read lease file %1: %2").arg(path, f.errorString());
        return false;
    }
    const LeaseFileContent content = parseLeaseFile(f.readAll());
    for (const QString &w : content.warnings)
        qCWarning(lcDhcp).noquote() << path << w;
    QStringList dropped;
    m_pool.load(content.leases, QDateTime::currentSecsSinceEpoch(), &dropped);
    for (const QString &d : dropped)
        qCInfo(lcDhcp).noquote() << "lease not restored:" << d;
    qCInfo(lcDhcp).noquote() << "restored" << m_pool.leases().size() << "leases from" << path;
    if (!content.warnings.isEmpty())
        report(QStringLiteral("lease-file"), tr("%1 lines of the lease file %2 could not be read and were skipped.")
                                                 .arg(content.warnings.size()).arg(path));
    if (!dropped.isEmpty())
        scheduleLeaseSave();
    return true;
}

void DhcpService::scheduleLeaseSave()
{
    m_leasesDirty = true;
    Q_EMIT leasesChanged();
    if (!m_saveTimer->isActive())
        m_saveTimer->start();
}

void DhcpService::saveLeases()
{
    if (!m_leasesDirty || m_config.mode != DhcpMode::Full)
        return;
    const QString path = leaseFilePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QString why;
    if (!atomicfile::write(path, formatLeaseFile(m_pool.leases()), &why, atomicfile::Backup::None, 0644)) {
        // The previous file stays intact (atomic write). Reported once per episode, retried
        // every few seconds, not on every lease change (a busy segment would flood the log).
        count(QStringLiteral("lease-file.save-failed"));
        if (!m_leaseSaveFailing) {
            qCWarning(lcDhcp).noquote() << "leases not saved:" << why;
            report(QStringLiteral("lease-file"), tr("Cannot save the DHCP leases to %1: %2").arg(path, why));
        }
        m_leaseSaveFailing = true;
        m_saveTimer->start(LeaseSaveRetryMs);
        return;
    }
    if (m_leaseSaveFailing) {
        qCInfo(lcDhcp).noquote() << "leases saved again to" << path;
        m_leaseSaveFailing = false;
        m_saveTimer->setInterval(100);
    }
    m_leasesDirty = false;
}

void DhcpService::expireLeases()
{
    const int removed = m_pool.expire(QDateTime::currentSecsSinceEpoch());
    if (removed > 0) {
        qCInfo(lcDhcp) << removed << "leases expired";
        scheduleLeaseSave();
    }
}

// --- foreign servers ----------------------------------------------------------------------------

void DhcpService::onForeignServer(const ForeignDhcpServer &server)
{
    Q_EMIT foreignServerDetected(server);
    if (m_journal) {
        JournalEvent e;
        e.mac = server.lastClient;
        e.client = QHostAddress(server.source);
        e.source = QStringLiteral("dhcp");
        e.kind = QString::fromLatin1(journalkind::DhcpForeignServer);
        e.severity = server.conflicting ? JournalEvent::Severity::Warning : JournalEvent::Severity::Info;
        e.message = QStringLiteral("another %1%2").arg(server.describe(),
                                                      server.conflicting ? QStringLiteral(" competes with Metal Boot") : QString());
        e.data = server.toJson();
        m_journal->append(e);
    }
    if (server.conflicting) {
        report(QStringLiteral("foreign-server"),
               server.offersBoot
                   ? tr("Another PXE/netboot server (%1) answers on %2. Two netboot responders make clients boot unpredictably; switch one off.")
                         .arg(server.address(), server.interfaceName)
                   : tr("Another DHCP server (%1) hands out addresses on %2 while Metal Boot runs in full DHCP mode.")
                         .arg(server.address(), server.interfaceName));
    }
}
