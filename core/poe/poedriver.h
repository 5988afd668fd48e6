#pragma once

#include "poetypes.h"

#include <QObject>

#include <functional>

// One switch API (SNMP, UniFi, MikroTik, OpenWrt, Omada, user commands, the simulator; QMP
// later). Lives on the engine thread; every call returns at once and reports through its
// callback on the engine thread. PoeSwitch serialises the calls (one at a time per switch),
// adds timeouts and retries, and composes power-cycles, so a driver only implements the
// primitives. After abort() a driver must not invoke callbacks of the aborted call (late
// callbacks are ignored anyway, but work must stop).
class PoeDriver : public QObject
{
    Q_OBJECT
public:
    struct Capabilities
    {
        bool nativeCycle = false;      // powerCycle() is the switch's own command
        bool portWatts = false;        // PortStatus::watts is measured
        bool learnMacs = false;        // learnMacs() is implemented
    };

    using ReadCallback = std::function<void(const poe::Error &, const poe::PortReadout &)>;
    using DoneCallback = std::function<void(const poe::Error &)>;
    using MacsCallback = std::function<void(const poe::Error &, const QList<poe::MacSighting> &)>;

    explicit PoeDriver(QObject *parent = nullptr) : QObject(parent) {}
    ~PoeDriver() override = default;

    // "snmp", "unifi", ...
    [[nodiscard]] virtual QString driverName() const = 0;
    [[nodiscard]] virtual Capabilities capabilities() const = 0;
    // A reasonable deadline for one call (PoeSwitch enforces it); SNMP derives it from its
    // own timeout and retries, HTTP drivers from the transfer timeout (login included).
    [[nodiscard]] virtual int callTimeoutMs() const { return 10000; }

    virtual void readPorts(ReadCallback done) = 0;
    virtual void setPortPower(const QString &port, bool on, DoneCallback done) = 0;
    // Native cycle only (capabilities().nativeCycle); the default reports Unsupported.
    virtual void powerCycle(const QString &port, int offSeconds, DoneCallback done);
    // Where capabilities().learnMacs; the default reports Unsupported.
    virtual void learnMacs(MacsCallback done);
    // Stops the call in progress (deadline passed, switch removed).
    virtual void abort() = 0;
};
