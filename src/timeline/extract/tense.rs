//! The tense a date phrase hangs on: the verb of its own clause, reported
//! speech, modals, timetables (see the module docs of `extract`).

use super::lexicon::{
    CLAUSE_OPENERS, DETERMINERS, E_ED, FUTURE_MARKERS, INTENTIONS, IRREGULAR_PAST, LINKING,
    NOT_TIMETABLE_AFTER, NOT_VERBS_IN_ED, PAST_MARKERS, PLAN_PARTICIPLES, POSSIBILITY, RELATIVE,
    SAYING, TIMETABLE,
};
use super::text::Tok;

/// Whether the sentence speaks of the future.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    Unknown,
}

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
    // "warned of freezing rain Saturday": a warning is of what is coming.
    if t.is(&["warned", "warns", "warn", "warning"]) && next.is_some_and(|n| n.is(&["of"])) {
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
    let relative =
        start > 0 && toks[start - 1].is(RELATIVE) && start > 1 && toks[start - 2].next == ',';
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
    let (lo, hi) = clause(toks, first, end);
    let relative = lo > 1 && toks[lo - 1].is(RELATIVE) && toks[lo - 2].next == ',';
    // "The draft could be ready by the end of May, but he warned …": a
    // possibility in its own clause says the date goes by nearness, not by
    // another clause's verb.
    let possible = (lo..hi).any(|k| toks[k].is(POSSIBILITY));
    clause_tense(toks, first, end).or_else(|| {
        if relative || possible {
            return possible.then_some(Tense::Unknown);
        }
        nearest_marker(toks, (first, end), (0, toks.len()), false)
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
