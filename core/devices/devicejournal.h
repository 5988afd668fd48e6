#pragma once

#include "journalevent.h"

#include <QFile>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>

// The per-device event journal: bounded rings in memory (per device and overall) plus an
// append-only JSON-lines file in the data dir, so the timeline survives restarts.
// Lives on the engine thread; other threads reach it through queued signals.
class DeviceJournal : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int perDevice = 500;               // events kept in memory per device
        int overall = 5000;                // events kept in memory in total (incl. unknown clients)
        qint64 maxFileBytes = 16 << 20;    // journal.jsonl rotates to journal.jsonl.1 beyond this
        int maxDevices = 2048;             // devices with an in-memory ring (oldest rings dropped beyond)
    };

    explicit DeviceJournal(QObject *parent = nullptr);
    ~DeviceJournal() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    // Opens (creating) the journal file and restores the in-memory rings from its tail.
    bool open(const QString &filePath, QString *error = nullptr);
    void close();

    // Stamps seq/time, stores, persists (buffered), emits eventAppended. Returns the stored event.
    JournalEvent append(JournalEvent event);

    // Newest last. `limit` <= 0 means everything kept in memory.
    [[nodiscard]] QList<JournalEvent> events(const MacAddress &mac, int limit = 0) const;
    [[nodiscard]] QList<JournalEvent> recent(int limit = 0) const;
    [[nodiscard]] QList<JournalEvent> since(quint64 seq, int limit = 0) const;
    [[nodiscard]] quint64 lastSeq() const { return m_nextSeq - 1; }
    void forget(const MacAddress &mac);    // drops a removed device's in-memory events
    void flush();
    // Persistence problems (disk full, read-only data dir): the last write error (empty while
    // writing works) and how many events never reached the file.
    [[nodiscard]] QString writeError() const { return m_writeError; }
    [[nodiscard]] quint64 unsavedEvents() const { return m_unsaved; }

Q_SIGNALS:
    void eventAppended(const JournalEvent &event);

private:
    void store(const JournalEvent &event);
    void dropOldestRings();
    void restoreFromFile();
    void rotateIfNeeded();

    Limits m_limits;
    quint64 m_nextSeq = 1;
    std::deque<JournalEvent> m_all;
    QHash<MacAddress, std::deque<JournalEvent>> m_byDevice;
    QFile m_file;
    QByteArray m_pending;
    QString m_writeError;
    quint64 m_unsaved = 0;
    QTimer m_flushTimer{this};         // a child, so it follows moveToThread to the engine thread
};
