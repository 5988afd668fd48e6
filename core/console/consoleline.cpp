#include "consoleline.h"

QJsonObject ConsoleLine::toJson() const
{
    QJsonObject o{{QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("origin"), origin},
                  {QStringLiteral("text"), text}};
    if (mac.isValid())
        o.insert(QStringLiteral("mac"), mac.toString());
    if (!source.isNull())
        o.insert(QStringLiteral("source"), source.toString());
    if (severity >= 0)
        o.insert(QStringLiteral("severity"), severity);
    if (!tag.isEmpty())
        o.insert(QStringLiteral("tag"), tag);
    if (hasSeq)
        o.insert(QStringLiteral("seq"), qint64(seq));
    if (sentTime.isValid())
        o.insert(QStringLiteral("sent"), sentTime.toUTC().toString(Qt::ISODateWithMs));
    if (uptimeUs)
        o.insert(QStringLiteral("uptime_us"), qint64(uptimeUs));
    return o;
}

QString ConsoleLine::toLogLine() const
{
    QString line = time.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(' ') + origin;
    if (severity >= 0)
        line += QStringLiteral(" <%1>").arg(severity);
    if (!tag.isEmpty())
        line += QLatin1Char(' ') + tag + QLatin1Char(':');
    return line + QLatin1Char(' ') + text;
}
