#include "poetypes.h"

#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace poe {

QString detectionName(Detection detection)
{
    switch (detection) {
    case Detection::Unknown: return QStringLiteral("unknown");
    case Detection::Disabled: return QStringLiteral("disabled");
    case Detection::Searching: return QStringLiteral("searching");
    case Detection::Delivering: return QStringLiteral("delivering");
    case Detection::Fault: return QStringLiteral("fault");
    case Detection::Test: return QStringLiteral("test");
    case Detection::OtherFault: return QStringLiteral("other-fault");
    }
    return QStringLiteral("unknown");
}

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Unreachable: return QStringLiteral("unreachable");
    case Kind::Auth: return QStringLiteral("auth");
    case Kind::Rejected: return QStringLiteral("rejected");
    case Kind::Protocol: return QStringLiteral("protocol");
    case Kind::Unsupported: return QStringLiteral("unsupported");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("none");
}

PowerState derivePowerState(const PortStatus &s)
{
    const bool delivering = s.detection == Detection::Delivering;
    if (!s.adminOn.has_value()) {
        if (delivering)
            return PowerState::On;
        if (s.detection == Detection::Disabled)
            return PowerState::Off;
        return PowerState::Unknown;
    }
    if (*s.adminOn) {
        switch (s.detection) {
        case Detection::Delivering:
        case Detection::Unknown:        // the switch reports only the admin state
            return PowerState::On;
        case Detection::Searching:
        case Detection::Test:
            return PowerState::PoweringOn;
        case Detection::Disabled:       // admin on but PSE idle: not powered (yet)
        case Detection::Fault:
        case Detection::OtherFault:
            return PowerState::Off;
        }
        return PowerState::On;
    }
    return delivering ? PowerState::PoweringOff : PowerState::Off;
}

double parseWatts(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return -1;
    bool ok = false;
    const double v = m.captured(1).toDouble(&ok);
    return ok ? v : -1;
}

int sanitizeReadout(PortReadout *r)
{
    auto watts = [](double w, double max) { return std::isfinite(w) && w >= 0 && w <= max ? w : -1.0; };
    QList<PortStatus> kept;
    QSet<QString> seen;
    int dropped = 0;
    for (PortStatus p : std::as_const(r->ports)) {
        if (kept.size() >= MaxPorts || !isValidPortName(p.port) || seen.contains(p.port)) {
            ++dropped;
            continue;
        }
        seen.insert(p.port);
        if (p.powerClass < -1 || p.powerClass > 8)
            p.powerClass = -1;
        p.watts = watts(p.watts, MaxPortWatts);
        p.label = p.label.left(64);
        kept.append(p);
    }
    r->ports = kept;
    r->totalWatts = watts(r->totalWatts, MaxSwitchWatts);
    r->budgetWatts = watts(r->budgetWatts, MaxSwitchWatts);
    return dropped;
}

bool isValidPortName(const QString &port)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._/:-]{0,31}$"));
    return re.match(port).hasMatch();
}

} // namespace poe
