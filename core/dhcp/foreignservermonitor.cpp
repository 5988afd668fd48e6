#include "foreignservermonitor.h"

#include "common/logging.h"
#include "dhcpsocket.h"

#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

QString ForeignDhcpServer::describe() const
{
    QString what;
    if (offersAddresses && offersBoot)
        what = QStringLiteral("DHCP server with netboot answers");
    else if (offersBoot)
        what = QStringLiteral("PXE/proxyDHCP responder");
    else
        what = QStringLiteral("DHCP server");
    QString s = QStringLiteral("%1 %2 on %3").arg(what, address(), interfaceName.isEmpty() ? QStringLiteral("?") : interfaceName);
    if (!lastBootFile.isEmpty())
        s += QStringLiteral(" (boot file %1)").arg(lastBootFile);
    return s;
}

QJsonObject ForeignDhcpServer::toJson() const
{
    return QJsonObject{{QStringLiteral("server_id"), address()},
                       {QStringLiteral("source"), dhcp::ipToString(source)},
                       {QStringLiteral("interface"), interfaceName},
                       {QStringLiteral("offers_addresses"), offersAddresses},
                       {QStringLiteral("offers_boot"), offersBoot},
                       {QStringLiteral("conflicting"), conflicting},
                       {QStringLiteral("boot_file"), lastBootFile},
                       {QStringLiteral("last_client"), lastClient.toString()},
                       {QStringLiteral("replies"), double(replies)},
                       {QStringLiteral("first_seen"), firstSeen.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("last_seen"), lastSeen.toString(Qt::ISODateWithMs)}};
}

ForeignServerMonitor::ForeignServerMonitor(QObject *parent)
    : QObject(parent)
{
}

ForeignServerMonitor::~ForeignServerMonitor()
{
    stop();
}

bool ForeignServerMonitor::isRunning() const
{
    return m_socket && m_socket->isOpen();
}

bool ForeignServerMonitor::start(const Settings &settings, QString *error)
{
    stop();
    m_settings = settings;
    if (settings.interfaceName.isEmpty()) {
        *error = QStringLiteral("no interface to watch");
        return false;
    }
    m_socket = new DhcpSocket(this);
    if (!m_socket->open(0, settings.clientPort, settings.interfaceName, error)) {
        delete m_socket;
        m_socket = nullptr;
        return false;
    }
    connect(m_socket, &DhcpSocket::readyRead, this, &ForeignServerMonitor::onReadyRead);
    m_ifindex = m_socket->interfaceIndex(settings.interfaceName);
    m_ourAddress = m_socket->interfaceAddress(settings.interfaceName);
    QString filterWhy;
    if (m_ourAddress && !m_socket->setDropSource(m_ourAddress, &filterWhy))   // onReadyRead checks again
        qCDebug(lcDhcp).noquote() << "no socket filter for our own broadcasts:" << filterWhy;
    m_probeMac = m_socket->interfaceHardwareAddress(settings.interfaceName);
    if (m_probeMac.size() != 6) {
        m_probeMac = QByteArray(6, '\0');
        for (char &b : m_probeMac)
            b = char(QRandomGenerator::global()->bounded(256));
    }
    // Locally administered, unicast: never collides with the server's own lease.
    m_probeMac[0] = char((quint8(m_probeMac.at(0)) | 0x02) & 0xfe);
    if (settings.probeIntervalSeconds > 0) {
        m_probeTimer = new QTimer(this);
        m_probeTimer->setInterval(settings.probeIntervalSeconds * 1000);
        connect(m_probeTimer, &QTimer::timeout, this, [this] { probe(); });
        m_probeTimer->start();
        QTimer::singleShot(2000, m_probeTimer, [this] { probe(); });
    }
    return true;
}

void ForeignServerMonitor::stop()
{
    delete m_probeTimer;
    m_probeTimer = nullptr;
    delete m_socket;
    m_socket = nullptr;
    m_probeXids.clear();
}

void ForeignServerMonitor::setMode(DhcpMode mode)
{
    m_settings.mode = mode;
    for (ForeignDhcpServer &s : m_servers)
        s.conflicting = conflicts(s);
}

bool ForeignServerMonitor::probe(QString *error)
{
    if (!isRunning()) {
        if (error)
            *error = QStringLiteral("not running");
        return false;
    }
    using namespace dhcp;
    Packet p;
    p.op = 1;
    p.xid = QRandomGenerator::global()->generate();
    p.flags = BroadcastFlag;
    p.chaddr = m_probeMac + QByteArray(10, '\0');
    p.setOption8(opt::MessageType, quint8(MessageType::Discover));
    p.setOption(opt::ParameterList, QByteArray::fromHex("0103062b363c4243"));
    p.setOption(opt::VendorClass, QByteArrayLiteral("PXEClient:Arch:00000:UNDI:002001"));
    p.setOption16(opt::ClientArch, 0);
    p.setOption(opt::ClientNdi, QByteArray::fromHex("010201"));
    p.setOption(opt::ClientGuid, QByteArray(17, '\0'));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_probeXids.begin(); it != m_probeXids.end();)
        it = now - it.value() > 60000 ? m_probeXids.erase(it) : std::next(it);
    m_probeXids.insert(p.xid, now);
    QString why;
    if (!m_socket->send(serializePacket(p), 0xffffffff, m_settings.serverPort, m_ifindex, 0, &why)) {
        qCWarning(lcDhcp).noquote() << "foreign-server probe not sent:" << why;
        if (error)
            *error = why;
        return false;
    }
    qCDebug(lcDhcp) << "sent foreign-server probe on" << m_settings.interfaceName << "xid" << Qt::hex << p.xid;
    return true;
}

bool ForeignServerMonitor::isOwnProbe(const dhcp::Packet &packet) const
{
    return packet.op == 1 && m_probeXids.contains(packet.xid) && packet.chaddr.startsWith(m_probeMac);
}

void ForeignServerMonitor::onReadyRead()
{
    DhcpSocket::Datagram d;
    for (int i = 0; i < 64 && m_socket && m_socket->read(&d, dhcp::MaxPacketSize); ++i) {
        const quint32 ours = d.localAddress ? d.localAddress : m_ourAddress;
        // Our own broadcast replies loop back here: drop them before any parsing.
        if (d.truncated || d.source == ours || d.data.isEmpty() || d.data.at(0) != 2)
            continue;
        dhcp::Packet p;
        if (!dhcp::parsePacket(d.data, &p).ok())
            continue;
        observe(p, d.source, ours, m_socket->interfaceName(d.interfaceIndex));
    }
}

bool ForeignServerMonitor::conflicts(const ForeignDhcpServer &s) const
{
    return s.offersBoot || (m_settings.mode == DhcpMode::Full && s.offersAddresses);
}

void ForeignServerMonitor::observe(const dhcp::Packet &reply, quint32 source, quint32 ours, const QString &interfaceName)
{
    using namespace dhcp;
    const MessageType type = reply.messageType();
    if (type != MessageType::Offer && type != MessageType::Ack)
        return;
    const quint32 id = reply.optionAddress(opt::ServerId) ? reply.optionAddress(opt::ServerId) : source;
    if (id == 0 || source == ours || id == ours)
        return;   // our own broadcast, looped back
    if (type == MessageType::Ack && reply.yiaddr != 0 && reply.mac().isValid())
        Q_EMIT leaseObserved(reply.mac(), reply.yiaddr);

    const QByteArray vc = reply.option(opt::VendorClass);
    const bool boot = reply.has(opt::VendorSpecific) || reply.has(opt::BootFileName) || reply.has(opt::TftpServerName)
        || !reply.file.isEmpty() || vc.startsWith("PXEClient") || vc.startsWith("HTTPClient");
    const QDateTime now = QDateTime::currentDateTimeUtc();

    auto it = m_servers.find(id);
    const bool isNew = it == m_servers.end();
    if (isNew) {
        if (m_servers.size() >= 64) {   // spoofed server ids must not grow this without bound
            auto oldest = std::min_element(m_servers.begin(), m_servers.end(), [](const auto &a, const auto &b) {
                return a.lastSeen < b.lastSeen;
            });
            m_servers.erase(oldest);
        }
        ForeignDhcpServer s;
        s.serverId = id;
        s.firstSeen = now;
        it = m_servers.insert(id, s);
    }
    const bool wasConflicting = it->conflicting;
    it->source = source;
    it->interfaceName = interfaceName;
    it->offersAddresses |= reply.yiaddr != 0;
    it->offersBoot |= boot;
    if (!reply.file.isEmpty() || reply.has(opt::BootFileName))
        it->lastBootFile = QString::fromLatin1(reply.has(opt::BootFileName) ? reply.option(opt::BootFileName) : reply.file).left(128);
    it->lastClient = reply.mac();
    it->replies++;
    it->lastSeen = now;
    it->conflicting = conflicts(*it);
    if (isNew || (it->conflicting && !wasConflicting)) {
        qCWarning(lcDhcp).noquote() << QStringLiteral("foreign %1%2").arg(it->describe(), it->conflicting ? QStringLiteral(" (conflicts with us)") : QString());
        Q_EMIT serverDetected(*it);
    }
}

QList<ForeignDhcpServer> ForeignServerMonitor::servers() const
{
    QList<ForeignDhcpServer> out = m_servers.values();
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.firstSeen < b.firstSeen; });
    return out;
}

void ForeignServerMonitor::clear()
{
    m_servers.clear();
}
