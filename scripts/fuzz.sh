#!/usr/bin/env bash
# Metal Boot: libFuzzer runs of the parser harnesses (tests/fuzz, docs/security.md).
#   scripts/fuzz.sh [seconds-per-target] [target...]      default: 60 s, every target
# Builds build-fuzz/ with clang (-DMETALBOOT_FUZZ=ON: libFuzzer + ASan + UBSan), then runs each
# target on a work copy of its committed corpus and prints executions, rate, corpus growth and
# crashes per target. Crashing inputs land in <work>/<target>/artifacts/; add them to
# tests/fuzz/corpus/<target>/ (named crash-<what>) together with the fix.
# Environment: METALBOOT_FUZZ_BUILD_DIR (build-fuzz), METALBOOT_FUZZ_WORK (<build>/fuzz-runs),
#   METALBOOT_FUZZ_JOBS (targets run in parallel, default 1), METALBOOT_FUZZ_NICE (10),
#   METALBOOT_FUZZ_ARGS (extra libFuzzer flags, e.g. -runs=10000000 to stop at 10 M executions).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
shift || true
build=${METALBOOT_FUZZ_BUILD_DIR:-$root/build-fuzz}
work=${METALBOOT_FUZZ_WORK:-$build/fuzz-runs}
jobs=${METALBOOT_FUZZ_JOBS:-1}
niceness=${METALBOOT_FUZZ_NICE:-10}

command -v clang++ >/dev/null || { echo "clang++ is missing: apt-get install clang libclang-rt-14-dev" >&2; exit 2; }
if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DMETALBOOT_FUZZ=ON -DMETALBOOT_BUILD_GUI=OFF >/dev/null || exit 2
fi
nice -n "$niceness" cmake --build "$build" --target fuzzers -- -j"${METALBOOT_FUZZ_BUILD_JOBS:-2}" || exit 2

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for f in "$root"/tests/fuzz/fuzz_*.cpp; do t=$(basename "$f" .cpp); targets+=("${t#fuzz_}"); done
fi

run_one() {
    local t=$1
    local log="$work/$t.log"
    mkdir -p "$work/$t"
    nice -n "$niceness" "$root/tests/fuzz/run-fuzzer.sh" "$build/tests/fuzz/fuzz_$t" "$seconds" \
        "$root/tests/fuzz/corpus/$t" "$work/$t" ${METALBOOT_FUZZ_ARGS:-} >"$log" 2>&1
    echo $? >"$work/$t.rc"
}

mkdir -p "$work"
running=0
for t in "${targets[@]}"; do
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait

status=0
printf '%-16s %14s %10s %8s %8s %s\n' target executions exec/s corpus crashes result
for t in "${targets[@]}"; do
    log="$work/$t.log"
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    corpus=$(find "$work/$t/corpus" -type f | wc -l)
    crashes=$(find "$work/$t/artifacts" -type f | wc -l)
    rc=$(cat "$work/$t.rc" 2>/dev/null || echo '?')
    result=ok
    if [ "$rc" != 0 ] || [ "$crashes" -gt 0 ]; then result="FAILED (see $log)"; status=1; fi
    printf '%-16s %14s %10s %8s %8s %s\n' "$t" "${execs:-?}" "${rate:-?}" "$corpus" "$crashes" "$result"
done
exit $status
