#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

// EFI device paths (UEFI spec ch. 10, MdePkg Protocol/DevicePath.h): decoding, encoding,
// builders for the nodes Metal Boot writes, and two text forms:
//  - toText(): edk2 DevicePathToText.c (not display-only, no shortcuts), what firmware logs show;
//  - virtText(): virt-fw-vars (virt-firmware efi/devpath.py), used for parity tests.
namespace efi {

namespace dp {
constexpr quint8 Hardware = 0x01, Acpi = 0x02, Messaging = 0x03, Media = 0x04, Bbs = 0x05, End = 0x7f;
// Hardware
constexpr quint8 HwPci = 0x01, HwVendor = 0x04, HwController = 0x05;
// ACPI
constexpr quint8 AcpiHid = 0x01, AcpiExtended = 0x02, AcpiAdr = 0x03;
constexpr quint32 PciRootHid = 0x0a0341d0, PcieRootHid = 0x0a0841d0;
// Messaging
constexpr quint8 MsgScsi = 0x02, MsgUsb = 0x05, MsgVendor = 0x0a, MsgMac = 0x0b, MsgIpv4 = 0x0c, MsgIpv6 = 0x0d,
                 MsgUsbClass = 0x0f, MsgSata = 0x12, MsgIscsi = 0x13, MsgVlan = 0x14, MsgNvme = 0x17, MsgUri = 0x18,
                 MsgSd = 0x1a, MsgEmmc = 0x1d, MsgDns = 0x1f;
// Media
constexpr quint8 MediaHardDrive = 0x01, MediaCdrom = 0x02, MediaVendor = 0x03, MediaFilePath = 0x04,
                 MediaProtocol = 0x05, MediaFvFile = 0x06, MediaFv = 0x07, MediaOffset = 0x08;
// End
constexpr quint8 EndInstance = 0x01, EndEntire = 0xff;
} // namespace dp

struct DevicePathNode
{
    quint8 type = dp::End;
    quint8 subType = dp::EndEntire;
    QByteArray data;                 // payload after the 4-byte header

    [[nodiscard]] bool is(quint8 t, quint8 s) const { return type == t && subType == s; }
    [[nodiscard]] QByteArray encode() const;
    [[nodiscard]] QString toText() const;
    [[nodiscard]] QString virtText() const;

    static DevicePathNode pci(quint8 device, quint8 function);
    static DevicePathNode acpi(quint32 hid, quint32 uid);
    static DevicePathNode usb(quint8 parentPort, quint8 interfaceNumber);
    static DevicePathNode mac(const QByteArray &address, quint8 ifType = 1);  // IfType 1 = Ethernet
    static DevicePathNode ipv4();        // all zero: DHCP, what edk2 writes for PXE/HTTP boot
    static DevicePathNode ipv6();        // all zero
    static DevicePathNode uri(const QByteArray &uri);   // empty = use the URL DHCP offers
    static DevicePathNode sata(quint16 hbaPort, quint16 portMultiplier = 0xffff, quint16 lun = 0);
    static DevicePathNode nvme(quint32 namespaceId, quint64 eui64);
    static DevicePathNode sd(quint8 slot);
    static DevicePathNode emmc(quint8 slot);
    static DevicePathNode hardDriveGpt(quint32 partition, quint64 start, quint64 size, const QUuid &partitionGuid);
    static DevicePathNode hardDriveMbr(quint32 partition, quint64 start, quint64 size, quint32 diskSignature);
    static DevicePathNode filePath(const QString &path);
    static DevicePathNode fv(const QUuid &volume);
    static DevicePathNode fvFile(const QUuid &file);
    static DevicePathNode vendor(quint8 type, quint8 subType, const QUuid &guid, const QByteArray &data = {});
};

class DevicePath
{
public:
    using Instance = QList<DevicePathNode>;

    DevicePath() = default;
    explicit DevicePath(const Instance &nodes) { m_instances.append(nodes); }

    // Decodes a device path list (instances separated by End-Instance, ended by End-Entire).
    // Inconsistent node lengths stop decoding and set isMalformed(); nothing reads out of bounds.
    static DevicePath decode(const QByteArray &bytes);
    [[nodiscard]] QByteArray encode() const;

    [[nodiscard]] const QList<Instance> &instances() const { return m_instances; }
    [[nodiscard]] bool isEmpty() const { return m_instances.isEmpty(); }
    [[nodiscard]] bool isMalformed() const { return m_malformed; }
    [[nodiscard]] bool isComplete() const { return m_complete; }   // ended by End-Entire
    [[nodiscard]] bool contains(quint8 type, quint8 subType) const;
    [[nodiscard]] const DevicePathNode *find(quint8 type, quint8 subType) const;

    [[nodiscard]] QString toText() const;

private:
    QList<Instance> m_instances;
    bool m_malformed = false;
    bool m_complete = false;
};

// virt-fw-vars rendering of raw device path bytes: nodes of the first instance joined by '/',
// stopping at the first end node.
QString virtDevicePathText(const QByteArray &bytes);

} // namespace efi
