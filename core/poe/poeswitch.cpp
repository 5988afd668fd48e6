#include "poeswitch.h"

#include "common/logging.h"

#include <QSet>

#include <cmath>

using K = poe::Error::Kind;

PoeSwitch::PoeSwitch(const SwitchConfig &config, PoeDriver *driver, const poe::CommonOptions &common, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_driver(driver)
    , m_common(common)
{
    // Member QObjects are not children by default: parent them so moveToThread() takes them along.
    m_deadline.setParent(this);
    m_retry.setParent(this);
    m_poll.setParent(this);

    m_driver->setParent(this);
    m_deadline.setSingleShot(true);
    m_retry.setSingleShot(true);
    m_poll.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &PoeSwitch::onDeadline);
    connect(&m_retry, &QTimer::timeout, this, &PoeSwitch::runHead);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        // Poll unless a read is already waiting; learn MACs every few polls.
        bool readQueued = false;
        for (const Op &op : m_queue)
            readQueued = readQueued || (op.kind == Op::Kind::Read && !op.started);
        if (!readQueued)
            refresh();
        if (m_driver->capabilities().learnMacs && m_common.learn != poe::LearnMode::Off
            && (m_pollsSinceLearn++ % 6) == 0)
            learn();
        schedulePoll();
    });
}

PoeSwitch::~PoeSwitch()
{
    stop();
}

void PoeSwitch::start()
{
    if (m_running)
        return;
    m_running = true;
    m_pollsSinceLearn = 0;
    m_poll.start(0);
}

void PoeSwitch::stop()
{
    m_running = false;
    m_poll.stop();
    m_retry.stop();
    m_deadline.stop();
    if (m_inFlight) {
        m_driver->abort();
        ++m_call;
        m_inFlight = false;
        --m_active;
    }
    const QQueue<Op> queue = std::exchange(m_queue, {});
    const poe::Error cancelled = poe::Error::make(K::Cancelled, QStringLiteral("power control of switch '%1' stopped").arg(id()));
    for (const Op &op : queue)
        for (const auto &w : op.waiters)
            if (w)
                w(cancelled);
}

const poe::PortStatus *PoeSwitch::port(const QString &name) const
{
    for (const auto &p : m_ports)
        if (p.port == name)
            return &p;
    return nullptr;
}

QList<WattHistory::Sample> PoeSwitch::history(const QString &port) const
{
    const auto it = m_history.constFind(port);
    return it == m_history.cend() ? QList<WattHistory::Sample>() : it->samples();
}

QString PoeSwitch::checkPort(const QString &port) const
{
    if (!poe::isValidPortName(port))
        return QStringLiteral("'%1' is not a valid port name").arg(port.left(40));
    if (hasReadout() && !m_ports.isEmpty() && !this->port(port)) {
        QStringList names;
        for (const auto &p : m_ports)
            names.append(p.port);
        return QStringLiteral("switch '%1' has no PoE port '%2' (it has %3)").arg(id(), port, names.join(QStringLiteral(", ")));
    }
    return {};
}

void PoeSwitch::refresh(DoneCallback done)
{
    // Join a read that has not started yet (its answer will be fresh enough).
    for (Op &op : m_queue) {
        if (op.kind == Op::Kind::Read && !op.started) {
            if (done)
                op.waiters.append(std::move(done));
            return;
        }
    }
    Op op;
    op.kind = Op::Kind::Read;
    if (done)
        op.waiters.append(std::move(done));
    enqueue(std::move(op));
}

void PoeSwitch::learn(DoneCallback done)
{
    Op op;
    op.kind = Op::Kind::Learn;
    if (done)
        op.waiters.append(std::move(done));
    enqueue(std::move(op));
}

void PoeSwitch::setPower(const QString &port, bool on, DoneCallback done)
{
    if (const QString why = checkPort(port); !why.isEmpty()) {
        done(poe::Error::make(K::Rejected, why));
        return;
    }
    Op op;
    op.kind = Op::Kind::Set;
    op.port = port;
    op.on = on;
    op.waiters.append([this, done](const poe::Error &e) {
        if (e.isError()) {
            done(e);
            return;
        }
        // Read back so that the snapshot (and whoever waits) sees the new state.
        refresh([done](const poe::Error &) { done(poe::Error::none()); });
    });
    enqueue(std::move(op));
}

void PoeSwitch::cycle(const QString &port, int offSeconds, CycleCallback done)
{
    auto report = std::make_shared<CycleReport>();
    if (const QString why = checkPort(port); !why.isEmpty()) {
        done(poe::Error::make(K::Rejected, why), *report);
        return;
    }
    offSeconds = qBound(0, offSeconds, 600);
    const poe::PortStatus *current = this->port(port);
    if (current && current->adminOn == false) {
        // Already off: a cycle is just "on".
        report->dropped = true;
        setPower(port, true, [this, port, report, done](const poe::Error &e) {
            if (e.isError())
                return done(e, *report);
            verifyReturn(port, report, done, m_common.verifySeconds, false);
        });
        return;
    }
    if (m_driver->capabilities().nativeCycle) {
        report->native = true;
        Op op;
        op.kind = Op::Kind::Cycle;
        op.port = port;
        op.seconds = offSeconds;
        op.waiters.append([this, port, offSeconds, report, done](const poe::Error &e) {
            if (e.isError())
                return done(e, *report);
            QTimer::singleShot(offSeconds * 1000, this, [this, port, report, done] {
                verifyReturn(port, report, done, m_common.verifySeconds, true);
            });
        });
        enqueue(std::move(op));
        return;
    }
    setPower(port, false, [this, port, offSeconds, report, done](const poe::Error &e) {
        if (e.isError())
            return done(e, *report);
        QTimer::singleShot(offSeconds * 1000, this, [this, port, report, done] {
            refresh([this, port, report, done](const poe::Error &readError) {
                if (!readError.isError()) {
                    const poe::PortStatus *p = this->port(port);
                    if (p && p->detection != poe::Detection::Unknown)
                        report->dropped = p->detection != poe::Detection::Delivering && p->watts < 0.5;
                    else if (p && p->watts >= 0)
                        report->dropped = p->watts < 0.5;
                }
                setPower(port, true, [this, port, report, done](const poe::Error &onError) {
                    if (onError.isError())
                        return done(poe::Error::make(onError.kind, QStringLiteral("port %1 was switched off, but switching it "
                                                                                  "back on failed: %2")
                                                                       .arg(port, onError.message)),
                                    *report);
                    verifyReturn(port, report, done, m_common.verifySeconds, false);
                });
            });
        });
    });
}

void PoeSwitch::verifyReturn(const QString &port, std::shared_ptr<CycleReport> report, CycleCallback done,
                             int attemptsLeft, bool readFirst)
{
    auto check = [this, port, report, done, attemptsLeft](const poe::Error &e) {
        const poe::PortStatus *p = this->port(port);
        if (!e.isError() && p
            && (p->detection == poe::Detection::Delivering
                || (p->detection == poe::Detection::Unknown && p->adminOn == true && (p->watts < 0 || p->watts > 0.5)))) {
            report->returned = true;
            return done(poe::Error::none(), *report);
        }
        if (attemptsLeft <= 1) {
            if (!e.isError())
                report->returned = false;
            return done(poe::Error::none(), *report);
        }
        QTimer::singleShot(1000, this, [this, port, report, done, attemptsLeft] {
            verifyReturn(port, report, done, attemptsLeft - 1, true);
        });
    };
    if (readFirst)
        refresh(check);
    else
        check(poe::Error::none());
}

void PoeSwitch::enqueue(Op op)
{
    m_queue.append(std::move(op));   // QQueue::enqueue copies (no rvalue overload in Qt 6.4)
    schedulePump();
}

void PoeSwitch::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(this, &PoeSwitch::pump, Qt::QueuedConnection);
}

void PoeSwitch::pump()
{
    m_pumpScheduled = false;
    if (m_inFlight || m_retry.isActive() || m_queue.isEmpty())
        return;
    runHead();
}

void PoeSwitch::runHead()
{
    if (m_queue.isEmpty() || m_inFlight)
        return;
    Op &op = m_queue.head();
    op.started = true;
    m_inFlight = true;
    const quint64 call = ++m_call;
    m_maxConcurrent = qMax(m_maxConcurrent, ++m_active);
    m_deadline.start(m_driver->callTimeoutMs());
    switch (op.kind) {
    case Op::Kind::Read:
        m_driver->readPorts([this, call](const poe::Error &e, const poe::PortReadout &r) {
            if (call != m_call || !m_inFlight)
                return;
            if (!e.isError())
                applyReadout(r);
            complete(call, e);
        });
        break;
    case Op::Kind::Set:
        qCInfo(lcPoe).noquote() << id() << "port" << op.port << (op.on ? "on" : "off");
        m_driver->setPortPower(op.port, op.on, [this, call](const poe::Error &e) { complete(call, e); });
        break;
    case Op::Kind::Cycle:
        qCInfo(lcPoe).noquote() << id() << "port" << op.port << "power-cycle (switch command)";
        m_driver->powerCycle(op.port, op.seconds, [this, call](const poe::Error &e) { complete(call, e); });
        break;
    case Op::Kind::Learn:
        m_driver->learnMacs([this, call](const poe::Error &e, const QList<poe::MacSighting> &found) {
            if (call != m_call || !m_inFlight)
                return;
            if (!e.isError()) {
                m_sightings = found;
                Q_EMIT macsLearned(id(), found);
            }
            complete(call, e);
        });
        break;
    }
}

bool PoeSwitch::shouldRetry(const Op &op, const poe::Error &e) const
{
    if (op.attempt >= m_common.retries)
        return false;
    if (op.kind == Op::Kind::Cycle)   // a cycle that timed out may have happened: never twice
        return e.kind == K::Unreachable;
    return e.isTransient();
}

void PoeSwitch::complete(quint64 call, const poe::Error &error)
{
    if (call != m_call || !m_inFlight || m_queue.isEmpty())
        return;
    m_deadline.stop();
    m_inFlight = false;
    --m_active;
    Op &head = m_queue.head();
    if (error.isError() && shouldRetry(head, error)) {
        ++head.attempt;
        qCInfo(lcPoe).noquote() << id() << "retrying after:" << error.message;
        m_retry.start(300 * head.attempt);
        return;
    }
    const Op op = m_queue.dequeue();
    if (!error.isError())
        setReachable(true, {});
    else if (error.kind == K::Timeout || error.kind == K::Unreachable || error.kind == K::Auth
             || (op.kind == Op::Kind::Read && error.kind != K::Cancelled))
        setReachable(false, error.message);   // a failed read leaves the port states unknown
    if (error.isError() && error.kind != K::Unsupported)
        qCWarning(lcPoe).noquote() << id() << error.message;
    for (const auto &w : op.waiters)
        if (w)
            w(error);
    schedulePump();
}

void PoeSwitch::onDeadline()
{
    if (!m_inFlight)
        return;
    m_driver->abort();
    const quint64 call = m_call;
    complete(call, poe::Error::make(K::Timeout, QStringLiteral("switch '%1' (%2) did not answer within %3 s")
                                                    .arg(id(), m_driver->driverName())
                                                    .arg(m_deadline.interval() / 1000.0)));
    ++m_call;   // late answers of the aborted call are ignored
}

void PoeSwitch::applyReadout(const poe::PortReadout &answer)
{
    poe::PortReadout r = answer;
    const int dropped = poe::sanitizeReadout(&r);
    if (dropped && dropped != m_droppedPorts)   // once, not every poll
        qCWarning(lcPoe).noquote() << "switch" << id() << "reported" << dropped << "ports with invalid or repeated ids (or more than"
                                   << poe::MaxPorts << "ports); ignored";
    m_droppedPorts = dropped;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<poe::PortStatus> before = m_ports;
    m_ports = r.ports;
    m_totalWatts = r.totalWatts;
    m_budgetWatts = r.budgetWatts;
    m_lastRead = QDateTime::currentDateTimeUtc();
    for (const auto &p : m_ports) {
        if (p.watts >= 0) {
            auto it = m_history.find(p.port);
            if (it == m_history.end())
                it = m_history.insert(p.port, WattHistory(HistoryCapacity));
            it->append(now, p.watts);
        }
        const poe::PortStatus *old = nullptr;
        for (const auto &b : before)
            if (b.port == p.port)
                old = &b;
        const bool changed = !old || old->adminOn != p.adminOn || old->detection != p.detection
            || old->powerClass != p.powerClass || std::abs(old->watts - p.watts) > 1e-6;
        if (changed)
            Q_EMIT portChanged(id(), old ? *old : poe::PortStatus{p.port, p.label, std::nullopt, poe::Detection::Unknown, -1, -1}, p);
    }
    // Ports that come and go must not grow the history without bound.
    if (m_history.size() > poe::MaxPorts) {
        QSet<QString> current;
        for (const auto &p : std::as_const(m_ports))
            current.insert(p.port);
        for (auto it = m_history.begin(); it != m_history.end();)
            it = current.contains(it.key()) ? std::next(it) : m_history.erase(it);
    }
    Q_EMIT readoutUpdated(id());
}

void PoeSwitch::setReachable(bool reachable, const QString &error)
{
    m_failures = reachable ? 0 : m_failures + 1;
    if (m_reachable == reachable && m_lastError == error)
        return;
    m_reachable = reachable;
    m_lastError = error;
    Q_EMIT reachabilityChanged(id(), reachable, error);
}

void PoeSwitch::schedulePoll()
{
    if (!m_running)
        return;
    // Back off while the switch does not answer (x2, x4, x8, at most a minute or the interval).
    const int base = qMax(1, m_config.pollSeconds) * 1000;
    const int factor = 1 << qMin(m_failures, 3);
    m_poll.start(m_failures > 0 ? qMin(base * factor, qMax(base, 60000)) : base);
}
