// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "accountstore.h"

#include "common/atomicfile.h"
#include "redfishprivileges.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

using namespace Qt::Literals::StringLiterals;

AccountStore::AccountStore(const QString &path)
    : m_path(path)
    , m_pepper(randomBytes(32))
    , m_dummySalt(randomBytes(16))
    , m_dummyHash(randomBytes(32))
{
}

QByteArray AccountStore::randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        qFatal("OpenSSL RAND_bytes failed");
    return out;
}

QString AccountStore::randomPassword(int length)
{
    // Unambiguous characters; ~5.9 bits each.
    static constexpr char Alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    constexpr int n = sizeof(Alphabet) - 1;
    QString out;
    while (out.size() < length) {
        const QByteArray r = randomBytes(64);
        for (char c : r) {
            const auto v = static_cast<unsigned char>(c);
            if (v >= 256 - (256 % n))
                continue;   // no modulo bias
            out.append(QLatin1Char(Alphabet[v % n]));
            if (out.size() == length)
                break;
        }
    }
    return out;
}

QByteArray AccountStore::hashPassword(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray utf8 = password.toUtf8();
    QByteArray out(32, Qt::Uninitialized);
    PKCS5_PBKDF2_HMAC(utf8.constData(), int(utf8.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
                      int(salt.size()), iterations, EVP_sha256(), int(out.size()),
                      reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

bool AccountStore::load(QString *error)
{
    m_accounts.clear();
    m_verified.clear();
    if (m_path.isEmpty() || !QFileInfo::exists(m_path))
        return true;
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > (1 << 20)) {
        *error = u"cannot read %1"_s.arg(m_path);
        return false;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = u"%1: not a valid accounts file (%2)"_s.arg(m_path, err.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    const QJsonObject pol = root.value(u"policy"_s).toObject();
    m_policy.minPasswordLength = qBound(1, pol.value(u"min_password_length"_s).toInt(m_policy.minPasswordLength), 64);
    m_policy.maxPasswordLength = qBound(m_policy.minPasswordLength, pol.value(u"max_password_length"_s).toInt(m_policy.maxPasswordLength), 256);
    m_policy.lockoutThreshold = qBound(0, pol.value(u"lockout_threshold"_s).toInt(m_policy.lockoutThreshold), 1000);
    m_policy.lockoutDurationSeconds = qBound(0, pol.value(u"lockout_duration"_s).toInt(m_policy.lockoutDurationSeconds), 86400);
    m_policy.lockoutCounterResetSeconds = qBound(0, pol.value(u"lockout_counter_reset"_s).toInt(m_policy.lockoutCounterResetSeconds), 86400);
    for (const QJsonValue &v : root.value(u"accounts"_s).toArray()) {
        const QJsonObject o = v.toObject();
        Account a;
        a.id = o.value(u"id"_s).toString();
        a.userName = o.value(u"user_name"_s).toString();
        a.roleId = o.value(u"role"_s).toString();
        a.enabled = o.value(u"enabled"_s).toBool(true);
        a.passwordChangeRequired = o.value(u"password_change_required"_s).toBool(false);
        // "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>"
        const QStringList parts = o.value(u"password"_s).toString().split(u'$');
        if (a.id.isEmpty() || !userNameAcceptable(a.userName) || !redfish::privileges::isRole(a.roleId)
            || parts.size() != 4 || parts.at(0) != QLatin1String("pbkdf2-sha256")) {
            *error = u"%1: invalid account entry"_s.arg(m_path);
            m_accounts.clear();
            return false;
        }
        a.iterations = qBound(1000, parts.at(1).toInt(), 10000000);
        a.salt = QByteArray::fromBase64(parts.at(2).toLatin1());
        a.hash = QByteArray::fromBase64(parts.at(3).toLatin1());
        m_accounts.append(a);
    }
    return true;
}

bool AccountStore::save(QString *error) const
{
    if (m_path.isEmpty())
        return true;
    QJsonArray list;
    for (const Account &a : m_accounts)
        list.append(QJsonObject{{u"id"_s, a.id},
                                {u"user_name"_s, a.userName},
                                {u"role"_s, a.roleId},
                                {u"enabled"_s, a.enabled},
                                {u"password_change_required"_s, a.passwordChangeRequired},
                                {u"password"_s, u"pbkdf2-sha256$%1$%2$%3"_s.arg(a.iterations)
                                                    .arg(QString::fromLatin1(a.salt.toBase64()),
                                                         QString::fromLatin1(a.hash.toBase64()))}});
    const QJsonObject pol{{u"min_password_length"_s, m_policy.minPasswordLength},
                          {u"max_password_length"_s, m_policy.maxPasswordLength},
                          {u"lockout_threshold"_s, m_policy.lockoutThreshold},
                          {u"lockout_duration"_s, m_policy.lockoutDurationSeconds},
                          {u"lockout_counter_reset"_s, m_policy.lockoutCounterResetSeconds}};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    return atomicfile::write(m_path, QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"policy"_s, pol}, {u"accounts"_s, list}}).toJson(),
                             error, atomicfile::Backup::None, 0600);
}

QString AccountStore::ensureInitialAdmin(const QString &passwordFile, QString *error)
{
    if (!m_accounts.isEmpty())
        return {};
    QString password = randomPassword(20);
    // The password file first: an account whose password was never written down (disk full,
    // read-only directory) would lock the administrator out for good. Without the account the
    // next start simply tries again.
    if (!atomicfile::write(passwordFile, "user: admin\npassword: " + password.toLatin1() + '\n', error,
                           atomicfile::Backup::None, 0600))
        return {};
    QString id;
    if (!create(u"admin"_s, password, u"Administrator"_s, true, &id, error)) {
        QFile::remove(passwordFile);
        return {};
    }
    return password;
}

const AccountStore::Account *AccountStore::byId(const QString &id) const
{
    for (const Account &a : m_accounts)
        if (a.id == id)
            return &a;
    return nullptr;
}

const AccountStore::Account *AccountStore::byName(const QString &userName) const
{
    for (const Account &a : m_accounts)
        if (a.userName == userName)
            return &a;
    return nullptr;
}

AccountStore::Account *AccountStore::find(const QString &id)
{
    for (Account &a : m_accounts)
        if (a.id == id)
            return &a;
    return nullptr;
}

bool AccountStore::PasswordCheck::matches() const
{
    const QByteArray h = hashPassword(password, salt, iterations);
    const bool same = h.size() == hash.size() && CRYPTO_memcmp(h.constData(), hash.constData(), size_t(h.size())) == 0;
    return same && knownUser;
}

QByteArray AccountStore::verifiedTag(const QString &userName, const QString &password) const
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, m_pepper);
    mac.addData(userName.toUtf8());
    mac.addData("\0", 1);
    mac.addData(password.toUtf8());
    return mac.result();
}

std::optional<AccountStore::Verdict> AccountStore::beginVerify(const QString &userName, const QString &password,
                                                               const QDateTime &now, PasswordCheck *check)
{
    if (password.size() > 256 || userName.size() > 256)
        return Verdict::BadCredentials;
    Account *a = nullptr;
    for (Account &candidate : m_accounts)
        if (candidate.userName == userName)
            a = &candidate;
    if (a && a->isLocked(now))
        return Verdict::Locked;
    *check = PasswordCheck();
    check->userName = userName;
    check->password = password;
    if (!a) {
        check->salt = m_dummySalt;
        check->hash = m_dummyHash;
        check->iterations = Iterations;
        return std::nullopt;
    }
    const auto cached = m_verified.constFind(userName);
    if (cached != m_verified.cend() && cached->revision == a->revision && now < cached->expires) {
        const QByteArray tag = verifiedTag(userName, password);
        if (tag.size() == cached->tag.size()
            && CRYPTO_memcmp(tag.constData(), cached->tag.constData(), size_t(tag.size())) == 0) {
            if (!a->enabled)
                return Verdict::Disabled;
            a->failures = 0;
            return Verdict::Ok;
        }
    }
    check->salt = a->salt;
    check->hash = a->hash;
    check->iterations = a->iterations;
    check->revision = a->revision;
    check->knownUser = true;
    return std::nullopt;
}

AccountStore::Verdict AccountStore::fail(Account *a, const QDateTime &now)
{
    if (a->failures > 0 && a->lockedUntil.isValid() && now >= a->lockedUntil)
        a->failures = 0;   // a past lockout expired
    ++a->failures;
    if (m_policy.lockoutThreshold > 0 && a->failures >= m_policy.lockoutThreshold) {
        a->lockedUntil = now.addSecs(m_policy.lockoutDurationSeconds);
        m_verified.remove(a->userName);
    }
    return Verdict::BadCredentials;
}

AccountStore::Verdict AccountStore::finishVerify(const PasswordCheck &check, bool matched, const QDateTime &now)
{
    Account *a = nullptr;
    for (Account &candidate : m_accounts)
        if (candidate.userName == check.userName)
            a = &candidate;
    if (!a || !check.knownUser)
        return Verdict::BadCredentials;
    // The account changed while the hash ran (new password, renamed, re-created): the check
    // proves nothing about the current account, and is not held against it either.
    if (a->revision != check.revision || a->salt != check.salt)
        return Verdict::BadCredentials;
    // Locked meanwhile by concurrent failures: a late success does not unlock it.
    if (a->isLocked(now))
        return Verdict::Locked;
    if (!matched)
        return fail(a, now);
    m_verified.insert(a->userName, Verified{verifiedTag(check.userName, check.password), a->revision,
                                            now.addSecs(VerifiedTtlSeconds)});
    if (!a->enabled)
        return Verdict::Disabled;
    a->failures = 0;
    a->lockedUntil = {};
    return Verdict::Ok;
}

AccountStore::Verdict AccountStore::verify(const QString &userName, const QString &password, const QDateTime &now)
{
    PasswordCheck check;
    if (const auto quick = beginVerify(userName, password, now, &check))
        return *quick;
    return finishVerify(check, check.matches(), now);
}

bool AccountStore::passwordAcceptable(const QString &password) const
{
    return password.size() >= m_policy.minPasswordLength && password.size() <= m_policy.maxPasswordLength;
}

bool AccountStore::userNameAcceptable(const QString &userName)
{
    if (userName.isEmpty() || userName.size() > 32)
        return false;
    for (QChar c : userName)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_' && c != u'-' && c != u'.')
            return false;
    return true;
}

bool AccountStore::commit(const QList<Account> &next, QString *error)
{
    const QList<Account> previous = m_accounts;
    m_accounts = next;
    if (!save(error)) {
        m_accounts = previous;
        return false;
    }
    return true;
}

bool AccountStore::create(const QString &userName, const QString &password, const QString &roleId, bool enabled,
                          QString *newId, QString *error)
{
    if (!userNameAcceptable(userName)) {
        *error = u"user names are 1 to 32 characters of letters, digits, '_', '-' and '.'"_s;
        return false;
    }
    if (byName(userName)) {
        *error = u"an account with this user name exists"_s;
        return false;
    }
    if (!passwordAcceptable(password)) {
        *error = u"passwords are %1 to %2 characters"_s.arg(m_policy.minPasswordLength).arg(m_policy.maxPasswordLength);
        return false;
    }
    if (!redfish::privileges::isRole(roleId)) {
        *error = u"unknown role"_s;
        return false;
    }
    if (m_accounts.size() >= m_policy.maxAccounts) {
        *error = u"account limit reached"_s;
        return false;
    }
    int maxId = 0;
    for (const Account &a : std::as_const(m_accounts))
        maxId = qMax(maxId, a.id.toInt());
    Account a;
    a.id = QString::number(maxId + 1);
    a.userName = userName;
    a.roleId = roleId;
    a.enabled = enabled;
    a.iterations = Iterations;
    a.salt = randomBytes(16);
    a.hash = hashPassword(password, a.salt, a.iterations);
    QList<Account> next = m_accounts;
    next.append(a);
    if (!commit(next, error))
        return false;
    *newId = a.id;
    return true;
}

bool AccountStore::setPassword(const QString &id, const QString &password, QString *error)
{
    if (!passwordAcceptable(password)) {
        *error = u"passwords are %1 to %2 characters"_s.arg(m_policy.minPasswordLength).arg(m_policy.maxPasswordLength);
        return false;
    }
    QList<Account> next = m_accounts;
    for (Account &a : next)
        if (a.id == id) {
            a.salt = randomBytes(16);
            a.iterations = Iterations;
            a.hash = hashPassword(password, a.salt, a.iterations);
            a.passwordChangeRequired = false;
            ++a.revision;
            m_verified.remove(a.userName);
            return commit(next, error);
        }
    *error = u"no such account"_s;
    return false;
}

bool AccountStore::setRole(const QString &id, const QString &roleId, QString *error)
{
    if (!redfish::privileges::isRole(roleId)) {
        *error = u"unknown role"_s;
        return false;
    }
    QList<Account> next = m_accounts;
    for (Account &a : next)
        if (a.id == id) {
            a.roleId = roleId;
            ++a.revision;
            return commit(next, error);
        }
    *error = u"no such account"_s;
    return false;
}

bool AccountStore::setEnabled(const QString &id, bool enabled, QString *error)
{
    QList<Account> next = m_accounts;
    for (Account &a : next)
        if (a.id == id) {
            a.enabled = enabled;
            ++a.revision;
            m_verified.remove(a.userName);
            return commit(next, error);
        }
    *error = u"no such account"_s;
    return false;
}

bool AccountStore::setUserName(const QString &id, const QString &userName, QString *error)
{
    if (!userNameAcceptable(userName)) {
        *error = u"user names are 1 to 32 characters of letters, digits, '_', '-' and '.'"_s;
        return false;
    }
    const Account *other = byName(userName);
    if (other && other->id != id) {
        *error = u"an account with this user name exists"_s;
        return false;
    }
    QList<Account> next = m_accounts;
    for (Account &a : next)
        if (a.id == id) {
            m_verified.remove(a.userName);
            a.userName = userName;
            ++a.revision;
            return commit(next, error);
        }
    *error = u"no such account"_s;
    return false;
}

bool AccountStore::setPasswordChangeRequired(const QString &id, bool required, QString *error)
{
    QList<Account> next = m_accounts;
    for (Account &a : next)
        if (a.id == id) {
            a.passwordChangeRequired = required;
            ++a.revision;
            return commit(next, error);
        }
    *error = u"no such account"_s;
    return false;
}

bool AccountStore::unlock(const QString &id, QString *error)
{
    if (Account *a = find(id)) {
        a->failures = 0;
        a->lockedUntil = {};
        ++a->revision;
        return true;
    }
    *error = u"no such account"_s;
    return false;
}

bool AccountStore::remove(const QString &id, QString *error)
{
    QList<Account> next = m_accounts;
    for (qsizetype i = 0; i < next.size(); ++i)
        if (next.at(i).id == id) {
            m_verified.remove(next.at(i).userName);
            next.removeAt(i);
            return commit(next, error);
        }
    *error = u"no such account"_s;
    return false;
}
