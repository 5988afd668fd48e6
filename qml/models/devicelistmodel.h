#pragma once

#include "devices/deviceinfo.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <QtQml/qqmlregistration.h>

#include <vector>

// Fleet devices for QML. Fed incrementally from DeviceRegistry signals (queued from the engine
// thread): rows are inserted, changed and removed, never reset per event. Also holds the fleet's
// selection (a UI state per device, so a selection change repaints one card, not all of them).
class DeviceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
    Q_PROPERTY(int discoveredCount READ discoveredCount NOTIFY discoveredCountChanged)
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
        SelectedRole,
        StageSinceRole,
        FirstSeenRole,
    };
    Q_ENUM(Role)

    explicit DeviceListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int indexOf(const QString &mac) const;
    Q_INVOKABLE QVariantMap get(int row) const;
    // The row of `mac` as a map (empty if unknown).
    Q_INVOKABLE QVariantMap device(const QString &mac) const;

    // Selection (by MAC; survives filtering, dropped when a device disappears).
    [[nodiscard]] int selectedCount() const { return int(m_selected.size()); }
    Q_INVOKABLE bool isSelected(const QString &mac) const;
    Q_INVOKABLE void setSelected(const QString &mac, bool selected);
    Q_INVOKABLE void toggleSelected(const QString &mac);
    Q_INVOKABLE void selectOnly(const QString &mac);
    Q_INVOKABLE void selectMany(const QStringList &macs);
    Q_INVOKABLE void clearSelection();
    // Selected MACs in fleet order.
    Q_INVOKABLE QStringList selectedMacs() const;
    // Selected devices as maps (for confirmation summaries).
    Q_INVOKABLE QVariantList selectedDevices() const;
    [[nodiscard]] int discoveredCount() const { return m_discovered; }
    [[nodiscard]] const DeviceInfo *find(const MacAddress &mac) const;
    [[nodiscard]] QList<DeviceInfo> rows() const { return {m_rows.cbegin(), m_rows.cend()}; }

    void upsert(const DeviceInfo &device);
    void remove(const MacAddress &mac);
    void reset(const QList<DeviceInfo> &devices);

Q_SIGNALS:
    void countChanged();
    void selectionChanged();
    void discoveredCountChanged();

private:
    void reindex();
    void emitRow(const MacAddress &mac, const QList<int> &roles);
    void recountDiscovered();

    std::vector<DeviceInfo> m_rows;
    QHash<MacAddress, int> m_index;
    QSet<MacAddress> m_selected;
    int m_discovered = 0;
};
