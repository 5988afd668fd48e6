#include "servicehub.h"

#include "common/logging.h"

ServiceHub::ServiceHub(QObject *parent)
    : QObject(parent)
{
}

ServiceHub::~ServiceHub()
{
    stopAll();
}

void ServiceHub::add(Service *service)
{
    service->setParent(this);
    m_services.append(service);
    connect(service, &Service::stateChanged, this, [this, service] { Q_EMIT serviceStateChanged(status(service->id())); });
    connect(service, &Service::errorOccurred, this, &ServiceHub::errorOccurred);
}

Service *ServiceHub::service(const QString &id) const
{
    for (Service *s : m_services)
        if (s->id() == id)
            return s;
    return nullptr;
}

int ServiceHub::startAll()
{
    int failed = 0;
    for (Service *s : std::as_const(m_services)) {
        if (!s->isEnabled())
            continue;
        if (!s->start())
            ++failed;
    }
    return failed;
}

void ServiceHub::stopAll()
{
    for (auto it = m_services.crbegin(); it != m_services.crend(); ++it)
        (*it)->stop();
}

bool ServiceHub::startService(const QString &id, QString *error)
{
    Service *s = service(id);
    if (!s) {
        if (error)
            *error = QStringLiteral("no service '%1'").arg(id);
        return false;
    }
    if (!s->start()) {
        if (error)
            *error = s->errorString();
        return false;
    }
    return true;
}

bool ServiceHub::stopService(const QString &id, QString *error)
{
    Service *s = service(id);
    if (!s) {
        if (error)
            *error = QStringLiteral("no service '%1'").arg(id);
        return false;
    }
    s->stop();
    return true;
}

bool ServiceHub::restartService(const QString &id, QString *error)
{
    return stopService(id, error) && startService(id, error);
}

ServiceHub::Status ServiceHub::status(const QString &id) const
{
    Status st;
    if (Service *s = service(id)) {
        st.id = s->id();
        st.name = s->displayName();
        st.state = s->state();
        st.enabled = s->isEnabled();
        st.error = s->errorString();
        st.endpoints = s->isRunning() ? s->endpoints() : QStringList();
        st.counters = s->counters();
    }
    return st;
}

QList<ServiceHub::Status> ServiceHub::statuses() const
{
    QList<Status> out;
    for (Service *s : m_services)
        out.append(status(s->id()));
    return out;
}
