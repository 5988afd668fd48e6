#pragma once

#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <QJsonObject>

#include <optional>

// Authentication helpers shared by the provisioning and console routes.
namespace provision {

// The management API's rule: Authorization: Bearer <API token>. nullopt = allowed, else the 401.
std::optional<HttpResponse> requireAdmin(const HttpRequest &request, const QString &apiToken);

// A device callback token as a deploy environment can send it: "Authorization: Bearer <t>",
// "X-MetalBoot-Token: <t>", or "?token=<t>" (IPA's fixed callback URL). Empty if none.
QByteArray presentedDeviceToken(const HttpRequest &request);

// 401 for a device callback without a valid token.
HttpResponse deviceTokenRequired(const QString &what);

// Parses the body as a JSON object. An empty body is {} when `allowEmpty`.
bool parseJsonObject(const HttpRequest &request, QJsonObject *out, HttpResponse *error, bool allowEmpty = false);

} // namespace provision
