#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

// Syslog messages as they arrive over UDP. Pure, bounds-checked, fuzz-friendly.
//   RFC 3164: <PRI>Mmm dd hh:mm:ss HOSTNAME TAG[PID]: MSG   (timestamp/host optional in practice)
//   RFC 5424: <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD-ELEMENT…]|- [BOM]MSG
// ("-" is the nil value.) util-linux `logger --rfc3164/--rfc5424 -d -n host -P port` sends both.
namespace syslogmsg {

struct Message
{
    int facility = 1;             // user
    int severity = 5;             // notice
    int version = 0;              // 0 = RFC 3164 (BSD), 1 = RFC 5424
    QDateTime timestamp;          // invalid when absent
    QString hostname;
    QString appName;              // 3164: TAG
    QString procId;
    QString msgId;
    QString structuredData;       // 5424: the raw SD elements ("" when nil)
    QString text;
};

constexpr int MaxDatagram = 8192;

Result<Message> parse(const QByteArray &datagram, const QDateTime &now = QDateTime::currentDateTimeUtc());
QString severityName(int severity);   // "emerg" … "debug"

} // namespace syslogmsg
