#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

// The bytes a read transfer sends: an open file (read with pread, so a file truncated while it is
// being served cannot crash the process) or an in-memory buffer (generated and rendered files).
// Netascii transfers are converted up front, into memory (text files; capped in size).
class TftpSource
{
public:
    virtual ~TftpSource() = default;
    [[nodiscard]] virtual qint64 size() const = 0;
    // Pointer to `length` bytes at `offset` (the caller guarantees offset + length <= size());
    // may read into `scratch`. nullptr with *error set if the bytes cannot be read.
    virtual const char *fetch(qint64 offset, qint64 length, QByteArray *scratch, QString *error) = 0;

    // Takes ownership of `fd`.
    static std::unique_ptr<TftpSource> fromFile(int fd, qint64 size);
    static std::unique_ptr<TftpSource> fromBytes(QByteArray bytes);
    // Converts the source to netascii. Fails (nullptr + *error) if it is larger than maxBytes.
    static std::unique_ptr<TftpSource> toNetascii(std::unique_ptr<TftpSource> source, qint64 maxBytes, QString *error);
};
