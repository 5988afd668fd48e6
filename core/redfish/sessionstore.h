#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

// Redfish login sessions (X-Auth-Token). Tokens are 256-bit random values, compared in constant
// time, kept only in memory; sessions expire after `timeoutSeconds` without use.
class SessionStore
{
public:
    struct Session
    {
        QString id;
        QString userName;
        QByteArray token;
        QDateTime created;
        QDateTime lastUsed;
        QString clientAddress;
        QString context;
    };

    static constexpr int MaxSessions = 64;

    void setTimeout(int seconds) { m_timeoutSeconds = seconds; }
    [[nodiscard]] int timeout() const { return m_timeoutSeconds; }

    // nullptr when the limit is reached.
    const Session *create(const QString &userName, const QString &clientAddress, const QString &context,
                          const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The live session with this token (refreshing lastUsed), or nullptr.
    const Session *authenticate(const QByteArray &token, const QDateTime &now = QDateTime::currentDateTimeUtc());
    [[nodiscard]] const Session *byId(const QString &id) const;
    [[nodiscard]] QList<Session> all(const QDateTime &now = QDateTime::currentDateTimeUtc());
    bool remove(const QString &id);
    // Drops every session of `userName` (password change, account deleted or disabled).
    void removeUser(const QString &userName);
    void expire(const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    QList<Session> m_sessions;
    int m_timeoutSeconds = 1800;
};
