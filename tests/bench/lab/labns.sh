# Sourced by storm.sh and soak.sh (bash): a network namespace of their own with only its lo
# ($NS, removed on exit), a work directory ($WORK, removed on exit), the processes to kill on exit
# ($PIDS), and Metal Boot started inside the namespace on the lab `vlabstorm prepare` wrote ($MB).

labns_cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    ip netns del "$NS" 2>/dev/null || true
    rm -rf "$WORK"
}

# labns_init <namespace> <work-dir prefix>
labns_init() {
    NS=$1
    WORK=$(mktemp -d "/tmp/$2.XXXXXX")
    PIDS=()
    trap labns_cleanup EXIT INT TERM
    ip netns add "$NS"
    ip -n "$NS" link set lo up
    ulimit -n 65536 2>/dev/null || true
}

nsx() { ip netns exec "$NS" "$@"; }

# labns_start_metalboot <metalboot binary>: serves $WORK/mb (config/, data/); waits for its API.
labns_start_metalboot() {
    mkdir -p "$WORK/mb/data"
    # Started without a shell in between, so $! is the server itself (kill, RSS).
    env METALBOOT_CONFIG_DIR="$WORK/mb/config" METALBOOT_DATA_DIR="$WORK/mb/data" QT_LOGGING_RULES="metalboot.*.info=false" \
        ip netns exec "$NS" "$1" --headless >"$WORK/mb.log" 2>&1 &
    MB=$!
    PIDS+=("$MB")
    for _ in $(seq 100); do
        nsx curl -sf -o /dev/null http://127.0.0.1:8080/api/v1/health && return 0
        sleep 0.2
    done
    echo "metalboot did not start:"
    tail -20 "$WORK/mb.log"
    exit 1
}
