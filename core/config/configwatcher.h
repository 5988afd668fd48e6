#pragma once

#include "configerror.h"
#include "labconfig.h"

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

// Watches lab.yaml (and its folder, since editors save by rename). A valid edit on disk is
// reported with configChanged(); an invalid one with configRejected() — the running lab keeps its
// last good configuration. Writes made through markOwnWrite() are not reported back.
class ConfigWatcher : public QObject
{
    Q_OBJECT
public:
    explicit ConfigWatcher(QObject *parent = nullptr);

    void watch(const QString &path, const QByteArray &currentContent);
    void markOwnWrite(const QByteArray &content);
    [[nodiscard]] QString path() const { return m_path; }

Q_SIGNALS:
    void configChanged(const LabConfig &config);
    void configRejected(const ConfigErrors &errors);

private:
    void scheduleCheck();
    void check();

    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QString m_path;
    QByteArray m_lastContent;
};
