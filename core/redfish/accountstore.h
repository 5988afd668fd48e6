#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

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

    // The expensive part of a password check (PBKDF2), runnable on any thread: everything it
    // needs is copied in. Unknown users are checked against a dummy hash so that they cost the
    // same time as known ones.
    struct PasswordCheck
    {
        QString userName;
        QString password;
        QByteArray salt;
        QByteArray hash;
        int iterations = 0;
        quint64 revision = 0;
        bool knownUser = false;
        [[nodiscard]] bool matches() const;     // thread-safe, ~30 ms
    };

    static constexpr int Iterations = 100000;
    // A successful check is remembered this long (keyed hash of the password), so clients that
    // send Basic credentials with every request (Ironic polling) do not pay PBKDF2 each time.
    static constexpr int VerifiedTtlSeconds = 60;

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

    // Checks a password and applies lockout accounting, all on the calling thread (PBKDF2 on a
    // cache miss). `now` is injectable for tests.
    Verdict verify(const QString &userName, const QString &password, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The same in two steps for callers that hash elsewhere: a verdict now (remembered success,
    // locked account, oversized input) or nullopt and *check to run; then finishVerify() with its
    // result, back on the store's thread, applies lockout accounting and remembers a success.
    std::optional<Verdict> beginVerify(const QString &userName, const QString &password, const QDateTime &now,
                                       PasswordCheck *check);
    Verdict finishVerify(const PasswordCheck &check, bool matched, const QDateTime &now = QDateTime::currentDateTimeUtc());

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
    [[nodiscard]] QByteArray verifiedTag(const QString &userName, const QString &password) const;
    Verdict fail(Account *account, const QDateTime &now);

    struct Verified
    {
        QByteArray tag;               // HMAC-SHA256(pepper, user NUL password)
        quint64 revision = 0;
        QDateTime expires;
    };

    QString m_path;
    Policy m_policy;
    QList<Account> m_accounts;
    // user -> the last successful PBKDF2 check, for VerifiedTtlSeconds; dropped on any change to
    // the account. The pepper is random per process, so the tags are useless outside it.
    QHash<QString, Verified> m_verified;
    QByteArray m_pepper;
    QByteArray m_dummySalt;
    QByteArray m_dummyHash;
};
