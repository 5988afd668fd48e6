#pragma once

#include "service.h"

#include <QList>
#include <QObject>

// Owns the services, starts them in the order they were added and stops them in reverse.
// A service that fails to start is reported and does not stop the others.
class ServiceHub : public QObject
{
    Q_OBJECT
public:
    struct Status
    {
        QString id;
        QString name;
        Service::State state = Service::State::Stopped;
        bool enabled = true;
        QString error;
        QStringList endpoints;
        QMap<QString, quint64> counters;    // Service::counters()
    };

    explicit ServiceHub(QObject *parent = nullptr);
    ~ServiceHub() override;

    void add(Service *service);               // takes ownership
    [[nodiscard]] QList<Service *> services() const { return m_services; }
    [[nodiscard]] Service *service(const QString &id) const;
    template <typename T>
    [[nodiscard]] T *service() const
    {
        for (Service *s : m_services)
            if (auto *t = qobject_cast<T *>(s))
                return t;
        return nullptr;
    }

    // Starts every enabled service in order; returns the number that failed.
    int startAll();
    void stopAll();
    bool startService(const QString &id, QString *error);
    bool stopService(const QString &id, QString *error);
    bool restartService(const QString &id, QString *error);

    [[nodiscard]] QList<Status> statuses() const;
    [[nodiscard]] Status status(const QString &id) const;

Q_SIGNALS:
    void serviceStateChanged(const ServiceHub::Status &status);
    void errorOccurred(const ServiceError &error);

private:
    QList<Service *> m_services;
};

Q_DECLARE_METATYPE(ServiceHub::Status)
