#include "boottimelinemodel.h"

BootTimelineModel::BootTimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &BootTimelineModel::rebuild);
}

int BootTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant BootTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &s = m_timeline.steps.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case StageRole: return bootstage::toString(s.stage);
    case StartRole: return s.start.toLocalTime();
    case DurationRole: return s.durationMs(QDateTime::currentDateTimeUtc());
    case OngoingRole: return !s.end.isValid() && !boottimeline::isTerminal(s.stage);
    case FailedRole: return s.failed;
    case StalledRole: return s.stalled;
    case DetailRole: return s.detail;
    case EventsRole: return s.events;
    default: break;
    }
    return {};
}

QHash<int, QByteArray> BootTimelineModel::roleNames() const
{
    return {{StageRole, "stage"},   {StartRole, "start"},     {DurationRole, "durationMs"}, {OngoingRole, "ongoing"},
            {FailedRole, "failed"}, {StalledRole, "stalled"}, {DetailRole, "detail"},       {EventsRole, "events"}};
}

QString BootTimelineModel::problemStage() const
{
    return m_timeline.failed || m_timeline.stalled ? bootstage::toString(m_timeline.failedStage) : QString();
}

qint64 BootTimelineModel::totalMs() const
{
    if (m_timeline.steps.isEmpty())
        return 0;
    const auto &last = m_timeline.steps.constLast();
    const QDateTime end = boottimeline::isTerminal(last.stage) ? last.start : QDateTime::currentDateTimeUtc();
    return m_timeline.steps.constFirst().start.msecsTo(end);
}

void BootTimelineModel::setEvents(const QList<JournalEvent> &events)
{
    beginResetModel();
    m_events = events;
    m_timeline = boottimeline::build(m_events, QDateTime::currentDateTimeUtc());
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT summaryChanged();
    Q_EMIT durationsChanged();
    updateTimer();
}

void BootTimelineModel::clear()
{
    setEvents({});
}

void BootTimelineModel::append(const JournalEvent &event)
{
    m_events.append(event);
    // The device journal keeps 500 events per device; so does the panel.
    if (m_events.size() > 500)
        m_events.remove(0, m_events.size() - 500);
    rebuild();
}

// Recomputes from the events and applies the difference: same attempt → the steps only grew at
// the end (insert) and the former last step changed (dataChanged); new attempt → reset.
void BootTimelineModel::rebuild()
{
    boottimeline::Timeline next = boottimeline::build(m_events, QDateTime::currentDateTimeUtc());
    const auto &old = m_timeline.steps;
    const bool sameAttempt = next.attempts == m_timeline.attempts && next.steps.size() >= old.size()
        && (old.isEmpty() || (next.steps.constFirst().start == old.constFirst().start));
    if (!sameAttempt) {
        beginResetModel();
        m_timeline = std::move(next);
        endResetModel();
        Q_EMIT countChanged();
    } else {
        const qsizetype before = old.size();
        const bool summary = next.failed != m_timeline.failed || next.stalled != m_timeline.stalled || next.hint != m_timeline.hint
            || next.failureMessage != m_timeline.failureMessage;
        if (next.steps.size() > before) {
            beginInsertRows({}, int(before), int(next.steps.size() - 1));
            m_timeline = std::move(next);
            endInsertRows();
            Q_EMIT countChanged();
        } else {
            m_timeline = std::move(next);
        }
        if (before > 0)
            Q_EMIT dataChanged(index(int(before - 1)), index(int(before - 1)));
        if (!summary) {
            Q_EMIT durationsChanged();
            updateTimer();
            return;
        }
    }
    Q_EMIT summaryChanged();
    Q_EMIT durationsChanged();
    updateTimer();
}

void BootTimelineModel::updateTimer()
{
    const bool ongoing = !m_timeline.steps.isEmpty() && !boottimeline::isTerminal(m_timeline.steps.constLast().stage);
    if (ongoing && !m_tick.isActive())
        m_tick.start();
    else if (!ongoing)
        m_tick.stop();
}
