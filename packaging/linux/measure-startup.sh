#!/usr/bin/env bash
# Startup time of an installed or app-image PCE Workbench launcher under X (Xvfb is started when
# DISPLAY is not set): for each run, the milliseconds from process start until a visible window
# titled "PCE Workbench..." exists (first window shown) and until its title says it is connected to
# the embedded demo PCE, then the median, min and max of each; also the CPU time (user + system, all
# threads) the process had used when its first window showed, which a busy machine disturbs much
# less than the wall-clock time, and when the app's first view was ready (the app's own log line
# "Start-up: ... view ready after N ms", counted from the process start; the window is shown with
# the sidebar first and the view is built right after that first frame). The window is polled
# every 10 ms with xdotool. Each run is ended
# with SIGTERM.
#
# With -p, also when the window's first frame was painted: the window's pixels are read with xwd
# every ~0.1 s after it appears until they are not all the same colour (an unpainted window is
# blank). The reading costs CPU and X server time, so it slows the other figures of that run: use
# -p for the first-paint figure, and a run without it for the rest.
#
# Usage: packaging/linux/measure-startup.sh [-n RUNS] [-p] [LAUNCHER [ARGS...]]
#   default LAUNCHER: /opt/pce-workbench/bin/pce-workbench; default RUNS: 7 (after one warm-up run).
# Needs: xdotool (apt-get install xdotool), and Xvfb + xauth when DISPLAY is not set.
set -euo pipefail
runs=7
paint=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs=$2; shift 2 ;;
    -p) paint=1; shift ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || set -- /opt/pce-workbench/bin/pce-workbench
timeout_s=${STARTUP_TIMEOUT:-60}

xvfb_pid=
log=$(mktemp)
cleanup() { [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true; rm -f "$log"; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  for d in $(seq 90 140); do [ -e "/tmp/.X11-unix/X$d" ] || break; done
  Xvfb ":$d" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$d"
  for _ in $(seq 100); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.05; done
fi

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Waits until a visible window's title matches $1 (or $2 seconds pass, or process $3 exits):
# prints the time, or "-".
wait_window() {
  local deadline=$(( $(now_ms) + $2 * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    if xdotool search --onlyvisible --name "$1" >/dev/null 2>&1; then now_ms; return; fi
    kill -0 "$3" 2>/dev/null || break
    sleep 0.01
  done
  echo "-"
}
# CPU time (ms) used so far by process $1, all threads: utime + stime from /proc/PID/stat.
cpu_ms() {
  local f
  f=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) || { echo "-"; return; }
  set -- $f
  echo $(( (${12} + ${13}) * 1000 / $(getconf CLK_TCK) ))
}
# Waits until the window of process $1 shows painted pixels (not one colour): prints the time, or "-".
wait_painted() {
  local w deadline=$(( $(now_ms) + timeout_s * 1000 ))
  w=$(xdotool search --onlyvisible --name "^PCE Workbench" 2>/dev/null | head -1)
  while [ -n "$w" ] && [ "$(now_ms)" -lt "$deadline" ]; do
    if xwd -id "$w" -silent 2>/dev/null | python3 -c '
import sys
d = sys.stdin.buffer.read()
px = d[len(d) * 2 // 5:]  # past the header: the lower 60% of the pixels
sys.exit(0 if len({px[i:i + 4] for i in range(0, len(px) - 4, 4 * 61)}) > 1 else 1)'; then
      now_ms; return
    fi
    kill -0 "$1" 2>/dev/null || break
    sleep 0.05
  done
  echo "-"
}
one_run() {
  local t0 t1 t2 pid c1
  t0=$(now_ms)
  "$@" >"$log" 2>&1 &
  pid=$!
  t1=$(wait_window "^PCE Workbench" "$timeout_s" "$pid")
  c1=$(cpu_ms "$pid")
  local tp=-
  if [ "$paint" = 1 ] && [ "$t1" != "-" ]; then tp=$(wait_painted "$pid"); fi
  t2=$(wait_window "^PCE Workbench — Demo PCE \(embedded\)" "$timeout_s" "$pid")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$t2" = "-" ]; then { echo "run failed, the app's output:"; tail -20 "$log"; } >&2; fi
  local view
  view=$(sed -n 's/.*Start-up: .* view ready after \([0-9]*\) ms.*/\1/p' "$log" | head -1)
  # Let the window disappear before the next run.
  while xdotool search --onlyvisible --name "^PCE Workbench" >/dev/null 2>&1; do sleep 0.05; done
  [ "$tp" = "-" ] || tp=$(( tp - t0 ))
  [ "$t1" = "-" ] && { echo "- - - - -"; return; }
  [ "$t2" = "-" ] && { echo "$(( t1 - t0 )) - $c1 ${view:--} $tp"; return; }
  echo "$(( t1 - t0 )) $(( t2 - t0 )) $c1 ${view:--} $tp"
}

echo "launcher: $*"
echo "warm-up: $(one_run "$@")"
results=()
for i in $(seq 1 "$runs"); do
  r=$(one_run "$@")
  read -r w c cpu view tp <<<"$r"
  painted=""
  [ "$paint" = 0 ] || painted=" first frame painted $tp ms,"
  echo "run $i: window $w ms,$painted first view ready $view ms, connected $c ms, CPU at window $cpu ms"
  results+=("$r")
done
stats() { sort -n | awk '{v[NR]=$1} END {if (NR==0) {print "n/a"; exit} printf "median %d ms, min %d ms, max %d ms (%d runs)\n", v[int((NR+1)/2)], v[1], v[NR], NR}'; }
echo "first window shown: $(printf '%s\n' "${results[@]}" | awk '$1!="-"{print $1}' | stats)"
echo "connected to demo:  $(printf '%s\n' "${results[@]}" | awk '$2!="-"{print $2}' | stats)"
echo "first view ready:   $(printf '%s\n' "${results[@]}" | awk '$4!="-"{print $4}' | stats)"
[ "$paint" = 0 ] || echo "first frame painted: $(printf '%s\n' "${results[@]}" | awk '$5!="-"{print $5}' | stats)"
echo "CPU at first window: $(printf '%s\n' "${results[@]}" | awk '$3!="-"{print $3}' | stats)"
failed=$(printf '%s\n' "${results[@]}" | awk '$1=="-"||$2=="-"' | wc -l)
[ "$failed" -eq 0 ] || { echo "$failed run(s) did not show the connected window within ${timeout_s}s"; exit 1; }
