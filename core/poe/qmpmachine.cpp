#include "qmpmachine.h"

#include "common/logging.h"
#include "qmpclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcessEnvironment>

#include <csignal>
#include <sys/prctl.h>
#include <sys/stat.h>

using K = poe::Error::Kind;

static constexpr qsizetype MaxOutput = 4096;
static constexpr int ConnectRetryMs = 100;
static constexpr int SignalGraceMs = 3000;

QmpMachine::QmpMachine(Spec spec, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
{
    for (QTimer *t : {&m_connectRetry, &m_startDeadline, &m_quitDeadline}) {
        t->setParent(this);
        t->setSingleShot(true);
    }
    connect(&m_connectRetry, &QTimer::timeout, this, &QmpMachine::tryConnect);
    connect(&m_startDeadline, &QTimer::timeout, this, &QmpMachine::onStartTimeout);
    connect(&m_quitDeadline, &QTimer::timeout, this, &QmpMachine::onQuitTimeout);
}

QmpMachine::~QmpMachine()
{
    m_startWaiters.clear();
    m_stopWaiters.clear();
    if (m_client) {
        m_client->disconnect(this);
        m_client->close();
    }
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            qCInfo(lcPoe).noquote() << "stopping VM" << m_spec.switchId << "port" << m_spec.port << "pid" << m_process->processId();
            m_process->terminate();   // QEMU exits cleanly on SIGTERM
            if (!m_process->waitForFinished(SignalGraceMs)) {
                m_process->kill();
                m_process->waitForFinished(1000);
            }
        }
    }
}

qint64 QmpMachine::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString QmpMachine::stateName(State state)
{
    switch (state) {
    case State::Off: return QStringLiteral("off");
    case State::Starting: return QStringLiteral("starting");
    case State::Running: return QStringLiteral("running");
    case State::Stopping: return QStringLiteral("stopping");
    }
    return QStringLiteral("off");
}

poe::Detection QmpMachine::detectionFor(const QString &runState)
{
    // qapi/run-state.json RunState.
    static const QStringList delivering{QStringLiteral("running"), QStringLiteral("paused"), QStringLiteral("suspended"),
                                        QStringLiteral("debug"), QStringLiteral("watchdog"), QStringLiteral("save-vm"),
                                        QStringLiteral("finish-migrate"), QStringLiteral("postmigrate"), QStringLiteral("colo")};
    static const QStringList searching{QStringLiteral("prelaunch"), QStringLiteral("inmigrate"), QStringLiteral("restore-vm")};
    static const QStringList fault{QStringLiteral("guest-panicked"), QStringLiteral("internal-error"), QStringLiteral("io-error")};
    if (delivering.contains(runState))
        return poe::Detection::Delivering;
    if (searching.contains(runState))
        return poe::Detection::Searching;
    if (fault.contains(runState))
        return poe::Detection::Fault;
    if (runState == QLatin1String("shutdown"))   // the guest powered off, QEMU kept running (-no-shutdown)
        return poe::Detection::Disabled;
    return poe::Detection::Unknown;
}

void QmpMachine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void QmpMachine::powerOn(Done done)
{
    switch (m_state) {
    case State::Off:
        m_startWaiters.append(std::move(done));
        launch();
        return;
    case State::Starting:
        m_startWaiters.append(std::move(done));
        return;
    case State::Stopping:
        done(poe::Error::make(K::Rejected, QStringLiteral("VM on port %1 is shutting down").arg(m_spec.port)));
        return;
    case State::Running:
        break;
    }
    // Running: a guest that powered itself off under -no-shutdown is reset and resumed.
    readStatus([this, done](const poe::PortStatus &s) {
        if (s.detection != poe::Detection::Disabled || !m_client || !m_client->isReady())
            return done(poe::Error::none());
        m_client->execute(QStringLiteral("system_reset"), {}, m_spec.commandTimeoutMs, [this, done](const QString &e, const QJsonValue &) {
            if (!e.isEmpty() || !m_client)
                return done(poe::Error::make(K::Protocol, e.isEmpty() ? QStringLiteral("QMP connection lost") : e));
            m_client->execute(QStringLiteral("cont"), {}, m_spec.commandTimeoutMs, [done](const QString &e2, const QJsonValue &) {
                done(e2.isEmpty() ? poe::Error::none() : poe::Error::make(K::Protocol, e2));
            });
        });
    });
}

QString QmpMachine::prepareFiles()
{
    const QFileInfo sock(m_spec.socketPath);
    if (!QDir().mkpath(sock.absolutePath()))
        return QStringLiteral("cannot create the directory %1").arg(sock.absolutePath());
    struct stat st = {};
    const QByteArray path = QFile::encodeName(m_spec.socketPath);
    if (::lstat(path.constData(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode))
            return QStringLiteral("%1 exists and is not a socket").arg(m_spec.socketPath);
        QFile::remove(m_spec.socketPath);   // stale: QEMU binds a fresh one
    }
    if (!m_spec.varsPath.isEmpty() && !QFileInfo::exists(m_spec.varsPath) && !m_spec.varsTemplate.isEmpty()) {
        if (!QFile::copy(m_spec.varsTemplate, m_spec.varsPath))
            return QStringLiteral("cannot copy %1 to %2").arg(m_spec.varsTemplate, m_spec.varsPath);
        QFile::setPermissions(m_spec.varsPath, QFile::ReadOwner | QFile::WriteOwner);
    }
    return {};
}

void QmpMachine::launch()
{
    QString why = prepareFiles();
    if (why.isEmpty() && m_prepare)
        why = m_prepare(m_spec);
    if (!why.isEmpty()) {
        finishStart(poe::Error::make(K::Rejected, QStringLiteral("VM on port %1: %2").arg(m_spec.port, why)));
        return;
    }
    m_output.clear();
    m_termSent = false;
    m_process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("METALBOOT_SWITCH"), m_spec.switchId);
    env.insert(QStringLiteral("METALBOOT_PORT"), m_spec.port);
    if (!m_spec.mac.isEmpty())
        env.insert(QStringLiteral("METALBOOT_MAC"), m_spec.mac);
    m_process->setProcessEnvironment(env);
    m_process->setProgram(m_spec.argv.value(0));
    m_process->setArguments(m_spec.argv.mid(1) + QStringList{QStringLiteral("-qmp"),
                                                             QStringLiteral("unix:%1,server=on,wait=off").arg(m_spec.socketPath)});
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // The VM must not outlive us, even if we crash: SIGTERM when the launching thread ends.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    connect(m_process, &QProcess::readyRead, this, &QmpMachine::readOutput);
    connect(m_process, &QProcess::finished, this, &QmpMachine::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || !m_process)
            return;
        const QString why = m_process->errorString();
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
        finishStart(poe::Error::make(K::Unreachable, QStringLiteral("cannot start '%1': %2").arg(m_spec.argv.value(0), why)));
    });
    setState(State::Starting);
    m_startDeadline.start(m_spec.startTimeoutMs);
    qCInfo(lcPoe).noquote() << "starting VM" << m_spec.switchId << "port" << m_spec.port << ":" << m_spec.argv.value(0);
    // cppcheck-suppress nullPointerRedundantCheck ; start() may fail synchronously: errorOccurred above clears m_process
    m_process->start(QIODevice::ReadOnly);
    if (m_process)
        m_connectRetry.start(ConnectRetryMs);
}

void QmpMachine::tryConnect()
{
    if (m_state != State::Starting)
        return;
    if (!m_client) {
        m_client = new QmpClient(this);
        connect(m_client, &QmpClient::ready, this, &QmpMachine::onReady);
        connect(m_client, &QmpClient::failed, this, [this](const QString &error) {
            qCDebug(lcPoe).noquote() << "QMP" << m_spec.socketPath << ":" << error;
            if (m_state == State::Starting)
                m_connectRetry.start(ConnectRetryMs);
        });
        connect(m_client, &QmpClient::closed, this, [this](const QString &reason) {
            qCDebug(lcPoe).noquote() << "QMP" << m_spec.socketPath << "closed:" << reason;
        });
        connect(m_client, &QmpClient::event, this, [this](const QString &name, const QJsonObject &data) {
            // Power-relevant events at info (SHUTDOWN, RESET, POWERDOWN, GUEST_PANICKED), the rest at debug.
            const bool power = name == QLatin1String("SHUTDOWN") || name == QLatin1String("RESET")
                || name == QLatin1String("POWERDOWN") || name == QLatin1String("GUEST_PANICKED");
            if (power)
                qCInfo(lcPoe).noquote() << "VM" << m_spec.switchId << "port" << m_spec.port << "event" << name
                                        << data.value(QLatin1String("reason")).toString();
            else
                qCDebug(lcPoe).noquote() << "VM" << m_spec.port << "event" << name;
        });
    }
    const int left = m_startDeadline.remainingTime();
    m_client->open(m_spec.socketPath, qBound(200, left, 5000));
}

void QmpMachine::onReady()
{
    if (m_state != State::Starting)
        return;
    m_startDeadline.stop();
    m_connectRetry.stop();
    setState(State::Running);
    qCInfo(lcPoe).noquote() << "VM" << m_spec.switchId << "port" << m_spec.port << "running, pid" << pid();
    finishStart(poe::Error::none());
}

void QmpMachine::finishStart(const poe::Error &error)
{
    if (error.isError() && m_state == State::Starting)
        setState(State::Off);
    const QList<Done> waiters = std::exchange(m_startWaiters, {});
    for (const Done &d : waiters)
        if (d)
            d(error);
}

void QmpMachine::finishStop()
{
    m_quitDeadline.stop();
    setState(State::Off);
    const QList<Done> waiters = std::exchange(m_stopWaiters, {});
    for (const Done &d : waiters)
        if (d)
            d(poe::Error::none());
}

void QmpMachine::readOutput()
{
    if (!m_process)
        return;
    const QByteArray chunk = m_process->readAll();
    if (chunk.isEmpty())
        return;
    for (const QByteArray &line : chunk.split('\n'))
        if (!line.trimmed().isEmpty())
            qCDebug(lcPoe).noquote() << "VM" << m_spec.port << ":" << QString::fromUtf8(line.trimmed().left(300));
    m_output += chunk;
    if (m_output.size() > MaxOutput)
        m_output = m_output.right(MaxOutput);
}

QString QmpMachine::lastOutputLine() const
{
    // QEMU's error and, when there is one, the hint after it ("Use -machine help to list ...").
    QStringList lines;
    for (const QByteArray &l : m_output.split('\n'))
        if (!l.trimmed().isEmpty())
            lines.append(QString::fromUtf8(l.trimmed().left(300)));
    return lines.mid(qMax(0, int(lines.size()) - 2)).join(QStringLiteral(" / "));
}

void QmpMachine::onFinished(int code, QProcess::ExitStatus status)
{
    readOutput();
    const QString how = status == QProcess::NormalExit ? QStringLiteral("exited with code %1").arg(code)
                                                       : QStringLiteral("was killed");
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
    }
    if (m_client)
        m_client->close();
    m_connectRetry.stop();
    m_startDeadline.stop();
    switch (m_state) {
    case State::Starting: {
        const QString last = lastOutputLine();
        finishStart(poe::Error::make(K::Rejected, QStringLiteral("QEMU for port %1 %2 before its QMP socket was ready%3")
                                                      .arg(m_spec.port, how, last.isEmpty() ? QString() : QStringLiteral(": ") + last)));
        return;
    }
    case State::Stopping:
        qCInfo(lcPoe).noquote() << "VM" << m_spec.switchId << "port" << m_spec.port << QStringLiteral("stopped (%1)").arg(how);
        finishStop();
        return;
    case State::Running:
        qCInfo(lcPoe).noquote() << "VM" << m_spec.switchId << "port" << m_spec.port << how;
        setState(State::Off);
        return;
    case State::Off:
        return;
    }
}

void QmpMachine::onStartTimeout()
{
    if (m_state != State::Starting)
        return;
    const QList<Done> waiters = std::exchange(m_startWaiters, {});
    const QString last = lastOutputLine();
    if (m_client)
        m_client->close();
    m_connectRetry.stop();
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);   // SIGKILL: reaped at once
        m_process->deleteLater();
        m_process = nullptr;
    }
    setState(State::Off);
    const poe::Error e = poe::Error::make(K::Timeout, QStringLiteral("QEMU for port %1 did not open its QMP socket %2 within %3 s and was killed%4")
                                                          .arg(m_spec.port, m_spec.socketPath)
                                                          .arg(m_spec.startTimeoutMs / 1000.0)
                                                          .arg(last.isEmpty() ? QString() : QStringLiteral(" (last output: ") + last + QLatin1Char(')')));
    for (const Done &d : waiters)
        if (d)
            d(e);
}

void QmpMachine::powerOff(Done done)
{
    switch (m_state) {
    case State::Off:
        done(poe::Error::none());
        return;
    case State::Stopping:
        m_stopWaiters.append(std::move(done));
        return;
    case State::Starting: {
        // Abandon the start: nothing is running in the guest yet.
        m_startDeadline.stop();
        m_connectRetry.stop();
        const QList<Done> waiters = std::exchange(m_startWaiters, {});
        setState(State::Stopping);
        m_stopWaiters.append(std::move(done));
        for (const Done &d : waiters)
            if (d)
                d(poe::Error::make(K::Cancelled, QStringLiteral("VM on port %1 was powered off while starting").arg(m_spec.port)));
        if (m_client)
            m_client->close();
        if (m_process) {
            m_termSent = true;
            m_process->kill();
            m_quitDeadline.start(SignalGraceMs);
        } else {
            finishStop();
        }
        return;
    }
    case State::Running:
        break;
    }
    setState(State::Stopping);
    m_stopWaiters.append(std::move(done));
    m_quitDeadline.start(m_spec.quitTimeoutMs);
    if (m_client && m_client->isReady()) {
        m_client->execute(QStringLiteral("quit"), {}, m_spec.commandTimeoutMs, [this](const QString &error, const QJsonValue &) {
            // QEMU may close the socket before or after answering; only a real error matters.
            if (!error.isEmpty() && error != QLatin1String("connection closed") && m_process && m_state == State::Stopping) {
                qCInfo(lcPoe).noquote() << "VM" << m_spec.switchId << "port" << m_spec.port << QStringLiteral("did not quit (%1); sending SIGTERM").arg(error);
                m_termSent = true;
                m_process->terminate();
                m_quitDeadline.start(SignalGraceMs);
            }
        });
    } else if (m_process) {
        m_termSent = true;
        m_process->terminate();
    }
}

void QmpMachine::onQuitTimeout()
{
    if (m_state != State::Stopping)
        return;
    if (!m_process) {
        finishStop();
        return;
    }
    if (!m_termSent) {
        qCWarning(lcPoe).noquote() << "VM" << m_spec.switchId << "port" << m_spec.port << "did not quit within"
                                   << m_spec.quitTimeoutMs / 1000.0 << "s; sending SIGTERM to pid" << pid();
        m_termSent = true;
        m_process->terminate();
        m_quitDeadline.start(SignalGraceMs);
        return;
    }
    qCWarning(lcPoe).noquote() << "VM" << m_spec.switchId << "port" << m_spec.port << "still running; SIGKILL to pid" << pid();
    m_process->kill();
    m_quitDeadline.start(SignalGraceMs);
}

void QmpMachine::reset(Done done)
{
    if (m_state != State::Running || !m_client || !m_client->isReady()) {
        done(poe::Error::make(K::Rejected, QStringLiteral("VM on port %1 is %2, not running").arg(m_spec.port, stateName(m_state))));
        return;
    }
    m_client->execute(QStringLiteral("system_reset"), {}, m_spec.commandTimeoutMs, [done](const QString &error, const QJsonValue &) {
        done(error.isEmpty() ? poe::Error::none() : poe::Error::make(K::Protocol, error));
    });
}

void QmpMachine::readStatus(StatusDone done)
{
    poe::PortStatus s;
    s.port = m_spec.port;
    s.label = m_spec.mac.isEmpty() ? m_spec.port : QStringLiteral("%1 (%2)").arg(m_spec.port, m_spec.mac);
    switch (m_state) {
    case State::Off:
        s.adminOn = false;
        s.detection = poe::Detection::Disabled;
        return done(s);
    case State::Starting:
        s.adminOn = true;
        s.detection = poe::Detection::Searching;
        return done(s);
    case State::Stopping:
        s.adminOn = false;
        s.detection = poe::Detection::Delivering;
        return done(s);
    case State::Running:
        break;
    }
    s.adminOn = true;
    if (!m_client || !m_client->isReady())
        return done(s);
    m_client->execute(QStringLiteral("query-status"), {}, m_spec.commandTimeoutMs, [s, done](const QString &error, const QJsonValue &r) mutable {
        if (error.isEmpty())
            s.detection = detectionFor(r.toObject().value(QLatin1String("status")).toString());
        else
            qCDebug(lcPoe).noquote() << "query-status:" << error;
        done(s);
    });
}
