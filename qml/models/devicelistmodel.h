#pragma once

#include "devices/deviceinfo.h"

#include <QAbstractListModel>
#include <QHash>
#include <QtQml/qqmlregistration.h>

#include <vector>

// Fleet devices for QML. Fed incrementally from DeviceRegistry signals (queued from the engine
// thread): rows are inserted, changed and removed, never reset per event.
class DeviceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        MacRole = Qt::UserRole + 1,
        NameRole,
        SerialRole,
        ModelRole,
        AdoptedRole,
        VirtualRole,
        StageRole,
        StageDetailRole,
        PowerRole,
        WattsRole,
        IpRole,
        LastEventRole,
        LastSeenRole,
        ProfileRole,
        SwitchRole,
        PortRole,
        PositionXRole,
        PositionYRole,
        LifecycleRole,
    };
    Q_ENUM(Role)

    explicit DeviceListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int indexOf(const QString &mac) const;
    Q_INVOKABLE QVariantMap get(int row) const;

    void upsert(const DeviceInfo &device);
    void remove(const MacAddress &mac);
    void reset(const QList<DeviceInfo> &devices);

Q_SIGNALS:
    void countChanged();

private:
    std::vector<DeviceInfo> m_rows;
    QHash<MacAddress, int> m_index;
    void reindex();
};
