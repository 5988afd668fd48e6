#pragma once

#include "poetypes.h"

#include <QHash>
#include <QList>
#include <QObject>

class QTimer;

// A PoE switch in software: ports with admin state, a PoweringOn phase (detection and
// classification take a moment on real PSEs) and plausible per-port draw (a Raspberry Pi 4
// idles at 4.2-5.4 W). The embedded demo lab powers its virtual Pis from one; the virtual lab
// listens to portPowerChanged() to start and stop them and may attach MACs to ports so that
// MAC learning works as on a real switch. Lives on the engine thread.
class SimulatedSwitch : public QObject
{
    Q_OBJECT
public:
    explicit SimulatedSwitch(int ports, QObject *parent = nullptr);
    ~SimulatedSwitch() override;

    [[nodiscard]] int portCount() const { return int(m_ports.size()); }
    void setPowerOnDelayMs(int ms) { m_powerOnMs = ms; }

    // `port` is 1-based. Returns false for a port that does not exist.
    bool setPower(int port, bool on);
    [[nodiscard]] bool isAdminOn(int port) const;
    [[nodiscard]] poe::PortStatus status(int port) const;
    [[nodiscard]] poe::PortReadout readout() const;

    // Something with this MAC is plugged into `port` (invalid MAC = unplugged).
    void attachDevice(int port, const MacAddress &mac);
    [[nodiscard]] QList<poe::MacSighting> sightings() const;

Q_SIGNALS:
    // The admin state of `port` changed (the moment power is switched, before detection).
    void portPowerChanged(int port, bool on);
    // Any observable change of `port` (PoweringOn finished, admin change).
    void portStatusChanged(int port);

private:
    struct Port
    {
        bool adminOn = false;
        bool poweringOn = false;
        QTimer *detect = nullptr;
        MacAddress device;
    };
    [[nodiscard]] bool valid(int port) const { return port >= 1 && port <= int(m_ports.size()); }
    [[nodiscard]] double draw(int port) const;

    QList<Port> m_ports;
    int m_powerOnMs = 800;
};
