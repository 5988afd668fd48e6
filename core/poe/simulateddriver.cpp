#include "simulateddriver.h"

#include "simulatedswitch.h"

#include <QTimer>

SimulatedDriver::Options SimulatedDriver::parseOptions(poe::OptionReader &r)
{
    Options o;
    o.latencyMs = r.integer(QStringLiteral("latency_ms"), 0, 60000, o.latencyMs);
    o.powerOnMs = r.integer(QStringLiteral("power_on_ms"), 0, 60000, o.powerOnMs);
    return o;
}

SimulatedDriver::SimulatedDriver(const SwitchConfig &config, QObject *parent)
    : PoeDriver(parent)
{
    poe::OptionReader r(config, nullptr);
    m_options = parseOptions(r);
    m_switch = new SimulatedSwitch(config.ports > 0 ? config.ports : 8, this);
    m_switch->setPowerOnDelayMs(m_options.powerOnMs);
}

PoeDriver::Capabilities SimulatedDriver::capabilities() const
{
    Capabilities c;
    c.portWatts = true;
    c.learnMacs = true;
    return c;
}

void SimulatedDriver::later(std::function<void()> fn)
{
    const quint64 gen = m_generation;
    QTimer::singleShot(m_options.latencyMs, this, [this, gen, fn = std::move(fn)] {
        if (gen == m_generation)
            fn();
    });
}

void SimulatedDriver::readPorts(ReadCallback done)
{
    later([this, done] { done(poe::Error::none(), m_switch->readout()); });
}

void SimulatedDriver::setPortPower(const QString &port, bool on, DoneCallback done)
{
    later([this, port, on, done] {
        bool ok = false;
        const int n = port.toInt(&ok);
        if (!ok || !m_switch->setPower(n, on)) {
            done(poe::Error::make(poe::Error::Kind::Rejected,
                                  QStringLiteral("the simulated switch has ports 1 to %1, not '%2'")
                                      .arg(m_switch->portCount())
                                      .arg(port)));
            return;
        }
        done(poe::Error::none());
    });
}

void SimulatedDriver::learnMacs(MacsCallback done)
{
    later([this, done] { done(poe::Error::none(), m_switch->sightings()); });
}

void SimulatedDriver::abort()
{
    ++m_generation;
}
