#include "workflowstore.h"

#include "common/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

WorkflowStore::WorkflowStore(QObject *parent)
    : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &WorkflowStore::reload);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_debounce, qOverload<>(&QTimer::start));
}

void WorkflowStore::setDirectory(const QString &directory)
{
    if (directory == m_dir && !m_dir.isEmpty())
        return;
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    m_dir = directory;
    if (!m_dir.isEmpty()) {
        QDir().mkpath(m_dir);
        m_watcher.addPath(m_dir);
    }
    reload();
}

void WorkflowStore::reload()
{
    QHash<QString, provision::Workflow> loaded;
    ConfigErrors errors;
    if (!m_dir.isEmpty()) {
        QDir dir(m_dir);
        const QStringList files = dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")},
                                                QDir::Files | QDir::Readable, QDir::Name);
        if (files.size() > MaxFiles)
            errors.append({m_dir, 0, 0, {}, QStringLiteral("more than %1 workflow files; only the first %1 are read").arg(MaxFiles)});
        QHash<QString, QString> idFiles;
        for (const QString &name : files.mid(0, MaxFiles)) {
            const QString path = dir.filePath(name);
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) {
                errors.append({path, 0, 0, {}, QStringLiteral("cannot read: %1").arg(f.errorString())});
                continue;
            }
            const QByteArray data = f.read(provision::MaxWorkflowFileSize + 1);
            auto result = provision::parseWorkflow(data, path);
            if (!result.workflow) {
                errors.append(result.errors);
                continue;
            }
            const QString id = result.workflow->id;
            if (idFiles.contains(id)) {
                errors.append({path, 1, 1, QStringLiteral("id"),
                               QStringLiteral("workflow id '%1' is already defined in %2").arg(id, idFiles.value(id))});
                continue;
            }
            idFiles.insert(id, path);
            loaded.insert(id, *result.workflow);
            if (!m_watcher.files().contains(path))
                m_watcher.addPath(path);
        }
    }
    for (const auto &e : std::as_const(errors))
        qCWarning(lcProvision).noquote() << "workflow rejected:" << e.toString();
    m_workflows = std::move(loaded);
    m_errors = std::move(errors);
    qCInfo(lcProvision) << "loaded" << m_workflows.size() << "workflow(s) from" << m_dir;
    Q_EMIT workflowsChanged();
}

const provision::Workflow *WorkflowStore::find(const QString &id) const
{
    const auto it = m_workflows.constFind(id);
    return it == m_workflows.cend() ? nullptr : &*it;
}

QList<provision::Workflow> WorkflowStore::all() const
{
    QList<provision::Workflow> list = m_workflows.values();
    std::sort(list.begin(), list.end(),
              [](const provision::Workflow &a, const provision::Workflow &b) { return a.id < b.id; });
    return list;
}
