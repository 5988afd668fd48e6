#include "apiauth.h"

#include "api/apitoken.h"
#include "common/logging.h"

#include <QJsonDocument>

namespace provision {

std::optional<HttpResponse> requireAdmin(const HttpRequest &request, const QString &apiToken)
{
    QByteArray presented = request.header("authorization");
    if (presented.startsWith("Bearer ") || presented.startsWith("bearer "))
        presented = presented.mid(7).trimmed();
    else
        presented.clear();
    if (!apiToken.isEmpty() && ApiToken::equals(presented, apiToken.toLatin1()))
        return std::nullopt;
    qCWarning(lcApi) << "unauthorised" << request.method() << request.path().left(100) << "from"
                     << request.peerAddress().toString();
    HttpResponse r = HttpResponse::error(401, QStringLiteral("unauthorized"),
                                         QStringLiteral("a valid API token is required (Authorization: Bearer <token>)"));
    r.setHeader("WWW-Authenticate", "Bearer realm=\"metalboot\"");
    return r;
}

QByteArray presentedDeviceToken(const HttpRequest &request)
{
    QByteArray t = request.header("authorization");
    if (t.startsWith("Bearer ") || t.startsWith("bearer "))
        return t.mid(7).trimmed().left(256);
    t = request.header("x-metalboot-token").trimmed();
    if (!t.isEmpty())
        return t.left(256);
    return request.queryValue(QStringLiteral("token")).toLatin1().left(256);
}

HttpResponse deviceTokenRequired(const QString &what)
{
    HttpResponse r = HttpResponse::error(
        401, QStringLiteral("invalid-device-token"),
        QStringLiteral("%1 needs the device's callback token (metalboot.token= on its kernel command line), sent as "
                       "Authorization: Bearer <token>, X-MetalBoot-Token or ?token=")
            .arg(what));
    r.setHeader("WWW-Authenticate", "Bearer realm=\"metalboot-device\"");
    return r;
}

bool parseJsonObject(const HttpRequest &request, QJsonObject *out, HttpResponse *error, bool allowEmpty)
{
    if (allowEmpty && request.body().trimmed().isEmpty()) {
        *out = {};
        return true;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &err);
    if (err.error != QJsonParseError::NoError) {
        *error = HttpResponse::error(400, QStringLiteral("malformed-json"),
                                     QStringLiteral("request body is not valid JSON: %1 at offset %2")
                                         .arg(err.errorString())
                                         .arg(err.offset));
        return false;
    }
    if (!doc.isObject()) {
        *error = HttpResponse::error(400, QStringLiteral("malformed-json"), QStringLiteral("expected a JSON object"));
        return false;
    }
    *out = doc.object();
    return true;
}

} // namespace provision
