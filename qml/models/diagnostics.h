#pragma once

#include "config/labconfig.h"
#include "dhcp/foreignservermonitor.h"
#include "engine/servicehub.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

// The "Diagnose" checklist of the Services page: what can be checked from this machine without
// sending anything on the network. Each check reads the lab configuration, the services' state
// and the system (/proc, file capabilities, the boot file folders) through a SystemProbe, so the
// checks are pure and tested with canned inputs.
namespace diagnostics {

enum class Severity { Ok, Info, Warning, Error };

struct Finding
{
    QString id;          // stable: "port:dhcp:67", "caps", "files:tftp-root", ...
    Severity severity = Severity::Ok;
    QString title;       // translated one-liner
    QString detail;      // translated explanation (what was seen)
    QString hint;        // translated fix
};

struct Endpoint
{
    QString service;     // "dhcp", "tftp", ...
    bool udp = true;
    QHostAddress address;
    quint16 port = 0;
};

// A socket seen in /proc/net/{tcp,udp}[6].
struct Socket
{
    bool udp = true;
    QHostAddress address;
    quint16 port = 0;
    bool listening = false;  // TCP LISTEN, or any bound UDP socket
    quint64 inode = 0;
};

struct Input
{
    ServicesConfig services;
    QList<ProfileConfig> profiles;
    QString dataDir;
    QString binaryPath;                       // the running executable (file capabilities)
    QList<ServiceHub::Status> statuses;
    // Other DHCP/PXE servers the DHCP engine saw on the served interface
    // (DhcpService::foreignServers()).
    QList<ForeignDhcpServer> foreignServers;
};

// Access to the machine; SystemProbe::live() reads the real one.
struct SystemProbe
{
    std::function<QByteArray(const QString &path)> readFile;         // /proc files; empty if unreadable
    std::function<QByteArray(const QString &path)> readCapabilityXattr; // "security.capability"
    std::function<bool(const QString &path)> exists;
    std::function<QSet<quint64>()> ownSocketInodes;                 // sockets of this process
    std::function<QString(quint64 inode)> socketOwner;              // "dnsmasq (pid 812)" or empty
    bool isRoot = false;

    static SystemProbe live();
};

// The endpoints the enabled services of `services` want.
QList<Endpoint> endpoints(const ServicesConfig &services);
// Parses /proc/net/{tcp,udp,tcp6,udp6}; malformed lines are skipped.
QList<Socket> parseProcNet(const QByteArray &text, bool udp);
// CapEff from /proc/self/status; nullopt if absent.
std::optional<quint64> parseCapEff(const QByteArray &procStatus);
// The permitted set of a security.capability xattr (vfs_cap_data v1/v2/v3); nullopt if invalid.
std::optional<quint64> parseFileCapabilities(const QByteArray &xattr);
inline constexpr int CapNetBindService = 10;
inline constexpr int CapNetRaw = 13;

// Individual checks (exposed for tests and for the first-run wizard's port step).
QList<Finding> checkServices(const QList<ServiceHub::Status> &statuses);
QList<Finding> checkPorts(const QList<Endpoint> &wanted, const QList<ServiceHub::Status> &statuses, const SystemProbe &probe);
QList<Finding> checkPrivilegedPorts(const QList<Endpoint> &wanted, const QString &binaryPath, const SystemProbe &probe);
QList<Finding> checkBootFiles(const Input &input, const SystemProbe &probe);
QList<Finding> checkForeignServers(const Input &input);

// Every check, errors first.
QList<Finding> run(const Input &input, const SystemProbe &probe);

QString severityName(Severity s);   // "ok", "info", "warning", "error"

} // namespace diagnostics
