#pragma once

#include "deviceinfo.h"
#include "journalevent.h"

#include <QHash>
#include <QList>
#include <QObject>

class DeviceJournal;

// All devices the lab knows: adopted ones from lab.yaml plus those discovered on the wire.
// Services report observations here; the GUI and APIs read it. Lives on the engine thread.
class DeviceRegistry : public QObject
{
    Q_OBJECT
public:
    explicit DeviceRegistry(DeviceJournal *journal, QObject *parent = nullptr);

    // Adopted devices = the config's devices. Devices that disappear from the config become
    // "discovered" again if they were ever seen, otherwise they are removed.
    void applyConfig(const QList<DeviceConfig> &devices);

    [[nodiscard]] const DeviceInfo *find(const MacAddress &mac) const;
    [[nodiscard]] const DeviceInfo *findBySerial(const QString &serial) const;
    [[nodiscard]] const DeviceInfo *findByIp(const QHostAddress &ip) const;
    [[nodiscard]] QList<DeviceInfo> all() const;   // in insertion order
    [[nodiscard]] int count() const { return int(m_order.size()); }

    // A device was seen on the wire. Registers it (and journals "device.discovered") if new.
    // Empty `serial`/`model` leave the known values alone. Returns true if it was new.
    bool observe(const MacAddress &mac, const QString &serial = {}, const QString &model = {},
                 const QHostAddress &ip = {});
    void setIp(const MacAddress &mac, const QHostAddress &ip);
    void setStage(const MacAddress &mac, BootStage stage, const QString &detail = {});
    void setPower(const MacAddress &mac, PowerState state, double watts = -1);
    void setLifecycle(const MacAddress &mac, const QString &lifecycle);
    bool remove(const MacAddress &mac);
    // After a restart (journal opened, config applied): gives every known device whose stage is
    // still Unknown its last journaled stage (with its time and file) and its last event, so
    // the fleet shows where each device was instead of "Unknown". Returns the devices updated.
    int restoreFromJournal();

    // Devices seen on the wire but not in lab.yaml are kept up to this many; beyond it the ones
    // seen longest ago are forgotten (they come back when they boot again). Adopted devices never
    // count: a flood of requests with random MACs cannot grow memory or the GUI without bound.
    static constexpr int DefaultMaxDiscovered = 1024;
    void setMaxDiscovered(int max) { m_maxDiscovered = qMax(1, max); }
    [[nodiscard]] int maxDiscovered() const { return m_maxDiscovered; }
    [[nodiscard]] quint64 evictedDiscovered() const { return m_evicted; }

Q_SIGNALS:
    void deviceAdded(const DeviceInfo &device);
    void deviceChanged(const DeviceInfo &device);
    void deviceRemoved(const MacAddress &mac);

private:
    void onJournalEvent(const JournalEvent &event);
    DeviceInfo &insert(const MacAddress &mac);
    void makeRoomForDiscovered();
    void changed(const DeviceInfo &device) { Q_EMIT deviceChanged(device); }

    DeviceJournal *m_journal;
    QHash<MacAddress, DeviceInfo> m_devices;
    QList<MacAddress> m_order;
    int m_maxDiscovered = DefaultMaxDiscovered;
    quint64 m_evicted = 0;
};
