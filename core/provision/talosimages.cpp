#include "talosimages.h"

#include "chunkedtail.h"
#include "common/logging.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "http/httpserver.h"
#include "http/httpservice.h"
#include "talosdownload.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QTcpSocket>
#include <QThread>

TalosImages::TalosImages(HttpService *http, DeviceRegistry *registry, DeviceJournal *journal, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_registry(registry)
    , m_journal(journal)
    , m_nam(new QNetworkAccessManager(this))
    , m_worker(new QThread(this))
{
    m_nam->setAutoDeleteReplies(false);
    m_worker->setObjectName(QStringLiteral("talos-writer"));
    m_worker->start();
    http->server()->route(HttpServer::Get, QStringLiteral("/images/talos/{version}/{arch}/{file}"),
                          [this](HttpRequest &r) { return handle(r); });
}

TalosImages::~TalosImages()
{
    // Pending clients get a clear answer rather than a hang.
    for (auto it = m_waiters.begin(); it != m_waiters.end(); ++it)
        for (const Waiter &w : std::as_const(*it))
            w.pending.send(HttpResponse::error(503, QStringLiteral("shutting-down"), QStringLiteral("the lab is stopping")));
    m_waiters.clear();
    qDeleteAll(m_downloads);
    m_worker->quit();
    m_worker->wait();
}

void TalosImages::setConfig(const TalosConfig &config)
{
    const bool reopen = config.cacheDir != m_cache.directory();
    m_config = config;
    const qint64 limit = config.cacheSizeMiB * 1024 * 1024;
    if (reopen && m_downloads.isEmpty())
        m_cache.open(config.cacheDir, limit);
    else
        m_cache.setLimit(limit);
}

void TalosImages::journal(const QHostAddress &peer, JournalEvent::Severity severity, const QString &message,
                          const QJsonObject &data)
{
    if (!m_journal)
        return;
    JournalEvent e;
    if (m_registry)
        if (const DeviceInfo *d = m_registry->findByIp(peer))
            e.mac = d->mac;
    e.client = peer;
    e.source = QStringLiteral("provision");
    e.kind = QString::fromLatin1(journalkind::ImageDownload);
    e.severity = severity;
    e.message = message;
    e.data = data;
    m_journal->append(e);
}

HttpResponse TalosImages::cachedResponse(const TalosCache::Entry &entry, bool checksum) const
{
    if (checksum) {
        HttpResponse r = HttpResponse::text(QString::fromLatin1(entry.sha256) + QStringLiteral("  openstack.raw\n"));
        r.setHeader("Cache-Control", "no-cache");
        return r;
    }
    HttpResponse r = HttpResponse::file(entry.path, 0, entry.size, "application/octet-stream");
    r.setHeader("ETag", '"' + entry.sha256 + '"');
    r.setHeader("X-Checksum-Sha256", entry.sha256);
    r.setHeader("X-Metalboot-Cache", "hit");
    return r;
}

HttpResponse TalosImages::streamResponse(TalosDownload *download)
{
    QPointer<TalosDownload> d(download);
    HttpResponse r = HttpResponse::stream("application/octet-stream", [d](QTcpSocket *socket) {
        if (!d) {
            socket->abort();
            return;
        }
        auto *tail = new ChunkedTail(socket, d);
        tail->start();
    });
    r.setHeader("Transfer-Encoding", "chunked");
    r.setHeader("Cache-Control", "no-store");
    r.setHeader("X-Metalboot-Cache", "miss");
    return r;
}

HttpResponse TalosImages::handle(const HttpRequest &request)
{
    const auto parsed = talos::parseRequest(request.param(QStringLiteral("version")), request.param(QStringLiteral("arch")),
                                            request.param(QStringLiteral("file")), request.query());
    if (!parsed)
        return HttpResponse::error(400, QStringLiteral("invalid-image-request"), parsed.error());
    const talos::ImageRequest &req = *parsed;

    // Cached: no need for the factory at all.
    const QString schematic = m_cache.schematicFor(req.canonicalSchematic());
    if (!schematic.isEmpty()) {
        if (const auto entry = m_cache.use(TalosCache::keyFor(schematic, req.version, req.arch))) {
            ++m_stats.hits;
            return cachedResponse(*entry, req.checksum);
        }
    }
    if (m_config.factoryUrl.isEmpty())
        return HttpResponse::error(503, QStringLiteral("talos-disabled"),
                                   QStringLiteral("no image factory configured (provisioning.talos.factory_url, e.g. "
                                                  "https://factory.talos.dev) and the image is not cached"));
    ++m_stats.misses;
    QString why;
    TalosDownload *d = downloadFor(req, request.peerAddress(), &why);
    if (!d)
        return HttpResponse::error(503, QStringLiteral("busy"), why);
    if (d->hasStarted() && !req.checksum) {
        if (d->fromCache()) {
            if (const auto entry = m_cache.use(d->cacheKey()))
                return cachedResponse(*entry, false);
        }
        return streamResponse(d);
    }
    m_waiters[d].append({request.defer(), req.checksum, request.peerAddress()});
    return HttpResponse::deferred();
}

TalosDownload *TalosImages::downloadFor(const talos::ImageRequest &request, const QHostAddress &peer, QString *error)
{
    const QString key = request.canonicalSchematic() + QLatin1Char('|') + request.version + QLatin1Char('|') + request.arch;
    if (TalosDownload *existing = m_downloads.value(key))
        return existing;
    if (m_downloads.size() >= MaxConcurrentDownloads) {
        *error = QStringLiteral("%1 image downloads are already running; try again later").arg(MaxConcurrentDownloads);
        return nullptr;
    }
    auto *d = new TalosDownload(m_nam, &m_cache, m_worker, m_config, request, this);
    m_downloads.insert(key, d);
    m_requesters.insert(d, peer);
    ++m_stats.downloads;
    connect(d, &TalosDownload::bodyStarted, this, [this, d] { onBodyStarted(d); });
    connect(d, &TalosDownload::finished, this, [this, d, key](bool ok) {
        m_downloads.remove(key);
        onFinished(d, ok);
    });
    journal(peer, JournalEvent::Severity::Info,
            QStringLiteral("downloading Talos %1 %2 from %3").arg(request.version, request.arch, m_config.factoryUrl),
            QJsonObject{{QStringLiteral("event"), QStringLiteral("started")},
                        {QStringLiteral("version"), request.version},
                        {QStringLiteral("arch"), request.arch},
                        {QStringLiteral("schematic"), request.canonicalSchematic()}});
    d->start();
    return d;
}

void TalosImages::onBodyStarted(TalosDownload *d)
{
    QList<Waiter> &list = m_waiters[d];
    QList<Waiter> keep;
    for (const Waiter &w : std::as_const(list)) {
        if (w.checksum) {
            keep.append(w);      // answered when the image is complete and hashed
            continue;
        }
        if (d->fromCache()) {
            if (const auto entry = m_cache.use(d->cacheKey())) {
                w.pending.send(cachedResponse(*entry, false));
                continue;
            }
        }
        w.pending.send(streamResponse(d));
    }
    list = keep;
}

void TalosImages::onFinished(TalosDownload *d, bool ok)
{
    const QList<Waiter> waiters = m_waiters.take(d);
    const QHostAddress peer = m_requesters.take(d);
    const QJsonObject data{{QStringLiteral("event"), ok ? (d->cached() || d->fromCache() ? QStringLiteral("cached") : QStringLiteral("served"))
                                                        : QStringLiteral("failed")},
                           {QStringLiteral("key"), d->cacheKey()},
                           {QStringLiteral("url"), d->sourceUrl()},
                           {QStringLiteral("bytes"), d->written()},
                           {QStringLiteral("sha256"), QString::fromLatin1(d->sha256Hex())},
                           {QStringLiteral("duration_ms"), d->elapsedMs()},
                           {QStringLiteral("error"), d->error()}};
    for (const QString &key : d->evicted()) {
        ++m_stats.evictions;
        journal(peer, JournalEvent::Severity::Info, QStringLiteral("Talos image %1 evicted from the cache (least recently used)").arg(key),
                QJsonObject{{QStringLiteral("event"), QStringLiteral("evicted")}, {QStringLiteral("key"), key}});
    }
    if (ok) {
        journal(peer, JournalEvent::Severity::Info,
                d->cached() || d->fromCache()
                    ? QStringLiteral("Talos image %1 cached (%2 bytes, sha256 %3)").arg(d->cacheKey()).arg(d->written()).arg(QString::fromLatin1(d->sha256Hex().left(16)))
                    : QStringLiteral("Talos image %1 served but not cached: %2").arg(d->cacheKey(), d->error()),
                data);
    } else {
        ++m_stats.failures;
        journal(peer, JournalEvent::Severity::Error, QStringLiteral("Talos image download failed: %1").arg(d->error()), data);
    }
    for (const Waiter &w : waiters) {
        if (!ok) {
            w.pending.send(HttpResponse::error(d->upstreamStatus() == 404 ? 404 : 502, QStringLiteral("image-unavailable"), d->error()));
            continue;
        }
        if (w.checksum) {
            HttpResponse r = HttpResponse::text(QString::fromLatin1(d->sha256Hex()) + QStringLiteral("  openstack.raw\n"));
            r.setHeader("Cache-Control", "no-cache");
            w.pending.send(r);
            continue;
        }
        // Finished before this client was answered (tiny image): serve what is on disk.
        if (const auto entry = m_cache.use(d->cacheKey()))
            w.pending.send(cachedResponse(*entry, false));
        else
            w.pending.send(HttpResponse::error(502, QStringLiteral("image-unavailable"), d->error()));
    }
    Q_EMIT downloadFinished(d->cacheKey(), ok, d->error());
    d->deleteLater();
}
