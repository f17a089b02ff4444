//! The annotation set, the commands that change it, and undo/redo.

use std::collections::{BTreeMap, BTreeSet};

use thiserror::Error;

use super::anchor::{Anchor, AnchorStatus};
use super::{Highlight, HighlightColor, HighlightId, Selector, normalize_tags};
use crate::credit::Stamp;
use crate::document::{CharRange, TextIndex};
use crate::timeline::{Event, EventId, Lane, LaneId};

/// A highlight with where it sits in the current text.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The stored highlight.
    pub highlight: Highlight,
    /// Its place in the current text.
    pub anchor: Anchor,
}

impl Entry {
    /// The range it covers now, if anchored.
    #[must_use]
    pub fn range(&self) -> Option<CharRange> {
        self.anchor.range
    }

    fn sort_key(&self) -> (bool, usize, usize, &HighlightId) {
        if let Some(r) = self.anchor.range {
            (false, r.start.0, r.end.0, &self.highlight.id)
        } else {
            let p = self.highlight.selector.position;
            (true, p.start.0, p.end.0, &self.highlight.id)
        }
    }
}

/// Every change to annotations is one of these, applied by [`Annotations::apply`].
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Add a new highlight, anchored at its selector's position.
    Add(Highlight),
    /// Add a highlight that could not be found in the text (an imported
    /// annotation whose quote is not there): kept with its last known
    /// quote, among the orphans, to be reattached by hand.
    AddOrphan(Highlight),
    /// Delete a highlight.
    Delete(HighlightId),
    /// Change a highlight's colour.
    SetColor(HighlightId, HighlightColor),
    /// Replace a highlight's tags (normalised on the way in).
    SetTags(HighlightId, Vec<String>),
    /// Replace a highlight's note.
    SetNote(HighlightId, String),
    /// Attach a highlight (usually an orphan) to a new passage.
    Reattach(HighlightId, Selector),
    /// Delete a highlight and every event that rests on it.
    DeleteWithEvents(HighlightId),
    /// Add a lane.
    AddLane(Lane),
    /// Replace a lane (rename, colour, order, keywords).
    UpdateLane(Lane),
    /// Delete a lane; events left in no lane are deleted with it.
    DeleteLane(LaneId),
    /// Add an event.
    AddEvent(Event),
    /// Replace an event (title, date, lanes, evidence, note, kind).
    UpdateEvent(Event),
    /// Delete an event.
    DeleteEvent(EventId),
    /// Hide a suggested event (by its key).
    Dismiss(String),
    /// Show a dismissed suggestion again.
    Restore(String),
    /// Several commands as one undoable step.
    Batch(Vec<Command>),
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
}

/// A command that cannot be applied.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum AnnotateError {
    /// No highlight has this id.
    #[error("no highlight with id {0}")]
    Unknown(HighlightId),
    /// A highlight with this id already exists.
    #[error("a highlight with id {0} already exists")]
    Duplicate(HighlightId),
    /// The annotations are read-only (a save from a newer Storyline).
    #[error("these annotations are read-only")]
    ReadOnly,
    /// No lane has this id.
    #[error("no lane with id {0:?}")]
    UnknownLane(LaneId),
    /// No event has this id.
    #[error("no event with id {0:?}")]
    UnknownEvent(EventId),
    /// A lane or event with this id already exists.
    #[error("the id {0} is already used")]
    DuplicateId(String),
}

/// One item before and after a change (`None`: absent).
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A highlight.
    Highlight {
        /// Before.
        before: Option<Entry>,
        /// After.
        after: Option<Entry>,
    },
    /// A lane.
    Lane {
        /// Before.
        before: Option<Lane>,
        /// After.
        after: Option<Lane>,
    },
    /// An event.
    Event {
        /// Before.
        before: Option<Event>,
        /// After.
        after: Option<Event>,
    },
    /// A dismissed suggestion.
    Dismissed {
        /// Its key.
        key: String,
        /// Dismissed before.
        before: bool,
        /// Dismissed after.
        after: bool,
    },
}

impl Change {
    /// The same change, backwards.
    fn reversed(&self) -> Self {
        match self.clone() {
            Self::Highlight { before, after } => Self::Highlight {
                before: after,
                after: before,
            },
            Self::Lane { before, after } => Self::Lane {
                before: after,
                after: before,
            },
            Self::Event { before, after } => Self::Event {
                before: after,
                after: before,
            },
            Self::Dismissed { key, before, after } => Self::Dismissed {
                key,
                before: after,
                after: before,
            },
        }
    }
}

/// All highlights of one article, anchored to its current text, with undo history.
///
/// Invariants: ids are unique; `entries` are sorted anchored-first by
/// (start, end, id), then orphans by their last known position;
/// `revision` grows with every change (including undo and redo).
#[derive(Clone, Debug, Default)]
pub struct Annotations {
    entries: Vec<Entry>,
    pub(super) lanes: Vec<Lane>,
    pub(super) events: Vec<Event>,
    pub(super) dismissed: BTreeSet<String>,
    undo: Vec<Vec<Change>>,
    redo: Vec<Vec<Change>>,
    revision: u64,
    read_only: bool,
    max_len: usize,
    /// Highlights deleted, with when (tombstones): a copy of the save made
    /// elsewhere before the delete must not bring them back in a merge.
    removed: BTreeMap<HighlightId, jiff::Timestamp>,
    /// The time of the command being applied (for tombstones).
    clock: jiff::Timestamp,
}

impl Annotations {
    /// Anchors `highlights` to `text`.
    #[must_use]
    pub fn new(highlights: Vec<Highlight>, text: &str) -> Self {
        let mut this = Self::default();
        this.replace_all(highlights, text);
        this
    }

    /// Replaces every highlight (after a load or a merge), keeping the undo
    /// history, and re-anchors them to `text`.
    pub fn replace_all(&mut self, highlights: Vec<Highlight>, text: &str) {
        let anchors = super::anchor::anchor_all(text, highlights.iter().map(|h| &h.selector));
        self.entries = highlights
            .into_iter()
            .zip(anchors)
            .map(|(highlight, anchor)| Entry { highlight, anchor })
            .collect();
        // Ids are unique (a file from elsewhere may repeat one: the first
        // is kept).
        let mut seen = std::collections::HashSet::new();
        self.entries.retain(|e| seen.insert(e.highlight.id.clone()));
        self.resort();
        self.revision += 1;
    }

    /// The highlights deleted, with when, sorted by id (a save's
    /// tombstones).
    #[must_use]
    pub fn removed(&self) -> Vec<(HighlightId, jiff::Timestamp)> {
        self.removed
            .iter()
            .map(|(id, at)| (id.clone(), *at))
            .collect()
    }

    /// Replaces the tombstones (after a load or a merge).
    pub fn set_removed(&mut self, removed: Vec<(HighlightId, jiff::Timestamp)>) {
        self.removed = removed.into_iter().collect();
    }

    /// Marks the set read-only: every command is refused.
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    /// True when commands are refused.
    #[must_use]
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The entries in order (anchored first, then orphans).
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// How many entries are anchored (they come first).
    #[must_use]
    pub fn anchored_len(&self) -> usize {
        self.entries.partition_point(|e| e.anchor.range.is_some())
    }

    /// The orphaned entries.
    #[must_use]
    pub fn orphans(&self) -> &[Entry] {
        &self.entries[self.anchored_len()..]
    }

    /// The entry with this id.
    #[must_use]
    pub fn get(&self, id: &HighlightId) -> Option<&Entry> {
        self.entries.iter().find(|e| &e.highlight.id == id)
    }

    /// Anchored entries overlapping `range`, in order.
    pub fn overlapping(&self, range: CharRange) -> impl Iterator<Item = &Entry> {
        let anchored = &self.entries[..self.anchored_len()];
        let from = range.start.0.saturating_sub(self.max_len);
        let lo = anchored.partition_point(|e| e.range().is_some_and(|r| r.start.0 < from));
        let hi = anchored.partition_point(|e| e.range().is_some_and(|r| r.start < range.end));
        anchored[lo..hi.max(lo)].iter().filter(move |e| {
            e.range()
                .is_some_and(|r| r.overlaps(range) || (r.is_empty() && range.contains(r.start)))
        })
    }

    /// Bumped on every change; lets views cache what they derive.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Every tag in use with how many highlights carry it, sorted by tag.
    #[must_use]
    pub fn tag_counts(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for e in &self.entries {
            for t in &e.highlight.tags {
                *counts.entry(t.clone()).or_insert(0) += 1;
            }
        }
        counts
    }

    /// The highlights as they should be stored for `text`: anchored ones get a
    /// selector refreshed to their current place; orphans keep their last one.
    /// Sorted by position, then id.
    #[must_use]
    pub fn to_highlights(&self, text: &str) -> Vec<Highlight> {
        // Index the text only when some selector needs refreshing.
        let mut index: Option<TextIndex<'_>> = None;
        let mut out: Vec<Highlight> = self
            .entries
            .iter()
            .map(|e| {
                let mut h = e.highlight.clone();
                if let Some(range) = e.anchor.range
                    && e.anchor.status != AnchorStatus::Anchored
                {
                    let index = index.get_or_insert_with(|| TextIndex::new(text));
                    h.selector = Selector::from_range(index, range);
                }
                h
            })
            .collect();
        out.sort_by(|a, b| {
            (a.selector.position.start, a.selector.position.end, &a.id).cmp(&(
                b.selector.position.start,
                b.selector.position.end,
                &b.id,
            ))
        });
        out
    }

    /// Applies one command at time `now`. Returns whether anything changed.
    pub fn apply(&mut self, cmd: Command, at: impl Into<Stamp>) -> Result<bool, AnnotateError> {
        let stamp = at.into();
        self.clock = stamp.at;
        if self.read_only {
            return Err(AnnotateError::ReadOnly);
        }
        match cmd {
            Command::Undo => return Ok(self.step_history(true)),
            Command::Redo => return Ok(self.step_history(false)),
            _ => {}
        }
        let mut done = Vec::new();
        if let Err(e) = self.run(cmd, &stamp, &mut done) {
            // Roll back what part of a batch was applied.
            for c in done.iter().rev() {
                self.put_change(&c.reversed());
            }
            self.finish_change();
            return Err(e);
        }
        if done.is_empty() {
            return Ok(false);
        }
        self.undo.push(done);
        self.redo.clear();
        self.finish_change();
        Ok(true)
    }

    /// Applies `cmd`, appending what changed to `done`.
    fn run(
        &mut self,
        cmd: Command,
        stamp: &Stamp,
        done: &mut Vec<Change>,
    ) -> Result<(), AnnotateError> {
        let changes = match cmd {
            Command::Undo | Command::Redo => Vec::new(),
            Command::Batch(cmds) => {
                for c in cmds {
                    self.run(c, stamp, done)?;
                }
                return Ok(());
            }
            Command::Add(highlight) => self.plan_add(highlight, false, stamp)?,
            Command::AddOrphan(highlight) => self.plan_add(highlight, true, stamp)?,
            Command::Delete(id) => self.delete_highlight(&id, false, stamp)?,
            Command::DeleteWithEvents(id) => self.delete_highlight(&id, true, stamp)?,
            Command::SetColor(id, color) => self.edit(id, stamp, |e| {
                // A colour chosen: the reader's own highlight now.
                e.highlight.color = color;
                e.highlight.evidence = false;
            })?,
            Command::SetTags(id, tags) => {
                let tags = normalize_tags(&tags);
                self.edit(id, stamp, |e| e.highlight.tags = tags)?
            }
            Command::SetNote(id, note) => self.edit(id, stamp, |e| e.highlight.note = note)?,
            Command::Reattach(id, selector) => self.edit(id, stamp, |e| {
                e.anchor = Anchor::at(selector.position.range());
                e.highlight.selector = selector;
            })?,
            other => self.plan_timeline(other, stamp)?,
        };
        for c in changes {
            self.put_change(&c);
            done.push(c);
        }
        Ok(())
    }

    /// The change adding `highlight`: at its selector's position, or as an
    /// orphan.
    fn plan_add(
        &self,
        highlight: Highlight,
        orphan: bool,
        stamp: &Stamp,
    ) -> Result<Vec<Change>, AnnotateError> {
        if self.get(&highlight.id).is_some() {
            return Err(AnnotateError::Duplicate(highlight.id));
        }
        let mut highlight = highlight;
        highlight.tags = normalize_tags(&highlight.tags);
        highlight.credit.fill(stamp, false);
        let anchor = if orphan {
            Anchor::orphan()
        } else {
            Anchor::at(highlight.selector.position.range())
        };
        Ok(vec![Change::Highlight {
            before: None,
            after: Some(Entry { highlight, anchor }),
        }])
    }

    /// A change to one existing entry; empty when `f` changes nothing.
    fn edit(
        &self,
        id: HighlightId,
        stamp: &Stamp,
        f: impl FnOnce(&mut Entry),
    ) -> Result<Vec<Change>, AnnotateError> {
        let before = self.get(&id).cloned().ok_or(AnnotateError::Unknown(id))?;
        let mut after = before.clone();
        f(&mut after);
        if after == before {
            return Ok(Vec::new());
        }
        after.highlight.modified = stamp.at.max(before.highlight.created);
        after.highlight.credit.edit(stamp, false);
        Ok(vec![Change::Highlight {
            before: Some(before),
            after: Some(after),
        }])
    }

    fn step_history(&mut self, undo: bool) -> bool {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(group) = from.pop() else {
            return false;
        };
        to.push(group.clone());
        if undo {
            for c in group.iter().rev() {
                self.put_change(&c.reversed());
            }
        } else {
            for c in &group {
                self.put_change(c);
            }
        }
        self.finish_change();
        true
    }

    /// Makes one change (forwards).
    pub(super) fn put_change(&mut self, change: &Change) {
        match change.clone() {
            Change::Highlight { before, after } => self.put(before.as_ref(), after),
            Change::Lane { before, after } => {
                let id = before.as_ref().or(after.as_ref()).map(|l| l.id.clone());
                self.lanes.retain(|l| Some(&l.id) != id.as_ref());
                if let Some(l) = after {
                    self.lanes.push(l);
                }
                self.lanes
                    .sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
            }
            Change::Event { before, after } => {
                let id = before.as_ref().or(after.as_ref()).map(|e| e.id.clone());
                self.events.retain(|e| Some(&e.id) != id.as_ref());
                if let Some(e) = after {
                    self.events.push(e);
                }
                self.events.sort_by(|a, b| {
                    (a.when.start, a.when.end, &a.id).cmp(&(b.when.start, b.when.end, &b.id))
                });
            }
            Change::Dismissed { key, after, .. } => {
                if after {
                    self.dismissed.insert(key);
                } else {
                    self.dismissed.remove(&key);
                }
            }
        }
    }

    /// Replaces the entry `old` (by id) with `new`.
    fn put(&mut self, old: Option<&Entry>, new: Option<Entry>) {
        let id = old
            .map(|e| &e.highlight.id)
            .or(new.as_ref().map(|e| &e.highlight.id))
            .cloned();
        let mut was_removed = false;
        if let Some(id) = &id {
            self.entries.retain(|e| &e.highlight.id != id);
            was_removed = self.removed.contains_key(id);
            match (&new, old) {
                (None, Some(_)) => {
                    self.removed.insert(id.clone(), self.clock);
                }
                (Some(_), _) => {
                    self.removed.remove(id);
                }
                (None, None) => {}
            }
        }
        if let Some(mut new) = new {
            // Back after a delete (an undo): newer than its tombstone,
            // wherever that went meanwhile.
            if was_removed && old.is_none() && new.highlight.modified < self.clock {
                new.highlight.modified = self.clock;
            }
            let pos = self
                .entries
                .partition_point(|e| e.sort_key() < new.sort_key());
            self.entries.insert(pos, new);
        }
    }

    fn finish_change(&mut self) {
        self.revision += 1;
        self.max_len = self
            .entries
            .iter()
            .filter_map(Entry::range)
            .map(CharRange::len)
            .max()
            .unwrap_or(0);
    }

    fn resort(&mut self) {
        self.entries.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.finish_change();
    }
}
