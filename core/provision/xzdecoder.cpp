#include "xzdecoder.h"

#include <lzma.h>

#include <vector>

namespace {

QString lzmaError(lzma_ret r)
{
    switch (r) {
    case LZMA_MEM_ERROR: return QStringLiteral("out of memory");
    case LZMA_MEMLIMIT_ERROR: return QStringLiteral("the stream needs more memory than allowed");
    case LZMA_FORMAT_ERROR: return QStringLiteral("not an .xz stream");
    case LZMA_OPTIONS_ERROR: return QStringLiteral("unsupported .xz options");
    case LZMA_DATA_ERROR: return QStringLiteral("corrupt .xz data (integrity check failed)");
    case LZMA_BUF_ERROR: return QStringLiteral("truncated .xz stream");
    default: break;
    }
    return QStringLiteral("xz decoder error %1").arg(int(r));
}

} // namespace

struct XzDecoder::Stream
{
    lzma_stream s = LZMA_STREAM_INIT;
    ~Stream() { lzma_end(&s); }
};

XzDecoder::XzDecoder()
    : m_stream(std::make_unique<Stream>())
{
    // LZMA_CONCATENATED: xz files may hold several streams; the end is the end of input.
    const lzma_ret r = lzma_stream_decoder(&m_stream->s, MemLimit, LZMA_CONCATENATED);
    m_ok = r == LZMA_OK;
}

XzDecoder::~XzDecoder() = default;

bool XzDecoder::run(const char *data, qsizetype size, bool finishing, const Sink &sink, QString *error)
{
    if (!m_ok) {
        if (error)
            *error = QStringLiteral("xz decoder failed earlier");
        return false;
    }
    if (m_done) {
        if (size > 0) {
            m_ok = false;
            if (error)
                *error = QStringLiteral("data after the end of the .xz stream");
            return false;
        }
        return true;
    }
    std::vector<char> out(256 * 1024);
    m_stream->s.next_in = reinterpret_cast<const uint8_t *>(data);
    m_stream->s.avail_in = size_t(size);
    for (;;) {
        m_stream->s.next_out = reinterpret_cast<uint8_t *>(out.data());
        m_stream->s.avail_out = out.size();
        const lzma_ret r = lzma_code(&m_stream->s, finishing ? LZMA_FINISH : LZMA_RUN);
        const size_t produced = out.size() - m_stream->s.avail_out;
        if (produced > 0) {
            m_out += produced;
            if (!sink(out.data(), qsizetype(produced))) {
                m_ok = false;
                if (error)
                    *error = QStringLiteral("output refused");
                return false;
            }
        }
        if (r == LZMA_STREAM_END) {
            m_done = true;
            if (m_stream->s.avail_in > 0) {
                m_ok = false;
                if (error)
                    *error = QStringLiteral("data after the end of the .xz stream");
                return false;
            }
            return true;
        }
        if (r != LZMA_OK) {
            m_ok = false;
            if (error)
                *error = lzmaError(r);
            return false;
        }
        if (m_stream->s.avail_in == 0 && m_stream->s.avail_out > 0)
            return true;   // needs more input
    }
}

bool XzDecoder::feed(const QByteArray &data, const Sink &sink, QString *error)
{
    return run(data.constData(), data.size(), false, sink, error);
}

bool XzDecoder::finish(const Sink &sink, QString *error)
{
    if (!run(nullptr, 0, true, sink, error))
        return false;
    if (!m_done) {
        m_ok = false;
        if (error)
            *error = QStringLiteral("truncated .xz stream");
        return false;
    }
    return true;
}
