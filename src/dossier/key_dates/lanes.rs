//! Titles for key dates, and the lanes they belong in: the dossier's own
//! lanes where their words match, else lanes suggested from the names
//! (people, places, organisations) that key dates share.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::KeyDate;
use super::pick::Picked;
use crate::timeline::suggest::cut_at_word;
use crate::timeline::{Lane, suggest_lane, title_for};

/// The most lanes suggested.
const MOST_LANES: usize = 6;
/// A name shared by more than this share of the key dates is the story's
/// subject, not one of its storylines.
const SUBJECT: f64 = 0.7;
/// How many of a key date's sources are read for its names.
const SOURCES_READ: usize = 3;

/// A lane suggested for key dates that the dossier does not have.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SuggestedLane {
    /// Its name: the name its key dates share ("Bundestag").
    pub name: String,
    /// Words that suggest it (lowercase).
    pub keywords: Vec<String>,
}

/// Words a title should not start with: it would not say who.
const NOT_FIRST: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "his",
    "her",
    "its",
    "their",
    "said",
    "says",
    "according",
    "more",
    "this",
    "that",
    "these",
    "those",
];

/// A short headline-like title: when the day is reported (the best line
/// comes from an article of that day or the next), the lede of the best
/// such article, else the best line; else the clause naming the day in the
/// best sentence naming it; never a fragment that starts with a
/// pronoun when another reads better.
pub fn title(picked: &Picked) -> String {
    let good = |t: &str| {
        let first = t.split_whitespace().next().unwrap_or("").to_lowercase();
        t.split_whitespace().count() >= 4 && !NOT_FIRST.contains(&first.as_str())
    };
    let line = |s: &String| headline(s);
    // What the day is of, in the sentence naming it ("…began with her
    // arrest at Vancouver's airport on Dec. 1, 2018" → "Her arrest at
    // Vancouver's airport").
    // (A possessive may start it: "Her arrest…" names what happened.)
    let governed = picked
        .named
        .as_ref()
        .and_then(|(sentence, phrase)| governed_by(sentence, phrase))
        .filter(|t| {
            let first = t.split_whitespace().next().unwrap_or("").to_lowercase();
            ![
                "he", "she", "it", "they", "this", "that", "these", "those", "we", "i",
            ]
            .contains(&first.as_str())
        });
    let named = picked.named.as_ref().map(|(sentence, phrase)| {
        let mut t = title_for(sentence, phrase);
        // "Tuesday's quake" without the day.
        for possessive in ["'s ", "’s "] {
            if let Some(rest) = t.strip_prefix(possessive) {
                t = format!("The {rest}");
            }
        }
        t
    });
    let best = picked.sentences.first().map(line);
    let lede = picked.lede.as_ref().map(line);
    if !picked.best_reports
        && let Some(g) = governed
    {
        return g;
    }
    let order = if picked.best_reports {
        [lede, best.clone(), named.clone()]
    } else {
        [named.clone(), lede, best.clone()]
    };
    order
        .into_iter()
        .flatten()
        .chain(picked.sentences.iter().skip(1).map(line))
        .find(|t| good(t))
        .or(best)
        .or(named)
        .unwrap_or_default()
}

/// Past this many chars a title is cut: where its first clause ends (if
/// between 40 and 110 chars), else at a word.
const TITLE_CHARS: usize = 90;

/// A line as a title: whole when short, else cut where a clause ends (no
/// "…"), else at a word.
fn headline(line: &str) -> String {
    let line = line.trim().trim_end_matches(['.', ';', ':', ',']);
    if line.chars().count() <= TITLE_CHARS {
        return line.to_owned();
    }
    // The first clause that ends after 40 chars and by 110.
    let cut = [", ", "; ", " — ", " – ", " - "]
        .iter()
        .flat_map(|b| line.match_indices(b).map(|(at, _)| at))
        .filter(|&at| (40..=110).contains(&line[..at].chars().count()))
        .min();
    match cut {
        Some(at) => line[..at].to_owned(),
        None => cut_at_word(line.split_whitespace(), TITLE_CHARS - 10),
    }
}

/// Words that end what a date phrase governs, walking back from it.
const GOVERNS_FROM: &[&str] = &[
    "with",
    "after",
    "before",
    "since",
    "following",
    "until",
    "that",
    "which",
    "who",
    "when",
    "where",
    "because",
    "and",
    "but",
    "while",
    "as",
    "than",
];

/// The words before `phrase` in `sentence` that it dates, back to the word
/// that introduces them ("began with her arrest at Vancouver's airport on
/// Dec. 1" → "Her arrest at Vancouver's airport"); `None` when that is
/// not a phrase of its own (two words or fewer, or the sentence's start).
fn governed_by(sentence: &str, phrase: &str) -> Option<String> {
    let at = sentence.find(phrase)?;
    let before = &sentence[..at];
    let clause_start = before
        .char_indices()
        .rfind(|(_, c)| [',', ';', '(', '—', '“', '"'].contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause: Vec<&str> = before[clause_start..].split_whitespace().collect();
    let from = clause
        .iter()
        .rposition(|w| GOVERNS_FROM.contains(&w.to_lowercase().as_str()))
        .map(|p| p + 1)?;
    let words = &clause[from..];
    if words.len() < 3 {
        return None;
    }
    let text = words.join(" ");
    let mut chars = text.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
}

/// Puts each key date in a lane; returns the lanes suggested beyond
/// `lanes`. `outlets`: the words of the outlets' names (lowercase), never
/// taken for names.
pub fn assign(
    dates: &mut [KeyDate],
    lanes: &[Lane],
    outlets: &BTreeSet<String>,
) -> Vec<SuggestedLane> {
    assign_except(dates, lanes, outlets, &BTreeSet::new())
}

/// The names written in a key date's sentences and sources: lowercase →
/// the run of capitalised words it was first written in.
#[must_use]
pub fn names_in(d: &KeyDate) -> BTreeMap<String, String> {
    names_of(d).0
}

/// [`assign`], never naming a lane after one of `not_lanes` (lowercase
/// names the caller knows to be the story's subject).
pub fn assign_except(
    dates: &mut [KeyDate],
    lanes: &[Lane],
    outlets: &BTreeSet<String>,
    not_lanes: &BTreeSet<String>,
) -> Vec<SuggestedLane> {
    for d in dates.iter_mut() {
        d.lane = own_lane(d, lanes).map(|l| l.name.clone());
    }
    let open: Vec<usize> = (0..dates.len())
        .filter(|&i| dates[i].lane.is_none())
        .collect();
    if open.len() < 2 {
        return Vec::new();
    }
    // Each open key date's names, lowercase → as written.
    let (mut names, firsts): (Vec<BTreeMap<String, String>>, Vec<BTreeSet<String>>) =
        open.iter().map(|&i| names_of(&dates[i])).unzip();
    // A name that starts a sentence ("Haiti's government…") counts where
    // it is written as a name elsewhere.
    let known: BTreeMap<String, String> = names
        .iter()
        .flat_map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())))
        .collect();
    for (m, first) in names.iter_mut().zip(&firsts) {
        for w in first {
            if let Some(written) = known.get(w) {
                m.entry(w.clone()).or_insert_with(|| written.clone());
            }
        }
        // The outlets' own names ("BBC", "Reuters") tell no storyline.
        m.retain(|n, _| !outlets.contains(n) && !not_lanes.contains(n));
    }
    let mut left: BTreeSet<usize> = (0..open.len()).collect();
    let mut out = Vec::new();
    // The story's subject: named by most of the key dates.
    #[allow(clippy::cast_precision_loss)]
    let subject = ((open.len() as f64 * SUBJECT).ceil() as usize).max(3);
    let mut everywhere: BTreeMap<&str, usize> = BTreeMap::new();
    for n in names.iter().flat_map(BTreeMap::keys) {
        *everywhere.entry(n.as_str()).or_insert(0) += 1;
    }
    // Names of the subject and their kin ("Haiti", "Haitian", "Haitians"):
    // the same first five letters.
    let subjects: Vec<String> = everywhere
        .iter()
        .filter(|&(_, &c)| c >= subject)
        .map(|(n, _)| n.chars().take(5).collect())
        .filter(|p: &String| p.chars().count() == 5)
        .collect();
    everywhere.retain(|n, _| {
        let p: String = n.chars().take(5).collect();
        !subjects.contains(&p)
    });
    while out.len() < MOST_LANES {
        let mut df: BTreeMap<&str, usize> = BTreeMap::new();
        for &k in &left {
            for n in names[k].keys() {
                // (Gone from `everywhere`: the subject and its kin.)
                if everywhere.get(n.as_str()).is_some_and(|&c| c < subject) {
                    *df.entry(n.as_str()).or_insert(0) += 1;
                }
            }
        }
        let best = df
            .iter()
            .filter(|&(_, &c)| c >= 2)
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
        let Some((&key, _)) = best else {
            break;
        };
        let key = key.to_owned();
        let members: Vec<usize> = left
            .iter()
            .copied()
            .filter(|&k| names[k].contains_key(&key))
            .collect();
        let shown = names[members[0]]
            .get(&key)
            .cloned()
            .unwrap_or_else(|| key.clone());
        // A second name every member shares, and no other key date, joins
        // the lane's name.
        let mut keywords = vec![key.clone()];
        let mut name = shown;
        let shared = names[members[0]].iter().find(|(n, _)| {
            **n != key
                && everywhere.get(n.as_str()) == Some(&members.len())
                && members.iter().all(|&k| names[k].contains_key(*n))
        });
        if let Some((n, written)) = shared {
            keywords.push(n.clone());
            name = format!("{name} · {written}");
        }
        for &k in &members {
            left.remove(&k);
            dates[open[k]].lane = Some(name.clone());
        }
        keywords.sort();
        out.push(SuggestedLane { name, keywords });
    }
    out
}

/// The dossier lane its sentences (or, failing them, most of its sources)
/// match.
fn own_lane<'l>(d: &KeyDate, lanes: &'l [Lane]) -> Option<&'l Lane> {
    if lanes.is_empty() {
        return None;
    }
    let text = format!("{} {}", d.title, d.sentences.join(" "));
    if let Some(l) = suggest_lane(lanes, &text) {
        return Some(l);
    }
    let mut votes: BTreeMap<&str, (usize, &Lane)> = BTreeMap::new();
    for s in &d.sources {
        if let Some(l) = suggest_lane(lanes, &s.quote) {
            votes.entry(l.id.0.as_str()).or_insert((0, l)).0 += 1;
        }
    }
    let mut v: Vec<(usize, &Lane)> = votes.into_values().collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.order.cmp(&b.1.order)));
    match v.as_slice() {
        [] => None,
        [(_, only)] => Some(only),
        [(a, best), (b, _), ..] => (a > b).then_some(*best),
    }
}

/// Words never taken for names though written with a capital (besides
/// the merge suggestions' function words, days and months).
const NOT_NAMES: &[&str] = &[
    "he", "she", "they", "we", "i", "this", "there", "his", "her", "their", "mr", "mrs", "ms",
    "dr", "after", "before", "when", "while", "if", "as", "for", "with", "last", "next", "year",
    "gmt", "bst", "utc", "edt", "est", "cet", "updated", "page", "your", "you", "our", "news",
];

/// The names in a key date's sentences and sources: capitalised words not
/// at a sentence's start, lowercase → as first written; and the words that
/// start its sentences (names when written as names elsewhere).
fn names_of(d: &KeyDate) -> (BTreeMap<String, String>, BTreeSet<String>) {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut first_words = BTreeSet::new();
    let texts = d.sentences.iter().map(String::as_str).chain(
        d.sources
            .iter()
            .take(SOURCES_READ)
            .map(|s| s.quote.as_str()),
    );
    for text in texts {
        // Names, and the run of capitalised words each is written in
        // ("Conrad Murray", "Los Angeles"): a lane is named by the run.
        let mut run: Vec<String> = Vec::new();
        let mut in_run: Vec<String> = Vec::new();
        let mut flush = |run: &mut Vec<String>, in_run: &mut Vec<String>| {
            let written = run.join(" ");
            for key in in_run.drain(..) {
                out.entry(key).or_insert_with(|| written.clone());
            }
            run.clear();
        };
        for (i, raw) in text
            .split(|c: char| c.is_whitespace() || c == '—')
            .filter(|w| !w.is_empty())
            .enumerate()
        {
            let ends_clause = raw.ends_with([',', '.', ';', ':', ')', '"', '”']);
            let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            let lower = w.to_lowercase();
            // A dateline's place ("LONDON—") is a name too.
            let shouting = i == 0 && w.chars().count() >= 3 && w.chars().all(char::is_uppercase);
            let w: String = if shouting {
                let mut c = lower.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            } else {
                w.to_owned()
            };
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            let function = NOT_NAMES.contains(&lower.as_str())
                || crate::dossier::merge::STOPWORDS.contains(&lower.as_str());
            if !capital || function || w.is_empty() {
                flush(&mut run, &mut in_run);
                continue;
            }
            if i == 0 && !shouting {
                first_words.insert(lower.clone());
            } else if w.chars().count() >= 3 {
                in_run.push(lower);
            }
            run.push(w);
            if ends_clause {
                flush(&mut run, &mut in_run);
            }
        }
        flush(&mut run, &mut in_run);
    }
    (out, first_words)
}
