#pragma once

#include "accountstore.h"

#include <QObject>
#include <QThreadPool>

#include <functional>

namespace redfish {

// Runs PBKDF2 password checks (~30 ms each) on a small private thread pool, so the engine thread
// keeps serving while a login or a Basic-auth request is verified; results come back on the
// verifier's thread. At most MaxPending checks wait at once: a flood of bad logins gets 503
// instead of an ever-growing queue, and never blocks the event loop.
class PasswordVerifier : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxPending = 16;

    explicit PasswordVerifier(QObject *parent = nullptr);
    ~PasswordVerifier() override;

    // Starts `check`; `done(matched)` runs later on this object's thread (never after its
    // destruction). False, without calling `done`, when MaxPending checks are already waiting.
    bool run(const AccountStore::PasswordCheck &check, std::function<void(bool matched)> done);
    [[nodiscard]] int pending() const { return m_pending; }

private:
    QThreadPool m_pool;
    int m_pending = 0;
};

} // namespace redfish
