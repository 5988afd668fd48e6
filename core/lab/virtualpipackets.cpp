#include "virtualpipackets.h"

#include "dhcp/pxeoptions.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QtEndian>

namespace vpi {

using dhcp::Packet;
namespace opt = dhcp::opt;

namespace {

const QByteArray PiParameterList = QByteArray::fromHex("01032b3c42438081828384858687");
// EDK2 PxeBcDxe (AAVMF/OVMF): 1 2 3 4 5 6 12 13 15 17 18 22 23 28 40 41 42 43 50 51 54 58 59 60 66 67 97 128-135.
const QByteArray UefiParameterList =
    QByteArray::fromHex("0102030405060c0d0f111216171c28292a2b3233363a3b3c4243618081828384858687");

QByteArray le32(quint32 value)
{
    QByteArray b(4, Qt::Uninitialized);
    qToLittleEndian(value, b.data());
    return b;
}

QByteArray vendorClass(const char *kind, quint16 arch, const char *undi)
{
    return QByteArray(kind) + ":Arch:" + QByteArray::number(arch).rightJustified(5, '0') + ":UNDI:" + undi;
}

Packet request(const Identity &id, quint32 xid, dhcp::MessageType type, quint16 flags)
{
    Packet p;
    p.op = 1;
    p.xid = xid;
    p.flags = flags;
    p.chaddr = id.mac.toBytes();
    p.setOption8(opt::MessageType, quint8(type));
    return p;
}

void uefiClientOptions(Packet &p, const Identity &id, quint16 arch, const char *undi, const QByteArray &ndi)
{
    p.setOption16(opt::MaxMessageSize, 1472);
    p.setOption(opt::ParameterList, UefiParameterList);
    p.setOption16(opt::ClientArch, arch);
    p.setOption(opt::ClientNdi, ndi);
    p.setOption(opt::ClientGuid, QByteArray(1, '\0') + firmwareUuid(id));
    p.setOption(opt::VendorClass, vendorClass("PXEClient", arch, undi));
}

void ipxeOptions(Packet &p, const Identity &id, quint16 arch, const QByteArray &userClass)
{
    // iPXE keeps EDK2's client options (its DHCP code sends 93/94/97/60 itself) and adds its own.
    p.setOption16(opt::MaxMessageSize, 1472);
    p.setOption(opt::ParameterList, UefiParameterList + QByteArray::fromHex("77afcb"));
    p.setOption16(opt::ClientArch, arch);
    p.setOption(opt::ClientNdi, QByteArray::fromHex("01030a"));
    p.setOption(opt::ClientGuid, QByteArray(1, '\0') + firmwareUuid(id));
    p.setOption(opt::VendorClass, vendorClass("PXEClient", arch, "003010"));
    p.setOption(opt::ClientId, QByteArray(1, '\x01') + id.mac.toBytes());
    p.setOption(opt::UserClass, userClass);
    // 175: version 1.0.0 (eb), feature flags: DNS (17), HTTP (13), TFTP (15), EFI (24), menu (27).
    p.setOption(opt::IpxeEncap, QByteArray::fromHex("eb03010000" "170101" "130101" "150101" "240101" "270101"));
}

} // namespace

QString serialPrefix(quint32 serial)
{
    return QString::number(serial, 16).rightJustified(8, QLatin1Char('0'));
}

QByteArray firmwareUuid(const Identity &id)
{
    if (id.uuid.size() == 16)
        return id.uuid;
    QByteArray seed = "metalboot-virtual-pi:" + le32(id.serial) + id.mac.toBytes();
    QByteArray uuid = QCryptographicHash::hash(seed, QCryptographicHash::Sha256).left(16);
    uuid[6] = char((uuid[6] & 0x0f) | 0x50);   // version 5 style, variant RFC 4122
    uuid[8] = char((uuid[8] & 0x3f) | 0x80);
    return uuid;
}

QByteArray bootloaderGuid(const Identity &id)
{
    const QByteArray mac = id.mac.toBytes();
    return QByteArray(1, '\0') + QByteArrayLiteral("RPi4") + le32(id.boardRevision) + mac.mid(2, 4) + le32(id.serial);
}

dhcp::Packet bootloaderDiscover(const Identity &id, quint32 xid)
{
    Packet p = request(id, xid, dhcp::MessageType::Discover, 0);
    p.setOption(opt::ParameterList, PiParameterList);
    p.setOption16(opt::ClientArch, 0);
    p.setOption(opt::ClientNdi, QByteArray::fromHex("010201"));
    p.setOption(opt::ClientGuid, bootloaderGuid(id));
    p.setOption(opt::VendorClass, QByteArrayLiteral("PXEClient:Arch:00000:UNDI:002001"));
    return p;
}

dhcp::Packet bootloaderRequest(const Identity &id, quint32 xid, quint32 address, quint32 server)
{
    Packet p = request(id, xid, dhcp::MessageType::Request, 0);
    p.setOption(opt::ParameterList, PiParameterList);
    p.setOption16(opt::ClientArch, 0);
    p.setOption(opt::ClientNdi, QByteArray::fromHex("010201"));
    p.setOption(opt::ClientGuid, bootloaderGuid(id));
    if (address)
        p.setOptionAddress(opt::RequestedIp, address);
    if (server)
        p.setOptionAddress(opt::ServerId, server);
    return p;
}

dhcp::Packet uefiDiscover(const Identity &id, quint32 xid, quint16 arch)
{
    Packet p = request(id, xid, dhcp::MessageType::Discover, dhcp::BroadcastFlag);
    uefiClientOptions(p, id, arch, "003000", QByteArray::fromHex("010300"));
    return p;
}

dhcp::Packet uefiBootServerRequest(const Identity &id, quint32 xid, quint32 ciaddr, quint16 arch)
{
    Packet p = request(id, xid, dhcp::MessageType::Request, 0);
    p.ciaddr = ciaddr;
    uefiClientOptions(p, id, arch, "003000", QByteArray::fromHex("010300"));
    return p;
}

dhcp::Packet ipxeDiscover(const Identity &id, quint32 xid, quint16 arch, const QByteArray &userClass)
{
    Packet p = request(id, xid, dhcp::MessageType::Discover, dhcp::BroadcastFlag);
    ipxeOptions(p, id, arch, userClass);
    return p;
}

dhcp::Packet ipxeProxyRequest(const Identity &id, quint32 xid, quint32 ciaddr, quint16 arch, const QByteArray &userClass)
{
    Packet p = request(id, xid, dhcp::MessageType::Request, 0);
    p.ciaddr = ciaddr;
    ipxeOptions(p, id, arch, userClass);
    return p;
}

QByteArray encode(const dhcp::Packet &packet)
{
    dhcp::SerializeOptions o;
    o.minSize = 0;
    o.maxSize = 1472;
    o.allowOverload = false;
    return dhcp::serializePacket(packet, o);
}

Reply parseReply(const QByteArray &datagram, const MacAddress &mac, quint32 xid)
{
    Reply r;
    Packet p;
    const dhcp::ParseResult parsed = dhcp::parsePacket(datagram, &p);
    if (!parsed.ok()) {
        r.error = QStringLiteral("malformed reply (%1)").arg(dhcp::parseErrorName(parsed.error));
        return r;
    }
    if (p.op != 2 || p.xid != xid || p.mac() != mac) {
        r.error = QStringLiteral("reply for another client");
        return r;
    }
    r.type = p.messageType();
    r.xid = p.xid;
    r.yiaddr = p.yiaddr;
    r.siaddr = p.siaddr;
    r.serverId = p.optionAddress(opt::ServerId);
    r.tftpServer = QString::fromLatin1(p.option(opt::TftpServerName)).trimmed();
    const QByteArray file = p.has(opt::BootFileName) ? p.option(opt::BootFileName) : p.file;
    r.bootFile = QString::fromUtf8(file.left(file.indexOf('\0') < 0 ? file.size() : file.indexOf('\0')));
    r.vendorClass = p.option(opt::VendorClass);
    r.option43 = p.option(opt::VendorSpecific);
    r.guid = p.option(opt::ClientGuid);
    if (!r.option43.isEmpty()) {
        dhcp::PxeVendorOptions pxe;
        if (dhcp::parsePxeVendorOptions(r.option43, &pxe))
            r.hasPiMenu = !pxe.menu.isEmpty();
    }
    r.ok = true;
    return r;
}

quint32 tftpServerFor(const Reply &reply)
{
    QHostAddress named;
    if (!reply.tftpServer.isEmpty() && named.setAddress(reply.tftpServer) && named.protocol() == QAbstractSocket::IPv4Protocol)
        return named.toIPv4Address();
    if (reply.siaddr)
        return reply.siaddr;
    return reply.serverId;
}

Netconsole parseNetconsole(const QString &commandLine)
{
    Netconsole n;
    const QStringList words = commandLine.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString value;
    for (const QString &w : words)
        if (w.startsWith(QLatin1String("netconsole=")))
            value = w.mid(11);
    if (value.isEmpty())
        return n;
    while (!value.isEmpty() && (value.at(0) == QLatin1Char('+') || value.at(0) == QLatin1Char('r'))) {
        if (value.at(0) == QLatin1Char('+'))
            n.extended = true;
        value.remove(0, 1);
    }
    const qsizetype comma = value.indexOf(QLatin1Char(','));
    if (comma < 0)
        return n;
    const QString local = value.left(comma);
    const QString remote = value.mid(comma + 1);
    bool ok = true;
    const QString localPort = local.section(QLatin1Char('@'), 0, 0);
    if (!localPort.isEmpty()) {
        const uint port = localPort.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return n;
        n.localPort = quint16(port);
    }
    const qsizetype at = remote.indexOf(QLatin1Char('@'));
    if (at < 0)
        return n;
    if (at > 0) {
        const uint port = remote.left(at).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return n;
        n.targetPort = quint16(port);
    }
    const QString ip = remote.mid(at + 1).section(QLatin1Char('/'), 0, 0);
    if (!n.target.setAddress(ip) || n.target.protocol() != QAbstractSocket::IPv4Protocol)
        return n;
    n.ok = true;
    return n;
}

} // namespace vpi
