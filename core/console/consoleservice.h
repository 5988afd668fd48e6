#pragma once

#include "config/labconfig.h"
#include "consolebuffer.h"
#include "consoleline.h"
#include "devices/journalevent.h"
#include "engine/service.h"
#include "lineassembler.h"
#include "netconsoleparser.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTimer>

#include <functional>

class ConsoleLogFiles;
class DeviceJournal;
class DeviceRegistry;
class QUdpSocket;
class SerialConsole;

// Device consoles in one stream: a netconsole receiver (UDP, plain and extended format with
// fragment reassembly and loss detection), a syslog receiver (RFC 3164 and 5424 over UDP) and
// USB-UART serial ports. Senders are mapped to devices by source address (DHCP-recorded or
// reserved IP). Every line goes to the device's ring buffer, its log file
// (<data>/consoles/<mac>.log), the live lineReceived() signal and, rate-limited, the journal
// (console.line).
class ConsoleService : public Service
{
    Q_OBJECT
public:
    struct Stats
    {
        quint64 netconsoleDatagrams = 0;
        quint64 syslogDatagrams = 0;
        quint64 malformed = 0;
        quint64 reassembled = 0;      // extended messages put back together from fragments
        quint64 lost = 0;             // netconsole sequence gaps + fragments that never completed
        quint64 lines = 0;
        quint64 journaled = 0;
        quint64 suppressed = 0;       // lines not journaled (rate limit)
    };
    struct SerialStatus
    {
        MacAddress mac;
        QString port;
        int baud = 0;
        bool open = false;
        QString error;
    };
    // Journal rate limit per device: a burst of JournalBurst lines, then one per JournalRefillMs.
    static constexpr int JournalBurst = 5;
    static constexpr int JournalRefillMs = 2000;
    static constexpr int MaxSenders = 256;

    ConsoleService(DeviceRegistry *registry, DeviceJournal *journal, QObject *parent = nullptr);
    ~ConsoleService() override;

    // Returns true if the change needs a restart (address/ports changed).
    bool setConfig(const ConsoleConfig &config);
    // Serial ports and reserved addresses come from the devices.
    void setDevices(const QList<DeviceConfig> &devices);
    // <data>/consoles; empty = no log files.
    void setLogDirectory(const QString &directory);

    [[nodiscard]] QString displayName() const override { return tr("Consoles"); }
    [[nodiscard]] QStringList endpoints() const override;
    [[nodiscard]] quint16 netconsolePort() const;
    [[nodiscard]] quint16 syslogPort() const;
    [[nodiscard]] const ConsoleConfig &config() const { return m_config; }

    [[nodiscard]] QList<ConsoleLine> lines(const MacAddress &mac, int limit = 0) const { return m_buffer.lines(mac, limit); }
    [[nodiscard]] const ConsoleBuffer &buffer() const { return m_buffer; }
    [[nodiscard]] Stats stats() const { return m_stats; }
    [[nodiscard]] QList<SerialStatus> serialStatus() const;
    [[nodiscard]] QString logFile(const MacAddress &mac) const;
    bool writeSerial(const MacAddress &mac, const QByteArray &bytes, QString *error);
    // Flushes pending log-file writes (tests, shutdown).
    void flushLogs();

Q_SIGNALS:
    void lineReceived(const ConsoleLine &line);
    void serialBytes(const MacAddress &mac, const QByteArray &bytes);
    void serialStateChanged(const MacAddress &mac, bool open, const QString &error);

protected:
    bool doStart(QString *error) override;
    void doStop() override;

private:
    struct Sender
    {
        netconsole::Reassembler reassembler;
        netconsole::SequenceTracker sequence;
        LineAssembler plain;
        qint64 lastMs = 0;
        qint64 lastPlainMs = 0;
        MacAddress mac;               // cached source -> device mapping
        qint64 macCheckedMs = -1;
    };
    struct Bucket
    {
        double tokens = JournalBurst;
        qint64 lastMs = -1;                // -1: no line yet (0 is a valid time)
        quint64 suppressed = 0;
    };

    void readNetconsole();
    void readSyslog();
    void housekeeping();
    void handleNetconsole(const QByteArray &datagram, const QHostAddress &from);
    void readDatagrams(QUdpSocket *socket, bool netconsole);
    void handleSyslog(const QByteArray &datagram, const QHostAddress &from);
    void startSerials();
    void stopSerials();
    void deliver(ConsoleLine line);
    MacAddress macFor(const QHostAddress &address) const;
    // Rate-limited journal entry; `message` is only built when the line is journaled.
    void journalLine(const ConsoleLine &line, JournalEvent::Severity severity, const std::function<QString()> &message);
    Sender &sender(const QHostAddress &from);
    MacAddress senderMac(Sender &sender, const QHostAddress &from, qint64 nowMs) const;

    QPointer<DeviceRegistry> m_registry;
    QPointer<DeviceJournal> m_journal;
    ConsoleConfig m_config;
    QList<DeviceConfig> m_devices;
    QUdpSocket *m_netconsole = nullptr;
    QUdpSocket *m_syslog = nullptr;
    QHostAddress m_bound;
    ConsoleBuffer m_buffer;
    ConsoleLogFiles *m_logs;
    QHash<QHostAddress, Sender> m_senders;
    QHash<MacAddress, Bucket> m_buckets;
    QHash<MacAddress, SerialConsole *> m_serials;
    QTimer m_housekeeping{this};  // a child: it follows moveToThread to the engine thread
    QElapsedTimer m_clock;
    Stats m_stats;
};
