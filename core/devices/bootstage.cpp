#include "bootstage.h"

#include <array>
#include <utility>

namespace {
constexpr std::array<std::pair<BootStage, const char *>, 10> StageNames{{
    {BootStage::Unknown, "unknown"},
    {BootStage::Off, "off"},
    {BootStage::PoweringOn, "powering-on"},
    {BootStage::Dhcp, "dhcp"},
    {BootStage::Tftp, "tftp"},
    {BootStage::Uefi, "uefi"},
    {BootStage::Ipxe, "ipxe"},
    {BootStage::OsLoading, "os-loading"},
    {BootStage::OsUp, "os-up"},
    {BootStage::Error, "error"},
}};
constexpr std::array<std::pair<PowerState, const char *>, 5> PowerNames{{
    {PowerState::Unknown, "unknown"},
    {PowerState::On, "on"},
    {PowerState::Off, "off"},
    {PowerState::PoweringOn, "powering-on"},
    {PowerState::PoweringOff, "powering-off"},
}};
} // namespace

namespace bootstage {
QString toString(BootStage stage)
{
    for (const auto &[s, name] : StageNames)
        if (s == stage)
            return QString::fromLatin1(name);
    return QStringLiteral("unknown");
}

BootStage fromString(const QString &name)
{
    for (const auto &[s, n] : StageNames)
        if (name == QLatin1String(n))
            return s;
    return BootStage::Unknown;
}
} // namespace bootstage

namespace powerstate {
QString toString(PowerState state)
{
    for (const auto &[s, name] : PowerNames)
        if (s == state)
            return QString::fromLatin1(name);
    return QStringLiteral("unknown");
}

PowerState fromString(const QString &name)
{
    for (const auto &[s, n] : PowerNames)
        if (name == QLatin1String(n))
            return s;
    return PowerState::Unknown;
}
} // namespace powerstate
