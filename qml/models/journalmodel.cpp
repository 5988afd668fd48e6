#include "journalmodel.h"

#include <algorithm>

JournalModel::JournalModel(int capacity, QObject *parent)
    : QAbstractListModel(parent)
    , m_capacity(capacity)
{
}

int JournalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant JournalModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalEvent &e = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case MessageRole: return e.message;
    case SeqRole: return qint64(e.seq);
    case TimeRole: return e.time.toLocalTime();
    case MacRole: return e.mac.toString();
    case SourceRole: return e.source;
    case KindRole: return e.kind;
    case SeverityRole: return journalseverity::toString(e.severity);
    case StageRole: return bootstage::toString(e.stage);
    default: break;
    }
    return {};
}

QHash<int, QByteArray> JournalModel::roleNames() const
{
    return {{SeqRole, "seq"},         {TimeRole, "time"},         {MacRole, "mac"},         {SourceRole, "source"},
            {KindRole, "kind"},       {SeverityRole, "severity"}, {MessageRole, "message"}, {StageRole, "stage"}};
}

void JournalModel::append(const JournalEvent &event)
{
    if (int(m_rows.size()) >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        endRemoveRows();
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(event);
    endInsertRows();
    noteSource(event.source);
    Q_EMIT countChanged();
}

void JournalModel::noteSource(const QString &source)
{
    if (source.isEmpty())
        return;
    const auto it = std::lower_bound(m_sources.begin(), m_sources.end(), source);
    if (it != m_sources.end() && *it == source)
        return;
    m_sources.insert(it, source);
    Q_EMIT sourcesChanged();
}

void JournalModel::reset(const QList<JournalEvent> &events)
{
    beginResetModel();
    m_rows.clear();
    const auto start = events.size() > m_capacity ? events.size() - m_capacity : 0;
    for (auto i = start; i < events.size(); ++i)
        m_rows.push_back(events.at(i));
    endResetModel();
    for (const auto &e : m_rows)
        noteSource(e.source);
    Q_EMIT countChanged();
}
