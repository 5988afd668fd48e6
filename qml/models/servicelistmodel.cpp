#include "servicelistmodel.h"

ServiceListModel::ServiceListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ServiceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ServiceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return s.name;
    case IdRole: return s.id;
    case StateRole: return Service::stateName(s.state);
    case EnabledRole: return s.enabled;
    case ErrorRole: return s.error;
    case EndpointsRole: return s.endpoints.join(QStringLiteral(", "));
    default: break;
    }
    return {};
}

QHash<int, QByteArray> ServiceListModel::roleNames() const
{
    return {{IdRole, "serviceId"}, {NameRole, "name"},   {StateRole, "state"},
            {EnabledRole, "enabled"}, {ErrorRole, "error"}, {EndpointsRole, "endpoints"}};
}

void ServiceListModel::update(const ServiceHub::Status &status)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == status.id) {
            m_rows[i] = status;
            Q_EMIT dataChanged(index(i), index(i));
            return;
        }
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append(status);
    endInsertRows();
}

void ServiceListModel::reset(const QList<ServiceHub::Status> &statuses)
{
    beginResetModel();
    m_rows = statuses;
    endResetModel();
}
