#include "efiguid.h"

#include "efibytes.h"

#include <array>
#include <utility>

namespace efi {

namespace {

struct NamedGuid
{
    const char *uuid;
    const char *name;
};

// virt-firmware's efi/guids.py name table (the names its JSON reader accepts and its --verbose
// printer shows), plus the RPi4 ones this project needs to talk about.
constexpr std::array<NamedGuid, 45> NamedGuids{{
    {"8c8ce578-8a3d-4f1c-9935-896185c32dd3", "Ffs"},
    {"fff12b8d-7696-4c8b-a985-2747075b4f50", "NvData"},
    {"aaf32c78-947b-439a-a180-2e144ec37792", "AuthVars"},
    {"ee4e5898-3914-4259-9d6e-dc7bd79403cf", "LzmaCompress"},
    {"1ba0062e-c779-4582-8566-336ae8f78f09", "ResetVector"},
    {"9e21fd93-9c72-4c15-8c4b-e77f1db2d792", "FvMainCompact"},
    {"df1ccef6-f301-4a63-9661-fc6030dcc880", "SecMain"},
    {"48db5e17-707c-472d-91cd-1613e7ef51b0", "OvmfMainFv"},
    {"6938079b-b503-4e3d-9d24-b28337a25806", "OvmfPeiFv"},
    {"7cb8bdc9-f8eb-4f34-aaea-3ee4af6516a1", "OvmfDxeFv"},
    {"763bed0d-de9f-48f5-81f1-3e90e1b1a015", "OvmfSecFv"},
    {"8be4df61-93ca-11d2-aa0d-00e098032b8c", "EfiGlobalVariable"},
    {"d719b2cb-3d3a-4596-a3bc-dad00e67656f", "EfiImageSecurityDatabase"},
    {"f0a30bc7-af08-4556-99c4-001009c93a44", "EfiSecureBootEnableDisable"},
    {"c076ec0c-7028-4399-a072-71ee5c448b9f", "EfiCustomModeEnable"},
    {"eb704011-1402-11d3-8e77-00a0c969723b", "MtcVendor"},
    {"4c19049f-4137-4dd3-9c10-8b97a83ffdfa", "EfiMemoryTypeInformation"},
    {"4b47d616-a8d6-4552-9d44-ccad2e0f4cf9", "IScsiConfig"},
    {"d9bee56e-75dc-49d9-b4d7-b534210f637a", "EfiCertDb"},
    {"fd2340d0-3dab-4349-a6c7-3b4f12b48eae", "EfiTlsCaCertificate"},
    {"59324945-ec44-4c0d-b1cd-9db139df070c", "EfiIScsiInitiatorNameProtocol"},
    {"9fb9a8a1-2f4a-43a6-889c-d0f7b6c47ad5", "EfiDhcp6ServiceBindingProtocol"},
    {"5b446ed1-e30b-4faa-871a-3654eca36080", "EfiIp4Config2Protocol"},
    {"937fe521-95ae-4d1a-8929-48bcd90ad31a", "EfiIp6ConfigProtocol"},
    {"a5c059a1-94e4-4aa7-87b5-ab155c2bf072", "EfiCertX509"},
    {"c1c41626-504c-4092-aca9-41f936934328", "EfiCertSha256"},
    {"4aafd29d-68df-49ee-8aa9-347d375665a7", "EfiCertPkcs7"},
    {"77fa9abd-0359-4d32-bd60-28f4e78f784b", "MicrosoftVendor"},
    {"a0baa8a3-041d-48a8-bc87-c36d121b5e3d", "OvmfEnrollDefaultKeys"},
    {"605dab50-e046-4300-abb6-3dd810dd8b23", "Shim"},
    {"96b582de-1fb2-45f7-baea-a366c55a082d", "OvmfGuidList"},
    {"dc886566-984a-4798-a75e-5585a7bf67cc", "OvmfSevMetadataOffset"},
    {"e47a6535-984a-4798-865e-4685a7bf8ec2", "TdxMetadataOffset"},
    {"7255371f-3a3b-4b04-927b-1da6efa8d454", "SevHashTableBlock"},
    {"4c2eb361-7d9b-4cc3-8081-127c90d3d294", "SevSecretBlock"},
    {"00f771de-1a7e-4fcb-890e-68c77e2fb44e", "SevProcessorReset"},
    {"6dcbd5ed-e82d-4c44-bda1-7194199ad92a", "FwMgrCapsule"},
    {"4a3ca68b-7723-48fb-803d-578cc1fec44d", "SignedCapsule"},
    {"00000000-0000-0000-0000-000000000000", "Zero"},
    {"ffffffff-ffff-ffff-ffff-ffffffffffff", "NotValid"},
    // Not in virt-firmware's table: accepted on input, never printed (keeps --verbose parity).
    {"cd7cc258-31db-22e6-9f22-63b0b8eed6b5", "RaspberryPiConfigDxe"},
    {"cd7cc258-31db-11e6-9fd3-63b0b8eed6b5", "RaspberryPiTokenSpace"},
    {"5b6f7107-bb3c-4660-92cd-542690280bbd", "BootDiscoveryPolicyMgr"},
    {"8108ac4e-9f11-4d59-850e-e21a522c59b2", "BdsAutoCreated"},
    {"9e58292b-7c68-497d-a0ce-6500fd9f1b95", "EdkiiWorkingBlockSignature"},
}};
constexpr std::size_t PrintableNames = 40;   // the first 40 entries are virt-firmware's

} // namespace

QUuid guidFromBytes(const char *p)
{
    const auto *u = reinterpret_cast<const uchar *>(p);
    return QUuid(le32(p), le16(p + 4), le16(p + 6), u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
}

void writeGuid(char *p, const QUuid &guid)
{
    put32(p, guid.data1);
    put16(p + 4, guid.data2);
    put16(p + 6, guid.data3);
    for (int i = 0; i < 8; ++i)
        p[8 + i] = char(guid.data4[i]);
}

QByteArray guidToBytes(const QUuid &guid)
{
    QByteArray out(16, '\0');
    writeGuid(out.data(), guid);
    return out;
}

QString guidToString(const QUuid &guid)
{
    return guid.toString(QUuid::WithoutBraces);
}

std::optional<QUuid> parseGuid(const QString &text)
{
    QString t = text.trimmed();
    const QUuid direct = QUuid::fromString(t);
    if (!direct.isNull() || t == QLatin1String("00000000-0000-0000-0000-000000000000"))
        return direct;
    if (t.startsWith(QLatin1String("guid:")))
        t = t.mid(5);
    for (const auto &g : NamedGuids)
        if (t.compare(QLatin1String(g.name), Qt::CaseInsensitive) == 0)
            return QUuid::fromString(QLatin1String(g.uuid));
    return std::nullopt;
}

QString guidSymbol(const QUuid &guid)
{
    const QString s = guidToString(guid);
    for (std::size_t i = 0; i < PrintableNames; ++i)
        if (s == QLatin1String(NamedGuids[i].uuid))
            return QString::fromLatin1(NamedGuids[i].name);
    return {};
}

QString guidDisplayName(const QUuid &guid)
{
    const QString symbol = guidSymbol(guid);
    return symbol.isEmpty() ? guidToString(guid) : QStringLiteral("guid:") + symbol;
}

} // namespace efi
