#include "seedimport.h"

#include "labconfigloader.h"
#include "yamlreader.h"

#include <QFile>

namespace SeedImport {

namespace {

// The seed's Go structs are decoded through JSON (ghodss/yaml), so keys match case-insensitively.
QString canonicalKey(const QString &key, const QStringList &known)
{
    for (const auto &k : known)
        if (k.compare(key, Qt::CaseInsensitive) == 0)
            return k;
    return {};
}

bool loadRoot(const QString &path, YamlReader &reader, YAML::Node *root)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        reader.error(YAML::Mark::null_mark(), {}, QStringLiteral("cannot read file: %1").arg(file.errorString()));
        return false;
    }
    if (file.size() > LabConfigLoader::MaxFileSize) {
        reader.error(YAML::Mark::null_mark(), {}, QStringLiteral("file is too large"));
        return false;
    }
    try {
        *root = YAML::Load(file.readAll().toStdString());
    } catch (const YAML::Exception &e) {
        reader.error(e.mark, {}, QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg)));
        return false;
    }
    return reader.expectMap(*root, {});
}

// Reads the netboot fields common to both formats into `d`.
void readNetboot(YamlReader &r, const YAML::Node &n, const QString &path, DeviceConfig &d, bool camelCase)
{
    const QStringList known = camelCase
        ? QStringList{QStringLiteral("allowPxe"), QStringLiteral("ipxeScriptUrl"), QStringLiteral("ipxeScript"),
                      QStringLiteral("console"), QStringLiteral("facility"), QStringLiteral("osie")}
        : QStringList{QStringLiteral("allow_pxe"), QStringLiteral("ipxe_script_url"), QStringLiteral("ipxe_script"),
                      QStringLiteral("console"), QStringLiteral("facility"), QStringLiteral("osie")};
    if (!r.expectMap(n, path) || !n.IsDefined() || n.IsNull())
        return;
    for (auto it = n.begin(); it != n.end(); ++it) {
        const QString raw = YamlReader::scalar(it->first);
        const QString key = canonicalKey(raw, known);
        const QString kp = YamlReader::join(path, raw);
        const YAML::Node v = it->second;
        const int index = int(known.indexOf(key));
        if (index < 0) {
            r.error(it->first, kp, QStringLiteral("unknown key (expected one of: %1)").arg(known.join(QStringLiteral(", "))));
            continue;
        }
        if (index == 5) { // osie
            if (!r.checkMap(v, kp, {"kernel", "initrd", "cmdline"}))
                continue;
            d.osie.kernel = r.string(v, "kernel", kp, d.osie.kernel);
            d.osie.initrd = r.string(v, "initrd", kp, d.osie.initrd);
            d.osie.cmdline = r.string(v, "cmdline", kp, d.osie.cmdline);
            continue;
        }
        if (v.IsNull())
            continue; // ipxe_script_url: null
        if (!v.IsScalar()) {
            r.error(v, kp, QStringLiteral("expected a plain value"));
            continue;
        }
        const QString value = YamlReader::scalar(v);
        switch (index) {
        case 0: {
            const QString b = value.toLower();
            if (b != QLatin1String("true") && b != QLatin1String("false"))
                r.error(v, kp, QStringLiteral("expected true or false, found '%1'").arg(value.left(40)));
            d.allowPxe = b == QLatin1String("true");
            break;
        }
        case 1: d.ipxeScriptUrl = value; break;
        case 2: d.ipxeScript = value; break;
        case 3: d.console = value; break;
        case 4: d.facility = value; break;
        default: break;
        }
    }
}

DeviceConfig &deviceFor(QList<DeviceConfig> &devices, const MacAddress &mac)
{
    for (auto &d : devices)
        if (d.mac == mac)
            return d;
    DeviceConfig d;
    d.mac = mac;
    devices.append(d);
    return devices.last();
}

// Applies the merged lab only if it validates as a whole.
ConfigErrors commit(const QString &path, LabConfig &lab, const LabConfig &merged, const YamlReader &reader)
{
    if (reader.hasErrors())
        return reader.errors();
    const auto check = LabConfigLoader::loadText(LabConfigWriter::toYaml(merged), path + QStringLiteral(" (merged)"));
    if (!check.ok())
        return check.errors;
    lab = merged;
    return {};
}

} // namespace

ConfigErrors importNetbootYaml(const QString &path, LabConfig &lab, QStringList *notes)
{
    YamlReader r(path);
    YAML::Node root;
    if (!loadRoot(path, r, &root))
        return r.errors();
    LabConfig merged = lab;
    try {
        for (auto it = root.begin(); it != root.end(); ++it) {
            const QString key = YamlReader::scalar(it->first);
            const auto mac = r.mac(it->first, key, key);
            if (!mac)
                continue;
            DeviceConfig &d = deviceFor(merged.devices, *mac);
            readNetboot(r, it->second, key, d, false);
            if (notes)
                notes->append(QStringLiteral("%1: netboot settings imported").arg(mac->toString()));
        }
    } catch (const YAML::Exception &e) {
        r.error(e.mark, {}, QString::fromStdString(e.msg));
    }
    return commit(path, lab, merged, r);
}

ConfigErrors importBackendYaml(const QString &path, LabConfig &lab, QStringList *notes)
{
    static const QStringList known = {
        QStringLiteral("ipAddress"),   QStringLiteral("subnetMask"),   QStringLiteral("defaultGateway"),
        QStringLiteral("nameServers"), QStringLiteral("hostname"),     QStringLiteral("domainName"),
        QStringLiteral("broadcastAddress"), QStringLiteral("ntpServers"), QStringLiteral("vlanID"),
        QStringLiteral("leaseTime"),   QStringLiteral("arch"),         QStringLiteral("domainSearch"),
        QStringLiteral("disabled"),    QStringLiteral("netboot"),      QStringLiteral("power"),
        QStringLiteral("macAddress")};
    YamlReader r(path);
    YAML::Node root;
    if (!loadRoot(path, r, &root))
        return r.errors();
    LabConfig merged = lab;
    try {
        for (auto it = root.begin(); it != root.end(); ++it) {
            const QString macText = YamlReader::scalar(it->first);
            const auto mac = r.mac(it->first, macText, macText);
            if (!mac)
                continue;
            const YAML::Node n = it->second;
            if (!r.expectMap(n, macText) || n.IsNull())
                continue;
            DeviceConfig &d = deviceFor(merged.devices, *mac);
            for (auto f = n.begin(); f != n.end(); ++f) {
                const QString raw = YamlReader::scalar(f->first);
                const QString key = canonicalKey(raw, known);
                const QString kp = YamlReader::join(macText, raw);
                if (key.isEmpty()) {
                    r.error(f->first, kp, QStringLiteral("unknown key (expected one of: %1)")
                                              .arg(known.join(QStringLiteral(", "))));
                    continue;
                }
                const YAML::Node v = f->second;
                if (key == QLatin1String("netboot")) {
                    readNetboot(r, v, kp, d, true);
                } else if (key == QLatin1String("ipAddress")) {
                    d.ip = r.ipv4(n, raw.toStdString().c_str(), macText);
                } else if (key == QLatin1String("hostname")) {
                    const QString h = r.string(n, raw.toStdString().c_str(), macText);
                    if (!h.isEmpty())
                        d.name = h;
                } else if (key == QLatin1String("arch")) {
                    const QString a = r.string(n, raw.toStdString().c_str(), macText);
                    if (!a.isEmpty() && d.model.isEmpty())
                        d.model = a;
                } else if (key == QLatin1String("disabled")) {
                    if (r.boolean(n, raw.toStdString().c_str(), macText, false))
                        d.allowPxe = false;
                } else if (key == QLatin1String("power")) {
                    if (!r.expectMap(v, kp) || v.IsNull())
                        continue;
                    const QString port = r.string(v, "port", kp);
                    const QString deviceId = r.string(v, "device_id", kp);
                    const SwitchConfig *sw = nullptr;
                    for (const auto &s : merged.switches)
                        if (s.id == deviceId || s.options.value(QStringLiteral("device")) == deviceId)
                            sw = &s;
                    if (!sw && merged.switches.size() == 1)
                        sw = &merged.switches.first();
                    if (sw && !port.isEmpty() && port != QLatin1String("0")) {
                        d.power.switchId = sw->id;
                        d.power.port = port;
                    } else if (notes && !port.isEmpty()) {
                        notes->append(QStringLiteral("%1: power port %2 not imported: no matching switch in the lab")
                                          .arg(mac->toString(), port));
                    }
                }
                // subnetMask, defaultGateway, nameServers, domainName, broadcastAddress, ntpServers, vlanID,
                // leaseTime, domainSearch are per-lab pool settings in Metal Boot; they are accepted and
                // reported, not applied per device.
                else if (notes) {
                    notes->append(QStringLiteral("%1: %2 is a pool setting in Metal Boot (services.dhcp.pool); not applied per device")
                                      .arg(mac->toString(), key));
                }
            }
        }
    } catch (const YAML::Exception &e) {
        r.error(e.mark, {}, QString::fromStdString(e.msg));
    }
    return commit(path, lab, merged, r);
}

} // namespace SeedImport
