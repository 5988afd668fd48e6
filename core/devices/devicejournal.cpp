#include "devicejournal.h"

#include "common/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <cerrno>
#include <cstring>

DeviceJournal::DeviceJournal(QObject *parent)
    : QObject(parent)
    , m_flushTimer(this)   // a child, so it follows the journal to the engine thread
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(200);
    connect(&m_flushTimer, &QTimer::timeout, this, &DeviceJournal::flush);
}

DeviceJournal::~DeviceJournal()
{
    close();
}

bool DeviceJournal::open(const QString &filePath, QString *error)
{
    close();
    QDir().mkpath(QFileInfo(filePath).absolutePath());
    m_file.setFileName(filePath);
    // Unbuffered: a failed write (disk full, read-only) is seen at once and not retried later
    // from Qt's buffer behind our back.
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Append | QIODevice::Unbuffered)) {
        m_writeError = QStringLiteral("cannot open %1: %2").arg(filePath, m_file.errorString());
        if (error)
            *error = m_writeError;
        qCWarning(lcDevices) << "journal file unavailable:" << m_file.errorString();
        return false;
    }
    m_writeError.clear();
    restoreFromFile();
    return true;
}

void DeviceJournal::close()
{
    flush();
    if (m_file.isOpen())
        m_file.close();
}

void DeviceJournal::restoreFromFile()
{
    // Read at most the last few MiB: enough for the in-memory rings.
    const qint64 size = m_file.size();
    const qint64 window = qMin<qint64>(size, 4 << 20);
    QFile reader(m_file.fileName());
    if (!reader.open(QIODevice::ReadOnly))
        return;
    reader.seek(size - window);
    QByteArray tail = reader.readAll();
    if (window < size) {
        const auto nl = tail.indexOf('\n');
        tail = nl >= 0 ? tail.mid(nl + 1) : QByteArray();
    }
    int restored = 0;
    for (const QByteArray &line : tail.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            continue; // a torn last line after a crash is skipped
        const JournalEvent e = JournalEvent::fromJson(doc.object());
        if (e.seq >= m_nextSeq)
            m_nextSeq = e.seq + 1;
        store(e);
        ++restored;
    }
    if (restored)
        qCInfo(lcDevices) << "journal: restored" << restored << "events from" << m_file.fileName();
}

void DeviceJournal::store(const JournalEvent &event)
{
    m_all.push_back(event);
    while (int(m_all.size()) > m_limits.overall)
        m_all.pop_front();
    if (event.mac.isValid()) {
        if (m_byDevice.size() >= m_limits.maxDevices && !m_byDevice.contains(event.mac))
            dropOldestRings();
        auto &ring = m_byDevice[event.mac];
        ring.push_back(event);
        while (int(ring.size()) > m_limits.perDevice)
            ring.pop_front();
    }
}

void DeviceJournal::dropOldestRings()
{
    // Rings are never empty; the last event's seq tells how recently a device was heard of.
    QList<QPair<quint64, MacAddress>> rings;
    rings.reserve(m_byDevice.size());
    for (auto it = m_byDevice.cbegin(); it != m_byDevice.cend(); ++it)
        rings.append({it->empty() ? 0 : it->back().seq, it.key()});
    const qsizetype drop = qMin<qsizetype>(rings.size(), rings.size() - m_limits.maxDevices + 1 + m_limits.maxDevices / 8);
    std::nth_element(rings.begin(), rings.begin() + (drop - 1), rings.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (qsizetype i = 0; i < drop; ++i)
        m_byDevice.remove(rings.at(i).second);
}

JournalEvent DeviceJournal::append(JournalEvent event)
{
    event.seq = m_nextSeq++;
    if (!event.time.isValid())
        event.time = QDateTime::currentDateTimeUtc();
    store(event);
    if (m_file.isOpen()) {
        m_pending += event.toJsonLine();
        m_pending += '\n';
        if (m_pending.size() > 64 * 1024)
            flush();
        else if (!m_flushTimer.isActive())
            m_flushTimer.start();
    }
    Q_EMIT eventAppended(event);
    return event;
}

void DeviceJournal::flush()
{
    if (m_pending.isEmpty() || !m_file.isOpen())
        return;
    const qint64 before = m_file.size();
    errno = 0;
    const qint64 written = m_file.write(m_pending);
    if (written != m_pending.size()) {
        // Disk full or read-only: cut off a partial line so the file stays one event per line
        // (the next successful write would otherwise extend the torn line). The events stay in
        // memory; the file has a gap, which is logged once per episode, not once per flush.
        // (After a partial write QFile reports no error of its own: errno has the reason.)
        const QString why = m_file.error() != QFileDevice::NoError || errno == 0 ? m_file.errorString()
                                                                                 : QString::fromLocal8Bit(std::strerror(errno));
        if (m_file.size() != before)
            m_file.resize(before);
        m_unsaved += quint64(m_pending.count('\n'));
        if (m_writeError.isEmpty())
            qCWarning(lcDevices).noquote() << "journal: cannot write" << m_file.fileName() << ":" << why
                                           << "- events are kept in memory only until writing works again";
        m_writeError = why.isEmpty() ? QStringLiteral("write failed") : why;
        m_pending.clear();
        return;
    }
    if (!m_writeError.isEmpty()) {
        qCInfo(lcDevices).noquote() << "journal: writing again;" << m_unsaved << "events could not be saved";
        m_writeError.clear();
    }
    m_pending.clear();
    rotateIfNeeded();
}

void DeviceJournal::rotateIfNeeded()
{
    if (m_file.size() < m_limits.maxFileBytes)
        return;
    const QString path = m_file.fileName();
    m_file.close();
    QFile::remove(path + QStringLiteral(".1"));
    QFile::rename(path, path + QStringLiteral(".1"));
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Append | QIODevice::Unbuffered))
        qCWarning(lcDevices) << "journal reopen failed:" << m_file.errorString();
}

static QList<JournalEvent> tailOf(const std::deque<JournalEvent> &ring, int limit)
{
    QList<JournalEvent> out;
    const size_t n = limit > 0 ? qMin(size_t(limit), ring.size()) : ring.size();
    out.reserve(qsizetype(n));
    for (auto it = ring.end() - std::ptrdiff_t(n); it != ring.end(); ++it)
        out.append(*it);
    return out;
}

QList<JournalEvent> DeviceJournal::events(const MacAddress &mac, int limit) const
{
    const auto it = m_byDevice.constFind(mac);
    return it == m_byDevice.cend() ? QList<JournalEvent>() : tailOf(*it, limit);
}

QList<JournalEvent> DeviceJournal::recent(int limit) const
{
    return tailOf(m_all, limit);
}

QList<JournalEvent> DeviceJournal::since(quint64 seq, int limit) const
{
    QList<JournalEvent> out;
    for (const auto &e : m_all)
        if (e.seq > seq)
            out.append(e);
    if (limit > 0 && out.size() > limit)
        out = out.mid(out.size() - limit);
    return out;
}

void DeviceJournal::forget(const MacAddress &mac)
{
    m_byDevice.remove(mac);
}
