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
    case SelectedRole: return m_selected.contains(d.mac);
    case StageSinceRole: return d.stageSince;
    case FirstSeenRole: return d.firstSeen;
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
            {LifecycleRole, "lifecycle"}, {SelectedRole, "selected"}, {StageSinceRole, "stageSince"},
            {FirstSeenRole, "firstSeen"}};
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

QVariantMap DeviceListModel::device(const QString &mac) const
{
    return get(indexOf(mac));
}

const DeviceInfo *DeviceListModel::find(const MacAddress &mac) const
{
    const auto it = m_index.constFind(mac);
    return it == m_index.cend() ? nullptr : &m_rows[size_t(*it)];
}

bool DeviceListModel::isSelected(const QString &mac) const
{
    const auto m = MacAddress::parse(mac);
    return m && m_selected.contains(*m);
}

void DeviceListModel::emitRow(const MacAddress &mac, const QList<int> &roles)
{
    const auto it = m_index.constFind(mac);
    if (it == m_index.cend())
        return;
    const QModelIndex i = index(*it);
    Q_EMIT dataChanged(i, i, roles);
}

void DeviceListModel::setSelected(const QString &mac, bool selected)
{
    const auto m = MacAddress::parse(mac);
    if (!m || !m_index.contains(*m) || m_selected.contains(*m) == selected)
        return;
    if (selected)
        m_selected.insert(*m);
    else
        m_selected.remove(*m);
    emitRow(*m, {SelectedRole});
    Q_EMIT selectionChanged();
}

void DeviceListModel::toggleSelected(const QString &mac)
{
    setSelected(mac, !isSelected(mac));
}

void DeviceListModel::selectOnly(const QString &mac)
{
    const auto m = MacAddress::parse(mac);
    if (!m || !m_index.contains(*m))
        return;
    if (m_selected.size() == 1 && m_selected.contains(*m))
        return;
    const QSet<MacAddress> previous = std::exchange(m_selected, {*m});
    for (const auto &p : previous)
        if (p != *m)
            emitRow(p, {SelectedRole});
    if (!previous.contains(*m))
        emitRow(*m, {SelectedRole});
    Q_EMIT selectionChanged();
}

void DeviceListModel::selectMany(const QStringList &macs)
{
    bool changed = false;
    for (const auto &text : macs) {
        const auto m = MacAddress::parse(text);
        if (!m || !m_index.contains(*m) || m_selected.contains(*m))
            continue;
        m_selected.insert(*m);
        emitRow(*m, {SelectedRole});
        changed = true;
    }
    if (changed)
        Q_EMIT selectionChanged();
}

void DeviceListModel::clearSelection()
{
    if (m_selected.isEmpty())
        return;
    const QSet<MacAddress> previous = std::exchange(m_selected, {});
    for (const auto &p : previous)
        emitRow(p, {SelectedRole});
    Q_EMIT selectionChanged();
}

QStringList DeviceListModel::selectedMacs() const
{
    QStringList out;
    for (const auto &d : m_rows)
        if (m_selected.contains(d.mac))
            out.append(d.mac.toString());
    return out;
}

QVariantList DeviceListModel::selectedDevices() const
{
    QVariantList out;
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_selected.contains(m_rows[i].mac))
            out.append(get(int(i)));
    return out;
}

void DeviceListModel::upsert(const DeviceInfo &device)
{
    const auto it = m_index.constFind(device.mac);
    if (it != m_index.cend()) {
        DeviceInfo &row = m_rows[size_t(*it)];
        const bool adoptedChanged = row.adopted != device.adopted;
        row = device;
        const QModelIndex i = index(*it);
        Q_EMIT dataChanged(i, i);
        if (adoptedChanged)
            recountDiscovered();
        return;
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(device);
    m_index.insert(device.mac, row);
    endInsertRows();
    Q_EMIT countChanged();
    if (!device.adopted)
        recountDiscovered();
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
    if (m_selected.remove(mac))
        Q_EMIT selectionChanged();
    recountDiscovered();
}

void DeviceListModel::reset(const QList<DeviceInfo> &devices)
{
    beginResetModel();
    m_rows.assign(devices.cbegin(), devices.cend());
    reindex();
    QSet<MacAddress> kept;
    for (const auto &m : std::as_const(m_selected))
        if (m_index.contains(m))
            kept.insert(m);
    const bool selectionDropped = kept.size() != m_selected.size();
    m_selected = kept;
    endResetModel();
    Q_EMIT countChanged();
    if (selectionDropped)
        Q_EMIT selectionChanged();
    recountDiscovered();
}

void DeviceListModel::reindex()
{
    m_index.clear();
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows[i].mac, int(i));
}

void DeviceListModel::recountDiscovered()
{
    int n = 0;
    for (const auto &d : m_rows)
        n += d.adopted ? 0 : 1;
    if (n == m_discovered)
        return;
    m_discovered = n;
    Q_EMIT discoveredCountChanged();
}
