#pragma once

#include <QByteArray>
#include <QString>

namespace ApiToken {

// Reads the token from `path`, or generates 32 random bytes (hex) and stores them with mode
// 0600. Returns an empty string and sets *error if neither works.
QString loadOrCreate(const QString &path, QString *error);

// Constant-time comparison (no early exit on the first differing byte).
bool equals(const QByteArray &a, const QByteArray &b);

} // namespace ApiToken
