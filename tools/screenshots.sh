#!/usr/bin/env bash
# Opens the workbench in a real window under Xvfb, waits until it is connected to the embedded
# demo PCE (window title "PCE Workbench — Demo PCE (embedded)"), and saves screenshots in the
# light and the dark theme. Needs: xvfb xauth xdotool imagemagick libgtk-3-0 libxtst6 libxxf86vm1 libgl1.
# Usage: tools/screenshots.sh [OUT_DIR]     (default: target/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/screenshots}
mkdir -p "$out"
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install xvfb xdotool imagemagick" >&2; exit 1; }
done
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
config=$(mktemp -d)
cleanup() { kill "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$config"; }
trap cleanup EXIT
export DISPLAY=$display XDG_CONFIG_HOME=$config
# A fresh configuration folder: first start, so the embedded demo profile is created and used.
./mvnw -q compile javafx:run -Djavafx.args="--theme=light" >"$out/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do
  if xdotool search --name "PCE Workbench — Demo PCE" >/dev/null 2>&1; then break; fi
  sleep 1
done
xdotool search --name "PCE Workbench — Demo PCE" >/dev/null || { echo "the window never connected"; cat "$out/app.log"; exit 1; }
sleep 2
import -window root "$out/workbench-light.png"
window=$(xdotool search --name "PCE Workbench" | head -1)
xdotool windowfocus "$window" && xdotool key --window "$window" ctrl+shift+l
sleep 2
import -window root "$out/workbench-dark.png"
echo "screenshots: $out/workbench-light.png $out/workbench-dark.png"
