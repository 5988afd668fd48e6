#include "labconfigloader.h"

#include "common/atomicfile.h"
#include "common/logging.h"
#include "sections.h"

#include <QFile>
#include <QFileInfo>

QString LabConfigLoadResult::errorText() const
{
    QStringList lines;
    for (const auto &e : errors)
        lines.append(e.toString());
    return lines.join(QLatin1Char('\n'));
}

namespace LabConfigLoader {

LabConfigLoadResult loadFile(const QString &path)
{
    LabConfigLoadResult result;
    QFile file(path);
    const QString shown = path;
    if (!file.open(QIODevice::ReadOnly)) {
        result.errors.append({shown, 0, 0, {}, QStringLiteral("cannot read file: %1").arg(file.errorString())});
        return result;
    }
    if (file.size() > MaxFileSize) {
        result.errors.append({shown, 0, 0, {}, QStringLiteral("file is larger than %1 bytes").arg(MaxFileSize)});
        return result;
    }
    const QByteArray data = file.read(MaxFileSize + 1);
    return loadText(data, shown);
}

LabConfigLoadResult loadText(const QByteArray &yaml, const QString &fileName)
{
    LabConfigLoadResult result;
    YamlReader reader(fileName);
    if (yaml.size() > MaxFileSize) {
        result.errors.append({fileName, 0, 0, {}, QStringLiteral("file is larger than %1 bytes").arg(MaxFileSize)});
        return result;
    }
    if (yaml.contains('\0')) {
        const int offset = int(yaml.indexOf('\0'));
        const int line = int(yaml.left(offset).count('\n')) + 1;
        const int column = offset - int(yaml.lastIndexOf('\n', offset)) ;
        result.errors.append({fileName, line, column, {}, QStringLiteral("file contains a NUL byte (not a text file)")});
        return result;
    }

    // yaml-cpp parses flow collections recursively without a depth limit: refuse absurd nesting
    // before it can exhaust the stack ("[[[[[..." is never a lab file).
    {
        int depth = 0, line = 1, column = 0;
        char quote = 0;
        for (const char ch : yaml) {
            ++column;
            if (ch == '\n') {
                ++line;
                column = 0;
                if (quote == '\'')
                    quote = 0;
                continue;
            }
            if (quote) {
                if (ch == quote)
                    quote = 0;
                continue;
            }
            if (ch == '"' || ch == '\'')
                quote = ch;
            else if (ch == '[' || ch == '{')
                ++depth;
            else if ((ch == ']' || ch == '}') && depth > 0)
                --depth;
            if (depth > 64) {
                result.errors.append({fileName, line, column, {}, QStringLiteral("nesting deeper than 64 levels")});
                return result;
            }
        }
    }

    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        ConfigError err;
        err.file = fileName;
        err.line = e.mark.is_null() ? 0 : e.mark.line + 1;
        err.column = e.mark.is_null() ? 0 : e.mark.column + 1;
        err.message = QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg));
        result.errors.append(err);
        return result;
    }

    LabConfig &c = result.config;
    c.sourceFile = fileName;
    try {
        if (root.IsNull() || !root.IsDefined()) {
            // An empty file is a valid, empty lab.
        } else if (reader.checkMap(root, QString(), {"version", "name", "services", "devices", "switches", "profiles", "provisioning"})) {
            const qint64 version = reader.integer(root, "version", QString(), 1, 1, 1);
            Q_UNUSED(version)
            c.name = reader.string(root, "name", QString(), c.name);
            config::parseServices(reader, YamlReader::child(root, "services"), c.services);
            config::parseSwitches(reader, YamlReader::child(root, "switches"), c.switches);
            config::parseProfiles(reader, YamlReader::child(root, "profiles"), c.profiles);
            config::parseDevices(reader, YamlReader::child(root, "devices"), c.devices);
            config::parseProvisioning(reader, YamlReader::child(root, "provisioning"), c.provisioning);
            if (!reader.hasErrors())
                config::crossValidate(reader, c);
        }
        if (root.IsNull() || !root.IsDefined())
            config::parseServices(reader, YAML::Node(), c.services);
    } catch (const YAML::Exception &e) {
        // Defensive: the readers only use non-throwing accessors, but yaml-cpp may still throw on
        // pathological input (e.g. aliases to invalid nodes).
        reader.error(e.mark, QString(), QStringLiteral("invalid YAML structure: %1").arg(QString::fromStdString(e.msg)));
    }
    result.errors = reader.errors();
    return result;
}

} // namespace LabConfigLoader

namespace LabConfigWriter {

QByteArray toYaml(const LabConfig &c)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::Comment("Metal Boot lab configuration (see docs/configuration.md)");
    out << YAML::BeginMap;
    out << YAML::Key << "version" << YAML::Value << 1;
    out << YAML::Key << "name" << YAML::Value << c.name.toStdString();
    out << YAML::Key << "services" << YAML::Value;
    config::writeServices(out, c.services);
    if (!c.switches.isEmpty()) {
        out << YAML::Key << "switches" << YAML::Value;
        config::writeSwitches(out, c.switches);
    }
    if (!c.profiles.isEmpty()) {
        out << YAML::Key << "profiles" << YAML::Value;
        config::writeProfiles(out, c.profiles);
    }
    if (!config::isDefaultProvisioning(c.provisioning)) {
        out << YAML::Key << "provisioning" << YAML::Value;
        config::writeProvisioning(out, c.provisioning);
    }
    if (!c.devices.isEmpty()) {
        out << YAML::Key << "devices" << YAML::Value;
        config::writeDevices(out, c.devices);
    }
    out << YAML::EndMap;
    QByteArray bytes(out.c_str(), qsizetype(out.size()));
    bytes.append('\n');
    return bytes;
}

bool save(const LabConfig &config, const QString &path, QString *error)
{
    const QByteArray data = toYaml(config);
    // Never write something we could not read back.
    const auto check = LabConfigLoader::loadText(data, path);
    if (!check.ok()) {
        if (error)
            *error = QStringLiteral("refusing to save an invalid configuration: %1").arg(check.errorText());
        return false;
    }
    if (!atomicfile::write(path, data, error, atomicfile::Backup::KeepPrevious, 0600))
        return false;
    qCInfo(lcConfig) << "saved" << path;
    return true;
}

} // namespace LabConfigWriter
