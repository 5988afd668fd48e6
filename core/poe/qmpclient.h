#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

class QLocalSocket;

// QMP, the QEMU Machine Protocol (docs/interop/qmp-spec.rst): JSON objects separated by
// CRLF. The server greets with {"QMP": {...}}, the client negotiates with "qmp_capabilities",
// then sends {"execute", "arguments", "id"} and gets {"return"|"error", "id"} back, in order;
// {"event", "data", "timestamp"} may arrive at any time. Pure codec here, tested without sockets.
namespace qmp {

struct Message
{
    enum class Kind { Greeting, Return, Error, Event };
    Kind kind = Kind::Return;
    QJsonValue id;              // echoed command id (Return/Error)
    QJsonValue result;          // Return: the "return" member
    QString errorClass;         // Error: "GenericError", "CommandNotFound", ...
    QString errorDesc;
    QString event;              // Event: "SHUTDOWN", "RESET", "STOP", ...
    QJsonObject data;           // Event data, Greeting "QMP" object
};

// Parses one message; on failure returns false with *error set (never throws, bounded input).
bool parseMessage(const QByteArray &line, Message *out, QString *error);
// {"execute": command, "arguments": arguments (omitted when empty), "id": id} + CRLF.
QByteArray encodeCommand(const QString &command, const QJsonObject &arguments, qint64 id);

} // namespace qmp

// An asynchronous QMP client on a Unix socket: one connection, greeting and capability
// negotiation, commands with ids and deadlines, events. Lives on the engine thread.
class QmpClient : public QObject
{
    Q_OBJECT
public:
    // `error` empty on success; then `result` is the command's "return" value.
    using Callback = std::function<void(const QString &error, const QJsonValue &result)>;

    static constexpr qint64 MaxLineBytes = 1024 * 1024;

    explicit QmpClient(QObject *parent = nullptr);
    ~QmpClient() override;

    // One connection attempt to the socket at `path`: ready() after greeting + negotiation,
    // else failed(). `handshakeMs` bounds the time from connect to ready.
    void open(const QString &path, int handshakeMs);
    // Drops the connection; pending commands fail with "connection closed".
    void close();
    [[nodiscard]] bool isReady() const { return m_ready; }
    [[nodiscard]] bool isOpen() const { return m_socket != nullptr; }
    [[nodiscard]] QJsonObject greeting() const { return m_greeting; }

    // Runs a command (only after ready()); `done` is called exactly once, on the engine thread.
    void execute(const QString &command, const QJsonObject &arguments, int timeoutMs, Callback done);

Q_SIGNALS:
    void ready();
    void failed(const QString &error);         // before ready(): connection or handshake failed
    void closed(const QString &reason);         // after ready(): the connection ended
    void event(const QString &name, const QJsonObject &data);

private:
    struct Pending
    {
        Callback done;
        QDeadlineTimer deadline;
        QString command;
    };
    void onReadyRead();
    void handle(const qmp::Message &m);
    void fail(const QString &error);
    void checkDeadlines();
    void failAll(const QString &error);
    void send(const QString &command, const QJsonObject &arguments, int timeoutMs, Callback done);

    QLocalSocket *m_socket = nullptr;
    QByteArray m_buffer;
    bool m_greeted = false;
    bool m_ready = false;
    QJsonObject m_greeting;
    qint64 m_nextId = 1;
    QHash<qint64, Pending> m_pending;
    QTimer m_timer;                 // deadlines: handshake and commands
    QDeadlineTimer m_handshakeDeadline;
};
