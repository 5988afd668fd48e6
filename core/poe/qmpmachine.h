#pragma once

#include "poetypes.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <functional>

class QmpClient;

// One QEMU virtual machine behind one port of a `qmp` switch. Power on = launch QEMU (the
// port's argument list, plus -qmp on a Unix socket) and connect to its QMP socket; off = QMP
// "quit", SIGTERM/SIGKILL by pid when QEMU does not exit in time; reset = "system_reset".
// Tracks the process it started and nothing else; the destructor ends it. Asynchronous
// throughout (QProcess, QLocalSocket, timers): nothing here waits on the engine thread, except
// the destructor's bounded wait for the process to exit.
class QmpMachine : public QObject
{
    Q_OBJECT
public:
    struct Spec
    {
        QString switchId;
        QString port;
        QString mac;                   // for the label and the environment; may be empty
        QStringList argv;              // program + arguments, placeholders already replaced
        QString socketPath;            // QMP socket we ask QEMU to create
        QString varsPath;              // {vars}: copied from varsTemplate when missing
        QString varsTemplate;
        int startTimeoutMs = 20000;    // process start until QMP ready
        int quitTimeoutMs = 10000;     // "quit" until the process is gone (then SIGTERM, SIGKILL)
        int commandTimeoutMs = 5000;   // one QMP command
    };
    enum class State { Off, Starting, Running, Stopping };
    using Done = std::function<void(const poe::Error &)>;
    using StatusDone = std::function<void(const poe::PortStatus &)>;
    // Called right before QEMU is launched: may (re)write the vars file. Empty = success.
    using Prepare = std::function<QString(const Spec &)>;

    explicit QmpMachine(Spec spec, QObject *parent = nullptr);
    ~QmpMachine() override;

    [[nodiscard]] const Spec &spec() const { return m_spec; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] qint64 pid() const;
    // The last lines QEMU printed (stdout + stderr, at most 4 KiB).
    [[nodiscard]] QByteArray output() const { return m_output; }
    void setPrepare(Prepare prepare) { m_prepare = std::move(prepare); }

    void powerOn(Done done);
    void powerOff(Done done);
    void reset(Done done);
    // Reads the state (QMP query-status while running); never fails, unknown parts stay unknown.
    void readStatus(StatusDone done);

    static QString stateName(State state);
    // QMP RunState (query-status "status") → PSE-like detection.
    static poe::Detection detectionFor(const QString &runState);

Q_SIGNALS:
    void stateChanged(QmpMachine::State state);

private:
    void setState(State state);
    void launch();
    void tryConnect();
    void onReady();
    void onFinished(int code, QProcess::ExitStatus status);
    void onStartTimeout();
    void onQuitTimeout();
    void finishStart(const poe::Error &error);
    void finishStop();
    void readOutput();
    [[nodiscard]] QString lastOutputLine() const;
    [[nodiscard]] QString prepareFiles();

    Spec m_spec;
    State m_state = State::Off;
    QProcess *m_process = nullptr;
    QmpClient *m_client = nullptr;
    QTimer m_connectRetry;
    QTimer m_startDeadline;
    QTimer m_quitDeadline;
    QList<Done> m_startWaiters;
    QList<Done> m_stopWaiters;
    QByteArray m_output;
    bool m_termSent = false;
    Prepare m_prepare;
};
