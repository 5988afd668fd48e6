#pragma once

#include "setupplan.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

// The machine's network interfaces for the first-run wizard: addresses, link, kind and a
// warning for Wi-Fi, virtual and link-less adapters. refresh() re-reads them (cheap, netlink).
class NetworkInterfaceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab.setup")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        NameRole = Qt::UserRole + 1, HumanNameRole, HardwareAddressRole, AddressesRole, GatewayRole,
        UpRole, LinkRole, KindRole, WarningRole, RecommendedRole
    };

    explicit NetworkInterfaceModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] const setupplan::InterfaceInfo *at(int row) const;
    // Re-reads the machine's interfaces, keeping rows that did not change.
    Q_INVOKABLE void refresh();
    // Replaces the list (the wizard's tests, and refresh()). Updates rows in place by name.
    void setInterfaces(const QList<setupplan::InterfaceInfo> &interfaces);

Q_SIGNALS:
    void countChanged();

private:
    QList<setupplan::InterfaceInfo> m_rows;
};
