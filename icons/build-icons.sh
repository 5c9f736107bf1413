#!/usr/bin/env bash
# Regenerates every icon from pce-workbench.svg, reproducibly:
#   PNG 16-1024 (rsvg-convert, Debian librsvg2-bin), pce-workbench.ico (PNG-in-ICO, written by
#   make_ico.py with the Python standard library) and pce-workbench.icns (png2icns, Debian icnsutils).
# Usage: icons/build-icons.sh   (run from anywhere)
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert png2icns python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install librsvg2-bin icnsutils python3" >&2; exit 1; }
done
sizes="16 24 32 48 64 128 256 512 1024"
for s in $sizes; do
  rsvg-convert -w "$s" -h "$s" pce-workbench.svg -o "pce-workbench-$s.png"
done
python3 make_ico.py pce-workbench.ico pce-workbench-16.png pce-workbench-24.png pce-workbench-32.png \
  pce-workbench-48.png pce-workbench-64.png pce-workbench-128.png pce-workbench-256.png
png2icns pce-workbench.icns pce-workbench-16.png pce-workbench-32.png pce-workbench-48.png \
  pce-workbench-128.png pce-workbench-256.png pce-workbench-512.png pce-workbench-1024.png >/dev/null
# The window icons ship inside the app.
res=../src/main/resources/dev/pceworkbench/icons
mkdir -p "$res"
for s in 16 32 48 64 128 256; do cp "pce-workbench-$s.png" "$res/"; done
echo "icons written: $(ls pce-workbench-*.png | wc -l) PNG, pce-workbench.ico, pce-workbench.icns"
