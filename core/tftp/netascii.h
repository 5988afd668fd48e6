#pragma once

#include <QByteArray>
#include <QByteArrayView>

// RFC 1350 / RFC 764 netascii: on the wire every line ends in CR LF and a bare CR is sent as
// CR NUL. Files are stored with local (LF) line ends.
namespace tftp {

// Local text -> netascii (LF -> CR LF, CR -> CR NUL).
QByteArray toNetascii(QByteArrayView local);
// Size of toNetascii(local) without building it.
qint64 netasciiSize(QByteArrayView local);

// Netascii -> local text, fed block by block (a CR may end one block and its LF/NUL start the next).
class NetasciiDecoder
{
public:
    QByteArray feed(QByteArrayView wire);
    QByteArray finish();   // flushes a trailing lone CR

private:
    bool m_pendingCr = false;
};

} // namespace tftp
