#!/bin/sh
# Screenshots of every view of the real binary with the demo lab, under Xvfb (OpenGL through
# Mesa), for review: <out>/<page>.png. The demo lab's HTTP port is made ephemeral (other test
# runs share the machine) and a journal from an earlier run (one good boot, one failed) is put
# in the data dir so the device panel has a timeline to show. A second firmware profile uses a
# real RPI_EFI.fd (read-only, from ../shared) so the Profiles page and the boot editor show real
# entries. Nothing leaves loopback.
# Usage: screenshots.sh <metalboot binary> <output dir> <resources/default-lab.yaml> <RPI_EFI.fd>
# SCREENSHOT_LANG=de (or fr) shoots the views in that language (--lang), to review translations;
# SCREENSHOT_PAGES="fleet services" limits the pages.
set -eu
bin=$1
out=$2
demo=$3
firmware=$4
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/config" "$work/data"
sed 's/^    port: 8080$/    port: 0/' "$demo" >"$work/config/lab.yaml"
grep -q '^    port: 0$' "$work/config/lab.yaml"
# The extra profile, assigned to pi-05..pi-08.
python3 - "$work/config/lab.yaml" "$firmware" <<'PY'
import sys
path, firmware = sys.argv[1], sys.argv[2]
text = open(path).read()
profile = f"  pftf-v1.37:\n    name: pftf RPi4 UEFI v1.37\n    base_image: {firmware}\n    settings: {{FanOnGpio: \"18\", FanTemp: \"65\"}}\n"
assert "\ndevices:\n" in text
text = text.replace("\ndevices:\n", "\n" + profile + "devices:\n", 1)
for n in range(5, 9):
    text = text.replace(f'position: {{x: {(n - 5)}, y: 1}}, power: {{switch: sim, port: "{n}"}}, profile: default',
                        f'position: {{x: {(n - 5)}, y: 1}}, power: {{switch: sim, port: "{n}"}}, profile: pftf-v1.37')
assert text.count("profile: pftf-v1.37") == 4, text
open(path, "w").write(text)
PY
python3 - "$work" <<'PY'
import json, sys, datetime
work = sys.argv[1]
t0 = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=5)
def ev(seq, sec, mac, source, kind, stage, msg, severity="info", data=None):
    return {"seq": seq, "time": (t0 + datetime.timedelta(seconds=sec)).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "mac": mac, "source": source, "kind": kind, "severity": severity, "message": msg, "stage": stage, "data": data or {}}
pi1, pi3 = "dc:a6:32:00:00:01", "dc:a6:32:00:00:03"
events = [
    ev(1, 0, pi1, "poe", "power.changed", "powering-on", "port 1 on"),
    ev(2, 4, pi1, "dhcp", "dhcp.offer", "dhcp", "proxy offer: boot file start4.elf"),
    ev(3, 5, pi1, "tftp", "tftp.served", "tftp", "sent 6b1d0001/start4.elf", data={"file": "start4.elf"}),
    ev(4, 7, pi1, "tftp", "tftp.served", "tftp", "sent 6b1d0001/fixup4.dat", data={"file": "fixup4.dat"}),
    ev(5, 9, pi1, "tftp", "tftp.served", "uefi", "sent 6b1d0001/RPI_EFI.fd", data={"file": "RPI_EFI.fd"}),
    ev(6, 21, pi1, "dhcp", "dhcp.offer", "uefi", "UEFI PXE offer: snp.efi"),
    ev(7, 23, pi1, "http", "http.request", "ipxe", "GET /boot.ipxe"),
    ev(8, 25, pi1, "http", "http.request", "os-loading", "GET /vmlinuz", data={"file": "vmlinuz"}),
    ev(9, 62, pi1, "provision", "provision.event", "os-up", "OS reported in"),
    ev(10, 100, pi3, "poe", "power.changed", "powering-on", "port 3 on"),
    ev(11, 103, pi3, "dhcp", "dhcp.offer", "dhcp", "proxy offer: boot file start4.elf"),
    ev(12, 104, pi3, "tftp", "tftp.served", "tftp", "sent 6b1d0003/start4.elf", data={"file": "start4.elf"}),
    ev(13, 105, pi3, "tftp", "tftp.failed", "", "6b1d0003/fixup4.dat: file not found", "error"),
    ev(14, 106, pi3, "devices", "device.stage", "error", "boot failed", "error"),
]
with open(f"{work}/data/journal.jsonl", "w") as f:
    for e in events:
        f.write(json.dumps(e) + "\n")
PY
status=0
for page in ${SCREENSHOT_PAGES:-fleet device power profiles boot-editor services logs wizard}; do
    rm -f "$out/$page.png"
    METALBOOT_CONFIG_DIR="$work/config" METALBOOT_DATA_DIR="$work/data" XDG_RUNTIME_DIR="$work" \
        GRAB_PAGE=$page GRAB_TO="$out/$page.png" GRAB_DELAY_MS=2500 QT_LOGGING_RULES="*.info=false;metalboot.ui.info=true" \
        timeout 60 xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$bin" ${SCREENSHOT_LANG:+--lang "$SCREENSHOT_LANG"} >"$work/$page.log" 2>&1 || {
            echo "FAIL: $page (exit $?)"; cat "$work/$page.log"; status=1; continue; }
    python3 - "$out/$page.png" <<'PY' || status=1
import struct, sys, zlib
path = sys.argv[1]
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (1280, 800), f"unexpected size {w}x{h}"
assert len(data) > 15000, f"suspiciously small ({len(data)} bytes): blank window?"
print(f"ok: {path} {w}x{h} {len(data)} bytes")
PY
    # Xvfb's OpenGL is Mesa rasterizing on the CPU: the app must draw with Qt Quick's software
    # adaptation there (scenegraph::chooseBackend), not re-render every frame through llvmpipe.
    if ! grep -q "scene graph: software" "$work/$page.log"; then
        echo "FAIL: $page did not pick the software scene graph on Xvfb:"; grep "scene graph" "$work/$page.log"; status=1
    fi
    if grep -q "qrc:/qt/qml/MetalBootUi/" "$work/$page.log"; then
        echo "FAIL: QML warnings on $page:"; cat "$work/$page.log"; status=1
    fi
done
exit $status
