#!/usr/bin/env bash
# On-demand benchmark for provisioning and consoles (not in ctest). Everything on loopback.
#
#  1. Talos image cache vs. nginx (scripts/peers.sh) as the image factory:
#     - cache miss: metalboot fetches the .raw.xz from nginx, decompresses, verifies, caches and
#       streams it; the peer is the same done by hand: curl nginx | xz -d
#     - cache hit: metalboot serves the cached file; the peer is nginx serving the same raw file
#  2. netconsole ingestion under a burst: N extended datagrams (1 in 10 fragmented) from
#     127.0.0.2 as fast as python can send; lines metalboot processed vs. datagrams socat got.
#
# Usage: tests/bench/provision/bench_provision.sh [build-dir] [image-MiB] [datagrams]
set -euo pipefail
build=$(realpath "${1:-build}")
mib=${2:-512}
count=${3:-100000}
bin="$build/app/metalboot"
nginx="${NGINX:-$build/peers/root/usr/sbin/nginx}"
[ -x "$bin" ] || { echo "no $bin (build first)"; exit 1; }
[ -x "$nginx" ] || { echo "no nginx: run scripts/peers.sh $build/peers"; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
now() { date +%s.%N; }
rate() { python3 -c "import sys;b=$1;t=$2;print(f'{t:7.2f} s  {b/t/1048576:8.1f} MiB/s')"; }

echo "== preparing a ${mib} MiB image (half random, half zeros)"
python3 - "$work/openstack.raw" "$mib" <<'PY'
import os,sys
path,mib=sys.argv[1],int(sys.argv[2]); half=mib*1048576//2
with open(path,'wb') as f:
    left=half
    while left: n=min(left,1<<20); f.write(os.urandom(n)); left-=n
    f.write(b'\0'*half)
PY
xz -1 -T2 -k -c "$work/openstack.raw" > "$work/openstack.raw.xz"
raw_size=$(stat -c %s "$work/openstack.raw")
sum=$(sha256sum "$work/openstack.raw" | cut -d' ' -f1)
schematic=376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba
mkdir -p "$work/www/image/$schematic/v1.7.6" "$work/www/raw" "$work/nginx"
ln "$work/openstack.raw.xz" "$work/www/image/$schematic/v1.7.6/openstack-amd64.raw.xz"
ln "$work/openstack.raw" "$work/www/raw/openstack.raw"

np=$(port)
cat > "$work/nginx/nginx.conf" <<CONF
daemon off; worker_processes 1; pid $work/nginx/nginx.pid; error_log $work/nginx/error.log;
events { worker_connections 64; }
http { access_log off; sendfile on; default_type application/octet-stream;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:$np; root $work/www;
    location = /schematics { default_type application/json; return 201 '{"id":"$schematic"}'; } } }
CONF
chmod 755 "$work"; chmod -R a+rX "$work/www"     # nginx workers run as nobody
"$nginx" -p "$work/nginx" -c "$work/nginx/nginx.conf" & pids+=($!)
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$np/schematics" -o /dev/null && break; sleep 0.1; done

hp=$(port); ncp=$(port); slp=$(port)
mkdir -p "$work/cfg" "$work/data"
cat > "$work/cfg/lab.yaml" <<YAML
name: Bench
services:
  http: {address: 127.0.0.1, port: $hp}
  dhcp: {enabled: false}
  tftp: {enabled: false}
  redfish: {enabled: false}
  consoles: {address: 127.0.0.1, netconsole_port: $ncp, syslog_port: $slp}
provisioning:
  talos: {factory_url: "http://127.0.0.1:$np", cache_size_mb: $((mib * 2)), timeout: 60}
devices:
  "dc:a6:32:00:00:01": {name: pi-01, ip: 127.0.0.2}
YAML
METALBOOT_CONFIG_DIR="$work/cfg" METALBOOT_DATA_DIR="$work/data" QT_LOGGING_RULES="metalboot.*.info=false" \
    "$bin" --headless --config "$work/cfg/lab.yaml" >"$work/metalboot.log" 2>&1 & pids+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$hp/api/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$np/raw/openstack.raw" -o /dev/null   # warm the page cache

url="http://127.0.0.1:$hp/images/talos/v1.7.6/amd64/openstack.raw"
echo "== Talos image, ${mib} MiB raw ($(stat -c %s "$work/openstack.raw.xz") bytes xz)"
t0=$(now); peer_sum=$(curl -fsS "http://127.0.0.1:$np/image/$schematic/v1.7.6/openstack-amd64.raw.xz" | xz -d -T1 | sha256sum | cut -d' ' -f1); t1=$(now)
peer_miss=$(python3 -c "print($t1-$t0)")
t0=$(now); mb_sum=$(curl -fsS "$url" | sha256sum | cut -d' ' -f1); t1=$(now)
mb_miss=$(python3 -c "print($t1-$t0)")
[ "$mb_sum" = "$sum" ] && [ "$peer_sum" = "$sum" ] || { echo "checksum mismatch"; exit 1; }
t0=$(now); curl -fsS "http://127.0.0.1:$np/raw/openstack.raw" -o /dev/null; t1=$(now)
peer_hit=$(python3 -c "print($t1-$t0)")
t0=$(now); curl -fsS "$url" -o /dev/null; t1=$(now)
mb_hit=$(python3 -c "print($t1-$t0)")
[ "$(curl -fsS "$url.sha256" | cut -d' ' -f1)" = "$sum" ] || { echo ".sha256 mismatch"; exit 1; }
printf '  miss  peer curl|xz -d   %s\n' "$(rate "$raw_size" "$peer_miss")"
printf '  miss  metalboot         %s   (%.2fx the peer time; also hashes and writes the cache)\n' "$(rate "$raw_size" "$mb_miss")" "$(python3 -c "print($mb_miss/$peer_miss)")"
printf '  hit   peer nginx        %s\n' "$(rate "$raw_size" "$peer_hit")"
printf '  hit   metalboot         %s   (%.2fx the peer time)\n' "$(rate "$raw_size" "$mb_hit")" "$(python3 -c "print($mb_hit/$peer_hit)")"

echo "== netconsole burst: $count datagrams from 127.0.0.2"
sender() {  # $1 = port, $2 = messages per second (0 = as fast as possible)
python3 - "$1" "$count" "${2:-0}" <<'PY'
import socket,sys,time
port,count,rate=int(sys.argv[1]),int(sys.argv[2]),float(sys.argv[3])
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(("127.0.0.2",0))
body=b"x"*1500
t=time.time(); seq=int(time.time()*1000)%1000000000; sent=0   # fresh sequence range per run
for i in range(count):
    if rate and i % 100 == 0:
        ahead = t + i / rate - time.time()
        if ahead > 0: time.sleep(ahead)
    if i%10==9:
        for off in range(0,1500,750):
            s.sendto(b"6,%d,%d,-,ncfrag=%d/1500;"%(seq,i,off)+body[off:off+750],("127.0.0.1",port)); sent+=1
    else:
        s.sendto(b"6,%d,%d,-;kernel line %d: usb 1-1.3: new high-speed USB device"%(seq,i,i),("127.0.0.1",port)); sent+=1
    seq+=1
print(f"{sent} {time.time()-t:.3f}")
PY
}
stats() { curl -fsS -H "Authorization: Bearer $(cat "$work/cfg/api-token")" "http://127.0.0.1:$hp/api/v1/consoles"; }
run_pair() {  # $1 = label, $2 = rate
    local before after
    before=$(stats)
    read -r sent secs < <(sender "$ncp" "$2")
    sleep 2
    after=$(stats)
    python3 - "$before" "$after" "$count" "$sent" "$secs" "$1" <<'PY'
import json,sys
b=json.loads(sys.argv[1])["stats"]; a=json.loads(sys.argv[2])["stats"]
count,sent,secs,label=int(sys.argv[3]),int(sys.argv[4]),float(sys.argv[5]),sys.argv[6]
d={k:a[k]-b[k] for k in a}
print(f"  {label}: metalboot {d['lines']} of {count} messages ({sent} datagrams in {secs:.2f} s = {sent/secs:,.0f}/s), "
      f"reassembled {d['reassembled']}, counted lost {d['lost']}, journaled {d['journaled']}")
PY
    local sp spid got
    sp=$(port)
    socat -u "UDP-RECV:$sp,bind=127.0.0.1,rcvbuf=1048576" - > "$work/socat.out" & spid=$!; pids+=($spid)
    sleep 0.3
    read -r sent2 secs2 < <(sender "$sp" "$2")
    sleep 2; kill "$spid" 2>/dev/null || true; wait "$spid" 2>/dev/null || true
    got=$(python3 -c "import sys;d=open(sys.argv[1],'rb').read();print(d.count(b',-'))" "$work/socat.out")
    echo "  $1: peer socat received $got of $sent2 datagrams (raw bytes, no parsing)"
}
run_pair "paced 20000/s" 20000
run_pair "burst        " 0
