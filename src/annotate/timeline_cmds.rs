//! The timeline half of [`Annotations`]: lanes, events, dismissed
//! suggestions, and the commands that change them.

use super::HighlightId;
use super::model::{AnnotateError, Annotations, Change, Command};
use crate::credit::Stamp;
use crate::timeline::{Event, EventId, Lane, LaneId};

impl Annotations {
    /// The lanes, sorted by order then id.
    #[must_use]
    pub fn lanes(&self) -> &[Lane] {
        &self.lanes
    }

    /// The events, sorted by date then id.
    #[must_use]
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The lane with this id.
    #[must_use]
    pub fn lane(&self, id: &LaneId) -> Option<&Lane> {
        self.lanes.iter().find(|l| &l.id == id)
    }

    /// The event with this id.
    #[must_use]
    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.events.iter().find(|e| &e.id == id)
    }

    /// Keys of dismissed suggestions, sorted.
    #[must_use]
    pub fn dismissed(&self) -> Vec<String> {
        self.dismissed.iter().cloned().collect()
    }

    /// True when the suggestion with this key was dismissed.
    #[must_use]
    pub fn is_dismissed(&self, key: &str) -> bool {
        self.dismissed.contains(key)
    }

    /// The events that rest on a highlight.
    pub fn events_citing<'a>(&'a self, id: &'a HighlightId) -> impl Iterator<Item = &'a Event> {
        self.events.iter().filter(move |e| e.evidence.contains(id))
    }

    /// Replaces lanes, events and dismissed keys (after a load or a merge),
    /// keeping the undo history.
    pub fn replace_timeline(
        &mut self,
        lanes: Vec<Lane>,
        events: Vec<Event>,
        dismissed: Vec<String>,
    ) {
        self.lanes = lanes;
        self.lanes
            .sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
        self.events = events;
        for e in &mut self.events {
            e.normalize();
        }
        self.events.sort_by(|a, b| {
            (a.when.start, a.when.end, &a.id).cmp(&(b.when.start, b.when.end, &b.id))
        });
        self.dismissed = dismissed.into_iter().collect();
    }

    /// Deleting a highlight: unlink it from the events that cite it, or
    /// delete those events too.
    pub(super) fn delete_highlight(
        &self,
        id: &HighlightId,
        with_events: bool,
        stamp: &Stamp,
    ) -> Result<Vec<Change>, AnnotateError> {
        let before = self
            .get(id)
            .cloned()
            .ok_or_else(|| AnnotateError::Unknown(id.clone()))?;
        let mut changes = vec![Change::Highlight {
            before: Some(before),
            after: None,
        }];
        for event in self.events_citing(id) {
            let after = if with_events {
                None
            } else {
                let mut e = event.clone();
                e.evidence.retain(|h| h != id);
                e.modified = stamp.at;
                e.credit.edit(stamp, false);
                Some(e)
            };
            changes.push(Change::Event {
                before: Some(event.clone()),
                after,
            });
        }
        Ok(changes)
    }

    /// Plans a lane, event or suggestion command.
    pub(super) fn plan_timeline(
        &self,
        cmd: Command,
        stamp: &Stamp,
    ) -> Result<Vec<Change>, AnnotateError> {
        Ok(match cmd {
            Command::AddLane(mut lane) => {
                if self.lane(&lane.id).is_some() {
                    return Err(AnnotateError::DuplicateId(lane.id.0));
                }
                lane.modified = Some(stamp.at);
                vec![Change::Lane {
                    before: None,
                    after: Some(lane),
                }]
            }
            Command::UpdateLane(mut lane) => {
                let before = self
                    .lane(&lane.id)
                    .cloned()
                    .ok_or_else(|| AnnotateError::UnknownLane(lane.id.clone()))?;
                lane.modified = before.modified;
                if before == lane {
                    return Ok(Vec::new());
                }
                lane.modified = Some(stamp.at);
                vec![Change::Lane {
                    before: Some(before),
                    after: Some(lane),
                }]
            }
            Command::DeleteLane(id) => {
                let before = self
                    .lane(&id)
                    .cloned()
                    .ok_or_else(|| AnnotateError::UnknownLane(id.clone()))?;
                let mut changes = vec![Change::Lane {
                    before: Some(before),
                    after: None,
                }];
                for event in self.events.iter().filter(|e| e.lanes.contains(&id)) {
                    let mut e = event.clone();
                    e.lanes.retain(|l| l != &id);
                    e.modified = stamp.at;
                    e.credit.edit(stamp, false);
                    let after = (!e.lanes.is_empty()).then_some(e);
                    changes.push(Change::Event {
                        before: Some(event.clone()),
                        after,
                    });
                }
                changes
            }
            Command::AddEvent(mut event) => {
                if self.event(&event.id).is_some() {
                    return Err(AnnotateError::DuplicateId(event.id.0));
                }
                event.normalize();
                event.modified = stamp.at;
                event.credit.fill(stamp, true);
                vec![Change::Event {
                    before: None,
                    after: Some(event),
                }]
            }
            Command::UpdateEvent(mut event) => {
                let before = self
                    .event(&event.id)
                    .cloned()
                    .ok_or_else(|| AnnotateError::UnknownEvent(event.id.clone()))?;
                event.normalize();
                event.modified = before.modified;
                // Who made it is not the editor's to change.
                event.credit.clone_from(&before.credit);
                if before == event {
                    return Ok(Vec::new());
                }
                event.modified = stamp.at;
                event.credit.edit(stamp, false);
                vec![Change::Event {
                    before: Some(before),
                    after: Some(event),
                }]
            }
            Command::DeleteEvent(id) => {
                let before = self
                    .event(&id)
                    .cloned()
                    .ok_or(AnnotateError::UnknownEvent(id))?;
                vec![Change::Event {
                    before: Some(before),
                    after: None,
                }]
            }
            Command::Dismiss(key) => {
                if self.dismissed.contains(&key) {
                    return Ok(Vec::new());
                }
                vec![Change::Dismissed {
                    key,
                    before: false,
                    after: true,
                }]
            }
            Command::Restore(key) => {
                if !self.dismissed.contains(&key) {
                    return Ok(Vec::new());
                }
                vec![Change::Dismissed {
                    key,
                    before: true,
                    after: false,
                }]
            }
            // Highlight commands, undo, redo and batches are handled by `run`.
            _ => Vec::new(),
        })
    }
}
