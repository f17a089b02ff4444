//! The window's own commands: opening files, the theme, messages, kept
//! versions and quitting, handled by one exhaustive `match`. (Undo and
//! Redo are turned into a store's undo before they get here: see
//! `frame.rs` and `undo.rs`.)

use super::{PickPurpose, StorylineApp, WindowCommand, apply_theme, picker};

impl StorylineApp {
    /// Applies a window command.
    pub(super) fn apply_window_command(
        &mut self,
        ctx: &egui::Context,
        command: WindowCommand,
        now: f64,
    ) {
        match command {
            WindowCommand::ShowOpenDialog => {
                if !self.picker.busy() {
                    self.pick_purpose = PickPurpose::Open;
                    self.picker.start(ctx, picker::PickRequest::Open);
                }
            }
            WindowCommand::ShowPathPrompt => {
                self.path_prompt.get_or_insert_with(String::new);
                self.prompt_for = PickPurpose::Open;
            }
            WindowCommand::Open(path) => {
                if crate::store::dossier::is_dossier_path(&path) {
                    self.open_dossier(&path, now);
                } else {
                    self.open_article(path, now);
                }
            }
            WindowCommand::OpenSampleDossier => match crate::store::sample::sample_dossier_copy() {
                Ok(path) => self.open_dossier(&path, now),
                Err(e) => self.error(format!("Could not open the sample dossier: {e}")),
            },
            WindowCommand::WorkingCopy(file) => match crate::store::sample::working_copy(&file) {
                Ok(copy) => {
                    self.messages.retain(|m| {
                        !matches!(
                            m.action,
                            Some((
                                _,
                                crate::app::Command::Window(WindowCommand::WorkingCopy(_))
                            ))
                        )
                    });
                    self.open_dossier(&copy, now);
                    self.notice(format!(
                        "Working copy: {} — your changes are saved there.",
                        copy.display()
                    ));
                }
                Err(e) => self.error(format!("Could not make a working copy: {e}")),
            },
            WindowCommand::SetTheme(theme) => {
                self.state.theme = theme;
                apply_theme(ctx, theme);
                self.mark_state_dirty(now);
            }
            WindowCommand::SetEvidenceStyle(style) => {
                self.state.evidence = style;
                self.mark_state_dirty(now);
            }
            WindowCommand::AskAuthor => {
                self.author_prompt = Some(self.author.clone().unwrap_or_default());
            }
            WindowCommand::SetAuthor(name) => {
                let name = crate::store::author::clean(name.as_deref());
                self.state.author.clone_from(&name);
                self.mark_state_dirty(now);
                let name = name.or_else(|| crate::store::author::resolve(None));
                self.notice(match &name {
                    Some(n) => format!("What you add or change from now on is marked as {n}'s."),
                    None => "No name: what you add or change is not marked as anyone's.".to_owned(),
                });
                self.set_author(name);
            }
            WindowCommand::DismissAllMessages => self.messages.clear(),
            WindowCommand::DismissMessage(n) => {
                if n < self.messages.len() {
                    self.messages.remove(n);
                }
            }
            WindowCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            WindowCommand::ShowRestore(file) => {
                self.restore.open = true;
                self.restore.extra = file.filter(|f| {
                    crate::store::dossier::is_dossier_path(f)
                        && self.dossier.as_ref().is_none_or(|d| &d.path != f)
                });
                self.list_versions();
            }
            WindowCommand::RestoreVersion(file, version) => {
                self.restore_version(&file, &version, now);
            }
            // Routed to a store by `route_undo` before this point; nothing
            // to undo when they get here.
            WindowCommand::Undo | WindowCommand::Redo => {}
        }
    }
}
