//! What the user can ask the app to do ([`Command`]), and the messages it
//! shows back ([`Message`]).

use std::path::PathBuf;

use crate::annotate::{self, HighlightColor, HighlightId};
use crate::document::{CharIdx, CharRange};
use crate::store::ThemeChoice;

/// Everything the user can ask the app to do.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Something done to the open dossier.
    Dossier(crate::app::dossier::DossierAction),
    /// Show the native open dialog.
    ShowOpenDialog,
    /// Ask for a path in a text field (when no dialog is available).
    ShowPathPrompt,
    /// Open this article.
    Open(PathBuf),
    /// Light, dark, or follow the system.
    SetTheme(ThemeChoice),
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
    /// Open the publication-date dialog.
    AskPublished,
    /// Set or clear the publication date the user gave (ISO `YYYY-MM-DD`).
    SetPublished(Option<String>),
    /// Open a link from the article (http, https and mailto only).
    OpenLink(String),
    /// Dismiss message `n`.
    DismissMessage(usize),
    /// Dismiss every message.
    DismissAllMessages,
    /// Scroll by this many screens.
    Page(f32),
    /// Jump to the start or end of the article.
    JumpTo(CharIdx),
    /// Close the window (state is saved on exit).
    Quit,
    /// Highlight the selection in this colour.
    Highlight(HighlightColor),
    /// Change the annotations (add, edit, delete, undo, redo).
    Annotate(annotate::Command),
    /// Select a highlight in the Highlights pane (`None`: none); `jump` scrolls
    /// the article to it and flashes it.
    FocusHighlight(Option<HighlightId>, bool),
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
    /// Show the kept versions of the open dossier and save (and of this
    /// file, named by a message).
    ShowRestore(Option<PathBuf>),
    /// Put a kept version (the second path) back as the file (the first).
    RestoreVersion(PathBuf, PathBuf),
    /// Copy the selected text.
    CopySelection,
    /// Clear the text selection.
    ClearSelection,
    /// Add a lane (and open its editor).
    AddLane,
    /// Open a lane's editor.
    EditLane(crate::timeline::LaneId),
    /// Move a lane up (-1) or down (+1).
    MoveLane(crate::timeline::LaneId, i32),
    /// Select an event (`None`: none): its evidence flashes.
    SelectEvent(Option<crate::timeline::EventId>),
    /// Show these dates on the timeline.
    SetTimelineView(crate::timeline::layout::DayRange),
    /// Scroll the article to a passage and flash it.
    Reveal(CharRange),
    /// Make an event from a highlight, dated by the phrase at this range
    /// (`None`: its only date, or ask when it has several).
    AddToTimeline(HighlightId, Option<CharRange>),
    /// Accept these suggested events (by key).
    AcceptSuggestions(Vec<String>),
    /// Delete a highlight, asking first when events rest on it.
    AskDeleteHighlight(HighlightId),
    /// Show a pane and bring its tab to the front; for the timeline, when
    /// it is already in front, maximise it (or restore the layout).
    ShowPane(crate::store::layout::Pane),
    /// Open or close a pane.
    TogglePane(crate::store::layout::Pane),
    /// Maximise a pane, or restore the layout.
    ToggleMaximized(crate::store::layout::Pane),
    /// Back to the default layout for the window's size.
    ResetLayout,
    /// Open the export window.
    ShowExport,
    /// Ask for a file of annotations to import onto the open article.
    ShowImportDialog,
    /// Import the annotations in this file onto the open article.
    ImportAnnotations(PathBuf, Unmatched),
    /// Ask where to save an export in this format.
    ExportPick(crate::export::Format),
    /// Export in this format to this file (off the UI thread); an
    /// existing file is asked about first.
    ExportTo(PathBuf, crate::export::Format),
    /// Export in this format to this file, replacing it (the reader said so).
    ExportReplace(PathBuf, crate::export::Format),
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

/// Which way to step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Towards the end.
    Forward,
    /// Towards the start.
    Back,
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
