//! Each frame's housekeeping: where undo goes, the tiles on the first
//! frame, the cursor's blinking, the window title, the benchmark marks.

use super::{CURSOR_BLINK_SECONDS, Command, StorylineApp, dossier, workspace};

impl StorylineApp {
    /// Undo and redo (Ctrl+Z, Edit menu) go to what changed last: the
    /// dossier (a merge, split, keep-apart) or the article's annotations.
    pub(super) fn route_undo(&mut self, command: Command) -> Command {
        use crate::annotate::Command as A;
        use dossier::DossierAction as D;
        let (can_undo, can_redo) = self
            .dossier
            .as_ref()
            .map_or((false, false), |d| (d.can_undo(), d.can_redo()));
        match command {
            Command::Annotate(A::Undo) if self.dossier_changed_last && can_undo => {
                Command::Dossier(D::Undo)
            }
            Command::Annotate(A::Redo) if self.dossier_changed_last && can_redo => {
                Command::Dossier(D::Redo)
            }
            Command::Dossier(D::Merge(..) | D::KeepApart(..) | D::Unmerge(..) | D::Remove(..)) => {
                self.dossier_changed_last = true;
                command
            }
            Command::Annotate(A::Undo | A::Redo) => command,
            Command::Annotate(_) | Command::Highlight(_) | Command::AddToTimeline(..) => {
                self.dossier_changed_last = false;
                command
            }
            other => other,
        }
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
        if !self.trace.0
            && self
                .article
                .as_ref()
                .is_some_and(|a| a.view.laid_out_blocks() > 0)
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
