#include "simulatedswitch.h"

#include <QRandomGenerator>
#include <QTimer>

#include <cmath>

SimulatedSwitch::SimulatedSwitch(int ports, QObject *parent)
    : QObject(parent)
{
    m_ports.resize(qBound(0, ports, 1024));
}

SimulatedSwitch::~SimulatedSwitch() = default;

bool SimulatedSwitch::setPower(int port, bool on)
{
    if (!valid(port))
        return false;
    Port &p = m_ports[port - 1];
    if (p.adminOn == on)
        return true;
    p.adminOn = on;
    if (p.detect)
        p.detect->stop();
    p.poweringOn = on && m_powerOnMs > 0;
    if (p.poweringOn) {
        if (!p.detect) {
            p.detect = new QTimer(this);
            p.detect->setSingleShot(true);
            connect(p.detect, &QTimer::timeout, this, [this, port] {
                m_ports[port - 1].poweringOn = false;
                Q_EMIT portStatusChanged(port);
            });
        }
        p.detect->start(m_powerOnMs);
    }
    Q_EMIT portPowerChanged(port, on);
    Q_EMIT portStatusChanged(port);
    return true;
}

bool SimulatedSwitch::isAdminOn(int port) const
{
    return valid(port) && m_ports.at(port - 1).adminOn;
}

double SimulatedSwitch::draw(int port) const
{
    // A stable per-port base in 4.3..5.3 W plus a little noise, kept inside 4.2..5.4 W.
    const double base = 4.3 + std::fmod(port * 0.337, 1.0);
    const double noise = (QRandomGenerator::global()->generateDouble() - 0.5) * 0.16;
    return std::round(qBound(4.2, base + noise, 5.4) * 100.0) / 100.0;
}

poe::PortStatus SimulatedSwitch::status(int port) const
{
    poe::PortStatus s;
    s.port = QString::number(port);
    s.label = QStringLiteral("Port %1").arg(port);
    if (!valid(port))
        return s;
    const Port &p = m_ports.at(port - 1);
    s.adminOn = p.adminOn;
    if (!p.adminOn) {
        s.detection = poe::Detection::Disabled;
        s.watts = 0;
    } else if (p.poweringOn) {
        s.detection = poe::Detection::Searching;
        s.watts = 0;
    } else {
        s.detection = poe::Detection::Delivering;
        s.powerClass = 4;
        s.watts = draw(port);
    }
    return s;
}

poe::PortReadout SimulatedSwitch::readout() const
{
    poe::PortReadout r;
    double total = 0;
    for (int i = 1; i <= portCount(); ++i) {
        r.ports.append(status(i));
        total += qMax(0.0, r.ports.last().watts);
    }
    r.totalWatts = std::round(total * 100.0) / 100.0;
    r.budgetWatts = 15.4 * portCount();
    return r;
}

void SimulatedSwitch::attachDevice(int port, const MacAddress &mac)
{
    if (valid(port))
        m_ports[port - 1].device = mac;
}

QList<poe::MacSighting> SimulatedSwitch::sightings() const
{
    QList<poe::MacSighting> out;
    for (int i = 0; i < portCount(); ++i)
        if (m_ports.at(i).device.isValid())
            out.append({m_ports.at(i).device, QString::number(i + 1)});
    return out;
}
