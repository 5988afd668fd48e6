#include "journalevent.h"

#include <QJsonArray>

#include <cmath>
#include <cstdio>
#include <ctime>

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

namespace {

void appendEscaped(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (u < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", u);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendValue(QByteArray &out, const QJsonValue &v);

void appendObject(QByteArray &out, const QJsonObject &o)
{
    out += '{';
    bool first = true;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!first)
            out += ',';
        first = false;
        appendEscaped(out, it.key());
        out += ':';
        appendValue(out, it.value());
    }
    out += '}';
}

void appendValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: out += v.toBool() ? "true" : "false"; break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == double(qint64(d)) && std::abs(d) < 9.0e15)
            out += QByteArray::number(qint64(d));
        else if (std::isfinite(d))
            out += QByteArray::number(d, 'g', 17);
        else
            out += "null";
        break;
    }
    case QJsonValue::String: appendEscaped(out, v.toString()); break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            appendValue(out, a.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: appendObject(out, v.toObject()); break;
    case QJsonValue::Null:
    case QJsonValue::Undefined: out += "null"; break;
    }
}

// ISO 8601 UTC with milliseconds, as Qt::ISODateWithMs writes it ("2026-11-22T03:45:12.345Z").
void appendTime(QByteArray &out, const QDateTime &time)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    const std::time_t secs = std::time_t(ms / 1000 - (ms % 1000 < 0 ? 1 : 0));
    const int millis = int(((ms % 1000) + 1000) % 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[80];
    std::snprintf(buf, sizeof buf, "\"%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\"", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
    out += buf;
}

} // namespace

QByteArray JournalEvent::toJsonLine() const
{
    QByteArray out;
    out.reserve(256);
    out += "{\"seq\":";
    out += QByteArray::number(seq);
    out += ",\"time\":";
    appendTime(out, time);
    if (mac.isValid()) {
        out += ",\"mac\":\"";
        out += mac.toString().toLatin1();
        out += '"';
    }
    if (!client.isNull()) {
        out += ",\"client\":";
        appendEscaped(out, client.toString());
    }
    out += ",\"source\":";
    appendEscaped(out, source);
    out += ",\"kind\":";
    appendEscaped(out, kind);
    out += ",\"severity\":\"";
    out += journalseverity::toString(severity).toLatin1();
    out += "\",\"message\":";
    appendEscaped(out, message);
    if (stage != BootStage::Unknown) {
        out += ",\"stage\":\"";
        out += bootstage::toString(stage).toLatin1();
        out += '"';
    }
    if (!data.isEmpty()) {
        out += ",\"data\":";
        appendObject(out, data);
    }
    out += '}';
    return out;
}
