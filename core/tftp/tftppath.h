#pragma once

#include "tftppacket.h"

#include <QString>
#include <QStringList>

// Path safety for TFTP requests. A request name is untrusted bytes: it is validated and
// normalised into a relative path first (pure, sanitizePath), then looked up under a served
// directory with every symlink resolved (lookup); only a file whose canonical path lies inside
// one of the served roots is ever opened (openFile), and the open itself refuses to follow any
// symlink that might have been swapped in meanwhile.
namespace tftp {

inline constexpr int MaxFilenameLength = 255;

struct PathCheck
{
    bool ok = false;
    QString path;                        // clean relative path "a/b/c" ('.' and empty parts removed)
    ErrorCode code = ErrorCode::AccessViolation;
    QString error;                       // English reason
};

// Refuses: empty or over-long names, NUL and control bytes, invalid UTF-8, backslashes,
// absolute paths and '..' components.
PathCheck sanitizePath(const QByteArray &raw, int maxLength = MaxFilenameLength);

enum class LookupStatus { Found, NotFound, Outside, NotRegular };

struct LookupResult
{
    LookupStatus status = LookupStatus::NotFound;
    QString canonicalPath;               // Found: symlinks resolved
    QString root;                        // Found: the canonical served root that contains it
    qint64 size = 0;
};

// Canonical form of a served directory (symlinks resolved), empty if it does not exist.
QString canonicalDir(const QString &dir);

// Resolves `relative` (from sanitizePath) under `dir` and checks that the result is a regular
// file inside one of `allowedRoots` (canonical directories). Touches only metadata: nothing is
// opened.
LookupResult lookup(const QString &dir, const QString &relative, const QStringList &allowedRoots);

// Opens a file found by lookup() read-only. On Linux the open is done relative to its root with
// RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS, so a component swapped for a symlink after the lookup
// cannot escape. Returns the fd (>= 0) or -1 with *error set.
int openFile(const LookupResult &found, QString *error);

} // namespace tftp
