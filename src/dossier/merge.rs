//! The same event reported by several articles: merge suggestions, and the
//! commands that merge, unmerge and keep apart (each undoable).

use std::collections::BTreeSet;

use super::model::{Dossier, DossierEvent, Resolved, resolve};
use crate::timeline::{EventId, EventKind};

/// Words that say nothing about which event it is.
pub(super) const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "by",
    "for",
    "from",
    "has",
    "have",
    "in",
    "is",
    "it",
    "its",
    "of",
    "on",
    "or",
    "said",
    "says",
    "that",
    "the",
    "their",
    "this",
    "to",
    "was",
    "were",
    "will",
    "with",
    "would",
    "could",
    "after",
    "before",
    "over",
    "into",
    "than",
    "then",
    "they",
    "he",
    "she",
    "his",
    "her",
    "not",
    "but",
    "new",
    "co",
    // Dates are compared as dates, not as words.
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "today",
    "yesterday",
    "tomorrow",
    "week",
    "month",
    "year",
    "last",
    "next",
];

/// Stems of the verbs news events are told with, in classes of verbs that
/// tell the same kind of event ("began", "opened"). Two titles whose verbs
/// fall in different classes ("kills", "condemns") are two events, whatever
/// else they share.
const VERB_CLASSES: &[&[&str]] = &[
    &["decid", "rul", "determin", "conclud"],
    &["ban", "bar", "block", "exclud", "forbid", "prohibit"],
    &["limit", "restrict", "cap", "curb"],
    &["begin", "began", "open", "start", "launch", "commenc"],
    &["end", "clos", "finish", "drop"],
    &["vot", "pass", "approv", "adopt", "enact"],
    &["reject", "defeat", "block"],
    &["kill", "die", "dead"],
    &["condemn", "denounc", "criticis", "criticiz"],
    &["arrest", "detain", "held", "hold"],
    &[
        "releas", "fre", "return", "left", "leav", "flew", "fli", "land", "arriv",
    ],
    &["sign", "agre", "deal", "settl"],
    &["charg", "indict", "accus", "su"],
    &["sentenc", "convict", "jail"],
    &["elect", "win", "won"],
    &["resign", "quit", "step"],
    &["revers", "overturn", "revok", "lift"],
    &["warn", "threaten"],
    &["meet", "met", "talk"],
    &["hear", "argu"],
    &["announc", "unveil", "publish", "report"],
];

/// The verb classes a title's stems name, one bit each.
fn verb_classes(words: &[String]) -> u64 {
    VERB_CLASSES
        .iter()
        .enumerate()
        .filter(|(_, class)| class.iter().any(|v| words.iter().any(|w| w == v)))
        .fold(0, |bits, (i, _)| bits | (1 << i))
}

/// The content words of `text`, lower-case and crudely stemmed, so that
/// "decides", "decided" and "decide" are one word.
#[must_use]
pub fn stems(text: &str) -> BTreeSet<String> {
    stem_words(text).collect()
}

fn stem_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| w.chars().count() >= 2 && !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
}

/// Words as numbers, so that sets of them are small sorted vectors.
#[derive(Default)]
struct Lexicon {
    ids: foldhash::HashMap<String, u32>,
    words: Vec<String>,
}

impl Lexicon {
    fn id(&mut self, word: String) -> u32 {
        if let Some(&id) = self.ids.get(&word) {
            return id;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.words.push(word.clone());
        self.ids.insert(word, id);
        id
    }

    /// Adds the ids of the stems of `text` to `into` (sorted, unique),
    /// allocating only for words not seen before.
    fn stems(&mut self, text: &str, into: &mut Vec<u32>) {
        let mut lower = String::new();
        for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
            let raw = raw.trim_matches('\'');
            lower.clear();
            lower.extend(raw.chars().flat_map(char::to_lowercase));
            if lower.chars().count() < 2 || STOPWORDS.contains(&lower.as_str()) {
                continue;
            }
            let st = stem_of(&lower);
            let id = match self.ids.get(st) {
                Some(&id) => id,
                None => self.id(st.to_owned()),
            };
            into.push(id);
        }
        into.sort_unstable();
        into.dedup();
    }
}

/// The common items of two sorted vectors.
fn common(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn stem(word: &str) -> String {
    stem_of(word).to_owned()
}

/// The stem of a lower-case word: suffixes cut off, so it is a prefix.
fn stem_of(word: &str) -> &str {
    let mut w = word.strip_suffix("'s").unwrap_or(word);
    if w.chars().count() > 4 {
        for suffix in ["ing", "ed", "es", "s"] {
            if let Some(s) = w.strip_suffix(suffix) {
                w = s;
                break;
            }
        }
    }
    if w.chars().count() > 3
        && let Some(s) = w.strip_suffix('e')
    {
        w = s;
    }
    w
}

/// Two events that may be one: offered as "the same event?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeSuggestion {
    /// The earlier event (kept when merged).
    pub a: EventId,
    /// The other one.
    pub b: EventId,
    /// The words their titles share.
    pub shared: Vec<String>,
}

/// Whether the dates of `a` and `b` can be of one event: overlapping, or
/// one expected by an article published before the other reports it.
fn dates_compatible(a: &DossierEvent, b: &DossierEvent, ra: &Resolved, rb: &Resolved) -> bool {
    if ra.start <= rb.end && rb.start <= ra.end {
        return true;
    }
    let only_expected = |e: &DossierEvent| e.mentions.iter().all(|m| m.kind == EventKind::Expected);
    let forecast = |exp: &DossierEvent, rep: &DossierEvent| {
        let expected_on = exp.mentions.iter().filter_map(|m| m.published).min();
        let reported_on = rep
            .mentions
            .iter()
            .filter(|m| m.kind == EventKind::Reported)
            .filter_map(|m| m.published)
            .min();
        matches!((expected_on, reported_on), (Some(e), Some(r)) if e <= r)
    };
    (only_expected(a) && forecast(a, b)) || (only_expected(b) && forecast(b, a))
}

/// Pairs of events, from different articles, that look like one event:
/// compatible dates, a shared lane (or one without a lane), the same kind
/// of event verb and enough shared words (see `same_event`), so that two
/// things on one day — a bombing, and a government condemning it — are not
/// offered for their date alone. Pairs kept apart are not offered. Sorted
/// by the dossier's event order.
///
/// Not every pair is compared: candidates share a word of their titles
/// (an inverted index), found by a sweep along the axis among events with
/// that word whose dates overlap, or, for a forecast (an event only
/// expected), sharing two title words whatever the dates; so tens of
/// thousands of events take well under a second.
#[must_use]
pub fn suggest_merges(d: &Dossier) -> Vec<MergeSuggestion> {
    let n = d.events.len();
    let mut lex = Lexicon::default();
    let words: Vec<Words> = d.events.iter().map(|e| Words::of(e, &mut lex)).collect();
    // Each event's words and dates once, not once per pair.
    let resolved: Vec<Resolved> = d.events.iter().map(resolve).collect();
    let articles: Vec<BTreeSet<&str>> = d
        .events
        .iter()
        .map(|e| e.mentions.iter().map(|m| m.article.as_str()).collect())
        .collect();
    // Candidates share a word of their titles (a pair that shares none
    // is never the same event by `same_event`'s first test; its second,
    // five shared words with the evidence, is only tried on candidates).
    // Words in very many titles ("plan", "government") do not make
    // candidates on their own.
    let cap = (n / 50).max(64);
    let mut postings: foldhash::HashMap<u32, Vec<usize>> = foldhash::HashMap::default();
    let mut by_start: Vec<usize> = (0..n).collect();
    by_start.sort_by_key(|&i| (resolved[i].start, i));
    for &i in &by_start {
        for &t in &words[i].title {
            postings.entry(t).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for list in postings.values().filter(|l| l.len() <= cap) {
        // Overlapping dates: a sweep along this word's events by start.
        let mut active: Vec<usize> = Vec::new();
        for &i in list {
            active.retain(|&j| resolved[j].end >= resolved[i].start);
            pairs.extend(active.iter().map(|&j| (i.min(j), i.max(j))));
            active.push(i);
        }
    }
    // Forecasts (only expected, maybe long before it happened): events
    // sharing two words of its title, whatever their dates.
    for (i, e) in d.events.iter().enumerate() {
        if !e.mentions.iter().all(|m| m.kind == EventKind::Expected) {
            continue;
        }
        let mut shared: foldhash::HashMap<usize, usize> = foldhash::HashMap::default();
        for t in &words[i].title {
            if let Some(list) = postings.get(t).filter(|l| l.len() <= cap) {
                for &j in list.iter().filter(|&&j| j != i) {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        let need = 2.min(words[i].title.len());
        pairs.extend(
            shared
                .into_iter()
                .filter(|(_, c)| *c >= need)
                .map(|(j, _)| (i.min(j), i.max(j))),
        );
    }
    pairs.sort_unstable();
    pairs.dedup();
    let kept_apart: std::collections::HashSet<(&EventId, &EventId)> =
        d.kept_apart.iter().map(|(a, b)| (a, b)).collect();
    let mut out = Vec::new();
    for (i, j) in pairs {
        let (a, b) = (&d.events[i], &d.events[j]);
        let pair = if a.id <= b.id {
            (&a.id, &b.id)
        } else {
            (&b.id, &a.id)
        };
        if kept_apart.contains(&pair) || articles[i] == articles[j] {
            continue;
        }
        // A shared lane, or one of them in none yet.
        let lanes_ok =
            a.lanes.is_empty() || b.lanes.is_empty() || a.lanes.iter().any(|l| b.lanes.contains(l));
        if !lanes_ok || !dates_compatible(a, b, &resolved[i], &resolved[j]) {
            continue;
        }
        let (ri, rj) = (&resolved[i], &resolved[j]);
        let same_day = ri.start == ri.end && rj.start == rj.end && ri.start == rj.start;
        if let Some(shared) = same_event(&words[i], &words[j], &lex, same_day) {
            out.push(MergeSuggestion {
                a: a.id.clone(),
                b: b.id.clone(),
                shared,
            });
        }
    }
    out
}

/// The words two events share when they tell one event. Their titles'
/// event verbs must not differ (same class when both have one); then
/// either the titles share over half of the shorter title's words, and at
/// least three (or all of a two-word title), or titles and evidence
/// together share at least five words and two fifths of the smaller set's,
/// or — both on the same single day — the titles share two words, one of
/// them not a verb, and titles and evidence together three (so reports
/// told in other words, "an earthquake struck Valparaiso on Tuesday" and
/// "insurers estimated the losses from the earthquake that struck…", are
/// one event; "the government condemned looting in Valparaiso" that day is
/// not: it shares one word).
fn same_event(a: &Words, b: &Words, lex: &Lexicon, same_day: bool) -> Option<Vec<String>> {
    if a.verbs != 0 && b.verbs != 0 && a.verbs & b.verbs == 0 {
        return None;
    }
    let names = |ids: Vec<u32>| {
        let mut out: Vec<String> = ids
            .into_iter()
            .map(|i| lex.words[i as usize].clone())
            .collect();
        out.sort();
        out
    };
    let titles = common(&a.title, &b.title);
    let smaller = a.title.len().min(b.title.len()).max(1);
    if (titles.len() >= 3 || titles.len() == smaller)
        && titles.len() >= 2
        && titles.len() * 2 > smaller
    {
        return Some(names(titles));
    }
    if same_day && titles.len() >= 2 {
        let is_verb = |w: &u32| {
            let w = lex.words[*w as usize].as_str();
            VERB_CLASSES.iter().any(|c| c.contains(&w))
        };
        let shared = common(&a.all, &b.all);
        if titles.iter().any(|w| !is_verb(w)) && shared.len() >= 3 {
            return Some(names(shared));
        }
    }
    let smaller = a.all.len().min(b.all.len()).max(1);
    if a.all.len().min(b.all.len()) < 5 {
        return None;
    }
    let shared = common(&a.all, &b.all);
    (shared.len() >= 5 && shared.len() * 5 >= smaller * 2).then(|| names(shared))
}

/// An event's words: its title's, and its title's with its evidence's
/// (sorted ids of their stems), and its title's verb classes.
struct Words {
    title: Vec<u32>,
    all: Vec<u32>,
    verbs: u64,
}

impl Words {
    fn of(e: &DossierEvent, lex: &mut Lexicon) -> Self {
        let mut title = Vec::new();
        lex.stems(&e.title, &mut title);
        let title_words: Vec<String> = title
            .iter()
            .map(|&i| lex.words[i as usize].clone())
            .collect();
        let verbs = verb_classes(&title_words);
        let mut all = title.clone();
        for m in &e.mentions {
            lex.stems(&m.quote, &mut all);
        }
        Self { title, all, verbs }
    }
}
