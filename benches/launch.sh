#!/usr/bin/env bash
# Launch benchmark in a real X window (Xvfb, software OpenGL): time from
# starting the release binary to the first frame with text, Page Down to the
# frame that shows it (the frame that received the key), and peak RSS, for the
# sample and for the 5 MB article with 10 000 highlights. Needs: xvfb xdotool
# (apt-get install xvfb xdotool libgl1-mesa-dri). Prints Markdown table rows.
# benches/idle.sh measures Page Down from outside the process.
#
#   benches/launch.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
cargo build --release --quiet ${STORYLINE_FEATURES:+--features $STORYLINE_FEATURES}
cargo build --release --quiet --example perf_workload
WORK="$(mktemp -d)"
trap 'kill $XVFB_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
BIG="$(target/release/examples/perf_workload "$WORK")"
export DISPLAY=:77
Xvfb :77 -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
sleep 1

median() { sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%.1f ms | %.1f–%.1f ms", m, a[1], a[NR]}'; }

run() { # $1 = label, rest = article args
  local label="$1"; shift
  local launch=() page=() rss=()
  for _ in $(seq "$RUNS"); do
    local log="$WORK/log"
    local t0; t0=$(date +%s%3N)
    STORYLINE_TRACE=1 STORYLINE_STATE="$WORK/state.ron" "${STORYLINE_BIN:-target/release/storyline}" --saves "$WORK/saves" "$@" 2>"$log" &
    local pid=$!
    for _ in $(seq 200); do grep -q first_text_frame "$log" && break; sleep 0.025; done
    local t1; t1=$(grep first_text_frame "$log" | awk '{print $4}')
    launch+=("$((t1 - t0))")
    sleep 1.5  # let background work (finding dated phrases) finish first
    xdotool search --sync --name Storyline windowfocus >/dev/null 2>&1 || true
    xdotool key Next
    for _ in $(seq 100); do grep -q page_down_frame_ms "$log" && break; sleep 0.02; done
    page+=("$(grep page_down_frame_ms "$log" | head -1 | sed 's/.*page_down_frame_ms=\([0-9.]*\).*/\1/')")
    rss+=("$(awk '/VmHWM/ {printf "%.1f", $2/1024}' /proc/$pid/status)")
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  echo "| launch → text visible, $label | $(printf '%s\n' "${launch[@]}" | median) |"
  echo "| Page Down → frame that shows it, $label | $(printf '%s\n' "${page[@]}" | median) |"
  echo "| peak RSS, $label | $(printf '%s\n' "${rss[@]}" | median | sed 's/ ms/ MB/g') |"
}

echo "| Figure (release binary, Xvfb, ${STORYLINE_RENDERER:-glow}) | median | spread (min–max) |"
echo "| --- | --- | --- |"
run "sample" assets/articles/huawei-5g-2020-01-23.md
run "5 MB + 10 000 highlights" "$BIG"
# Formats: a 5 MB EPUB (60 chapters) and a ~340-page PDF Chromium prints
# from a long report (skipped when there is no Chromium to print it).
target/release/examples/perf_workload --formats "$WORK/formats" >/dev/null
run "EPUB, 60 chapters, 5 MB of text" "$WORK/formats/book.epub"
CHROME="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -n "$CHROME" ]; then
  "$CHROME" --headless --no-sandbox --disable-gpu --print-to-pdf="$WORK/formats/report.pdf" "$WORK/formats/report.html" >/dev/null 2>&1
  PAGES=$( (grep -aoE '/Type ?/Page([^s]|$)' "$WORK/formats/report.pdf" || true) | wc -l)
  run "PDF, $PAGES pages" "$WORK/formats/report.pdf"
fi
