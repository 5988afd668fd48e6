#!/usr/bin/env bash
# HTTP streaming benchmark: Metal Boot's HTTP server vs nginx on loopback, same files, same
# client (curl, and wrk for small files), in one run, interleaved so load drift hits both alike.
# Prints side-by-side figures and the ratio Metal Boot / nginx. Goal: >= 0.8x for large files.
#
# Usage: tests/bench/http/bench_http.sh [metalboot-binary] [peers-dir]
#   metalboot-binary  default: build-bench/app/metalboot (configured Release, GUI off, built here
#                     on first use)
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

mkdir -p "$work/www" "$work/nginx" "$work/mb/config" "$work/mb/data"
echo "== files: ${size_mib} MiB random, $parallel x 256 MiB, 4 KiB"
head -c $((size_mib << 20)) /dev/urandom >"$work/www/large.bin"
head -c $((256 << 20)) /dev/urandom >"$work/www/medium.bin"
head -c 4096 /dev/urandom >"$work/www/small.bin"
chmod -R a+rX "$work"
# Warm the page cache for both servers alike.
cat "$work/www/"*.bin >/dev/null

nginx_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<EOF
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
EOF
"$nginx" -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" &
pids+=($!)

mb_port=$(free_port)
cat >"$work/mb/config/lab.yaml" <<EOF
version: 1
name: bench
services:
  dhcp: {enabled: false}
  tftp: {enabled: false}
  redfish: {enabled: false}
  consoles: {enabled: false}
  http: {enabled: true, address: 127.0.0.1, port: $mb_port, root: "$work/www"}
EOF
METALBOOT_CONFIG_DIR=$work/mb/config METALBOOT_DATA_DIR=$work/mb/data QT_LOGGING_RULES="metalboot.*.info=false" \
    "$bin" --headless --config "$work/mb/config/lab.yaml" 2>"$work/mb/log" &
pids+=($!)

for port in $nginx_port $mb_port; do
    for _ in $(seq 100); do
        curl -s -o /dev/null --noproxy '*' "http://127.0.0.1:$port/small.bin" && break
        sleep 0.1
    done
done
curl -sf -o /dev/null --noproxy '*' "http://127.0.0.1:$nginx_port/small.bin" || { echo "nginx did not start"; cat "$work/nginx/error.log"; exit 1; }
curl -sf -o /dev/null --noproxy '*' "http://127.0.0.1:$mb_port/small.bin" || { echo "metalboot did not start"; cat "$work/mb/log"; exit 1; }

# Bytes per second of one curl download (checked for size).
one() {
    local port=$1 file=$2 expect=$3 out
    out=$(curl -s --noproxy '*' -o /dev/null -w '%{http_code} %{size_download} %{speed_download}' "http://127.0.0.1:$port/$file")
    set -- $out
    [ "$1" = 200 ] && [ "$2" = "$expect" ] || { echo "bad download from port $port: $out" >&2; exit 1; }
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
    for p in "${clients[@]}"; do wait "$p" || { echo "parallel download from port $port failed" >&2; exit 1; }; done
    end=$(date +%s.%N)
    python3 -c "print($n * $size / ($end - $start))"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mibs() { python3 -c "print(f'{$1 / 1048576:8.0f}')"; }

large=$((size_mib << 20))
medium=$((256 << 20))
declare -a n_large m_large n_par m_par
echo "== single stream, ${size_mib} MiB, $runs runs each (interleaved)"
for i in $(seq "$runs"); do
    n_large+=("$(one "$nginx_port" large.bin "$large")")
    m_large+=("$(one "$mb_port" large.bin "$large")")
done
echo "== $parallel parallel streams of 256 MiB, $runs runs each (interleaved)"
for i in $(seq "$runs"); do
    n_par+=("$(many "$nginx_port" medium.bin "$parallel" "$medium")")
    m_par+=("$(many "$mb_port" medium.bin "$parallel" "$medium")")
done
nl=$(printf '%s\n' "${n_large[@]}" | median); ml=$(printf '%s\n' "${m_large[@]}" | median)
np=$(printf '%s\n' "${n_par[@]}" | median); mp=$(printf '%s\n' "${m_par[@]}" | median)

wrk_line=""
if command -v wrk >/dev/null; then
    echo "== small file (4 KiB), wrk -t1 -c16 -d5s, keep-alive"
    nr=$(wrk -t1 -c16 -d5s "http://127.0.0.1:$nginx_port/small.bin" | awk '/Requests\/sec/ {print $2}')
    mr=$(wrk -t1 -c16 -d5s "http://127.0.0.1:$mb_port/small.bin" | awk '/Requests\/sec/ {print $2}')
    wrk_line=$(python3 -c "print(f'small 4 KiB (req/s, wrk)        {$nr:10.0f} {$mr:12.0f}   {$mr/$nr:5.2f}x')")
fi

echo
echo "HTTP streaming on loopback (median of $runs; nginx $("$nginx" -v 2>&1 | sed 's/.*\///'), worker_processes $workers, sendfile on)"
printf '%-32s %10s %12s %7s\n' "" "nginx" "Metal Boot" "ratio"
python3 - "$nl" "$ml" "$np" "$mp" "$size_mib" "$parallel" <<'EOF'
import sys
nl, ml, np_, mp = map(float, sys.argv[1:5]); size, par = sys.argv[5], sys.argv[6]
print(f"{'single ' + size + ' MiB (MiB/s)':32s} {nl/1048576:10.0f} {ml/1048576:12.0f}   {ml/nl:5.2f}x")
print(f"{par + ' x 256 MiB (MiB/s total)':32s} {np_/1048576:10.0f} {mp/1048576:12.0f}   {mp/np_:5.2f}x")
EOF
[ -n "$wrk_line" ] && echo "$wrk_line"
echo "(goal: large-file ratio >= 0.80)"
