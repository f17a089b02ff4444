#!/usr/bin/env bash
# Where the memory of a settled window goes: starts the release binary in a
# real X window (Xvfb, software OpenGL) on the sample and on the 5 MB
# workload, waits until it settles, and sums /proc/PID/smaps by what each
# mapping is: Mesa's software OpenGL and LLVM (code and data), other shared
# libraries, Storyline's own binary (code, fonts and the sample are in it),
# and anonymous memory (the heap: the article, its layout, highlights,
# egui's glyph atlas and llvmpipe's frame buffers and textures).
#
#   benches/memory.sh
#
# Needs: xvfb xdotool libgl1-mesa-dri. Prints Markdown table rows.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
cargo build --release --quiet --example perf_workload
WORK="$(mktemp -d)"
BIG="$(target/release/examples/perf_workload "$WORK/big")"
DOSSIER="$(target/release/examples/perf_workload --dossier "$WORK/dossier")"
D=79
while [[ -e /tmp/.X$D-lock ]]; do D=$((D + 1)); done
export DISPLAY=:$D
Xvfb ":$D" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
APP_PID=
trap 'kill $APP_PID $XVFB_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
sleep 1

# RSS in MB of the mappings of PID, by kind.
breakdown() {
  awk '
    /^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6) ? $6 : "" ; next }
    /^Rss:/ {
      kb = $2
      if (name ~ /(libLLVM|swrast|libgallium|dri|libGL|libEGL|libglapi|libgbm|libdrm)/) kind = "gl"
      else if (name ~ /\/storyline$/) kind = "bin"
      else if (name ~ /\.so/) kind = "lib"
      else if (name == "[heap]" || name == "") kind = "anon"
      else kind = "other"
      sum[kind] += kb
    }
    END {
      printf "%.1f|%.1f|%.1f|%.1f|%.1f", sum["gl"]/1024, sum["lib"]/1024, sum["bin"]/1024, sum["anon"]/1024, sum["other"]/1024
    }' "/proc/$1/smaps"
}

run() { # $1 = label, $2 = settle seconds, rest = args
  local label="$1" settle="$2"; shift 2
  STORYLINE_STATE="$WORK/state-$RANDOM.ron" target/release/storyline --saves "$WORK/saves-$label" "$@" >/dev/null 2>&1 &
  APP_PID=$!
  local win=
  for _ in $(seq 100); do
    win=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | tail -1 || true)
    [[ -n $win ]] && break
    sleep 0.1
  done
  xdotool windowmove "$win" 0 0 windowsize "$win" 1400 900 2>/dev/null || true
  sleep "$settle"
  local parts rss hwm
  parts=$(breakdown "$APP_PID")
  rss=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$APP_PID/status")
  hwm=$(awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$APP_PID/status")
  IFS='|' read -r gl lib bin anon other <<<"$parts"
  echo "| $label | $hwm MB | $rss MB | $gl MB | $lib MB | $bin MB | $anon MB | $other MB |"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
}

echo "| Window (Xvfb, 1400×900, llvmpipe) | peak RSS | RSS now | Mesa + LLVM libraries | other libraries | storyline binary | anonymous (heap) | other |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
mkdir -p "$WORK/saves-sample"
cp saves/huawei-5g-2020-01-23.ron "$WORK/saves-sample/"
run sample 4 assets/articles/huawei-5g-2020-01-23.md
mkdir -p "$WORK/saves-big"
cp "$WORK/big/saves/"* "$WORK/saves-big/"
run big 8 "$BIG"
# The dossier benchmark (300 articles, ~10 MB, 10 000 highlights, 2 000
# events): the window with its library and timeline, then the CLI's
# `dossier events --json` (every article read, suggestions grouped).
mkdir -p "$WORK/saves-dossier"
cp "$WORK/dossier/saves/"* "$WORK/saves-dossier/"
run dossier 6 "$DOSSIER"
echo
/usr/bin/time -f "| \`dossier events --json\` (300 articles) | peak RSS %M KB | %e s |" \
  target/release/storyline dossier events "$DOSSIER" --json --saves "$WORK/dossier/saves" >/dev/null
