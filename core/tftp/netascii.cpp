#include "netascii.h"

namespace tftp {

qint64 netasciiSize(QByteArrayView local)
{
    qint64 extra = 0;
    for (char c : local)
        if (c == '\n' || c == '\r')
            ++extra;
    return local.size() + extra;
}

QByteArray toNetascii(QByteArrayView local)
{
    QByteArray out;
    out.reserve(qsizetype(netasciiSize(local)));
    for (char c : local) {
        if (c == '\n')
            out.append('\r').append('\n');
        else if (c == '\r')
            out.append('\r').append('\0');
        else
            out.append(c);
    }
    return out;
}

QByteArray NetasciiDecoder::feed(QByteArrayView wire)
{
    QByteArray out;
    out.reserve(wire.size() + 1);
    for (char c : wire) {
        if (m_pendingCr) {
            m_pendingCr = false;
            if (c == '\n') {
                out.append('\n');
                continue;
            }
            out.append('\r');
            if (c == '\0')
                continue;
        }
        if (c == '\r')
            m_pendingCr = true;
        else
            out.append(c);
    }
    return out;
}

QByteArray NetasciiDecoder::finish()
{
    if (!m_pendingCr)
        return {};
    m_pendingCr = false;
    return QByteArrayLiteral("\r");
}

} // namespace tftp
