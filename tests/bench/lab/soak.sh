#!/bin/bash
# Soak: COUNT virtual Raspberry Pi 4s (default 100) reboot in a loop for SECONDS (default 1800)
# through the whole chain of a real `metalboot --headless` (proxy DHCP -> TFTP -> RPI_EFI.fd ->
# UEFI PXE -> iPXE -> HTTP -> netconsole "OS up"), each rebooting 0.5-2 s after it came up.
# Prints boots, failed boots and the server's RSS every 10 s, then its drift: the median RSS of the
# last 20 % of the run against the median at the 20-30 % mark (goal: 0 failed boots, drift < 5 %).
#
#   sudo tests/bench/lab/soak.sh [build-dir] [count] [seconds]     (defaults: ./build, 100, 1800)
#
# Everything runs inside a network namespace this script creates (its own lo) and removes.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
COUNT=${2:-${COUNT:-100}}
SECONDS_TOTAL=${3:-${SOAK_SECONDS:-1800}}
BIN=$BUILD/app/metalboot
STORM=$BUILD/tests/bench/lab/vlabstorm

[ "$(id -u)" = 0 ] || { echo "needs root (network namespace)" >&2; exit 2; }
[ -x "$BIN" ] || { echo "no $BIN - build the metalboot target first" >&2; exit 2; }
[ -x "$STORM" ] || ninja -C "$BUILD" -j2 vlabstorm >/dev/null

# shellcheck source=labns.sh
. "$(dirname "$0")/labns.sh"
labns_init "mb-soak-$$" mb-soak

echo "== soak: $COUNT virtual Pi 4s rebooting for $SECONDS_TOTAL s ($(nproc) cores, $(grep -o 'CMAKE_BUILD_TYPE:STRING=.*' "$BUILD/CMakeCache.txt" | cut -d= -f2) build)"
nsx "$STORM" prepare "$WORK/mb" "$COUNT"
labns_start_metalboot "$BIN"

rc=0
nsx "$STORM" soak "$COUNT" 1067 4011 1069 "$SECONDS_TOTAL" "$MB" | tee "$WORK/soak.out" || rc=$?
if ! kill -0 "$MB" 2>/dev/null; then echo "metalboot exited during the soak:"; tail -20 "$WORK/mb.log"; exit 1; fi
du -sh "$WORK/mb/data"/* 2>/dev/null | sort -h | tail -5 | sed "s/^/data: /"
grep -c -i "warning\|critical" "$WORK/mb.log" | sed 's/^/server warnings: /' || true
exit $rc
