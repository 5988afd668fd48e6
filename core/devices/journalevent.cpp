#include "journalevent.h"

namespace journalseverity {
QString toString(JournalEvent::Severity s)
{
    switch (s) {
    case JournalEvent::Severity::Warning: return QStringLiteral("warning");
    case JournalEvent::Severity::Error: return QStringLiteral("error");
    case JournalEvent::Severity::Info: break;
    }
    return QStringLiteral("info");
}

JournalEvent::Severity fromString(const QString &s)
{
    if (s == QLatin1String("warning"))
        return JournalEvent::Severity::Warning;
    if (s == QLatin1String("error"))
        return JournalEvent::Severity::Error;
    return JournalEvent::Severity::Info;
}
} // namespace journalseverity

QJsonObject JournalEvent::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("seq"), qint64(seq));
    o.insert(QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs));
    if (mac.isValid())
        o.insert(QStringLiteral("mac"), mac.toString());
    if (!client.isNull())
        o.insert(QStringLiteral("client"), client.toString());
    o.insert(QStringLiteral("source"), source);
    o.insert(QStringLiteral("kind"), kind);
    o.insert(QStringLiteral("severity"), journalseverity::toString(severity));
    o.insert(QStringLiteral("message"), message);
    if (stage != BootStage::Unknown)
        o.insert(QStringLiteral("stage"), bootstage::toString(stage));
    if (!data.isEmpty())
        o.insert(QStringLiteral("data"), data);
    return o;
}

JournalEvent JournalEvent::fromJson(const QJsonObject &o)
{
    JournalEvent e;
    e.seq = quint64(o.value(QStringLiteral("seq")).toInteger());
    e.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    if (auto m = MacAddress::parse(o.value(QStringLiteral("mac")).toString()))
        e.mac = *m;
    e.client = QHostAddress(o.value(QStringLiteral("client")).toString());
    e.source = o.value(QStringLiteral("source")).toString();
    e.kind = o.value(QStringLiteral("kind")).toString();
    e.severity = journalseverity::fromString(o.value(QStringLiteral("severity")).toString());
    e.message = o.value(QStringLiteral("message")).toString();
    e.stage = bootstage::fromString(o.value(QStringLiteral("stage")).toString());
    e.data = o.value(QStringLiteral("data")).toObject();
    return e;
}
