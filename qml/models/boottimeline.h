#pragma once

#include "devices/journalevent.h"

#include <QDateTime>
#include <QList>
#include <QString>

// The boot timeline of one device, derived from its journal: the latest boot attempt as a list
// of steps (one per BootStage transition, with its duration), whether and where it failed, and
// a hint for the failing (or stalled) step. Pure: no Qt objects, tested with synthetic journals.
namespace boottimeline {

struct Step
{
    BootStage stage = BootStage::Unknown;
    QDateTime start;            // UTC
    QDateTime end;              // invalid while the step is the current one
    QString detail;             // first file/detail seen in the step
    int events = 0;             // journal events that fell into the step
    bool failed = false;        // the step in which the boot failed
    bool stalled = false;       // the current step has taken far longer than normal

    [[nodiscard]] qint64 durationMs(const QDateTime &now) const
    {
        return start.msecsTo(end.isValid() ? end : now);
    }
};

struct Timeline
{
    QList<Step> steps;          // latest attempt, oldest first
    int attempts = 0;           // boot attempts found in the journal
    bool failed = false;
    bool stalled = false;
    BootStage failedStage = BootStage::Unknown;   // the stage in which it failed / stalled
    QString failureKind;        // journal kind of the error event ("tftp.failed")
    QString failureMessage;     // its message
    QString hint;               // translated advice for the failure or the stall
};

// Terminal stages do not stall and have no meaningful duration of their own.
bool isTerminal(BootStage stage);
// Whether moving from `current` to `next` starts a new boot attempt.
bool startsNewAttempt(BootStage current, BootStage next);
// Seconds after which a step in `stage` is considered stalled (0 = never).
int stallSeconds(BootStage stage);
// Translated hint for a failure of journal kind `kind` in `stage` (kind first, then stage).
QString failureHint(const QString &kind, BootStage stage);
// Translated hint for a step that stalled in `stage`.
QString stallHint(BootStage stage);

// `events` of one device, oldest first (as DeviceJournal::events returns them).
Timeline build(const QList<JournalEvent> &events, const QDateTime &now);

} // namespace boottimeline
