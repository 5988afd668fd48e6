#include "boothttproutes.h"

#include "common/logging.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceinfo.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "http/httpserver.h"
#include "http/httpservice.h"
#include "http/safepath.h"
#include "http/staticfile.h"
#include "ipxescript.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace {

const QString DefaultIpxeDir = QStringLiteral("/usr/lib/ipxe");

QString humanBytes(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(double(bytes) / 1024, 0, 'f', 1);
    if (bytes < 1024LL * 1024 * 1024)
        return QStringLiteral("%1 MiB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
    return QStringLiteral("%1 GiB").arg(double(bytes) / (1024.0 * 1024 * 1024), 0, 'f', 2);
}

// Query values the discovery/chain scripts send back (${platform:uristring} ...): printable,
// short, for the journal only.
QString clientValue(const QString &value)
{
    QString out;
    for (const QChar c : value.left(64))
        out += (c.unicode() >= 0x20 && c.unicode() < 0x7f) ? c : QLatin1Char('?');
    return out.trimmed();
}

// The URL path a configured name or URL is fetched at (for matching requests to it).
QString pathOf(const QString &nameOrUrl)
{
    if (nameOrUrl.isEmpty())
        return {};
    if (nameOrUrl.contains(QLatin1String("://")))
        return QUrl(nameOrUrl).path(QUrl::FullyDecoded);
    QString p = nameOrUrl;
    const auto q = p.indexOf(QLatin1Char('?'));
    if (q >= 0)
        p.truncate(q);
    return QDir::cleanPath(QLatin1Char('/') + p);
}

// A request path as it may appear in logs, messages and the journal: control characters
// percent-encoded (no log or header injection), bounded.
QString printablePath(const QString &path)
{
    QString out;
    for (const QChar c : path.left(512)) {
        const ushort u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            out += QStringLiteral("%%1").arg(u, 2, 16, QLatin1Char('0')).toUpper();
        else
            out += c;
    }
    return out;
}

bool isSafeBinaryName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64 || name.startsWith(QLatin1Char('.')))
        return false;
    for (const QChar c : name) {
        const ushort u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.' || u == '_'
              || u == '-'))
            return false;
    }
    return true;
}

} // namespace

BootHttpRoutes::BootHttpRoutes(HttpService *http, DeviceRegistry *registry, DeviceJournal *journal,
                               BootControl *bootControl, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_registry(registry)
    , m_journal(journal)
    , m_bootControl(bootControl)
    , m_ipxeDir(DefaultIpxeDir)
{
    // Member QObjects are not children by default: parent them so moveToThread() takes them along.
    m_seriesTimer.setParent(this);

    m_seriesTimer.setInterval(RangeSeriesIdleMs / 2);
    connect(&m_seriesTimer, &QTimer::timeout, this, [this] { flushSeries(false); });

    // The server may outlive us (tests): every handler checks that we are still there.
    QPointer<BootHttpRoutes> self(this);
    auto bind = [self](HttpResponse (BootHttpRoutes::*handler)(HttpRequest &)) {
        return [self, handler](HttpRequest &r) {
            return self ? (self.data()->*handler)(r)
                        : HttpResponse::error(503, QStringLiteral("unavailable"), QStringLiteral("HTTP boot is not running"));
        };
    };
    HttpServer *s = http->server();
    s->route(HttpServer::Get, QStringLiteral("/boot.ipxe"), bind(&BootHttpRoutes::chainScript));
    s->route(HttpServer::Get, QStringLiteral("/boot/{file}"), bind(&BootHttpRoutes::deviceScript));
    s->route(HttpServer::Get, QStringLiteral("/v1/boot/{mac}/boot.ipxe"), bind(&BootHttpRoutes::seedScript));
    s->setFallback(bind(&BootHttpRoutes::staticFile));
}

BootHttpRoutes::~BootHttpRoutes()
{
    flushSeries(true);
}

void BootHttpRoutes::applyConfig(const LabConfig &config, const QString &defaultRoot)
{
    m_devices.clear();
    for (const DeviceConfig &d : config.devices)
        m_devices.insert(d.mac, d);
    QString root = config.services.http.root;
    if (root.isEmpty()) {
        root = defaultRoot;
        if (!root.isEmpty())
            QDir().mkpath(root);
    }
    m_root = safepath::canonicalRoot(root);
    if (m_root.isEmpty() && !root.isEmpty())
        qCWarning(lcHttp).noquote() << "HTTP root" << root << "is not a directory; no static files are served";
    m_ipxeDir = config.services.tftp.ipxeDir.isEmpty() ? DefaultIpxeDir : config.services.tftp.ipxeDir;
}

const DeviceConfig *BootHttpRoutes::device(const MacAddress &mac) const
{
    const auto it = m_devices.constFind(mac);
    return it == m_devices.cend() ? nullptr : &*it;
}

MacAddress BootHttpRoutes::macForClient(const QHostAddress &client) const
{
    if (!m_registry)
        return {};
    const DeviceInfo *d = m_registry->findByIp(client);
    return d ? d->mac : MacAddress();
}

QString BootHttpRoutes::baseUrlFor(const HttpRequest &request) const
{
    if (m_http) {
        const HttpConfig &c = m_http->config();
        QString configured = m_http->baseUrl();
        const bool specific = !c.publicUrl.isEmpty()
            || (c.address != QHostAddress(QHostAddress::AnyIPv4) && c.address != QHostAddress(QHostAddress::Any)
                && !c.address.isNull());
        if (specific && ipxe::checkUrl(configured, nullptr))
            return configured;
    }
    // Bound to every address: the one this client reached us on.
    QHostAddress local = request.localAddress();
    bool isV4 = false;
    const quint32 v4 = local.toIPv4Address(&isV4);
    if (isV4)
        local = QHostAddress(v4);
    const QString host = local.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + local.toString() + QLatin1Char(']')
                                                                            : local.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(request.localPort());
}

QString BootHttpRoutes::ipxeBinary(const QString &path, MacAddress *mac) const
{
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.isEmpty() || segments.size() > 2 || m_ipxeDir.isEmpty())
        return {};
    if (segments.size() == 2) {
        const auto m = MacAddress::parse(segments.first());
        if (m)
            *mac = *m;
        else if (segments.first() != QLatin1String("ipxe"))
            return {};
    }
    const QString name = segments.last();
    if (!isSafeBinaryName(name))
        return {};
    // The name is one entry of the iPXE directory (not a client-chosen path), so following the
    // distribution's symlinks (ipxe.efi -> /boot/ipxe.efi) is safe here.
    const QFileInfo info(m_ipxeDir + QLatin1Char('/') + name);
    if (!info.isFile() || !info.isReadable())
        return {};
    return info.canonicalFilePath();
}

BootStage BootHttpRoutes::stageForFile(const MacAddress &mac, const QString &path, bool ipxeBinary) const
{
    if (ipxeBinary)
        return BootStage::Uefi;
    const DeviceConfig *d = device(mac);
    if (!d)
        return BootStage::Unknown;
    const QString cleaned = QDir::cleanPath(path);
    if (cleaned == pathOf(d->osie.kernel) || cleaned == pathOf(d->osie.initrd))
        return BootStage::OsLoading;
    if (m_bootControl) {
        for (const QString &slot : {QStringLiteral("Cd"), QStringLiteral("Usb")}) {
            const VirtualMedia m = m_bootControl->media(mac, slot);
            if (m.inserted && cleaned == pathOf(m.image))
                return BootStage::OsLoading;
        }
    }
    return BootStage::Unknown;
}

BootHttpRoutes::Record BootHttpRoutes::recordFor(const HttpRequest &request) const
{
    Record r;
    r.client = request.peerAddress();
    bool isV4 = false;
    const quint32 v4 = r.client.toIPv4Address(&isV4);
    if (isV4)
        r.client = QHostAddress(v4);
    r.method = QString::fromLatin1(request.method());
    r.path = printablePath(request.path());
    r.mac = macForClient(r.client);
    return r;
}

void BootHttpRoutes::track(HttpResponse *response, Record record)
{
    record.status = response->status();
    QPointer<BootHttpRoutes> self(this);
    QElapsedTimer clock;
    clock.start();
    response->setCompletionHandler([self, record, clock](qint64 bytes, bool ok) mutable {
        if (!self)
            return;
        record.bytes = bytes;
        record.ok = ok;
        record.durationMs = clock.elapsed();
        self->journal(record);
    });
}

HttpResponse BootHttpRoutes::deviceScript(HttpRequest &request)
{
    const QString file = request.param(QStringLiteral("file"));
    if (file.endsWith(QLatin1String(".ipxe"))) {
        if (const auto mac = MacAddress::parse(file.chopped(5)))
            return script(request, *mac);
    }
    return staticFile(request); // a file below <root>/boot/
}

HttpResponse BootHttpRoutes::seedScript(HttpRequest &request)
{
    if (const auto mac = MacAddress::parse(request.param(QStringLiteral("mac"))))
        return script(request, *mac);
    return staticFile(request);
}

HttpResponse BootHttpRoutes::chainScript(HttpRequest &request)
{
    if (!m_root.isEmpty() && QFileInfo(m_root + QStringLiteral("/boot.ipxe")).isFile())
        return staticFile(request); // the lab's own boot.ipxe wins
    HttpResponse r(200, ipxe::renderChainScript(baseUrlFor(request)), "text/plain; charset=utf-8");
    r.setHeader("Cache-Control", "no-store");
    Record rec = recordFor(request);
    rec.stage = BootStage::Ipxe;
    rec.what = QStringLiteral("chain script to the per-device script");
    track(&r, rec);
    return r;
}

HttpResponse BootHttpRoutes::script(HttpRequest &request, const MacAddress &mac)
{
    const DeviceConfig *dev = device(mac);
    if (m_registry) {
        m_registry->observe(mac); // registers (and journals) a device never seen before
        // iPXE fetching its own script: the client address is this device's.
        if (request.header("user-agent").startsWith("iPXE/"))
            m_registry->setIp(mac, recordFor(request).client);
    }
    ipxe::DeviceScriptInput in;
    in.mac = mac;
    in.device = dev;
    in.baseUrl = baseUrlFor(request);
    if (dev && m_extraArguments)
        in.extraArguments = m_extraArguments(mac, *dev);
    if (dev && m_bootControl) {
        in.override = m_bootControl->effective(mac);
        if (in.override.target == BootOverride::Target::Cd || in.override.target == BootOverride::Target::Usb)
            in.media = m_bootControl->media(mac, BootOverride::targetName(in.override.target));
    }
    const ipxe::Script s = ipxe::renderDeviceScript(in);

    bool consumed = false;
    if (s.overrideApplied && m_bootControl && !request.isHead()) {
        // Consume the pending Once override only if it is the one this script used (not one set
        // meanwhile while an earlier step of this boot had already consumed another).
        const BootOverride current = m_bootControl->override(mac);
        if (current.enabled == BootOverride::Enabled::Once && current.target == in.override.target
            && current.httpBootUri == in.override.httpBootUri) {
            m_bootControl->consume(mac, QStringLiteral("http: boot.ipxe"));
            consumed = true;
        }
    }

    HttpResponse r(200, s.text, "text/plain; charset=utf-8");
    r.setHeader("Cache-Control", "no-store");
    Record rec = recordFor(request);
    rec.mac = mac;
    rec.stage = s.kind == ipxe::ScriptKind::Invalid ? BootStage::Error : BootStage::Ipxe;
    rec.what = QStringLiteral("boot script: ") + s.summary;
    rec.extra.insert(QStringLiteral("script"), ipxe::kindName(s.kind));
    if (in.override.isActive()) {
        rec.extra.insert(QStringLiteral("override"), BootOverride::targetName(in.override.target));
        rec.extra.insert(QStringLiteral("override_enabled"), BootOverride::enabledName(in.override.enabled));
        rec.extra.insert(QStringLiteral("override_consumed"), consumed);
    }
    if (!s.error.isEmpty())
        rec.extra.insert(QStringLiteral("error"), s.error);
    QJsonObject identity;
    for (const char *key : {"platform", "buildarch", "manufacturer", "product", "serial"}) {
        const QString v = clientValue(request.queryValue(QString::fromLatin1(key)));
        if (!v.isEmpty())
            identity.insert(QString::fromLatin1(key), v);
    }
    if (!identity.isEmpty())
        rec.extra.insert(QStringLiteral("client"), identity);
    rec.failed = s.kind == ipxe::ScriptKind::Invalid;
    rec.warning = s.kind == ipxe::ScriptKind::Refused || s.kind == ipxe::ScriptKind::NoMedia;
    track(&r, rec);
    qCInfo(lcHttp).noquote() << mac.toString() << "boot script:" << ipxe::kindName(s.kind) << "-" << s.summary;
    return r;
}

HttpResponse BootHttpRoutes::staticFile(HttpRequest &request)
{
    Record rec = recordFor(request);
    safepath::Resolution res = safepath::resolve(m_root, request.path());
    bool isIpxe = false;
    if (!res.ok() && res.status == 404) {
        MacAddress pathMac;
        const QString binary = ipxeBinary(request.path(), &pathMac);
        if (!binary.isEmpty()) {
            res = safepath::Resolution{binary, 0, {}};
            isIpxe = true;
            if (pathMac.isValid())
                rec.mac = pathMac;
        }
    }
    const BootStage stage = stageForFile(rec.mac, request.path(), isIpxe);
    if (!res.ok()) {
        static const QHash<int, QString> codes = {{400, QStringLiteral("bad-path")},
                                                  {403, QStringLiteral("forbidden")},
                                                  {404, QStringLiteral("not-found")},
                                                  {414, QStringLiteral("path-too-long")}};
        HttpResponse r = HttpResponse::error(res.status, codes.value(res.status, QStringLiteral("refused")),
                                             QStringLiteral("%1: %2").arg(rec.path.left(200), res.reason));
        rec.what = res.reason;
        // A missing kernel/initrd/binary the device was told to fetch fails its boot.
        if (stage != BootStage::Unknown)
            rec.stage = BootStage::Error;
        if (res.status != 404)
            qCWarning(lcHttp).noquote() << "refused" << request.method() << rec.path.left(200) << "from"
                                        << rec.client.toString() << "-" << res.reason;
        track(&r, rec);
        return r;
    }
    if (!request.isHead() && request.method() != "GET") {
        HttpResponse r = HttpResponse::error(405, QStringLiteral("method-not-allowed"),
                                             QStringLiteral("%1 is not allowed on files").arg(QString::fromLatin1(request.method())));
        r.setHeader("Allow", "GET, HEAD");
        rec.what = QStringLiteral("method not allowed");
        track(&r, rec);
        return r;
    }
    HttpResponse r = staticfile::respond(request, res.filePath);
    rec.stage = stage;
    rec.what = isIpxe ? QStringLiteral("iPXE binary") : stage == BootStage::OsLoading ? QStringLiteral("boot file") : QString();
    track(&r, rec);
    return r;
}

void BootHttpRoutes::journal(const Record &record)
{
    const bool success = record.ok && record.status < 400 && !record.failed;
    if (success && record.status == 206) {
        // Block-by-block readers (iPXE sanboot) send thousands of these: the first is journaled
        // at once, the rest are counted into one summary when the run ends.
        const QString key = record.client.toString() + QLatin1Char('|') + record.path;
        auto it = m_series.find(key);
        if (it == m_series.end()) {
            Series s;
            s.first = record;
            s.idle.start();
            m_series.insert(key, s);
            if (!m_seriesTimer.isActive())
                m_seriesTimer.start();
            append(record, QString());
            return;
        }
        ++it->count;
        it->bytes += record.bytes;
        it->idle.restart();
        return;
    }
    append(record, QString());
}

void BootHttpRoutes::flushSeries(bool all)
{
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (!all && it->idle.elapsed() < RangeSeriesIdleMs) {
            ++it;
            continue;
        }
        if (it->count > 0) {
            Record r = it->first;
            r.bytes = it->bytes;
            r.stage = BootStage::Unknown;
            r.extra.insert(QStringLiteral("ranges"), it->count);
            append(r, QStringLiteral("%1 %2: %3 more byte ranges, %4")
                          .arg(r.method, r.path)
                          .arg(it->count)
                          .arg(humanBytes(it->bytes)));
        }
        it = m_series.erase(it);
    }
    if (m_series.isEmpty())
        m_seriesTimer.stop();
}

void BootHttpRoutes::append(const Record &record, const QString &message)
{
    if (!m_journal)
        return;
    const bool success = record.ok && record.status < 400 && !record.failed;
    JournalEvent e;
    e.mac = record.mac;
    e.client = record.client;
    e.source = QStringLiteral("http");
    e.kind = QString::fromLatin1(success ? journalkind::HttpRequest : journalkind::HttpFailed);
    e.severity = success ? (record.warning ? JournalEvent::Severity::Warning : JournalEvent::Severity::Info)
                         : (record.status >= 500 || record.failed ? JournalEvent::Severity::Error
                                                                  : JournalEvent::Severity::Warning);
    e.stage = record.stage;
    if (!message.isEmpty()) {
        e.message = message;
    } else {
        e.message = QStringLiteral("%1 %2 %3").arg(record.method, record.path).arg(record.status);
        if (!record.ok)
            e.message += QStringLiteral(" aborted after %1").arg(humanBytes(record.bytes));
        else if (record.bytes > 0)
            e.message += QStringLiteral(", %1 in %2 ms").arg(humanBytes(record.bytes)).arg(record.durationMs);
        if (!record.what.isEmpty())
            e.message += QStringLiteral(" (%1)").arg(record.what);
    }
    e.data = record.extra;
    e.data.insert(QStringLiteral("method"), record.method);
    e.data.insert(QStringLiteral("file"), record.path);
    e.data.insert(QStringLiteral("status"), record.status);
    e.data.insert(QStringLiteral("bytes"), double(record.bytes));
    e.data.insert(QStringLiteral("duration_ms"), double(record.durationMs));
    e.data.insert(QStringLiteral("complete"), record.ok);
    m_journal->append(e);
}
