#include "diagnosticsmodel.h"

DiagnosticsModel::DiagnosticsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &f = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return f.title;
    case IdRole: return f.id;
    case SeverityRole: return diagnostics::severityName(f.severity);
    case DetailRole: return f.detail;
    case HintRole: return f.hint;
    default: break;
    }
    return {};
}

QHash<int, QByteArray> DiagnosticsModel::roleNames() const
{
    return {{IdRole, "findingId"}, {SeverityRole, "severity"}, {TitleRole, "title"}, {DetailRole, "detail"}, {HintRole, "hint"}};
}

int DiagnosticsModel::problemCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const diagnostics::Finding &f) {
        return f.severity == diagnostics::Severity::Warning || f.severity == diagnostics::Severity::Error;
    }));
}

void DiagnosticsModel::setRunning(bool running)
{
    if (running == m_running)
        return;
    m_running = running;
    Q_EMIT runningChanged();
}

// A new run replaces the previous result as a whole (user-initiated, a handful of rows).
void DiagnosticsModel::setFindings(const QList<diagnostics::Finding> &findings)
{
    beginResetModel();
    m_rows = findings;
    m_lastRun = QDateTime::currentDateTime();
    endResetModel();
    Q_EMIT findingsChanged();
}
