#include "devicefiltermodel.h"

#include "devicelistmodel.h"

DeviceFilterModel::DeviceFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    connect(this, &QAbstractItemModel::rowsInserted, this, &DeviceFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &DeviceFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &DeviceFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &DeviceFilterModel::countChanged);
}

void DeviceFilterModel::setText(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == m_text)
        return;
    m_text = t;
    m_hexText.clear();
    for (const QChar c : t)
        if (c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('f')))
            m_hexText.append(c);
        else if (c != QLatin1Char(':') && c != QLatin1Char('-') && c != QLatin1Char('.')) {
            m_hexText.clear();   // not a MAC-like query
            break;
        }
    invalidateFilter();
    Q_EMIT textChanged();
}

void DeviceFilterModel::setStage(const QString &stage)
{
    if (stage == m_stage)
        return;
    m_stage = stage;
    invalidateFilter();
    Q_EMIT stageChanged();
}

void DeviceFilterModel::setScope(Scope scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    invalidateFilter();
    Q_EMIT scopeChanged();
}

QStringList DeviceFilterModel::macs() const
{
    QStringList out;
    out.reserve(rowCount());
    for (int r = 0; r < rowCount(); ++r)
        out.append(index(r, 0).data(DeviceListModel::MacRole).toString());
    return out;
}

bool DeviceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool adopted = i.data(DeviceListModel::AdoptedRole).toBool();
    if ((m_scope == Scope::Adopted && !adopted) || (m_scope == Scope::Discovered && adopted))
        return false;
    if (!m_stage.isEmpty() && i.data(DeviceListModel::StageRole).toString() != m_stage)
        return false;
    if (m_text.isEmpty())
        return true;
    const QString mac = i.data(DeviceListModel::MacRole).toString();
    if (m_hexText.size() >= 2 && QString(mac).remove(QLatin1Char(':')).contains(m_hexText))
        return true;
    for (const int role : {int(DeviceListModel::NameRole), int(DeviceListModel::SerialRole), int(DeviceListModel::ModelRole),
                           int(DeviceListModel::IpRole), int(DeviceListModel::ProfileRole)}) {
        if (i.data(role).toString().toLower().contains(m_text))
            return true;
    }
    const QString port = i.data(DeviceListModel::SwitchRole).toString() + QLatin1Char(':') + i.data(DeviceListModel::PortRole).toString();
    return port.size() > 1 && port.toLower().contains(m_text);
}
