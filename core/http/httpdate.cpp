#include "httpdate.h"

#include <QDate>
#include <QList>
#include <QTime>

#include <cstdio>

namespace {

constexpr const char *DayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr const char *LongDayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr const char *MonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int monthFromName(const QByteArray &name)
{
    for (int i = 0; i < 12; ++i)
        if (name == MonthNames[i])
            return i + 1;
    return 0;
}

bool isDayName(const QByteArray &name, bool longForm)
{
    for (int i = 0; i < 7; ++i)
        if (name == (longForm ? LongDayNames[i] : DayNames[i]))
            return true;
    return false;
}

// Digits only, exactly `width` of them (0 = any 1..4).
int number(const QByteArray &text, int width)
{
    if (text.isEmpty() || text.size() > 4 || (width && text.size() != width))
        return -1;
    int v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<QTime> parseTime(const QByteArray &text)
{
    const QList<QByteArray> parts = text.split(':');
    if (parts.size() != 3)
        return std::nullopt;
    const int h = number(parts.at(0), 2);
    const int m = number(parts.at(1), 2);
    const int s = number(parts.at(2), 2);
    // Leap second 60 is allowed by the grammar; clamp it.
    const QTime t(h, m, qMin(s, 59));
    if (h < 0 || m < 0 || s < 0 || s > 60 || !t.isValid())
        return std::nullopt;
    return t;
}

std::optional<QDateTime> make(int year, int month, int day, const std::optional<QTime> &time)
{
    const QDate date(year, month, day);
    if (!date.isValid() || !time)
        return std::nullopt;
    return QDateTime(date, *time, Qt::UTC);
}

QList<QByteArray> words(const QByteArray &text)
{
    QList<QByteArray> out;
    for (const QByteArray &w : text.split(' '))
        if (!w.isEmpty())
            out.append(w);
    return out;
}

} // namespace

namespace httpdate {

QByteArray format(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", DayNames[d.dayOfWeek() - 1], d.day(),
                  MonthNames[d.month() - 1], d.year(), t.hour(), t.minute(), t.second());
    return QByteArray(buf);
}

std::optional<QDateTime> parse(const QByteArray &input)
{
    const QByteArray text = input.trimmed();
    if (text.size() > 64)
        return std::nullopt;
    const QList<QByteArray> w = words(text);
    // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
    if (w.size() == 6 && w.at(0).endsWith(',') && isDayName(w.at(0).chopped(1), false) && w.at(5) == "GMT") {
        const int day = number(w.at(1), 2);
        const int month = monthFromName(w.at(2));
        const int year = number(w.at(3), 4);
        if (day < 0 || !month || year < 0)
            return std::nullopt;
        return make(year, month, day, parseTime(w.at(4)));
    }
    // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
    if (w.size() == 4 && w.at(0).endsWith(',') && isDayName(w.at(0).chopped(1), true) && w.at(3) == "GMT") {
        const QList<QByteArray> dmy = w.at(1).split('-');
        if (dmy.size() != 3)
            return std::nullopt;
        const int day = number(dmy.at(0), 2);
        const int month = monthFromName(dmy.at(1));
        const int yy = number(dmy.at(2), 2);
        if (day < 0 || !month || yy < 0)
            return std::nullopt;
        // A two-digit year more than 50 years in the future is in the past century.
        const int thisYear = QDate::currentDate().year();
        int year = (thisYear / 100) * 100 + yy;
        if (year > thisYear + 50)
            year -= 100;
        return make(year, month, day, parseTime(w.at(2)));
    }
    // asctime: Sun Nov  6 08:49:37 1994
    if (w.size() == 5 && isDayName(w.at(0), false)) {
        const int month = monthFromName(w.at(1));
        const int day = number(w.at(2), 0);
        const int year = number(w.at(4), 4);
        if (!month || day < 1 || w.at(2).size() > 2 || year < 0)
            return std::nullopt;
        return make(year, month, day, parseTime(w.at(3)));
    }
    return std::nullopt;
}

} // namespace httpdate
