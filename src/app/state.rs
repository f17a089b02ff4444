//! The window's state: [`StorylineApp`] with every field it holds, the
//! open article, the find bar's state and the startup options. Its
//! behaviour lives with the views (`menu.rs`, `reader/`, `highlights/`,
//! `timeline/`, `dossier/`, …), each an `impl StorylineApp` of its own.

use std::path::PathBuf;

use super::absolute;
use super::picker::FilePicker;
use super::reader::ReaderView;
use super::{
    ArticleSave, Command, HighlightsPaneState, Message, dossier, export_ui, import_ui, opening,
    restore_ui, timeline, undo, workspace,
};
use crate::document::{CharRange, Document, LoadedDocument};
use crate::store::AppState;

/// The open article and its reader view.
pub struct OpenArticle {
    /// Absolute path of the file.
    pub path: PathBuf,
    /// The parsed document.
    pub doc: std::sync::Arc<Document>,
    /// The reading pane's cache and scroll state.
    pub view: ReaderView,
    /// Its highlights and their save.
    pub save: ArticleSave,
    /// Its headings (chapters), for the Contents menu.
    pub outline: Vec<crate::document::outline::OutlineEntry>,
}

/// The find bar's state.
#[derive(Default)]
pub struct FindState {
    /// Whether the bar is shown.
    pub open: bool,
    /// The query as typed.
    pub query: String,
    /// Matches of `query`, sorted.
    pub matches: Vec<CharRange>,
    /// Index into `matches` of the current one.
    pub current: Option<usize>,
    /// Focus the field next frame.
    pub focus: bool,
}

/// Startup options, so the window and tests build the app the same way.
pub struct AppOptions {
    /// Where the state file lives (`None`: remember nothing).
    pub state_path: Option<PathBuf>,
    /// The state read at startup.
    pub state: AppState,
    /// The article to show first, already loaded, with its path.
    pub initial: Option<(PathBuf, LoadedDocument)>,
    /// How to ask for files.
    pub picker: Box<dyn FilePicker>,
    /// Folder of the annotation saves.
    pub saves_dir: PathBuf,
}

/// The application.
pub struct StorylineApp {
    pub(super) state: AppState,
    pub(super) state_path: Option<PathBuf>,
    pub(super) state_dirty_at: Option<f64>,
    pub(super) article: Option<OpenArticle>,
    pub(super) find: FindState,
    pub(super) picker: Box<dyn FilePicker>,
    pub(super) messages: Vec<Message>,
    pub(super) commands: Vec<Command>,
    pub(super) path_prompt: Option<String>,
    /// The path prompt asks for annotations to import, not an article.
    pub(super) prompt_for: PickPurpose,
    pub(super) date_prompt: Option<String>,
    /// The "Your name" dialog's text, while it is shown.
    pub(super) author_prompt: Option<String>,
    pub(super) setup_done: bool,
    /// Text on screen needs a system font for Chinese, Japanese or Korean
    /// (`.0`); it was looked for and installed if found (`.1`).
    pub(super) script_font: (bool, bool),
    pub(super) saves_dir: PathBuf,
    pub(super) panel: HighlightsPaneState,
    pub(super) timeline: timeline::TimelineState,
    pub(super) export: export_ui::ExportState,
    pub(super) restore: restore_ui::RestoreState,
    /// An import of annotations being read.
    pub(super) import: Option<import_ui::ImportJob>,
    /// A large article being read.
    pub(super) opening: Option<opening::OpeningJob>,
    pub(super) pick_purpose: PickPurpose,
    /// The window's egui context (for work that finishes off the UI thread).
    pub(super) egui_ctx: egui::Context,
    /// For the launch benchmark: whether text was shown yet, and when the
    /// frame that received a Page Down started (it is also the one that
    /// shows it).
    pub(super) trace: (bool, Option<std::time::Instant>),
    pub(super) frame_started: std::time::Instant,
    /// The window title last sent (sent again only when it changes).
    pub(super) sent_title: Option<String>,
    /// App time of the last input event (for the cursor blink timeout).
    pub(super) last_input: f64,
    /// The tiles (made on the first frame, when the window's size is known).
    pub(super) workspace: Option<workspace::Workspace>,
    /// The open dossier, if any.
    pub(super) dossier: Option<dossier::OpenDossier>,
    /// The order of the article's and the dossier's changes, for Ctrl+Z.
    pub(super) undo_order: undo::UndoOrder,
    /// Whose name goes on what this user adds or changes (`None`: no name
    /// known, nothing recorded).
    pub(super) author: Option<String>,
    /// The paths outside dossiers' folders the user agreed to read.
    pub(super) trusted: crate::store::trust::Agreements,
}

/// What the file dialog in progress (or the typed-path prompt standing in
/// for it) is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum PickPurpose {
    /// Opening an article.
    #[default]
    Open,
    /// Saving an export.
    Export(crate::export::Format),
    /// Creating a dossier file.
    NewDossier,
    /// Choosing articles to add to the dossier.
    AddToDossier,
    /// Choosing a file of annotations to import.
    ImportAnnotations,
}

impl StorylineApp {
    /// A new app showing `options.initial`, if any.
    #[must_use]
    pub fn new(options: AppOptions) -> Self {
        let author = options.state.author.clone();
        let mut app = Self {
            trusted: crate::store::trust::Agreements::default(),
            author,
            state: options.state,
            state_path: options.state_path,
            state_dirty_at: None,
            article: None,
            find: FindState::default(),
            picker: options.picker,
            messages: Vec::new(),
            commands: Vec::new(),
            path_prompt: None,
            prompt_for: PickPurpose::Open,
            date_prompt: None,
            author_prompt: None,
            setup_done: false,
            script_font: (false, false),
            saves_dir: options.saves_dir,
            panel: HighlightsPaneState::default(),
            timeline: timeline::TimelineState::default(),
            export: export_ui::ExportState::default(),
            restore: restore_ui::RestoreState::default(),
            import: None,
            opening: None,
            pick_purpose: PickPurpose::Open,
            egui_ctx: egui::Context::default(),
            trace: (false, None),
            frame_started: std::time::Instant::now(),
            sent_title: None,
            last_input: 0.0,
            workspace: None,
            dossier: None,
            undo_order: undo::UndoOrder::default(),
        };
        if let Some((path, loaded)) = options.initial {
            app.show_loaded(&path, loaded);
            app.offer_bundle(&absolute(&path));
        }
        app
    }

    /// Records `name` on what this user adds or changes from now on (for
    /// this session: `--author`, git's name; see `remember_author`).
    pub fn set_author(&mut self, name: Option<String>) {
        if let Some(article) = &mut self.article {
            article.save.author.clone_from(&name);
        }
        if let Some(d) = &mut self.dossier {
            d.author.clone_from(&name);
        }
        self.author = name;
    }

    /// The name this user's changes carry.
    #[must_use]
    pub fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }
}
