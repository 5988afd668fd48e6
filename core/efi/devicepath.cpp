#include "devicepath.h"

#include "efibytes.h"
#include "efiguid.h"

namespace efi {

namespace {

// edk2 PrintLib prints %x, %02x and %g with upper-case digits ("Pci(0x1F,0x2)").
QString hx(quint64 v)
{
    return QStringLiteral("0x") + QString::number(v, 16).toUpper();
}

QString guidText(const char *p)
{
    return guidToString(guidFromBytes(p)).toUpper();
}

QString dec(quint64 v)
{
    return QString::number(v);
}

QString hexBytes(const QByteArray &data)
{
    return QString::fromLatin1(data.toHex()).toUpper();
}

QString ipv4Text(const char *p)
{
    return QStringLiteral("%1.%2.%3.%4").arg(quint8(p[0])).arg(quint8(p[1])).arg(quint8(p[2])).arg(quint8(p[3]));
}

QString ipv6Text(const char *p)
{
    QStringList groups;
    for (int i = 0; i < 16; i += 2)
        groups.append(QString::fromLatin1(QByteArray(p + i, 2).toHex()).toUpper());
    return groups.join(QLatin1Char(':'));
}

QString protocolText(quint16 protocol)
{
    if (protocol == 6)
        return QStringLiteral("TCP");
    if (protocol == 17)
        return QStringLiteral("UDP");
    return hx(protocol);
}

// edk2 DevPathToTextNodeGeneric.
QString genericText(const DevicePathNode &n)
{
    QString s;
    switch (n.type) {
    case dp::Hardware: s = QStringLiteral("HardwarePath(%1").arg(n.subType); break;
    case dp::Acpi: s = QStringLiteral("AcpiPath(%1").arg(n.subType); break;
    case dp::Messaging: s = QStringLiteral("Msg(%1").arg(n.subType); break;
    case dp::Media: s = QStringLiteral("MediaPath(%1").arg(n.subType); break;
    case dp::Bbs: s = QStringLiteral("BbsPath(%1").arg(n.subType); break;
    default: s = QStringLiteral("Path(%1,%2").arg(n.type).arg(n.subType); break;
    }
    if (!n.data.isEmpty())
        s += QLatin1Char(',') + hexBytes(n.data);
    return s + QLatin1Char(')');
}

QString vendorText(const DevicePathNode &n, const QString &kind)
{
    QString s = QStringLiteral("Ven%1(%2").arg(kind, guidText(n.data.constData()));
    if (n.data.size() > 16)
        s += QLatin1Char(',') + hexBytes(n.data.mid(16));
    return s + QLatin1Char(')');
}

QString acpiText(quint32 hid, quint32 uid)
{
    if ((hid & 0xffff) == 0x41d0) {
        switch (hid >> 16) {
        case 0x0a03: return QStringLiteral("PciRoot(%1)").arg(hx(uid));
        case 0x0a08: return QStringLiteral("PcieRoot(%1)").arg(hx(uid));
        case 0x0604: return QStringLiteral("Floppy(%1)").arg(hx(uid));
        case 0x0301: return QStringLiteral("Keyboard(%1)").arg(hx(uid));
        case 0x0501: return QStringLiteral("Serial(%1)").arg(hx(uid));
        case 0x0401: return QStringLiteral("ParallelPort(%1)").arg(hx(uid));
        default:
            return QStringLiteral("Acpi(PNP%1,%2)").arg(QStringLiteral("%1").arg(hid >> 16, 4, 16, QLatin1Char('0')).toUpper(), hx(uid));
        }
    }
    return QStringLiteral("Acpi(0x%1,%2)").arg(QStringLiteral("%1").arg(hid, 8, 16, QLatin1Char('0')).toUpper(), hx(uid));
}

QString hardDriveText(const QByteArray &d)
{
    const char *p = d.constData();
    const quint32 part = le32(p);
    const quint64 start = le64(p + 4);
    const quint64 size = le64(p + 12);
    const quint8 sigType = quint8(p[37]);
    QString s;
    if (sigType == 1)
        s = QStringLiteral("HD(%1,MBR,0x%2,").arg(dec(part), QStringLiteral("%1").arg(le32(p + 20), 8, 16, QLatin1Char('0')).toUpper());
    else if (sigType == 2)
        s = QStringLiteral("HD(%1,GPT,%2,").arg(dec(part), guidText(p + 20));
    else
        s = QStringLiteral("HD(%1,%2,0,").arg(part).arg(sigType);
    return s + QStringLiteral("%1,%2)").arg(hx(start), hx(size));
}

QString ucs2Path(const QByteArray &d)
{
    return decodeUcs2(d.constData(), d.size());
}

} // namespace

QByteArray DevicePathNode::encode() const
{
    QByteArray out;
    out.reserve(4 + data.size());
    out.append(char(type));
    out.append(char(subType));
    append16(out, quint16(4 + data.size()));
    out.append(data);
    return out;
}

QString DevicePathNode::toText() const
{
    const char *p = data.constData();
    const qsizetype n = data.size();
    switch (type) {
    case dp::Hardware:
        if (subType == dp::HwPci && n >= 2)
            return QStringLiteral("Pci(%1,%2)").arg(hx(quint8(p[1])), hx(quint8(p[0])));
        if (subType == dp::HwVendor && n >= 16)
            return vendorText(*this, QStringLiteral("Hw"));
        if (subType == dp::HwController && n >= 4)
            return QStringLiteral("Ctrl(%1)").arg(hx(le32(p)));
        break;
    case dp::Acpi:
        if (subType == dp::AcpiHid && n >= 8)
            return acpiText(le32(p), le32(p + 4));
        if (subType == dp::AcpiAdr && n >= 4) {
            QStringList adrs;
            for (qsizetype i = 0; i + 4 <= n; i += 4)
                adrs.append(hx(le32(p + i)));
            return QStringLiteral("AcpiAdr(%1)").arg(adrs.join(QLatin1Char(',')));
        }
        break;
    case dp::Messaging:
        switch (subType) {
        case dp::MsgScsi:
            if (n >= 4)
                return QStringLiteral("Scsi(%1,%2)").arg(hx(le16(p)), hx(le16(p + 2)));
            break;
        case dp::MsgUsb:
            if (n >= 2)
                return QStringLiteral("USB(%1,%2)").arg(hx(quint8(p[0])), hx(quint8(p[1])));
            break;
        case dp::MsgVendor:
            if (n >= 16)
                return vendorText(*this, QStringLiteral("Msg"));
            break;
        case dp::MsgMac:
            if (n >= 33) {
                const quint8 ifType = quint8(p[32]);
                const int len = (ifType == 0 || ifType == 1) ? 6 : 32;
                return QStringLiteral("MAC(%1,%2)").arg(hexBytes(data.left(len)), hx(ifType));
            }
            break;
        case dp::MsgIpv4:
            if (n >= 19) {
                QString s = QStringLiteral("IPv4(%1,%2,%3,%4")
                                .arg(ipv4Text(p + 4), protocolText(le16(p + 12)),
                                     p[14] ? QStringLiteral("Static") : QStringLiteral("DHCP"), ipv4Text(p));
                if (n >= 23)
                    s += QLatin1Char(',') + ipv4Text(p + 15) + QLatin1Char(',') + ipv4Text(p + 19);
                return s + QLatin1Char(')');
            }
            break;
        case dp::MsgIpv6:
            if (n >= 39) {
                const quint8 origin = quint8(p[38]);
                const QString how = origin == 0 ? QStringLiteral("Static")
                    : origin == 1 ? QStringLiteral("StatelessAutoConfigure") : QStringLiteral("StatefulAutoConfigure");
                QString s = QStringLiteral("IPv6(%1,%2,%3,%4").arg(ipv6Text(p + 16), protocolText(le16(p + 36)), how, ipv6Text(p));
                if (n >= 56)
                    s += QStringLiteral(",%1,%2").arg(hx(quint8(p[39])), ipv6Text(p + 40));
                return s + QLatin1Char(')');
            }
            break;
        case dp::MsgUsbClass:
            if (n >= 7) {
                const quint16 vid = le16(p), pid = le16(p + 2);
                const quint8 cls = quint8(p[4]), sub = quint8(p[5]), proto = quint8(p[6]);
                if (cls == 3)
                    return QStringLiteral("UsbHID(%1,%2,%3,%4)").arg(hx(vid), hx(pid), hx(sub), hx(proto));
                return QStringLiteral("UsbClass(%1,%2,%3,%4,%5)").arg(hx(vid), hx(pid), hx(cls), hx(sub), hx(proto));
            }
            break;
        case dp::MsgSata:
            if (n >= 6)
                return QStringLiteral("Sata(%1,%2,%3)").arg(hx(le16(p)), hx(le16(p + 2)), hx(le16(p + 4)));
            break;
        case dp::MsgIscsi:
            if (n >= 14) {
                const QString target = QString::fromLatin1(data.mid(14).split('\0').value(0));
                return QStringLiteral("iSCSI(%1,%2,0x%3)").arg(target, hx(le16(p + 12)), hexBytes(data.mid(4, 8)));
            }
            break;
        case dp::MsgVlan:
            if (n >= 2)
                return QStringLiteral("Vlan(%1)").arg(le16(p));
            break;
        case dp::MsgNvme:
            if (n >= 12) {
                QStringList eui;
                for (int i = 7; i >= 0; --i)
                    eui.append(QStringLiteral("%1").arg(quint8(p[4 + i]), 2, 16, QLatin1Char('0')).toUpper());
                return QStringLiteral("NVMe(%1,%2)").arg(hx(le32(p)), eui.join(QLatin1Char('-')));
            }
            break;
        case dp::MsgUri:
            return QStringLiteral("Uri(%1)").arg(QString::fromUtf8(data));
        case dp::MsgSd:
            if (n >= 1)
                return QStringLiteral("SD(%1)").arg(hx(quint8(p[0])));
            break;
        case dp::MsgEmmc:
            if (n >= 1)
                return QStringLiteral("eMMC(%1)").arg(hx(quint8(p[0])));
            break;
        case dp::MsgDns:
            if (n >= 1) {
                const bool v6 = p[0] != 0;
                const int step = v6 ? 16 : 4;
                QStringList addrs;
                for (qsizetype i = 1; i + step <= n; i += step)
                    addrs.append(v6 ? ipv6Text(p + i) : ipv4Text(p + i));
                return QStringLiteral("Dns(%1)").arg(addrs.join(QLatin1Char(',')));
            }
            break;
        default:
            break;
        }
        break;
    case dp::Media:
        switch (subType) {
        case dp::MediaHardDrive:
            if (n >= 38)
                return hardDriveText(data);
            break;
        case dp::MediaCdrom:
            if (n >= 20)
                return QStringLiteral("CDROM(%1,%2,%3)").arg(hx(le32(p)), hx(le64(p + 4)), hx(le64(p + 12)));
            break;
        case dp::MediaVendor:
            if (n >= 16)
                return vendorText(*this, QStringLiteral("Media"));
            break;
        case dp::MediaFilePath:
            return ucs2Path(data);
        case dp::MediaProtocol:
            if (n >= 16)
                return QStringLiteral("Media(%1)").arg(guidText(p));
            break;
        case dp::MediaFvFile:
            if (n >= 16)
                return QStringLiteral("FvFile(%1)").arg(guidText(p));
            break;
        case dp::MediaFv:
            if (n >= 16)
                return QStringLiteral("Fv(%1)").arg(guidText(p));
            break;
        case dp::MediaOffset:
            if (n >= 20)
                return QStringLiteral("Offset(%1,%2)").arg(hx(le64(p + 4)), hx(le64(p + 12)));
            break;
        default:
            break;
        }
        break;
    default:
        break;
    }
    return genericText(*this);
}

QString DevicePathNode::virtText() const
{
    const char *p = data.constData();
    const qsizetype n = data.size();
    switch (type) {
    case dp::Hardware:
        if (subType == dp::HwPci && n >= 2)
            return QStringLiteral("PCI(dev=%1:%2)").arg(quint8(p[1]), 2, 16, QLatin1Char('0')).arg(quint8(p[0]), 0, 16);
        if (subType == dp::HwVendor && n >= 16)
            return QStringLiteral("VendorHW(%1)").arg(guidToString(guidFromBytes(p)));
        return QStringLiteral("HW(subtype=0x%1)").arg(subType, 0, 16);
    case dp::Acpi:
        if (subType == dp::AcpiHid) {
            if (n < 8)
                return QStringLiteral("ACPI(ERROR:unpack_from requires a buffer of at least 8 bytes)");
            if (le32(p) == dp::PciRootHid)
                return QStringLiteral("PciRoot()");
            return QStringLiteral("ACPI(hid=0x%1,uid=0x%2)").arg(le32(p), 0, 16).arg(le32(p + 4), 0, 16);
        }
        if (subType == dp::AcpiAdr && n >= 4)
            return QStringLiteral("GOP(adr=0x%1)").arg(le32(p), 0, 16);
        return QStringLiteral("ACPI(subtype=0x%1)").arg(subType, 0, 16);
    case dp::Messaging:
        switch (subType) {
        case dp::MsgScsi:
            if (n >= 4)
                return QStringLiteral("SCSI(pun=%1,lun=%2)").arg(le16(p)).arg(le16(p + 2));
            break;
        case dp::MsgUsb:
            if (n >= 2)
                return QStringLiteral("USB(port=%1)").arg(quint8(p[0]));
            break;
        case dp::MsgMac: return QStringLiteral("MAC()");
        case dp::MsgIpv4: return QStringLiteral("IPv4()");
        case dp::MsgIpv6: return QStringLiteral("IPv6()");
        case dp::MsgSata:
            if (n >= 6)
                return QStringLiteral("SATA(port=%1)").arg(le16(p));
            break;
        case dp::MsgIscsi:
            if (n >= 14)
                return QStringLiteral("ISCSI(%1)").arg(QString::fromUtf8(data.mid(14)));
            break;
        case dp::MsgUri: return QStringLiteral("URI(%1)").arg(QString::fromUtf8(data));
        case dp::MsgDns: return QStringLiteral("DNS()");
        default: break;
        }
        return QStringLiteral("Msg(subtype=0x%1)").arg(subType, 0, 16);
    case dp::Media:
        switch (subType) {
        case dp::MediaHardDrive:
            if (n >= 20)
                return QStringLiteral("Partition(nr=%1)").arg(le32(p));
            break;
        case dp::MediaFilePath: return QStringLiteral("FilePath(%1)").arg(ucs2Path(data));
        case dp::MediaFvFile:
            if (n >= 16)
                return QStringLiteral("FvFileName(%1)").arg(guidToString(guidFromBytes(p)));
            break;
        case dp::MediaFv:
            if (n >= 16)
                return QStringLiteral("FvName(%1)").arg(guidToString(guidFromBytes(p)));
            break;
        default: break;
        }
        return QStringLiteral("Media(subtype=0x%1)").arg(subType, 0, 16);
    default:
        return QStringLiteral("Unknown(type=0x%1,subtype=0x%2)").arg(type, 0, 16).arg(subType, 0, 16);
    }
}

DevicePathNode DevicePathNode::pci(quint8 device, quint8 function)
{
    QByteArray d;
    d.append(char(function));
    d.append(char(device));
    return {dp::Hardware, dp::HwPci, d};
}

DevicePathNode DevicePathNode::acpi(quint32 hid, quint32 uid)
{
    QByteArray d;
    append32(d, hid);
    append32(d, uid);
    return {dp::Acpi, dp::AcpiHid, d};
}

DevicePathNode DevicePathNode::usb(quint8 parentPort, quint8 interfaceNumber)
{
    QByteArray d;
    d.append(char(parentPort));
    d.append(char(interfaceNumber));
    return {dp::Messaging, dp::MsgUsb, d};
}

DevicePathNode DevicePathNode::mac(const QByteArray &address, quint8 ifType)
{
    QByteArray d = address.left(32);
    d.append(QByteArray(32 - d.size(), '\0'));
    d.append(char(ifType));
    return {dp::Messaging, dp::MsgMac, d};
}

DevicePathNode DevicePathNode::ipv4()
{
    return {dp::Messaging, dp::MsgIpv4, QByteArray(23, '\0')};
}

DevicePathNode DevicePathNode::ipv6()
{
    return {dp::Messaging, dp::MsgIpv6, QByteArray(56, '\0')};
}

DevicePathNode DevicePathNode::uri(const QByteArray &uri)
{
    return {dp::Messaging, dp::MsgUri, uri};
}

DevicePathNode DevicePathNode::sata(quint16 hbaPort, quint16 portMultiplier, quint16 lun)
{
    QByteArray d;
    append16(d, hbaPort);
    append16(d, portMultiplier);
    append16(d, lun);
    return {dp::Messaging, dp::MsgSata, d};
}

DevicePathNode DevicePathNode::nvme(quint32 namespaceId, quint64 eui64)
{
    QByteArray d;
    append32(d, namespaceId);
    append64(d, eui64);
    return {dp::Messaging, dp::MsgNvme, d};
}

DevicePathNode DevicePathNode::sd(quint8 slot)
{
    return {dp::Messaging, dp::MsgSd, QByteArray(1, char(slot))};
}

DevicePathNode DevicePathNode::emmc(quint8 slot)
{
    return {dp::Messaging, dp::MsgEmmc, QByteArray(1, char(slot))};
}

DevicePathNode DevicePathNode::hardDriveGpt(quint32 partition, quint64 start, quint64 size, const QUuid &partitionGuid)
{
    QByteArray d;
    append32(d, partition);
    append64(d, start);
    append64(d, size);
    d.append(guidToBytes(partitionGuid));
    d.append(char(2));      // MBRType: GPT
    d.append(char(2));      // SignatureType: GUID
    return {dp::Media, dp::MediaHardDrive, d};
}

DevicePathNode DevicePathNode::hardDriveMbr(quint32 partition, quint64 start, quint64 size, quint32 diskSignature)
{
    QByteArray d;
    append32(d, partition);
    append64(d, start);
    append64(d, size);
    append32(d, diskSignature);
    d.append(QByteArray(12, '\0'));
    d.append(char(1));      // MBRType: PC-AT
    d.append(char(1));      // SignatureType: 32-bit MBR signature
    return {dp::Media, dp::MediaHardDrive, d};
}

DevicePathNode DevicePathNode::filePath(const QString &path)
{
    return {dp::Media, dp::MediaFilePath, encodeUcs2(path)};
}

DevicePathNode DevicePathNode::fv(const QUuid &volume)
{
    return {dp::Media, dp::MediaFv, guidToBytes(volume)};
}

DevicePathNode DevicePathNode::fvFile(const QUuid &file)
{
    return {dp::Media, dp::MediaFvFile, guidToBytes(file)};
}

DevicePathNode DevicePathNode::vendor(quint8 type, quint8 subType, const QUuid &guid, const QByteArray &data)
{
    return {type, subType, guidToBytes(guid) + data};
}

DevicePath DevicePath::decode(const QByteArray &bytes)
{
    DevicePath path;
    Instance current;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        if (pos + 4 > bytes.size()) {
            path.m_malformed = true;
            break;
        }
        const char *h = bytes.constData() + pos;
        const quint16 len = le16(h + 2);
        if (len < 4 || pos + len > bytes.size()) {
            path.m_malformed = true;
            break;
        }
        DevicePathNode node{quint8(h[0]), quint8(h[1]), QByteArray(h + 4, len - 4)};
        pos += len;
        if (node.type == dp::End) {
            path.m_instances.append(current);
            current.clear();
            if (node.subType == dp::EndEntire) {
                path.m_complete = true;
                if (pos != bytes.size())
                    path.m_malformed = true;     // bytes after End-Entire
                return path;
            }
            continue;
        }
        current.append(node);
    }
    if (!current.isEmpty())
        path.m_instances.append(current);
    path.m_malformed = true;                     // no End-Entire
    return path;
}

QByteArray DevicePath::encode() const
{
    QByteArray out;
    for (qsizetype i = 0; i < m_instances.size(); ++i) {
        for (const auto &node : m_instances.at(i))
            out.append(node.encode());
        const bool last = i + 1 == m_instances.size();
        out.append(DevicePathNode{dp::End, last ? dp::EndEntire : dp::EndInstance, {}}.encode());
    }
    if (m_instances.isEmpty())
        out.append(DevicePathNode{}.encode());
    return out;
}

bool DevicePath::contains(quint8 type, quint8 subType) const
{
    return find(type, subType) != nullptr;
}

const DevicePathNode *DevicePath::find(quint8 type, quint8 subType) const
{
    for (const auto &instance : m_instances)
        for (const auto &node : instance)
            if (node.is(type, subType))
                return &node;
    return nullptr;
}

QString DevicePath::toText() const
{
    QStringList parts;
    for (const auto &instance : m_instances) {
        QStringList nodes;
        for (const auto &node : instance)
            nodes.append(node.toText());
        parts.append(nodes.join(QLatin1Char('/')));
    }
    return parts.join(QLatin1Char(','));
}

QString virtDevicePathText(const QByteArray &bytes)
{
    QStringList nodes;
    qsizetype pos = 0;
    while (pos + 4 <= bytes.size()) {
        const char *h = bytes.constData() + pos;
        const quint8 type = quint8(h[0]);
        if (type == dp::End)
            break;
        const qsizetype len = le16(h + 2);
        const qsizetype payload = qBound(qsizetype(0), len - 4, bytes.size() - pos - 4);
        nodes.append(DevicePathNode{type, quint8(h[1]), QByteArray(h + 4, payload)}.virtText());
        pos += 4 + payload;
    }
    return nodes.join(QLatin1Char('/'));
}

} // namespace efi
