#pragma once

#include "driveroptions.h"
#include "poedriver.h"
#include "snmpclient.h"

#include <memory>

class QThread;

// RFC 3621 POWER-ETHERNET-MIB over SNMP v1/v2c/v3 (net-snmp): pethPsePortAdminEnable
// (read/write), pethPsePortDetectionStatus, pethPsePortPowerClassifications, pethMainPse
// consumption, and optionally a vendor per-port power column in mW (Cisco, Cisco SB, Netgear,
// HPE, or any OID with the same group.port index). MAC learning from the BRIDGE-MIB or
// Q-BRIDGE-MIB forwarding table (bridge port numbers; offered as suggestions by default since
// PoE port numbering is vendor-specific). All net-snmp calls run on a worker thread per switch.
class SnmpDriver : public PoeDriver
{
    Q_OBJECT
public:
    struct Options
    {
        snmp::Config client;
        int group = 1;
        snmp::Oid portPowerColumn;     // mW per port, index group.port; empty = none
        enum class Fdb { None, Bridge, QBridge } fdb = Fdb::Bridge;
    };
    static Options parseOptions(poe::OptionReader &reader);

    SnmpDriver(const SwitchConfig &config, const poe::CommonOptions &common, QObject *parent = nullptr);
    ~SnmpDriver() override;

    [[nodiscard]] QString driverName() const override { return QStringLiteral("snmp"); }
    [[nodiscard]] Capabilities capabilities() const override;
    [[nodiscard]] int callTimeoutMs() const override;
    void readPorts(ReadCallback done) override;
    void setPortPower(const QString &port, bool on, DoneCallback done) override;
    void learnMacs(MacsCallback done) override;
    void abort() override;

    // OIDs (RFC 3621).
    static const snmp::Oid PsePortAdminEnable;     // .1.3.6.1.2.1.105.1.1.1.3
    static const snmp::Oid PsePortDetectionStatus; // .1.3.6.1.2.1.105.1.1.1.6
    static const snmp::Oid PsePortClassification;  // .1.3.6.1.2.1.105.1.1.1.10
    static const snmp::Oid MainPsePower;           // .1.3.6.1.2.1.105.1.3.1.1.2
    static const snmp::Oid MainPseConsumption;     // .1.3.6.1.2.1.105.1.3.1.1.4
    static const snmp::Oid Dot1dTpFdbPort;         // .1.3.6.1.2.1.17.4.3.1.2
    static const snmp::Oid Dot1qTpFdbPort;         // .1.3.6.1.2.1.17.7.1.2.2.1.2

    // Pure: builds the readout from the walked columns (tested without an agent).
    static poe::PortReadout buildReadout(int group, const QList<snmp::Varbind> &admin, const QList<snmp::Varbind> &detection,
                                         const QList<snmp::Varbind> &classes, const QList<snmp::Varbind> &milliwatts,
                                         const QList<snmp::Varbind> &main);

private:
    struct Bridge;
    // Runs `work` on the worker thread with the client; `deliver` back on the engine thread.
    template <typename Result>
    void post(std::function<Result(snmp::Client &)> work, std::function<void(const Result &)> deliver);

    Options m_options;
    QThread *m_thread;
    QObject *m_worker;                       // lives in m_thread
    std::shared_ptr<snmp::Client> m_client;  // used only on m_thread
    std::shared_ptr<Bridge> m_bridge;
    quint64 m_generation = 0;
    int m_lastPortCount = 8;                // sizes the next GETBULK
};
