#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// The device lifecycle as a pure state machine (no sockets, no storage): states, the allowed
// transitions and what each state serves at the next network boot.
//
//   discovered ──adopt/inspect──▶ ready ──start──▶ provisioning ──installed──▶ deployed
//        │                          ▲   ▲               │   ▲                     │
//        │                          │   └──────┐  install-failed  retry          │
//        │                          │          │        ▼   │                     │
//        │                          └──────── failed ◀──────┘                     │
//        │                                     │                                  │
//        │                          reprovision ◀─────────────────────────────────┘
//        └────────── any state ──────▶ retired ──re-enrol──▶ discovered
//
// discovered   seen on the wire or self-registered, not adopted: the discovery environment
// ready        adopted/inspected, no install running: the deploy agent waits for work
// provisioning a workflow runs (image write, NFS setup or script): the install environment
// deployed     installed: local boot (image/script) or the NFS root (diskless)
// failed       the workflow failed: the agent waits, the error is kept for the operator
// reprovision  marked for a fresh install: the next boot runs the install environment again
// retired      out of service: no network boot at all
namespace lifecycle {

enum class State { Discovered, Ready, Provisioning, Deployed, Failed, Reprovision, Retired };

// What the device is served when it next netboots.
enum class Serving {
    Discovery,   // deploy agent in discovery mode (registers, inspects, reports)
    Wait,        // deploy agent idles and polls for instructions
    Install,     // deploy agent runs the assigned workflow
    Deployed,    // local boot or NFS root, decided by the workflow
    None,        // nothing: the netboot is refused
};

QString name(State state);                          // "discovered", "ready", ...
std::optional<State> parse(const QString &name);
QStringList stateNames();
QString servingName(Serving serving);               // "discovery", "wait", "install", "deployed", "none"

QList<State> allowedTargets(State from);
bool canTransition(State from, State to);
// Empty if the transition is allowed, else a clear English reason naming the allowed targets.
QString transitionError(State from, State to);

Serving servingFor(State state);
// States in which the deploy environment is expected to call back (progress, installed, failed).
bool expectsInstallCallbacks(State state);

} // namespace lifecycle

Q_DECLARE_METATYPE(lifecycle::State)
