#include "journalfiltermodel.h"

#include "common/macaddress.h"
#include "journalmodel.h"

#include <QDateTime>

static int severityRank(const QString &s)
{
    if (s == QLatin1String("error"))
        return 2;
    if (s == QLatin1String("warning"))
        return 1;
    return 0;
}

JournalFilterModel::JournalFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    connect(this, &QAbstractItemModel::rowsInserted, this, &JournalFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &JournalFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &JournalFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &JournalFilterModel::countChanged);
}

void JournalFilterModel::setMac(const QString &mac)
{
    const auto parsed = MacAddress::parse(mac);
    const QString m = parsed ? parsed->toString() : QString();
    if (m == m_mac)
        return;
    m_mac = m;
    invalidateFilter();
    Q_EMIT macChanged();
}

void JournalFilterModel::setSource(const QString &source)
{
    if (source == m_source)
        return;
    m_source = source;
    invalidateFilter();
    Q_EMIT sourceChanged();
}

void JournalFilterModel::setMinSeverity(const QString &severity)
{
    if (severity == m_minSeverity)
        return;
    m_minSeverity = severity;
    m_minRank = severityRank(severity);
    invalidateFilter();
    Q_EMIT minSeverityChanged();
}

void JournalFilterModel::setText(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == m_text)
        return;
    m_text = t;
    invalidateFilter();
    Q_EMIT textChanged();
}

bool JournalFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_mac.isEmpty() && i.data(JournalModel::MacRole).toString() != m_mac)
        return false;
    if (!m_source.isEmpty() && i.data(JournalModel::SourceRole).toString() != m_source)
        return false;
    if (m_minRank > 0 && severityRank(i.data(JournalModel::SeverityRole).toString()) < m_minRank)
        return false;
    if (m_text.isEmpty())
        return true;
    return i.data(JournalModel::MessageRole).toString().toLower().contains(m_text)
        || i.data(JournalModel::KindRole).toString().contains(m_text)
        || i.data(JournalModel::MacRole).toString().contains(m_text);
}

QString JournalFilterModel::toText() const
{
    QString out;
    for (int r = 0; r < rowCount(); ++r) {
        const QModelIndex i = index(r, 0);
        out += i.data(JournalModel::TimeRole).toDateTime().toString(Qt::ISODateWithMs) + QLatin1Char(' ')
             + i.data(JournalModel::SeverityRole).toString() + QLatin1Char(' ') + i.data(JournalModel::SourceRole).toString()
             + QLatin1Char(' ') + i.data(JournalModel::MacRole).toString() + QLatin1Char(' ')
             + i.data(JournalModel::MessageRole).toString() + QLatin1Char('\n');
    }
    return out;
}
