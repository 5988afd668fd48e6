#include "sections.h"

#include <QRegularExpression>

#include <algorithm>

namespace config {

QStringList bootFileArchNames()
{
    return {QStringLiteral("bios"),       QStringLiteral("ia32_uefi"),  QStringLiteral("x64_uefi"),
            QStringLiteral("arm32_uefi"), QStringLiteral("arm64_uefi"), QStringLiteral("x64_http"),
            QStringLiteral("arm64_http"), QStringLiteral("riscv64_uefi")};
}

QMap<QString, QString> defaultBootFiles()
{
    return {{QStringLiteral("bios"), QStringLiteral("undionly.kpxe")},
            {QStringLiteral("ia32_uefi"), QStringLiteral("ipxe.efi")},
            {QStringLiteral("x64_uefi"), QStringLiteral("ipxe.efi")},
            {QStringLiteral("arm32_uefi"), QStringLiteral("snp.efi")},
            {QStringLiteral("arm64_uefi"), QStringLiteral("snp.efi")},
            {QStringLiteral("x64_http"), QStringLiteral("ipxe.efi")},
            {QStringLiteral("arm64_http"), QStringLiteral("snp.efi")},
            {QStringLiteral("riscv64_uefi"), QStringLiteral("snp.efi")}};
}

QStringList defaultPiMacPrefixes()
{
    // piserver's list, plus 28:cd:c1 (smee) and 2c:cf:67 (newer boards).
    return {QStringLiteral("b8:27:eb"), QStringLiteral("dc:a6:32"), QStringLiteral("e4:5f:01"),
            QStringLiteral("d8:3a:dd"), QStringLiteral("28:cd:c1"), QStringLiteral("2c:cf:67")};
}

static void parseListen(YamlReader &r, const YAML::Node &n, const QString &path, ListenConfig &out)
{
    out.enabled = r.boolean(n, "enabled", path, out.enabled);
    out.interface = r.string(n, "interface", path, out.interface);
    if (out.interface.size() > 15 || out.interface.contains(QLatin1Char('/')))
        r.error(YamlReader::child(n, "interface"), YamlReader::join(path, QStringLiteral("interface")),
                QStringLiteral("'%1' is not a valid interface name").arg(out.interface.left(40)));
    out.address = r.ipv4(n, "address", path, out.address);
    r.remember(YamlReader::join(path, QStringLiteral("port")), YamlReader::child(n, "port"));
    r.remember(path, n);
}

static void parseDhcp(YamlReader &r, const YAML::Node &n, DhcpConfig &out)
{
    const QString path = QStringLiteral("services.dhcp");
    if (!r.checkMap(n, path, {"enabled", "interface", "address", "port", "mode", "proxy_port", "reply_to_source",
                              "boot_files", "pi_mac_prefixes", "ipxe_user_class", "pool"}))
        return;
    parseListen(r, n, path, out);
    out.port = r.port(n, "port", path, out.port);
    out.mode = r.choice(n, "mode", path, {"proxy", "full"}, 0) == 1 ? DhcpMode::Full : DhcpMode::Proxy;
    out.proxyPort = r.port(n, "proxy_port", path, out.proxyPort);
    out.replyToSource = r.boolean(n, "reply_to_source", path, out.replyToSource);
    out.bootFiles = defaultBootFiles();
    const QString bfPath = YamlReader::join(path, QStringLiteral("boot_files"));
    if (r.checkMap(YamlReader::child(n, "boot_files"), bfPath, bootFileArchNames())) {
        const auto files = r.scalarMap(n, "boot_files", path);
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (it.value().isEmpty() || it.value().size() > 127)
                r.error(YamlReader::child(YamlReader::child(n, "boot_files"), it.key().toStdString().c_str()), YamlReader::join(bfPath, it.key()),
                        QStringLiteral("expected a file name or URL of 1 to 127 characters"));
            else
                out.bootFiles.insert(it.key(), it.value());
        }
    }
    const YAML::Node prefixes = YamlReader::child(n, "pi_mac_prefixes");
    if (prefixes.IsDefined() && !prefixes.IsNull()) {
        out.piMacPrefixes.clear();
        const QString pPath = YamlReader::join(path, QStringLiteral("pi_mac_prefixes"));
        if (r.expectSequence(prefixes, pPath)) {
            for (const auto &item : prefixes) {
                const QString text = YamlReader::scalar(item).toLower();
                if (!item.IsScalar() || !MacAddress::parse(text + QStringLiteral(":00:00:00")))
                    r.error(item, pPath, QStringLiteral("expected an OUI prefix like dc:a6:32, found '%1'")
                                             .arg(text.left(40)));
                else
                    out.piMacPrefixes.append(text);
            }
        }
    } else {
        out.piMacPrefixes = defaultPiMacPrefixes();
    }
    out.ipxeUserClass = r.string(n, "ipxe_user_class", path, out.ipxeUserClass);

    const QString poolPath = YamlReader::join(path, QStringLiteral("pool"));
    const YAML::Node pool = YamlReader::child(n, "pool");
    r.remember(poolPath, pool);
    if (r.checkMap(pool, poolPath, {"range_start", "range_end", "netmask", "router", "dns", "ntp", "domain",
                                    "search", "lease_time", "lease_file"})) {
        out.pool.rangeStart = r.ipv4(pool, "range_start", poolPath);
        out.pool.rangeEnd = r.ipv4(pool, "range_end", poolPath);
        out.pool.netmask = r.ipv4(pool, "netmask", poolPath);
        out.pool.router = r.ipv4(pool, "router", poolPath);
        out.pool.dnsServers = r.ipv4List(pool, "dns", poolPath);
        out.pool.ntpServers = r.ipv4List(pool, "ntp", poolPath);
        out.pool.domain = r.string(pool, "domain", poolPath);
        out.pool.searchDomains = r.stringList(pool, "search", poolPath);
        out.pool.leaseSeconds = int(r.integer(pool, "lease_time", poolPath, 60, 365 * 86400, out.pool.leaseSeconds));
        out.pool.leaseFile = r.path(pool, "lease_file", poolPath);
    }
}

static void parseTftp(YamlReader &r, const YAML::Node &n, TftpConfig &out)
{
    const QString path = QStringLiteral("services.tftp");
    if (!r.checkMap(n, path, {"enabled", "interface", "address", "port", "root", "max_block_size", "max_window_size",
                              "timeout", "max_retries", "max_sessions_per_client", "max_sessions", "allow_uploads",
                              "pi_prefix", "pi_prefix_string", "pi_firmware_dir", "ipxe_dir"}))
        return;
    parseListen(r, n, path, out);
    out.port = r.port(n, "port", path, out.port);
    out.root = r.path(n, "root", path);
    out.maxBlockSize = int(r.integer(n, "max_block_size", path, 8, 65464, out.maxBlockSize));
    out.maxWindowSize = int(r.integer(n, "max_window_size", path, 1, 65535, out.maxWindowSize));
    out.timeoutSeconds = int(r.integer(n, "timeout", path, 1, 255, out.timeoutSeconds));
    out.maxRetries = int(r.integer(n, "max_retries", path, 1, 100, out.maxRetries));
    out.maxSessionsPerClient = int(r.integer(n, "max_sessions_per_client", path, 1, 10000, out.maxSessionsPerClient));
    out.maxSessions = int(r.integer(n, "max_sessions", path, 1, 100000, out.maxSessions));
    out.allowUploads = r.boolean(n, "allow_uploads", path, out.allowUploads);
    switch (r.choice(n, "pi_prefix", path, {"serial", "mac", "fixed"}, 0)) {
    case 1: out.piPrefix = PiPrefixMode::Mac; break;
    case 2: out.piPrefix = PiPrefixMode::Fixed; break;
    default: out.piPrefix = PiPrefixMode::Serial; break;
    }
    out.piPrefixString = r.string(n, "pi_prefix_string", path);
    if (out.piPrefix == PiPrefixMode::Fixed && (out.piPrefixString.isEmpty() || out.piPrefixString.size() > 32))
        r.error(YamlReader::child(n, "pi_prefix"), YamlReader::join(path, QStringLiteral("pi_prefix_string")),
                QStringLiteral("pi_prefix: fixed needs pi_prefix_string of 1 to 32 characters"));
    out.piFirmwareDir = r.path(n, "pi_firmware_dir", path);
    out.ipxeDir = r.path(n, "ipxe_dir", path);
}

static void parseHttp(YamlReader &r, const YAML::Node &n, HttpConfig &out)
{
    const QString path = QStringLiteral("services.http");
    if (!r.checkMap(n, path, {"enabled", "interface", "address", "port", "root", "public_url", "max_connections",
                              "max_connections_per_client", "zero_copy"}))
        return;
    parseListen(r, n, path, out);
    out.port = r.port(n, "port", path, out.port);
    out.root = r.path(n, "root", path);
    out.publicUrl = r.string(n, "public_url", path);
    if (!out.publicUrl.isEmpty() && !out.publicUrl.startsWith(QLatin1String("http://"))
        && !out.publicUrl.startsWith(QLatin1String("https://")))
        r.error(YamlReader::child(n, "public_url"), YamlReader::join(path, QStringLiteral("public_url")),
                QStringLiteral("expected an http:// or https:// URL"));
    else if (std::any_of(out.publicUrl.cbegin(), out.publicUrl.cend(),
                         [](QChar c) { return c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == QLatin1Char('\\'); }))
        r.error(n["public_url"], YamlReader::join(path, QStringLiteral("public_url")),
                QStringLiteral("expected a URL without spaces, control or non-ASCII characters (it goes into boot scripts)"));
    out.maxConnections = int(r.integer(n, "max_connections", path, 1, 100000, out.maxConnections));
    out.maxConnectionsPerClient = int(r.integer(n, "max_connections_per_client", path, 1, 100000, out.maxConnectionsPerClient));
    out.zeroCopy = r.boolean(n, "zero_copy", path, out.zeroCopy);
}

static void parseRedfish(YamlReader &r, const YAML::Node &n, RedfishConfig &out)
{
    const QString path = QStringLiteral("services.redfish");
    if (!r.checkMap(n, path, {"enabled", "interface", "address", "port", "tls", "certificate", "private_key",
                              "allow_basic_over_http", "session_timeout"}))
        return;
    parseListen(r, n, path, out);
    out.port = r.port(n, "port", path, out.port);
    out.tls = r.boolean(n, "tls", path, out.tls);
    out.certificate = r.path(n, "certificate", path);
    out.privateKey = r.path(n, "private_key", path);
    if (out.certificate.isEmpty() != out.privateKey.isEmpty())
        r.error(n, path, QStringLiteral("certificate and private_key must be given together"));
    out.allowBasicOverHttp = r.boolean(n, "allow_basic_over_http", path, out.allowBasicOverHttp);
    out.sessionTimeoutSeconds = int(r.integer(n, "session_timeout", path, 30, 86400, out.sessionTimeoutSeconds));
}

static void parseConsoles(YamlReader &r, const YAML::Node &n, ConsoleConfig &out)
{
    const QString path = QStringLiteral("services.consoles");
    if (!r.checkMap(n, path, {"enabled", "interface", "address", "netconsole_port", "syslog_port", "os_up_patterns"}))
        return;
    parseListen(r, n, path, out);
    r.remember(YamlReader::join(path, QStringLiteral("port")), YamlReader::child(n, "netconsole_port"));
    out.port = r.port(n, "netconsole_port", path, out.port);
    out.syslogPort = r.port(n, "syslog_port", path, out.syslogPort);
    const YAML::Node patterns = YamlReader::child(n, "os_up_patterns");
    if (patterns.IsDefined() && !patterns.IsNull()) {
        const QString pPath = YamlReader::join(path, QStringLiteral("os_up_patterns"));
        out.osUpPatterns.clear();
        if (r.expectSequence(patterns, pPath)) {
            for (const auto &item : patterns) {
                const QString text = item.IsScalar() ? YamlReader::scalar(item) : QString();
                const QRegularExpression re(text);
                if (text.isEmpty() || text.size() > 256 || !re.isValid())
                    r.error(item, pPath, QStringLiteral("expected a regular expression of 1 to 256 characters%1")
                                             .arg(re.isValid() || text.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(re.errorString())));
                else
                    out.osUpPatterns.append(text);
            }
        }
    }
}

void parseServices(YamlReader &reader, const YAML::Node &node, ServicesConfig &out)
{
    out.dhcp.bootFiles = defaultBootFiles();
    out.dhcp.piMacPrefixes = defaultPiMacPrefixes();
    if (!reader.checkMap(node, QStringLiteral("services"), {"dhcp", "tftp", "http", "redfish", "consoles"}))
        return;
    if (!node.IsDefined() || node.IsNull())
        return;
    parseDhcp(reader, YamlReader::child(node, "dhcp"), out.dhcp);
    parseTftp(reader, YamlReader::child(node, "tftp"), out.tftp);
    parseHttp(reader, YamlReader::child(node, "http"), out.http);
    parseRedfish(reader, YamlReader::child(node, "redfish"), out.redfish);
    parseConsoles(reader, YamlReader::child(node, "consoles"), out.consoles);
}

static void writeListen(YAML::Emitter &out, const ListenConfig &c)
{
    out << YAML::Key << "enabled" << YAML::Value << c.enabled;
    if (!c.interface.isEmpty())
        out << YAML::Key << "interface" << YAML::Value << c.interface.toStdString();
    out << YAML::Key << "address" << YAML::Value << c.address.toString().toStdString();
}

static void writeIpList(YAML::Emitter &out, const char *key, const QList<QHostAddress> &list)
{
    if (list.isEmpty())
        return;
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto &a : list)
        out << a.toString().toStdString();
    out << YAML::EndSeq;
}

void writeServices(YAML::Emitter &out, const ServicesConfig &s)
{
    out << YAML::BeginMap;

    out << YAML::Key << "dhcp" << YAML::Value << YAML::BeginMap;
    writeListen(out, s.dhcp);
    out << YAML::Key << "port" << YAML::Value << s.dhcp.port;
    out << YAML::Key << "mode" << YAML::Value << (s.dhcp.mode == DhcpMode::Full ? "full" : "proxy");
    out << YAML::Key << "proxy_port" << YAML::Value << s.dhcp.proxyPort;
    out << YAML::Key << "reply_to_source" << YAML::Value << s.dhcp.replyToSource;
    const auto defaults = defaultBootFiles();
    if (s.dhcp.bootFiles != defaults) {
        out << YAML::Key << "boot_files" << YAML::Value << YAML::BeginMap;
        for (auto it = s.dhcp.bootFiles.cbegin(); it != s.dhcp.bootFiles.cend(); ++it)
            if (defaults.value(it.key()) != it.value())
                out << YAML::Key << it.key().toStdString() << YAML::Value << it.value().toStdString();
        out << YAML::EndMap;
    }
    if (s.dhcp.piMacPrefixes != defaultPiMacPrefixes()) {
        out << YAML::Key << "pi_mac_prefixes" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const auto &p : s.dhcp.piMacPrefixes)
            out << YAML::DoubleQuoted << p.toStdString();
        out << YAML::EndSeq;
    }
    if (s.dhcp.ipxeUserClass != QLatin1String("iPXE"))
        out << YAML::Key << "ipxe_user_class" << YAML::Value << s.dhcp.ipxeUserClass.toStdString();
    const DhcpPoolConfig &p = s.dhcp.pool;
    if (!p.rangeStart.isNull() || !p.rangeEnd.isNull() || !p.leaseFile.isEmpty() || !p.router.isNull()
        || p.leaseSeconds != DhcpPoolConfig().leaseSeconds) {
        out << YAML::Key << "pool" << YAML::Value << YAML::BeginMap;
        if (!p.rangeStart.isNull())
            out << YAML::Key << "range_start" << YAML::Value << p.rangeStart.toString().toStdString();
        if (!p.rangeEnd.isNull())
            out << YAML::Key << "range_end" << YAML::Value << p.rangeEnd.toString().toStdString();
        if (!p.netmask.isNull())
            out << YAML::Key << "netmask" << YAML::Value << p.netmask.toString().toStdString();
        if (!p.router.isNull())
            out << YAML::Key << "router" << YAML::Value << p.router.toString().toStdString();
        writeIpList(out, "dns", p.dnsServers);
        writeIpList(out, "ntp", p.ntpServers);
        if (!p.domain.isEmpty())
            out << YAML::Key << "domain" << YAML::Value << p.domain.toStdString();
        if (!p.searchDomains.isEmpty()) {
            out << YAML::Key << "search" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (const auto &d : p.searchDomains)
                out << d.toStdString();
            out << YAML::EndSeq;
        }
        out << YAML::Key << "lease_time" << YAML::Value << p.leaseSeconds;
        if (!p.leaseFile.isEmpty())
            out << YAML::Key << "lease_file" << YAML::Value << p.leaseFile.toStdString();
        out << YAML::EndMap;
    }
    out << YAML::EndMap;

    const TftpConfig &t = s.tftp;
    const TftpConfig td;
    out << YAML::Key << "tftp" << YAML::Value << YAML::BeginMap;
    writeListen(out, t);
    out << YAML::Key << "port" << YAML::Value << t.port;
    if (!t.root.isEmpty())
        out << YAML::Key << "root" << YAML::Value << t.root.toStdString();
    out << YAML::Key << "max_block_size" << YAML::Value << t.maxBlockSize;
    out << YAML::Key << "max_window_size" << YAML::Value << t.maxWindowSize;
    if (t.timeoutSeconds != td.timeoutSeconds)
        out << YAML::Key << "timeout" << YAML::Value << t.timeoutSeconds;
    if (t.maxRetries != td.maxRetries)
        out << YAML::Key << "max_retries" << YAML::Value << t.maxRetries;
    if (t.maxSessionsPerClient != td.maxSessionsPerClient)
        out << YAML::Key << "max_sessions_per_client" << YAML::Value << t.maxSessionsPerClient;
    if (t.maxSessions != td.maxSessions)
        out << YAML::Key << "max_sessions" << YAML::Value << t.maxSessions;
    out << YAML::Key << "allow_uploads" << YAML::Value << t.allowUploads;
    out << YAML::Key << "pi_prefix" << YAML::Value
        << (t.piPrefix == PiPrefixMode::Mac ? "mac" : t.piPrefix == PiPrefixMode::Fixed ? "fixed" : "serial");
    if (!t.piPrefixString.isEmpty())
        out << YAML::Key << "pi_prefix_string" << YAML::Value << t.piPrefixString.toStdString();
    if (!t.piFirmwareDir.isEmpty())
        out << YAML::Key << "pi_firmware_dir" << YAML::Value << t.piFirmwareDir.toStdString();
    if (!t.ipxeDir.isEmpty())
        out << YAML::Key << "ipxe_dir" << YAML::Value << t.ipxeDir.toStdString();
    out << YAML::EndMap;

    out << YAML::Key << "http" << YAML::Value << YAML::BeginMap;
    writeListen(out, s.http);
    out << YAML::Key << "port" << YAML::Value << s.http.port;
    if (!s.http.root.isEmpty())
        out << YAML::Key << "root" << YAML::Value << s.http.root.toStdString();
    if (!s.http.publicUrl.isEmpty())
        out << YAML::Key << "public_url" << YAML::Value << s.http.publicUrl.toStdString();
    if (s.http.maxConnections != HttpConfig().maxConnections)
        out << YAML::Key << "max_connections" << YAML::Value << s.http.maxConnections;
    if (s.http.maxConnectionsPerClient != HttpConfig().maxConnectionsPerClient)
        out << YAML::Key << "max_connections_per_client" << YAML::Value << s.http.maxConnectionsPerClient;
    if (!s.http.zeroCopy)
        out << YAML::Key << "zero_copy" << YAML::Value << false;
    out << YAML::EndMap;

    out << YAML::Key << "redfish" << YAML::Value << YAML::BeginMap;
    writeListen(out, s.redfish);
    out << YAML::Key << "port" << YAML::Value << s.redfish.port;
    out << YAML::Key << "tls" << YAML::Value << s.redfish.tls;
    if (!s.redfish.certificate.isEmpty()) {
        out << YAML::Key << "certificate" << YAML::Value << s.redfish.certificate.toStdString();
        out << YAML::Key << "private_key" << YAML::Value << s.redfish.privateKey.toStdString();
    }
    if (s.redfish.allowBasicOverHttp)
        out << YAML::Key << "allow_basic_over_http" << YAML::Value << true;
    if (s.redfish.sessionTimeoutSeconds != RedfishConfig().sessionTimeoutSeconds)
        out << YAML::Key << "session_timeout" << YAML::Value << s.redfish.sessionTimeoutSeconds;
    out << YAML::EndMap;

    out << YAML::Key << "consoles" << YAML::Value << YAML::BeginMap;
    writeListen(out, s.consoles);
    out << YAML::Key << "netconsole_port" << YAML::Value << s.consoles.port;
    out << YAML::Key << "syslog_port" << YAML::Value << s.consoles.syslogPort;
    if (s.consoles.osUpPatterns != ConsoleConfig::defaultOsUpPatterns()) {
        out << YAML::Key << "os_up_patterns" << YAML::Value << YAML::BeginSeq;
        for (const QString &p : s.consoles.osUpPatterns)
            out << YAML::DoubleQuoted << p.toStdString();
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;

    out << YAML::EndMap;
}

} // namespace config
