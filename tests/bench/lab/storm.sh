#!/bin/bash
# Boot storm: COUNT virtual Raspberry Pi 4s power on at once and boot through the whole chain of a
# real `metalboot --headless` (proxy DHCP -> TFTP bootloader/firmware files -> RPI_EFI.fd -> UEFI
# PXE -> TFTP snp.efi with windowsize -> iPXE DHCP -> HTTP script, kernel, initrd -> netconsole
# "OS up"); then exactly the same transfers (same files, sizes, order, TFTP options, client checks,
# all Pis at once) through dnsmasq (TFTP) + nginx (HTTP). Prints total time, failed boots, the
# server's peak RSS, and the ratio Metal Boot / peers (goal <= 1.25x, 0 failures).
#
#   sudo tests/bench/lab/storm.sh [build-dir] [count]        (defaults: ./build, 250)
#
# Everything runs inside a network namespace this script creates (its own lo, fixed ports there)
# and removes. The peer side has no DHCP (dnsmasq cannot answer 250 clients on one loopback
# without real interfaces), so it is timed without the DHCP exchanges Metal Boot's side includes.
# Client: tests/bench/lab/vlabstorm (the demo lab's VirtualPi, one process, one thread).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
COUNT=${2:-${COUNT:-250}}
BIN=$BUILD/app/metalboot
STORM=$BUILD/tests/bench/lab/vlabstorm
PEERS=${PEERS:-$BUILD/peers}
NGINX=$PEERS/root/usr/sbin/nginx

[ "$(id -u)" = 0 ] || { echo "needs root (network namespace)" >&2; exit 2; }
[ -x "$BIN" ] || { echo "no $BIN - build the metalboot target first" >&2; exit 2; }
[ -x "$STORM" ] || ninja -C "$BUILD" -j2 vlabstorm >/dev/null
[ -x "$NGINX" ] || "$ROOT/scripts/peers.sh" "$PEERS" >/dev/null || true
[ -x "$NGINX" ] || { echo "nginx peer not found at $NGINX (scripts/peers.sh $PEERS)" >&2; exit 2; }
DNSMASQ=$(command -v dnsmasq || echo /usr/sbin/dnsmasq)
[ -x "$DNSMASQ" ] || { echo "dnsmasq (dnsmasq-base) is not installed" >&2; exit 2; }

# shellcheck source=labns.sh
. "$(dirname "$0")/labns.sh"
labns_init "mb-vlab-$$" mb-vlabstorm
peak_kib() { local sum=0 p v; for p in "$@"; do v=$(awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0); sum=$((sum + ${v:-0})); done; echo $sum; }
field() { sed -n "s/.*RESULT side=$1 .* $2=\([0-9]*\).*/\1/p" "$3" | head -1; }

echo "== boot storm: $COUNT virtual Pi 4s ($(nproc) cores, $(grep -o 'CMAKE_BUILD_TYPE:STRING=.*' "$BUILD/CMakeCache.txt" | cut -d= -f2) build)"
nsx "$STORM" prepare "$WORK/mb" "$COUNT"
labns_start_metalboot "$BIN"
find "$WORK/mb/data" -type f -exec cat {} + >/dev/null   # page cache warm for both sides alike

echo "-- Metal Boot: full chain"
nsx "$STORM" chain "$COUNT" 1067 4011 1069 "$WORK/manifest.json" | tee "$WORK/chain.out" | grep -v '^RESULT' | head -20 || true
MB_RSS=$(peak_kib "$MB")
TOKEN=$(cat "$WORK/mb/config/api-token")
MB_OSUP=$(nsx curl -sf -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/api/v1/devices |
    python3 -c 'import json,sys; print(sum(1 for d in json.load(sys.stdin)["devices"] if d.get("stage") == "os-up"))')
kill "$MB"; wait "$MB" 2>/dev/null || true
if kill -0 "$MB" 2>/dev/null; then echo "metalboot $MB did not stop" >&2; exit 1; fi

echo "-- dnsmasq (TFTP) + nginx (HTTP): the same transfers"
mkdir -p "$WORK/peer/tftp" "$WORK/peer/www" "$WORK/nginx"
nsx "$STORM" peer-files "$WORK/manifest.json" "$WORK/mb" "$WORK/peer/tftp" "$WORK/peer/www"
chmod -R a+rX "$WORK/peer"
find "$WORK/peer" -type f -exec cat {} + >/dev/null
ip netns exec "$NS" "$DNSMASQ" --keep-in-foreground --conf-file=/dev/null --port=0 --enable-tftp --tftp-root="$WORK/peer/tftp" \
    --listen-address=127.0.0.1 --bind-interfaces --tftp-max=4096 --user=root --pid-file="$WORK/dnsmasq.pid" \
    --log-facility="$WORK/dnsmasq.log" &
DQ=$!
PIDS+=("$DQ")
cat >"$WORK/nginx/nginx.conf" <<NGINX
user root;
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 30;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    default_type application/octet-stream;
    server { listen 127.0.0.1:8080; root $WORK/peer/www; }
}
NGINX
ip netns exec "$NS" "$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" &
NG=$!
PIDS+=("$NG")
for _ in $(seq 50); do
    nsx curl -s -o /dev/null http://127.0.0.1:8080/ && break
    sleep 0.1
done
sleep 0.3
nsx "$STORM" replay "$WORK/manifest.json" 69 8080 | tee "$WORK/replay.out" | grep -v '^RESULT' | head -20 || true
PEER_RSS=$(peak_kib "$DQ" $(pgrep -P "$NG" || true) "$NG")

MB_MS=$(field metalboot ms "$WORK/chain.out"); MB_FAIL=$(field metalboot failed "$WORK/chain.out")
PEER_MS=$(field peer ms "$WORK/replay.out"); PEER_FAIL=$(field peer failed "$WORK/replay.out")
TFTP_B=$(field metalboot tftp_bytes "$WORK/chain.out"); HTTP_B=$(field metalboot http_bytes "$WORK/chain.out")
PTFTP_B=$(field peer tftp_bytes "$WORK/replay.out"); PHTTP_B=$(field peer http_bytes "$WORK/replay.out")
echo
printf '%-26s %12s %12s %8s %14s %14s %14s\n' side total_ms failed os_up tftp_MiB http_MiB peak_RSS_MiB
printf '%-26s %12s %12s %8s %14.1f %14.1f %14.1f\n' "Metal Boot (full chain)" "${MB_MS:-?}" "${MB_FAIL:-?}" "${MB_OSUP:-?}" \
    "$(echo "${TFTP_B:-0}/1048576" | bc -l)" "$(echo "${HTTP_B:-0}/1048576" | bc -l)" "$(echo "$MB_RSS/1024" | bc -l)"
printf '%-26s %12s %12s %8s %14.1f %14.1f %14.1f\n' "dnsmasq + nginx (replay)" "${PEER_MS:-?}" "${PEER_FAIL:-?}" "-" \
    "$(echo "${PTFTP_B:-0}/1048576" | bc -l)" "$(echo "${PHTTP_B:-0}/1048576" | bc -l)" "$(echo "$PEER_RSS/1024" | bc -l)"
if [ -n "${MB_MS:-}" ] && [ -n "${PEER_MS:-}" ] && [ "$PEER_MS" -gt 0 ]; then
    RATIO=$(awk -v a="$MB_MS" -v b="$PEER_MS" 'BEGIN { printf "%.2f", a / b }')
    echo "ratio Metal Boot / peers: ${RATIO}x (goal <= 1.25x), failed boots: ${MB_FAIL:-?} (goal 0)"
    echo "RATIO storm $RATIO"
fi
[ "${MB_FAIL:-1}" = 0 ] && [ "${PEER_FAIL:-1}" = 0 ]
