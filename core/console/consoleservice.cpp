#include "consoleservice.h"

#include "common/logging.h"
#include "common/netutil.h"
#include "consolelogfiles.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "serialconsole.h"
#include "syslogparser.h"

#include <QUdpSocket>

namespace {

constexpr int MaxDatagramsPerWakeup = 4096;
constexpr qint64 MacCacheMs = 2000;
constexpr qint64 PlainFlushMs = 500;
constexpr qint64 SenderIdleMs = 10 * 60 * 1000;

// IPv4-mapped IPv6 senders (dual-stack sockets) become plain IPv4 addresses.
QHostAddress normalized(const QHostAddress &address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4) : address;
}

} // namespace

ConsoleService::ConsoleService(DeviceRegistry *registry, DeviceJournal *journal, QObject *parent)
    : Service(QStringLiteral("consoles"), parent)
    , m_registry(registry)
    , m_journal(journal)
    , m_logs(new ConsoleLogFiles(this))
{
    qRegisterMetaType<ConsoleLine>();
    m_clock.start();
    m_housekeeping.setInterval(250);
    connect(&m_housekeeping, &QTimer::timeout, this, &ConsoleService::housekeeping);
    if (m_registry)
        connect(m_registry, &DeviceRegistry::deviceRemoved, this, [this](const MacAddress &mac) {
            m_buffer.forget(mac);
            m_buckets.remove(mac);
        });
}

ConsoleService::~ConsoleService()
{
    stop();
    stopSerials();
    m_logs->closeAll();
}

bool ConsoleService::setConfig(const ConsoleConfig &config)
{
    const bool restart = config.address != m_config.address || config.port != m_config.port
        || config.syslogPort != m_config.syslogPort || config.interface != m_config.interface;
    m_config = config;
    setEnabled(config.enabled);
    return restart;
}

void ConsoleService::setDevices(const QList<DeviceConfig> &devices)
{
    bool serialChanged = false;
    QHash<MacAddress, QPair<QString, int>> wanted;
    for (const DeviceConfig &d : devices)
        if (!d.serialPort.isEmpty())
            wanted.insert(d.mac, {d.serialPort, d.serialBaud});
    for (auto it = m_serials.cbegin(); it != m_serials.cend(); ++it) {
        const auto w = wanted.constFind(it.key());
        if (w == wanted.cend() || w->first != (*it)->portPath() || w->second != (*it)->baud())
            serialChanged = true;
    }
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
        if (!m_serials.contains(it.key()))
            serialChanged = true;
    m_devices = devices;
    if (serialChanged && isRunning()) {
        stopSerials();
        startSerials();
    }
}

void ConsoleService::setLogDirectory(const QString &directory)
{
    m_logs->setDirectory(directory);
}

QString ConsoleService::logFile(const MacAddress &mac) const
{
    return m_logs->directory().isEmpty() ? QString() : m_logs->pathFor(mac);
}

void ConsoleService::flushLogs()
{
    m_logs->flush();
}

quint16 ConsoleService::netconsolePort() const
{
    return m_netconsole ? m_netconsole->localPort() : m_config.port;
}

quint16 ConsoleService::syslogPort() const
{
    return m_syslog ? m_syslog->localPort() : m_config.syslogPort;
}

QStringList ConsoleService::endpoints() const
{
    QStringList list;
    if (m_netconsole)
        list << QStringLiteral("udp %1:%2 (netconsole)").arg(m_bound.toString()).arg(netconsolePort());
    if (m_syslog)
        list << QStringLiteral("udp %1:%2 (syslog)").arg(m_bound.toString()).arg(syslogPort());
    for (const SerialConsole *s : m_serials)
        list << QStringLiteral("serial %1 %2 8N1%3").arg(s->portPath()).arg(s->baud()).arg(s->isOpen() ? QString() : QStringLiteral(" (absent)"));
    return list;
}

bool ConsoleService::doStart(QString *error)
{
    m_bound = netutil::resolveBindAddress(m_config.interface, m_config.address, error);
    if (m_bound.isNull())
        return false;
    m_netconsole = new QUdpSocket(this);
    m_syslog = new QUdpSocket(this);
    if (!m_netconsole->bind(m_bound, m_config.port)) {
        *error = tr("cannot listen for netconsole on udp %1:%2: %3").arg(m_bound.toString()).arg(m_config.port).arg(m_netconsole->errorString());
        doStop();
        return false;
    }
    if (!m_syslog->bind(m_bound, m_config.syslogPort)) {
        *error = tr("cannot listen for syslog on udp %1:%2: %3").arg(m_bound.toString()).arg(m_config.syslogPort).arg(m_syslog->errorString());
        doStop();
        return false;
    }
    // Bursts of kernel output (boot) must not be dropped by a small default buffer.
    m_netconsole->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1 << 20);
    m_syslog->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1 << 20);
    connect(m_netconsole, &QUdpSocket::readyRead, this, &ConsoleService::readNetconsole);
    connect(m_syslog, &QUdpSocket::readyRead, this, &ConsoleService::readSyslog);
    m_housekeeping.start();
    startSerials();
    qCInfo(lcConsole).noquote() << "netconsole on udp" << m_bound.toString() << netconsolePort() << ", syslog on udp"
                                << syslogPort();
    return true;
}

void ConsoleService::doStop()
{
    m_housekeeping.stop();
    delete m_netconsole;
    m_netconsole = nullptr;
    delete m_syslog;
    m_syslog = nullptr;
    stopSerials();
    m_senders.clear();
    m_logs->flush();
}

void ConsoleService::startSerials()
{
    for (const DeviceConfig &d : std::as_const(m_devices)) {
        if (d.serialPort.isEmpty() || m_serials.contains(d.mac))
            continue;
        auto *s = new SerialConsole(d.mac, d.serialPort, d.serialBaud, this);
        const MacAddress mac = d.mac;
        connect(s, &SerialConsole::bytesReceived, this, [this, mac](const QByteArray &b) { Q_EMIT serialBytes(mac, b); });
        connect(s, &SerialConsole::linesReceived, this, [this, mac](const QStringList &lines) {
            for (const QString &text : lines) {
                ConsoleLine line;
                line.mac = mac;
                line.origin = QStringLiteral("serial");
                line.text = text;
                deliver(line);
            }
        });
        connect(s, &SerialConsole::stateChanged, this, [this, mac](bool open, const QString &error) {
            Q_EMIT serialStateChanged(mac, open, error);
            if (!open && !error.isEmpty()) {
                ConsoleLine note;
                note.mac = mac;
                note.origin = QStringLiteral("serial");
                journalLine(note, JournalEvent::Severity::Warning,
                            [error] { return QStringLiteral("serial console unavailable: %1").arg(error); });
            }
        });
        m_serials.insert(d.mac, s);
        s->start();
    }
}

void ConsoleService::stopSerials()
{
    for (SerialConsole *s : std::as_const(m_serials)) {
        s->stop();
        s->deleteLater();
    }
    m_serials.clear();
}

QList<ConsoleService::SerialStatus> ConsoleService::serialStatus() const
{
    QList<SerialStatus> out;
    for (const SerialConsole *s : m_serials)
        out.append({s->mac(), s->portPath(), s->baud(), s->isOpen(), s->errorString()});
    return out;
}

bool ConsoleService::writeSerial(const MacAddress &mac, const QByteArray &bytes, QString *error)
{
    SerialConsole *s = m_serials.value(mac);
    if (!s) {
        if (error)
            *error = QStringLiteral("%1 has no serial console").arg(mac.toString());
        return false;
    }
    return s->write(bytes, error);
}

ConsoleService::Sender &ConsoleService::sender(const QHostAddress &from)
{
    const QHostAddress &key = from;
    auto it = m_senders.find(key);
    if (it != m_senders.end())
        return *it;
    if (m_senders.size() >= MaxSenders) {
        // Forget the quietest sender.
        auto oldest = m_senders.begin();
        for (auto s = m_senders.begin(); s != m_senders.end(); ++s)
            if (s->lastMs < oldest->lastMs)
                oldest = s;
        m_senders.erase(oldest);
    }
    return m_senders[key];
}

void ConsoleService::readNetconsole()
{
    readDatagrams(m_netconsole, true);
}

// Drains a socket in bounded batches (then yields to the event loop) into one reused buffer.
void ConsoleService::readDatagrams(QUdpSocket *socket, bool netconsole)
{
    if (!socket)
        return;
    const int max = netconsole ? netconsole::MaxDatagram : syslogmsg::MaxDatagram;
    QByteArray buffer(max + 1, Qt::Uninitialized);
    QHostAddress from;
    int n = 0;
    while (n < MaxDatagramsPerWakeup && socket->hasPendingDatagrams()) {
        const qint64 size = socket->readDatagram(buffer.data(), buffer.size(), &from);
        if (size < 0)
            break;
        ++n;
        // A datagram larger than the buffer arrives truncated: a larger size than max marks it.
        const QByteArray datagram = size > max ? QByteArray(max + 1, 'x') : QByteArray(buffer.constData(), int(size));
        if (netconsole) {
            ++m_stats.netconsoleDatagrams;
            handleNetconsole(datagram, normalized(from));
        } else {
            ++m_stats.syslogDatagrams;
            handleSyslog(datagram, normalized(from));
        }
    }
    if (socket->hasPendingDatagrams())
        QMetaObject::invokeMethod(this, netconsole ? &ConsoleService::readNetconsole : &ConsoleService::readSyslog,
                                  Qt::QueuedConnection);
}

MacAddress ConsoleService::senderMac(Sender &s, const QHostAddress &from, qint64 nowMs) const
{
    // Looking the sender up in the registry per line would cost a scan per datagram.
    if (s.macCheckedMs < 0 || nowMs - s.macCheckedMs > MacCacheMs) {
        s.mac = macFor(from);
        s.macCheckedMs = nowMs;
    }
    return s.mac;
}

void ConsoleService::handleNetconsole(const QByteArray &datagram, const QHostAddress &from)
{
    const auto parsed = netconsole::parseDatagram(datagram);
    if (!parsed) {
        ++m_stats.malformed;
        qCDebug(lcConsole).noquote() << "malformed netconsole datagram from" << from.toString() << ":" << parsed.error();
        return;
    }
    Sender &s = sender(from);
    const qint64 now = m_clock.elapsed();
    s.lastMs = now;
    if (!parsed->extended) {
        s.lastPlainMs = now;
        const MacAddress mac = senderMac(s, from, now);
        for (const QString &text : s.plain.feed(parsed->body)) {
            ConsoleLine line;
            line.mac = mac;
            line.source = from;
            line.origin = QStringLiteral("netconsole");
            line.tag = QStringLiteral("kernel");
            line.text = text;
            deliver(line);
        }
        return;
    }
    const bool wasFragment = parsed->fragment;
    const auto complete = s.reassembler.add(*parsed, now);
    if (!complete)
        return;
    if (wasFragment)
        ++m_stats.reassembled;
    const auto seen = s.sequence.observe(complete->seq);
    if (seen.duplicate)
        return;
    ConsoleLine line;
    line.mac = senderMac(s, from, now);
    line.source = from;
    line.origin = QStringLiteral("netconsole");
    line.tag = QStringLiteral("kernel");
    line.severity = complete->level;
    line.text = complete->text;
    line.seq = complete->seq;
    line.hasSeq = true;
    line.uptimeUs = complete->timestampUs;
    if (seen.lost > 0) {
        m_stats.lost += seen.lost;
        ConsoleLine note = line;
        qCInfo(lcConsole).noquote() << "netconsole from" << from.toString() << ":" << seen.lost << "message(s) lost before seq"
                                    << complete->seq;
        const quint64 lost = seen.lost, seq = complete->seq;
        journalLine(note, JournalEvent::Severity::Warning,
                    [lost, seq] { return QStringLiteral("netconsole: %1 message(s) lost before sequence %2").arg(lost).arg(seq); });
    } else if (seen.reordered && m_stats.lost > 0) {
        --m_stats.lost;
    }
    deliver(line);
}

void ConsoleService::readSyslog()
{
    readDatagrams(m_syslog, false);
}

void ConsoleService::handleSyslog(const QByteArray &datagram, const QHostAddress &from)
{
    const auto msg = syslogmsg::parse(datagram);
    if (!msg) {
        ++m_stats.malformed;
        qCDebug(lcConsole).noquote() << "malformed syslog datagram from" << from.toString() << ":" << msg.error();
        return;
    }
    Sender &s = sender(from);
    const qint64 now = m_clock.elapsed();
    s.lastMs = now;
    ConsoleLine line;
    line.mac = senderMac(s, from, now);
    line.source = from;
    line.origin = QStringLiteral("syslog");
    line.severity = msg->severity;
    line.tag = msg->appName;
    line.text = msg->text;
    line.sentTime = msg->timestamp;
    deliver(line);
}

void ConsoleService::housekeeping()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_senders.begin(); it != m_senders.end();) {
        Sender &s = *it;
        if (s.plain.hasPartial() && now - s.lastPlainMs > PlainFlushMs) {
            const QHostAddress from = it.key();
            for (const QString &text : s.plain.flush()) {
                ConsoleLine line;
                line.source = from;
                line.origin = QStringLiteral("netconsole");
                line.tag = QStringLiteral("kernel");
                line.text = text;
                deliver(line);
            }
        }
        const int dropped = s.reassembler.expire(now);
        if (dropped > 0) {
            m_stats.lost += quint64(dropped);
            ConsoleLine note;
            note.source = it.key();
            note.mac = macFor(note.source);
            journalLine(note, JournalEvent::Severity::Warning,
                        [dropped] { return QStringLiteral("netconsole: %1 fragmented message(s) never completed").arg(dropped); });
        }
        if (now - s.lastMs > SenderIdleMs && s.reassembler.pending() == 0 && !s.plain.hasPartial())
            it = m_senders.erase(it);
        else
            ++it;
    }
}

MacAddress ConsoleService::macFor(const QHostAddress &address) const
{
    if (m_registry)
        if (const DeviceInfo *d = m_registry->findByIp(address))
            return d->mac;
    for (const DeviceConfig &d : m_devices)
        if (!d.ip.isNull() && d.ip == address)
            return d.mac;
    return {};
}

void ConsoleService::deliver(ConsoleLine line)
{
    if (line.text.isEmpty())
        return;
    line.time = QDateTime::currentDateTimeUtc();
    if (!line.mac.isValid() && !line.source.isNull())
        line.mac = macFor(line.source);
    ++m_stats.lines;
    m_buffer.append(line);
    if (line.mac.isValid())
        m_logs->append(line.mac, line.toLogLine());
    Q_EMIT lineReceived(line);
    if (line.mac.isValid()) {
        const auto severity = line.severity >= 0 && line.severity <= 3 ? JournalEvent::Severity::Error
                            : line.severity == 4                       ? JournalEvent::Severity::Warning
                                                                       : JournalEvent::Severity::Info;
        journalLine(line, severity, [&line] { return line.tag.isEmpty() ? line.text : line.tag + QStringLiteral(": ") + line.text; });
    }
}

void ConsoleService::journalLine(const ConsoleLine &line, JournalEvent::Severity severity,
                                 const std::function<QString()> &message)
{
    if (!m_journal || !line.mac.isValid())
        return;
    Bucket &b = m_buckets[line.mac];
    const qint64 now = m_clock.elapsed();
    if (b.lastMs < 0)
        b.lastMs = now;
    b.tokens = qMin<double>(JournalBurst, b.tokens + double(now - b.lastMs) / JournalRefillMs);
    b.lastMs = now;
    if (b.tokens < 1.0) {
        ++b.suppressed;
        ++m_stats.suppressed;
        return;
    }
    b.tokens -= 1.0;
    JournalEvent e;
    e.mac = line.mac;
    e.client = line.source;
    e.source = QStringLiteral("consoles");
    e.kind = QString::fromLatin1(journalkind::ConsoleLine);
    e.severity = severity;
    e.message = message().left(400);
    e.data = line.toJson();
    if (b.suppressed > 0) {
        e.data.insert(QStringLiteral("suppressed_before"), qint64(b.suppressed));
        e.message += QStringLiteral(" (+%1 console lines not journaled)").arg(b.suppressed);
        b.suppressed = 0;
    }
    ++m_stats.journaled;
    m_journal->append(e);
}
