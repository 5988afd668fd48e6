#include "httpjsonclient.h"

#include "common/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>

QByteArray HttpJsonClient::Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

HttpJsonClient::HttpJsonClient(const poe::HttpOptions &options, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_timeoutMs(timeoutMs)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpJsonClient::~HttpJsonClient()
{
    abortAll();
}

QString HttpJsonClient::describe(const QString &path) const
{
    return m_options.baseUrl.toString(QUrl::RemoveUserInfo) + path.section(QLatin1Char('?'), 0, 0);
}

void HttpJsonClient::request(const QByteArray &verb, const QString &path, const QByteArray &body,
                             const Headers &headers, Callback done)
{
    QUrl url = m_options.baseUrl;
    const int q = int(path.indexOf(QLatin1Char('?')));
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest req(url);
    req.setTransferTimeout(m_timeoutMs);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_options.verifyTls) {
            tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        } else if (!m_options.caFile.isEmpty()) {
            const auto extra = QSslCertificate::fromPath(m_options.caFile, QSsl::Pem);
            if (!extra.isEmpty())
                tls.addCaCertificates(extra);
        }
        req.setSslConfiguration(tls);
    }
    QNetworkReply *reply = m_nam->sendCustomRequest(req, verb, body);
    m_inFlight.append(reply);
    qCDebug(lcPoe).noquote() << verb << describe(path);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > MaxBodyBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] { finished(reply, done); });
}

void HttpJsonClient::finished(QNetworkReply *reply, const Callback &done)
{
    reply->deleteLater();
    m_inFlight.removeAll(reply);
    if (reply->property("metalboot.aborted").toBool())
        return;
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.networkError = reply->error();
    r.errorString = reply->errorString();
    r.headers = reply->rawHeaderPairs();
    r.body = reply->read(MaxBodyBytes + 1);
    if (r.body.size() > MaxBodyBytes) {
        r.status = 0;
        r.networkError = QNetworkReply::ProtocolFailure;
        r.errorString = QStringLiteral("response larger than %1 bytes").arg(MaxBodyBytes);
        r.body.clear();
    }
    if (!r.body.isEmpty()) {
        QJsonParseError err{};
        r.json = QJsonDocument::fromJson(r.body, &err);
        r.isJson = err.error == QJsonParseError::NoError && !r.json.isNull();
    }
    done(r);
}

void HttpJsonClient::abortAll()
{
    const auto replies = m_inFlight;
    m_inFlight.clear();
    for (const auto &p : replies) {
        if (!p)
            continue;
        p->setProperty("metalboot.aborted", true);
        p->abort();
    }
}

void HttpJsonClient::clearCookies()
{
    m_nam->setCookieJar(new QNetworkCookieJar(m_nam));
}

QByteArray HttpJsonClient::cookie(const QByteArray &name) const
{
    const auto list = m_nam->cookieJar()->cookiesForUrl(m_options.baseUrl);
    for (const auto &c : list)
        if (c.name() == name)
            return c.value();
    return {};
}

poe::Error HttpJsonClient::transportError(const Reply &r, const QString &what) const
{
    using K = poe::Error::Kind;
    if (r.status > 0 && r.networkError != QNetworkReply::ProtocolFailure)
        return poe::Error::none();
    const QString where = m_options.baseUrl.toString(QUrl::RemoveUserInfo);
    switch (r.networkError) {
    case QNetworkReply::NoError:
        return poe::Error::make(K::Protocol, QStringLiteral("%1: %2 gave no HTTP answer").arg(what, where));
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return poe::Error::make(K::Timeout, QStringLiteral("%1: no answer from %2 within %3 s")
                                                .arg(what, where)
                                                .arg(m_timeoutMs / 1000.0));
    case QNetworkReply::SslHandshakeFailedError:
        return poe::Error::make(K::Unreachable,
                                QStringLiteral("%1: TLS with %2 failed (%3); set options.ca to the controller's "
                                               "certificate or verify_tls: false")
                                    .arg(what, where, r.errorString));
    case QNetworkReply::ProtocolFailure:
        return poe::Error::make(K::Protocol, QStringLiteral("%1: %2: %3").arg(what, where, r.errorString));
    default:
        return poe::Error::make(K::Unreachable, QStringLiteral("%1: cannot reach %2: %3").arg(what, where, r.errorString));
    }
}
