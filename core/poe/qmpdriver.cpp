#include "qmpdriver.h"

#include "common/logging.h"
#include "common/macaddress.h"
#include "qmpmachine.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <memory>

using K = poe::Error::Kind;

namespace {

constexpr int MaxSocketPath = 107;   // sizeof(sockaddr_un::sun_path) - 1

const QStringList &placeholderNames()
{
    static const QStringList names{QStringLiteral("port"), QStringLiteral("mac"), QStringLiteral("vars"),
                                   QStringLiteral("serial_log"), QStringLiteral("dir"), QStringLiteral("switch")};
    return names;
}

QString key(const QString &name)
{
    return QStringLiteral("options.") + name;
}

} // namespace

QString QmpDriver::fileStem(const QString &port)
{
    QString s = port;
    s.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char(':'), QLatin1Char('_'));
    return s;
}

QString QmpDriver::socketPath(const QString &dir, const QString &port)
{
    return QDir(dir).filePath(fileStem(port) + QStringLiteral(".qmp"));
}

QString QmpDriver::serialLogPath(const QString &dir, const QString &port)
{
    return QDir(dir).filePath(fileStem(port) + QStringLiteral(".serial.log"));
}

QString QmpDriver::varsPath(const QString &dir, const QString &port)
{
    return QDir(dir).filePath(fileStem(port) + QStringLiteral(".vars.fd"));
}

QStringList QmpDriver::expand(const QStringList &tmpl, const QHash<QString, QString> &values)
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

QmpDriver::Options QmpDriver::parseOptions(poe::OptionReader &r, const QString &baseDir)
{
    Options o;
    const SwitchConfig &c = r.config();

    // Run directory.
    QString dir = c.address.trimmed();
    if (dir.startsWith(QLatin1String("~/")))
        dir = QDir::homePath() + dir.mid(1);
    if (!dir.isEmpty() && QDir::isRelativePath(dir) && !baseDir.isEmpty())
        dir = QDir(baseDir).filePath(dir);
    if (!dir.isEmpty()) {
        dir = QDir::cleanPath(dir);
        const QFileInfo fi(dir);
        if (fi.exists() && !fi.isDir())
            r.issue(QStringLiteral("address"), QStringLiteral("'%1' is not a directory (the qmp driver's address is its run directory)").arg(dir.left(200)));
        else if (QDir::isRelativePath(dir))
            r.issue(QStringLiteral("address"), QStringLiteral("the run directory must be an absolute path, got '%1'").arg(dir.left(200)));
    }
    o.dir = dir;

    // Port names.
    QStringList names;
    const QString list = r.string(QStringLiteral("port_list"));
    if (!list.isEmpty()) {
        for (const QString &p : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString name = p.trimmed();
            if (!poe::isValidPortName(name))
                r.issue(key(QStringLiteral("port_list")), QStringLiteral("'%1' is not a valid port name (letters, digits, . _ / : -)").arg(name.left(40)));
            else if (names.contains(name))
                r.issue(key(QStringLiteral("port_list")), QStringLiteral("port '%1' is listed twice").arg(name));
            else
                names.append(name);
        }
    } else {
        for (int i = 1; i <= c.ports; ++i)
            names.append(QString::number(i));
    }
    if (names.isEmpty())
        r.issue(QStringLiteral("ports"), QStringLiteral("a qmp switch needs its ports (one per VM): set ports (a count) or options.port_list"));

    // Per-port keys: mac.<port>, command.<port>.
    QHash<QString, QString> macs;
    QHash<QString, QString> commands;
    QSet<QString> seenMacs;
    for (auto it = c.options.cbegin(); it != c.options.cend(); ++it) {
        const QString &k = it.key();
        const bool isMac = k.startsWith(QLatin1String("mac."));
        const bool isCommand = k.startsWith(QLatin1String("command."));
        if (!isMac && !isCommand)
            continue;
        const QString value = r.string(k);
        const QString port = k.section(QLatin1Char('.'), 1);
        if (!names.contains(port)) {
            r.issue(key(k), QStringLiteral("this switch has no port '%1' (ports: %2)").arg(port.left(40), names.join(QStringLiteral(", "))));
            continue;
        }
        if (isCommand) {
            commands.insert(port, value);
            continue;
        }
        const auto mac = MacAddress::parse(value.trimmed());
        if (!mac || !mac->isValid()) {
            r.issue(key(k), QStringLiteral("'%1' is not a MAC address").arg(value.left(40)));
            continue;
        }
        if (seenMacs.contains(mac->toString())) {
            r.issue(key(k), QStringLiteral("MAC %1 is given to two ports").arg(mac->toString()));
            continue;
        }
        seenMacs.insert(mac->toString());
        macs.insert(port, mac->toString());
    }

    o.varsTemplate = r.file(QStringLiteral("vars_template"), baseDir);
    const bool templateGiven = r.has(QStringLiteral("vars_template"));
    o.startTimeoutMs = r.integer(QStringLiteral("start_timeout"), 1, 300, o.startTimeoutMs / 1000) * 1000;
    o.quitTimeoutMs = r.integer(QStringLiteral("quit_timeout"), 1, 120, o.quitTimeoutMs / 1000) * 1000;
    o.resetCycle = r.choice(QStringLiteral("cycle"), {"power", "reset"}, 0) == 1;
    const QString common = r.string(QStringLiteral("command"));

    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z_]*)\\}"));
    QHash<QString, bool> programChecked;
    for (const QString &name : std::as_const(names)) {
        const bool own = commands.contains(name);
        const QString where = own ? QStringLiteral("command.") + name : QStringLiteral("command");
        const QString line = own ? commands.value(name) : common;
        if (line.trimmed().isEmpty()) {
            if (!own && !programChecked.contains(QStringLiteral("\n")))
                r.issue(key(QStringLiteral("command")),
                        QStringLiteral("the qmp driver needs options.command (the QEMU command line; {port}, {mac}, {vars}, "
                                       "{serial_log} are replaced per port)"));
            programChecked.insert(QStringLiteral("\n"), true);
            continue;
        }
        const QStringList argv = QProcess::splitCommand(line);
        if (argv.isEmpty() || argv.first().isEmpty()) {
            r.issue(key(where), QStringLiteral("cannot split '%1' into a program and arguments").arg(line.left(80)));
            continue;
        }
        const QString program = argv.first();
        if (program.contains(QLatin1Char('{'))) {
            r.issue(key(where), QStringLiteral("the program itself cannot be a placeholder"));
            continue;
        }
        if (!programChecked.contains(where)) {
            programChecked.insert(where, true);
            const QFileInfo fi(program);
            const bool found = program.contains(QLatin1Char('/')) ? (fi.isFile() && fi.isExecutable())
                                                                  : !QStandardPaths::findExecutable(program).isEmpty();
            if (!found)
                r.issue(key(where), QStringLiteral("program '%1' not found or not executable").arg(program.left(120)));
            if (argv.contains(QLatin1String("-daemonize")) || argv.contains(QLatin1String("--daemonize")))
                r.issue(key(where), QStringLiteral("-daemonize would detach QEMU from Metal Boot, which tracks the process it starts; remove it"));
            QSet<QString> used;
            for (const QString &a : argv) {
                auto m = placeholder.globalMatch(a);
                while (m.hasNext())
                    used.insert(m.next().captured(1));
            }
            for (const QString &u : std::as_const(used))
                if (!placeholderNames().contains(u))
                    r.issue(key(where), QStringLiteral("unknown placeholder {%1} (use {port}, {mac}, {vars}, {serial_log}, {dir}, {switch})").arg(u.left(40)));
            if (used.contains(QStringLiteral("vars")) && !templateGiven)
                r.issue(key(where), QStringLiteral("{vars} needs options.vars_template (the UEFI variable store copied to each "
                                                   "port's {vars} file on its first power-on)"));
        }
        if (line.contains(QLatin1String("{mac}")) && !macs.contains(name)) {
            r.issue(key(where), QStringLiteral("{mac} is used but port %1 has no options.mac.%1").arg(name));
            continue;
        }
        Port p;
        p.name = name;
        p.mac = macs.value(name);
        p.argv = expand(argv, {{QStringLiteral("port"), name},
                               {QStringLiteral("mac"), p.mac},
                               {QStringLiteral("vars"), varsPath(o.dir, name)},
                               {QStringLiteral("serial_log"), serialLogPath(o.dir, name)},
                               {QStringLiteral("dir"), o.dir},
                               {QStringLiteral("switch"), c.id}});
        if (!o.dir.isEmpty() && QFile::encodeName(socketPath(o.dir, name)).size() > MaxSocketPath)
            r.issue(QStringLiteral("address"), QStringLiteral("the QMP socket %1 would be longer than %2 bytes (the Unix socket "
                                                              "limit); use a shorter run directory")
                                                   .arg(socketPath(o.dir, name).left(200))
                                                   .arg(MaxSocketPath));
        o.ports.append(p);
    }
    return o;
}

QmpDriver::QmpDriver(const SwitchConfig &config, const QString &baseDir, int commandTimeoutMs, QObject *parent)
    : PoeDriver(parent)
    , m_commandTimeoutMs(commandTimeoutMs)
{
    poe::OptionReader r(config, nullptr);
    m_options = parseOptions(r, baseDir);
    for (const Port &p : std::as_const(m_options.ports)) {
        QmpMachine::Spec spec;
        spec.switchId = config.id;
        spec.port = p.name;
        spec.mac = p.mac;
        spec.argv = p.argv;
        spec.socketPath = socketPath(m_options.dir, p.name);
        spec.varsPath = varsPath(m_options.dir, p.name);
        spec.varsTemplate = m_options.varsTemplate;
        spec.startTimeoutMs = m_options.startTimeoutMs;
        spec.quitTimeoutMs = m_options.quitTimeoutMs;
        spec.commandTimeoutMs = m_commandTimeoutMs;
        auto *m = new QmpMachine(spec, this);
        m->setPrepare([this](const QmpMachine::Spec &s) {
            return m_varsWriter ? m_varsWriter(s.port, s.varsPath) : QString();
        });
        m_machines.insert(p.name, m);
        m_order.append(p.name);
    }
}

QmpDriver::~QmpDriver()
{
    QmpDriver::abort();   // no dynamic dispatch in a destructor
    // Every VM we started ends with us (QmpMachine's destructor: SIGTERM, then SIGKILL). Ask
    // them all first, so that several VMs shut down in parallel.
    for (QmpMachine *m : std::as_const(m_machines))
        if (m->pid() > 0)
            ::kill(pid_t(m->pid()), SIGTERM);
    qDeleteAll(m_machines);
    m_machines.clear();
}

PoeDriver::Capabilities QmpDriver::capabilities() const
{
    Capabilities c;
    c.nativeCycle = m_options.resetCycle;
    c.learnMacs = std::any_of(m_options.ports.cbegin(), m_options.ports.cend(), [](const Port &p) { return !p.mac.isEmpty(); });
    return c;
}

int QmpDriver::callTimeoutMs() const
{
    // Power on waits for QEMU's QMP socket; off for "quit", then SIGTERM and SIGKILL.
    return qMax(m_options.startTimeoutMs, m_options.quitTimeoutMs + 6000) + m_commandTimeoutMs + 1000;
}

template <typename F>
auto QmpDriver::guarded(F fn)
{
    // Callbacks of an aborted call are dropped (PoeDriver contract).
    const quint64 gen = m_generation;
    return [this, gen, fn = std::move(fn)](auto &&...args) {
        if (gen == m_generation)
            fn(std::forward<decltype(args)>(args)...);
    };
}

void QmpDriver::readPorts(ReadCallback done)
{
    struct Collect
    {
        QHash<QString, poe::PortStatus> got;
        int waiting = 0;
    };
    auto state = std::make_shared<Collect>();
    state->waiting = int(m_order.size());
    auto finish = guarded([this, state, done]() {
        poe::PortReadout r;
        for (const QString &p : std::as_const(m_order))
            r.ports.append(state->got.value(p));
        done(poe::Error::none(), r);
    });
    if (m_order.isEmpty())
        return finish();
    for (const QString &p : std::as_const(m_order)) {
        m_machines.value(p)->readStatus([state, p, finish](const poe::PortStatus &s) mutable {
            state->got.insert(p, s);
            if (--state->waiting == 0)
                finish();
        });
    }
}

void QmpDriver::setPortPower(const QString &port, bool on, DoneCallback done)
{
    QmpMachine *m = m_machines.value(port);
    if (!m)
        return done(poe::Error::make(K::Rejected, QStringLiteral("this qmp switch has no port '%1' (ports: %2)")
                                                      .arg(port.left(40), m_order.join(QStringLiteral(", ")))));
    auto cb = guarded([done](const poe::Error &e) { done(e); });
    if (on)
        m->powerOn(cb);
    else
        m->powerOff(cb);
}

void QmpDriver::powerCycle(const QString &port, int offSeconds, DoneCallback done)
{
    if (!m_options.resetCycle) {
        PoeDriver::powerCycle(port, offSeconds, std::move(done));
        return;
    }
    QmpMachine *m = m_machines.value(port);
    if (!m)
        return done(poe::Error::make(K::Rejected, QStringLiteral("this qmp switch has no port '%1'").arg(port.left(40))));
    m->reset(guarded([done](const poe::Error &e) { done(e); }));
}

void QmpDriver::learnMacs(MacsCallback done)
{
    QList<poe::MacSighting> out;
    for (const Port &p : std::as_const(m_options.ports))
        if (const auto mac = MacAddress::parse(p.mac))
            out.append(poe::MacSighting{*mac, p.name});
    QTimer::singleShot(0, this, guarded([done, out]() { done(poe::Error::none(), out); }));
}

void QmpDriver::abort()
{
    ++m_generation;
}
