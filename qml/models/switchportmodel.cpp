#include "switchportmodel.h"

#include "common/macaddress.h"

SwitchPortModel::SwitchPortModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int SwitchPortModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant SwitchPortModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case PortRole: return r.port.port;
    case SwitchRole: return r.switchId;
    case AdminUpRole: return r.port.adminUp;
    case OperUpRole: return r.port.operUp;
    case WattsRole: return r.port.watts;
    case HistoryRole: {
        QVariantList list;
        for (double w : r.history)
            list.append(w);
        return list;
    }
    case MappedMacRole: return r.port.mappedMac;
    case MappedNameRole: return r.port.mappedName;
    case ProtectedRole: return r.port.isProtected;
    case PendingRole: return r.pending;
    default: break;
    }
    return {};
}

QHash<int, QByteArray> SwitchPortModel::roleNames() const
{
    return {{SwitchRole, "switchId"},   {PortRole, "port"},          {AdminUpRole, "adminUp"},
            {OperUpRole, "operUp"},     {WattsRole, "watts"},        {HistoryRole, "history"},
            {MappedMacRole, "mappedMac"}, {MappedNameRole, "mappedName"}, {ProtectedRole, "isProtected"},
            {PendingRole, "pending"}};
}

QStringList SwitchPortModel::switches() const
{
    QStringList out;
    for (const auto &s : m_switches)
        out.append(s.id);
    return out;
}

double SwitchPortModel::drawWatts(const QString &switchId) const
{
    double sum = 0;
    for (const Row &r : m_rows)
        if (r.switchId == switchId && r.port.watts > 0)
            sum += r.port.watts;
    return sum;
}

double SwitchPortModel::budgetWatts(const QString &switchId) const
{
    for (const auto &s : m_switches)
        if (s.id == switchId)
            return s.budgetWatts;
    return -1;
}

int SwitchPortModel::rowOf(const QString &switchId, const QString &port) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).switchId == switchId && m_rows.at(i).port.port == port)
            return i;
    return -1;
}

void SwitchPortModel::setSnapshot(const QList<SwitchSnapshot> &switches)
{
    const QStringList before = this->switches();
    // Remove ports that are gone.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        bool present = false;
        for (const auto &s : switches)
            for (const auto &p : s.ports)
                present = present || (s.id == m_rows.at(i).switchId && p.port == m_rows.at(i).port.port);
        if (!present) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    m_switches.clear();
    for (const auto &s : switches) {
        SwitchSnapshot meta = s;
        meta.ports.clear();
        m_switches.append(meta);
        for (const auto &p : s.ports) {
            const int i = rowOf(s.id, p.port);
            if (i < 0) {
                Row r;
                r.switchId = s.id;
                r.port = p;
                if (p.watts >= 0)
                    r.history.push_back(p.watts);
                // Keep each switch's ports together, in snapshot order.
                int at = int(m_rows.size());
                for (int k = int(m_rows.size()) - 1; k >= 0; --k)
                    if (m_rows.at(k).switchId == s.id) {
                        at = k + 1;
                        break;
                    }
                beginInsertRows({}, at, at);
                m_rows.insert(at, r);
                endInsertRows();
                continue;
            }
            Row &r = m_rows[i];
            const bool stateChanged = r.port.adminUp != p.adminUp || r.port.operUp != p.operUp;
            r.port = p;
            if (p.watts >= 0) {
                r.history.push_back(p.watts);
                while (r.history.size() > size_t(HistoryLength))
                    r.history.pop_front();
            }
            if (stateChanged)
                r.pending = false;
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
    if (before != this->switches() || count() != int(before.size()))
        Q_EMIT countChanged();
}

bool SwitchPortModel::togglePort(int row, bool override)
{
    if (row < 0 || row >= count())
        return false;
    Row &r = m_rows[row];
    if (r.port.isProtected && !override)
        return false;
    r.pending = true;
    Q_EMIT dataChanged(index(row), index(row), {PendingRole});
    Q_EMIT powerRequested(r.switchId, r.port.port, r.port.adminUp ? QStringLiteral("off") : QStringLiteral("on"));
    return true;
}

bool SwitchPortModel::cyclePort(int row, bool override)
{
    if (row < 0 || row >= count())
        return false;
    Row &r = m_rows[row];
    if (r.port.isProtected && !override)
        return false;
    r.pending = true;
    Q_EMIT dataChanged(index(row), index(row), {PendingRole});
    Q_EMIT powerRequested(r.switchId, r.port.port, QStringLiteral("cycle"));
    return true;
}

bool SwitchPortModel::mapDevice(int row, const QString &mac)
{
    const auto m = MacAddress::parse(mac);
    if (row < 0 || row >= count() || !m || m_rows.at(row).port.isProtected)
        return false;
    Q_EMIT mapRequested(m->toString(), m_rows.at(row).switchId, m_rows.at(row).port.port);
    return true;
}

void SwitchPortModel::unmap(int row)
{
    if (row < 0 || row >= count() || m_rows.at(row).port.mappedMac.isEmpty())
        return;
    Q_EMIT unmapRequested(m_rows.at(row).port.mappedMac);
}
