#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

// HTTP dates (RFC 9110 §5.6.7).
namespace httpdate {
// IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" (the time is converted to UTC, seconds precision).
QByteArray format(const QDateTime &time);
// Accepts IMF-fixdate and, as recipients must, the obsolete RFC 850 ("Sunday, 06-Nov-94
// 08:49:37 GMT") and asctime ("Sun Nov  6 08:49:37 1994") forms. nullopt if invalid.
std::optional<QDateTime> parse(const QByteArray &text);
} // namespace httpdate
