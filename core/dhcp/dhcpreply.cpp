#include "dhcpreply.h"

#include "pxeoptions.h"

namespace dhcp {

Packet beginReply(const Packet &request, MessageType type, quint32 serverId)
{
    Packet r;
    r.op = 2;
    r.htype = request.htype;
    r.hlen = request.hlen;
    r.hops = 0;
    r.xid = request.xid;
    r.secs = 0;
    r.flags = request.flags;
    r.ciaddr = type == MessageType::Ack ? request.ciaddr : 0;
    r.giaddr = request.giaddr;
    r.chaddr = request.chaddr;
    r.setOption8(opt::MessageType, quint8(type));
    r.setOptionAddress(opt::ServerId, serverId);
    return r;
}

bool encodeDomainSearch(const QStringList &domains, QByteArray *out)
{
    QByteArray data;
    for (const QString &domain : domains) {
        QString d = domain.trimmed();
        if (d.endsWith(QLatin1Char('.')))
            d.chop(1);
        if (d.isEmpty())
            return false;
        QByteArray name;
        const QStringList labels = d.split(QLatin1Char('.'));
        for (const QString &label : labels) {
            const QByteArray l = label.toLatin1();
            if (l.isEmpty() || l.size() > 63)
                return false;
            for (char ch : l) {
                const bool okChar = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || ch == '-' || ch == '_';
                if (!okChar)
                    return false;
            }
            name.append(char(l.size()));
            name.append(l);
        }
        name.append('\0');
        if (name.size() > 255)
            return false;
        data.append(name);
    }
    *out = data;
    return true;
}

static QByteArray addressList(const QList<quint32> &list)
{
    QByteArray b;
    for (quint32 a : list)
        b += ipToBytes(a);
    return b;
}

void addLeaseOptions(Packet &reply, const LeaseOptions &lease)
{
    reply.yiaddr = lease.address;
    if (lease.leaseSeconds > 0) {
        reply.setOption32(opt::LeaseTime, lease.leaseSeconds);
        if (lease.leaseSeconds != 0xffffffff) {
            reply.setOption32(opt::RenewalTime, lease.leaseSeconds / 2);
            reply.setOption32(opt::RebindingTime, quint32(quint64(lease.leaseSeconds) * 7 / 8));
        }
    }
    if (lease.netmask)
        reply.setOptionAddress(opt::SubnetMask, lease.netmask);
    if (lease.router)
        reply.setOptionAddress(opt::Router, lease.router);
    if (!lease.dnsServers.isEmpty())
        reply.setOption(opt::DnsServers, addressList(lease.dnsServers));
    if (!lease.hostName.isEmpty())
        reply.setOption(opt::HostName, lease.hostName);
    if (!lease.domain.isEmpty())
        reply.setOption(opt::DomainName, lease.domain);
    if (lease.netmask && lease.address)
        reply.setOptionAddress(opt::BroadcastAddress, (lease.address & lease.netmask) | ~lease.netmask);
    if (!lease.ntpServers.isEmpty())
        reply.setOption(opt::NtpServers, addressList(lease.ntpServers));
    QByteArray search;
    if (!lease.searchDomains.isEmpty() && encodeDomainSearch(lease.searchDomains, &search))
        reply.setOption(opt::DomainSearch, search);
}

void addBootOptions(Packet &reply, const BootDecision &boot, const Packet &request, quint32 serverIp)
{
    if (!boot.answer)
        return;
    reply.siaddr = serverIp;
    if (!boot.vendorClass.isEmpty())
        reply.setOption(opt::VendorClass, boot.vendorClass);
    const QByteArray guid = request.option(opt::ClientGuid);
    if (guid.size() == 17 && guid.at(0) == '\0')
        reply.setOption(opt::ClientGuid, guid);
    if (boot.announceTftp) {
        const QByteArray ip = ipToString(serverIp).toLatin1();
        reply.setOption(opt::TftpServerName, ip);   // the Pi 4 ignores replies without an explicit 66
        if (!boot.bootFile.isEmpty())
            reply.sname = ip;
    }
    if (!boot.bootFile.isEmpty()) {
        if (boot.bootFile.size() <= 127)
            reply.file = boot.bootFile;
        reply.setOption(opt::BootFileName, boot.bootFile.left(255));
    }
    if (!boot.option43.isEmpty())
        reply.setOption(opt::VendorSpecific, boot.option43);
}

void finishReply(Packet &reply, const Packet &request)
{
    if (const Option *agent = request.find(opt::RelayAgentInfo)) {
        reply.removeOption(opt::RelayAgentInfo);
        reply.options.push_back(*agent);
    }
}

Packet buildProxyReply(const Packet &request, MessageType type, const BootDecision &boot, quint32 serverIp)
{
    Packet r = beginReply(request, type, serverIp);
    r.yiaddr = 0;
    if (request.messageType() == MessageType::Discover || request.ciaddr == 0) {
        r.ciaddr = 0;
        r.flags |= BroadcastFlag;   // the client has no address yet
    } else {
        r.ciaddr = request.ciaddr;
    }
    addBootOptions(r, boot, request, serverIp);
    if (type == MessageType::Ack && request.has(opt::VendorSpecific)) {
        // A boot server REQUEST naming a menu item (43.71): answer for that item (PXE 2.1).
        PxeVendorOptions asked;
        if (parsePxeVendorOptions(request.option(opt::VendorSpecific), &asked) && asked.bootItem) {
            PxeVendorOptions item;
            item.bootItem = asked.bootItem;
            r.setOption(opt::VendorSpecific, serializePxeVendorOptions(item));
        }
    }
    finishReply(r, request);
    return r;
}

Destination replyDestination(const Packet &request, const Packet &reply, quint16 serverPort, quint16 clientPort)
{
    if (request.giaddr != 0)
        return {Destination::Kind::Relay, request.giaddr, serverPort};
    if (reply.messageType() == MessageType::Nak)
        return {Destination::Kind::Broadcast, 0xffffffff, clientPort};
    if (request.ciaddr != 0)
        return {Destination::Kind::Client, request.ciaddr, clientPort};
    if (reply.isBroadcast() || reply.yiaddr == 0)
        return {Destination::Kind::Broadcast, 0xffffffff, clientPort};
    return {Destination::Kind::NewAddress, reply.yiaddr, clientPort};
}

} // namespace dhcp
