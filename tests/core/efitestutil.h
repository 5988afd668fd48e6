#pragma once

// Helpers shared by the EFI tests: fixture access and hand-made variable records.

#include "efi/blankimage.h"
#include "efi/efibytes.h"
#include "efi/efiguid.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QUuid>

namespace efitest {

inline QString fixture(const char *name)
{
    return QStringLiteral(SHARED_DIR "/fixtures/efi/") + QLatin1String(name);
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// One raw variable record (authenticated or plain header), padded to 4 bytes with 0xFF.
inline QByteArray record(bool auth, quint8 state, const QString &name, const QUuid &guid, const QByteArray &data,
                         quint32 attributes = 7)
{
    const QByteArray n = efi::encodeUcs2(name);
    QByteArray r(auth ? 60 : 32, '\0');
    char *h = r.data();
    efi::put16(h, 0x55aa);
    h[2] = char(state);
    efi::put32(h + 4, attributes);
    if (auth) {
        efi::put32(h + 36, quint32(n.size()));
        efi::put32(h + 40, quint32(data.size()));
        efi::writeGuid(h + 44, guid);
    } else {
        efi::put32(h + 8, quint32(n.size()));
        efi::put32(h + 12, quint32(data.size()));
        efi::writeGuid(h + 16, guid);
    }
    r += n + data;
    while (r.size() % 4)
        r.append(char(0xff));
    return r;
}

// A blank 128 KiB NV volume (OVMF 2M / RPi4 layout) whose store holds `records`; `plain`
// switches the store header to the non-authenticated format.
inline QByteArray volumeWith(const QByteArray &records, bool plain = false)
{
    QByteArray fv = efi::blankNvVolume();
    if (plain)
        efi::writeGuid(fv.data() + 0x48, efi::guids::VariableStore);
    fv.replace(0x64, records.size(), records);
    return fv;
}

} // namespace efitest
