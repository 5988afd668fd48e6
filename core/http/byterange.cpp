#include "byterange.h"

#include <QList>

#include <algorithm>
#include <limits>

namespace {

// Non-negative decimal without sign or spaces; -1 if invalid or absurdly long.
qint64 decimal(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18)
        return -1;
    qint64 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

} // namespace

namespace byterange {

Result parse(const QByteArray &header, qint64 size)
{
    Result result;
    const QByteArray value = header.trimmed();
    const auto eq = value.indexOf('=');
    if (eq <= 0 || value.left(eq).trimmed().toLower() != "bytes")
        return result; // unknown range unit: ignored
    const QList<QByteArray> specs = value.mid(eq + 1).split(',');
    if (specs.size() > MaxRanges)
        return result;
    QList<Range> satisfiable;
    int valid = 0;
    for (const QByteArray &raw : specs) {
        const QByteArray spec = raw.trimmed();
        if (spec.isEmpty())
            continue; // tolerated empty list elements ("bytes=0-1,,5-6")
        const auto dash = spec.indexOf('-');
        if (dash < 0)
            return result; // malformed: ignore the whole field
        const QByteArray a = spec.left(dash);
        const QByteArray b = spec.mid(dash + 1);
        if (a.isEmpty()) {
            // suffix-range: the last N bytes
            const qint64 n = decimal(b);
            if (n < 0)
                return result;
            ++valid;
            if (n > 0 && size > 0) {
                const qint64 len = qMin(n, size);
                satisfiable.append({size - len, len});
            }
            continue;
        }
        const qint64 first = decimal(a);
        const qint64 last = b.isEmpty() ? std::numeric_limits<qint64>::max() : decimal(b);
        if (first < 0 || last < 0 || last < first)
            return result; // invalid range-spec makes the field invalid: ignore it
        ++valid;
        if (first >= size)
            continue; // unsatisfiable on its own
        const qint64 end = qMin(last, size - 1);
        satisfiable.append({first, end - first + 1});
    }
    if (valid == 0)
        return result;
    if (satisfiable.isEmpty()) {
        result.outcome = Outcome::Unsatisfiable;
        return result;
    }
    std::sort(satisfiable.begin(), satisfiable.end(), [](const Range &x, const Range &y) { return x.first < y.first; });
    Range merged = satisfiable.first();
    for (int i = 1; i < satisfiable.size(); ++i) {
        const Range &r = satisfiable.at(i);
        if (r.first > merged.first + merged.length)
            return result; // a gap: several parts would need multipart/byteranges
        merged.length = qMax(merged.first + merged.length, r.first + r.length) - merged.first;
    }
    result.outcome = Outcome::Partial;
    result.range = merged;
    return result;
}

QByteArray contentRange(const Range &range, qint64 size)
{
    return "bytes " + QByteArray::number(range.first) + '-' + QByteArray::number(range.last()) + '/'
        + QByteArray::number(size);
}

QByteArray unsatisfiedRange(qint64 size)
{
    return "bytes */" + QByteArray::number(size);
}

} // namespace byterange
