#include "httpresponse.h"

HttpResponse::HttpResponse(int status, QByteArray body, QByteArray contentType)
    : m_status(status)
    , m_body(std::move(body))
{
    if (!contentType.isEmpty())
        m_headers.append({QByteArrayLiteral("Content-Type"), contentType});
}

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    return HttpResponse(status, QJsonDocument(object).toJson(QJsonDocument::Compact),
                        QByteArrayLiteral("application/json"));
}

HttpResponse HttpResponse::json(const QJsonArray &array, int status)
{
    return HttpResponse(status, QJsonDocument(array).toJson(QJsonDocument::Compact),
                        QByteArrayLiteral("application/json"));
}

HttpResponse HttpResponse::text(const QString &text, int status, const QByteArray &contentType)
{
    return HttpResponse(status, text.toUtf8(), contentType);
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message)
{
    QJsonObject err{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    return json(QJsonObject{{QStringLiteral("error"), err}}, status);
}

HttpResponse HttpResponse::file(const QString &path, qint64 offset, qint64 length, const QByteArray &contentType,
                                int status)
{
    HttpResponse r(status);
    r.m_filePath = path;
    r.m_fileOffset = offset;
    r.m_fileLength = length;
    if (!contentType.isEmpty())
        r.m_headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return r;
}

HttpResponse HttpResponse::deferred()
{
    HttpResponse r;
    r.m_deferred = true;
    return r;
}

HttpResponse HttpResponse::stream(const QByteArray &contentType, std::function<void(QTcpSocket *)> takeover)
{
    HttpResponse r(200);
    r.m_headers.append({QByteArrayLiteral("Content-Type"), contentType});
    r.m_takeover = std::move(takeover);
    return r;
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    m_headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : m_headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 422: return "Unprocessable Entity";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 507: return "Insufficient Storage";
    default: break;
    }
    return "Unknown";
}
