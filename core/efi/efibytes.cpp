#include "efibytes.h"

#include <openssl/evp.h>

namespace efi {

QString decodeUcs2(const char *p, qsizetype maxBytes, bool *terminated, qsizetype *bytes)
{
    QString out;
    qsizetype i = 0;
    bool found = false;
    for (; i + 1 < maxBytes; i += 2) {
        const quint16 c = le16(p + i);
        if (c == 0) {
            found = true;
            i += 2;
            break;
        }
        out.append(QChar(c));
    }
    if (terminated)
        *terminated = found;
    if (bytes)
        *bytes = found ? i : (maxBytes & ~qsizetype(1));
    return out;
}

QByteArray encodeUcs2(const QString &text, bool terminate)
{
    QByteArray out;
    out.resize((text.size() + (terminate ? 1 : 0)) * 2);
    char *p = out.data();
    for (const QChar c : text) {
        put16(p, c.unicode());
        p += 2;
    }
    if (terminate)
        put16(p, 0);
    return out;
}

QByteArray toHexLower(const QByteArray &data)
{
    return data.toHex();
}

QByteArray sha256(const QByteArray &data)
{
    QByteArray out(32, '\0');
    unsigned int len = 0;
    EVP_Digest(data.constData(), size_t(data.size()), reinterpret_cast<unsigned char *>(out.data()), &len, EVP_sha256(), nullptr);
    out.resize(int(len));
    return out;
}

bool fromHex(const QString &text, QByteArray *out)
{
    QByteArray result;
    result.reserve(text.size() / 2);
    int nibble = -1;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        int v = -1;
        if (u >= '0' && u <= '9')
            v = u - '0';
        else if (u >= 'a' && u <= 'f')
            v = u - 'a' + 10;
        else if (u >= 'A' && u <= 'F')
            v = u - 'A' + 10;
        else if (u == ' ' || u == '\t' || u == '\n' || u == '\r') {
            if (nibble >= 0)
                return false;          // whitespace only between byte pairs
            continue;
        } else
            return false;
        if (nibble < 0) {
            nibble = v;
        } else {
            result.append(char((nibble << 4) | v));
            nibble = -1;
        }
    }
    if (nibble >= 0)
        return false;
    *out = result;
    return true;
}

} // namespace efi
