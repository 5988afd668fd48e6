#!/usr/bin/env bash
# TFTP throughput: Metal Boot vs tftpd-hpa, dnsmasq and atftpd, side by side in one run.
#
# Same files, same clients, same options, same path for every server: the server runs in a
# network namespace (10.77.0.1), the clients in a second one (10.77.0.2) behind a veth pair. Both
# namespaces exist only while this script runs. Cases:
#   - one 64 MiB transfer: curl lock-step 512 B, curl 1468, atftp 1468, atftp 1468 windowsize 16
#     and atftp 512 windowsize 16 (servers without windowsize answer in lock-step; shown as is)
#   - 50 concurrent 4 MiB transfers (curl, blksize 1468)
# Every download is checked by SHA-256. Prints MB/s, Metal Boot / best peer, and Metal Boot's
# windowsize 16 vs lock-step 512 B.
#
# Usage (root): tests/bench/tftp/run.sh
#   METALBOOT=<path to metalboot>   (default: build-release/app/metalboot, built if missing)
#   PEERS=<dir from scripts/peers.sh> (default: build/peers)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../../.." && pwd)
metalboot=${METALBOOT:-$repo/build-release/app/metalboot}
peers=${PEERS:-$repo/build/peers}
[ "$(id -u)" = 0 ] || { echo "run as root (network namespaces)" >&2; exit 2; }
for t in ip curl atftp dnsmasq ss sha256sum; do
    command -v "$t" >/dev/null || { echo "missing tool: $t" >&2; exit 2; }
done
if [ ! -x "$metalboot" ]; then
    echo "building a release metalboot (no GUI) in build-release ..." >&2
    cmake -S "$repo" -B "$repo/build-release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMETALBOOT_BUILD_GUI=OFF -DBUILD_TESTING=OFF >/dev/null
    ninja -C "$repo/build-release" -j2 metalboot >/dev/null
    metalboot=$repo/build-release/app/metalboot
fi
[ -x "$peers/root/usr/sbin/in.tftpd" ] || "$repo/scripts/peers.sh" "$peers"

srv=mb-tftpbench-$$-srv
cli=mb-tftpbench-$$-cli
work=$(mktemp -d /tmp/mb-tftpbench.XXXXXX)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    ip netns del "$cli" 2>/dev/null || true
    ip netns del "$srv" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

ip netns add "$srv"
ip netns add "$cli"
ip -n "$srv" link add vs type veth peer name vc netns "$cli"
ip -n "$srv" link set lo up
ip -n "$cli" link set lo up
ip -n "$srv" addr add 10.77.0.1/24 dev vs
ip -n "$cli" addr add 10.77.0.2/24 dev vc
ip -n "$srv" link set vs up
ip -n "$cli" link set vc up

chmod 755 "$work"
mkdir -p "$work/root" "$work/out" "$work/mb/config" "$work/mb/data"
chmod 755 "$work/root"
head -c $((64 << 20)) /dev/urandom > "$work/root/64m.bin"
head -c $((4 << 20)) /dev/urandom > "$work/root/4m.bin"
chmod 644 "$work/root/"*.bin
sha64=$(sha256sum < "$work/root/64m.bin" | cut -d' ' -f1)
sha4=$(sha256sum < "$work/root/4m.bin" | cut -d' ' -f1)

cat > "$work/mb/lab.yaml" <<EOF
version: 1
name: TFTP benchmark
services:
  dhcp: {enabled: false}
  http: {enabled: false}
  redfish: {enabled: false}
  consoles: {enabled: false}
  tftp:
    enabled: true
    address: 10.77.0.1
    port: 69
    root: $work/root
    ipxe_dir: $work/root
    max_block_size: 65464
    max_window_size: 64
    max_sessions_per_client: 128
EOF

wait_port() {
    for _ in $(seq 1 100); do
        ip netns exec "$srv" ss -Hlun "sport = :69" | grep -q 10.77.0.1 && return 0
        sleep 0.05
    done
    echo "server did not bind 10.77.0.1:69" >&2
    return 1
}

start_server() {
    case "$1" in
    metalboot)
        ip netns exec "$srv" env METALBOOT_CONFIG_DIR="$work/mb/config" METALBOOT_DATA_DIR="$work/mb/data" \
            QT_LOGGING_RULES="metalboot.*.info=false" "$metalboot" --headless --config "$work/mb/lab.yaml" \
            >"$work/metalboot.log" 2>&1 &
        ;;
    tftpd-hpa)
        ip netns exec "$srv" "$peers/root/usr/sbin/in.tftpd" -L -a 10.77.0.1:69 -s "$work/root" -u nobody -B 65464 \
            >"$work/tftpd.log" 2>&1 &
        ;;
    dnsmasq)
        ip netns exec "$srv" dnsmasq --keep-in-foreground --conf-file=/dev/null --port=0 --enable-tftp \
            --tftp-root="$work/root" --listen-address=10.77.0.1 --bind-interfaces --tftp-max=200 --user=root \
            --group=root --pid-file="$work/dnsmasq.pid" --log-facility="$work/dnsmasq.log" &
        ;;
    atftpd)
        ip netns exec "$srv" "$peers/root/usr/sbin/atftpd" --daemon --no-fork --bind-address 10.77.0.1 --port 69 \
            --user nobody.nogroup --maxthread 200 --logfile /dev/null "$work/root" >"$work/atftpd.log" 2>&1 &
        ;;
    esac
    server_pid=$!
    wait_port
}

stop_server() {
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
    sleep 0.2
}

now() { date +%s.%N; }

# run_one <label> <expected sha> <client command...>: prints MB/s (or FAIL)
run_one() {
    local sha=$1; shift
    rm -f "$work/out/f"
    local t0 t1
    t0=$(now)
    if ! timeout 300 ip netns exec "$cli" "$@" >/dev/null 2>"$work/client.err"; then
        echo FAIL; return
    fi
    t1=$(now)
    if [ "$(sha256sum < "$work/out/f" | cut -d' ' -f1)" != "$sha" ]; then
        echo BADSHA; return
    fi
    local size
    size=$(stat -c %s "$work/out/f")
    awk -v b="$size" -v a="$t0" -v c="$t1" 'BEGIN { printf "%.1f", b / (c - a) / 1e6 }'
}

run_concurrent() {
    rm -f "$work/out/c"*
    local t0 t1 pids=() ok=1
    t0=$(now)
    for i in $(seq 1 50); do
        timeout 300 ip netns exec "$cli" curl -sS --fail --tftp-blksize 1468 -o "$work/out/c$i" tftp://10.77.0.1/4m.bin \
            2>>"$work/client.err" &
        pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p" || ok=0; done
    t1=$(now)
    [ $ok = 1 ] || { echo FAIL; return; }
    for i in $(seq 1 50); do
        [ "$(sha256sum < "$work/out/c$i" | cut -d' ' -f1)" = "$sha4" ] || { echo BADSHA; return; }
    done
    awk -v b=$((50 * (4 << 20))) -v a="$t0" -v c="$t1" 'BEGIN { printf "%.1f", b / (c - a) / 1e6 }'
}

labels=("64 MiB curl 512 (lock-step)" "64 MiB curl 1468" "64 MiB atftp 1468" "64 MiB atftp 1468 windowsize 16"
        "64 MiB atftp 512 windowsize 16" "50 x 4 MiB curl 1468 concurrent")
servers=(metalboot tftpd-hpa dnsmasq atftpd)
declare -A result
for s in "${servers[@]}"; do
    echo "== $s" >&2
    start_server "$s"
    result[$s,0]=$(run_one "$sha64" curl -sS --fail -o "$work/out/f" tftp://10.77.0.1/64m.bin)
    result[$s,1]=$(run_one "$sha64" curl -sS --fail --tftp-blksize 1468 -o "$work/out/f" tftp://10.77.0.1/64m.bin)
    result[$s,2]=$(run_one "$sha64" atftp --option "blksize 1468" -g -r 64m.bin -l "$work/out/f" 10.77.0.1)
    result[$s,3]=$(run_one "$sha64" atftp --option "blksize 1468" --option "windowsize 16" -g -r 64m.bin -l "$work/out/f" 10.77.0.1)
    result[$s,4]=$(run_one "$sha64" atftp --option "blksize 512" --option "windowsize 16" -g -r 64m.bin -l "$work/out/f" 10.77.0.1)
    result[$s,5]=$(run_concurrent)
    stop_server
done

echo
printf "%-34s" "MB/s (one run each)"
for s in "${servers[@]}"; do printf "%11s" "$s"; done
printf "%14s\n" "MB/best peer"
for i in "${!labels[@]}"; do
    printf "%-34s" "${labels[$i]}"
    best=0
    for s in "${servers[@]}"; do
        v=${result[$s,$i]}
        printf "%11s" "$v"
        if [ "$s" != metalboot ] && [[ $v =~ ^[0-9.]+$ ]]; then
            best=$(awk -v a="$v" -v b="$best" 'BEGIN { print (a > b) ? a : b }')
        fi
    done
    mb=${result[metalboot,$i]}
    if [[ $mb =~ ^[0-9.]+$ ]] && [ "$best" != 0 ]; then
        awk -v a="$mb" -v b="$best" 'BEGIN { printf "%13.2fx\n", a / b }'
    else
        printf "%14s\n" "-"
    fi
done
echo
echo "(tftpd-hpa and dnsmasq do not implement windowsize: their windowsize rows are lock-step.)"
awk -v w="${result[metalboot,3]}" -v w512="${result[metalboot,4]}" -v l="${result[metalboot,0]}" 'BEGIN {
    if (l > 0) {
        printf "Metal Boot windowsize 16 (blksize 1468) vs lock-step 512 B: %.1fx\n", w / l
        printf "Metal Boot windowsize 16 (blksize 512)  vs lock-step 512 B: %.1fx\n", w512 / l
    }
}'
