// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "sessionstore.h"

#include "accountstore.h"

#include <openssl/crypto.h>

const SessionStore::Session *SessionStore::create(const QString &userName, const QString &clientAddress,
                                                  const QString &context, const QDateTime &now)
{
    expire(now);
    if (m_sessions.size() >= MaxSessions)
        return nullptr;
    Session s;
    do {
        s.id = QString::fromLatin1(AccountStore::randomBytes(8).toHex());
    } while (byId(s.id));
    s.userName = userName;
    s.token = AccountStore::randomBytes(32).toHex();   // 256 bits, 64 hex digits
    s.created = now;
    s.lastUsed = now;
    s.clientAddress = clientAddress;
    s.context = context;
    m_sessions.append(s);
    return &m_sessions.last();
}

const SessionStore::Session *SessionStore::authenticate(const QByteArray &token, const QDateTime &now)
{
    if (token.isEmpty() || token.size() > 128)
        return nullptr;
    expire(now);
    for (Session &s : m_sessions)
        if (s.token.size() == token.size()
            && CRYPTO_memcmp(s.token.constData(), token.constData(), size_t(token.size())) == 0) {
            s.lastUsed = now;
            return &s;
        }
    return nullptr;
}

const SessionStore::Session *SessionStore::byId(const QString &id) const
{
    for (const Session &s : m_sessions)
        if (s.id == id)
            return &s;
    return nullptr;
}

QList<SessionStore::Session> SessionStore::all(const QDateTime &now)
{
    expire(now);
    return m_sessions;
}

bool SessionStore::remove(const QString &id)
{
    return m_sessions.removeIf([&id](const Session &s) { return s.id == id; }) > 0;
}

void SessionStore::removeUser(const QString &userName)
{
    m_sessions.removeIf([&userName](const Session &s) { return s.userName == userName; });
}

void SessionStore::expire(const QDateTime &now)
{
    const int timeout = m_timeoutSeconds;
    m_sessions.removeIf([&now, timeout](const Session &s) { return s.lastUsed.secsTo(now) >= timeout; });
}
