#include "tftpservice.h"

#include "arptable.h"
#include "common/logging.h"
#include "common/netutil.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "tftppath.h"
#include "tftptransfer.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QTimer>

#include <sys/stat.h>

namespace {

constexpr int ListenBufferSize = 2048;          // requests are <= 512 bytes (RFC 2347); be lenient
constexpr int MaxRequestsPerWakeup = 64;
constexpr qint64 MaxNetasciiBytes = 32 << 20;
constexpr int ReapIntervalMs = 5000;
constexpr int MaxRtoMs = 16000;
constexpr int WarningsPerMinute = 30;

quint64 peerKey(const TftpSocket::Endpoint &e)
{
    return (quint64(e.ip) << 16) | e.port;
}

QString humanBytes(qint64 bytes)
{
    if (bytes >= 10 * 1024 * 1024)
        return QStringLiteral("%1 MiB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
    if (bytes >= 10 * 1024)
        return QStringLiteral("%1 KiB").arg(double(bytes) / 1024, 0, 'f', 1);
    return QStringLiteral("%1 B").arg(bytes);
}

bool isPi4Family(const QString &model)
{
    const QString m = model.toLower();
    return m.isEmpty() || m.startsWith(QLatin1String("pi4")) || m.startsWith(QLatin1String("cm4"));
}

} // namespace

struct TftpService::Request
{
    TftpSocket::Endpoint from;
    QHostAddress local;              // the address the client sent the request to
    tftp::Packet packet;
    QString file;                    // sanitised relative path (or the raw name, sanitised for logs)
    QByteArray raw;                  // the datagram
};

TftpService::TftpService(QObject *parent)
    : Service(QStringLiteral("tftp"), parent)
    , m_dispatcher(new TftpDispatcher(this))
{
    m_tree.setNeighbourLookup(&arptable::lookup);
}

TftpService::~TftpService()
{
    // Destruction (not stop()): the journal may already be gone, so transfers end silently.
    const auto transfers = m_transfers.keys();
    for (TftpTransfer *t : transfers) {
        disconnect(t, nullptr, this, nullptr);
        t->abort(QStringLiteral("Server shutting down"));
        delete t;
    }
    m_transfers.clear();
    m_listen.close();
}

bool TftpService::setConfig(const TftpConfig &config)
{
    const bool restart = config.address != m_config.address || config.port != m_config.port
        || config.interface != m_config.interface;
    m_config = config;
    setEnabled(config.enabled);
    m_tree.setConfig(config, m_defaultRoot);
    return restart;
}

void TftpService::setDevices(const QList<DeviceConfig> &devices)
{
    m_tree.setDevices(devices);
}

void TftpService::setDefaultRoot(const QString &root)
{
    m_defaultRoot = root;
    m_tree.setConfig(m_config, m_defaultRoot);
}

void TftpService::setRegistry(DeviceRegistry *registry)
{
    m_registry = registry;
    m_tree.setRegistry(registry);
}

void TftpService::setFirmwareRenderer(std::function<Result<QByteArray>(const MacAddress &)> renderer)
{
    m_tree.setFirmwareRenderer(std::move(renderer));
    m_tree.firmwareCache().clear();
}

void TftpService::setHttpBaseUrl(const QString &url)
{
    m_tree.setHttpBaseUrl(url);
}

void TftpService::setNeighbourLookup(TftpFileTree::NeighbourLookup lookup)
{
    m_tree.setNeighbourLookup(std::move(lookup));
}

quint16 TftpService::port() const
{
    return m_listen.isOpen() ? m_listen.local().port : m_config.port;
}

int TftpService::activeTransfers(const QHostAddress &client) const
{
    return m_perClient.value(client.toIPv4Address(), 0);
}

QStringList TftpService::endpoints() const
{
    return {QStringLiteral("udp %1:%2").arg(m_bound.toString()).arg(port())};
}

bool TftpService::doStart(QString *error)
{
    m_bound = netutil::resolveBindAddress(m_config.interface, m_config.address, error);
    if (m_bound.isNull())
        return false;
    if (m_config.root.isEmpty() && !m_defaultRoot.isEmpty())
        QDir().mkpath(m_defaultRoot);
    if (tftp::canonicalDir(m_tree.root()).isEmpty())
        qCWarning(lcTftp).noquote() << "TFTP root" << m_tree.root() << "does not exist; only generated files can be served";
    QString why;
    const bool anyAddress = m_bound == QHostAddress(QHostAddress::AnyIPv4);
    if (!m_listen.bind(m_bound, m_config.port, anyAddress, &why)) {
        *error = tr("cannot bind udp %1:%2: %3").arg(m_bound.toString()).arg(m_config.port).arg(why);
        return false;
    }
    m_listen.setBufferSizes(1 << 20, 0);
    m_listenNotifier = new QSocketNotifier(m_listen.fd(), QSocketNotifier::Read, this);
    connect(m_listenNotifier, &QSocketNotifier::activated, this, &TftpService::onListenReadable);
    m_reaper = new QTimer(this);
    connect(m_reaper, &QTimer::timeout, this, &TftpService::reap);
    m_reaper->start(ReapIntervalMs);
    m_warnWindow.start();
    qCInfo(lcTftp).noquote() << "TFTP root" << m_tree.root() << "- Pi firmware" << m_tree.piFirmwareDir() << "- iPXE"
                             << m_tree.ipxeDir() << (m_config.allowUploads ? "- uploads allowed" : "- read-only");
    return true;
}

void TftpService::doStop()
{
    const auto transfers = m_transfers.keys();
    for (TftpTransfer *t : transfers)
        t->abort(QStringLiteral("Server shutting down"));   // finished -> removed
    m_transfers.clear();
    m_byPeer.clear();
    m_perClient.clear();
    // fail() may run inside the notifier's own signal: never delete it synchronously.
    if (m_listenNotifier) {
        m_listenNotifier->setEnabled(false);
        m_listenNotifier->deleteLater();
        m_listenNotifier = nullptr;
    }
    if (m_reaper) {
        m_reaper->stop();
        m_reaper->deleteLater();
        m_reaper = nullptr;
    }
    m_listen.close();
}

bool TftpService::warnBudget()
{
    if (m_warnWindow.isValid() && m_warnWindow.elapsed() > 60000) {
        if (m_suppressed > 0)
            qCWarning(lcTftp) << m_suppressed << "further warnings suppressed in the last minute";
        m_warnWindow.restart();
        m_warnings = 0;
        m_suppressed = 0;
    }
    if (m_warnings < WarningsPerMinute) {
        ++m_warnings;
        return true;
    }
    ++m_suppressed;
    return false;
}

void TftpService::onListenReadable()
{
    char buffer[ListenBufferSize];
    for (int i = 0; i < MaxRequestsPerWakeup; ++i) {
        TftpSocket::Endpoint from;
        quint32 destination = 0;
        bool truncated = false;
        const qsizetype n = m_listen.receive(buffer, sizeof buffer, &from, &destination, &truncated);
        if (n == -1)
            return;
        if (n < 0) {
            fail(QStringLiteral("socket-error"), tr("TFTP socket error (errno %1)").arg(m_listen.lastErrno()));
            return;
        }
        if (truncated) {
            if (warnBudget())
                qCWarning(lcTftp).noquote() << "request from" << from.toString() << "longer than" << ListenBufferSize << "bytes";
            sendErrorFrom(QHostAddress(destination), from, tftp::ErrorCode::IllegalOperation, QStringLiteral("Request too long"));
            continue;
        }
        handleRequest(buffer, n, from, destination);
    }
}

TftpDispatcher *TftpService::dispatcherFor() const
{
    // The first few transfers get their own socket notifier: one syscall less per block than going
    // through the shared epoll set (which pays off once many sockets share a wake-up).
    constexpr int DirectTransfers = 4;
    return m_transfers.size() > DirectTransfers ? m_dispatcher : nullptr;
}

void TftpService::sendErrorFrom(const QHostAddress &local, const TftpSocket::Endpoint &to, tftp::ErrorCode code,
                                const QString &message)
{
    // Errors answer from a fresh transfer ID, as tftpd-hpa and dnsmasq do.
    QString why;
    auto socket = openTransferSocket(local, &why);
    const QByteArray packet = tftp::buildError(code, message);
    if (socket)
        socket->send(to, packet.constData(), size_t(packet.size()));
    else
        m_listen.send(to, packet.constData(), size_t(packet.size()));
}

std::unique_ptr<TftpSocket> TftpService::openTransferSocket(const QHostAddress &local, QString *error)
{
    auto socket = std::make_unique<TftpSocket>();
    if (!socket->bind(local, 0, false, error))
        return nullptr;
    return socket;
}

void TftpService::handleRequest(const char *data, qsizetype size, const TftpSocket::Endpoint &from, quint32 destination)
{
    const quint16 op = tftp::peekOpcode(QByteArrayView(data, size));
    if (op != quint16(tftp::Opcode::Rrq) && op != quint16(tftp::Opcode::Wrq)) {
        // DATA/ACK/ERROR for the well-known port belong to no transfer; answering could reflect.
        qCDebug(lcTftp).noquote() << "ignoring opcode" << op << "from" << from.toString() << "on the request port";
        return;
    }
    Request req;
    req.from = from;
    req.raw = QByteArray(data, size);
    req.local = m_bound == QHostAddress(QHostAddress::AnyIPv4) && destination ? QHostAddress(destination) : m_bound;
    if (TftpTransfer *running = m_byPeer.value(peerKey(from))) {
        if (m_transfers.value(running).request == QByteArrayView(data, size)) {
            qCDebug(lcTftp).noquote() << "duplicate request from" << from.toString() << "(transfer running)";
            return;
        }
        // A client that reuses its port (tftp-hpa) may send the next request right behind the
        // last ACK of the previous transfer: let that transfer read what is queued for it first.
        running->processPending();
        if (m_byPeer.contains(peerKey(from)))
            running->abort(QStringLiteral("Superseded by a new request from the same port"));
    }
    const tftp::ParseResult parsed = tftp::parse(QByteArrayView(data, size));
    if (!parsed.ok) {
        req.file = QStringLiteral("?");
        refuse(req, tftp::ErrorCode::IllegalOperation, QStringLiteral("Malformed request: %1").arg(parsed.error), parsed.error);
        return;
    }
    req.packet = parsed.packet;
    req.file = tftp::sanitise(req.packet.filename, 255);
    qCDebug(lcTftp).noquote() << (op == quint16(tftp::Opcode::Rrq) ? "RRQ" : "WRQ") << req.file << "from" << from.toString()
                              << tftp::modeName(req.packet.mode) << "options" << req.packet.options.size();
    if (req.packet.mode == tftp::Mode::Mail) {
        refuse(req, tftp::ErrorCode::IllegalOperation, QStringLiteral("Mail mode not supported"), QStringLiteral("mail mode"));
        return;
    }
    const tftp::PathCheck check = tftp::sanitizePath(req.packet.filename);
    if (!check.ok) {
        refuse(req, check.code, QStringLiteral("Access violation"), check.error);
        return;
    }
    req.file = check.path;
    if (int(m_transfers.size()) >= m_config.maxSessions) {
        refuse(req, tftp::ErrorCode::NotDefined, QStringLiteral("Server busy"),
               QStringLiteral("global session limit (%1) reached").arg(m_config.maxSessions));
        return;
    }
    if (m_perClient.value(from.ip, 0) >= m_config.maxSessionsPerClient) {
        refuse(req, tftp::ErrorCode::NotDefined, QStringLiteral("Too many transfers from this client"),
               QStringLiteral("per-client session limit (%1) reached").arg(m_config.maxSessionsPerClient));
        return;
    }
    if (op == quint16(tftp::Opcode::Rrq))
        startRead(req);
    else
        startWrite(req);
}

void TftpService::refuse(const Request &request, tftp::ErrorCode code, const QString &message, const QString &reason)
{
    sendErrorFrom(request.local, request.from, code, message);
    const bool notFound = code == tftp::ErrorCode::FileNotFound;
    if (notFound) {
        qCInfo(lcTftp).noquote() << "file" << request.file << "not found for" << request.from.address().toString();
    } else if (warnBudget()) {
        qCWarning(lcTftp).noquote() << "refused" << request.file << "for" << request.from.toString() << "-" << reason;
    }
    // Identify the device for the journal (no discovery side effects for refused requests).
    MacAddress mac;
    if (m_registry)
        if (const DeviceInfo *d = m_registry->findByIp(request.from.address()))
            mac = d->mac;
    QJsonObject data{{QStringLiteral("file"), request.file},
                     {QStringLiteral("error_code"), int(code)},
                     {QStringLiteral("reason"), reason},
                     {QStringLiteral("port"), int(request.from.port)}};
    journal(QString::fromLatin1(journalkind::TftpFailed), notFound ? 0 : 1, mac, request.from.address(),
            notFound ? QStringLiteral("%1: not found").arg(request.file)
                     : QStringLiteral("%1: refused (%2)").arg(request.file, reason),
            BootStage::Unknown, data);
}

void TftpService::startRead(const Request &request)
{
    Request req = request;
    TftpFileTree::Resolution res = m_tree.resolve(req.file, req.from.address(), req.local);
    if (!res.ok) {
        if (res.error == tftp::ErrorCode::FileNotFound) {
            sendErrorFrom(req.local, req.from, res.error, res.errorMessage);
            qCInfo(lcTftp).noquote() << "file" << req.file << "not found for" << req.from.address().toString();
            journal(QString::fromLatin1(journalkind::TftpFailed), 0, res.mac, req.from.address(),
                    QStringLiteral("%1: not found").arg(req.file), BootStage::Unknown,
                    QJsonObject{{QStringLiteral("file"), req.file},
                                {QStringLiteral("error_code"), int(res.error)},
                                {QStringLiteral("reason"), QStringLiteral("not found")},
                                {QStringLiteral("port"), int(req.from.port)}});
        } else {
            sendErrorFrom(req.local, req.from, res.error, res.errorMessage);
            if (warnBudget())
                qCWarning(lcTftp).noquote() << "refused" << req.file << "for" << req.from.toString() << "-" << res.errorMessage;
            journal(QString::fromLatin1(journalkind::TftpFailed), res.isFirmware ? 2 : 1, res.mac, req.from.address(),
                    QStringLiteral("%1: %2").arg(req.file, res.errorMessage), BootStage::Unknown,
                    QJsonObject{{QStringLiteral("file"), req.file},
                                {QStringLiteral("error_code"), int(res.error)},
                                {QStringLiteral("reason"), res.errorMessage},
                                {QStringLiteral("port"), int(req.from.port)}});
        }
        return;
    }

    std::unique_ptr<TftpSource> source;
    QString path;
    if (res.inMemory) {
        source = TftpSource::fromBytes(res.bytes);
        path = QStringLiteral("%1:%2").arg(res.provider, res.name);
    } else {
        QString why;
        const int fd = tftp::openFile(res.file, &why);
        if (fd < 0) {
            Request r = req;
            refuse(r, tftp::ErrorCode::AccessViolation, QStringLiteral("Cannot open file"), why);
            return;
        }
        // fstat again: the size may have changed since the lookup.
        struct stat st;
        const qint64 size = ::fstat(fd, &st) == 0 ? qint64(st.st_size) : res.file.size;
        source = TftpSource::fromFile(fd, size);
        path = res.file.canonicalPath;
    }
    if (req.packet.mode == tftp::Mode::Netascii) {
        QString why;
        source = TftpSource::toNetascii(std::move(source), MaxNetasciiBytes, &why);
        if (!source) {
            refuse(req, tftp::ErrorCode::NotDefined, why, why);
            return;
        }
    }

    QString why;
    std::unique_ptr<TftpSocket> socket = openTransferSocket(req.local, &why);
    if (!socket) {
        refuse(req, tftp::ErrorCode::NotDefined, QStringLiteral("Server cannot open a transfer socket"), why);
        return;
    }
    tftp::Limits limits;
    limits.maxBlockSize = m_config.maxBlockSize;
    limits.maxWindowSize = m_config.maxWindowSize;
    limits.mtuBlockSize = socket->pathMtu(req.from) - 32;
    const tftp::Negotiated negotiated = tftp::negotiate(req.packet.options, limits, source->size(), false);

    TftpTransfer::Settings settings;
    settings.peer = req.from;
    settings.mode = req.packet.mode;
    settings.negotiated = negotiated;
    settings.initialRtoMs = std::max(1, m_config.timeoutSeconds) * 1000;
    settings.maxRtoMs = std::max(MaxRtoMs, settings.initialRtoMs);
    settings.maxRetries = m_config.maxRetries;
    const qint64 size = source->size();
    const quint64 id = m_nextId++;
    auto *transfer = new TftpTransfer(id, std::move(socket), settings, std::move(source), this);
    Active active;
    active.transfer = transfer;
    active.file = req.file;
    active.path = path;
    active.request = req.raw;
    active.resolution = res;
    m_transfers.insert(transfer, active);
    m_byPeer.insert(peerKey(req.from), transfer);
    ++m_perClient[req.from.ip];
    connect(transfer, &TftpTransfer::confirmed, this, &TftpService::onTransferConfirmed);
    connect(transfer, &TftpTransfer::finished, this, &TftpService::onTransferFinished);

    QJsonObject data{{QStringLiteral("file"), req.file},
                     {QStringLiteral("path"), path},
                     {QStringLiteral("provider"), res.provider},
                     {QStringLiteral("size"), double(size)},
                     {QStringLiteral("blksize"), negotiated.blockSize},
                     {QStringLiteral("windowsize"), negotiated.windowSize},
                     {QStringLiteral("mode"), QString::fromLatin1(tftp::modeName(req.packet.mode))},
                     {QStringLiteral("port"), int(req.from.port)},
                     {QStringLiteral("transfer"), double(id)}};
    if (!res.sha256.isEmpty())
        data.insert(QStringLiteral("sha256"), QString::fromLatin1(res.sha256));
    if (!res.serial.isEmpty())
        data.insert(QStringLiteral("serial"), res.serial);
    QStringList opts;
    for (const tftp::Option &o : req.packet.options)
        opts.append(QString::fromLatin1(o.name) + QLatin1Char('=') + tftp::sanitise(o.value, 20));
    data.insert(QStringLiteral("options"), opts.join(QLatin1Char(' ')));
    journal(QString::fromLatin1(journalkind::TftpRequest), 0, res.mac, req.from.address(),
            QStringLiteral("%1 requested (%2, %3)").arg(req.file, humanBytes(size), res.provider), BootStage::Unknown, data);

    // The Pi 4 bootloader does not roll block numbers over: 65535 blocks is its limit.
    const quint64 blocks = quint64(size / negotiated.blockSize) + 1;
    if (res.piClient && isPi4Family(res.model) && blocks > 65535) {
        const QString msg = QStringLiteral("%1 is %2: more than 65535 blocks of %3 bytes; the Raspberry Pi 4 bootloader "
                                           "has no block-number rollover and may fail (use HTTP boot or a smaller file)")
                                .arg(req.file, humanBytes(size))
                                .arg(negotiated.blockSize);
        qCWarning(lcTftp).noquote() << req.from.address().toString() << msg;
        journal(QString::fromLatin1(journalkind::TftpRollover), 1, res.mac, req.from.address(), msg, BootStage::Unknown,
                QJsonObject{{QStringLiteral("file"), req.file},
                            {QStringLiteral("size"), double(size)},
                            {QStringLiteral("blksize"), negotiated.blockSize}});
    }
    Q_EMIT transferStarted(id, req.from.address(), req.file);
    transfer->setDispatcher(dispatcherFor());
    transfer->start();
}

void TftpService::startWrite(const Request &request)
{
    if (!m_config.allowUploads) {
        refuse(request, tftp::ErrorCode::AccessViolation, QStringLiteral("Uploads are disabled"), QStringLiteral("uploads disabled"));
        return;
    }
    const QString root = tftp::canonicalDir(m_tree.root());
    const QString target = root + QLatin1Char('/') + request.file;
    const QFileInfo info(target);
    const QString parent = tftp::canonicalDir(info.path());
    if (root.isEmpty() || parent.isEmpty() || (parent != root && !parent.startsWith(root + QLatin1Char('/')))) {
        refuse(request, tftp::ErrorCode::AccessViolation, QStringLiteral("Access violation"),
               QStringLiteral("target directory missing or outside the root"));
        return;
    }
    struct stat st;
    if (::lstat((parent + QLatin1Char('/') + info.fileName()).toUtf8().constData(), &st) == 0) {
        refuse(request, tftp::ErrorCode::FileExists, QStringLiteral("File already exists"), QStringLiteral("file exists"));
        return;
    }
    auto sink = std::make_unique<QSaveFile>(parent + QLatin1Char('/') + info.fileName());
    sink->setDirectWriteFallback(false);
    if (!sink->open(QIODevice::WriteOnly)) {
        refuse(request, tftp::ErrorCode::AccessViolation, QStringLiteral("Cannot create file"), sink->errorString());
        return;
    }
    QString why;
    std::unique_ptr<TftpSocket> socket = openTransferSocket(request.local, &why);
    if (!socket) {
        refuse(request, tftp::ErrorCode::NotDefined, QStringLiteral("Server cannot open a transfer socket"), why);
        return;
    }
    tftp::Limits limits;
    limits.maxBlockSize = m_config.maxBlockSize;
    limits.maxWindowSize = m_config.maxWindowSize;
    limits.mtuBlockSize = socket->pathMtu(request.from) - 32;
    TftpTransfer::Settings settings;
    settings.peer = request.from;
    settings.mode = request.packet.mode;
    settings.negotiated = tftp::negotiate(request.packet.options, limits, -1, true);
    settings.initialRtoMs = std::max(1, m_config.timeoutSeconds) * 1000;
    settings.maxRtoMs = std::max(MaxRtoMs, settings.initialRtoMs);
    settings.maxRetries = m_config.maxRetries;
    const quint64 id = m_nextId++;
    auto *transfer = new TftpTransfer(id, std::move(socket), settings, std::move(sink), this);
    Active active;
    active.transfer = transfer;
    active.file = request.file;
    active.path = parent + QLatin1Char('/') + info.fileName();
    active.request = request.raw;
    if (m_registry)
        if (const DeviceInfo *d = m_registry->findByIp(request.from.address()))
            active.resolution.mac = d->mac;
    active.resolution.provider = QStringLiteral("upload");
    active.resolution.name = request.file;
    m_transfers.insert(transfer, active);
    m_byPeer.insert(peerKey(request.from), transfer);
    ++m_perClient[request.from.ip];
    connect(transfer, &TftpTransfer::finished, this, &TftpService::onTransferFinished);
    journal(QString::fromLatin1(journalkind::TftpRequest), 0, active.resolution.mac, request.from.address(),
            QStringLiteral("%1 upload requested").arg(request.file), BootStage::Unknown,
            QJsonObject{{QStringLiteral("file"), request.file},
                        {QStringLiteral("direction"), QStringLiteral("write")},
                        {QStringLiteral("blksize"), settings.negotiated.blockSize},
                        {QStringLiteral("windowsize"), settings.negotiated.windowSize},
                        {QStringLiteral("port"), int(request.from.port)},
                        {QStringLiteral("transfer"), double(id)}});
    Q_EMIT transferStarted(id, request.from.address(), request.file);
    transfer->setDispatcher(dispatcherFor());
    transfer->start();
}

BootStage TftpService::effectiveStage(const MacAddress &mac, BootStage stage) const
{
    if (stage != BootStage::Tftp || !m_registry)
        return stage;
    // The GPU firmware keeps fetching Pi files (overlays, dtbs) after RPI_EFI.fd: don't move a
    // device that is already past TFTP back to it. A new boot starts again at DHCP.
    if (const DeviceInfo *d = m_registry->find(mac)) {
        switch (d->stage) {
        case BootStage::Uefi:
        case BootStage::Ipxe:
        case BootStage::OsLoading:
        case BootStage::OsUp:
            return BootStage::Unknown;
        default:
            break;
        }
    }
    return stage;
}

void TftpService::onTransferConfirmed(TftpTransfer *transfer)
{
    const auto it = m_transfers.constFind(transfer);
    if (it == m_transfers.cend() || !m_registry || !it->resolution.mac.isValid())
        return;
    const BootStage stage = effectiveStage(it->resolution.mac, it->resolution.stage);
    if (stage != BootStage::Unknown)
        m_registry->setStage(it->resolution.mac, stage, it->file);
}

void TftpService::onTransferFinished(TftpTransfer *transfer)
{
    const auto it = m_transfers.find(transfer);
    if (it == m_transfers.end())
        return;
    const Active active = *it;
    m_transfers.erase(it);
    m_byPeer.remove(peerKey(transfer->peer()));
    auto count = m_perClient.find(transfer->peer().ip);
    if (count != m_perClient.end() && --*count <= 0)
        m_perClient.erase(count);
    transfer->deleteLater();

    const TftpFileTree::Resolution &res = active.resolution;
    const QHostAddress client = transfer->peer().address();
    const qint64 bytes = transfer->bytesTransferred();
    const qint64 ms = transfer->elapsedMs();
    const bool write = transfer->direction() == TftpTransfer::Direction::Write;
    QJsonObject data{{QStringLiteral("file"), active.file},
                     {QStringLiteral("path"), active.path},
                     {QStringLiteral("provider"), res.provider},
                     {QStringLiteral("bytes"), double(bytes)},
                     {QStringLiteral("size"), double(transfer->size())},
                     {QStringLiteral("duration_ms"), double(ms)},
                     {QStringLiteral("blksize"), transfer->blockSize()},
                     {QStringLiteral("windowsize"), transfer->windowSize()},
                     {QStringLiteral("result"), TftpTransfer::outcomeName(transfer->outcome())},
                     {QStringLiteral("retransmitted_blocks"), double(transfer->retransmittedBlocks())},
                     {QStringLiteral("duplicate_acks"), double(transfer->duplicateAcks())},
                     {QStringLiteral("port"), int(transfer->peer().port)},
                     {QStringLiteral("transfer"), double(transfer->id())}};
    if (write)
        data.insert(QStringLiteral("direction"), QStringLiteral("write"));
    if (!res.sha256.isEmpty())
        data.insert(QStringLiteral("sha256"), QString::fromLatin1(res.sha256));
    if (!transfer->detail().isEmpty())
        data.insert(QStringLiteral("detail"), transfer->detail());
    const double mbps = ms > 0 ? double(bytes) / 1000.0 / double(ms) : 0.0;
    const QString stats = QStringLiteral("%1 in %2 ms, blksize %3, windowsize %4").arg(humanBytes(bytes)).arg(ms).arg(transfer->blockSize()).arg(transfer->windowSize());

    switch (transfer->outcome()) {
    case TftpTransfer::Outcome::Completed: {
        qCInfo(lcTftp).noquote() << (write ? "received" : "sent") << active.path << (write ? "from" : "to") << client.toString()
                                 << QStringLiteral("(%1 bytes, %2 ms, %3 MB/s, blksize %4, windowsize %5%6)")
                                        .arg(bytes).arg(ms).arg(mbps, 0, 'f', 1).arg(transfer->blockSize()).arg(transfer->windowSize())
                                        .arg(transfer->retransmittedBlocks() ? QStringLiteral(", %1 blocks resent").arg(transfer->retransmittedBlocks()) : QString());
        journal(QString::fromLatin1(journalkind::TftpServed), 0, res.mac, client,
                QStringLiteral("%1 %2 (%3)").arg(write ? QStringLiteral("received") : QStringLiteral("served"), active.file, stats),
                write ? BootStage::Unknown : effectiveStage(res.mac, res.stage), data);
        if (!write && res.isFirmware && res.mac.isValid() && m_bootControl)
            m_bootControl->consume(res.mac, QStringLiteral("tftp: RPI_EFI.fd"));
        Q_EMIT transferFinished(transfer->id(), bytes, true);
        return;
    }
    case TftpTransfer::Outcome::Probe:
        qCInfo(lcTftp).noquote() << client.toString() << "ended" << active.file << "early:" << transfer->detail() << "(size/existence probe)";
        journal(QString::fromLatin1(journalkind::TftpProbe), 0, res.mac, client,
                QStringLiteral("%1 probed (size %2)").arg(active.file, humanBytes(transfer->size())), BootStage::Unknown, data);
        Q_EMIT transferFinished(transfer->id(), bytes, true);
        return;
    default:
        break;
    }
    const QString reason = transfer->detail().isEmpty() ? TftpTransfer::outcomeName(transfer->outcome()) : transfer->detail();
    if (warnBudget())
        qCWarning(lcTftp).noquote() << "failed" << (write ? "receiving" : "sending") << active.path << (write ? "from" : "to")
                                    << transfer->peer().toString() << "-" << reason << QStringLiteral("(%1)").arg(stats);
    journal(QString::fromLatin1(journalkind::TftpFailed), transfer->outcome() == TftpTransfer::Outcome::Failed ? 2 : 1, res.mac,
            client, QStringLiteral("%1 failed: %2 (%3)").arg(active.file, reason, stats), BootStage::Unknown, data);
    Q_EMIT transferFinished(transfer->id(), bytes, false);
}

void TftpService::reap()
{
    // Transfers time out by themselves (retries with backoff); this catches any that got stuck.
    const qint64 staleMs = qint64(m_config.maxRetries + 2) * std::max(MaxRtoMs, m_config.timeoutSeconds * 1000);
    const auto transfers = m_transfers.keys();
    for (TftpTransfer *t : transfers)
        if (!t->isFinished() && t->idleMs() > staleMs)
            t->abort(QStringLiteral("Stale session"));
}

void TftpService::journal(const QString &kind, int severity, const MacAddress &mac, const QHostAddress &client,
                          const QString &message, BootStage stage, const QJsonObject &data)
{
    if (!m_journal)
        return;
    JournalEvent e;
    e.mac = mac;
    e.client = client;
    e.source = QStringLiteral("tftp");
    e.kind = kind;
    e.severity = severity == 0 ? JournalEvent::Severity::Info
        : severity == 1        ? JournalEvent::Severity::Warning
                               : JournalEvent::Severity::Error;
    e.message = message;
    e.stage = mac.isValid() ? stage : BootStage::Unknown;
    e.data = data;
    m_journal->append(e);
}
