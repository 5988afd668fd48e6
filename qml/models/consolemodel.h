#pragma once

#include "console/consoleline.h"

#include <QAbstractListModel>
#include <QHostAddress>
#include <QtQml/qqmlregistration.h>

#include <deque>

// The live console of the device open in the device panel (netconsole, syslog and serial lines
// in one stream, GUI thread). Backfilled from the engine's ring buffer when the device is opened
// (loading until then), appended live afterwards, bounded (the oldest line goes first). The rows
// are the lines that pass the filter (text, origin); while paused the rows stay as they are and
// new lines are only counted (pendingCount), then shown on resume. Fed by ConsoleFeed.
// The same model shows the lines of a sender that is no known device (source mode: beginSource),
// and sends typed lines to the open device's serial console (sendSerial -> serialInput, answered
// by serialSent).
class ConsoleModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab.details.console")
    Q_PROPERTY(QString mac READ mac NOTIFY macChanged)
    // Source mode: the sender's address ("" when a device is open).
    Q_PROPERTY(QString source READ source NOTIFY macChanged)
    // Senders that are no known device and have lines in the engine's buffer (addresses).
    Q_PROPERTY(QStringList unknownSources READ unknownSources NOTIFY unknownSourcesChanged)
    Q_PROPERTY(bool sendingSerial READ isSendingSerial NOTIFY sendingSerialChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)         // rows shown
    Q_PROPERTY(int total READ total NOTIFY countChanged)         // lines held, before the filter
    Q_PROPERTY(int capacity READ capacity CONSTANT)
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterChanged)
    // "" = every origin, else "netconsole", "syslog" or "serial".
    Q_PROPERTY(QString origin READ origin WRITE setOrigin NOTIFY filterChanged)
    Q_PROPERTY(bool paused READ isPaused WRITE setPaused NOTIFY pausedChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pausedChanged)
    // Serial console of the device: the configured port ("" = none), "open", "closed" or "error".
    Q_PROPERTY(QString serialPort READ serialPort NOTIFY serialChanged)
    Q_PROPERTY(QString serialState READ serialState NOTIFY serialChanged)
    Q_PROPERTY(QString serialError READ serialError NOTIFY serialChanged)
    // Where devices send to (the empty state tells the user): the console service's state,
    // address and ports, and whether the device opted in to netconsole.
    Q_PROPERTY(bool listening READ isListening NOTIFY receiverChanged)
    Q_PROPERTY(QString receiverAddress READ receiverAddress NOTIFY receiverChanged)
    Q_PROPERTY(int netconsolePort READ netconsolePort NOTIFY receiverChanged)
    Q_PROPERTY(int syslogPort READ syslogPort NOTIFY receiverChanged)
    Q_PROPERTY(bool netconsoleEnabled READ isNetconsoleEnabled NOTIFY receiverChanged)
    Q_PROPERTY(bool saving READ isSaving NOTIFY savingChanged)
public:
    enum Role { TimeRole = Qt::UserRole + 1, OriginRole, SeverityRole, LevelRole, TagRole, TextRole, SourceRole };
    Q_ENUM(Role)

    struct Receiver
    {
        bool listening = false;
        QString address;
        int netconsolePort = 0;
        int syslogPort = 0;
        bool netconsoleEnabled = false;
    };

    static constexpr int MaxSerialInput = 4096;

    explicit ConsoleModel(int capacity = 2000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString mac() const { return m_mac.isValid() ? m_mac.toString() : QString(); }
    [[nodiscard]] MacAddress macAddress() const { return m_mac; }
    [[nodiscard]] QString source() const { return m_source.isNull() ? QString() : m_source.toString(); }
    [[nodiscard]] QHostAddress sourceAddress() const { return m_source; }
    [[nodiscard]] bool isOpen() const { return m_mac.isValid() || !m_source.isNull(); }
    // The line belongs to what is open (the device, or the unknown sender).
    [[nodiscard]] bool belongs(const ConsoleLine &line) const;
    [[nodiscard]] QStringList unknownSources() const { return m_unknownSources; }
    [[nodiscard]] bool isSendingSerial() const { return m_sendingSerial; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] int total() const { return int(m_all.size()); }
    [[nodiscard]] int capacity() const { return m_capacity; }
    [[nodiscard]] QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    [[nodiscard]] QString origin() const { return m_origin; }
    void setOrigin(const QString &origin);
    [[nodiscard]] bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    [[nodiscard]] int pendingCount() const { return m_pending; }
    [[nodiscard]] QString serialPort() const { return m_serialPort; }
    [[nodiscard]] QString serialState() const { return m_serialState; }
    [[nodiscard]] QString serialError() const { return m_serialError; }
    [[nodiscard]] bool isListening() const { return m_receiver.listening; }
    [[nodiscard]] QString receiverAddress() const { return m_receiver.address; }
    [[nodiscard]] int netconsolePort() const { return m_receiver.netconsolePort; }
    [[nodiscard]] int syslogPort() const { return m_receiver.syslogPort; }
    [[nodiscard]] bool isNetconsoleEnabled() const { return m_receiver.netconsoleEnabled; }
    [[nodiscard]] bool isSaving() const { return m_saving; }

    // The shown lines as text, one per line in the per-device log file's format.
    Q_INVOKABLE QString toText() const;
    // Empties the view (the engine keeps its ring: reopening the device backfills again).
    Q_INVOKABLE void clear();
    // Writes the shown lines to `file` (an absolute local path or a file: URL) atomically
    // (QSaveFile) on the thread pool; saveFinished() reports the outcome.
    Q_INVOKABLE void saveToFile(const QString &file);
    // Types `text` into the open device's serial console (a carriage return appended unless
    // `appendReturn` is false): emits serialInput for the feed, then serialSendFinished. Refused
    // (false, serialSendFinished with the reason) without an open serial port.
    Q_INVOKABLE bool sendSerial(const QString &text, bool appendReturn = true);
    // A default file for "Save": <Documents>/<name>-console-<date>.log.
    Q_INVOKABLE QString suggestedSavePath(const QString &deviceName) const;

    // Feed (GUI thread). begin() starts showing `mac` (loading, live lines ignored: the
    // backfill snapshot holds them, see ConsoleFeed); setBackfill() ends loading.
    void begin(const MacAddress &mac);
    void beginSource(const QHostAddress &source);   // lines of a sender that is no known device
    void setBackfill(const QList<ConsoleLine> &lines);
    // Live lines (a batch: one row insertion); ignored unless they belong to the open device and
    // loading is over.
    void append(const QList<ConsoleLine> &lines);
    void append(const ConsoleLine &line);
    void close();
    void setSerial(const QString &port, const QString &state, const QString &error);
    void setReceiver(const Receiver &receiver);
    void serialSent(bool ok, const QString &error);
    void setUnknownSources(const QStringList &sources);

    // Pure helpers (tested): syslog severity name ("err") and the colour class the view uses
    // ("error" for 0–3, "warning", "notice", "info", "debug", "" when unknown).
    static QString severityName(int severity);
    static QString levelClass(int severity);

Q_SIGNALS:
    void macChanged();
    void loadingChanged();
    void countChanged();
    void filterChanged();
    void pausedChanged();
    void serialChanged();
    void receiverChanged();
    void savingChanged();
    void saveFinished(bool ok, const QString &message);
    void unknownSourcesChanged();
    void sendingSerialChanged();
    // To the feed: bytes for the serial console of `mac`.
    void serialInput(const MacAddress &mac, const QByteArray &bytes);
    // ok with an empty message, or why the line was not sent.
    void serialSendFinished(bool ok, const QString &message);

private:
    struct Entry
    {
        quint64 id = 0;
        ConsoleLine line;
    };
    [[nodiscard]] bool accepts(const ConsoleLine &line) const;
    void start(const MacAddress &mac, const QHostAddress &source);
    void rebuild();
    void setPending(int pending);

    int m_capacity;
    MacAddress m_mac;
    QHostAddress m_source;
    QStringList m_unknownSources;
    bool m_sendingSerial = false;
    bool m_loading = false;
    std::deque<Entry> m_all;      // every line held, oldest first
    std::deque<Entry> m_rows;     // the shown ones
    quint64 m_nextId = 1;
    QString m_filterText;
    QString m_origin;
    bool m_paused = false;
    quint64 m_pausedAfter = 0;    // while paused: lines with a larger id are held back
    int m_pending = 0;
    QString m_serialPort;
    QString m_serialState;
    QString m_serialError;
    Receiver m_receiver;
    bool m_saving = false;
};
