#pragma once

#include "labengine.h"

#include <QObject>
#include <QThread>

// Runs a LabEngine on its own event-loop thread, so network work never waits for the GUI and
// the GUI never waits for a transfer. Talk to engine() only through queued signals/invokes.
class EngineHost : public QObject
{
    Q_OBJECT
public:
    explicit EngineHost(LabEngine::Options options, QObject *parent = nullptr);
    ~EngineHost() override;

    // Starts the thread and the engine; blocks until the engine has started (or failed).
    bool start(QString *error);
    // Stops the services and the thread; blocks until done. Idempotent.
    void stop();

    [[nodiscard]] LabEngine *engine() const { return m_engine; }
    [[nodiscard]] QThread *thread() const { return m_thread; }

private:
    QThread *m_thread;
    LabEngine *m_engine;
    bool m_running = false;
};
