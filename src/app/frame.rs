//! Each frame's housekeeping: the window's undo order, the tiles on the first
//! frame, the cursor's blinking, the window title, the benchmark marks.

use super::undo::Store;
use crate::app::{
    CURSOR_BLINK_SECONDS, Command, HighlightsCommand, StorylineApp, WindowCommand, dossier,
    workspace,
};

impl StorylineApp {
    /// Keeps the window's undo order ([`UndoOrder`]) as commands pass, and
    /// turns the window's Undo and Redo into the undo or redo of the store
    /// that changed last (the article's annotations or the dossier).
    pub(super) fn route_undo(&mut self, command: Command) -> Option<Command> {
        use crate::annotate::Command as A;
        use dossier::DossierAction as D;
        let article = |app: &Self, redo: bool| {
            app.article.as_ref().is_some_and(|a| {
                let ann = &a.save.annotations;
                if redo { ann.can_redo() } else { ann.can_undo() }
            })
        };
        let dossier = |app: &Self, redo: bool| {
            app.dossier
                .as_ref()
                .is_some_and(|d| if redo { d.can_redo() } else { d.can_undo() })
        };
        let (a_undo, a_redo) = (article(self, false), article(self, true));
        let (d_undo, d_redo) = (dossier(self, false), dossier(self, true));
        let can = move |redo: bool, store: Store| match (store, redo) {
            (Store::Article, false) => a_undo,
            (Store::Article, true) => a_redo,
            (Store::Dossier, false) => d_undo,
            (Store::Dossier, true) => d_redo,
        };
        let store_undo = |store: Store, redo: bool| match (store, redo) {
            (Store::Article, false) => Command::Highlights(HighlightsCommand::Annotate(A::Undo)),
            (Store::Article, true) => Command::Highlights(HighlightsCommand::Annotate(A::Redo)),
            (Store::Dossier, false) => Command::Dossier(D::Undo),
            (Store::Dossier, true) => Command::Dossier(D::Redo),
        };
        match &command {
            Command::Window(WindowCommand::Undo) => {
                let store = self.undo_order.undo(|s| can(false, s))?;
                return Some(store_undo(store, false));
            }
            Command::Window(WindowCommand::Redo) => {
                let store = self.undo_order.redo(|s| can(true, s))?;
                return Some(store_undo(store, true));
            }
            Command::Highlights(HighlightsCommand::Annotate(A::Undo)) => {
                self.undo_order.undone_in(Store::Article);
            }
            Command::Highlights(HighlightsCommand::Annotate(A::Redo)) => {
                self.undo_order.redone_in(Store::Article);
            }
            Command::Dossier(D::Undo) => self.undo_order.undone_in(Store::Dossier),
            Command::Dossier(D::Redo) => self.undo_order.redone_in(Store::Dossier),
            Command::Dossier(
                D::Merge(..)
                | D::KeepApart(..)
                | D::Unmerge(..)
                | D::Remove(..)
                | D::Edit(..)
                | D::Delete(_)
                | D::KeyDates(
                    crate::app::dossier::key_dates::KeyDatesAction::Accept(_)
                    | crate::app::dossier::key_dates::KeyDatesAction::Dismiss(_)
                    | crate::app::dossier::key_dates::KeyDatesAction::Restore(_),
                ),
            ) => {
                self.undo_order.changed(Store::Dossier);
            }
            Command::Highlights(
                HighlightsCommand::Annotate(_)
                | HighlightsCommand::Highlight(_)
                | HighlightsCommand::Reattach(_),
            ) => self.undo_order.changed(Store::Article),
            Command::Dossier(D::Close) => self.undo_order.forget(Store::Dossier),
            Command::Reader(_)
            | Command::Highlights(_)
            | Command::Timeline(_)
            | Command::Dossier(_)
            | Command::Export(_)
            | Command::Workspace(_)
            | Command::Window(_) => {}
        }
        Some(command)
    }

    /// Makes the tiles on the first frame (from the state file, else the
    /// default for the window's size), before any command may show a pane.
    pub(super) fn ensure_workspace(&mut self, ctx: &egui::Context) {
        if self.workspace.is_none() {
            let saved = self.state.layout.as_ref();
            self.workspace = Some(
                saved
                    .and_then(workspace::Workspace::from_saved)
                    .unwrap_or_else(|| {
                        workspace::Workspace::default_for(ctx.content_rect().size())
                    }),
            );
        }
    }

    /// Lets text cursors blink only for a while after the last input: a
    /// blinking cursor asks for a frame twice a second for ever.
    pub(super) fn update_cursor_blink(&mut self, ctx: &egui::Context) {
        let (now, active) = ctx.input(|i| (i.time, !i.events.is_empty() || i.pointer.is_moving()));
        if active {
            self.last_input = now;
        }
        let blink = now - self.last_input < CURSOR_BLINK_SECONDS;
        if ctx.global_style().visuals.text_cursor.blink != blink {
            ctx.all_styles_mut(|s| s.visuals.text_cursor.blink = blink);
        }
        // No frame of its own is needed when it stops: a blinking cursor
        // asks for one at its next toggle, and that frame draws it steady.
    }

    /// Sends the window title, only when it changed: every viewport command
    /// asks egui for another frame, so sending it each frame never idles.
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let dossier = self
            .dossier
            .as_ref()
            .map(|d| format!(" — {}", d.dossier.name))
            .unwrap_or_default();
        let title = self
            .article
            .as_ref()
            .map_or(format!("Storyline{dossier}"), |a| {
                format!("{}{dossier} — Storyline", a.doc.meta.title)
            });
        if self.sent_title.as_deref() != Some(title.as_str()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = Some(title);
        }
    }
}

impl StorylineApp {
    /// Prints the launch-benchmark marks: the first frame with text, the
    /// frame that shows a Page Down, and every frame (to count them).
    pub(super) fn trace_frame(&mut self) {
        // Every frame, so a benchmark can count frames drawn while idle.
        crate::trace::mark("frame");
        let preview = self
            .opening_preview()
            .is_some_and(|p| p.view.laid_out_blocks() > 0);
        if !self.trace.0
            && (preview
                || self
                    .article
                    .as_ref()
                    .is_some_and(|a| a.view.laid_out_blocks() > 0))
        {
            self.trace.0 = true;
            crate::trace::mark("first_text_frame");
        }
        if let Some(since) = self.trace.1.take() {
            let ms = since.elapsed().as_secs_f64() * 1000.0;
            crate::trace::mark(&format!("page_down_frame_ms={ms:.2}"));
        }
    }
}
