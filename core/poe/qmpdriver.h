#pragma once

#include "driveroptions.h"
#include "poedriver.h"

#include <QHash>
#include <QStringList>

#include <functional>

class QmpMachine;

// QEMU virtual machines as the devices of a "switch": one port = one VM, whose power is its
// QEMU process, driven through QMP (QmpMachine). `address` is the run directory holding each
// port's QMP socket, serial log and UEFI variable store; options (docs/poe.md):
//
//   command          the QEMU command line, split into arguments (no shell) before the
//                    placeholders {port} {mac} {vars} {serial_log} {dir} {switch} are replaced
//   command.<port>   the same for one port (heterogeneous VMs on one switch)
//   mac.<port>       the VM's MAC ({mac}); also what MAC learning reports for the port
//   vars_template    copied to {vars} (<dir>/<port>.vars.fd) when that file does not exist yet
//   port_list        port names (else `ports: N` → 1..N)
//   start_timeout    s from launch until QMP answers (20); quit_timeout: s for "quit" (10)
//   cycle            power (off, cycle_off_time, on; default) or reset (QMP system_reset)
//
// The driver adds `-qmp unix:<dir>/<port>.qmp,server=on,wait=off` itself.
class QmpDriver : public PoeDriver
{
    Q_OBJECT
public:
    struct Port
    {
        QString name;
        QString mac;
        QStringList argv;        // expanded
    };
    struct Options
    {
        QString dir;
        QList<Port> ports;
        QString varsTemplate;
        int startTimeoutMs = 20000;
        int quitTimeoutMs = 10000;
        bool resetCycle = false;
    };
    static Options parseOptions(poe::OptionReader &reader, const QString &baseDir);
    // Replaces {name} placeholders inside single arguments.
    static QStringList expand(const QStringList &tmpl, const QHash<QString, QString> &values);
    static QString fileStem(const QString &port);       // port name usable in a file name
    static QString socketPath(const QString &dir, const QString &port);
    static QString serialLogPath(const QString &dir, const QString &port);
    static QString varsPath(const QString &dir, const QString &port);

    // Called before a VM is launched, with the port: may write a fresh variable store to the
    // port's vars file (the UEFI engine's per-device rendering). Empty string = success.
    using VarsWriter = std::function<QString(const QString &port, const QString &varsPath)>;

    QmpDriver(const SwitchConfig &config, const QString &baseDir, int commandTimeoutMs, QObject *parent = nullptr);
    ~QmpDriver() override;

    [[nodiscard]] QString driverName() const override { return QStringLiteral("qmp"); }
    [[nodiscard]] Capabilities capabilities() const override;
    [[nodiscard]] int callTimeoutMs() const override;
    void readPorts(ReadCallback done) override;
    void setPortPower(const QString &port, bool on, DoneCallback done) override;
    void powerCycle(const QString &port, int offSeconds, DoneCallback done) override;
    void learnMacs(MacsCallback done) override;
    void abort() override;

    void setVarsWriter(VarsWriter writer) { m_varsWriter = std::move(writer); }
    [[nodiscard]] const Options &options() const { return m_options; }
    [[nodiscard]] QmpMachine *machine(const QString &port) const { return m_machines.value(port); }

private:
    template <typename F>
    auto guarded(F fn);

    Options m_options;
    QHash<QString, QmpMachine *> m_machines;
    QStringList m_order;
    int m_commandTimeoutMs;
    quint64 m_generation = 0;
    VarsWriter m_varsWriter;
};
