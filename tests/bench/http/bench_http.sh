#!/usr/bin/env bash
# HTTP streaming benchmark: Metal Boot's HTTP server vs nginx on loopback, same files, same
# client (curl; wrk for small files), in one run, interleaved so that load drift hits all alike.
# Metal Boot runs twice: as configured by default (zero-copy sendfile) and with
# `zero_copy: false` (the copying path, also used for TLS). Prints figures and ratios to nginx.
# Goal: large-file ratio >= 0.8x.
#
# Usage: tests/bench/http/bench_http.sh [metalboot-binary] [peers-dir]
#   metalboot-binary  default: build-bench/app/metalboot (configured Release, GUI off, and built
#                     here on first use)
#   peers-dir         default: build/peers (nginx unpacked by scripts/peers.sh)
# Env: BENCH_SIZE_MIB (large file, 1024), BENCH_RUNS (5), BENCH_PARALLEL (8),
#      BENCH_NGINX_WORKERS (1; "auto" for one per core)
# Only 127.0.0.1 is used; every process started here is killed by pid on exit.
set -euo pipefail

src=$(cd "$(dirname "$0")/../../.." && pwd)
bin=${1:-$src/build-bench/app/metalboot}
peers=${2:-$src/build/peers}
size_mib=${BENCH_SIZE_MIB:-1024}
runs=${BENCH_RUNS:-5}
parallel=${BENCH_PARALLEL:-8}
workers=${BENCH_NGINX_WORKERS:-1}

if [ ! -x "$bin" ]; then
    echo "== building a Release metalboot in $src/build-bench (GUI off)"
    cmake -S "$src" -B "$src/build-bench" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMETALBOOT_BUILD_GUI=OFF \
        -DBUILD_TESTING=OFF >/dev/null
    ninja -C "$src/build-bench" -j2 metalboot
    bin=$src/build-bench/app/metalboot
fi
nginx=$peers/root/usr/sbin/nginx
if [ ! -x "$nginx" ]; then
    "$src/scripts/peers.sh" "$peers" >/dev/null || true
fi
[ -x "$nginx" ] || { echo "nginx peer not found at $nginx (scripts/peers.sh $peers)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is required" >&2; exit 2; }

work=$(mktemp -d /tmp/mb-bench-http.XXXXXX)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

mkdir -p "$work/www" "$work/nginx"
echo "== files: ${size_mib} MiB random, 256 MiB random, 4 KiB"
head -c $((size_mib << 20)) /dev/urandom >"$work/www/large.bin"
head -c $((256 << 20)) /dev/urandom >"$work/www/medium.bin"
head -c 4096 /dev/urandom >"$work/www/small.bin"
chmod -R a+rX "$work"
cat "$work/www/"*.bin >/dev/null # warm the page cache for all servers alike

nginx_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<NGINX
user root;
worker_processes $workers;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 30;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    default_type application/octet-stream;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/www;
    }
}
NGINX
"$nginx" -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" &
pids+=($!)

start_metalboot() {
    local name=$1 port=$2 zero=$3
    mkdir -p "$work/$name/config" "$work/$name/data"
    cat >"$work/$name/config/lab.yaml" <<LAB
version: 1
name: bench
services:
  dhcp: {enabled: false}
  tftp: {enabled: false}
  redfish: {enabled: false}
  consoles: {enabled: false}
  http: {enabled: true, address: 127.0.0.1, port: $port, root: "$work/www", zero_copy: $zero}
LAB
    METALBOOT_CONFIG_DIR=$work/$name/config METALBOOT_DATA_DIR=$work/$name/data \
        QT_LOGGING_RULES="metalboot.*.info=false" \
        "$bin" --headless --config "$work/$name/config/lab.yaml" 2>"$work/$name/log" &
    pids+=($!)
}
mb_port=$(free_port)
start_metalboot mb "$mb_port" true
cp_port=$(free_port)
start_metalboot mbcopy "$cp_port" false

for port in $nginx_port $mb_port $cp_port; do
    for _ in $(seq 100); do
        curl -sf -o /dev/null --noproxy '*' "http://127.0.0.1:$port/small.bin" && break
        sleep 0.1
    done
    curl -sf -o /dev/null --noproxy '*' "http://127.0.0.1:$port/small.bin" || {
        echo "the server on port $port did not start"
        cat "$work/nginx/error.log" "$work"/mb*/log 2>/dev/null
        exit 1
    }
done

# Bytes per second of one curl download (size and status checked).
one() {
    local port=$1 file=$2 expect=$3 out
    out=$(curl -s --noproxy '*' -o /dev/null -w '%{http_code} %{size_download} %{speed_download}' "http://127.0.0.1:$port/$file")
    set -- $out
    if [ "$1" != 200 ] || [ "$2" != "$expect" ]; then
        echo "bad download from port $port: $out" >&2
        return 1
    fi
    echo "$3"
}
# Aggregate bytes per second of N parallel curl downloads.
many() {
    local port=$1 file=$2 n=$3 size=$4 start end clients=()
    start=$(date +%s.%N)
    for _ in $(seq "$n"); do
        curl -sf --noproxy '*' -o /dev/null "http://127.0.0.1:$port/$file" &
        clients+=($!)
    done
    for p in "${clients[@]}"; do
        wait "$p" || { echo "parallel download from port $port failed" >&2; return 1; }
    done
    end=$(date +%s.%N)
    python3 -c "print($n * $size / ($end - $start))"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

large=$((size_mib << 20))
medium=$((256 << 20))
n_large=(); m_large=(); c_large=(); n_par=(); m_par=(); c_par=()
echo "== single stream, ${size_mib} MiB, $runs runs each (interleaved)"
for _ in $(seq "$runs"); do
    n_large+=("$(one "$nginx_port" large.bin "$large")")
    m_large+=("$(one "$mb_port" large.bin "$large")")
    c_large+=("$(one "$cp_port" large.bin "$large")")
done
echo "== $parallel parallel streams of 256 MiB, $runs runs each (interleaved)"
for _ in $(seq "$runs"); do
    n_par+=("$(many "$nginx_port" medium.bin "$parallel" "$medium")")
    m_par+=("$(many "$mb_port" medium.bin "$parallel" "$medium")")
    c_par+=("$(many "$cp_port" medium.bin "$parallel" "$medium")")
done
nl=$(printf '%s\n' "${n_large[@]}" | median)
ml=$(printf '%s\n' "${m_large[@]}" | median)
cl=$(printf '%s\n' "${c_large[@]}" | median)
np=$(printf '%s\n' "${n_par[@]}" | median)
mp=$(printf '%s\n' "${m_par[@]}" | median)
cp=$(printf '%s\n' "${c_par[@]}" | median)

nr=0; mr=0; cr=0
if command -v wrk >/dev/null; then
    echo "== small file (4 KiB), wrk -t1 -c16 -d5s, keep-alive"
    rps() { wrk -t1 -c16 -d5s "http://127.0.0.1:$1/small.bin" | awk '/Requests\/sec/ {print $2}'; }
    nr=$(rps "$nginx_port"); mr=$(rps "$mb_port"); cr=$(rps "$cp_port")
fi

echo
echo "HTTP on loopback, median of $runs (nginx $("$nginx" -v 2>&1 | sed 's/.*\///'), worker_processes $workers, sendfile on;"
echo "Metal Boot $(basename "$bin") --headless, default config and zero_copy: false; load average $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$nl" "$ml" "$cl" "$np" "$mp" "$cp" "$nr" "$mr" "$cr" "$size_mib" "$parallel" <<'PY'
import sys
nl, ml, cl, np_, mp, cp, nr, mr, cr = map(float, sys.argv[1:10])
size, par = sys.argv[10], sys.argv[11]
M = 1048576
print(f"{'':30s} {'nginx':>9s} {'Metal Boot':>11s} {'ratio':>6s} {'MB copy':>9s} {'ratio':>6s}")
print(f"{'single ' + size + ' MiB (MiB/s)':30s} {nl/M:9.0f} {ml/M:11.0f} {ml/nl:5.2f}x {cl/M:9.0f} {cl/nl:5.2f}x")
print(f"{par + ' x 256 MiB (MiB/s, total)':30s} {np_/M:9.0f} {mp/M:11.0f} {mp/np_:5.2f}x {cp/M:9.0f} {cp/np_:5.2f}x")
if nr > 0:
    print(f"{'4 KiB files (req/s, wrk)':30s} {nr:9.0f} {mr:11.0f} {mr/nr:5.2f}x {cr:9.0f} {cr/nr:5.2f}x")
print("goal: large-file ratio >= 0.80x (Metal Boot default = zero-copy)")
PY
