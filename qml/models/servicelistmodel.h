#pragma once

#include "engine/servicehub.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

// Services and their state for the services bar and page.
class ServiceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab")
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, StateRole, EnabledRole, ErrorRole, EndpointsRole };
    explicit ServiceListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void update(const ServiceHub::Status &status);
    void reset(const QList<ServiceHub::Status> &statuses);

private:
    QList<ServiceHub::Status> m_rows;
};
