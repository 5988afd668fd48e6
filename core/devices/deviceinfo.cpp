#include "deviceinfo.h"

static QString isoOrEmpty(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject DeviceInfo::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("mac"), mac.toString());
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("serial"), serial);
    o.insert(QStringLiteral("model"), model);
    o.insert(QStringLiteral("adopted"), adopted);
    o.insert(QStringLiteral("virtual"), isVirtual);
    o.insert(QStringLiteral("profile"), profile);
    if (powerBinding.isSet())
        o.insert(QStringLiteral("power_binding"),
                 QJsonObject{{QStringLiteral("switch"), powerBinding.switchId}, {QStringLiteral("port"), powerBinding.port}});
    o.insert(QStringLiteral("position"), QJsonObject{{QStringLiteral("x"), position.x()}, {QStringLiteral("y"), position.y()}});
    o.insert(QStringLiteral("lifecycle"), lifecycle);
    o.insert(QStringLiteral("stage"), bootstage::toString(stage));
    o.insert(QStringLiteral("stage_detail"), stageDetail);
    o.insert(QStringLiteral("stage_since"), isoOrEmpty(stageSince));
    o.insert(QStringLiteral("power"), powerstate::toString(power));
    if (powerWatts >= 0)
        o.insert(QStringLiteral("power_watts"), powerWatts);
    o.insert(QStringLiteral("ip"), ip.isNull() ? QString() : ip.toString());
    o.insert(QStringLiteral("first_seen"), isoOrEmpty(firstSeen));
    o.insert(QStringLiteral("last_seen"), isoOrEmpty(lastSeen));
    o.insert(QStringLiteral("last_event"), lastEvent);
    return o;
}
