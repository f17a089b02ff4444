#!/usr/bin/env bash
# Security check: an export whose note, tag and event title carry <script>
# and event-handler attributes is loaded in headless Chromium; nothing may
# run (the page's title would change) and no element may be injected.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-target/debug/storyline}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
printf 'A hostile test\n\nThe committee meets next week to decide on the rules.\n' > "$WORK/hostile.txt"
PAYLOAD='<script>document.title="PWNED"</script><img src=x onerror="document.title=`PWNED`"> "><svg onload=alert(1)>'
"$BIN" annotate "$WORK/hostile.txt" --saves "$WORK/saves" --quote "The committee meets" \
  --note "$PAYLOAD" --tag '"><img src=x onerror=alert(1)>' >/dev/null
for f in html svg; do
  "$BIN" export "$WORK/hostile.txt" --saves "$WORK/saves" --published 2020-01-23 --format "$f" -o "$WORK/out.$f" 2>/dev/null
  DOM="$(chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=2000 --dump-dom "file://$WORK/out.$f" 2>/dev/null)"
  if grep -q 'PWNED' <<<"$(grep -o '<title>[^<]*</title>' <<<"$DOM" || true)"; then
    echo "chromium-check: a script ran in the $f export" >&2; exit 1
  fi
  if grep -Eq '<(script|img)[ >]' <<<"$DOM"; then
    echo "chromium-check: an element was injected into the $f export" >&2; exit 1
  fi
  if [ "$f" = html ]; then
    grep -q 'document.title' <<<"$DOM" || { echo "chromium-check: the note is missing from the $f export" >&2; exit 1; }
  fi
  echo "chromium-check: $f export: nothing ran, nothing injected"
done
