//! What the user can ask the app to do ([`Command`]), and the messages it
//! shows back ([`Message`]).

use std::path::PathBuf;

use crate::annotate::{self, HighlightColor, HighlightId};
use crate::document::{CharIdx, CharRange};
use crate::store::ThemeChoice;

/// Everything the user can ask the app to do, by the area that handles it.
///
/// Each area's enum is handled by one exhaustive `match` in its view's
/// module (see `docs/architecture.md`): a new variant does not compile until
/// its handler says what it does.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// The reading pane (`app/reader/`).
    Reader(ReaderCommand),
    /// The highlights and the save (`app/highlights/`).
    Highlights(HighlightsCommand),
    /// The article's timeline (`app/timeline/`).
    Timeline(TimelineCommand),
    /// Something done to the open dossier (`app/dossier/`).
    Dossier(crate::app::dossier::DossierAction),
    /// Exports (`app/export_ui.rs`).
    Export(ExportCommand),
    /// The tiles (`app/panes.rs`).
    Workspace(WorkspaceCommand),
    /// The window (`app/mod.rs`).
    Window(WindowCommand),
}

/// The reading pane: zoom, find, scrolling, the selection, links.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum ReaderCommand {
    /// Multiply the text zoom.
    Zoom(f32),
    /// Back to 100 %.
    ZoomReset,
    /// Show the find bar and focus it.
    OpenFind,
    /// Hide the find bar.
    CloseFind,
    /// Go to the next or the previous find match.
    FindStep(Direction),
    /// Recompute the find matches for the current query.
    RefreshFind,
    /// Open a link from the article (http, https and mailto only).
    OpenLink(String),
    /// Scroll by this many screens.
    Page(f32),
    /// Jump to the start or end of the article.
    JumpTo(CharIdx),
    /// Scroll the article to a passage and flash it.
    Reveal(CharRange),
    /// Copy the selected text.
    CopySelection,
    /// Clear the text selection.
    ClearSelection,
    /// Grow or shrink the selection from the keyboard.
    ExtendSelection {
        /// Towards the end of the article.
        forward: bool,
        /// By word.
        word: bool,
        /// By paragraph.
        block: bool,
    },
}

/// The open article's highlights, its save and its publication date.
#[must_use]
#[allow(
    clippy::large_enum_variant,
    reason = "made one per user action and handled at once, never stored in bulk"
)]
#[derive(Clone, Debug, PartialEq)]
pub enum HighlightsCommand {
    /// Highlight the selection in this colour.
    Highlight(HighlightColor),
    /// Change the annotations (add, edit, delete, undo, redo).
    Annotate(annotate::Command),
    /// Select a highlight in the Highlights pane (`None`: none), and show it
    /// in the article too or not.
    FocusHighlight(Option<HighlightId>, Show),
    /// Move the Highlights list's selection by this many rows.
    MoveFocus(i32),
    /// Show the selected highlight in the article (and flash it).
    RevealFocused,
    /// Delete the selected highlight (asking when events rest on it) and
    /// select the next row.
    DeleteFocused,
    /// Attach this (orphaned) highlight to the selection.
    Reattach(HighlightId),
    /// Replace a damaged save with its backup.
    RestoreBackup,
    /// Delete a highlight, asking first when events rest on it.
    AskDeleteHighlight(HighlightId),
    /// Ask for a file of annotations to import onto the open article.
    ShowImportDialog,
    /// Import the annotations in this file onto the open article.
    ImportAnnotations(PathBuf, Unmatched),
    /// Open the publication-date dialog.
    AskPublished,
    /// Set or clear the publication date the user gave (ISO `YYYY-MM-DD`).
    SetPublished(Option<String>),
}

/// The open article's timeline: lanes, events, suggestions.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum TimelineCommand {
    /// Add a lane (and open its editor).
    AddLane,
    /// Open a lane's editor.
    EditLane(crate::timeline::LaneId),
    /// Move a lane up (`Back`) or down (`Forward`).
    MoveLane(crate::timeline::LaneId, Direction),
    /// Select an event (`None`: none): its evidence flashes.
    SelectEvent(Option<crate::timeline::EventId>),
    /// Show these dates on the timeline.
    SetTimelineView(crate::timeline::layout::DayRange),
    /// Make an event from a highlight, dated by the phrase at this range
    /// (`None`: its only date, or ask when it has several).
    AddToTimeline(HighlightId, Option<CharRange>),
    /// Accept these suggested events (by key).
    AcceptSuggestions(Vec<String>),
}

/// Exporting the article or the dossier.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum ExportCommand {
    /// Open the export window.
    ShowExport,
    /// Ask where to save an export in this format.
    ExportPick(crate::export::Format),
    /// Export in this format to this file (off the UI thread); an
    /// existing file is asked about first.
    ExportTo(PathBuf, crate::export::Format),
    /// Export in this format to this file, replacing it (the reader said so).
    ExportReplace(PathBuf, crate::export::Format),
}

/// The tiles: which panes show, and how.
#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkspaceCommand {
    /// Show a pane and bring its tab to the front; for the timeline, when
    /// it is already in front, maximise it (or restore the layout).
    ShowPane(crate::store::layout::Pane),
    /// Open or close a pane.
    TogglePane(crate::store::layout::Pane),
    /// Maximise a pane, or restore the layout.
    ToggleMaximized(crate::store::layout::Pane),
    /// Back to the default layout for the window's size.
    ResetLayout,
}

/// The window itself: opening files, theme, messages, versions, undo, quitting.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum WindowCommand {
    /// Show the native open dialog.
    ShowOpenDialog,
    /// Ask for a path in a text field (when no dialog is available).
    ShowPathPrompt,
    /// Open this article.
    Open(PathBuf),
    /// Open the sample dossier: a copy in the user's data folder, made the
    /// first time from the one shipped (read-only) with Storyline.
    OpenSampleDossier,
    /// Copy this read-only dossier's folder into the user's data folder and
    /// open the copy.
    WorkingCopy(PathBuf),
    /// Light, dark, or follow the system.
    SetTheme(ThemeChoice),
    /// How the reader marks evidence.
    SetEvidenceStyle(crate::store::EvidenceStyle),
    /// Dismiss message `n`.
    DismissMessage(usize),
    /// Dismiss every message.
    DismissAllMessages,
    /// Close the window (state is saved on exit).
    Quit,
    /// Show the kept versions of the open dossier and save (and of this
    /// file, named by a message).
    ShowRestore(Option<PathBuf>),
    /// Put a kept version (the second path) back as the file (the first).
    RestoreVersion(PathBuf, PathBuf),
    /// Undo the last change in the window, the article's or the dossier's.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Ask for the name recorded on this user's work.
    AskAuthor,
    /// Record this name on this user's work from now on, and remember it
    /// (`None`: forget it; git's name or the login is used again).
    SetAuthor(Option<String>),
}

/// Which way to step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Towards the end.
    Forward,
    /// Towards the start.
    Back,
}

/// Where a highlight that is selected in the Highlights list is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// In the list only.
    InList,
    /// In the article too: it is scrolled to and flashes.
    InArticle,
}

/// What an import does with annotations whose quotes are not in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unmatched {
    /// When none is found, import nothing (another document's, most likely).
    Refuse,
    /// Keep them as orphans, to reattach by hand.
    KeepAsOrphans,
}

/// A message shown over the bottom of the reader: errors and messages
/// with a button stay until dismissed, notices fade after a few seconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// The text, naming the file concerned.
    pub text: String,
    /// True for errors, false for notices.
    pub error: bool,
    /// A button offered with the message, and what it does.
    pub action: Option<(String, Command)>,
    /// App time when first shown (set by the UI).
    pub shown_at: Option<f64>,
}

impl Message {
    /// An error message.
    #[must_use]
    pub fn error(text: String) -> Self {
        Self {
            text,
            error: true,
            action: None,
            shown_at: None,
        }
    }

    /// A notice.
    #[must_use]
    pub fn notice(text: String) -> Self {
        Self {
            text,
            error: false,
            action: None,
            shown_at: None,
        }
    }
}
