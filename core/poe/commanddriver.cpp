#include "commanddriver.h"

#include "common/logging.h"

#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

using K = poe::Error::Kind;

static constexpr qint64 MaxOutput = 64 * 1024;

CommandDriver::Options CommandDriver::parseOptions(poe::OptionReader &r)
{
    Options o;
    auto tmpl = [&r](const char *name, bool required) {
        const QString key = QString::fromLatin1(name);
        const QString line = r.string(key);
        if (line.trimmed().isEmpty()) {
            if (required)
                r.issue(QStringLiteral("options.") + key,
                        QStringLiteral("the command driver needs options.%1 (a command line; {port} is replaced by the port)").arg(key));
            return QStringList();
        }
        QStringList argv = QProcess::splitCommand(line);
        if (argv.isEmpty() || argv.first().isEmpty()) {
            r.issue(QStringLiteral("options.") + key, QStringLiteral("cannot split '%1' into a program and arguments").arg(line.left(80)));
            return QStringList();
        }
        const QString program = argv.first();
        if (program.contains(QLatin1Char('{'))) {
            r.issue(QStringLiteral("options.") + key, QStringLiteral("the program itself cannot be a placeholder"));
            return QStringList();
        }
        const QFileInfo fi(program);
        const bool found = program.contains(QLatin1Char('/')) ? (fi.isFile() && fi.isExecutable())
                                                              : !QStandardPaths::findExecutable(program).isEmpty();
        if (!found)
            r.issue(QStringLiteral("options.") + key, QStringLiteral("program '%1' not found or not executable").arg(program.left(120)));
        static const QRegularExpression placeholder(QStringLiteral("\\{([a-z]*)\\}"));
        for (const QString &a : argv) {
            auto it = placeholder.globalMatch(a);
            while (it.hasNext()) {
                const QString name = it.next().captured(1);
                if (name != QLatin1String("port") && name != QLatin1String("address") && name != QLatin1String("seconds"))
                    r.issue(QStringLiteral("options.") + key,
                            QStringLiteral("unknown placeholder {%1} (use {port}, {address}, {seconds})").arg(name));
            }
        }
        return argv;
    };
    o.on = tmpl("on", true);
    o.off = tmpl("off", true);
    o.cycle = tmpl("cycle", false);
    o.status = tmpl("status", false);
    const QString list = r.string(QStringLiteral("port_list"));
    if (!list.isEmpty()) {
        for (const QString &p : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString name = p.trimmed();
            if (!poe::isValidPortName(name))
                r.issue(QStringLiteral("options.port_list"), QStringLiteral("'%1' is not a valid port name").arg(name.left(40)));
            else
                o.ports.append(name);
        }
    } else {
        for (int i = 1; i <= r.config().ports; ++i)
            o.ports.append(QString::number(i));
    }
    const bool perPort = o.status.join(QLatin1Char(' ')).contains(QLatin1String("{port}"));
    if (perPort && o.ports.isEmpty())
        r.issue(QStringLiteral("options.status"),
                QStringLiteral("a per-port status command needs the port names: set ports (count) or options.port_list"));
    return o;
}

CommandDriver::CommandDriver(const SwitchConfig &config, int timeoutMs, QObject *parent)
    : PoeDriver(parent)
    , m_switchId(config.id)
    , m_address(config.address)
    , m_username(config.username)
    , m_password(config.password)
    , m_timeoutMs(timeoutMs)
{
    poe::OptionReader r(config, nullptr);
    m_options = parseOptions(r);
}

CommandDriver::~CommandDriver()
{
    CommandDriver::abort();   // no dynamic dispatch in a destructor: say which one
}

PoeDriver::Capabilities CommandDriver::capabilities() const
{
    Capabilities c;
    c.nativeCycle = !m_options.cycle.isEmpty();
    c.portWatts = true;   // when the status command prints them
    return c;
}

int CommandDriver::callTimeoutMs() const
{
    const bool perPort = m_options.status.join(QLatin1Char(' ')).contains(QLatin1String("{port}"));
    return m_timeoutMs * (perPort ? qMax(1, int(m_options.ports.size())) : 1) + 1000;
}

QStringList CommandDriver::expand(const QStringList &tmpl, const QHash<QString, QString> &values)
{
    QStringList out;
    out.reserve(tmpl.size());
    for (QString a : tmpl) {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            a.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
        out.append(a);
    }
    return out;
}

bool CommandDriver::parseState(const QString &text, bool *on, double *watts)
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return false;
    const QString w = words.first().toLower();
    static const QStringList onWords{QStringLiteral("on"), QStringLiteral("1"), QStringLiteral("true"),
                                     QStringLiteral("enabled"), QStringLiteral("up")};
    static const QStringList offWords{QStringLiteral("off"), QStringLiteral("0"), QStringLiteral("false"),
                                      QStringLiteral("disabled"), QStringLiteral("down")};
    if (onWords.contains(w))
        *on = true;
    else if (offWords.contains(w))
        *on = false;
    else
        return false;
    *watts = words.size() > 1 ? poe::parseWatts(words.at(1)) : -1;
    return true;
}

void CommandDriver::abort()
{
    ++m_generation;
    if (m_deadline)
        m_deadline->stop();
    if (m_process) {
        QProcess *p = m_process;
        m_process = nullptr;
        p->disconnect(this);
        if (p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished(1000);   // SIGKILL: reaped at once
        }
        p->deleteLater();
    }
}

void CommandDriver::run(const QStringList &argv, const QString &action, RunCallback done)
{
    if (m_process) {
        done(poe::Error::make(K::Rejected, QStringLiteral("a command is still running")), {});
        return;
    }
    auto *p = new QProcess(this);
    m_process = p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("METALBOOT_SWITCH"), m_switchId);
    env.insert(QStringLiteral("METALBOOT_ACTION"), action);
    if (!m_address.isEmpty())
        env.insert(QStringLiteral("METALBOOT_SWITCH_ADDRESS"), m_address);
    if (!m_username.isEmpty())
        env.insert(QStringLiteral("METALBOOT_SWITCH_USERNAME"), m_username);
    if (!m_password.isEmpty())
        env.insert(QStringLiteral("METALBOOT_SWITCH_PASSWORD"), m_password);
    p->setProcessEnvironment(env);
    p->setProgram(argv.first());
    p->setArguments(argv.mid(1));
    p->setStandardInputFile(QProcess::nullDevice());
    const QString program = QFileInfo(argv.first()).fileName();
    const quint64 gen = m_generation;
    if (!m_deadline) {
        m_deadline = new QTimer(this);
        m_deadline->setSingleShot(true);
    }
    m_deadline->disconnect();
    connect(m_deadline, &QTimer::timeout, this, [this, gen, program, action, done] {
        if (gen != m_generation)
            return;
        abort();
        done(poe::Error::make(K::Timeout, QStringLiteral("command '%1' (%2) did not finish within %3 s and was killed")
                                              .arg(program, action)
                                              .arg(m_timeoutMs / 1000.0)),
             {});
    });
    connect(p, &QProcess::errorOccurred, this, [this, p, gen, program, done](QProcess::ProcessError error) {
        if (gen != m_generation || error != QProcess::FailedToStart)
            return;
        m_deadline->stop();
        m_process = nullptr;
        p->deleteLater();
        done(poe::Error::make(K::Unreachable, QStringLiteral("cannot start '%1': %2").arg(program, p->errorString())), {});
    });
    connect(p, &QProcess::finished, this, [this, p, gen, program, action, done](int code, QProcess::ExitStatus status) {
        if (gen != m_generation)
            return;
        m_deadline->stop();
        m_process = nullptr;
        p->deleteLater();
        const QByteArray out = p->readAllStandardOutput().left(MaxOutput);
        const QString err = QString::fromUtf8(p->readAllStandardError().left(4096)).trimmed().section(QLatin1Char('\n'), 0, 0).left(200);
        if (status != QProcess::NormalExit) {
            done(poe::Error::make(K::Rejected, QStringLiteral("command '%1' (%2) crashed").arg(program, action)), {});
            return;
        }
        if (code != 0) {
            done(poe::Error::make(K::Rejected, QStringLiteral("command '%1' (%2) failed with exit code %3%4")
                                                   .arg(program, action)
                                                   .arg(code)
                                                   .arg(err.isEmpty() ? QString() : QStringLiteral(": ") + err)),
                 {});
            return;
        }
        done(poe::Error::none(), out);
    });
    qCDebug(lcPoe).noquote() << "running" << program << "for" << action;
    m_deadline->start(m_timeoutMs);
    p->start(QIODevice::ReadOnly);
}

void CommandDriver::setPortPower(const QString &port, bool on, DoneCallback done)
{
    if (!poe::isValidPortName(port))
        return done(poe::Error::make(K::Rejected, QStringLiteral("'%1' is not a valid port name").arg(port.left(40))));
    const QStringList argv = expand(on ? m_options.on : m_options.off,
                                    {{QStringLiteral("port"), port}, {QStringLiteral("address"), m_address}, {QStringLiteral("seconds"), QStringLiteral("0")}});
    run(argv, on ? QStringLiteral("on") : QStringLiteral("off"), [this, port, on, done](const poe::Error &e, const QByteArray &) {
        if (!e.isError())
            m_switched.insert(port, on);
        done(e);
    });
}

void CommandDriver::powerCycle(const QString &port, int offSeconds, DoneCallback done)
{
    if (m_options.cycle.isEmpty()) {
        PoeDriver::powerCycle(port, offSeconds, std::move(done));
        return;
    }
    if (!poe::isValidPortName(port))
        return done(poe::Error::make(K::Rejected, QStringLiteral("'%1' is not a valid port name").arg(port.left(40))));
    const QStringList argv = expand(m_options.cycle, {{QStringLiteral("port"), port},
                                                      {QStringLiteral("address"), m_address},
                                                      {QStringLiteral("seconds"), QString::number(offSeconds)}});
    run(argv, QStringLiteral("cycle"), [this, port, done](const poe::Error &e, const QByteArray &) {
        if (!e.isError())
            m_switched.insert(port, true);
        done(e);
    });
}

void CommandDriver::readPorts(ReadCallback done)
{
    if (m_options.status.isEmpty()) {
        // No status command: the ports exist; their state is what we last switched them to.
        poe::PortReadout r;
        QStringList ports = m_options.ports;
        for (auto it = m_switched.cbegin(); it != m_switched.cend(); ++it)
            if (!ports.contains(it.key()))
                ports.append(it.key());
        for (const QString &p : std::as_const(ports)) {
            const auto it = m_switched.constFind(p);
            r.ports.append(poe::PortStatus{p, p, it == m_switched.cend() ? std::nullopt : std::optional<bool>(*it),
                                           poe::Detection::Unknown, -1, -1});
        }
        done(poe::Error::none(), r);
        return;
    }
    if (m_options.status.join(QLatin1Char(' ')).contains(QLatin1String("{port}"))) {
        statusPerPort(0, {}, std::move(done));
        return;
    }
    const QStringList argv = expand(m_options.status, {{QStringLiteral("address"), m_address}, {QStringLiteral("seconds"), QStringLiteral("0")}});
    run(argv, QStringLiteral("status"), [done](const poe::Error &e, const QByteArray &out) {
        if (e.isError())
            return done(e, {});
        poe::PortReadout r;
        int line = 0;
        for (const QString &raw : QString::fromUtf8(out).split(QLatin1Char('\n'))) {
            ++line;
            const QString text = raw.trimmed();
            if (text.isEmpty() || text.startsWith(QLatin1Char('#')))
                continue;
            const QString port = text.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
            bool on = false;
            double watts = -1;
            if (!poe::isValidPortName(port) || !parseState(text.section(QLatin1Char(' '), 1, -1, QString::SectionSkipEmpty), &on, &watts))
                return done(poe::Error::make(K::Protocol, QStringLiteral("status output line %1 is not '<port> on|off [watts]': '%2'")
                                                              .arg(line)
                                                              .arg(text.left(80))),
                            {});
            r.ports.append(poe::PortStatus{port, port, on, on ? poe::Detection::Unknown : poe::Detection::Disabled, -1,
                                           on ? watts : 0});
        }
        done(poe::Error::none(), r);
    });
}

void CommandDriver::statusPerPort(int index, poe::PortReadout readout, ReadCallback done)
{
    if (index >= m_options.ports.size()) {
        done(poe::Error::none(), readout);
        return;
    }
    const QString port = m_options.ports.at(index);
    const QStringList argv = expand(m_options.status, {{QStringLiteral("port"), port},
                                                       {QStringLiteral("address"), m_address},
                                                       {QStringLiteral("seconds"), QStringLiteral("0")}});
    run(argv, QStringLiteral("status"), [this, index, port, readout, done](const poe::Error &e, const QByteArray &out) mutable {
        if (e.isError())
            return done(e, {});
        bool on = false;
        double watts = -1;
        const QString first = QString::fromUtf8(out).trimmed().section(QLatin1Char('\n'), 0, 0);
        if (!parseState(first, &on, &watts))
            return done(poe::Error::make(K::Protocol, QStringLiteral("status of port %1 printed '%2', expected 'on|off [watts]'")
                                                          .arg(port, first.left(80))),
                        {});
        readout.ports.append(poe::PortStatus{port, port, on, on ? poe::Detection::Unknown : poe::Detection::Disabled, -1,
                                             on ? watts : 0});
        // Next port from the event loop, not from inside QProcess::finished.
        const quint64 gen = m_generation;
        QTimer::singleShot(0, this, [this, gen, index, readout, done] {
            if (gen == m_generation)
                statusPerPort(index + 1, readout, done);
        });
    });
}
