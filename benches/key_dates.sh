#!/usr/bin/env bash
# Key dates on real news, timed from outside: `storyline dossier key-dates`
# (release build) on a dossier of every Timeline17 development article
# (826, from ../shared/tls-dev, never copied into the repository) and on one
# of 1,652 (each article twice, the copy told apart by one added line), the
# size of a long story's coverage. Prints wall time (median of 3) and peak
# memory (max RSS) as Markdown table rows.
#
#   benches/key_dates.sh [TLS_DIR]
#
# Needs: /usr/bin/time (package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
TLS="${1:-../shared/tls-dev}"
cargo build --release --quiet
BIN="$PWD/target/release/storyline"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export STORYLINE_SAVES="$WORK/saves" STORYLINE_STATE="$WORK/state.ron"
mkdir -p "$WORK/once" "$WORK/twice"
for f in "$TLS"/*/articles/*.md; do
  cp "$f" "$WORK/once/"
  cp "$f" "$WORK/twice/"
  { cat "$f"; printf '\nA second copy of this report.\n'; } > "$WORK/twice/copy-$(basename "$f")"
done
"$BIN" dossier new "$WORK/once.dossier.ron" "$WORK"/once/*.md > /dev/null
"$BIN" dossier new "$WORK/twice.dossier.ron" "$WORK"/twice/*.md > /dev/null

run() {
  local name=$1 file=$2 n
  n=$(find "$WORK/$name" -name '*.md' | wc -l)
  local times=() rss=0
  for _ in 1 2 3; do
    local out
    out=$( { /usr/bin/time -f '%e %M' "$BIN" dossier key-dates "$file" --json > /dev/null; } 2>&1 | tail -1)
    times+=("${out% *}")
    local r=${out#* }
    (( r > rss )) && rss=$r
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  echo "| dossier key-dates, $n articles | ${median} s | $((rss / 1024)) MB |"
}
echo "| workload | wall time (median of 3) | peak memory (max RSS) |"
echo "|---|---|---|"
run once "$WORK/once.dossier.ron"
run twice "$WORK/twice.dossier.ron"
