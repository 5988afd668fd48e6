#pragma once

#include "config/labconfig.h"
#include "engine/servicehub.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

// Every service of the lab for the services bar and page: its runtime state from the hub merged
// with its configuration (interface, address, ports). A service the configuration describes but
// this build does not run yet is listed as "unavailable" (start disabled, reason shown).
class ServiceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int runningCount READ runningCount NOTIFY runningCountChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1, NameRole, StateRole, EnabledRole, ErrorRole, EndpointsRole,
        AvailableRole, InterfaceRole, AddressRole, PortsRole, PrivilegedRole, DetailRole
    };
    explicit ServiceListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] int runningCount() const;
    // The hub's status of a service (null if the hub has none).
    [[nodiscard]] const ServiceHub::Status *status(const QString &id) const;

    void update(const ServiceHub::Status &status);
    void reset(const QList<ServiceHub::Status> &statuses);
    // Updates the configured side (changed rows only).
    void setConfig(const ServicesConfig &config);

Q_SIGNALS:
    void countChanged();
    void runningCountChanged();

private:
    struct Row
    {
        ServiceHub::Status status;
        bool available = false;      // the hub runs such a service
        bool configured = false;     // lab.yaml has a section for it
        bool configEnabled = true;
        QString interface;
        QString address;
        QString ports;               // "udp 67, udp 4011"
        bool privileged = false;     // a port below 1024
        QString detail;              // "proxy mode", "TLS", ...
        [[nodiscard]] bool sameConfig(const Row &o) const
        {
            return configured == o.configured && configEnabled == o.configEnabled && interface == o.interface
                && address == o.address && ports == o.ports && privileged == o.privileged && detail == o.detail;
        }
    };
    int rowOf(const QString &id) const;
    void insertRow(const Row &row);
    static int order(const QString &id);

    QList<Row> m_rows;
};
