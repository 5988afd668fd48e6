#include "lineassembler.h"

QStringList LineAssembler::take()
{
    QStringList out;
    QString s = QString::fromUtf8(m_partial);
    QString clean;
    clean.reserve(s.size());
    for (const QChar ch : s)
        if (ch == QLatin1Char('\t') || !(ch.unicode() < 0x20 || ch.unicode() == 0x7f))
            clean.append(ch);
    out.append(clean);
    m_partial.clear();
    return out;
}

QStringList LineAssembler::feed(const QByteArray &bytes)
{
    QStringList lines;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        switch (m_escape) {
        case Escape::Esc:
            m_escape = c == '[' ? Escape::Csi : c == ']' ? Escape::Osc : Escape::None;
            continue;
        case Escape::Csi:
            if (u >= 0x40 && u <= 0x7e)      // final byte of a control sequence
                m_escape = Escape::None;
            continue;
        case Escape::Osc:
            if (c == '\a' || c == '\x1b')    // BEL or ST (ESC \) ends an OSC string
                m_escape = c == '\x1b' ? Escape::Esc : Escape::None;
            continue;
        case Escape::None:
            break;
        }
        if (c == '\x1b') {
            m_escape = Escape::Esc;
            continue;
        }
        if (c == '\r')
            continue;
        if (c == '\n') {
            lines += take();
            continue;
        }
        m_partial.append(c);
        if (m_partial.size() >= MaxLine)
            lines += take();
    }
    return lines;
}

QStringList LineAssembler::flush()
{
    if (m_partial.isEmpty())
        return {};
    return take();
}
