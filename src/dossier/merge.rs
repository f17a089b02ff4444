//! The same event reported by several articles: merge suggestions, and the
//! commands that merge, unmerge and keep apart (each undoable).

use std::collections::BTreeSet;

use super::model::{Dossier, DossierEvent, Resolved, resolve};
use crate::timeline::{EventId, EventKind};

/// Words that say nothing about which event it is.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is",
    "it", "its", "of", "on", "or", "said", "says", "that", "the", "their", "this", "to", "was",
    "were", "will", "with", "would", "could", "after", "before", "over", "into", "than", "then",
    "they", "he", "she", "his", "her", "not", "but", "new", "co",
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

/// The verb classes a set of stems names.
fn verb_classes(words: &BTreeSet<String>) -> BTreeSet<usize> {
    VERB_CLASSES
        .iter()
        .enumerate()
        .filter(|(_, class)| class.iter().any(|v| words.contains(*v)))
        .map(|(i, _)| i)
        .collect()
}

/// The content words of `text`, lower-case and crudely stemmed, so that
/// "decides", "decided" and "decide" are one word.
#[must_use]
pub fn stems(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| w.chars().count() >= 2 && !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

fn stem(word: &str) -> String {
    let mut w = word.strip_suffix("'s").unwrap_or(word).to_owned();
    if w.chars().count() > 4 {
        for suffix in ["ing", "ed", "es", "s"] {
            if let Some(s) = w.strip_suffix(suffix) {
                w = s.to_owned();
                break;
            }
        }
    }
    if w.chars().count() > 3
        && let Some(s) = w.strip_suffix('e')
    {
        w = s.to_owned();
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
/// offered for their date alone. Pairs kept apart are not offered.
#[must_use]
pub fn suggest_merges(d: &Dossier) -> Vec<MergeSuggestion> {
    fn articles(e: &DossierEvent) -> BTreeSet<&str> {
        e.mentions.iter().map(|m| m.article.as_str()).collect()
    }
    let words: Vec<Words> = d.events.iter().map(Words::of).collect();
    // Each event's words and dates once, not once per pair.
    let resolved: Vec<Resolved> = d.events.iter().map(resolve).collect();
    let mut out = Vec::new();
    for (i, a) in d.events.iter().enumerate() {
        for (j, b) in d.events.iter().enumerate().skip(i + 1) {
            let pair = if a.id <= b.id {
                (a.id.clone(), b.id.clone())
            } else {
                (b.id.clone(), a.id.clone())
            };
            if d.kept_apart.contains(&pair) || articles(a) == articles(b) {
                continue;
            }
            // A shared lane, or one of them in none yet.
            let lanes_ok = a.lanes.is_empty()
                || b.lanes.is_empty()
                || a.lanes.iter().any(|l| b.lanes.contains(l));
            if !lanes_ok || !dates_compatible(a, b, &resolved[i], &resolved[j]) {
                continue;
            }
            if let Some(shared) = same_event(&words[i], &words[j]) {
                out.push(MergeSuggestion {
                    a: a.id.clone(),
                    b: b.id.clone(),
                    shared,
                });
            }
        }
    }
    out
}

/// The words two events share when they tell one event. Their titles'
/// event verbs must not differ (same class when both have one); then
/// either the titles share over half of the shorter title's words, and at
/// least three (or all of a two-word title), or titles and evidence together share at least five words and
/// two fifths of the smaller set's.
fn same_event(a: &Words, b: &Words) -> Option<Vec<String>> {
    let (va, vb) = (verb_classes(&a.title), verb_classes(&b.title));
    if !va.is_empty() && !vb.is_empty() && va.is_disjoint(&vb) {
        return None;
    }
    let titles: Vec<String> = a.title.intersection(&b.title).cloned().collect();
    let smaller = a.title.len().min(b.title.len()).max(1);
    if (titles.len() >= 3 || titles.len() == smaller)
        && titles.len() >= 2
        && titles.len() * 2 > smaller
    {
        return Some(titles);
    }
    let shared: Vec<String> = a.all.intersection(&b.all).cloned().collect();
    let smaller = a.all.len().min(b.all.len()).max(1);
    (shared.len() >= 5 && shared.len() * 5 >= smaller * 2).then_some(shared)
}

/// An event's words: its title's, and its title's with its evidence's.
struct Words {
    title: BTreeSet<String>,
    all: BTreeSet<String>,
}

impl Words {
    fn of(e: &DossierEvent) -> Self {
        let title = stems(&e.title);
        let mut all = title.clone();
        for m in &e.mentions {
            all.extend(stems(&m.quote));
        }
        Self { title, all }
    }
}

/// A change to a dossier's events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DossierCommand {
    /// Merge the second event into the first (its mentions, lanes, note).
    Merge(EventId, EventId),
    /// Split the mentions of this article out of the event, as a new event
    /// with the given id.
    Unmerge(EventId, String, EventId),
    /// Remember that these two are different events.
    KeepApart(EventId, EventId),
}

/// Why a command could not be applied.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MergeError {
    /// No event with this id.
    #[error("no event {0}")]
    NoEvent(String),
    /// Nothing to split out.
    #[error("event {0} has no other article's mentions to split out")]
    NothingToSplit(String),
}

/// The dossier's events with undo and redo (whole snapshots of the events:
/// a few thousand events are cheap to copy, and undo stays obviously right).
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
}

/// A dossier's events and kept-apart pairs at one moment.
type Snapshot = (Vec<DossierEvent>, Vec<(EventId, EventId)>);

impl History {
    /// Whether there is a change to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone change to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies `cmd` to `d`; one undo step.
    pub fn apply(&mut self, d: &mut Dossier, cmd: &DossierCommand) -> Result<(), MergeError> {
        let before = (d.events.clone(), d.kept_apart.clone());
        apply(d, cmd)?;
        self.undo.push(before);
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last change; false when there is none.
    pub fn undo(&mut self, d: &mut Dossier) -> bool {
        let Some((events, apart)) = self.undo.pop() else {
            return false;
        };
        let now = (
            std::mem::replace(&mut d.events, events),
            std::mem::replace(&mut d.kept_apart, apart),
        );
        self.redo.push(now);
        true
    }

    /// Redoes the last undone change; false when there is none.
    pub fn redo(&mut self, d: &mut Dossier) -> bool {
        let Some((events, apart)) = self.redo.pop() else {
            return false;
        };
        let now = (
            std::mem::replace(&mut d.events, events),
            std::mem::replace(&mut d.kept_apart, apart),
        );
        self.undo.push(now);
        true
    }
}

fn apply(d: &mut Dossier, cmd: &DossierCommand) -> Result<(), MergeError> {
    let index = |d: &Dossier, id: &EventId| {
        d.events
            .iter()
            .position(|e| &e.id == id)
            .ok_or_else(|| MergeError::NoEvent(id.0.clone()))
    };
    match cmd {
        DossierCommand::Merge(keep, other) => {
            let (i, j) = (index(d, keep)?, index(d, other)?);
            if i == j {
                return Ok(());
            }
            let gone = d.events[j].clone();
            let kept = &mut d.events[i];
            kept.mentions.extend(gone.mentions);
            kept.lanes.extend(gone.lanes);
            if !gone.note.is_empty() {
                if !kept.note.is_empty() {
                    kept.note.push_str("\n\n");
                }
                kept.note.push_str(&gone.note);
            }
            d.events.remove(j);
        }
        DossierCommand::Unmerge(id, article, new_id) => {
            let i = index(d, id)?;
            let (out, stay): (Vec<_>, Vec<_>) = d.events[i]
                .mentions
                .iter()
                .cloned()
                .partition(|m| &m.article == article);
            if out.is_empty() || stay.is_empty() {
                return Err(MergeError::NothingToSplit(id.0.clone()));
            }
            let mut split = d.events[i].clone();
            split.id = new_id.clone();
            split.mentions = out;
            split.note = String::new();
            d.events[i].mentions = stay;
            // Split out and kept apart: not offered again as a merge.
            d.kept_apart.push((id.clone(), new_id.clone()));
            d.events.push(split);
        }
        DossierCommand::KeepApart(a, b) => {
            index(d, a)?;
            index(d, b)?;
            d.kept_apart.push((a.clone(), b.clone()));
        }
    }
    d.normalize();
    Ok(())
}
