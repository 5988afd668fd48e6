#!/usr/bin/env bash
# Metal Boot: set up a Debian 12 machine, build, and run the app or the tests.
#   scripts/bootstrap.sh run  [metalboot args...]   install what is missing, build, start the app
#   scripts/bootstrap.sh test [ctest args...]       install what is missing, build, run every test
# Idempotent: packages already installed are not touched; the build is incremental.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-}
shift || true
case "$mode" in run|test|build) ;; *) echo "usage: $0 run|test [args...]" >&2; exit 2 ;; esac

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

wanted() { grep -hv '^\s*#' "$@" | sed '/^\s*$/d'; }
missing=()
lists=("$root/scripts/deps-build.txt")
[ "$mode" = test ] && lists+=("$root/scripts/deps-test.txt")
for pkg in $(wanted "${lists[@]}"); do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo ">> installing ${#missing[@]} Debian packages: ${missing[*]}"
    # policy-rc.d keeps package scripts from starting any daemon during installation.
    policy=/usr/sbin/policy-rc.d
    had_policy=0; [ -e "$policy" ] && had_policy=1
    if [ $had_policy -eq 0 ]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
        "${sudo_cmd[@]}" chmod 755 "$policy"
    fi
    trap '[ $had_policy -eq 0 ] && "${sudo_cmd[@]}" rm -f '"$policy" EXIT
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 update -qq
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
        --no-install-recommends "${missing[@]}"
fi

build="${METALBOOT_BUILD_DIR:-$root/build}"
cmake_args=(-S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${METALBOOT_BUILD_TYPE:-Release}" -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG")
[ "$mode" = test ] && cmake_args+=(-DMETALBOOT_WERROR=ON)
cmake "${cmake_args[@]}" >/dev/null
cmake --build "$build" --parallel "$(nproc)"

case "$mode" in
build) ;;
run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [[ " $* " != *" --headless "* ]]; then
        echo ">> no display found: starting headless (try: xvfb-run -a $0 run)" >&2
        exec "$build/app/metalboot" --headless "$@"
    fi
    exec "$build/app/metalboot" "$@"
    ;;
test)
    "$root/scripts/peers.sh" "$build/peers"
    cd "$build"
    exec ctest --output-on-failure --timeout 900 -j"$(nproc)" "$@"
    ;;
esac
