#pragma once

#include "config/labconfig.h"

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

// The lab's firmware profiles for the Profiles page: name, base image, variables, boot files,
// settings and the devices that boot with each one (their own profile, or "default"). Updated
// in place from the lab configuration.
class ProfileListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab.profileList")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1, NameRole, BaseImageRole, BaseImagePathRole, VariablesRole, BootFilesRole, SettingsRole,
        BootOrderRole, DevicesRole, DeviceCountRole, IsDefaultRole
    };
    Q_ENUM(Role)

    explicit ProfileListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConfig(const LabConfig &config);
    [[nodiscard]] int count() const { return int(m_rows.size()); }
    Q_INVOKABLE int rowOf(const QString &id) const;

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        ProfileConfig profile;
        QStringList devices;      // names of the devices that boot with it
        bool operator==(const Row &o) const;
    };
    static QList<Row> rowsOf(const LabConfig &config);

    QList<Row> m_rows;
};
