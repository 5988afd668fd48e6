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
dict="$(dirname "$0")/dict/$(basename "$bin" | sed 's/^fuzz_//').dict"
args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
      -artifact_prefix="$work/artifacts/")
[ -f "$dict" ] && args+=(-dict="$dict")
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
exec "$bin" "${args[@]}" "$@" "$work/corpus" "$seeds"
