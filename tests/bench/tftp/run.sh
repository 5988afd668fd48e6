#!/usr/bin/env bash
# TFTP throughput: Metal Boot vs tftpd-hpa, dnsmasq and atftpd, side by side in one run.
#
# Same files, same clients, same options, same path for every server: all four servers run at
# the same time in one network namespace, each on its own address (10.77.0.1 Metal Boot, .3
# tftpd-hpa, .4 dnsmasq, .5 atftpd, port 69), and the clients run in a second namespace
# (10.77.0.2) behind a veth pair. Both namespaces exist only while this script runs. Cases:
#   - one 64 MiB transfer: curl lock-step 512 B, curl 1468, atftp 1468, atftp 1468 windowsize 16,
#     atftp 512 windowsize 16 (tftpd-hpa and dnsmasq have no windowsize: they answer lock-step)
#   - 50 concurrent 4 MiB transfers (curl, blksize 1468)
# Measurements are interleaved across servers and repeated REPEAT times; the table shows the best
# throughput (the machine is shared, so the best run is the least disturbed one) and the least
# server CPU time (its own cpuacct cgroup, so forked children count) for each case. Every download is
# checked by SHA-256.
#
# Usage (root): tests/bench/tftp/run.sh
#   METALBOOT=<path to metalboot>     default: build-release/app/metalboot (built if missing)
#   PEERS=<dir of scripts/peers.sh>   default: build/peers
#   SIZE_MIB=64 CONCURRENT=50 CONCURRENT_MIB=4 REPEAT=3   (smaller values for a quick check)
#   SERVERS="metalboot tftpd-hpa dnsmasq atftpd"  CASES="0 1 2 3 4 5" (row numbers)
set -euo pipefail
size_mib=${SIZE_MIB:-64}
conc=${CONCURRENT:-50}
conc_mib=${CONCURRENT_MIB:-4}
repeat=${REPEAT:-3}
read -r -a servers <<< "${SERVERS:-metalboot tftpd-hpa dnsmasq atftpd}"

repo=$(cd "$(dirname "$0")/../../.." && pwd)
metalboot=${METALBOOT:-$repo/build-release/app/metalboot}
peers=${PEERS:-$repo/build/peers}
[ "$(id -u)" = 0 ] || { echo "run as root (network namespaces)" >&2; exit 2; }
for t in ip curl atftp dnsmasq ss sha256sum awk; do
    command -v "$t" >/dev/null || { echo "missing tool: $t" >&2; exit 2; }
done
if [ ! -x "$metalboot" ]; then
    echo "building a release metalboot (no GUI) in build-release ..." >&2
    cmake -S "$repo" -B "$repo/build-release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMETALBOOT_BUILD_GUI=OFF -DBUILD_TESTING=OFF >/dev/null
    ninja -C "$repo/build-release" -j2 metalboot >/dev/null
    metalboot=$repo/build-release/app/metalboot
fi
[ -x "$peers/root/usr/sbin/in.tftpd" ] || "$repo/scripts/peers.sh" "$peers"

declare -A addr=([metalboot]=10.77.0.1 [tftpd-hpa]=10.77.0.3 [dnsmasq]=10.77.0.4 [atftpd]=10.77.0.5)
srv=mb-tftpbench-$$-srv
cli=mb-tftpbench-$$-cli
work=$(mktemp -d /tmp/mb-tftpbench.XXXXXX)
# Downloads land in memory (tmpfs) when there is one, so the client's disk is not what is measured.
out=$(mktemp -d "$([ -d /dev/shm ] && echo /dev/shm || echo /tmp)/mb-tftpbench-out.XXXXXX")
declare -A pid cg
cleanup() {
    for p in "${pid[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pid[@]}"; do wait "$p" 2>/dev/null || true; done
    ip netns del "$cli" 2>/dev/null || true
    ip netns del "$srv" 2>/dev/null || true
    for g in "${cg[@]}"; do rmdir "$g" 2>/dev/null || true; done
    rm -rf "$work" "$out"
}
trap cleanup EXIT INT TERM

ip netns add "$srv"
ip netns add "$cli"
ip -n "$srv" link add vs type veth peer name vc netns "$cli"
ip -n "$srv" link set lo up
ip -n "$cli" link set lo up
for a in "${addr[@]}"; do ip -n "$srv" addr add "$a/24" dev vs; done
ip -n "$cli" addr add 10.77.0.2/24 dev vc
ip -n "$srv" link set vs up
ip -n "$cli" link set vc up

chmod 755 "$work"
mkdir -p "$work/root" "$work/mb/config" "$work/mb/data"
chmod 755 "$work/root"
head -c $((size_mib << 20)) /dev/urandom > "$work/root/big.bin"
head -c $((conc_mib << 20)) /dev/urandom > "$work/root/small.bin"
chmod 644 "$work/root/"*.bin
sha_big=$(sha256sum < "$work/root/big.bin" | cut -d' ' -f1)
sha_small=$(sha256sum < "$work/root/small.bin" | cut -d' ' -f1)

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
    address: ${addr[metalboot]}
    port: 69
    root: $work/root
    ipxe_dir: $work/root
    max_block_size: 65464
    max_window_size: 64
    max_sessions_per_client: 128
EOF

start_server() {
    local a=${addr[$1]}
    case "$1" in
    metalboot)
        ip netns exec "$srv" env METALBOOT_CONFIG_DIR="$work/mb/config" METALBOOT_DATA_DIR="$work/mb/data" \
            QT_LOGGING_RULES="metalboot.*.info=false" "$metalboot" --headless --config "$work/mb/lab.yaml" \
            >"$work/metalboot.log" 2>&1 &
        ;;
    tftpd-hpa)
        ip netns exec "$srv" "$peers/root/usr/sbin/in.tftpd" -L -a "$a:69" -s "$work/root" -u nobody -B 65464 \
            >"$work/tftpd.log" 2>&1 &
        ;;
    dnsmasq)
        ip netns exec "$srv" dnsmasq --keep-in-foreground --conf-file=/dev/null --port=0 --enable-tftp \
            --tftp-root="$work/root" --listen-address="$a" --bind-interfaces --tftp-max=200 --user=root \
            --group=root --pid-file="$work/dnsmasq.pid" --log-facility="$work/dnsmasq.log" &
        ;;
    atftpd)
        ip netns exec "$srv" "$peers/root/usr/sbin/atftpd" --daemon --no-fork --bind-address "$a" --port 69 \
            --user nobody.nogroup --maxthread 200 --logfile /dev/null "$work/root" >"$work/atftpd.log" 2>&1 &
        ;;
    esac
    pid[$1]=$!
    cg_attach "$1" "${pid[$1]}"
    for _ in $(seq 1 100); do
        ip netns exec "$srv" ss -Hlun "sport = :69" | grep -q "$a" && return 0
        sleep 0.05
    done
    echo "$1 did not bind $a:69" >&2
    return 1
}

# Server CPU time (ms) so far. Each server gets its own cpuacct cgroup (children it forks, like
# tftpd-hpa's per-transfer processes, are counted); without cgroups, /proc utime+stime+cutime+cstime.
cg_root=/sys/fs/cgroup/cpuacct

cg_attach() {
    local g=$cg_root/mb-tftpbench-$$-$1
    if [ -d "$cg_root" ] && mkdir "$g" 2>/dev/null && echo "$2" > "$g/cgroup.procs" 2>/dev/null; then
        cg[$1]=$g
    fi
}
cpu_ms() {   # cpu_ms <server>
    if [ -n "${cg[$1]:-}" ]; then
        awk '{ printf "%d", $1 / 1e6 }' "${cg[$1]}/cpuacct.usage"
    else
        awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%d", ($12 + $13 + $14 + $15) * 1000 / hz }' "/proc/${pid[$1]}/stat"
    fi
}

now() { date +%s.%N; }

# measure <server> <case>: prints "<MB/s> <server CPU ms>" or "FAIL"/"BADSHA"
measure() {
    local s=$1 c=$2 a=${addr[$1]} t0 t1 c0 c1 ok=1 bytes
    rm -f "$out/"*
    c0=$(cpu_ms "$s")
    t0=$(now)
    case $c in
    0) timeout 300 ip netns exec "$cli" curl -sS --fail -o "$out/f" "tftp://$a/big.bin" 2>>"$work/client.err" || ok=0 ;;
    1) timeout 300 ip netns exec "$cli" curl -sS --fail --tftp-blksize 1468 -o "$out/f" "tftp://$a/big.bin" 2>>"$work/client.err" || ok=0 ;;
    2) timeout 300 ip netns exec "$cli" atftp --option "blksize 1468" -g -r big.bin -l "$out/f" "$a" >/dev/null 2>>"$work/client.err" || ok=0 ;;
    3) timeout 300 ip netns exec "$cli" atftp --option "blksize 1468" --option "windowsize 16" -g -r big.bin -l "$out/f" "$a" >/dev/null 2>>"$work/client.err" || ok=0 ;;
    4) timeout 300 ip netns exec "$cli" atftp --option "blksize 512" --option "windowsize 16" -g -r big.bin -l "$out/f" "$a" >/dev/null 2>>"$work/client.err" || ok=0 ;;
    5)
        local pids=()
        for i in $(seq 1 "$conc"); do
            timeout 300 ip netns exec "$cli" curl -sS --fail --tftp-blksize 1468 -o "$out/c$i" "tftp://$a/small.bin" 2>>"$work/client.err" &
            pids+=($!)
        done
        for p in "${pids[@]}"; do wait "$p" || ok=0; done
        ;;
    esac
    t1=$(now)
    sleep 0.1   # let a forking server reap its children before reading cutime
    c1=$(cpu_ms "$s")
    [ $ok = 1 ] || { echo FAIL; return; }
    if [ "$c" = 5 ]; then
        for i in $(seq 1 "$conc"); do
            [ "$(sha256sum < "$out/c$i" | cut -d' ' -f1)" = "$sha_small" ] || { echo BADSHA; return; }
        done
        bytes=$((conc * (conc_mib << 20)))
    else
        [ "$(sha256sum < "$out/f" | cut -d' ' -f1)" = "$sha_big" ] || { echo BADSHA; return; }
        bytes=$((size_mib << 20))
    fi
    awk -v b="$bytes" -v a="$t0" -v c="$t1" -v cpu=$((c1 - c0)) 'BEGIN { printf "%.1f %d", b / (c - a) / 1e6, cpu }'
}

for s in "${servers[@]}"; do start_server "$s"; done

m="$size_mib MiB"
labels=("$m curl 512 (lock-step)" "$m curl 1468" "$m atftp 1468" "$m atftp 1468 windowsize 16"
        "$m atftp 512 windowsize 16" "$conc x $conc_mib MiB curl 1468 concurrent")
declare -A mbs cpu
read -r -a cases <<< "${CASES:-${!labels[*]}}"
for c in "${cases[@]}"; do
    for r in $(seq 1 "$repeat"); do
        for s in "${servers[@]}"; do
            read -r v u <<< "$(measure "$s" "$c")"
            echo "${labels[$c]} run $r: $s $v MB/s ${u:-?} ms CPU" >&2
            if [[ $v =~ ^[0-9.]+$ ]]; then
                if [ -z "${mbs[$s,$c]:-}" ] || ! [[ ${mbs[$s,$c]} =~ ^[0-9.]+$ ]] || awk -v a="$v" -v b="${mbs[$s,$c]}" 'BEGIN { exit !(a > b) }'; then
                    mbs[$s,$c]=$v
                fi
                if [ -z "${cpu[$s,$c]:-}" ] || [ "$u" -lt "${cpu[$s,$c]}" ]; then cpu[$s,$c]=$u; fi
            elif [ -z "${mbs[$s,$c]:-}" ]; then
                mbs[$s,$c]=$v
            fi
        done
    done
done

table() {   # table <title> <array name> <higher is better: 1|0>
    local -n t=$2
    echo
    printf "%-36s" "$1"
    for s in "${servers[@]}"; do printf "%11s" "$s"; done
    printf "%16s\n" "metalboot/best"
    for c in "${cases[@]}"; do
        printf "%-36s" "${labels[$c]}"
        local best=
        for s in "${servers[@]}"; do
            local v=${t[$s,$c]:-n/a}
            printf "%11s" "$v"
            if [ "$s" != metalboot ] && [[ $v =~ ^[0-9.]+$ ]]; then
                if [ -z "$best" ] || awk -v a="$v" -v b="$best" -v h="$3" 'BEGIN { exit !(h ? a > b : a < b) }'; then best=$v; fi
            fi
        done
        local mb=${t[metalboot,$c]:-}
        if [[ $mb =~ ^[0-9.]+$ ]] && [ -n "$best" ] && awk -v b="$best" 'BEGIN { exit !(b > 0) }'; then
            awk -v a="$mb" -v b="$best" 'BEGIN { printf "%15.2fx\n", a / b }'
        else
            printf "%16s\n" "-"
        fi
    done
}
table "throughput, MB/s (best of $repeat)" mbs 1
table "server CPU, ms (least of $repeat)" cpu 0
echo
echo "tftpd-hpa and dnsmasq have no windowsize: their windowsize rows are lock-step transfers."
echo "Server CPU is measured per server cgroup: tftpd-hpa's per-transfer child processes are included."
awk -v w="${mbs[metalboot,3]:-0}" -v w512="${mbs[metalboot,4]:-0}" -v l="${mbs[metalboot,0]:-0}" 'BEGIN {
    if (l > 0) {
        printf "Metal Boot windowsize 16, blksize 1468 vs lock-step 512 B: %.1fx\n", w / l
        printf "Metal Boot windowsize 16, blksize 512  vs lock-step 512 B: %.1fx\n", w512 / l
    }
}'
