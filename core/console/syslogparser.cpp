#include "syslogparser.h"

#include <QStringList>
#include <QTimeZone>

namespace syslogmsg {

namespace {

QString clean(const QByteArray &bytes)
{
    QByteArray b = bytes;
    if (b.startsWith("\xEF\xBB\xBF"))   // RFC 5424 BOM before a UTF-8 MSG
        b.remove(0, 3);
    while (!b.isEmpty() && (b.endsWith('\n') || b.endsWith('\r') || b.endsWith('\0')))
        b.chop(1);
    const QString s = QString::fromUtf8(b);
    QString out;
    out.reserve(s.size());
    for (const QChar ch : s)
        if (ch == QLatin1Char('\t') || !(ch.unicode() < 0x20 || ch.unicode() == 0x7f))
            out.append(ch);
    return out;
}

// One space-delimited token starting at *pos (advances past it and one space).
QByteArray token(const QByteArray &data, qsizetype *pos)
{
    const qsizetype start = *pos;
    qsizetype end = data.indexOf(' ', start);
    if (end < 0)
        end = data.size();
    *pos = end < data.size() ? end + 1 : end;
    return data.mid(start, end - start);
}

bool isPrintableToken(const QByteArray &t, int maxLen)
{
    if (t.isEmpty() || t.size() > maxLen)
        return false;
    for (const char c : t)
        if (c < 33 || c > 126)
            return false;
    return true;
}

QDateTime parseRfc3339(const QByteArray &ts)
{
    if (ts.size() < 19 || ts.size() > 40)
        return {};
    QByteArray t = ts;
    // Qt parses milliseconds; RFC 5424 allows up to 6 fraction digits: keep 3.
    const qsizetype dot = t.indexOf('.');
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < t.size() && t.at(end) >= '0' && t.at(end) <= '9')
            ++end;
        QByteArray frac = t.mid(dot + 1, end - dot - 1);
        if (frac.isEmpty())
            return {};
        frac = frac.left(3).leftJustified(3, '0');
        t = t.left(dot + 1) + frac + t.mid(end);
    }
    const QDateTime dt = QDateTime::fromString(QString::fromLatin1(t), Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

// "Nov 22 01:34:38" (day space-padded). The year is the one that puts the date closest to now.
QDateTime parseRfc3164Time(const QByteArray &ts, const QDateTime &now)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (ts.size() != 15 || ts.at(3) != ' ' || ts.at(6) != ' ' || ts.at(9) != ':' || ts.at(12) != ':')
        return {};
    int month = 0;
    for (int i = 0; i < 12; ++i)
        if (ts.left(3) == months[i])
            month = i + 1;
    if (!month)
        return {};
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    const int day = ts.mid(4, 2).trimmed().toInt(&ok1);
    const int h = ts.mid(7, 2).toInt(&ok2);
    const int m = ts.mid(10, 2).toInt(&ok3);
    const int s = ts.mid(13, 2).toInt(&ok4);
    if (!ok1 || !ok2 || !ok3 || !ok4)
        return {};
    int year = now.date().year();
    QDate date(year, month, day);
    if (date.isValid() && date > now.date().addDays(1))
        date = QDate(year - 1, month, day);
    const QTime time(h, m, s);
    if (!date.isValid() || !time.isValid())
        return {};
    // BSD syslog carries no zone: local time of the sender, assumed to be ours.
    return QDateTime(date, time, Qt::LocalTime).toUTC();
}

bool isTag(const QByteArray &t)
{
    // "pi-node07:", "sshd[123]:", "kernel:"
    if (!t.endsWith(':') || t.size() < 2 || t.size() > 64)
        return false;
    for (const char c : t.left(t.size() - 1))
        if (c < 33 || c > 126)
            return false;
    return true;
}

void splitTag(const QByteArray &tagWithColon, Message *m)
{
    QByteArray tag = tagWithColon.left(tagWithColon.size() - 1);
    const qsizetype bracket = tag.indexOf('[');
    if (bracket > 0 && tag.endsWith(']')) {
        m->procId = QString::fromLatin1(tag.mid(bracket + 1, tag.size() - bracket - 2));
        tag = tag.left(bracket);
    }
    m->appName = QString::fromLatin1(tag);
}

} // namespace

QString severityName(int severity)
{
    static const char *const names[] = {"emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"};
    return severity >= 0 && severity < 8 ? QString::fromLatin1(names[severity]) : QStringLiteral("unknown");
}

Result<Message> parse(const QByteArray &data, const QDateTime &now)
{
    if (data.isEmpty())
        return Result<Message>::failure(QStringLiteral("empty datagram"));
    if (data.size() > MaxDatagram)
        return Result<Message>::failure(QStringLiteral("datagram larger than %1 bytes").arg(MaxDatagram));
    if (data.at(0) != '<')
        return Result<Message>::failure(QStringLiteral("no <PRI> at the start"));
    const qsizetype close = data.indexOf('>');
    if (close < 2 || close > 4)
        return Result<Message>::failure(QStringLiteral("malformed <PRI>"));
    int pri = 0;
    for (qsizetype i = 1; i < close; ++i) {
        const char c = data.at(i);
        if (c < '0' || c > '9')
            return Result<Message>::failure(QStringLiteral("malformed <PRI>"));
        pri = pri * 10 + (c - '0');
    }
    if (pri > 191)
        return Result<Message>::failure(QStringLiteral("<PRI> %1 out of range").arg(pri));
    Message m;
    m.facility = pri >> 3;
    m.severity = pri & 7;
    qsizetype pos = close + 1;

    // RFC 5424: "1 " then TIMESTAMP (or "-").
    if (data.mid(pos, 2) == "1 ") {
        qsizetype p = pos + 2;
        const QByteArray ts = token(data, &p);
        const QByteArray host = token(data, &p);
        const QByteArray app = token(data, &p);
        const QByteArray proc = token(data, &p);
        const QByteArray msgid = token(data, &p);
        const bool tsOk = ts == "-" || parseRfc3339(ts).isValid();
        if (tsOk && isPrintableToken(host, 255) && isPrintableToken(app, 48) && isPrintableToken(proc, 128)
            && isPrintableToken(msgid, 32)) {
            m.version = 1;
            if (ts != "-")
                m.timestamp = parseRfc3339(ts);
            const auto nil = [](const QByteArray &v) { return v == "-" ? QString() : QString::fromUtf8(v); };
            m.hostname = nil(host);
            m.appName = nil(app);
            m.procId = nil(proc);
            m.msgId = nil(msgid);
            // STRUCTURED-DATA: "-" or [id k="v" …][…] with \" \\ \] escapes inside values.
            if (p < data.size() && data.at(p) == '-') {
                ++p;
            } else if (p < data.size() && data.at(p) == '[') {
                const qsizetype sdStart = p;
                bool inQuote = false, inElement = false;
                for (; p < data.size(); ++p) {
                    const char c = data.at(p);
                    if (inQuote) {
                        if (c == '\\' && p + 1 < data.size())
                            ++p;
                        else if (c == '"')
                            inQuote = false;
                        continue;
                    }
                    if (c == '"' && inElement) {
                        inQuote = true;
                    } else if (c == '[' && !inElement) {
                        inElement = true;
                    } else if (c == ']' && inElement) {
                        inElement = false;
                        if (p + 1 >= data.size() || data.at(p + 1) != '[') {
                            ++p;
                            break;
                        }
                    } else if (!inElement) {
                        break;
                    }
                }
                if (inQuote || inElement)
                    return Result<Message>::failure(QStringLiteral("RFC 5424: unterminated STRUCTURED-DATA"));
                m.structuredData = QString::fromUtf8(data.mid(sdStart, p - sdStart));
            } else {
                return Result<Message>::failure(QStringLiteral("RFC 5424: expected STRUCTURED-DATA or '-'"));
            }
            if (p < data.size() && data.at(p) == ' ')
                ++p;
            m.text = clean(data.mid(p));
            return m;
        }
        // Not a valid 5424 header: read it as BSD syslog below.
    }

    // RFC 3164 (lenient: what real senders do).
    const QDateTime ts = parseRfc3164Time(data.mid(pos, 15), now);
    if (ts.isValid()) {
        m.timestamp = ts;
        pos += 15;
        if (pos < data.size() && data.at(pos) == ' ')
            ++pos;
        qsizetype p = pos;
        const QByteArray first = token(data, &p);
        if (isTag(first)) {
            splitTag(first, &m);
            pos = p;
        } else if (isPrintableToken(first, 255)) {
            qsizetype p2 = p;
            const QByteArray second = token(data, &p2);
            if (isTag(second)) {
                m.hostname = QString::fromLatin1(first);
                splitTag(second, &m);
                pos = p2;
            } else {
                // "host message text": the first token is the host, the rest is the message.
                m.hostname = QString::fromLatin1(first);
                pos = p;
            }
        }
    } else {
        // No timestamp: "<13>tag: message" or just "<13>message".
        qsizetype p = pos;
        const QByteArray first = token(data, &p);
        if (isTag(first)) {
            splitTag(first, &m);
            pos = p;
        }
    }
    m.text = clean(data.mid(pos));
    return m;
}

} // namespace syslogmsg
