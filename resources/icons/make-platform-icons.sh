#!/bin/sh
# Regenerates the committed Windows (.ico) and macOS (.icns) icons from the SVG. Linux PNGs are
# rendered at build time instead (installers/deb/files.cmake).
#   apt install librsvg2-bin icoutils icnsutils
set -eu
here=$(cd "$(dirname "$0")" && pwd)
svg="$here/io.github.metalboot.metalboot.svg"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert --width=$size --height=$size --keep-aspect-ratio --output "$tmp/$size.png" "$svg"
done
icotool --create --output "$here/metalboot.ico" \
    "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" --raw="$tmp/256.png"
png2icns "$here/metalboot.icns" "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/128.png" "$tmp/256.png" "$tmp/512.png"
