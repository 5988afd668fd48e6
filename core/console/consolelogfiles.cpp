#include "consolelogfiles.h"

#include "common/logging.h"

#include <QDir>
#include <QFile>

ConsoleLogFiles::ConsoleLogFiles(QObject *parent)
    : QObject(parent)
{
    m_flushTimer.setInterval(1000);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &ConsoleLogFiles::flush);
}

ConsoleLogFiles::~ConsoleLogFiles()
{
    closeAll();
}

void ConsoleLogFiles::setDirectory(const QString &directory)
{
    if (directory == m_dir)
        return;
    closeAll();
    m_dir = directory;
    if (!m_dir.isEmpty())
        QDir().mkpath(m_dir);
}

QString ConsoleLogFiles::pathFor(const MacAddress &mac) const
{
    return QDir(m_dir).filePath(mac.toDashed() + QStringLiteral(".log"));
}

ConsoleLogFiles::Open *ConsoleLogFiles::openFor(const MacAddress &mac)
{
    auto it = m_open.find(mac);
    if (it != m_open.end()) {
        if (m_lru.last() != mac) {
            m_lru.removeOne(mac);
            m_lru.append(mac);
        }
        return &*it;
    }
    while (m_lru.size() >= MaxOpenFiles) {
        const MacAddress victim = m_lru.takeFirst();
        auto v = m_open.find(victim);
        if (v != m_open.end()) {
            write(victim, *v);
            m_open.erase(v);
        }
    }
    Open o;
    o.file = std::make_shared<QFile>(pathFor(mac));
    if (!o.file->open(QIODevice::WriteOnly | QIODevice::Append)) {
        qCWarning(lcConsole).noquote() << "cannot open console log" << o.file->fileName() << ":" << o.file->errorString();
        return nullptr;
    }
    o.file->setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    o.size = o.file->size();
    m_lru.append(mac);
    return &*m_open.insert(mac, o);
}

void ConsoleLogFiles::append(const MacAddress &mac, const QString &line)
{
    if (m_dir.isEmpty() || !mac.isValid())
        return;
    Open *o = openFor(mac);
    if (!o)
        return;
    o->pending += line.toUtf8();
    o->pending += '\n';
    if (o->pending.size() > 64 * 1024)
        write(mac, *o);
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ConsoleLogFiles::write(const MacAddress &mac, Open &o)
{
    if (o.pending.isEmpty() || !o.file)
        return;
    if (o.size + o.pending.size() > m_maxBytes) {
        // Rotate: <mac>.log -> <mac>.log.1 (replacing the previous one).
        const QString path = pathFor(mac);
        o.file->close();
        QFile::remove(path + QStringLiteral(".1"));
        QFile::rename(path, path + QStringLiteral(".1"));
        if (!o.file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Truncate)) {
            qCWarning(lcConsole).noquote() << "cannot reopen console log" << path;
            o.pending.clear();
            return;
        }
        o.file->setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        o.size = 0;
    }
    // A single burst larger than the limit keeps only its tail.
    if (o.pending.size() > m_maxBytes)
        o.pending = o.pending.right(m_maxBytes);
    const qint64 n = o.file->write(o.pending);
    o.file->flush();
    if (n > 0)
        o.size += n;
    o.pending.clear();
}

void ConsoleLogFiles::flush()
{
    for (auto it = m_open.begin(); it != m_open.end(); ++it)
        write(it.key(), *it);
}

void ConsoleLogFiles::closeAll()
{
    flush();
    m_open.clear();
    m_lru.clear();
}
