#!/usr/bin/env bash
# Runs one libFuzzer harness for a while on a copy of its corpus.
#   run-fuzzer.sh <fuzz_binary> <seconds> <seed-corpus-dir> <work-dir> [extra libFuzzer args...]
# New inputs go to <work-dir>/corpus (the committed corpus is only read), crashes to
# <work-dir>/artifacts/. Prints libFuzzer's final statistics (executions, rate) and exits non-zero
# on a crash, leak, timeout or out-of-memory.
set -euo pipefail
bin=$1 seconds=$2 seeds=$3 work=$4
shift 4
mkdir -p "$work/corpus" "$work/artifacts"
target=$(basename "$bin" | sed 's/^fuzz_//')
# Longest input worth generating: a little beyond every limit the code under test enforces
# (DHCP datagrams 4096, the guard's test limits 512/1024, config files of a few KiB); longer
# inputs only cost time.
case "$target" in
    dhcp_packet) maxlen=4200 ;;
    tftp_packet) maxlen=1600 ;;
    http_request|http_fields|ipxe_script|redfish|devicejson|dhcp_leasefile|efi_loadoption|poe_answers) maxlen=4096 ;;
    labconfig|seedimport|efi_varjson) maxlen=8192 ;;
    efi_varstore) maxlen=16384 ;;
    *) maxlen=65536 ;;
esac
dict="$(dirname "$0")/dict/$target.dict"
args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$maxlen" -print_final_stats=1
      -artifact_prefix="$work/artifacts/")
[ -f "$dict" ] && args+=(-dict="$dict")
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1:quarantine_size_mb=64}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
exec "$bin" "${args[@]}" "$@" "$work/corpus" "$seeds"
