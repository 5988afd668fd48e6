#!/usr/bin/env bash
# Unpacks daemon-style test peers (snmpd, tftpd-hpa, atftpd, nginx) from their Debian packages
# into a private folder, so tests and benchmarks can run them on loopback/namespaces without
# installing system services. Usage: scripts/peers.sh <dir>
set -euo pipefail
dir=${1:?usage: peers.sh <dir>}
mkdir -p "$dir/debs" "$dir/root"
dir=$(cd "$dir" && pwd)   # absolute: the loop below runs from $dir/debs
cd "$dir/debs"
for pkg in snmpd tftpd-hpa atftpd nginx; do
    if ! ls "${pkg}"_*.deb >/dev/null 2>&1; then
        apt-get download "$pkg" >/dev/null 2>&1 || { echo "peers: cannot download $pkg (offline?)" >&2; continue; }
    fi
done
for deb in *.deb; do
    [ -e "$deb" ] || continue
    stamp="$dir/root/.${deb}.unpacked"
    [ -e "$stamp" ] && continue
    dpkg-deb -x "$deb" "$dir/root" && touch "$stamp"
done
