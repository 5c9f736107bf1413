#!/usr/bin/env bash
# Checks the Linux installers made by `./mvnw -Pdist package` the way a user meets them:
#  1. the .deb installs with dpkg -i (missing dependencies fetched with apt-get install -f);
#  2. the installed launcher /opt/pce-workbench/bin/pce-workbench, started with an empty home
#     folder under Xvfb, opens the workbench window connected to the embedded demo PCE (its title
#     becomes "PCE Workbench — Demo PCE (embedded)"); a screenshot is saved; the desktop entry and
#     icon are in place and the window's WM_CLASS matches the entry's StartupWMClass; JavaFX did
#     not unpack native libraries into the home folder;
#  3. optionally, startup is measured on the installed launcher (measure-startup.sh);
#  4. dpkg -r removes it and nothing is left under /opt/pce-workbench or in the menus;
#  5. the app image's launcher does the same as 2.
# Must run as root (dpkg). Installs nothing else: see .ci/run for the packages it needs
# (xvfb xauth xdotool x11-utils, and x11-apps + netpbm or imagemagick for the screenshots).
#
# Usage: packaging/linux/verify-install.sh [DIST_DIR]
#   DIST_DIR: the dist build's output, default target/dist (holds installers/ and app-image/).
# Environment: MEASURE_RUNS (default 0: no startup measurement), STARTUP_TIMEOUT (seconds, default 90),
#   SHOT_DIR (default DIST_DIR/verify).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dist=${1:-target/dist}
dist=$(cd "$dist" && pwd)
shots=${SHOT_DIR:-$dist/verify}
timeout_s=${STARTUP_TIMEOUT:-90}
measure_runs=${MEASURE_RUNS:-0}
pkg=pce-workbench
prefix=/opt/pce-workbench
launcher=$prefix/bin/pce-workbench
app_image=$dist/app-image/pce-workbench
title_connected="^PCE Workbench — Demo PCE \(embedded\)"
wm_class=$(sed -n 's/^StartupWMClass=//p' "$here/resources/pce-workbench.desktop")

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo; echo "== $*"; }
[ "$(id -u)" -eq 0 ] || fail "run as root (dpkg -i / dpkg -r)"
for tool in dpkg apt-get Xvfb xdotool xprop; do
  command -v "$tool" >/dev/null || fail "missing $tool (apt-get install xvfb xauth xdotool x11-utils)"
done
debs=("$dist"/installers/${pkg}_*.deb)
[ -f "${debs[0]}" ] || fail "no .deb in $dist/installers: run ./mvnw -Pdist package first"
deb=${debs[0]}
[ -x "$app_image/bin/pce-workbench" ] || fail "no app image at $app_image"
mkdir -p "$shots"

work=$(mktemp -d)
xvfb_pid=
app_pid=
made_dirs=()
cleanup() {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  for dir in "${made_dirs[@]}"; do rm -rf "$dir/applications-merged"; rmdir "$dir" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# A private X server.
for d in $(seq 90 140); do [ -e "/tmp/.X11-unix/X$d" ] || break; done
Xvfb ":$d" -screen 0 1280x1024x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$d"
for _ in $(seq 100); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.05; done
xdotool getmouselocation >/dev/null 2>&1 || fail "Xvfb did not start: $(cat "$work/xvfb.log")"

screenshot() {
  if command -v xwd >/dev/null && command -v xwdtopnm >/dev/null && command -v pnmtopng >/dev/null; then
    xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >"$1"
  elif [ -x /usr/bin/import ]; then
    /usr/bin/import -window root "$1"
  else
    echo "(no screenshot: install x11-apps + netpbm or imagemagick)"; return 0
  fi
  echo "screenshot: $1"
}

# Starts a launcher with an empty home folder, waits for the connected window, checks it, takes a
# screenshot and stops the app.
check_window() {
  local name=$1 exe=$2 home="$work/home-$1" t0 win cls
  mkdir -p "$home"
  t0=$(date +%s)
  HOME="$home" XDG_CONFIG_HOME="$home/.config" "$exe" >"$work/$name.log" 2>&1 &
  app_pid=$!
  win=
  while [ $(( $(date +%s) - t0 )) -lt "$timeout_s" ]; do
    win=$(xdotool search --onlyvisible --name "$title_connected" 2>/dev/null | head -1) && [ -n "$win" ] && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/$name.log"; fail "$name: the app exited before its window connected"; }
    sleep 0.2
  done
  [ -n "$win" ] || { cat "$work/$name.log"; fail "$name: no window titled 'PCE Workbench — Demo PCE (embedded)' after ${timeout_s}s"; }
  echo "window: '$(xdotool getwindowname "$win")' after $(( $(date +%s) - t0 ))s"
  sleep 2   # let the connected state render before the screenshot
  screenshot "$shots/$name-window.png"
  cls=$(xprop -id "$win" WM_CLASS | sed -n 's/.*= "\([^"]*\)".*/\1/p')
  [ "$cls" = "$wm_class" ] || fail "$name: WM_CLASS is '$cls', the desktop entry says StartupWMClass=$wm_class"
  echo "WM_CLASS: $cls (matches the desktop entry)"
  [ ! -e "$home/.openjfx" ] || fail "$name: JavaFX unpacked native libraries into \$HOME/.openjfx (they belong in the runtime)"
  kill -TERM "$app_pid"
  for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  ! kill -0 "$app_pid" 2>/dev/null || fail "$name: still running 10 s after SIGTERM"
  wait "$app_pid" 2>/dev/null || true
  app_pid=
  echo "stopped with SIGTERM"
}

# xdg-desktop-menu (the menu entry) needs the menu folders that a desktop environment installs;
# a bare CI machine has none. Create the missing ones for the check (removed again at the end), so
# that adding and removing the menu entry is checked too.
made_dirs=()
for dir in /etc/xdg/menus /usr/share/desktop-directories; do
  [ -d "$dir" ] || { mkdir -p "$dir"; made_dirs+=("$dir"); }
done
[ ${#made_dirs[@]} -eq 0 ] || echo "created menu folders for xdg-desktop-menu: ${made_dirs[*]}"

step "install $(basename "$deb")"
if dpkg -s "$pkg" >/dev/null 2>&1; then
  echo "$pkg is installed already: removing it first"
  dpkg -r "$pkg"
fi
if ! dpkg -i "$deb"; then
  echo "dpkg -i left dependencies missing: apt-get install -f"
  DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq
fi
dpkg -s "$pkg" | grep -q '^Status: install ok installed' || fail "$pkg is not installed"
[ -x "$launcher" ] || fail "no launcher at $launcher"
echo "installed: $(dpkg -s "$pkg" | sed -n 's/^Version: //p'), $(du -sh "$prefix" | cut -f1) in $prefix"
desktop=$(dpkg -L "$pkg" | grep '\.desktop$' | head -1)
[ -n "$desktop" ] && grep -q '^Name=PCE Workbench$' "$desktop" || fail "no desktop entry named 'PCE Workbench' in the package"
grep -q "^Exec=$launcher" "$desktop" || fail "the desktop entry does not start $launcher"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -s "$icon" ] || fail "the desktop entry's icon $icon is missing"
menu_entry=/usr/share/applications/$(basename "$desktop")
if command -v xdg-desktop-menu >/dev/null; then
  [ -f "$menu_entry" ] || fail "the menu entry $menu_entry was not installed"
  echo "menu entry: $menu_entry"
fi

step "installed launcher under Xvfb"
check_window deb "$launcher"

if [ "$measure_runs" -gt 0 ]; then
  step "startup of the installed launcher ($measure_runs runs)"
  HOME="$work/home-deb" XDG_CONFIG_HOME="$work/home-deb/.config" \
    "$here/measure-startup.sh" -n "$measure_runs" "$launcher"
fi

step "uninstall"
dpkg -r "$pkg"
! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed' || fail "$pkg is still installed"
[ ! -e "$prefix" ] || { find "$prefix" | head -20; fail "files left in $prefix"; }
[ ! -e "$menu_entry" ] || fail "menu entry $menu_entry left behind"
echo "removed: $prefix and $menu_entry are gone"
dpkg -P "$pkg" >/dev/null   # forget the package entirely (dpkg keeps removed packages with scripts as config-files)

step "app image $app_image under Xvfb"
check_window app-image "$app_image/bin/pce-workbench"

echo
echo "verify-install: OK (.deb installs, opens the connected window, uninstalls cleanly; the app image opens it too)"
