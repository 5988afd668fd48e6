#include "talosdownload.h"

#include "common/logging.h"
#include "imagewriter.h"
#include "taloscache.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>

TalosDownload::TalosDownload(QNetworkAccessManager *nam, TalosCache *cache, QThread *worker, const TalosConfig &config,
                             const talos::ImageRequest &request, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_cache(cache)
    , m_worker(worker)
    , m_config(config)
    , m_request(request)
{
    m_request.checksum = false;
}

TalosDownload::~TalosDownload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    stopWriter();
    if (!m_cached && !m_partPath.isEmpty())
        QFile::remove(m_partPath);
}

QString TalosDownload::cacheKey() const
{
    return m_schematic.isEmpty() ? QString() : TalosCache::keyFor(m_schematic, m_request.version, m_request.arch);
}

void TalosDownload::start()
{
    m_clock.start();
    m_partPath = m_cache->newPartPath();
    // Created here, empty, so that readers can open it before the first byte is written.
    QFile part(m_partPath);
    if (!part.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        const QString why = QStringLiteral("cannot create %1: %2").arg(m_partPath, part.errorString());
        QMetaObject::invokeMethod(this, [this, why] { fail(why); }, Qt::QueuedConnection);
        return;
    }
    m_schematic = m_cache->schematicFor(m_request.canonicalSchematic());
    if (m_schematic.isEmpty())
        createSchematic();
    else
        fetchImage(true);
}

void TalosDownload::abort(const QString &why)
{
    if (!m_finished)
        fail(why);
}

void TalosDownload::createSchematic()
{
    QNetworkRequest req(QUrl(m_config.factoryUrl + QStringLiteral("/schematics")));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/yaml"));
    req.setTransferTimeout(m_config.timeoutSeconds * 1000);
    m_url = req.url().toString();
    QNetworkReply *reply = m_nam->post(req, talos::schematicYaml(m_request));
    reply->setReadBufferSize(64 * 1024);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_reply = nullptr;
        if (m_finished)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->read(64 * 1024 + 1);
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            fail(QStringLiteral("image factory unreachable (%1): %2").arg(m_url, reply->errorString()));
            return;
        }
        if (status != 200 && status != 201) {
            fail(QStringLiteral("the image factory refused the schematic (HTTP %1): %2")
                     .arg(status)
                     .arg(QString::fromUtf8(body.left(300)).simplified()));
            return;
        }
        const auto id = talos::parseSchematicResponse(body);
        if (!id) {
            fail(id.error());
            return;
        }
        m_schematic = *id;
        m_cache->rememberSchematic(m_request.canonicalSchematic(), m_schematic);
        // Another spelling of the same schematic may already be cached.
        if (const auto entry = m_cache->use(cacheKey())) {
            m_fromCache = true;
            m_finalPath = entry->path;
            m_written = entry->size;
            m_sha256 = entry->sha256;
            m_finished = true;
            m_ok = true;
            QFile::remove(m_partPath);
            m_partPath.clear();
            m_bodyStarted = true;
            Q_EMIT bodyStarted();
            Q_EMIT finished(true);
            return;
        }
        fetchImage(true);
    });
}

void TalosDownload::fetchImage(bool compressed)
{
    m_compressed = compressed;
    stopWriter();
    m_writer = new ImageWriter(m_partPath, compressed, MaxImageBytes);
    if (m_worker)
        m_writer->moveToThread(m_worker);
    connect(m_writer, &ImageWriter::progressed, this, &TalosDownload::onWriterProgress);
    connect(m_writer, &ImageWriter::failed, this, &TalosDownload::fail);
    connect(m_writer, &ImageWriter::completed, this, &TalosDownload::onWriterCompleted);
    QMetaObject::invokeMethod(m_writer, &ImageWriter::open, Qt::QueuedConnection);

    QNetworkRequest req(QUrl(m_config.factoryUrl + talos::imagePath(m_schematic, m_request, compressed)));
    req.setTransferTimeout(m_config.timeoutSeconds * 1000);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    m_url = req.url().toString();
    qCInfo(lcProvision).noquote() << "talos: downloading" << m_url;
    QNetworkReply *reply = m_nam->get(req);
    // Bounded memory: the socket is not drained faster than the worker decodes and writes.
    reply->setReadBufferSize(1 << 20);
    m_reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, &TalosDownload::onImageReadyRead);
    connect(reply, &QNetworkReply::finished, this, &TalosDownload::onImageFinished);
}

void TalosDownload::onImageReadyRead()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    if (!m_bodyStarted) {
        m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_status != 200)
            return;   // error bodies are judged in onImageFinished
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        m_expected = length.isValid() ? length.toLongLong() : -1;
        m_bodyStarted = true;
        Q_EMIT bodyStarted();
        if (m_finished)
            return;
    }
    pump(false);
}

// Hands network bytes to the writer, keeping at most MaxInFlight queued (unless `all`).
void TalosDownload::pump(bool all)
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished || !m_writer)
        return;
    while (reply->bytesAvailable() > 0 && (all || m_inFlight < MaxInFlight)) {
        const QByteArray chunk = reply->read(256 * 1024);
        if (chunk.isEmpty())
            break;
        m_received += chunk.size();
        if (m_expected >= 0 && m_received > m_expected) {
            fail(QStringLiteral("the factory sent more than its Content-Length (%1 bytes)").arg(m_expected));
            return;
        }
        m_inFlight += chunk.size();
        QMetaObject::invokeMethod(m_writer, [w = m_writer, chunk] { w->feed(chunk); }, Qt::QueuedConnection);
    }
}

void TalosDownload::onWriterProgress(qint64 consumed, qint64 written)
{
    if (m_finished)
        return;
    m_inFlight -= consumed;
    if (written != m_written) {
        m_written = written;
        Q_EMIT dataAvailable(m_written);
    }
    if (!m_networkDone)
        pump(false);   // room again: resume reading the socket
}

void TalosDownload::onImageFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_status == 404 && m_compressed && !m_bodyStarted) {
        // The factory has no .xz for this image: ask for the raw one.
        m_reply = nullptr;
        reply->deleteLater();
        fetchImage(false);
        return;
    }
    if (m_status == 200) {
        if (!m_bodyStarted)
            onImageReadyRead();   // a tiny body that came with finished()
        pump(true);               // everything still buffered
    }
    m_reply = nullptr;
    reply->deleteLater();
    m_networkDone = true;
    if (m_finished)
        return;
    if (reply->error() != QNetworkReply::NoError) {
        fail(QStringLiteral("download of %1 interrupted after %2 bytes: %3").arg(m_url).arg(m_received).arg(reply->errorString()));
        return;
    }
    if (m_status != 200) {
        fail(QStringLiteral("the image factory answered HTTP %1 for %2").arg(m_status).arg(m_url));
        return;
    }
    if (m_expected >= 0 && m_received != m_expected) {
        fail(QStringLiteral("incomplete download: %1 of %2 bytes").arg(m_received).arg(m_expected));
        return;
    }
    if (!m_compressed && m_expected < 0) {
        // An uncompressed body without a length cannot be told apart from a cut one.
        fail(QStringLiteral("the factory sent an uncompressed image without Content-Length: cannot verify it"));
        return;
    }
    // The writer finishes after every chunk queued before this call (same queue).
    QMetaObject::invokeMethod(m_writer, &ImageWriter::finish, Qt::QueuedConnection);
}

void TalosDownload::onWriterCompleted(const QByteArray &sha256Hex, qint64 written)
{
    if (m_finished)
        return;
    m_written = written;
    m_sha256 = sha256Hex;
    m_finished = true;
    m_ok = true;
    stopWriter();
    QString why;
    // Readers keep their open file; the cache gets it by rename.
    if (m_cache->commit(cacheKey(), m_partPath, m_written, m_sha256, &why, &m_evicted)) {
        m_cached = true;
        m_finalPath = m_cache->peek(cacheKey())->path;
        qCInfo(lcProvision).noquote() << "talos: cached" << cacheKey() << m_written << "bytes, sha256" << m_sha256 << "in"
                                      << m_clock.elapsed() << "ms";
    } else {
        qCWarning(lcProvision).noquote() << "talos: served but not cached:" << why;
        m_error = why;
    }
    Q_EMIT dataAvailable(m_written);
    Q_EMIT finished(true);
}

void TalosDownload::stopWriter()
{
    if (!m_writer)
        return;
    m_writer->cancel();
    m_writer->disconnect(this);
    m_writer->deleteLater();     // on its own thread, after the calls already queued
    m_writer = nullptr;
}

void TalosDownload::fail(const QString &why)
{
    if (m_finished)
        return;
    m_finished = true;
    m_ok = false;
    m_error = why;
    if (m_reply) {
        QNetworkReply *r = m_reply;
        m_reply = nullptr;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
    stopWriter();
    // Readers that still have it open keep reading; the name is gone, so it is never cached.
    if (!m_partPath.isEmpty())
        QFile::remove(m_partPath);
    qCWarning(lcProvision).noquote() << "talos: download failed:" << why;
    Q_EMIT finished(false);
}
