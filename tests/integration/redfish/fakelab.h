#pragma once

// Test doubles for the lab parts other engineers provide (PoE power, UEFI settings), implementing
// the same interfaces: a simulated power driver that publishes power states through the registry
// like the PoE manager, and an in-memory firmware settings store with typed attributes.

#include "devices/deviceregistry.h"
#include "devices/firmwaresettings.h"
#include "devices/powercontrol.h"
#include "engine/labengine.h"
#include "redfish/redfishcontext.h"

#include <QHash>
#include <QPointer>
#include <QTimer>

class SimulatedPower : public PowerControl
{
public:
    explicit SimulatedPower(DeviceRegistry *registry, int bootDelayMs = 200)
        : m_registry(registry), m_delay(bootDelayMs) {}
    bool canControl(const MacAddress &mac, QString *why) const override
    {
        if (!m_registry->find(mac)) {
            *why = QStringLiteral("unknown device");
            return false;
        }
        return true;
    }
    void requestPower(const MacAddress &mac, Action action, const QString &, Callback done) override
    {
        ++requests;
        lastAction = action;
        QPointer<DeviceRegistry> reg(m_registry);
        if (action == Action::Off) {
            m_registry->setPower(mac, PowerState::Off, 0);
        } else {
            if (action == Action::Cycle)
                m_registry->setPower(mac, PowerState::Off, 0);
            m_registry->setPower(mac, PowerState::PoweringOn, 2.5);
            QTimer::singleShot(m_delay, m_registry, [reg, mac] {
                if (reg)
                    reg->setPower(mac, PowerState::On, 4.2);
            });
        }
        done(true, QString());
    }
    int requests = 0;
    Action lastAction = Action::On;

private:
    DeviceRegistry *m_registry;
    int m_delay;
};

class MemoryFirmwareSettings : public FirmwareSettings
{
public:
    QList<Attribute> attributes(const MacAddress &mac) const override
    {
        QList<Attribute> list;
        Attribute cpu;
        cpu.name = QStringLiteral("CpuClock");
        cpu.displayName = QStringLiteral("CPU clock");
        cpu.type = Attribute::Type::Enumeration;
        cpu.allowedValues = {{QStringLiteral("0"), QStringLiteral("Default")}, {QStringLiteral("1"), QStringLiteral("Low")},
                             {QStringLiteral("2"), QStringLiteral("Max")}};
        cpu.defaultValue = QStringLiteral("1");
        list << cpu;
        Attribute ram;
        ram.name = QStringLiteral("RamLimitTo3GB");
        ram.displayName = QStringLiteral("Limit RAM to 3 GB");
        ram.type = Attribute::Type::Boolean;
        ram.defaultValue = true;
        list << ram;
        Attribute fan;
        fan.name = QStringLiteral("FanOnGpio");
        fan.displayName = QStringLiteral("Fan GPIO");
        fan.type = Attribute::Type::Integer;
        fan.lowerBound = 0;
        fan.upperBound = 40;
        fan.defaultValue = 0;
        list << fan;
        const QVariantMap over = m_values.value(mac);
        for (Attribute &a : list)
            a.currentValue = over.value(a.name, a.defaultValue);
        return list;
    }
    bool setAttributes(const MacAddress &mac, const QVariantMap &values, QString *) override
    {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            m_values[mac].insert(it.key(), it.value());
        return true;
    }
    bool resetToDefaults(const MacAddress &mac, QString *) override
    {
        m_values.remove(mac);
        return true;
    }
    QString firmwareVersion(const MacAddress &) const override { return QStringLiteral("pftf RPi4 UEFI v1.38"); }

private:
    QHash<MacAddress, QVariantMap> m_values;
};

// The Redfish backend of a LabEngine whose power and firmware settings come from these doubles.
inline redfish::Backend fakeBackend(LabEngine &engine, PowerControl *power, FirmwareSettings *firmware)
{
    redfish::Backend backend;
    backend.registry = engine.registry();
    backend.journal = engine.journal();
    backend.bootControl = engine.bootControl();
    backend.inventory = engine.inventory();
    backend.powerControl = [power] { return power; };
    backend.firmwareSettings = [firmware] { return firmware; };
    backend.config = [&engine]() -> const LabConfig & { return engine.config(); };
    backend.modifyConfig = [&engine](const std::function<void(LabConfig &)> &change, QString *why) {
        return engine.modifyConfig(change, why);
    };
    backend.configDir = engine.paths().configDir;
    backend.dataDir = engine.paths().dataDir;
    return backend;
}

// lab.yaml device entries for `count` Pi 4 (dc:a6:32:00:00:01, ...), named pi-001, ...
inline QByteArray fakeDevicesYaml(int count)
{
    QByteArray yaml("devices:\n");
    for (int i = 1; i <= count; ++i) {
        const QByteArray mac = QStringLiteral("dc:a6:32:%1:%2:%3")
                                   .arg((i >> 16) & 0xff, 2, 16, QLatin1Char('0'))
                                   .arg((i >> 8) & 0xff, 2, 16, QLatin1Char('0'))
                                   .arg(i & 0xff, 2, 16, QLatin1Char('0'))
                                   .toLatin1();
        yaml += "  \"" + mac + "\": {name: pi-" + QByteArray::number(i).rightJustified(3, '0') + ", serial: \"6b1d"
            + QByteArray::number(i, 16).rightJustified(4, '0') + "\", model: pi4, profile: default}\n";
    }
    return yaml;
}
