#include "service.h"

#include "common/logging.h"

Service::Service(const QString &id, QObject *parent)
    : QObject(parent)
    , m_id(id)
{
    setObjectName(id);
}

Service::~Service() = default;

QString Service::stateName(State state)
{
    switch (state) {
    case State::Stopped: return QStringLiteral("stopped");
    case State::Starting: return QStringLiteral("starting");
    case State::Running: return QStringLiteral("running");
    case State::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("stopped");
}

void Service::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

bool Service::start()
{
    if (m_state == State::Running)
        return true;
    m_error.clear();
    setState(State::Starting);
    QString error;
    if (!doStart(&error)) {
        doStop();
        m_error = error.isEmpty() ? QStringLiteral("failed to start") : error;
        qCCritical(lcCore).noquote() << m_id << "cannot start:" << m_error;
        setState(State::Failed);
        Q_EMIT errorOccurred(ServiceError{m_id, QStringLiteral("start-failed"), m_error});
        return false;
    }
    qCInfo(lcCore).noquote() << m_id << "running on" << endpoints().join(QStringLiteral(", "));
    setState(State::Running);
    return true;
}

void Service::stop()
{
    if (m_state == State::Stopped)
        return;
    doStop();
    m_error.clear();
    qCInfo(lcCore).noquote() << m_id << "stopped";
    setState(State::Stopped);
}

void Service::fail(const QString &code, const QString &message)
{
    doStop();
    m_error = message;
    qCCritical(lcCore).noquote() << m_id << "failed:" << message;
    setState(State::Failed);
    Q_EMIT errorOccurred(ServiceError{m_id, code, message});
}

void Service::report(const QString &code, const QString &message)
{
    Q_EMIT errorOccurred(ServiceError{m_id, code, message});
}
