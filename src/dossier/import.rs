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
    /// Mentions of events its save does not hold (kept: absence is not
    /// deletion — the save may be missing, elsewhere, or not yet read).
    pub mentions_not_in_save: usize,
}

/// A mention taken out of the dossier by an explicit delete, with the
/// event it was in as it was, so that an undo puts it back where it was
/// (its merge with other articles' mentions included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Forgotten {
    /// The event as it was before the mention was taken out.
    pub event: DossierEvent,
    /// The mention taken out.
    pub mention: Mention,
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
        // By name, or by a name the reader renamed the lane from.
        let name = lane.name.trim().to_lowercase();
        let found = d
            .lanes
            .iter()
            .find(|l| l.name.trim().to_lowercase() == name)
            .or_else(|| {
                let (_, id) = d.lane_aliases.iter().find(|(n, _)| *n == name)?;
                d.lanes.iter().find(|l| &l.id == id)
            });
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
    // Mentions of events its save does not hold stay: only an explicit
    // delete ([`forget_events`]) takes a mention out.
    report.mentions_not_in_save = d
        .events
        .iter()
        .flat_map(|e| &e.mentions)
        .filter(|m| {
            m.article == path
                && m.source_event
                    .as_ref()
                    .is_some_and(|src| !import.events.iter().any(|ev| &ev.id == src))
        })
        .count();
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
        // Deleted by the reader in the dossier: not brought in again.
        if known.is_none() && d.deleted.iter().any(|(a, e)| a == &path && e == &event.id) {
            continue;
        }
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
        // The article's event's maker made it (the time: when it changed).
        let mut credit = event.credit.clone();
        if credit.author.is_some() && credit.created.is_none() {
            credit.created = Some(event.modified);
        }
        d.events.push(DossierEvent {
            credit,
            when: None,
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

/// Takes out the mentions that came from `events` of `article` — events
/// the reader deleted in that article — and events left with none.
/// Returns what was taken out, for [`recall`] to put back on an undo.
pub fn forget_events(d: &mut Dossier, article: &str, events: &[EventId]) -> Vec<Forgotten> {
    let mut out = Vec::new();
    for e in &mut d.events {
        let before = e.clone();
        e.mentions.retain(|m| {
            let gone = m.article == article
                && m.source_event
                    .as_ref()
                    .is_some_and(|src| events.contains(src));
            if gone {
                out.push(Forgotten {
                    event: before.clone(),
                    mention: m.clone(),
                });
            }
            !gone
        });
    }
    d.events.retain(|e| !e.mentions.is_empty());
    out
}

/// Puts back the forgotten mentions of `article` whose events it has again
/// (`present`: an undo of the delete), each into its event as it was — or
/// that event again, with the id it had, when it went with the mention.
/// Returns how many came back; the rest stay in `forgotten`.
pub fn recall(
    d: &mut Dossier,
    forgotten: &mut Vec<Forgotten>,
    article: &str,
    present: &[EventId],
) -> usize {
    let mut back = 0;
    let mut keep = Vec::new();
    for f in std::mem::take(forgotten) {
        let here = f.mention.article == article
            && f.mention
                .source_event
                .as_ref()
                .is_some_and(|src| present.contains(src));
        let already =
            d.events.iter().flat_map(|e| &e.mentions).any(|m| {
                m.article == f.mention.article && m.source_event == f.mention.source_event
            });
        if !here || already {
            if !here {
                keep.push(f);
            }
            continue;
        }
        if let Some(e) = d.events.iter_mut().find(|e| e.id == f.event.id) {
            e.mentions.push(f.mention);
        } else {
            let mut e = f.event;
            e.mentions = vec![f.mention];
            d.events.push(e);
        }
        back += 1;
    }
    *forgotten = keep;
    if back > 0 {
        d.normalize();
    }
    back
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
