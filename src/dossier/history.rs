//! Changes to a dossier's events as commands, each one undo step: merge,
//! split, keep apart, remove an article, add accepted key dates, dismiss
//! key dates.

use jiff::civil::Date;

use super::model::{Dossier, DossierEvent};
use crate::credit::Stamp;
use crate::timeline::{EventId, Lane};

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
    /// Take an article (its stored path) out of the dossier, with its
    /// mentions (events left with none go too); its save keeps its
    /// highlights and events. Undoable like the others.
    RemoveArticle(String),
    /// Add events (accepted key dates) and the lanes they need; an event
    /// or lane whose id is taken is left out.
    AddEvents(Vec<DossierEvent>, Vec<Lane>),
    /// Never propose these key dates again.
    DismissKeyDates(Vec<Date>),
    /// Propose these dismissed key dates again.
    RestoreKeyDates(Vec<Date>),
    /// Change an event's title, lanes and note.
    EditEvent(EventId, EventEdit),
    /// Delete an event (its articles' events are not brought in again,
    /// nor its sentences suggested again).
    DeleteEvent(EventId),
    /// Never suggest these sentences (article, phrase offset) again.
    DismissSuggestions(Vec<(String, usize)>),
    /// Add a lane (left out when its id is taken).
    AddLane(Lane),
    /// Rename a lane; its old name still brings articles' lanes there.
    RenameLane(crate::timeline::LaneId, String),
    /// Add lanes and put events in lanes (a suggested set of lanes).
    MakeLanes(Vec<Lane>, Vec<(EventId, crate::timeline::LaneId)>),
}

/// What the reader changed of a dossier event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventEdit {
    /// Its title.
    pub title: String,
    /// Its lanes.
    pub lanes: Vec<crate::timeline::LaneId>,
    /// Its note.
    pub note: String,
    /// Its dates as the reader set them (`None`: from its mentions).
    pub when: Option<crate::timeline::When>,
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
    /// No article with this path.
    #[error("no article {0} in the dossier")]
    NoArticle(String),
    /// No lane with this id.
    #[error("no lane {0} in the dossier")]
    NoLane(String),
}

/// The dossier's events with undo and redo. Each step keeps the events
/// (and kept-apart pairs) just before and just after its command; an undo
/// takes back only what the command did — a three-way merge of the
/// dossier now with the state before, over the state after — so what came
/// in since (another article's events, an edit, another writer's work) is
/// kept, never rolled back with it. Redo likewise.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// A dossier's events, kept-apart pairs and articles at one moment.
#[derive(Debug)]
struct Snapshot {
    events: Vec<DossierEvent>,
    kept_apart: Vec<(EventId, EventId)>,
    articles: Vec<super::model::DossierArticle>,
    lanes: Vec<Lane>,
    dismissed: Vec<Date>,
    deleted: Vec<(String, EventId)>,
    dismissed_suggestions: Vec<(String, usize)>,
    lane_aliases: Vec<(String, crate::timeline::LaneId)>,
}

impl Snapshot {
    fn of(d: &Dossier) -> Self {
        Snapshot {
            events: d.events.clone(),
            kept_apart: d.kept_apart.clone(),
            articles: d.articles.clone(),
            lanes: d.lanes.clone(),
            dismissed: d.dismissed_key_dates.clone(),
            deleted: d.deleted.clone(),
            dismissed_suggestions: d.dismissed_suggestions.clone(),
            lane_aliases: d.lane_aliases.clone(),
        }
    }
}

/// One command's effect: the events before it and after it.
#[derive(Debug)]
struct Step {
    before: Snapshot,
    after: Snapshot,
}

/// `d` with its events and pairs moved from `from` to `to`, keeping what
/// changed in `d` since `from`.
fn replay(d: &mut Dossier, from: &Snapshot, to: &Snapshot) {
    let with = |s: &Snapshot| Dossier {
        events: s.events.clone(),
        kept_apart: s.kept_apart.clone(),
        articles: s.articles.clone(),
        lanes: s.lanes.clone(),
        dismissed_key_dates: s.dismissed.clone(),
        deleted: s.deleted.clone(),
        dismissed_suggestions: s.dismissed_suggestions.clone(),
        lane_aliases: s.lane_aliases.clone(),
        ..d.clone()
    };
    let merged = super::sync::merge3(&with(from), d, &with(to));
    d.events = merged.events;
    d.kept_apart = merged.kept_apart;
    d.articles = merged.articles;
    // Lanes and dismissed key dates only when the step changed them (the
    // merge would put them in its own order).
    if from.lanes != to.lanes {
        d.lanes = merged.lanes;
    }
    if from.dismissed != to.dismissed {
        d.dismissed_key_dates = merged.dismissed_key_dates;
    }
    if from.deleted != to.deleted {
        d.deleted = merged.deleted;
    }
    if from.dismissed_suggestions != to.dismissed_suggestions {
        d.dismissed_suggestions = merged.dismissed_suggestions;
    }
    if from.lane_aliases != to.lane_aliases {
        d.lane_aliases = merged.lane_aliases;
    }
}

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
    /// Events it makes are credited to `stamp`'s writer, events it changes
    /// (an edit, a merge into one) record them as their last editor.
    pub fn apply(
        &mut self,
        d: &mut Dossier,
        cmd: &DossierCommand,
        stamp: &Stamp,
    ) -> Result<(), MergeError> {
        let before = Snapshot::of(d);
        apply(d, cmd)?;
        credit_events(&before.events, &mut d.events, stamp);
        // Lanes made or changed now carry when (the later wins a merge).
        for l in &mut d.lanes {
            if before.lanes.iter().all(|b| b != l) {
                l.modified = Some(stamp.at);
            }
        }
        let after = Snapshot::of(d);
        self.undo.push(Step { before, after });
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last change; false when there is none.
    pub fn undo(&mut self, d: &mut Dossier) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        replay(d, &step.after, &step.before);
        self.redo.push(step);
        true
    }

    /// Redoes the last undone change; false when there is none.
    pub fn redo(&mut self, d: &mut Dossier) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        replay(d, &step.before, &step.after);
        self.undo.push(step);
        true
    }
}

/// Credits the events of `after` that are new since `before` to `stamp`'s
/// writer, and those changed to them as last editor.
fn credit_events(before: &[DossierEvent], after: &mut [DossierEvent], stamp: &Stamp) {
    let old: std::collections::HashMap<&EventId, &DossierEvent> =
        before.iter().map(|e| (&e.id, e)).collect();
    for e in after {
        match old.get(&e.id) {
            None => e.credit.fill(stamp, true),
            Some(b) if *b != e => e.credit.edit(stamp, true),
            Some(_) => {}
        }
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
        DossierCommand::RemoveArticle(path) => {
            super::import::remove_article(d, path)
                .ok_or_else(|| MergeError::NoArticle(path.clone()))?;
        }
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
        DossierCommand::AddEvents(events, lanes) => {
            for l in lanes {
                if d.lanes.iter().all(|x| x.id != l.id) {
                    d.lanes.push(l.clone());
                }
            }
            for e in events {
                if d.event(&e.id).is_none() && !e.mentions.is_empty() {
                    d.events.push(e.clone());
                }
            }
        }
        DossierCommand::DismissKeyDates(days) => d.dismissed_key_dates.extend(days),
        DossierCommand::EditEvent(id, edit) => {
            let i = index(d, id)?;
            let e = &mut d.events[i];
            e.title.clone_from(&edit.title);
            e.lanes.clone_from(&edit.lanes);
            e.note.clone_from(&edit.note);
            e.when.clone_from(&edit.when);
        }
        DossierCommand::DeleteEvent(id) => {
            let i = index(d, id)?;
            let gone = d.events.remove(i);
            d.deleted.extend(
                gone.mentions
                    .iter()
                    .filter_map(|m| Some((m.article.clone(), m.source_event.clone()?))),
            );
            // Accepted from a suggestion: not suggested again.
            d.dismissed_suggestions.extend(
                gone.mentions
                    .iter()
                    .filter(|m| m.source_event.is_none())
                    .map(|m| (m.article.clone(), m.offset)),
            );
        }
        DossierCommand::DismissSuggestions(list) => {
            d.dismissed_suggestions.extend(list.iter().cloned());
        }
        DossierCommand::AddLane(lane) => {
            if d.lanes.iter().all(|l| l.id != lane.id) {
                d.lanes.push(lane.clone());
            }
        }
        DossierCommand::RenameLane(id, name) => {
            let lane = d
                .lanes
                .iter_mut()
                .find(|l| &l.id == id)
                .ok_or_else(|| MergeError::NoLane(id.0.clone()))?;
            let old = lane.name.trim().to_lowercase();
            name.trim().clone_into(&mut lane.name);
            if old != lane.name.to_lowercase() {
                d.lane_aliases.push((old, id.clone()));
            }
        }
        DossierCommand::MakeLanes(lanes, placed) => {
            for l in lanes {
                if d.lanes.iter().all(|x| x.id != l.id) {
                    d.lanes.push(l.clone());
                }
            }
            for (event, lane) in placed {
                if let Some(e) = d.events.iter_mut().find(|e| &e.id == event) {
                    e.lanes.push(lane.clone());
                }
            }
        }
        DossierCommand::RestoreKeyDates(days) => {
            d.dismissed_key_dates.retain(|x| !days.contains(x));
        }
    }
    d.normalize();
    Ok(())
}
