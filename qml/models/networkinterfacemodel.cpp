#include "networkinterfacemodel.h"

NetworkInterfaceModel::NetworkInterfaceModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int NetworkInterfaceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

const setupplan::InterfaceInfo *NetworkInterfaceModel::at(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

QVariant NetworkInterfaceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &i = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return i.name;
    case HumanNameRole: return i.humanName;
    case HardwareAddressRole: return i.hardwareAddress;
    case AddressesRole: {
        QStringList list;
        for (const auto &a : i.ipv4)
            list.append(QStringLiteral("%1/%2").arg(a.ip.toString()).arg(a.prefixLength));
        return list.join(QStringLiteral(", "));
    }
    case GatewayRole: return i.gateway.isNull() ? QString() : i.gateway.toString();
    case UpRole: return i.up;
    case LinkRole: return i.running;
    case KindRole:
        if (i.loopback)
            return QStringLiteral("loopback");
        if (setupplan::isWireless(i))
            return QStringLiteral("wifi");
        if (setupplan::isVirtualAdapter(i))
            return QStringLiteral("virtual");
        return QStringLiteral("wired");
    case WarningRole: return setupplan::warning(i);
    case RecommendedRole: return setupplan::warning(i).isEmpty();
    default: break;
    }
    return {};
}

QHash<int, QByteArray> NetworkInterfaceModel::roleNames() const
{
    return {{NameRole, "name"},   {HumanNameRole, "humanName"}, {HardwareAddressRole, "hardwareAddress"},
            {AddressesRole, "addresses"}, {GatewayRole, "gateway"}, {UpRole, "up"},
            {LinkRole, "link"},   {KindRole, "kind"},           {WarningRole, "warning"},
            {RecommendedRole, "recommended"}};
}

void NetworkInterfaceModel::refresh()
{
    setInterfaces(setupplan::scan());
}

static bool sameInterface(const setupplan::InterfaceInfo &a, const setupplan::InterfaceInfo &b)
{
    if (a.ipv4.size() != b.ipv4.size())
        return false;
    for (qsizetype i = 0; i < a.ipv4.size(); ++i)
        if (a.ipv4.at(i).ip != b.ipv4.at(i).ip || a.ipv4.at(i).prefixLength != b.ipv4.at(i).prefixLength)
            return false;
    return a.name == b.name && a.up == b.up && a.running == b.running && a.gateway == b.gateway && a.type == b.type;
}

void NetworkInterfaceModel::setInterfaces(const QList<setupplan::InterfaceInfo> &interfaces)
{
    // Same names in the same order: update changed rows only; otherwise the list was rebuilt.
    bool sameOrder = interfaces.size() == m_rows.size();
    for (qsizetype i = 0; sameOrder && i < interfaces.size(); ++i)
        sameOrder = interfaces.at(i).name == m_rows.at(i).name;
    if (sameOrder) {
        for (qsizetype i = 0; i < interfaces.size(); ++i) {
            if (sameInterface(interfaces.at(i), m_rows.at(i)))
                continue;
            m_rows[i] = interfaces.at(i);
            Q_EMIT dataChanged(index(int(i)), index(int(i)));
        }
        return;
    }
    beginResetModel();
    m_rows = interfaces;
    endResetModel();
    Q_EMIT countChanged();
}
