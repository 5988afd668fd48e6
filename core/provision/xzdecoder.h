#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

// Streaming .xz decoder (liblzma). Verifies every block's integrity check (CRC64/SHA-256) and
// the stream index, so a corrupted or truncated download is detected: feed() fails on bad data,
// finish() fails unless the whole stream was seen. Memory use is bounded by MemLimit.
class XzDecoder
{
public:
    static constexpr quint64 MemLimit = 256ull << 20;
    using Sink = std::function<bool(const char *data, qsizetype size)>;   // false = stop

    XzDecoder();
    ~XzDecoder();
    XzDecoder(const XzDecoder &) = delete;
    XzDecoder &operator=(const XzDecoder &) = delete;

    // Decodes `data`, handing decoded bytes to `sink` in chunks. False with *error on corrupt
    // input or when the sink refuses.
    bool feed(const QByteArray &data, const Sink &sink, QString *error);
    // End of input: true only if the stream ended properly.
    bool finish(const Sink &sink, QString *error);
    [[nodiscard]] bool isComplete() const { return m_done; }
    [[nodiscard]] quint64 decodedBytes() const { return m_out; }

private:
    bool run(const char *data, qsizetype size, bool finishing, const Sink &sink, QString *error);
    struct Stream;                       // wraps liblzma's lzma_stream
    std::unique_ptr<Stream> m_stream;
    bool m_ok = true;
    bool m_done = false;
    quint64 m_out = 0;
};
