#pragma once

#include "byterange.h"
#include "httpresponse.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

class HttpRequest;

// Serving one regular file: validators (ETag, Last-Modified), conditional requests
// (If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since, If-Range), byte ranges,
// content types. The decision is pure (evaluate()); respond() builds the streamed response.
namespace staticfile {

struct Validators
{
    qint64 size = 0;
    QDateTime lastModified;   // UTC, whole seconds
    QByteArray etag;          // strong: "<size>-<mtime ns>-<inode>" in hex, quoted
};

// stat() of a file; false if it cannot be read.
bool validatorsFor(const QString &filePath, Validators *out);

struct Conditions
{
    QByteArray method = "GET";
    QByteArray ifMatch;
    QByteArray ifNoneMatch;
    QByteArray ifModifiedSince;
    QByteArray ifUnmodifiedSince;
    QByteArray ifRange;
    QByteArray range;
};

struct Decision
{
    int status = 200;         // 200, 206, 304, 412 or 416
    byterange::Range body;    // the bytes to send for 200/206
};

// RFC 9110 §13.2.2 evaluation order, then ranges (GET and HEAD only).
Decision evaluate(const Conditions &conditions, const Validators &validators);

// Entity-tag list matching ("*", W/ prefixes, several tags).
bool matchesStrong(const QByteArray &list, const QByteArray &etag);
bool matchesWeak(const QByteArray &list, const QByteArray &etag);

// By file name extension; application/octet-stream when unknown.
QByteArray contentType(const QString &fileName);

// GET/HEAD answer for a file already resolved (safepath::resolve). 404 if it vanished.
HttpResponse respond(const HttpRequest &request, const QString &filePath);

} // namespace staticfile
