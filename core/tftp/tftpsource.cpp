#include "tftpsource.h"

#include "netascii.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace {

class FileSource : public TftpSource
{
public:
    FileSource(int fd, qint64 size) : m_fd(fd), m_size(size) {}
    ~FileSource() override { ::close(m_fd); }
    qint64 size() const override { return m_size; }
    const char *fetch(qint64 offset, qint64 length, QByteArray *scratch, QString *error) override
    {
        if (length <= 0)
            return "";
        if (scratch->size() < length)
            scratch->resize(length);
        qint64 done = 0;
        while (done < length) {
            const ssize_t n = ::pread(m_fd, scratch->data() + done, size_t(length - done), off_t(offset + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                *error = QString::fromLocal8Bit(std::strerror(errno));
                return nullptr;
            }
            if (n == 0) {
                *error = QStringLiteral("file shrank while being served");
                return nullptr;
            }
            done += n;
        }
        return scratch->constData();
    }

private:
    int m_fd;
    qint64 m_size;
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
