#pragma once

#include "config/labconfig.h"
#include "devices/journalevent.h"
#include "engine/service.h"
#include "virtualpi.h"

#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QSet>

#include <functional>

class DeviceJournal;
class PowerManager;

// The virtual Raspberry Pis of a lab (devices with `virtual: true` or a `virtual:` fault block):
// one VirtualPi per device, powered by the simulated PoE switch its `power:` binding names (port
// on -> it boots, off -> it stops at once). Before the first boot it writes the simulation
// stand-ins the Pis need (StandInFile) into their own TFTP prefix directories
// (<tftp root>/<serial>/: start4.elf, fixup4.dat, the DTB and overlays, the arm64 iPXE boot
// file) and, for kernels/initrds the device's `osie` puts below <http root>/virtual-lab/, there.
// Nothing is written where a real device would be served from, and no real file is replaced.
// A failed boot is journaled (virtual.boot, stage error, the failing step) and retried after
// `retryDelayMs` while the port stays powered, like the EEPROM's BOOT_ORDER loop.
class VirtualLab : public Service
{
    Q_OBJECT
public:
    // Where the lab's services listen (ports may be ephemeral in tests).
    struct Endpoints
    {
        QHostAddress dhcpAddress = QHostAddress(QHostAddress::LocalHost);
        quint16 dhcpPort = 0;
        quint16 proxyPort = 0;
        quint16 tftpPort = 0;
        QString tftpRoot;
        QString httpRoot;
    };
    // Stand-in sizes (bytes); defaults are close to the real files.
    struct StandInSizes
    {
        qint64 startElf = 2'252'800;
        qint64 fixup = 5'400;
        qint64 ipxe = 230'000;
        qint64 kernel = 8LL << 20;
        qint64 initrd = 12LL << 20;
    };

    VirtualLab(DeviceJournal *journal, QObject *parent = nullptr);
    ~VirtualLab() override;

    [[nodiscard]] QString displayName() const override { return tr("Virtual lab"); }
    [[nodiscard]] QStringList endpoints() const override;

    void setEndpoints(std::function<Endpoints()> endpoints) { m_endpoints = std::move(endpoints); }
    void setPowerManager(PowerManager *power);
    void setStandInSizes(const StandInSizes &sizes) { m_sizes = sizes; }
    // Tests shorten the firmware's timing; applied to every Pi built afterwards.
    void setTiming(const std::function<void(VirtualPi::Config &)> &adjust) { m_adjust = adjust; }
    void setRetryDelayMs(int ms) { m_retryDelayMs = ms; }
    // Enables the service when the lab has virtual devices. Running Pis whose settings did not
    // change keep running.
    void setConfig(const LabConfig &config);

    [[nodiscard]] VirtualPi *pi(const MacAddress &mac) const { return m_pis.value(mac); }
    [[nodiscard]] QList<VirtualPi *> pis() const;
    // The address the lab gives the n-th virtual device (127.77.0.10 + n).
    static QHostAddress addressFor(int index);
    // (Re)writes the stand-ins of every virtual device; false + *error if one could not be written.
    bool prepareFiles(QString *error = nullptr);
    // Boots / stops a virtual Pi directly (what the simulated switch does; tests, CLI).
    bool setPower(const MacAddress &mac, bool on);

Q_SIGNALS:
    void piStageChanged(const MacAddress &mac, VirtualPi::Stage stage, const QString &detail);
    void piFailed(const MacAddress &mac, const QString &step, const QString &reason);
    void piOsUp(const MacAddress &mac);

protected:
    bool doStart(QString *error) override;
    void doStop() override;

private:
    void rebuild();
    void attachToSwitches();
    void onPortPower(const QString &switchId, const QString &port, bool on);
    void onFailed(VirtualPi *pi, const QString &step, const QString &reason);
    [[nodiscard]] VirtualPi::Config piConfig(const DeviceConfig &device, int index) const;
    bool writeStandIn(const QString &path, const QByteArray &content, QString *error) const;
    // Puts a hard link to `existing` (a stand-in just written) at `path`; false if the file system
    // cannot (the caller writes the bytes instead).
    bool linkStandIn(const QString &existing, const QString &path) const;
    void journal(const MacAddress &mac, const QString &message, JournalEvent::Severity severity, BootStage stage,
                 const QJsonObject &data);

    DeviceJournal *m_journal;
    QPointer<PowerManager> m_power;
    std::function<Endpoints()> m_endpoints;
    std::function<void(VirtualPi::Config &)> m_adjust;
    StandInSizes m_sizes;
    LabConfig m_config;
    QList<DeviceConfig> m_devices;                 // the virtual ones, in lab.yaml order
    QHash<MacAddress, VirtualPi *> m_pis;
    QHash<MacAddress, int> m_retries;
    QSet<QObject *> m_watched;                     // simulated switches whose port status we follow
    int m_retryDelayMs = 5000;
};
