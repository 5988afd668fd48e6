#include "sections.h"

#include <QRegularExpression>

namespace config {

void parseProfiles(YamlReader &r, const YAML::Node &node, QList<ProfileConfig> &out)
{
    static const QRegularExpression idRe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    static const QRegularExpression bootNumRe(QStringLiteral("^[0-9A-Fa-f]{4}$"));
    if (!r.expectMap(node, QStringLiteral("profiles")) || !node.IsDefined() || node.IsNull())
        return;
    for (auto it = node.begin(); it != node.end(); ++it) {
        ProfileConfig p;
        p.id = YamlReader::scalar(it->first);
        const QString path = YamlReader::join(QStringLiteral("profiles"), p.id);
        if (!idRe.match(p.id).hasMatch()) {
            r.error(it->first, path, QStringLiteral("profile ids are 1 to 64 letters, digits, '.', '_' or '-'"));
            continue;
        }
        const YAML::Node n = it->second;
        if (!r.checkMap(n, path, {"name", "base_image", "variables", "boot_order", "settings", "boot_files"}))
            continue;
        p.name = r.string(n, "name", path, p.id);
        p.baseImage = r.path(n, "base_image", path);
        p.variablesJson = r.path(n, "variables", path);
        p.bootOrder = r.stringList(n, "boot_order", path);
        for (const auto &entry : p.bootOrder)
            if (!bootNumRe.match(entry).hasMatch())
                r.error(YamlReader::child(n, "boot_order"), YamlReader::join(path, QStringLiteral("boot_order")),
                        QStringLiteral("'%1' is not a boot entry number (4 hex digits like 0003)").arg(entry.left(20)));
        p.settings = r.scalarMap(n, "settings", path);
        p.bootFilesDir = r.path(n, "boot_files", path);
        out.append(p);
    }
}

void writeProfiles(YAML::Emitter &out, const QList<ProfileConfig> &profiles)
{
    out << YAML::BeginMap;
    for (const auto &p : profiles) {
        out << YAML::Key << p.id.toStdString() << YAML::Value << YAML::BeginMap;
        if (!p.name.isEmpty() && p.name != p.id)
            out << YAML::Key << "name" << YAML::Value << p.name.toStdString();
        if (!p.baseImage.isEmpty())
            out << YAML::Key << "base_image" << YAML::Value << p.baseImage.toStdString();
        if (!p.variablesJson.isEmpty())
            out << YAML::Key << "variables" << YAML::Value << p.variablesJson.toStdString();
        if (!p.bootOrder.isEmpty()) {
            out << YAML::Key << "boot_order" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (const auto &b : p.bootOrder)
                out << YAML::DoubleQuoted << b.toStdString();
            out << YAML::EndSeq;
        }
        if (!p.settings.isEmpty()) {
            out << YAML::Key << "settings" << YAML::Value << YAML::BeginMap;
            for (auto it = p.settings.cbegin(); it != p.settings.cend(); ++it)
                out << YAML::Key << it.key().toStdString() << YAML::Value << it.value().toStdString();
            out << YAML::EndMap;
        }
        if (!p.bootFilesDir.isEmpty())
            out << YAML::Key << "boot_files" << YAML::Value << p.bootFilesDir.toStdString();
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

} // namespace config
