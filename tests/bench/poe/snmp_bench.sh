#!/usr/bin/env bash
# SNMP power-control latency: Metal Boot's SnmpDriver next to net-snmp's snmpbulkget (the very
# same GETBULK), snmpbulkwalk and snmpget against the same real snmpd (from scripts/peers.sh),
# printed side by side with ratios. Not part of ctest.
# Usage: tests/bench/poe/snmp_bench.sh [build-dir] [runs]
set -euo pipefail
build=${1:-build}
runs=${2:-50}
here=$(cd "$(dirname "$0")/../../.." && pwd)
[ -x "$build/peers/root/usr/sbin/snmpd" ] || "$here/scripts/peers.sh" "$build/peers"
ninja -C "$build" -j2 tst_poesnmpdriver >/dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
METALBOOT_BENCH=1 METALBOOT_BENCH_RUNS=$runs QT_LOGGING_RULES="metalboot.*=false" \
    "$build/tests/integration/tst_poesnmpdriver" benchmarkAgainstNetSnmpTools 2>&1 \
    | awk '/^SNMP against/ {p = 1} p {print} /dominates/ {p = 0}'
