#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace redfish {

class Context;

// Long-running operations (firmware updates) as Redfish Tasks with task monitors. Kept in memory;
// the newest MaxTasks are retained.
class TaskStore
{
public:
    enum class State { New, Running, Completed, Exception, Cancelled };
    struct Task
    {
        QString id;
        QString name;
        State state = State::New;
        int percent = 0;
        QDateTime start;
        QDateTime end;
        QJsonArray messages;       // Message objects
        QString targetUri;         // the resource the task works on
    };
    static constexpr int MaxTasks = 100;

    Task &create(const QString &name, const QString &targetUri);
    [[nodiscard]] const Task *find(const QString &id) const;
    Task *find(const QString &id);
    [[nodiscard]] const QList<Task> &all() const { return m_tasks; }
    bool remove(const QString &id);

    static QString stateName(State state);
    static QString taskUri(const QString &id) { return QStringLiteral("/redfish/v1/TaskService/Tasks/") + id; }
    static QString monitorUri(const QString &id) { return QStringLiteral("/redfish/v1/TaskService/TaskMonitors/") + id; }

private:
    QList<Task> m_tasks;
    int m_next = 1;
};

QJsonObject taskServiceBody();
QJsonObject taskBody(const TaskStore::Task &task);

void registerRoutesTaskService(Context &context);

} // namespace redfish
