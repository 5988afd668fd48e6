#include "lifecycle.h"

namespace lifecycle {

namespace {

struct Entry
{
    State state;
    const char *name;
};

constexpr Entry Names[] = {
    {State::Discovered, "discovered"}, {State::Ready, "ready"},   {State::Provisioning, "provisioning"},
    {State::Deployed, "deployed"},     {State::Failed, "failed"}, {State::Reprovision, "reprovision"},
    {State::Retired, "retired"},
};

} // namespace

QString name(State state)
{
    for (const Entry &e : Names)
        if (e.state == state)
            return QString::fromLatin1(e.name);
    return QStringLiteral("unknown");
}

std::optional<State> parse(const QString &name)
{
    for (const Entry &e : Names)
        if (name == QLatin1String(e.name))
            return e.state;
    return std::nullopt;
}

QStringList stateNames()
{
    QStringList out;
    for (const Entry &e : Names)
        out.append(QString::fromLatin1(e.name));
    return out;
}

QString servingName(Serving serving)
{
    switch (serving) {
    case Serving::Discovery: return QStringLiteral("discovery");
    case Serving::Wait: return QStringLiteral("wait");
    case Serving::Install: return QStringLiteral("install");
    case Serving::Deployed: return QStringLiteral("deployed");
    case Serving::None: return QStringLiteral("none");
    }
    return QStringLiteral("none");
}

QList<State> allowedTargets(State from)
{
    switch (from) {
    case State::Discovered: return {State::Ready, State::Retired};
    case State::Ready: return {State::Provisioning, State::Retired};
    case State::Provisioning: return {State::Deployed, State::Failed, State::Retired};
    case State::Deployed: return {State::Reprovision, State::Retired};
    case State::Failed: return {State::Provisioning, State::Reprovision, State::Ready, State::Retired};
    case State::Reprovision: return {State::Provisioning, State::Ready, State::Retired};
    case State::Retired: return {State::Discovered};
    }
    return {};
}

bool canTransition(State from, State to)
{
    return allowedTargets(from).contains(to);
}

QString transitionError(State from, State to)
{
    if (canTransition(from, to))
        return {};
    QStringList names;
    for (State s : allowedTargets(from))
        names.append(name(s));
    if (from == to)
        return QStringLiteral("the device is already %1").arg(name(from));
    return QStringLiteral("%1 -> %2 is not allowed; from %1 the device may go to: %3")
        .arg(name(from), name(to), names.join(QStringLiteral(", ")));
}

Serving servingFor(State state)
{
    switch (state) {
    case State::Discovered: return Serving::Discovery;
    case State::Ready: return Serving::Wait;
    case State::Provisioning: return Serving::Install;
    case State::Reprovision: return Serving::Install;
    case State::Deployed: return Serving::Deployed;
    case State::Failed: return Serving::Wait;
    case State::Retired: return Serving::None;
    }
    return Serving::None;
}

bool expectsInstallCallbacks(State state)
{
    return state == State::Provisioning || state == State::Reprovision;
}

} // namespace lifecycle
