//! The egui shell: one [`StorylineApp`] that draws the model and changes it
//! only through [`Command`]s, applied in one place at the end of each frame.

pub mod actions;
mod command;
pub mod dossier;
mod export_ui;
mod find;
mod find_bar;
mod frame;
pub mod highlights;
mod import_ui;
mod keys;
mod menu;
mod messages;
mod opening;
mod panes;
pub mod picker;
mod prompts;
pub mod reader;
mod restore_ui;
mod state;
mod status;
pub mod theme;
pub mod timeline;
mod undo;
mod window;
pub mod workspace;

use std::path::{Path, PathBuf};

use crate::document::{CharRange, LoadedDocument};
use crate::store::{AppState, ThemeChoice};
pub use command::{
    Command, Direction, ExportCommand, HighlightsCommand, Message, ReaderCommand, Show,
    TimelineCommand, Unmatched, WindowCommand, WorkspaceCommand,
};
pub(crate) use find::reveal;
pub use highlights::HighlightsPaneState;
pub use highlights::save::ArticleSave;
pub use opening::{Reading, reads_in_background, start_reading};
use picker::PickOutcome;
use reader::ReaderView;
use state::PickPurpose;
pub use state::{AppOptions, FindState, OpenArticle, StorylineApp};

/// Seconds to wait after the last change before writing the state file.
const STATE_SAVE_DELAY: f64 = 1.0;
/// Seconds without input after which a text field's cursor stops blinking
/// (as GTK's does), so a window with a focused field goes idle too.
const CURSOR_BLINK_SECONDS: f64 = 10.0;
/// Zoom limits for the reading text.
const ZOOM_RANGE: (f32, f32) = (0.6, 2.4);

/// Absolute form of a path, for keys in the state file.
pub(crate) fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_owned())
}

impl StorylineApp {
    /// The open article.
    #[must_use]
    pub fn article(&self) -> Option<&OpenArticle> {
        self.article.as_ref()
    }

    /// Messages currently shown.
    #[must_use]
    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    /// The find bar's state.
    #[must_use]
    pub fn find(&self) -> &FindState {
        &self.find
    }

    /// The remembered state.
    #[must_use]
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Selects `range` of the open article in the reader (as a drag would).
    pub fn select(&mut self, range: CharRange) {
        if let Some(a) = &mut self.article {
            a.view.selection = reader::selection::Selection::of(range);
        }
    }

    /// Queues a command, applied at the end of the frame.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Shows an error message over the reader.
    pub fn report_error(&mut self, text: String) {
        self.error(text);
    }

    fn error(&mut self, text: String) {
        self.want_script_font(&text);
        self.messages.push(Message::error(text));
    }

    /// Notes that `text`, about to be shown, needs a system font for
    /// Chinese, Japanese or Korean (installed at the next frame).
    pub(super) fn want_script_font(&mut self, text: &str) {
        if !self.script_font.0 && theme::needs_script_font(text) {
            self.script_font_needed();
        }
    }

    /// Asks for the system font for Chinese, Japanese or Korean at the next
    /// frame.
    pub(super) fn script_font_needed(&mut self) {
        self.script_font.0 = true;
        self.egui_ctx.request_repaint();
    }

    fn notice(&mut self, text: String) {
        self.messages.push(Message::notice(text));
    }

    /// The timeline's view state.
    #[must_use]
    pub fn timeline(&self) -> &timeline::TimelineState {
        &self.timeline
    }

    /// The workspace (after the first frame).
    #[must_use]
    pub fn workspace(&self) -> Option<&workspace::Workspace> {
        self.workspace.as_ref()
    }

    /// The Highlights pane's state.
    #[must_use]
    pub fn panel(&self) -> &HighlightsPaneState {
        &self.panel
    }

    /// Writes unsaved annotations now (waits for a background save first).
    pub fn flush_annotations(&mut self) {
        self.panel.commit_editor_into(self.article.as_mut());
        if let Some(article) = &mut self.article {
            let messages = article.save.flush(&article.doc);
            self.messages.extend(messages);
        }
    }

    fn mark_state_dirty(&mut self, now: f64) {
        self.state_dirty_at.get_or_insert(now);
    }

    /// Writes the state file now, if there is one. Errors become messages.
    pub fn save_state(&mut self) {
        self.remember_position();
        if let Some(ws) = &self.workspace {
            self.state.layout = Some(ws.to_saved());
        }
        self.state_dirty_at = None;
        if let Some(path) = &self.state_path
            && let Err(e) = self.state.save(path)
        {
            let text = format!("Could not remember the reading position: {e}");
            self.error(text);
        }
    }

    fn remember_position(&mut self) {
        if let Some(article) = &self.article {
            let entry = self.state.articles.entry(article.path.clone()).or_default();
            entry.position = article.view.top_char();
        }
    }

    fn show_loaded(&mut self, path: &Path, loaded: LoadedDocument) {
        self.want_script_font(&loaded.document.text);
        self.remember_position();
        self.flush_annotations();
        // What the reader did to the article being left reaches its dossier.
        let now = self.egui_ctx.input(|i| i.time);
        self.sync_article(now);
        self.panel = HighlightsPaneState::default();
        self.timeline = timeline::TimelineState::default();
        let path = absolute(path);
        for warning in &loaded.warnings {
            self.notice(warning.clone());
        }
        let doc = loaded.document;
        let mut view = ReaderView::new(doc.blocks.len());
        if let Some(saved) = self.state.articles.get(&path)
            && saved.position.0 > 0
            && saved.position.0 < doc.char_len
        {
            view.scroll_to(saved.position);
        }
        self.state.touch_recent(&path);
        let (mut save, messages) = ArticleSave::open(&self.saves_dir, &path, &doc);
        save.author.clone_from(&self.author);
        self.messages.extend(messages);
        self.undo_order.forget(undo::Store::Article);
        let outline = crate::document::outline::outline(&doc);
        self.article = Some(OpenArticle {
            path,
            doc: std::sync::Arc::new(doc),
            view,
            save,
            outline,
        });
        self.find.matches.clear();
        self.find.current = None;
        if self.find.open {
            self.commands
                .push(Command::Reader(ReaderCommand::RefreshFind));
        }
    }

    /// The publication date in force: the user's, else the article's.
    #[must_use]
    pub fn published(&self) -> Option<(jiff::civil::Date, bool)> {
        let article = self.article.as_ref()?;
        let user = self
            .state
            .articles
            .get(&article.path)
            .and_then(|a| a.published.as_deref())
            .and_then(|s| s.parse().ok());
        user.map(|d| (d, true))
            .or(article.doc.meta.published.map(|d| (d, false)))
    }

    /// Applies one command: each area's commands go to its view's module,
    /// which handles every one of them in one exhaustive `match`.
    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let now = ctx.input(|i| i.time);
        let Some(command) = self.route_undo(command) else {
            return;
        };
        let Some(command) = self.defer_while_opening(command) else {
            return;
        };
        match command {
            Command::Reader(c) => self.apply_reader_command(ctx, c, now),
            Command::Highlights(c) => self.apply_highlights_command(c, now),
            Command::Timeline(c) => self.apply_timeline_command(c, now),
            Command::Dossier(action) => self.apply_dossier_action(action, now),
            Command::Export(c) => {
                let published = self.published().map(|(d, _)| d);
                self.apply_export_command(c, published);
            }
            Command::Workspace(c) => self.apply_workspace_command(ctx, c, now),
            Command::Window(c) => self.apply_window_command(ctx, c, now),
        }
    }

    /// Draws one frame and applies the commands it produced.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.frame_started = std::time::Instant::now();
        self.egui_ctx = ctx.clone();
        if !self.setup_done {
            theme::install_fonts(&ctx, None);
            theme::install_styles(&ctx);
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            // Scroll bars a reader can grab: a long book's is not a 2 px line.
            ctx.all_styles_mut(|s| {
                s.spacing.scroll = egui::style::ScrollStyle {
                    bar_width: 9.0,
                    handle_min_length: 28.0,
                    ..egui::style::ScrollStyle::solid()
                };
            });
            apply_theme(&ctx, self.state.theme);
            self.setup_done = true;
            // Fonts are in place from the next frame on.
            ctx.request_repaint();
            return;
        }
        if self.script_font.0 && !self.script_font.1 {
            // Once: a system font for Chinese, Japanese or Korean text.
            self.script_font.1 = true;
            if let Some(font) = theme::script_font() {
                theme::install_fonts(&ctx, Some(font));
                ctx.request_repaint();
            }
        }
        match self.picker.poll() {
            Some(PickOutcome::Picked(path)) => match self.pick_purpose {
                PickPurpose::Open => self.send(Command::Window(WindowCommand::Open(path))),
                PickPurpose::Export(format) => {
                    self.send(Command::Export(ExportCommand::ExportTo(path, format)));
                }
                PickPurpose::NewDossier => {
                    self.send(Command::Dossier(dossier::DossierAction::New(path)));
                }
                PickPurpose::AddToDossier => {
                    self.send(Command::Dossier(dossier::DossierAction::Add(vec![path])));
                }
                PickPurpose::ImportAnnotations => {
                    self.send(Command::Highlights(HighlightsCommand::ImportAnnotations(
                        path,
                        Unmatched::Refuse,
                    )));
                }
            },
            Some(PickOutcome::PickedMany(paths)) => {
                self.send(Command::Dossier(dossier::DossierAction::Add(paths)));
            }
            Some(PickOutcome::Unavailable(why)) => {
                // No dialog here: the same request, by a typed path.
                let then = match self.pick_purpose {
                    PickPurpose::ImportAnnotations => {
                        "Drop the annotations file on the window, or type its path."
                    }
                    PickPurpose::AddToDossier => {
                        "Drop articles or a folder on the window, or type a path."
                    }
                    PickPurpose::NewDossier => "Type where the new dossier goes.",
                    PickPurpose::Export(_) => "Type where the export goes.",
                    PickPurpose::Open => "Drop an article on the window, or type its path.",
                };
                self.error(format!("{why} {then}"));
                self.path_prompt = Some(String::new());
                self.prompt_for = self.pick_purpose;
            }
            Some(PickOutcome::Cancelled) | None => {}
        }
        self.ensure_workspace(&ctx);
        self.shortcuts(&ctx);
        // What the keys (and a finished dialog) asked for takes effect before
        // anything is drawn, so this very frame shows it: Page Down costs one
        // frame, not two (a frame is ~20 ms in software OpenGL).
        for command in std::mem::take(&mut self.commands) {
            self.apply(&ctx, command);
        }
        self.update_cursor_blink(&ctx);
        menu::menu_bar_ui(ui, self);
        status::status_bar_ui(ui, self);
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| panes::workspace_ui(ui, self));
        if let Some(article) = &self.article {
            timeline::details::timeline_windows_ui(
                &ctx,
                article,
                &mut self.timeline,
                &mut self.commands,
            );
        }
        export_ui::export_window_ui(&ctx, self);
        restore_ui::restore_window_ui(&ctx, self);
        self.poll_export();
        self.poll_import();
        self.poll_opening(ctx.input(|i| i.time));
        prompts::drop_overlay_ui(&ctx);
        prompts::prompts_ui(&ctx, self);

        for command in std::mem::take(&mut self.commands) {
            self.apply(&ctx, command);
        }
        let now = ctx.input(|i| i.time);
        if let Some(article) = &mut self.article {
            let (messages, wait) = article.save.tick(&ctx, &article.doc, now);
            self.messages.extend(messages);
            if let Some(wait) = wait {
                ctx.request_repaint_after_secs(wait as f32 + 0.02);
            }
        }
        self.tick_dossier(&ctx, now);
        if let Some(t) = self.state_dirty_at {
            if now - t >= STATE_SAVE_DELAY {
                self.save_state();
            } else {
                ctx.request_repaint_after_secs((STATE_SAVE_DELAY - (now - t)) as f32 + 0.05);
            }
        }
        if crate::trace::enabled() {
            self.trace_frame();
        }
        self.update_title(&ctx);
    }
}

fn apply_theme(ctx: &egui::Context, theme: ThemeChoice) {
    ctx.set_theme(match theme {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    });
}

impl eframe::App for StorylineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        StorylineApp::ui(self, ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.flush_annotations();
        self.write_dossier_now();
        self.save_state();
    }
}
