#!/bin/bash
# Redfish throughput and latency: wrk over HTTPS keep-alive, 64 connections, against
#   (a) Metal Boot's RedfishService (redfishtestlab, 256 devices, X-Auth-Token session), and
#   (b) sushy-tools' fake driver (openstack/sushy-tools checkout, Debian python3-flask, 256 fake
#       systems, HTTPS, no authentication) in the same run,
# for GET one System and GET the Systems collection. Prints both side by side with ratios and p99.
#
# usage: bench.sh <redfishtestlab binary> [sushy-tools checkout] [seconds per run=15]
# Build redfishtestlab in Release for meaningful figures:
#   cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C build-release redfishtestlab
# The sushy-tools checkout defaults to $SUSHY_TOOLS_DIR, else ../.cache/redfish/sushy-tools next to
# the source tree. Everything listens on 127.0.0.1 and is killed by pid at the end.
set -u
LAB=$1
HERE=$(cd "$(dirname "$0")" && pwd)
SUSHY_TOOLS=${2:-${SUSHY_TOOLS_DIR:-$HERE/../../../../.cache/redfish/sushy-tools}}
SECONDS_PER_RUN=${3:-15}
CONNECTIONS=64
THREADS=1          # the machine has 2 cores: one for wrk, one for the server under test
PY=/usr/bin/python3
command -v wrk > /dev/null || { echo "wrk is not installed (scripts/deps-test.txt)"; exit 1; }
unset REQUESTS_CA_BUNDLE CURL_CA_BUNDLE

WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
    rm -rf "$WORK"
}
trap cleanup EXIT

# wrk output -> "<requests/s> <p99 ms> <non-2xx count> <socket errors>"
summarize() {
    awk '
        /Requests\/sec:/ { rps = $2 }
        /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); p99 = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); p99 = v } else if (v ~ /s$/) { sub(/s$/, "", v); p99 = v * 1000 } }
        /Non-2xx or 3xx responses:/ { bad = $5 }
        /Socket errors:/ { errs = $0; sub(/.*Socket errors: /, "", errs); gsub(/ /, "", errs) }
        END { printf "%s %s %s %s\n", rps ? rps : 0, p99 ? p99 : "n/a", bad ? bad : 0, errs ? errs : "none" }' "$1"
}

run_wrk() {   # name url [header]
    local name=$1 url=$2
    shift 2
    if [ $# -gt 0 ]; then
        wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency -H "$1" "$url" > "$WORK/$name.wrk" 2>&1
    else
        wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency "$url" > "$WORK/$name.wrk" 2>&1
    fi
    summarize "$WORK/$name.wrk" > "$WORK/$name.sum"
}

free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# --- Metal Boot -------------------------------------------------------------------------------
"$LAB" "$WORK/lab" 256 > "$WORK/ready" 2> "$WORK/lab.log" &
PIDS+=($!)
for _ in $(seq 100); do grep -q READY "$WORK/ready" 2>/dev/null && break; sleep 0.2; done
read -r _ PORT PWFILE CA _ < "$WORK/ready" || { echo "redfishtestlab did not start"; cat "$WORK/lab.log"; exit 1; }
PASSWORD=$(sed -n 's/^password: //p' "$PWFILE")
MB=https://127.0.0.1:$PORT
TOKEN=$(curl -s --cacert "$CA" -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"UserName\":\"admin\",\"Password\":\"$PASSWORD\"}" "$MB/redfish/v1/SessionService/Sessions" \
    | sed -n 's/^X-Auth-Token: *\([0-9a-f]*\).*/\1/ip')
[ -n "$TOKEN" ] || { echo "no session token from Metal Boot"; exit 1; }
SYSTEM=$(curl -s --cacert "$CA" -H "X-Auth-Token: $TOKEN" "$MB/redfish/v1/Systems" | $PY -c 'import json,sys; d=json.load(sys.stdin); assert d["Members@odata.count"] == 256; print(d["Members"][0]["@odata.id"])')
echo "Metal Boot: $MB (256 devices, system $SYSTEM)"
run_wrk mb-system "$MB$SYSTEM" "X-Auth-Token: $TOKEN"
run_wrk mb-collection "$MB/redfish/v1/Systems" "X-Auth-Token: $TOKEN"
kill "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null

# --- sushy-tools fake driver ------------------------------------------------------------------
ST=""
if [ -d "$SUSHY_TOOLS/sushy_tools" ] && $PY -c 'import flask' 2>/dev/null; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$WORK/st-key.pem" -out "$WORK/st-cert.pem" \
        -days 1 -subj /CN=localhost -addext "subjectAltName=IP:127.0.0.1" 2> /dev/null
    $PY - "$WORK" <<'EOF'
import sys, uuid
work = sys.argv[1]
systems = [{"uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, "pi-%03d" % i)), "name": "pi-%03d" % i, "power_state": "Off",
            "external_notifier": False, "nics": [{"mac": "dc:a6:32:00:%02x:%02x" % (i >> 8, i & 255), "ip": "127.0.0.1"}]}
           for i in range(1, 257)]
with open(work + "/sushy-tools.conf", "w") as f:
    f.write("SUSHY_EMULATOR_FAKE_SYSTEMS = %r\n" % systems)
    f.write("SUSHY_EMULATOR_SSL_CERT = %r\nSUSHY_EMULATOR_SSL_KEY = %r\n" % (work + "/st-cert.pem", work + "/st-key.pem"))
    f.write("SUSHY_EMULATOR_LISTEN_IP = '127.0.0.1'\nSUSHY_EMULATOR_STATE_DIR = %r\n" % (work + "/st-state"))
EOF
    STPORT=$(free_port)
    (cd "$SUSHY_TOOLS" && PYTHONPATH=. exec $PY -m sushy_tools.emulator.main --fake --config "$WORK/sushy-tools.conf" \
        --port "$STPORT" > "$WORK/sushy-tools.log" 2>&1) &
    PIDS+=($!)
    ST=https://127.0.0.1:$STPORT
    for _ in $(seq 100); do curl -sk "$ST/redfish/v1/" > /dev/null && break; sleep 0.2; done
    STSYSTEM=$(curl -sk "$ST/redfish/v1/Systems" | $PY -c 'import json,sys; d=json.load(sys.stdin); assert d["Members@odata.count"] == 256; print(d["Members"][0]["@odata.id"])') || ST=""
fi
if [ -n "$ST" ]; then
    echo "sushy-tools $(cd "$SUSHY_TOOLS" && git log -1 --format=%h 2>/dev/null) fake driver: $ST (256 systems, system $STSYSTEM)"
    run_wrk st-system "$ST$STSYSTEM"
    run_wrk st-collection "$ST/redfish/v1/Systems"
else
    echo "sushy-tools: not run (no checkout at $SUSHY_TOOLS or python3-flask missing)"
fi

# --- report -----------------------------------------------------------------------------------
echo
echo "wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s, HTTPS keep-alive requested, 127.0.0.1"
printf "%-22s %10s %10s %12s %10s %8s  %s\n" "GET" "MB req/s" "MB p99 ms" "sushy req/s" "sushy p99" "ratio" "non-2xx/socket errors (MB; sushy)"
status=0
for what in system collection; do
    read -r mrps mp99 mbad merr < "$WORK/mb-$what.sum"
    srps=- sp99=- ratio=- sbad=- serr=-
    if [ -n "$ST" ]; then
        read -r srps sp99 sbad serr < "$WORK/st-$what.sum"
        ratio=$(awk -v a="$mrps" -v b="$srps" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }')
    fi
    label=$([ $what = system ] && echo "one System" || echo "Systems (256 members)")
    printf "%-22s %10s %10s %12s %10s %8s  %s\n" "$label" "$mrps" "$mp99" "$srps" "$sp99" "$ratio" "$mbad/$merr; $sbad/$serr"
    [ "$mbad" = 0 ] || status=1
done
echo
echo "Goal: >= 10x sushy-tools, p99 < 10 ms. sushy-tools runs Flask's development server (werkzeug, HTTP/1.0:"
echo "a new TLS connection per request), as its own documentation runs it; Metal Boot answered with a session token."
[ $status -eq 0 ] || echo "Metal Boot returned non-2xx responses: see $WORK (kept)"
[ $status -eq 0 ] || trap - EXIT
exit $status
