#pragma once

#include "boottimeline.h"

#include <QAbstractListModel>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

// The boot timeline of the device shown in the device panel (see boottimeline.h). Appending a
// journal event updates the steps incrementally (insert the new step, change the last one);
// only a new boot attempt replaces the rows. While a step is in progress a 1 s timer refreshes
// its duration and detects a stall.
class BootTimelineModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab.details")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int attempts READ attempts NOTIFY summaryChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY summaryChanged)
    Q_PROPERTY(bool stalled READ stalled NOTIFY summaryChanged)
    Q_PROPERTY(QString problemStage READ problemStage NOTIFY summaryChanged)
    Q_PROPERTY(QString failureMessage READ failureMessage NOTIFY summaryChanged)
    Q_PROPERTY(QString hint READ hint NOTIFY summaryChanged)
    Q_PROPERTY(qint64 totalMs READ totalMs NOTIFY durationsChanged)
public:
    enum Role { StageRole = Qt::UserRole + 1, StartRole, DurationRole, OngoingRole, FailedRole, StalledRole, DetailRole, EventsRole };

    explicit BootTimelineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(m_timeline.steps.size()); }
    [[nodiscard]] int attempts() const { return m_timeline.attempts; }
    [[nodiscard]] bool failed() const { return m_timeline.failed; }
    [[nodiscard]] bool stalled() const { return m_timeline.stalled; }
    [[nodiscard]] QString problemStage() const;
    [[nodiscard]] QString failureMessage() const { return m_timeline.failureMessage; }
    [[nodiscard]] QString hint() const { return m_timeline.hint; }
    [[nodiscard]] qint64 totalMs() const;

    void setEvents(const QList<JournalEvent> &events);
    void append(const JournalEvent &event);
    void clear();
    // The language changed: the hint and failure texts are worded again.
    void retranslate() { rebuild(); }

Q_SIGNALS:
    void countChanged();
    void summaryChanged();
    void durationsChanged();

private:
    void rebuild();
    void updateTimer();

    QList<JournalEvent> m_events;
    boottimeline::Timeline m_timeline;
    QTimer m_tick;
};
