#!/bin/bash
# Every side-by-side benchmark under tests/bench/*/ in one run, then one table of their ratios.
# Heavy (tens of minutes on 2 cores): run on demand, not in CI.
#
#   sudo tests/bench/run-all.sh [build-dir]            (default: ./build; Release builds give
#                                                       representative figures of ours)
# Env:
#   ONLY="dhcp tftp ..."   run a subset (names below);  SKIP="redfish ..."   leave some out
#   BENCH_TIMEOUT=1800     seconds per benchmark before it is stopped (its own cleanup runs)
#   METALBOOT=<binary>     the server for the http/tftp benches (default: <build>/app/metalboot)
#   VIRT_FIRMWARE=<checkout>, SUSHY_TOOLS_DIR=<checkout>   peers the efi / redfish benches need
#   STORM_COUNT=250        virtual Pis in the boot storm
#
# A benchmark that fails, lacks a prerequisite or times out is reported as such; the others still
# run. Each one's full output stays in the log directory printed at the end. Exit status: the
# number of benchmarks that did not complete.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" 2>/dev/null && pwd) || { echo "no build directory ${1:-$ROOT/build}" >&2; exit 2; }
METALBOOT=${METALBOOT:-$BUILD/app/metalboot}
TIMEOUT=${BENCH_TIMEOUT:-1800}
LOGS=$(mktemp -d /tmp/mb-bench-all.XXXXXX)

# name | what is compared | script | command (run from the source root)
BENCHES=(
    "dhcp|proxyDHCP vs dnsmasq|tests/bench/dhcp/run.sh|tests/bench/dhcp/run.sh $BUILD"
    "tftp|TFTP vs tftpd-hpa, dnsmasq, atftpd|tests/bench/tftp/run.sh|env METALBOOT=$METALBOOT PEERS=$BUILD/peers tests/bench/tftp/run.sh"
    "http|HTTP streaming vs nginx|tests/bench/http/bench_http.sh|tests/bench/http/bench_http.sh $METALBOOT $BUILD/peers"
    "efi|RPI_EFI.fd render vs virt-firmware|tests/bench/efi/run.sh|tests/bench/efi/run.sh $BUILD ${VIRT_FIRMWARE:-/tmp/virt-firmware}"
    "poe|SNMP power vs net-snmp tools|tests/bench/poe/snmp_bench.sh|tests/bench/poe/snmp_bench.sh $BUILD"
    "redfish|Redfish vs sushy-tools|tests/bench/redfish/bench.sh|tests/bench/redfish/bench.sh $BUILD/tests/integration/redfishtestlab ${SUSHY_TOOLS_DIR:-}"
    "provision|Talos cache vs nginx+xz, netconsole vs socat|tests/bench/provision/bench_provision.sh|tests/bench/provision/bench_provision.sh $BUILD"
    "lab|boot storm vs dnsmasq+nginx|tests/bench/lab/storm.sh|tests/bench/lab/storm.sh $BUILD ${STORM_COUNT:-250}"
)

wanted() {
    local name=$1
    if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]]; then return 1; fi
    if [ -n "${SKIP:-}" ] && [[ " $SKIP " == *" $name "* ]]; then return 1; fi
    return 0
}

# The redfish bench needs its server binary built; build it if it is missing (single target).
if wanted redfish && [ ! -x "$BUILD/tests/integration/redfishtestlab" ]; then
    ninja -C "$BUILD" -j2 redfishtestlab >"$LOGS/redfish-build.log" 2>&1 || true
fi

declare -A STATUS SECONDS_TAKEN
failed=0
cd "$ROOT" || exit 2
for entry in "${BENCHES[@]}"; do
    IFS='|' read -r name what script cmd <<<"$entry"
    wanted "$name" || continue
    if [ ! -f "$script" ]; then
        STATUS[$name]="missing ($script)"
        failed=$((failed + 1))
        continue
    fi
    echo "=== $name: $what"
    echo "    $cmd"
    start=$(date +%s)
    # Its own process group: on timeout the whole bench gets SIGTERM (its trap cleans up).
    timeout --signal=TERM --kill-after=60 "$TIMEOUT" setsid bash -c "$cmd" >"$LOGS/$name.log" 2>&1 </dev/null
    rc=$?
    SECONDS_TAKEN[$name]=$(($(date +%s) - start))
    case $rc in
        0) STATUS[$name]=ok ;;
        124 | 137) STATUS[$name]="timed out after ${TIMEOUT}s"; failed=$((failed + 1)) ;;
        *) STATUS[$name]="failed (exit $rc: $(grep -v '^\s*$' "$LOGS/$name.log" | tail -1 | cut -c1-70))"; failed=$((failed + 1)) ;;
    esac
    echo "    -> ${STATUS[$name]} (${SECONDS_TAKEN[$name]} s)"
done

echo
echo "==================== ratios (each bench's own definition; see its log) ===================="
printf '%-10s %-8s %s\n' bench status "ratio lines"
for entry in "${BENCHES[@]}"; do
    IFS='|' read -r name what _ _ <<<"$entry"
    wanted "$name" || continue
    st=${STATUS[$name]:-not run}
    printf '%-10s %-8s %s\n' "$name" "${st%% *}" "$what (${SECONDS_TAKEN[$name]:-0} s)"
    [ "${st%% *}" = ok ] || echo "                    ${st}"
    log=$LOGS/$name.log
    [ -f "$log" ] || continue
    # Lines that carry a ratio ("1.23x", "ratio ...") - every bench prints its comparison that way.
    grep -E '([0-9]\.[0-9]+x|[0-9]+x\b|\bratio\b)' "$log" | grep -vE '^\s*(#|\+)' | head -12 | sed 's/^/                    /'
done
echo
echo "logs: $LOGS"
exit "$failed"
