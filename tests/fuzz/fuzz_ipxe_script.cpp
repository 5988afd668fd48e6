// iPXE scripts rendered from hostile device configurations (lab.yaml, the management API, a seed
// import, Redfish boot overrides and virtual media URLs all reach ipxe::renderDeviceScript).
// Input fields (0x1E-separated): name, osie.kernel, osie.initrd, osie.cmdline, console,
// ipxe_script, ipxe_script_url, virtual media image, HttpBootUri, then control bytes.
//
// Invariant (except for the administrator's own `ipxe_script`, served as written): no value can
// add an iPXE command. Every line is a comment, a label, or one of the commands the renderer writes;
// the only terminator is our own "|| goto failed" / "|| reboot"; no line continues; `$` appears
// only as ${setting}; the text is printable ASCII. Also: echoText() output is harmless on an echo
// line, and a value checkUrl() accepts resolves to a URL checkUrl() accepts again.

#include "fuzzsupport.h"

#include "boot/ipxescript.h"

#include "ipxecheck.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzzsupport::FuzzInput in(data, size);
    DeviceConfig device;
    device.mac = MacAddress({0xdc, 0xa6, 0x32, 0x01, 0x36, 0xc2});
    device.name = in.text();
    device.osie.kernel = in.text();
    device.osie.initrd = in.text();
    device.osie.cmdline = in.text();
    device.console = in.text();
    device.ipxeScript = in.text();
    device.ipxeScriptUrl = in.text();
    VirtualMedia media;
    media.image = in.text();
    const QString httpBootUri = in.text();
    const quint8 control = in.u8();

    ipxe::DeviceScriptInput input;
    input.mac = device.mac;
    input.device = (control & 0x80) ? nullptr : &device;
    device.allowPxe = !(control & 0x40);
    input.override.target = BootOverride::Target(control % 7);
    input.override.enabled = BootOverride::Enabled((control >> 3) % 3);
    input.override.httpBootUri = httpBootUri;
    media.inserted = !media.image.isEmpty() && (control & 0x20);
    input.media = media;
    input.baseUrl = (control & 0x04) ? QStringLiteral("http://[fd00::1]:8080") : QStringLiteral("http://10.77.0.1:8080");

    const ipxe::Script script = ipxe::renderDeviceScript(input);
    (void)ipxe::kindName(script.kind);
    if (script.kind == ipxe::ScriptKind::Invalid)
        FUZZ_CHECK(!script.error.isEmpty(), QStringLiteral("invalid script without a reason"));
    if (script.kind != ipxe::ScriptKind::Custom)
        checkIpxeScript(script);

    // The helpers on their own, with each field.
    for (const QString &value : {device.name, device.osie.kernel, device.osie.cmdline, media.image, httpBootUri}) {
        const QString echoed = ipxe::echoText(value);
        QString why;
        FUZZ_CHECK(ipxe::checkArguments(echoed, &why), QStringLiteral("echoText output refused (%1): %2").arg(why, echoed));
        if (ipxe::checkUrl(value, &why)) {
            const auto resolved = ipxe::resolveUrl(input.baseUrl, value);
            if (resolved.ok())
                FUZZ_CHECK(ipxe::checkUrl(resolved.value(), &why),
                           QStringLiteral("resolved URL refused (%1): %2 -> %3").arg(why, value, resolved.value()));
        }
    }
    (void)ipxe::renderChainScript(input.baseUrl);
    return 0;
}
