//! Key dates in the window: worked out off the UI thread (with progress
//! for large dossiers), proposed on the dossier's timeline and listed in
//! the Inspector; accepting or dismissing one is a dossier command (one
//! undo step), remembered in the dossier file.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Receiver;

use jiff::civil::Date;

use super::OpenDossier;
use crate::app::StorylineApp;
use crate::dossier::DossierCommand;
use crate::dossier::key_dates::{KeyDate, KeyDates, Options, accept, event_id, key_dates};
use crate::store::layout::Pane;
use crate::timeline::LaneId;

/// Sentences shown per key date.
const SENTENCES: usize = 2;

/// What the reader can do with key dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyDatesAction {
    /// Show the proposals on the timeline and in the Inspector (or not).
    Show(bool),
    /// How many to propose (`None`: as many as the evidence supports).
    HowMany(Option<usize>),
    /// Select one (shown in the Inspector).
    Select(Option<Date>),
    /// The lane one goes to when accepted (`None`: its suggested lane).
    PickLane(Date, Option<LanePick>),
    /// Accept these (events with every source as a mention).
    Accept(Vec<Date>),
    /// Never propose these again.
    Dismiss(Vec<Date>),
    /// Propose these dismissed ones again.
    Restore(Vec<Date>),
}

/// A lane picked for a key date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LanePick {
    /// No lane.
    None,
    /// This lane of the dossier.
    Lane(LaneId),
}

/// Key dates of the open dossier.
///
/// Invariant: `found` was worked out for the articles and count of
/// `for_input`; a pending job replaces it when its input is still current.
#[derive(Default)]
pub struct KeyDatesState {
    /// The proposals are shown.
    pub shown: bool,
    /// How many to propose (`None`: as many as the evidence supports).
    pub how_many: Option<usize>,
    /// The last proposals worked out.
    pub found: Option<KeyDates>,
    /// The proposal selected.
    pub selected: Option<Date>,
    /// Lanes picked for proposals, by day.
    pub lanes: BTreeMap<Date, LanePick>,
    /// Grows when `found` changes (the chart's cache key).
    pub generation: u64,
    /// The days the timeline has a day-precise event on, as of a revision
    /// of the dossier (kept here so a frame does not resolve every event).
    on_timeline: (Option<u64>, std::collections::BTreeSet<Date>),
    for_input: Option<u64>,
    pending: Option<Job>,
}

/// A key-dates job on a worker thread.
struct Job {
    input: u64,
    rx: Receiver<KeyDates>,
    read: Arc<AtomicUsize>,
    of: usize,
}

impl KeyDatesState {
    /// Articles read so far and in all, while working.
    #[must_use]
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.pending
            .as_ref()
            .map(|j| (j.read.load(Ordering::Relaxed), j.of))
    }
}

impl OpenDossier {
    /// The proposals still open (not accepted, not dismissed, no event on
    /// their day yet), best first.
    #[must_use]
    pub fn open_key_dates(&self) -> Vec<&KeyDate> {
        let Some(found) = &self.key_dates.found else {
            return Vec::new();
        };
        found
            .dates
            .iter()
            .filter(|k| {
                self.dossier
                    .dismissed_key_dates
                    .binary_search(&k.date)
                    .is_err()
                    && self.dossier.event(&event_id(k)).is_none()
                    && !self.key_dates.on_timeline.1.contains(&k.date)
            })
            .collect()
    }

    /// The proposals the reader dismissed, best first.
    #[must_use]
    pub fn dismissed_key_dates(&self) -> Vec<&KeyDate> {
        self.key_dates.found.as_ref().map_or_else(Vec::new, |f| {
            f.dates
                .iter()
                .filter(|k| {
                    self.dossier
                        .dismissed_key_dates
                        .binary_search(&k.date)
                        .is_ok()
                })
                .collect()
        })
    }

    /// What the key dates are worked out from: the articles (paths and
    /// texts) and the count asked for.
    fn key_dates_input(&self) -> u64 {
        use std::hash::{Hash as _, Hasher as _};
        let mut h = std::hash::DefaultHasher::new();
        self.articles_input().hash(&mut h);
        self.key_dates.how_many.hash(&mut h);
        h.finish()
    }

    /// The articles as read (paths, texts, dates), as one number.
    pub(super) fn articles_input(&self) -> u64 {
        use std::hash::{Hash as _, Hasher as _};
        let mut h = std::hash::DefaultHasher::new();
        for a in &self.dossier.articles {
            (&a.path, &a.fingerprint, a.published).hash(&mut h);
        }
        h.finish()
    }

    /// Starts working out key dates when shown and stale; takes in a
    /// finished job.
    pub(crate) fn tick_key_dates(&mut self, ctx: &egui::Context) {
        if self.key_dates.found.is_none() && !self.key_dates.shown {
            return;
        }
        if self.key_dates.on_timeline.0 != Some(self.revision) {
            let days = self
                .dossier
                .events
                .iter()
                .map(crate::dossier::resolve)
                .filter(|r| r.start == r.end)
                .map(|r| r.start)
                .collect();
            self.key_dates.on_timeline = (Some(self.revision), days);
        }
        let input = self.key_dates_input();
        let k = &mut self.key_dates;
        if let Some(job) = &k.pending
            && let Ok(found) = job.rx.try_recv()
        {
            if job.input == input {
                k.found = Some(found);
                k.for_input = Some(input);
                k.generation += 1;
                // Fit the timeline to the events and the new proposals.
                self.timeline.view = None;
            }
            k.pending = None;
        }
        if let Some(job) = &k.pending {
            if job.input == input {
                ctx.request_repaint_after_secs(0.2);
            } else {
                k.pending = None;
            }
        }
        if !k.shown || k.pending.is_some() || k.for_input == Some(input) {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let (file, d) = (
            self.path.clone(),
            super::readable(&self.dossier, &self.outside),
        );
        let read = Arc::new(AtomicUsize::new(0));
        let opts = Options {
            dates: k.how_many,
            sentences: SENTENCES,
            from: None,
            to: None,
        };
        let (counter, ctx2) = (Arc::clone(&read), ctx.clone());
        let spawned = std::thread::Builder::new()
            .name("key-dates".into())
            .spawn(move || {
                let mut warnings = Vec::new();
                let corpus = crate::store::key_dates_io::read_corpus_counted(
                    &file,
                    &d,
                    (None, None),
                    &counter,
                    &mut warnings,
                );
                let _ = tx.send(key_dates(&corpus, &d.lanes, &opts));
                ctx2.request_repaint();
            });
        if spawned.is_ok() {
            k.pending = Some(Job {
                input,
                rx,
                read,
                of: self.dossier.articles.len(),
            });
            ctx.request_repaint_after_secs(0.2);
        }
    }
}

impl StorylineApp {
    /// Applies a key-dates action (accepting and dismissing are undoable
    /// dossier commands).
    pub(crate) fn key_dates_action(&mut self, action: KeyDatesAction, now: f64) {
        let Some(open) = &mut self.dossier else {
            return;
        };
        let mut said = None;
        let mut show = None;
        match action {
            KeyDatesAction::Show(on) => {
                open.key_dates.shown = on;
                if on {
                    open.show_all = true;
                    show = Some(Pane::Inspector);
                }
            }
            KeyDatesAction::HowMany(n) => open.key_dates.how_many = n,
            KeyDatesAction::Select(day) => {
                open.key_dates.selected = day;
                if day.is_some() {
                    open.timeline.selected = None;
                    show = Some(Pane::Inspector);
                }
            }
            KeyDatesAction::PickLane(day, pick) => {
                match pick {
                    Some(p) => open.key_dates.lanes.insert(day, p),
                    None => open.key_dates.lanes.remove(&day),
                };
                // The proposal moves to its lane on the timeline.
                open.key_dates.generation += 1;
            }
            KeyDatesAction::Accept(days) => {
                said = accept_days(open, &days, now);
            }
            KeyDatesAction::Dismiss(days) => {
                if open.key_dates.selected.is_some_and(|s| days.contains(&s)) {
                    open.key_dates.selected = None;
                }
                said = open.command(&DossierCommand::DismissKeyDates(days), now);
            }
            KeyDatesAction::Restore(days) => {
                said = open.command(&DossierCommand::RestoreKeyDates(days), now);
            }
        }
        self.messages.extend(said);
        if let Some(p) = show {
            self.show_pane(p);
        }
    }
}

/// Accepts the open proposals for `days`, each in its picked or suggested
/// lane: one undo step.
fn accept_days(open: &mut OpenDossier, days: &[Date], now: f64) -> Option<crate::app::Message> {
    let keys: Vec<KeyDate> = open
        .open_key_dates()
        .into_iter()
        .filter(|k| days.contains(&k.date))
        .cloned()
        .collect();
    if keys.is_empty() {
        return None;
    }
    let suggested = open
        .key_dates
        .found
        .as_ref()
        .map(|f| f.lanes.clone())
        .unwrap_or_default();
    let mut events = Vec::new();
    let mut lanes = Vec::new();
    // The picked lane for some, the suggested lane for the others; lanes
    // made for earlier ones are seen by later ones.
    let mut with_new = open.dossier.lanes.clone();
    for k in &keys {
        let pick = open.key_dates.lanes.get(&k.date);
        let mut k = k.clone();
        let lane = match pick {
            Some(LanePick::Lane(id)) => Some(id.clone()),
            Some(LanePick::None) => {
                k.lane = None;
                None
            }
            None => None,
        };
        let (e, l) = accept(&[&k], &with_new, lane.as_ref(), &suggested);
        with_new.extend(l.iter().cloned());
        lanes.extend(l);
        events.extend(e);
    }
    let n = events.len();
    let said = open.command(&DossierCommand::AddEvents(events, lanes), now);
    if said.is_none() {
        if open.key_dates.selected.is_some_and(|s| days.contains(&s)) {
            open.key_dates.selected = None;
        }
        return Some(crate::app::Message::notice(format!(
            "Added {} to the dossier's timeline. Ctrl+Z takes {} back.",
            crate::wording::count(n, "key date", "key dates"),
            if n == 1 { "it" } else { "them" }
        )));
    }
    said
}
