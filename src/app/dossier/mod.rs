//! The open dossier in the window: its library, one timeline across all
//! its articles, merge suggestions, and keeping it in step with the article
//! being read. The dossier itself is `crate::dossier` (pure); its file is
//! `store::dossier`.

pub(crate) mod chart;
mod event_edit_ui;
mod folder;
pub mod highlights;
pub(crate) mod inspector;
pub(crate) mod key_dates;
pub(crate) mod key_dates_ui;
pub(crate) mod library;
mod open;
pub(crate) mod queue;
pub(crate) mod queue_ui;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use super::timeline::TimelineState;
use crate::dossier::{Dossier, History, MergeSuggestion};
use crate::timeline::EventId;

/// Seconds after the last change before the dossier file is written.
const SAVE_DELAY: f64 = 0.5;

/// What the window can do to the open dossier (applied in one place).
#[derive(Clone, Debug, PartialEq)]
pub enum DossierAction {
    /// Read one of its articles (its stored path), at a char offset.
    OpenArticle(String, Option<usize>),
    /// The previous (`Back`) or next (`Forward`) article by publication date.
    Step(crate::app::Direction),
    /// Merge the second event into the first.
    Merge(EventId, EventId),
    /// Remember that two events are different.
    KeepApart(EventId, EventId),
    /// Split one article's mentions out of an event.
    Unmerge(EventId, String),
    /// Undo the last merge, split, keep-apart or removal of an article.
    Undo,
    /// Redo it.
    Redo,
    /// Select an event of the dossier's timeline.
    Select(Option<EventId>),
    /// The timeline shows the whole dossier (true) or the open article.
    ShowAll(bool),
    /// Ask for articles to add (a dialog).
    AskAdd,
    /// Add articles (files, or every article in a folder).
    Add(Vec<PathBuf>),
    /// Remove an article (its stored path); its save is kept; undoable.
    Remove(String),
    /// Ask where to create a new dossier (a dialog).
    AskNew,
    /// Create a dossier file there (with the open article) and open it.
    New(PathBuf),
    /// Close the dossier (the article stays open).
    Close,
    /// Import a bundle's articles (a news-database export, a mailbox) into
    /// the open dossier, or into a new one beside the bundle.
    ImportBundle(PathBuf),
    /// Show the whole dossier's highlights (true) or the article's.
    AllHighlights(bool),
    /// Key dates: show, count, select, accept, dismiss.
    KeyDates(key_dates::KeyDatesAction),
    /// Change an event's title, lanes and note (undoable).
    Edit(EventId, crate::dossier::EventEdit),
    /// Delete an event (undoable; its articles' events are not brought in
    /// again).
    Delete(EventId),
    /// The queue of suggested events, and the dossier's lanes.
    Queue(queue::QueueAction),
    /// Read the articles it lists outside its folder (the user agreed).
    TrustOutside,
    /// Keep the articles' highlights in the dossier's folder (`saves/`
    /// beside it), as `storyline dossier adopt` does.
    Adopt,
}

/// Merge suggestions, worked out off the UI thread.
#[derive(Default)]
pub struct MergeState {
    /// The suggestions for the dossier as of `for_revision`.
    pub list: Vec<MergeSuggestion>,
    for_revision: Option<u64>,
    pending: Option<(u64, Receiver<Vec<MergeSuggestion>>)>,
}

impl MergeState {
    /// Whether the suggestions are being worked out.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }
}

/// A dossier open in the window.
///
/// Invariants: `path` is absolute; `base` is what the file held when last
/// read or written (the base of a three-way merge with another writer);
/// `revision` grows with every change of `dossier`.
pub struct OpenDossier {
    /// The dossier file.
    pub path: PathBuf,
    /// It cannot be written here (a package's copy, a read-only folder):
    /// shown, never written; the window offers a working copy.
    pub read_only: bool,
    /// Whose name goes on the changes made through its commands.
    pub author: Option<String>,
    /// Watches the dossier file for a pull or a sync (started at the first
    /// tick).
    watch: Option<crate::store::watch::FileWatch>,
    /// The dossier as the window shows it.
    pub dossier: Dossier,
    base: Dossier,
    history: History,
    /// Stored paths of articles outside the dossier's folder the user has
    /// not agreed to read (also in `missing`: never read).
    pub outside: BTreeSet<String>,
    /// Stored paths of articles not found on disk (listed, kept).
    pub missing: BTreeSet<String>,
    /// The stored path of the article being read, when it is one of these.
    pub current: Option<String>,
    /// The timeline shows every article's events (else the open article's).
    pub show_all: bool,
    /// The Highlights pane lists every article's highlights.
    pub all_highlights: bool,
    /// The dossier timeline's view state.
    pub timeline: TimelineState,
    /// Merge suggestions.
    pub merges: MergeState,
    /// Key dates proposed for the dossier.
    pub key_dates: key_dates::KeyDatesState,
    /// Suggested events from every article, and lanes to make.
    pub queue: queue::QueueState,
    /// Highlights of every article, loaded on demand.
    pub highlights: highlights::DossierHighlights,
    revision: u64,
    dirty_at: Option<f64>,
    /// The article and annotation revision last brought into the dossier.
    synced: Option<(String, u64)>,
    /// Mentions taken out by the reader's deletes, for an undo to bring
    /// back where they were.
    forgotten: Vec<crate::dossier::Forgotten>,
    /// The highlight ids of other articles' saves here (read on demand).
    evidence: std::collections::BTreeMap<String, BTreeSet<crate::annotate::HighlightId>>,
    /// The timeline's filter, as typed.
    pub filter: FilterText,
    /// The chart's model, for this revision and filter.
    chart: (
        Option<(u64, u64)>,
        crate::dossier::view::EventFilter,
        chart::ChartModel,
    ),
}

/// `d` as far as it may be read: without the articles outside its folder
/// the user has not agreed to (`outside`), for work that reads the
/// articles' text, such as key dates and suggested events.
#[must_use]
pub(crate) fn readable(
    d: &crate::dossier::Dossier,
    outside: &BTreeSet<String>,
) -> crate::dossier::Dossier {
    let outside: Vec<String> = outside.iter().cloned().collect();
    crate::store::trust::readable(d, &outside)
}

/// The dossier timeline's filter as the reader set it (dates as typed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterText {
    /// Only this lane.
    pub lane: Option<crate::timeline::LaneId>,
    /// Only events told by this article (stored path).
    pub article: Option<String>,
    /// Only events whose evidence has this tag.
    pub tag: Option<String>,
    /// From this date, as typed.
    pub from: String,
    /// To this date, as typed.
    pub to: String,
    /// Only what this person made or last changed.
    pub by: Option<String>,
}

impl FilterText {
    /// The filter it sets (a date that does not parse is ignored).
    #[must_use]
    pub fn parsed(&self) -> crate::dossier::view::EventFilter {
        let date = |s: &str| crate::timeline::parse_user_date(s, None);
        crate::dossier::view::EventFilter {
            lane: self.lane.clone(),
            article: self.article.clone(),
            tag: self.tag.clone(),
            from: date(&self.from).map(|w| w.start),
            to: date(&self.to).map(|w| w.end),
            by: self.by.clone(),
        }
    }
}

impl OpenDossier {
    /// Whether an undo is possible.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether a redo is possible.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Marks the dossier changed at `now` (written shortly after).
    fn changed(&mut self, now: f64) {
        self.revision += 1;
        self.dirty_at.get_or_insert(now);
    }

    /// The index in `articles` of the article being read.
    #[must_use]
    pub fn current_index(&self) -> Option<usize> {
        let cur = self.current.as_deref()?;
        self.dossier.articles.iter().position(|a| a.path == cur)
    }
}
