#pragma once

#include "bootstage.h"
#include "common/macaddress.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

// One entry of a device's journal: what happened, when, from which subsystem.
// `kind` is a stable dotted name ("dhcp.offer", "tftp.served", ...) listed in journalkinds.h.
struct JournalEvent
{
    enum class Severity { Info, Warning, Error };

    quint64 seq = 0;                    // assigned by the journal, increasing
    QDateTime time;                     // UTC, assigned by the journal if null
    MacAddress mac;                     // may be invalid for clients not (yet) known
    QHostAddress client;                // peer address when known
    QString source;                     // service id: "dhcp", "tftp", "http", "poe", ...
    QString kind;
    Severity severity = Severity::Info;
    QString message;                    // one English line
    BootStage stage = BootStage::Unknown; // boot stage this event implies (Unknown = no change)
    QJsonObject data;                   // structured details (file, bytes, duration_ms, ...)

    [[nodiscard]] QJsonObject toJson() const;
    // The same object as compact JSON text (one line, no trailing newline), encoded directly:
    // an order of magnitude cheaper than building a QJsonObject, for the journal file and streams.
    [[nodiscard]] QByteArray toJsonLine() const;
    static JournalEvent fromJson(const QJsonObject &json);
};

namespace journalseverity {
QString toString(JournalEvent::Severity s);
JournalEvent::Severity fromString(const QString &s);
} // namespace journalseverity

Q_DECLARE_METATYPE(JournalEvent)
