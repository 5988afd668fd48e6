#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>

// Little-endian field access and UCS-2 strings for EFI structures. Callers bounds-check first.
namespace efi {

inline quint16 le16(const char *p)
{
    const auto *u = reinterpret_cast<const uchar *>(p);
    return quint16(u[0] | (u[1] << 8));
}
inline quint32 le32(const char *p)
{
    const auto *u = reinterpret_cast<const uchar *>(p);
    return quint32(u[0]) | (quint32(u[1]) << 8) | (quint32(u[2]) << 16) | (quint32(u[3]) << 24);
}
inline quint64 le64(const char *p)
{
    return quint64(le32(p)) | (quint64(le32(p + 4)) << 32);
}
inline void put16(char *p, quint16 v)
{
    p[0] = char(v & 0xff);
    p[1] = char(v >> 8);
}
inline void put32(char *p, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = char((v >> (8 * i)) & 0xff);
}
inline void put64(char *p, quint64 v)
{
    put32(p, quint32(v));
    put32(p + 4, quint32(v >> 32));
}
inline void append16(QByteArray &out, quint16 v)
{
    char b[2];
    put16(b, v);
    out.append(b, 2);
}
inline void append32(QByteArray &out, quint32 v)
{
    char b[4];
    put32(b, v);
    out.append(b, 4);
}
inline void append64(QByteArray &out, quint64 v)
{
    char b[8];
    put64(b, v);
    out.append(b, 8);
}
constexpr qsizetype align4(qsizetype v)
{
    return (v + 3) & ~qsizetype(3);
}

// Reads a UCS-2LE string from at most `maxBytes` bytes, up to (not including) the first NUL.
// *terminated tells whether a NUL was found; *bytes is the size consumed including the NUL.
QString decodeUcs2(const char *p, qsizetype maxBytes, bool *terminated = nullptr, qsizetype *bytes = nullptr);
// UCS-2LE with a terminating NUL (what NameSize and EFI_LOAD_OPTION descriptions count).
QByteArray encodeUcs2(const QString &text, bool terminate = true);
// Python bytes.hex() / bytes.fromhex() (the latter tolerates whitespace between byte pairs).
QByteArray toHexLower(const QByteArray &data);
// SHA-256 through OpenSSL (about 20x faster than QCryptographicHash's portable one on 2 MB).
QByteArray sha256(const QByteArray &data);
bool fromHex(const QString &text, QByteArray *out);

} // namespace efi
