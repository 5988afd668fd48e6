#include "lifecyclemanager.h"

#include "api/apitoken.h"
#include "common/atomicfile.h"
#include "common/logging.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"

#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

using lifecycle::State;

namespace {

constexpr qint64 MaxFileSize = 16 << 20;

QJsonObject changeJson(const LifecycleManager::Change &c)
{
    return QJsonObject{{QStringLiteral("time"), c.time.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("from"), lifecycle::name(c.from)},
                       {QStringLiteral("to"), lifecycle::name(c.to)},
                       {QStringLiteral("reason"), c.reason},
                       {QStringLiteral("actor"), c.actor}};
}

} // namespace

QJsonObject LifecycleManager::Record::toJson(bool withSecrets) const
{
    QJsonArray hist;
    for (const Change &c : history)
        hist.append(changeJson(c));
    QJsonArray allowed;
    for (State s : lifecycle::allowedTargets(state))
        allowed.append(lifecycle::name(s));
    QJsonObject o{{QStringLiteral("mac"), mac.toString()},
                  {QStringLiteral("state"), lifecycle::name(state)},
                  {QStringLiteral("serving"), lifecycle::servingName(lifecycle::servingFor(state))},
                  {QStringLiteral("workflow"), workflow.isEmpty() ? QJsonValue() : QJsonValue(workflow)},
                  {QStringLiteral("since"), since.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("installs"), installs},
                  {QStringLiteral("allowed_transitions"), allowed},
                  {QStringLiteral("history"), hist}};
    if (!lastError.isEmpty())
        o.insert(QStringLiteral("last_error"), lastError);
    if (!progress.isEmpty())
        o.insert(QStringLiteral("progress"), progress);
    if (withSecrets)
        o.insert(QStringLiteral("token"), QString::fromLatin1(token));
    return o;
}

LifecycleManager::LifecycleManager(DeviceRegistry *registry, DeviceJournal *journal, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_journal(journal)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(250);
    connect(&m_saveTimer, &QTimer::timeout, this, &LifecycleManager::saveInBackground);
    if (m_registry) {
        connect(m_registry, &DeviceRegistry::deviceAdded, this, [this](const DeviceInfo &d) {
            const Record &r = ensure(d.mac, d.adopted ? State::Ready : State::Discovered);
            mirror(r);
        });
        connect(m_registry, &DeviceRegistry::deviceRemoved, this, &LifecycleManager::remove);
    }
}

LifecycleManager::~LifecycleManager()
{
    if (m_saveTimer.isActive() || m_backgroundAgain)
        save();
    m_background.waitForFinished();
}

QByteArray LifecycleManager::newToken()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words))
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool LifecycleManager::open(const QString &path, QString *error)
{
    m_path = path;
    m_records.clear();
    m_order.clear();
    QFile f(path);
    if (!f.exists())
        return true;
    if (f.size() > MaxFileSize || !f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot read (or larger than %2 bytes)").arg(path).arg(MaxFileSize);
        return false;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1: not valid JSON (%2); starting with no lifecycle records").arg(path, err.errorString());
        return false;
    }
    const QJsonObject devices = doc.object().value(QStringLiteral("devices")).toObject();
    for (auto it = devices.begin(); it != devices.end(); ++it) {
        const auto mac = MacAddress::parse(it.key());
        const QJsonObject o = it.value().toObject();
        const auto state = lifecycle::parse(o.value(QStringLiteral("state")).toString());
        if (!mac || !state)
            continue;
        Record &r = insert(*mac, *state);
        r.workflow = o.value(QStringLiteral("workflow")).toString();
        const QByteArray token = o.value(QStringLiteral("token")).toString().toLatin1();
        if (token.size() >= 32)
            r.token = token;
        r.since = QDateTime::fromString(o.value(QStringLiteral("since")).toString(), Qt::ISODateWithMs);
        r.lastError = o.value(QStringLiteral("last_error")).toString();
        r.installs = o.value(QStringLiteral("installs")).toInt();
        for (const auto &h : o.value(QStringLiteral("history")).toArray()) {
            const QJsonObject ho = h.toObject();
            const auto from = lifecycle::parse(ho.value(QStringLiteral("from")).toString());
            const auto to = lifecycle::parse(ho.value(QStringLiteral("to")).toString());
            if (!from || !to)
                continue;
            r.history.append({QDateTime::fromString(ho.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs),
                              *from, *to, ho.value(QStringLiteral("reason")).toString(),
                              ho.value(QStringLiteral("actor")).toString()});
        }
        while (r.history.size() > MaxHistory)
            r.history.removeFirst();
    }
    qCInfo(lcProvision) << "restored the lifecycle of" << m_records.size() << "device(s) from" << path;
    return true;
}

LifecycleManager::Record &LifecycleManager::insert(const MacAddress &mac, State initial)
{
    auto it = m_records.find(mac);
    if (it != m_records.end())
        return *it;
    Record &r = m_records[mac];
    r.mac = mac;
    r.state = initial;
    r.token = newToken();
    r.since = QDateTime::currentDateTimeUtc();
    m_order.append(mac);
    return r;
}

const LifecycleManager::Record &LifecycleManager::ensure(const MacAddress &mac, State initial)
{
    if (const auto it = m_records.constFind(mac); it != m_records.cend())
        return *it;
    Record &r = insert(mac, initial);
    scheduleSave();
    Q_EMIT recordChanged(mac);
    return r;
}

const LifecycleManager::Record *LifecycleManager::record(const MacAddress &mac) const
{
    const auto it = m_records.constFind(mac);
    return it == m_records.cend() ? nullptr : &*it;
}

State LifecycleManager::state(const MacAddress &mac) const
{
    const Record *r = record(mac);
    return r ? r->state : State::Discovered;
}

void LifecycleManager::applyConfig(const QList<DeviceConfig> &devices)
{
    for (const DeviceConfig &d : devices) {
        const Record *existing = record(d.mac);
        if (!existing) {
            ensure(d.mac, State::Ready);
            continue;
        }
        if (existing->state == State::Discovered) {
            QString why;
            transition(d.mac, State::Ready, QStringLiteral("adopted in the lab configuration"), QStringLiteral("config"), &why);
        }
    }
    for (const MacAddress &mac : std::as_const(m_order))
        mirror(m_records.value(mac));
}

bool LifecycleManager::transition(const MacAddress &mac, State to, const QString &reason, const QString &actor,
                                  QString *error)
{
    auto it = m_records.find(mac);
    if (it == m_records.end()) {
        if (error)
            *error = QStringLiteral("device %1 has no lifecycle record").arg(mac.toString());
        return false;
    }
    Record &r = *it;
    const QString why = lifecycle::transitionError(r.state, to);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        qCInfo(lcProvision).noquote() << "refused lifecycle change of" << mac.toString() << ":" << why;
        return false;
    }
    if (to == State::Provisioning && r.workflow.isEmpty()) {
        if (error)
            *error = QStringLiteral("no workflow is assigned to %1; assign one before provisioning").arg(mac.toString());
        return false;
    }
    const Change change{QDateTime::currentDateTimeUtc(), r.state, to, reason.left(500), actor.left(40)};
    r.state = to;
    r.since = change.time;
    if (to == State::Deployed || to == State::Retired || to == State::Discovered)
        r.token = newToken();      // the agent's token dies with its stay in the deploy environment
    if (to == State::Provisioning) {
        ++r.installs;
        r.progress = {};
        r.lastError.clear();
    } else if (to == State::Ready || to == State::Discovered) {
        r.progress = {};
    }
    if (to == State::Discovered)   // re-enrolled after retirement: a clean slate
        r.workflow.clear();
    r.history.append(change);
    while (r.history.size() > MaxHistory)
        r.history.removeFirst();
    save();
    mirror(r);
    journal(r, change);
    qCInfo(lcProvision).noquote() << mac.toString() << "lifecycle" << lifecycle::name(change.from) << "->"
                                  << lifecycle::name(to) << "by" << change.actor;
    Q_EMIT stateChanged(mac, change.from, to);
    Q_EMIT recordChanged(mac);
    return true;
}

bool LifecycleManager::assignWorkflow(const MacAddress &mac, const QString &workflowId, const QString &actor,
                                      QString *error)
{
    Record &r = insert(mac, State::Discovered);
    if (r.state == State::Provisioning) {
        if (error)
            *error = QStringLiteral("an install is running on %1; wait for it to finish or fail").arg(mac.toString());
        return false;
    }
    if (r.state == State::Retired) {
        if (error)
            *error = QStringLiteral("%1 is retired; re-enrol it first").arg(mac.toString());
        return false;
    }
    if (r.workflow == workflowId)
        return true;
    const QString old = r.workflow;
    r.workflow = workflowId;
    save();
    if (m_journal) {
        JournalEvent e;
        e.mac = mac;
        e.source = QStringLiteral("provision");
        e.kind = QString::fromLatin1(journalkind::ProvisionEvent);
        e.message = workflowId.isEmpty() ? QStringLiteral("workflow %1 unassigned").arg(old)
                                         : QStringLiteral("workflow %1 assigned").arg(workflowId);
        e.data = QJsonObject{{QStringLiteral("event"), QStringLiteral("workflow-assigned")},
                             {QStringLiteral("workflow"), workflowId},
                             {QStringLiteral("previous"), old},
                             {QStringLiteral("actor"), actor}};
        m_journal->append(e);
    }
    Q_EMIT recordChanged(mac);
    return true;
}

void LifecycleManager::setProgress(const MacAddress &mac, const QJsonObject &progress)
{
    auto it = m_records.find(mac);
    if (it == m_records.end())
        return;
    it->progress = progress;
    Q_EMIT recordChanged(mac);
}

void LifecycleManager::setLastError(const MacAddress &mac, const QString &error)
{
    auto it = m_records.find(mac);
    if (it == m_records.end())
        return;
    it->lastError = error.left(2000);
    save();
    Q_EMIT recordChanged(mac);
}

QByteArray LifecycleManager::token(const MacAddress &mac) const
{
    const Record *r = record(mac);
    return r ? r->token : QByteArray();
}

bool LifecycleManager::verifyToken(const MacAddress &mac, const QByteArray &presented) const
{
    const Record *r = record(mac);
    if (!r || r->token.isEmpty() || presented.isEmpty())
        return false;
    return ApiToken::equals(presented, r->token);
}

QByteArray LifecycleManager::rotateToken(const MacAddress &mac)
{
    auto it = m_records.find(mac);
    if (it == m_records.end())
        return {};
    it->token = newToken();
    save();
    return it->token;
}

void LifecycleManager::remove(const MacAddress &mac)
{
    if (!m_records.remove(mac))
        return;
    m_order.removeAll(mac);
    scheduleSave();
}

void LifecycleManager::scheduleSave()
{
    if (!m_path.isEmpty() && !m_saveTimer.isActive())
        m_saveTimer.start();
}

QByteArray LifecycleManager::serialize() const
{
    QJsonObject devices;
    for (const MacAddress &mac : std::as_const(m_order))
        devices.insert(mac.toString(), m_records.value(mac).toJson(true));
    const QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("devices"), devices}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void LifecycleManager::save()
{
    m_saveTimer.stop();
    m_backgroundAgain = false;
    m_background.waitForFinished();
    if (m_path.isEmpty())
        return;
    QString why;
    if (!atomicfile::write(m_path, serialize(), &why, atomicfile::Backup::None, 0600))
        qCWarning(lcProvision).noquote() << "lifecycle not saved:" << why;
}

void LifecycleManager::saveInBackground()
{
    if (m_path.isEmpty())
        return;
    if (m_background.isRunning()) {
        m_backgroundAgain = true;   // written again, with the newest state, when this one is done
        return;
    }
    m_backgroundAgain = false;
    m_background = QtConcurrent::run([path = m_path, bytes = serialize()] {
        QString why;
        atomicfile::write(path, bytes, &why, atomicfile::Backup::None, 0600);
        return why;
    });
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString why = watcher->result();
        watcher->deleteLater();
        if (!why.isEmpty())
            qCWarning(lcProvision).noquote() << "lifecycle not saved:" << why;
        if (m_backgroundAgain)
            saveInBackground();
    });
    watcher->setFuture(m_background);
}

void LifecycleManager::mirror(const Record &record)
{
    if (m_registry)
        m_registry->setLifecycle(record.mac, lifecycle::name(record.state));
}

void LifecycleManager::journal(const Record &record, const Change &change)
{
    if (!m_journal)
        return;
    JournalEvent e;
    e.mac = record.mac;
    e.source = QStringLiteral("provision");
    e.kind = QString::fromLatin1(journalkind::LifecycleChanged);
    e.severity = change.to == State::Failed ? JournalEvent::Severity::Error : JournalEvent::Severity::Info;
    e.message = QStringLiteral("lifecycle %1 -> %2").arg(lifecycle::name(change.from), lifecycle::name(change.to));
    if (!record.workflow.isEmpty())
        e.message += QStringLiteral(" (workflow %1)").arg(record.workflow);
    if (!change.reason.isEmpty())
        e.message += QStringLiteral(": ") + change.reason;
    e.data = QJsonObject{{QStringLiteral("from"), lifecycle::name(change.from)},
                         {QStringLiteral("to"), lifecycle::name(change.to)},
                         {QStringLiteral("reason"), change.reason},
                         {QStringLiteral("actor"), change.actor},
                         {QStringLiteral("workflow"), record.workflow}};
    m_journal->append(e);
}
