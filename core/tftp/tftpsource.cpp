#include "tftpsource.h"

#include "netascii.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace {

// Reads ahead in chunks, so a lock-step transfer of small blocks costs one pread per chunk, not
// one per block; a window resumed after a loss usually still finds its bytes in the chunk.
class FileSource : public TftpSource
{
public:
    static constexpr qint64 ReadAhead = 256 * 1024;

    FileSource(int fd, qint64 size) : m_fd(fd), m_size(size) {}
    ~FileSource() override { ::close(m_fd); }
    qint64 size() const override { return m_size; }
    const char *fetch(qint64 offset, qint64 length, QByteArray *, QString *error) override
    {
        if (length <= 0)
            return "";
        if (offset >= m_chunkOffset && offset + length <= m_chunkOffset + m_chunk.size())
            return m_chunk.constData() + (offset - m_chunkOffset);
        const qint64 want = std::min(std::max(length, ReadAhead), m_size - offset);
        if (m_chunk.size() < want)
            m_chunk.resize(want);
        qint64 done = 0;
        while (done < want) {
            const ssize_t n = ::pread(m_fd, m_chunk.data() + done, size_t(want - done), off_t(offset + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                *error = QString::fromLocal8Bit(std::strerror(errno));
                m_chunk.clear();
                return nullptr;
            }
            if (n == 0)
                break;
            done += n;
        }
        m_chunk.truncate(done);
        m_chunkOffset = offset;
        if (done < length) {
            *error = QStringLiteral("file shrank while being served");
            m_chunk.clear();
            return nullptr;
        }
        return m_chunk.constData();
    }

private:
    int m_fd;
    qint64 m_size;
    QByteArray m_chunk;
    qint64 m_chunkOffset = 0;
};

class MemorySource : public TftpSource
{
public:
    explicit MemorySource(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    qint64 size() const override { return m_bytes.size(); }
    const char *fetch(qint64 offset, qint64, QByteArray *, QString *) override { return m_bytes.constData() + offset; }

private:
    QByteArray m_bytes;
};

} // namespace

std::unique_ptr<TftpSource> TftpSource::fromFile(int fd, qint64 size)
{
    return std::make_unique<FileSource>(fd, size);
}

std::unique_ptr<TftpSource> TftpSource::fromBytes(QByteArray bytes)
{
    return std::make_unique<MemorySource>(std::move(bytes));
}

std::unique_ptr<TftpSource> TftpSource::toNetascii(std::unique_ptr<TftpSource> source, qint64 maxBytes, QString *error)
{
    if (source->size() > maxBytes) {
        *error = QStringLiteral("netascii transfers are limited to %1 bytes; use octet mode").arg(maxBytes);
        return nullptr;
    }
    QByteArray scratch;
    const char *data = source->fetch(0, source->size(), &scratch, error);
    if (!data)
        return nullptr;
    return fromBytes(tftp::toNetascii(QByteArrayView(data, source->size())));
}
