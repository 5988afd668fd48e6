#pragma once

#include "driveroptions.h"
#include "poedriver.h"

#include <QJsonArray>
#include <QJsonObject>

class HttpJsonClient;

// TP-Link Omada software/hardware controller (v5 web API, as MarkGodwin/tplink-omada-api uses
// it): GET /api/info for the controller id, POST /{id}/api/v2/login for the Csrf-Token (sent
// back with the TPOMADA_SESSIONID cookie), switch ports with `poe` and portStatus.poePower.
// Setting PoE PATCHes the whole port (the controller resets omitted settings), so the port
// and, if needed, its profile are read first. No cycle primitive. Controller >= 6 takes the
// PATCH on /openapi/v1/... (unverified against hardware).
class OmadaDriver : public PoeDriver
{
    Q_OBJECT
public:
    struct Options
    {
        poe::HttpOptions http;
        QString site = QStringLiteral("Default");
        MacAddress device;
    };
    static Options parseOptions(poe::OptionReader &reader, const QString &baseDir);

    OmadaDriver(const SwitchConfig &config, const QString &baseDir, int timeoutMs, QObject *parent = nullptr);

    [[nodiscard]] QString driverName() const override { return QStringLiteral("omada"); }
    [[nodiscard]] Capabilities capabilities() const override;
    [[nodiscard]] int callTimeoutMs() const override { return 6 * m_timeoutMs; }
    void readPorts(ReadCallback done) override;
    void setPortPower(const QString &port, bool on, DoneCallback done) override;
    void learnMacs(MacsCallback done) override;
    void abort() override;

    static QList<poe::PortStatus> parsePorts(const QJsonArray &ports);
    // The PATCH body that changes only PoE (`profile` is the port's profile when the port has
    // no override yet; `majorVersion` is the controller's).
    static QJsonObject patchBody(const QJsonObject &port, const QJsonObject &profile, bool on, int majorVersion);

private:
    using JsonCallback = std::function<void(const poe::Error &, const QJsonValue &result)>;
    void ensureLogin(std::function<void(const poe::Error &)> then);
    // Where a call's path is rooted: as given, /{id}/api/v2/sites/{site}/..., or the >= 6 OpenAPI.
    enum class Base { Absolute, SiteV2, SiteOpenApi };
    // First: log in if needed, and again once if the session is gone. Retry: that second try.
    // DuringLogin: the site lookup inside ensureLogin() (token just issued, no re-login).
    enum class Attempt { First, Retry, DuringLogin };
    void call(const QByteArray &verb, Base base, const QString &path, const QJsonObject &body, JsonCallback done,
              Attempt attempt = Attempt::First);
    [[nodiscard]] QString resolve(Base base, const QString &path) const;
    [[nodiscard]] QString switchMac() const;

    Options m_options;
    QString m_username;
    QString m_password;
    int m_timeoutMs;
    HttpJsonClient *m_http;
    QString m_controllerId;
    int m_majorVersion = 0;
    QString m_siteId;
    QByteArray m_token;
    quint64 m_generation = 0;
};
