#!/usr/bin/env bash
# Metal Boot: the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer.
#   scripts/sanitize.sh [ctest args...]          e.g. scripts/sanitize.sh -L faults
# Builds build-asan/ (-DMETALBOOT_SANITIZE=ON, GUI off: Qt Quick's JIT and the GL stack are not
# ASan-clean and are not ours) with $CXX (default: g++; CXX=clang++ works too) and runs ctest.
# Any ASan report (overflow, use-after-free, leak) or UBSan report fails the test that hit it.
# Environment: METALBOOT_ASAN_BUILD_DIR (build-asan), METALBOOT_ASAN_JOBS (build jobs, 2).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${METALBOOT_ASAN_BUILD_DIR:-$root/build-asan}
if [ ! -f "$build/CMakeCache.txt" ]; then
    CXX=${CXX:-g++} cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DMETALBOOT_SANITIZE=ON -DMETALBOOT_BUILD_GUI=OFF >/dev/null
fi
cmake --build "$build" -- -j"${METALBOOT_ASAN_JOBS:-2}"
"$root/scripts/peers.sh" "$build/peers"

supp="$root/tests/sanitizers"
# A 16 MiB quarantine (default 256) keeps use-after-free detection for recent frees while the
# memory-bound tests (tst_filestreamer's 4.5 GiB stream in < 32 MB) stay meaningful.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:quarantine_size_mb=16${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
cd "$build"
# Packaging tests build and install the .deb (not a sanitizer matter) and are skipped.
exec ctest --output-on-failure --timeout 900 -j"$(nproc)" -LE 'packaging|install' "$@"
