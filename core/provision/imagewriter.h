#pragma once

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class Sha256;
class XzDecoder;

// The CPU-heavy half of an image download, run on a worker thread so the engine thread (DHCP,
// TFTP, HTTP) never waits for it: .xz decoding, SHA-256 and writing the partial file. Chunks
// arrive through queued calls to feed(); progress and the outcome go back as queued signals.
class ImageWriter : public QObject
{
    Q_OBJECT
public:
    ImageWriter(const QString &partPath, bool compressed, qint64 maxBytes);
    ~ImageWriter() override;

    // Thread-safe: later feed()/finish() calls do nothing.
    void cancel() { m_cancelled = true; }

    // Worker-thread slots (call through QMetaObject::invokeMethod).
    void open();
    void feed(const QByteArray &chunk);
    void finish();

Q_SIGNALS:
    void progressed(qint64 consumed, qint64 written);    // compressed bytes taken, decoded bytes on disk
    void failed(const QString &why);
    void completed(const QByteArray &sha256Hex, qint64 written);

private:
    bool write(const char *data, qsizetype size);
    void fail(const QString &why);

    QFile m_file{this};           // a child, so it moves to the worker thread with us
    bool m_compressed;
    qint64 m_max;
    std::unique_ptr<XzDecoder> m_xz;
    std::unique_ptr<Sha256> m_hash;
    qint64 m_written = 0;
    qint64 m_consumed = 0;
    QString m_error;
    bool m_failed = false;
    std::atomic<bool> m_cancelled{false};
};
