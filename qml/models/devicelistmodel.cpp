#include "devicelistmodel.h"

DeviceListModel::DeviceListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int DeviceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DeviceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeviceInfo &d = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return d.displayName();
    case MacRole: return d.mac.toString();
    case SerialRole: return d.serial;
    case ModelRole: return d.model;
    case AdoptedRole: return d.adopted;
    case VirtualRole: return d.isVirtual;
    case StageRole: return bootstage::toString(d.stage);
    case StageDetailRole: return d.stageDetail;
    case PowerRole: return powerstate::toString(d.power);
    case WattsRole: return d.powerWatts;
    case IpRole: return d.ip.isNull() ? QString() : d.ip.toString();
    case LastEventRole: return d.lastEvent;
    case LastSeenRole: return d.lastSeen;
    case ProfileRole: return d.profile;
    case SwitchRole: return d.powerBinding.switchId;
    case PortRole: return d.powerBinding.port;
    case PositionXRole: return d.position.x();
    case PositionYRole: return d.position.y();
    case LifecycleRole: return d.lifecycle;
    default: break;
    }
    return {};
}

QHash<int, QByteArray> DeviceListModel::roleNames() const
{
    return {{MacRole, "mac"},           {NameRole, "name"},           {SerialRole, "serial"},
            {ModelRole, "model"},       {AdoptedRole, "adopted"},     {VirtualRole, "isVirtual"},
            {StageRole, "stage"},       {StageDetailRole, "stageDetail"}, {PowerRole, "power"},
            {WattsRole, "watts"},       {IpRole, "ip"},               {LastEventRole, "lastEvent"},
            {LastSeenRole, "lastSeen"}, {ProfileRole, "profile"},     {SwitchRole, "powerSwitch"},
            {PortRole, "powerPort"},    {PositionXRole, "positionX"}, {PositionYRole, "positionY"},
            {LifecycleRole, "lifecycle"}};
}

int DeviceListModel::indexOf(const QString &mac) const
{
    const auto m = MacAddress::parse(mac);
    return m ? m_index.value(*m, -1) : -1;
}

QVariantMap DeviceListModel::get(int row) const
{
    QVariantMap out;
    if (row < 0 || row >= rowCount())
        return out;
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return out;
}

void DeviceListModel::upsert(const DeviceInfo &device)
{
    const auto it = m_index.constFind(device.mac);
    if (it != m_index.cend()) {
        m_rows[size_t(*it)] = device;
        const QModelIndex i = index(*it);
        Q_EMIT dataChanged(i, i);
        return;
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(device);
    m_index.insert(device.mac, row);
    endInsertRows();
    Q_EMIT countChanged();
}

void DeviceListModel::remove(const MacAddress &mac)
{
    const auto it = m_index.constFind(mac);
    if (it == m_index.cend())
        return;
    const int row = *it;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    reindex();
    endRemoveRows();
    Q_EMIT countChanged();
}

void DeviceListModel::reset(const QList<DeviceInfo> &devices)
{
    beginResetModel();
    m_rows.assign(devices.cbegin(), devices.cend());
    reindex();
    endResetModel();
    Q_EMIT countChanged();
}

void DeviceListModel::reindex()
{
    m_index.clear();
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows[i].mac, int(i));
}
