#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

class QTcpSocket;

// A response value built by handlers and written by HttpServer. The body is either bytes, a
// region of a file streamed from disk (never loaded whole), a deferred answer, or a takeover of
// the connection after the headers (server-sent events).
class HttpResponse
{
public:
    using Header = QPair<QByteArray, QByteArray>;

    HttpResponse() = default;
    explicit HttpResponse(int status) : m_status(status) {}
    HttpResponse(int status, QByteArray body, QByteArray contentType);

    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse json(const QJsonArray &array, int status = 200);
    static HttpResponse text(const QString &text, int status = 200,
                             const QByteArray &contentType = "text/plain; charset=utf-8");
    static HttpResponse noContent() { return HttpResponse(204); }
    // Management-API style error: {"error": {"code": code, "message": message}}.
    static HttpResponse error(int status, const QString &code, const QString &message);
    // Streams [offset, offset+length) of a file. Content-Length is set from `length`.
    static HttpResponse file(const QString &path, qint64 offset, qint64 length, const QByteArray &contentType,
                             int status = 200);
    // The handler keeps a PendingResponse and answers later.
    static HttpResponse deferred();
    // After the status line and headers, `takeover` owns the socket (e.g. SSE). No Content-Length.
    static HttpResponse stream(const QByteArray &contentType, std::function<void(QTcpSocket *)> takeover);

    [[nodiscard]] int status() const { return m_status; }
    void setStatus(int status) { m_status = status; }
    void addHeader(const QByteArray &name, const QByteArray &value) { m_headers.append({name, value}); }
    void setHeader(const QByteArray &name, const QByteArray &value);
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    [[nodiscard]] const QList<Header> &headers() const { return m_headers; }
    [[nodiscard]] const QByteArray &body() const { return m_body; }
    void setBody(QByteArray body) { m_body = std::move(body); }

    [[nodiscard]] bool isDeferred() const { return m_deferred; }
    [[nodiscard]] bool isFile() const { return !m_filePath.isEmpty(); }
    [[nodiscard]] bool isStream() const { return bool(m_takeover); }
    [[nodiscard]] const QString &filePath() const { return m_filePath; }
    [[nodiscard]] qint64 fileOffset() const { return m_fileOffset; }
    [[nodiscard]] qint64 fileLength() const { return m_fileLength; }
    [[nodiscard]] const std::function<void(QTcpSocket *)> &takeover() const { return m_takeover; }

    // Called once when the response is over: `bodyBytes` of the body were handed to the network
    // (0 for HEAD/304), `ok` false if the connection failed before the body was complete.
    using CompletionHandler = std::function<void(qint64 bodyBytes, bool ok)>;
    void setCompletionHandler(CompletionHandler handler) { m_onComplete = std::move(handler); }
    [[nodiscard]] const CompletionHandler &completionHandler() const { return m_onComplete; }
    // Bytes the body will carry (for Content-Length and logs).
    [[nodiscard]] qint64 contentLength() const { return isFile() ? m_fileLength : m_body.size(); }

    static QByteArray reasonPhrase(int status);

private:
    int m_status = 200;
    QList<Header> m_headers;
    QByteArray m_body;
    QString m_filePath;
    qint64 m_fileOffset = 0;
    qint64 m_fileLength = 0;
    bool m_deferred = false;
    std::function<void(QTcpSocket *)> m_takeover;
    CompletionHandler m_onComplete;
};
