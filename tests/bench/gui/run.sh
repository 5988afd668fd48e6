#!/bin/sh
# GUI benchmark: 500-device lab, first frame, frame times while 100 devices boot, RSS.
# Usage: tests/bench/gui/run.sh <build dir> [devices] [booting] [seconds]
set -eu
build=$1
devices=${2:-500}
booting=${3:-100}
seconds=${4:-20}
here=$(dirname "$0")
ninja -C "$build" -j2 gui_bench >/dev/null
lab=$(mktemp --suffix=.yaml)
trap 'rm -f "$lab"' EXIT
python3 "$here/generate_lab.py" "$lab" "$devices"
echo "== Xvfb (OpenGL via Mesa llvmpipe), 1280x800"
QT_LOGGING_RULES="*.info=false" xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
    "$build/tests/bench/gui/gui_bench" "$lab" --booting "$booting" --seconds "$seconds"
