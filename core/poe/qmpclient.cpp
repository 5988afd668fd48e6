#include "qmpclient.h"

#include "common/logging.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocalSocket>

namespace qmp {

bool parseMessage(const QByteArray &line, Message *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = pe.error != QJsonParseError::NoError ? QStringLiteral("invalid JSON: %1").arg(pe.errorString())
                                                      : QStringLiteral("not a JSON object");
        return false;
    }
    const QJsonObject o = doc.object();
    Message m;
    m.id = o.value(QLatin1String("id"));
    if (o.contains(QLatin1String("QMP"))) {
        if (!o.value(QLatin1String("QMP")).isObject()) {
            *error = QStringLiteral("greeting without a QMP object");
            return false;
        }
        m.kind = Message::Kind::Greeting;
        m.data = o.value(QLatin1String("QMP")).toObject();
    } else if (o.contains(QLatin1String("return"))) {
        m.kind = Message::Kind::Return;
        m.result = o.value(QLatin1String("return"));
    } else if (o.contains(QLatin1String("error"))) {
        const QJsonValue e = o.value(QLatin1String("error"));
        if (!e.isObject()) {
            *error = QStringLiteral("error member is not an object");
            return false;
        }
        m.kind = Message::Kind::Error;
        m.errorClass = e.toObject().value(QLatin1String("class")).toString().left(80);
        m.errorDesc = e.toObject().value(QLatin1String("desc")).toString().left(400);
    } else if (o.value(QLatin1String("event")).isString()) {
        m.kind = Message::Kind::Event;
        m.event = o.value(QLatin1String("event")).toString().left(80);
        m.data = o.value(QLatin1String("data")).toObject();
    } else {
        *error = QStringLiteral("neither greeting, return, error nor event");
        return false;
    }
    *out = m;
    return true;
}

QByteArray encodeCommand(const QString &command, const QJsonObject &arguments, qint64 id)
{
    QJsonObject o{{QStringLiteral("execute"), command}, {QStringLiteral("id"), id}};
    if (!arguments.isEmpty())
        o.insert(QStringLiteral("arguments"), arguments);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + "\r\n";
}

} // namespace qmp

QmpClient::QmpClient(QObject *parent)
    : QObject(parent)
{
    m_timer.setParent(this);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &QmpClient::checkDeadlines);
}

QmpClient::~QmpClient()
{
    // No callbacks from a destructor: owners drop their state first.
    m_pending.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void QmpClient::open(const QString &path, int handshakeMs)
{
    close();
    m_socket = new QLocalSocket(this);
    m_buffer.clear();
    m_greeted = false;
    m_ready = false;
    m_greeting = {};
    m_handshakeDeadline = QDeadlineTimer(handshakeMs);
    connect(m_socket, &QLocalSocket::readyRead, this, &QmpClient::onReadyRead);
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError) {
        if (m_socket)
            fail(m_socket->errorString());
    });
    connect(m_socket, &QLocalSocket::disconnected, this, [this] { fail(QStringLiteral("connection closed")); });
    m_timer.start();
    m_socket->connectToServer(path, QIODevice::ReadWrite);
}

void QmpClient::close()
{
    m_timer.stop();
    if (m_socket) {
        QLocalSocket *s = std::exchange(m_socket, nullptr);
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
    m_ready = false;
    m_greeted = false;
    m_buffer.clear();
    failAll(QStringLiteral("connection closed"));
}

void QmpClient::fail(const QString &error)
{
    if (!m_socket)
        return;
    const bool wasReady = m_ready;
    close();
    if (wasReady)
        Q_EMIT closed(error);
    else
        Q_EMIT failed(error);
}

void QmpClient::failAll(const QString &error)
{
    const QHash<qint64, Pending> pending = std::exchange(m_pending, {});
    for (const Pending &p : pending)
        if (p.done)
            p.done(error, {});
}

void QmpClient::execute(const QString &command, const QJsonObject &arguments, int timeoutMs, Callback done)
{
    if (!m_ready) {
        done(QStringLiteral("QMP connection is not ready"), {});
        return;
    }
    send(command, arguments, timeoutMs, std::move(done));
}

void QmpClient::send(const QString &command, const QJsonObject &arguments, int timeoutMs, Callback done)
{
    const qint64 id = m_nextId++;
    m_pending.insert(id, Pending{std::move(done), QDeadlineTimer(timeoutMs), command});
    m_socket->write(qmp::encodeCommand(command, arguments, id));
    m_timer.start();
}

void QmpClient::onReadyRead()
{
    while (m_socket) {
        const QByteArray chunk = m_socket->read(64 * 1024);
        if (chunk.isEmpty())
            break;
        m_buffer += chunk;
        qsizetype nl;
        while (m_socket && (nl = m_buffer.indexOf('\n')) >= 0) {
            if (nl > MaxLineBytes) {
                fail(QStringLiteral("QMP protocol error: a message longer than %1 bytes").arg(MaxLineBytes));
                return;
            }
            const QByteArray line = m_buffer.left(nl).trimmed();
            m_buffer.remove(0, nl + 1);
            if (line.isEmpty())
                continue;
            qmp::Message m;
            QString error;
            if (!qmp::parseMessage(line, &m, &error)) {
                fail(QStringLiteral("QMP protocol error: %1").arg(error));
                return;
            }
            handle(m);
        }
        if (m_buffer.size() > MaxLineBytes) {
            fail(QStringLiteral("QMP protocol error: a message longer than %1 bytes").arg(MaxLineBytes));
            return;
        }
    }
}

void QmpClient::handle(const qmp::Message &m)
{
    switch (m.kind) {
    case qmp::Message::Kind::Greeting:
        if (m_greeted) {
            fail(QStringLiteral("QMP protocol error: a second greeting"));
            return;
        }
        m_greeted = true;
        m_greeting = m.data;
        send(QStringLiteral("qmp_capabilities"), {}, int(qMax<qint64>(100, m_handshakeDeadline.remainingTime())),
             [this](const QString &error, const QJsonValue &) {
                 if (!error.isEmpty()) {
                     fail(QStringLiteral("QMP capability negotiation failed: %1").arg(error));
                     return;
                 }
                 m_ready = true;
                 if (m_pending.isEmpty())
                     m_timer.stop();
                 Q_EMIT ready();
             });
        return;
    case qmp::Message::Kind::Event:
        if (m_ready)
            Q_EMIT event(m.event, m.data);
        return;
    case qmp::Message::Kind::Return:
    case qmp::Message::Kind::Error: {
        if (!m_greeted) {
            fail(QStringLiteral("QMP protocol error: an answer before the greeting"));
            return;
        }
        const qint64 id = m.id.isDouble() ? qint64(m.id.toDouble()) : -1;
        const auto it = m_pending.find(id);
        if (it == m_pending.end()) {
            qCDebug(lcPoe) << "QMP: answer to unknown command id" << m.id;
            return;
        }
        const Pending p = *it;
        m_pending.erase(it);
        if (m.kind == qmp::Message::Kind::Return)
            p.done(QString(), m.result);
        else
            p.done(QStringLiteral("%1 failed: %2 (%3)").arg(p.command, m.errorDesc, m.errorClass), {});
        return;
    }
    }
}

void QmpClient::checkDeadlines()
{
    if (m_socket && !m_ready && m_handshakeDeadline.hasExpired()) {
        fail(m_greeted ? QStringLiteral("no answer to qmp_capabilities") : QStringLiteral("no QMP greeting"));
        return;
    }
    QList<qint64> expired;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        if (it->deadline.hasExpired())
            expired.append(it.key());
    for (qint64 id : expired) {
        const Pending p = m_pending.take(id);
        if (p.done)
            p.done(QStringLiteral("%1: no answer from QEMU").arg(p.command), {});
    }
    if (m_ready && m_pending.isEmpty())
        m_timer.stop();
}
