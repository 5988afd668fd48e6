#include "sections.h"

#include "poe/driveroptions.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace config {

QStringList switchDriverNames()
{
    return {QStringLiteral("simulated"), QStringLiteral("snmp"),    QStringLiteral("unifi"),
            QStringLiteral("mikrotik"),  QStringLiteral("openwrt"), QStringLiteral("omada"),
            QStringLiteral("command"),   QStringLiteral("qmp")};
}

static bool isValidId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"));
    return re.match(id).hasMatch();
}

// The driver-validation hook: each PoE driver checks its own address, credentials and
// options (core/poe/driveroptions.cpp); problems are reported at the offending value.
static void validateDriverOptions(YamlReader &r, const YAML::Node &n, const YAML::Node &keyNode, const QString &path,
                                  const SwitchConfig &s)
{
    const QString baseDir = QFileInfo(r.fileName()).absolutePath();
    const poe::OptionIssues issues = poe::validateSwitch(s, baseDir);
    for (const auto &issue : issues) {
        YAML::Node at = keyNode;
        if (issue.key.startsWith(QLatin1String("options."))) {
            const std::string name = issue.key.mid(8).toStdString();
            const YAML::Node options = n["options"];
            if (options.IsDefined() && options.IsMap())
                for (auto o = options.begin(); o != options.end(); ++o)
                    if (o->first.Scalar() == name)
                        at = o->second;
        } else {
            const YAML::Node value = n[issue.key.toStdString()];
            if (value.IsDefined())
                at = value;
        }
        r.error(at, YamlReader::join(path, issue.key), issue.message);
    }
}

void parseSwitches(YamlReader &r, const YAML::Node &node, QList<SwitchConfig> &out)
{
    if (!r.expectMap(node, QStringLiteral("switches")) || !node.IsDefined() || node.IsNull())
        return;
    for (auto it = node.begin(); it != node.end(); ++it) {
        SwitchConfig s;
        s.id = YamlReader::scalar(it->first);
        const QString path = YamlReader::join(QStringLiteral("switches"), s.id);
        if (!isValidId(s.id)) {
            r.error(it->first, path, QStringLiteral("switch ids are 1 to 32 letters, digits, '_' or '-'"));
            continue;
        }
        const YAML::Node n = it->second;
        r.remember(path, it->first);
        if (!r.checkMap(n, path, {"driver", "address", "username", "password", "ports", "poll_interval",
                                  "cycle_off_time", "protected_ports", "options"}))
            continue;
        const int driver = r.choice(n, "driver", path,
                                    {"simulated", "snmp", "unifi", "mikrotik", "openwrt", "omada", "command", "qmp"},
                                    -1);
        if (driver < 0) {
            if (YamlReader::child(n, "driver").IsNull())
                r.error(n, YamlReader::join(path, QStringLiteral("driver")), QStringLiteral("required key is missing"));
            continue;
        }
        s.driver = switchDriverNames().at(driver);
        s.address = r.string(n, "address", path);
        if (s.driver != QLatin1String("simulated") && s.driver != QLatin1String("command") && s.address.isEmpty())
            r.error(n, YamlReader::join(path, QStringLiteral("address")),
                    QStringLiteral("driver '%1' needs an address").arg(s.driver));
        s.username = r.string(n, "username", path);
        s.password = r.string(n, "password", path);
        s.ports = int(r.integer(n, "ports", path, 0, 1024, 0));
        if (s.driver == QLatin1String("simulated") && s.ports == 0)
            s.ports = 8;
        s.pollSeconds = int(r.integer(n, "poll_interval", path, 1, 3600, s.pollSeconds));
        s.cycleOffSeconds = int(r.integer(n, "cycle_off_time", path, 1, 600, s.cycleOffSeconds));
        s.protectedPorts = r.stringList(n, "protected_ports", path);
        s.options = r.scalarMap(n, "options", path);
        for (const auto &existing : out)
            if (existing.id == s.id)
                r.error(it->first, path, QStringLiteral("switch '%1' is listed twice").arg(s.id));
        validateDriverOptions(r, n, it->first, path, s);
        out.append(s);
    }
}

void writeSwitches(YAML::Emitter &out, const QList<SwitchConfig> &switches)
{
    out << YAML::BeginMap;
    for (const auto &s : switches) {
        const SwitchConfig def;
        out << YAML::Key << s.id.toStdString() << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "driver" << YAML::Value << s.driver.toStdString();
        if (!s.address.isEmpty())
            out << YAML::Key << "address" << YAML::Value << s.address.toStdString();
        if (!s.username.isEmpty())
            out << YAML::Key << "username" << YAML::Value << s.username.toStdString();
        if (!s.password.isEmpty())
            out << YAML::Key << "password" << YAML::Value << s.password.toStdString();
        if (s.ports)
            out << YAML::Key << "ports" << YAML::Value << s.ports;
        if (s.pollSeconds != def.pollSeconds)
            out << YAML::Key << "poll_interval" << YAML::Value << s.pollSeconds;
        if (s.cycleOffSeconds != def.cycleOffSeconds)
            out << YAML::Key << "cycle_off_time" << YAML::Value << s.cycleOffSeconds;
        if (!s.protectedPorts.isEmpty()) {
            out << YAML::Key << "protected_ports" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (const auto &p : s.protectedPorts)
                out << YAML::DoubleQuoted << p.toStdString();
            out << YAML::EndSeq;
        }
        if (!s.options.isEmpty()) {
            out << YAML::Key << "options" << YAML::Value << YAML::BeginMap;
            for (auto it = s.options.cbegin(); it != s.options.cend(); ++it)
                out << YAML::Key << it.key().toStdString() << YAML::Value << YAML::DoubleQuoted
                    << it.value().toStdString();
            out << YAML::EndMap;
        }
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

} // namespace config
