#pragma once

#include "common/macaddress.h"
#include "consolemodel.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class LabEngine;

// Connects the engine's ConsoleService (engine thread) to the device panel's ConsoleModel (GUI
// thread): live lines and serial state arrive as queued signals; opening a device fetches its
// ring buffer, serial status and the receiver's address/ports with a queued invoke on the
// engine, answered by a queued invoke back.
//
// Lines typed into the view go to the device's serial console (ConsoleService::writeSerial on
// the engine thread; the outcome comes back the same way). A line from a sender the model does
// not list yet refreshes the list of unknown senders.
//
// Live lines of the open device are batched (one model insertion per FlushMs) so a burst of
// kernel output does not become one view update per line.
//
// No line is lost or shown twice around the backfill: the snapshot is taken on the engine
// thread, so every line emitted before it is both in the snapshot and queued to us ahead of the
// answer (the model ignores live lines while loading), and every line emitted after it is
// queued behind the answer.
class ConsoleFeed : public QObject
{
    Q_OBJECT
public:
    static constexpr int FlushMs = 50;

    explicit ConsoleFeed(ConsoleModel *model, QObject *parent = nullptr);

    // Connects to the engine's console service (null engine: the model is fed by tests).
    void attach(LabEngine *engine);
    // Starts showing `mac`: backfill, serial state, receiver.
    void open(const MacAddress &mac);
    // Starts showing the lines of `source`, a sender that is no known device.
    void openSource(const QHostAddress &source);
    // Keep the model's list of unknown senders current (the feed of the unknown-senders view).
    void setTrackUnknownSources(bool track) { m_trackSources = track; }
    // Re-reads the list of unknown senders (the model's unknownSources).
    void refreshUnknownSources();
    void close();
    // Re-reads the serial state and receiver of the open device (config applied, service
    // started/stopped).
    void refreshStatus();

    // Engine thread: what the panel needs besides the lines.
    struct Status
    {
        ConsoleModel::Receiver receiver;
        QString serialPort;
        QString serialState;
        QString serialError;
    };
    static Status status(LabEngine *engine, const MacAddress &mac);

private:
    void lineReceived(const ConsoleLine &line);
    void sendSerial(const MacAddress &mac, const QByteArray &bytes);
    void flush();

    ConsoleModel *m_model;
    QList<ConsoleLine> m_batch;
    QTimer m_flush{this};
    QPointer<LabEngine> m_engine;
    quint64 m_generation = 0;
    bool m_trackSources = false;
    bool m_sourcesQueued = false;
};
