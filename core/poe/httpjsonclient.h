#pragma once

#include "driveroptions.h"
#include "poetypes.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;

// Asynchronous JSON-over-HTTP(S) for the controller drivers: one QNetworkAccessManager (and
// cookie jar) per switch, TLS verification with an optional extra CA, a transfer timeout,
// no automatic redirects (UniFi OS detection needs to see them), bounded response size.
// Never logs bodies (they carry passwords and tokens).
class HttpJsonClient : public QObject
{
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Reply
    {
        int status = 0;                                    // 0 = no HTTP answer
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        QString errorString;
        QByteArray body;
        QList<QNetworkReply::RawHeaderPair> headers;
        QJsonDocument json;                                // empty if the body is not JSON
        bool isJson = false;

        [[nodiscard]] QByteArray header(const QByteArray &name) const;
        [[nodiscard]] bool isHttpAnswer() const { return status > 0; }
    };
    using Callback = std::function<void(const Reply &)>;

    static constexpr qint64 MaxBodyBytes = 16 << 20;

    HttpJsonClient(const poe::HttpOptions &options, int timeoutMs, QObject *parent = nullptr);
    ~HttpJsonClient() override;

    // `path` is absolute ("/api/login", may carry a query). A body that is not empty is sent as
    // application/json.
    void request(const QByteArray &verb, const QString &path, const QByteArray &body, const Headers &headers,
                 Callback done);
    void abortAll();
    void clearCookies();
    [[nodiscard]] QByteArray cookie(const QByteArray &name) const;
    [[nodiscard]] QString describe(const QString &path) const;   // "https://host:port/path" for messages

    // Transport-level failures (no HTTP status, TLS) as poe::Error; None if an HTTP answer came.
    [[nodiscard]] poe::Error transportError(const Reply &reply, const QString &what) const;

private:
    void finished(QNetworkReply *reply, const Callback &done);

    poe::HttpOptions m_options;
    int m_timeoutMs;
    QNetworkAccessManager *m_nam;
    QList<QPointer<QNetworkReply>> m_inFlight;
};
