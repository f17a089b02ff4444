//! Adding an article to a dossier (its lanes and events come along, matched
//! and never duplicated) and removing it.

use super::model::{Dossier, DossierArticle, DossierEvent, Mention};
use crate::annotate::HighlightId;
use crate::timeline::{Event, EventId, Lane, LaneId};

/// What an article brings: its entry, and its save's lanes and events.
pub struct ArticleImport<'a> {
    /// The library entry (its `path` as the dossier stores it).
    pub article: DossierArticle,
    /// The lanes of its save.
    pub lanes: &'a [Lane],
    /// The events of its save.
    pub events: &'a [Event],
    /// The text and char offset of one of its highlights.
    pub evidence: &'a dyn Fn(&HighlightId) -> Option<(String, usize)>,
}

/// What adding an article did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddReport {
    /// True when the article was already in the dossier (its entry refreshed).
    pub already: bool,
    /// Lanes added (others matched an existing lane by name).
    pub lanes_added: usize,
    /// Events added.
    pub events_added: usize,
    /// Events already in the dossier (from an earlier add; refreshed).
    pub events_kept: usize,
    /// Mentions of events the article no longer has, removed.
    pub mentions_removed: usize,
}

/// An id not used by any event of `d`, based on `wanted`.
fn free_event_id(d: &Dossier, wanted: &EventId) -> EventId {
    let used = |id: &EventId| d.events.iter().any(|e| &e.id == id);
    if !used(wanted) {
        return wanted.clone();
    }
    // One of the first len+2 suffixes is free (each event takes at most one).
    (2..d.events.len() + 3)
        .map(|n| EventId(format!("{}-{n}", wanted.0)))
        .find(|id| !used(id))
        .unwrap_or_else(|| wanted.clone())
}

/// Adds (or refreshes) an article: its lanes are matched to the dossier's
/// by name (case-insensitive) or added; each of its events becomes a
/// dossier event with one mention, unless an earlier add brought it.
pub fn add_article(d: &mut Dossier, import: &ArticleImport<'_>) -> AddReport {
    let mut report = AddReport::default();
    let path = import.article.path.clone();
    if let Some(a) = d.articles.iter_mut().find(|a| a.path == path) {
        *a = import.article.clone();
        report.already = true;
    } else {
        d.articles.push(import.article.clone());
    }
    // Its lane ids → the dossier's.
    let mut lane_map: Vec<(LaneId, LaneId)> = Vec::new();
    for lane in import.lanes {
        let found = d
            .lanes
            .iter()
            .find(|l| l.name.trim().eq_ignore_ascii_case(lane.name.trim()));
        let id = if let Some(l) = found {
            l.id.clone()
        } else {
            let mut new = lane.clone();
            if d.lanes.iter().any(|l| l.id == new.id) {
                new.id = LaneId(format!("{}-{}", lane.id.0, d.lanes.len() + 1));
            }
            new.order = u32::try_from(d.lanes.len()).unwrap_or(u32::MAX);
            d.lanes.push(new.clone());
            report.lanes_added += 1;
            new.id
        };
        lane_map.push((lane.id.clone(), id));
    }
    // Events the article deleted since: their mentions go (and events left
    // with none); the others follow the article's edits.
    let mut removed = 0;
    for e in &mut d.events {
        e.mentions.retain(|m| {
            let keep = m.article != path
                || m.source_event
                    .as_ref()
                    .is_none_or(|src| import.events.iter().any(|ev| &ev.id == src));
            removed += usize::from(!keep);
            keep
        });
    }
    d.events.retain(|e| !e.mentions.is_empty());
    report.mentions_removed = removed;
    for event in import.events {
        let (quote, offset) = event
            .evidence
            .iter()
            .find_map(|h| (import.evidence)(h))
            .unwrap_or_default();
        let known = d.events.iter_mut().find_map(|e| {
            e.mentions
                .iter_mut()
                .find(|m| m.article == path && m.source_event.as_ref() == Some(&event.id))
        });
        if let Some(m) = known {
            m.when = event.when.clone();
            m.kind = event.kind;
            m.published = import.article.published;
            if m.evidence != event.evidence || m.quote.is_empty() {
                m.evidence.clone_from(&event.evidence);
                m.quote.clone_from(&quote);
                m.offset = offset;
            }
            report.events_kept += 1;
            continue;
        }
        let lanes = event
            .lanes
            .iter()
            .filter_map(|l| {
                lane_map
                    .iter()
                    .find(|(from, _)| from == l)
                    .map(|(_, to)| to.clone())
            })
            .collect();
        let id = free_event_id(d, &event.id);
        d.events.push(DossierEvent {
            id,
            title: event.title.clone(),
            lanes,
            mentions: vec![Mention {
                article: path.clone(),
                published: import.article.published,
                when: event.when.clone(),
                kind: event.kind,
                evidence: event.evidence.clone(),
                quote,
                offset,
                source_event: Some(event.id.clone()),
            }],
            note: event.note.clone(),
        });
        report.events_added += 1;
    }
    d.normalize();
    report
}

/// Removes an article and its mentions; events left with none go too (they
/// stay in the article's own save). Returns the events removed, or `None`
/// when the article is not in the dossier.
pub fn remove_article(d: &mut Dossier, path: &str) -> Option<usize> {
    let before = d.articles.len();
    d.articles.retain(|a| a.path != path);
    if d.articles.len() == before {
        return None;
    }
    for e in &mut d.events {
        e.mentions.retain(|m| m.article != path);
    }
    let gone: Vec<EventId> = d
        .events
        .iter()
        .filter(|e| e.mentions.is_empty())
        .map(|e| e.id.clone())
        .collect();
    d.events.retain(|e| !e.mentions.is_empty());
    d.kept_apart
        .retain(|(a, b)| !gone.contains(a) && !gone.contains(b));
    Some(gone.len())
}
