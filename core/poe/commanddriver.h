#pragma once

#include "driveroptions.h"
#include "poedriver.h"

#include <QProcess>
#include <QStringList>

class QTimer;

// Wires any switch in through the user's own scripts or CLIs: options `on`, `off`, optional
// `cycle` and `status`, each a command line with placeholders {port}, {address}, {seconds}.
// The line is split into arguments first (QProcess::splitCommand: blanks separate, double
// quotes group, "" is a literal quote; single quotes are ordinary characters) and
// placeholders are replaced inside single arguments, so no shell ever sees a port value;
// port values are validated on top. Credentials reach the program only through the
// environment (METALBOOT_SWITCH_USERNAME / _PASSWORD), never on the command line.
//
// Exit code 0 = success; anything else is a failure reported with the first line of stderr.
// `status` with {port} runs once per port and prints "on|off [watts]"; without {port} it runs
// once and prints one line per port: "<port> on|off [watts]" (see docs/poe.md). Without a
// status command a port reads as what it was last switched to (unknown before that).
class CommandDriver : public PoeDriver
{
    Q_OBJECT
public:
    struct Options
    {
        QStringList on, off, cycle, status;   // split templates (program first)
        QStringList ports;                    // port names for per-port status
    };
    static Options parseOptions(poe::OptionReader &reader);

    CommandDriver(const SwitchConfig &config, int timeoutMs, QObject *parent = nullptr);
    ~CommandDriver() override;

    [[nodiscard]] QString driverName() const override { return QStringLiteral("command"); }
    [[nodiscard]] Capabilities capabilities() const override;
    [[nodiscard]] int callTimeoutMs() const override;
    void readPorts(ReadCallback done) override;
    void setPortPower(const QString &port, bool on, DoneCallback done) override;
    void powerCycle(const QString &port, int offSeconds, DoneCallback done) override;
    void abort() override;

    // Pure helpers (tested directly).
    static QStringList expand(const QStringList &tmpl, const QHash<QString, QString> &values);
    // One status line: "on", "off 0", "1 4.7W" ...; false if not understood.
    static bool parseState(const QString &text, bool *on, double *watts);

private:
    using RunCallback = std::function<void(const poe::Error &, const QByteArray &out)>;
    void run(const QStringList &argv, const QString &action, RunCallback done);
    void statusPerPort(int index, poe::PortReadout readout, ReadCallback done);

    Options m_options;
    QString m_switchId;
    QString m_address;
    QString m_username;
    QString m_password;
    int m_timeoutMs;
    QProcess *m_process = nullptr;
    QTimer *m_deadline = nullptr;
    quint64 m_generation = 0;
    QHash<QString, bool> m_switched;         // without a status command: what we last set
};
