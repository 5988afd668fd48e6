#pragma once

#include <QByteArray>

// Range requests (RFC 9110 §14) for a representation of a known size.
namespace byterange {

struct Range
{
    qint64 first = 0;
    qint64 length = 0;
    [[nodiscard]] qint64 last() const { return first + length - 1; }
};

enum class Outcome {
    Ignore,         // serve the whole representation (no/unknown unit, malformed, or several
                    // ranges that do not merge into one: multipart answers are not offered)
    Partial,        // 206 with `range`
    Unsatisfiable,  // 416, Content-Range: bytes */size
};

struct Result
{
    Outcome outcome = Outcome::Ignore;
    Range range;
};

// At most this many comma-separated ranges are considered; more are ignored as abuse.
inline constexpr int MaxRanges = 32;

// `header` is the Range field value ("bytes=0-499", "bytes=-500", "bytes=9500-", ...).
// Overlapping or adjacent ranges are merged; if they merge into one, that range is served.
Result parse(const QByteArray &header, qint64 size);

// "bytes 0-499/1234"
QByteArray contentRange(const Range &range, qint64 size);
// "bytes */1234"
QByteArray unsatisfiedRange(qint64 size);

} // namespace byterange
