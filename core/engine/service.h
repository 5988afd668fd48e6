#pragma once

#include "common/serviceerror.h"

#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

// Base of every network service (DHCP, TFTP, HTTP, Redfish, ...). Lives on the engine thread.
// start() binds and returns false with errorString() on failure; stop() is idempotent.
class Service : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum class State { Stopped, Starting, Running, Failed };
    Q_ENUM(State)

    explicit Service(const QString &id, QObject *parent = nullptr);
    ~Service() override;

    [[nodiscard]] QString id() const { return m_id; }
    // Translated, for the GUI ("TFTP server").
    [[nodiscard]] virtual QString displayName() const = 0;
    // What the service listens on, e.g. "udp 127.0.0.1:1069" (empty when stopped).
    [[nodiscard]] virtual QStringList endpoints() const { return {}; }
    // Statistics since start, including what was refused and why ("malformed.too-short",
    // "connections.rejected.per-client", ...): shown by GET /api/v1/services.
    [[nodiscard]] virtual QMap<QString, quint64> counters() const { return {}; }
    // Whether the lab configuration enables it; the hub does not start disabled services.
    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled) { m_enabled = enabled; }

    bool start();
    void stop();
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isRunning() const { return m_state == State::Running; }
    [[nodiscard]] QString errorString() const { return m_error; }

    static QString stateName(State state);   // "stopped", "starting", "running", "failed"

Q_SIGNALS:
    void stateChanged(Service::State state);
    void errorOccurred(const ServiceError &error);

protected:
    virtual bool doStart(QString *error) = 0;
    virtual void doStop() = 0;
    // A running service hit a fatal problem (socket error...): stops and reports.
    void fail(const QString &code, const QString &message);
    // A non-fatal problem worth showing to the user (malformed packet storms, missing file...).
    void report(const QString &code, const QString &message);

private:
    void setState(State state);

    QString m_id;
    State m_state = State::Stopped;
    QString m_error;
    bool m_enabled = true;
};
