#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

// Linux netconsole datagrams (Documentation/networking/netconsole.rst). Pure, bounds-checked,
// fuzz-friendly: any byte string gives a Message or an error, never a crash.
//
// Plain format: the datagram is console text (lines may be split across datagrams).
// Extended format ('+' in the netconsole= parameter), /dev/kmsg style:
//     [<release>,]<prefix>,<seq>,<timestamp_us>,<contflag>[,ncfrag=<offset>/<total>];<body>
// <prefix> = facility * 8 + level; <contflag> is '-' (or 'c'/'+' for continuations); <body>
// escapes non-printable bytes as \xNN and may carry dictionary/userdata lines after a '\n'.
// Messages over ~1000 bytes arrive as fragments with the same header plus ncfrag=.
namespace netconsole {

struct Message
{
    bool extended = false;
    QString release;              // 'r' option: kernel release prepended
    int facility = 0;
    int level = 6;                // 0 emerg … 7 debug
    quint64 seq = 0;
    quint64 timestampUs = 0;
    char contFlag = '-';
    bool fragment = false;
    int fragOffset = 0;
    int fragTotal = 0;
    QByteArray body;              // extended: the (possibly partial) body; plain: the datagram
    QString text;                 // extended, complete: the message line, unescaped
    QStringList dictionary;       // extended, complete: KEY=value lines
};

constexpr int MaxDatagram = 8192;             // netconsole sends at most ~1000 bytes
constexpr int MaxReassembledBytes = 64 * 1024;

// Classifies and parses one datagram. Extended headers that are malformed are errors; text
// that does not look like an extended header is a plain message.
Result<Message> parseDatagram(const QByteArray &datagram);
// Splits a complete extended body into text (unescaped) and dictionary lines.
void finishBody(Message *message);
// \xNN escapes -> bytes, then UTF-8 (invalid sequences become U+FFFD). Control characters
// other than tab are dropped.
QString unescape(const QByteArray &escaped);

// Puts fragmented extended messages back together (one instance per sender).
class Reassembler
{
public:
    static constexpr int MaxPending = 32;
    static constexpr qint64 TimeoutMs = 5000;

    // A complete (non-fragmented) message passes straight through. A fragment returns the
    // whole message once every byte of it has arrived.
    std::optional<Message> add(const Message &message, qint64 nowMs);
    // Drops messages whose fragments stopped arriving; returns how many were dropped.
    int expire(qint64 nowMs);
    [[nodiscard]] int pending() const { return int(m_pending.size()); }

private:
    struct Pending
    {
        Message header;
        QByteArray data;
        QByteArray have;          // one flag byte per body byte
        int received = 0;
        qint64 firstMs = 0;
    };
    QHash<quint64, Pending> m_pending;
};

// Detects loss and reordering from sequence numbers (one instance per sender). Gaps may also
// be printk rate limiting, so "lost" means "not received".
class SequenceTracker
{
public:
    static constexpr quint64 ReorderWindow = 1024;
    struct Observation
    {
        quint64 lost = 0;         // sequence numbers skipped before this one
        bool duplicate = false;
        bool reordered = false;   // older than the newest seen (arrived late)
        bool restarted = false;   // the sender rebooted (sequence went back to a small number)
    };
    Observation observe(quint64 seq);
    [[nodiscard]] quint64 totalLost() const { return m_lost; }
    [[nodiscard]] quint64 received() const { return m_received; }

private:
    bool m_started = false;
    quint64 m_last = 0;
    quint64 m_lost = 0;
    quint64 m_received = 0;
};

} // namespace netconsole
