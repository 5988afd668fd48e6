#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

// The BMC's user accounts: PBKDF2-HMAC-SHA256 password hashes (OpenSSL) in a 0600 JSON file under
// the config dir, the standard roles, a password policy and lockout after repeated failures.
// Passwords and hashes never reach logs. Not thread-safe: lives on the engine thread.
class AccountStore
{
public:
    struct Account
    {
        QString id;                   // URI segment, stable ("1", "2", ...)
        QString userName;
        QString roleId;               // Administrator | Operator | ReadOnly
        bool enabled = true;
        bool passwordChangeRequired = false;
        QByteArray salt;
        QByteArray hash;
        int iterations = 0;
        quint64 revision = 1;         // bumps on every change (ETag)
        // Runtime only.
        int failures = 0;
        QDateTime lockedUntil;
        [[nodiscard]] bool isLocked(const QDateTime &now) const { return lockedUntil.isValid() && now < lockedUntil; }
    };

    struct Policy
    {
        int minPasswordLength = 8;
        int maxPasswordLength = 64;
        int lockoutThreshold = 5;            // failures before lockout (0 = never)
        int lockoutDurationSeconds = 300;
        int lockoutCounterResetSeconds = 300;
        int maxAccounts = 32;
    };

    enum class Verdict { Ok, BadCredentials, Locked, Disabled };

    static constexpr int Iterations = 100000;

    explicit AccountStore(const QString &path = {});

    // Loads the file; a missing file gives an empty store. False + error if unreadable/corrupt.
    bool load(QString *error);
    bool save(QString *error) const;
    // First start: creates "admin" (Administrator) with a random password, writes it to
    // `passwordFile` (0600) and returns it. Empty if accounts already exist.
    QString ensureInitialAdmin(const QString &passwordFile, QString *error);

    [[nodiscard]] const Policy &policy() const { return m_policy; }
    void setPolicy(const Policy &p) { m_policy = p; }
    [[nodiscard]] QList<Account> accounts() const { return m_accounts; }
    [[nodiscard]] const Account *byId(const QString &id) const;
    [[nodiscard]] const Account *byName(const QString &userName) const;

    // Checks a password and applies lockout accounting. `now` is injectable for tests.
    Verdict verify(const QString &userName, const QString &password, const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Validation helpers (also used to build error messages).
    [[nodiscard]] bool passwordAcceptable(const QString &password) const;
    static bool userNameAcceptable(const QString &userName);

    // Mutations save immediately; false + error (English) on failure, nothing changed.
    bool create(const QString &userName, const QString &password, const QString &roleId, bool enabled,
                QString *newId, QString *error);
    bool setPassword(const QString &id, const QString &password, QString *error);
    bool setRole(const QString &id, const QString &roleId, QString *error);
    bool setEnabled(const QString &id, bool enabled, QString *error);
    bool setUserName(const QString &id, const QString &userName, QString *error);
    bool setPasswordChangeRequired(const QString &id, bool required, QString *error);
    bool unlock(const QString &id, QString *error);
    bool remove(const QString &id, QString *error);

    static QByteArray hashPassword(const QString &password, const QByteArray &salt, int iterations);
    static QByteArray randomBytes(int count);
    static QString randomPassword(int length = 20);

private:
    Account *find(const QString &id);
    bool commit(const QList<Account> &next, QString *error);

    QString m_path;
    Policy m_policy;
    QList<Account> m_accounts;
    // user -> SHA-256(pepper || password) of the last successful PBKDF2 check, so that Basic auth
    // on every request does not pay 100k PBKDF2 rounds; dropped on any change to the account.
    QHash<QString, QByteArray> m_verified;
    QByteArray m_pepper;
};
