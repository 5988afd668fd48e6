#pragma once

#include "common/macaddress.h"
#include "devices/bootstage.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// Plain data shared by every PoE driver, the per-switch runtime (PoeSwitch) and PowerManager.
namespace poe {

// Operational state of a PSE port, modelled on RFC 3621 pethPsePortDetectionStatus.
enum class Detection { Unknown, Disabled, Searching, Delivering, Fault, Test, OtherFault };

QString detectionName(Detection detection);          // "delivering", "searching", ...

// What went wrong with a switch call. `kind` decides whether a retry may help.
struct Error
{
    enum class Kind {
        None,
        Timeout,        // no answer in time (dead switch, wrong SNMPv2c community, firewall)
        Unreachable,    // connection refused, host unknown, TLS failure
        Auth,           // credentials rejected
        Rejected,       // the switch answered with an error (bad port, read-only, invalid value)
        Protocol,       // answer not understood
        Unsupported,    // the driver cannot do this
        Cancelled,      // superseded, switch removed, service stopped
    };
    Kind kind = Kind::None;
    QString message;      // one English sentence, no secrets

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
    [[nodiscard]] bool isTransient() const { return kind == Kind::Timeout || kind == Kind::Unreachable; }
    static Error none() { return {}; }
    static Error make(Kind kind, QString message) { return Error{kind, std::move(message)}; }
    static QString kindName(Kind kind);
};

// One port as a driver reads it. Fields a switch does not report stay at their "unknown" value.
struct PortStatus
{
    QString port;                        // driver port id: "5", "ether5", "lan3"
    QString label;                       // what the switch calls it, for the GUI
    std::optional<bool> adminOn;         // PSE enabled on the port
    Detection detection = Detection::Unknown;
    int powerClass = -1;                 // 0..8, -1 unknown
    double watts = -1;                   // measured draw, < 0 unknown
};

struct PortReadout
{
    QList<PortStatus> ports;
    double totalWatts = -1;              // whole PSE, when the switch reports it
    double budgetWatts = -1;
};

// A MAC address the switch has seen behind a port (FDB, UniFi last_connection, bridge host table).
struct MacSighting
{
    MacAddress mac;
    QString port;
};

// The power state a port's readings imply for the device behind it.
PowerState derivePowerState(const PortStatus &status);

// Parses a number out of strings such as "4.7", "4.7W", " 2.56 " (UniFi, MikroTik). -1 if none.
double parseWatts(const QString &text);

// Port names accepted from configuration and from the GUI: letters, digits and . _ / : -
// (1 to 32 characters). Keeps port values safe to put into URLs and command arguments.
bool isValidPortName(const QString &port);

// A readout comes from the switch, or from whatever answers in its name: PoeSwitch keeps at most
// MaxPorts ports with valid, distinct ids; a power class outside 0..8 becomes unknown (-1); watts
// that are not finite or beyond MaxPortWatts (per port; 802.3bt type 4 delivers ~90 W) or
// MaxSwitchWatts (totals) become unknown. Returns how many ports were dropped.
inline constexpr int MaxPorts = 512;
inline constexpr double MaxPortWatts = 200;
inline constexpr double MaxSwitchWatts = 100000;
int sanitizeReadout(PortReadout *readout);

} // namespace poe

Q_DECLARE_METATYPE(poe::PortStatus)
