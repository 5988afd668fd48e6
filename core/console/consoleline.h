#pragma once

#include "common/macaddress.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

// One line of a device console, whatever carried it (netconsole, syslog, serial).
struct ConsoleLine
{
    QDateTime time;                 // reception time, UTC
    MacAddress mac;                 // invalid: the sender is not a known device
    QHostAddress source;            // sender address (netconsole/syslog)
    QString origin;                 // "netconsole", "syslog", "serial"
    int severity = -1;              // 0 emerg … 7 debug, -1 unknown
    QString tag;                    // syslog app name / "kernel"
    QString text;
    quint64 seq = 0;                // netconsole extended sequence number
    bool hasSeq = false;
    QDateTime sentTime;             // sender's timestamp when it has one (syslog)
    quint64 uptimeUs = 0;           // netconsole extended: kernel timestamp

    [[nodiscard]] QJsonObject toJson() const;
    // "2026-11-22T01:34:38.750Z netconsole <6> text" for the per-device log file.
    [[nodiscard]] QString toLogLine() const;
};

Q_DECLARE_METATYPE(ConsoleLine)
