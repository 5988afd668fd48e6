#include "staticfile.h"

#include "httpdate.h"
#include "httprequest.h"

#include <QFileInfo>
#include <QHash>
#include <QList>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace {

struct EntityTag
{
    bool weak = false;
    QByteArray opaque;        // including the quotes
};

// Parses `#entity-tag` lists; `*star` is set for "*". Returns false if malformed.
bool parseTags(const QByteArray &list, QList<EntityTag> *tags, bool *star)
{
    *star = false;
    qsizetype i = 0;
    const qsizetype n = list.size();
    while (i < n) {
        while (i < n && (list[i] == ' ' || list[i] == '\t' || list[i] == ','))
            ++i;
        if (i >= n)
            break;
        if (list[i] == '*') {
            *star = true;
            ++i;
            continue;
        }
        EntityTag tag;
        if (list.mid(i, 2) == "W/") {
            tag.weak = true;
            i += 2;
        }
        if (i >= n || list[i] != '"')
            return false;
        const qsizetype close = list.indexOf('"', i + 1);
        if (close < 0)
            return false;
        tag.opaque = list.mid(i, close - i + 1);
        tags->append(tag);
        i = close + 1;
    }
    return true;
}

bool isGetOrHead(const QByteArray &method)
{
    return method == "GET" || method == "HEAD";
}

} // namespace

namespace staticfile {

bool validatorsFor(const QString &filePath, Validators *out)
{
#ifdef Q_OS_UNIX
    struct stat st {};
    if (::stat(QFile::encodeName(filePath).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    const qint64 mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    out->size = st.st_size;
    out->lastModified = QDateTime::fromSecsSinceEpoch(st.st_mtim.tv_sec, Qt::UTC);
    out->etag = '"' + QByteArray::number(qulonglong(st.st_size), 16) + '-' + QByteArray::number(mtimeNs, 16) + '-'
        + QByteArray::number(qulonglong(st.st_ino), 16) + '"';
    return true;
#else
    const QFileInfo info(filePath);
    if (!info.isFile())
        return false;
    const QDateTime m = info.lastModified().toUTC();
    out->size = info.size();
    out->lastModified = QDateTime::fromSecsSinceEpoch(m.toSecsSinceEpoch(), Qt::UTC);
    out->etag = '"' + QByteArray::number(info.size(), 16) + '-' + QByteArray::number(m.toMSecsSinceEpoch(), 16) + '"';
    return true;
#endif
}

bool matchesStrong(const QByteArray &list, const QByteArray &etag)
{
    QList<EntityTag> tags;
    bool star = false;
    if (!parseTags(list, &tags, &star))
        return false;
    if (star)
        return true;
    for (const EntityTag &t : tags)
        if (!t.weak && t.opaque == etag)
            return true;
    return false;
}

bool matchesWeak(const QByteArray &list, const QByteArray &etag)
{
    QList<EntityTag> tags;
    bool star = false;
    if (!parseTags(list, &tags, &star))
        return false;
    if (star)
        return true;
    for (const EntityTag &t : tags)
        if (t.opaque == etag)
            return true;
    return false;
}

Decision evaluate(const Conditions &c, const Validators &v)
{
    Decision d;
    d.body = {0, v.size};
    const bool getOrHead = isGetOrHead(c.method);
    // 1. If-Match, else 2. If-Unmodified-Since
    if (!c.ifMatch.isEmpty()) {
        if (!matchesStrong(c.ifMatch, v.etag)) {
            d.status = 412;
            return d;
        }
    } else if (!c.ifUnmodifiedSince.isEmpty()) {
        const auto since = httpdate::parse(c.ifUnmodifiedSince);
        if (since && v.lastModified > *since) {
            d.status = 412;
            return d;
        }
    }
    // 3. If-None-Match, else 4. If-Modified-Since (GET/HEAD)
    if (!c.ifNoneMatch.isEmpty()) {
        if (matchesWeak(c.ifNoneMatch, v.etag)) {
            d.status = getOrHead ? 304 : 412;
            return d;
        }
    } else if (getOrHead && !c.ifModifiedSince.isEmpty()) {
        const auto since = httpdate::parse(c.ifModifiedSince);
        if (since && v.lastModified <= *since) {
            d.status = 304;
            return d;
        }
    }
    // 5. Range, if If-Range (when present) still holds
    if (!getOrHead || c.range.isEmpty())
        return d;
    if (!c.ifRange.isEmpty()) {
        const QByteArray ir = c.ifRange.trimmed();
        bool holds = false;
        if (ir.startsWith('"'))
            holds = ir == v.etag; // strong comparison with our (strong) tag
        else if (!ir.startsWith("W/")) {
            const auto date = httpdate::parse(ir);
            holds = date && *date == v.lastModified;
        }
        if (!holds)
            return d; // changed: the whole representation
    }
    const byterange::Result r = byterange::parse(c.range, v.size);
    if (r.outcome == byterange::Outcome::Partial) {
        d.status = 206;
        d.body = r.range;
    } else if (r.outcome == byterange::Outcome::Unsatisfiable) {
        d.status = 416;
        d.body = {0, 0};
    }
    return d;
}

QByteArray contentType(const QString &fileName)
{
    static const QHash<QString, QByteArray> types = {
        {QStringLiteral("ipxe"), "text/plain; charset=utf-8"},
        {QStringLiteral("txt"), "text/plain; charset=utf-8"},
        {QStringLiteral("cfg"), "text/plain; charset=utf-8"},
        {QStringLiteral("conf"), "text/plain; charset=utf-8"},
        {QStringLiteral("cmdline"), "text/plain; charset=utf-8"},
        {QStringLiteral("log"), "text/plain; charset=utf-8"},
        {QStringLiteral("sh"), "text/plain; charset=utf-8"},
        {QStringLiteral("sha256"), "text/plain; charset=utf-8"},
        {QStringLiteral("sha512"), "text/plain; charset=utf-8"},
        {QStringLiteral("md5"), "text/plain; charset=utf-8"},
        {QStringLiteral("html"), "text/html; charset=utf-8"},
        {QStringLiteral("htm"), "text/html; charset=utf-8"},
        {QStringLiteral("css"), "text/css; charset=utf-8"},
        {QStringLiteral("js"), "text/javascript; charset=utf-8"},
        {QStringLiteral("json"), "application/json"},
        {QStringLiteral("xml"), "application/xml"},
        {QStringLiteral("yaml"), "application/yaml"},
        {QStringLiteral("yml"), "application/yaml"},
        {QStringLiteral("iso"), "application/x-iso9660-image"},
        {QStringLiteral("gz"), "application/gzip"},
        {QStringLiteral("tgz"), "application/gzip"},
        {QStringLiteral("xz"), "application/x-xz"},
        {QStringLiteral("zst"), "application/zstd"},
        {QStringLiteral("bz2"), "application/x-bzip2"},
        {QStringLiteral("tar"), "application/x-tar"},
        {QStringLiteral("zip"), "application/zip"},
        {QStringLiteral("cpio"), "application/x-cpio"},
        {QStringLiteral("sig"), "application/pgp-signature"},
        {QStringLiteral("asc"), "application/pgp-signature"},
        {QStringLiteral("png"), "image/png"},
        {QStringLiteral("svg"), "image/svg+xml"},
    };
    const auto dot = fileName.lastIndexOf(QLatin1Char('.'));
    const auto slash = fileName.lastIndexOf(QLatin1Char('/'));
    if (dot <= slash + 1)
        return QByteArrayLiteral("application/octet-stream");
    // Kernels, initrds, EFI/PXE binaries, disk images, firmware: opaque bytes.
    return types.value(fileName.mid(dot + 1).toLower(), QByteArrayLiteral("application/octet-stream"));
}

HttpResponse respond(const HttpRequest &request, const QString &filePath)
{
    Validators v;
    if (!validatorsFor(filePath, &v))
        return HttpResponse::error(404, QStringLiteral("not-found"), QStringLiteral("no such file"));
    Conditions c;
    c.method = request.method();
    c.ifMatch = request.header("if-match");
    c.ifNoneMatch = request.header("if-none-match");
    c.ifModifiedSince = request.header("if-modified-since");
    c.ifUnmodifiedSince = request.header("if-unmodified-since");
    c.ifRange = request.header("if-range");
    c.range = request.header("range");
    const Decision d = evaluate(c, v);
    HttpResponse r;
    switch (d.status) {
    case 304:
        r = HttpResponse(304);
        break;
    case 412:
        return HttpResponse::error(412, QStringLiteral("precondition-failed"),
                                   QStringLiteral("the file does not match the request's preconditions"));
    case 416:
        r = HttpResponse::error(416, QStringLiteral("range-not-satisfiable"),
                                QStringLiteral("the requested range is outside the file (%1 bytes)").arg(v.size));
        r.setHeader("Content-Range", byterange::unsatisfiedRange(v.size));
        break;
    case 206:
        r = HttpResponse::file(filePath, d.body.first, d.body.length, contentType(filePath), 206);
        r.setHeader("Content-Range", byterange::contentRange(d.body, v.size));
        break;
    default:
        r = HttpResponse::file(filePath, 0, v.size, contentType(filePath), 200);
        break;
    }
    r.setHeader("Accept-Ranges", "bytes");
    if (d.status != 416) {
        r.setHeader("ETag", v.etag);
        r.setHeader("Last-Modified", httpdate::format(v.lastModified));
    }
    return r;
}

} // namespace staticfile
