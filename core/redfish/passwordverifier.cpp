#include "passwordverifier.h"

#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace redfish {

PasswordVerifier::PasswordVerifier(QObject *parent)
    : QObject(parent)
{
    // Half the cores at most: hashing must not starve the engine thread or the other services.
    m_pool.setMaxThreadCount(qMax(1, QThread::idealThreadCount() / 2));
}

PasswordVerifier::~PasswordVerifier()
{
    m_pool.waitForDone();
}

bool PasswordVerifier::run(const AccountStore::PasswordCheck &check, std::function<void(bool)> done)
{
    if (m_pending >= MaxPending)
        return false;
    ++m_pending;
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, done = std::move(done)] {
        --m_pending;
        const bool matched = watcher->future().result();
        watcher->deleteLater();
        done(matched);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [check] { return check.matches(); }));
    return true;
}

} // namespace redfish
