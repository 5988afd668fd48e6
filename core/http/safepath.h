#pragma once

#include <QString>

// Maps a request path onto a file below a root directory, refusing everything that could
// leave it. The path is the percent-decoded URL path, so "%2e%2e" arrives here as "..".
namespace safepath {

struct Resolution
{
    QString filePath;      // canonical path of a readable regular file under the root
    int status = 0;        // 0 = resolved; else the HTTP status to answer (400, 403, 404, 414)
    QString reason;        // English, for logs and the journal

    [[nodiscard]] bool ok() const { return status == 0; }
};

inline constexpr int MaxPathLength = 1024;
inline constexpr int MaxSegmentLength = 255;

// `canonicalRoot` must be canonical (QFileInfo::canonicalFilePath) or empty (nothing served).
// Refused: NUL, backslash, control characters, "." and ".." segments, hidden segments
// (".git", ".htpasswd"), over-long paths or segments, and anything whose canonical target
// (after resolving every symlink) is not a regular file inside the root.
Resolution resolve(const QString &canonicalRoot, const QString &requestPath);

// The canonical form of a root directory ("" if it does not exist or is not a directory).
QString canonicalRoot(const QString &directory);

} // namespace safepath
