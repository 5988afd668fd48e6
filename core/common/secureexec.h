#pragma once

#include <QStringList>

// The desktop binary carries file capabilities (cap_net_bind_service, cap_net_raw) so the GUI can
// serve ports 67/69. Any local user may start it, and Qt would still honour environment variables
// and arguments that load plugins or QML from a path the user chooses - code running with
// CAP_NET_RAW. When the kernel marks the process as secure-execution (AT_SECURE: file
// capabilities, setuid), those are removed before QCoreApplication sees them.
namespace secureexec {

// True when the process runs with elevated privileges from its file (getauxval(AT_SECURE)).
bool isSecureExecution();

// Removes the variables and arguments (with their values) listed in the implementation from the
// environment and from argv (argc is adjusted). Returns what was removed, for one log line.
QStringList dropUntrustedLoadPaths(int &argc, char **argv);

} // namespace secureexec
