#!/usr/bin/env bash
# Idle benchmark, measured from outside the process as a user would feel it:
# start the release binary in a real X window (Xvfb, software OpenGL), bring
# it into each idle state, let it settle, then count over IDLE seconds the CPU
# time it used (/proc/PID/stat, all threads) and the frames it drew
# (STORYLINE_TRACE prints one line per frame). Then Page Down from outside:
# the time from the key (sent with XTEST) to the first changed picture of an
# X screen-grab loop (examples/xprobe.rs). mousepad and Okular, when
# installed (apt-get install mousepad okular), are measured the same way in
# the same run.
#
#   benches/idle.sh [IDLE_SECONDS] [PAGE_DOWN_RUNS]
#
# STORYLINE_BIN=PATH measures another build (e.g. an older one) instead.
# Older builds print no per-frame trace, so their frame counts read 0.
#
# Needs: xvfb xdotool libgl1-mesa-dri. Prints Markdown table rows.
set -euo pipefail
cd "$(dirname "$0")/.."
IDLE="${1:-10}"
RUNS="${2:-10}"
SETTLE=3
# A focused text field blinks its cursor for 10 s after the last key (as
# GTK does); states with one settle past that.
SETTLE_FIELD=11
cargo build --release --quiet
cargo build --release --quiet --example perf_workload --example xprobe
PROBE=target/release/examples/xprobe
SAMPLE=assets/articles/huawei-5g-2020-01-23.md
WORK="$(mktemp -d)"
APP_PID=
cleanup() {
  [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null || true
  kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
BIG="$(target/release/examples/perf_workload "$WORK/big")"
D=78
while [[ -e /tmp/.X$D-lock ]]; do D=$((D + 1)); done
export DISPLAY=:$D
Xvfb ":$D" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
trap cleanup EXIT
sleep 1
HZ=$(getconf CLK_TCK)

# CPU ticks (user + system, every thread, living or ended) of a process.
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
frames() { [[ -f $1 ]] && grep -c '^storyline-trace frame ' "$1" || echo 0; }

# Measures one idle state of the running app: a table row. With SHOTS=DIR,
# a screenshot of each state is saved there (to check the state was reached).
measure() { # $1 = label, $2 = log ("" for other programs)
  local t0 f0 t1 f1
  if [[ -n ${SHOTS:-} ]] && command -v import >/dev/null; then
    mkdir -p "$SHOTS"
    import -window root "$SHOTS/$(echo "$1" | tr -c 'a-zA-Z0-9\n' '-').png"
  fi
  t0=$(ticks "$APP_PID"); f0=$(frames "$2")
  sleep "$IDLE"
  t1=$(ticks "$APP_PID"); f1=$(frames "$2")
  local cpu frames_drawn="—"
  cpu=$(awk -v d=$((t1 - t0)) -v hz="$HZ" -v s="$IDLE" 'BEGIN { printf "%.2f", 100 * d / hz / s }')
  [[ -n $2 ]] && frames_drawn=$((f1 - f0))
  echo "| $1 | $frames_drawn | $cpu % | $(awk -v d=$((t1 - t0)) -v hz="$HZ" 'BEGIN { printf "%.2f", d / hz }') s |"
}

# Starts a program and waits for its window; sets APP_PID and WIN.
launch() { # $1 = log, rest = command
  local log="$1"; shift
  "$@" >"$log" 2>&1 &
  APP_PID=$!
  WIN=
  for _ in $(seq 100); do
    WIN=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | tail -1 || true)
    [[ -n $WIN ]] && break
    sleep 0.1
  done
  [[ -n $WIN ]] || { echo "no window for: $*" >&2; return 1; }
  # No window manager: fill the screen like a maximised window, take focus.
  xdotool windowmove "$WIN" 0 0 windowsize "$WIN" 1400 900 2>/dev/null || true
  sleep 0.5
  xdotool windowfocus --sync "$WIN" 2>/dev/null || true
}

stop() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

# Page Down from outside: median and spread of RUNS presses.
page_down() { # $1 = label
  local times
  times=$("$PROBE" key-latency "$WIN" "$RUNS" | grep -v timeout | sort -n)
  local n; n=$(echo "$times" | grep -c . || true)
  echo "$times" | awk -v label="$1" -v n="$n" '{a[NR]=$1} END {
    if (NR == 0) { printf "| Page Down → changed screen, %s (from outside) | timeout | |\n", label; exit }
    printf "| Page Down → changed screen, %s (from outside) | %.1f ms | %.1f–%.1f ms (%d presses) |\n", label, a[int((NR+1)/2)], a[1], a[NR], n }'
}

storyline() { # $1 = log, rest = args
  local log="$1"; shift
  mkdir -p "$WORK/saves"
  launch "$log" env STORYLINE_TRACE=1 STORYLINE_STATE="$WORK/state-$RANDOM.ron" \
    "${STORYLINE_BIN:-target/release/storyline}" --saves "$WORK/saves" "$@"
}

echo "| Idle state (release binary, Xvfb, ${IDLE} s after settling) | frames | CPU (share of one core) | CPU time |"
echo "| --- | --- | --- | --- |"

# The sample, with its shipped highlights and timeline, through every state.
mkdir -p "$WORK/saves"
cp saves/huawei-5g-2020-01-23.ron "$WORK/saves/"
LOG="$WORK/sample.log"
storyline "$LOG" "$SAMPLE"
sleep "$SETTLE"
measure "Storyline, sample, just opened (timeline shown)" "$LOG"
xdotool key ctrl+t; sleep "$SETTLE"
measure "Storyline, sample, timeline maximised (Ctrl+T)" "$LOG"
xdotool key ctrl+t; sleep 0.5
# Double-click a word of the first paragraph: a selection with its toolbar.
xdotool mousemove 560 330 click --repeat 2 --delay 80 1; sleep 0.3
xdotool mousemove 700 700; sleep "$SETTLE"
measure "Storyline, sample, a selection with its toolbar" "$LOG"
xdotool key Escape; sleep 0.3
# A tooltip: rest the pointer on the theme button (top right).
xdotool mousemove 1385 12; sleep "$SETTLE"
measure "Storyline, sample, a tooltip shown" "$LOG"
xdotool mousemove 700 700; sleep 0.3
xdotool key ctrl+f; sleep 0.3; xdotool type Huawei; sleep "$SETTLE_FIELD"
measure "Storyline, sample, find bar open (typed)" "$LOG"
xdotool key Escape; sleep 0.3
xdotool key ctrl+shift+l; sleep 0.3; xdotool type /no/such/article.md; sleep "$SETTLE_FIELD"
measure "Storyline, sample, a dialog open (Open Path, typed)" "$LOG"
xdotool key Return; sleep "$SETTLE"
measure "Storyline, sample, an error banner shown" "$LOG"
"$PROBE" unfocus; sleep "$SETTLE"
measure "Storyline, sample, window unfocused" "$LOG"
stop
# Page Down in a fresh window (the states above leave an error banner).
storyline "$LOG" "$SAMPLE"
sleep "$SETTLE"
PAGE_SAMPLE=$(page_down "sample")
stop

# The 5 MB article with 10 000 highlights, once its background work is done.
LOG="$WORK/big.log"
storyline "$LOG" "$BIG"
sleep 6
measure "Storyline, 5 MB + 10 000 highlights, just opened (timeline shown)" "$LOG"
xdotool key ctrl+t; sleep "$SETTLE"
measure "Storyline, 5 MB + 10 000 highlights, timeline maximised" "$LOG"
xdotool key ctrl+t; sleep 1
PAGE_BIG=$(page_down "5 MB + 10 000 highlights")
stop

# The sample dossier (a copy): library, dossier timeline, merge suggestions
# worked out in the background; then the whole dossier's highlights.
cp -r assets/dossiers/huawei-5g "$WORK/dossier"
cp saves/*.ron "$WORK/saves/"
LOG="$WORK/dossier.log"
storyline "$LOG" "$WORK/dossier/huawei-5g.dossier.ron"
sleep "$SETTLE"
measure "Storyline, sample dossier, just opened (library, dossier timeline)" "$LOG"
xdotool key ctrl+Next; sleep "$SETTLE"
measure "Storyline, sample dossier, next article (Ctrl+PgDn)" "$LOG"
stop

PAGE_OTHERS=()
# Other readers, measured the same way when installed: command and name.
for other in "mousepad mousepad" "okular Okular"; do
  read -r cmd name <<<"$other"
  command -v "$cmd" >/dev/null || continue
  launch "$WORK/$cmd.log" "$cmd" "$SAMPLE"
  sleep "$SETTLE"
  measure "$name, sample, just opened" ""
  PAGE_OTHERS+=("$(page_down "$name, sample")")
  stop
done

echo
echo "| Key to screen | median | spread |"
echo "| --- | --- | --- |"
echo "$PAGE_SAMPLE"
echo "$PAGE_BIG"
for row in "${PAGE_OTHERS[@]}"; do echo "$row"; done
