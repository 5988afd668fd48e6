// The full-mode lease file (<data>/dhcp.leases, dnsmasq's format; may also be a file written by
// dnsmasq that we take over): dhcp::parseLeaseFile never fails as a whole, skips bad lines with a
// warning, and what formatLeaseFile writes reads back identically without warnings.

#include "fuzzsupport.h"

#include "dhcp/dhcplease.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto content = dhcp::parseLeaseFile(fuzzsupport::bytes(data, size));
    for (const DhcpLease &lease : content.leases) {
        (void)lease.mac();
        (void)lease.isExpired(1700000000);
    }
    const QByteArray written = dhcp::formatLeaseFile(content.leases);
    const auto again = dhcp::parseLeaseFile(written);
    FUZZ_CHECK(again.warnings.isEmpty(), QStringLiteral("our own lease file has bad lines: %1 in\n%2")
                                             .arg(again.warnings.join(QLatin1String("; ")), QString::fromUtf8(written)));
    FUZZ_CHECK(again.leases == content.leases, QStringLiteral("leases changed in a round trip:\n%1").arg(QString::fromUtf8(written)));
    return 0;
}
