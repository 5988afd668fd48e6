#include "consolemodel.h"

#include "common/logging.h"

#include <QDate>
#include <QDir>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThreadPool>
#include <QUrl>

#include <vector>

ConsoleModel::ConsoleModel(int capacity, QObject *parent)
    : QAbstractListModel(parent)
    , m_capacity(qMax(1, capacity))
{
}

int ConsoleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString ConsoleModel::severityName(int severity)
{
    static const char *const names[] = {"emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"};
    return severity >= 0 && severity <= 7 ? QString::fromLatin1(names[severity]) : QString();
}

QString ConsoleModel::levelClass(int severity)
{
    if (severity < 0 || severity > 7)
        return {};
    if (severity <= 3)
        return QStringLiteral("error");
    if (severity == 4)
        return QStringLiteral("warning");
    if (severity == 5)
        return QStringLiteral("notice");
    return severity == 6 ? QStringLiteral("info") : QStringLiteral("debug");
}

QVariant ConsoleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConsoleLine &l = m_rows[size_t(index.row())].line;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return l.text;
    case TimeRole: return l.time.toLocalTime();
    case OriginRole: return l.origin;
    case SeverityRole: return severityName(l.severity);
    case LevelRole: return levelClass(l.severity);
    case TagRole: return l.tag;
    case SourceRole: return l.source.isNull() ? QString() : l.source.toString();
    default: break;
    }
    return {};
}

QHash<int, QByteArray> ConsoleModel::roleNames() const
{
    return {{TimeRole, "time"}, {OriginRole, "origin"}, {SeverityRole, "severity"}, {LevelRole, "level"},
            {TagRole, "tag"},   {TextRole, "message"},     {SourceRole, "source"}};
}

bool ConsoleModel::accepts(const ConsoleLine &line) const
{
    if (!m_origin.isEmpty() && line.origin != m_origin)
        return false;
    if (m_filterText.isEmpty())
        return true;
    return line.text.contains(m_filterText, Qt::CaseInsensitive) || line.tag.contains(m_filterText, Qt::CaseInsensitive);
}

void ConsoleModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    for (const Entry &e : m_all)
        if ((!m_paused || e.id <= m_pausedAfter) && accepts(e.line))
            m_rows.push_back(e);
    endResetModel();
    Q_EMIT countChanged();
}

void ConsoleModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    rebuild();
    Q_EMIT filterChanged();
}

void ConsoleModel::setOrigin(const QString &origin)
{
    if (origin == m_origin)
        return;
    m_origin = origin;
    rebuild();
    Q_EMIT filterChanged();
}

void ConsoleModel::setPending(int pending)
{
    if (pending == m_pending)
        return;
    m_pending = pending;
    Q_EMIT pausedChanged();
}

void ConsoleModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (paused) {
        m_pausedAfter = m_nextId - 1;
        m_pending = 0;
        Q_EMIT pausedChanged();
        return;
    }
    // Resume: what arrived meanwhile (and is still held) is appended.
    int added = 0;
    for (const Entry &e : m_all)
        if (e.id > m_pausedAfter && accepts(e.line)) {
            const int row = int(m_rows.size());
            beginInsertRows({}, row, row);
            m_rows.push_back(e);
            endInsertRows();
            ++added;
        }
    m_pending = 0;
    Q_EMIT pausedChanged();
    if (added > 0)
        Q_EMIT countChanged();
}

bool ConsoleModel::belongs(const ConsoleLine &line) const
{
    if (m_mac.isValid())
        return line.mac == m_mac;
    return !m_source.isNull() && !line.mac.isValid() && line.source == m_source;
}

void ConsoleModel::append(const QList<ConsoleLine> &lines)
{
    if (!isOpen() || m_loading)
        return;
    const quint64 firstNew = m_nextId;
    for (const ConsoleLine &line : lines)
        if (belongs(line))
            m_all.push_back({m_nextId++, line});
    if (m_nextId == firstNew)
        return;
    // Bound: the oldest lines go, with their rows (one removal for the whole batch).
    quint64 lastDropped = 0;
    int droppedHeld = 0;
    while (int(m_all.size()) > m_capacity) {
        lastDropped = m_all.front().id;
        if (m_paused && lastDropped > m_pausedAfter && lastDropped < firstNew)
            ++droppedHeld;
        m_all.pop_front();
    }
    int removed = 0;
    while (removed < int(m_rows.size()) && m_rows[size_t(removed)].id <= lastDropped)
        ++removed;
    if (removed > 0) {
        beginRemoveRows({}, 0, removed - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + removed);
        endRemoveRows();
    }
    // The new lines still held: shown (those that pass the filter) or, while paused, counted.
    auto it = m_all.begin();
    while (it != m_all.end() && it->id < firstNew)
        ++it;
    if (m_paused) {
        setPending(m_pending - droppedHeld + int(m_all.end() - it));
    } else {
        std::vector<const Entry *> shown;
        for (; it != m_all.end(); ++it)
            if (accepts(it->line))
                shown.push_back(&*it);
        if (!shown.empty()) {
            const int row = int(m_rows.size());
            beginInsertRows({}, row, row + int(shown.size()) - 1);
            for (const Entry *e : shown)
                m_rows.push_back(*e);
            endInsertRows();
        }
    }
    Q_EMIT countChanged();   // `total` changes with every batch
}

void ConsoleModel::append(const ConsoleLine &line)
{
    append(QList<ConsoleLine>{line});
}

void ConsoleModel::begin(const MacAddress &mac)
{
    start(mac, QHostAddress());
}

void ConsoleModel::beginSource(const QHostAddress &source)
{
    start(MacAddress(), source);
}

void ConsoleModel::start(const MacAddress &mac, const QHostAddress &source)
{
    const bool changed = mac != m_mac || source != m_source;
    m_mac = mac;
    m_source = source;
    if (m_sendingSerial) {   // an answer for the previous device is ignored by the feed
        m_sendingSerial = false;
        Q_EMIT sendingSerialChanged();
    }
    beginResetModel();
    m_all.clear();
    m_rows.clear();
    endResetModel();
    m_pending = 0;
    m_pausedAfter = m_nextId - 1;
    m_serialPort.clear();
    m_serialState.clear();
    m_serialError.clear();
    m_loading = true;
    if (changed)
        Q_EMIT macChanged();
    Q_EMIT countChanged();
    Q_EMIT pausedChanged();
    Q_EMIT serialChanged();
    Q_EMIT loadingChanged();
}

void ConsoleModel::setBackfill(const QList<ConsoleLine> &lines)
{
    if (!isOpen())
        return;
    const auto start = lines.size() > m_capacity ? lines.size() - m_capacity : 0;
    beginResetModel();
    m_all.clear();
    m_rows.clear();
    for (auto i = start; i < lines.size(); ++i) {
        if (!belongs(lines.at(i)))
            continue;
        Entry e{m_nextId++, lines.at(i)};
        if (m_paused)
            ++m_pending;
        else if (accepts(e.line))
            m_rows.push_back(e);
        m_all.push_back(std::move(e));
    }
    endResetModel();
    m_loading = false;
    Q_EMIT countChanged();
    Q_EMIT pausedChanged();
    Q_EMIT loadingChanged();
}

void ConsoleModel::close()
{
    if (!isOpen())
        return;
    m_mac = {};
    m_source = {};
    beginResetModel();
    m_all.clear();
    m_rows.clear();
    endResetModel();
    m_pending = 0;
    m_loading = false;
    m_serialPort.clear();
    m_serialState.clear();
    m_serialError.clear();
    Q_EMIT macChanged();
    Q_EMIT countChanged();
    Q_EMIT pausedChanged();
    Q_EMIT serialChanged();
    Q_EMIT loadingChanged();
}

void ConsoleModel::clear()
{
    beginResetModel();
    m_all.clear();
    m_rows.clear();
    endResetModel();
    m_pausedAfter = m_nextId - 1;
    m_pending = 0;
    Q_EMIT countChanged();
    Q_EMIT pausedChanged();
}

void ConsoleModel::setSerial(const QString &port, const QString &state, const QString &error)
{
    if (port == m_serialPort && state == m_serialState && error == m_serialError)
        return;
    m_serialPort = port;
    m_serialState = state;
    m_serialError = error;
    Q_EMIT serialChanged();
}

bool ConsoleModel::sendSerial(const QString &text, bool appendReturn)
{
    if (!m_mac.isValid() || m_serialPort.isEmpty()) {
        Q_EMIT serialSendFinished(false, tr("This device has no serial console."));
        return false;
    }
    if (m_serialState != QLatin1String("open")) {
        Q_EMIT serialSendFinished(false, tr("The serial port %1 is not open.").arg(m_serialPort));
        return false;
    }
    if (m_sendingSerial) {
        Q_EMIT serialSendFinished(false, tr("Still sending the previous line."));
        return false;
    }
    // Enter on a serial console is a carriage return (getty, U-Boot, the UEFI shell, GRUB).
    QByteArray bytes = text.toUtf8();
    if (appendReturn)
        bytes += '\r';
    if (bytes.isEmpty() || bytes.size() > MaxSerialInput) {
        Q_EMIT serialSendFinished(false, tr("Send 1 to %n bytes at a time.", "", MaxSerialInput));
        return false;
    }
    m_sendingSerial = true;
    Q_EMIT sendingSerialChanged();
    Q_EMIT serialInput(m_mac, bytes);
    return true;
}

void ConsoleModel::serialSent(bool ok, const QString &error)
{
    if (m_sendingSerial) {
        m_sendingSerial = false;
        Q_EMIT sendingSerialChanged();
    }
    // Nothing to say when it went out: the device's echo is the answer.
    if (!ok)
        Q_EMIT serialSendFinished(false, tr("Not sent: %1").arg(error));
    else
        Q_EMIT serialSendFinished(true, QString());
}

void ConsoleModel::setUnknownSources(const QStringList &sources)
{
    if (sources == m_unknownSources)
        return;
    m_unknownSources = sources;
    Q_EMIT unknownSourcesChanged();
}

void ConsoleModel::setReceiver(const Receiver &receiver)
{
    m_receiver = receiver;
    Q_EMIT receiverChanged();
}

QString ConsoleModel::toText() const
{
    QString out;
    for (const Entry &e : m_rows)
        out += e.line.toLogLine() + QLatin1Char('\n');
    return out;
}

QString ConsoleModel::suggestedSavePath(const QString &deviceName) const
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    QString name = deviceName.isEmpty() ? mac() : deviceName;
    name.replace(QLatin1Char(':'), QLatin1Char('-')).replace(QLatin1Char('/'), QLatin1Char('_'));
    return QDir(base).filePath(QStringLiteral("%1-console-%2.log").arg(name, QDate::currentDate().toString(Qt::ISODate)));
}

void ConsoleModel::saveToFile(const QString &file)
{
    const QString path = file.startsWith(QLatin1String("file:")) ? QUrl(file).toLocalFile() : file.trimmed();
    if (path.isEmpty() || !QDir::isAbsolutePath(path)) {
        Q_EMIT saveFinished(false, tr("Give the full path of the file to write (%1).").arg(file));
        return;
    }
    if (m_saving) {
        Q_EMIT saveFinished(false, tr("A save is already in progress."));
        return;
    }
    m_saving = true;
    Q_EMIT savingChanged();
    const QByteArray bytes = toText().toUtf8();
    const int lines = count();
    QPointer<ConsoleModel> self(this);
    QThreadPool::globalInstance()->start([self, path, bytes, lines] {
        QSaveFile out(path);
        QString error;
        if (!out.open(QIODevice::WriteOnly))
            error = out.errorString();
        else if (out.write(bytes) != bytes.size())
            error = out.errorString();
        else if (!out.commit())
            error = out.errorString();
        if (!error.isEmpty())
            qCWarning(lcUi).noquote() << "console save to" << path << "failed:" << error;
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, path, error, lines] {
            if (!self)
                return;
            self->m_saving = false;
            Q_EMIT self->savingChanged();
            if (error.isEmpty())
                Q_EMIT self->saveFinished(true, tr("%n console line(s) saved to %1", "", lines).arg(path));
            else
                Q_EMIT self->saveFinished(false, tr("The console was not saved to %1: %2").arg(path, error));
        });
    });
}
