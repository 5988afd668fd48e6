#pragma once

#include "config/configerror.h"
#include "workflow.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

// The workflows folder (<config>/workflows/*.yaml, *.yml): every file is parsed and validated;
// invalid files are reported (file:line:column) and left out, the valid ones are served. The
// folder is watched, so a workflow the user drops in is picked up without a restart.
class WorkflowStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxFiles = 500;

    explicit WorkflowStore(QObject *parent = nullptr);

    // Sets the folder (created if missing) and loads it.
    void setDirectory(const QString &directory);
    [[nodiscard]] QString directory() const { return m_dir; }
    void reload();

    [[nodiscard]] const provision::Workflow *find(const QString &id) const;
    [[nodiscard]] QList<provision::Workflow> all() const;     // sorted by id
    [[nodiscard]] const ConfigErrors &errors() const { return m_errors; }

Q_SIGNALS:
    void workflowsChanged();

private:
    QString m_dir;
    QHash<QString, provision::Workflow> m_workflows;
    ConfigErrors m_errors;
    // Children (not plain members' default): they follow the store into the engine thread.
    QFileSystemWatcher m_watcher{this};
    QTimer m_debounce{this};
};
