#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT/SIGTERM/SIGHUP into a Qt signal on the event loop (self-pipe), so the headless
// service shuts down cleanly: services stopped, journal flushed.
class UnixSignals : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};
