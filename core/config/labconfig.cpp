#include "labconfig.h"

const DeviceConfig *LabConfig::device(const MacAddress &mac) const
{
    for (const auto &d : devices)
        if (d.mac == mac)
            return &d;
    return nullptr;
}

DeviceConfig *LabConfig::device(const MacAddress &mac)
{
    for (auto &d : devices)
        if (d.mac == mac)
            return &d;
    return nullptr;
}

const SwitchConfig *LabConfig::switchById(const QString &id) const
{
    for (const auto &s : switches)
        if (s.id == id)
            return &s;
    return nullptr;
}

const ProfileConfig *LabConfig::profile(const QString &id) const
{
    for (const auto &p : profiles)
        if (p.id == id)
            return &p;
    return nullptr;
}
