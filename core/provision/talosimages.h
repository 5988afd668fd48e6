#pragma once

#include "config/labconfig.h"
#include "devices/journalevent.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"
#include "talosfactory.h"
#include "taloscache.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>

class DeviceJournal;
class DeviceRegistry;
class HttpService;
class QNetworkAccessManager;
class QThread;
class TalosDownload;

// GET|HEAD /images/talos/{version}/{arch}/openstack.raw[.sha256]?extensions=…&overlay=…
// (metal-boot's Talos cache, done properly): the schematic is created at the configured image
// factory (provisioning.talos.factory_url), the image downloaded, decompressed and verified,
// and streamed to every waiting client while it is written to the cache; later requests are
// served from disk (least-recently-used eviction above cache_size_mb). A corrupt or interrupted
// download is never cached and its clients see a broken transfer, not a short image.
// ".sha256" answers "<hex>  openstack.raw" (sha256sum format, for Ironic's image_checksum).
class TalosImages : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxConcurrentDownloads = 4;

    struct Stats
    {
        quint64 hits = 0;
        quint64 misses = 0;
        quint64 downloads = 0;
        quint64 failures = 0;
        quint64 evictions = 0;
    };

    TalosImages(HttpService *http, DeviceRegistry *registry, DeviceJournal *journal, QObject *parent = nullptr);
    ~TalosImages() override;

    void setConfig(const TalosConfig &config);
    [[nodiscard]] const TalosConfig &config() const { return m_config; }
    [[nodiscard]] TalosCache &cache() { return m_cache; }
    [[nodiscard]] Stats stats() const { return m_stats; }
    [[nodiscard]] int activeDownloads() const { return int(m_downloads.size()); }

Q_SIGNALS:
    void downloadFinished(const QString &cacheKey, bool ok, const QString &error);

private:
    struct Waiter
    {
        PendingResponse pending;
        bool checksum = false;
        QHostAddress peer;
    };

    HttpResponse handle(const HttpRequest &request);
    TalosDownload *downloadFor(const talos::ImageRequest &request, const QHostAddress &peer, QString *error);
    void onBodyStarted(TalosDownload *download);
    void onFinished(TalosDownload *download, bool ok);
    HttpResponse cachedResponse(const TalosCache::Entry &entry, bool checksum) const;
    static HttpResponse streamResponse(TalosDownload *download);
    void journal(const QHostAddress &peer, JournalEvent::Severity severity, const QString &message, const QJsonObject &data);

    QPointer<HttpService> m_http;
    QPointer<DeviceRegistry> m_registry;
    QPointer<DeviceJournal> m_journal;
    QNetworkAccessManager *m_nam;
    QThread *m_worker;                                   // decoding, hashing, writing
    TalosConfig m_config;
    TalosCache m_cache;
    QHash<QString, TalosDownload *> m_downloads;          // by canonical schematic|version|arch
    QHash<TalosDownload *, QList<Waiter>> m_waiters;
    QHash<TalosDownload *, QHostAddress> m_requesters;
    Stats m_stats;
};
