// DHCP/BOOTP datagrams as they arrive on ports 67 and 4011 (anyone on the lab segment can send
// them): dhcp::parsePacket, option 43 (PXE vendor options), client classification, the boot
// decision and the reply the service would send.
//
// Invariants: a parsed packet re-encodes to a datagram that parses to the same options and header;
// decoded option 43 re-encodes and decodes to the same value; every reply we build encodes within
// the client's size limit and parses again.

#include "fuzzsupport.h"

#include "config/labconfigloader.h"
#include "dhcp/bootdecision.h"
#include "dhcp/dhcpreply.h"
#include "dhcp/pxeoptions.h"

namespace {

struct Fixture
{
    DhcpConfig config;
    dhcp::ClientRules rules;
    DeviceConfig device;
};

const Fixture &fixture()
{
    static const Fixture f = [] {
        Fixture x;
        // The defaults a lab.yaml without a dhcp section gets (boot files, Pi prefixes).
        const auto loaded = LabConfigLoader::loadText(QByteArray(), QStringLiteral("fuzz.yaml"));
        x.config = loaded.config.services.dhcp;
        x.rules = dhcp::ClientRules(x.config);
        x.device.name = QStringLiteral("pi-fuzz");
        return x;
    }();
    return f;
}

QString describe(const dhcp::Packet &p)
{
    QStringList parts;
    for (const auto &o : p.options)
        parts.append(QStringLiteral("%1:%2").arg(o.code).arg(QString::fromLatin1(o.data.toHex())));
    return parts.join(QLatin1Char(' '));
}

void checkRoundTrip(const dhcp::Packet &p)
{
    dhcp::SerializeOptions so;
    so.maxSize = dhcp::MaxPacketSize;
    so.minSize = 0;
    QString error;
    const QByteArray wire = dhcp::serializePacket(p, so, &error);
    if (wire.isEmpty())
        return; // refused with a reason (e.g. options that cannot fit): fine
    dhcp::Packet again;
    const auto r = dhcp::parsePacket(wire, &again);
    FUZZ_CHECK(r.ok(), QStringLiteral("re-encoded packet rejected: %1 (%2)").arg(r.detail, describe(p)));
    FUZZ_CHECK(again.options == p.options, QStringLiteral("options changed: %1 -> %2").arg(describe(p), describe(again)));
    FUZZ_CHECK(again.xid == p.xid && again.op == p.op && again.chaddr.left(p.hlen) == p.chaddr.left(p.hlen),
               QStringLiteral("header changed"));
}

void checkPxeOptions(const QByteArray &option43)
{
    dhcp::PxeVendorOptions pxe;
    QString error;
    if (!dhcp::parsePxeVendorOptions(option43, &pxe, &error)) {
        FUZZ_CHECK(!error.isEmpty(), QStringLiteral("option 43 rejected without a reason"));
        return;
    }
    const QByteArray wire = dhcp::serializePxeVendorOptions(pxe, &error);
    if (wire.isEmpty())
        return;
    dhcp::PxeVendorOptions again;
    FUZZ_CHECK(dhcp::parsePxeVendorOptions(wire, &again, &error), QStringLiteral("re-encoded option 43 rejected: %1").arg(error));
    FUZZ_CHECK(again == pxe, QStringLiteral("option 43 changed in a round trip: %1 -> %2")
                                 .arg(QString::fromLatin1(option43.toHex()), QString::fromLatin1(wire.toHex())));
}

void checkReply(const dhcp::Packet &request, const dhcp::BootDecision &decision)
{
    const quint32 server = 0x0a4d0001; // 10.77.0.1
    const auto type = request.messageType() == dhcp::MessageType::Discover ? dhcp::MessageType::Offer : dhcp::MessageType::Ack;
    dhcp::Packet reply = dhcp::buildProxyReply(request, type, decision, server);
    dhcp::finishReply(reply, request);
    dhcp::SerializeOptions so;
    so.maxSize = qBound(dhcp::DefaultMaxMessageSize, request.optionUInt16(57, dhcp::DefaultMaxMessageSize), 1500);
    QString error;
    const QByteArray wire = dhcp::serializePacket(reply, so, &error);
    if (wire.isEmpty()) {
        FUZZ_CHECK(!error.isEmpty(), QStringLiteral("reply refused without a reason"));
        return;
    }
    FUZZ_CHECK(wire.size() <= so.maxSize, QStringLiteral("reply of %1 bytes exceeds the client's %2").arg(wire.size()).arg(so.maxSize));
    dhcp::Packet parsed;
    const auto r = dhcp::parsePacket(wire, &parsed);
    FUZZ_CHECK(r.ok(), QStringLiteral("our own reply does not parse: %1").arg(r.detail));
    (void)dhcp::replyDestination(request, reply, 67, 68);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Fixture &f = fixture();
    const QByteArray datagram = fuzzsupport::bytes(data, size);
    dhcp::Packet packet;
    const auto parsed = dhcp::parsePacket(datagram, &packet);
    if (!parsed.ok()) {
        FUZZ_CHECK(!dhcp::parseErrorName(parsed.error).isEmpty(), QStringLiteral("unnamed parse error"));
        return 0;
    }
    FUZZ_CHECK(datagram.size() <= dhcp::MaxPacketSize, QStringLiteral("oversize datagram accepted"));
    (void)packet.mac();
    (void)packet.optionAddress(50);
    (void)packet.optionAddress(54);
    (void)packet.optionUInt32(51);
    checkRoundTrip(packet);
    if (packet.has(43))
        checkPxeOptions(packet.option(43));

    const dhcp::ClientInfo client = dhcp::classifyClient(packet, f.rules);
    (void)dhcp::archDescription(client.arch);
    dhcp::BootContext context;
    context.serverIp = 0x0a4d0001;
    context.httpBaseUrl = dhcp::resolveBaseUrl(QStringLiteral("http://0.0.0.0:8080"), context.serverIp);
    for (int adopted = 0; adopted < 2; ++adopted) {
        context.device = adopted ? &f.device : nullptr;
        const dhcp::BootDecision decision = dhcp::decideBoot(client, context, f.config);
        if (decision.answer)
            checkReply(packet, decision);
        else
            FUZZ_CHECK(!decision.refusalCode.isEmpty(), QStringLiteral("refusal without a code"));
    }
    return 0;
}
