#pragma once

#include "driveroptions.h"
#include "poedriver.h"

#include <QJsonArray>

class HttpJsonClient;

// MikroTik RouterOS v7 REST API (/rest, HTTP Basic): /interface/ethernet/poe print, set
// poe-out, the power-cycle command and monitor (status, watts); MACs from the bridge host
// table. Ports are interface names ("ether5"). All JSON values are strings.
class MikrotikDriver : public PoeDriver
{
    Q_OBJECT
public:
    struct Options
    {
        poe::HttpOptions http;
        QString onMode = QStringLiteral("auto-on");   // what "on" writes: auto-on or forced-on
    };
    static Options parseOptions(poe::OptionReader &reader, const QString &baseDir);

    MikrotikDriver(const SwitchConfig &config, const QString &baseDir, int timeoutMs, QObject *parent = nullptr);

    [[nodiscard]] QString driverName() const override { return QStringLiteral("mikrotik"); }
    [[nodiscard]] Capabilities capabilities() const override;
    [[nodiscard]] int callTimeoutMs() const override { return 3 * m_timeoutMs; }
    void readPorts(ReadCallback done) override;
    void setPortPower(const QString &port, bool on, DoneCallback done) override;
    void powerCycle(const QString &port, int offSeconds, DoneCallback done) override;
    void learnMacs(MacsCallback done) override;
    void abort() override;

    // Pure helpers (tested directly): `poe` is the print answer, `monitor` the monitor answer.
    static QList<poe::PortStatus> parsePorts(const QJsonArray &poe, const QJsonArray &monitor);
    static poe::Detection detectionFromStatus(const QString &poeOutStatus);

private:
    using JsonCallback = std::function<void(const poe::Error &, const QJsonValue &)>;
    void call(const QByteArray &verb, const QString &path, const QByteArray &body, JsonCallback done);

    Options m_options;
    QByteArray m_authorization;
    int m_timeoutMs;
    HttpJsonClient *m_http;
    quint64 m_generation = 0;
};
