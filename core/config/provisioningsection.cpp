#include "sections.h"

#include <QRegularExpression>

namespace config {

// A file name inside a served directory: no path separators tricks, no whitespace (it may end
// up in config.txt or on a kernel command line).
static bool isSafeRelativeFile(const QString &name)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9._+-]+(/[A-Za-z0-9._+-]+)*$)"));
    if (name.size() > 255 || !re.match(name).hasMatch())
        return false;
    const QStringList parts = name.split(QLatin1Char('/'));
    for (const QString &p : parts)
        if (p == QLatin1String("..") || p == QLatin1String("."))
            return false;
    return true;
}

static void parseTalos(YamlReader &r, const YAML::Node &n, TalosConfig &out)
{
    const QString path = QStringLiteral("provisioning.talos");
    if (!r.checkMap(n, path, {"factory_url", "cache_dir", "cache_size_mb", "timeout"}))
        return;
    out.factoryUrl = r.string(n, "factory_url", path);
    while (out.factoryUrl.endsWith(QLatin1Char('/')))
        out.factoryUrl.chop(1);
    if (!out.factoryUrl.isEmpty()
        && ((!out.factoryUrl.startsWith(QLatin1String("http://")) && !out.factoryUrl.startsWith(QLatin1String("https://")))
            || out.factoryUrl.contains(QLatin1Char(' ')) || out.factoryUrl.size() > 1024))
        r.error(YamlReader::child(n, "factory_url"), YamlReader::join(path, QStringLiteral("factory_url")),
                QStringLiteral("expected an http:// or https:// URL such as https://factory.talos.dev"));
    out.cacheDir = r.path(n, "cache_dir", path);
    out.cacheSizeMiB = r.integer(n, "cache_size_mb", path, 1, 16 * 1024 * 1024, out.cacheSizeMiB);
    out.timeoutSeconds = int(r.integer(n, "timeout", path, 5, 3600, out.timeoutSeconds));
}

void parseProvisioning(YamlReader &r, const YAML::Node &n, ProvisioningConfig &out)
{
    const QString path = QStringLiteral("provisioning");
    if (!r.checkMap(n, path, {"workflows_dir", "deploy_dir", "deploy_kernel", "deploy_initrd", "ipa_kernel",
                              "ipa_ramdisk", "auto_register", "max_discovered", "talos"}))
        return;
    out.workflowsDir = r.path(n, "workflows_dir", path);
    out.deployDir = r.path(n, "deploy_dir", path);
    const auto file = [&](const char *key, QString &value) {
        value = r.string(n, key, path, value);
        if (!isSafeRelativeFile(value))
            r.error(YamlReader::child(n, key), YamlReader::join(path, QString::fromLatin1(key)),
                    QStringLiteral("expected a relative file name (letters, digits, '.', '_', '+', '-', '/'), found '%1'")
                        .arg(value.left(60)));
    };
    file("deploy_kernel", out.deployKernel);
    file("deploy_initrd", out.deployInitrd);
    file("ipa_kernel", out.ipaKernel);
    file("ipa_ramdisk", out.ipaRamdisk);
    out.autoRegister = r.boolean(n, "auto_register", path, out.autoRegister);
    out.maxDiscovered = int(r.integer(n, "max_discovered", path, 0, 100000, out.maxDiscovered));
    parseTalos(r, YamlReader::child(n, "talos"), out.talos);
}

void writeProvisioning(YAML::Emitter &out, const ProvisioningConfig &p)
{
    const ProvisioningConfig d;
    out << YAML::BeginMap;
    if (!p.workflowsDir.isEmpty())
        out << YAML::Key << "workflows_dir" << YAML::Value << p.workflowsDir.toStdString();
    if (!p.deployDir.isEmpty())
        out << YAML::Key << "deploy_dir" << YAML::Value << p.deployDir.toStdString();
    if (p.deployKernel != d.deployKernel)
        out << YAML::Key << "deploy_kernel" << YAML::Value << p.deployKernel.toStdString();
    if (p.deployInitrd != d.deployInitrd)
        out << YAML::Key << "deploy_initrd" << YAML::Value << p.deployInitrd.toStdString();
    if (p.ipaKernel != d.ipaKernel)
        out << YAML::Key << "ipa_kernel" << YAML::Value << p.ipaKernel.toStdString();
    if (p.ipaRamdisk != d.ipaRamdisk)
        out << YAML::Key << "ipa_ramdisk" << YAML::Value << p.ipaRamdisk.toStdString();
    out << YAML::Key << "auto_register" << YAML::Value << p.autoRegister;
    if (p.maxDiscovered != d.maxDiscovered)
        out << YAML::Key << "max_discovered" << YAML::Value << p.maxDiscovered;
    const TalosConfig &t = p.talos;
    if (!t.factoryUrl.isEmpty() || !t.cacheDir.isEmpty() || t.cacheSizeMiB != d.talos.cacheSizeMiB
        || t.timeoutSeconds != d.talos.timeoutSeconds) {
        out << YAML::Key << "talos" << YAML::Value << YAML::BeginMap;
        if (!t.factoryUrl.isEmpty())
            out << YAML::Key << "factory_url" << YAML::Value << t.factoryUrl.toStdString();
        if (!t.cacheDir.isEmpty())
            out << YAML::Key << "cache_dir" << YAML::Value << t.cacheDir.toStdString();
        out << YAML::Key << "cache_size_mb" << YAML::Value << t.cacheSizeMiB;
        if (t.timeoutSeconds != d.talos.timeoutSeconds)
            out << YAML::Key << "timeout" << YAML::Value << t.timeoutSeconds;
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

bool isDefaultProvisioning(const ProvisioningConfig &p)
{
    const ProvisioningConfig d;
    return p.workflowsDir == d.workflowsDir && p.deployDir == d.deployDir && p.deployKernel == d.deployKernel
        && p.deployInitrd == d.deployInitrd && p.ipaKernel == d.ipaKernel && p.ipaRamdisk == d.ipaRamdisk
        && p.autoRegister == d.autoRegister && p.maxDiscovered == d.maxDiscovered
        && p.talos.factoryUrl == d.talos.factoryUrl && p.talos.cacheDir == d.talos.cacheDir
        && p.talos.cacheSizeMiB == d.talos.cacheSizeMiB && p.talos.timeoutSeconds == d.talos.timeoutSeconds;
}

} // namespace config
