#include "servicelistmodel.h"

#include <QCoreApplication>

namespace {
constexpr const char *Known[] = {"dhcp", "tftp", "http", "redfish", "consoles"};

QString knownName(const QString &id)
{
    if (id == QLatin1String("dhcp"))
        return QCoreApplication::translate("ServiceListModel", "DHCP server");
    if (id == QLatin1String("tftp"))
        return QCoreApplication::translate("ServiceListModel", "TFTP server");
    if (id == QLatin1String("http"))
        return QCoreApplication::translate("ServiceListModel", "HTTP server");
    if (id == QLatin1String("redfish"))
        return QCoreApplication::translate("ServiceListModel", "Redfish BMC");
    if (id == QLatin1String("consoles"))
        return QCoreApplication::translate("ServiceListModel", "Consoles (netconsole, syslog)");
    return id;
}
} // namespace

ServiceListModel::ServiceListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ServiceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ServiceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const auto &s = r.status;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return s.name.isEmpty() ? knownName(s.id) : s.name;
    case IdRole: return s.id;
    case StateRole:
        if (!r.available)
            return QStringLiteral("unavailable");
        return Service::stateName(s.state);
    case EnabledRole: return r.available ? s.enabled : r.configEnabled;
    case ErrorRole:
        if (!r.available)
            return QCoreApplication::translate("ServiceListModel", "Not part of this build yet.");
        return s.error;
    case EndpointsRole: return s.endpoints.join(QStringLiteral(", "));
    case AvailableRole: return r.available;
    case InterfaceRole: return r.interface;
    case AddressRole: return r.address;
    case PortsRole: return r.ports;
    case PrivilegedRole: return r.privileged;
    case DetailRole: return r.detail;
    default: break;
    }
    return {};
}

QHash<int, QByteArray> ServiceListModel::roleNames() const
{
    return {{IdRole, "serviceId"}, {NameRole, "name"},         {StateRole, "state"},       {EnabledRole, "enabled"},
            {ErrorRole, "error"},  {EndpointsRole, "endpoints"}, {AvailableRole, "available"}, {InterfaceRole, "interfaceName"},
            {AddressRole, "address"}, {PortsRole, "ports"},    {PrivilegedRole, "privileged"}, {DetailRole, "detail"}};
}

int ServiceListModel::runningCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &r) { return r.available && r.status.state == Service::State::Running; }));
}

int ServiceListModel::order(const QString &id)
{
    for (int i = 0; i < int(std::size(Known)); ++i)
        if (id == QLatin1String(Known[i]))
            return i;
    return int(std::size(Known));
}

int ServiceListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).status.id == id)
            return i;
    return -1;
}

void ServiceListModel::insertRow(const Row &row)
{
    int at = 0;
    while (at < m_rows.size() && order(m_rows.at(at).status.id) <= order(row.status.id))
        ++at;
    beginInsertRows({}, at, at);
    m_rows.insert(at, row);
    endInsertRows();
    Q_EMIT countChanged();
}

void ServiceListModel::update(const ServiceHub::Status &status)
{
    const int before = runningCount();
    const int i = rowOf(status.id);
    if (i < 0) {
        Row r;
        r.status = status;
        r.available = true;
        insertRow(r);
    } else {
        m_rows[i].status = status;
        m_rows[i].available = true;
        Q_EMIT dataChanged(index(i), index(i));
    }
    if (runningCount() != before)
        Q_EMIT runningCountChanged();
}

void ServiceListModel::reset(const QList<ServiceHub::Status> &statuses)
{
    // Keep configured-only rows; mark every row unavailable until the hub says otherwise.
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).available && !m_rows.at(i).configured) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
            Q_EMIT countChanged();
            --i;
        }
    }
    for (const auto &s : statuses)
        update(s);
    Q_EMIT runningCountChanged();
}

void ServiceListModel::setConfig(const ServicesConfig &c)
{
    auto describe = [](Row &r, const ListenConfig &l, const QList<QPair<bool, quint16>> &ports, const QString &detail) {
        r.configured = true;
        r.configEnabled = l.enabled;
        r.interface = l.interface;
        r.address = l.address.isNull() ? QStringLiteral("*") : l.address.toString();
        QStringList p;
        r.privileged = false;
        for (const auto &[udp, port] : ports) {
            if (port == 0)
                continue;
            p.append(QStringLiteral("%1 %2").arg(udp ? QStringLiteral("udp") : QStringLiteral("tcp")).arg(port));
            r.privileged = r.privileged || port < 1024;
        }
        r.ports = p.join(QStringLiteral(", "));
        r.detail = detail;
    };
    for (const char *id : Known) {
        const QString sid = QString::fromLatin1(id);
        const int i = rowOf(sid);
        Row r = i >= 0 ? m_rows.at(i) : Row{};
        r.status.id = sid;
        if (sid == QLatin1String("dhcp")) {
            QList<QPair<bool, quint16>> ports{{true, c.dhcp.port}};
            if (c.dhcp.mode == DhcpMode::Proxy)
                ports.append({true, c.dhcp.proxyPort});
            describe(r, c.dhcp, ports,
                     c.dhcp.mode == DhcpMode::Full ? QCoreApplication::translate("ServiceListModel", "full DHCP (hands out addresses)")
                                                   : QCoreApplication::translate("ServiceListModel", "proxy DHCP (boot information only)"));
        } else if (sid == QLatin1String("tftp")) {
            describe(r, c.tftp, {{true, c.tftp.port}}, {});
        } else if (sid == QLatin1String("http")) {
            describe(r, c.http, {{false, c.http.port}}, {});
        } else if (sid == QLatin1String("redfish")) {
            describe(r, c.redfish, {{false, c.redfish.port}},
                     c.redfish.tls ? QCoreApplication::translate("ServiceListModel", "HTTPS") : QCoreApplication::translate("ServiceListModel", "plain HTTP"));
        } else {
            describe(r, c.consoles, {{true, c.consoles.port}, {true, c.consoles.syslogPort}}, {});
        }
        if (i < 0) {
            insertRow(r);
        } else if (!r.sameConfig(m_rows.at(i))) {
            m_rows[i] = r;
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
}

const ServiceHub::Status *ServiceListModel::status(const QString &id) const
{
    const int i = rowOf(id);
    return i >= 0 && m_rows.at(i).available ? &m_rows.at(i).status : nullptr;
}
