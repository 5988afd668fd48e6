#pragma once

#include "driveroptions.h"
#include "poedriver.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

class HttpJsonClient;

// UniFi Network controller (classic self-hosted/CloudKey G1 and UniFi OS consoles): cookie
// login (+ X-CSRF-Token on UniFi OS), PoE on/off by read-modify-write of the device's
// port_overrides, the devmgr power-cycle command, watts from port_table, and the client ->
// uplink switch -> port_table.last_connection mapping metal-boot uses to find a Pi's port.
// One SwitchConfig = one UniFi switch (options.device = its MAC) on one controller.
class UnifiDriver : public PoeDriver
{
    Q_OBJECT
public:
    struct Options
    {
        poe::HttpOptions http;
        QString site = QStringLiteral("default");
        MacAddress device;
        std::optional<bool> unifiOs;      // nullopt = detect (GET / answers 200 on UniFi OS)
    };
    static Options parseOptions(poe::OptionReader &reader, const QString &baseDir);

    UnifiDriver(const SwitchConfig &config, const QString &baseDir, int timeoutMs, QObject *parent = nullptr);

    [[nodiscard]] QString driverName() const override { return QStringLiteral("unifi"); }
    [[nodiscard]] Capabilities capabilities() const override;
    [[nodiscard]] int callTimeoutMs() const override { return 4 * m_timeoutMs; }
    void readPorts(ReadCallback done) override;
    void setPortPower(const QString &port, bool on, DoneCallback done) override;
    void powerCycle(const QString &port, int offSeconds, DoneCallback done) override;
    void learnMacs(MacsCallback done) override;
    void abort() override;

    // Pure helpers (tested directly).
    static QList<poe::PortStatus> parsePortTable(const QJsonArray &portTable);
    // port_overrides with `portIdx` set to `poeMode`, other entries untouched.
    static QJsonArray withPoeMode(const QJsonArray &overrides, const QJsonArray &portTable, int portIdx,
                                  const QString &poeMode);

private:
    using JsonCallback = std::function<void(const poe::Error &, const QJsonArray &data)>;
    // A Network API call under {prefix}/api/s/{site}/..., logging in first (again after a 401).
    void call(const QByteArray &verb, const QString &sitePath, const QJsonObject &body, JsonCallback done,
              bool retried = false);
    void ensureLogin(std::function<void(const poe::Error &)> then);
    void login(std::function<void(const poe::Error &)> then);
    void fetchDevice(std::function<void(const poe::Error &, const QJsonObject &device)> then);
    [[nodiscard]] QString prefix() const;

    Options m_options;
    QString m_username;
    QString m_password;
    int m_timeoutMs;
    HttpJsonClient *m_http;
    std::optional<bool> m_isUnifiOs;
    bool m_loggedIn = false;
    QByteArray m_csrf;
    quint64 m_generation = 0;
};
