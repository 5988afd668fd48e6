#include "imagewriter.h"

#include "sha256.h"
#include "xzdecoder.h"

ImageWriter::ImageWriter(const QString &partPath, bool compressed, qint64 maxBytes)
    : m_file(partPath, this)
    , m_compressed(compressed)
    , m_max(maxBytes)
    , m_hash(std::make_unique<Sha256>())
{
    if (compressed)
        m_xz = std::make_unique<XzDecoder>();
}

ImageWriter::~ImageWriter() = default;

void ImageWriter::open()
{
    // Append: the file exists already (created on the engine thread so readers can open it).
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append))
        fail(QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
}

bool ImageWriter::write(const char *data, qsizetype size)
{
    if (m_written + size > m_max) {
        m_error = QStringLiteral("the image exceeds %1 bytes").arg(m_max);
        return false;
    }
    if (m_file.write(data, size) != size) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_hash->add(data, size);
    m_written += size;
    return true;
}

void ImageWriter::fail(const QString &why)
{
    if (m_failed)
        return;
    m_failed = true;
    m_file.close();
    Q_EMIT failed(why);
}

void ImageWriter::feed(const QByteArray &chunk)
{
    if (m_failed || m_cancelled)
        return;
    m_consumed += chunk.size();
    if (!m_compressed) {
        if (!write(chunk.constData(), chunk.size())) {
            fail(m_error);
            return;
        }
    } else {
        QString why;
        const auto sink = [this](const char *d, qsizetype n) { return write(d, n); };
        if (!m_xz->feed(chunk, sink, &why)) {
            fail(m_error.isEmpty() ? QStringLiteral("%1 after %2 compressed bytes").arg(why).arg(m_consumed) : m_error);
            return;
        }
    }
    // Readers open the file themselves: what is flushed is visible to them.
    m_file.flush();
    Q_EMIT progressed(chunk.size(), m_written);
}

void ImageWriter::finish()
{
    if (m_failed || m_cancelled)
        return;
    if (m_compressed) {
        QString why;
        const auto sink = [this](const char *d, qsizetype n) { return write(d, n); };
        if (!m_xz->finish(sink, &why)) {
            fail(QStringLiteral("%1 (%2 compressed bytes received)").arg(why).arg(m_consumed));
            return;
        }
    }
    if (m_written == 0) {
        fail(QStringLiteral("the factory sent an empty image"));
        return;
    }
    if (!m_file.flush()) {
        fail(QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
        return;
    }
    m_file.close();
    Q_EMIT progressed(0, m_written);
    Q_EMIT completed(m_hash->finish().toHex(), m_written);
}
