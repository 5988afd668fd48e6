#pragma once

#include "driveroptions.h"
#include "poedriver.h"

class SimulatedSwitch;

// Drives a SimulatedSwitch through the same interface as a real switch, with an optional
// response latency (options.latency_ms) so that slow switches can be rehearsed.
class SimulatedDriver : public PoeDriver
{
    Q_OBJECT
public:
    struct Options
    {
        int latencyMs = 0;
        int powerOnMs = 800;
    };
    static Options parseOptions(poe::OptionReader &reader);

    SimulatedDriver(const SwitchConfig &config, QObject *parent = nullptr);

    [[nodiscard]] SimulatedSwitch *simulatedSwitch() const { return m_switch; }

    [[nodiscard]] QString driverName() const override { return QStringLiteral("simulated"); }
    [[nodiscard]] Capabilities capabilities() const override;
    [[nodiscard]] int callTimeoutMs() const override { return 2000 + m_options.latencyMs; }
    void readPorts(ReadCallback done) override;
    void setPortPower(const QString &port, bool on, DoneCallback done) override;
    void learnMacs(MacsCallback done) override;
    void abort() override;

private:
    void later(std::function<void()> fn);

    Options m_options;
    SimulatedSwitch *m_switch;
    quint64 m_generation = 0;
};
