#!/bin/sh
# Benchmark: render a per-device 2 MB RPI_EFI.fd (add the device's PXE entry + BootNext) with
# Metal Boot's engine and with virt-firmware (virt-fw-vars' library) side by side.
#
#   tests/bench/efi/run.sh [BUILD_DIR] [VIRT_FIRMWARE_CHECKOUT]
#
# The peer runs from a virt-firmware checkout outside the repository (e.g. git clone
# https://gitlab.com/kraxel/virt-firmware /tmp/virt-firmware); it needs python3-cryptography.
# Figures: wall-clock median and p95, and the median CPU time (fairer on a shared machine).
# Build with -DCMAKE_BUILD_TYPE=Release for representative numbers of ours.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../../build}
peer=${2:-${VIRT_FIRMWARE:-/tmp/virt-firmware}}
image=${IMAGE:-$here/../../../../shared/fixtures/efi/RPI_EFI-v1.37-used.fd}
iterations=${ITERATIONS:-200}
peer_iterations=${PEER_ITERATIONS:-3}

ninja -C "$build" bench_efi_render >/dev/null
ours=$("$build/tests/bench/efi/bench_efi_render" "$image" "$iterations")
echo "image: $(basename "$image") ($(stat -c %s "$image") bytes); ours: $iterations iterations, peer: $peer_iterations"
row='{ printf "%-32s median %10.3f ms   p95 %10.3f ms   cpu %10.3f ms\n", $1, $2, $3, $4 }'
echo "$ours" | awk '$1 != "bytes"'" $row"

if [ -d "$peer/virt/firmware" ]; then
    theirs=$(PYTHONPATH="$peer" python3 "$here/virt_render.py" "$image" "$peer_iterations")
    echo "$theirs" | awk "$row"
    # The CLI as a user runs it (interpreter start-up included); it has no PXE option, so this
    # is --set-boot-uri, the closest operation (adds Boot0099 and BootNext). One run.
    out=$(mktemp)
    s=$(date +%s%N)
    PYTHONPATH="$peer" python3 -m virt.firmware.vars -l warning -i "$image" --set-boot-uri http://10.0.0.1/boot.efi -o "$out"
    e=$(date +%s%N)
    rm -f "$out"
    cli_ms=$(( (e - s) / 1000000 ))
    printf "%-32s wall %10.3f ms   (one process run)\n" virt-fw-vars_cli_set_boot_uri "$cli_ms"
    printf '%s\n%s\n' "$ours" "$theirs" | awk -v cli="$cli_ms" '
        { wall[$1] = $2; cpu[$1] = $4 }
        END {
            o = "ours_parse_add_bootnext_write"; r = "ours_service_render"; v = "virt_parse_add_bootnext_write"
            printf "ratio virt / ours, same operation:        wall %8.0fx   cpu %8.0fx\n", wall[v] / wall[o], cpu[v] / cpu[o]
            printf "ratio virt / ours, service render:        wall %8.0fx   cpu %8.0fx\n", wall[v] / wall[r], cpu[v] / cpu[r]
            printf "ratio virt-fw-vars CLI / service render:  wall %8.0fx\n", cli / wall[r]
            printf "goal: ours < 5 ms median and >= 50x: %s\n", (wall[r] < 5 && wall[v] / wall[r] >= 50) ? "met" : "NOT met"
        }'
else
    echo "virt-firmware checkout not found at $peer: peer figures skipped"
fi
