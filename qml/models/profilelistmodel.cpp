#include "profilelistmodel.h"

#include <QFileInfo>

#include <algorithm>

ProfileListModel::ProfileListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ProfileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ProfileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const ProfileConfig &p = r.profile;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return p.name.isEmpty() ? p.id : p.name;
    case IdRole: return p.id;
    case BaseImageRole: return p.baseImage.isEmpty() ? QString() : QFileInfo(p.baseImage).fileName();
    case BaseImagePathRole: return p.baseImage;
    case VariablesRole: return p.variablesJson.isEmpty() ? QString() : QFileInfo(p.variablesJson).fileName();
    case BootFilesRole: return p.bootFilesDir;
    case SettingsRole: {
        QStringList out;
        for (auto it = p.settings.cbegin(); it != p.settings.cend(); ++it)
            out.append(it.key() + QLatin1Char('=') + it.value());
        return out;
    }
    case BootOrderRole: return p.bootOrder.join(QStringLiteral(", "));
    case DevicesRole: return r.devices;
    case DeviceCountRole: return int(r.devices.size());
    case IsDefaultRole: return p.id == QLatin1String("default");
    default: break;
    }
    return {};
}

QHash<int, QByteArray> ProfileListModel::roleNames() const
{
    return {{IdRole, "profileId"},  {NameRole, "name"},         {BaseImageRole, "baseImage"},
            {BaseImagePathRole, "baseImagePath"}, {VariablesRole, "variables"}, {BootFilesRole, "bootFiles"},
            {SettingsRole, "settings"}, {BootOrderRole, "bootOrder"}, {DevicesRole, "devices"},
            {DeviceCountRole, "deviceCount"}, {IsDefaultRole, "isDefault"}};
}

bool ProfileListModel::Row::operator==(const Row &o) const
{
    const ProfileConfig &a = profile;
    const ProfileConfig &b = o.profile;
    return a.id == b.id && a.name == b.name && a.baseImage == b.baseImage && a.variablesJson == b.variablesJson
        && a.bootOrder == b.bootOrder && a.settings == b.settings && a.bootFilesDir == b.bootFilesDir && devices == o.devices;
}

QList<ProfileListModel::Row> ProfileListModel::rowsOf(const LabConfig &config)
{
    QList<Row> rows;
    const bool hasDefault = config.profile(QStringLiteral("default")) != nullptr;
    for (const ProfileConfig &p : config.profiles) {
        Row r{p, {}};
        for (const DeviceConfig &d : config.devices) {
            const QString used = !d.profile.isEmpty() ? d.profile : hasDefault ? QStringLiteral("default") : QString();
            if (used == p.id)
                r.devices.append(d.name.isEmpty() ? d.mac.toString() : d.name);
        }
        rows.append(r);
    }
    return rows;
}

int ProfileListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).profile.id == id)
            return i;
    return -1;
}

void ProfileListModel::setConfig(const LabConfig &config)
{
    const QList<Row> rows = rowsOf(config);
    const int before = count();
    // Removed profiles.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        const QString id = m_rows.at(i).profile.id;
        if (std::none_of(rows.cbegin(), rows.cend(), [&id](const Row &r) { return r.profile.id == id; })) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    // Changed and new ones, in the file's order (new ones are appended by the editors).
    for (int k = 0; k < rows.size(); ++k) {
        const int i = rowOf(rows.at(k).profile.id);
        if (i < 0) {
            const int at = qMin(k, count());
            beginInsertRows({}, at, at);
            m_rows.insert(at, rows.at(k));
            endInsertRows();
        } else if (!(m_rows.at(i) == rows.at(k))) {
            m_rows[i] = rows.at(k);
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
    if (count() != before)
        Q_EMIT countChanged();
}
