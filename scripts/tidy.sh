#!/usr/bin/env bash
# clang-tidy over our own code at the level in .clang-tidy; any finding fails (exit 1).
#   scripts/tidy.sh <build-dir> [path...]     default paths: core qml app (every .cpp in them)
# Needs the build dir's compile_commands.json (CMAKE_EXPORT_COMPILE_COMMANDS is on). ctest runs it
# over the code that parses untrusted input (test `lint_clang_tidy`); the whole tree on demand.
# A finding that is wrong for a line gets `// NOLINT(<check>): why`.
# Environment: TIDY_JOBS (parallel files, default: cores).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: tidy.sh <build-dir> [path...]}
shift
build=$(cd "$build" && pwd)
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(core qml app)
tidy=$(command -v clang-tidy || command -v clang-tidy-14 || true)
[ -n "$tidy" ] || { echo "clang-tidy is not installed (apt-get install clang-tidy)" >&2; exit 2; }
[ -f "$build/compile_commands.json" ] || { echo "no $build/compile_commands.json" >&2; exit 2; }
cd "$root"
files=()
for p in "${paths[@]}"; do
    while IFS= read -r f; do files+=("$f"); done < <(find "$p" -name '*.cpp' -not -path '*/build*' | sort)
done
# Only files the build compiles (a GUI-less build has no qml/ entries).
mapfile -t files < <(for f in "${files[@]}"; do grep -q "\"file\": \"$root/$f\"" "$build/compile_commands.json" && echo "$f"; done)
[ ${#files[@]} -gt 0 ] || { echo "no compiled files under ${paths[*]}" >&2; exit 2; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# GCC-only flags in a GCC build's database are unknown to clang: not an error of ours.
printf '%s\n' "${files[@]}" | xargs -P "${TIDY_JOBS:-$(nproc)}" -n 4 "$tidy" -p "$build" --quiet \
    --extra-arg=-Wno-unknown-warning-option --extra-arg=-Wno-unused-command-line-argument >"$out" 2>/dev/null
findings=$(grep -cE '^[^ ].*:[0-9]+:[0-9]+: (warning|error):' "$out" || true)
grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error):' -A3 "$out" | sed "s|$root/||"
echo "clang-tidy: ${#files[@]} files, $findings findings"
[ "$findings" = 0 ]
