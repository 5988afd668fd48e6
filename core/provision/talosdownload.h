#pragma once

#include "config/labconfig.h"
#include "talosfactory.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class ImageWriter;
class QNetworkAccessManager;
class QNetworkReply;
class QThread;
class TalosCache;

// One image fetched from the factory: the schematic (POST /schematics, unless known), then
// GET …/openstack-<arch>.raw.xz (…/.raw if the factory has no .xz). The body is handed to an
// ImageWriter on the worker thread (decode, hash, write the partial file that clients read as it
// grows, see ChunkedTail), with bounded bytes in flight so a fast network cannot fill memory.
// It is committed to the cache only when verified: HTTP 200, the whole body (Content-Length), a
// complete .xz stream whose integrity checks pass. Anything else deletes the partial file.
class TalosDownload : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxImageBytes = 64ll << 30;
    static constexpr qint64 MaxInFlight = 8 << 20;      // compressed bytes queued to the worker

    TalosDownload(QNetworkAccessManager *nam, TalosCache *cache, QThread *worker, const TalosConfig &config,
                  const talos::ImageRequest &request, QObject *parent = nullptr);
    ~TalosDownload() override;

    void start();
    void abort(const QString &why);

    [[nodiscard]] const talos::ImageRequest &request() const { return m_request; }
    [[nodiscard]] QString schematic() const { return m_schematic; }
    [[nodiscard]] QString cacheKey() const;
    [[nodiscard]] bool hasStarted() const { return m_bodyStarted; }     // upstream said 200, bytes flow
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] bool succeeded() const { return m_finished && m_ok; }
    [[nodiscard]] bool fromCache() const { return m_fromCache; }        // another request had it cached meanwhile
    [[nodiscard]] bool cached() const { return m_cached; }              // committed to the cache
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] int upstreamStatus() const { return m_status; }
    [[nodiscard]] QString partPath() const { return m_partPath; }
    [[nodiscard]] QString finalPath() const { return m_finalPath; }
    [[nodiscard]] qint64 written() const { return m_written; }
    [[nodiscard]] QByteArray sha256Hex() const { return m_sha256; }
    [[nodiscard]] QString sourceUrl() const { return m_url; }
    [[nodiscard]] qint64 elapsedMs() const { return m_clock.elapsed(); }
    [[nodiscard]] QStringList evicted() const { return m_evicted; }   // cache entries it displaced

Q_SIGNALS:
    void bodyStarted();
    void dataAvailable(qint64 written);
    void finished(bool ok);

private:
    void createSchematic();
    void fetchImage(bool compressed);
    void onImageReadyRead();
    void onImageFinished();
    void pump(bool all);
    void onWriterProgress(qint64 consumed, qint64 written);
    void onWriterCompleted(const QByteArray &sha256Hex, qint64 written);
    void stopWriter();
    void fail(const QString &why);

    QNetworkAccessManager *m_nam;
    TalosCache *m_cache;
    QPointer<QThread> m_worker;
    TalosConfig m_config;
    talos::ImageRequest m_request;
    QString m_schematic;
    QPointer<QNetworkReply> m_reply;
    ImageWriter *m_writer = nullptr;
    bool m_compressed = true;
    QString m_partPath;
    QString m_finalPath;
    QByteArray m_sha256;
    qint64 m_written = 0;
    qint64 m_received = 0;
    qint64 m_inFlight = 0;
    qint64 m_expected = -1;
    int m_status = 0;
    QString m_url;
    QString m_error;
    bool m_bodyStarted = false;
    bool m_networkDone = false;
    bool m_finished = false;
    bool m_ok = false;
    bool m_fromCache = false;
    bool m_cached = false;
    QStringList m_evicted;
    QElapsedTimer m_clock;
};
