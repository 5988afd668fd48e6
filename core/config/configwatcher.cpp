#include "configwatcher.h"

#include "common/logging.h"
#include "labconfigloader.h"

#include <QFile>
#include <QFileInfo>

ConfigWatcher::ConfigWatcher(QObject *parent)
    : QObject(parent)
{
    // Member QObjects are not children by default: parent them so moveToThread() takes them along.
    m_debounce.setParent(this);
    m_watcher.setParent(this);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &ConfigWatcher::check);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &ConfigWatcher::scheduleCheck);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &ConfigWatcher::scheduleCheck);
}

void ConfigWatcher::watch(const QString &path, const QByteArray &currentContent)
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_path = path;
    m_lastContent = currentContent;
    m_watcher.addPath(QFileInfo(path).absolutePath());
    if (QFileInfo::exists(path))
        m_watcher.addPath(path);
}

void ConfigWatcher::markOwnWrite(const QByteArray &content)
{
    m_lastContent = content;
}

void ConfigWatcher::scheduleCheck()
{
    // Re-arm the file watch: a rename-based save drops it.
    if (QFileInfo::exists(m_path) && !m_watcher.files().contains(m_path))
        m_watcher.addPath(m_path);
    m_debounce.start();
}

void ConfigWatcher::check()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return; // deleted or mid-rename; the directory watch will fire again
    const QByteArray content = file.read(LabConfigLoader::MaxFileSize + 1);
    if (content == m_lastContent)
        return;
    m_lastContent = content;
    auto result = LabConfigLoader::loadText(content, m_path);
    if (!result.ok()) {
        qCWarning(lcConfig).noquote() << "ignoring invalid edit of" << m_path << ":\n" << result.errorText();
        Q_EMIT configRejected(result.errors);
        return;
    }
    qCInfo(lcConfig) << "reloaded" << m_path;
    Q_EMIT configChanged(result.config);
}
