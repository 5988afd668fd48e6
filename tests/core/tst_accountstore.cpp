// AccountStore: PBKDF2 hashes in a 0600 file, the two-step verification used off the engine
// thread (beginVerify / PasswordCheck::matches / finishVerify), the remembered-success cache with
// its TTL, lockout accounting, and what happens when an account changes during a check.

#include "redfish/accountstore.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Verdict = AccountStore::Verdict;

Q_DECLARE_METATYPE(AccountStore::Verdict)

namespace {
const QString Password = u"correct-horse-1"_s;
const QDateTime T0 = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
} // namespace

class TestAccountStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void fileIsPrivateAndHashed();
    void rememberedSuccess();
    void rememberedSuccessExpires();
    void wrongPasswordNeverRemembered();
    void changeForgetsRememberedSuccess();
    void unknownUserCostsAHash();
    void accountChangedDuringCheck();
    void lockout();
    void lockoutExpires();
    void lateSuccessDoesNotUnlock();
    void oversizedInput();
    void disabledAccount();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AccountStore> m_store;
    QString m_id;
};

void TestAccountStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<AccountStore>(m_dir->filePath(u"accounts.json"_s));
    QString error;
    QVERIFY(m_store->load(&error));
    QVERIFY2(m_store->create(u"ironic"_s, Password, u"Operator"_s, true, &m_id, &error), qPrintable(error));
}

void TestAccountStore::fileIsPrivateAndHashed()
{
    QFile f(m_dir->filePath(u"accounts.json"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(!text.contains(Password.toUtf8()));
    QVERIFY(text.contains("pbkdf2-sha256$100000$"));
    QCOMPARE(QFileInfo(f).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    AccountStore again(m_dir->filePath(u"accounts.json"_s));
    QString error;
    QVERIFY(again.load(&error));
    QCOMPARE(again.verify(u"ironic"_s, Password, T0), Verdict::Ok);
    QCOMPARE(again.verify(u"ironic"_s, u"nope-nope"_s, T0), Verdict::BadCredentials);
}

void TestAccountStore::rememberedSuccess()
{
    AccountStore::PasswordCheck check;
    // First time: a check must run.
    QVERIFY(!m_store->beginVerify(u"ironic"_s, Password, T0, &check));
    QVERIFY(check.knownUser);
    QVERIFY(check.matches());
    QCOMPARE(m_store->finishVerify(check, true, T0), Verdict::Ok);
    // Then the same credentials are accepted without PBKDF2 (Ironic polling with Basic auth)...
    const auto quick = m_store->beginVerify(u"ironic"_s, Password, T0.addSecs(10), &check);
    QVERIFY(quick);
    QCOMPARE(*quick, Verdict::Ok);
    // ...but not a different password.
    QVERIFY(!m_store->beginVerify(u"ironic"_s, u"correct-horse-2"_s, T0.addSecs(10), &check));
    QVERIFY(!check.matches());
}

void TestAccountStore::rememberedSuccessExpires()
{
    QCOMPARE(m_store->verify(u"ironic"_s, Password, T0), Verdict::Ok);
    AccountStore::PasswordCheck check;
    QVERIFY(m_store->beginVerify(u"ironic"_s, Password, T0.addSecs(AccountStore::VerifiedTtlSeconds - 1), &check));
    QVERIFY(!m_store->beginVerify(u"ironic"_s, Password, T0.addSecs(AccountStore::VerifiedTtlSeconds), &check));
}

void TestAccountStore::wrongPasswordNeverRemembered()
{
    QCOMPARE(m_store->verify(u"ironic"_s, u"wrong-password"_s, T0), Verdict::BadCredentials);
    AccountStore::PasswordCheck check;
    QVERIFY(!m_store->beginVerify(u"ironic"_s, u"wrong-password"_s, T0, &check));
}

void TestAccountStore::changeForgetsRememberedSuccess()
{
    QCOMPARE(m_store->verify(u"ironic"_s, Password, T0), Verdict::Ok);
    QString error;
    QVERIFY(m_store->setRole(m_id, u"ReadOnly"_s, &error));
    AccountStore::PasswordCheck check;
    QVERIFY(!m_store->beginVerify(u"ironic"_s, Password, T0, &check));
    QCOMPARE(m_store->finishVerify(check, check.matches(), T0), Verdict::Ok);
    QVERIFY(m_store->setPassword(m_id, u"another-pass-1"_s, &error));
    QVERIFY(!m_store->beginVerify(u"ironic"_s, Password, T0, &check));
    QCOMPARE(m_store->finishVerify(check, check.matches(), T0), Verdict::BadCredentials);
    QCOMPARE(m_store->verify(u"ironic"_s, u"another-pass-1"_s, T0), Verdict::Ok);
}

void TestAccountStore::unknownUserCostsAHash()
{
    AccountStore::PasswordCheck check;
    QVERIFY(!m_store->beginVerify(u"ghost"_s, Password, T0, &check));
    QVERIFY(!check.knownUser);
    QCOMPARE(check.iterations, AccountStore::Iterations);
    QVERIFY(!check.salt.isEmpty() && !check.hash.isEmpty());
    QVERIFY(!check.matches());
    QCOMPARE(m_store->finishVerify(check, true, T0), Verdict::BadCredentials);
}

void TestAccountStore::accountChangedDuringCheck()
{
    AccountStore::PasswordCheck check;
    QVERIFY(!m_store->beginVerify(u"ironic"_s, Password, T0, &check));
    // The password changes while the check runs on the worker: the old password's success no
    // longer proves anything...
    QString error;
    QVERIFY(m_store->setPassword(m_id, u"another-pass-1"_s, &error));
    QCOMPARE(m_store->finishVerify(check, true, T0), Verdict::BadCredentials);
    // ...and a stale failure is not held against the account.
    AccountStore::PasswordCheck stale;
    QVERIFY(!m_store->beginVerify(u"ironic"_s, u"x-wrong-1"_s, T0, &stale));
    QVERIFY(m_store->setPassword(m_id, u"third-pass-1"_s, &error));
    for (int i = 0; i < 10; ++i)
        QCOMPARE(m_store->finishVerify(stale, false, T0), Verdict::BadCredentials);
    QCOMPARE(m_store->byId(m_id)->failures, 0);
    QCOMPARE(m_store->verify(u"ironic"_s, u"third-pass-1"_s, T0), Verdict::Ok);
}

void TestAccountStore::lockout()
{
    const int threshold = m_store->policy().lockoutThreshold;
    for (int i = 0; i < threshold; ++i)
        QCOMPARE(m_store->verify(u"ironic"_s, u"wrong-password"_s, T0), Verdict::BadCredentials);
    // Locked: decided without hashing, even for the right password.
    AccountStore::PasswordCheck check;
    const auto quick = m_store->beginVerify(u"ironic"_s, Password, T0.addSecs(1), &check);
    QVERIFY(quick);
    QCOMPARE(*quick, Verdict::Locked);
    QVERIFY(m_store->byId(m_id)->isLocked(T0.addSecs(1)));
    // A remembered success from before does not bypass the lock.
    QString error;
    QVERIFY(m_store->unlock(m_id, &error));
    QCOMPARE(m_store->verify(u"ironic"_s, Password, T0), Verdict::Ok);
    for (int i = 0; i < threshold; ++i)
        m_store->verify(u"ironic"_s, u"wrong-password"_s, T0);
    QCOMPARE(m_store->verify(u"ironic"_s, Password, T0.addSecs(1)), Verdict::Locked);
}

void TestAccountStore::lockoutExpires()
{
    const auto &policy = m_store->policy();
    for (int i = 0; i < policy.lockoutThreshold; ++i)
        m_store->verify(u"ironic"_s, u"wrong-password"_s, T0);
    QCOMPARE(m_store->verify(u"ironic"_s, Password, T0.addSecs(policy.lockoutDurationSeconds - 1)), Verdict::Locked);
    QCOMPARE(m_store->verify(u"ironic"_s, Password, T0.addSecs(policy.lockoutDurationSeconds)), Verdict::Ok);
    QCOMPARE(m_store->byId(m_id)->failures, 0);
}

void TestAccountStore::lateSuccessDoesNotUnlock()
{
    // Several checks in flight at once: the failures lock the account before the success lands.
    AccountStore::PasswordCheck good;
    QVERIFY(!m_store->beginVerify(u"ironic"_s, Password, T0, &good));
    QList<AccountStore::PasswordCheck> bad;
    for (int i = 0; i < m_store->policy().lockoutThreshold; ++i) {
        AccountStore::PasswordCheck c;
        QVERIFY(!m_store->beginVerify(u"ironic"_s, u"wrong-password"_s, T0, &c));
        bad << c;
    }
    for (const auto &c : std::as_const(bad))
        QCOMPARE(m_store->finishVerify(c, c.matches(), T0), Verdict::BadCredentials);
    QCOMPARE(m_store->finishVerify(good, good.matches(), T0), Verdict::Locked);
}

void TestAccountStore::oversizedInput()
{
    AccountStore::PasswordCheck check;
    const auto quick = m_store->beginVerify(u"ironic"_s, QString(300, u'x'), T0, &check);
    QVERIFY(quick);
    QCOMPARE(*quick, Verdict::BadCredentials);
}

void TestAccountStore::disabledAccount()
{
    QString error;
    QVERIFY(m_store->setEnabled(m_id, false, &error));
    QCOMPARE(m_store->verify(u"ironic"_s, Password, T0), Verdict::Disabled);
    AccountStore::PasswordCheck check;
    // Still Disabled from the remembered success, never Ok.
    const auto quick = m_store->beginVerify(u"ironic"_s, Password, T0, &check);
    QVERIFY(quick);
    QCOMPARE(*quick, Verdict::Disabled);
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountstore.moc"
