#!/usr/bin/env bash
# Builds the sample dossier (assets/dossiers/huawei-5g/huawei-5g.dossier.ron)
# with the CLI alone: highlights and events in the six briefs, the seed
# article's own save, then the merges a reader would accept. Run from the
# repository root after `cargo build --release`; it refuses to overwrite.
set -euo pipefail
S=${STORYLINE:-target/release/storyline}
D=assets/dossiers/huawei-5g
F=$D/huawei-5g.dossier.ron
[ -e "$F" ] && { echo "$F exists; remove it (and the briefs' saves) first" >&2; exit 1; }
[ -e "$D/saves" ] && { echo "$D/saves exists; remove it first (dossier new fills it)" >&2; exit 1; }
cp assets/articles/huawei-5g-2020-01-23.md "$D/"
a() { "$S" annotate --saves saves "$@" >/dev/null; }
cd_ext="Canadian extradition"
a "$D/2020-01-20-meng-hearing-opens.md" --color pink --tag canada --event --lane "$cd_ext" \
  --quote "The extradition hearing of Huawei Technologies Co. Chief Financial Officer Meng Wanzhou opened on Monday in the Supreme Court of British Columbia" \
  --title "Meng Wanzhou extradition hearing opens"
a "$D/2020-01-20-meng-hearing-opens.md" --tag canada --event --lane "$cd_ext" \
  --quote "The judge is not expected to rule until later this year" --title "Ruling on double criminality"
a "$D/2020-01-28-uk-limits-huawei.md" --color blue --tag uk --tag decision --event --lane "UK decision" \
  --quote "The British government decided on Tuesday to let Huawei Technologies Co. supply parts of the country's 5G networks" \
  --title "UK government decides on Huawei: in, with limits"
a "$D/2020-05-27-meng-ruling.md" --color pink --tag canada --event --lane "$cd_ext" \
  --quote "A Canadian judge ruled on Wednesday that the extradition case against Huawei Technologies Co. finance chief Meng Wanzhou can proceed" \
  --title "Ruling on double criminality: case can proceed"
a "$D/2020-07-14-uk-bans-new-huawei-kit.md" --tag uk --tag decision --event --lane "UK decision" \
  --quote "reversing the decision it took in January to give Huawei a limited role" --title "UK government decides on Huawei"
a "$D/2020-07-14-uk-bans-new-huawei-kit.md" --color blue --tag uk --event --lane "UK decision" \
  --quote "Britain on Tuesday ordered its telecom carriers to stop buying new 5G equipment from Huawei Technologies Co." \
  --title "UK bans new Huawei 5G equipment"
a "$D/2021-04-23-bundestag-it-security-law.md" --color green --tag germany --tag decision --event --lane "German vote" \
  --quote "Germany's Bundestag on Friday passed a new IT security law" --title "Bundestag votes on IT security law covering Huawei"
a "$D/2021-09-25-meng-returns-to-china.md" --tag canada --event --lane "$cd_ext" \
  --quote "closing a case whose hearings had run since January of last year" --title "Meng Wanzhou extradition hearing opens"
a "$D/2021-09-25-meng-returns-to-china.md" --color pink --tag canada --event --lane "$cd_ext" \
  --quote "Meng Wanzhou left Canada on Friday after reaching an agreement with U.S. prosecutors" \
  --title "Meng leaves Canada; extradition case ends"
"$S" dossier new "$F" --name "Huawei and 5G" --saves saves "$D"/huawei-5g-2020-01-23.md "$D"/20*.md
# Event ids by (article, title), for the merges.
id() {
  "$S" dossier events "$F" --accepted-only --json --saves saves | python3 -c '
import json, sys
art, title = sys.argv[1], sys.argv[2]
for e in json.load(sys.stdin):
    if e["title"] == title and any(m["article"].startswith(art) for m in e["mentions"]):
        print(e["id"]); break' "$1" "$2"
}
"$S" dossier merge "$F" "$(id huawei "UK government decides on Huawei")" \
  "$(id 2020-01-28 "UK government decides on Huawei: in, with limits")" \
  "$(id 2020-07-14 "UK government decides on Huawei")"
"$S" dossier merge "$F" "$(id huawei "Meng Wanzhou extradition case begins")" \
  "$(id 2020-01-20 "Meng Wanzhou extradition hearing opens")" \
  "$(id 2021-09-25 "Meng Wanzhou extradition hearing opens")"
"$S" dossier merge "$F" "$(id huawei "Bundestag vote on legislation that could exclude Huawei")" \
  "$(id 2021-04-23 "Bundestag votes on IT security law covering Huawei")"
# The double-criminality ruling (expected Jan 20 → ruled May 27) is left as
# a merge suggestion, for the window to offer.
"$S" dossier events "$F" --accepted-only --saves saves
