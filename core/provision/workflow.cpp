#include "workflow.h"

#include "config/yamlreader.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace provision {

QString installMethodName(InstallMethod method)
{
    switch (method) {
    case InstallMethod::Image: return QStringLiteral("image");
    case InstallMethod::Nfs: return QStringLiteral("nfs");
    case InstallMethod::Script: return QStringLiteral("script");
    }
    return QStringLiteral("image");
}

bool isCmdlineValue(const QString &value, int maxLength)
{
    if (value.isEmpty() || value.size() > maxLength)
        return false;
    for (const QChar c : value) {
        const ushort u = c.unicode();
        if (u <= 0x20 || u >= 0x7f || c == QLatin1Char('"') || c == QLatin1Char('\''))
            return false;
    }
    return true;
}

namespace {

bool isUrlOrServerPath(const QString &v)
{
    if (!isCmdlineValue(v, 2048))
        return false;
    if (v.startsWith(QLatin1String("http://")) || v.startsWith(QLatin1String("https://")))
        return v.size() > 8;
    // A path on our own HTTP service ("/images/ubuntu.img"), resolved against its base URL.
    return v.startsWith(QLatin1Char('/')) && !v.contains(QLatin1String("/../")) && !v.endsWith(QLatin1String("/.."));
}

bool isRelativeFile(const QString &v)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9._+-]+(/[A-Za-z0-9._+-]+)*$)"));
    if (v.size() > 255 || !re.match(v).hasMatch())
        return false;
    for (const QString &p : v.split(QLatin1Char('/')))
        if (p == QLatin1String("..") || p == QLatin1String("."))
            return false;
    return true;
}

bool isAbsolutePath(const QString &v)
{
    static const QRegularExpression re(QStringLiteral(R"(^(/[A-Za-z0-9._+-]+)+/?$)"));
    if (v.size() > 1024 || !re.match(v).hasMatch())
        return false;
    for (const QString &p : v.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        if (p == QLatin1String("..") || p == QLatin1String("."))
            return false;
    return true;
}

bool isHostOrIp(const QString &v)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$)"));
    return re.match(v).hasMatch();
}

// An exports(5) client: host, IPv4 address, IPv4/prefix, or '*'.
bool isExportsClient(const QString &v)
{
    if (v == QLatin1String("*"))
        return true;
    const qsizetype slash = v.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return isHostOrIp(v);
    QHostAddress a;
    bool ok = false;
    const int prefix = v.mid(slash + 1).toInt(&ok);
    return a.setAddress(v.left(slash)) && a.protocol() == QAbstractSocket::IPv4Protocol && ok && prefix >= 0
        && prefix <= 32;
}

// Keys config.txt lines must not set: the boot files are decided by the lifecycle state.
const char *const ManagedConfigKeys[] = {"kernel", "initramfs", "arm_64bit", "device_tree", "cmdline",
                                         "os_prefix", "armstub", "ramfsfile"};

QString checkConfigTxtLine(const QString &line)
{
    if (line.size() > 200)
        return QStringLiteral("a config.txt line is at most 200 characters");
    for (const QChar c : line)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return QStringLiteral("config.txt lines must not contain control characters");
    if (line.trimmed().isEmpty())
        return QStringLiteral("empty config.txt line");
    const QString key = line.section(QLatin1Char('='), 0, 0).section(QLatin1Char(' '), 0, 0).trimmed().toLower();
    for (const char *k : ManagedConfigKeys)
        if (key == QLatin1String(k))
            return QStringLiteral("'%1' is set by Metal Boot per lifecycle state and cannot be overridden").arg(key);
    return {};
}

} // namespace

QJsonObject Workflow::toJson() const
{
    QJsonArray steps;
    for (const PostInstallStep &s : postInstall) {
        if (!s.name.isEmpty())
            steps.append(s.name);
        else
            steps.append(QJsonObject{{QStringLiteral("script"), s.script}, {QStringLiteral("args"), s.args}});
    }
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("install_method"), installMethodName(method)},
                  {QStringLiteral("file"), sourceFile}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    if (!arch.isEmpty())
        o.insert(QStringLiteral("arch"), arch);
    switch (method) {
    case InstallMethod::Image:
        o.insert(QStringLiteral("image_url"), imageUrl);
        if (!imageChecksum.isEmpty())
            o.insert(QStringLiteral("image_checksum"), imageChecksum);
        o.insert(QStringLiteral("target_device"), targetDevice);
        break;
    case InstallMethod::Nfs:
        o.insert(QStringLiteral("nfs_server"), nfsServer);
        o.insert(QStringLiteral("nfs_base_path"), nfsBasePath);
        o.insert(QStringLiteral("nfs_image"), nfsImage);
        if (!nfsClients.isEmpty())
            o.insert(QStringLiteral("nfs_clients"), nfsClients);
        o.insert(QStringLiteral("nfs_options"), nfsOptions);
        break;
    case InstallMethod::Script:
        o.insert(QStringLiteral("script_url"), scriptUrl);
        if (!scriptArgs.isEmpty())
            o.insert(QStringLiteral("script_args"), scriptArgs);
        break;
    }
    if (!postInstall.isEmpty())
        o.insert(QStringLiteral("post_install"), steps);
    if (!kernel.isEmpty())
        o.insert(QStringLiteral("kernel"), kernel);
    if (!initrd.isEmpty())
        o.insert(QStringLiteral("initrd"), initrd);
    if (!cmdline.isEmpty())
        o.insert(QStringLiteral("cmdline"), cmdline);
    if (!configTxt.isEmpty())
        o.insert(QStringLiteral("config_txt"), QJsonArray::fromStringList(configTxt));
    return o;
}

bool Workflow::fitsArch(const QString &deviceArch) const
{
    return arch.isEmpty() || deviceArch.isEmpty() || arch == deviceArch;
}

static Workflow parseRoot(YamlReader &r, const YAML::Node &n)
{
    Workflow w;
    const QString p;   // keys are top-level in a workflow file
    if (!n.IsDefined() || n.IsNull() || !n.IsMap()) {
        r.error(n, QString(), QStringLiteral("a workflow file must be a mapping with at least 'id' and 'install_method'"));
        return w;
    }
    if (!r.checkMap(n, p, {"id", "name", "description", "arch", "install_method", "image_url", "image_checksum",
                           "target_device", "post_install", "nfs_server", "nfs_base_path", "nfs_image", "nfs_clients",
                           "nfs_options", "script_url", "script_args", "kernel", "initrd", "cmdline", "config_txt"}))
        return w;

    static const QRegularExpression idRe(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,62}$"));
    w.id = r.string(n, "id", p, {}, true);
    if (!w.id.isEmpty() && !idRe.match(w.id).hasMatch())
        r.error(YamlReader::child(n, "id"), QStringLiteral("id"),
                QStringLiteral("expected 1 to 63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
    w.name = r.string(n, "name", p, w.id);
    if (w.name.size() > 200)
        r.error(YamlReader::child(n, "name"), QStringLiteral("name"), QStringLiteral("name is longer than 200 characters"));
    w.description = r.string(n, "description", p);
    const int arch = r.choice(n, "arch", p, {"aarch64", "x86_64", "any"}, 2);
    w.arch = arch == 0 ? QStringLiteral("aarch64") : arch == 1 ? QStringLiteral("x86_64") : QString();

    const YAML::Node methodNode = YamlReader::child(n, "install_method");
    if (!methodNode.IsDefined() || methodNode.IsNull())
        r.error(n, QStringLiteral("install_method"), QStringLiteral("required key is missing (image, nfs or script)"));
    switch (r.choice(n, "install_method", p, {"image", "nfs", "script"}, 0)) {
    case 1: w.method = InstallMethod::Nfs; break;
    case 2: w.method = InstallMethod::Script; break;
    default: w.method = InstallMethod::Image; break;
    }

    const auto need = [&](const char *key, const QString &value, const QString &why) {
        if (value.isEmpty())
            r.error(n, QString::fromLatin1(key), QStringLiteral("required for install_method %1: %2")
                                                     .arg(installMethodName(w.method), why));
    };
    const auto checkUrl = [&](const char *key, const QString &value) {
        if (!value.isEmpty() && !isUrlOrServerPath(value))
            r.error(YamlReader::child(n, key), QString::fromLatin1(key),
                    QStringLiteral("expected an http(s):// URL or a /path on the lab's HTTP service, without spaces "
                                   "or quotes (it goes on the kernel command line)"));
    };

    w.imageUrl = r.string(n, "image_url", p);
    checkUrl("image_url", w.imageUrl);
    w.imageChecksum = r.string(n, "image_checksum", p);
    static const QRegularExpression sumRe(QStringLiteral("^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$"));
    if (!w.imageChecksum.isEmpty() && !sumRe.match(w.imageChecksum).hasMatch())
        r.error(YamlReader::child(n, "image_checksum"), QStringLiteral("image_checksum"),
                QStringLiteral("expected sha256:<64 hex digits> or sha512:<128 hex digits>"));
    w.targetDevice = r.string(n, "target_device", p, w.targetDevice);
    static const QRegularExpression devRe(QStringLiteral("^/dev/[A-Za-z0-9/_.:-]{1,120}$"));
    if (!devRe.match(w.targetDevice).hasMatch() || w.targetDevice.contains(QLatin1String("..")))
        r.error(YamlReader::child(n, "target_device"), QStringLiteral("target_device"),
                QStringLiteral("expected a device path such as /dev/mmcblk0 or /dev/disk/by-id/..."));

    const YAML::Node post = YamlReader::child(n, "post_install");
    if (r.expectSequence(post, QStringLiteral("post_install")) && post.IsDefined() && post.IsSequence()) {
        static const QRegularExpression stepRe(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,62}$"));
        for (const auto &item : post) {
            PostInstallStep step;
            if (item.IsScalar()) {
                step.name = YamlReader::scalar(item);
                if (!stepRe.match(step.name).hasMatch())
                    r.error(item, QStringLiteral("post_install"),
                            QStringLiteral("a step name is 1 to 63 lower-case letters, digits, '_' or '-'; found '%1'")
                                .arg(step.name.left(40)));
            } else if (item.IsMap()) {
                if (!r.checkMap(item, QStringLiteral("post_install"), {"script", "args"}))
                    continue;
                step.script = r.string(item, "script", QStringLiteral("post_install"), {}, true);
                step.args = r.string(item, "args", QStringLiteral("post_install"));
                if (!step.script.isEmpty() && !isRelativeFile(step.script) && !isUrlOrServerPath(step.script))
                    r.error(YamlReader::child(item, "script"), QStringLiteral("post_install.script"),
                            QStringLiteral("expected a script file name or URL"));
                if (step.args.size() > 1024 || step.args.contains(QLatin1Char('\n')))
                    r.error(YamlReader::child(item, "args"), QStringLiteral("post_install.args"),
                            QStringLiteral("arguments are one line of at most 1024 characters"));
            } else {
                r.error(item, QStringLiteral("post_install"), QStringLiteral("expected a step name or {script, args}"));
                continue;
            }
            w.postInstall.append(step);
        }
        if (w.postInstall.size() > 64)
            r.error(post, QStringLiteral("post_install"), QStringLiteral("at most 64 post-install steps"));
    }

    w.nfsServer = r.string(n, "nfs_server", p);
    if (!w.nfsServer.isEmpty() && !isHostOrIp(w.nfsServer))
        r.error(YamlReader::child(n, "nfs_server"), QStringLiteral("nfs_server"), QStringLiteral("expected a host name or IPv4 address"));
    w.nfsBasePath = r.string(n, "nfs_base_path", p, w.nfsBasePath);
    if (!isAbsolutePath(w.nfsBasePath))
        r.error(YamlReader::child(n, "nfs_base_path"), QStringLiteral("nfs_base_path"),
                QStringLiteral("expected an absolute path such as /nfsroot"));
    while (w.nfsBasePath.size() > 1 && w.nfsBasePath.endsWith(QLatin1Char('/')))
        w.nfsBasePath.chop(1);
    w.nfsImage = r.string(n, "nfs_image", p);
    if (!w.nfsImage.isEmpty() && !isRelativeFile(w.nfsImage))
        r.error(YamlReader::child(n, "nfs_image"), QStringLiteral("nfs_image"),
                QStringLiteral("expected a directory name below <nfs_base_path>/base"));
    w.nfsClients = r.string(n, "nfs_clients", p);
    if (!w.nfsClients.isEmpty() && !isExportsClient(w.nfsClients))
        r.error(YamlReader::child(n, "nfs_clients"), QStringLiteral("nfs_clients"),
                QStringLiteral("expected '*', a host, an IPv4 address or an IPv4 network like 192.168.1.0/24"));
    w.nfsOptions = r.string(n, "nfs_options", p, w.nfsOptions);
    static const QRegularExpression optRe(QStringLiteral("^[a-z0-9_=,:./-]{1,200}$"));
    if (!optRe.match(w.nfsOptions).hasMatch())
        r.error(YamlReader::child(n, "nfs_options"), QStringLiteral("nfs_options"),
                QStringLiteral("expected export options such as rw,sync,no_subtree_check,no_root_squash"));

    w.scriptUrl = r.string(n, "script_url", p);
    checkUrl("script_url", w.scriptUrl);
    w.scriptArgs = r.string(n, "script_args", p);
    if (w.scriptArgs.size() > 1024 || w.scriptArgs.contains(QLatin1Char('\n')))
        r.error(YamlReader::child(n, "script_args"), QStringLiteral("script_args"),
                QStringLiteral("arguments are one line of at most 1024 characters"));

    w.kernel = r.string(n, "kernel", p);
    if (!w.kernel.isEmpty() && !isRelativeFile(w.kernel))
        r.error(YamlReader::child(n, "kernel"), QStringLiteral("kernel"),
                QStringLiteral("expected a file below the TFTP root, e.g. nfs/vmlinuz"));
    w.initrd = r.string(n, "initrd", p);
    if (!w.initrd.isEmpty() && !isRelativeFile(w.initrd))
        r.error(YamlReader::child(n, "initrd"), QStringLiteral("initrd"),
                QStringLiteral("expected a file below the TFTP root, e.g. nfs/initrd.img"));
    w.cmdline = r.string(n, "cmdline", p).simplified();
    if (w.cmdline.size() > 1024)
        r.error(YamlReader::child(n, "cmdline"), QStringLiteral("cmdline"), QStringLiteral("at most 1024 characters"));
    for (const QString &arg : w.cmdline.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (!isCmdlineValue(arg)) {
            r.error(YamlReader::child(n, "cmdline"), QStringLiteral("cmdline"),
                    QStringLiteral("kernel arguments must be printable and unquoted; found '%1'").arg(arg.left(40)));
            break;
        }

    const YAML::Node cfg = YamlReader::child(n, "config_txt");
    if (r.expectSequence(cfg, QStringLiteral("config_txt")) && cfg.IsDefined() && cfg.IsSequence()) {
        for (const auto &item : cfg) {
            if (!item.IsScalar()) {
                r.error(item, QStringLiteral("config_txt"), QStringLiteral("expected one config.txt line per item"));
                continue;
            }
            const QString line = YamlReader::scalar(item);
            const QString why = checkConfigTxtLine(line);
            if (!why.isEmpty())
                r.error(item, QStringLiteral("config_txt"), why);
            else
                w.configTxt.append(line);
        }
    }

    switch (w.method) {
    case InstallMethod::Image:
        need("image_url", w.imageUrl, QStringLiteral("the disk image to write"));
        break;
    case InstallMethod::Nfs:
        need("nfs_server", w.nfsServer, QStringLiteral("the NFS server holding the root filesystems"));
        need("nfs_image", w.nfsImage, QStringLiteral("the base root filesystem below <nfs_base_path>/base"));
        need("kernel", w.kernel, QStringLiteral("the kernel the diskless node boots (below the TFTP root)"));
        break;
    case InstallMethod::Script:
        need("script_url", w.scriptUrl, QStringLiteral("the install script the deploy agent runs"));
        break;
    }
    return w;
}

WorkflowParseResult parseWorkflow(const QByteArray &yaml, const QString &fileName)
{
    WorkflowParseResult result;
    YamlReader reader(fileName);
    if (yaml.size() > MaxWorkflowFileSize) {
        result.errors.append({fileName, 0, 0, {}, QStringLiteral("file is larger than %1 bytes").arg(MaxWorkflowFileSize)});
        return result;
    }
    if (yaml.contains('\0')) {
        result.errors.append({fileName, 0, 0, {}, QStringLiteral("file contains a NUL byte (not a text file)")});
        return result;
    }
    // yaml-cpp recurses on flow collections: refuse absurd nesting before parsing.
    int depth = 0, maxDepth = 0;
    for (const char ch : yaml) {
        if (ch == '[' || ch == '{')
            maxDepth = qMax(maxDepth, ++depth);
        else if ((ch == ']' || ch == '}') && depth > 0)
            --depth;
    }
    if (maxDepth > 32) {
        result.errors.append({fileName, 0, 0, {}, QStringLiteral("nesting deeper than 32 levels")});
        return result;
    }
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        ConfigError err{fileName, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1, {},
                        QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg))};
        result.errors.append(err);
        return result;
    }
    Workflow w;
    try {
        w = parseRoot(reader, root);
    } catch (const YAML::Exception &e) {
        reader.error(e.mark, QString(), QStringLiteral("invalid YAML structure: %1").arg(QString::fromStdString(e.msg)));
    }
    result.errors = reader.errors();
    if (result.errors.isEmpty()) {
        w.sourceFile = fileName;
        result.workflow = w;
    }
    return result;
}

QString nfsNodePath(const Workflow &workflow, const QString &serial)
{
    return workflow.nfsBasePath + QStringLiteral("/nodes/") + serial;
}

QString nfsBaseImagePath(const Workflow &workflow)
{
    return workflow.nfsBasePath + QStringLiteral("/base/") + workflow.nfsImage;
}

QString nfsExportsLine(const Workflow &workflow, const QString &serial, const QHostAddress &nodeIp, QString *error)
{
    QString client;
    if (!nodeIp.isNull() && nodeIp.protocol() == QAbstractSocket::IPv4Protocol)
        client = nodeIp.toString();
    else
        client = workflow.nfsClients;
    if (client.isEmpty()) {
        if (error)
            *error = QStringLiteral("the node's address is unknown and the workflow sets no nfs_clients");
        return {};
    }
    return QStringLiteral("%1 %2(%3)").arg(nfsNodePath(workflow, serial), client, workflow.nfsOptions);
}

} // namespace provision
