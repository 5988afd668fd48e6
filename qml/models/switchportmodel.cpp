#include "switchportmodel.h"

#include "common/macaddress.h"

#include <algorithm>

SwitchPortModel::SwitchPortModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int SwitchPortModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

static QString protectionName(SwitchPortSnapshot::Protection p)
{
    switch (p) {
    case SwitchPortSnapshot::Protection::Listed: return QStringLiteral("listed");
    case SwitchPortSnapshot::Protection::Unmapped: return QStringLiteral("unmapped");
    case SwitchPortSnapshot::Protection::None: break;
    }
    return {};
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
    case ProtectedRole: return r.port.isProtected();
    case PendingRole: return r.pending || r.port.busy;
    case ProtectionRole: return protectionName(r.port.protection);
    case DetectionRole: return r.port.detection;
    case LabelRole: return r.port.label;
    case LearnedRole: return r.port.mappedLearned;
    default: break;
    }
    return {};
}

QHash<int, QByteArray> SwitchPortModel::roleNames() const
{
    return {{SwitchRole, "switchId"},       {PortRole, "port"},           {AdminUpRole, "adminUp"},
            {OperUpRole, "operUp"},         {WattsRole, "watts"},         {HistoryRole, "history"},
            {MappedMacRole, "mappedMac"},   {MappedNameRole, "mappedName"}, {ProtectedRole, "isProtected"},
            {PendingRole, "pending"},       {ProtectionRole, "protection"}, {DetectionRole, "detection"},
            {LabelRole, "label"},           {LearnedRole, "mappedLearned"}};
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

QVariantMap SwitchPortModel::switchInfo(const QString &switchId) const
{
    for (const auto &s : m_switches) {
        if (s.id != switchId)
            continue;
        int ports = 0;
        for (const Row &r : m_rows)
            ports += r.switchId == switchId ? 1 : 0;
        return {{QStringLiteral("driver"), s.driver},
                {QStringLiteral("address"), s.address},
                {QStringLiteral("reachable"), s.reachable},
                {QStringLiteral("error"), s.error},
                {QStringLiteral("budgetWatts"), s.budgetWatts},
                {QStringLiteral("drawWatts"), s.totalWatts >= 0 ? s.totalWatts : drawWatts(switchId)},
                {QStringLiteral("ports"), ports}};
    }
    return {};
}

int SwitchPortModel::rowOf(const QString &switchId, const QString &port) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).switchId == switchId && m_rows.at(i).port.port == port)
            return i;
    return -1;
}

void SwitchPortModel::bump()
{
    ++m_revision;
    Q_EMIT revisionChanged();
}

void SwitchPortModel::setSnapshot(const QList<SwitchSnapshot> &switches)
{
    const QStringList ids = this->switches();
    for (const QString &id : ids)
        if (std::none_of(switches.cbegin(), switches.cend(), [&id](const SwitchSnapshot &s) { return s.id == id; }))
            removeSwitch(id);
    for (const auto &s : switches)
        updateSwitch(s);
}

void SwitchPortModel::removeSwitch(const QString &switchId)
{
    const int before = count();
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows.at(i).switchId != switchId)
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
    }
    const auto it = std::find_if(m_switches.begin(), m_switches.end(), [&](const SwitchSnapshot &s) { return s.id == switchId; });
    const bool known = it != m_switches.end();
    if (known)
        m_switches.erase(it);
    if (count() != before)
        Q_EMIT countChanged();
    if (known) {
        Q_EMIT switchesChanged();
        bump();
    }
}

void SwitchPortModel::updateSwitch(const SwitchSnapshot &s)
{
    const int before = count();
    // Switch-level fields; a new read is what adds a sparkline sample.
    auto meta = std::find_if(m_switches.begin(), m_switches.end(), [&](const SwitchSnapshot &m) { return m.id == s.id; });
    const bool isNew = meta == m_switches.end();
    const bool newRead = isNew || !s.lastRead.isValid() || s.lastRead != meta->lastRead;
    SwitchSnapshot info = s;
    info.ports.clear();
    if (isNew)
        m_switches.append(info);
    else
        *meta = info;

    // Ports that are gone.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        const Row &r = m_rows.at(i);
        if (r.switchId != s.id)
            continue;
        if (std::none_of(s.ports.cbegin(), s.ports.cend(), [&r](const SwitchPortSnapshot &p) { return p.port == r.port.port; })) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    for (const auto &p : s.ports) {
        const int i = rowOf(s.id, p.port);
        if (i < 0) {
            Row r;
            r.switchId = s.id;
            r.port = p;
            for (double w : p.history.mid(qMax(0, int(p.history.size()) - HistoryLength)))
                r.history.push_back(w);
            if (p.history.isEmpty() && p.watts >= 0)
                r.history.push_back(p.watts);
            r.port.history.clear();
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
        if (!p.history.isEmpty()) {
            r.history.assign(p.history.cbegin(), p.history.cend());
            r.port.history.clear();
        } else if (newRead && p.watts >= 0) {
            r.history.push_back(p.watts);
        }
        while (r.history.size() > size_t(HistoryLength))
            r.history.pop_front();
        if (stateChanged)
            r.pending = false;
        Q_EMIT dataChanged(index(i), index(i));
    }
    if (count() != before)
        Q_EMIT countChanged();
    if (isNew)
        Q_EMIT switchesChanged();
    bump();
}

void SwitchPortModel::setPending(const QString &switchId, const QString &port, bool pending)
{
    const int i = rowOf(switchId, port);
    if (i < 0 || m_rows.at(i).pending == pending)
        return;
    m_rows[i].pending = pending;
    Q_EMIT dataChanged(index(i), index(i), {PendingRole});
}

bool SwitchPortModel::request(int row, const QString &action, bool override)
{
    if (row < 0 || row >= count())
        return false;
    Row &r = m_rows[row];
    if ((r.port.isProtected() && !override) || r.pending || r.port.busy)
        return false;
    r.pending = true;
    Q_EMIT dataChanged(index(row), index(row), {PendingRole});
    Q_EMIT powerRequested(r.switchId, r.port.port, action, override);
    return true;
}

bool SwitchPortModel::togglePort(int row, bool override)
{
    if (row < 0 || row >= count())
        return false;
    return request(row, m_rows.at(row).port.adminUp ? QStringLiteral("off") : QStringLiteral("on"), override);
}

bool SwitchPortModel::cyclePort(int row, bool override)
{
    return request(row, QStringLiteral("cycle"), override);
}

bool SwitchPortModel::mapDevice(int row, const QString &mac)
{
    const auto m = MacAddress::parse(mac);
    if (row < 0 || row >= count() || !m || m_rows.at(row).port.protection == SwitchPortSnapshot::Protection::Listed)
        return false;
    if (m_rows.at(row).port.mappedMac == m->toString() && !m_rows.at(row).port.mappedLearned)
        return false;   // already there
    Q_EMIT mapRequested(m->toString(), m_rows.at(row).switchId, m_rows.at(row).port.port);
    return true;
}

void SwitchPortModel::unmap(int row)
{
    if (row < 0 || row >= count() || m_rows.at(row).port.mappedMac.isEmpty() || m_rows.at(row).port.mappedLearned)
        return;
    Q_EMIT unmapRequested(m_rows.at(row).port.mappedMac);
}
