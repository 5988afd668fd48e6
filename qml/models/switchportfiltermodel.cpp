#include "switchportfiltermodel.h"

#include "switchportmodel.h"

SwitchPortFilterModel::SwitchPortFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void SwitchPortFilterModel::setSwitchId(const QString &id)
{
    if (id == m_switchId)
        return;
    m_switchId = id;
    invalidateFilter();
    Q_EMIT switchIdChanged();
}

int SwitchPortFilterModel::sourceRow(int row) const
{
    return mapToSource(index(row, 0)).row();
}

bool SwitchPortFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return sourceModel()->index(sourceRow, 0, sourceParent).data(SwitchPortModel::SwitchRole).toString() == m_switchId;
}
