#pragma once

#include "driveroptions.h"
#include "poedriver.h"

#include <QJsonObject>

class HttpJsonClient;

// OpenWrt switches running realtek-poe, through rpcd's JSON-RPC endpoint (/ubus): `poe info`
// (per-port status and consumption) and `poe manage` (enable/disable). Logs in with
// session.login when a username is configured, else uses the anonymous session (which needs
// an rpcd ACL for poe info/manage, as labgrid documents). No cycle primitive, no MAC table.
class OpenwrtDriver : public PoeDriver
{
    Q_OBJECT
public:
    struct Options
    {
        poe::HttpOptions http;
        QString path = QStringLiteral("/ubus");
    };
    static Options parseOptions(poe::OptionReader &reader, const QString &baseDir);

    OpenwrtDriver(const SwitchConfig &config, const QString &baseDir, int timeoutMs, QObject *parent = nullptr);

    [[nodiscard]] QString driverName() const override { return QStringLiteral("openwrt"); }
    [[nodiscard]] Capabilities capabilities() const override;
    [[nodiscard]] int callTimeoutMs() const override { return 3 * m_timeoutMs; }
    void readPorts(ReadCallback done) override;
    void setPortPower(const QString &port, bool on, DoneCallback done) override;
    void abort() override;

    static poe::PortReadout parseInfo(const QJsonObject &info);
    static constexpr const char *AnonymousSession = "00000000000000000000000000000000";

private:
    using ResultCallback = std::function<void(const poe::Error &, const QJsonObject &)>;
    void ubusCall(const QString &object, const QString &method, const QJsonObject &args, ResultCallback done,
                  bool retried = false);
    void rawCall(const QString &session, const QString &object, const QString &method, const QJsonObject &args,
                 std::function<void(const poe::Error &, int ubusStatus, bool accessDenied, const QJsonObject &)> done);
    void login(std::function<void(const poe::Error &)> then);

    Options m_options;
    QString m_username;
    QString m_password;
    int m_timeoutMs;
    HttpJsonClient *m_http;
    QString m_session;
    int m_nextId = 1;
    quint64 m_generation = 0;
};
