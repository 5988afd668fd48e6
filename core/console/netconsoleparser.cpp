#include "netconsoleparser.h"

namespace netconsole {

namespace {

bool parseUnsigned(const QByteArray &text, quint64 *out, int maxDigits = 20)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return false;
    quint64 v = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        const quint64 next = v * 10 + quint64(c - '0');
        if (next / 10 != v)       // overflow
            return false;
        v = next;
    }
    *out = v;
    return true;
}

bool looksLikeRelease(const QByteArray &field)
{
    // "6.4.0", "6.1.0-rpi7-rpi-v8": starts with a digit, has a dot, printable, no spaces.
    if (field.isEmpty() || field.size() > 64 || field.at(0) < '0' || field.at(0) > '9' || !field.contains('.'))
        return false;
    for (const char c : field)
        if (c <= ' ' || c >= 0x7f)
            return false;
    return true;
}

} // namespace

QString unescape(const QByteArray &in)
{
    // Fast path, the common case: printable ASCII without escapes.
    bool plain = true;
    for (const char c : in)
        if (c == '\\' || c < 0x20 || c > 0x7e) {
            plain = false;
            break;
        }
    if (plain)
        return QString::fromLatin1(in);
    QByteArray bytes;
    bytes.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c == '\\' && i + 3 < in.size() && in.at(i + 1) == 'x') {
            const auto hex = [](char h) { return (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'); };
            bool ok = false;
            const int v = in.mid(i + 2, 2).toInt(&ok, 16);
            if (ok && hex(in.at(i + 2)) && hex(in.at(i + 3))) {
                bytes.append(char(v));
                i += 3;
                continue;
            }
        }
        bytes.append(c);
    }
    QString s = QString::fromUtf8(bytes);
    QString out;
    out.reserve(s.size());
    for (const QChar ch : s)
        if (ch == QLatin1Char('\t') || !(ch.unicode() < 0x20 || ch.unicode() == 0x7f))
            out.append(ch);
    return out;
}

void finishBody(Message *m)
{
    const QList<QByteArray> lines = m->body.split('\n');
    m->text = unescape(lines.value(0));
    m->dictionary.clear();
    for (qsizetype i = 1; i < lines.size() && m->dictionary.size() < 64; ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (!line.isEmpty())
            m->dictionary.append(unescape(line.left(512)));
    }
}

Result<Message> parseDatagram(const QByteArray &datagram)
{
    if (datagram.isEmpty())
        return Result<Message>::failure(QStringLiteral("empty datagram"));
    if (datagram.size() > MaxDatagram)
        return Result<Message>::failure(QStringLiteral("datagram of %1 bytes is larger than %2").arg(datagram.size()).arg(MaxDatagram));

    Message m;
    const qsizetype semi = datagram.indexOf(';');
    // An extended header is short and made of comma-separated fields, the first ones numeric.
    if (semi > 0 && semi <= 160) {
        const QByteArray header = datagram.left(semi);
        QList<QByteArray> fields = header.split(',');
        bool candidate = fields.size() >= 4;
        QString release;
        if (candidate && looksLikeRelease(fields.at(0))) {
            quint64 dummy = 0;
            // "6.4.0,6,444,…" vs a plain line that merely starts with digits: the next fields must be numeric.
            if (fields.size() >= 5 && parseUnsigned(fields.at(1), &dummy, 3) && parseUnsigned(fields.at(2), &dummy)) {
                release = QString::fromLatin1(fields.takeFirst());
            } else {
                candidate = false;
            }
        }
        quint64 prefix = 0, seq = 0, ts = 0;
        if (candidate && parseUnsigned(fields.at(0), &prefix, 3) && parseUnsigned(fields.at(1), &seq)
            && parseUnsigned(fields.at(2), &ts)) {
            // From here on it claims to be extended: any inconsistency is an error.
            if (prefix > 191)
                return Result<Message>::failure(QStringLiteral("extended header: priority %1 out of range").arg(prefix));
            const QByteArray flag = fields.at(3);
            if (flag.size() != 1 || (flag.at(0) != '-' && flag.at(0) != 'c' && flag.at(0) != '+'))
                return Result<Message>::failure(QStringLiteral("extended header: bad continuation flag"));
            m.extended = true;
            m.release = release;
            m.facility = int(prefix >> 3);
            m.level = int(prefix & 7);
            m.seq = seq;
            m.timestampUs = ts;
            m.contFlag = flag.at(0);
            for (qsizetype i = 4; i < fields.size(); ++i) {
                const QByteArray f = fields.at(i);
                if (!f.startsWith("ncfrag="))
                    continue;   // unknown header fields are tolerated (forward compatibility)
                const QByteArray v = f.mid(7);
                const qsizetype slash = v.indexOf('/');
                quint64 off = 0, total = 0;
                if (slash < 0 || !parseUnsigned(v.left(slash), &off, 6) || !parseUnsigned(v.mid(slash + 1), &total, 6))
                    return Result<Message>::failure(QStringLiteral("extended header: malformed ncfrag"));
                const qsizetype chunk = datagram.size() - semi - 1;
                if (total == 0 || total > quint64(MaxReassembledBytes) || off >= total || off + quint64(chunk) > total)
                    return Result<Message>::failure(
                        QStringLiteral("extended header: fragment %1+%2 outside a %3-byte message").arg(off).arg(chunk).arg(total));
                m.fragment = true;
                m.fragOffset = int(off);
                m.fragTotal = int(total);
            }
            m.body = datagram.mid(semi + 1);
            if (!m.fragment)
                finishBody(&m);
            return m;
        }
    }
    m.body = datagram;
    return m;
}

std::optional<Message> Reassembler::add(const Message &message, qint64 nowMs)
{
    if (!message.extended || !message.fragment)
        return message;
    auto it = m_pending.find(message.seq);
    if (it == m_pending.end()) {
        if (m_pending.size() >= MaxPending) {
            // Drop the oldest incomplete message to make room.
            auto oldest = m_pending.begin();
            for (auto p = m_pending.begin(); p != m_pending.end(); ++p)
                if (p->firstMs < oldest->firstMs)
                    oldest = p;
            m_pending.erase(oldest);
        }
        Pending p;
        p.header = message;
        p.data = QByteArray(message.fragTotal, '\0');
        p.have = QByteArray(message.fragTotal, '\0');
        p.firstMs = nowMs;
        it = m_pending.insert(message.seq, p);
    }
    Pending &p = *it;
    if (p.header.fragTotal != message.fragTotal)
        return std::nullopt;   // inconsistent fragment for this sequence number: ignore it
    const int len = int(message.body.size());
    for (int i = 0; i < len; ++i) {
        const int pos = message.fragOffset + i;
        if (pos >= p.data.size())
            break;
        if (!p.have.at(pos)) {
            p.have[pos] = 1;
            ++p.received;
        }
        p.data[pos] = message.body.at(i);
    }
    if (p.received < p.header.fragTotal)
        return std::nullopt;
    Message done = p.header;
    done.fragment = false;
    done.fragOffset = 0;
    done.body = p.data;
    finishBody(&done);
    m_pending.erase(it);
    return done;
}

int Reassembler::expire(qint64 nowMs)
{
    int dropped = 0;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (nowMs - it->firstMs > TimeoutMs) {
            it = m_pending.erase(it);
            ++dropped;
        } else {
            ++it;
        }
    }
    return dropped;
}

SequenceTracker::Observation SequenceTracker::observe(quint64 seq)
{
    Observation o;
    ++m_received;
    if (!m_started) {
        m_started = true;
        m_last = seq;
        return o;
    }
    if (seq == m_last) {
        o.duplicate = true;
        return o;
    }
    if (seq > m_last) {
        o.lost = seq - m_last - 1;
        // A jump of millions is not loss but a sender we did not hear from for a long time.
        if (o.lost > 1000000)
            o.lost = 0;
        m_lost += o.lost;
        m_last = seq;
        return o;
    }
    // Older than the newest: a late packet, or the kernel restarted its sequence (a reboot: the
    // first messages netconsole sends carry a few hundred). UDP does not reorder by thousands.
    if (seq < 16 || m_last - seq > ReorderWindow) {
        o.restarted = true;
        m_last = seq;
        return o;
    }
    o.reordered = true;
    if (m_lost > 0)
        --m_lost;     // it was counted as lost when we skipped it
    return o;
}

} // namespace netconsole
