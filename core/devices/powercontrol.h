#pragma once

#include "common/macaddress.h"

#include <QString>

#include <functional>

// How anything (Redfish Reset, GUI buttons, bulk actions, the virtual lab) asks for a device's
// power to change. Implemented by the PoE power manager (core/poe), which maps the device to its
// switch port and driver. Results arrive asynchronously on the engine thread; the observed state
// is published through DeviceRegistry::setPower().
class PowerControl
{
public:
    enum class Action { On, Off, Cycle };
    using Callback = std::function<void(bool ok, const QString &error)>;

    virtual ~PowerControl() = default;

    // Whether `mac` has a power binding this controller can drive (why not, if not).
    [[nodiscard]] virtual bool canControl(const MacAddress &mac, QString *why) const = 0;
    // `requester` names who asked ("redfish:admin", "gui", "api") for the journal.
    virtual void requestPower(const MacAddress &mac, Action action, const QString &requester, Callback done) = 0;

    static QString actionName(Action action)
    {
        switch (action) {
        case Action::On: return QStringLiteral("on");
        case Action::Off: return QStringLiteral("off");
        case Action::Cycle: return QStringLiteral("cycle");
        }
        return QStringLiteral("on");
    }
};
