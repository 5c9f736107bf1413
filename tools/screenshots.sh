#!/usr/bin/env bash
# Opens the workbench in a real 1280x800 window under Xvfb, waits until it is connected to the
# embedded demo PCE (window title "PCE Workbench — Demo PCE (embedded)"), and saves one PNG per
# sidebar view and theme: <nn>-<view>-<theme>.png (01-connections … 09-traffic, light and
# dark). It drives the window as a user would, with xdotool: Ctrl+1…9 select the views,
# Ctrl+Shift+L toggles the theme, and clicks pick representative content (a label and where it is
# used, a rule set with its rules and chips, the result of a rule search, a pending rule set's
# diff; see prepare below).
# Needs: xvfb xauth xdotool imagemagick libgtk-3-0 libxtst6 libxxf86vm1 libgl1.
# Usage: tools/screenshots.sh [OUT_DIR]     (default: target/screenshots)
# Environment: MAVEN_FLAGS (say "-o -Dbuild.dir=/tmp/build") is passed to ./mvnw.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/screenshots}
mkdir -p "$out"
for tool in Xvfb xdotool import compare; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install xvfb xauth xdotool imagemagick" >&2; exit 1; }
done
width=1280 height=800
views=(connections labels rulesets rule-search policy-check provision virtual-services container-clusters traffic)   # the sidebar, in order (Ctrl+1…9)

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
state=$(mktemp -d)
app=
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; fi
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$state"
}
trap cleanup EXIT
# A fresh configuration folder and preferences: first start, so the embedded demo profile is
# created and used, no remembered window size or view, and the user's own settings stay untouched.
export DISPLAY=$display XDG_CONFIG_HOME=$state/config
export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Djava.util.prefs.userRoot=$state/prefs"
# shellcheck disable=SC2086
./mvnw -q ${MAVEN_FLAGS:-} compile javafx:run -Djavafx.args="--theme=light" >"$state/app.log" 2>&1 &
app=$!

title="PCE Workbench — Demo PCE"
for _ in $(seq 1 180); do
  if xdotool search --name "$title" >/dev/null 2>&1; then break; fi
  kill -0 "$app" 2>/dev/null || { echo "the app exited" >&2; cat "$state/app.log" >&2; exit 1; }
  sleep 1
done
window=$(xdotool search --name "$title" | head -1) || { echo "the window never connected" >&2; cat "$state/app.log" >&2; exit 1; }
xdotool windowmove "$window" 0 0
xdotool windowsize --sync "$window" "$width" "$height" || xdotool windowsize "$window" "$width" "$height"
xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
xdotool mousemove --window "$window" 640 779 click 1   # the status bar: the first click only focuses

# Waits until the window looks the same twice in a row (loaded, no progress animation), at most ~20 s.
settle() {
  local prev="" now
  sleep 1
  for _ in $(seq 1 20); do
    import -window "$window" "$state/settle.png"
    now=$(md5sum <"$state/settle.png")
    if [ "$now" = "$prev" ]; then return 0; fi
    prev=$now
    sleep 1
  done
}

key() { xdotool key --window "$window" --clearmodifiers "$@"; }

# Representative content where a view is empty until the user picks something. The points are
# in window coordinates of the 1280x800 layout; move them if the layout changes.
click() { xdotool mousemove --window "$window" "$1" "$2" click 1; sleep 0.3; }
# Types into the field at (x, y), then closes the suggestions that pop up, as a user would.
field() {
  click "$1" "$2"
  key ctrl+a
  xdotool type --window "$window" --delay 20 "$3"
  sleep 1
  key Escape
}
# A connection the demo data allows (found by the engine on the default demo data set, as
# ui/policycheck/CheckTuples does in the tests).
check_consumer=${CHECK_CONSUMER:-infrastructure-monitoring-prod-01.us.corp.example}
check_provider=${CHECK_PROVIDER:-infrastructure-dns-prod-01.us.corp.example}
check_port=${CHECK_PORT:-161/udp}
prepare() {
  case "$1" in
    labels)       click 450 273 ;;   # a label (Billing): where it is used shows on the right
    rulesets)     click 260 153 ;;   # the third rule set (RS-Payments-PCI): its rules with their chips
    rule-search)  click 705 27 ;;    # Search with no filter: every rule of the draft
    policy-check)                    # an allowed connection, its first allowing rule and the reason
      field 810 65 "$check_consumer"
      field 810 105 "$check_provider"
      field 448 145 "$check_port"
      click 598 145
      settle
      click 330 302
      ;;
    provision)    click 600 221 ;;   # the first pending change (a new rule set): its diff with its rules
    virtual-services) click 290 215 ;;   # the first virtual service: its bindings and where it is used
    container-clusters) click 560 98 ;;   # the first cluster: its container workload profiles below
    traffic)                         # Run (Enter in the services field): the last 24 hours of traffic, then a flow's details
      click 550 166
      key Return
      sleep 4
      settle
      click 400 "${TRAFFIC_ROW_Y:-590}"
      ;;
  esac
}

# SHOOT_VIEWS="traffic provision" limits the shots to those views (and their extra shots).
wanted() { [ -z "${SHOOT_VIEWS:-}" ] || [[ " $SHOOT_VIEWS " == *" $1 "* ]]; }

shoot() {
  local theme=$1 i name file
  for i in "${!views[@]}"; do
    name=${views[$i]}
    wanted "$name" || continue
    key "ctrl+$((i + 1))"
    settle
    prepare "$name"
    settle
    file=$(printf '%s/%02d-%s-%s.png' "$out" $((i + 1)) "$name" "$theme")
    import -window "$window" "$file"
    echo "$file $(identify -format '%wx%h' "$file")"
  done
  if wanted traffic; then traffic_extras "$theme"; fi
  wanted provision || return 0
  # The Provision view's other tabs: the traffic impact of the pending changes, and the history.
  key ctrl+6
  settle
  click 719 135; click 587 135; click 476 92      # Select none, Select all, Impact
  settle
  snap "$(printf '%s/06b-provision-impact-%s.png' "$out" "$theme")"
  click 473 19                                    # History
  settle
  click 420 152                                   # the newest version: its modified objects and diff
  settle
  snap "$(printf '%s/06c-provision-history-%s.png' "$out" "$theme")"
  click 283 19                                    # back to Pending changes for the next pass
  settle
}

snap() { import -window "$window" "$1"; echo "$1 $(identify -format '%wx%h' "$1")"; }

# The Traffic view's other tabs (the app group summary, the charts), then the form changed (the
# flows marked as the previous query's) and saved under a name in the Saved queries list.
traffic_extras() {
  local theme=$1 file
  key ctrl+9
  settle
  click "${TRAFFIC_SUMMARIES_X:-343}" "${TRAFFIC_TABS_Y:-367}"
  settle
  snap "$(printf '%s/09b-traffic-summaries-%s.png' "$out" "$theme")"
  click "${TRAFFIC_CHARTS_X:-434}" "${TRAFFIC_TABS_Y:-367}"
  settle
  snap "$(printf '%s/09c-traffic-charts-%s.png' "$out" "$theme")"
  click "${TRAFFIC_FLOWS_X:-255}" "${TRAFFIC_TABS_Y:-367}"
  field 550 166 "443/tcp"
  click "${TRAFFIC_SAVED_X:-549}" "${TRAFFIC_BUTTONS_Y:-300}"
  settle
  xdotool type --window "$window" --delay 20 "HTTPS, last day ($theme)"
  key Return
  settle
  # The list is a popup window of its own: taken from the screen, where the main window is at 0,0.
  file=$(printf '%s/09d-traffic-saved-%s.png' "$out" "$theme")
  import -window root -crop "${width}x${height}+0+0" +repage "$file"
  echo "$file $(identify -format '%wx%h' "$file")"
  key Escape
  click 550 166
  key ctrl+a BackSpace
  settle
}

shoot light
key ctrl+shift+l
settle
shoot dark
