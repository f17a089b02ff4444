//! The dossier's data: its articles, lanes, and events whose mentions come
//! from several articles. Plain data (serde), pure functions; no IO.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::annotate::HighlightId;
use crate::timeline::{EventId, EventKind, Lane, LaneId, When};

/// The dossier file format version written by this build.
pub const DOSSIER_VERSION: u32 = 1;

/// One story across many articles.
///
/// Invariants: `articles` are sorted by publication date (undated last),
/// then path, and no path appears twice; every mention's `article` is the
/// path of one of `articles`; event ids are unique; `kept_apart` pairs are
/// ordered (smaller id first), sorted and unique.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    /// File format version.
    pub version: u32,
    /// Its name ("Huawei and 5G").
    pub name: String,
    /// Its articles.
    #[serde(default)]
    pub articles: Vec<DossierArticle>,
    /// Lanes shared by all its articles.
    #[serde(default)]
    pub lanes: Vec<Lane>,
    /// Events, each with the mentions that report or expect it.
    #[serde(default)]
    pub events: Vec<DossierEvent>,
    /// Pairs of events the reader said are not the same (never offered
    /// again as a merge).
    #[serde(default)]
    pub kept_apart: Vec<(EventId, EventId)>,
    /// Key dates the reader dismissed (never proposed again), sorted and
    /// unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed_key_dates: Vec<Date>,
    /// Article events whose dossier event the reader deleted (article,
    /// the event's id in its save): not brought in again. Sorted, unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<(String, EventId)>,
    /// Sentences of its articles the reader dismissed as suggested events
    /// (article, char offset of the date phrase): not suggested again.
    /// Sorted, unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed_suggestions: Vec<(String, usize)>,
    /// Names the dossier's lanes had before the reader renamed them
    /// (lowercase), so an article's lane of that name still lands there.
    /// Sorted, unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lane_aliases: Vec<(String, LaneId)>,
}

/// An article of a dossier, with what the library shows of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierArticle {
    /// Path relative to the dossier file (with `/`), or absolute.
    pub path: String,
    /// Fingerprint of its text (finds it again when moved).
    pub fingerprint: String,
    /// Its title.
    pub title: String,
    /// Its source (publication), if known.
    #[serde(default)]
    pub source: Option<String>,
    /// Its publication date, if known.
    #[serde(default)]
    pub published: Option<Date>,
    /// Highlights in its save (cached for the library).
    #[serde(default)]
    pub highlights: usize,
    /// Orphaned highlights in its save (cached).
    #[serde(default)]
    pub orphans: usize,
}

/// One article's account of an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The article (its `path` as stored in the dossier).
    pub article: String,
    /// The article's publication date (what relative dates resolved against).
    #[serde(default)]
    pub published: Option<Date>,
    /// When, as this article says (the phrase is in `when.phrase`).
    pub when: When,
    /// Expected or reported, in this article.
    #[serde(default)]
    pub kind: EventKind,
    /// Its evidence: highlights of the article.
    #[serde(default)]
    pub evidence: Vec<HighlightId>,
    /// The evidence's text (or the sentence), for display without the article.
    #[serde(default)]
    pub quote: String,
    /// Char offset of the evidence in the article.
    #[serde(default)]
    pub offset: usize,
    /// The article's own event this mention came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_event: Option<EventId>,
}

/// An event of the dossier.
///
/// Invariant: at least one mention; mentions sorted by (article's date,
/// article, offset).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierEvent {
    /// Stable id.
    pub id: EventId,
    /// Its title.
    pub title: String,
    /// Its lanes.
    #[serde(default)]
    pub lanes: Vec<LaneId>,
    /// What each article says of it.
    pub mentions: Vec<Mention>,
    /// The reader's note.
    #[serde(default)]
    pub note: String,
    /// Its dates as the reader set them, over what its mentions say
    /// (`None`: resolved from the mentions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
    /// Who made it (accepted it, or its article's event's maker) and when;
    /// who last changed it (edited, merged another into it) and when.
    #[serde(default, skip_serializing_if = "crate::credit::Credit::is_empty")]
    pub credit: crate::credit::Credit,
}

/// Whether what an earlier article expected came as expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Forecast {
    /// Inside the expected window.
    AsExpected,
    /// Before it.
    Early,
    /// After it.
    Late,
}

impl Forecast {
    /// Its name in the CLI's JSON and the window.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Forecast::AsExpected => "as-expected",
            Forecast::Early => "early",
            Forecast::Late => "late",
        }
    }
}

/// An event's dates as its mentions together say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// First day it may be.
    pub start: Date,
    /// Last day (inclusive).
    pub end: Date,
    /// Its mentions cannot all be true (disjoint dates): shown, never
    /// silently resolved (the dates are then the most precise mention's).
    pub conflict: bool,
    /// The expected window, when an earlier article expected it.
    pub expected: Option<(Date, Date)>,
    /// The verdict, when an earlier article expected it and a later one
    /// reports it.
    pub forecast: Option<Forecast>,
}

/// The intersection of the mentions' ranges, or `None` when disjoint.
fn intersection<'a>(mentions: impl Iterator<Item = &'a Mention>) -> Option<(Date, Date)> {
    let mut out: Option<(Date, Date)> = None;
    for m in mentions {
        let (s, e) = (m.when.start, m.when.end);
        out = Some(match out {
            None => (s, e),
            Some((a, b)) => (a.max(s), b.min(e)),
        });
    }
    out.filter(|(a, b)| a <= b)
}

/// The most precise (shortest) range among `mentions`.
fn most_precise<'a>(mentions: impl Iterator<Item = &'a Mention>) -> Option<(Date, Date)> {
    mentions
        .map(|m| (m.when.start, m.when.end))
        .min_by_key(|(s, e)| (*e - *s).get_days())
}

/// The event's dates: the most precise range consistent with all the
/// mentions that report it (those that expect it when none reports it);
/// what the expected mentions said, and whether it came as expected.
#[must_use]
pub fn resolve(event: &DossierEvent) -> Resolved {
    let reported: Vec<&Mention> = event
        .mentions
        .iter()
        .filter(|m| m.kind == EventKind::Reported)
        .collect();
    let expected: Vec<&Mention> = event
        .mentions
        .iter()
        .filter(|m| m.kind == EventKind::Expected)
        .collect();
    let basis = if reported.is_empty() {
        &expected
    } else {
        &reported
    };
    let fallback = (
        event.mentions.first().map_or(Date::MIN, |m| m.when.start),
        event.mentions.first().map_or(Date::MIN, |m| m.when.end),
    );
    let (range, conflict) = match (&event.when, intersection(basis.iter().copied())) {
        // The reader's dates settle it.
        (Some(w), _) => ((w.start, w.end), false),
        (None, Some(r)) => (r, false),
        (None, None) => (
            most_precise(basis.iter().copied()).unwrap_or(fallback),
            basis.len() > 1,
        ),
    };
    // A forecast: expected by an article published before one that reports it.
    let first_report = reported.iter().filter_map(|m| m.published).min();
    let forecasts: Vec<&Mention> = expected
        .iter()
        .copied()
        .filter(|m| match (m.published, first_report) {
            (Some(p), Some(r)) => p <= r,
            _ => !reported.is_empty(),
        })
        .collect();
    let window =
        intersection(forecasts.iter().copied()).or_else(|| most_precise(forecasts.iter().copied()));
    let forecast = match (window, reported.is_empty()) {
        (Some((ws, we)), false) => Some(if range.1 < ws {
            Forecast::Early
        } else if range.0 > we {
            Forecast::Late
        } else {
            Forecast::AsExpected
        }),
        _ => None,
    };
    Resolved {
        start: range.0,
        end: range.1,
        conflict,
        expected: window.or_else(|| {
            if reported.is_empty() {
                None
            } else {
                intersection(expected.iter().copied())
            }
        }),
        forecast,
    }
}

impl Dossier {
    /// An empty dossier.
    #[must_use]
    pub fn new(name: &str) -> Self {
        Self {
            version: DOSSIER_VERSION,
            name: name.to_owned(),
            articles: Vec::new(),
            lanes: Vec::new(),
            events: Vec::new(),
            kept_apart: Vec::new(),
            dismissed_key_dates: Vec::new(),
            deleted: Vec::new(),
            dismissed_suggestions: Vec::new(),
            lane_aliases: Vec::new(),
        }
    }

    /// The article stored at `path`.
    #[must_use]
    pub fn article(&self, path: &str) -> Option<&DossierArticle> {
        self.articles.iter().find(|a| a.path == path)
    }

    /// The event with this id.
    #[must_use]
    pub fn event(&self, id: &EventId) -> Option<&DossierEvent> {
        self.events.iter().find(|e| &e.id == id)
    }

    /// Brings a file from elsewhere within the invariants: each article
    /// listed once, event ids unique (a repeated id gets a suffix), no
    /// mention of an article the dossier does not list, no event left
    /// without a mention. Returns how many things it changed.
    pub fn repair(&mut self) -> usize {
        let mut fixed = 0;
        let mut seen = std::collections::BTreeSet::new();
        let before = self.articles.len();
        self.articles.retain(|a| seen.insert(a.path.clone()));
        fixed += before - self.articles.len();
        let mut ids: std::collections::BTreeSet<EventId> = std::collections::BTreeSet::new();
        for e in &mut self.events {
            if !ids.insert(e.id.clone()) {
                let mut n = 2;
                while ids.contains(&EventId(format!("{}-{n}", e.id.0))) {
                    n += 1;
                }
                e.id = EventId(format!("{}-{n}", e.id.0));
                ids.insert(e.id.clone());
                fixed += 1;
            }
            let before = e.mentions.len();
            e.mentions.retain(|m| seen.contains(&m.article));
            fixed += before - e.mentions.len();
        }
        let before = self.events.len();
        self.events.retain(|e| !e.mentions.is_empty());
        fixed += before - self.events.len();
        fixed
    }

    /// Restores the invariants: articles by date then path, mentions in
    /// order, events by date then id, `kept_apart` ordered and unique.
    pub fn normalize(&mut self) {
        self.articles.sort_by(|a, b| {
            (a.published.is_none(), a.published, &a.path).cmp(&(
                b.published.is_none(),
                b.published,
                &b.path,
            ))
        });
        self.articles.dedup_by(|a, b| a.path == b.path);
        let order: Vec<String> = self.articles.iter().map(|a| a.path.clone()).collect();
        let rank = |p: &str| order.iter().position(|o| o == p).unwrap_or(usize::MAX);
        for e in &mut self.events {
            e.mentions.sort_by_key(|m| (rank(&m.article), m.offset));
            e.lanes.sort();
            e.lanes.dedup();
        }
        // Each event resolved once, not once per comparison.
        self.events.sort_by_cached_key(|e| {
            let r = resolve(e);
            (r.start, r.end, e.id.clone())
        });
        self.dismissed_key_dates.sort();
        self.dismissed_key_dates.dedup();
        self.deleted.sort();
        self.deleted.dedup();
        self.dismissed_suggestions.sort();
        self.dismissed_suggestions.dedup();
        self.lane_aliases.sort();
        self.lane_aliases.dedup();
        for pair in &mut self.kept_apart {
            if pair.1 < pair.0 {
                std::mem::swap(&mut pair.0, &mut pair.1);
            }
        }
        self.kept_apart.sort();
        self.kept_apart.dedup();
    }
}
