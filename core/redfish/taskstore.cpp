// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "taskstore.h"

#include "http/httpserver.h"
#include "redfishcontext.h"
#include "redfishodata.h"

using namespace Qt::Literals::StringLiterals;

namespace redfish {

namespace msg = redfish::messages;
using odata::Kind;

TaskStore::Task &TaskStore::create(const QString &name, const QString &targetUri)
{
    while (m_tasks.size() >= MaxTasks) {
        // Drop the oldest finished task; if none is finished, the oldest at all.
        qsizetype victim = 0;
        for (qsizetype i = 0; i < m_tasks.size(); ++i)
            if (m_tasks.at(i).state != State::Running && m_tasks.at(i).state != State::New) {
                victim = i;
                break;
            }
        m_tasks.removeAt(victim);
    }
    Task t;
    t.id = QString::number(m_next++);
    t.name = name;
    t.targetUri = targetUri;
    t.start = QDateTime::currentDateTimeUtc();
    m_tasks.append(t);
    return m_tasks.last();
}

const TaskStore::Task *TaskStore::find(const QString &id) const
{
    for (const Task &t : m_tasks)
        if (t.id == id)
            return &t;
    return nullptr;
}

TaskStore::Task *TaskStore::find(const QString &id)
{
    for (Task &t : m_tasks)
        if (t.id == id)
            return &t;
    return nullptr;
}

bool TaskStore::remove(const QString &id)
{
    return m_tasks.removeIf([&id](const Task &t) { return t.id == id; }) > 0;
}

QString TaskStore::stateName(State s)
{
    switch (s) {
    case State::New: return u"New"_s;
    case State::Running: return u"Running"_s;
    case State::Completed: return u"Completed"_s;
    case State::Exception: return u"Exception"_s;
    case State::Cancelled: return u"Cancelled"_s;
    }
    return u"New"_s;
}

QJsonObject taskServiceBody()
{
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/TaskService"_s},
        {u"@odata.type"_s, odata::type(Kind::TaskService)},
        {u"Id"_s, u"TaskService"_s},
        {u"Name"_s, u"Task Service"_s},
        {u"ServiceEnabled"_s, true},
        {u"CompletedTaskOverWritePolicy"_s, u"Oldest"_s},
        {u"LifeCycleEventOnTaskStateChange"_s, false},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
        {u"Tasks"_s, odata::link(u"/redfish/v1/TaskService/Tasks"_s)},
    };
}

QJsonObject taskBody(const TaskStore::Task &t)
{
    const bool failed = t.state == TaskStore::State::Exception || t.state == TaskStore::State::Cancelled;
    QJsonObject o{
        {u"@odata.id"_s, TaskStore::taskUri(t.id)},
        {u"@odata.type"_s, odata::type(Kind::Task)},
        {u"Id"_s, t.id},
        {u"Name"_s, t.name},
        {u"TaskState"_s, TaskStore::stateName(t.state)},
        {u"TaskStatus"_s, failed ? u"Critical"_s : u"OK"_s},
        {u"PercentComplete"_s, t.percent},
        {u"StartTime"_s, t.start.toString(Qt::ISODate).replace(u"Z"_s, u"+00:00"_s)},
        {u"TaskMonitor"_s, TaskStore::monitorUri(t.id)},
        {u"Messages"_s, t.messages},
    };
    if (t.end.isValid())
        o.insert(u"EndTime"_s, t.end.toString(Qt::ISODate).replace(u"Z"_s, u"+00:00"_s));
    return o;
}

namespace {

bool running(const TaskStore::Task &t)
{
    return t.state == TaskStore::State::New || t.state == TaskStore::State::Running;
}

HttpResponse handleTaskGet(Context &ctx, HttpRequest &req, bool monitor)
{
    const QString id = req.param(u"id"_s);
    const TaskStore::Task *t = ctx.tasks->find(id);
    if (!t)
        return errorResponse(msg::resourceNotFound(u"Task"_s, id.left(64)));
    if (monitor && running(*t)) {
        // DSP0266 §12.2: 202 while the operation runs, with the monitor's location.
        HttpResponse r = jsonResponse(req, taskBody(*t), 202);
        r.setHeader("Location", TaskStore::monitorUri(id).toLatin1());
        r.setHeader("Retry-After", "2");
        return r;
    }
    return jsonResponse(req, taskBody(*t));
}

HttpResponse handleTaskDelete(Context &ctx, HttpRequest &req)
{
    const QString id = req.param(u"id"_s);
    const TaskStore::Task *t = ctx.tasks->find(id);
    if (!t)
        return errorResponse(msg::resourceNotFound(u"Task"_s, id.left(64)));
    if (running(*t))
        return errorResponse(msg::resourceInUse());   // downloads cannot be cancelled midway
    ctx.tasks->remove(id);
    return HttpResponse(204);
}

} // namespace

void registerRoutesTaskService(Context &ctx)
{
    namespace p = privileges;
    Context *c = &ctx;
    ctx.route(HttpServer::Get, u"/redfish/v1/TaskService"_s, p::login(),
              [](HttpRequest &r, const Auth &) { return jsonResponse(r, taskServiceBody()); });
    ctx.route(HttpServer::Get, u"/redfish/v1/TaskService/Tasks"_s, p::login(), [c](HttpRequest &r, const Auth &) {
        QStringList members;
        for (const auto &t : c->tasks->all())
            members << TaskStore::taskUri(t.id);
        return jsonResponse(r, odata::collection(Kind::TaskCollection, u"/redfish/v1/TaskService/Tasks"_s,
                                                 u"Task Collection"_s, members));
    });
    ctx.route(HttpServer::Get, u"/redfish/v1/TaskService/Tasks/{id}"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return handleTaskGet(*c, r, false); });
    ctx.route(HttpServer::Delete, u"/redfish/v1/TaskService/Tasks/{id}"_s, p::configureManager(),
              [c](HttpRequest &r, const Auth &) { return handleTaskDelete(*c, r); });
    ctx.route(HttpServer::Get, u"/redfish/v1/TaskService/TaskMonitors/{id}"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return handleTaskGet(*c, r, true); });
}

} // namespace redfish
