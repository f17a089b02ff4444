//! Building a dossier's timeline from its articles in Dossier mode: the
//! suggested events of every article in one queue (read off the UI thread,
//! only once asked for), and the dossier's own lanes — made, renamed, and
//! the suggested ones made for events that have none. Every change is an
//! undoable dossier command; the pure parts are `dossier::queue` and
//! `dossier::lanes`.

use std::sync::Arc;
use std::sync::mpsc::Receiver;

use super::OpenDossier;
use crate::app::StorylineApp;
use crate::dossier::DossierCommand;
use crate::dossier::key_dates::KdArticle;
use crate::dossier::lanes::{LaneProposal, new_lane, propose_lanes};
use crate::dossier::queue::{Suggested, accept, dismiss, suggested};
use crate::store::layout::Pane;
use crate::timeline::LaneId;

/// Suggestions shown at once (more on asking).
pub const PAGE: usize = 40;

/// The queue of suggested events from every article.
#[derive(Default)]
pub struct QueueState {
    /// The queue is open in the Inspector (its articles are read).
    pub shown: bool,
    /// How many are listed.
    pub listed: usize,
    /// The articles as read, for the article list they were read from.
    corpus: Option<(u64, Arc<Vec<KdArticle>>)>,
    pending: Option<(u64, Receiver<Vec<KdArticle>>)>,
    /// The suggestions as of a dossier revision.
    list: (Option<u64>, Vec<Suggested>),
    /// The lanes proposed for events without one, as of a revision.
    lanes: (Option<u64>, LaneProposal),
}

impl QueueState {
    /// The articles are being read.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// The suggestions (empty until read).
    #[must_use]
    pub fn list(&self) -> &[Suggested] {
        &self.list.1
    }

    /// The lanes proposed for events without a lane.
    #[must_use]
    pub fn lanes(&self) -> &LaneProposal {
        &self.lanes.1
    }
}

/// What the queue and the lanes section ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum QueueAction {
    /// Open or close the queue.
    Show(bool),
    /// List more suggestions.
    More,
    /// Accept these (article, offset), in this lane (else each its own).
    Accept(Vec<(String, usize)>, Option<LaneId>),
    /// Dismiss these.
    Dismiss(Vec<(String, usize)>),
    /// Make a lane with this name.
    AddLane(String),
    /// Rename a lane.
    RenameLane(LaneId, String),
    /// Make the proposed lanes and put the events without one in them.
    MakeLanes,
}

impl OpenDossier {
    /// Reads the articles when the queue is open and they changed; keeps
    /// the suggestions and the lane proposal in step with the dossier.
    pub(crate) fn tick_queue(&mut self, ctx: &egui::Context) {
        let rev = self.revision;
        if self.queue.lanes.0 != Some(rev) {
            self.queue.lanes = (Some(rev), propose_lanes(&self.dossier));
        }
        if !self.queue.shown {
            return;
        }
        let input = self.articles_input();
        let q = &mut self.queue;
        if let Some((job, rx)) = &q.pending
            && let Ok(corpus) = rx.try_recv()
        {
            if *job == input {
                q.corpus = Some((input, Arc::new(corpus)));
                q.list.0 = None;
            }
            q.pending = None;
        }
        if let Some((_, corpus)) = &q.corpus
            && q.list.0 != Some(rev)
        {
            q.list = (Some(rev), suggested(&self.dossier, corpus));
        }
        if q.pending.is_some() {
            ctx.request_repaint_after_secs(0.2);
            return;
        }
        if q.corpus.as_ref().is_some_and(|(i, _)| *i == input) {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let (file, d, ctx2) = (
            self.path.clone(),
            super::readable(&self.dossier, &self.outside),
            ctx.clone(),
        );
        let spawned = std::thread::Builder::new()
            .name("suggestions".into())
            .spawn(move || {
                let mut warnings = Vec::new();
                let corpus =
                    crate::store::key_dates_io::read_corpus(&file, &d, None, None, &mut warnings);
                let _ = tx.send(corpus);
                ctx2.request_repaint();
            });
        if spawned.is_ok() {
            q.pending = Some((input, rx));
            ctx.request_repaint_after_secs(0.2);
        }
    }

    /// The suggestions with these keys.
    fn picked(&self, keys: &[(String, usize)]) -> Vec<&Suggested> {
        self.queue
            .list()
            .iter()
            .filter(|s| keys.iter().any(|(a, o)| a == &s.article && *o == s.offset))
            .collect()
    }
}

impl StorylineApp {
    /// Applies a queue or lanes action (changes are undoable commands).
    pub(crate) fn queue_action(&mut self, action: QueueAction, now: f64) {
        let Some(open) = &mut self.dossier else {
            return;
        };
        let said = match action {
            QueueAction::Show(on) => {
                open.queue.shown = on;
                open.queue.listed = PAGE;
                if on {
                    open.show_all = true;
                    self.show_pane(Pane::Inspector);
                }
                return;
            }
            QueueAction::More => {
                open.queue.listed += PAGE;
                return;
            }
            QueueAction::Accept(keys, lane) => {
                let picked = open.picked(&keys);
                if picked.is_empty() {
                    return;
                }
                let n = picked.len();
                let cmd = accept(&picked, lane.as_ref());
                // The chart brings them into view.
                if let DossierCommand::AddEvents(events, _) = &cmd {
                    open.timeline
                        .reveal
                        .extend(events.iter().map(|e| e.id.clone()));
                }
                open.command(&cmd, now).or_else(|| {
                    Some(crate::app::Message::notice(format!(
                        "Added {} to the dossier's timeline. Ctrl+Z takes {} back.",
                        crate::wording::count(n, "event", "events"),
                        if n == 1 { "it" } else { "them" }
                    )))
                })
            }
            QueueAction::Dismiss(keys) => {
                let picked = open.picked(&keys);
                if picked.is_empty() {
                    return;
                }
                let cmd = dismiss(&picked);
                open.command(&cmd, now)
            }
            QueueAction::AddLane(name) => {
                if name.trim().is_empty() {
                    return;
                }
                let lane = new_lane(&open.dossier, &name);
                open.command(&DossierCommand::AddLane(lane), now)
            }
            QueueAction::RenameLane(id, name) => {
                if name.trim().is_empty() {
                    return;
                }
                open.command(&DossierCommand::RenameLane(id, name), now)
            }
            QueueAction::MakeLanes => {
                let p = propose_lanes(&open.dossier);
                if p.is_empty() {
                    return;
                }
                let (lanes, placed) = (p.new.len(), p.placed.len());
                open.command(&DossierCommand::MakeLanes(p.new, p.placed), now)
                    .or_else(|| {
                        Some(crate::app::Message::notice(format!(
                            "Made {} and put {} in lanes. Ctrl+Z takes it back.",
                            crate::wording::count(lanes, "lane", "lanes"),
                            crate::wording::count(placed, "event", "events"),
                        )))
                    })
            }
        };
        self.messages.extend(said);
    }
}
