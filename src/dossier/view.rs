//! The dossier as one timeline: each event with its dates resolved across
//! its mentions, its number of sources and its verdict in its title — what
//! the window's chart and the SVG and HTML exports draw.

use super::model::{Dossier, DossierEvent, Forecast, Mention, Resolved, resolve};
use crate::timeline::{Event, EventKind, Precision, When};

/// "January 28, 2020".
#[must_use]
pub fn long_date(d: jiff::civil::Date) -> String {
    d.strftime("%B %-d, %Y").to_string()
}

/// "Jan 28, 2020".
#[must_use]
pub fn short_date(d: jiff::civil::Date) -> String {
    d.strftime("%b %-d, %Y").to_string()
}

/// A day or an inclusive range of days, in `fmt` ("Jan 27, 2020 – Feb 2,
/// 2020").
#[must_use]
pub fn date_span(
    start: jiff::civil::Date,
    end: jiff::civil::Date,
    fmt: fn(jiff::civil::Date) -> String,
) -> String {
    if start == end {
        fmt(start)
    } else {
        format!("{} – {}", fmt(start), fmt(end))
    }
}

/// How many articles an event's mentions come from.
#[must_use]
pub fn source_count(e: &DossierEvent) -> usize {
    e.mentions
        .iter()
        .map(|m| m.article.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

/// The title as the timeline shows it: "UK decides · 3 sources · as
/// expected" (one source says nothing; a conflict says so).
#[must_use]
pub fn shown_title(e: &DossierEvent, r: &Resolved) -> String {
    let mut title = e.title.clone();
    let n = source_count(e);
    if n > 1 {
        title = format!("{title} · {n} sources");
    }
    match r.forecast {
        Some(Forecast::AsExpected) => title.push_str(" · as expected"),
        Some(Forecast::Early) => title.push_str(" · early"),
        Some(Forecast::Late) => title.push_str(" · late"),
        None => {}
    }
    if r.conflict {
        title.push_str(" · dates conflict");
    }
    title
}

/// The event as a timeline event: its resolved dates (with the precision
/// of the mention that gives them), reported when any mention reports it.
#[must_use]
pub fn as_event(e: &DossierEvent, r: &Resolved) -> Event {
    let precise = e
        .mentions
        .iter()
        .find(|m| m.when.start == r.start && m.when.end == r.end);
    let when = match (&e.when, precise) {
        (Some(w), _) => w.clone(),
        (None, Some(m)) => m.when.clone(),
        (None, None) if r.start == r.end => When::day(r.start),
        (None, None) => When::span(r.start, r.end, Precision::Range),
    };
    let reported = e.mentions.iter().any(|m| m.kind == EventKind::Reported);
    Event {
        credit: e.credit.clone(),
        id: e.id.clone(),
        title: shown_title(e, r),
        when,
        lanes: e.lanes.clone(),
        evidence: Vec::new(),
        note: e.note.clone(),
        kind: if reported {
            EventKind::Reported
        } else {
            EventKind::Expected
        },
        modified: jiff::Timestamp::UNIX_EPOCH,
        source: None,
    }
}

/// Every event of `d` as a timeline event, with how it resolved.
#[must_use]
pub fn timeline(d: &Dossier) -> Vec<(Event, Resolved)> {
    d.events
        .iter()
        .map(|e| {
            let r = resolve(e);
            (as_event(e, &r), r)
        })
        .collect()
}

/// Which of the dossier's events the timeline shows.
///
/// Invariant: an empty filter keeps every event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Only events in this lane.
    pub lane: Option<crate::timeline::LaneId>,
    /// Only events one of whose sources is this article (its stored path).
    pub article: Option<String>,
    /// Only events whose evidence carries this tag.
    pub tag: Option<String>,
    /// Only events ending on or after this day.
    pub from: Option<jiff::civil::Date>,
    /// Only events starting on or before this day.
    pub to: Option<jiff::civil::Date>,
    /// Only events this person made or last changed.
    pub by: Option<String>,
}

impl EventFilter {
    /// Whether it keeps everything.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether `e` (resolved as `r`) is shown; `tags` gives the tags of a
    /// mention's evidence.
    #[must_use]
    pub fn keeps(
        &self,
        e: &DossierEvent,
        r: &Resolved,
        tags: &dyn Fn(&super::Mention) -> Vec<String>,
    ) -> bool {
        self.lane.as_ref().is_none_or(|l| e.lanes.contains(l))
            && self
                .article
                .as_ref()
                .is_none_or(|a| e.mentions.iter().any(|m| &m.article == a))
            && self
                .tag
                .as_ref()
                .is_none_or(|t| e.mentions.iter().any(|m| tags(m).contains(t)))
            && self.from.is_none_or(|f| r.end >= f)
            && self.to.is_none_or(|t| r.start <= t)
            && self.by.as_ref().is_none_or(|b| e.credit.involves(b))
    }
}

/// The forecast verdict in words: "expected January 27 – February 2, 2020
/// (Wall Street Journal, Jan 23, 2020), happened January 28, 2020
/// (Storyline sample brief, Jan 28, 2020): as expected".
#[must_use]
pub fn verdict(d: &Dossier, e: &DossierEvent) -> Option<String> {
    let r = resolve(e);
    let (ws, we) = r.expected?;
    let f = r.forecast?;
    let word = match f {
        Forecast::AsExpected => "as expected",
        Forecast::Early => "early",
        Forecast::Late => "late",
    };
    let by = |k: EventKind| {
        e.mentions
            .iter()
            .filter(|m| m.kind == k)
            .min_by_key(|m| m.published)
            .map(|m| format!(" ({})", who(d, m)))
            .unwrap_or_default()
    };
    Some(format!(
        "expected {}{}, happened {}{}: {word}",
        date_span(ws, we, long_date),
        by(EventKind::Expected),
        date_span(r.start, r.end, long_date),
        by(EventKind::Reported)
    ))
}

/// Who said it, briefly: the article's source (else its title) and date.
#[must_use]
pub fn who(d: &Dossier, m: &Mention) -> String {
    let article = d.article(&m.article);
    let name = article
        .and_then(|a| a.source.clone())
        .or_else(|| article.map(|a| a.title.clone()))
        .unwrap_or_else(|| m.article.clone());
    match m.published {
        Some(p) => format!("{name}, {}", short_date(p)),
        None => name,
    }
}

/// The dossier's chronology: every event `filter` keeps, with its lanes,
/// the articles that tell it (in order of publication) and its verdict.
/// Sorted.
#[must_use]
pub fn chronology(
    d: &Dossier,
    filter: &EventFilter,
    tags: &dyn Fn(&Mention) -> Vec<String>,
) -> Vec<crate::timeline::chronology::Row> {
    use crate::timeline::chronology::{Citation, Row, Verdict, lanes_of, sort};
    let mut rows: Vec<Row> = d
        .events
        .iter()
        .filter_map(|e| {
            let r = resolve(e);
            if !filter.is_empty() && !filter.keeps(e, &r, tags) {
                return None;
            }
            let mut sources: Vec<Citation> = Vec::new();
            let mut mentions: Vec<&Mention> = e.mentions.iter().collect();
            mentions.sort_by_key(|m| (m.published.is_none(), m.published, &m.article));
            for m in mentions {
                let article = d.article(&m.article);
                let name = article
                    .and_then(|a| a.source.clone())
                    .or_else(|| article.map(|a| a.title.clone()))
                    .unwrap_or_else(|| m.article.clone());
                let c = Citation {
                    name,
                    date: m.published,
                };
                if !sources.contains(&c) {
                    sources.push(c);
                }
            }
            let verdict = match r.forecast {
                Some(Forecast::AsExpected) => Some(Verdict::AsExpected),
                Some(Forecast::Early) => Some(Verdict::Early),
                Some(Forecast::Late) => Some(Verdict::Late),
                None if e.mentions.iter().all(|m| m.kind == EventKind::Expected) => {
                    Some(Verdict::Expected)
                }
                None => None,
            };
            Some(Row {
                id: e.id.clone(),
                when: as_event(e, &r).when,
                title: e.title.clone(),
                lanes: lanes_of(&e.lanes, &d.lanes),
                sources,
                verdict,
                conflict: r.conflict,
            })
        })
        .collect();
    sort(&mut rows);
    rows
}
