#pragma once

#include "config/labconfig.h"
#include "driveroptions.h"
#include "poedriver.h"
#include "watthistory.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QQueue>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

// The runtime side of one configured switch: owns its driver, runs the driver's calls one at a
// time (several APIs are read-modify-write) with a deadline and retries, polls the ports,
// keeps the last readout, per-port watt history and learned MACs, and composes power-cycles
// (the switch's own command where it has one, else off / wait / on) with read-back checks
// that power really dropped and came back. Lives on the engine thread; never blocks it.
class PoeSwitch : public QObject
{
    Q_OBJECT
public:
    using DoneCallback = std::function<void(const poe::Error &)>;
    struct CycleReport
    {
        bool native = false;                 // the switch's own cycle command was used
        std::optional<bool> dropped;         // power was seen to stop while off (generic cycle)
        std::optional<bool> returned;        // power was seen flowing again afterwards
    };
    using CycleCallback = std::function<void(const poe::Error &, const CycleReport &)>;

    // Takes ownership of `driver`.
    PoeSwitch(const SwitchConfig &config, PoeDriver *driver, const poe::CommonOptions &common, QObject *parent = nullptr);
    ~PoeSwitch() override;

    [[nodiscard]] const SwitchConfig &config() const { return m_config; }
    [[nodiscard]] QString id() const { return m_config.id; }
    [[nodiscard]] PoeDriver *driver() const { return m_driver; }
    [[nodiscard]] const poe::CommonOptions &options() const { return m_common; }

    // Polling: now, then every poll_interval (slower while the switch does not answer).
    void start();
    // Stops polling and fails everything queued or running with Cancelled.
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }

    void refresh(DoneCallback done = {});
    // Switches the port, then reads the ports back; `done` after the read-back.
    void setPower(const QString &port, bool on, DoneCallback done);
    void cycle(const QString &port, int offSeconds, CycleCallback done);
    void learn(DoneCallback done = {});

    // Snapshot of what the switch last told us.
    [[nodiscard]] bool hasReadout() const { return m_lastRead.isValid(); }
    [[nodiscard]] bool isReachable() const { return m_reachable; }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] QDateTime lastRead() const { return m_lastRead; }
    [[nodiscard]] QList<poe::PortStatus> ports() const { return m_ports; }
    [[nodiscard]] const poe::PortStatus *port(const QString &name) const;
    [[nodiscard]] double totalWatts() const { return m_totalWatts; }
    [[nodiscard]] double budgetWatts() const { return m_budgetWatts; }
    [[nodiscard]] QList<WattHistory::Sample> history(const QString &port) const;
    [[nodiscard]] QList<poe::MacSighting> sightings() const { return m_sightings; }
    [[nodiscard]] int pendingOperations() const { return int(m_queue.size()); }
    // Never more than 1: calls to one switch are serialised (checked by the tests).
    [[nodiscard]] int maxConcurrentCalls() const { return m_maxConcurrent; }
    // Why `port` cannot be used (invalid name, not on this switch); empty if fine.
    [[nodiscard]] QString checkPort(const QString &port) const;

    static constexpr int HistoryCapacity = 720;

Q_SIGNALS:
    void portChanged(const QString &switchId, const poe::PortStatus &before, const poe::PortStatus &after);
    void readoutUpdated(const QString &switchId);
    void reachabilityChanged(const QString &switchId, bool reachable, const QString &error);
    void macsLearned(const QString &switchId, const QList<poe::MacSighting> &sightings);

private:
    struct Op
    {
        enum class Kind { Read, Set, Cycle, Learn } kind = Kind::Read;
        QString port;
        bool on = false;
        int seconds = 0;
        int attempt = 0;
        bool started = false;
        QList<DoneCallback> waiters;
    };
    void enqueue(Op op);
    void schedulePump();
    void pump();
    void runHead();
    void complete(quint64 call, const poe::Error &error);
    void onDeadline();
    [[nodiscard]] bool shouldRetry(const Op &op, const poe::Error &error) const;
    void applyReadout(const poe::PortReadout &readout);
    void setReachable(bool reachable, const QString &error);
    void schedulePoll();
    void verifyReturn(const QString &port, std::shared_ptr<CycleReport> report, CycleCallback done, int attemptsLeft,
                      bool readFirst);

    SwitchConfig m_config;
    PoeDriver *m_driver;
    poe::CommonOptions m_common;
    QQueue<Op> m_queue;
    bool m_inFlight = false;
    bool m_pumpScheduled = false;
    quint64 m_call = 0;
    int m_active = 0;
    int m_maxConcurrent = 0;
    QTimer m_deadline;
    QTimer m_retry;
    QTimer m_poll;
    bool m_running = false;
    int m_failures = 0;
    int m_pollsSinceLearn = 0;

    QList<poe::PortStatus> m_ports;
    QHash<QString, WattHistory> m_history;
    int m_droppedPorts = 0;
    QList<poe::MacSighting> m_sightings;
    double m_totalWatts = -1;
    double m_budgetWatts = -1;
    QDateTime m_lastRead;
    bool m_reachable = true;
    QString m_lastError;
};
