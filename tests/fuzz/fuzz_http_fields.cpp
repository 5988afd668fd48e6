// Header values and paths the HTTP boot server interprets itself: Range (byterange::parse), the
// conditional dates (httpdate::parse) and the request path mapped below the HTTP root
// (safepath::resolve, run against a real directory with files, a hidden file and symlinks that
// point inside and outside the root). Input fields (0x1E-separated): Range, date, path.
//
// Invariants: a partial range lies inside the file; a parsed date formats and parses back to the
// same second; a resolved path is a regular file inside the root and never hidden, whatever the
// symlinks.

#include "fuzzsupport.h"

#include "http/byterange.h"
#include "http/httpdate.h"
#include "http/safepath.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace {

struct Tree
{
    QTemporaryDir dir;
    QString root;
};

const Tree &tree()
{
    static const Tree t = [] {
        Tree x;
        const QString base = x.dir.path();
        QDir(base).mkpath(QStringLiteral("root/images/sub"));
        QDir(base).mkpath(QStringLiteral("outside"));
        auto touch = [](const QString &path) {
            QFile f(path);
            f.open(QIODevice::WriteOnly);
            f.write("x");
        };
        touch(base + QStringLiteral("/root/vmlinuz"));
        touch(base + QStringLiteral("/root/images/live.iso"));
        touch(base + QStringLiteral("/root/.htpasswd"));
        touch(base + QStringLiteral("/outside/secret"));
        QFile::link(base + QStringLiteral("/outside/secret"), base + QStringLiteral("/root/escape"));
        QFile::link(base + QStringLiteral("/outside"), base + QStringLiteral("/root/outdir"));
        QFile::link(base + QStringLiteral("/root/vmlinuz"), base + QStringLiteral("/root/images/kernel"));
        x.root = safepath::canonicalRoot(base + QStringLiteral("/root"));
        return x;
    }();
    return t;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzzsupport::FuzzInput in(data, size);
    const QByteArray range = in.field();
    const QByteArray date = in.field();
    const QString path = in.text();
    const qint64 fileSize = qint64(in.u32()) << (in.u8() % 24);

    const auto r = byterange::parse(range, fileSize);
    if (r.outcome == byterange::Outcome::Partial) {
        FUZZ_CHECK(r.range.first >= 0 && r.range.length > 0 && r.range.last() < fileSize,
                   QStringLiteral("range %1+%2 outside a %3-byte file: %4")
                       .arg(r.range.first).arg(r.range.length).arg(fileSize).arg(QString::fromLatin1(range.left(200))));
        (void)byterange::contentRange(r.range, fileSize);
    }

    if (const auto parsed = httpdate::parse(date)) {
        const QByteArray formatted = httpdate::format(*parsed);
        const auto again = httpdate::parse(formatted);
        FUZZ_CHECK(again && again->toSecsSinceEpoch() == parsed->toSecsSinceEpoch(),
                   QStringLiteral("date round trip: %1 -> %2").arg(QString::fromLatin1(date), QString::fromLatin1(formatted)));
    }

    const Tree &t = tree();
    const auto resolved = safepath::resolve(t.root, path);
    if (resolved.ok()) {
        const QFileInfo info(resolved.filePath);
        FUZZ_CHECK(info.isFile() && resolved.filePath.startsWith(t.root + QLatin1Char('/')),
                   QStringLiteral("%1 resolved outside the root: %2").arg(path, resolved.filePath));
        FUZZ_CHECK(!resolved.filePath.mid(t.root.size()).contains(QLatin1String("/.")),
                   QStringLiteral("%1 resolved to a hidden file: %2").arg(path, resolved.filePath));
    } else {
        FUZZ_CHECK(resolved.status >= 400 && !resolved.reason.isEmpty(), QStringLiteral("refusal without status/reason"));
    }
    return 0;
}
