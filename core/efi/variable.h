#pragma once

#include <QByteArray>
#include <QHashFunctions>
#include <QString>
#include <QUuid>

// One UEFI variable as the firmware sees it. Variables are identified by (name, GUID): two
// variables may share a name under different GUIDs (e.g. a NIC's Ip4Config2 and Ip6Config blobs).
namespace efi {

namespace attr {
constexpr quint32 NonVolatile = 0x01;
constexpr quint32 BootServiceAccess = 0x02;
constexpr quint32 RuntimeAccess = 0x04;
constexpr quint32 HardwareErrorRecord = 0x08;
constexpr quint32 AuthenticatedWriteAccess = 0x10;       // deprecated
constexpr quint32 TimeBasedAuthenticatedWriteAccess = 0x20;
constexpr quint32 AppendWrite = 0x40;
constexpr quint32 NvBs = NonVolatile | BootServiceAccess;                  // 3
constexpr quint32 NvBsRt = NonVolatile | BootServiceAccess | RuntimeAccess; // 7
} // namespace attr

struct VariableKey
{
    QString name;
    QUuid guid;
    friend bool operator==(const VariableKey &a, const VariableKey &b) { return a.name == b.name && a.guid == b.guid; }
    friend bool operator!=(const VariableKey &a, const VariableKey &b) { return !(a == b); }
};

inline size_t qHash(const VariableKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.name, key.guid);
}

struct Variable
{
    QString name;
    QUuid guid;
    quint32 attributes = attr::NvBsRt;
    QByteArray data;
    // Authenticated-store header fields, kept as found (zero for ordinary variables).
    quint64 monotonicCount = 0;
    QByteArray timeStamp;          // EFI_TIME, 16 bytes; empty = all zero
    quint32 pubKeyIndex = 0;

    [[nodiscard]] VariableKey key() const { return {name, guid}; }
    // True when the EFI_TIME year is non-zero (virt-firmware then exports a "time" field).
    [[nodiscard]] bool hasTimeStamp() const
    {
        return timeStamp.size() == 16 && (timeStamp.at(0) != 0 || timeStamp.at(1) != 0);
    }

    friend bool operator==(const Variable &a, const Variable &b)
    {
        const QByteArray zero(16, '\0');
        const QByteArray &ta = a.timeStamp.isEmpty() ? zero : a.timeStamp;
        const QByteArray &tb = b.timeStamp.isEmpty() ? zero : b.timeStamp;
        return a.name == b.name && a.guid == b.guid && a.attributes == b.attributes && a.data == b.data
            && a.monotonicCount == b.monotonicCount && ta == tb && a.pubKeyIndex == b.pubKeyIndex;
    }
    friend bool operator!=(const Variable &a, const Variable &b) { return !(a == b); }
};

} // namespace efi
