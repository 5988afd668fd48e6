#include "apitoken.h"

#include "common/atomicfile.h"

#include <QFile>
#include <QFileDevice>

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace ApiToken {

QString loadOrCreate(const QString &path, QString *error)
{
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = file.errorString();
            return {};
        }
        const QByteArray token = file.read(256).trimmed();
        // Tighten permissions if someone loosened them.
        if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (token.size() >= 32)
            return QString::fromLatin1(token);
        file.close();
    }
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1) {
        if (error)
            *error = QStringLiteral("no secure random source");
        return {};
    }
    const QByteArray token = QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes).toHex();
    if (!atomicfile::write(path, token + '\n', error, atomicfile::Backup::None, 0600))
        return {};
    return QString::fromLatin1(token);
}

bool equals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace ApiToken
