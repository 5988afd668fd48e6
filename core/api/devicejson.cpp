#include "devicejson.h"

#include "config/sections.h"
#include "config/yamlreader.h"

#include <QJsonArray>

#include <cmath>

namespace devicejson {

QJsonObject toJson(const DeviceConfig &d)
{
    QJsonObject o;
    o.insert(QStringLiteral("mac"), d.mac.toString());
    o.insert(QStringLiteral("name"), d.name);
    o.insert(QStringLiteral("serial"), d.serial);
    o.insert(QStringLiteral("model"), d.model);
    o.insert(QStringLiteral("position"), QJsonObject{{QStringLiteral("x"), d.position.x()}, {QStringLiteral("y"), d.position.y()}});
    if (d.power.isSet())
        o.insert(QStringLiteral("power"),
                 QJsonObject{{QStringLiteral("switch"), d.power.switchId}, {QStringLiteral("port"), d.power.port}});
    o.insert(QStringLiteral("profile"), d.profile);
    o.insert(QStringLiteral("boot_mode"), d.bootMode == BootMode::Native ? QStringLiteral("native") : QStringLiteral("uefi"));
    if (!d.ip.isNull())
        o.insert(QStringLiteral("ip"), d.ip.toString());
    o.insert(QStringLiteral("allow_pxe"), d.allowPxe);
    o.insert(QStringLiteral("console"), d.console);
    o.insert(QStringLiteral("facility"), d.facility);
    o.insert(QStringLiteral("ipxe_script"), d.ipxeScript);
    o.insert(QStringLiteral("ipxe_script_url"), d.ipxeScriptUrl.isEmpty() ? QJsonValue() : QJsonValue(d.ipxeScriptUrl));
    o.insert(QStringLiteral("osie"), QJsonObject{{QStringLiteral("kernel"), d.osie.kernel},
                                                 {QStringLiteral("initrd"), d.osie.initrd},
                                                 {QStringLiteral("cmdline"), d.osie.cmdline}});
    if (d.isVirtual && d.virtualFaults.any()) {
        // The same shape as lab.yaml: a fault block means virtual.
        const VirtualFaultsConfig &f = d.virtualFaults;
        QJsonObject faults;
        if (f.packetLossPercent > 0)
            faults.insert(QStringLiteral("packet_loss"), f.packetLossPercent);
        if (f.delayMs > 0)
            faults.insert(QStringLiteral("delay_ms"), f.delayMs);
        if (f.corruptPercent > 0)
            faults.insert(QStringLiteral("corrupt"), f.corruptPercent);
        if (!f.badFile.isEmpty())
            faults.insert(QStringLiteral("bad_file"), f.badFile);
        o.insert(QStringLiteral("virtual"), faults);
    } else {
        o.insert(QStringLiteral("virtual"), d.isVirtual);
    }
    o.insert(QStringLiteral("netconsole"), d.netconsole);
    if (!d.serialPort.isEmpty())
        o.insert(QStringLiteral("serial_console"),
                 QJsonObject{{QStringLiteral("port"), d.serialPort}, {QStringLiteral("baud"), d.serialBaud}});
    QJsonObject settings;
    for (auto it = d.firmwareSettings.cbegin(); it != d.firmwareSettings.cend(); ++it)
        settings.insert(it.key(), it.value());
    o.insert(QStringLiteral("firmware_settings"), settings);
    return o;
}

static YAML::Node toYaml(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object: {
        YAML::Node n(YAML::NodeType::Map);
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            n[it.key().toStdString()] = toYaml(it.value());
        return n;
    }
    case QJsonValue::Array: {
        YAML::Node n(YAML::NodeType::Sequence);
        for (const auto &item : v.toArray())
            n.push_back(toYaml(item));
        return n;
    }
    case QJsonValue::Bool: return YAML::Node(v.toBool() ? "true" : "false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        // Integral values in qint64's range print as integers (ports, counts); anything else
        // (1e300, 2.5) as a float. Casting an out-of-range double is undefined behaviour.
        if (std::isfinite(d) && std::abs(d) < 9.2e18 && d == std::trunc(d))
            return YAML::Node(QByteArray::number(qint64(d)).toStdString());
        return YAML::Node(QByteArray::number(d, 'g', 17).toStdString());
    }
    case QJsonValue::String: return YAML::Node(v.toString().toStdString());
    case QJsonValue::Null:
    case QJsonValue::Undefined: break;
    }
    return YAML::Node(YAML::NodeType::Null);
}

bool fromJson(const QJsonObject &object, const MacAddress &mac, DeviceConfig *out, ConfigErrors *errors)
{
    QJsonObject body = object;
    body.remove(QStringLiteral("mac"));
    YamlReader reader(QString{});
    const YAML::Node node = toYaml(body);
    const DeviceConfig d = config::parseDevice(reader, node, mac, QString());
    if (reader.hasErrors()) {
        if (errors)
            *errors = reader.errors();
        return false;
    }
    *out = d;
    return true;
}

QJsonObject mergePatch(QJsonObject target, const QJsonObject &patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull()) {
            target.remove(it.key());
        } else if (it.value().isObject() && target.value(it.key()).isObject()) {
            target.insert(it.key(), mergePatch(target.value(it.key()).toObject(), it.value().toObject()));
        } else {
            target.insert(it.key(), it.value());
        }
    }
    return target;
}

} // namespace devicejson
