#pragma once

// A small synchronous Redfish client for service tests: QNetworkAccessManager over TLS trusting
// the service's generated CA (no verification shortcuts), Basic or X-Auth-Token credentials.

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

struct RedfishReply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;

    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    // "Base.1.19.ResourceNotFound" of a DMTF error body, or empty.
    [[nodiscard]] QString errorCode() const
    {
        return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
    // The MessageIds of @Message.ExtendedInfo of an error body.
    [[nodiscard]] QStringList messageIds() const
    {
        QStringList out;
        const auto info = json.value(QStringLiteral("error")).toObject().value(QStringLiteral("@Message.ExtendedInfo")).toArray();
        for (const auto &m : info)
            out << m.toObject().value(QStringLiteral("MessageId")).toString();
        return out;
    }
};

class RedfishClient
{
public:
    RedfishClient(const QString &baseUrl, const QString &caPath) : m_base(baseUrl)
    {
        m_tls = QSslConfiguration::defaultConfiguration();
        QFile f(caPath);
        if (!caPath.isEmpty() && f.open(QIODevice::ReadOnly))
            m_tls.setCaCertificates(QSslCertificate::fromData(f.readAll(), QSsl::Pem));
    }

    void setBasic(const QString &user, const QString &password)
    {
        m_token.clear();
        m_basic = "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
    }
    void setToken(const QByteArray &token)
    {
        m_basic.clear();
        m_token = token;
    }
    void clearCredentials()
    {
        m_basic.clear();
        m_token.clear();
    }

    RedfishReply get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return call("GET", path, {}, headers);
    }
    RedfishReply post(const QString &path, const QJsonObject &body, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return call("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }
    RedfishReply patch(const QString &path, const QJsonObject &body, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return call("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }

    RedfishReply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                      const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000)
    {
        QNetworkRequest request(QUrl(m_base + path));
        request.setSslConfiguration(m_tls);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!body.isEmpty() || method == "POST" || method == "PATCH")
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!m_basic.isEmpty())
            request.setRawHeader("Authorization", m_basic);
        if (!m_token.isEmpty())
            request.setRawHeader("X-Auth-Token", m_token);
        for (const auto &h : headers)
            request.setRawHeader(h.first, h.second);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        RedfishReply out;
        if (!reply->isFinished()) {
            reply->abort();
            out.error = QNetworkReply::TimeoutError;
            out.errorString = QStringLiteral("timed out");
            reply->deleteLater();
            return out;
        }
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        out.json = QJsonDocument::fromJson(out.body).object();
        out.headers = reply->rawHeaderPairs();
        out.error = reply->error();
        out.errorString = reply->errorString();
        reply->deleteLater();
        return out;
    }

    QNetworkAccessManager *nam() { return &m_nam; }

private:
    QString m_base;
    QSslConfiguration m_tls;
    QNetworkAccessManager m_nam;
    QByteArray m_basic;
    QByteArray m_token;
};
