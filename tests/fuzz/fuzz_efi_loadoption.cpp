// EFI_LOAD_OPTION (Boot#### payloads) and device paths, as found in firmware images and
// virt-fw-vars JSON from any source. Input: one control byte, then the bytes.
//   control bit 0 clear: the bytes are a load option; set: a bare device path list.
//
// Invariants: decode -> encode is byte-exact for load options (the device path list is kept raw);
// text forms never fail; a decoded device path re-encodes to bytes that decode cleanly and encode
// to themselves again.

#include "fuzzsupport.h"

#include "efi/bootentries.h"
#include "efi/devicepath.h"
#include "efi/loadoption.h"

namespace {

QString hex(const QByteArray &b)
{
    return QString::fromLatin1(b.toHex());
}

void checkDevicePath(const QByteArray &bytes)
{
    const efi::DevicePath path = efi::DevicePath::decode(bytes);
    (void)path.toText();
    (void)efi::virtDevicePathText(bytes);
    for (const auto &instance : path.instances())
        for (const auto &node : instance) {
            (void)node.toText();
            (void)node.virtText();
        }
    (void)path.contains(efi::dp::Messaging, efi::dp::MsgMac);
    const QByteArray encoded = path.encode();
    if (path.isMalformed() || path.isEmpty())
        return;
    // Re-encoding normalises (e.g. an End node's unknown sub-type becomes End-Instance) but must
    // be stable: what we write decodes cleanly to the same thing.
    const efi::DevicePath again = efi::DevicePath::decode(encoded);
    FUZZ_CHECK(!again.isMalformed() && again.isComplete() && again.encode() == encoded,
               QStringLiteral("device path re-encoding is not stable: %1 -> %2 -> %3").arg(hex(bytes), hex(encoded), hex(again.encode())));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes = fuzzsupport::bytes(data + 1, size - 1);
    if (data[0] & 1) {
        checkDevicePath(bytes);
        return 0;
    }
    const auto option = efi::LoadOption::decode(bytes);
    if (!option.ok()) {
        FUZZ_CHECK(!option.error().isEmpty(), QStringLiteral("rejected without a reason"));
        return 0;
    }
    FUZZ_CHECK(option->encode() == bytes, QStringLiteral("load option changed in a round trip: %1 -> %2").arg(hex(bytes), hex(option->encode())));
    (void)option->virtText();
    (void)option->isAutoCreated();
    (void)efi::bootKind(option.value());
    (void)efi::bootEntryMac(option.value());
    checkDevicePath(option->filePathList);
    return 0;
}
