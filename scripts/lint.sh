#!/usr/bin/env bash
# Static analysis of our own code (core/, qml/, app/) with cppcheck: warnings, performance and
# portability findings fail (exit 1). Run by ctest (test `lint_cppcheck`) and on demand:
#   scripts/lint.sh [cppcheck args...]
# A finding that is wrong for a line gets an inline suppression with its reason:
#   // cppcheck-suppress <id> ; why
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v cppcheck >/dev/null || { echo "cppcheck is not installed (apt-get install cppcheck)" >&2; exit 2; }
# Qt's macros expand to nothing that matters for these checks. QPointer<T> converts to T*, which
# cppcheck reads as "integer returned as a pointer" (CastIntegerToAddressAtReturn): not checked.
exec cppcheck --enable=warning,performance,portability --std=c++17 --library=qt -I core \
    -D__GNUC__ -D__linux__ -DQ_OBJECT= -DQ_GADGET= -DQ_SIGNALS=public -DQ_SLOTS= -DQ_EMIT= \
    -D'QML_NAMED_ELEMENT(x)=' -DQML_ELEMENT= -DQML_SINGLETON= -D'QML_UNCREATABLE(x)=' -DQML_ANONYMOUS= \
    --suppress=missingIncludeSystem --suppress=CastIntegerToAddressAtReturn --inline-suppr \
    --error-exitcode=1 --quiet -j"$(nproc)" "$@" core qml app
