#!/bin/bash
# ProxyDHCP benchmark: Metal Boot vs dnsmasq, same namespace, same load generator, one run.
#
#   sudo tests/bench/dhcp/run.sh [build-dir]      (default: ./build; a Release build is fairer,
#                                                   e.g. -DCMAKE_BUILD_TYPE=Release -DMETALBOOT_BUILD_GUI=OFF)
#
# Topology (network namespaces this script creates and removes):
#   <p>-lan: bridge br0;  <p>-srv: vsrv 10.78.0.1/24 (server under test);  <p>-cli: vcli 10.78.0.50/24
# Servers: Metal Boot (the real `metalboot --headless` binary, proxy mode on vsrv, with its journal,
# device registry, HTTP and management API) and dnsmasq 2.90 in proxy mode with the reference
# configuration (shared/reference/netboot.md 4.2, without log-dhcp). dhcpload (dhcpload.cpp)
# broadcasts Raspberry Pi 4 bootloader DISCOVERs and matches the OFFERs by xid:
#   - fixed rate  (RATE/s for RATE_SECONDS, 256 Pis): OFFER latency p50 / p99 / max, answered share;
#   - fixed rate  (RATE/s for UNIQUE_SECONDS, a new Pi per request): every exchange journaled and a
#     new device registered (no journal rate limiting applies) - Metal Boot's worst case;
#   - closed loop (WINDOW outstanding for MAX_SECONDS, 256 Pis): highest sustained DISCOVER->OFFER rate.
# The phases alternate between the servers (a fresh instance each time), so drifts in machine load
# hit both alike. Goal (issue 3): Metal Boot >= 1.0x dnsmasq, p99 < 5 ms at 2000 requests/s.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
BIN=$BUILD/app/metalboot
RATE=${RATE:-2000}
RATE_SECONDS=${RATE_SECONDS:-10}
UNIQUE_SECONDS=${UNIQUE_SECONDS:-5}
MAX_SECONDS=${MAX_SECONDS:-5}
WINDOW=${WINDOW:-32}

[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)"; exit 1; }
[ -x "$BIN" ] || { echo "no $BIN - build the metalboot target first"; exit 1; }
command -v dnsmasq >/dev/null || { echo "dnsmasq (dnsmasq-base) is not installed"; exit 1; }

P=mb-dhcpbench-$$
WORK=$(mktemp -d /tmp/mb-dhcpbench.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    for n in cli srv lan; do ip netns del "$P-$n" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

for n in lan srv cli; do ip netns add "$P-$n"; ip -n "$P-$n" link set lo up; done
ip -n "$P-lan" link add br0 type bridge
ip -n "$P-lan" link set br0 up
i=0
for n in srv cli; do
    ip link add "mbq$$$i" type veth peer name "mbr$$$i"
    ip link set "mbq$$$i" netns "$P-$n" name "v$n"
    ip link set "mbr$$$i" netns "$P-lan"
    ip -n "$P-lan" link set "mbr$$$i" master br0 up
    i=$((i + 1))
done
ip -n "$P-srv" addr add 10.78.0.1/24 dev vsrv && ip -n "$P-srv" link set vsrv up
ip -n "$P-cli" addr add 10.78.0.50/24 dev vcli && ip -n "$P-cli" link set vcli up

g++ -O2 -std=c++17 -pthread -o "$WORK/dhcpload" "$ROOT/tests/bench/dhcp/dhcpload.cpp"

printf '%s\n' 'version: 1' 'name: DHCP benchmark' 'services:' \
    '  dhcp: {enabled: true, interface: vsrv, address: 0.0.0.0, port: 67, proxy_port: 4011, mode: proxy}' \
    '  tftp: {enabled: false, address: 127.0.0.1, port: 1069}' \
    '  http: {enabled: true, address: 10.78.0.1, port: 8080}' \
    '  redfish: {enabled: false, address: 127.0.0.1, port: 8443}' \
    '  consoles: {enabled: false, address: 127.0.0.1}' >"$WORK/lab.yaml"
printf '%s\n' 'port=0' 'interface=vsrv' 'bind-interfaces' 'dhcp-range=10.78.0.0,proxy,255.255.255.0' \
    'dhcp-match=set:ipxe,175' 'dhcp-userclass=set:ipxe,iPXE' \
    'pxe-service=tag:!ipxe,x86-64_EFI,"chain iPXE",ipxe.efi' \
    'pxe-service=tag:!ipxe,ARM64_EFI,"arm64 test",bootaa64.efi' \
    'pxe-service=tag:!ipxe,0,"Raspberry Pi Boot"' \
    'dhcp-boot=tag:ipxe,http://10.78.0.1:8080/boot.ipxe' >"$WORK/dnsmasq.conf"

load() {   # load <dhcpload args...> -> its key=value line
    ip netns exec "$P-cli" "$WORK/dhcpload" --iface vcli "$@"
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }
wait_for() {   # wait_for <file> <text>
    for _ in $(seq 1 100); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
    echo "timeout waiting for '$2' in $1"; cat "$1"; exit 1
}

RUN=0
SERVER_PID=
SERVER_RSS=
start_server() {   # start_server mb|dm: a fresh instance (Metal Boot: fresh data dir), warmed up
    RUN=$((RUN + 1))
    if [ "$1" = mb ]; then
        mkdir -p "$WORK/mb$RUN/config" "$WORK/mb$RUN/data"
        ip netns exec "$P-srv" env METALBOOT_CONFIG_DIR="$WORK/mb$RUN/config" METALBOOT_DATA_DIR="$WORK/mb$RUN/data" \
            "$BIN" --headless --config "$WORK/lab.yaml" >"$WORK/server$RUN.log" 2>&1 &
        SERVER_PID=$!
        PIDS+=("$SERVER_PID")
        wait_for "$WORK/server$RUN.log" "dhcp running"
    else
        ip netns exec "$P-srv" dnsmasq -k --log-facility=- -C "$WORK/dnsmasq.conf" --pid-file= >"$WORK/server$RUN.log" 2>&1 &
        SERVER_PID=$!
        PIDS+=("$SERVER_PID")
        wait_for "$WORK/server$RUN.log" "proxy on subnet"
    fi
    load --mode rate --rate 500 --seconds 1 --macs 256 >/dev/null   # warm-up: the 256 Pis are known
}
stop_server() {
    SERVER_RSS=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
}
journaled() { grep -c '"kind":"dhcp.offer"' "$WORK/mb$RUN/data/journal.jsonl" || true; }

RATE_ARGS=(--mode rate --rate "$RATE" --seconds "$RATE_SECONDS" --macs 256)
UNIQUE_ARGS=(--mode rate --rate "$RATE" --seconds "$UNIQUE_SECONDS" --macs 0 --mac-offset 4096)
MAX_ARGS=(--mode max --window "$WINDOW" --seconds "$MAX_SECONDS" --macs 256)

start_server mb; MB_RATE=$(load "${RATE_ARGS[@]}"); stop_server
start_server dm; DM_RATE=$(load "${RATE_ARGS[@]}"); stop_server
start_server mb; MB_UNIQUE=$(load "${UNIQUE_ARGS[@]}"); stop_server; MB_UNIQUE_EVENTS=$(journaled)
start_server dm; DM_UNIQUE=$(load "${UNIQUE_ARGS[@]}"); stop_server
start_server mb; MB_MAX=$(load "${MAX_ARGS[@]}"); stop_server; MB_RSS=$SERVER_RSS; MB_MAX_EVENTS=$(journaled)
start_server dm; DM_MAX=$(load "${MAX_ARGS[@]}"); stop_server; DM_RSS=$SERVER_RSS

# --- report ------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
ms() { awk -v u="$1" 'BEGIN { printf "%.3f", u / 1000 }'; }
row() { printf '%-40s %15s %15s %14s\n' "$@"; }
pair() { echo "$(ms "$(field "$1" p50_us)") / $(ms "$(field "$1" p99_us)")"; }
echo
echo "ProxyDHCP DISCOVER->OFFER (Raspberry Pi 4 DISCOVERs), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r)"
row "" "Metal Boot" "dnsmasq 2.90" "MB vs dnsmasq"
row "max OFFER rate, window $WINDOW (/s)" "$(field "$MB_MAX" offer_rate)" "$(field "$DM_MAX" offer_rate)" \
    "$(ratio "$(field "$MB_MAX" offer_rate)" "$(field "$DM_MAX" offer_rate)")"
row "  p50 / p99 at max rate (ms)" "$(pair "$MB_MAX")" "$(pair "$DM_MAX")" ""
row "$RATE/s, 256 Pis: answered" "$(field "$MB_RATE" answered)/$(field "$MB_RATE" sent)" \
    "$(field "$DM_RATE" answered)/$(field "$DM_RATE" sent)" ""
row "  p50 latency (ms)" "$(ms "$(field "$MB_RATE" p50_us)")" "$(ms "$(field "$DM_RATE" p50_us)")" \
    "$(ratio "$(field "$DM_RATE" p50_us)" "$(field "$MB_RATE" p50_us)")"
row "  p99 latency (ms)" "$(ms "$(field "$MB_RATE" p99_us)")" "$(ms "$(field "$DM_RATE" p99_us)")" \
    "$(ratio "$(field "$DM_RATE" p99_us)" "$(field "$MB_RATE" p99_us)")"
row "  max latency (ms)" "$(ms "$(field "$MB_RATE" max_us)")" "$(ms "$(field "$DM_RATE" max_us)")" ""
row "$RATE/s, a new Pi each: answered" "$(field "$MB_UNIQUE" answered)/$(field "$MB_UNIQUE" sent)" \
    "$(field "$DM_UNIQUE" answered)/$(field "$DM_UNIQUE" sent)" ""
row "  p50 latency (ms)" "$(ms "$(field "$MB_UNIQUE" p50_us)")" "$(ms "$(field "$DM_UNIQUE" p50_us)")" \
    "$(ratio "$(field "$DM_UNIQUE" p50_us)" "$(field "$MB_UNIQUE" p50_us)")"
row "  p99 latency (ms)" "$(ms "$(field "$MB_UNIQUE" p99_us)")" "$(ms "$(field "$DM_UNIQUE" p99_us)")" \
    "$(ratio "$(field "$DM_UNIQUE" p99_us)" "$(field "$MB_UNIQUE" p99_us)")"
row "peak RSS after the max-rate phase (KiB)" "$MB_RSS" "$DM_RSS" ""
echo "(latency ratios are dnsmasq/Metal Boot: > 1.00x means Metal Boot is faster)"
echo "Metal Boot journal: $MB_UNIQUE_EVENTS offers journaled in the new-Pi phase, $MB_MAX_EVENTS in the max-rate phase"
echo "(per-device journal rate limit: burst 30, then 3 events/s; every request is still answered and counted)"
P99_OK=$(awk -v u="$(field "$MB_RATE" p99_us)" -v v="$(field "$MB_UNIQUE" p99_us)" 'BEGIN { print (u < 5000 && v < 5000) ? "yes" : "NO" }')
RATE_OK=$(awk -v a="$(field "$MB_MAX" offer_rate)" -v b="$(field "$DM_MAX" offer_rate)" 'BEGIN { print (a >= b) ? "yes" : "NO" }')
echo "goal p99 < 5 ms at $RATE/s: $P99_OK;  goal max rate >= 1.0x dnsmasq: $RATE_OK"
echo
for v in MB_RATE DM_RATE MB_UNIQUE DM_UNIQUE MB_MAX DM_MAX; do echo "raw $v: ${!v}"; done
