//! Words, sentences and tense of the text being scanned for dates.

use crate::document::month_from_name;

/// A word or number of a sentence, with its byte span in the block.
#[derive(Clone, Debug)]
pub(super) struct Tok<'a> {
    pub(super) text: &'a str,
    /// Lowercase (borrowed when the text already is: most words).
    pub(super) lower: std::borrow::Cow<'a, str>,
    pub(super) start: usize,
    pub(super) end: usize,
    /// The char right after the token.
    pub(super) next: char,
    /// The char right before the token.
    pub(super) prev: char,
}

impl Tok<'_> {
    pub(super) fn is(&self, words: &[&str]) -> bool {
        words.contains(&self.lower.as_ref())
    }

    pub(super) fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub(super) fn number(&self) -> Option<i64> {
        // Most tokens are words: reject them before any string search.
        if !self
            .lower
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        let digits = self
            .lower
            .trim_end_matches("st")
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th");
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 4 {
            return None;
        }
        digits.parse().ok()
    }

    pub(super) fn year(&self) -> Option<i16> {
        let n = self.number()?;
        (self.lower.len() == 4 && (1800..=2200).contains(&n)).then_some(n as i16)
    }

    pub(super) fn day(&self) -> Option<i8> {
        let n = self.number()?;
        // "$14", "#3": money and numbers, never a day.
        let counted = matches!(self.prev, '$' | '#' | '£' | '€' | '¥');
        (self.lower.len() <= 4 && (1..=31).contains(&n) && !self.next_is_digitish() && !counted)
            .then_some(n as i8)
    }

    pub(super) fn next_is_digitish(&self) -> bool {
        matches!(self.next, ':' | '%' | '$')
    }

    /// A month name used as a month (capitalised; ambiguous words need context).
    pub(super) fn month(&self) -> Option<i8> {
        if !self.capitalized() {
            return None;
        }
        let m = month_from_name(self.text)?;
        let full = self.text.len() > 4 || matches!(self.lower.as_ref(), "june" | "july");
        let abbreviated_ok = full || self.next == '.' || self.lower.len() == 3;
        abbreviated_ok.then_some(m)
    }
}

pub(super) fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev = ' ';
    let mut last = ' ';
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let word = c.is_alphanumeric();
        match (start, word) {
            (None, true) => {
                start = Some(i);
                prev = last;
            }
            (Some(s), false) => {
                out.push(Tok {
                    text: &text[s..i],
                    lower: lowercase(&text[s..i]),
                    start: s,
                    end: i,
                    next: c,
                    prev,
                });
                start = None;
            }
            _ => {}
        }
        last = c;
    }
    out
}

/// Abbreviations that end in a dot without ending a sentence.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "co", "corp", "inc",
    "ltd", "jr", "sr", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m", "mt", "ft", "prof", "rev",
];

/// Sentence spans (bytes) of a block.
pub(super) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Include closing quotes and brackets.
        let mut end_k = k + 1;
        while end_k < chars.len() && matches!(chars[end_k].1, '"' | '”' | '’' | '\'' | ')' | ']')
        {
            end_k += 1;
        }
        let Some(&(next_i, next_c)) = chars.get(end_k) else {
            continue;
        };
        if !next_c.is_whitespace() {
            continue;
        }
        let following = chars[end_k..]
            .iter()
            .map(|(_, c)| *c)
            .find(|c| !c.is_whitespace());
        if !following.is_some_and(|c| {
            c.is_uppercase()
                || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
                || c.is_ascii_digit()
        }) {
            continue;
        }
        if c == '.' {
            let word: String = text[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '.')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let w = word.to_lowercase();
            if ABBREVIATIONS.contains(&w.as_str())
                || (w.len() == 1 && w.chars().all(char::is_uppercase))
            {
                continue;
            }
            if word.len() == 1 {
                continue; // an initial: "John F. Kennedy"
            }
        }
        out.push((start, next_i));
        start = next_i;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out.into_iter()
        .map(|(s, e)| {
            let t = &text[s..e];
            let lead = t.len() - t.trim_start().len();
            let trail = t.len() - t.trim_end().len();
            (s + lead, e - trail)
        })
        .filter(|(s, e)| s < e)
        .collect()
}

/// Whether the sentence speaks of the future.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    Unknown,
}

pub(super) const FUTURE_MARKERS: &[&str] = &[
    "will",
    "won't",
    "wont",
    "expected",
    "expects",
    "plans",
    "planned",
    "plan",
    "scheduled",
    "due",
    "upcoming",
    "coming",
    "shall",
    "intends",
    "aims",
    "set",
    "forthcoming",
    "expect",
    "hopes",
    "prepared",
    "preparing",
    "tomorrow",
    "next",
    "payable",
];
pub(super) const PAST_MARKERS: &[&str] = &[
    "said",
    "was",
    "were",
    "had",
    "did",
    "began",
    "ago",
    "announced",
    "reported",
    "told",
    "last",
    "earlier",
    "came",
    "went",
    "took",
    "made",
    "arrested",
    "introduced",
    "yesterday",
];

pub(super) fn tense_of(toks: &[Tok<'_>]) -> Tense {
    let mut future = 0;
    let mut past = 0;
    for (k, t) in toks.iter().enumerate() {
        if t.is(FUTURE_MARKERS) {
            // "set"/"due"/"plan" count only as "set to", "due to", "plan to".
            if t.is(&["set", "due", "plan", "prepared", "preparing"])
                && !toks.get(k + 1).is_some_and(|n| n.is(&["to", "for"]))
            {
                continue;
            }
            future += 1;
        } else if t.is(PAST_MARKERS) && !last_as_verb(toks, k) || past_participle_as_verb(toks, k) {
            past += 1;
        }
    }
    match (future, past) {
        (0, 0) => Tense::Unknown,
        (f, _) if f > 0 => Tense::Future,
        _ => Tense::Past,
    }
}

/// Past tenses of irregular verbs common in news (regular ones end in -ed).
const IRREGULAR_PAST: &[&str] = &[
    "met", "told", "took", "gave", "made", "came", "went", "began", "left", "won", "lost", "held",
    "sent", "saw", "found", "fell", "rose", "spoke", "wrote", "paid", "sold", "bought", "built",
    "led", "ran", "struck", "brought", "became", "drew", "flew", "grew", "knew", "threw", "chose",
    "broke", "sought", "fought", "thought", "felt", "kept", "stood", "got", "hit", "shut", "quit",
    "arose", "forbade", "swore", "tore", "wore", "withdrew", "heard", "meant",
];

/// Participles that name a plan: in "a rally planned for Friday was called
/// off" the date belongs to "planned", but its direction comes from the
/// clause's own verb ("was called off").
const PLAN_PARTICIPLES: &[&str] = &[
    "planned",
    "scheduled",
    "expected",
    "set",
    "due",
    "slated",
    "supposed",
];

/// Verbs of saying: the saying is not the event ("the deadline is Nov. 15,
/// the agency said"), unless the date is the saying's own ("said on
/// Monday", "told a news conference on Tuesday that …").
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "according",
    "announced",
    "predicted",
    "reported",
    "stated",
    "added",
    "declared",
];

/// The saying verb a date phrase at `first..end` dates ("said in May",
/// "announced Monday", "In March, the agency said"): its token.
pub(super) fn saying_dated_by(toks: &[Tok<'_>], first: usize, end: usize) -> Option<usize> {
    if first > 0 && toks[first - 1].is(SAYING) {
        return Some(first - 1);
    }
    // A date opening the sentence dates the saying right after its subject.
    (end..toks.len().min(end + 4))
        .find(|&k| is_verb(toks, k) || toks[k].is(SAYING))
        .filter(|&k| toks[k].is(SAYING) && !toks[k].is(&["according"]))
        .filter(|&k| k == end && toks[end - 1].next != ',' || first == 0)
}

/// Whether the phrase at `first` is told as a future of what was said at
/// `saying`: "said in May that it would reopen in June" (would, not will:
/// the future seen from the saying's day).
pub(super) fn future_of_saying(toks: &[Tok<'_>], saying: usize, first: usize) -> bool {
    saying < first
        && toks[saying + 1..first].iter().any(|w| w.is(&["would"]))
        && !toks[saying + 1..first]
            .iter()
            .any(|w| w.is(&["will", "now", "but", "and"]))
}

/// Words that open a new clause: a date's verb is in its own clause ("Bush
/// told reporters on Tuesday that the blockade might be extended": Tuesday
/// is told's).
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "because", "although", "though", "while", "whereas",
    "but", "if", "unless", "where", "whether",
];

/// Modals of possibility: "could be located Wednesday", "might be extended"
/// say nothing of when; only "will", "would", "shall" and plans point ahead.
/// ("couldn't": its "couldn" is an ability denied, read as "could not".)
const POSSIBILITY: &[&str] = &["could", "might", "should", "may", "must", "can", "couldn"];

/// Determiners before which an -ed word is an adjective ("the reduced
/// dividend", "a revised plan"), not a verb in the past.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "s",
];

/// Verbs whose present tells a timetable ("the president returns
/// Tuesday", "the exhibition opens on Friday"): right before a date, a
/// future.
const TIMETABLE: &[&str] = &[
    "returns",
    "return",
    "arrives",
    "arrive",
    "leaves",
    "departs",
    "begins",
    "begin",
    "starts",
    "start",
    "ends",
    "opens",
    "open",
    "reopens",
    "reopen",
    "closes",
    "resumes",
    "resume",
    "meets",
    "meet",
    "travels",
    "flies",
    "expires",
    "convenes",
    "convene",
    "reconvenes",
    "reconvene",
    "retires",
    "kicks",
    "go",
    "goes",
    "plays",
    "play",
    "premieres",
    "debuts",
];

/// Words after which a timetable verb is none: "did not return", "tax
/// returns", "a swim meet".
const NOT_TIMETABLE_AFTER: &[&str] = &[
    "to", "not", "did", "does", "do", "was", "were", "be", "been", "being", "tax", "loose", "swim",
    "track", "never", "t",
];

/// Verbs of intention: before "to", the infinitive looks ahead of them.
const INTENTIONS: &[&str] = &[
    "hoped",
    "hope",
    "hopes",
    "wanted",
    "want",
    "wants",
    "aimed",
    "intended",
    "promised",
    "promises",
    "promise",
    "vowed",
    "vows",
    "vow",
    "pledged",
    "pledges",
    "pledge",
    "agreed",
    "agrees",
    "threatened",
    "threatens",
    "decided",
    "decides",
    "sought",
    "seeks",
    "offered",
    "offers",
    "planning",
    "hoping",
    "vowing",
    "promising",
    "threatening",
];

/// Present verbs after which an -ed word says how something is ("stays
/// closed", "is scheduled", "remains frozen"), not what happened.
const LINKING: &[&str] = &[
    "is", "are", "am", "stays", "stay", "remains", "remain", "seems", "seem", "looks", "becomes",
    "become", "gets", "get", "keeps", "keep",
];

/// Pasts of verbs in -e that end in -eed ("succeed", "exceed", "need" are
/// not pasts).
const E_ED: &[&str] = &[
    "agreed",
    "disagreed",
    "freed",
    "decreed",
    "guaranteed",
    "refereed",
];

/// Words in -ed that are no verbs.
const NOT_VERBS_IN_ED: &[&str] = &[
    "hundred", "sacred", "naked", "wicked", "rugged", "kindred", "crooked", "ragged", "jagged",
    "wretched", "beloved", "embed", "shred",
];

/// True when the -ed word at `k` is a verb in the past, not an adjective.
fn past_participle_as_verb(toks: &[Tok<'_>], k: usize) -> bool {
    let t = &toks[k];
    let adverb = |p: usize| {
        toks[p].is(&["still", "newly", "recently", "already", "not"])
            || toks[p].lower.ends_with("ly")
    };
    t.lower.len() > 4
        && t.lower.ends_with("ed")
        && (!t.lower.ends_with("eed") || t.is(E_ED))
        && !t.is(NOT_VERBS_IN_ED)
        && !t.capitalized()
        && !k.checked_sub(1).is_some_and(|p| {
            toks[p].is(DETERMINERS)
                || toks[p].is(LINKING)
                || adverb(p) && p > 0 && toks[p - 1].is(DETERMINERS)
        })
}

/// The tense a token marks, if any: future (will, would, going to, plans
/// to, …), past (was, said, -ed, irregular pasts), or none. `own_clause`:
/// the token is in the date's own clause (a saying verb there is the
/// date's when nothing else stands between them).
fn marker(toks: &[Tok<'_>], k: usize, first: usize, end: usize, own_clause: bool) -> Option<Tense> {
    let t = &toks[k];
    let next = toks.get(k + 1);
    let prev = k.checked_sub(1).map(|p| &toks[p]);
    // A plan's participle takes the tense of its auxiliary ("is due in
    // February", "was expected on Friday", "had been due to expire
    // Friday"), or none ("a rally planned for Friday was called off": the
    // clause's verb decides).
    if t.is(PLAN_PARTICIPLES) {
        if prev.is_some_and(|p| p.is(&["is", "are", "am", "s"])) {
            return Some(Tense::Future);
        }
        if prev.is_some_and(|p| p.is(&["was", "were"]))
            || prev.is_some_and(|p| p.is(&["been"]))
                && k > 1
                && toks[k - 2].is(&["had", "was", "were"])
        {
            return Some(Tense::Past);
        }
        if next.is_some_and(|n| n.is(&["for", "on", "at", "in"])) {
            return None;
        }
    }
    if t.is(&["going"]) && next.is_some_and(|n| n.is(&["to"]))
        || t.is(&["ahead"]) && next.is_some_and(|n| n.is(&["of"]))
    {
        return Some(Tense::Future);
    }
    if t.is(&["set", "due", "plan", "prepared", "preparing", "going"])
        && !next.is_some_and(|n| n.is(&["to", "for"]))
    {
        return None;
    }
    if t.is(SAYING) {
        let between = if k < first { k + 1..first } else { end..k };
        // An attribution set off by a comma ("…until March 6, the court
        // said") is the speaker's act, not the date's.
        // ("In September, it announced plans" is no attribution: the date
        // leads, and the saying goes on.)
        let attribution = k >= end
            && first > 0
            && (end.saturating_sub(1)..k).any(|j| toks[j].next == ',')
            && (matches!(t.next, '.' | ',' | ';' | '\n')
                || next.is_none_or(|n| {
                    n.is(&["in", "on", "at", "today", "yesterday", "last", "this"])
                        || crate::timeline::when::weekday_from_name(&n.lower).is_some()
                }));
        let own = k + 1 == first
            || k == end
            || own_clause && !attribution && !between.into_iter().any(|j| is_verb(toks, j));
        return own.then_some(Tense::Past);
    }
    // "returns Tuesday", "schools reopen Wednesday", "go on sale Thursday":
    // a timetable's present, near its date, looks ahead — not after "to",
    // a modal or "not" (the verb before decides), nor as a noun ("the
    // close", "tax returns") or a state ("was open").
    if t.is(TIMETABLE)
        && k + 6 >= first
        && k <= end + 4
        && !prev.is_some_and(|p| {
            p.is(DETERMINERS)
                || p.is(LINKING)
                || p.is(NOT_TIMETABLE_AFTER)
                || p.is(POSSIBILITY)
                || p.is(FUTURE_MARKERS)
        })
    {
        return Some(Tense::Future);
    }
    // "hoped to return by Friday", "agreed to meet Monday": an intention
    // looks ahead of its own telling.
    if t.is(INTENTIONS) && next.is_some_and(|n| n.is(&["to"])) {
        return Some(Tense::Future);
    }
    // "is to resume trading Tuesday": a plan.
    if t.is(&["is", "are"]) && next.is_some_and(|n| n.is(&["to"])) {
        return Some(Tense::Future);
    }
    // A verb in the present governs the date too, without a direction:
    // "the deadline is Nov. 15, the agency said".
    if t.is(&["is", "are", "am"]) && own_clause {
        return Some(Tense::Unknown);
    }
    // "will be held": the participle is the future's, not a past.
    if prev.is_some_and(|p| p.is(&["be", "been", "being"])) && !t.is(FUTURE_MARKERS) {
        return None;
    }
    // "could not be reached", "might have fallen": what did or did not
    // happen; "could rise" says nothing of when.
    // ("may not buy" forbids: no direction either).
    if t.is(POSSIBILITY) {
        let ability = t.is(&["could", "couldn"]);
        let negated = ability
            && (t.is(&["couldn"])
                || next.is_some_and(|n| n.is(&["not"]))
                || toks[..k]
                    .iter()
                    .any(|w| w.is(&["neither", "nor", "nobody", "none", "never"])));
        let perfect = next.is_some_and(|n| n.is(&["have"]));
        return (negated || perfect).then_some(Tense::Past);
    }
    if t.is(&["would"]) || t.is(FUTURE_MARKERS) {
        return Some(Tense::Future);
    }
    if t.is(PAST_MARKERS) && !last_as_verb(toks, k)
        || t.is(IRREGULAR_PAST)
        || past_participle_as_verb(toks, k)
    {
        return Some(Tense::Past);
    }
    None
}

/// "last" as a verb ("expected to last until February", "will last",
/// "talks that last into the night"), not the past "last week".
fn last_as_verb(toks: &[Tok<'_>], k: usize) -> bool {
    toks[k].is(&["last"])
        && (k.checked_sub(1).is_some_and(|p| {
            toks[p].is(&[
                "to", "will", "would", "could", "might", "may", "can", "should", "must",
            ])
        }) || toks
            .get(k + 1)
            .is_some_and(|n| n.is(&["until", "till", "through", "into", "beyond", "for"])))
}

/// True when token `k` is a verb of its own (a tense marker or a present
/// form): between a saying verb and a date it means the date is another
/// verb's.
fn is_verb(toks: &[Tok<'_>], k: usize) -> bool {
    let t = &toks[k];
    t.is(&["is", "are", "has", "have", "be", "will", "would", "that"])
        || t.is(POSSIBILITY)
        || t.is(FUTURE_MARKERS)
        || t.is(PAST_MARKERS)
        || t.is(IRREGULAR_PAST)
        || past_participle_as_verb(toks, k)
}

/// The clause (token range) the phrase at `first..end` is in: bounded by
/// the words that open a clause and by semicolons, colons and quotes.
fn clause(toks: &[Tok<'_>], first: usize, end: usize) -> (usize, usize) {
    let stops_after = |t: &Tok<'_>| {
        matches!(
            t.next,
            ';' | ':' | '"' | '\u{201c}' | '\u{201d}' | '`' | '(' | ')'
        )
    };
    let mut start = first;
    while start > 0 {
        let prev = &toks[start - 1];
        if prev.is(CLAUSE_OPENERS) || stops_after(prev) {
            break;
        }
        start -= 1;
    }
    // A relative clause set off by commas ends at its comma: "The company,
    // which will report on Wednesday, cut its forecast."
    let relative = start > 0
        && toks[start - 1].is(&["which", "who", "whom", "whose", "where"])
        && start > 1
        && toks[start - 2].next == ',';
    let mut stop = end;
    if end > 0 && (stops_after(&toks[end - 1]) || relative && toks[end - 1].next == ',') {
        return (start, stop);
    }
    while stop < toks.len() {
        let t = &toks[stop];
        if t.is(CLAUSE_OPENERS) {
            break;
        }
        stop += 1;
        if stops_after(t) || relative && t.next == ',' {
            break;
        }
    }
    (start, stop)
}

/// The nearest marker to `first..end` within `lo..hi` (before it on a tie).
fn nearest_marker(
    toks: &[Tok<'_>],
    (first, end): (usize, usize),
    (lo, hi): (usize, usize),
    own_clause: bool,
) -> Option<Tense> {
    for d in 1..=toks.len() {
        if let Some(k) = first.checked_sub(d).filter(|k| *k >= lo)
            && let Some(t) = marker(toks, k, first, end, own_clause)
        {
            return Some(t);
        }
        let k = end + d - 1;
        if k < hi
            && let Some(t) = marker(toks, k, first, end, own_clause)
        {
            return Some(t);
        }
        if first < lo + d && end + d > hi {
            break;
        }
    }
    None
}

/// The tense of the verb the date phrase at tokens `first..end` hangs on:
/// the nearest tense marker to it in its own clause (before it on a tie),
/// else in its sentence — so that in "the union reached a deal on Thursday
/// that workers will vote on" Thursday is past, and in "Bush told a news
/// conference on Tuesday that the blockade might be extended" too. `None`
/// when the sentence has no marker at all.
pub(super) fn local_tense(toks: &[Tok<'_>], first: usize, end: usize) -> Option<Tense> {
    // A relative clause set off by commas is its own: "Sen. Smith, who
    // retires in January, voted no" says nothing of January by "voted".
    let (lo, _) = clause(toks, first, end);
    let relative = lo > 1
        && toks[lo - 1].is(&["which", "who", "whom", "whose", "where"])
        && toks[lo - 2].next == ',';
    clause_tense(toks, first, end).or_else(|| {
        (!relative)
            .then(|| nearest_marker(toks, (first, end), (0, toks.len()), false))
            .flatten()
    })
}

/// A relative clause set off by commas right before the date ("its fiscal
/// quarter, which ended May 31, on Monday"): the token of its opener.
fn relative_before(toks: &[Tok<'_>], first: usize) -> Option<usize> {
    if first < 2 || toks[first - 1].next != ',' {
        return None;
    }
    let j = (0..first - 1)
        .rev()
        .take_while(|&m| toks[m].next != ',')
        .find(|&m| toks[m].is(CLAUSE_OPENERS))?;
    (toks[j].is(RELATIVE) && j > 0 && toks[j - 1].next == ',').then_some(j)
}

/// Words that open a relative clause.
const RELATIVE: &[&str] = &["which", "who", "whom", "whose", "where"];

/// The tense of the verb of the date's own clause, if it has one.
pub(super) fn clause_tense(toks: &[Tok<'_>], first: usize, end: usize) -> Option<Tense> {
    // After a relative clause set off by commas the date is the main
    // clause's: "Oracle will report results for its quarter, which ended
    // May 31, on Monday" is will's Monday.
    if let Some(j) = relative_before(toks, first) {
        let (lo, _) = clause(toks, j - 1, j);
        let (_, hi) = clause(toks, first, end);
        return (lo..j)
            .rev()
            .find_map(|k| marker(toks, k, first, end, true))
            .or_else(|| (end..hi).find_map(|k| marker(toks, k, first, end, true)));
    }
    let (lo, hi) = clause(toks, first, end);
    // In its own clause a date at the end hangs on the verb before it
    // ("Qantas will double its flights by August in the search for markets
    // untouched by the crisis"); one in front, on the verb after it ("In
    // September, it announced plans").
    (lo..first)
        .rev()
        .find_map(|k| marker(toks, k, first, end, true))
        .or_else(|| (end..hi).find_map(|k| marker(toks, k, first, end, true)))
}

/// `word` in lowercase, copied only when it has capitals or non-ASCII.
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}
