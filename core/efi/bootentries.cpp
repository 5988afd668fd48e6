#include "bootentries.h"

#include "efibytes.h"
#include "efiguid.h"

#include <QSet>

namespace efi {

namespace {

QList<quint16> u16List(const QByteArray &data)
{
    QList<quint16> out;
    for (qsizetype i = 0; i + 1 < data.size(); i += 2)
        out.append(le16(data.constData() + i));
    return out;
}

QByteArray u16Bytes(const QList<quint16> &values)
{
    QByteArray out;
    for (quint16 v : values)
        append16(out, v);
    return out;
}

std::optional<quint16> u16Var(const VarStore &store, const QString &name)
{
    const Variable *v = store.find(name, guids::GlobalVariable);
    if (!v || v->data.size() != 2)
        return std::nullopt;
    return le16(v->data.constData());
}

QString macHex(const MacAddress &mac)
{
    return mac.toHexUpper();
}

} // namespace

QString bootVariableName(quint16 number)
{
    return QStringLiteral("Boot") + QStringLiteral("%1").arg(number, 4, 16, QLatin1Char('0')).toUpper();
}

std::optional<quint16> bootNumberFromName(const QString &name)
{
    if (name.size() != 8 || !name.startsWith(QLatin1String("Boot")))
        return std::nullopt;
    quint16 n = 0;
    for (int i = 4; i < 8; ++i) {
        const char16_t c = name.at(i).unicode();
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return std::nullopt;
        n = quint16(n * 16 + d);
    }
    return n;
}

QMap<quint16, LoadOption> bootEntries(const VarStore &store)
{
    QMap<quint16, LoadOption> out;
    for (const auto &v : store.variables()) {
        if (v.guid != guids::GlobalVariable)
            continue;
        const auto number = bootNumberFromName(v.name);
        if (!number)
            continue;
        auto option = LoadOption::decode(v.data);
        if (option.ok())
            out.insert(*number, option.value());
    }
    return out;
}

std::optional<LoadOption> bootEntry(const VarStore &store, quint16 number)
{
    const Variable *v = store.find(bootVariableName(number), guids::GlobalVariable);
    if (!v)
        return std::nullopt;
    auto option = LoadOption::decode(v->data);
    if (!option.ok())
        return std::nullopt;
    return option.value();
}

QList<quint16> bootOrder(const VarStore &store)
{
    const Variable *v = store.find(QStringLiteral("BootOrder"), guids::GlobalVariable);
    return v ? u16List(v->data) : QList<quint16>();
}

void setBootOrder(VarStore &store, const QList<quint16> &order)
{
    store.setData(QStringLiteral("BootOrder"), guids::GlobalVariable, u16Bytes(order), attr::NvBsRt);
}

std::optional<quint16> bootNext(const VarStore &store)
{
    return u16Var(store, QStringLiteral("BootNext"));
}

void setBootNext(VarStore &store, quint16 number)
{
    store.setData(QStringLiteral("BootNext"), guids::GlobalVariable, u16Bytes({number}), attr::NvBsRt);
}

void clearBootNext(VarStore &store)
{
    store.remove(QStringLiteral("BootNext"), guids::GlobalVariable);
}

std::optional<quint16> bootCurrent(const VarStore &store)
{
    return u16Var(store, QStringLiteral("BootCurrent"));
}

std::optional<quint16> timeout(const VarStore &store)
{
    return u16Var(store, QStringLiteral("Timeout"));
}

void setTimeout(VarStore &store, quint16 seconds)
{
    store.setData(QStringLiteral("Timeout"), guids::GlobalVariable, u16Bytes({seconds}), attr::NvBsRt);
}

std::optional<quint16> freeBootNumber(const VarStore &store)
{
    QSet<quint16> used;
    for (const auto &v : store.variables())
        if (v.guid == guids::GlobalVariable)
            if (const auto n = bootNumberFromName(v.name))
                used.insert(*n);
    for (quint16 n : bootOrder(store))
        used.insert(n);
    for (quint32 n = 0; n < 0xffff; ++n)
        if (!used.contains(quint16(n)))
            return quint16(n);
    return std::nullopt;
}

std::optional<quint16> findBootEntry(const VarStore &store, const LoadOption &option)
{
    const auto entries = bootEntries(store);
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        if (it->filePathList == option.filePathList && it->description == option.description
            && it->optionalData == option.optionalData)
            return it.key();
    return std::nullopt;
}

void setBootEntry(VarStore &store, quint16 number, const LoadOption &option)
{
    store.setData(bootVariableName(number), guids::GlobalVariable, option.encode(), attr::NvBsRt);
}

Result<quint16> addBootEntry(VarStore &store, const LoadOption &option, Placement placement)
{
    if (option.filePathList.size() > 0xffff)
        return Result<quint16>::failure(QStringLiteral("the device path is longer than 65535 bytes"));
    std::optional<quint16> number = findBootEntry(store, option);
    if (number) {
        setBootEntry(store, *number, option);      // refresh attributes (e.g. re-activate)
    } else {
        number = freeBootNumber(store);
        if (!number)
            return Result<quint16>::failure(QStringLiteral("all 65535 boot entry numbers are in use"));
        setBootEntry(store, *number, option);
    }
    if (placement != Placement::NotInOrder) {
        QList<quint16> order = bootOrder(store);
        order.removeAll(*number);
        if (placement == Placement::First)
            order.prepend(*number);
        else
            order.append(*number);
        setBootOrder(store, order);
    }
    return *number;
}

bool removeBootEntry(VarStore &store, quint16 number)
{
    const bool removed = store.remove(bootVariableName(number), guids::GlobalVariable);
    QList<quint16> order = bootOrder(store);
    if (order.removeAll(number) > 0)
        setBootOrder(store, order);
    if (bootNext(store) == number)
        clearBootNext(store);
    return removed;
}

LoadOption makePxeEntry(const MacAddress &mac, IpVersion ip, const QString &description)
{
    LoadOption o;
    o.attributes = LoadOption::Active;
    o.description = description.isEmpty()
        ? QStringLiteral("Metal Boot PXE%1 (MAC:%2)").arg(ip == IpVersion::V4 ? QStringLiteral("v4") : QStringLiteral("v6"), macHex(mac))
        : description;
    o.setDevicePath(DevicePath({DevicePathNode::mac(mac.toBytes()),
                                ip == IpVersion::V4 ? DevicePathNode::ipv4() : DevicePathNode::ipv6()}));
    return o;
}

LoadOption makeHttpEntry(const MacAddress &mac, const QString &uri, IpVersion ip, const QString &description)
{
    LoadOption o;
    o.attributes = LoadOption::Active;
    o.description = description.isEmpty()
        ? QStringLiteral("Metal Boot HTTP%1 (MAC:%2)").arg(ip == IpVersion::V4 ? QStringLiteral("v4") : QStringLiteral("v6"), macHex(mac))
        : description;
    // A URI-only short-form path (what virt-fw-vars --set-boot-uri writes): EDK2's BDS expands it
    // over every HTTP boot LoadFile instance (BmExpandUriDevicePath); an empty URI means "the URL
    // from DHCP". A MAC()-first path is only a full path where the NIC's handle is MAC() itself
    // (the Pi's GENET); OVMF's PCI NICs answered it with "Not Found" (tst_e2e_full).
    o.setDevicePath(DevicePath({DevicePathNode::uri(uri.toUtf8())}));
    return o;
}

LoadOption makeDiskEntry(const QString &description, const DevicePath &disk, const QString &loaderPath)
{
    LoadOption o;
    o.attributes = LoadOption::Active;
    o.description = description;
    DevicePath::Instance nodes = disk.instances().value(0);
    if (!loaderPath.isEmpty())
        nodes.append(DevicePathNode::filePath(loaderPath));
    o.setDevicePath(DevicePath(nodes));
    return o;
}

LoadOption makeFileEntry(const QString &description, const QString &loaderPath)
{
    // A short-form file path: the boot manager tries it on every simple file system.
    return makeDiskEntry(description, DevicePath(), loaderPath);
}

BootKind bootKind(const LoadOption &option)
{
    const DevicePath path = option.devicePath();
    if (path.contains(dp::Messaging, dp::MsgUri))
        return BootKind::Http;
    if (path.contains(dp::Messaging, dp::MsgMac) || path.contains(dp::Messaging, dp::MsgIpv4)
        || path.contains(dp::Messaging, dp::MsgIpv6))
        return BootKind::Network;
    if (path.contains(dp::Media, dp::MediaCdrom))
        return BootKind::Cdrom;
    if (path.contains(dp::Messaging, dp::MsgUsb) || path.contains(dp::Messaging, dp::MsgUsbClass))
        return BootKind::Usb;
    if (path.contains(dp::Media, dp::MediaHardDrive) || path.contains(dp::Messaging, dp::MsgSata)
        || path.contains(dp::Messaging, dp::MsgNvme) || path.contains(dp::Messaging, dp::MsgSd)
        || path.contains(dp::Messaging, dp::MsgEmmc) || path.contains(dp::Messaging, dp::MsgScsi))
        return BootKind::Disk;
    if (path.contains(dp::Media, dp::MediaFv) || path.contains(dp::Media, dp::MediaFvFile))
        return BootKind::Firmware;
    if (path.contains(dp::Media, dp::MediaFilePath))
        return BootKind::Disk;
    return BootKind::Other;
}

std::optional<MacAddress> bootEntryMac(const LoadOption &option)
{
    const DevicePath path = option.devicePath();
    const DevicePathNode *node = path.find(dp::Messaging, dp::MsgMac);
    if (!node || node->data.size() < 6)
        return std::nullopt;
    return MacAddress::fromBytes(node->data.left(6));
}

} // namespace efi
